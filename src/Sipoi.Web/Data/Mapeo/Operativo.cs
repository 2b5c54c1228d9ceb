using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sipoi.Web.Data.Mapeo;

internal sealed class MapeoPoi : IEntityTypeConfiguration<Poi>
{
    public void Configure(EntityTypeBuilder<Poi> e)
    {
        e.ToTable("poi");
        e.HasIndex(x => new { x.EntidadId, x.Anio }).IsUnique();
        e.HasOne<Pei>().WithMany().HasForeignKey(x => x.PeiId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Versiones).WithOne().HasForeignKey(x => x.PoiId);
        e.Ignore(x => x.VersionVigente);
    }
}

internal sealed class MapeoPoiVersion : IEntityTypeConfiguration<PoiVersion>
{
    public void Configure(EntityTypeBuilder<PoiVersion> e)
    {
        e.ToTable("poi_version");
        e.HasIndex(x => new { x.PoiId, x.Numero }).IsUnique();
        // Also the key of an approved version's programming kept in memory (Seguimiento/ProgramacionDelCentro).
        e.ConVersionDeFila();
    }
}

internal sealed class MapeoActividadOperativa : IEntityTypeConfiguration<ActividadOperativa>
{
    public void Configure(EntityTypeBuilder<ActividadOperativa> e)
    {
        e.ToTable("actividad");
        e.HasIndex(x => new { x.PoiId, x.Codigo }).IsUnique();
        e.HasIndex(x => new { x.EntidadId, x.CentroCostoId });
        e.HasOne<Poi>().WithMany().HasForeignKey(x => x.PoiId);
        e.HasOne<CentroCosto>().WithMany().HasForeignKey(x => x.CentroCostoId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Aei>().WithMany().HasForeignKey(x => x.AeiId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<FichaProceso>().WithMany().HasForeignKey(x => x.FichaId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Avances).WithOne().HasForeignKey(x => x.ActividadId);
        e.HasMany(x => x.AvancesFinancieros).WithOne().HasForeignKey(x => x.ActividadId);
    }
}

internal sealed class MapeoProgramacionActividad : IEntityTypeConfiguration<ProgramacionActividad>
{
    public void Configure(EntityTypeBuilder<ProgramacionActividad> e)
    {
        e.ToTable("programacion");
        e.HasIndex(x => new { x.PoiVersionId, x.ActividadId }).IsUnique();
        e.HasOne<ActividadOperativa>().WithMany().HasForeignKey(x => x.ActividadId);
        e.HasOne<PoiVersion>().WithMany().HasForeignKey(x => x.PoiVersionId);
        e.HasMany(x => x.Metas).WithOne().HasForeignKey(x => x.ProgramacionId);
        e.HasMany(x => x.Financiera).WithOne().HasForeignKey(x => x.ProgramacionId);
        e.HasMany(x => x.Proyecciones).WithOne().HasForeignKey(x => x.ProgramacionId);
        e.HasMany(x => x.ElementosCriticos).WithOne().HasForeignKey(x => x.ProgramacionId);
        e.HasMany(x => x.Necesidades).WithOne().HasForeignKey(x => x.ProgramacionId);
        e.Property(x => x.Indicador).HasMaxLength(LimitesTexto.Nombre);
        e.Ignore(x => x.MetaAnual);
    }
}

/// <summary>The directive's critical elements of an activity in a version (migration 0027, Formulacion/README.md).</summary>
internal sealed class MapeoElementoCritico : IEntityTypeConfiguration<ElementoCritico>
{
    public void Configure(EntityTypeBuilder<ElementoCritico> e)
    {
        e.ToTable("elemento_critico");
        e.HasIndex(x => new { x.ProgramacionId, x.Orden }).IsUnique();
        e.Property(x => x.Texto).HasMaxLength(LimitesTexto.Nombre);
    }
}

/// <summary>The goods and services an activity needs in a version, feeding the per-unit summary (migration 0027).</summary>
internal sealed class MapeoNecesidadActividad : IEntityTypeConfiguration<NecesidadActividad>
{
    public void Configure(EntityTypeBuilder<NecesidadActividad> e)
    {
        e.ToTable("necesidad_actividad");
        e.HasIndex(x => new { x.ProgramacionId, x.Orden }).IsUnique();
        e.Property(x => x.Codigo).HasMaxLength(LimitesTexto.Codigo);
        e.Property(x => x.Detalle).HasMaxLength(LimitesTexto.Nombre);
    }
}

internal sealed class MapeoMetaMensual : IEntityTypeConfiguration<MetaMensual>
{
    public void Configure(EntityTypeBuilder<MetaMensual> e)
    {
        e.ToTable("meta_mensual", t => t.HasCheckConstraint("ck_meta_mensual_mes", "mes BETWEEN 1 AND 12"));
        e.HasIndex(x => new { x.ProgramacionId, x.Mes }).IsUnique();
    }
}

internal sealed class MapeoProgramacionFinanciera : IEntityTypeConfiguration<ProgramacionFinanciera>
{
    public void Configure(EntityTypeBuilder<ProgramacionFinanciera> e)
    {
        e.ToTable("programacion_financiera", t => t.HasCheckConstraint("ck_programacion_financiera_mes", "mes BETWEEN 1 AND 12"));
        e.HasIndex(x => new { x.ProgramacionId, x.Generica, x.Mes }).IsUnique();
        e.Property(x => x.Generica).HasMaxLength(20);
    }
}

/// <summary>Drafting's multi-year projection of a programmed activity (migration 0008, Formulacion/README.md).</summary>
internal sealed class MapeoProyeccionMultianual : IEntityTypeConfiguration<ProyeccionMultianual>
{
    public void Configure(EntityTypeBuilder<ProyeccionMultianual> e)
    {
        e.ToTable("proyeccion_multianual");
        e.HasIndex(x => new { x.ProgramacionId, x.Anio }).IsUnique();
    }
}

internal sealed class MapeoAvanceMensual : IEntityTypeConfiguration<AvanceMensual>
{
    public void Configure(EntityTypeBuilder<AvanceMensual> e)
    {
        e.ToTable("avance_mensual", t => t.HasCheckConstraint("ck_avance_mensual_mes", "mes BETWEEN 1 AND 12"));
        e.HasIndex(x => new { x.ActividadId, x.Mes }).IsUnique();
        e.Property(x => x.Logros).HasMaxLength(4000);
        e.Property(x => x.Dificultades).HasMaxLength(4000);
        e.Property(x => x.MedidasCorrectivas).HasMaxLength(4000);
        e.ConVersionDeFila();
    }
}

internal sealed class MapeoAvanceFinanciero : IEntityTypeConfiguration<AvanceFinanciero>
{
    public void Configure(EntityTypeBuilder<AvanceFinanciero> e)
    {
        e.ToTable("avance_financiero", t => t.HasCheckConstraint("ck_avance_financiero_mes", "mes BETWEEN 1 AND 12"));
        e.HasIndex(x => new { x.ActividadId, x.Generica, x.Mes }).IsUnique();
        e.Property(x => x.Generica).HasMaxLength(20);
    }
}
