using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sipoi.Web.Data.Mapeo;

internal sealed class MapeoEntidad : IEntityTypeConfiguration<Entidad>
{
    public void Configure(EntityTypeBuilder<Entidad> e)
    {
        e.ToTable("entidad");
        e.HasIndex(x => x.Codigo).IsUnique();
        e.Property(x => x.Codigo).HasMaxLength(40);
        e.OwnsOne(x => x.Configuracion, c =>
        {
            c.Property(x => x.EtiquetaBajo).HasMaxLength(60);
            c.Property(x => x.EtiquetaMedio).HasMaxLength(60);
            c.Property(x => x.EtiquetaAlto).HasMaxLength(60);
            c.Property(x => x.LeyendaBajo).HasMaxLength(120);
            c.Property(x => x.LeyendaMedio).HasMaxLength(120);
            c.Property(x => x.LeyendaAlto).HasMaxLength(120);
            c.Property(x => x.Ritmo).HasColumnName("ritmo_reporte");
        });
        e.Navigation(x => x.Configuracion).IsRequired();
    }
}

internal sealed class MapeoUnidadEjecutora : IEntityTypeConfiguration<UnidadEjecutora>
{
    public void Configure(EntityTypeBuilder<UnidadEjecutora> e)
    {
        e.ToTable("unidad_ejecutora");
        e.ConVersionDeFila();
        e.HasIndex(x => new { x.EntidadId, x.Codigo }).IsUnique();
    }
}

internal sealed class MapeoCentroCosto : IEntityTypeConfiguration<CentroCosto>
{
    public void Configure(EntityTypeBuilder<CentroCosto> e)
    {
        e.ToTable("centro_costo");
        e.HasIndex(x => new { x.EntidadId, x.Codigo }).IsUnique();
        e.HasOne<UnidadEjecutora>().WithMany().HasForeignKey(x => x.UnidadEjecutoraId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<CentroCosto>().WithMany().HasForeignKey(x => x.PadreId).OnDelete(DeleteBehavior.Restrict);
        e.Ignore(x => x.Nivel);
        // The SQL column defaults to true for existing rows; no HasDefaultValue here, or EF would omit a false on insert.
        e.Property(x => x.Activo);
    }
}

internal sealed class MapeoFichaProceso : IEntityTypeConfiguration<FichaProceso>
{
    public void Configure(EntityTypeBuilder<FichaProceso> e)
    {
        e.ToTable("ficha_proceso");
        e.ConVersionDeFila();
        e.HasIndex(x => new { x.EntidadId, x.Codigo }).IsUnique();
        e.HasOne<CentroCosto>().WithMany().HasForeignKey(x => x.CentroCostoId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Aeis).WithOne().HasForeignKey(x => x.FichaId);
    }
}

internal sealed class MapeoFichaAei : IEntityTypeConfiguration<FichaAei>
{
    public void Configure(EntityTypeBuilder<FichaAei> e)
    {
        e.ToTable("ficha_aei");
        e.HasKey(x => new { x.FichaId, x.AeiId });
        e.HasOne<Aei>().WithMany().HasForeignKey(x => x.AeiId).OnDelete(DeleteBehavior.Restrict);
    }
}
