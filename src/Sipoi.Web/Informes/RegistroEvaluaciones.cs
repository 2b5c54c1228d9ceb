using Microsoft.EntityFrameworkCore;
using Sipoi.Interop.Evaluacion;
using Sipoi.Interop.Reportes;
using Sipoi.Web.Avisos;
using Sipoi.Web.Data;
using Sipoi.Web.Entidades;
using Sipoi.Web.Evaluacion;
using Sipoi.Web.Reportes;

namespace Sipoi.Web.Informes;

/// <summary>
/// The planning office's evaluations of a POI year: registering one, its recommendations (matriz de
/// compromisos), the follow-up of earlier recommendations, and publishing it with frozen files. Every
/// change is one SaveChanges (one transaction): a multi-row follow-up saves whole or not at all.
/// See README.md in this folder.
/// </summary>
public static class RegistroEvaluaciones
{
    /// <summary>The files a publication freezes, in the order the public page lists them.</summary>
    public const string ArchivoInforme = "informe.docx";
    public const string ArchivoSeguimiento = "seguimiento.xlsx";
    public const string ArchivoJson = "evaluacion.json";

    public static async Task<EvaluacionPoi> RegistrarAsync(SipoiDbContext db, int entidadId, int anio, Periodo periodo, CancellationToken ct)
    {
        var evaluacion = new EvaluacionPoi(entidadId, anio, periodo);
        if (!await db.Pois.AnyAsync(p => p.EntidadId == entidadId && p.Anio == anio, ct))
            throw new ReglaDominioException($"No hay POI {anio}: registre o importe el POI antes de su evaluación.");
        if (await db.Evaluaciones.AnyAsync(e => e.EntidadId == entidadId && e.Anio == anio && e.PeriodoCodigo == evaluacion.PeriodoCodigo, ct))
            throw new ReglaDominioException($"La {evaluacion.NombreEnFrase} ya está registrada.");
        db.Evaluaciones.Add(evaluacion);
        await db.SaveChangesAsync(ct);
        return evaluacion;
    }

    public static Task<EvaluacionPoi?> BuscarAsync(SipoiDbContext db, int entidadId, int anio, Periodo periodo, CancellationToken ct)
    {
        var codigo = periodo.Codigo;
        return db.Evaluaciones.SingleOrDefaultAsync(e => e.EntidadId == entidadId && e.Anio == anio && e.PeriodoCodigo == codigo, ct);
    }

    /// <summary>Order (<see cref="EvaluacionPoi.Orden"/>) of every registered evaluation of the entity, by id.</summary>
    public static async Task<Dictionary<int, int>> OrdenesAsync(SipoiDbContext db, int entidadId, CancellationToken ct) =>
        (await db.Evaluaciones.AsNoTracking().Where(e => e.EntidadId == entidadId)
            .Select(e => new { e.Id, e.Anio, e.PeriodoCodigo }).ToListAsync(ct))
        .ToDictionary(e => e.Id, e => EvaluacionPoi.OrdenDe(e.Anio, Periodo.Parse(e.PeriodoCodigo)));

    public static async Task<Recomendacion> AgregarRecomendacionAsync(SipoiDbContext db, EvaluacionPoi evaluacion,
        DatosRecomendacion datos, CancellationToken ct)
    {
        await VerificarUnidadesAsync(db, evaluacion.EntidadId, datos.Unidades, ct);
        var numero = 1 + (await db.Recomendaciones.Where(r => r.EvaluacionId == evaluacion.Id).MaxAsync(r => (int?)r.Numero, ct) ?? 0);
        var r = new Recomendacion(evaluacion, numero, datos, await PeiEvaluadoAsync(db, evaluacion, datos, ct));
        db.Recomendaciones.Add(r);
        await db.SaveChangesAsync(ct);
        return r;
    }

