using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Sipoi.Web.Data;

namespace Sipoi.Web.Seguridad;

/// <summary>What the session cookie says about the user besides its roles.</summary>
public static class ClaimsSipoi
{
    public const string Entidad = "sipoi:entidad";
    public const string EntidadId = "sipoi:entidad_id";
    public const string Nombre = "sipoi:nombre";
    public const string Nacional = "sipoi:nacional";
}

/// <summary>The authorization policies; <see cref="Entidad"/> is also the default and the fallback, so a new page is protected without asking.</summary>
public static class Politicas
{
    /// <summary>Signed in, with one of the four roles, and — on /e/{entidad}/… — a user of that entity.</summary>
    public const string Entidad = "Entidad";
    /// <summary>The audit log: Planificador or Administrador of the entity.</summary>
    public const string Auditoria = "Auditoria";
    /// <summary>Only signed in (own account pages).</summary>
    public const string Sesion = "Sesion";
    /// <summary>/api/v1: a personal token (Bearer), never the cookie (no cross-site requests), plus the entity rule.</summary>
    public const string Api = "Api";
    /// <summary>Entity administration (users, settings, organisation chart): the entity rule plus Administrador.</summary>
    public const string Administracion = "Administracion";
}

public static class UsuarioActual
{
    public static int Id(this ClaimsPrincipal u) =>
        int.Parse(u.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Sesión sin usuario."), CultureInfo.InvariantCulture);

    public static string? CodigoEntidad(this ClaimsPrincipal u) => u.FindFirstValue(ClaimsSipoi.Entidad);

    public static int? EntidadId(this ClaimsPrincipal u) =>
        int.TryParse(u.FindFirstValue(ClaimsSipoi.EntidadId), CultureInfo.InvariantCulture, out var id) ? id : null;

    public static string NombreVisible(this ClaimsPrincipal u) => u.FindFirstValue(ClaimsSipoi.Nombre) ?? u.Identity?.Name ?? "";

    public static bool EsAdministradorNacional(this ClaimsPrincipal u) => u.HasClaim(ClaimsSipoi.Nacional, "true");

    public static bool TieneRolSipoi(this ClaimsPrincipal u) => Roles.Todos.Any(u.IsInRole);

    /// <summary>The entity rule: users read their own entity only; a national administrator reads all.</summary>
    public static bool PuedeVerEntidad(this ClaimsPrincipal u, string codigo) =>
        u.TieneRolSipoi() && (u.EsAdministradorNacional() || string.Equals(u.CodigoEntidad(), codigo, StringComparison.Ordinal));

    /// <summary>Administrador, Planificador and Consulta read every cost centre; an Operador only its own.</summary>
    public static bool VeTodaLaEntidad(this ClaimsPrincipal u) => Roles.VenTodaLaEntidad.Any(u.IsInRole);

    public static bool VeAuditoria(this ClaimsPrincipal u) => u.IsInRole(Roles.Administrador) || u.IsInRole(Roles.Planificador);

    /// <summary>
    /// The cost centres whose per-centre data (POI matrices, activities) the user may read: null means
    /// all of the entity. Read from the database on each request, so a reassignment applies at once.
    /// </summary>
    public static async Task<IReadOnlyCollection<int>?> CentrosVisiblesAsync(this ClaimsPrincipal u, SipoiDbContext db, CancellationToken ct)
    {
        if (u.VeTodaLaEntidad()) return null;
        var id = u.Id();
        return await db.UsuariosCentroCosto.AsNoTracking().Where(x => x.UsuarioId == id).Select(x => x.CentroCostoId).ToListAsync(ct);
    }
}

/// <summary>The route's {entidad} must be the user's entity. Pages without {entidad} only need a role.</summary>
public sealed class MiembroDeEntidad : IAuthorizationRequirement;

public sealed class ManejadorMiembroDeEntidad : AuthorizationHandler<MiembroDeEntidad>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, MiembroDeEntidad requirement)
    {
        if (!context.User.TieneRolSipoi()) return Task.CompletedTask;
        var codigo = (context.Resource as HttpContext)?.GetRouteValue("entidad") as string;
        if (codigo is null || context.User.PuedeVerEntidad(codigo)) context.Succeed(requirement);
        return Task.CompletedTask;
    }
}

/// <summary>Puts the user's entity and display name in the session cookie next to Identity's roles.</summary>
public sealed class FabricaClaims(UserManager<Usuario> usuarios, RoleManager<Rol> roles, IOptions<IdentityOptions> opciones, SipoiDbContext db)
    : UserClaimsPrincipalFactory<Usuario, Rol>(usuarios, roles, opciones)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(Usuario user)
    {
        var identidad = await base.GenerateClaimsAsync(user);
        var codigo = await db.Entidades.AsNoTracking().Where(e => e.Id == user.EntidadId).Select(e => e.Codigo).SingleAsync();
        identidad.AddClaim(new Claim(ClaimsSipoi.Entidad, codigo));
        identidad.AddClaim(new Claim(ClaimsSipoi.EntidadId, user.EntidadId.ToString(CultureInfo.InvariantCulture)));
        identidad.AddClaim(new Claim(ClaimsSipoi.Nombre, user.NombreCompleto));
        if (user.EsAdministradorNacional) identidad.AddClaim(new Claim(ClaimsSipoi.Nacional, "true"));
        return identidad;
    }
}

public static class ConfiguracionSeguridad
{
    public static readonly TimeSpan RevalidacionSesion = TimeSpan.FromMinutes(1);

