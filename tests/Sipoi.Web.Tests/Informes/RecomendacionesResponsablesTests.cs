using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Sipoi.Domain.Estrategia;
using Sipoi.Domain.Seguimiento;
using Sipoi.Web.Tests.Infraestructura;

namespace Sipoi.Web.Tests.Informes;

/// <summary>
/// A recommendation's OEI/AEI, its several responsible units and its outside body, through the evaluation page as a planner
/// uses it: saved whole or refused with the field's message, audited old → new, shown in the matrix and the tasks.
/// </summary>
public sealed class RecomendacionesResponsablesTests(AppDePrueba app) : IClassFixture<AppDePrueba>
{
    private const string Url = "/e/EMSAPUNO/evaluaciones/2024/T3";

    private async Task<HttpClient> PlanificadorConEvaluacionAsync()
    {
        var http = await app.ComoAsync(AppDePrueba.Planificador);
        if ((await http.GetAsync(Url)).StatusCode == HttpStatusCode.NotFound)
        {
            var f = await Formulario.LeerAsync(http, "/e/EMSAPUNO/evaluaciones", "registrar");
            f.Campos["anio"] = "2024";
            f.Campos["periodo"] = "T3";
            Assert.Equal(HttpStatusCode.Redirect, (await f.EnviarAsync(http)).StatusCode);
        }
        return http;
    }

    private async Task<int> CentroAsync(string codigo)
    {
        await using var db = app.Base.Contexto();
        return await db.CentrosCosto.Where(c => c.Codigo == codigo).Select(c => c.Id).SingleAsync();
    }

    /// <summary>Posts the form with these units checked (a browser sends one "Unidades" pair per checked box).</summary>
    private static Task<HttpResponseMessage> EnviarAsync(HttpClient http, Formulario f, params int[] unidades) =>
        http.PostAsync(f.Elemento.GetAttribute("action"), new FormUrlEncodedContent(f.Campos.Where(c => c.Key != "Unidades")
            .Concat(unidades.Select(u => KeyValuePair.Create("Unidades", u.ToString(CultureInfo.InvariantCulture))))));

    private static void Llenar(Formulario f, string texto, string? externa, string? objetivo)
    {
        f.Campos["AspectoMejora"] = "Tarifa sin actualizar";
        f.Campos["Texto"] = texto;
        f.Campos["AccionClave"] = "Mesa de trabajo con el regulador";
        f.Campos["Plazo"] = "2024-10-31";
        f.Campos["EntidadExterna"] = externa ?? "";
        f.Campos["Objetivo"] = objetivo ?? "";
    }

    [Fact]
    public async Task Recomendacion_DosUnidadesEntidadExternaYAei_SeGuardanSeAuditanYSeMuestran()
    {
        var http = await PlanificadorConEvaluacionAsync();
        var (planeamiento, comercial, gerencia) = (await CentroAsync("01.02"), await CentroAsync("05"), await CentroAsync("01.01"));
        Aei aei;
        await using (var db = app.Base.Contexto())
        {
            var peiId = await db.Pois.Where(p => p.Anio == 2024).Select(p => p.PeiId).SingleAsync();
            aei = await db.Aeis.Where(a => db.Oeis.Any(o => o.Id == a.OeiId && o.PeiId == peiId)).OrderBy(a => a.Codigo).FirstAsync();
        }

        var f = await Formulario.LeerAsync(http, Url, "recomendacion");
        // The select lists the PEI's OEI and AEI as "código — enunciado".
        var opcion = f.Elemento.QuerySelectorAll("#Objetivo option").Single(o => o.GetAttribute("value") == $"AEI:{aei.Id}");
        Assert.Equal($"{aei.Codigo} — {aei.Enunciado}", opcion.TextContent.Trim());
        Assert.Contains(f.Elemento.QuerySelectorAll("#Objetivo option"), o => o.TextContent.StartsWith("OEI.01 — ", StringComparison.Ordinal));
        Llenar(f, "Coordinar con SUNASS la actualización tarifaria", " SUNASS ", $"AEI:{aei.Id}");
        var r = await EnviarAsync(http, f, planeamiento, comercial);
        if (r.StatusCode == HttpStatusCode.OK) Assert.Fail(await Rechazo.TextoAsync(r));
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);

