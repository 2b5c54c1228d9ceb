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
/// claims as with the cookie (roles, entity), built by the same factory, so every authorization rule
/// applies unchanged. Only the API uses this scheme; pages use the cookie.
/// </summary>
public sealed class ManejadorTokenApi(IOptionsMonitor<AuthenticationSchemeOptions> opciones, ILoggerFactory logger, UrlEncoder encoder,
    SipoiDbContext db, UserManager<Usuario> usuarios, IUserClaimsPrincipalFactory<Usuario> fabrica, TimeProvider reloj)
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
        var token = await db.TokensApi.AsNoTracking().SingleOrDefaultAsync(t => t.Hash == hash, Context.RequestAborted);
        if (token is null || !token.Activo) return AuthenticateResult.Fail("Token desconocido o revocado.");
        var usuario = await usuarios.FindByIdAsync(token.UsuarioId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var ahora = reloj.GetUtcNow();
        // Only a deactivation stops a token (it also revokes them all); wrong passwords typed by others never do.
        if (usuario is null || Administracion.CuentasUsuario.EstadoDe(usuario.LockoutEnd, ahora) == Administracion.CuentasUsuario.Estado.Desactivado)
            return AuthenticateResult.Fail("El usuario del token no puede ingresar.");

        if (token.UltimoUso is not { } uso || ahora - uso >= IntervaloUso)
            await db.TokensApi.Where(t => t.Id == token.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.UltimoUso, ahora), Context.RequestAborted);

        var principal = await fabrica.CreateAsync(usuario);
        var identidad = new ClaimsIdentity(principal.Claims, Esquema, ClaimTypes.Name, ClaimTypes.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identidad), Esquema));
    }

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
