using System.Collections.Concurrent;
using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sipoi.Web.Data;
using Sipoi.Web.Intercambio;
using Sipoi.Web.Seguridad;

namespace Sipoi.Web.Tests.Infraestructura;

/// <summary>The real app on its own database with the demo entity and its users loaded, shared by a test class.</summary>
public sealed class AppDePrueba : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Planificador = "planificador@emsapuno.demo";
    public const string Administrador = "admin@emsapuno.demo";
    public const string Operador = "operador@emsapuno.demo";
    public const string Consulta = "consulta@emsapuno.demo";

    public BaseDePrueba Base { get; private set; } = null!;

    /// <summary>The app's TimeProvider: real time unless a test fixes the day.</summary>
    public RelojDePrueba Reloj { get; } = new();
    private readonly ConcurrentDictionary<string, Lazy<Task<HttpClient>>> _sesiones = new(StringComparer.OrdinalIgnoreCase);

    public async Task InitializeAsync()
    {
        Base = await BaseDePrueba.CrearAsync();
        // Starting the server runs migrations and loads the demo data (a hosted service).
        _ = Server;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder) => Configurar(builder, Base, Reloj);

    /// <summary>The test host every fixture uses: its own database, the demo loaded, a settable business clock.</summary>
    internal static void Configurar(IWebHostBuilder builder, BaseDePrueba baseDePrueba, TimeProvider reloj)
    {
        // As deployed: the app connects with only its DML grants; the owner's connection migrates and grants.
        builder.UseSetting("ConnectionStrings:Sipoi", baseDePrueba.ConexionApp);
        builder.UseSetting("ConnectionStrings:SipoiMigracion", baseDePrueba.Conexion);
        builder.UseSetting("Sipoi:CargarDemo", "true");
        builder.UseEnvironment("Production");
        builder.ConfigureServices(s =>
        {
            s.AddSingleton<TimeProvider>(reloj);
            // The fixed day is the business date (deadlines, audit); sessions keep real time, so a
            // test that moves the day does not expire the cookie its user signed in with.
            s.PostConfigureAll<CookieAuthenticationOptions>(o => o.TimeProvider = TimeProvider.System);
            s.PostConfigureAll<SecurityStampValidatorOptions>(o => o.TimeProvider = TimeProvider.System);
            // In-process requests have no client address; a test that needs one (log-in throttling per client) sends it.
            s.AddTransient<IStartupFilter, DireccionDePrueba>();
        });
    }

    /// <summary>A client that follows no redirect and keeps its cookies: what a test asserts is the server's own answer.</summary>
    public HttpClient ClienteAnonimo() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>A client signed in as a demo user (one per user and class, reused), through the real log-in form.</summary>
    public Task<HttpClient> ComoAsync(string correo) =>
        _sesiones.GetOrAdd(correo, c => new Lazy<Task<HttpClient>>(() => NuevaSesionAsync(c, DatosDemo.Contrasena))).Value;

    /// <summary>A fresh client signed in with the given password; fails the test when the log-in is refused.</summary>
    public async Task<HttpClient> NuevaSesionAsync(string correo, string contrasena)
    {
        var http = ClienteAnonimo();
        var r = await IngresarAsync(http, correo, contrasena);
        Assert.True(r.StatusCode == HttpStatusCode.Redirect, $"El inicio de sesión de {correo} falló: {(int)r.StatusCode}");
        return http;
    }

    /// <summary>Posts the log-in form as a browser does: reads the page, takes its antiforgery token, sends the fields.</summary>
    public static async Task<HttpResponseMessage> IngresarAsync(HttpClient http, string correo, string contrasena, string url = "/cuenta/ingresar")
    {
        var pagina = await http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, pagina.StatusCode);
        var doc = new HtmlParser().ParseDocument(await pagina.Content.ReadAsStringAsync());
        var form = doc.QuerySelector("form#ingreso") ?? throw new InvalidOperationException("No se encontró el formulario de ingreso.");
        var campos = form.QuerySelectorAll("input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        campos["Datos.Correo"] = correo;
        campos["Datos.Contrasena"] = contrasena;
        return await http.PostAsync(form.GetAttribute("action") is { Length: > 0 } a ? a : url, new FormUrlEncodedContent(campos));
    }

    /// <summary>Creates a user directly (not a demo one), e.g. to lock it out without disturbing the others.</summary>
    public async Task<Usuario> CrearUsuarioAsync(string correo, string rol, string entidad = DatosDemo.CodigoEntidad, bool nacional = false,
        string contrasena = DatosDemo.Contrasena)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SipoiDbContext>();
        var usuarios = scope.ServiceProvider.GetRequiredService<UserManager<Usuario>>();
        var entidadId = await db.Entidades.Where(e => e.Codigo == entidad).Select(e => e.Id).SingleAsync();
        var u = new Usuario(entidadId, correo, "Usuario de prueba " + correo, nacional);
        var r = await usuarios.CreateAsync(u, contrasena);
        Assert.True(r.Succeeded, string.Join(" ", r.Errors.Select(e => e.Description)));
        Assert.True((await usuarios.AddToRoleAsync(u, rol)).Succeeded);
        return u;
    }

    /// <summary>An Operador assigned to the given cost centres (created once), signed in with a client of its own.</summary>
    public async Task<HttpClient> OperadorDeAsync(string correo, params string[] centros)
    {
        await using (var db = Base.Contexto())
        {
            if (!await db.Users.AnyAsync(u => u.UserName == correo))
            {
                var u = await CrearUsuarioAsync(correo, Roles.Operador);
                var usuario = await db.Users.Include(x => x.Centros).SingleAsync(x => x.Id == u.Id);
                foreach (var c in centros)
                    usuario.AsignarCentro(await db.CentrosCosto.SingleAsync(x => x.Codigo == c && x.EntidadId == usuario.EntidadId));
                await db.SaveChangesAsync();
            }
        }
        return await ComoAsync(correo);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        foreach (var s in _sesiones.Values.Where(s => s.IsValueCreated && s.Value.IsCompletedSuccessfully)) s.Value.Result.Dispose();
        await base.DisposeAsync();
        await Base.DisposeAsync();
    }
}

/// <summary>Takes the client address from the test header <c>X-Prueba-Ip</c>, as the forwarded-headers middleware would from a proxy.</summary>
internal sealed class DireccionDePrueba : IStartupFilter
{
    public const string Cabecera = "X-Prueba-Ip";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((c, siguiente) =>
        {
            if (c.Request.Headers.TryGetValue(Cabecera, out var ip)) c.Connection.RemoteIpAddress = IPAddress.Parse(ip.ToString());
            return siguiente(c);
        });
        next(app);
    };
}