        int id;
        await using (var db = app.Base.Contexto())
        {
            var guardada = await db.Recomendaciones.Include(x => x.Responsables).SingleAsync(x => x.Texto == "Coordinar con SUNASS la actualización tarifaria");
            id = guardada.Id;
            Assert.Equal(new[] { planeamiento, comercial }.Order(), guardada.Unidades.Order());
            Assert.Equal("SUNASS", guardada.EntidadExterna);
            Assert.Equal(aei.Id, guardada.AeiId);
            Assert.Null(guardada.OeiId);
            var altas = await db.Auditoria.Where(a => a.Tabla == "responsable_recomendacion" && a.Accion == AccionAuditada.Alta
                && a.Clave.StartsWith($"recomendacion_id={id},")).Select(a => a.Clave).ToListAsync();
            Assert.Equal(new[] { planeamiento, comercial }.Select(c => $"recomendacion_id={id}, centro_costo_id={c}").Order(StringComparer.Ordinal),
                altas.Order(StringComparer.Ordinal));
            var alta = await db.Auditoria.SingleAsync(a => a.Tabla == "recomendacion" && a.Accion == AccionAuditada.Alta && a.Clave.StartsWith($"{id}"));
            Assert.Contains("\"entidad_externa\":\"SUNASS\"", alta.ValorNuevo);
            Assert.Equal(AppDePrueba.Planificador, alta.Usuario);
        }

        // The page lists the units in code order, then the outside body, and the AEI.
        var pagina = Formulario.Leer(await (await http.GetAsync(Url)).Content.ReadAsStringAsync());
        var fila = pagina.QuerySelectorAll("#emitidas tbody tr").Single(t => t.TextContent.Contains("Coordinar con SUNASS", StringComparison.Ordinal));
        Assert.Equal($"{aei.Codigo} — {aei.Enunciado}", fila.Children[1].TextContent);
        Assert.Matches(@"^01\.02 OFICINA DE PLANEAMIENTO[^;]*; 05 [^;]+; Entidad externa: SUNASS$", fila.Children[5].TextContent);

        // Editing: the form comes back with both units checked; one unit is swapped and the outside body removed.
        var e = await Formulario.LeerAsync(http, $"{Url}?editar={id}", "recomendacion");
        Assert.Equal(new[] { planeamiento, comercial }.Order(), e.Elemento.QuerySelectorAll("#unidades input[checked]")
            .Select(i => int.Parse(i.GetAttribute("value")!, CultureInfo.InvariantCulture)).Order());
        Assert.Equal("SUNASS", e.Campos["EntidadExterna"]);
        Assert.Equal($"AEI:{aei.Id}", e.Campos["Objetivo"]);
        e.Campos["EntidadExterna"] = "";
        Assert.Equal(HttpStatusCode.Redirect, (await EnviarAsync(http, e, comercial, gerencia)).StatusCode);
        await using (var db = app.Base.Contexto())
        {
            var editada = await db.Recomendaciones.Include(x => x.Responsables).SingleAsync(x => x.Id == id);
            Assert.Equal(new[] { gerencia, comercial }.Order(), editada.Unidades.Order());
            Assert.Null(editada.EntidadExterna);
            var baja = await db.Auditoria.SingleAsync(a => a.Tabla == "responsable_recomendacion" && a.Accion == AccionAuditada.Baja
                && a.Clave == $"recomendacion_id={id}, centro_costo_id={planeamiento}");
            Assert.Contains($"\"centro_costo_id\":\"{planeamiento}\"", baja.ValorAnterior);
            Assert.True(await db.Auditoria.AnyAsync(a => a.Tabla == "responsable_recomendacion" && a.Accion == AccionAuditada.Alta
                && a.Clave == $"recomendacion_id={id}, centro_costo_id={gerencia}"));
            // The unit that stayed is neither removed nor added again.
            Assert.Equal(1, await db.Auditoria.CountAsync(a => a.Tabla == "responsable_recomendacion" && a.Clave == $"recomendacion_id={id}, centro_costo_id={comercial}"));
            var cambio = await db.Auditoria.SingleAsync(a => a.Tabla == "recomendacion" && a.Accion == AccionAuditada.Cambio
                && a.Campo == "entidad_externa" && a.Clave.StartsWith($"{id}"));
            Assert.Equal("SUNASS", cambio.ValorAnterior);
            Assert.Null(cambio.ValorNuevo);
        }

