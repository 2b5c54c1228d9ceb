using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sipoi.Web.Data.Mapeo;

internal sealed class MapeoLineaPresupuesto : IEntityTypeConfiguration<LineaPresupuesto>
{
    public void Configure(EntityTypeBuilder<LineaPresupuesto> e)
    {
        e.ToTable("linea_presupuesto");
        e.ConVersionDeFila();
        e.HasIndex(x => new { x.EntidadId, x.Anio, x.Tipo, x.Codigo }).IsUnique();
    }
}

/// <summary>The PIA of a year by fuente, genérica and optional centre/activity codes (migration 0028).</summary>
internal sealed class MapeoCreditoPresupuestario : IEntityTypeConfiguration<CreditoPresupuestario>
{
    public void Configure(EntityTypeBuilder<CreditoPresupuestario> e)
    {
        e.ToTable("credito_presupuestario");
        e.HasIndex(x => new { x.EntidadId, x.Anio });
        ClavePresupuestalMapeo.Aplicar(e);
        e.Ignore(x => x.Clave);
        e.ConVersionDeFila();
    }
}

/// <summary>A budget modification with its document and date (migration 0028).</summary>
internal sealed class MapeoModificacionPresupuestaria : IEntityTypeConfiguration<ModificacionPresupuestaria>
{
    public void Configure(EntityTypeBuilder<ModificacionPresupuestaria> e)
    {
        e.ToTable("modificacion_presupuestaria");
        e.HasIndex(x => new { x.EntidadId, x.Anio });
        e.Property(x => x.Documento).HasMaxLength(LimitesTexto.Nombre);
        ClavePresupuestalMapeo.Aplicar(e);
        e.Ignore(x => x.Clave);
        e.ConVersionDeFila();
    }
}

/// <summary>Certified and accrued amounts of a month (migration 0028).</summary>
internal sealed class MapeoEjecucionPresupuestal : IEntityTypeConfiguration<EjecucionPresupuestal>
{
    public void Configure(EntityTypeBuilder<EjecucionPresupuestal> e)
    {
        e.ToTable("ejecucion_presupuestal");
        e.HasIndex(x => new { x.EntidadId, x.Anio });
        ClavePresupuestalMapeo.Aplicar(e);
        e.Ignore(x => x.Clave);
        e.ConVersionDeFila();
    }
}

internal static class ClavePresupuestalMapeo
{
    public static void Aplicar<T>(EntityTypeBuilder<T> e) where T : class
    {
        e.Property<string>("Generica").HasMaxLength(10);
        e.Property<string?>("CentroCodigo").HasMaxLength(LimitesTexto.Codigo);
        e.Property<string?>("ActividadCodigo").HasMaxLength(LimitesTexto.Codigo);
    }
}
