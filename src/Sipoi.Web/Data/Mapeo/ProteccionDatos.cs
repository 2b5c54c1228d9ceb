using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sipoi.Web.Data.Mapeo;

/// <summary>
/// ASP.NET Core's own key entity (id, friendly_name, xml), in a table of ours. The app only reads and appends
/// (PrivilegiosApp.TablasSoloAgregar): a key is never changed, a revocation is a new row.
/// </summary>
internal sealed class MapeoClaveProteccionDatos : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> e) => e.ToTable("clave_proteccion_datos");
}
