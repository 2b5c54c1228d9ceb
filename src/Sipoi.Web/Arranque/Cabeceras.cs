using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Net.Http.Headers;
using Sipoi.Web.Salud;
using IPNetwork = System.Net.IPNetwork;

namespace Sipoi.Web.Arranque;

/// <summary>
/// The reverse proxy that terminates TLS in front of the app (configuration Sipoi:ProxyInverso: its addresses
/// and/or networks, e.g. "10.0.0.5, 10.0.1.0/24"). Without it the app is served as `./sipoi run` does, plain
/// http on 127.0.0.1, and none of the TLS rules apply. docs/despliegue.md shows an nginx in front.
/// </summary>
public sealed record OpcionesProxy(IReadOnlyList<IPAddress> Direcciones, IReadOnlyList<IPNetwork> Redes, int PuertoHttps)
{
    public const string Seccion = "Sipoi:ProxyInverso";
    public const string SeccionPuerto = "Sipoi:PuertoHttps";

    public bool Configurado => Direcciones.Count + Redes.Count > 0;

    /// <summary>
    /// Reads "a, b/24; c" (one string, as an environment variable gives it) or a JSON array of the same
    /// entries. A wrong entry stops the start-up: a proxy silently not trusted would leave cookies without Secure.
    /// </summary>
    public static OpcionesProxy Leer(IConfiguration configuration)
    {
        var seccion = configuration.GetSection(Seccion);
        var entradas = (seccion.Value is { } texto ? [texto] : seccion.GetChildren().Select(c => c.Value ?? ""))
            .SelectMany(t => t.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToList();
        var direcciones = new List<IPAddress>();
        var redes = new List<IPNetwork>();
        foreach (var e in entradas)
        {
            if (e.Contains('/', StringComparison.Ordinal) && IPNetwork.TryParse(e, out var red)) redes.Add(red);
            else if (IPAddress.TryParse(e, out var ip)) direcciones.Add(ip);
            else
                throw new InvalidOperationException(
                    $"{Seccion}: «{e}» no es una dirección IP ni una red (por ejemplo 10.0.0.5 o 10.0.0.0/24).");
        }
        var puerto = configuration.GetValue<int?>(SeccionPuerto) ?? 443;
        if (puerto is < 1 or > 65535) throw new InvalidOperationException($"{SeccionPuerto}: {puerto} no es un puerto válido.");
        return new OpcionesProxy(direcciones, redes, puerto);
    }
}

/// <summary>
/// Security headers on every response (pages, static files, downloads, error pages, the public transparency page)
/// and, behind a configured TLS proxy, forwarded headers, HSTS, the redirect to https and Secure cookies.
/// Kept apart from SipoiWeb so the start-up stays a list of one-line calls.
/// </summary>
public static class Cabeceras
{
    /// <summary>
    /// No inline script or style, nothing from another origin, no plugins, no framing, forms only to this site.
    /// Every script is a file under wwwroot (Chart.js included); styles change only through the CSSOM, which CSP allows.
    /// </summary>
    public const string PoliticaContenido =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public const string PoliticaReferente = "strict-origin-when-cross-origin";

    public static readonly TimeSpan DuracionHsts = TimeSpan.FromDays(365);

