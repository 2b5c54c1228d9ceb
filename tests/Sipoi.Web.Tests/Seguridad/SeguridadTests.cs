using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sipoi.Interop.Intercambio;
using Sipoi.Web.Intercambio;
using Sipoi.Web.Seguridad;
using Sipoi.Web.Tests.Infraestructura;

namespace Sipoi.Web.Tests.Seguridad;

/// <summary>The demo app plus a second entity (MUNIDEMO, the demo file under another code) and a national administrator.</summary>
public sealed class DosEntidades : IAsyncLifetime
{
    public const string OtraEntidad = "MUNIDEMO";
    public const string PlanificadorOtra = "planificador@munidemo.demo";
    public const string Nacional = "nacional@sipoi.demo";

    public AppDePrueba App { get; } = new();

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)App).InitializeAsync();
        DocumentoIntercambio demo;
        await using (var s = DatosDemo.Abrir()) demo = LectorIntercambio.Leer(s).Documento!;
        var otra = demo with { Entidad = demo.Entidad with { Codigo = OtraEntidad, Nombre = "MUNICIPALIDAD DE DEMOSTRACIÓN", Siglas = "MUNIDEMO" } };
        await using (var db = App.Base.Contexto())
        {
            var r = await ImportadorPlan.ImportarAsync(db, otra);
            Assert.True(r.Exito, string.Join("\n", r.Errores));
        }
        await App.CrearUsuarioAsync(PlanificadorOtra, Roles.Planificador, OtraEntidad);
        await App.CrearUsuarioAsync(Nacional, Roles.Consulta, nacional: true);
    }

    public async Task DisposeAsync() => await ((IAsyncLifetime)App).DisposeAsync();
}

/// <summary>Log-in, log-out and who may read which entity's pages (Seguridad/README.md); throttling and sessions: CuentasTests.</summary>
public sealed class SeguridadTests(DosEntidades fixture) : IClassFixture<DosEntidades>
{
    private readonly AppDePrueba _app = fixture.App;

    private static async Task<string> TextoAsync(HttpResponseMessage r) =>
        new HtmlParser().ParseDocument(await r.Content.ReadAsStringAsync()).Body!.TextContent;

