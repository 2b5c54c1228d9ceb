using Microsoft.EntityFrameworkCore;

namespace Sipoi.Web.Data;

/// <summary>
/// A unit of work of several saves in one transaction, run under the execution strategy (Arranque/EstrategiaReintento):
/// a transient failure rolls the transaction back and runs the whole unit again. EF keeps what the failed attempt saved
/// as accepted in its change tracker (and a query returns those tracked instances, not the database's values), so a
/// retry would skip changes the rollback undid. Each retry therefore starts with an empty change tracker: the unit must
/// load inside itself whatever it changes.
/// </summary>
public static class Reintento
{
    public static Task<T> UnidadAsync<T>(this SipoiDbContext db, Func<Task<T>> unidad)
    {
        var intento = 0;
        return db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            if (intento++ > 0) db.ChangeTracker.Clear();
            return await unidad();
        });
    }

    public static Task UnidadAsync(this SipoiDbContext db, Func<Task> unidad) =>
        db.UnidadAsync(async () => { await unidad(); return true; });
}
