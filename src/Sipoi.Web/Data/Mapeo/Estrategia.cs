using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sipoi.Web.Peis;
using Sipoi.Web.PlanesGobierno;

namespace Sipoi.Web.Data.Mapeo;

internal sealed class MapeoPei : IEntityTypeConfiguration<Pei>
{
    public void Configure(EntityTypeBuilder<Pei> e)
    {
        e.ToTable("pei");
        e.HasIndex(x => new { x.EntidadId, x.Codigo }).IsUnique();
        e.HasOne<Pei>().WithMany().HasForeignKey(x => x.PeiAnteriorId).OnDelete(DeleteBehavior.Restrict);
        e.Property(x => x.Estado).HasMaxLength(30);
        e.HasMany(x => x.Oeis).WithOne().HasForeignKey(x => x.PeiId);
        e.Ignore(x => x.Aeis);
    }
}

internal sealed class MapeoOei : IEntityTypeConfiguration<Oei>
{
    public void Configure(EntityTypeBuilder<Oei> e)
    {
        e.ToTable("oei");
        e.HasIndex(x => new { x.PeiId, x.Codigo }).IsUnique();
        e.HasIndex(x => new { x.PeiId, x.Prioridad }).IsUnique();
        e.HasMany(x => x.Aeis).WithOne().HasForeignKey(x => x.OeiId);
        e.HasMany(x => x.Indicadores).WithOne().HasForeignKey(x => x.OeiId);
    }
}

internal sealed class MapeoAei : IEntityTypeConfiguration<Aei>
{
    public void Configure(EntityTypeBuilder<Aei> e)
    {
        e.ToTable("aei");
        e.HasIndex(x => new { x.OeiId, x.Codigo }).IsUnique();
        e.HasIndex(x => new { x.OeiId, x.Prioridad }).IsUnique();
        e.HasMany(x => x.Indicadores).WithOne().HasForeignKey(x => x.AeiId);
    }
}

internal sealed class MapeoIndicador : IEntityTypeConfiguration<Indicador>
{
    public void Configure(EntityTypeBuilder<Indicador> e)
    {
        e.ToTable("indicador", t => t.HasCheckConstraint("ck_indicador_oei_o_aei", "(oei_id IS NULL) <> (aei_id IS NULL)"));
        e.HasIndex(x => new { x.EntidadId, x.Codigo });
        e.HasOne<CentroCosto>().WithMany().HasForeignKey(x => x.CentroCostoResponsableId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Valores).WithOne().HasForeignKey(x => x.IndicadorId);
    }
}

internal sealed class MapeoValorIndicador : IEntityTypeConfiguration<ValorIndicador>
{
    public void Configure(EntityTypeBuilder<ValorIndicador> e)
    {
        e.ToTable("valor_indicador");
        e.HasIndex(x => new { x.IndicadorId, x.Anio, x.Periodo }).IsUnique();
        e.Property(x => x.LogroEsperado).HasPrecision(20, 6);
        e.Property(x => x.ValorObtenido).HasPrecision(20, 6);
        e.Property(x => x.Observacion).HasMaxLength(LimitesTexto.TextoLargo);
        e.Ignore(x => x.ValorQueCuenta);
    }
}

internal sealed class MapeoEvidenciaIndicador : IEntityTypeConfiguration<EvidenciaIndicador>
{
    public void Configure(EntityTypeBuilder<EvidenciaIndicador> e)
    {
        e.ToTable("evidencia_indicador");
        e.HasIndex(x => new { x.ValorIndicadorId, x.Nombre }).IsUnique();
        e.HasOne(x => x.Valor).WithMany().HasForeignKey(x => x.ValorIndicadorId);
        MapeoArchivoEvidencia.Comun(e);
    }
}

internal sealed class MapeoPlanGobierno : IEntityTypeConfiguration<PlanGobierno>
{
    public void Configure(EntityTypeBuilder<PlanGobierno> e)
    {
        e.ToTable("plan_gobierno");
        e.HasMany(x => x.Elementos).WithOne().HasForeignKey(x => x.PlanGobiernoId);
    }
}

internal sealed class MapeoElementoPlanGobierno : IEntityTypeConfiguration<ElementoPlanGobierno>
{
    public void Configure(EntityTypeBuilder<ElementoPlanGobierno> e)
    {
        e.ToTable("elemento_plan_gobierno");
        e.ConVersionDeFila();
        e.HasOne<ElementoPlanGobierno>().WithMany().HasForeignKey(x => x.PadreId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Alineamientos).WithOne().HasForeignKey(x => x.ElementoPlanGobiernoId);
        // Named here: the conventional names pass PostgreSQL's 63-character limit.
        e.HasMany(x => x.Distritos).WithOne().HasForeignKey(x => x.ElementoPlanGobiernoId).HasConstraintName("fk_distrito_meta_plan_elemento_plan_gobierno");
        e.HasMany(x => x.Valores).WithOne().HasForeignKey(x => x.ElementoPlanGobiernoId).HasConstraintName("fk_valor_meta_plan_elemento_plan_gobierno");
        e.Ignore(x => x.Medible);
    }
}

internal sealed class MapeoDistritoMetaPlan : IEntityTypeConfiguration<DistritoMetaPlan>
{
    public void Configure(EntityTypeBuilder<DistritoMetaPlan> e)
    {
        e.ToTable("distrito_meta_plan");
        e.HasIndex(x => new { x.ElementoPlanGobiernoId, x.Distrito }).IsUnique();
    }
}

internal sealed class MapeoValorMetaPlan : IEntityTypeConfiguration<ValorMetaPlan>
{
    public void Configure(EntityTypeBuilder<ValorMetaPlan> e)
    {
        e.ToTable("valor_meta_plan");
        // The semester form's concurrency guard: a value another person changed meanwhile is not overwritten.
        e.ConVersionDeFila();
    }
}

internal sealed class MapeoEvidenciaMetaPlan : IEntityTypeConfiguration<EvidenciaMetaPlan>
{
    public void Configure(EntityTypeBuilder<EvidenciaMetaPlan> e)
    {
        e.ToTable("evidencia_meta_plan");
        e.HasIndex(x => new { x.ValorMetaPlanId, x.Nombre }).IsUnique();
        e.HasOne(x => x.Valor).WithMany().HasForeignKey(x => x.ValorMetaPlanId);
        MapeoArchivoEvidencia.Comun(e);
    }
}

internal sealed class MapeoAlineamientoPlanGobierno : IEntityTypeConfiguration<AlineamientoPlanGobierno>
{
    public void Configure(EntityTypeBuilder<AlineamientoPlanGobierno> e)
    {
        e.ToTable("alineamiento_plan_gobierno");
        e.HasOne<Oei>().WithMany().HasForeignKey(x => x.OeiId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Aei>().WithMany().HasForeignKey(x => x.AeiId).OnDelete(DeleteBehavior.Restrict);
    }
}
