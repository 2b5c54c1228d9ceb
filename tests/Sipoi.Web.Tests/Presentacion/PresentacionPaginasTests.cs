using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Sipoi.Web.Tests.Infraestructura;
using static Sipoi.Web.Tests.Reportes.AvanceDePrueba;

namespace Sipoi.Web.Tests.Presentacion;

/// <summary>
/// Bands and period selectors are written once (the &lt;banda&gt; tag helper, _SelectorPeriodo): every page paints a
/// band with the same class and the same words, a missing one as ND, and offers the periods in the same order.
/// Expected texts are the demo entity's labels and legends, typed here.
/// </summary>
public sealed class PresentacionPaginasTests(AppDePrueba app) : IClassFixture<AppDePrueba>
{
    private static readonly Dictionary<string, string> TextoPorClase = new()
    {
        ["banda bajo"] = "Bajo — Esfuérzate más",
        ["banda medio"] = "Medio — Falta poco",
        ["banda alto"] = "Alto — Lo lograste",
        ["banda nd"] = "ND",
    };

    private static readonly string[] Periodos =
    [
        "M01", "M02", "M03", "M04", "M05", "M06", "M07", "M08", "M09", "M10", "M11", "M12",
        "T1", "T2", "T3", "T4", "S1", "S2", "ANUAL",
        "A01", "A02", "A03", "A04", "A05", "A06", "A07", "A08", "A09", "A10", "A11", "A12",
    ];

    private async Task<IHtmlDocument> PaginaAsync(string url)
    {
        await RegistrarAsync(app);
        var r = await (await app.ComoAsync(AppDePrueba.Planificador)).GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        return new HtmlParser().ParseDocument(await r.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/e/EMSAPUNO/tablero/2024?periodo=M01")]
    [InlineData("/e/EMSAPUNO/tablero/2024?periodo=T4")]
    [InlineData("/e/EMSAPUNO/presupuesto/2024?periodo=S1")]
    public async Task Bandas_UnaClaseYUnTextoPorBandaYNDParaLoQueNoTieneValor(string url)
    {
        var doc = await PaginaAsync(url);
        var bandas = doc.QuerySelectorAll("span.banda").ToList();
        Assert.NotEmpty(bandas);
        foreach (var b in bandas)
        {
            var clase = b.GetAttribute("class")!;
            Assert.True(TextoPorClase.ContainsKey(clase), $"clase inesperada «{clase}» en {url}");
            Assert.Equal(TextoPorClase[clase], b.TextContent);
        }
        var texto = doc.Body!.TextContent;
        Assert.DoesNotContain("Sin meta en el periodo", texto);
        Assert.DoesNotContain("Sin dato", texto);
    }

    [Fact]
    public async Task Tablero_PintaConColorYSinValor()
    {
        // T4 (October–December) has targets but nothing approved: activities count as 0, so groups are Bajo,
        // and a group without any target in those months is ND. January shows the same two cases side by side.
        var clases = new HashSet<string>();
        foreach (var p in new[] { "M01", "T4", "S1" })
            clases.UnionWith((await PaginaAsync($"/e/EMSAPUNO/tablero/2024?periodo={p}")).QuerySelectorAll("span.banda").Select(b => b.GetAttribute("class")!));
        Assert.Contains("banda nd", clases);
        Assert.Contains("banda bajo", clases);
        // What each chart bar says next to it: the same ND when there is no value.
        var filasSinValor = (await PaginaAsync("/e/EMSAPUNO/tablero/2024?periodo=T4")).QuerySelectorAll("tr[data-banda=nd]");
        Assert.All(filasSinValor, f => Assert.Equal("ND", f.GetAttribute("data-texto")));
    }

    [Theory]
    [InlineData("/e/EMSAPUNO/tablero/2024", "S1")]
    [InlineData("/e/EMSAPUNO/presupuesto/2024", "A03")]
    [InlineData("/e/EMSAPUNO/evaluacion/2024", "M05")]
    public async Task SelectorDePeriodo_MismoOrdenEnCadaPagina(string url, string elegido)
    {
        var doc = await PaginaAsync($"{url}?periodo={elegido}");
        var select = doc.QuerySelector("select[name=periodo]")!;
        Assert.Equal(Periodos, select.QuerySelectorAll("option").Select(o => o.GetAttribute("value")!));
        Assert.Equal([elegido], select.QuerySelectorAll("option[selected]").Select(o => o.GetAttribute("value")!));
        Assert.Equal(["Meses", "Trimestres", "Semestres", "Año", "Acumulado al mes"],
            select.QuerySelectorAll("optgroup").Select(g => g.GetAttribute("label")!));
    }

    [Theory]
    [InlineData("/e/EMSAPUNO/tablero/2024?periodo=T5", "T5")]
    [InlineData("/e/EMSAPUNO/presupuesto/2024?periodo=M13", "M13")]
    [InlineData("/e/EMSAPUNO/evaluacion/2024?periodo=S3", "S3")]
    public async Task PeriodoDesconocido_400ConElMensajeUnico(string url, string codigo)
    {
        var r = await (await app.ComoAsync(AppDePrueba.Planificador)).GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Equal($"Periodo no válido: «{codigo}». Use M01…M12, T1…T4, S1, S2, ANUAL o A01…A12.", await r.Content.ReadAsStringAsync());
    }
}
