using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Sipoi.Web.Arranque;
using Sipoi.Web.Intercambio;
using Sipoi.Web.Tests.Infraestructura;

namespace Sipoi.Web.Tests.Seguridad;

/// <summary>
/// Every kind of answer carries the security headers (Arranque/Cabeceras.cs): a page, a static file, an .xlsx download,
/// a 404, the public transparency page, the API, the input guard's 400. Without a proxy configured the app is plain
/// http (no HSTS, cookies follow the request); a Host header an attacker sends never comes back in a redirect.
/// </summary>
public sealed class CabecerasTests(AppDePrueba app) : IClassFixture<AppDePrueba>
{
    internal static void AssertCabeceras(HttpResponseMessage r, string que)
    {
        string Una(string nombre) =>
            r.Headers.TryGetValues(nombre, out var v) || r.Content.Headers.TryGetValues(nombre, out v)
                ? Assert.Single(v)
                : throw new Xunit.Sdk.XunitException($"{que}: falta la cabecera {nombre}.");
        var csp = Una("Content-Security-Policy");
        Assert.Equal(Cabeceras.PoliticaContenido, csp);
        foreach (var directiva in new[]
                 {
                     "script-src 'self'", "style-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'",
                 })
            Assert.Contains(directiva, csp.Split(';', StringSplitOptions.TrimEntries));
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Equal("nosniff", Una("X-Content-Type-Options"));
        Assert.Equal("DENY", Una("X-Frame-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Una("Referrer-Policy"));
    }

    [Fact]
    public async Task CadaTipoDeRespuesta_LlevaLasCabecerasDeSeguridad()
    {
        var planificador = await app.ComoAsync(AppDePrueba.Planificador);
        var anonimo = app.ClienteAnonimo();
        var casos = new (HttpClient Http, string Url, HttpStatusCode Estado, string Que)[]
        {
            (planificador, "/e/EMSAPUNO", HttpStatusCode.OK, "página HTML"),
            (planificador, "/css/sipoi.css", HttpStatusCode.OK, "archivo estático"),
            (planificador, "/js/grilla.js", HttpStatusCode.OK, "script"),
            (planificador, "/e/EMSAPUNO/reportes/2024/matriz.xlsx", HttpStatusCode.OK, "descarga .xlsx"),
            (planificador, "/e/EMSAPUNO/poi/2024/actividad/NO-EXISTE", HttpStatusCode.NotFound, "404"),
            (planificador, "/no/existe/esta/pagina", HttpStatusCode.NotFound, "404 sin ruta"),
            (planificador, "/e/EMSAPUNO/auditoria?usuario=%00", HttpStatusCode.BadRequest, "400 del filtro de entrada"),
            (anonimo, "/transparencia", HttpStatusCode.OK, "página pública"),
            (anonimo, "/transparencia/EMSAPUNO", HttpStatusCode.OK, "página pública de la entidad"),
            (anonimo, "/cuenta/ingresar", HttpStatusCode.OK, "ingreso"),
            (anonimo, "/e/EMSAPUNO", HttpStatusCode.Redirect, "redirección al ingreso"),
            (anonimo, "/api/v1/yo", HttpStatusCode.Unauthorized, "API sin token"),
        };
        foreach (var (http, url, estado, que) in casos)
        {
            var r = await http.GetAsync(url);
            Assert.True(r.StatusCode == estado, $"{que} ({url}): {(int)r.StatusCode}, se esperaba {(int)estado}");
            AssertCabeceras(r, $"{que} ({url})");
            // Plain http without a configured proxy: no HSTS (it would pin a name to https that has none).
            Assert.False(r.Headers.Contains("Strict-Transport-Security"), $"{que}: HSTS sin TLS");
        }
    }

    [Fact]
    public async Task HostDeUnAtacante_NoVuelveEnLaRedireccionAlIngreso()
    {
        var anonimo = app.ClienteAnonimo();
        var pedido = new HttpRequestMessage(HttpMethod.Get, "/e/EMSAPUNO/auditoria?usuario=x");
        pedido.Headers.Host = "atacante.example";
        var r = await anonimo.SendAsync(pedido);
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var destino = r.Headers.Location!.OriginalString;
        Assert.Equal("/cuenta/ingresar?ReturnUrl=%2Fe%2FEMSAPUNO%2Fauditoria%3Fusuario%3Dx", destino);
        Assert.DoesNotContain("atacante", destino);
        AssertCabeceras(r, "redirección");

        // The same with the ordinary Host: also relative, so no response depends on the Host header.
        var normal = await anonimo.GetAsync("/e/EMSAPUNO");
        Assert.Equal("/cuenta/ingresar?ReturnUrl=%2Fe%2FEMSAPUNO", normal.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("https://atacante.example/e/EMSAPUNO")]
    [InlineData("//atacante.example/e/EMSAPUNO")]
    [InlineData("/\\atacante.example")]
    public async Task IngresoConReturnUrlAjeno_VuelveAlInicioDelSitio(string retorno)
    {
        var http = app.ClienteAnonimo();
        var r = await AppDePrueba.IngresarAsync(http, AppDePrueba.Consulta, DatosDemo.Contrasena, "/cuenta/ingresar?ReturnUrl=" + Uri.EscapeDataString(retorno));
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal("/", r.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task SinProxy_LasCookiesNoExigenHttpsYNoHayRedireccion()
    {
        // ./sipoi run serves http://127.0.0.1: a Secure cookie would never come back and nobody could sign in.
        var http = app.ClienteAnonimo();
        var r = await http.GetAsync("/cuenta/ingresar");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var cookies = r.Headers.GetValues("Set-Cookie").ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, c => Assert.DoesNotContain("secure", c, StringComparison.OrdinalIgnoreCase));
        var ingreso = await AppDePrueba.IngresarAsync(http, AppDePrueba.Consulta, DatosDemo.Contrasena);
        Assert.Equal(HttpStatusCode.Redirect, ingreso.StatusCode);
        var sesion = ingreso.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("sipoi.sesion=", StringComparison.Ordinal));
        Assert.DoesNotContain("secure", sesion, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", sesion, StringComparison.OrdinalIgnoreCase);
    }
}

/// <summary>
/// The app behind a TLS reverse proxy at 10.0.0.5 (Sipoi:ProxyInverso) serving sipoi.example (AllowedHosts). The
/// test server has no network peer, so a test-only first middleware takes the peer address from a header.
/// </summary>
public sealed class AppTrasProxy : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Proxy = "10.0.0.5";
    public const string Sitio = "sipoi.example";
    public const string CabeceraPar = "X-Prueba-Par";

    public BaseDePrueba Base { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Base = await BaseDePrueba.CrearAsync();
        _ = Server;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        AppDePrueba.Configurar(builder, Base, TimeProvider.System);
        builder.UseSetting(OpcionesProxy.Seccion, Proxy + ", 192.168.50.0/24");
        builder.UseSetting("AllowedHosts", Sitio);
        builder.ConfigureServices(s => s.AddSingleton<IStartupFilter, ParDePrueba>());
    }

    /// <summary>A client that reaches the app as if from <paramref name="par"/>, the scheme the proxy says, the site's name.</summary>
    /// <param name="https">The client's own scheme: a client (a browser) sends Secure cookies back only over https.</param>
    public HttpClient Cliente(string par, string? protocolo, bool https = false)
    {
        var http = CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            BaseAddress = new Uri($"{(https ? "https" : "http")}://{Sitio}"),
        });
        http.DefaultRequestHeaders.Add(CabeceraPar, par);
        if (protocolo is not null) http.DefaultRequestHeaders.Add("X-Forwarded-Proto", protocolo);
        http.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");
        return http;
    }

    private sealed class ParDePrueba : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((c, siguiente) =>
            {
                if (c.Request.Headers[CabeceraPar].FirstOrDefault() is { } par) c.Connection.RemoteIpAddress = IPAddress.Parse(par);
                return siguiente(c);
            });
            next(app);
        };
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await Base.DisposeAsync();
    }
}

