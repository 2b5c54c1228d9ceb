using Sipoi.Domain.Estrategia;
using Sipoi.Domain.Periodos;

namespace Sipoi.Domain.Evaluacion;

/// <summary>Indicator achievement (strategic view, DOMAIN.md §5). Null stands for ND (no disponible).</summary>
public static class Logro
{
    /// <summary>
    /// Raw achievement A of an indicator: ascendente VO/LE×100; descendente LE/VO×100
    /// (VO = 0 with LE ≥ 0 → 100); no definido: 100 within the permissible limits, otherwise
    /// proportional as descendente (above the maximum) or ascendente (below the minimum).
    /// ND when VO is not registered, when LE is missing (or 0 for ascendente), or when a
    /// "no definido" indicator has no limit to be judged against.
    /// </summary>
    public static decimal? Avance(Sentido sentido, decimal? esperado, decimal? obtenido,
        decimal? maximoPermisible = null, decimal? minimoPermisible = null)
    {
        if (obtenido is not { } vo) return null;
        switch (sentido)
        {
            case Sentido.Ascendente:
                return esperado is { } le && le != 0 ? vo * 100m / le : null;
            case Sentido.Descendente:
                if (esperado is not { } led) return null;
                if (vo == 0) return led >= 0 ? 100m : null;
                return led * 100m / vo;
            case Sentido.NoDefinido:
                if (maximoPermisible is null && minimoPermisible is null) return null;
                if (maximoPermisible is { } max && vo > max)
                    return vo == 0 ? 0m : Avance(Sentido.Descendente, max, vo);
                if (minimoPermisible is { } min && vo < min)
                    return min == 0 ? 0m : Avance(Sentido.Ascendente, min, vo);
                return 100m;
            default:
                throw new ArgumentOutOfRangeException(nameof(sentido));
        }
    }

    /// <summary>Capped achievement Ac = min(A, 100): what enters every aggregation.</summary>
    public static decimal Ajustado(decimal avance) => avance > 100m ? 100m : avance;

    /// <summary>Ac, or ND.</summary>
    public static decimal? Ajustado(decimal? avance) => avance is { } a ? Ajustado(a) : null;

    /// <summary>
    /// Which measurement of the PEI indicators is due by the end of a period: the second semester's for S2 (the
    /// semester evaluation uses the semester's values, DOMAIN.md §5 "for a year (or semester)"), the annual one for
    /// the other periods ending in December (ANUAL, T4, A12, M12), the first semester's for periods ending from June
    /// to November, none before June (nothing is due yet).
    /// </summary>
    public static PeriodoIndicador? Corte(Periodo periodo) => periodo.Hasta switch
    {
        12 when periodo.Tipo == TipoPeriodo.Semestre => PeriodoIndicador.Semestre2,
        12 => PeriodoIndicador.Anual,
        >= 6 => PeriodoIndicador.Semestre1,
        _ => null,
    };

    /// <summary>
    /// LE and VO of an indicator for a year and cut. For a semester, VO is the semester's and
    /// LE is the semester's expected value when the entity set one, otherwise the year's
    /// (progress towards the annual goal).
    /// </summary>
    public static (decimal? Esperado, decimal? Obtenido) Valores(IndicadorPei indicador, int anio, PeriodoIndicador? corte)
    {
        if (corte is not { } c) return (null, null);
        var anual = indicador.Medicion(anio, PeriodoIndicador.Anual);
        if (c == PeriodoIndicador.Anual) return (anual?.LogroEsperado, anual?.ValorObtenido);
        var semestre = indicador.Medicion(anio, c);
        return (semestre?.LogroEsperado ?? anual?.LogroEsperado, semestre?.ValorObtenido);
    }

    /// <summary>
    /// True when a goal existed for the cut (an expected value, or a permissible limit for
    /// "no definido") but the obtained value was not registered: ND "when data was due".
    /// </summary>
    public static bool DatoPendiente(Sentido sentido, decimal? esperado, decimal? obtenido, decimal? maximoPermisible, decimal? minimoPermisible)
    {
        if (obtenido is not null) return false;
        return sentido == Sentido.NoDefinido
            ? maximoPermisible is not null || minimoPermisible is not null || esperado is not null
            : esperado is { } le && (sentido != Sentido.Ascendente || le != 0);
    }
}
