using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sipoi.Domain.Organizacion;
using Sipoi.Domain.Seguimiento;
using Sipoi.Interop.Intercambio;
using Sipoi.Web.Intercambio;
using Sipoi.Web.Seguridad;
using Sipoi.Web.Tests.Infraestructura;
using Sipoi.Web.Tests.Planes;

namespace Sipoi.Web.Tests.Seguimiento;

/// <summary>
/// An entity with the quarterly reporting rhythm (Seguimiento/README.md): months saved one by one, the quarter submitted from its
/// last month and reviewed as one, the board by quarter, the API under the same rule, and the settings kept by the form and the
/// exchange file. Each test works on its own cost centre of the demo POI 2024.
/// </summary>
public sealed class RitmoTrimestralTests(AppDePrueba app) : IClassFixture<AppDePrueba>
{
    private static string Url(string centro, int mes) => $"/e/EMSAPUNO/seguimiento/2024/{mes}?centro={centro}";

    private async Task ConfigurarAsync(RitmoReporte ritmo, bool jefatura = false)
    {
        await using var db = app.Base.Contexto();
        var e = await db.Entidades.SingleAsync(x => x.Codigo == "EMSAPUNO");
        e.Configurar(e.Configuracion with { Ritmo = ritmo, ValidacionJefatura = jefatura });
        await db.SaveChangesAsync();
    }

    private async Task<EstadoSeguimiento?[]> EstadosAsync(string centro)
    {
        await using var db = app.Base.Contexto();
        var s = await db.Seguimientos.AsNoTracking().Where(x => db.CentrosCosto.Any(c => c.Id == x.CentroCostoId && c.Codigo == centro))
            .ToDictionaryAsync(x => x.Mes, x => x.Estado);
        return [.. Enumerable.Range(1, 3).Select(m => s.TryGetValue(m, out var e) ? e : (EstadoSeguimiento?)null)];
    }

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

    private async Task GuardarMesAsync(HttpClient op, string centro, int mes)
    {
        var f = LlenarConMetas(await Formulario.LeerAsync(op, Url(centro, mes), "grilla"));
        Assert.Equal(HttpStatusCode.Redirect, (await f.EnviarAsync(op, f.Accion("guardar"))).StatusCode);
    }