/// <summary>Behind the configured proxy: forwarded headers from it only, HSTS, http redirected to https, every cookie Secure.</summary>
public sealed class CabecerasTrasProxyTests(AppTrasProxy app) : IClassFixture<AppTrasProxy>
{
    [Fact]
    public async Task DesdeElProxyConHttps_HstsYCookiesSeguras()
    {
        var http = app.Cliente(AppTrasProxy.Proxy, "https");
        var r = await http.GetAsync("/cuenta/ingresar");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        CabecerasTests.AssertCabeceras(r, "ingreso tras el proxy");
        var hsts = Assert.Single(r.Headers.GetValues("Strict-Transport-Security"));
        Assert.Equal($"max-age={(int)Cabeceras.DuracionHsts.TotalSeconds}", hsts);
        Assert.All(r.Headers.GetValues("Set-Cookie"), c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));

        // The browser's side of TLS: it returns those Secure cookies only over https.
        http = app.Cliente(AppTrasProxy.Proxy, "https", https: true);
        var ingreso = await AppDePrueba.IngresarAsync(http, AppDePrueba.Consulta, DatosDemo.Contrasena);
        Assert.Equal(HttpStatusCode.Redirect, ingreso.StatusCode);
        Assert.Equal("/", ingreso.Headers.Location!.OriginalString);
        var cookies = ingreso.Headers.GetValues("Set-Cookie").ToList();
        Assert.Contains(cookies, c => c.StartsWith("sipoi.sesion=", StringComparison.Ordinal));
        Assert.All(cookies, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
        // The session works through the proxy (the browser sends the Secure cookie back over https).
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/e/EMSAPUNO")).StatusCode);
    }

