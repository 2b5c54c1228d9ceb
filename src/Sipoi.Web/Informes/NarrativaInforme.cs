using Microsoft.EntityFrameworkCore;
using Sipoi.Interop.Reportes;
using Sipoi.Web.Data;

namespace Sipoi.Web.Informes;

/// <summary>
/// The report's narrative (README.md in this folder, "Narrativa"): what the centres wrote, consolidated for a period
/// (<see cref="CargarAsync"/>, shown on the evaluation page), the drafts built from the figures and those texts, and
/// the planning office's own texts, which the Word report prints instead of the drafts.
/// </summary>
public static class NarrativaInforme
{
    /// <summary>
    /// The justifications and period summaries of the entity's POI year for <paramref name="periodo"/>, of the months that
    /// count under <paramref name="configuracion"/> (<see cref="MesesQueCuentan"/>). Empty when the year has no POI.
    /// </summary>
    public static async Task<NarrativaPeriodo> CargarAsync(SipoiDbContext db, int entidadId, int anio, Periodo periodo,
        ConfiguracionEntidad configuracion, CancellationToken ct)
    {
        var poiId = await db.Pois.Where(p => p.EntidadId == entidadId && p.Anio == anio).Select(p => (int?)p.Id).SingleOrDefaultAsync(ct);
        if (poiId is null) return ConsolidacionNarrativa.Consolidar(periodo, [], [], configuracion.MostrarEnviados);
        var (desde, hasta) = (periodo.Desde, periodo.Hasta);
        var justificaciones = await (
            from v in db.Avances.AsNoTracking()
            join a in db.Actividades on v.ActividadId equals a.Id
            join c in db.CentrosCosto on a.CentroCostoId equals c.Id
            join ae in db.Aeis on a.AeiId equals ae.Id
            join o in db.Oeis on ae.OeiId equals o.Id
            join s0 in db.Seguimientos on new { a.PoiId, a.CentroCostoId, v.Mes } equals new { s0.PoiId, s0.CentroCostoId, s0.Mes } into ss
            from s in ss.DefaultIfEmpty()
            where a.PoiId == poiId && v.Mes >= desde && v.Mes <= hasta
                  && (v.Logros != null || v.Dificultades != null || v.MedidasCorrectivas != null)
            select new JustificacionRegistrada(o.Codigo, ae.Codigo, c.Codigo, c.Nombre, a.Codigo, a.Nombre, v.Mes,
                s == null ? null : (EstadoSeguimiento?)s.Estado, v.Logros, v.Dificultades, v.MedidasCorrectivas))
            .ToListAsync(ct);

        var resumenes = await (
            from r in db.ResumenesPeriodo.AsNoTracking()
            join c in db.CentrosCosto on r.CentroCostoId equals c.Id
            where r.PoiId == poiId
            select new { r.CentroCostoId, c.Codigo, c.Nombre, r.PeriodoCodigo, r.Texto }).ToListAsync(ct);
        Dictionary<(int, int), EstadoSeguimiento> estados = resumenes.Count == 0
            ? []
            : await db.Seguimientos.AsNoTracking().Where(s => s.PoiId == poiId && (s.Mes == 3 || s.Mes == 6 || s.Mes == 9 || s.Mes == 12))
                .ToDictionaryAsync(s => (s.CentroCostoId, s.Mes), s => s.Estado, ct);
        var registrados = resumenes.Select(r =>
        {
            var trimestre = Periodo.Parse(r.PeriodoCodigo);
            return new ResumenRegistrado(r.Codigo, r.Nombre, trimestre,
                estados.TryGetValue((r.CentroCostoId, trimestre.Hasta), out var e) ? e : null, r.Texto);
        });
        return ConsolidacionNarrativa.Consolidar(periodo, justificaciones, registrados, configuracion.MostrarEnviados);
    }

    /// <summary>The drafted analysis of an OEI: the figures' paragraph, then the paragraphs on its centres' justifications.</summary>
    public static string BorradorAnalisis(InformeEvaluacion informe, OeiInforme oei, NarrativaPeriodo narrativa) =>
        string.Join("\n", [RedaccionInforme.AnalisisOei(informe, oei),
            .. RedaccionNarrativa.Justificaciones(narrativa.Oeis.FirstOrDefault(o => o.Codigo == oei.Codigo))]);

