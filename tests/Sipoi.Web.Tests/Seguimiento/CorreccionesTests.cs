using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Sipoi.Domain.Periodos;
using Sipoi.Domain.Seguimiento;
using Sipoi.Web.Informes;
using Sipoi.Web.Tests.Infraestructura;
using static Sipoi.Web.Tests.Reportes.AvanceDePrueba;

namespace Sipoi.Web.Tests.Seguimiento;

/// <summary>
/// Corrections through the month's page (issue 13 item 7): the planning office reopens an approved month — refused inside
/// a published evaluation until its republication is started — and observing a late month asks for a new deadline.
/// January–August are approved for every cost centre (<see cref="Reportes.AvanceDePrueba"/>).
/// </summary>
public sealed class CorreccionesTests(AppDePrueba app) : IClassFixture<AppDePrueba>
{
    private static string Url(string centro, int mes) => $"/e/EMSAPUNO/seguimiento/2024/{mes}?centro={centro}";

    private async Task<SeguimientoMensual> SeguimientoAsync(string centro, int mes)
    {
        await using var db = app.Base.Contexto();
        return await db.Seguimientos.AsNoTracking()
            .SingleAsync(s => s.Mes == mes && s.Anio == 2024 && db.CentrosCosto.Any(c => c.Id == s.CentroCostoId && c.Codigo == centro));
    }

