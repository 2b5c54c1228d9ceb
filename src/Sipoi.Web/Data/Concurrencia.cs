using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Peis;

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

    /// <summary>
    /// The one shape of the administration forms' create, edit and remove handlers: runs the change and its save and
    /// returns the refusal to show, or null when it was saved — a domain rule's message, another person's change to
    /// <paramref name="que"/> (<see cref="OtraPersona"/>), or <paramref name="duplicado"/> when the database refuses a
    /// repeated code (a create racing another one).
    /// </summary>
    public static async Task<string?> RechazoAlGuardarAsync(Func<Task> cambio, string que, string? duplicado = null)
    {
        try
        {
            await cambio();
            return null;
        }
        catch (ReglaDominioException e)
        {
            return e.Message;
        }
        catch (DbUpdateConcurrencyException)
        {
            return OtraPersona(que);
        }
        catch (DbUpdateException e) when (duplicado is not null && EdicionPei.EsDuplicado(e))
        {
            return duplicado;
        }
    }

    /// <summary>The refusal shown when the row changed meanwhile; <paramref name="que"/> names it ("la ficha de proceso FP01").</summary>
    public static string OtraPersona(string que) =>
        $"Otra persona cambió {que} mientras usted editaba; recargue la página y vuelva a intentarlo.";
}
