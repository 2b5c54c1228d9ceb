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
