using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Sipoi.Interop.ImportacionExcel;
using Sipoi.Interop.Intercambio;
using Sipoi.Web.Data;
using Sipoi.Web.Intercambio;
using Sipoi.Web.Seguridad;

namespace Sipoi.Web.ImportacionExcel;

/// <summary>What the year's POI holds before an import replaces its programming (its progress is kept): shown before the office confirms (README.md).</summary>
public sealed record PoiReemplazado(int Actividades, int MesesConAvance, int Evidencias);

/// <summary>
/// A workbook checked against the entity: the reader's result, or why the entity cannot take a POI for that
/// year (<see cref="Problema"/>), and what the current POI of the year holds.
/// </summary>
public sealed record RevisionPoiExcel(ResultadoPoiExcel? Lectura, string? Problema, PoiReemplazado? Actual)
{
    public bool EsValida => Problema is null && Lectura is { EsValido: true };

    /// <summary>Every error as the office reads it, the entity problem first.</summary>
    public IReadOnlyList<string> Errores =>
        Problema is not null ? [Problema] : Lectura?.Errores.Select(e => e.ToString()).ToList() ?? [];
}

/// <summary>
/// The Excel import of a POI year (web page and CLI): builds the reader's context from the database, reads,
/// and replaces the year's POI through <c>ImportadorPlan.ReemplazarPoiAsync</c>, all or nothing.
/// </summary>
public static class ImportacionPoiExcel
{
    /// <summary>Upload size limit: a 351-activity matrix is about 100 KB.</summary>
    public const int TamanoMaximo = 5 * 1024 * 1024;

    /// <summary>Planificador and Administrador replace a POI; Operador and Consulta never.</summary>
    public static bool PuedeImportar(this ClaimsPrincipal u) => u.IsInRole(Roles.Planificador) || u.IsInRole(Roles.Administrador);

    /// <param name="comoAnioSiguiente">The workbook is the matrix of the year before <paramref name="anio"/> (its sheets say
    /// "AÑO <paramref name="anio"/> − 1"), imported as the start of the next year's POI.</param>
    public static async Task<RevisionPoiExcel> RevisarAsync(SipoiDbContext db, string codigoEntidad, int anio, Stream archivo, CancellationToken ct,
        bool comoAnioSiguiente = false)
    {
        var (contexto, _, problema, actual) = await ContextoAsync(db, codigoEntidad, anio, comoAnioSiguiente, ct);
        if (contexto is null) return new RevisionPoiExcel(null, problema, null);
        return new RevisionPoiExcel(LectorPoiExcel.Leer(archivo, contexto), null, actual);
    }

    /// <summary>Reads and, when the workbook has no error, replaces the POI of <paramref name="anio"/>.</summary>
    public static async Task<(RevisionPoiExcel Revision, ResultadoImportacion? Importacion)> ImportarAsync(SipoiDbContext db, string codigoEntidad, int anio,
        Stream archivo, string nombreArchivo, CancellationToken ct, bool comoAnioSiguiente = false)
    {
        var (contexto, datos, problema, actual) = await ContextoAsync(db, codigoEntidad, anio, comoAnioSiguiente, ct);
        if (contexto is null) return (new RevisionPoiExcel(null, problema, null), null);
        var revision = new RevisionPoiExcel(LectorPoiExcel.Leer(archivo, contexto), null, actual);
        if (!revision.EsValida) return (revision, null);
        var lectura = revision.Lectura!;
        var descripcion = $"Libro de Excel «{nombreArchivo}»" + (comoAnioSiguiente ? $" del POI {anio - 1}, importado como POI {anio}" : "") +
                          $": {Plural.Conteo(lectura.Poi!.Actividades.Count, "actividad", "actividades")} en {Plural.Conteo(lectura.Hojas.Count, "hoja", "hojas")}" +
                          (actual is null ? "." : $"; reemplaza la programación de {Plural.Conteo(actual.Actividades, "actividad", "actividades")} y conserva " +
                                                  $"{(actual.MesesConAvance == 1 ? "su" : "sus")} {Plural.Conteo(actual.MesesConAvance, "registro mensual", "registros mensuales")} de avance.");
        var r = await ImportadorPlan.ReemplazarPoiAsync(db, datos!.Value.EntidadId, datos.Value.PeiId, lectura.Poi, descripcion, ct);
        return (revision, r);
    }

