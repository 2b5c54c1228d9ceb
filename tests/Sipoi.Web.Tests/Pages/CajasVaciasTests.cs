using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Sipoi.Web.Pages.Cuenta;
using Sipoi.Web.Tests.Infraestructura;

namespace Sipoi.Web.Tests.Pages;

/// <summary>
/// No empty boxes (issue 15, item 4): an error or notice box is drawn only when it has something to say. The log-in
/// page showed an empty red box before anyone typed anything.
/// </summary>
public sealed class CajasVaciasTests(AppDePrueba app) : IClassFixture<AppDePrueba>
{
    /// <summary>Every element drawn as an error or notice box (the error classes, role=alert/status) that has no text.</summary>
    private static List<string> CajasVacias(IDocument doc) =>
        doc.QuerySelectorAll(".errores, .error, .error-celda, .aviso, .advertencia, [role=alert], [role=status]")
            .Where(e => string.IsNullOrWhiteSpace(e.TextContent))
            .Select(e => e.OuterHtml)
            .ToList();

    [Fact]
    public async Task Ingresar_SinErrores_NoMuestraNingunaCajaDeError()
    {
        var http = app.ClienteAnonimo();
        var r = await http.GetAsync("/cuenta/ingresar");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var doc = new HtmlParser().ParseDocument(await r.Content.ReadAsStringAsync());
        Assert.NotNull(doc.QuerySelector("form#ingreso"));
        Assert.Empty(doc.QuerySelectorAll(".errores, [role=alert]"));
        Assert.Empty(CajasVacias(doc));
    }

    [Fact]
    public async Task Ingresar_ConContrasenaIncorrecta_LaCajaDiceQueFallo()
    {
        var r = await AppDePrueba.IngresarAsync(app.ClienteAnonimo(), AppDePrueba.Consulta, "no-es-la-clave-1234");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var doc = new HtmlParser().ParseDocument(await r.Content.ReadAsStringAsync());
        var caja = Assert.Single(doc.QuerySelectorAll(".errores"));
        Assert.Equal(IngresarModel.MensajeFallo, caja.TextContent.Trim());
        Assert.Empty(CajasVacias(doc));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/cuenta/contrasena")]
    [InlineData("/cuenta/tokens")]
    [InlineData("/cuenta/avisos")]
    [InlineData("/e/EMSAPUNO")]
    [InlineData("/e/EMSAPUNO/auditoria")]
    [InlineData("/e/EMSAPUNO/seguimiento/2024/tablero")]
    [InlineData("/e/EMSAPUNO/seguimiento/2024/11?centro=01.02")]
    [InlineData("/e/EMSAPUNO/formulacion/2024")]
    [InlineData("/e/EMSAPUNO/calendario/2024")]
    [InlineData("/e/EMSAPUNO/evaluaciones")]
    [InlineData("/e/EMSAPUNO/importar-excel")]
    [InlineData("/e/EMSAPUNO/administracion/usuarios/nuevo")]
    [InlineData("/e/EMSAPUNO/administracion/configuracion")]
    public async Task PaginaDeFormulario_NoDibujaCajasVacias(string url)
    {
        var http = await app.ComoAsync(AppDePrueba.Administrador);
        var r = await http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Empty(CajasVacias(new HtmlParser().ParseDocument(await r.Content.ReadAsStringAsync())));
    }
}
