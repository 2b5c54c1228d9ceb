using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Data;
using Sipoi.Web.Evaluacion;

namespace Sipoi.Web.Pages.Presupuesto;

/// <summary>Financial execution of one cost centre in a period (soles), next to the engine's physical execution.</summary>
public sealed record FinancieroCentro(string Codigo, string Nombre, ResultadoCentroCosto? Fisico, decimal Programado, decimal? Ejecutado)
{
    /// <summary>Executed / programmed × 100 by the one execution formula; null when nothing was programmed.</summary>
    public decimal? Porcentaje => Ejecutado is { } e ? Ejecucion.Porcentaje(Programado, e) : Programado == 0 ? null : 0m;
}

/// <summary>
/// Reads each activity's monthly financial programming (version in force) and executed amounts, rolls the
/// months of the period up with the domain's rule (soles always add: <see cref="Comportamiento.Suma"/>) and
/// sums the activities of each cost centre. Executed amounts count under the same rule as the evaluation's
/// physical values: approved months only, or also submitted ones when the entity shows them (README.md).
/// </summary>
public static class EjecucionFinanciera
{
    public static async Task<List<FinancieroCentro>> PorCentroAsync(SipoiDbContext db, ConsultaEvaluacion.Contexto c, ResultadoEvaluacion fisico,
        Periodo periodo, CancellationToken ct)
    {
        var poiId = await db.PoiVersiones.AsNoTracking().Where(v => v.Id == c.PoiVersionId).Select(v => v.PoiId).SingleAsync(ct);
        var programado = await (
            from p in db.Programaciones.AsNoTracking()
            join a in db.Actividades on p.ActividadId equals a.Id
            where p.PoiVersionId == c.PoiVersionId
            select new { a.Id, a.CentroCostoId, Metas = p.Metas.Select(m => new { m.Mes, m.Financiero }).ToList() }).ToListAsync(ct);
        // Executed soles as the one reader of what counts gives them (EjecucionQueCuenta).
        var contados = await EjecucionQueCuenta.PorActividadAsync(db, poiId, c.Configuracion, null, ct);
        var centros = await db.CentrosCosto.AsNoTracking().Where(x => x.EntidadId == c.EntidadId)
            .Select(x => new { x.Id, x.Codigo, x.Nombre }).ToDictionaryAsync(x => x.Id, ct);
        var fisicoPorCentro = fisico.CentrosCosto.ToDictionary(x => x.Codigo, StringComparer.Ordinal);

        return programado.GroupBy(p => p.CentroCostoId).Select(g =>
        {
            decimal prog = 0, ejec = 0;
            var conEjecutado = false;
            foreach (var a in g)
            {
                var meses = new decimal[12];
                foreach (var m in a.Metas) meses[m.Mes - 1] = m.Financiero;
                var ejecutados = contados.TryGetValue(a.Id, out var contado) ? contado.Financiero : new decimal?[12];
                prog += Agregacion.Programado(Comportamiento.Suma, meses, periodo);
                if (Agregacion.Ejecutado(Comportamiento.Suma, ejecutados, periodo) is { } e)
                {
                    ejec += e;
                    conEjecutado = true;
                }
            }
            var centro = centros[g.Key];
            return new FinancieroCentro(centro.Codigo, centro.Nombre, fisicoPorCentro.GetValueOrDefault(centro.Codigo), prog, conEjecutado ? ejec : null);
        }).OrderBy(x => x.Codigo, StringComparer.Ordinal).ToList();
    }
}
