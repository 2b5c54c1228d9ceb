using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage;

namespace Sipoi.Web.Auditoria;

/// <summary>Inserts waiting for their generated keys, and the transaction opened to keep them with their data.</summary>
internal sealed class PendienteAuditoria(List<EntityEntry> altas, InterceptorAuditoria.Lote lote)
{
    public List<EntityEntry> Altas { get; } = altas;
    public InterceptorAuditoria.Lote Lote { get; } = lote;
    public IDbContextTransaction? Transaccion { get; set; }
}