    [Fact]
    public async Task Trimestral_OperadorGuardaEneroYFebreroEnviaEnMarzoYLaOficinaApruebaElTrimestre()
    {
        await ConfigurarAsync(RitmoReporte.Trimestral);
        app.Reloj.Fijar(2024, 4, 2);
        var op = await app.OperadorDeAsync("op0202@trimestral.demo", "02.02");
        await GuardarMesAsync(op, "02.02", 1);
        await GuardarMesAsync(op, "02.02", 2);

        // January: saved, still editable (the quarter closes on 10/04/2024), but it has no submit button and a forced submission is refused.
        var enero = await Formulario.LeerAsync(op, Url("02.02", 1), "grilla");
        Assert.Null(enero.Pagina.GetElementById("enviar"));
        Assert.Contains("envíe el I trimestre de 2024 (enero a marzo) completo desde marzo de 2024", enero.Pagina.GetElementById("ritmo")!.TextContent);
        Assert.Contains("10/04/2024", enero.Pagina.Body!.TextContent);
        await Rechazo.EnRespuestaAsync(await enero.EnviarAsync(op, Url("02.02", 1) + "&handler=Enviar"), HttpStatusCode.OK,
            "El seguimiento de enero de 2024 no se puede enviar solo: la entidad reporta por trimestre");
        Assert.Equal([EstadoSeguimiento.Pendiente, EstadoSeguimiento.Pendiente, null], await EstadosAsync("02.02"));

        var marzo = LlenarConMetas(await Formulario.LeerAsync(op, Url("02.02", 3), "grilla"));
        Assert.Equal("Enviar el trimestre a revisión", marzo.Pagina.GetElementById("enviar")!.TextContent.Trim());
        // The quarter's last month carries the centre's summary of the period: without it nothing is submitted.
        await Rechazo.EnRespuestaAsync(await marzo.EnviarAsync(op, marzo.Accion("enviar")), HttpStatusCode.OK,
            "Marzo de 2024 cierra el I Trimestre: falta el resumen del periodo");
        Assert.Equal([EstadoSeguimiento.Pendiente, EstadoSeguimiento.Pendiente, EstadoSeguimiento.Pendiente], await EstadosAsync("02.02"));
        marzo = LlenarConMetas(await Formulario.LeerAsync(op, Url("02.02", 3), "grilla"));
        marzo.Campos["TextoResumen"] = "Se cumplió lo programado gracias a la contratación oportuna del personal.";
        Assert.Equal(HttpStatusCode.Redirect, (await marzo.EnviarAsync(op, marzo.Accion("enviar"))).StatusCode);
        Assert.Equal([EstadoSeguimiento.Enviado, EstadoSeguimiento.Enviado, EstadoSeguimiento.Enviado], await EstadosAsync("02.02"));
        Assert.Contains("El seguimiento del I trimestre de 2024 (enero a marzo) se envió a revisión.",
            (await Formulario.LeerAsync(op, Url("02.02", 3), "grilla")).Pagina.GetElementById("aviso")!.TextContent);

        // The planner's board shows quarters, the quarter once in the list to review, and approves it from any of its months.
        var opp = await app.ComoAsync(AppDePrueba.Planificador);
        var tablero = await Paginas.LeerAsync(opp, "/e/EMSAPUNO/seguimiento/2024/tablero");
        Assert.Equal(["I Trimestre", "II Trimestre", "III Trimestre", "IV Trimestre"],
            tablero.QuerySelectorAll("#tablero thead th").Skip(1).Select(t => t.TextContent.Trim()));
        Assert.Equal("enviado", tablero.QuerySelector("#tablero tr[data-centro='02.02'] td[data-trimestre='1']")!.GetAttribute("data-estado"));
        Assert.Single(tablero.GetElementById("por-revisar")!.QuerySelectorAll("li"), li => li.TextContent.Contains("02.02", StringComparison.Ordinal));
        var aprobar = await Formulario.LeerAsync(opp, Url("02.02", 1), "aprobar");
        Assert.Equal(HttpStatusCode.Redirect, (await aprobar.EnviarAsync(opp)).StatusCode);
        Assert.Equal([EstadoSeguimiento.Aprobado, EstadoSeguimiento.Aprobado, EstadoSeguimiento.Aprobado], await EstadosAsync("02.02"));
        tablero = await Paginas.LeerAsync(opp, "/e/EMSAPUNO/seguimiento/2024/tablero");
        Assert.Equal("aprobado", tablero.QuerySelector("#tablero tr[data-centro='02.02'] td[data-trimestre='1']")!.GetAttribute("data-estado"));

        await using var db = app.Base.Contexto();
        var claves = await db.Auditoria.Where(a => a.Tabla == RegistroSeguimientoTabla && a.Clave.Contains("centro=02.02"))
            .Select(a => new { a.Accion, a.Clave }).ToListAsync();
        Assert.Equal(3, claves.Count(a => a.Accion == AccionAuditada.Envio));
        Assert.Equal(3, claves.Count(a => a.Accion == AccionAuditada.Aprobacion));
    }

    private const string RegistroSeguimientoTabla = Sipoi.Web.Seguimiento.RegistroSeguimiento.Tabla;

