using System.Collections.Concurrent;
using System.Text;
using Microsoft.Playwright;

namespace Sipoi.Web.Tests.Navegador;

/// <summary>
/// The pages work under the Content-Security-Policy (no inline script or style): Chromium walks the main pages —
/// the monthly grid with its keyboard script and an evidence upload, the dashboard's Chart.js charts, the drafting
/// form's live subtotals, the public pages — and reports no CSP violation, neither as a securitypolicyviolation
/// event nor on the console. A deliberate inline script at the end proves the recorder does see one.
/// </summary>
[Collection(AppNavegador.Coleccion)]
public sealed class CspNavegadorTests(AppNavegador app) : IClassFixture<AppNavegador>
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");

    /// <summary>Runs before any page script, on every navigation of the context (Playwright injects it outside the page's CSP).</summary>
    private const string Registro =
        "window.__violacionesCsp = [];" +
        "document.addEventListener('securitypolicyviolation', e => window.__violacionesCsp.push(" +
        "e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' ' + (e.sourceFile || '') + ':' + e.lineNumber));";

    private readonly ConcurrentQueue<string> _consola = new();

    private async Task<IPage> VigilarAsync(IPage p)
    {
        await p.Context.AddInitScriptAsync(Registro);
        p.Console += (_, m) =>
        {
            if (m.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) _consola.Enqueue($"{p.Url}: {m.Text}");
        };
        return p;
    }

    private static async Task SinViolacionesAsync(IPage p)
    {
        var v = await p.EvaluateAsync<string[]>("() => window.__violacionesCsp || []");
        Assert.True(v.Length == 0, $"{p.Url}: violaciones de CSP: {string.Join(" | ", v)}");
    }

    private async Task VisitarAsync(IPage p, string url)
    {
        var r = await p.GotoAsync(url);
        Assert.True(r is { Ok: true }, $"{url}: {r?.Status}");
        await p.WaitForLoadStateAsync(LoadState.Load);
        await SinViolacionesAsync(p);
    }

    [Fact]
    public async Task PaginasPrincipales_FuncionanSinViolarLaPoliticaDeContenido()
    {
        app.Reloj.Fijar(2024, 2, 5);

        // The operator's month: grilla.js moves the cursor with Enter; an evidence file goes up and comes back listed.
        var op = await VigilarAsync(await app.IngresarAsync("operador@emsapuno.demo"));
        await VisitarAsync(op, "/e/EMSAPUNO/seguimiento/2024/1?centro=01.02&todas=true");
        var celda = op.Locator("#fila-FP22-01 input.celda[data-columna='fisico']");
        await celda.FillAsync("1");
        await celda.PressAsync("Enter");
        await Assertions.Expect(op.Locator("#fila-FP22-02 input.celda[data-columna='fisico']")).ToBeFocusedAsync();
        await op.Locator("#fila-FP34-09 button.adjuntar").ClickAsync();
        await op.Locator("#archivos-evidencia").SetInputFilesAsync(new FilePayload
        {
            Name = "evidencia csp.pdf",
            MimeType = "application/pdf",
            Buffer = Pdf,
        });
        await op.Locator("#adjuntar").ClickAsync();
        await Assertions.Expect(op.Locator("#aviso")).ToContainTextAsync("Se adjuntó «evidencia csp.pdf»");
        await SinViolacionesAsync(op);

        // The planning office: dashboard (Chart.js from wwwroot/lib), the other pages of the menu.
        var opp = await VigilarAsync(await app.IngresarAsync("planificador@emsapuno.demo"));
        await VisitarAsync(opp, "/e/EMSAPUNO/tablero/2024?periodo=S1");
        var lienzo = opp.Locator("figure canvas").First;
        await Assertions.Expect(lienzo).ToBeVisibleAsync();
        Assert.True(await lienzo.EvaluateAsync<bool>("c => !!Chart.getChart(c)"), "Chart.js no dibujó el gráfico.");
        await SinViolacionesAsync(opp);
        foreach (var url in new[]
                 {
                     "/", "/e/EMSAPUNO", "/e/EMSAPUNO/pei", "/e/EMSAPUNO/plan-gobierno", "/e/EMSAPUNO/poi/2024/centros", "/e/EMSAPUNO/poi/2024/fichas",
                     "/e/EMSAPUNO/seguimiento/2024/tablero", "/e/EMSAPUNO/evaluacion/2024", "/e/EMSAPUNO/reportes/2024", "/e/EMSAPUNO/presupuesto/2024",
                     "/e/EMSAPUNO/evaluaciones", "/e/EMSAPUNO/recomendaciones", "/e/EMSAPUNO/auditoria", "/e/EMSAPUNO/importar-excel",
                     "/cuenta/contrasena", "/cuenta/tokens",
                 })
            await VisitarAsync(opp, url);

        // Formulation: formulacion.js asks the server for the quarter subtotals with fetch (connect-src 'self').
        await VisitarAsync(opp, "/e/EMSAPUNO/formulacion/2025");
        await opp.Locator("#crear-poi button").ClickAsync();
        await Assertions.Expect(opp.Locator("#aviso")).ToContainTextAsync("Se creó el POI 2025");
        await VisitarAsync(op, "/e/EMSAPUNO/formulacion/2025/centro/01.02");
        await op.Locator("#nueva").ClickAsync();
        foreach (var mes in new[] { 4, 5 })
            await op.Locator($"input[name='Entrada.Fisico[{mes - 1}]']").FillAsync("1");
        await Assertions.Expect(op.Locator("#t2")).ToHaveTextAsync("2");
        await SinViolacionesAsync(op);

        // A citizen without a session: the public pages.
        var ciudadano = await VigilarAsync(await (await app.Navegador.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.Direccion, Locale = "es-PE" }))
            .NewPageAsync());
        await VisitarAsync(ciudadano, "/transparencia");
        await VisitarAsync(ciudadano, "/transparencia/EMSAPUNO");
        await VisitarAsync(ciudadano, "/cuenta/ingresar");

        Assert.True(_consola.IsEmpty, "La consola registró violaciones de CSP:\n" + string.Join("\n", _consola));

        // The recorder is not blind: an inline script added now is refused and reported, on the console too.
        await ciudadano.EvaluateAsync("() => { const s = document.createElement('script'); s.textContent = 'window.__ejecutado = true'; document.body.appendChild(s); }");
        await ciudadano.WaitForFunctionAsync("() => window.__violacionesCsp.length > 0");
        Assert.False(await ciudadano.EvaluateAsync<bool>("() => window.__ejecutado === true"));
        Assert.Contains("script-src", (await ciudadano.EvaluateAsync<string[]>("() => window.__violacionesCsp"))[0]);
        await Assertions.Expect(ciudadano.Locator("body")).ToBeVisibleAsync();
        for (var i = 0; i < 100 && _consola.IsEmpty; i++) await Task.Delay(50);
        Assert.Contains(_consola, m => m.Contains("/cuenta/ingresar", StringComparison.Ordinal));

        await ciudadano.Context.CloseAsync();
        await op.Context.CloseAsync();
        await opp.Context.CloseAsync();
    }
}
