using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Sipoi.Web.Data;

namespace Sipoi.Web.Seguridad;

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
