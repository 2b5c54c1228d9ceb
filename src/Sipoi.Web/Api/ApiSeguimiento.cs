using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Data;
using Sipoi.Web.Seguimiento;
using Sipoi.Web.Seguridad;

namespace Sipoi.Web.Api;

/// <summary>
/// /api/v1: the monthly monitoring for other systems (docs/api.md). The same operations, rules and
/// permissions as the grid (RegistroSeguimiento, PermisosSeguimiento); authentication by personal
/// token only. Errors are JSON in Spanish: 401, 403, 404, 409 (someone else changed the month since
/// the version sent), 422 (invalid values per row and field, or a workflow rule refuses), 428 (PUT without version).
/// </summary>
public static class ApiSeguimiento
{
    /// <summary>The download route's name: the month lists each evidence with its URL generated from this route.</summary>
    private const string RutaEvidencia = "api-evidencia";

    public static IEndpointRouteBuilder MapApiSeguimiento(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization(Politicas.Api);
        api.MapGet("/yo", (ClaimsPrincipal u) => Results.Ok(new
        {
            usuario = u.Identity?.Name,
            nombre = u.NombreVisible(),
            entidad = u.CodigoEntidad(),
            roles = Roles.Todos.Where(u.IsInRole).ToList(),
        }));
        var mes = api.MapGroup("/e/{entidad}/seguimiento/{anio:int}/{mes:int}/{centro}");
        mes.MapGet("", LeerAsync);
        mes.MapPut("", GuardarAsync);
        mes.MapPost("/enviar", EnviarAsync);
        mes.MapGet("/evidencia/{id:long}", DescargarAsync).WithName(RutaEvidencia);
        // Multipart upload with a Bearer token: no cookie, so no antiforgery; the size limit is the evidence options'.
        mes.MapPost("/evidencia", AdjuntarAsync).DisableAntiforgery()
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(
                app.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<OpcionesEvidencia>>().Value.LimiteSolicitud));
        mes.MapDelete("/evidencia/{id:long}", QuitarAsync);
        mes.MapPost("/aprobar", (HttpContext h, string entidad, int anio, int mes, string centro, SipoiDbContext db, TimeProvider reloj, CancellationToken ct) =>
            RevisarAsync(h, entidad, anio, mes, centro, AccionRevision.Aprobar, db, reloj, ct));
        mes.MapPost("/observar", (HttpContext h, string entidad, int anio, int mes, string centro, SipoiDbContext db, TimeProvider reloj, CancellationToken ct) =>
            RevisarAsync(h, entidad, anio, mes, centro, AccionRevision.Observar, db, reloj, ct));
        mes.MapPost("/reabrir", (HttpContext h, string entidad, int anio, int mes, string centro, SipoiDbContext db, TimeProvider reloj, CancellationToken ct) =>
            RevisarAsync(h, entidad, anio, mes, centro, AccionRevision.Reabrir, db, reloj, ct));
        mes.MapPost("/validar", (HttpContext h, string entidad, int anio, int mes, string centro, SipoiDbContext db, TimeProvider reloj, CancellationToken ct) =>
            JefaturaAsync(h, entidad, anio, mes, centro, AccionRevision.Validar, db, reloj, ct));
        mes.MapPost("/observar-jefatura", (HttpContext h, string entidad, int anio, int mes, string centro, SipoiDbContext db, TimeProvider reloj, CancellationToken ct) =>
            JefaturaAsync(h, entidad, anio, mes, centro, AccionRevision.ObservarJefatura, db, reloj, ct));
        return app;
    }

    // ---------- request bodies ----------

    /// <summary>
    /// PUT body: the month's version read with GET, and the activities to set (others keep their values); on a quarter's last
    /// month, optionally the centre's summary of the period (absent: kept as it is; blank: removed).
    /// </summary>
    public sealed record CuerpoGuardar(string? Version, List<CuerpoActividad>? Actividades, string? ResumenPeriodo = null);

    /// <summary>
    /// One activity's month. Numbers as JSON numbers (12.5) or as the offices write them ("1,234.50");
    /// null or absent clears the field.
    /// </summary>
    public sealed record CuerpoActividad(string? Codigo, JsonElement? EjecutadoFisico, JsonElement? EjecutadoFinanciero,
        string? Logros, string? Dificultades, string? MedidasCorrectivas);

    /// <summary>POST bodies (all optional): the version read (checked when given), the observation, the reopening.</summary>
    public sealed record CuerpoAccion(string? Version, string? Observacion, string? Motivo, DateOnly? NuevoPlazo);

    // ---------- handlers ----------

    private static async Task<IResult> LeerAsync(HttpContext h, string entidad, int anio, int mes, string centro, SipoiDbContext db,
        TimeProvider reloj, CancellationToken ct)
    {
        var (m, registrar, no) = await CargarAsync(h, entidad, anio, mes, centro, db, ct, soloLectura: true);
        if (no is not null) return no;
        return Results.Ok(await VistaAsync(h, db, m!, registrar, reloj, ct));
    }

    private static async Task<IResult> DescargarAsync(HttpContext h, string entidad, int anio, int mes, string centro, long id, SipoiDbContext db,
        CancellationToken ct)
    {
        var (m, _, no) = await CargarAsync(h, entidad, anio, mes, centro, db, ct, soloLectura: true);
        if (no is not null) return no;
        var ids = m!.Filas.Select(f => f.Actividad.Id).ToList();
        var archivo = await db.Evidencias.AsNoTracking().Where(e => e.Id == id && e.Mes == m.Mes && ids.Contains(e.ActividadId))
            .Select(e => new { e.Nombre, e.Tipo, e.Contenido }).SingleOrDefaultAsync(ct);
        if (archivo is null) return Error(404, $"No existe la evidencia {id} en este mes y centro de costo.");
        h.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.File(archivo.Contenido, archivo.Tipo.Mime(), archivo.Nombre);
    }

    private static async Task<IResult> AdjuntarAsync(HttpContext h, string entidad, int anio, int mes, string centro, string? actividad,
        SipoiDbContext db, TimeProvider reloj, Microsoft.Extensions.Options.IOptions<OpcionesEvidencia> opciones, CancellationToken ct)
    {
        var (m, registrar, no) = await CargarAsync(h, entidad, anio, mes, centro, db, ct);
        if (no is not null) return no;
        if (!registrar) return Prohibido();
        var o = opciones.Value;
        if (!h.Request.HasFormContentType)
            return Error(415, "Envíe los archivos como multipart/form-data en el campo «archivos» (curl -F archivos=@informe.pdf).");
        if (h.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limite)
            limite.MaxRequestBodySize = o.LimiteSolicitud;
        IFormCollection formulario;
        try
        {
            formulario = await h.Request.ReadFormAsync(ct);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
        {
            return Error(413, $"La solicitud supera el límite: hasta {Plural.Conteo(o.ArchivosPorEnvio, "archivo", "archivos")} de {o.LimiteTexto}{(o.ArchivosPorEnvio == 1 ? "" : " cada uno")}.");
        }
        var recibidos = await AdjuntarEvidencia.RecibirAsync(formulario.Files, o, ct);
        var r = await AdjuntarEvidencia.AdjuntarAsync(db, m!, actividad, recibidos, o, PermisosSeguimiento.Usuario(h.User), reloj.GetUtcNow(), ct);
        if (!r.Exito) return Error(422, r.Error!);
        return Results.Json(new
        {
            mensaje = r.Mensaje,
            evidencias = r.Adjuntos.Select(e => new { id = e.Id, actividad, nombre = e.Nombre, tipo = e.Tipo.Mime(), tamano = e.Tamano }),
        }, JsonSerializerOptions.Web, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> QuitarAsync(HttpContext h, string entidad, int anio, int mes, string centro, long id, SipoiDbContext db,
        TimeProvider reloj, CancellationToken ct)
    {
        var (m, registrar, no) = await CargarAsync(h, entidad, anio, mes, centro, db, ct);
        if (no is not null) return no;
        if (!registrar) return Prohibido();
        var (archivo, error) = await AdjuntarEvidencia.QuitarAsync(db, m!, id, reloj.GetUtcNow(), ct);
        if (archivo is null) return Error(404, $"No existe la evidencia {id} en este mes y centro de costo.");
        return error is not null ? Error(422, error) : Results.Ok(new { mensaje = $"Se quitó «{archivo.Nombre}»." });
    }

    private static async Task<IResult> GuardarAsync(HttpContext h, string entidad, int anio, int mes, string centro, SipoiDbContext db,
        TimeProvider reloj, CancellationToken ct)
    {
        // Read without tracking: the save attaches only the rows it changes (RegistroSeguimiento); a period summary needs the
        // tracked month, read again below.
        var (m, registrar, no) = await CargarAsync(h, entidad, anio, mes, centro, db, ct, soloLectura: true);
        if (no is not null) return no;
        if (!registrar) return Prohibido();
        CuerpoGuardar? cuerpo;
        try { cuerpo = await h.Request.ReadFromJsonAsync<CuerpoGuardar>(JsonSerializerOptions.Web, ct); }
        catch (JsonException e) { return Error(400, $"El cuerpo no es JSON válido: {e.Message}"); }
        if (cuerpo is null) return Error(400, "Falta el cuerpo JSON con «version» y «actividades».");
        if (Version(cuerpo.Version) is not { } version)
            return Error(StatusCodes.Status428PreconditionRequired,
                "Falta «version»: lea el mes con GET y envíe su «version», así no se sobrescribe un cambio que usted no vio.");
        if (cuerpo.ResumenPeriodo is not null
            && await MesSeguimiento.CargarAsync(db, entidad, anio, mes, centro, ct) is { } conSeguimiento) m = conSeguimiento;
        var entradas = (cuerpo.Actividades ?? []).Select(a => new EntradaAvance(a.Codigo ?? "", Texto(a.EjecutadoFisico), Texto(a.EjecutadoFinanciero),
            a.Logros, a.Dificultades, a.MedidasCorrectivas)).ToList();
        var r = await RegistroSeguimiento.GuardarAsync(db, m!, version, entradas, false, PermisosSeguimiento.Usuario(h.User), reloj.GetUtcNow(), ct,
            cuerpo.ResumenPeriodo);
        // A save answers with the month it just saved (m: new version, values as the database holds them), not read again.
        if (r.Tipo == TipoResultado.Hecho) return Results.Ok(new { mensaje = r.Mensaje, mes = await VistaAsync(h, db, m!, registrar, reloj, ct) });
        return await RespuestaAsync(h, entidad, anio, mes, centro, db, reloj, r, ct);
    }

    private static async Task<IResult> EnviarAsync(HttpContext h, string entidad, int anio, int mes, string centro, SipoiDbContext db,
        TimeProvider reloj, CancellationToken ct)
    {
        var (m, registrar, no) = await CargarAsync(h, entidad, anio, mes, centro, db, ct);
        if (no is not null) return no;
        if (!registrar) return Prohibido();
        var (cuerpo, malo) = await AccionAsync(h, ct);
        if (malo is not null) return malo;
        var r = await RegistroSeguimiento.GuardarAsync(db, m!, Version(cuerpo.Version) ?? m!.Version, [], true, PermisosSeguimiento.Usuario(h.User),
            reloj.GetUtcNow(), ct);
        return await RespuestaAsync(h, entidad, anio, mes, centro, db, reloj, r, ct);
    }

    private static async Task<IResult> RevisarAsync(HttpContext h, string entidad, int anio, int mes, string centro, AccionRevision accion,
        SipoiDbContext db, TimeProvider reloj, CancellationToken ct)
    {
        var (m, _, no) = await CargarAsync(h, entidad, anio, mes, centro, db, ct);
        if (no is not null) return no;
        if (!PermisosSeguimiento.PuedeRevisar(h.User)) return Prohibido();
        var (cuerpo, malo) = await AccionAsync(h, ct);
        if (malo is not null) return malo;
        var texto = accion == AccionRevision.Observar ? cuerpo.Observacion : cuerpo.Motivo;
        var r = await RegistroSeguimiento.RevisarAsync(db, m!, accion, texto, cuerpo.NuevoPlazo, Version(cuerpo.Version),
            PermisosSeguimiento.Usuario(h.User), reloj.GetUtcNow(), ct);
        return await RespuestaAsync(h, entidad, anio, mes, centro, db, reloj, r, ct);
    }

    /// <summary>The head of the parent centre validates or observes (entity setting validacionJefatura); a quarterly entity's quarter as one.</summary>
    private static async Task<IResult> JefaturaAsync(HttpContext h, string entidad, int anio, int mes, string centro, AccionRevision accion,
        SipoiDbContext db, TimeProvider reloj, CancellationToken ct)
    {
        if (await MesSeguimiento.CargarAsync(db, entidad, anio, mes, centro, ct) is not { } m)
            return Error(404, $"No existe el seguimiento {entidad} {anio}/{mes} del centro de costo «{centro}» (entidad, POI del año, mes o centro).");
        if (!await PermisosSeguimiento.EsJefaturaAsync(h.User, db, m.Centro, ct)) return Prohibido();
        var (cuerpo, malo) = await AccionAsync(h, ct);
        if (malo is not null) return malo;
        var r = await RegistroSeguimiento.RevisarAsync(db, m, accion, cuerpo.Observacion, null, Version(cuerpo.Version),
            PermisosSeguimiento.Usuario(h.User), reloj.GetUtcNow(), ct);
        return await RespuestaAsync(h, entidad, anio, mes, centro, db, reloj, r, ct);
    }

    // ---------- helpers ----------

    /// <summary>The month, and whether the user may register it (asked once per request, PermisosSeguimiento.DelCentroAsync).</summary>
    /// <param name="soloLectura">A read (GET): the month is loaded without tracking (MesSeguimiento.CargarAsync).</param>
    private static async Task<(MesSeguimiento? Mes, bool Registrar, IResult? No)> CargarAsync(HttpContext h, string entidad, int anio, int mes,
        string centro, SipoiDbContext db, CancellationToken ct, bool soloLectura = false)
    {
        if (await MesSeguimiento.CargarAsync(db, entidad, anio, mes, centro, ct, soloLectura) is not { } m)
            return (null, false, Error(404, $"No existe el seguimiento {entidad} {anio}/{mes} del centro de costo «{centro}» (entidad, POI del año, mes o centro)."));
        var (ver, registrar) = await PermisosSeguimiento.DelCentroAsync(h.User, db, m.Centro.Id, ct);
        return ver ? (m, registrar, null) : (null, false, Prohibido());
    }

    private static async Task<(CuerpoAccion Cuerpo, IResult? Malo)> AccionAsync(HttpContext h, CancellationToken ct)
    {
        if (h.Request.ContentLength is 0 || !h.Request.HasJsonContentType()) return (new CuerpoAccion(null, null, null, null), null);
        try { return ((await h.Request.ReadFromJsonAsync<CuerpoAccion>(JsonSerializerOptions.Web, ct)) ?? new CuerpoAccion(null, null, null, null), null); }
        catch (JsonException e) { return (new CuerpoAccion(null, null, null, null), Error(400, $"El cuerpo no es JSON válido: {e.Message}")); }
    }

    /// <summary>The answer to a write: the month as it is now (200), or why not (409, 422).</summary>
    private static async Task<IResult> RespuestaAsync(HttpContext h, string entidad, int anio, int mes, string centro, SipoiDbContext db,
        TimeProvider reloj, ResultadoSeguimiento r, CancellationToken ct)
    {
        switch (r.Tipo)
        {
            case TipoResultado.Hecho:
                db.ChangeTracker.Clear();
                var m = await MesSeguimiento.CargarAsync(db, entidad, anio, mes, centro, ct);
                var registrar = await PermisosSeguimiento.PuedeRegistrarAsync(h.User, db, m!.Centro.Id, ct);
                return Results.Ok(new { mensaje = r.Mensaje, mes = await VistaAsync(h, db, m, registrar, reloj, ct) });
            case TipoResultado.Conflicto:
                return Results.Json(new
                {
                    mensaje = r.Mensaje,
                    ultimoCambio = r.Conflicto?.Descripcion,
                    versionActual = r.Conflicto?.VersionActual.ToString(CultureInfo.InvariantCulture),
                    cambios = r.Conflicto?.Cambios.Select(c => new
                    {
                        codigo = c.Codigo,
                        ejecutadoFisico = c.Fisico,
                        ejecutadoFinanciero = c.Financiero,
                        logros = c.Logros,
                        dificultades = c.Dificultades,
                        medidasCorrectivas = c.MedidasCorrectivas,
                    }),
                }, JsonSerializerOptions.Web, statusCode: StatusCodes.Status409Conflict);
            default:
                // Invalid values, a submission with problems, or a workflow rule (deadline, state, missing text): 422.
                return Results.Json(new
                {
                    mensaje = r.Mensaje,
                    errores = r.Problemas.Select(p => new { actividad = p.CodigoActividad, campo = JsonNamingPolicy.CamelCase.ConvertName(p.Campo), mensaje = p.Mensaje }),
                }, JsonSerializerOptions.Web, statusCode: StatusCodes.Status422UnprocessableEntity);
        }
    }

    private static async Task<object> VistaAsync(HttpContext h, SipoiDbContext db, MesSeguimiento m, bool puedeRegistrar, TimeProvider reloj,
        CancellationToken ct)
    {
        var hoy = Plazos.Hoy(reloj.GetUtcNow());
        var s = m.Seguimiento;
        var enlaces = h.RequestServices.GetRequiredService<LinkGenerator>();
        var bandas = ConfiguracionEvaluacion.Desde(m.Configuracion).Bandas;
        var ids = m.Filas.Select(f => f.Actividad.Id).ToList();
        var lista = new List<EvidenciaListada>();
        await foreach (var e in EvidenciasDelMes.Para(db)(db, ids, m.Mes).WithCancellation(ct)) lista.Add(e);
        var archivos = lista.ToLookup(e => e.ActividadId);
        object? Porcentaje(EjecucionPeriodo e) => e.Banda(bandas) is { } b ? new { valor = e.Porcentaje, banda = b.Codigo() } : null;
        return new
        {
            entidad = m.Entidad.Codigo,
            anio = m.Anio,
            mes = m.Mes,
            centro = new { codigo = m.Centro.Codigo, nombre = m.Centro.Nombre },
            estado = m.EstadoTablero(hoy).Codigo(),
            estadoFlujo = s.Estado.Nombre().ToLowerInvariant(),
            plazo = m.Plazo,
            ritmoReporte = m.Configuracion.Ritmo == RitmoReporte.Trimestral ? "trimestral" : "mensual",
            trimestre = m.Configuracion.Ritmo == RitmoReporte.Trimestral ? m.MesDelAnio.Trimestre : (int?)null,
            validadoPor = s.ValidadoPor,
            resumenPeriodo = m.Resumen?.Texto,
            editable = puedeRegistrar && m.MotivoNoEditable(hoy) is null,
            motivoNoEditable = m.MotivoNoEditable(hoy),
            observacion = s.Observacion,
            reapertura = s.Reapertura is { } r ? new { motivo = r.Motivo, nuevoPlazo = r.NuevoPlazo, usuario = r.Usuario, fecha = r.Fecha } : null,
            ultimoCambio = s.DescribirUltimoCambio(),
            version = m.Version.ToString(CultureInfo.InvariantCulture),
            actividades = m.Filas.Select(f =>
            {
                var c = f.Cifras(m.Mes);
                var d = f.Registrado(m.Mes);
                var delMes = f.DelMes(m.Mes);
                return new
                {
                    codigo = f.Actividad.Codigo,
                    nombre = f.Actividad.Nombre,
                    unidadMedida = f.Actividad.UnidadMedida,
                    metaMes = c.DelMes.Programado,
                    metaFinancieraMes = c.MetaFinancieraMes,
                    metaAcumulada = c.Acumulado.Programado,
                    ejecutadoAcumulado = c.Acumulado.Ejecutado,
                    porcentajeMes = Porcentaje(c.DelMes),
                    porcentajeAcumulado = Porcentaje(c.Acumulado),
                    justificacionRequerida = Justificacion.Requerida(delMes.MetaMes, d.Fisico, m.Configuracion),
                    ejecutadoFisico = d.Fisico,
                    ejecutadoFinanciero = d.Financiero,
                    logros = d.Logros,
                    dificultades = d.Dificultades,
                    medidasCorrectivas = d.MedidasCorrectivas,
                    evidencias = archivos[f.Actividad.Id].Select(e => new
                    {
                        id = e.Id,
                        nombre = e.Nombre,
                        tipo = e.Tipo.Mime(),
                        tamano = e.Tamano,
                        subidoPor = e.SubidoPor,
                        subidoEn = e.SubidoEn,
                        url = enlaces.GetPathByName(h, RutaEvidencia, new { entidad = m.Entidad.Codigo, anio = m.Anio, mes = m.Mes, centro = m.Centro.Codigo, id = e.Id }),
                    }),
                };
            }),
        };
    }

    private sealed record EvidenciaListada(long Id, int ActividadId, string Nombre, TipoEvidencia Tipo, long Tamano, string SubidoPor,
        DateTimeOffset SubidoEn);

    /// <summary>The month's evidence files (no content), compiled once: every read and save of the API lists them.</summary>
    private static readonly ConsultaCompilada<Func<SipoiDbContext, List<int>, int, IAsyncEnumerable<EvidenciaListada>>> EvidenciasDelMes = new(() =>
        EF.CompileAsyncQuery((SipoiDbContext db, List<int> ids, int mes) =>
            db.Evidencias.AsNoTracking().Where(e => ids.Contains(e.ActividadId) && e.Mes == mes).OrderBy(e => e.Id)
                .Select(e => new EvidenciaListada(e.Id, e.ActividadId, e.Nombre, e.Tipo, e.Tamano, e.SubidoPor, e.SubidoEn))));

    /// <summary>A JSON value as the text the domain's reader parses (numbers keep their exact digits).</summary>
    private static string? Texto(JsonElement? e) => e switch
    {
        null => null,
        { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => null,
        { ValueKind: JsonValueKind.String } s => s.GetString(),
        { } otro => otro.GetRawText(),
    };

    private static uint? Version(string? texto) =>
        uint.TryParse(texto, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;

    private static IResult Prohibido() =>
        Error(StatusCodes.Status403Forbidden, "Acceso denegado: su usuario no puede hacer esto con este centro de costo.");

    private static IResult Error(int estado, string mensaje) => Results.Json(new { mensaje }, JsonSerializerOptions.Web, statusCode: estado);
}