    /// <summary>The drafted conclusions, one per line: from the figures, then each centre's period summary.</summary>
    public static string BorradorConclusiones(InformeEvaluacion informe, NarrativaPeriodo narrativa) =>
        string.Join("\n", [.. RedaccionInforme.Conclusiones(informe), .. RedaccionNarrativa.Resumenes(narrativa)]);

    /// <summary>The drafted recommendations, one per line: the ones the evaluation registered, or else drafted from the figures.</summary>
    public static string BorradorRecomendaciones(InformeEvaluacion informe) =>
        string.Join("\n", informe.Recomendaciones ?? RedaccionInforme.Recomendaciones(informe));

    /// <summary>The office's texts of an evaluation (tracked, so a save changes them).</summary>
    public static Task<List<TextoNarrativa>> TextosAsync(SipoiDbContext db, int evaluacionId, CancellationToken ct) =>
        db.TextosNarrativa.Where(t => t.EvaluacionId == evaluacionId).ToListAsync(ct);

    /// <summary>
    /// The report with its narrative: each section is the office's text when it wrote one, the draft otherwise. The
    /// justifications and summaries follow the months the report counts (<paramref name="configuracion"/>).
    /// </summary>
    public static async Task<InformeEvaluacion> AplicarAsync(SipoiDbContext db, int entidadId, int anio, Periodo periodo,
        ConfiguracionEntidad configuracion, InformeEvaluacion informe, CancellationToken ct)
    {
        var narrativa = await CargarAsync(db, entidadId, anio, periodo, configuracion, ct);
        var codigo = periodo.Codigo;
        var evaluacionId = await db.Evaluaciones.Where(e => e.EntidadId == entidadId && e.Anio == anio && e.PeriodoCodigo == codigo)
            .Select(e => (int?)e.Id).SingleOrDefaultAsync(ct);
        List<TextoNarrativa> textos = evaluacionId is { } id ? await db.TextosNarrativa.AsNoTracking().Where(t => t.EvaluacionId == id).ToListAsync(ct) : [];
        return Aplicar(informe, narrativa, textos);
    }

    public static InformeEvaluacion Aplicar(InformeEvaluacion informe, NarrativaPeriodo narrativa, IReadOnlyList<TextoNarrativa> textos)
    {
        string? Propio(SeccionNarrativa s, string oei = "") => textos.FirstOrDefault(t => t.Seccion == s && t.OeiCodigo == oei)?.Texto;
        return informe with
        {
            Oeis = informe.Oeis.Select(o => o with
            {
                Analisis = Propio(SeccionNarrativa.AnalisisOei, o.Codigo) ?? BorradorAnalisis(informe, o, narrativa),
            }).ToList(),
            Conclusiones = NarrativaEvaluacion.Lineas(Propio(SeccionNarrativa.Conclusiones) ?? BorradorConclusiones(informe, narrativa)),
            Recomendaciones = NarrativaEvaluacion.Lineas(Propio(SeccionNarrativa.Recomendaciones) ?? BorradorRecomendaciones(informe)),
        };
    }

    /// <summary>Saves every section at once (all or nothing, audited by the interceptor); refused once the evaluation is published.</summary>
    public static async Task<int> GuardarAsync(SipoiDbContext db, EvaluacionPoi evaluacion, IReadOnlyList<EntradaNarrativa> entradas,
        CancellationToken ct)
    {
        var actuales = await TextosAsync(db, evaluacion.Id, ct);
        CambiosNarrativa cambios;
        try { cambios = NarrativaEvaluacion.Guardar(evaluacion, actuales, entradas); }
        catch (ReglaDominioException)
        {
            db.ChangeTracker.Clear();
            throw;
        }
        db.TextosNarrativa.AddRange(cambios.Nuevos);
        db.TextosNarrativa.RemoveRange(cambios.Quitados);
        await db.SaveChangesAsync(ct);
        return cambios.Total;
    }
}
