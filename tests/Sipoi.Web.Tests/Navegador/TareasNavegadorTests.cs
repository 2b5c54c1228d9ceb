using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Sipoi.Domain.Calendario;
using Sipoi.Domain.Organizacion;
using Sipoi.Domain.Seguimiento;
using Sipoi.Web.Tests.Infraestructura;

namespace Sipoi.Web.Tests.Navegador;

/// <summary>
/// The journeys that start where the log-in leads, for an entity with the QUARTERLY rhythm (issue 13): an operator opens its landing
/// page, follows its quarter task, registers the quarter's three months (the summary of the period on its last one) and submits the
/// quarter; a planner follows its review task and approves the quarter; each task is gone afterwards. Screenshots at 1366 and 390 px
/// are saved under the test output (capturas/); at 390 px nothing overflows.
/// </summary>
[Collection(AppNavegador.Coleccion)]
public sealed class TareasNavegadorTests(AppNavegador app) : IClassFixture<AppNavegador>
{
    private static readonly string Capturas = Path.Combine(AppContext.BaseDirectory, "capturas");

    /// <summary>The entity as both journeys need it, set up in one place: quarterly rhythm, 10 days to close, its usual calendar.</summary>
    private async Task PrepararEntidadAsync()
    {
        await using var db = app.Base.Contexto();
        var e = await db.Entidades.SingleAsync(x => x.Codigo == "EMSAPUNO");
        e.Configurar(e.Configuracion with { DiasCierre = 10, Ritmo = RitmoReporte.Trimestral, ValidacionJefatura = false });
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

    /// <summary>Every activity executes exactly its month's target (the grid's fourth column): nothing to justify.</summary>
    private static Task LlenarConMetasAsync(IPage p) => p.EvaluateAsync(@"() => {
        for (const tr of document.querySelectorAll('tr.fila')) {
            tr.querySelector(""input.celda[data-columna='fisico']"").value = tr.children[3].textContent.trim();
        }
    }");

    private static async Task GuardarAsync(IPage p, string mes)
    {
        await Assertions.Expect(p.Locator("h1")).ToHaveTextAsync($"Seguimiento de {mes} de 2024");
        await LlenarConMetasAsync(p);
        await p.Locator("#guardar").ClickAsync();
        await Assertions.Expect(p.Locator("#aviso")).ToContainTextAsync("Se guard");
        await Assertions.Expect(p.Locator("#estado")).ToHaveTextAsync("Pendiente");
    }

    [Fact]
    public async Task Operador_DesdeSuInicioRegistraYEnviaElTrimestre()
    {
        await PrepararEntidadAsync();
        app.Reloj.Fijar(2024, 4, 3);
        var p = await app.IngresarAsync("operador@emsapuno.demo");
        var tarea = p.Locator("#tareas li.tarea", new() { HasText = "Registrar y enviar el I trimestre de 2024 (enero a marzo) con el resumen del periodo — 01.02" });
        await Assertions.Expect(tarea).ToContainTextAsync("Plazo: 10/04/2024");
        await Assertions.Expect(tarea).ToContainTextAsync("Vence pronto");
        await CapturarAsync(p, "operador-inicio");

        // The task opens the quarter's last month; the operator registers January and February first (the grid's month links).
        await tarea.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(p.Locator("h1")).ToHaveTextAsync("Seguimiento de marzo de 2024");
        await Assertions.Expect(p.Locator("#ritmo")).ToContainTextAsync("se envían juntos los tres meses del I trimestre de 2024 (enero a marzo)");
        await p.Locator("nav.migas a[rel=prev]").ClickAsync();
        await p.Locator("nav.migas a[rel=prev]").ClickAsync();
        await GuardarAsync(p, "enero");
        await Assertions.Expect(p.Locator("#enviar")).ToHaveCountAsync(0);
        await p.Locator("nav.migas a[rel=next]").ClickAsync();
        await GuardarAsync(p, "febrero");
        await CapturarAsync(p, "operador-febrero");
        await p.Locator("nav.migas a[rel=next]").ClickAsync();

        await Assertions.Expect(p.Locator("h1")).ToHaveTextAsync("Seguimiento de marzo de 2024");
        await LlenarConMetasAsync(p);
        await p.Locator("#resumen-periodo textarea").FillAsync(
            "Se cumplió lo programado en el trimestre; la contratación tardía del personal retrasó las primeras semanas de enero.");
        await CapturarAsync(p, "operador-marzo");
        await p.Locator("#enviar").ClickAsync();
        await Assertions.Expect(p.Locator("#aviso")).ToContainTextAsync("El seguimiento del I trimestre de 2024 (enero a marzo) se envió a revisión.");
        await Assertions.Expect(p.Locator("#estado")).ToHaveTextAsync("Enviado");

        await p.GotoAsync("/");
        await Assertions.Expect(p.Locator("#tareas")).ToContainTextAsync("Registrar abril de 2024 (se envía con el II Trimestre desde junio) — 01.02");
        await Assertions.Expect(p.Locator("#tareas")).Not.ToContainTextAsync("I trimestre de 2024");
        await CapturarAsync(p, "operador-inicio-despues");
    }

    [Fact]
    public async Task Planificador_DesdeSuInicioApruebaUnTrimestreEnviado()
    {
        await PrepararEntidadAsync();
        await using (var db = app.Base.Contexto())
        {
            // The centre submitted its I Trimestre on 31/03 through the domain's quarterly submission.
            var e = await db.Entidades.SingleAsync(x => x.Codigo == "EMSAPUNO");
            var centro = await db.CentrosCosto.SingleAsync(c => c.EntidadId == e.Id && c.Codigo == "03.01");
            var poi = await db.Pois.SingleAsync(x => x.EntidadId == e.Id && x.Anio == 2024);
            var meses = Enumerable.Range(1, 3).Select(m => new MesDelTrimestre(new SeguimientoMensual(e.Id, poi.Id, 2024, centro.Id, m), [])).ToList();
            EnvioTrimestral.Enviar(new MesDelAnio(2024, 3), meses, e.Configuracion, "operador.prueba", Seguimientos.En(2024, 3, 31));
            db.Seguimientos.AddRange(meses.Select(m => m.Seguimiento));
            await db.SaveChangesAsync();
        }
        app.Reloj.Fijar(2024, 4, 5);
        var p = await app.IngresarAsync("planificador@emsapuno.demo");
        const string texto = "Revisar el I trimestre de 2024 (enero a marzo) enviado — 03.01";
        var tarea = p.Locator("#tareas li.tarea", new() { HasText = texto });
        await Assertions.Expect(tarea).ToHaveCountAsync(1);
        await CapturarAsync(p, "planificador-inicio");

        await tarea.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(p.Locator("h1")).ToHaveTextAsync("Seguimiento de marzo de 2024");
        await Assertions.Expect(p.Locator("#estado")).ToHaveTextAsync("Enviado");
        await Assertions.Expect(p.Locator("#aprobar button")).ToHaveTextAsync("Aprobar el trimestre");
        await CapturarAsync(p, "planificador-marzo");
        await p.Locator("#aprobar button").ClickAsync();
        await Assertions.Expect(p.Locator("#aviso")).ToContainTextAsync("Se aprobó el seguimiento del I trimestre de 2024 (enero a marzo) del centro de costo 03.01.");
        await Assertions.Expect(p.Locator("#estado")).ToHaveTextAsync("Aprobado");

        await p.GotoAsync("/");
        await Assertions.Expect(p.Locator("#tareas li.tarea", new() { HasText = texto })).ToHaveCountAsync(0);
        await CapturarAsync(p, "planificador-inicio-despues");
        await using (var db = app.Base.Contexto())
        {
            Assert.Equal(3, await db.Seguimientos.CountAsync(s => s.Anio == 2024 && s.Mes <= 3 && s.Estado == EstadoSeguimiento.Aprobado
                && db.CentrosCosto.Any(c => c.Id == s.CentroCostoId && c.Codigo == "03.01")));
        }
    }
}
