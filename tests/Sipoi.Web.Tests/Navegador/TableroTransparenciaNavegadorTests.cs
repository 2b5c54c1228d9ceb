using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Sipoi.Domain.Periodos;
using Sipoi.Web.Evaluacion;
using Sipoi.Web.Tests.Infraestructura;
using Sipoi.Web.Tests.Reportes;

namespace Sipoi.Web.Tests.Navegador;

/// <summary>
/// In a real browser: the dashboard draws one Chart.js chart per table with the table's own values; the planner
/// publishes an evaluation from its page; a citizen without a session sees it on the transparency page with
/// approved figures only, and nothing in preparation.
/// </summary>
[Collection(AppNavegador.Coleccion)]
public sealed class TableroTransparenciaNavegadorTests(AppNavegador app) : IClassFixture<AppNavegador>
{
    [Fact]
    public async Task Tablero_DibujaCadaGraficoConLosValoresDeSuTabla()
    {
        await AvanceDePrueba.RegistrarAsync(app.Base);
        var p = await app.IngresarAsync("consulta@emsapuno.demo");
        await p.GotoAsync("/e/EMSAPUNO/tablero/2024?periodo=S1");
        var lienzos = p.Locator("figure canvas");
        await Assertions.Expect(lienzos).ToHaveCountAsync(4);
        var tablas = await p.Locator("table[data-grafico]").CountAsync();
        Assert.Equal(4, tablas);
        for (var i = 0; i < 4; i++)
        {
            // The chart Chart.js built on this canvas: its data are the table rows' data-valor, in order.
            var datos = await lienzos.Nth(i).EvaluateAsync<double?[]>("c => Chart.getChart(c).data.datasets[0].data");
            var esperados = await p.Locator("table[data-grafico]").Nth(i).Locator("tbody tr")
                .EvaluateAllAsync<string[]>("filas => filas.map(f => f.dataset.valor)");
            Assert.Equal(esperados.Length, datos.Length);
            Assert.Equal(esperados.Select(v => v == "" ? (double?)null : double.Parse(v, CultureInfo.InvariantCulture)), datos);
            // Something was painted: the canvas has visible pixels.
            var pintados = await lienzos.Nth(i).EvaluateAsync<int>(@"c => {
                const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                let n = 0; for (let k = 3; k < d.length; k += 4) if (d[k] > 0) n++; return n; }");
            Assert.True(pintados > 500, $"El gráfico {i + 1} no se dibujó ({pintados} píxeles).");
        }
        Assert.True(await lienzos.First.EvaluateAsync<bool>("c => c.getAttribute('role') === 'img' && (c.getAttribute('aria-label') || '').length > 0"));
        await p.Context.CloseAsync();
    }

