using Sipoi.Domain.Evaluacion;

namespace Sipoi.Interop.Reportes;

/// <summary>
/// Consolidation across entities (a national or regional planning office): for one year and period,
/// each entity's IGI and OEI values from its own engine run, judged by its own bands.
/// </summary>
/// <param name="Periodo">The evaluated period as a heading: "Anual", "I Semestre".</param>
public sealed record Consolidado(int Anio, string Periodo, IReadOnlyList<EntidadConsolidada> Entidades);

/// <summary>An entity's row: IGI, its band under the entity's scheme, activities with a target, and its OEIs in PEI order.</summary>
public sealed record EntidadConsolidada(
    string Codigo, string Nombre, EsquemaBandas Bandas, decimal? Igi, Banda? BandaIgi, int ActividadesConMeta,
    IReadOnlyList<OeiConsolidado> Oeis)
{
    /// <summary>Takes every figure from the entity's engine run; <paramref name="enunciados"/> maps OEI codes to statements.</summary>
    public static EntidadConsolidada Desde(string codigo, string nombre, ResultadoEvaluacion r, IReadOnlyDictionary<string, string> enunciados)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new EntidadConsolidada(codigo, nombre, r.Bandas, r.Igi, r.BandaIgi, r.Conteo.ConMeta,
            r.Oeis.Select(o => new OeiConsolidado(o.Codigo, enunciados.TryGetValue(o.Codigo, out var e) ? e : "", o.Prioridad,
                o.Conteo.ConMeta, o.Valor, o.Banda)).ToList());
    }
}

/// <summary>An OEI of one entity: value (percent, unrounded; null = no activity with a target) and band.</summary>
public sealed record OeiConsolidado(string Codigo, string Enunciado, int Prioridad, int ActividadesConMeta, decimal? Valor, Banda? Banda);
