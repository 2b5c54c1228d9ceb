using System.Net;
using Microsoft.EntityFrameworkCore;
using Sipoi.Domain.Seguimiento;
using Sipoi.Web.Tests.Infraestructura;

namespace Sipoi.Web.Tests.Seguimiento;

/// <summary>
/// The monthly grid through real forms (Seguimiento/README.md): who sees and writes which cost centre,
/// all-or-nothing saves, deadlines, justification on submission, review, reopening and conflicts.
/// "Today" is fixed in 2024 (the demo POI's year); each test works on its own cost centre.
/// </summary>
public sealed class GrillaTests(AppDePrueba app) : IClassFixture<AppDePrueba>
{
    private static string Url(string centro, int mes = 1) => $"/e/EMSAPUNO/seguimiento/2024/{mes}?centro={centro}";

    private static async Task<string> TextoAsync(HttpResponseMessage r) => Formulario.Leer(await r.Content.ReadAsStringAsync()).Body!.TextContent;

    /// <summary>Every row with a target in the month gets its target as executed value (100 %, nothing to justify).</summary>
    private static Formulario LlenarConMetas(Formulario f)
    {
        foreach (var fila in f.Pagina.QuerySelectorAll("tr.fila"))
        {
            var meta = fila.Children[3].TextContent.Trim();
            if (meta != "0") f.Poner(fila.GetAttribute("data-codigo")!, "Fisico", meta);
        }
        return f;
    }

    private async Task<(decimal? Fisico, decimal? Financiero)?> AvanceAsync(string codigo, int mes = 1)
    {
        await using var db = app.Base.Contexto();
        var a = await db.Avances.AsNoTracking()
            .Where(v => v.Mes == mes && db.Actividades.Any(x => x.Id == v.ActividadId && x.Codigo == codigo))
            .Select(v => new { v.EjecutadoFisico, v.EjecutadoFinanciero }).SingleOrDefaultAsync();
        return a is null ? null : (a.EjecutadoFisico, a.EjecutadoFinanciero);
    }

    private async Task<SeguimientoMensual?> SeguimientoAsync(string centro, int mes = 1)
    {
        await using var db = app.Base.Contexto();
        return await db.Seguimientos.AsNoTracking()
            .SingleOrDefaultAsync(s => s.Mes == mes && db.CentrosCosto.Any(c => c.Id == s.CentroCostoId && c.Codigo == centro));
    }

    private async Task<int> AvancesDelCentroAsync(string centro)
    {
        await using var db = app.Base.Contexto();
        return await db.Avances.CountAsync(v => db.Actividades.Any(a => a.Id == v.ActividadId
            && db.CentrosCosto.Any(c => c.Id == a.CentroCostoId && c.Codigo == centro)));
    }

    [Fact]
    public async Task Operador_VeLaGrillaDeSuCentroConMetasYAcumulados()
    {
        app.Reloj.Fijar(2024, 2, 5);
        var http = await app.ComoAsync(AppDePrueba.Operador);
        var r = await http.GetAsync(Url("01.02"));
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var doc = Formulario.Leer(await r.Content.ReadAsStringAsync());
        // By default the 8 activities with a target in January (FiltroGrillaTests); all 34 with ?todas=true.
        Assert.Equal(8, doc.QuerySelectorAll("tr.fila").Length);
        var todas = Formulario.Leer(await (await http.GetAsync(Url("01.02") + "&todas=true")).Content.ReadAsStringAsync());
        Assert.Equal(34, todas.QuerySelectorAll("tr.fila").Length);
        var fila = doc.GetElementById("fila-FP34-09")!;
        Assert.Equal("150", fila.Children[3].TextContent.Trim());   // meta del mes
        Assert.Equal("150", fila.Children[6].TextContent.Trim());   // meta acumulada a enero
        Assert.Contains("Sin registro", fila.Children[8].TextContent);
        Assert.Equal("Pendiente", doc.GetElementById("estado")!.TextContent.Trim());
        Assert.Contains("10/02/2024", doc.Body!.TextContent);
        Assert.NotNull(doc.GetElementById("guardar"));
        Assert.NotNull(doc.GetElementById("enviar"));
        Assert.NotNull(doc.QuerySelector("script[src^='/js/grilla.js']"));
        // Without a centre in the URL, an operator with one centre lands on it.
        var sin = await http.GetAsync("/e/EMSAPUNO/seguimiento/2024/1");
        Assert.Equal(HttpStatusCode.Redirect, sin.StatusCode);
        Assert.Equal(Url("01.02"), sin.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Operador_OtroCentro_403EnLecturaYEscrituraYNadaCambia()
    {
        app.Reloj.Fijar(2024, 2, 5);
        var http = await app.ComoAsync(AppDePrueba.Operador);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync(Url("03.01"))).StatusCode);
        // The operator's own form (its antiforgery token is valid), aimed at another centre's handlers.
        var f = await Formulario.LeerAsync(http, Url("01.02"), "grilla");
        f.Campos.Keys.Where(k => k.StartsWith("Filas[", StringComparison.Ordinal)).ToList().ForEach(k => f.Campos.Remove(k));
        f.Campos["Filas[0].Codigo"] = "FP08-01";
        f.Campos["Filas[0].Fisico"] = "1";
        foreach (var handler in new[] { "Guardar", "Enviar", "Aprobar", "Observar", "Reabrir" })
            Assert.Equal(HttpStatusCode.Forbidden, (await f.EnviarAsync(http, Url("03.01") + "&handler=" + handler)).StatusCode);
        // Nor may it review its own centre: that is the planning office's.
        foreach (var handler in new[] { "Aprobar", "Observar", "Reabrir" })
            Assert.Equal(HttpStatusCode.Forbidden, (await f.EnviarAsync(http, Url("01.02") + "&handler=" + handler)).StatusCode);
        Assert.Equal(0, await AvancesDelCentroAsync("03.01"));
        Assert.Null(await SeguimientoAsync("03.01"));
    }