        // The Operador of 01.02 no longer sees it in the matrix (its centre left); one of 05 would.
        var operador = await app.ComoAsync(AppDePrueba.Operador);
        var matriz = Formulario.Leer(await (await operador.GetAsync("/e/EMSAPUNO/recomendaciones")).Content.ReadAsStringAsync());
        Assert.DoesNotContain(matriz.QuerySelectorAll("#matriz tbody tr"), t => t.TextContent.Contains("Coordinar con SUNASS", StringComparison.Ordinal));
        var matrizPlanificador = Formulario.Leer(await (await http.GetAsync("/e/EMSAPUNO/recomendaciones")).Content.ReadAsStringAsync());
        var enMatriz = matrizPlanificador.QuerySelectorAll("#matriz tbody tr").Single(t => t.TextContent.Contains("Coordinar con SUNASS", StringComparison.Ordinal));
        Assert.Equal($"{aei.Codigo} — {aei.Enunciado}", enMatriz.Children[2].TextContent);
        Assert.Matches(@"^01\.01 [^;]+; 05 [^;]+$", enMatriz.Children[6].TextContent);
    }

    [Fact]
    public async Task Recomendacion_SinUnidadNiEntidadExterna_SeRechazaYNoGuardaNada()
    {
        var http = await PlanificadorConEvaluacionAsync();
        int antes;
        await using (var db = app.Base.Contexto()) antes = await db.Recomendaciones.CountAsync() + await db.ResponsablesRecomendacion.CountAsync();
        var f = await Formulario.LeerAsync(http, Url, "recomendacion");
        Llenar(f, "Sin responsable", "   ", null);
        await Rechazo.EnRespuestaAsync(await EnviarAsync(http, f), HttpStatusCode.OK,
            "Elija al menos una unidad responsable o escriba la entidad externa responsable.");
        // A unit of another entity (an id that is not one of its cost centres) is refused naming it.
        await Rechazo.EnRespuestaAsync(await EnviarAsync(http, f, 999_999), HttpStatusCode.OK,
            "La unidad responsable 999999 no es un centro de costo de la entidad.");
        f.Campos["Objetivo"] = "OEI:999999";
        await Rechazo.EnRespuestaAsync(await EnviarAsync(http, f, await CentroAsync("01.02")), HttpStatusCode.OK,
            "El OEI elegido no es del PEI del POI 2024.");
        await using (var db = app.Base.Contexto()) Assert.Equal(antes, await db.Recomendaciones.CountAsync() + await db.ResponsablesRecomendacion.CountAsync());

        // An outside body alone is enough; the landing page's task names it.
        f.Campos["Objetivo"] = "";
        f.Campos["EntidadExterna"] = "Gobierno Regional de Puno";
        f.Campos["Texto"] = "Gestionar el financiamiento del colector";
        Assert.Equal(HttpStatusCode.Redirect, (await EnviarAsync(http, f)).StatusCode);
        app.Reloj.Fijar(2024, 10, 20);
        try
        {
            var inicio = await Rechazo.TextoAsync(await http.GetAsync("/"));
            Assert.Contains("de la Evaluación III Trimestre 2024 (Gobierno Regional de Puno): Mesa de trabajo con el regulador", inicio);
        }
        finally { app.Reloj.Real(); }
    }
}
