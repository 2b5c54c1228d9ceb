using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Sipoi.Domain.Calendario;
using Sipoi.Web.Tests.Infraestructura;

namespace Sipoi.Web.Tests.Navegador;

/// <summary>
/// The journeys that start where the log-in leads: an operator and a planner each open their landing page,
/// follow a task's link and finish it there (register and submit a month; approve it), and the task is gone.
/// Screenshots at 1366 and 390 px are saved under the test output (capturas/); at 390 px nothing overflows.
/// </summary>
[Collection(AppNavegador.Coleccion)]
public sealed class TareasNavegadorTests(AppNavegador app) : IClassFixture<AppNavegador>
{
    private static readonly string Capturas = Path.Combine(AppContext.BaseDirectory, "capturas");

    /// <summary>
    /// The entity as both journeys need it, set up in one place: its settings and its usual calendar. The reporting
    /// rhythm (issue 13 item 1) is an entity setting too: switching these journeys to the quarterly rhythm is a change
    /// of this method only.
    /// </summary>
    private async Task PrepararEntidadAsync()
    {
        await using var db = app.Base.Contexto();
        var e = await db.Entidades.SingleAsync(x => x.Codigo == "EMSAPUNO");
        e.Configurar(e.Configuracion with { DiasCierre = 10 });
        if (!await db.HitosCalendario.AnyAsync(h => h.EntidadId == e.Id && h.Anio == 2024))
            db.HitosCalendario.AddRange(CronogramaEntidad.Habitual(2024, e.Configuracion).Select(d => new HitoCalendario(e.Id, 2024, d)));
        await db.SaveChangesAsync();
    }

    /// <summary>Full-page screenshots at a desktop and a phone width; at the phone width the page must not scroll sideways.</summary>
    private static async Task CapturarAsync(IPage p, string nombre)
    {
        Directory.CreateDirectory(Capturas);
        foreach (var ancho in new[] { 1366, 390 })
        {
            await p.SetViewportSizeAsync(ancho, 900);
            await p.ScreenshotAsync(new() { Path = Path.Combine(Capturas, $"{nombre}-{ancho}.png"), FullPage = true });
        }
        var desborde = await p.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(desborde <= 0, $"A 390 px la página «{nombre}» se desborda {desborde} px a lo ancho.");
        await p.SetViewportSizeAsync(1366, 900);
    }

    [Fact]
    public async Task Operador_DesdeSuInicioRegistraYEnviaElMes()
    {
        await PrepararEntidadAsync();
        app.Reloj.Fijar(2024, 2, 5);
        var p = await app.IngresarAsync("operador@emsapuno.demo");
        var tarea = p.Locator("#tareas li.tarea", new() { HasText = "Registrar y enviar enero de 2024 — 01.02" });
        await Assertions.Expect(tarea).ToContainTextAsync("Plazo: 10/02/2024");
        await Assertions.Expect(tarea).ToContainTextAsync("Vence pronto");
        await CapturarAsync(p, "operador-inicio");

        await tarea.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(p.Locator("#estado")).ToHaveTextAsync("Pendiente");
        // Every activity executes exactly its month's target (the grid's fourth column): nothing to justify.
        await p.EvaluateAsync(@"() => {
            for (const tr of document.querySelectorAll('tr.fila')) {
                tr.querySelector(""input.celda[data-columna='fisico']"").value = tr.children[3].textContent.trim();
            }
        }");
        await p.Locator("#enviar").ClickAsync();
        await Assertions.Expect(p.Locator("#aviso")).ToContainTextAsync("se envió a revisión");
        await Assertions.Expect(p.Locator("#estado")).ToHaveTextAsync("Enviado");

        await p.GotoAsync("/");
        await Assertions.Expect(p.Locator("#tareas")).ToContainTextAsync("Registrar y enviar febrero de 2024 — 01.02");
        await Assertions.Expect(p.Locator("#tareas")).Not.ToContainTextAsync("enero de 2024");
        await CapturarAsync(p, "operador-inicio-despues");
    }

    [Fact]
    public async Task Planificador_DesdeSuInicioApruebaUnMesEnviado()
    {
        await PrepararEntidadAsync();
        await using (var db = app.Base.Contexto())
        {
            var e = await db.Entidades.SingleAsync(x => x.Codigo == "EMSAPUNO");
            var centro = await db.CentrosCosto.SingleAsync(c => c.EntidadId == e.Id && c.Codigo == "03.01");
            var poi = await db.Pois.SingleAsync(x => x.EntidadId == e.Id && x.Anio == 2024);
            db.Seguimientos.Add(Seguimientos.Enviado(e, poi.Id, 2024, centro.Id, 1));
            await db.SaveChangesAsync();
        }
        app.Reloj.Fijar(2024, 2, 5);
        var p = await app.IngresarAsync("planificador@emsapuno.demo");
        var tarea = p.Locator("#tareas li.tarea", new() { HasText = "Revisar enero de 2024 enviado — 03.01" });
        await Assertions.Expect(tarea).ToHaveCountAsync(1);
        await CapturarAsync(p, "planificador-inicio");

        await tarea.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(p.Locator("#estado")).ToHaveTextAsync("Enviado");
        await p.Locator("#aprobar button").ClickAsync();
        await Assertions.Expect(p.Locator("#aviso")).ToContainTextAsync("Se aprobó el seguimiento de enero de 2024 del centro de costo 03.01.");

        await p.GotoAsync("/");
        await Assertions.Expect(p.Locator("#tareas li.tarea", new() { HasText = "Revisar enero de 2024 enviado — 03.01" })).ToHaveCountAsync(0);
        await CapturarAsync(p, "planificador-inicio-despues");
    }
}
