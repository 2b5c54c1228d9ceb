using Microsoft.EntityFrameworkCore;

namespace Sipoi.Web.Data;

/// <summary>
/// Optimistic concurrency of the edit forms: the row's version (PostgreSQL's xmin) read with the form travels back with it,
/// and the save is refused (<see cref="DbUpdateConcurrencyException"/>) when another person changed the row meanwhile.
/// </summary>
public static class Concurrencia
{
    /// <summary>Saves, but only if <paramref name="fila"/> is still at the version the form was built from.</summary>
    public static Task GuardarSiNadieCambioAsync(this SipoiDbContext db, object fila, uint version, CancellationToken ct)
    {
        db.Entry(fila).Property(SipoiDbContext.ColumnaVersion).OriginalValue = version;
        return db.SaveChangesAsync(ct);
    }

    /// <summary>The refusal shown when the row changed meanwhile; <paramref name="que"/> names it ("la ficha de proceso FP01").</summary>
    public static string OtraPersona(string que) =>
        $"Otra persona cambió {que} mientras usted editaba; recargue la página y vuelva a intentarlo.";
}