    [Fact]
    public async Task Trimestral_ProblemasDeLosTresMeses_SeListanJuntosYNoSeEnviaNinguno()
    {
        await ConfigurarAsync(RitmoReporte.Trimestral);
        app.Reloj.Fijar(2024, 4, 3);
        var op = await app.OperadorDeAsync("op0103@trimestral.demo", "01.03");
        // January and February left empty: their targets are missing; March complete.
        var marzo = LlenarConMetas(await Formulario.LeerAsync(op, Url("01.03", 3), "grilla"));
        var r = await marzo.EnviarAsync(op, marzo.Accion("enviar"));
        var texto = await Rechazo.EnRespuestaAsync(r, HttpStatusCode.OK, "I trimestre de 2024 (enero a marzo) no se envió: corrija los");
        Assert.Contains("enero de 2024: falta registrar la ejecución física", texto);
        Assert.Contains("febrero de 2024: falta registrar la ejecución física", texto);
        Assert.DoesNotContain("marzo de 2024: falta registrar", texto);
        Assert.Contains("Marzo de 2024 cierra el I Trimestre: falta el resumen del periodo", texto);
        // March's values stay saved as a draft; no month was submitted.
        Assert.Equal([null, null, EstadoSeguimiento.Pendiente], await EstadosAsync("01.03"));
    }

    [Fact]
    public async Task ConJefatura_LaOficinaNoApruebaAntesDeQueElJefeValide()
    {
        await ConfigurarAsync(RitmoReporte.Mensual, jefatura: true);
        app.Reloj.Fijar(2024, 2, 5);
        var op = await app.OperadorDeAsync("op0204@jefatura.demo", "02.04");
        var f = LlenarConMetas(await Formulario.LeerAsync(op, Url("02.04", 1), "grilla"));
        Assert.Equal(HttpStatusCode.Redirect, (await f.EnviarAsync(op, f.Accion("enviar"))).StatusCode);

        // The planning office sees it waiting for the head: no approve form, and a forced approval is refused.
        var opp = await app.ComoAsync(AppDePrueba.Planificador);
        var grilla = await Formulario.LeerAsync(opp, Url("02.04", 1), "grilla");
        Assert.NotNull(grilla.Pagina.GetElementById("espera-jefatura"));
        Assert.Null(grilla.Pagina.GetElementById("aprobar"));
        Assert.DoesNotContain("02.04", (await Paginas.LeerAsync(opp, "/e/EMSAPUNO/seguimiento/2024/tablero")).GetElementById("por-revisar")!.TextContent);
        await Rechazo.EnRespuestaAsync(await grilla.EnviarAsync(opp, Url("02.04", 1) + "&handler=Aprobar"), HttpStatusCode.OK,
            "No se puede aprobar el seguimiento de enero de 2024: falta la validación de la jefatura del centro de costo superior.");
        // Neither the planner nor the operator may validate: only the head of 02 (the parent of 02.04).
        Assert.Equal(HttpStatusCode.Forbidden, (await grilla.EnviarAsync(opp, Url("02.04", 1) + "&handler=Validar")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await f.EnviarAsync(op, Url("02.04", 1) + "&handler=Validar")).StatusCode);

        var jefe = await app.CrearUsuarioAsync("gerente02@jefatura.demo", Roles.Consulta);
        await using (var db = app.Base.Contexto())
        {
            var e = await db.Entidades.SingleAsync(x => x.Codigo == "EMSAPUNO");
            var gerencia = await db.CentrosCosto.SingleAsync(c => c.Codigo == "02" && c.EntidadId == e.Id);
            db.Jefaturas.Add(new Sipoi.Web.Seguimiento.JefaturaCentro(e.Id, jefe.Id, gerencia.Id));
            await db.SaveChangesAsync();
        }
        var http = await app.ComoAsync("gerente02@jefatura.demo");
        // The head's pending list is its landing page's tasks (ReglasTareas.DeLaJefatura): January of 02.04, once.
        var inicio = await (await http.GetAsync("/")).Content.ReadAsStringAsync();
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(inicio, "Validar enero de 2024 — [^<]*02\\.04"));
        var validar = await Formulario.LeerAsync(http, Url("02.04", 1), "validar");
        Assert.Equal(HttpStatusCode.Redirect, (await validar.EnviarAsync(http)).StatusCode);
        await using (var db = app.Base.Contexto())
        {
            var s = await db.Seguimientos.AsNoTracking().SingleAsync(x => x.Mes == 1 && db.CentrosCosto.Any(c => c.Id == x.CentroCostoId && c.Codigo == "02.04"));
            Assert.Equal(EstadoSeguimiento.Validado, s.Estado);
            Assert.Equal("gerente02@jefatura.demo", s.ValidadoPor);
            Assert.True(await db.Auditoria.AnyAsync(a => a.Accion == AccionAuditada.Validacion && a.Usuario == "gerente02@jefatura.demo"));
        }

