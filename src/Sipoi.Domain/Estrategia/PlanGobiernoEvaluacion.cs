using Sipoi.Domain.Evaluacion;

namespace Sipoi.Domain.Estrategia;

/// <summary>A district's figures in a semester: its baseline and target, what it reached and its achievement.</summary>
public sealed record ResultadoDistritoMeta(string Distrito, decimal? LineaBase, decimal? Meta, decimal? Obtenido, decimal? Avance, Banda? Banda);

/// <summary>A target's figures in a semester (<see cref="LogroMetaPlan"/>); <see cref="Avance"/> raw, the band on the capped value.</summary>
public sealed record ResultadoMetaPlan(ElementoPlanGobierno Meta, string? Intervencion, decimal? Obtenido, decimal? Avance, Banda? Banda,
    string? Nota, IReadOnlyList<ResultadoDistritoMeta> Distritos);

/// <summary>An objective with its targets and their simple mean of capped achievements (ND left out; all ND → ND).</summary>
public sealed record ResultadoObjetivoPlan(ElementoPlanGobierno Objetivo, IReadOnlyList<ResultadoMetaPlan> Metas, decimal? Valor, Banda? Banda);

/// <summary>A dimension (null: objectives hanging from no dimension) with its objectives and their simple mean.</summary>
public sealed record ResultadoDimensionPlan(ElementoPlanGobierno? Dimension, IReadOnlyList<ResultadoObjetivoPlan> Objetivos, decimal? Valor, Banda? Banda);

/// <summary>
/// The semester evaluation of a government plan (the Puno plan's "evaluación semestral del avance y nivel de cumplimiento
/// de los objetivos formulados y sus metas"): each target's achievement in the semester, each objective's and each
/// dimension's simple mean — DOMAIN.md §5's rule for the strategic view of an AEI/OEI (mean of the capped achievements,
/// ND left out) — banded with the entity's bands (the same as the POI's).
/// </summary>
public static class EvaluacionPlanGobierno
{
    public static IReadOnlyList<ResultadoDimensionPlan> Evaluar(PlanGobierno plan, int anio, int semestre, EsquemaBandas bandas)
    {
        var porId = plan.Elementos.Where(e => e.Id != 0).ToDictionary(e => e.Id);
        ElementoPlanGobierno? Ancestro(ElementoPlanGobierno e, NivelPlanGobierno nivel)
        {
            for (var p = e.PadreId; p is { } id && porId.TryGetValue(id, out var padre); p = padre.PadreId)
                if (padre.Nivel == nivel) return padre;
            return null;
        }
        var metas = plan.Elementos.Where(e => e.Nivel == NivelPlanGobierno.Meta)
            .OrderBy(e => e.Codigo ?? "", StringComparer.Ordinal).ThenBy(e => e.Id).ToList();
        var objetivos = plan.ObjetivosEnOrden().Select(o =>
        {
            var resultados = metas.Where(m => Ancestro(m, NivelPlanGobierno.Objetivo) == o).Select(m => Resultado(m, Ancestro(m, NivelPlanGobierno.Intervencion), anio, semestre, bandas)).ToList();
            var valor = Media(resultados.Select(r => Logro.Ajustado(r.Avance)));
            return new ResultadoObjetivoPlan(o, resultados, valor, bandas.Clasificar(valor));
        }).ToList();
        return [.. objetivos.GroupBy(o => Ancestro(o.Objetivo, NivelPlanGobierno.Dimension))
            .Select(g =>
            {
                var valor = Media(g.Select(o => o.Valor));
                return new ResultadoDimensionPlan(g.Key, [.. g], valor, bandas.Clasificar(valor));
            })];
    }

    private static ResultadoMetaPlan Resultado(ElementoPlanGobierno m, ElementoPlanGobierno? intervencion, int anio, int semestre, EsquemaBandas bandas)
    {
        var total = m.Valor(anio, semestre);
        var avance = m.Avance(anio, semestre);
        var distritos = m.Distritos.OrderBy(d => d.Orden).Select(d =>
        {
            var obtenido = m.Valor(anio, semestre, d.Distrito)?.Valor;
            var a = m.Sentido is { } s ? LogroMetaPlan.Avance(s, d.LineaBase, d.Meta, obtenido) : null;
            return new ResultadoDistritoMeta(d.Distrito, d.LineaBase, d.Meta, obtenido, a, bandas.Clasificar(Logro.Ajustado(a)));
        }).ToList();
        return new ResultadoMetaPlan(m, intervencion?.Descripcion, total?.Valor, avance, bandas.Clasificar(Logro.Ajustado(avance)), total?.Nota, distritos);
    }

    private static decimal? Media(IEnumerable<decimal?> valores)
    {
        var l = valores.OfType<decimal>().ToList();
        return l.Count == 0 ? null : l.Sum() / l.Count;
    }
}
