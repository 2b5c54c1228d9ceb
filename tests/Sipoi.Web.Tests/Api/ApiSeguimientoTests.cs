using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sipoi.Domain.Seguimiento;
using Sipoi.Web.Data;
using Sipoi.Web.Seguridad;
using Sipoi.Web.Tests.Infraestructura;

namespace Sipoi.Web.Tests.Api;

/// <summary>/api/v1 (docs/api.md): personal tokens, the same permissions and rules as the grid, errors in Spanish per row.</summary>
public sealed class ApiSeguimientoTests(AppDePrueba app) : IClassFixture<AppDePrueba>
{
    private static string Url(string centro, int mes = 1) => $"/api/v1/e/EMSAPUNO/seguimiento/2024/{mes}/{centro}";

    /// <summary>A client carrying a fresh token of that user (created as the page does, through the domain).</summary>
    private async Task<HttpClient> ConTokenAsync(string correo, params string[] centros)
    {
        if (centros.Length > 0) await app.OperadorDeAsync(correo, centros);
        await using var db = app.Base.Contexto();
        var usuario = await db.Users.SingleAsync(u => u.UserName == correo);
        var (token, secreto) = TokenApi.Crear(usuario, "prueba", DateTimeOffset.UtcNow);
        db.TokensApi.Add(token);
        await db.SaveChangesAsync();
        var http = app.ClienteAnonimo();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secreto);
        return http;
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage r) => JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement;

    private static object Fila(string codigo, object? fisico, object? financiero = null, string? logros = null, string? dificultades = null,
        string? medidas = null) =>
        new { codigo, ejecutadoFisico = fisico, ejecutadoFinanciero = financiero, logros, dificultades, medidasCorrectivas = medidas };

    private async Task<decimal?> FisicoAsync(string codigo, int mes = 1)
    {
        await using var db = app.Base.Contexto();
        return await db.Avances.Where(v => v.Mes == mes && db.Actividades.Any(a => a.Id == v.ActividadId && a.Codigo == codigo))
            .Select(v => v.EjecutadoFisico).SingleOrDefaultAsync();
    }

    [Fact]
    public async Task Token_SeCreaEnSuPaginaSeMuestraUnaVezYRevocadoDejaDeValer()
    {
        var http = await app.ComoAsync(AppDePrueba.Consulta);
        var form = await Formulario.LeerAsync(http, "/cuenta/tokens", "crear-token");
        form.Campos["Nombre"] = "Tablero de la gerencia";
        var r = await form.EnviarAsync(http);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var doc = Formulario.Leer(await r.Content.ReadAsStringAsync());
        var secreto = doc.GetElementById("secreto")!.TextContent;
        Assert.StartsWith("sipoi_", secreto);
        Assert.Equal(49, secreto.Length);
        // Shown once: the list never shows it again, and the database keeps only its SHA-256.
        Assert.DoesNotContain(secreto, await (await http.GetAsync("/cuenta/tokens")).Content.ReadAsStringAsync());
        await using (var db = app.Base.Contexto())
        {
            var t = await db.TokensApi.SingleAsync(x => x.Nombre == "Tablero de la gerencia");
            Assert.Equal(TokenApi.Resumen(secreto), t.Hash);
            Assert.DoesNotContain(await db.Auditoria.Where(a => a.Tabla == "token_api").Select(a => a.ValorNuevo).ToListAsync(), v => v!.Contains(t.Hash));
        }

        var api = app.ClienteAnonimo();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secreto);
        var yo = await api.GetAsync("/api/v1/yo");
        Assert.Equal(HttpStatusCode.OK, yo.StatusCode);
        Assert.Equal(AppDePrueba.Consulta, (await JsonAsync(yo)).GetProperty("usuario").GetString());
        await using (var db = app.Base.Contexto())
            Assert.NotNull((await db.TokensApi.SingleAsync(x => x.Nombre == "Tablero de la gerencia")).UltimoUso);

        var revocar = Formulario.De(Formulario.Leer(await (await http.GetAsync("/cuenta/tokens")).Content.ReadAsStringAsync()), "tokens");
        var accion = revocar.Elemento.QuerySelector("form")!.GetAttribute("action");
        // The first post changes nothing: it shows what goes and asks to confirm.
        var primera = await http.PostAsync(accion, new FormUrlEncodedContent(revocar.Campos));
        Assert.Equal(HttpStatusCode.OK, primera.StatusCode);
        var pagina = Formulario.Leer(await primera.Content.ReadAsStringAsync());
        var caja = pagina.GetElementById("confirmar-revocar")!.TextContent;
        Assert.Contains("Confirme que quiere revocar el token. No se puede deshacer.", caja);
        Assert.Contains("Se revocará el token «Tablero de la gerencia», creado el ", caja);
        Assert.Contains("Todo sistema que lo use recibirá un rechazo", caja);
        await using (var db = app.Base.Contexto())
            Assert.Null((await db.TokensApi.SingleAsync(x => x.Nombre == "Tablero de la gerencia")).Revocado);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/yo")).StatusCode);

        var confirmar = Formulario.De(pagina, "confirmar-revocar-token");
        Assert.Equal("true", confirmar.Campos["Confirmar"]);
        Assert.Equal(HttpStatusCode.Redirect, (await confirmar.EnviarAsync(http)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/yo")).StatusCode);
    }

    [Theory]
    [InlineData(AppDePrueba.Operador)]
    [InlineData(AppDePrueba.Planificador)]
    [InlineData(AppDePrueba.Administrador)]
    public async Task Token_DaLosMismosClaimsQueLaSesion(string correo)
    {
        // The token handler reads the user in one query and builds the claims itself (FabricaClaims.Claims): they must be the session's.
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SipoiDbContext>();
        var usuario = await db.Users.SingleAsync(u => u.UserName == correo);
        var sesion = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<Usuario>>().CreateAsync(usuario);
        var roles = await scope.ServiceProvider.GetRequiredService<UserManager<Usuario>>().GetRolesAsync(usuario);
        var codigo = await db.Entidades.Where(e => e.Id == usuario.EntidadId).Select(e => e.Codigo).SingleAsync();
        var tipos = scope.ServiceProvider.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        static List<string> Texto(IEnumerable<System.Security.Claims.Claim> c) => c.Select(x => $"{x.Type}={x.Value}").Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(roles);
        Assert.Equal(Texto(sesion.Claims), Texto(FabricaClaims.Claims(usuario, codigo, roles, tipos)));

        // And through the API: the same user name and roles as the session.
        var http = await ConTokenAsync(correo);
        var yo = await JsonAsync(await http.GetAsync("/api/v1/yo"));
        Assert.Equal(correo, yo.GetProperty("usuario").GetString());
        Assert.Equal(roles.Order(StringComparer.Ordinal), yo.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Put_LaRespuestaEsElMesGuardado_YSuVersionSirveParaElSiguiente()
    {
        // The answer is built from the saved objects (not read again): it must be what GET gives, version included.
        app.Reloj.Fijar(2024, 2, 5);
        var op = await ConTokenAsync("api-sigue@prueba.demo", "04.03");
        var version = (await JsonAsync(await op.GetAsync(Url("04.03")))).GetProperty("version").GetString();
        var r = await op.PutAsJsonAsync(Url("04.03"), new { version, actividades = new[] { Fila("FP28-01", 700, "1,250.50", "Primera") } });
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var mes = (await JsonAsync(r)).GetProperty("mes");
        var leido = await JsonAsync(await op.GetAsync(Url("04.03")));
        Assert.Equal(leido.GetRawText(), mes.GetRawText());
        Assert.NotEqual(version, mes.GetProperty("version").GetString());
        var fila = mes.GetProperty("actividades").EnumerateArray().Single(a => a.GetProperty("codigo").GetString() == "FP28-01");
        Assert.Equal(700m, fila.GetProperty("ejecutadoFisico").GetDecimal());
        Assert.Equal("Primera", fila.GetProperty("logros").GetString());

        var r2 = await op.PutAsJsonAsync(Url("04.03"), new { version = mes.GetProperty("version").GetString(), actividades = new[] { Fila("FP28-01", 710) } });
        Assert.Equal(HttpStatusCode.OK, r2.StatusCode);
        Assert.Equal(710m, await FisicoAsync("FP28-01"));
        Assert.Equal((await JsonAsync(await op.GetAsync(Url("04.03")))).GetRawText(), (await JsonAsync(r2)).GetProperty("mes").GetRawText());
    }

    [Fact]
    public async Task Put_EscribeYAuditaSoloLoQueCambio_YElResumenDelTrimestre()
    {
        // The PUT reads the month without tracking and attaches only the rows it changes (RegistroSeguimiento): it must still
        // write and audit exactly the changed cells, old and new, touch no other row, and a period summary (tracked path) works.
        app.Reloj.Fijar(2024, 4, 5);
        const string correo = "api-poco@prueba.demo";
        var op = await ConTokenAsync(correo, "04.03");
        var mes = await JsonAsync(await op.GetAsync(Url("04.03", 3)));
        var a = mes.GetProperty("actividades").EnumerateArray().First();
        var codigo = a.GetProperty("codigo").GetString()!;
        var logrosAntes = a.GetProperty("logros").GetString();
        await using var db = app.Base.Contexto();
        var ids = await db.Actividades.Where(x => db.CentrosCosto.Any(c => c.Id == x.CentroCostoId && c.Codigo == "04.03")
            && db.Pois.Any(p => p.Id == x.PoiId && p.Anio == 2024)).Select(x => x.Id).ToListAsync();
        async Task<Dictionary<(int, int), uint>> VersionesAsync() =>
            await db.Avances.AsNoTracking().Where(v => ids.Contains(v.ActividadId))
                .Select(v => new { v.ActividadId, v.Mes, Version = EF.Property<uint>(v, SipoiDbContext.ColumnaVersion) })
                .ToDictionaryAsync(v => (v.ActividadId, v.Mes), v => v.Version);
        var antes = await VersionesAsync();
        var idA = await db.Actividades.Where(x => ids.Contains(x.Id) && x.Codigo == codigo).Select(x => x.Id).SingleAsync();

        var r = await op.PutAsJsonAsync(Url("04.03", 3), new
        {
            version = mes.GetProperty("version").GetString(),
            actividades = new[] { Fila(codigo, 321, null, "Logro escrito por la API") },
        });
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var despues = await VersionesAsync();
        // Only the activity's row of March changed (or appeared); every other month and activity kept its row version.
        Assert.Equal(antes.Where(x => x.Key != (idA, 3)), despues.Where(x => x.Key != (idA, 3)));
        Assert.NotEqual(antes.GetValueOrDefault((idA, 3)), despues[(idA, 3)]);
        Assert.Equal(321m, await FisicoAsync(codigo, 3));
        var auditadas = await db.Auditoria.AsNoTracking().Where(x => x.Usuario == correo && x.Tabla == "avance_mensual").ToListAsync();
        Assert.All(auditadas, x => Assert.Contains($"actividad_id={idA}", x.Clave));
        if (antes.ContainsKey((idA, 3)))
        {
            var logros = Assert.Single(auditadas, x => x.Campo == "logros");
            Assert.Equal((logrosAntes, "Logro escrito por la API"), (logros.ValorAnterior, logros.ValorNuevo));
        }
        else Assert.Contains(auditadas, x => x.Accion == AccionAuditada.Alta);

        const string resumen = "El trimestre cumplió lo programado gracias a la contratación oportuna del personal operativo.";
        var r2 = await op.PutAsJsonAsync(Url("04.03", 3), new
        {
            version = (await JsonAsync(r)).GetProperty("mes").GetProperty("version").GetString(),
            actividades = Array.Empty<object>(),
            resumenPeriodo = resumen,
        });
        Assert.Equal(HttpStatusCode.OK, r2.StatusCode);
        Assert.Equal(resumen, (await JsonAsync(r2)).GetProperty("mes").GetProperty("resumenPeriodo").GetString());
        Assert.Equal(resumen, await db.ResumenesPeriodo.AsNoTracking()
            .Where(x => db.CentrosCosto.Any(c => c.Id == x.CentroCostoId && c.Codigo == "04.03") && x.PeriodoCodigo == "T1")
            .Select(x => x.Texto).SingleAsync());
    }

    [Fact]
    public async Task SinTokenOConCookie_401EnCastellano()
    {
        var r = await app.ClienteAnonimo().GetAsync(Url("01.02"));
        Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode);
        Assert.Equal("Bearer", r.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Contains("Authorization: Bearer", (await JsonAsync(r)).GetProperty("mensaje").GetString());
        // The session cookie does not open the API (no cross-site writes through a browser).
        Assert.Equal(HttpStatusCode.Unauthorized, (await (await app.ComoAsync(AppDePrueba.Operador)).GetAsync(Url("01.02"))).StatusCode);
        var malo = app.ClienteAnonimo();
        malo.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "sipoi_inventado");
        Assert.Equal(HttpStatusCode.Unauthorized, (await malo.GetAsync(Url("01.02"))).StatusCode);
    }

    [Fact]
    public async Task Get_DaElMesConMetasValoresYEstado_YOtroCentroEs403()
    {
        app.Reloj.Fijar(2024, 2, 5);
        var api = await ConTokenAsync(AppDePrueba.Operador);
        var r = await api.GetAsync(Url("01.02"));
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var mes = await JsonAsync(r);
        Assert.Equal("pendiente", mes.GetProperty("estado").GetString());
        Assert.Equal("2024-02-10", mes.GetProperty("plazo").GetString());
        Assert.True(mes.GetProperty("editable").GetBoolean());
        Assert.Equal(34, mes.GetProperty("actividades").GetArrayLength());
        var fp = mes.GetProperty("actividades").EnumerateArray().Single(a => a.GetProperty("codigo").GetString() == "FP34-09");
        Assert.Equal(150m, fp.GetProperty("metaMes").GetDecimal());
        Assert.Equal(JsonValueKind.Null, fp.GetProperty("ejecutadoFisico").ValueKind);

        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync(Url("03.01"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/api/v1/e/MUNIDEMO/seguimiento/2024/1/01.02")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync(Url("99.99"))).StatusCode);
    }

    [Fact]
    public async Task Put_OtroCentro_403YNadaCambia()
    {
        app.Reloj.Fijar(2024, 2, 5);
        var api = await ConTokenAsync(AppDePrueba.Operador);
        var r = await api.PutAsJsonAsync(Url("03.01"), new { version = "0", actividades = new[] { Fila("FP08-01", 1) } });
        Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode);
        Assert.Contains("Acceso denegado", (await JsonAsync(r)).GetProperty("mensaje").GetString());
        Assert.Null(await FisicoAsync("FP08-01"));
        // A Consulta token reads but does not write.
        var consulta = await ConTokenAsync(AppDePrueba.Consulta);
        Assert.Equal(HttpStatusCode.OK, (await consulta.GetAsync(Url("03.01"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await consulta.PutAsJsonAsync(Url("03.01"), new { version = "0", actividades = new[] { Fila("FP08-01", 1) } })).StatusCode);
        Assert.Null(await FisicoAsync("FP08-01"));
    }

    [Fact]
    public async Task Put_TodoONada_422ConErroresPorFila()
    {
        app.Reloj.Fijar(2024, 2, 5);
        var api = await ConTokenAsync("api0401@prueba.demo", "04.01");
        var r = await api.PutAsJsonAsync(Url("04.01"), new
        {
            version = "0",
            actividades = new[] { Fila("FP13-01", 150), Fila("FP13-02", "12,5"), Fila("FP13-03", -1), Fila("NO-EXISTE", 1), Fila("FP13-04", 1e3) },
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, r.StatusCode);
        var errores = (await JsonAsync(r)).GetProperty("errores").EnumerateArray()
            .Select(e => (e.GetProperty("actividad").GetString(), e.GetProperty("campo").GetString(), e.GetProperty("mensaje").GetString()!)).ToList();
        Assert.Contains(errores, e => e.Item1 == "FP13-02" && e.Item2 == "ejecutadoFisico" && e.Item3.Contains("«12,5» no es un número"));
        Assert.Contains(errores, e => e.Item1 == "FP13-03" && e.Item3.Contains("no puede ser negativa"));
        Assert.Contains(errores, e => e.Item1 == "NO-EXISTE" && e.Item3.Contains("no es del centro de costo 04.01"));
        Assert.Null(await FisicoAsync("FP13-01"));

        var sinVersion = await api.PutAsJsonAsync(Url("04.01"), new { actividades = new[] { Fila("FP13-01", 150) } });
        Assert.Equal(HttpStatusCode.PreconditionRequired, sinVersion.StatusCode);
        Assert.Null(await FisicoAsync("FP13-01"));

        var bien = await api.PutAsJsonAsync(Url("04.01"), new { version = "0", actividades = new[] { Fila("FP13-01", 150), Fila("FP13-02", "4.5", "1,200.50") } });
        Assert.Equal(HttpStatusCode.OK, bien.StatusCode);
        var mes = (await JsonAsync(bien)).GetProperty("mes");
        Assert.NotEqual("0", mes.GetProperty("version").GetString());
        Assert.Equal(150m, await FisicoAsync("FP13-01"));
        Assert.Equal(4.5m, await FisicoAsync("FP13-02"));
    }

    [Fact]
    public async Task Put_DespuesDelPlazo_SeRechazaConElMensajeDelDominio()
    {
        app.Reloj.Fijar(2024, 2, 11);
        var api = await ConTokenAsync("api0402@prueba.demo", "04.02");
        var r = await api.PutAsJsonAsync(Url("04.02"), new { version = "0", actividades = new[] { Fila("FP26-01", 30) } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, r.StatusCode);
        Assert.Equal("El plazo para registrar enero de 2024 venció el 10/02/2024.", (await JsonAsync(r)).GetProperty("mensaje").GetString());
        Assert.Null(await FisicoAsync("FP26-01"));
    }

    [Fact]
    public async Task Put_ConVersionVieja_409ConElCambioAjenoYNoSobrescribe()
    {
        app.Reloj.Fijar(2024, 2, 5);
        var ana = await ConTokenAsync("api-ana@prueba.demo", "04.03");
        var beto = await ConTokenAsync("api-beto@prueba.demo", "04.03");
        var version = (await JsonAsync(await beto.GetAsync(Url("04.03")))).GetProperty("version").GetString();
        Assert.Equal(HttpStatusCode.OK, (await ana.PutAsJsonAsync(Url("04.03"), new { version, actividades = new[] { Fila("FP28-01", 900) } })).StatusCode);
        var r = await beto.PutAsJsonAsync(Url("04.03"), new { version, actividades = new[] { Fila("FP28-01", 950) } });
        Assert.Equal(HttpStatusCode.Conflict, r.StatusCode);
        var c = await JsonAsync(r);
        Assert.StartsWith("Modificado por api-ana@prueba.demo", c.GetProperty("ultimoCambio").GetString());
        var cambio = c.GetProperty("cambios").EnumerateArray().Single();
        Assert.Equal("FP28-01", cambio.GetProperty("codigo").GetString());
        Assert.Equal(900m, cambio.GetProperty("ejecutadoFisico").GetDecimal());
        Assert.Equal(900m, await FisicoAsync("FP28-01"));
        // With the current version the change goes in.
        var ahora = c.GetProperty("versionActual").GetString();
        Assert.Equal(HttpStatusCode.OK, (await beto.PutAsJsonAsync(Url("04.03"), new { version = ahora, actividades = new[] { Fila("FP28-01", 950) } })).StatusCode);
        Assert.Equal(950m, await FisicoAsync("FP28-01"));
    }

    [Fact]
    public async Task EnviarObservarYAprobar_ConLasMismasReglasQueLaGrilla()
    {
        app.Reloj.Fijar(2024, 2, 5);
        var op = await ConTokenAsync("api0204@prueba.demo", "02.04");
        var opp = await ConTokenAsync(AppDePrueba.Planificador);

        // Nothing registered: the submission lists every missing value.
        var r = await op.PostAsync(Url("02.04") + "/enviar", null);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, r.StatusCode);
        var errores = (await JsonAsync(r)).GetProperty("errores").EnumerateArray().Select(e => e.GetProperty("mensaje").GetString()).ToList();
        Assert.Contains("Actividad FP07-01, enero de 2024: falta registrar la ejecución física (meta del mes: 1).", errores);
        Assert.Contains("Actividad FP07-04, enero de 2024: falta registrar la ejecución física (meta del mes: 1).", errores);

        // 0 of 1 needs the three texts.
        var mes = await JsonAsync(await op.GetAsync(Url("02.04")));
        var put = await op.PutAsJsonAsync(Url("02.04"), new
        {
            version = mes.GetProperty("version").GetString(),
            actividades = new[] { Fila("FP07-01", 1), Fila("FP07-04", 0) },
        });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.True((await JsonAsync(put)).GetProperty("mes").GetProperty("actividades").EnumerateArray()
            .Single(a => a.GetProperty("codigo").GetString() == "FP07-04").GetProperty("justificacionRequerida").GetBoolean());
        var sinTextos = await op.PostAsync(Url("02.04") + "/enviar", null);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, sinTextos.StatusCode);
        Assert.Contains("faltan los logros", await sinTextos.Content.ReadAsStringAsync());
        mes = await JsonAsync(await op.GetAsync(Url("02.04")));
        Assert.Equal(HttpStatusCode.OK, (await op.PutAsJsonAsync(Url("02.04"), new
        {
            version = mes.GetProperty("version").GetString(),
            actividades = new[] { Fila("FP07-04", 0, null, "Ninguno", "Falta de personal", "Se programa para febrero") },
        })).StatusCode);
        var enviado = await op.PostAsync(Url("02.04") + "/enviar", null);
        Assert.Equal(HttpStatusCode.OK, enviado.StatusCode);
        Assert.Equal("enviado", (await JsonAsync(enviado)).GetProperty("mes").GetProperty("estado").GetString());

        // The operator does not review; the planner observes only with a text.
        Assert.Equal(HttpStatusCode.Forbidden, (await op.PostAsJsonAsync(Url("02.04") + "/aprobar", new { })).StatusCode);
        var vacia = await opp.PostAsJsonAsync(Url("02.04") + "/observar", new { observacion = "" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, vacia.StatusCode);
        Assert.Contains("escriba la observación", (await JsonAsync(vacia)).GetProperty("mensaje").GetString());
        var obs = await opp.PostAsJsonAsync(Url("02.04") + "/observar", new { observacion = "Falta el acta" });
        Assert.Equal(HttpStatusCode.OK, obs.StatusCode);
        Assert.Equal("observado", (await JsonAsync(obs)).GetProperty("mes").GetProperty("estado").GetString());
        Assert.Equal("Falta el acta", (await JsonAsync(await op.GetAsync(Url("02.04")))).GetProperty("observacion").GetString());

        Assert.Equal(HttpStatusCode.OK, (await op.PostAsync(Url("02.04") + "/enviar", null)).StatusCode);
        var aprobado = await opp.PostAsJsonAsync(Url("02.04") + "/aprobar", new { });
        Assert.Equal(HttpStatusCode.OK, aprobado.StatusCode);
        Assert.Equal("aprobado", (await JsonAsync(aprobado)).GetProperty("mes").GetProperty("estado").GetString());

        mes = await JsonAsync(await op.GetAsync(Url("02.04")));
        Assert.False(mes.GetProperty("editable").GetBoolean());
        var tarde = await op.PutAsJsonAsync(Url("02.04"), new { version = mes.GetProperty("version").GetString(), actividades = new[] { Fila("FP07-01", 2) } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tarde.StatusCode);
        Assert.Equal("El seguimiento de enero de 2024 está aprobado y es de solo lectura.", (await JsonAsync(tarde)).GetProperty("mensaje").GetString());
        Assert.Equal(1m, await FisicoAsync("FP07-01"));

        // Evidence listed in the month downloads with the same token; an operator of another centre gets 403.
        await using (var dbEv = app.Base.Contexto())
        {
            var actividad = await dbEv.Actividades.SingleAsync(a => a.Codigo == "FP07-04");
            dbEv.Evidencias.Add(new Sipoi.Web.Seguimiento.ArchivoEvidencia(actividad.EntidadId, actividad.Id, 1, "acta.pdf", TipoEvidencia.Pdf,
                Sipoi.Web.Tests.Seguimiento.EvidenciaTests.Pdf, "api0204@prueba.demo", DateTimeOffset.UtcNow));
            await dbEv.SaveChangesAsync();
        }
        var url = (await JsonAsync(await op.GetAsync(Url("02.04")))).GetProperty("actividades").EnumerateArray()
            .Single(a => a.GetProperty("codigo").GetString() == "FP07-04").GetProperty("evidencias")[0].GetProperty("url").GetString();
        var archivo = await op.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, archivo.StatusCode);
        Assert.Equal("application/pdf", archivo.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", archivo.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await ConTokenAsync(AppDePrueba.Operador)).GetAsync(url)).StatusCode);

        await using var db = app.Base.Contexto();
        Assert.Equal(EstadoSeguimiento.Aprobado, (await db.Seguimientos.SingleAsync(s => s.Mes == 1
            && db.CentrosCosto.Any(c => c.Id == s.CentroCostoId && c.Codigo == "02.04"))).Estado);
    }
}
