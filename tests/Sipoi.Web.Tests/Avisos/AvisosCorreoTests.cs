using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sipoi.Domain.Avisos;
using Sipoi.Domain.Seguimiento;
using Sipoi.Web.Avisos;
using Sipoi.Web.Tests.Infraestructura;

namespace Sipoi.Web.Tests.Avisos;

/// <summary>
/// E-mail notices end to end (src/Sipoi.Web/Avisos/README.md): queued with the event or by the scan, sent by the app's own
/// MailKit code to a real SMTP listener, retried while it is down, skipped for a user who opted out. "Today" is fixed in
/// 2024 (the demo POI's year); each test works on its own cost centre and operator.
/// </summary>
public sealed class AvisosCorreoTests(AppConCorreo app) : IClassFixture<AppConCorreo>
{
    private static string Url(string centro, int mes = 1) => $"/e/EMSAPUNO/seguimiento/2024/{mes}?centro={centro}";

    /// <summary>The centre's month as the operator left it: submitted (the planning office can observe it).</summary>
    private async Task EnviadoAsync(string centro, int mes = 1)
    {
        await using var db = app.Base.Contexto();
        var e = await db.Entidades.SingleAsync(x => x.Codigo == "EMSAPUNO");
        var poi = await db.Pois.SingleAsync(p => p.EntidadId == e.Id && p.Anio == 2024);
        var c = await db.CentrosCosto.SingleAsync(x => x.EntidadId == e.Id && x.Codigo == centro);
        db.Seguimientos.Add(Seguimientos.Enviado(e, poi.Id, 2024, c.Id, mes));
        await db.SaveChangesAsync();
    }

    private async Task ObservarAsync(string centro, string texto)
    {
        var opp = await app.ComoAsync(AppDePrueba.Planificador);
        var f = await Formulario.LeerAsync(opp, Url(centro), "observar");
        f.Campos["Observacion"] = texto;
        Assert.Equal(HttpStatusCode.Redirect, (await f.EnviarAsync(opp)).StatusCode);
    }

    [Fact]
    public async Task Observar_ElOperadorRecibeElCorreoConAsuntoYEnlace()
    {
        app.Reloj.Fijar(2024, 2, 5);
        const string correo = "obs0302@prueba.demo";
        var operador = await app.OperadorAsync(correo, "03.02");
        await EnviadoAsync("03.02");

        // A refused observation (no text) queues nothing: the notice lives and dies with its event.
        var opp = await app.ComoAsync(AppDePrueba.Planificador);
        var vacia = await Formulario.LeerAsync(opp, Url("03.02"), "observar");
        vacia.Campos["Observacion"] = " ";
        await vacia.EnviarAsync(opp);
        Assert.Empty(await app.AvisosDeAsync(operador));

        await ObservarAsync("03.02", "Adjunte el acta de conformidad firmada.");
        // Queued by the observation's own transaction, before any sending.
        var cola = Assert.Single(await app.AvisosDeAsync(operador));
        Assert.Equal((TipoAviso.MesObservado, EstadoAviso.Pendiente), (cola.Tipo, cola.Estado));

        await app.EnviarAsync();
        var correoRecibido = Assert.Single(app.Smtp.Para(correo));
        Assert.StartsWith("SIPOI: seguimiento de enero de 2024 observado — 03.02 ", correoRecibido.Mensaje.Subject);
        Assert.Equal(AppConCorreo.Remitente, correoRecibido.Mensaje.From.Mailboxes.Single().Address);
        Assert.Equal(AppConCorreo.Remitente, correoRecibido.De);
        var texto = correoRecibido.Texto;
        Assert.Contains("Observación: Adjunte el acta de conformidad firmada.", texto);
        Assert.Contains("envíe el mes de nuevo hasta el 10/02/2024", texto);
        Assert.Contains($"Ingrese a SIPOI para atenderlo: {AppConCorreo.UrlPublica}/e/EMSAPUNO/seguimiento/2024/1?centro=03.02", texto);
        Assert.Contains($"{AppConCorreo.UrlPublica}/cuenta/avisos", texto);
        var enviado = Assert.Single(await app.AvisosDeAsync(operador));
        Assert.Equal((EstadoAviso.Enviado, 1), (enviado.Estado, enviado.Intentos));

        // Sent once: another round sends nothing more to this operator.
        await app.EnviarAsync();
        Assert.Single(app.Smtp.Para(correo));
    }

