using Sipoi.Domain.Estrategia;
using Sipoi.Domain.Periodos;

namespace Sipoi.Domain.Evaluacion;

// Plain snapshots the engine works on. The database layer, the exchange import, the CLI and
// the benchmark all build these, so one engine serves every caller.

/// <summary>The PEI as the evaluation needs it: OEIs in the order they are listed.</summary>
public sealed record EstructuraPei(IReadOnlyList<OeiPei> Oeis);

/// <summary>An OEI with its priority (1 = most important), its AEIs and its own indicators.</summary>
public sealed record OeiPei(string Codigo, int Prioridad, IReadOnlyList<AeiPei> Aeis)
{
    public IReadOnlyList<IndicadorPei> Indicadores { get; init; } = [];
}

/// <summary>An AEI with its priority inside its OEI and its own indicators.</summary>
public sealed record AeiPei(string Codigo, int Prioridad)
{
    public IReadOnlyList<IndicadorPei> Indicadores { get; init; } = [];
}

/// <summary>
/// An indicator with its expected/obtained values per year and semester
/// (<see cref="PeriodoIndicador.Anual"/>, <see cref="PeriodoIndicador.Semestre1"/>, …).
/// </summary>
public sealed record IndicadorPei(string Codigo, Sentido Sentido)
{
    public IReadOnlyList<MedicionIndicador> Valores { get; init; } = [];
    public decimal? MaximoPermisible { get; init; }
    public decimal? MinimoPermisible { get; init; }

    public MedicionIndicador? Medicion(int anio, PeriodoIndicador periodo)
    {
        foreach (var v in Valores)
            if (v.Anio == anio && v.Periodo == periodo) return v;
        return null;
    }
}

/// <summary>Expected (logro esperado) and obtained value of an indicator for a year or one of its semesters.</summary>
public readonly record struct MedicionIndicador(int Anio, PeriodoIndicador Periodo, decimal? LogroEsperado, decimal? ValorObtenido);

/// <summary>
/// One activity (AO or inversión) of the POI version in force, with its 12 monthly targets
/// (0 = no target that month) and executed values (null = not registered).
/// </summary>
public sealed record ActividadEvaluable(
    string Codigo,
    string AeiCodigo,
    string CentroCostoCodigo,
    string? FichaCodigo,
    Comportamiento Comportamiento,
    decimal Peso,
    IReadOnlyList<decimal> Programado,
    IReadOnlyList<decimal?> Ejecutado);

/// <summary>A ficha de proceso for the weighted process method: its gerencia (by name) and its weight inside it.</summary>
public sealed record FichaEvaluable(string Codigo, string? Gerencia, decimal Peso = 1m);
