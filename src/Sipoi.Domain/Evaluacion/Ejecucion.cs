using Sipoi.Domain.Periodos;

namespace Sipoi.Domain.Evaluacion;

/// <summary>What an activity's figures mean for a period (DOMAIN.md §5).</summary>
public enum EstadoEjecucion
{
    /// <summary>Programmed &gt; 0 and executed registered: E enters every average.</summary>
    ConMeta,
    /// <summary>Programmed &gt; 0 but nothing registered in the period: counts with E = 0 (the office is behind).</summary>
    SinRegistro,
    /// <summary>Programmed = 0 and nothing executed: left out of every average.</summary>
    SinMeta,
    /// <summary>Programmed = 0 but executed &gt; 0: left out of every average, counted apart.</summary>
    EjecucionNoProgramada,
}

public static class EstadoEjecucionTexto
{
    public static string Codigo(this EstadoEjecucion e) => e switch
    {
        EstadoEjecucion.ConMeta => "con_meta",
        EstadoEjecucion.SinRegistro => "sin_registro",
        EstadoEjecucion.SinMeta => "sin_meta",
        EstadoEjecucion.EjecucionNoProgramada => "ejecucion_no_programada",
        _ => throw new ArgumentOutOfRangeException(nameof(e)),
    };

    public static string Nombre(this EstadoEjecucion e) => e switch
    {
        EstadoEjecucion.ConMeta => "Con meta",
        EstadoEjecucion.SinRegistro => "Sin registro",
        EstadoEjecucion.SinMeta => "Sin meta",
        EstadoEjecucion.EjecucionNoProgramada => "Ejecución no programada",
        _ => throw new ArgumentOutOfRangeException(nameof(e)),
    };

    /// <summary>True for the states that enter the averages (the activity has a target in the period).</summary>
    public static bool TieneMeta(this EstadoEjecucion e) => e is EstadoEjecucion.ConMeta or EstadoEjecucion.SinRegistro;
}

/// <summary>
/// An activity's execution in one period: programmed and executed rolled up by behaviour,
/// raw E, adjusted Ea and the state. <see cref="Porcentaje"/> and <see cref="Ajustada"/> are
/// null exactly when the activity has no target in the period.
/// </summary>
public readonly record struct EjecucionPeriodo(
    decimal Programado,
    decimal? Ejecutado,
    decimal? Porcentaje,
    decimal? Ajustada,
    EstadoEjecucion Estado)
{
    public bool TieneMeta => Estado.TieneMeta();

    /// <summary>E ≥ 100 %: the activity met (or passed) its target.</summary>
    public bool Cumplida => Porcentaje is { } e && Ejecucion.Cumplida(e);

    /// <summary>
    /// The band an activity is painted with: that of its Ea when something was registered; none (ND) without a
    /// target, and none either when a target has nothing registered. Why not Bajo for "sin registro": the band
    /// judges a measured performance, and an unregistered month is a data gap to chase — DOMAIN.md §5 treats an
    /// AEI without information the same way (listed apart, never crítica). The activity still counts as E = 0 in
    /// every average, so its AEI and cost centre do turn red.
    /// </summary>
    public Banda? Banda(EsquemaBandas bandas) =>
        Estado == EstadoEjecucion.ConMeta && Ajustada is { } ea ? bandas.Clasificar(ea) : null;
}

/// <summary>The activity execution formulas. Every screen, report and export calls these.</summary>
public static class Ejecucion
{
    /// <summary>E = executed / programmed × 100; null when programmed is 0 (no target).</summary>
    public static decimal? Porcentaje(decimal programado, decimal ejecutado) =>
        programado == 0 ? null : ejecutado * 100m / programado;

    /// <summary>Ea = min(E, 100): what enters every average.</summary>
    public static decimal Ajustada(decimal porcentaje) => porcentaje > 100m ? 100m : porcentaje;

    /// <summary>Ea from the period's figures; null when there is no target.</summary>
    public static decimal? Ajustada(decimal programado, decimal ejecutado) =>
        Porcentaje(programado, ejecutado) is { } e ? Ajustada(e) : null;

    /// <summary>An activity counts as met when E ≥ 100 %.</summary>
    public static bool Cumplida(decimal porcentaje) => porcentaje >= 100m;

    /// <summary>
    /// Classifies the already rolled-up figures of a period. A target with nothing registered
    /// counts as E = 0 (state <see cref="EstadoEjecucion.SinRegistro"/>).
    /// </summary>
    public static EjecucionPeriodo Evaluar(decimal programado, decimal? ejecutado)
    {
        if (programado == 0)
        {
            var estado = ejecutado is > 0 ? EstadoEjecucion.EjecucionNoProgramada : EstadoEjecucion.SinMeta;
            return new EjecucionPeriodo(programado, ejecutado, null, null, estado);
        }
        if (ejecutado is not { } ej)
            return new EjecucionPeriodo(programado, null, 0m, 0m, EstadoEjecucion.SinRegistro);
        var e = Porcentaje(programado, ej).GetValueOrDefault(); // never null: programado ≠ 0
        return new EjecucionPeriodo(programado, ej, e, Ajustada(e), EstadoEjecucion.ConMeta);
    }

    /// <summary>Rolls the 12 months up by the activity's behaviour (see Periodos/README.md) and classifies the result.</summary>
    public static EjecucionPeriodo Evaluar(Comportamiento comportamiento, IReadOnlyList<decimal> programado,
        IReadOnlyList<decimal?> ejecutado, Periodo periodo) =>
        Evaluar(Agregacion.Programado(comportamiento, programado, periodo),
                Agregacion.Ejecutado(comportamiento, ejecutado, periodo));
}
