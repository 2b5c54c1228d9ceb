using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sipoi.Web.Data.Mapeo;

/// <summary>Drafting and approval of POI versions (migration 0008, Formulacion/README.md).</summary>
internal sealed class MapeoFormulacionCentro : IEntityTypeConfiguration<FormulacionCentro>
{
    public void Configure(EntityTypeBuilder<FormulacionCentro> e)
    {
        e.ToTable("formulacion_centro");
        e.HasIndex(x => new { x.PoiVersionId, x.CentroCostoId }).IsUnique();
        e.HasIndex(x => x.CentroCostoId);
        e.HasOne<PoiVersion>().WithMany().HasForeignKey(x => x.PoiVersionId);
        e.HasOne<CentroCosto>().WithMany().HasForeignKey(x => x.CentroCostoId).OnDelete(DeleteBehavior.Restrict);
        e.Property(x => x.Observacion).HasMaxLength(FormulacionCentro.LargoMaximoObservacion);
        e.Property(x => x.EnviadoPor).HasMaxLength(EntradaAuditoria.LargoMaximoUsuario);
        e.Property(x => x.RevisadoPor).HasMaxLength(EntradaAuditoria.LargoMaximoUsuario);
        e.Ignore(x => x.Editable);
    }
}

internal sealed class MapeoTechoPresupuestal : IEntityTypeConfiguration<TechoPresupuestal>
{
    public void Configure(EntityTypeBuilder<TechoPresupuestal> e)
    {
        e.ToTable("techo_presupuestal");
        e.HasIndex(x => new { x.EntidadId, x.Anio, x.CentroCostoId }).IsUnique();
        e.HasIndex(x => x.CentroCostoId);
        e.HasOne<CentroCosto>().WithMany().HasForeignKey(x => x.CentroCostoId).OnDelete(DeleteBehavior.Restrict);
    }
}