    [Fact]
    public async Task ServidorCaido_QuedaEnColaConElErrorYAlVolverSeEntregaUnaVez()
    {
        app.Reloj.Fijar(2024, 2, 5);
        const string correo = "caido0401@prueba.demo";
        var operador = await app.OperadorAsync(correo, "04.01");
        var opp = await app.ComoAsync(AppDePrueba.Planificador);
        var f = await Formulario.LeerAsync(opp, Url("04.01"), "reabrir");
        f.Campos["Motivo"] = "Ampliación por corte de luz";
        f.Campos["NuevoPlazo"] = "2024-03-01";
        Assert.Equal(HttpStatusCode.Redirect, (await f.EnviarYConfirmarAsync(opp, "confirmar-reabrir")).StatusCode);

        await app.Smtp.DetenerAsync();
        try
        {
            await app.EnviarAsync();
            var fallido = Assert.Single(await app.AvisosDeAsync(operador));
            Assert.Equal((TipoAviso.MesReabierto, EstadoAviso.Pendiente, 1), (fallido.Tipo, fallido.Estado, fallido.Intentos));
            Assert.StartsWith($"No se pudo conectar con el servidor de correo 127.0.0.1:{app.Smtp.Puerto}", fallido.UltimoError);
            Assert.Equal(app.Reloj.GetUtcNow().AddMinutes(1), fallido.ProximoIntento);

            // The administrator sees it waiting, with its error.
            var admin = await app.ComoAsync(AppDePrueba.Administrador);
            var pagina = Formulario.Leer(await (await admin.GetAsync("/e/EMSAPUNO/administracion/avisos")).Content.ReadAsStringAsync());
            Assert.Null(pagina.GetElementById("sin-servidor"));
            var fila = pagina.QuerySelector($"#avisos tr[data-id='{fallido.Id}']")!;
            Assert.Contains("En cola", fila.QuerySelector(".estado")!.TextContent);
            Assert.Equal("1", fila.QuerySelector(".intentos")!.TextContent.Trim());
            Assert.StartsWith("No se pudo conectar con el servidor de correo", fila.QuerySelector(".error")!.TextContent.Trim());
        }
        finally
        {
            app.Smtp.Iniciar();
        }

        // Back up, but the retry is not due yet: nothing leaves early.
        await app.EnviarAsync();
        Assert.Empty(app.Smtp.Para(correo));
        app.Reloj.Avanzar(TimeSpan.FromMinutes(2));
        await app.EnviarAsync();
        await app.EnviarAsync();
        var recibido = Assert.Single(app.Smtp.Para(correo));
        Assert.StartsWith("SIPOI: seguimiento de enero de 2024 reabierto hasta el 01/03/2024 — 04.01 ", recibido.Mensaje.Subject);
        Assert.Contains("Motivo: Ampliación por corte de luz", recibido.Texto);
        var entregado = Assert.Single(await app.AvisosDeAsync(operador));
        Assert.Equal((EstadoAviso.Enviado, 2), (entregado.Estado, entregado.Intentos));
        Assert.StartsWith("No se pudo conectar", entregado.UltimoError);
    }

