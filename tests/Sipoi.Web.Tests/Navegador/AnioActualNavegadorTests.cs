using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Sipoi.Web.Tests.Navegador;

/// <summary>The browser app as `./sipoi run` starts it on 07/12/2026: the demo plus its POI of the current year (Sipoi:DemoAnioActual).</summary>
public sealed class AppNavegadorAnioActual : AppNavegador
{
    public AppNavegadorAnioActual() => Reloj.Fijar(2026, 12, 7);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Sipoi:DemoAnioActual", "true");
    }
}

/// <summary>
/// What every role finds on the first run of the demo in December 2026 (issue 15, item 3), in a browser: the operator's task
/// for the open month leads to its grid, the planner's two submitted months to review, consulta's dashboard of the year, and
/// the planner starts the 2027 formulation after its confirmation. Screenshots at 1366 and 390 px under the test output
/// (capturas/anio-actual-*).
/// </summary>
[Collection(AppNavegador.Coleccion)]
public sealed class AnioActualNavegadorTests(AppNavegadorAnioActual app) : IClassFixture<AppNavegadorAnioActual>
{
    private static readonly string Capturas = Path.Combine(AppContext.BaseDirectory, "capturas");

    private static async Task CapturarAsync(IPage p, string nombre)
    {
        Directory.CreateDirectory(Capturas);
        foreach (var ancho in new[] { 1366, 390 })
        {
            await p.SetViewportSizeAsync(ancho, 900);
            await p.ScreenshotAsync(new() { Path = Path.Combine(Capturas, $"anio-actual-{nombre}-{ancho}.png"), FullPage = true });
        }
        await p.SetViewportSizeAsync(1366, 900);
    }

    [Fact]
    public async Task Operador_SigueSuTareaDeDiciembre_HastaLaGrillaAbierta()
    {
        var p = await app.IngresarAsync("operador@emsapuno.demo");
        var tarea = p.Locator("#tareas li.tarea", new() { HasText = "Registrar y enviar diciembre de 2026 — 01.02" });
        await Assertions.Expect(tarea).ToContainTextAsync("En plazo");
        await CapturarAsync(p, "operador-inicio");

        await tarea.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(p.Locator("h1")).ToHaveTextAsync("Seguimiento de diciembre de 2026");
        await Assertions.Expect(p.Locator("#guardar")).ToBeVisibleAsync();
        await CapturarAsync(p, "operador-diciembre");
    }

    [Fact]
    public async Task Planificador_RevisaNoviembre_EIniciaLaFormulacion2027()
    {
        var p = await app.IngresarAsync("planificador@emsapuno.demo");
        await Assertions.Expect(p.Locator("#tareas li.tarea", new() { HasText = "Revisar noviembre de 2026 enviado" })).ToHaveCountAsync(2);
        await CapturarAsync(p, "planificador-inicio");

        await p.GotoAsync("/e/EMSAPUNO/poi/2026/centros");
        await p.Locator("#enlace-formulacion-siguiente").ClickAsync();
        var boton = p.Locator("#confirmar-siguiente > summary");
        await Assertions.Expect(boton).ToHaveTextAsync("Iniciar formulación 2027");
        await boton.ClickAsync();
        await Assertions.Expect(p.Locator("#resumen-siguiente")).ToContainTextAsync("POI 2027");
        await CapturarAsync(p, "planificador-confirmar");

        // Without the box the server refuses in Spanish (forms carry novalidate: no browser bubble), the confirmation
        // stays open and nothing is created.
        await p.Locator("#iniciar-siguiente button[type=submit]").ClickAsync();
        await Assertions.Expect(p.Locator("main")).ToContainTextAsync("Marque la casilla de confirmación para iniciar la formulación 2027.");
        await using (var antes = app.Base.Contexto())
            Assert.False(await antes.Pois.AnyAsync(x => x.Anio == 2027));
        await p.Locator("#iniciar-siguiente input[name=Confirmar]").CheckAsync();
        await p.Locator("#iniciar-siguiente button[type=submit]").ClickAsync();
        await Assertions.Expect(p).ToHaveURLAsync(app.Direccion + "/e/EMSAPUNO/formulacion/2027");
        await Assertions.Expect(p.Locator("#aviso")).ToContainTextAsync("POI 2027");
        await CapturarAsync(p, "planificador-2027");

        await using var db = app.Base.Contexto();
        Assert.Equal(1, await db.Pois.CountAsync(x => x.Anio == 2027));
    }

    [Fact]
    public async Task Consulta_VeElTablero2026()
    {
        var p = await app.IngresarAsync("consulta@emsapuno.demo");
        await p.GotoAsync("/e/EMSAPUNO/tablero/2026");
        await Assertions.Expect(p.Locator("h1")).ToContainTextAsync("2026");
        await CapturarAsync(p, "consulta-tablero");
    }
}