    [Fact]
    public async Task DesdeUnaRedDelProxy_TambienSeLeCree()
    {
        var r = await app.Cliente("192.168.50.20", "https").GetAsync("/cuenta/ingresar");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.True(r.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task DesdeElProxyConHttp_RedirigeAHttpsDelMismoSitio()
    {
        var r = await app.Cliente(AppTrasProxy.Proxy, "http").GetAsync("/e/EMSAPUNO/pei?codigo=x");
        Assert.Equal(HttpStatusCode.PermanentRedirect, r.StatusCode);
        Assert.Equal($"https://{AppTrasProxy.Sitio}/e/EMSAPUNO/pei?codigo=x", r.Headers.Location!.OriginalString);
        CabecerasTests.AssertCabeceras(r, "redirección a https");
    }

    [Fact]
    public async Task OtroEquipoQueDiceHttps_NoEsCreido()
    {
        // Someone who is not the proxy claims the request came over https: the claim is ignored, the request is
        // plain http, so it is sent to https and gets no cookie.
        var r = await app.Cliente("10.0.0.99", "https").GetAsync("/cuenta/ingresar");
        Assert.Equal(HttpStatusCode.PermanentRedirect, r.StatusCode);
        Assert.StartsWith("https://", r.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.False(r.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task HostNoPermitido_Rechazado()
    {
        // AllowedHosts lists the site's name: a request for another name is refused (400) before any page runs.
        var http = app.Cliente(AppTrasProxy.Proxy, "https");
        var pedido = new HttpRequestMessage(HttpMethod.Get, "/cuenta/ingresar");
        pedido.Headers.Host = "atacante.example";
        var r = await http.SendAsync(pedido);
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        // Nor through X-Forwarded-Host from the proxy itself.
        var reenviado = new HttpRequestMessage(HttpMethod.Get, "/e/EMSAPUNO");
        reenviado.Headers.Add("X-Forwarded-Host", "atacante.example");
        var r2 = await http.SendAsync(reenviado);
        Assert.DoesNotContain("atacante", r2.Headers.Location?.OriginalString ?? "");
        Assert.NotEqual(HttpStatusCode.OK, r2.StatusCode);
    }
}