    [Fact]
    public async Task Consulta_VeCualquierCentroSoloLectura()
    {
        app.Reloj.Fijar(2024, 2, 5);
        var http = await app.ComoAsync(AppDePrueba.Consulta);
        var f = await Formulario.LeerAsync(http, Url("03.01"), "grilla");
        Assert.Null(f.Pagina.GetElementById("guardar"));
        Assert.All(f.Pagina.QuerySelectorAll("input.celda"), i => Assert.True(i.HasAttribute("readonly")));
        f.Poner("FP08-01", "Fisico", "1");
        Assert.Equal(HttpStatusCode.Forbidden, (await f.EnviarAsync(http, Url("03.01") + "&handler=Guardar")).StatusCode);
        Assert.Equal(0, await AvancesDelCentroAsync("03.01"));
    }

    [Fact]
    public async Task Guardar_GuardaTodasLasFilasAlaVezYLasMuestra()
    {
        app.Reloj.Fijar(2024, 2, 5);
        var http = await app.OperadorDeAsync("op0302@prueba.demo", "03.02");
        var f = await Formulario.LeerAsync(http, Url("03.02"), "grilla");
        f.Poner("FP09-01", "Fisico", "100").Poner("FP09-02", "Fisico", "8.5").Poner("FP09-06", "Fisico", "100").Poner("FP09-06", "Financiero", "1,250.50");
        var r = await f.EnviarAsync(http, f.Accion("guardar"));
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal((100m, (decimal?)null), await AvanceAsync("FP09-01"));
        Assert.Equal((8.5m, (decimal?)null), await AvanceAsync("FP09-02"));
        Assert.Equal((100m, 1250.50m), await AvanceAsync("FP09-06"));
        var s = await SeguimientoAsync("03.02");
        Assert.NotNull(s);
        Assert.Equal(EstadoSeguimiento.Pendiente, s.Estado);
        Assert.Equal("op0302@prueba.demo", s.UltimoCambioPor);

        var despues = await Formulario.LeerAsync(http, Url("03.02"), "grilla");
        Assert.Equal("Se guardaron 3 actividades.", despues.Pagina.GetElementById("aviso")!.TextContent);
        Assert.Equal("8.5", despues.Valor("FP09-02", "Fisico"));
        Assert.Equal("1250.5", despues.Valor("FP09-06", "Financiero"));
        // FP09-02: 8.5 of 10 is 85.00 %, the engine's figure and band (EMSAPUNO: Medio from 80).
        Assert.Contains("85.00 %", despues.Pagina.GetElementById("fila-FP09-02")!.Children[8].TextContent);
        Assert.Contains("Medio", despues.Pagina.GetElementById("fila-FP09-02")!.Children[8].TextContent);

        // The audit log has the changes under the operator's name.
        await using var db = app.Base.Contexto();
        Assert.True(await db.Auditoria.AnyAsync(a => a.Tabla == "avance_mensual" && a.Usuario == "op0302@prueba.demo"));
    }