    [Fact]
    public async Task Planificador_PublicaYElCiudadanoVeSoloLoAprobado()
    {
        await AvanceDePrueba.RegistrarAsync(app.Base);
        // September submitted but not approved, and the entity set to show submitted months inside SIPOI.
        await using (var db = app.Base.Contexto())
        {
            var entidad = await db.Entidades.SingleAsync(e => e.Codigo == "EMSAPUNO");
            entidad.Configurar(entidad.Configuracion with { MostrarEnviados = true });
            var poi = await db.Pois.SingleAsync(x => x.Anio == 2024);
            foreach (var centro in await db.Actividades.Where(a => a.PoiId == poi.Id).Select(a => a.CentroCostoId).Distinct().ToListAsync())
                db.Seguimientos.Add(Seguimientos.Enviado(entidad, poi.Id, 2024, centro, 9));
            await db.SaveChangesAsync();
        }

        var p = await app.IngresarAsync("planificador@emsapuno.demo");
        await p.GotoAsync("/e/EMSAPUNO/evaluaciones");
        await p.Locator("#registrar select[name=periodo]").SelectOptionAsync("S2");
        await p.Locator("#registrar button").ClickAsync();
        await Assertions.Expect(p.Locator("h1")).ToHaveTextAsync("Evaluación II Semestre 2024");
        await p.Locator("#AspectoMejora").FillAsync("Registro tardío del avance");
        await p.Locator("#Texto").FillAsync("Registrar el avance dentro del plazo");
        await p.Locator("#AccionClave").FillAsync("Recordatorio mensual a las unidades");
        await p.Locator("#unidades label", new() { HasText = "01.02 OFICINA DE PLANEAMIENTO Y DESARROLLO EMPRESARIAL" }).Locator("input").CheckAsync();
        await p.Locator("#Plazo").FillAsync("31/03/2025");
        await p.Locator("#recomendacion button[type=submit]").ClickAsync();
        await Assertions.Expect(p.Locator("#emitidas tbody tr")).ToHaveCountAsync(1);
        await p.Locator("#Documento").FillAsync("Informe N.º 020-2025-EMSAPUNO/OPP");
        // The semester has months submitted but not approved: the form says so and asks for a confirmation and its reason.
        await Assertions.Expect(p.Locator("#publicar")).ToContainTextAsync("meses-centro");
        await p.Locator("#ConfirmarIncompleta").CheckAsync();
        await p.Locator("#MotivoIncompleta").FillAsync("Se publica con los meses aprobados a la fecha del informe.");
        await p.Locator("#publicar button[type=submit]").ClickAsync();
        await Assertions.Expect(p.Locator("#confirmar-publicacion")).ToContainTextAsync("Aún falta:");
        await p.Locator("#confirmar-publicar button[type=submit]").ClickAsync();
        await Assertions.Expect(p.Locator("#estado")).ToHaveTextAsync("Publicada");

        // Another evaluation stays in preparation.
        await p.GotoAsync("/e/EMSAPUNO/evaluaciones");
        await p.Locator("#registrar select[name=periodo]").SelectOptionAsync("ANUAL");
        await p.Locator("#registrar button").ClickAsync();
        await Assertions.Expect(p.Locator("#estado")).ToHaveTextAsync("En elaboración");
        await p.Context.CloseAsync();

        decimal? aprobado, conEnviados;
        await using (var db = app.Base.Contexto())
        {
            var c = (await ConsultaEvaluacion.ContextoAsync(db, "EMSAPUNO", 2024))!;
            conEnviados = (await ConsultaEvaluacion.EvaluarAsync(db, c, 2024, Periodo.Semestre(2))).Igi;
            aprobado = (await ConsultaEvaluacion.EvaluarAsync(db, c with { Configuracion = c.Configuracion with { MostrarEnviados = false } }, 2024, Periodo.Semestre(2))).Igi;
        }
        Assert.NotEqual(Cifra.Porcentaje(aprobado), Cifra.Porcentaje(conEnviados));

        // A citizen: no session at all.
        var ciudadano = await (await app.Navegador.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.Direccion, Locale = "es-PE" })).NewPageAsync();
        ciudadano.Context.SetDefaultTimeout(60_000);
        await ciudadano.GotoAsync("/transparencia");
        await ciudadano.Locator("#entidades a[href=\"/transparencia/EMSAPUNO\"]").ClickAsync();
        await Assertions.Expect(ciudadano.Locator("section.evaluacion-publicada")).ToHaveCountAsync(1);
        var seccion = ciudadano.Locator("#evaluacion-2024-S2");
        await Assertions.Expect(seccion.Locator(".igi")).ToContainTextAsync(Cifra.Porcentaje(aprobado));
        await Assertions.Expect(seccion.Locator(".igi")).Not.ToContainTextAsync(Cifra.Porcentaje(conEnviados));
        await Assertions.Expect(ciudadano.Locator("#evaluacion-2024-ANUAL")).ToHaveCountAsync(0);
        await Assertions.Expect(ciudadano.Locator("body")).Not.ToContainTextAsync("En elaboración");
        await Assertions.Expect(ciudadano.Locator("#pois tbody tr")).ToHaveCountAsync(1);
        var descarga = await ciudadano.RunAndWaitForDownloadAsync(() => seccion.GetByText("Informe de evaluación (Word)").ClickAsync());
        Assert.Equal("POI-2024-EMSAPUNO-evaluacion-S2-informe.docx", descarga.SuggestedFilename);
        await ciudadano.Context.CloseAsync();
    }
}
