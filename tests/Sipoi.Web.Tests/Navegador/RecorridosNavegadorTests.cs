using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Sipoi.Web.Tests.Navegador;

/// <summary>
/// Issue 15, items 8 and 9: every role walks the pages it uses in the demo of December 2026 (the POI of the current year),
/// at 1366 px and at 390 px. On each page and width: axe-core finds no WCAG 2.0/2.1 A/AA violation, the page itself never
/// scrolls sideways (data tables scroll inside their own container), the main menu is there, and a full-page screenshot is
/// saved under the test output (bin/…/capturas/recorridos/, as the other browser tests do: CI keeps no artifact).
/// One app, one browser and one context per role; each page is loaded once and checked at both widths.
/// </summary>
[Collection(AppNavegador.Coleccion)]
public sealed class RecorridosNavegadorTests(AppNavegadorAnioActual app, ITestOutputHelper salida) : IClassFixture<AppNavegadorAnioActual>
{
    /// <summary>
    /// The main menu of every page (issue 15, item 1; Pages/Shared/_Layout.cshtml).
    /// </summary>
    public const string SelectorMenu = "nav#menu-principal";

    public static readonly int[] Anchos = [1366, 390];

    private static readonly string Capturas = Path.Combine(AppContext.BaseDirectory, "capturas", "recorridos");

    /// <summary>The checks of one page and width.</summary>
    public const string Axe = "axe", Desborde = "desborde", Menu = "menú";

    private static readonly string[] Etiquetas = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    [Fact]
    public Task Operador_RecorreSusPaginas() => RecorrerAsync("operador@emsapuno.demo", "operador",
    [
        "/", "/e/EMSAPUNO", "/e/EMSAPUNO/pei", "/e/EMSAPUNO/poi/2026/centros", "/e/EMSAPUNO/poi/2026/fichas",
        "/e/EMSAPUNO/seguimiento/2026/tablero", "/e/EMSAPUNO/seguimiento/2026/12?centro=01.02", "/e/EMSAPUNO/tablero/2026",
        "/e/EMSAPUNO/reportes/2026", "/e/EMSAPUNO/formulacion/2026/centro/01.02", "/e/EMSAPUNO/calendario/2026",
    ]);

    [Fact]
    public Task Planificador_RecorreSusPaginas() => RecorrerAsync("planificador@emsapuno.demo", "planificador",
    [
        "/", "/e/EMSAPUNO", "/e/EMSAPUNO/pei", "/e/EMSAPUNO/poi/2026/centros", "/e/EMSAPUNO/seguimiento/2026/tablero",
        "/e/EMSAPUNO/seguimiento/2026/11?centro=01.02", "/e/EMSAPUNO/evaluacion/2026", "/e/EMSAPUNO/tablero/2026",
        "/e/EMSAPUNO/formulacion/2026", "/e/EMSAPUNO/formulacion/2026/techos", "/e/EMSAPUNO/formulacion/2026/diferencias",
        "/e/EMSAPUNO/evaluaciones", "/e/EMSAPUNO/calendario/2026", "/e/EMSAPUNO/auditoria",
    ]);

    [Fact]
    public Task Administrador_RecorreSusPaginas() => RecorrerAsync("admin@emsapuno.demo", "administrador",
    [
        "/", "/e/EMSAPUNO", "/e/EMSAPUNO/administracion", "/e/EMSAPUNO/administracion/usuarios",
        "/e/EMSAPUNO/administracion/centros", "/e/EMSAPUNO/administracion/configuracion", "/e/EMSAPUNO/administracion/textos",
        "/e/EMSAPUNO/administracion/avisos", "/e/EMSAPUNO/auditoria",
    ]);

    [Fact]
    public Task Consulta_RecorreSusPaginas() => RecorrerAsync("consulta@emsapuno.demo", "consulta",
    [
        "/", "/e/EMSAPUNO", "/e/EMSAPUNO/poi/2026/centros", "/e/EMSAPUNO/seguimiento/2026/tablero",
        "/e/EMSAPUNO/evaluacion/2026", "/e/EMSAPUNO/tablero/2026", "/e/EMSAPUNO/reportes/2026", "/e/EMSAPUNO/evaluaciones",
    ]);

    [Fact]
    public Task Publico_RecorreTransparenciaYElIngreso() => RecorrerAsync(null, "publico",
        ["/transparencia", "/transparencia/EMSAPUNO", "/cuenta/ingresar"]);

