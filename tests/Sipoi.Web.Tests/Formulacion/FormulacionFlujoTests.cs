using System.Net;
using Microsoft.EntityFrameworkCore;
using Sipoi.Domain.Formulacion;
using Sipoi.Domain.Operativo;
using Sipoi.Web.Evaluacion;
using Sipoi.Web.Tests.Infraestructura;
using static Sipoi.Web.Tests.Formulacion.Formularios;

namespace Sipoi.Web.Tests.Formulacion;

/// <summary>
/// Drafting the POI 2025 through the real forms (Formulacion/README.md): the operator starts from
/// 2024's activities, edits and submits; the planning office observes, accepts and approves with
/// its resolution; and an operator reaches only its own cost centre.
/// </summary>
public sealed class FormulacionFlujoTests(AppDePrueba app) : IClassFixture<AppDePrueba>
{
    private static readonly decimal[] Uno = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];

    private async Task AsegurarPoi2025Async()
    {
        await using var db = app.Base.Contexto();
        if (await db.Pois.AnyAsync(p => p.Anio == 2025)) return;
        var opp = await app.ComoAsync(AppDePrueba.Planificador);
        Redirige(await EnviarAsync(opp, Base(2025), "crear-poi", c => c["Tipo"] = "anual"), Base(2025));
    }

    private async Task<(EstadoFormulacion? Estado, string? Observacion)> EstadoAsync(string centro)
    {
        await using var db = app.Base.Contexto();
        var f = await db.FormulacionesCentro.AsNoTracking()
            .SingleOrDefaultAsync(x => db.CentrosCosto.Any(c => c.Id == x.CentroCostoId && c.Codigo == centro)
                && db.PoiVersiones.Any(v => v.Id == x.PoiVersionId && db.Pois.Any(p => p.Id == v.PoiId && p.Anio == 2025)));
        return (f?.Estado, f?.Observacion);
    }

    private async Task<decimal[]> MesesAsync(string codigo, int anio = 2025)
    {
        await using var db = app.Base.Contexto();
        var p = await db.Programaciones.AsNoTracking().Include(x => x.Metas)
            .Where(x => db.Actividades.Any(a => a.Id == x.ActividadId && a.Codigo == codigo && db.Pois.Any(p => p.Id == a.PoiId && p.Anio == anio)))
            .SingleAsync();
        return p.ProgramadoFisico();
    }

    [Fact]
    public async Task Flujo_OperadorCopiaEditaYEnvia_LaOficinaObservaAceptaYApruebaElPoiAnual()
    {
        await AsegurarPoi2025Async();
        var opp = await app.ComoAsync(AppDePrueba.Planificador);
        var op = await app.ComoAsync(AppDePrueba.Operador);

        // Start from 2024: the centre's 34 activities with their months.
        var r = await EnviarAsync(op, Centro(2025, "01.02"), "copiar");
        Redirige(r, Centro(2025, "01.02"));
        var pagina = Formulario.Leer(await (await op.GetAsync(Centro(2025, "01.02"))).Content.ReadAsStringAsync());
        Assert.Contains("Se copiaron 34 actividades de «Anual» (2024)", pagina.GetElementById("aviso")!.TextContent);
        Assert.Equal(34, pagina.QuerySelectorAll("#actividades tbody tr").Length);
        Assert.Equal(await MesesAsync("FP34-09", 2024), await MesesAsync("FP34-09"));
        // Copying again changes nothing.
        Redirige(await EnviarAsync(op, Centro(2025, "01.02"), "copiar"));

        // Months that do not add up to the stated annual target: refused, nothing saved.
        decimal[] trece = [2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];
        r = await EnviarAsync(op, Actividad(2025, "01.02", "FP34-03"), "actividad", c => { Meses(c, trece); c["Entrada.MetaAnual"] = "12"; }, "guardar");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var html = Formulario.Leer(await r.Content.ReadAsStringAsync());
        Assert.Contains("Actividad FP34-03: La meta anual 12 no coincide con los meses (suma = 13).", html.GetElementById("errores")!.TextContent);
        Assert.Equal("true", html.QuerySelector("input[name='Entrada.MetaAnual']")!.GetAttribute("aria-invalid"));
        Assert.Equal("2", html.QuerySelector("input[name='Entrada.Fisico[0]']")!.GetAttribute("value")); // typed value kept
        Assert.Equal(Uno, await MesesAsync("FP34-03"));

        // Consistent: saved, with its financial programming by genérica.
        var soles = new decimal[12]; soles[0] = 1500; soles[6] = 1500;
        r = await EnviarAsync(op, Actividad(2025, "01.02", "FP34-03"), "actividad", c =>
        {
            Meses(c, trece);
            c["Entrada.MetaAnual"] = "13";
            Generica(c, 0, "2.3", soles);
        }, "guardar");
        Redirige(r, Centro(2025, "01.02"));
        Assert.Equal(trece, await MesesAsync("FP34-03"));
        await using (var db = app.Base.Contexto())
        {
            var fin = await db.ProgramacionesFinancieras.AsNoTracking()
                .Where(f => db.Programaciones.Any(p => p.Id == f.ProgramacionId && db.Actividades.Any(a => a.Id == p.ActividadId && a.Codigo == "FP34-03"
                    && db.Pois.Any(x => x.Id == a.PoiId && x.Anio == 2025)))).OrderBy(f => f.Mes).ToListAsync();
            Assert.Equal([(1, 1500m), (7, 1500m)], fin.Select(f => (f.Mes, f.Monto)));
            Assert.All(fin, f => Assert.Equal("2.3", f.Generica));
        }

        // A new activity: pressure of 21 every month, behaviour promedio → annual 21.
        r = await EnviarAsync(op, Actividad(2025, "01.02"), "actividad",
            c => Formularios.Actividad(c, "FP34-90", "Control de presión en redes", "AEI.04.03", "promedio", "21", Enumerable.Repeat(21m, 12).ToArray(), "m.c.a."),
            "guardar");
        Redirige(r, Centro(2025, "01.02"));

        // The office cannot approve while the centre has not been accepted.
        r = await EnviarAsync(opp, Base(2025), "aprobar-version", c => { c["Documento"] = "RGG N.º 120-2024-EMSAPUNO/GG"; c["Fecha"] = "2024-12-27"; });
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Contains("El centro de costo 01.02 está borrador", await TextoAsync(r));

        // Submit: read-only for the centre until reviewed.
        Redirige(await EnviarAsync(op, Centro(2025, "01.02"), "enviar"), Centro(2025, "01.02"));
        Assert.Equal(EstadoFormulacion.Enviado, (await EstadoAsync("01.02")).Estado);
        var enviada = await Formularios.LeerAsync(op, Actividad(2025, "01.02", "FP34-03"), "actividad");
        Assert.Null(enviada.Pagina.GetElementById("guardar"));
        enviada.Campos["Entrada.Nombre"] = "Otro nombre";
        r = await enviada.EnviarAsync(op);
        Assert.Contains("fue enviada y está en revisión", await TextoAsync(r));
        // The operator does not review.
        Assert.Equal(HttpStatusCode.Forbidden, (await op.PostAsync(Centro(2025, "01.02") + "?handler=Aceptar", await TokenAsync(op, Centro(2025, "01.02")))).StatusCode);

        // Observed with a reason: back to the centre, which sees it.
        r = await EnviarAsync(opp, Centro(2025, "01.02"), "observar", c => c["Motivo"] = "Programe la genérica 2.1 de FP34-90");
        Redirige(r);
        Assert.Equal((EstadoFormulacion.Observado, "Programe la genérica 2.1 de FP34-90"), await EstadoAsync("01.02"));
        Assert.Contains("Programe la genérica 2.1 de FP34-90", (await TextoAsync(await op.GetAsync(Centro(2025, "01.02")))));

        Redirige(await EnviarAsync(op, Centro(2025, "01.02"), "enviar"));
        Redirige(await EnviarAsync(opp, Centro(2025, "01.02"), "aceptar"));
        Assert.Equal(EstadoFormulacion.Aceptado, (await EstadoAsync("01.02")).Estado);

        // Approval without document is refused; with it, the version is in force.
        r = await EnviarAsync(opp, Base(2025), "aprobar-version", c => { c["Documento"] = ""; c["Fecha"] = ""; });
        Assert.Contains("Escriba el documento de aprobación", await TextoAsync(r));
        r = await Formularios.AprobarAsync(opp, 2025, "RGG N.º 120-2024-EMSAPUNO/GG", "27/12/2024");
        Redirige(r, Base(2025));
        await using (var db = app.Base.Contexto())
        {
            var poi = await db.Pois.AsNoTracking().Include(p => p.Versiones).SingleAsync(p => p.Anio == 2025);
            var v = Assert.Single(poi.Versiones);
            Assert.Equal(EstadoVersionPoi.Aprobada, v.Estado);
            Assert.Equal("RGG N.º 120-2024-EMSAPUNO/GG", v.DocumentoAprobacion);
            Assert.Equal(new DateOnly(2024, 12, 27), v.FechaAprobacion);
            Assert.Equal(v.Id, (await ConsultaEvaluacion.ContextoAsync(db, "EMSAPUNO", 2025))!.PoiVersionId);
        }
        var index = Formulario.Leer(await (await opp.GetAsync(Base(2025))).Content.ReadAsStringAsync());
        Assert.Contains("(vigente)", index.QuerySelector("#versiones tr[data-numero='1']")!.TextContent);
        Assert.NotNull(index.GetElementById("abrir-version"));
    }

    [Fact]
    public async Task Operador_SoloSuCentro_403EnLecturaYEscrituraDeOtro()
    {
        await AsegurarPoi2025Async();
        var op = await app.ComoAsync(AppDePrueba.Operador);
        Assert.Equal(HttpStatusCode.OK, (await op.GetAsync(Centro(2025, "01.02"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await op.GetAsync(Centro(2025, "03.01"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await op.GetAsync(Actividad(2025, "03.01"))).StatusCode);
        // A valid form of its own centre, posted to another one: refused, nothing created.
        foreach (var h in new[] { "Enviar", "Copiar", "Retirar" })
            Assert.Equal(HttpStatusCode.Forbidden, (await op.PostAsync(Centro(2025, "03.01") + "?handler=" + h, await TokenAsync(op, Centro(2025, "01.02")))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await op.PostAsync(Actividad(2025, "03.01") + "?handler=Guardar", await TokenAsync(op, Centro(2025, "01.02")))).StatusCode);
        // Nor does it run the office's part.
        Assert.Equal(HttpStatusCode.Forbidden, (await op.PostAsync(Base(2025) + "?handler=Aprobar", await TokenAsync(op, Base(2025)))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await op.PostAsync(Base(2025) + "?handler=Abrir", await TokenAsync(op, Base(2025)))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await op.PostAsync(Base(2025) + "/techos", await TokenAsync(op, Base(2025)))).StatusCode);
        await using (var db = app.Base.Contexto())
            Assert.False(await db.FormulacionesCentro.AnyAsync(f => db.CentrosCosto.Any(c => c.Id == f.CentroCostoId && c.Codigo == "03.01")));
        // The overview lists its centre only; the planner's lists every centre.
        var vista = Formulario.Leer(await (await op.GetAsync(Base(2025))).Content.ReadAsStringAsync());
        Assert.All(vista.QuerySelectorAll("#centros tbody tr"), tr => Assert.Equal("01.02", tr.GetAttribute("data-centro")));
        // Consulta reads but does not draft.
        var consulta = await app.ComoAsync(AppDePrueba.Consulta);
        Assert.Equal(HttpStatusCode.OK, (await consulta.GetAsync(Centro(2025, "03.01"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await consulta.GetAsync(Actividad(2025, "03.01"))).StatusCode);
    }
}