    [Fact]
    public async Task Guardar_ConUnaCeldaInvalida_NoGuardaNadaYConservaLoEscrito()
    {
        app.Reloj.Fijar(2024, 2, 5);
        var http = await app.OperadorDeAsync("op0401@prueba.demo", "04.01");
        var f = await Formulario.LeerAsync(http, Url("04.01"), "grilla");
        f.Poner("FP13-01", "Fisico", "150").Poner("FP13-02", "Fisico", "12,5").Poner("FP13-03", "Fisico", "-1")
            .Poner("FP13-04", "Financiero", "abc");
        var r = await f.EnviarAsync(http, f.Accion("guardar"));
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var doc = Formulario.Leer(await r.Content.ReadAsStringAsync());
        var errores = doc.GetElementById("errores")!.TextContent;
        Assert.Contains("No se guardó nada", errores);
        Assert.Contains("Actividad FP13-02, enero de 2024: la ejecución física «12,5» no es un número", errores);
        Assert.Contains("Actividad FP13-03, enero de 2024: la ejecución física no puede ser negativa.", errores);
        Assert.Contains("Actividad FP13-04, enero de 2024: el monto ejecutado (S/) «abc» no es un número", errores);
        // Each message sits under its cell, and the typed values are kept.
        var celda = doc.QuerySelector("input[name='Filas[1].Fisico']")!;
        Assert.Equal("12,5", celda.GetAttribute("value"));
        Assert.Equal("true", celda.GetAttribute("aria-invalid"));
        Assert.Contains("«12,5»", doc.GetElementById("fila-FP13-02")!.QuerySelector(".error-celda")!.TextContent);
        Assert.Equal("150", Formulario.De(doc, "grilla").Valor("FP13-01", "Fisico"));
        // Nothing of the valid row either: all or nothing.
        Assert.Equal(0, await AvancesDelCentroAsync("04.01"));
        Assert.Null(await SeguimientoAsync("04.01"));
    }

    [Fact]
    public async Task Guardar_DespuesDelPlazo_SeRechazaConElMensajeDelDominio()
    {
        app.Reloj.Fijar(2024, 2, 5);
        var http = await app.OperadorDeAsync("op0402@prueba.demo", "04.02");
        var f = await Formulario.LeerAsync(http, Url("04.02"), "grilla");
        f.Poner("FP26-01", "Fisico", "30");
        app.Reloj.Fijar(2024, 2, 11);
        var r = await f.EnviarAsync(http, f.Accion("guardar"));
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Contains("El plazo para registrar enero de 2024 venció el 10/02/2024.", await TextoAsync(r));
        Assert.Equal(0, await AvancesDelCentroAsync("04.02"));
        // The page now shows the month read-only, late on the board.
        var pagina = await Formulario.LeerAsync(http, Url("04.02"), "grilla");
        Assert.Null(pagina.Pagina.GetElementById("guardar"));
        Assert.Equal("Atrasado", pagina.Pagina.GetElementById("estado")!.TextContent.Trim());
        // The deadline day itself (10/02, until midnight in Lima) is still open.
        app.Reloj.Fijar(2024, 2, 10, hora: 23);
        Assert.Equal(HttpStatusCode.Redirect, (await f.EnviarAsync(http, f.Accion("guardar"))).StatusCode);
        Assert.Equal((30m, (decimal?)null), await AvanceAsync("FP26-01"));
    }

