using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Tests.Infraestructura;
using static Sipoi.Web.Tests.Formulacion.Formularios;

namespace Sipoi.Web.Tests.Formulacion;

/// <summary>
/// The POI 2025 in draft against its budget ceilings, and the drafting form's subtotals computed by
/// the server (with and without JavaScript).
/// </summary>
public sealed class FormulacionPresupuestoTests(AppDePrueba app) : IClassFixture<AppDePrueba>
{
    private async Task AsegurarPoi2025Async()
    {
        await using var db = app.Base.Contexto();
        if (await db.Pois.AnyAsync(p => p.Anio == 2025)) return;
        var opp = await app.ComoAsync(AppDePrueba.Planificador);
        Redirige(await EnviarAsync(opp, Base(2025), "crear-poi", c => c["Tipo"] = "anual"), Base(2025));
    }

    [Fact]
    public async Task Techos_CentroQueExcede_SeListaConSuDiferencia_YBloqueaLaAprobacion()
    {
        await AsegurarPoi2025Async();
        var opp = await app.ComoAsync(AppDePrueba.Planificador);
        var soles = new decimal[12]; soles[0] = 700; soles[5] = 800;
        Redirige(await EnviarAsync(opp, Actividad(2025, "02.01"), "actividad", c =>
        {
            Formularios.Actividad(c, "T-01", "Mantenimiento de equipos", "AEI.04.03", "suma", "2", [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
            Generica(c, 0, "2.3.2", soles);
        }, "guardar"));

        // A wrong amount: nothing saved, the row named.
        var r = await EnviarAsync(opp, Base(2025) + "/techos", "techos", c =>
        {
            var i = c.Single(x => x.Value == "02.01" && x.Key.EndsWith(".Centro", StringComparison.Ordinal)).Key.Split('[', ']')[1];
            c[$"Techos[{i}].Monto"] = "1,200.00";
            var j = c.Single(x => x.Value == "01.01" && x.Key.EndsWith(".Centro", StringComparison.Ordinal)).Key.Split('[', ']')[1];
            c[$"Techos[{j}].Monto"] = "mil";
        });
        Assert.Contains("Centro de costo 01.01: el techo «mil» no es un monto válido", await TextoAsync(r));
        await using (var db = app.Base.Contexto()) Assert.False(await db.TechosPresupuestales.AnyAsync());

        r = await EnviarAsync(opp, Base(2025) + "/techos", "techos", c =>
        {
            var i = c.Single(x => x.Value == "02.01" && x.Key.EndsWith(".Centro", StringComparison.Ordinal)).Key.Split('[', ']')[1];
            c[$"Techos[{i}].Monto"] = "1,200.00";
        });
        Redirige(r);
        var pagina = Formulario.Leer(await (await opp.GetAsync(Base(2025) + "/techos")).Content.ReadAsStringAsync());
        Assert.Equal("El centro de costo 02.01 programa S/ 1,500.00 y su techo es S/ 1,200.00: excede en S/ 300.00.",
            pagina.QuerySelector("#diferencias li[data-centro='02.01']")!.TextContent.Trim());
        var fila = pagina.QuerySelector("#consistencia tr[data-centro='02.01']")!;
        Assert.Contains("-300.00", fila.Children[3].TextContent);
        Assert.Contains("Excede el techo", fila.TextContent);

        // The centre is accepted, yet the Anual cannot be approved over the ceiling.
        Redirige(await EnviarAsync(opp, Centro(2025, "02.01"), "enviar"));
        Redirige(await EnviarAsync(opp, Centro(2025, "02.01"), "aceptar"));
        r = await EnviarAsync(opp, Base(2025), "aprobar-version", c => { c["Documento"] = "RGG N.º 1-2025"; c["Fecha"] = "2024-12-30"; });
        var texto = await TextoAsync(r);
        Assert.Contains("No se aprobó «POI Anual 2025»", texto);
        Assert.Contains("excede en S/ 300.00", texto);
        Assert.DoesNotContain("02.01 está", texto);

        // Within the ceiling: a balance is listed, not blocking.
        Redirige(await EnviarAsync(opp, Base(2025) + "/techos", "techos", c =>
        {
            var i = c.Single(x => x.Value == "02.01" && x.Key.EndsWith(".Centro", StringComparison.Ordinal)).Key.Split('[', ']')[1];
            c[$"Techos[{i}].Monto"] = "2000";
        }));
        pagina = Formulario.Leer(await (await opp.GetAsync(Base(2025))).Content.ReadAsStringAsync());
        Assert.DoesNotContain("excede", pagina.GetElementById("pendientes")?.TextContent ?? "");
        var techos = Formulario.Leer(await (await opp.GetAsync(Base(2025) + "/techos")).Content.ReadAsStringAsync());
        Assert.Contains("quedan S/ 500.00 sin programar", techos.QuerySelector("#diferencias li[data-centro='02.01']")!.TextContent);
    }

    [Fact]
    public async Task Formulario_SubtotalesDelServidor_SinJavaScriptYEnVivo()
    {
        await AsegurarPoi2025Async();
        var op = await app.ComoAsync(AppDePrueba.Operador);
        decimal[] meses = [0, 0, 25, 0, 0, 50, 0, 0, 75, 0, 0, 100];
        // Without JavaScript: "Calcular subtotales" shows the quarters by the behaviour, and saves nothing.
        var r = await EnviarAsync(op, Actividad(2025, "01.02"), "actividad",
            c => Formularios.Actividad(c, "FP34-80", "Catálogo actualizado", "AEI.04.03", "ultimo", "90", meses, "%"), "previsualizar");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var doc = Formulario.Leer(await r.Content.ReadAsStringAsync());
        Assert.Equal(["25", "50", "75", "100"], new[] { "t1", "t2", "t3", "t4" }.Select(id => doc.GetElementById(id)!.TextContent));
        Assert.Equal("100", doc.GetElementById("anual")!.TextContent);
        Assert.Contains("La meta anual 90 no coincide con los meses (último valor = 100)", doc.GetElementById("verificacion")!.TextContent);
        await using (var db = app.Base.Contexto()) Assert.False(await db.Actividades.AnyAsync(a => a.Codigo == "FP34-80"));

        // formulacion.js asks the same of the Subtotales handler.
        var f = await Formularios.LeerAsync(op, Actividad(2025, "01.02"), "actividad");
        Formularios.Actividad(f.Campos, "FP34-80", "Catálogo actualizado", "AEI.04.03", "promedio", "62.5", meses, "%");
        var json = await op.PostAsync(f.Elemento.GetAttribute("data-subtotales"), new FormUrlEncodedContent(f.Campos));
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        using var j = JsonDocument.Parse(await json.Content.ReadAsStringAsync());
        Assert.Equal(["25", "50", "75", "100"], j.RootElement.GetProperty("trimestres").EnumerateArray().Select(x => x.GetString()));
        Assert.Equal("62.5", j.RootElement.GetProperty("anual").GetString());
        Assert.True(j.RootElement.GetProperty("coincide").GetBoolean());
        Assert.NotNull(doc.QuerySelector("script[src^='/js/formulacion.js']"));
    }
}
