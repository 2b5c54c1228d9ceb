using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Data;

namespace Sipoi.Web.Seguridad;

/// <summary>
/// A signed-in browser session as the server knows it (table sesion). The cookie carries only the id
/// (encrypted with the rest of the ticket); every request looks it up by primary key, so deleting the
/// row ends the session at once on every web node — log-out, a password change or reset, a deactivation.
/// A cookie copied before any of these stops working, whatever its own expiry says.
/// </summary>
public sealed class Sesion
{
    public Guid Id { get; private set; }
    public int UsuarioId { get; private set; }
    public int EntidadId { get; private set; }
    public DateTimeOffset Creada { get; private set; }
    /// <summary>Written at most once a minute (<see cref="SesionesServidor.IntervaloUso"/>): the sliding expiry, and what the clean-up reads.</summary>
    public DateTimeOffset UltimoUso { get; private set; }

    private Sesion() { }
}

public static class SesionesServidor
{
    /// <summary>Where the ticket keeps the session id. AuthenticationProperties survive Identity's refreshes, claims do not.</summary>
    public const string Clave = "sipoi.sesion";
    /// <summary>Same as the cookie's sliding expiry: a session unused this long is over on the server too.</summary>
    public static readonly TimeSpan Duracion = TimeSpan.FromHours(8);
    public static readonly TimeSpan IntervaloUso = TimeSpan.FromMinutes(1);

    private static DateTimeOffset Ahora(CookieAuthenticationOptions o) => (o.TimeProvider ?? TimeProvider.System).GetUtcNow();

    /// <summary>Cookie event: a new sign-in opens a server session; a refresh of the same session (password change, stamp renewal) keeps it.</summary>
    public static async Task AlIngresarAsync(CookieSigningInContext c)
    {
        if (c.Properties.Items.ContainsKey(Clave) || c.Principal is not { } p) return;
        var usuario = int.Parse(p.FindFirstValue(ClaimTypes.NameIdentifier)!, CultureInfo.InvariantCulture);
        var entidad = p.EntidadId() ?? throw new InvalidOperationException("Sesión sin entidad.");
        var db = c.HttpContext.RequestServices.GetRequiredService<SipoiDbContext>();
        var ahora = Ahora(c.Options);
        var id = Guid.CreateVersion7(ahora);
        // Set-based SQL, not SaveChanges: a session is bookkeeping, not an audited change, and the page's other tracked entities stay untouched.
        await db.Sesiones.Where(s => s.UltimoUso < ahora - Duracion).ExecuteDeleteAsync(c.HttpContext.RequestAborted);
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO sesion (id, usuario_id, entidad_id, creada, ultimo_uso) VALUES ({id}, {usuario}, {entidad}, {ahora}, {ahora})",
            c.HttpContext.RequestAborted);
        c.Properties.Items[Clave] = id.ToString();
    }

    /// <summary>Cookie event on every request: the session must still exist on the server; then Identity's security-stamp check.</summary>
    public static async Task ValidarAsync(CookieValidatePrincipalContext c)
    {
        if (IdDe(c.Properties) is not { } id)
        {
            await RechazarAsync(c);
            return;
        }
        var db = c.HttpContext.RequestServices.GetRequiredService<SipoiDbContext>();
        var ahora = Ahora(c.Options);
        var uso = await db.Sesiones.AsNoTracking().Where(s => s.Id == id).Select(s => (DateTimeOffset?)s.UltimoUso)
            .SingleOrDefaultAsync(c.HttpContext.RequestAborted);
        if (uso is not { } u || ahora - u >= Duracion)
        {
            await RechazarAsync(c);
            return;
        }
        if (ahora - u >= IntervaloUso)
            await db.Sesiones.Where(s => s.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.UltimoUso, ahora), c.HttpContext.RequestAborted);
        // Kept for log-out and password change in this request: asking the cookie handler again from inside it would deadlock.
        c.HttpContext.Items[Clave] = id;
        await SecurityStampValidator.ValidatePrincipalAsync(c);
    }

    private static async Task RechazarAsync(CookieValidatePrincipalContext c)
    {
        c.RejectPrincipal();
        await c.HttpContext.SignOutAsync(c.Scheme.Name);
    }

    /// <summary>Cookie event: log-out deletes the server session, so the cookie is dead even if someone kept a copy.</summary>
    public static async Task AlSalirAsync(CookieSigningOutContext c)
    {
        if (Actual(c.HttpContext) is not { } id) return;
        var db = c.HttpContext.RequestServices.GetRequiredService<SipoiDbContext>();
        await db.Sesiones.Where(s => s.Id == id).ExecuteDeleteAsync(c.HttpContext.RequestAborted);
        c.HttpContext.Items.Remove(Clave);
    }

    /// <summary>The server session of this request's cookie, once authentication validated it.</summary>
    public static Guid? Actual(HttpContext http) => http.Items.TryGetValue(Clave, out var id) ? id as Guid? : null;

    private static Guid? IdDe(AuthenticationProperties? p) =>
        p is not null && p.Items.TryGetValue(Clave, out var texto) && Guid.TryParse(texto, out var id) ? id : null;

    /// <summary>
    /// Ends every session of the user (but <paramref name="salvo"/>, the one that changed its own password) and revokes
    /// every API token, inside the caller's transaction: after a password change or reset, or a deactivation, nothing
    /// opened with the old credentials keeps working. The revocations are audited (SaveChanges); sessions are not.
    /// </summary>
    public static async Task CerrarTodoAsync(SipoiDbContext db, int usuarioId, DateTimeOffset ahora, Guid? salvo, CancellationToken ct)
    {
        await db.Sesiones.Where(s => s.UsuarioId == usuarioId && s.Id != salvo).ExecuteDeleteAsync(ct);
        foreach (var t in await db.TokensApi.Where(t => t.UsuarioId == usuarioId && t.Revocado == null).ToListAsync(ct)) t.Revocar(ahora);
        await db.SaveChangesAsync(ct);
    }
}