    [Fact]
    public async Task Enviar_ExigeJustificacionYMuestraTodosLosProblemas()
    {
        app.Reloj.Fijar(2024, 2, 5);
        var http = await app.OperadorDeAsync("op0403@prueba.demo", "04.03");
        var f = LlenarConMetas(await Formulario.LeerAsync(http, Url("04.03"), "grilla"));
        f.Poner("FP28-01", "Fisico", "500").Poner("FP28-02", "Fisico", "");
        var r = await f.EnviarAsync(http, f.Accion("enviar"));
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var doc = Formulario.Leer(await r.Content.ReadAsStringAsync());
        var errores = doc.GetElementById("errores")!.TextContent;
        Assert.Contains("el mes no se envió", errores);
        Assert.Contains("Actividad FP28-02, enero de 2024: falta registrar la ejecución física (meta del mes: 500).", errores);
        Assert.Contains("Actividad FP28-01, enero de 2024: faltan los logros: la ejecución es 52.63 % de la meta, debajo de la tolerancia de 85 %.", errores);
        Assert.Contains("faltan las dificultades", errores);
        Assert.Contains("faltan las medidas correctivas", errores);
        // The justification of FP28-01 is shown open and marked as required.
        var just = doc.GetElementById("justificacion-FP28-01")!;
        Assert.True(just.QuerySelector("details")!.HasAttribute("open"));
        Assert.Contains("requerida para enviar", just.TextContent);
        // The values were kept as a draft; the month is still Pendiente.
        Assert.Equal((500m, (decimal?)null), await AvanceAsync("FP28-01"));
        Assert.Equal(EstadoSeguimiento.Pendiente, (await SeguimientoAsync("04.03"))!.Estado);

        var g = Formulario.De(doc, "grilla");
        g.Poner("FP28-02", "Fisico", "500").Poner("FP28-01", "Logros", "Se tomaron 500 muestras")
            .Poner("FP28-01", "Dificultades", "Laboratorio en mantenimiento").Poner("FP28-01", "Medidas", "Se contrató un laboratorio externo");
        Assert.Equal(HttpStatusCode.Redirect, (await g.EnviarAsync(http, g.Accion("enviar"))).StatusCode);
        var s = await SeguimientoAsync("04.03");
        Assert.Equal(EstadoSeguimiento.Enviado, s!.Estado);
        Assert.Equal("op0403@prueba.demo", s.EnviadoPor);

        // Submitted: the server refuses changes with the domain's message.
        var h = await Formulario.LeerAsync(http, Url("04.03"), "grilla");
        Assert.Null(h.Pagina.GetElementById("guardar"));
        g.Campos["Version"] = h.Campos["Version"];
        var otra = await g.Poner("FP28-03", "Fisico", "1").EnviarAsync(http, Url("04.03") + "&handler=Guardar");
        Assert.Contains("El seguimiento de enero de 2024 fue enviado y está en revisión; no se puede modificar.", await TextoAsync(otra));
        Assert.Equal((200m, (decimal?)null), await AvanceAsync("FP28-03"));
    }

    [Fact]
    public async Task Revision_ObservarDevuelveAlOperadorYAprobarDejaSoloLectura()
    {
        app.Reloj.Fijar(2024, 2, 5);
        var op = await app.OperadorDeAsync("op0201@prueba.demo", "02.01");
        var opp = await app.ComoAsync(AppDePrueba.Planificador);
        var f = LlenarConMetas(await Formulario.LeerAsync(op, Url("02.01"), "grilla"));
        Assert.Equal(HttpStatusCode.Redirect, (await f.EnviarAsync(op, f.Accion("enviar"))).StatusCode);

        // The planner sees it waiting on the board and observes it; an observation needs its text.
        var tablero = Formulario.Leer(await (await opp.GetAsync("/e/EMSAPUNO/seguimiento/2024/tablero")).Content.ReadAsStringAsync());
        Assert.Contains("02.01", tablero.GetElementById("por-revisar")!.TextContent);
        var obs = await Formulario.LeerAsync(opp, Url("02.01"), "observar");
        obs.Campos["Observacion"] = "  ";
        Assert.Contains("Para observar el seguimiento de enero de 2024 escriba la observación.", await TextoAsync(await obs.EnviarAsync(opp)));
        Assert.Equal(EstadoSeguimiento.Enviado, (await SeguimientoAsync("02.01"))!.Estado);
        obs.Campos["Observacion"] = "Adjunte el reporte mensual firmado.";
        Assert.Equal(HttpStatusCode.Redirect, (await obs.EnviarAsync(opp)).StatusCode);
        Assert.Equal(EstadoSeguimiento.Observado, (await SeguimientoAsync("02.01"))!.Estado);

        // The operator sees the observation on its grid, corrects and submits again.
        var g = await Formulario.LeerAsync(op, Url("02.01"), "grilla");
        Assert.Contains("Adjunte el reporte mensual firmado.", g.Pagina.GetElementById("observacion")!.TextContent);
        Assert.Equal("Observado", g.Pagina.GetElementById("estado")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.Redirect, (await g.EnviarAsync(op, g.Accion("enviar"))).StatusCode);

        var aprobar = await Formulario.LeerAsync(opp, Url("02.01"), "aprobar");
        Assert.Equal(HttpStatusCode.Redirect, (await aprobar.EnviarAsync(opp)).StatusCode);
        var s = await SeguimientoAsync("02.01");
        Assert.Equal(EstadoSeguimiento.Aprobado, s!.Estado);
        Assert.Equal(AppDePrueba.Planificador, s.RevisadoPor);
        // The same (stale) form again is a conflict; a fresh one is refused by the domain. The month stays approved.
        Assert.Contains("Aprobado por planificador@emsapuno.demo", await TextoAsync(await aprobar.EnviarAsync(opp)));
        aprobar.Campos["Version"] = (await Formulario.LeerAsync(opp, Url("02.01"), "grilla")).Campos["Version"];
        Assert.Contains("No se puede aprobar el seguimiento de enero de 2024: está aprobado; solo se aprueba uno enviado.",
            await TextoAsync(await aprobar.EnviarAsync(opp)));

        var final = await Formulario.LeerAsync(op, Url("02.01"), "grilla");
        Assert.Null(final.Pagina.GetElementById("guardar"));
        Assert.Contains("está aprobado y es de solo lectura", final.Pagina.GetElementById("no-editable")!.TextContent);
        var intento = await g.Poner("FP20-01", "Fisico", "5").EnviarAsync(op, Url("02.01") + "&handler=Guardar");
        Assert.Contains("El seguimiento de enero de 2024 está aprobado y es de solo lectura.", await TextoAsync(intento));
        Assert.Equal((1m, (decimal?)null), await AvanceAsync("FP20-01"));

        // Each workflow step is in the audit log with its own action.
        await using var db = app.Base.Contexto();
        var acciones = await db.Auditoria.Where(a => a.Tabla == "seguimiento_mensual" && a.Campo == null && a.Clave.Contains("centro=02.01"))
            .OrderBy(a => a.Id).Select(a => a.Accion).ToListAsync();
        Assert.Equal([AccionAuditada.Envio, AccionAuditada.Observacion, AccionAuditada.Envio, AccionAuditada.Aprobacion], acciones);
    }

