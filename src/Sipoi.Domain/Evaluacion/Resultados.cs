using Sipoi.Domain.Estrategia;
using Sipoi.Domain.Organizacion;
using Sipoi.Domain.Periodos;

namespace Sipoi.Domain.Evaluacion;

// What an evaluation produces. Values are percentages at full precision (never rounded here);
// null means "no value" (a group without any activity with a target) or ND (strategic view).

/// <summary>Counts of a group's activities in a period.</summary>
public readonly record struct ConteoActividades(int Total, int ConMeta, int Cumplidas, int SinRegistro, int NoProgramadas)
{
    /// <summary>Activities with programmed = 0 in the period (with or without execution).</summary>
    public int SinMeta => Total - ConMeta;
}

public sealed record ResultadoEvaluacion(
    int Anio,
    Periodo Periodo,
    ConfiguracionEvaluacion Configuracion,
    decimal? Igi,
    Banda? BandaIgi,
    ConteoActividades Conteo,
    IReadOnlyList<ResultadoOei> Oeis,
    IReadOnlyList<ResultadoCentroCosto> CentrosCosto,
    IReadOnlyList<ResultadoActividad> Actividades,
    VistaEstrategica Estrategico,
    IReadOnlyList<ResultadoFicha> Fichas,
    IReadOnlyList<ResultadoGerencia> Gerencias)
{
    public MetodoEvaluacion Metodo => Configuracion.Metodo;
    public EsquemaBandas Bandas => Configuracion.Bandas;
}

/// <summary>OEI, operational view: weighted mean of its AEI values (weight n − p + 1).</summary>
public sealed record ResultadoOei(
    string Codigo, int Prioridad, int Peso, decimal? Valor, Banda? Banda, ConteoActividades Conteo,
    IReadOnlyList<ResultadoAei> Aeis);

/// <summary>AEI, operational view: simple mean of Ea over its activities with a target.</summary>
public sealed record ResultadoAei(
    string Codigo, string OeiCodigo, int Prioridad, int Peso, decimal? Valor, Banda? Banda, ConteoActividades Conteo);

/// <summary>Cost centre: simple mean of Ea over its activities with a target.</summary>
public sealed record ResultadoCentroCosto(string Codigo, decimal? Valor, Banda? Banda, ConteoActividades Conteo);

/// <summary>
/// One activity in the period. <see cref="Ejecucion"/> is the raw E (may exceed 100),
/// <see cref="EjecucionAjustada"/> the Ea that enters the averages; both null without a target,
/// both 0 when the target has nothing registered (<see cref="EstadoEjecucion.SinRegistro"/>).
/// <see cref="Banda"/> is <see cref="EjecucionPeriodo.Banda"/>: null without a target and without a registration.
/// </summary>
public sealed record ResultadoActividad(
    string Codigo, string AeiCodigo, string CentroCostoCodigo, string? FichaCodigo, decimal Peso,
    decimal Programado, decimal? Ejecutado, decimal? Ejecucion, decimal? EjecucionAjustada,
    EstadoEjecucion Estado, Banda? Banda);

/// <summary>Ficha de proceso (weighted process method): weighted mean of its activities' Ea by activity weight.</summary>
public sealed record ResultadoFicha(
    string Codigo, string? Gerencia, decimal Peso, decimal? Valor, Banda? Banda, ConteoActividades Conteo);

/// <summary>Gerencia (weighted process method): weighted mean of its fichas with a value, by ficha weight.</summary>
public sealed record ResultadoGerencia(
    string Nombre, decimal? Valor, Banda? Banda, int Fichas, int FichasConValor, ConteoActividades Conteo);

/// <summary>
/// Strategic view for the measurement due by the end of the period (<see cref="Corte"/>;
/// null when none is due yet, and then everything is ND and no AEI is sin información).
/// </summary>
public sealed record VistaEstrategica(
    PeriodoIndicador? Corte,
    IReadOnlyList<LogroOei> Oeis,
    IReadOnlyList<LogroAei> Aeis,
    IReadOnlyList<ResultadoIndicador> Indicadores);

/// <summary>OEI achievement: simple mean of its own indicators' capped achievement (ND left out; all ND → ND).</summary>
public sealed record LogroOei(string Codigo, decimal? Logro, Banda? Banda, int Indicadores, int IndicadoresConDato);

/// <summary>
/// AEI achievement, whether it is critical (red band only) and whether it is <see cref="SinInformacion"/>: ND while
/// data was due — a data gap to chase, listed apart and never counted as critical (DOMAIN.md §5).
/// </summary>
public sealed record LogroAei(
    string Codigo, string OeiCodigo, decimal? Logro, Banda? Banda, bool Critica, int Indicadores, int IndicadoresConDato)
{
    public bool SinInformacion { get; init; }
}

/// <summary>
/// An indicator for the cut: raw achievement <see cref="Avance"/> (shown) and capped
/// <see cref="AvanceAjustado"/> (aggregated). <see cref="AeiCodigo"/> is null for an OEI's own indicator.
/// <see cref="DatoPendiente"/>: a goal existed but the obtained value was not registered.
/// </summary>
public sealed record ResultadoIndicador(
    string Codigo, string OeiCodigo, string? AeiCodigo, Sentido Sentido,
    decimal? LogroEsperado, decimal? ValorObtenido, decimal? Avance, decimal? AvanceAjustado, Banda? Banda,
    bool DatoPendiente);
