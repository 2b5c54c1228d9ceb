using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Intercambio;
using Sipoi.Web.Tests.Infraestructura;

namespace Sipoi.Web.Tests.Pages;

/// <summary>The pages of issue 2 against the demo entity loaded in real PostgreSQL, read by its Planificador.</summary>
public sealed class PaginasDemoTests(AppDePrueba app) : IClassFixture<AppDePrueba>
{
    private Task<HttpClient> Http => app.ComoAsync(AppDePrueba.Planificador);

    private async Task<IHtmlDocument> PaginaAsync(string url)
    {
        var r = await (await Http).GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        return new HtmlParser().ParseDocument(await r.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Inicio_ListaLaEntidadDeDemostracion()
    {
        var doc = await PaginaAsync("/");
        Assert.Contains(doc.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/e/EMSAPUNO");
    }

    [Fact]
    public async Task PaginaDeEntidad_MuestraElPoiAprobadoYElPresupuesto()
    {
        var texto = (await PaginaAsync("/e/EMSAPUNO")).Body!.TextContent;
        Assert.Contains("RGG N.º 114-2023-EMSAPUNO/GG del 28/12/2023", texto);
        Assert.Contains("27,601,391.00", texto);
        Assert.Contains("62.81", texto);
    }

    [Fact]
    public async Task Pei_MuestraCadaOeiAeiEIndicadorConSuLogroEsperado()
    {
        var doc = await PaginaAsync("/e/EMSAPUNO/pei");
        var codigos = doc.QuerySelectorAll("tbody tr td:first-child").Select(td => td.TextContent.Trim()).ToHashSet();
        await using var db = app.Base.Contexto();
        var aeis = await db.Aeis.Select(a => a.Codigo).ToListAsync();
        var oeis = await db.Oeis.Select(o => o.Codigo).ToListAsync();
        var indicadores = await db.Indicadores.Select(i => i.Codigo).ToListAsync();
        Assert.Equal(8, oeis.Count);
        Assert.All(oeis.Concat(aeis).Concat(indicadores), c => Assert.Contains(c, codigos));
        // "Instalación de nuevos medidores- Puno": 2,345 in 2024, written as offices write it.
        var fila = doc.QuerySelectorAll("tr.nivel-indicador").Single(tr => tr.TextContent.Contains("nuevos medidores"));
        Assert.Contains(fila.QuerySelectorAll("td.num"), td => td.TextContent.Trim() == "2,345");
    }

    [Fact]
    public async Task PoiPorFicha_CadaActividadMuestraElTotalAnualDeSuComportamiento()
    {
        var doc = await PaginaAsync("/e/EMSAPUNO/poi/2024/fichas");
        var vista = await VistaAsync();
        var filas = doc.QuerySelectorAll("table.matriz tbody tr:not(.grupo)").ToList();
        Assert.Equal(vista.Count, filas.Count);
        foreach (var a in vista)
        {
            var fila = filas.Single(tr => tr.QuerySelector("a")!.GetAttribute("href") == "/e/EMSAPUNO/poi/2024/actividad/" + Uri.EscapeDataString(a.Codigo));
            Assert.Equal(Cifra.Numero(a.Anual), fila.QuerySelector("td.anual")!.TextContent.Trim());
            var trimestres = fila.QuerySelectorAll("td.trim").Select(td => td.TextContent.Trim()).ToList();
            Assert.Equal(a.Trimestres.Select(t => Cifra.Numero(t)), trimestres);
        }
    }

    [Fact]
    public async Task PoiPorCentro_AgrupaTodasLasActividadesPorCentroDeCosto()
    {
        var doc = await PaginaAsync("/e/EMSAPUNO/poi/2024/centros");
        var vista = await VistaAsync();
        Assert.Equal(vista.Count, doc.QuerySelectorAll("table.matriz tbody tr:not(.grupo)").Length);
        var secciones = doc.QuerySelectorAll("section.bloque h3").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(vista.Select(a => $"{a.CentroCodigo} {a.CentroNombre}").Distinct().Order(StringComparer.Ordinal), secciones);
    }

    [Fact]
    public async Task Actividad_MuestraSusDoceMesesYSubtotales()
    {
        var a = (await VistaAsync()).First(x => x.Programado.Count(m => m > 0) > 1);
        var doc = await PaginaAsync($"/e/EMSAPUNO/poi/2024/actividad/{Uri.EscapeDataString(a.Codigo)}");
        Assert.Contains(a.Nombre, doc.Body!.TextContent);
        var filas = doc.QuerySelectorAll("table.angosta").First().QuerySelectorAll("tbody tr");
        Assert.Equal(12, filas.Length);
        Assert.Equal("sin registro", filas[0].QuerySelectorAll("td")[2].TextContent.Trim());
    }

    // An entity that does not exist answers 403 to a user of another entity like any other entity
    // (Seguridad/README.md); a national administrator gets the 404 (SeguridadTests).
    [Theory]
    [InlineData("/e/EMSAPUNO/poi/1999/centros")]
    [InlineData("/e/EMSAPUNO/poi/2024/actividad/NOEXISTE")]
    public async Task RecursoInexistente_Responde404EnCastellano(string url)
    {
        var r = await (await Http).GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        Assert.Contains("no existe", await r.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Paginas_FuncionanSinJavaScript()
    {
        foreach (var url in new[] { "/", "/e/EMSAPUNO", "/e/EMSAPUNO/pei", "/e/EMSAPUNO/poi/2024/fichas", "/e/EMSAPUNO/poi/2024/centros",
                     "/e/EMSAPUNO/auditoria", "/cuenta/contrasena" })
        {
            var html = await (await (await Http).GetAsync(url)).Content.ReadAsStringAsync();
            Assert.DoesNotContain("<script", html);
        }
    }

    [Fact]
    public async Task CargarLaDemoDeNuevo_NoDuplicaNada()
    {
        await using var db = app.Base.Contexto();
        var antes = await db.MetasMensuales.CountAsync();
        Assert.False(await DatosDemo.CargarSiFaltaAsync(db));
        Assert.Equal(1, await db.Entidades.CountAsync());
        Assert.Equal(antes, await db.MetasMensuales.CountAsync());
    }

    private async Task<List<Sipoi.Web.Pois.FilaActividad>> VistaAsync()
    {
        await using var db = app.Base.Contexto();
        var entidad = await db.Entidades.SingleAsync(e => e.Codigo == "EMSAPUNO");
        var vista = await Sipoi.Web.Pois.ConsultaPoi.CargarAsync(db, entidad.Id, 2024, CancellationToken.None);
        Assert.NotNull(vista);
        Assert.NotEmpty(vista.Actividades);
        return vista.Actividades;
    }
}