    [Fact]
    public async Task NoQuiereElAviso_NoSeEnviaYQuedaOmitido()
    {
        app.Reloj.Fijar(2024, 2, 5);
        const string correo = "nada0203@prueba.demo";
        var operador = await app.OperadorAsync(correo, "02.03");
        var op = await app.ComoAsync(correo);

        // The operator's own account page offers its kinds (not the planners'), all on by default; it turns "observado" off.
        var f = await Formulario.LeerAsync(op, "/cuenta/avisos", "preferencias-avisos");
        var ofrecidos = f.Elemento.QuerySelectorAll("input[name=Recibidos]").Select(i => i.GetAttribute("value")!).ToList();
        Assert.Equal(["MesObservado", "MesReabierto", "PlazoProximo", "PlazoVencido", "Recomendacion", "PropuestaPendiente"], ofrecidos);
        Assert.All(f.Elemento.QuerySelectorAll("input[name=Recibidos]"), i => Assert.True(i.HasAttribute("checked")));
        var campos = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", f.Campos["__RequestVerificationToken"]) };
        campos.AddRange(ofrecidos.Where(t => t != "MesObservado").Select(t => new KeyValuePair<string, string>("Recibidos", t)));
        var r = await op.PostAsync("/cuenta/avisos", new FormUrlEncodedContent(campos));
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var despues = await Formulario.LeerAsync(op, "/cuenta/avisos", "preferencias-avisos");
        Assert.False(despues.Elemento.QuerySelector("input[value=MesObservado]")!.HasAttribute("checked"));
        Assert.True(despues.Elemento.QuerySelector("input[value=MesReabierto]")!.HasAttribute("checked"));

        await EnviadoAsync("02.03");
        await ObservarAsync("02.03", "Falta el informe.");
        await app.EnviarAsync();
        Assert.Empty(app.Smtp.Para(correo));
        var omitido = Assert.Single(await app.AvisosDeAsync(operador));
        Assert.Equal((EstadoAviso.Omitido, "El usuario eligió no recibir este tipo de aviso."), (omitido.Estado, omitido.Omision));

        // The choice is audited like any change of data.
        await using var db = app.Base.Contexto();
        var alta = await db.Auditoria.AsNoTracking().SingleAsync(a => a.Tabla == "preferencias_aviso");
        Assert.Equal((AccionAuditada.Alta, correo), (alta.Accion, alta.Usuario));
        Assert.Contains("mes_observado", alta.ValorNuevo);
    }

    [Fact]
    public async Task Escaner_DosVecesEnColaUnSoloAvisoPorPlazo()
    {
        const string correo = "plazo0402@prueba.demo";
        var operador = await app.OperadorAsync(correo, "04.02");
        // Two days before January's deadline (10/02/2024), N = 3: the notice is due. Two nodes scanning at once, then again.
        app.Reloj.Fijar(2024, 2, 8);
        await Task.WhenAll(app.EscanearAsync(), app.EscanearAsync());
        await app.EscanearAsync();
        var proximo = Assert.Single(await app.AvisosDeAsync(operador));
        Assert.Equal(TipoAviso.PlazoProximo, proximo.Tipo);
        Assert.Contains("plazo=2024-02-10", proximo.Clave);

        await app.EnviarAsync();
        var recibido = Assert.Single(app.Smtp.Para(correo));
        Assert.StartsWith("SIPOI: el plazo del seguimiento de enero de 2024 vence el 10/02/2024 — 04.02 ", recibido.Mensaje.Subject);
        Assert.Contains("(quedan 2 días)", recibido.Texto);
        Assert.Contains($"{AppConCorreo.UrlPublica}/e/EMSAPUNO/seguimiento/2024/1?centro=04.02", recibido.Texto);

        // Past the deadline and not submitted: one overdue notice, however many scans.
        app.Reloj.Fijar(2024, 2, 12);
        await app.EscanearAsync();
        await app.EscanearAsync();
        var avisos = await app.AvisosDeAsync(operador);
        Assert.Equal([TipoAviso.PlazoProximo, TipoAviso.PlazoVencido], avisos.Select(a => a.Tipo));
        await app.EnviarAsync();
        Assert.Equal(2, app.Smtp.Para(correo).Count);
        Assert.StartsWith("SIPOI: venció el plazo del seguimiento de enero de 2024 — 04.02 ", app.Smtp.Para(correo)[1].Mensaje.Subject);
    }

