using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Data;
using Sipoi.Web.Evaluacion;

namespace Sipoi.Web.Reportes;

/// <summary>
/// What every report of one entity and POI year shares: the entity, the evaluation context (the POI
/// version in force and its PEI) and the PEI's header. Null from <see cref="CargarAsync"/> when the
/// entity or its POI of that year does not exist.
/// </summary>
public sealed record DatosReporte(Entidad Entidad, ConsultaEvaluacion.Contexto Evaluacion, int Anio,
    string PeiCodigo, int PeiInicio, int PeiFin, string? Mision, string VersionPoi)
{
    /// <summary>The name printed on top of every report: the acronym when the entity has one ("EMSAPUNO S.A.").</summary>
    public string NombreEntidad => Entidad.NombreCorto;

    /// <summary>"PEI 2023 - 2025", as the POI matrix prints it.</summary>
    public string PeriodoPei => $"PEI {PeiInicio} - {PeiFin}";

    public static async Task<DatosReporte?> CargarAsync(SipoiDbContext db, string codigoEntidad, int anio, CancellationToken ct)
    {
        // One round trip: the entity joined with its POI of the year (and the POI's versions) and its PEI's header.
        var fila = await (
            from e in db.Entidades.AsNoTracking()
            join p in db.Pois.AsNoTracking().Include(p => p.Versiones) on e.Id equals p.EntidadId
            join pei in db.Peis on p.PeiId equals pei.Id
            where e.Codigo == codigoEntidad && p.Anio == anio
            select new { e, p, pei.Codigo, pei.Inicio, pei.Fin, pei.Mision }).SingleOrDefaultAsync(ct);
        if (fila?.p.VersionVigente is not { } version) return null;
        var entidad = fila.e;
        var contexto = new ConsultaEvaluacion.Contexto(entidad.Id, entidad.Codigo, entidad.Nombre, entidad.Configuracion, version.Id, fila.p.PeiId);
        return new DatosReporte(entidad, contexto, anio, fila.Codigo, fila.Inicio, fila.Fin, fila.Mision, version.Etiqueta);
    }

    /// <summary>
    /// Names by code, as the report factories take them: OEI and AEI statements, indicator names of the
    /// PEI, and the entity's cost centres.
    /// </summary>
    public async Task<Dictionary<string, string>> DenominacionesAsync(SipoiDbContext db, CancellationToken ct)
    {
        var d = new Dictionary<string, string>(StringComparer.Ordinal);
        var oeis = await db.Oeis.AsNoTracking().Where(o => o.PeiId == Evaluacion.PeiId).Select(o => new { o.Id, o.Codigo, o.Enunciado }).ToListAsync(ct);
        var idsOei = oeis.Select(o => o.Id).ToList();
        var aeis = await db.Aeis.AsNoTracking().Where(a => idsOei.Contains(a.OeiId)).Select(a => new { a.Id, a.Codigo, a.Enunciado }).ToListAsync(ct);
        var idsAei = aeis.Select(a => a.Id).ToList();
        var indicadores = await db.Indicadores.AsNoTracking()
            .Where(i => (i.OeiId != null && idsOei.Contains(i.OeiId.Value)) || (i.AeiId != null && idsAei.Contains(i.AeiId.Value)))
            .Select(i => new { i.Codigo, i.Nombre }).ToListAsync(ct);
        var centros = await db.CentrosCosto.AsNoTracking().Where(c => c.EntidadId == Entidad.Id).Select(c => new { c.Codigo, c.Nombre }).ToListAsync(ct);
        foreach (var c in centros) d[c.Codigo] = c.Nombre;
        foreach (var i in indicadores) d[i.Codigo] = i.Nombre;
        foreach (var a in aeis) d[a.Codigo] = a.Enunciado;
        foreach (var o in oeis) d[o.Codigo] = o.Enunciado;
        return d;
    }

    /// <summary>Names of the entity's fichas de proceso by code (apart from <see cref="DenominacionesAsync"/>: a ficha may be coded like a cost centre).</summary>
    public async Task<Dictionary<string, string>> NombresFichasAsync(SipoiDbContext db, CancellationToken ct) =>
        (await db.Fichas.AsNoTracking().Where(f => f.EntidadId == Entidad.Id).Select(f => new { f.Codigo, f.Nombre }).ToListAsync(ct))
        .GroupBy(f => f.Codigo, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Nombre, StringComparer.Ordinal);

    /// <summary>
    /// The unit that reports each indicator of the PEI, by code: its responsible cost centre ("03.01 GERENCIA DE OPERACIONES");
    /// indicators without one are left out (the report prints "—").
    /// </summary>
    public async Task<Dictionary<string, string>> UnidadesQueReportanAsync(SipoiDbContext db, CancellationToken ct)
    {
        var idsOei = await db.Oeis.AsNoTracking().Where(o => o.PeiId == Evaluacion.PeiId).Select(o => o.Id).ToListAsync(ct);
        var idsAei = await db.Aeis.AsNoTracking().Where(a => idsOei.Contains(a.OeiId)).Select(a => a.Id).ToListAsync(ct);
        var filas = await (
            from i in db.Indicadores.AsNoTracking()
            join c in db.CentrosCosto on i.CentroCostoResponsableId equals c.Id
            where (i.OeiId != null && idsOei.Contains(i.OeiId.Value)) || (i.AeiId != null && idsAei.Contains(i.AeiId.Value))
            select new { i.Codigo, Centro = c.Codigo + " " + c.Nombre }).ToListAsync(ct);
        return filas.GroupBy(f => f.Codigo, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Centro, StringComparer.Ordinal);
    }

    /// <summary>Unit of each indicator of the PEI, by code (for the evaluation report's indicator tables).</summary>
    public async Task<Dictionary<string, string?>> UnidadesIndicadorAsync(SipoiDbContext db, CancellationToken ct)
    {
        var idsOei = await db.Oeis.AsNoTracking().Where(o => o.PeiId == Evaluacion.PeiId).Select(o => o.Id).ToListAsync(ct);
        var idsAei = await db.Aeis.AsNoTracking().Where(a => idsOei.Contains(a.OeiId)).Select(a => a.Id).ToListAsync(ct);
        var filas = await db.Indicadores.AsNoTracking()
            .Where(i => (i.OeiId != null && idsOei.Contains(i.OeiId.Value)) || (i.AeiId != null && idsAei.Contains(i.AeiId.Value)))
            .Select(i => new { i.Codigo, i.Unidad }).ToListAsync(ct);
        return filas.GroupBy(f => f.Codigo, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Unidad, StringComparer.Ordinal);
    }
}
