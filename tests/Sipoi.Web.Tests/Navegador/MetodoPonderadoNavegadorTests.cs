using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Sipoi.Domain.Periodos;
using Sipoi.Web.Informes;
using Sipoi.Web.Tests.Reportes;

namespace Sipoi.Web.Tests.Navegador;

/// <summary>
/// In a real browser at a phone's width (390 px): the compact table of gerencias and fichas de proceso on the dashboard and
/// on the public page fits the screen — its content does not spill out of it and it ends inside the viewport.
/// Screenshots of both are saved under the test output (capturas/).
/// </summary>
[Collection(AppNavegador.Coleccion)]
public sealed class MetodoPonderadoNavegadorTests(AppNavegador app) : IClassFixture<AppNavegador>
{
    private static readonly string Capturas = Path.Combine(AppContext.BaseDirectory, "capturas");

    private static async Task CabeA390Async(IPage p, string nombre)
    {
        await p.SetViewportSizeAsync(390, 900);
        var tabla = p.Locator("table.metodo-ponderado").First;
        await Assertions.Expect(tabla).ToBeVisibleAsync();
        var medidas = await tabla.EvaluateAsync<int[]>(
            "t => [t.scrollWidth, t.clientWidth, Math.ceil(t.getBoundingClientRect().right), document.documentElement.clientWidth]");
        Assert.True(medidas[0] <= medidas[1], $"«{nombre}»: el contenido de la tabla mide {medidas[0]} px y la tabla {medidas[1]} px.");
        Assert.True(medidas[2] <= medidas[3], $"«{nombre}»: la tabla termina en {medidas[2]} px, fuera de la pantalla de {medidas[3]} px.");
        Directory.CreateDirectory(Capturas);
        await tabla.ScreenshotAsync(new() { Path = Path.Combine(Capturas, $"{nombre}-390.png") });
    }

    [Fact]
    public async Task MetodoPonderado_TablaCompactaCabeA390EnTableroYPaginaPublica()
    {
        await AvanceDePrueba.RegistrarAsync(app.Base);
        await using (var db = app.Base.Contexto())
        {
            var entidad = await db.Entidades.SingleAsync(e => e.Codigo == "EMSAPUNO");
            var ev = await RegistroEvaluaciones.RegistrarAsync(db, entidad.Id, 2024, Periodo.Semestre(1), default);
            await RegistroEvaluaciones.PublicarAsync(db, ev, "Informe N.º 012-2024-OPP", "planificador", DateTimeOffset.UtcNow, default);
        }

        var p = await app.IngresarAsync("consulta@emsapuno.demo");
        await p.GotoAsync("/e/EMSAPUNO/tablero/2024?periodo=S1");
        await CabeA390Async(p, "tablero-metodo-ponderado");
        await p.Context.CloseAsync();

        var ciudadano = await (await app.Navegador.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.Direccion, Locale = "es-PE" })).NewPageAsync();
        ciudadano.Context.SetDefaultTimeout(60_000);
        await ciudadano.GotoAsync("/transparencia/EMSAPUNO");
        await CabeA390Async(ciudadano, "transparencia-metodo-ponderado");
        await ciudadano.Context.CloseAsync();
    }
}