    [Fact]
    public async Task ServicioEnSegundoPlano_EnviaLoPendienteSinQueNadieLoPida()
    {
        app.Reloj.Fijar(2024, 2, 5);
        const string correo = "bucle0101@prueba.demo";
        await app.OperadorAsync(correo, "01.01");
        await EnviadoAsync("01.01");
        await ObservarAsync("01.01", "Revise el avance de enero.");
        // A second node on the same database with the loop on (every second), as a deployment runs it.
        await using var nodo = app.WithWebHostBuilder(b => b.UseSetting("Sipoi:Avisos:SegundosEntreEnvios", "1"));
        _ = nodo.Server;
        var limite = DateTime.UtcNow.AddSeconds(30);
        while (app.Smtp.Para(correo).Count == 0 && DateTime.UtcNow < limite) await Task.Delay(200);
        Assert.StartsWith("SIPOI: seguimiento de enero de 2024 observado — 01.01 ", Assert.Single(app.Smtp.Para(correo)).Asunto);
    }

    [Fact]
    public async Task Publicar_AvisaAPlanificadoresYConsultaYLaRecomendacionAvisaASuCentro()
    {
        app.Reloj.Fijar(2024, 7, 15);
        const string correo = "reco05@prueba.demo";
        var operador = await app.OperadorAsync(correo, "05");
        var opp = await app.ComoAsync(AppDePrueba.Planificador);
        var registrar = await Formulario.LeerAsync(opp, "/e/EMSAPUNO/evaluaciones", "registrar");
        registrar.Campos["anio"] = "2024";
        registrar.Campos["periodo"] = "S1";
        Assert.Equal(HttpStatusCode.Redirect, (await registrar.EnviarAsync(opp)).StatusCode);
        var reco = await Formulario.LeerAsync(opp, "/e/EMSAPUNO/evaluaciones/2024/S1", "recomendacion");
        reco.Campos["AspectoMejora"] = "Catastro desactualizado";
        reco.Campos["Texto"] = "Actualizar el catastro de usuarios";
        reco.Campos["AccionClave"] = "Contratar la brigada de empadronamiento";
        await using (var db = app.Base.Contexto())
            reco.Campos["Unidades"] = (await db.CentrosCosto.SingleAsync(c => c.Codigo == "05")).Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        reco.Campos["Plazo"] = "2024-09-30";
        Assert.Equal(HttpStatusCode.Redirect, (await reco.EnviarAsync(opp)).StatusCode);

        var publicar = await Formulario.LeerAsync(opp, "/e/EMSAPUNO/evaluaciones/2024/S1", "publicar");
        publicar.Campos["Documento"] = "Informe N.º 012-2024-EMSAPUNO/OPP";
        // The test data leaves months of the semester unapproved: publishing needs the confirmation and its reason.
        publicar.Campos["ConfirmarIncompleta"] = "true";
        publicar.Campos["MotivoIncompleta"] = "Publicación de prueba con meses por aprobar.";
        Assert.Equal(HttpStatusCode.Redirect, (await publicar.EnviarYConfirmarAsync(opp, "confirmar-publicar")).StatusCode);
        await app.EnviarAsync();
        foreach (var quien in new[] { AppDePrueba.Planificador, AppDePrueba.Consulta })
        {
            var m = Assert.Single(app.Smtp.Para(quien), r => r.Asunto.StartsWith("SIPOI: se publicó", StringComparison.Ordinal));
            Assert.StartsWith("SIPOI: se publicó la Evaluación I Semestre 2024 de ", m.Mensaje.Subject);
            Assert.Contains("el 15/07/2024 (documento: Informe N.º 012-2024-EMSAPUNO/OPP)", m.Texto);
            Assert.Contains($"{AppConCorreo.UrlPublica}/e/EMSAPUNO/evaluaciones/2024/S1", m.Texto);
        }
        // Operators and administrators are not told: the publication is the planners' and readers' business.
        Assert.DoesNotContain(app.Smtp.Para(AppDePrueba.Administrador), r => r.Asunto.StartsWith("SIPOI: se publicó", StringComparison.Ordinal));
        Assert.Empty(app.Smtp.Para(correo));

        // Two days before the recommendation's deadline its centre is told, once.
        app.Reloj.Fijar(2024, 9, 28);
        await app.EscanearAsync();
        await app.EscanearAsync();
        var aviso = Assert.Single(await app.AvisosDeAsync(operador), a => a.Tipo == TipoAviso.Recomendacion);
        await app.EnviarAsync();
        var recibido = Assert.Single(app.Smtp.Para(correo), r => r.Asunto.Contains("recomendación", StringComparison.Ordinal));
        Assert.Equal("SIPOI: la recomendación 1 de la Evaluación I Semestre 2024 vence el 30/09/2024", recibido.Mensaje.Subject);
        Assert.Contains("Recomendación: Actualizar el catastro de usuarios", recibido.Texto);
        Assert.Contains($"{AppConCorreo.UrlPublica}/e/EMSAPUNO/recomendaciones", recibido.Texto);
        Assert.Equal(EstadoAviso.Enviado, Assert.Single(await app.AvisosDeAsync(operador), a => a.Id == aviso.Id).Estado);
    }