    private async Task RecorrerAsync(string? correo, string rol, string[] rutas)
    {
        IPage p;
        if (correo is null)
        {
            var contexto = await app.Navegador.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.Direccion, Locale = "es-PE" });
            contexto.SetDefaultTimeout(60_000);
            p = await contexto.NewPageAsync();
        }
        else p = await app.IngresarAsync(correo);
        Directory.CreateDirectory(Capturas);
        var fallas = new List<string>();
        try
        {
            foreach (var ruta in rutas)
            {
                await p.SetViewportSizeAsync(Anchos[0], 900);
                var respuesta = await p.GotoAsync(ruta);
                Assert.True(respuesta is { Ok: true }, $"{rol}: {ruta} respondió {respuesta?.Status}.");
                fallas.AddRange(await RevisarEnAnchosAsync(p, ruta, $"{rol}-{Nombre(ruta)}"));
            }
        }
        finally
        {
            await p.Context.CloseAsync();
        }
        salida.WriteLine($"{rol}: {rutas.Length} páginas revisadas a {string.Join(" y ", Anchos)} px (axe-core, desborde, menú).");
        Assert.True(fallas.Count == 0, $"{rol}: {fallas.Count} fallas en el recorrido:\n" + string.Join("\n", fallas));
    }

    /// <summary>
    /// The page as it stands, at each width of <see cref="Anchos"/>: axe-core, overflow and menu, and a full-page screenshot
    /// capturas/recorridos/{captura}-{ancho}.png. Leaves the window at 1366 px. Returns the failures, each naming the page.
    /// </summary>
    internal static async Task<List<string>> RevisarEnAnchosAsync(IPage p, string etiqueta, string captura)
    {
        Directory.CreateDirectory(Capturas);
        var fallas = new List<string>();
        foreach (var ancho in Anchos)
        {
            await p.SetViewportSizeAsync(ancho, 900);
            foreach (var falla in await RevisarAsync(p, etiqueta, ancho))
                fallas.Add($"{etiqueta} a {ancho} px: {falla.Detalle}");
            await p.ScreenshotAsync(new() { Path = Path.Combine(Capturas, $"{captura}-{ancho}.png"), FullPage = true });
        }
        await p.SetViewportSizeAsync(Anchos[0], 900);
        return fallas;
    }

    private sealed record Falla(string Clave, string Detalle);

    private static async Task<List<Falla>> RevisarAsync(IPage p, string ruta, int ancho)
    {
        var fallas = new List<Falla>();
        var clave = $"{ruta}|{ancho}|";

        // After a resize, responsive charts (Chart.js, a ResizeObserver) shrink a frame or more later: give the page up
        // to 3 s to settle before measuring; a real overflow stays and is reported.
        try
        {
            await p.WaitForFunctionAsync("() => document.documentElement.scrollWidth <= window.innerWidth + 1", null,
                new() { Timeout = 3_000, PollingInterval = 100 });
        }
        // Playwright reports the expired wait as a System.TimeoutException: the overflow is measured and reported below.
        catch (Exception e) when (e is PlaywrightException or TimeoutException) { }
        var anchos = await p.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        if (anchos[0] > anchos[1] + 1)
        {
            var anchas = await p.EvaluateAsync<string[]>(ElementosAnchos);
            fallas.Add(new(clave + Desborde, $"la página mide {anchos[0]} px de ancho en una ventana de {anchos[1]} px (lo más ancho: {string.Join(", ", anchas)})"));
        }

        if (await p.Locator(SelectorMenu).CountAsync() != 1)
            fallas.Add(new(clave + Menu, $"no tiene el menú principal ({SelectorMenu})"));

        var resultado = await p.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. Etiquetas] } });
        foreach (var v in resultado.Violations)
            fallas.Add(new(clave + Axe + ":" + v.Id,
                $"axe {v.Id} ({v.Impact}) en {string.Join(" ; ", v.Nodes.Select(n => n.Target.ToString()))}"));
        return fallas;
    }

    /// <summary>The outermost elements wider than the window, as "tag#id.class (right px)", to point at the culprit.</summary>
    private const string ElementosAnchos = @"() => {
        const w = window.innerWidth, r = [];
        for (const e of document.body.querySelectorAll('*')) {
            const b = e.getBoundingClientRect();
            if (b.right > w + 1 && !(e.parentElement && e.parentElement.getBoundingClientRect().right > w + 1))
                r.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.classList.length ? '.' + [...e.classList].join('.') : '') + ' (' + Math.round(b.right) + ' px)');
            if (r.length >= 5) break;
        }
        return r; }";

    internal static string Nombre(string ruta)
    {
        var s = ruta.Trim('/').Replace("e/EMSAPUNO", "entidad", StringComparison.Ordinal);
        s = new string([.. s.Select(c => char.IsLetterOrDigit(c) ? c : '-')]).Trim('-');
        return s.Length == 0 ? "inicio" : s;
    }
}