    public static IServiceCollection AddSipoiCabeceras(this IServiceCollection services, IConfiguration configuration)
    {
        var proxy = OpcionesProxy.Leer(configuration);
        services.AddSingleton(proxy);
        // Behind TLS every cookie is Secure even if a request reached the app as plain http; otherwise it follows the
        // request, so `./sipoi run` on http://127.0.0.1 keeps its session.
        var seguras = proxy.Configurado ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        services.Configure<CookiePolicyOptions>(o => o.Secure = seguras);
        // The same on each cookie's own options: the policy covers cookies written through Response.Cookies, these cover the rest.
        services.PostConfigureAll<CookieAuthenticationOptions>(o => o.Cookie.SecurePolicy = seguras);
        services.PostConfigure<AntiforgeryOptions>(o =>
        {
            o.Cookie.SecurePolicy = seguras;
            o.SuppressXFrameOptionsHeader = true;
        });
        if (!proxy.Configurado) return services;

        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            // Only the configured proxy is believed (the defaults trust loopback, which is not the proxy here).
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var d in proxy.Direcciones) o.KnownProxies.Add(d);
            foreach (var r in proxy.Redes) o.KnownIPNetworks.Add(r);
            o.ForwardLimit = 1;
            // X-Forwarded-Host is accepted only for the names the deployment lists in AllowedHosts.
            if (HostsPermitidos(configuration) is { Count: > 0 } hosts) o.AllowedHosts = hosts;
        });
        services.AddHsts(o =>
        {
            o.MaxAge = DuracionHsts;
            o.IncludeSubDomains = false;
            o.Preload = false;
        });
        services.AddHttpsRedirection(o =>
        {
            o.HttpsPort = proxy.PuertoHttps;
            o.RedirectStatusCode = StatusCodes.Status308PermanentRedirect;
        });
        return services;
    }

    /// <summary>First in the pipeline: every later answer, the error pages' too, goes out with the headers.</summary>
    public static WebApplication UseSipoiCabeceras(this WebApplication app)
    {
        var proxy = app.Services.GetRequiredService<OpcionesProxy>();
        if (proxy.Configurado) app.UseForwardedHeaders();
        app.Use((contexto, siguiente) =>
        {
            // At send time, not now: the exception handler clears the headers of a failed response before re-executing it.
            contexto.Response.OnStarting(() =>
            {
                Poner(contexto.Response);
                QuitarHostDeLaRedireccion(contexto);
                return Task.CompletedTask;
            });
            return siguiente(contexto);
        });
        if (proxy.Configurado)
        {
            app.UseHsts();
            // A node's probes are asked over plain http by the proxy or the service manager, straight at the node (Salud/).
            app.UseWhen(c => !SaludNodo.EsSonda(c.Request.Path), r => r.UseHttpsRedirection());
        }
        app.UseCookiePolicy();
        return app;
    }

    private static void Poner(HttpResponse r)
    {
        var h = r.Headers;
        h.TryAdd(HeaderNames.ContentSecurityPolicy, PoliticaContenido);
        h[HeaderNames.XContentTypeOptions] = "nosniff";
        // Set, not added: antiforgery writes SAMEORIGIN on every page with a form; frame-ancestors 'none' is the rule.
        h[HeaderNames.XFrameOptions] = "DENY";
        h.TryAdd("Referrer-Policy", PoliticaReferente);
        h.TryAdd("Cross-Origin-Opener-Policy", "same-origin");
        h.TryAdd("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()");
    }

    /// <summary>
    /// A redirect the framework made absolute with the request's own Host (the cookie log-in redirect does) goes out
    /// relative: the Host header is the client's word, and an attacker's Host must not come back in a Location.
    /// The scheme must match too, so the https redirect (which changes it) is left alone.
    /// </summary>
    private static void QuitarHostDeLaRedireccion(HttpContext c)
    {
        var location = c.Response.Headers.Location.ToString();
        if (location.Length == 0 || !Uri.TryCreate(location, UriKind.Absolute, out var u)) return;
        if (!string.Equals(u.Scheme, c.Request.Scheme, StringComparison.OrdinalIgnoreCase)) return;
        if (!string.Equals(u.Authority, c.Request.Host.Value, StringComparison.OrdinalIgnoreCase)
            && !string.Equals(u.Host, c.Request.Host.Host, StringComparison.OrdinalIgnoreCase)) return;
        c.Response.Headers.Location = u.PathAndQuery + u.Fragment;
    }

    private static List<string> HostsPermitidos(IConfiguration configuration) =>
        (configuration["AllowedHosts"] ?? "")
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(h => h != "*")
            .ToList();
}