    [Fact]
    public async Task Escaner_HitosDelCalendarioAvisanAPlanificadoresYPropuestasPendientesUnaVez()
    {
        const string correo = "propuesta0102@prueba.demo";
        var operador = await app.OperadorAsync(correo, "01.02");
        var opp = await app.ComoAsync(AppDePrueba.Planificador);
        int planificador;
        await using (var db = app.Base.Contexto())
        {
            var e = await db.Entidades.SingleAsync(x => x.Codigo == "EMSAPUNO");
            // A draft of POI 2025 (every centre's proposal Borrador) and the usual calendar of cycle 2024 (proposals due 30/04/2024).
            if (!await db.Pois.AnyAsync(p => p.EntidadId == e.Id && p.Anio == 2025))
                Formulacion.Formularios.Redirige(await Formulacion.Formularios.EnviarAsync(opp, Formulacion.Formularios.Base(2025), "crear-poi", c => c["Tipo"] = "anual"));
            if (!await db.HitosCalendario.AnyAsync(h => h.EntidadId == e.Id && h.Anio == 2024))
                db.HitosCalendario.AddRange(Domain.Calendario.CronogramaEntidad.Habitual(2024, e.Configuracion)
                    .Select(d => new Domain.Calendario.HitoCalendario(e.Id, 2024, d)));
            await db.SaveChangesAsync();
            planificador = await db.Users.Where(u => u.UserName == AppDePrueba.Planificador).Select(u => u.Id).SingleAsync();
        }

        // Three days before 30/04/2024 (N = 3): the planners hear of both milestones of that day, the centre of its draft. Twice: once.
        app.Reloj.Fijar(2024, 4, 27);
        await app.EscanearAsync();
        await app.EscanearAsync();
        var propuesta = Assert.Single(await app.AvisosDeAsync(operador));
        Assert.Equal(TipoAviso.PropuestaPendiente, propuesta.Tipo);
        Assert.StartsWith("PropuestaPendiente:Antes:hito=", propuesta.Clave);
        var hitos = (await app.AvisosDeAsync(planificador)).Where(a => a.Tipo == TipoAviso.HitoCalendario).ToList();
        Assert.Equal(2, hitos.Count);

        await app.EnviarAsync();
        var recibido = Assert.Single(app.Smtp.Para(correo));
        Assert.StartsWith("SIPOI: el plazo de la propuesta del POI 2025 vence el 30/04/2024 — 01.02 ", recibido.Mensaje.Subject);
        Assert.Contains("(quedan 3 días) y la propuesta está en borrador.", recibido.Texto);
        Assert.Contains($"{AppConCorreo.UrlPublica}/e/EMSAPUNO/formulacion/2025", recibido.Texto);
        var alPlanificador = Assert.Single(app.Smtp.Para(AppDePrueba.Planificador), r => r.Asunto.Contains("propuesta de los centros", StringComparison.Ordinal));
        Assert.Equal("SIPOI: el hito «Formulación POI 2025: propuesta de los centros» del calendario 2024 vence el 30/04/2024", alPlanificador.Mensaje.Subject);
        Assert.Contains($"{AppConCorreo.UrlPublica}/e/EMSAPUNO/calendario/2024", alPlanificador.Texto);

        // The planner can opt out of the calendar's notices like the others.
        var preferencias = await Formulario.LeerAsync(opp, "/cuenta/avisos", "preferencias-avisos");
        Assert.Equal(["EvaluacionPublicada", "HitoCalendario"], preferencias.Elemento.QuerySelectorAll("input[name=Recibidos]").Select(i => i.GetAttribute("value")!));

        // The next day nothing is due; on the day itself, one more notice each ("hoy").
        app.Reloj.Fijar(2024, 4, 28);
        await app.EscanearAsync();
        Assert.Single(await app.AvisosDeAsync(operador));
        Assert.Equal(2, (await app.AvisosDeAsync(planificador)).Count(a => a.Tipo == TipoAviso.HitoCalendario));
        app.Reloj.Fijar(2024, 4, 30);
        await app.EscanearAsync();
        await app.EscanearAsync();
        Assert.Equal([TipoAviso.PropuestaPendiente, TipoAviso.PropuestaPendiente], (await app.AvisosDeAsync(operador)).Select(a => a.Tipo));
        await app.EnviarAsync();
        Assert.Equal(2, app.Smtp.Para(correo).Count);
        Assert.StartsWith("SIPOI: hoy vence el plazo de la propuesta del POI 2025 — 01.02 ", app.Smtp.Para(correo)[1].Mensaje.Subject);
    }
}

