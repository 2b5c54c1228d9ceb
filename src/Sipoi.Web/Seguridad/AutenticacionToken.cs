using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sipoi.Web.Data;

namespace Sipoi.Web.Seguridad;

/// <summary>
/// Authenticates <c>Authorization: Bearer sipoi_…</c> against token_api (JwtBearer does not restore
/// here, and an opaque revocable token is what an office's integration needs). The user gets the same
/// claims as with the cookie (roles, entity), built by the same code as the factory's (<see cref="FabricaClaims.Claims"/>),
/// so every authorization rule applies unchanged; read in one query, not the seven of the factory. Only the API uses this scheme;
/// pages use the cookie.
/// </summary>
public sealed class ManejadorTokenApi(IOptionsMonitor<AuthenticationSchemeOptions> opciones, ILoggerFactory logger, UrlEncoder encoder,
    SipoiDbContext db, IOptions<IdentityOptions> identidad, TimeProvider reloj)
    : AuthenticationHandler<AuthenticationSchemeOptions>(opciones, logger, encoder)
{
    public const string Esquema = "TokenApi";

    /// <summary>Last use is bookkeeping: written at most once a minute per token, not on every call.</summary>
    private static readonly TimeSpan IntervaloUso = TimeSpan.FromMinutes(1);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var cabecera = Request.Headers.Authorization.ToString();
        if (!cabecera.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var secreto = cabecera["Bearer ".Length..].Trim();
        if (!secreto.StartsWith(TokenApi.Prefijo, StringComparison.Ordinal)) return AuthenticateResult.Fail("Token con formato no válido.");
        var hash = TokenApi.Resumen(secreto);
        var fila = await DelToken.Para(db)(db, hash, Context.RequestAborted);
        if (fila is null || fila.Revocado is not null) return AuthenticateResult.Fail("Token desconocido o revocado.");
        var ahora = reloj.GetUtcNow();
        // Only a deactivation stops a token (it also revokes them all); wrong passwords typed by others never do.
        if (Administracion.CuentasUsuario.EstadoDe(fila.Usuario.LockoutEnd, ahora) == Administracion.CuentasUsuario.Estado.Desactivado)
            return AuthenticateResult.Fail("El usuario del token no puede ingresar.");

        if (fila.UltimoUso is not { } uso || ahora - uso >= IntervaloUso)
            await db.TokensApi.Where(t => t.Id == fila.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.UltimoUso, ahora), Context.RequestAborted);

        var claims = FabricaClaims.Claims(fila.Usuario, fila.Entidad, fila.Roles.OfType<string>(), identidad.Value.ClaimsIdentity);
        return AuthenticateResult.Success(new AuthenticationTicket(
            new ClaimsPrincipal(new ClaimsIdentity(claims, Esquema, ClaimTypes.Name, ClaimTypes.Role)), Esquema));
    }

    private sealed record FilaToken(int Id, DateTimeOffset? Revocado, DateTimeOffset? UltimoUso, Usuario Usuario, string Entidad, List<string?> Roles);

    /// <summary>
    /// One round trip: the token, its user, the entity's code and the roles (the factory takes seven; docs/benchmarks.md, «Carga»).
    /// Compiled once: every API call runs it.
    /// </summary>
    private static readonly ConsultaCompilada<Func<SipoiDbContext, string, CancellationToken, Task<FilaToken?>>> DelToken = new(() =>
        EF.CompileAsyncQuery((SipoiDbContext db, string hash, CancellationToken ct) =>
            (from t in db.TokensApi.AsNoTracking()
             join u in db.Users.AsNoTracking() on t.UsuarioId equals u.Id
             join e in db.Entidades.AsNoTracking() on u.EntidadId equals e.Id
             where t.Hash == hash
             select new FilaToken(t.Id, t.Revocado, t.UltimoUso, u, e.Codigo,
                 (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == u.Id select r.Name).ToList()))
            .SingleOrDefault()));

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer realm=\"sipoi\"";
        return Escribir("Falta un token válido: envíe la cabecera «Authorization: Bearer sipoi_…» (créelo en /cuenta/tokens).");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Escribir("Acceso denegado: su usuario no puede hacer esto con este centro de costo o entidad.");
    }

    private Task Escribir(string mensaje) => Response.WriteAsJsonAsync(new { mensaje }, JsonSerializerOptions.Web);
}
