using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Sipoi.Web.Data;

/// <summary>
/// The data-protection key ring (migration 0025, table clave_proteccion_datos): every web node signs and reads session
/// cookies, antiforgery tokens and reset links with the same keys (Arranque/Nodos.cs). Mapping: Mapeo/ProteccionDatos.cs.
/// </summary>
public sealed partial class SipoiDbContext : IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
}
