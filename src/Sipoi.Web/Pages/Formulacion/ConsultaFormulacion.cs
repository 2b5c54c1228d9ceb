using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Data;

namespace Sipoi.Web.Pages.Formulacion;

/// <summary>An activity of a centre in a version, with its programming (read-only).</summary>
public sealed record FilaBorrador(ActividadOperativa Actividad, ProgramacionActividad Programacion, string AeiCodigo, string? FichaCodigo);

/// <summary>A cost centre in the drafting overview: its activities in the version, soles, ceiling and review state (null: no change yet).</summary>
public sealed record ResumenCentro(int Id, string Codigo, string Nombre, int Actividades, decimal Programado, decimal? Techo,
    EstadoFormulacion? Estado, string? Observacion);

/// <summary>Reads for the drafting pages; no rule here (the domain judges, these only gather).</summary>
public static class ConsultaFormulacion
{
    /// <param name="codigo">Only that activity (the form of one activity); null: every activity of the centre.</param>
    public static async Task<List<FilaBorrador>> ActividadesAsync(SipoiDbContext db, int poiVersionId, int centroCostoId, CancellationToken ct,
        string? codigo = null)
    {
        var programas = await db.Programaciones.AsNoTracking().Include(p => p.Metas).Include(p => p.Financiera).Include(p => p.Proyecciones).Include(p => p.ElementosCriticos).Include(p => p.Necesidades).AsSplitQuery()
            .Where(p => p.PoiVersionId == poiVersionId && db.Actividades.Any(a => a.Id == p.ActividadId && a.CentroCostoId == centroCostoId
                && (codigo == null || a.Codigo == codigo)))
            .ToDictionaryAsync(p => p.ActividadId, ct);
        var ids = programas.Keys.ToList();
        var actividades = await db.Actividades.AsNoTracking().Where(a => ids.Contains(a.Id)).ToListAsync(ct);
        var aeis = await db.Aeis.AsNoTracking().Where(a => db.Actividades.Any(x => ids.Contains(x.Id) && x.AeiId == a.Id)).ToDictionaryAsync(a => a.Id, a => a.Codigo, ct);
        var fichas = await db.Fichas.AsNoTracking().Where(f => db.Actividades.Any(x => ids.Contains(x.Id) && x.FichaId == f.Id)).ToDictionaryAsync(f => f.Id, f => f.Codigo, ct);
        return actividades
            .Select(a => new FilaBorrador(a, programas[a.Id], aeis[a.AeiId], a.FichaId is { } f ? fichas.GetValueOrDefault(f) : null))
            .OrderBy(f => f.FichaCodigo, StringComparer.Ordinal).ThenBy(f => f.Actividad.Numero, StringComparer.Ordinal)
            .ThenBy(f => f.Actividad.Codigo, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Programmed soles per cost centre code in a version (all genéricas, 12 months).</summary>
    private static async Task<Dictionary<string, decimal>> ProgramadoPorCentroAsync(SipoiDbContext db, int poiVersionId, CancellationToken ct) =>
        await (from m in db.MetasMensuales.AsNoTracking()
               join p in db.Programaciones on m.ProgramacionId equals p.Id
               join a in db.Actividades on p.ActividadId equals a.Id
               join c in db.CentrosCosto on a.CentroCostoId equals c.Id
               where p.PoiVersionId == poiVersionId
               group m.Financiero by c.Codigo into g
               select new { g.Key, Total = g.Sum() }).ToDictionaryAsync(x => x.Key, x => x.Total, ct);

    /// <param name="centros">Only these cost centres (an Operador's); null for all.</param>
    public static async Task<IReadOnlyList<ConsistenciaCentro>> ConsistenciaAsync(SipoiDbContext db, ContextoFormulacion ctx, int poiVersionId,
        IReadOnlyCollection<int>? centros, CancellationToken ct)
    {
        var nombres = await db.CentrosCosto.AsNoTracking().Where(c => c.EntidadId == ctx.Entidad.Id && (centros == null || centros.Contains(c.Id)))
            .ToDictionaryAsync(c => c.Codigo, c => c.Nombre, ct);
        var programado = (await ProgramadoPorCentroAsync(db, poiVersionId, ct)).Where(x => nombres.ContainsKey(x.Key)).ToDictionary();
        var techos = await (from t in db.TechosPresupuestales.AsNoTracking()
                            join c in db.CentrosCosto on t.CentroCostoId equals c.Id
                            where t.EntidadId == ctx.Entidad.Id && t.Anio == ctx.Anio
                            select new { c.Codigo, t.Monto }).ToListAsync(ct);
        return ConsistenciaPresupuestal.Verificar(programado,
            techos.Where(t => nombres.ContainsKey(t.Codigo)).ToDictionary(t => t.Codigo, t => t.Monto), nombres);
    }

    /// <summary>
    /// Every cost centre with activities in the version or a review row, in code order; for an Operador also
    /// its other active centres (an inactive one without activities has nothing to draft).
    /// </summary>
    public static async Task<List<ResumenCentro>> CentrosAsync(SipoiDbContext db, ContextoFormulacion ctx, int poiVersionId,
        IReadOnlyCollection<int>? centros, CancellationToken ct)
    {
        var conteo = await (from p in db.Programaciones.AsNoTracking()
                            join a in db.Actividades on p.ActividadId equals a.Id
                            where p.PoiVersionId == poiVersionId
                            group a by a.CentroCostoId into g
                            select new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        var estados = await db.FormulacionesCentro.AsNoTracking().Where(f => f.PoiVersionId == poiVersionId).ToDictionaryAsync(f => f.CentroCostoId, ct);
        var programado = await ProgramadoPorCentroAsync(db, poiVersionId, ct);
        var techos = await db.TechosPresupuestales.AsNoTracking().Where(t => t.EntidadId == ctx.Entidad.Id && t.Anio == ctx.Anio)
            .ToDictionaryAsync(t => t.CentroCostoId, t => t.Monto, ct);
        var lista = await db.CentrosCosto.AsNoTracking().Where(c => c.EntidadId == ctx.Entidad.Id && (centros == null || centros.Contains(c.Id)))
            .OrderBy(c => c.Codigo).ToListAsync(ct);
        return lista
            .Where(c => conteo.ContainsKey(c.Id) || estados.ContainsKey(c.Id) || (centros is not null && c.Activo))
            .Select(c => new ResumenCentro(c.Id, c.Codigo, c.Nombre, conteo.GetValueOrDefault(c.Id), programado.GetValueOrDefault(c.Codigo),
                techos.TryGetValue(c.Id, out var t) ? t : null, estados.GetValueOrDefault(c.Id)?.Estado, estados.GetValueOrDefault(c.Id)?.Observacion))
            .ToList();
    }

    /// <summary>The side-by-side difference of two versions of the same POI.</summary>
    public static async Task<DiferenciaVersiones> DiferenciaAsync(SipoiDbContext db, int versionAntes, int versionDespues,
        IReadOnlyCollection<int>? centros, CancellationToken ct) =>
        DiferenciaVersiones.Comparar(await EnVersionAsync(db, versionAntes, centros, ct), await EnVersionAsync(db, versionDespues, centros, ct));

    private static async Task<List<ActividadEnVersion>> EnVersionAsync(SipoiDbContext db, int poiVersionId, IReadOnlyCollection<int>? centros, CancellationToken ct)
    {
        var filas = await (from p in db.Programaciones.AsNoTracking()
                           join a in db.Actividades on p.ActividadId equals a.Id
                           join c in db.CentrosCosto on a.CentroCostoId equals c.Id
                           where p.PoiVersionId == poiVersionId && (centros == null || centros.Contains(a.CentroCostoId))
                           select new
                           {
                               a.Codigo,
                               a.Nombre,
                               Centro = c.Codigo,
                               p.Comportamiento,
                               p.Peso,
                               Metas = p.Metas.Select(m => new { m.Mes, m.Fisico, m.Financiero }).ToList(),
                           }).AsSplitQuery().ToListAsync(ct);
        return filas.Select(x =>
        {
            var fisico = new decimal[12];
            var financiero = new decimal[12];
            foreach (var m in x.Metas) { fisico[m.Mes - 1] = m.Fisico; financiero[m.Mes - 1] = m.Financiero; }
            return new ActividadEnVersion(x.Codigo, x.Nombre, x.Centro, x.Comportamiento, x.Peso, fisico, financiero);
        }).ToList();
    }
}