/// <summary>A deployment without an SMTP server: notices stay queued and the administrator's page says why.</summary>
public sealed class AvisosSinServidorTests(AppDePrueba app) : IClassFixture<AppDePrueba>
{
    [Fact]
    public async Task SinServidor_LosAvisosQuedanEnColaYLaPaginaLoDice()
    {
        app.Reloj.Fijar(2024, 2, 5);
        await using (var db = app.Base.Contexto())
        {
            var e = await db.Entidades.SingleAsync(x => x.Codigo == "EMSAPUNO");
            var poi = await db.Pois.SingleAsync(p => p.EntidadId == e.Id && p.Anio == 2024);
            var c = await db.CentrosCosto.SingleAsync(x => x.EntidadId == e.Id && x.Codigo == "01.02");
            db.Seguimientos.Add(Seguimientos.Enviado(e, poi.Id, 2024, c.Id, 1));
            await db.SaveChangesAsync();
        }
        var opp = await app.ComoAsync(AppDePrueba.Planificador);
        var f = await Formulario.LeerAsync(opp, "/e/EMSAPUNO/seguimiento/2024/1?centro=01.02", "observar");
        f.Campos["Observacion"] = "Revise la meta de febrero.";
        Assert.Equal(HttpStatusCode.Redirect, (await f.EnviarAsync(opp)).StatusCode);

        await using (var scope = app.Services.CreateAsyncScope())
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<EnvioAvisos>().EnviarPendientesAsync(CancellationToken.None));
        await using (var db = app.Base.Contexto())
        {
            var a = Assert.Single(await db.AvisosCorreo.AsNoTracking().Where(x => db.Users.Any(u => u.Id == x.UsuarioId && u.UserName == AppDePrueba.Operador)).ToListAsync());
            Assert.Equal((EstadoAviso.Pendiente, 0, (string?)null), (a.Estado, a.Intentos, a.UltimoError));
        }

        var admin = await app.ComoAsync(AppDePrueba.Administrador);
        var pagina = Formulario.Leer(await (await admin.GetAsync("/e/EMSAPUNO/administracion/avisos")).Content.ReadAsStringAsync());
        var alerta = pagina.GetElementById("sin-servidor")!.TextContent;
        Assert.Contains("No se envían correos", alerta);
        Assert.Contains("Sipoi:Correo:Servidor", alerta);
        Assert.Contains("Sipoi:UrlPublica", alerta);
        Assert.Contains("1 aviso en cola", pagina.GetElementById("resumen")!.TextContent);
    }
}
