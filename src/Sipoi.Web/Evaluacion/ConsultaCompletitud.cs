using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Data;

namespace Sipoi.Web.Evaluacion;

/// <summary>
/// Reads what the domain's <see cref="Completitud"/> needs for a POI year and period — the cost centres with activities in
/// the version in force, each with its monitoring states of the period's months — in one query, and applies the rule.
/// </summary>
public static class ConsultaCompletitud
{
    /// <param name="mostrarEnviados">Whether submitted months count; null: the entity's setting (a publication passes false).</param>
    public static async Task<Completitud> CalcularAsync(SipoiDbContext db, ConsultaEvaluacion.Contexto c, Periodo periodo,
        bool? mostrarEnviados = null, CancellationToken ct = default)
    {
        var version = c.PoiVersionId;
        var (desde, hasta) = (periodo.Desde, periodo.Hasta);
        // The centres with activities in the version, as one set (a hash semi-join): written as EXISTS per centre, PostgreSQL
        // re-read the version's programming for every centre × month row, 46 ms of a 78 ms dashboard (docs/benchmarks.md).
        var conActividades =
            from p in db.Programaciones
            join a in db.Actividades on p.ActividadId equals a.Id
            where p.PoiVersionId == version
            select a.CentroCostoId;
        var filas = await (
            from cc in db.CentrosCosto.AsNoTracking()
            where cc.EntidadId == c.EntidadId && conActividades.Contains(cc.Id)
            select new
            {
                cc.Codigo,
                cc.Nombre,
                Meses = (from s in db.Seguimientos
                         join v in db.PoiVersiones on s.PoiId equals v.PoiId
                         where v.Id == version && s.CentroCostoId == cc.Id && s.Mes >= desde && s.Mes <= hasta
                         select new { s.Mes, s.Estado }).ToList(),
            }).ToListAsync(ct);
        return Completitud.Calcular(periodo,
            filas.Select(f => new CentroEsperado(f.Codigo, f.Nombre)),
            filas.SelectMany(f => f.Meses.Select(m => new EstadoMesCentro(f.Codigo, m.Mes, m.Estado))),
            mostrarEnviados ?? c.Configuracion.MostrarEnviados);
    }
}

/// <summary>What the shared notice (Pages/Shared/_Completitud) shows: the rule's result and where each month's grid is.</summary>
public sealed record AvisoCompletitud(Completitud Completitud, string Entidad, int Anio);