    [Fact]
    public async Task Reabrir_ConMotivoYNuevoPlazo_DevuelveElMesAlOperador()
    {
        app.Reloj.Fijar(2024, 2, 12);
        var op = await app.OperadorDeAsync("op0202@prueba.demo", "02.02");
        var opp = await app.ComoAsync(AppDePrueba.Planificador);
        Assert.Null((await Formulario.LeerAsync(op, Url("02.02"), "grilla")).Pagina.GetElementById("guardar"));

        var reabrir = await Formulario.LeerAsync(opp, Url("02.02"), "reabrir");
        reabrir.Campos["Motivo"] = "";
        reabrir.Campos["NuevoPlazo"] = "2024-02-20";
        Assert.Contains("Para reabrir un mes indique el motivo de la reapertura.", await TextoAsync(await reabrir.EnviarAsync(opp)));
        reabrir.Campos["Motivo"] = "Corte de energía en la oficina";
        reabrir.Campos["NuevoPlazo"] = "2024-02-11";
        Assert.Contains("El nuevo plazo (11/02/2024) debe ser posterior a hoy (12/02/2024).", await TextoAsync(await reabrir.EnviarAsync(opp)));
        reabrir.Campos["NuevoPlazo"] = "2024-02-20";
        // The first post changes nothing: it says which month and centre get the new deadline, and that the state stays.
        var r = await reabrir.EnviarAsync(opp);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var pagina = Formulario.Leer(await r.Content.ReadAsStringAsync());
        var resumen = string.Join(' ', (pagina.GetElementById("confirmar-reapertura")?.TextContent ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Confirme la reapertura de enero de 2024 para el centro de costo 02.02", resumen);
        Assert.Contains("los operadores asignados a 02.02 podrán registrar o corregir enero de 2024 hasta el 20/02/2024", resumen);
        Assert.Contains("Los demás centros de costo no cambian.", resumen);
        Assert.Contains("El estado no cambia (sigue «Pendiente»)", resumen);
        Assert.Contains("el motivo «Corte de energía en la oficina»", resumen);
        Assert.Null((await Formulario.LeerAsync(op, Url("02.02"), "grilla")).Pagina.GetElementById("guardar"));
        var confirmar = Formulario.De(pagina, "confirmar-reabrir");
        Assert.Equal(("true", "20/02/2024"), (confirmar.Campos["Confirmar"], confirmar.Campos["NuevoPlazo"]));
        Assert.Equal(HttpStatusCode.Redirect, (await confirmar.EnviarAsync(opp)).StatusCode);

        var g = await Formulario.LeerAsync(op, Url("02.02"), "grilla");
        Assert.Contains("20/02/2024", g.Pagina.Body!.TextContent);
        Assert.Contains("Corte de energía en la oficina", g.Pagina.Body!.TextContent);
        g.Poner("FP04-01", "Fisico", "8");
        Assert.Equal(HttpStatusCode.Redirect, (await g.EnviarAsync(op, g.Accion("guardar"))).StatusCode);
        Assert.Equal((8m, (decimal?)null), await AvanceAsync("FP04-01"));
    }

    [Fact]
    public async Task DosPersonasGuardanElMismoMes_LaSegundaVeElConflictoYNoSobrescribe()
    {
        app.Reloj.Fijar(2024, 2, 5);
        var ana = await app.OperadorDeAsync("ana@prueba.demo", "02.03");
        var beto = await app.OperadorDeAsync("beto@prueba.demo", "02.03");
        var fa = await Formulario.LeerAsync(ana, Url("02.03"), "grilla");
        var fb = await Formulario.LeerAsync(beto, Url("02.03"), "grilla");

        app.Reloj.Fijar(2024, 2, 5, hora: 11);
        Assert.Equal(HttpStatusCode.Redirect, (await fa.Poner("FP05-04", "Fisico", "70").EnviarAsync(ana, fa.Accion("guardar"))).StatusCode);
        app.Reloj.Fijar(2024, 2, 5, hora: 12);
        var r = await fb.Poner("FP05-04", "Fisico", "75").Poner("FP05-05", "Fisico", "25").EnviarAsync(beto, fb.Accion("guardar"));
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var doc = Formulario.Leer(await r.Content.ReadAsStringAsync());
        var mensaje = doc.GetElementById("errores")!.TextContent;
        Assert.Contains("Otra persona cambió el seguimiento de enero de 2024", mensaje);
        Assert.Contains("Modificado por ana@prueba.demo el 05/02/2024 11:00", mensaje);
        Assert.Contains("No se guardó nada", mensaje);
        var conflicto = doc.GetElementById("conflicto")!;
        Assert.Contains("FP05-04", conflicto.TextContent);
        Assert.Contains("70", conflicto.TextContent);
        Assert.Equal((70m, (decimal?)null), await AvanceAsync("FP05-04"));
        Assert.Null(await AvanceAsync("FP05-05"));

        // Beto's values are still on his screen; saving again, having seen Ana's change, is his decision.
        var otra = Formulario.De(doc, "grilla");
        Assert.Equal("75", otra.Valor("FP05-04", "Fisico"));
        Assert.Equal(HttpStatusCode.Redirect, (await otra.EnviarAsync(beto, otra.Accion("guardar"))).StatusCode);
        Assert.Equal((75m, (decimal?)null), await AvanceAsync("FP05-04"));
    }

    [Fact]
    public async Task Tablero_MuestraCadaCentroYMesConTextoYEnlace()
    {
        app.Reloj.Fijar(2024, 3, 12);
        var opp = await app.ComoAsync(AppDePrueba.Planificador);
        var doc = Formulario.Leer(await (await opp.GetAsync("/e/EMSAPUNO/seguimiento/2024/tablero")).Content.ReadAsStringAsync());
        var filas = doc.QuerySelectorAll("#tablero tbody tr");
        Assert.Equal(13, filas.Length);
        var celda = doc.QuerySelector("tr[data-centro='01.03'] td[data-mes='1']")!;
        Assert.Equal("atrasado", celda.GetAttribute("data-estado"));
        Assert.Equal("Atrasado", celda.TextContent.Trim());   // text, not colour alone
        Assert.Equal(Url("01.03"), celda.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("pendiente", doc.QuerySelector("tr[data-centro='01.03'] td[data-mes='3']")!.GetAttribute("data-estado"));

        // An operator sees its own centre only.
        var op = await app.ComoAsync(AppDePrueba.Operador);
        var suyo = Formulario.Leer(await (await op.GetAsync("/e/EMSAPUNO/seguimiento/2024/tablero")).Content.ReadAsStringAsync());
        Assert.Equal(["01.02"], suyo.QuerySelectorAll("#tablero tbody tr").Select(tr => tr.GetAttribute("data-centro") ?? "").ToList());
        Assert.Null(suyo.GetElementById("por-revisar"));
    }
}