    public static async Task ActualizarRecomendacionAsync(SipoiDbContext db, EvaluacionPoi evaluacion, int recomendacionId,
        DatosRecomendacion datos, CancellationToken ct)
    {
        var r = await db.Recomendaciones.Include(x => x.Responsables).SingleOrDefaultAsync(x => x.Id == recomendacionId && x.EvaluacionId == evaluacion.Id, ct)
            ?? throw new ReglaDominioException("La recomendación no existe en esta evaluación.");
        await VerificarUnidadesAsync(db, evaluacion.EntidadId, datos.Unidades, ct);
        r.Actualizar(evaluacion, datos, await PeiEvaluadoAsync(db, evaluacion, datos, ct));
        await db.SaveChangesAsync(ct);
    }

    /// <param name="confirmar">False: every check, nothing removed (the page's confirmation step); the recommendation is returned.</param>
    public static async Task<Recomendacion> EliminarRecomendacionAsync(SipoiDbContext db, EvaluacionPoi evaluacion, int recomendacionId, CancellationToken ct,
        bool confirmar = true)
    {
        evaluacion.VerificarEditable("sus recomendaciones");
        var r = await db.Recomendaciones.Include(x => x.Seguimiento).Include(x => x.Responsables)
            .SingleOrDefaultAsync(x => x.Id == recomendacionId && x.EvaluacionId == evaluacion.Id, ct)
            ?? throw new ReglaDominioException("La recomendación no existe en esta evaluación.");
        if (r.Seguimiento.Count > 0)
            throw new ReglaDominioException($"La recomendación {r.Numero} ya tiene seguimiento en evaluaciones posteriores: no se puede eliminar.");
        if (!confirmar) return r;
        db.Recomendaciones.Remove(r);
        await db.SaveChangesAsync(ct);
        return r;
    }