    /// <summary>Password and user rules: one definition for the web app and the command line.</summary>
    public static void OpcionesIdentidad(IdentityOptions o)
    {
        // Length over composition rules (NIST SP 800-63B): 10 characters, not all the same few.
        o.Password.RequiredLength = 10;
        o.Password.RequiredUniqueChars = 4;
        o.Password.RequireDigit = false;
        o.Password.RequireLowercase = false;
        o.Password.RequireUppercase = false;
        o.Password.RequireNonAlphanumeric = false;
        // Lock-out is only deactivation (an end date in 9999, CuentasUsuario): failed passwords never lock an
        // account, they are slowed down (LimiteIngreso), so nobody can lock somebody else out.
        o.Lockout.AllowedForNewUsers = true;
        o.User.RequireUniqueEmail = true;
    }

    /// <summary>Identity without cookies or HTTP, for the command line (creating the first administrator).</summary>
    public static IServiceCollection AddSipoiCuentas(this IServiceCollection services)
    {
        services.AddIdentityCore<Usuario>(OpcionesIdentidad)
            .AddRoles<Rol>()
            .AddEntityFrameworkStores<SipoiDbContext>()
            .AddErrorDescriber<ErroresIdentidad>()
            .AddPasswordValidator<ValidadorContrasena>();
        return services;
    }

    public static IServiceCollection AddSipoiSeguridad(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddIdentity<Usuario, Rol>(OpcionesIdentidad)
            .AddEntityFrameworkStores<SipoiDbContext>()
            .AddErrorDescriber<ErroresIdentidad>()
            .AddPasswordValidator<ValidadorContrasena>()
            .AddClaimsPrincipalFactory<FabricaClaims>();

        // Log-out, a password change or reset and a deactivation end sessions at once (SesionesServidor: one
        // primary-key lookup per request). Changed roles reach an open session within a minute (Identity re-reads
        // the security stamp this often; its default is 30 minutes).
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = RevalidacionSesion);

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "sipoi.sesion";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.LoginPath = "/cuenta/ingresar";
            o.LogoutPath = "/cuenta/salir";
            o.Events.OnSigningIn = SesionesServidor.AlIngresarAsync;
            o.Events.OnValidatePrincipal = SesionesServidor.ValidarAsync;
            o.Events.OnSigningOut = SesionesServidor.AlSalirAsync;
            // A plain 403 instead of a redirect: the status-code page shows "Acceso denegado" at the same URL.
            o.Events.OnRedirectToAccessDenied = c =>
            {
                c.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });

        services.TryAddSingleton(new OpcionesLimiteIngreso());
        services.AddSingleton<LimiteIngreso>();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy<string, PoliticaIngreso>(LimiteIngreso.Politica);
        });

        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ManejadorTokenApi>(ManejadorTokenApi.Esquema, null);
        services.AddSingleton<IAuthorizationHandler, ManejadorMiembroDeEntidad>();
        services.AddAuthorizationBuilder()
            .AddPolicy(Politicas.Entidad, p => p.RequireAuthenticatedUser().AddRequirements(new MiembroDeEntidad()))
            .AddPolicy(Politicas.Auditoria, p => p.RequireAuthenticatedUser().AddRequirements(new MiembroDeEntidad())
                .RequireRole(Roles.Administrador, Roles.Planificador))
            .AddPolicy(Politicas.Sesion, p => p.RequireAuthenticatedUser())
            .AddPolicy(Politicas.Administracion, p => p.RequireAuthenticatedUser().AddRequirements(new MiembroDeEntidad())
                .RequireRole(Roles.Administrador))
            .AddPolicy(Politicas.Api, p => p.AddAuthenticationSchemes(ManejadorTokenApi.Esquema).RequireAuthenticatedUser()
                .AddRequirements(new MiembroDeEntidad()))
            .SetDefaultPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().AddRequirements(new MiembroDeEntidad()).Build())
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().AddRequirements(new MiembroDeEntidad()).Build());
        return services;
    }
}

/// <summary>Identity's messages in Spanish (only those a user of these pages can meet are worded; the rest fall back to a generic one).</summary>
public sealed class ErroresIdentidad : IdentityErrorDescriber
{
    private static IdentityError Error(string code, string mensaje) => new() { Code = code, Description = mensaje };

    public override IdentityError DefaultError() => Error(nameof(DefaultError), "No se pudo completar la operación.");
    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), "Otra persona modificó este usuario al mismo tiempo; intente de nuevo.");
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), "La contraseña actual no es correcta.");
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), $"La contraseña debe tener al menos {length} caracteres.");
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        Error(nameof(PasswordRequiresUniqueChars), $"La contraseña debe tener al menos {uniqueChars} caracteres distintos.");
    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), "La contraseña debe tener al menos un dígito.");
    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), "La contraseña debe tener al menos una minúscula.");
    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), "La contraseña debe tener al menos una mayúscula.");
    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), "La contraseña debe tener al menos un símbolo.");
    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), $"El correo «{email}» no es válido.");
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), $"El usuario «{userName}» no es válido.");
    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), $"Ya existe un usuario con el correo {email}.");
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), $"Ya existe el usuario {userName}.");
    public override IdentityError UserAlreadyInRole(string role) => Error(nameof(UserAlreadyInRole), $"El usuario ya tiene el rol {role}.");
    public override IdentityError UserNotInRole(string role) => Error(nameof(UserNotInRole), $"El usuario no tiene el rol {role}.");
    public override IdentityError InvalidRoleName(string? role) => Error(nameof(InvalidRoleName), $"El rol «{role}» no es válido.");
    public override IdentityError DuplicateRoleName(string role) => Error(nameof(DuplicateRoleName), $"El rol {role} ya existe.");
}
