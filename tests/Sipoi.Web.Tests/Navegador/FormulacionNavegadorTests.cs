using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Sipoi.Domain.Operativo;

namespace Sipoi.Web.Tests.Navegador;

/// <summary>
/// The drafting journey in a browser: the planning office opens the POI 2025, the operator of 01.02
/// drafts an activity (watching the live subtotals and the annual check) and submits it, and the
/// office accepts the centre and approves the POI with its resolution.
/// </summary>
[Collection(AppNavegador.Coleccion)]
public sealed class FormulacionNavegadorTests(AppNavegador app) : IClassFixture<AppNavegador>
{
    [Fact]
    public async Task Operador_FormulaYEnvia_Planificador_AceptaYApruebaElPoi()
    {
        var opp = await app.IngresarAsync("planificador@emsapuno.demo");
        await opp.GotoAsync("/e/EMSAPUNO/formulacion/2025");
        await Assertions.Expect(opp.Locator("#sin-poi")).ToBeVisibleAsync();
        await opp.Locator("#crear-poi button").ClickAsync();
        await Assertions.Expect(opp.Locator("#aviso")).ToContainTextAsync("Se creó el POI 2025");

        var op = await app.IngresarAsync("operador@emsapuno.demo");
        await op.GotoAsync("/e/EMSAPUNO/formulacion/2025/centro/01.02");
        await op.Locator("#nueva").ClickAsync();
        await op.GetByLabel("Código", new() { Exact = true }).FillAsync("FP34-70");
        await op.GetByLabel("Nombre", new() { Exact = true }).FillAsync("Informe trimestral de formulación");
        await op.Locator("select[name='Entrada.Aei']").SelectOptionAsync("AEI.04.03");
        await op.GetByLabel("Unidad de medida", new() { Exact = true }).FillAsync("Informe");
        foreach (var mes in new[] { 1, 4, 7, 10 })
            await op.Locator($"input[name='Entrada.Fisico[{mes - 1}]']").FillAsync("1");
        // Live subtotals from the server (formulacion.js): one per quarter, 4 in the year.
        await Assertions.Expect(op.Locator("#t2")).ToHaveTextAsync("1");
        await Assertions.Expect(op.Locator("#anual")).ToHaveTextAsync("4");
        await op.Locator("#meta-anual").FillAsync("5");
        await Assertions.Expect(op.Locator("#verificacion")).ToContainTextAsync("La meta anual 5 no coincide con los meses (suma = 4)");
        await op.Locator("#meta-anual").FillAsync("4");
        await Assertions.Expect(op.Locator("#verificacion")).ToHaveTextAsync("Los meses coinciden con la meta anual.");
        await op.Locator("input[name='Entrada.Financiero[0].Generica']").FillAsync("2.3");
        await op.Locator("input[name='Entrada.Financiero[0].Montos[0]']").FillAsync("1,250.50");
        await op.Locator("#guardar").ClickAsync();
        await Assertions.Expect(op.Locator("#aviso")).ToContainTextAsync("Se guardó la actividad FP34-70");
        var fila = op.Locator("#actividades tr[data-codigo='FP34-70']");
        await Assertions.Expect(fila.Locator("td.anual")).ToHaveTextAsync("4");
        await Assertions.Expect(fila).ToContainTextAsync("1,250.50");

        await op.Locator("#enviar button").ClickAsync();
        await Assertions.Expect(op.Locator("#aviso")).ToContainTextAsync("se envió a la Oficina de Planeamiento");
        await Assertions.Expect(op.Locator("#estado")).ToHaveTextAsync("Enviado");
        await Assertions.Expect(op.Locator("#nueva")).ToHaveCountAsync(0);

        await opp.GotoAsync("/e/EMSAPUNO/formulacion/2025");
        var centro = opp.Locator("#centros tr[data-centro='01.02']");
        await Assertions.Expect(centro).ToContainTextAsync("Enviado");
        await centro.GetByRole(AriaRole.Link).ClickAsync();
        await opp.Locator("#aceptar button").ClickAsync();
        await Assertions.Expect(opp.Locator("#aviso")).ToContainTextAsync("Se aceptó la programación del centro de costo 01.02");
        await opp.GetByRole(AriaRole.Link, new() { Name = "Formulación del POI 2025" }).ClickAsync();
        await opp.GetByLabel("Documento de aprobación").FillAsync("RGG N.º 120-2024-EMSAPUNO/GG");
        await opp.GetByLabel("Fecha").FillAsync("27/12/2024");
        await opp.Locator("#aprobar-version button").ClickAsync();
        // Irreversible: a summary first, and only «Sí, aprobar» approves.
        await Assertions.Expect(opp.Locator("#confirmar-aprobacion")).ToContainTextAsync("Se aprobará «POI Anual 2025» con RGG N.º 120-2024-EMSAPUNO/GG del 27/12/2024");
        await opp.Locator("#confirmar-aprobar-version button").ClickAsync();
        await Assertions.Expect(opp.Locator("#aviso")).ToContainTextAsync("Se aprobó «POI Anual 2025» con RGG N.º 120-2024-EMSAPUNO/GG");
        await Assertions.Expect(opp.Locator("#versiones tr[data-numero='1']")).ToContainTextAsync("(vigente)");

        await using var db = app.Base.Contexto();
        var poi = await db.Pois.AsNoTracking().Include(p => p.Versiones).SingleAsync(p => p.Anio == 2025);
        Assert.Equal(EstadoVersionPoi.Aprobada, poi.VersionVigente!.Estado);
        var a = await db.Actividades.AsNoTracking().SingleAsync(x => x.PoiId == poi.Id && x.Codigo == "FP34-70");
        Assert.Equal("Informe", a.UnidadMedida);
        var p = await db.Programaciones.AsNoTracking().Include(x => x.Metas).SingleAsync(x => x.ActividadId == a.Id);
        Assert.Equal(4m, p.MetaAnual);
        Assert.Equal(1250.50m, p.ProgramadoFinanciero()[0]);
    }
}
