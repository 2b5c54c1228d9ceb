using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Sipoi.Web.Tests.Navegador;

/// <summary>
/// The monthly grid in a browser (issue 15, item 2) on the demo's open month (December 2026, AppNavegadorAnioActual): a typed
/// value survives attaching evidence, the action bar stays at the bottom of the window, every column fits at 1366 px and the
/// page does not overflow at 390 px (one card per activity). Screenshots under the test output (capturas/grilla-*).
/// </summary>
[Collection(AppNavegador.Coleccion)]
public sealed class GrillaNavegadorTests(AppNavegadorAnioActual app) : IClassFixture<AppNavegadorAnioActual>
{
    private const string Grilla = "/e/EMSAPUNO/seguimiento/2026/12?centro=01.02";
    private static readonly string Capturas = Path.Combine(AppContext.BaseDirectory, "capturas");

    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"u8.ToArray();

    private static async Task CapturarAsync(IPage p, string nombre, int ancho)
    {
        Directory.CreateDirectory(Capturas);
        await p.SetViewportSizeAsync(ancho, 900);
        await p.ScreenshotAsync(new() { Path = Path.Combine(Capturas, $"grilla-{nombre}-{ancho}.png"), FullPage = true });
    }

    private static Task<bool> SinDesbordeAsync(IPage p) =>
        p.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1");

    [Fact]
    public async Task Operador_TecleaAdjuntaYElValorSigue_LaBarraQuedaAbajo_YCabeEn1366Y390()
    {
        var p = await app.IngresarAsync("operador@emsapuno.demo");
        await p.SetViewportSizeAsync(1366, 700);
        await p.GotoAsync(Grilla);
        await Assertions.Expect(p.Locator("h1")).ToHaveTextAsync("Seguimiento de diciembre de 2026");
        await Assertions.Expect(p.Locator("#mostrar-todas")).ToContainTextAsync("Mostrar todas las actividades (");

        // The action bar is on screen at the bottom of the window before scrolling to the end of the grid.
        var barra = p.Locator("#barra-acciones");
        await Assertions.Expect(barra).ToBeVisibleAsync();
        var caja = (await barra.BoundingBoxAsync())!;
        Assert.InRange(caja.Y + caja.Height, 699, 701);
        Assert.True(await p.EvaluateAsync<bool>("() => document.documentElement.scrollHeight > window.innerHeight + 200"), "la grilla cabe en la ventana: la barra no se pone a prueba");

        // Every column, the evidence column included, fits in 1366 px.
        var ultima = (await p.Locator("table.seguimiento thead th").Last.BoundingBoxAsync())!;
        Assert.True(ultima.X + ultima.Width <= 1366, $"la columna de evidencias termina en {ultima.X + ultima.Width} px");
        Assert.True(await SinDesbordeAsync(p));

        // A typed value, counted as unsaved, survives attaching a file.
        var fila = p.Locator("tr.fila").First;
        var codigo = (await fila.GetAttributeAsync("data-codigo"))!;
        var fisico = fila.Locator("input[data-columna=fisico]");
        await fisico.FillAsync("3");
        await Assertions.Expect(p.Locator("#cambios")).ToHaveTextAsync("1 cambio sin guardar");
        await CapturarAsync(p, "diciembre", 1366);
        await p.SetViewportSizeAsync(1366, 700);
        await fila.Locator("button.adjuntar").ClickAsync();
        await Assertions.Expect(p.Locator("h1")).ToHaveTextAsync("Evidencias de " + codigo);
        await Assertions.Expect(p.Locator("#aviso")).ToContainTextAsync("Se guardó 1 actividad.");
        await p.Locator("#archivos-evidencia").SetInputFilesAsync(new FilePayload { Name = "acta de campo.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await CapturarAsync(p, "evidencia", 390);
        Assert.True(await SinDesbordeAsync(p), "la página de evidencias desborda a 390 px");
        await p.Locator("#adjuntar").ClickAsync();

        await Assertions.Expect(p.Locator("#aviso")).ToHaveTextAsync($"Se adjuntó «acta de campo.pdf» a la actividad {codigo}.");
        var otraVez = p.Locator($"#fila-{codigo}");
        await Assertions.Expect(otraVez.Locator("input[data-columna=fisico]")).ToHaveValueAsync("3");
        await Assertions.Expect(otraVez.Locator(".archivos a")).ToHaveTextAsync("acta de campo.pdf");
        await using (var db = app.Base.Contexto())
            Assert.Equal(1, await db.Evidencias.CountAsync(e => e.Nombre == "acta de campo.pdf" && e.Mes == 12));

        // The phone: one card per activity, no horizontal overflow, the bar still at the bottom.
        await CapturarAsync(p, "diciembre-adjunto", 1366);
        await CapturarAsync(p, "diciembre-adjunto", 390);
        await p.SetViewportSizeAsync(390, 800);
        await p.EvaluateAsync("() => window.scrollTo(0, 0)");
        Assert.True(await SinDesbordeAsync(p), "la grilla desborda a 390 px");
        Assert.Equal("block", await p.Locator("tr.fila").First.EvaluateAsync<string>("e => getComputedStyle(e).display"));
        // Sticky inside the form: once the grid is on screen (the phone's header and summary are taller), the bar is at the bottom.
        await p.EvaluateAsync("() => document.querySelector('tr.fila').scrollIntoView({ block: 'start' })");
        caja = (await barra.BoundingBoxAsync())!;
        Assert.InRange(caja.Y + caja.Height, 799, 801);
        // Keyboard entry is kept: the numeric keyboard, and Tab from the physical value goes to the soles of the same card.
        var primero = p.Locator("tr.fila").First.Locator("input[data-columna=fisico]");
        Assert.Equal("decimal", await primero.GetAttributeAsync("inputmode"));
        await primero.FocusAsync();
        await p.Keyboard.PressAsync("Tab");
        Assert.Equal("financiero", await p.EvaluateAsync<string>("() => document.activeElement.dataset.columna"));
    }
}
