using System.Net;
using Microsoft.EntityFrameworkCore;
using Sipoi.Domain.Operativo;
using Sipoi.Domain.Periodos;
using Sipoi.Web.Evaluacion;
using Sipoi.Web.Tests.Infraestructura;
using static Sipoi.Web.Tests.Formulacion.Formularios;

namespace Sipoi.Web.Tests.Formulacion;

/// <summary>
/// A POI Modificado of the demo 2024 during the year: months already executed or approved keep their
/// target, the draft does not move the evaluation until it is approved, and the difference page shows
/// what changed.
/// </summary>
public sealed class FormulacionVersionesTests(AppDePrueba app) : IClassFixture<AppDePrueba>
{
    private static readonly decimal[] Uno = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];

    private async Task<decimal?> ProgramadoEvaluadoAsync(string codigo)
    {
        await using var db = app.Base.Contexto();
        var r = await ConsultaEvaluacion.EvaluarAsync(db, "EMSAPUNO", 2024, Periodo.Anual);
        return r!.Actividades.SingleOrDefault(a => a.Codigo == codigo)?.Programado;
    }

    [Fact]
    public async Task Reprogramacion_ProtegeMesesEjecutadosYAprobados_NoMueveLaEvaluacionHastaAprobar_YSeComparaLadoALado()
    {
        // January of FP34-03 executed; February of 01.02 submitted and approved.
        await using (var db = app.Base.Contexto())
        {
            var e = await db.Entidades.SingleAsync(x => x.Codigo == "EMSAPUNO");
            var poi = await db.Pois.SingleAsync(p => p.EntidadId == e.Id && p.Anio == 2024);
            var centro = await db.CentrosCosto.SingleAsync(c => c.EntidadId == e.Id && c.Codigo == "01.02");
            var a = await db.Actividades.Include(x => x.Avances).SingleAsync(x => x.PoiId == poi.Id && x.Codigo == "FP34-03");
            a.FijarAvance(1, 1, null);
            db.Seguimientos.Add(Seguimientos.Aprobado(e, poi.Id, 2024, centro.Id, 2));
            await db.SaveChangesAsync();
        }
        var opp = await app.ComoAsync(AppDePrueba.Planificador);
        var op = await app.ComoAsync(AppDePrueba.Operador);
        Assert.Equal(12m, await ProgramadoEvaluadoAsync("FP34-03"));

        // A Modificado needs its reason.
        var r = await EnviarAsync(opp, Base(2024), "abrir-version", c => { c["Tipo"] = "modificado"; c["Motivo"] = ""; });
        Assert.Contains("Un POI modificado requiere el motivo", await TextoAsync(r));
        Redirige(await EnviarAsync(opp, Base(2024), "abrir-version", c => { c["Tipo"] = "modificado"; c["Motivo"] = "Reprogramación por recorte presupuestal"; }),
            Base(2024));

        // Changing January (executed) or February (approved) is refused, naming the month; nothing saved.
        r = await EnviarAsync(op, Actividad(2024, "01.02", "FP34-03"), "actividad",
            c => { Meses(c, [2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0]); c["Entrada.MetaAnual"] = "12"; }, "guardar");
        var errores = Formulario.Leer(await r.Content.ReadAsStringAsync()).GetElementById("errores")!.TextContent;
        Assert.Contains("Actividad FP34-03, enero: la meta no se puede cambiar porque el mes ya tiene ejecución registrada; debe quedar en 1 (se propuso 2).", errores);
        r = await EnviarAsync(op, Actividad(2024, "01.02", "FP34-03"), "actividad",
            c => { Meses(c, [1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]); c["Entrada.MetaAnual"] = "11"; }, "guardar");
        Assert.Contains("febrero: la meta no se puede cambiar porque el mes su seguimiento está aprobado", await TextoAsync(r));
        var pagina = Formulario.Leer(await (await op.GetAsync(Actividad(2024, "01.02", "FP34-03"))).Content.ReadAsStringAsync());
        Assert.Contains("enero (ya tiene ejecución registrada); febrero (su seguimiento está aprobado)", pagina.GetElementById("protegidos")!.TextContent);
        // Retiring FP34-03 (executed in January) is refused too.
        r = await op.PostAsync(Centro(2024, "01.02") + "?handler=Retirar", await ConCodigoAsync(op, "FP34-03"));
        Assert.Contains("No se puede retirar la actividad FP34-03: enero ya tiene ejecución registrada", await TextoAsync(r));

        // Later months may change: December to 0 (annual 11). FP34-04 is retired; FP34-50 added from April.
        Redirige(await EnviarAsync(op, Actividad(2024, "01.02", "FP34-03"), "actividad",
            c => { Meses(c, [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0]); c["Entrada.MetaAnual"] = "11"; }, "guardar"));
        Redirige(await op.PostAsync(Centro(2024, "01.02") + "?handler=Retirar", await ConCodigoAsync(op, "FP34-04")));
        Redirige(await EnviarAsync(op, Actividad(2024, "01.02"), "actividad", c =>
        {
            Formularios.Actividad(c, "FP34-50", "Informe de reprogramación", "AEI.04.03", "suma", "3", [0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1]);
            c["Entrada.MesInicio"] = "4";
        }, "guardar"));

        // The draft does not move the evaluation.
        Assert.Equal(12m, await ProgramadoEvaluadoAsync("FP34-03"));
        Assert.NotNull(await ProgramadoEvaluadoAsync("FP34-04"));
        Assert.Null(await ProgramadoEvaluadoAsync("FP34-50"));

        // Side by side: vigente (1) against the draft (2).
        var dif = Formulario.Leer(await (await opp.GetAsync(Base(2024) + "/diferencias")).Content.ReadAsStringAsync());
        Assert.Contains("1 agregada, 1 retirada, 1 modificada", dif.GetElementById("resumen")!.TextContent);
        var fila = dif.QuerySelector("#diferencias tr[data-codigo='FP34-03']")!;
        Assert.Equal("modificada", fila.ClassName);
        Assert.Equal(["12"], fila.QuerySelectorAll("td.cambio[data-mes]").Select(td => td.GetAttribute("data-mes")!));
        Assert.Contains("11", fila.QuerySelector("td.anual")!.TextContent);
        Assert.Equal("retirada", dif.QuerySelector("#diferencias tr[data-codigo='FP34-04']")!.ClassName);
        Assert.Equal("agregada", dif.QuerySelector("#diferencias tr[data-codigo='FP34-50']")!.ClassName);
        // An explicit pair, and an unknown version number.
        Assert.Equal(HttpStatusCode.OK, (await opp.GetAsync(Base(2024) + "/diferencias?desde=2&hasta=1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await opp.GetAsync(Base(2024) + "/diferencias?desde=1&hasta=9")).StatusCode);

        // Submit, accept, approve: now the evaluation reads v2.
        Redirige(await EnviarAsync(op, Centro(2024, "01.02"), "enviar"));
        Redirige(await EnviarAsync(opp, Centro(2024, "01.02"), "aceptar"));
        // Approving cannot be undone: the first post summarises what it replaces and changes nothing.
        var aprobar = await LeerAsync(opp, Base(2024), "aprobar-version");
        aprobar.Campos["Documento"] = "RGG N.º 045-2024-EMSAPUNO/GG";
        aprobar.Campos["Fecha"] = "15/03/2024";
        var resumen = Formulario.Leer(await (await aprobar.EnviarAsync(opp)).Content.ReadAsStringAsync()).GetElementById("confirmar-aprobacion")?.TextContent
            ?? throw new Xunit.Sdk.XunitException("Sin resumen de confirmación.");
        Assert.Contains("Confirme la aprobación. No se puede deshacer.", resumen);
        await using (var db = app.Base.Contexto())
        {
            var versiones = await db.PoiVersiones.AsNoTracking().Where(v => db.Pois.Any(p => p.Id == v.PoiId && p.Anio == 2024)).OrderBy(v => v.Numero).ToListAsync();
            Assert.Equal(EstadoVersionPoi.Borrador, versiones[^1].Estado);
        }
        Assert.Equal(12m, await ProgramadoEvaluadoAsync("FP34-03"));
        // A second planner read the same draft before the approval below, and approves it after with another document: the
        // version's row version refuses the late write (it used to overwrite the first approval's document and date).
        await using var tarde = app.Base.Contexto();
        var ctxTarde = (await Sipoi.Web.Pages.Formulacion.ContextoFormulacion.CargarAsync(tarde, "EMSAPUNO", 2024, default))!;
        Redirige(await Formularios.AprobarAsync(opp, 2024, "RGG N.º 045-2024-EMSAPUNO/GG", "15/03/2024"));
        var segunda = await Sipoi.Web.Pages.Formulacion.ServicioFormulacion.AprobarAsync(tarde, ctxTarde, "RGG N.º 999-2024-EMSAPUNO/GG",
            new DateOnly(2024, 3, 20), default);
        Assert.False(segunda.Exito);
        Assert.Contains("Otra persona aprobó o cambió «POI Modificado v2»", segunda.Mensaje);
        Assert.Equal(11m, await ProgramadoEvaluadoAsync("FP34-03"));
        Assert.Null(await ProgramadoEvaluadoAsync("FP34-04"));
        Assert.Equal(3m, await ProgramadoEvaluadoAsync("FP34-50"));
        await using (var db = app.Base.Contexto())
        {
            var poi = await db.Pois.AsNoTracking().Include(p => p.Versiones).SingleAsync(p => p.Anio == 2024);
            Assert.Equal("POI Modificado v2", poi.VersionVigente!.Etiqueta);
            Assert.Equal("Reprogramación por recorte presupuestal", poi.VersionVigente.Motivo);
            Assert.Equal(("RGG N.º 045-2024-EMSAPUNO/GG", new DateOnly(2024, 3, 15)), (poi.VersionVigente.DocumentoAprobacion, poi.VersionVigente.FechaAprobacion));
            Assert.Equal(2, poi.Versiones.Count(v => v.Estado == EstadoVersionPoi.Aprobada));
            // The earlier version stays readable: its programming is untouched.
            var v1 = poi.Versiones.Single(v => v.Numero == 1).Id;
            Assert.True(await db.Programaciones.AnyAsync(p => p.PoiVersionId == v1 && db.Actividades.Any(a => a.Id == p.ActividadId && a.Codigo == "FP34-04")));
        }
    }

    private static async Task<FormUrlEncodedContent> ConCodigoAsync(HttpClient http, string codigo)
    {
        var token = await TokenAsync(http, Centro(2024, "01.02"));
        var campos = (await token.ReadAsStringAsync()).Split('&').Select(p => p.Split('=')).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]));
        campos["Codigo"] = codigo;
        return new FormUrlEncodedContent(campos);
    }
}