        Assert.Contains("02.04", (await Paginas.LeerAsync(opp, "/e/EMSAPUNO/seguimiento/2024/tablero")).GetElementById("por-revisar")!.TextContent);
        var aprobar = await Formulario.LeerAsync(opp, Url("02.04", 1), "aprobar");
        Assert.Equal(HttpStatusCode.Redirect, (await aprobar.EnviarAsync(opp)).StatusCode);
        Assert.Equal([EstadoSeguimiento.Aprobado, null, null], await EstadosAsync("02.04"));
    }

    [Fact]
    public async Task Api_Trimestral_RechazaEneroSoloYEnviaElTrimestreDesdeMarzo()
    {
        await ConfigurarAsync(RitmoReporte.Trimestral);
        app.Reloj.Fijar(2024, 4, 4);
        await app.OperadorDeAsync("op0402@trimestral.demo", "04.02");
        var api = await ConTokenAsync("op0402@trimestral.demo");
        var url = (int mes) => $"/api/v1/e/EMSAPUNO/seguimiento/2024/{mes}/04.02";
        for (var mes = 1; mes <= 3; mes++)
        {
            var mesJson = JsonDocument.Parse(await (await api.GetAsync(url(mes))).Content.ReadAsStringAsync()).RootElement;
            Assert.Equal("trimestral", mesJson.GetProperty("ritmoReporte").GetString());
            var filas = mesJson.GetProperty("actividades").EnumerateArray()
                .Where(a => a.GetProperty("metaMes").GetDecimal() > 0)
                .Select(a => new { codigo = a.GetProperty("codigo").GetString(), ejecutadoFisico = a.GetProperty("metaMes").GetDecimal() }).ToList();
            var put = await api.PutAsJsonAsync(url(mes), new { version = mesJson.GetProperty("version").GetString(), actividades = filas });
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }
        await Rechazo.EnRespuestaAsync(await api.PostAsync(url(1) + "/enviar", null), HttpStatusCode.UnprocessableEntity,
            "El seguimiento de enero de 2024 no se puede enviar solo: la entidad reporta por trimestre");
        await Rechazo.EnRespuestaAsync(await api.PostAsync(url(3) + "/enviar", null), HttpStatusCode.UnprocessableEntity,
            "Marzo de 2024 cierra el I Trimestre: falta el resumen del periodo");
        var marzoJson = JsonDocument.Parse(await (await api.GetAsync(url(3))).Content.ReadAsStringAsync()).RootElement;
        var resumen = "Se cumplió lo programado en el trimestre.";
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync(url(3),
            new { version = marzoJson.GetProperty("version").GetString(), actividades = Array.Empty<object>(), resumenPeriodo = resumen })).StatusCode);
        Assert.Equal(resumen, JsonDocument.Parse(await (await api.GetAsync(url(3))).Content.ReadAsStringAsync()).RootElement
            .GetProperty("resumenPeriodo").GetString());
        var enviado = await api.PostAsync(url(3) + "/enviar", null);
        await Rechazo.EnRespuestaAsync(enviado, HttpStatusCode.OK, "El seguimiento del I trimestre de 2024 (enero a marzo) se envió a revisión.");
        Assert.Equal([EstadoSeguimiento.Enviado, EstadoSeguimiento.Enviado, EstadoSeguimiento.Enviado], await EstadosAsync("04.02"));

        var planificador = await ConTokenAsync(AppDePrueba.Planificador);
        await Rechazo.EnRespuestaAsync(await planificador.PostAsync(url(2) + "/aprobar", null), HttpStatusCode.OK,
            "Se aprobó el seguimiento del I trimestre de 2024 (enero a marzo) del centro de costo 04.02.");
        Assert.Equal([EstadoSeguimiento.Aprobado, EstadoSeguimiento.Aprobado, EstadoSeguimiento.Aprobado], await EstadosAsync("04.02"));
    }

    private async Task<HttpClient> ConTokenAsync(string correo)
    {
        await using var db = app.Base.Contexto();
        var usuario = await db.Users.SingleAsync(u => u.UserName == correo);
        var (token, secreto) = TokenApi.Crear(usuario, "prueba", DateTimeOffset.UtcNow);
        db.TokensApi.Add(token);
        await db.SaveChangesAsync();
        var http = app.ClienteAnonimo();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secreto);
        return http;
    }

    [Fact]
    public async Task Configuracion_PaginaEIntercambio_ConservanRitmoYJefatura()
    {
        await ConfigurarAsync(RitmoReporte.Mensual);
        var admin = await app.ComoAsync(AppDePrueba.Administrador);
        const string url = "/e/EMSAPUNO/administracion/configuracion";
        var r = await Paginas.EnviarAsync(admin, url, "form-configuracion", ("Datos.Ritmo", "trimestral"), ("Datos.ValidacionJefatura", "true"));
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var form = await Formulario.LeerAsync(admin, url, "form-configuracion");
        Assert.Equal("trimestral", form.Campos["Datos.Ritmo"]);
        Assert.Equal("true", form.Campos["Datos.ValidacionJefatura"]);
        await Rechazo.EnRespuestaAsync(await Paginas.EnviarAsync(admin, url, "form-configuracion", ("Datos.Ritmo", "semanal")), HttpStatusCode.OK,
            "Ritmo de reporte: «semanal» no es mensual ni trimestral.");

        // The exchange file carries both settings and an import into another entity keeps them.
        string texto;
        await using (var db = app.Base.Contexto())
        {
            var doc = await ExportadorPlan.ExportarAsync(db, "EMSAPUNO", 2024);
            texto = EscritorIntercambio.EscribirTexto(doc! with { Entidad = doc!.Entidad with { Codigo = "COPIATRIM" } });
        }
        var configuracion = JsonDocument.Parse(texto).RootElement.GetProperty("configuracion");
        Assert.Equal("trimestral", configuracion.GetProperty("ritmoReporte").GetString());
        Assert.True(configuracion.GetProperty("validacionJefatura").GetBoolean());
        var lectura = LectorIntercambio.Leer(texto);
        Assert.True(lectura.EsValido, string.Join("\n", lectura.Errores));
        await using (var db = app.Base.Contexto())
        {
            var imp = await ImportadorPlan.ImportarAsync(db, lectura.Documento);
            Assert.True(imp.Exito, string.Join("\n", imp.Errores));
        }
        await using (var db = app.Base.Contexto())
        {
            var copia = (await db.Entidades.AsNoTracking().SingleAsync(e => e.Codigo == "COPIATRIM")).Configuracion;
            Assert.Equal(RitmoReporte.Trimestral, copia.Ritmo);
            Assert.True(copia.ValidacionJefatura);
        }
        var malo = LectorIntercambio.Leer(texto.Replace("\"trimestral\"", "\"anual\"", StringComparison.Ordinal));
        Assert.False(malo.EsValido);
        Assert.Contains(malo.Errores, e => e.ToString()!.Contains("ritmoReporte", StringComparison.Ordinal));
    }
}