    [Fact]
    public async Task ReabrirAprobado_DentroDeEvaluacionPublicada_SoloTrasIniciarSuRepublicacion_YLaAuditoriaGuardaLoAnterior()
    {
        await RegistrarAsync(app);
        var opp = await app.ComoAsync(AppDePrueba.Planificador);
        try
        {
            app.Reloj.Fijar(2024, 8, 5);
            await using (var db = app.Base.Contexto())
            {
                var entidad = await db.Entidades.SingleAsync(e => e.Codigo == Entidad);
                var t2 = await RegistroEvaluaciones.RegistrarAsync(db, entidad.Id, 2024, Periodo.Trimestre(2), default);
                await RegistroEvaluaciones.PublicarAsync(db, t2, null, AppDePrueba.Planificador, app.Reloj.GetUtcNow(), default);
            }

            // Refused while the published II Trimestre contains May, with the message naming it; nothing changes.
            var reabrir = await Formulario.LeerAsync(opp, Url("01.02", 5), "reabrir-aprobado");
            reabrir.Campos["Motivo"] = "El centro informó mal la AO de capacitación";
            reabrir.Campos["NuevoPlazo"] = "2024-08-20";
            await Rechazo.EnRespuestaAsync(await reabrir.EnviarAsync(opp), HttpStatusCode.OK,
                "No se puede reabrir mayo de 2024: está dentro de la evaluación II Trimestre 2024, publicada el 05/08/2024. " +
                "Inicie primero la republicación de la evaluación II Trimestre 2024.");
            Assert.Equal(EstadoSeguimiento.Aprobado, (await SeguimientoAsync("01.02", 5)).Estado);

            // Once its republication is started, the month is reopened and goes back to the operator.
            var rep = await Formulario.LeerAsync(opp, "/e/EMSAPUNO/evaluaciones/2024/T2", "republicar");
            rep.Campos["MotivoRepublicacion"] = "Corrección de mayo del centro 01.02";
            Assert.Equal(HttpStatusCode.Redirect, (await rep.EnviarAsync(opp)).StatusCode);
            reabrir = await Formulario.LeerAsync(opp, Url("01.02", 5), "reabrir-aprobado");
            reabrir.Campos["Motivo"] = "El centro informó mal la AO de capacitación";
            reabrir.Campos["NuevoPlazo"] = "2024-08-20";
            // First a summary (nothing changes): the approved month stops being approved until it is approved again.
            var resumen = await reabrir.EnviarAsync(opp);
            Assert.Equal(HttpStatusCode.OK, resumen.StatusCode);
            var pagina = Formulario.Leer(await resumen.Content.ReadAsStringAsync());
            var texto = string.Join(' ', (pagina.GetElementById("reapertura-aprobado")?.TextContent ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            Assert.Equal("El mes deja de estar aprobado: pasa a «Observado» con la observación «Mes reabierto: El centro informó mal la AO de capacitación». " +
                "Mientras no se vuelva a enviar y aprobar, las evaluaciones que se publiquen no lo cuentan (solo usan meses aprobados).", texto);
            Assert.Equal(EstadoSeguimiento.Aprobado, (await SeguimientoAsync("01.02", 5)).Estado);
            Assert.Equal(HttpStatusCode.Redirect, (await Formulario.De(pagina, "confirmar-reabrir").EnviarAsync(opp)).StatusCode);
            var s = await SeguimientoAsync("01.02", 5);
            Assert.Equal(EstadoSeguimiento.Observado, s.Estado);
            Assert.Equal(new DateOnly(2024, 8, 20), s.Reapertura!.NuevoPlazo);

            // The operator corrects a value; the approved figure stays in the audit log as the old value.
            var op = await app.ComoAsync(AppDePrueba.Operador);
            var g = await Formulario.LeerAsync(op, Url("01.02", 5), "grilla");
            Assert.Contains("El centro informó mal la AO de capacitación", g.Pagina.GetElementById("observacion")!.TextContent);
            var fila = g.Pagina.QuerySelectorAll("tr.fila").First(f => f.Children[3].TextContent.Trim() != "0");
            var codigo = fila.GetAttribute("data-codigo")!;
            var anterior = decimal.Parse(g.Valor(codigo, "Fisico"), NumberStyles.Number, CultureInfo.InvariantCulture);
            g.Poner(codigo, "Fisico", (anterior + 1).ToString(CultureInfo.InvariantCulture));
            Assert.Equal(HttpStatusCode.Redirect, (await g.EnviarAsync(op, g.Accion("guardar"))).StatusCode);

            await using var lectura = app.Base.Contexto();
            var avance = await lectura.Avances.SingleAsync(v => v.Mes == 5 && lectura.Actividades.Any(a => a.Id == v.ActividadId && a.Codigo == codigo));
            var cambio = await lectura.Auditoria.SingleAsync(a => a.Tabla == "avance_mensual" && a.Campo == "ejecutado_fisico"
                && a.Accion == AccionAuditada.Cambio && a.Clave.StartsWith(avance.Id.ToString(CultureInfo.InvariantCulture) + " "));
            Assert.Equal((anterior, anterior + 1), (decimal.Parse(cambio.ValorAnterior!, CultureInfo.InvariantCulture), decimal.Parse(cambio.ValorNuevo!, CultureInfo.InvariantCulture)));
            Assert.True(await lectura.Auditoria.AnyAsync(a => a.Tabla == "seguimiento_mensual" && a.Campo == "estado"
                && a.ValorAnterior == "Aprobado" && a.ValorNuevo == "Observado"));
            Assert.True(await lectura.Auditoria.AnyAsync(a => a.Tabla == "seguimiento_mensual" && a.Accion == AccionAuditada.Reapertura && a.Campo == null
                && a.Clave.Contains("centro=01.02, mes=5")));
        }
        finally { app.Reloj.Real(); }
    }

    [Fact]
    public async Task ObservarMesVencido_PideNuevoPlazo_YNoQuedaAtrasado()
    {
        await RegistrarAsync(app);
        await using (var db = app.Base.Contexto())
        {
            var entidad = await db.Entidades.SingleAsync(e => e.Codigo == Entidad);
            var centro = await db.CentrosCosto.SingleAsync(c => c.EntidadId == entidad.Id && c.Codigo == "02.01");
            var poi = await db.Pois.SingleAsync(p => p.EntidadId == entidad.Id && p.Anio == 2024);
            db.Seguimientos.Add(Seguimientos.Enviado(entidad, poi.Id, 2024, centro.Id, 9));
            await db.SaveChangesAsync();
        }
        var opp = await app.ComoAsync(AppDePrueba.Planificador);
        try
        {
            app.Reloj.Fijar(2024, 10, 20);   // September closed on 10/10/2024
            var obs = await Formulario.LeerAsync(opp, Url("02.01", 9), "observar");
            Assert.Contains("obligatorio: el plazo venció el 10/10/2024", obs.Elemento.TextContent);
            obs.Campos["Observacion"] = "Adjunte el informe de la AO de mantenimiento.";
            obs.Campos["NuevoPlazo"] = "";
            await Rechazo.EnRespuestaAsync(await obs.EnviarAsync(opp), HttpStatusCode.OK,
                "El plazo de setiembre de 2024 venció el 10/10/2024: al observarlo indique el nuevo plazo para subsanar la observación.");
            Assert.Equal(EstadoSeguimiento.Enviado, (await SeguimientoAsync("02.01", 9)).Estado);

            obs.Campos["NuevoPlazo"] = "2024-10-31";
            Assert.Equal(HttpStatusCode.Redirect, (await obs.EnviarAsync(opp)).StatusCode);
            var s = await SeguimientoAsync("02.01", 9);
            Assert.Equal(EstadoSeguimiento.Observado, s.Estado);
            await using var db = app.Base.Contexto();
            var config = (await db.Entidades.SingleAsync(e => e.Codigo == Entidad)).Configuracion;
            Assert.Equal(new DateOnly(2024, 10, 31), s.PlazoVigente(config));
            Assert.Equal(EstadoTablero.Observado, s.EstadoTablero(config, new DateOnly(2024, 10, 20)));
        }
        finally { app.Reloj.Real(); }
    }
}
