using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Sipoi.Web.Cli;
using Sipoi.Web.Seguridad;
using Sipoi.Web.Tests.Infraestructura;

namespace Sipoi.Web.Tests.Administracion;

/// <summary>
/// The national-administrator flag (reads every entity and the consolidated report): granted and taken away
/// on the user's page by a national administrator only, never by an entity's Administrador, never taken by
/// oneself; the first one of a deployment comes from `sipoi usuario --nacional si`.
/// </summary>
public sealed class AdministracionNacionalTests(AppDePrueba app) : IClassFixture<AppDePrueba>
{
    private const string Base = "/e/EMSAPUNO/administracion/usuarios";
    private const string Nacional = "ministerio@nacional.demo";

    private async Task<HttpClient> NacionalAsync()
    {
        await using (var db = app.Base.Contexto())
            if (!await db.Users.AnyAsync(u => u.UserName == Nacional))
                await app.CrearUsuarioAsync(Nacional, Roles.Administrador, nacional: true);
        return await app.ComoAsync(Nacional);
    }

    private async Task<(int Id, bool Nacional)> CuentaAsync(string correo)
    {
        await using var db = app.Base.Contexto();
        var u = await db.Users.AsNoTracking().SingleAsync(x => x.UserName == correo);
        return (u.Id, u.EsAdministradorNacional);
    }

    /// <summary>Posts the national-administration handler as the page's own antiforgery token allows.</summary>
    private static async Task<HttpResponseMessage> PostNacionalAsync(HttpClient http, int id, bool otorgar)
    {
        var f = await Formulario.LeerAsync(http, $"{Base}/{id}", "form-usuario");
        return await http.PostAsync($"{Base}/{id}?handler=Nacional", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = f.Campos["__RequestVerificationToken"],
            ["otorgar"] = otorgar ? "true" : "false",
        }));
    }

    [Fact]
    public async Task AdministradorDeLaEntidad_NoVeNiPuedeOtorgarLaAdministracionNacional()
    {
        var http = await app.ComoAsync(AppDePrueba.Administrador);
        var (id, _) = await CuentaAsync(AppDePrueba.Planificador);
        var pagina = Formulario.Leer(await http.GetStringAsync($"{Base}/{id}"));
        Assert.Null(pagina.GetElementById("form-nacional"));
        // Not even for itself.
        var (propio, _) = await CuentaAsync(AppDePrueba.Administrador);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostNacionalAsync(http, id, true)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostNacionalAsync(http, propio, true)).StatusCode);
        Assert.False((await CuentaAsync(AppDePrueba.Planificador)).Nacional);
        Assert.False((await CuentaAsync(AppDePrueba.Administrador)).Nacional);
    }

    [Fact]
    public async Task AdministradorNacional_LaOtorgaYLaQuitaYQuedaEnLaAuditoria()
    {
        var http = await NacionalAsync();
        await app.CrearUsuarioAsync("analista@emsapuno.demo", Roles.Consulta);
        var (id, _) = await CuentaAsync("analista@emsapuno.demo");
        var analista = await app.ComoAsync("analista@emsapuno.demo");
        Assert.Equal(HttpStatusCode.Forbidden, (await analista.GetAsync("/consolidado/2024")).StatusCode);

        var f = await Formulario.LeerAsync(http, $"{Base}/{id}", "form-nacional");
        Assert.Equal("true", f.Campos["otorgar"]);
        Assert.Equal(HttpStatusCode.Redirect, (await f.EnviarAsync(http)).StatusCode);
        Assert.True((await CuentaAsync("analista@emsapuno.demo")).Nacional);
        Assert.Contains("Administrador nacional", await http.GetStringAsync(Base));
        // A new session carries the flag: the consolidated report opens.
        var otraSesion = await app.NuevaSesionAsync("analista@emsapuno.demo", Sipoi.Web.Intercambio.DatosDemo.Contrasena);
        Assert.Equal(HttpStatusCode.OK, (await otraSesion.GetAsync("/consolidado/2024")).StatusCode);

        f = await Formulario.LeerAsync(http, $"{Base}/{id}", "form-nacional");
        Assert.Equal("false", f.Campos["otorgar"]);
        Assert.Equal(HttpStatusCode.Redirect, (await f.EnviarAsync(http)).StatusCode);
        Assert.False((await CuentaAsync("analista@emsapuno.demo")).Nacional);
        var tercera = await app.NuevaSesionAsync("analista@emsapuno.demo", Sipoi.Web.Intercambio.DatosDemo.Contrasena);
        Assert.Equal(HttpStatusCode.Forbidden, (await tercera.GetAsync("/consolidado/2024")).StatusCode);

        await using var db = app.Base.Contexto();
        var filas = await db.Auditoria.AsNoTracking().Where(a => a.Usuario == Nacional && a.Tabla == "usuario" && a.Campo == "es_administrador_nacional").ToListAsync();
        Assert.Equal(2, filas.Count);
    }

    [Fact]
    public async Task AdministracionNacional_NadieSeLaQuitaASiMismo()
    {
        var http = await NacionalAsync();
        var (id, _) = await CuentaAsync(Nacional);
        var pagina = await http.GetStringAsync($"{Base}/{id}");
        Assert.Null(Formulario.Leer(pagina).GetElementById("form-nacional"));
        var r = await PostNacionalAsync(http, id, false);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Contains("No puede quitarse a sí mismo la administración nacional", await r.Content.ReadAsStringAsync());
        Assert.True((await CuentaAsync(Nacional)).Nacional);
    }

    [Fact]
    public async Task LineaDeComandos_CreaElPrimerAdministradorNacional()
    {
        _ = app.Server;
        var configuracion = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Sipoi"] = app.Base.Conexion })
            .Build();
        var salida = new StringWriter();
        Assert.Equal(0, await LineaDeComandos.EjecutarAsync(
            ["usuario", "--entidad", "EMSAPUNO", "--correo", "jefe@ministerio.demo", "--nombre", "Jefe", "--nacional", "si"], salida, configuracion));
        Assert.Contains("administrador nacional", salida.ToString());
        Assert.True((await CuentaAsync("jefe@ministerio.demo")).Nacional);
        var contrasena = salida.ToString().Split(": ").Last().Trim();
        var http = await app.NuevaSesionAsync("jefe@ministerio.demo", contrasena);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/consolidado/2024")).StatusCode);

        Assert.NotEqual(0, await LineaDeComandos.EjecutarAsync(
            ["usuario", "--entidad", "EMSAPUNO", "--correo", "otro@ministerio.demo", "--nombre", "Otro", "--nacional", "quizas"], new StringWriter(), configuracion));
        await using var db = app.Base.Contexto();
        Assert.False(await db.Users.AnyAsync(u => u.UserName == "otro@ministerio.demo"));
    }
}