    /// <summary>
    /// The recommendations of earlier evaluations that the evaluation of order <paramref name="orden"/> follows up, oldest first,
    /// each with the status as of this evaluation.
    /// </summary>
    public static async Task<List<(Recomendacion Recomendacion, EvaluacionPoi Origen, SeguimientoRecomendacion? Seguimiento)>> AnterioresAsync(
        SipoiDbContext db, int entidadId, int orden, CancellationToken ct, bool seguimiento = true)
    {
        var ordenes = await OrdenesAsync(db, entidadId, ct);
        var anteriores = ordenes.Where(o => o.Value < orden).Select(o => o.Key).ToList();
        var evaluaciones = await db.Evaluaciones.Where(e => anteriores.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
        var recomendaciones = await db.Recomendaciones.Include(r => r.Seguimiento).Include(r => r.Responsables).AsSplitQuery()
            .Where(r => anteriores.Contains(r.EvaluacionId)).ToListAsync(ct);
        return recomendaciones
            .OrderBy(r => ordenes[r.EvaluacionId]).ThenBy(r => r.Numero)
            .Select(r => (r, evaluaciones[r.EvaluacionId], seguimiento ? r.SeguimientoAl(orden, ordenes) : null))
            .ToList();
    }

    /// <summary>
    /// Saves the follow-up of every earlier recommendation in one go: each row's status and comment as of this
    /// evaluation. Any invalid row refuses the whole save; the message names the recommendation.
    /// </summary>
    public static async Task GuardarSeguimientoAsync(SipoiDbContext db, EvaluacionPoi evaluacion,
        IReadOnlyList<(int RecomendacionId, EstadoRecomendacion Estado, string? Comentario)> filas, CancellationToken ct)
    {
        evaluacion.VerificarEditable("el seguimiento de recomendaciones");
        var anteriores = (await AnterioresAsync(db, evaluacion.EntidadId, evaluacion.Orden, ct, seguimiento: false))
            .ToDictionary(x => x.Recomendacion.Id);
        var errores = new List<string>();
        foreach (var (id, estado, comentario) in filas)
        {
            if (!anteriores.TryGetValue(id, out var x))
            {
                errores.Add($"La recomendación {id} no es de una evaluación anterior de esta entidad.");
                continue;
            }
            try { x.Recomendacion.RegistrarSeguimiento(x.Origen, evaluacion, estado, comentario); }
            catch (ReglaDominioException e) { errores.Add($"{x.Origen.Nombre}, recomendación {x.Recomendacion.Numero}: {e.Message}"); }
        }
        if (errores.Count > 0)
        {
            db.ChangeTracker.Clear();
            throw new ReglaDominioException(string.Join(" ", errores));
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Every check of <see cref="PublicarAsync"/> before it writes anything (the web's confirmation step asks it first):
    /// the data it would publish (approved months only), the entity's code and the period's completeness.
    /// </summary>
    public static async Task<(DatosReporte Datos, string Codigo, Completitud Completitud)> VerificarPublicacionAsync(SipoiDbContext db,
        EvaluacionPoi evaluacion, bool confirmarIncompleta, string? motivoIncompleta, CancellationToken ct)
    {
        evaluacion.VerificarEditable("la publicación");
        var aprobada = await db.PoiVersiones.AnyAsync(v => v.EntidadId == evaluacion.EntidadId && v.Estado == EstadoVersionPoi.Aprobada
            && db.Pois.Any(p => p.Id == v.PoiId && p.Anio == evaluacion.Anio), ct);
        if (!aprobada)
            throw new ReglaDominioException($"El POI {evaluacion.Anio} no tiene una versión aprobada: no se puede publicar su evaluación.");
        var codigo = await db.Entidades.Where(e => e.Id == evaluacion.EntidadId).Select(e => e.Codigo).SingleAsync(ct);
        var d = await DatosReporte.CargarAsync(db, codigo, evaluacion.Anio, ct)
            ?? throw new ReglaDominioException($"No hay POI {evaluacion.Anio}.");
        d = SoloAprobado(d);
        // Completeness as published (approved months only): an incomplete period needs a confirmation and a reason.
        var completitud = await ConsultaCompletitud.CalcularAsync(db, d.Evaluacion, evaluacion.Periodo, mostrarEnviados: false, ct);
        evaluacion.VerificarCompletitudParaPublicar(completitud, confirmarIncompleta, motivoIncompleta);
        return (d, codigo, completitud);
    }

    /// <summary>
    /// Publishes: the POI year must have an approved version; the files are generated now from approved months
    /// only (whatever the entity's "show submitted" setting) and stored; the IGI is stored beside them.
    /// </summary>
    /// <param name="confirmarIncompleta">The office confirms publishing a period with centre-months not approved.</param>
    /// <param name="motivoIncompleta">Why it publishes an incomplete period: stored, audited and frozen into the files.</param>
    public static async Task PublicarAsync(SipoiDbContext db, EvaluacionPoi evaluacion, string? documento, string usuario,
        DateTimeOffset ahora, CancellationToken ct, bool confirmarIncompleta = false, string? motivoIncompleta = null)
    {
        var (d, codigo, completitud) = await VerificarPublicacionAsync(db, evaluacion, confirmarIncompleta, motivoIncompleta, ct);
        var periodo = evaluacion.Periodo;
        var motivo = evaluacion.MotivoPublicacionIncompleta;
        var resultado = await ConsultaEvaluacion.EvaluarAsync(db, d.Evaluacion, d.Anio, periodo, ct: ct);
        // One set of engine runs for both files: the report's annexes are the monitoring tables.
        var modelo = await ConstructorReportes.InformeAsync(db, d, periodo, ct);
        modelo = modelo with
        {
            MotivoIncompleta = motivo,
            Anexos = modelo.Anexos! with { MotivoIncompleta = motivo },
            Fecha = Plazos.Hoy(ahora),
            Numero = (await ConsultaTextos.PortadaAsync(db, d.Entidad.Id, ct)).Numero(documento, d.Anio),
        };
        using var docx = new MemoryStream();
        InformeEvaluacionWord.Escribir(modelo, docx);
        using var xlsx = new MemoryStream();
        SeguimientoExcel.Escribir(modelo.Anexos!, xlsx);
        var json = System.Text.Encoding.UTF8.GetBytes(EvaluacionJson.ComoTexto(resultado, codigo, completitud: completitud, motivoIncompleta: motivo));
        evaluacion.Publicar(documento, usuario, ahora, resultado.Igi, resultado.BandaIgi,
        [
            new ArchivoPublicado(evaluacion.EntidadId, ArchivoInforme, SolicitudReporte.MimeDocx, docx.ToArray()),
            new ArchivoPublicado(evaluacion.EntidadId, ArchivoSeguimiento, SolicitudReporte.MimeXlsx, xlsx.ToArray()),
            new ArchivoPublicado(evaluacion.EntidadId, ArchivoJson, "application/json", json),
        ]);
        // The planners' and consulta users' e-mail notices, saved with the publication (Avisos/README.md).
        await ColaAvisos.AlPublicarAsync(db, evaluacion, ahora, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Starts a corrected republication of a published evaluation (reason required; one at a time). The publication in
    /// force stays on the public page until the republication is published with <see cref="PublicarAsync"/>, which then
    /// supersedes it; the superseded one keeps its files (README.md, "Republication").
    /// </summary>
    public static async Task IniciarRepublicacionAsync(SipoiDbContext db, EvaluacionPoi evaluacion, string? motivo, string usuario,
        DateTimeOffset ahora, CancellationToken ct)
    {
        evaluacion.IniciarRepublicacion(motivo, usuario, ahora);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The files of one publication of the evaluation (the one in force when <paramref name="publicacion"/> is null).</summary>
    public static IQueryable<ArchivoPublicado> ArchivosDe(SipoiDbContext db, EvaluacionPoi evaluacion, int? publicacion = null)
    {
        var numero = publicacion ?? evaluacion.Publicacion;
        return db.ArchivosPublicados.AsNoTracking().Where(a => a.EvaluacionId == evaluacion.Id && a.Publicacion == numero);
    }

    /// <summary>The report data with the entity's "count submitted months" setting off: what is published is approved data only.</summary>
    public static DatosReporte SoloAprobado(DatosReporte d) =>
        d with { Evaluacion = d.Evaluacion with { Configuracion = d.Evaluacion.Configuracion with { MostrarEnviados = false } } };

    private static async Task VerificarUnidadesAsync(SipoiDbContext db, int entidadId, IReadOnlyCollection<int> unidades, CancellationToken ct)
    {
        var pedidas = unidades.Distinct().ToList();
        var propias = await db.CentrosCosto.Where(c => c.EntidadId == entidadId && pedidas.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct);
        if (pedidas.Except(propias).FirstOrDefault() is var ajena && ajena != 0)
            throw new ReglaDominioException($"La unidad responsable {ajena} no es un centro de costo de la entidad.", "unidades responsables");
    }

    /// <summary>The evaluated POI's PEI with its OEI and AEI, when the recommendation names one (null otherwise: nothing to check).</summary>
    private static async Task<Pei?> PeiEvaluadoAsync(SipoiDbContext db, EvaluacionPoi evaluacion, DatosRecomendacion datos, CancellationToken ct)
    {
        if (datos.OeiId is null && datos.AeiId is null) return null;
        return await OeiYAeiDelPeiAsync(db, evaluacion.EntidadId, evaluacion.Anio, ct);
    }

    /// <summary>The PEI of the entity's POI of <paramref name="anio"/>, with its OEI and AEI in code order (null: no POI that year).</summary>
    public static async Task<Pei?> OeiYAeiDelPeiAsync(SipoiDbContext db, int entidadId, int anio, CancellationToken ct)
    {
        var peiId = await db.Pois.Where(p => p.EntidadId == entidadId && p.Anio == anio).Select(p => (int?)p.PeiId).SingleOrDefaultAsync(ct);
        if (peiId is null) return null;
        return await db.Peis.AsNoTracking().Include(p => p.Oeis).ThenInclude(o => o.Aeis).AsSplitQuery().SingleOrDefaultAsync(p => p.Id == peiId, ct);
    }
}