    private static async Task<(ContextoPoiExcel? Contexto, (int EntidadId, int PeiId)? Datos, string? Problema, PoiReemplazado? Actual)> ContextoAsync(
        SipoiDbContext db, string codigoEntidad, int anio, bool comoAnioSiguiente, CancellationToken ct)
    {
        if (anio is < 2000 or > 2100) return (null, null, $"El año {anio} no es válido.", null);
        var entidad = await db.Entidades.AsNoTracking().SingleOrDefaultAsync(e => e.Codigo == codigoEntidad, ct);
        if (entidad is null) return (null, null, $"No existe la entidad «{codigoEntidad}».", null);

        var poi = await db.Pois.AsNoTracking().Where(p => p.EntidadId == entidad.Id && p.Anio == anio).Select(p => new { p.Id, p.PeiId }).SingleOrDefaultAsync(ct);
        int peiId;
        if (poi is not null) peiId = poi.PeiId;
        else
        {
            // A new year hangs from the PEI whose horizon covers it (the most recent one if several do).
            var pei = await db.Peis.AsNoTracking().Where(p => p.EntidadId == entidad.Id && p.Inicio <= anio && p.Fin >= anio)
                .OrderByDescending(p => p.Inicio).ThenByDescending(p => p.Id).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
            if (pei is null)
                return (null, null, $"La entidad no tiene un PEI que abarque el año {anio}: cargue primero su PEI (archivo de intercambio, ./sipoi import).", null);
            peiId = pei.Value;
        }

        var filasCentros = await db.CentrosCosto.AsNoTracking().Where(c => c.EntidadId == entidad.Id).OrderBy(c => c.Codigo).ToListAsync(ct);
        var centros = filasCentros.Select(c => new CentroCostoDto { Codigo = c.Codigo, Nombre = c.Nombre }).ToList();
        var codigoCentro = filasCentros.ToDictionary(c => c.Id, c => c.Codigo);
        var aeis = await db.Aeis.AsNoTracking().Where(a => db.Oeis.Any(o => o.Id == a.OeiId && o.PeiId == peiId))
            .Select(a => new { a.Id, a.Codigo }).ToListAsync(ct);
        var codigoAei = aeis.ToDictionary(a => a.Id, a => a.Codigo);
        var fichas = (await db.Fichas.AsNoTracking().Include(f => f.Aeis).Where(f => f.EntidadId == entidad.Id).OrderBy(f => f.Id).ToListAsync(ct))
            .Select(f => new FichaDto
            {
                Codigo = f.Codigo,
                Nombre = f.Nombre,
                CentroCosto = f.CentroCostoId is { } c ? codigoCentro[c] : null,
                Aei = f.Aeis.Where(x => codigoAei.ContainsKey(x.AeiId)).Select(x => codigoAei[x.AeiId]).ToList(),
            }).ToList();

        PoiReemplazado? actual = null;
        PoiDto? poiActual = null;
        if (poi is not null)
        {
            var actividades = db.Actividades.Where(a => a.PoiId == poi.Id);
            actual = new PoiReemplazado(
                await actividades.CountAsync(ct),
                await db.Avances.CountAsync(av => actividades.Any(a => a.Id == av.ActividadId), ct),
                await db.Evidencias.CountAsync(ev => actividades.Any(a => a.Id == ev.ActividadId), ct));
            poiActual = (await ExportadorPlan.ExportarAsync(db, codigoEntidad, anio, ct))?.Poi;
        }
        var contexto = new ContextoPoiExcel
        {
            Anio = anio,
            AnioLibro = comoAnioSiguiente ? anio - 1 : null,
            CentrosCosto = centros,
            CentrosInactivos = filasCentros.Where(c => !c.Activo).Select(c => c.Codigo).ToHashSet(StringComparer.Ordinal),
            Fichas = fichas,
            Aeis = aeis.Select(a => a.Codigo).ToList(),
            PoiActual = poiActual,
        };
        return (contexto, (entidad.Id, peiId), null, actual);
    }
}