    [Fact]
    public void Sesiones_RevalidanElSelloDeSeguridadCadaMinuto()
    {
        // A deactivated user or changed roles must not keep a session for Identity's default 30 minutes.
        var o = _app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Identity.SecurityStampValidatorOptions>>().Value;
        Assert.Equal(TimeSpan.FromMinutes(1), o.ValidationInterval);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/e/EMSAPUNO")]
    [InlineData("/e/EMSAPUNO/poi/2024/centros")]
    [InlineData("/e/EMSAPUNO/auditoria")]
    [InlineData("/cuenta/contrasena")]
    public async Task Anonimo_EsLlevadoAlIngresoConLaPaginaPedida(string url)
    {
        // Relative: the redirect never carries the request's Host (Arranque/Cabeceras.cs).
        var r = await _app.ClienteAnonimo().GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal("/cuenta/ingresar?ReturnUrl=" + Uri.EscapeDataString(url), r.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task PaginaDeIngreso_EsAnonimaEnCastellanoYSinJavaScript()
    {
        var r = await _app.ClienteAnonimo().GetAsync("/cuenta/ingresar");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var html = await r.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script", html);
        Assert.Contains("Contraseña", html);
        Assert.Contains("__RequestVerificationToken", html);
    }

    [Theory]
    [InlineData(AppDePrueba.Administrador)]
    [InlineData(AppDePrueba.Planificador)]
    [InlineData(AppDePrueba.Operador)]
    [InlineData(AppDePrueba.Consulta)]
    public async Task CadaUsuarioDeDemostracion_IngresaConLaContrasenaDocumentada(string correo)
    {
        var http = _app.ClienteAnonimo();
        var r = await AppDePrueba.IngresarAsync(http, correo, DatosDemo.Contrasena);
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal("/", r.Headers.Location!.OriginalString);
        var inicio = await http.GetAsync("/e/EMSAPUNO");
        Assert.Equal(HttpStatusCode.OK, inicio.StatusCode);
        Assert.Contains("de demostración", await TextoAsync(inicio));
    }

    [Fact]
    public async Task Ingreso_VuelveALaPaginaPedidaPeroNuncaAOtroSitio()
    {
        var http = _app.ClienteAnonimo();
        var r = await AppDePrueba.IngresarAsync(http, AppDePrueba.Consulta, DatosDemo.Contrasena, "/cuenta/ingresar?ReturnUrl=%2Fe%2FEMSAPUNO%2Fpei");
        Assert.Equal("/e/EMSAPUNO/pei", r.Headers.Location!.OriginalString);

        var otro = await AppDePrueba.IngresarAsync(_app.ClienteAnonimo(), AppDePrueba.Consulta, DatosDemo.Contrasena,
            "/cuenta/ingresar?ReturnUrl=" + Uri.EscapeDataString("https://ejemplo.invalid/robar"));
        Assert.Equal("/", otro.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Ingreso_SinTokenAntiforgery_SeRechaza()
    {
        var r = await _app.ClienteAnonimo().PostAsync("/cuenta/ingresar", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Datos.Correo"] = AppDePrueba.Planificador,
            ["Datos.Contrasena"] = DatosDemo.Contrasena,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
    }

    [Fact]
    public async Task ContrasenaIncorrecta_NoAbreSesion()
    {
        var http = _app.ClienteAnonimo();
        var r = await AppDePrueba.IngresarAsync(http, AppDePrueba.Consulta, "no-es-la-contrasena");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Contains("Correo o contraseña incorrectos.", await TextoAsync(r));
        Assert.Equal(HttpStatusCode.Redirect, (await http.GetAsync("/e/EMSAPUNO")).StatusCode);
    }

    [Fact]
    public async Task Salir_CierraLaSesionConUnFormularioPost()
    {
        var http = await _app.NuevaSesionAsync(AppDePrueba.Consulta, DatosDemo.Contrasena);
        var pagina = new HtmlParser().ParseDocument(await (await http.GetAsync("/e/EMSAPUNO")).Content.ReadAsStringAsync());
        var form = pagina.QuerySelector(".sesion form")!;
        Assert.Equal("post", form.GetAttribute("method"));
        var campos = form.QuerySelectorAll("input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        var r = await http.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(campos));
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await http.GetAsync("/e/EMSAPUNO")).StatusCode);
    }

    [Fact]
    public async Task CambiarContrasena_ExigeDiezCaracteresYLuegoSoloValeLaNueva()
    {
        const string correo = "cambio@emsapuno.demo";
        const string nueva = "una frase larga y distinta";
        await _app.CrearUsuarioAsync(correo, Roles.Consulta);
        var http = await _app.NuevaSesionAsync(correo, DatosDemo.Contrasena);

        async Task<HttpResponseMessage> EnviarAsync(string actual, string nuevaContrasena)
        {
            var doc = new HtmlParser().ParseDocument(await (await http.GetAsync("/cuenta/contrasena")).Content.ReadAsStringAsync());
            var campos = doc.QuerySelector("form#contrasena")!.QuerySelectorAll("input[type=hidden]")
                .ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
            campos["Datos.Actual"] = actual;
            campos["Datos.Nueva"] = nuevaContrasena;
            campos["Datos.Confirmacion"] = nuevaContrasena;
            return await http.PostAsync("/cuenta/contrasena", new FormUrlEncodedContent(campos));
        }

        var corta = await EnviarAsync(DatosDemo.Contrasena, "corta");
        Assert.Equal(HttpStatusCode.OK, corta.StatusCode);
        Assert.Contains("al menos 10 caracteres", await TextoAsync(corta));

        var cambio = await EnviarAsync(DatosDemo.Contrasena, nueva);
        Assert.Equal(HttpStatusCode.Redirect, cambio.StatusCode);
        Assert.Contains("Su contraseña se cambió.", await TextoAsync(await http.GetAsync("/cuenta/contrasena")));
        // The session that changed it stays open; elsewhere only the new password works.
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/e/EMSAPUNO")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await AppDePrueba.IngresarAsync(_app.ClienteAnonimo(), correo, DatosDemo.Contrasena)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AppDePrueba.IngresarAsync(_app.ClienteAnonimo(), correo, nueva)).StatusCode);

        // Audited by the user who did it, without the hash.
        await using var db = _app.Base.Contexto();
        var fila = await db.Auditoria.SingleAsync(a => a.Tabla == "usuario" && a.Campo == "password_hash" && a.Clave.Contains(correo));
        Assert.Equal(correo, fila.Usuario);
        Assert.Equal("(oculto)", fila.ValorAnterior);
        Assert.Equal("(oculto, cambiado)", fila.ValorNuevo);
    }

    [Theory]
    [InlineData("/e/MUNIDEMO")]
    [InlineData("/e/MUNIDEMO/pei")]
    [InlineData("/e/MUNIDEMO/poi/2024/centros")]
    [InlineData("/e/MUNIDEMO/poi/2024/fichas")]
    [InlineData("/e/MUNIDEMO/poi/2024/actividad/FP22-01")]
    [InlineData("/e/MUNIDEMO/evaluacion/2024")]
    [InlineData("/e/MUNIDEMO/auditoria")]
    [InlineData("/e/MUNIDEMO/auditoria?handler=csv")]
    [InlineData("/e/NOEXISTE")]
    public async Task UsuarioDeOtraEntidad_Recibe403AccesoDenegado(string url)
    {
        var r = await (await _app.ComoAsync(AppDePrueba.Administrador)).GetAsync(url);
        Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode);
        Assert.Contains("Acceso denegado", await TextoAsync(r));
    }

    [Fact]
    public async Task LaOtraEntidad_TampocoVeLaDemo()
    {
        var http = await _app.ComoAsync(DosEntidades.PlanificadorOtra);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/e/MUNIDEMO/poi/2024/centros")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync("/e/EMSAPUNO/poi/2024/centros")).StatusCode);
    }

    [Fact]
    public async Task Inicio_ListaSoloLaEntidadDelUsuario_ONacionalTodas()
    {
        async Task<List<string?>> EnlacesAsync(string correo)
        {
            var doc = new HtmlParser().ParseDocument(await (await (await _app.ComoAsync(correo)).GetAsync("/")).Content.ReadAsStringAsync());
            return doc.QuerySelectorAll("main table a").Select(a => a.GetAttribute("href")).ToList();
        }
        Assert.Equal(["/e/EMSAPUNO"], await EnlacesAsync(AppDePrueba.Planificador));
        Assert.Equal(["/e/MUNIDEMO"], await EnlacesAsync(DosEntidades.PlanificadorOtra));
        Assert.Equal(["/e/EMSAPUNO", "/e/MUNIDEMO"], (await EnlacesAsync(DosEntidades.Nacional)).Order().ToList());
    }

    [Fact]
    public async Task AdministradorNacional_LeeCualquierEntidadY404SiNoExiste()
    {
        var http = await _app.ComoAsync(DosEntidades.Nacional);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/e/MUNIDEMO/poi/2024/fichas")).StatusCode);
        var r = await http.GetAsync("/e/NOEXISTE");
        Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        Assert.Contains("no existe", await TextoAsync(r));
    }

    [Fact]
    public async Task Operador_VeSoloSusCentrosEnLasMatricesDelPoi()
    {
        var http = await _app.ComoAsync(AppDePrueba.Operador);
        await using var db = _app.Base.Contexto();
        var entidad = await db.Entidades.SingleAsync(e => e.Codigo == "EMSAPUNO");
        var centro = await db.CentrosCosto.SingleAsync(c => c.EntidadId == entidad.Id && c.Codigo == DatosDemo.CentroOperador);
        var propias = await db.Actividades.Where(a => a.CentroCostoId == centro.Id).Select(a => a.Codigo).ToListAsync();
        Assert.Equal(34, propias.Count);

        var porCentro = new HtmlParser().ParseDocument(await (await http.GetAsync("/e/EMSAPUNO/poi/2024/centros")).Content.ReadAsStringAsync());
        Assert.Equal(["01.02 OFICINA DE PLANEAMIENTO Y DESARROLLO EMPRESARIAL"], porCentro.QuerySelectorAll("section.bloque h3").Select(h => h.TextContent.Trim()));
        Assert.Equal(propias.Count, porCentro.QuerySelectorAll("table.matriz tbody tr:not(.grupo)").Length);
        Assert.Contains("solo las actividades de los centros de costo asignados", porCentro.Body!.TextContent);

        var porFicha = new HtmlParser().ParseDocument(await (await http.GetAsync("/e/EMSAPUNO/poi/2024/fichas")).Content.ReadAsStringAsync());
        var enlaces = porFicha.QuerySelectorAll("table.matriz tbody tr:not(.grupo) a").Select(a => Uri.UnescapeDataString(a.GetAttribute("href")!["/e/EMSAPUNO/poi/2024/actividad/".Length..])).ToList();
        Assert.Equal(propias.Order(StringComparer.Ordinal), enlaces.Order(StringComparer.Ordinal));

        var ajena = await db.Actividades.Where(a => a.EntidadId == entidad.Id && a.CentroCostoId != centro.Id).Select(a => a.Codigo).FirstAsync();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"/e/EMSAPUNO/poi/2024/actividad/{Uri.EscapeDataString(propias[0])}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync($"/e/EMSAPUNO/poi/2024/actividad/{Uri.EscapeDataString(ajena)}")).StatusCode);
    }

    [Theory]
    [InlineData(AppDePrueba.Operador, "/e/EMSAPUNO", HttpStatusCode.OK)]
    [InlineData(AppDePrueba.Operador, "/e/EMSAPUNO/pei", HttpStatusCode.OK)]
    [InlineData(AppDePrueba.Operador, "/e/EMSAPUNO/evaluacion/2024", HttpStatusCode.OK)]
    [InlineData(AppDePrueba.Operador, "/e/EMSAPUNO/auditoria", HttpStatusCode.Forbidden)]
    [InlineData(AppDePrueba.Consulta, "/e/EMSAPUNO/auditoria", HttpStatusCode.Forbidden)]
    [InlineData(AppDePrueba.Consulta, "/e/EMSAPUNO/auditoria?handler=csv", HttpStatusCode.Forbidden)]
    [InlineData(AppDePrueba.Administrador, "/e/EMSAPUNO/auditoria", HttpStatusCode.OK)]
    [InlineData(AppDePrueba.Planificador, "/e/EMSAPUNO/auditoria", HttpStatusCode.OK)]
    public async Task CadaRol_LeeLoQueLeCorresponde(string correo, string url, HttpStatusCode esperado)
    {
        var r = await (await _app.ComoAsync(correo)).GetAsync(url);
        Assert.Equal(esperado, r.StatusCode);
    }

    [Fact]
    public async Task Consulta_VeTodosLosCentros()
    {
        var doc = new HtmlParser().ParseDocument(await (await (await _app.ComoAsync(AppDePrueba.Consulta)).GetAsync("/e/EMSAPUNO/poi/2024/centros")).Content.ReadAsStringAsync());
        await using var db = _app.Base.Contexto();
        var entidad = await db.Entidades.SingleAsync(e => e.Codigo == "EMSAPUNO");
        Assert.Equal(await db.Actividades.CountAsync(a => a.EntidadId == entidad.Id), doc.QuerySelectorAll("table.matriz tbody tr:not(.grupo)").Length);
    }
}
