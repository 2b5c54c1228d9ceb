using Sipoi.Domain.Evaluacion;
using Sipoi.Domain.Organizacion;

namespace Sipoi.Domain.Seguimiento;

/// <summary>Why a month's execution must be explained with logros, dificultades and medidas correctivas.</summary>
public enum MotivoJustificacion
{
    /// <summary>Within tolerance, nothing registered, or no target and nothing executed.</summary>
    NoRequerida,
    /// <summary>E below the lower tolerance (default 85 %); a registered 0 against a target is 0 %.</summary>
    BajoTolerancia,
    /// <summary>E above the upper tolerance (default 115 %).</summary>
    SobreTolerancia,
    /// <summary>No target in the month but something executed (DOMAIN.md §5, "ejecución no programada").</summary>
    EjecucionNoProgramada,
}

/// <summary>
/// The tolerance rule of DOMAIN.md §4, on the month's own figures: E = executed / target × 100
/// (<see cref="Ejecucion.Porcentaje"/>) must lie within [inferior, superior]; the limits themselves
/// are inside.
/// </summary>
public static class Justificacion
{
    public static MotivoJustificacion Motivo(decimal metaMes, decimal? ejecutado, decimal toleranciaInferior, decimal toleranciaSuperior)
    {
        if (ejecutado is not { } ej) return MotivoJustificacion.NoRequerida;
        if (Ejecucion.Porcentaje(metaMes, ej) is not { } e)
            return ej > 0 ? MotivoJustificacion.EjecucionNoProgramada : MotivoJustificacion.NoRequerida;
        if (e < toleranciaInferior) return MotivoJustificacion.BajoTolerancia;
        if (e > toleranciaSuperior) return MotivoJustificacion.SobreTolerancia;
        return MotivoJustificacion.NoRequerida;
    }

    public static MotivoJustificacion Motivo(decimal metaMes, decimal? ejecutado, ConfiguracionEntidad configuracion) =>
        Motivo(metaMes, ejecutado, configuracion.ToleranciaInferior, configuracion.ToleranciaSuperior);

    public static bool Requerida(decimal metaMes, decimal? ejecutado, ConfiguracionEntidad configuracion) =>
        Motivo(metaMes, ejecutado, configuracion) != MotivoJustificacion.NoRequerida;

    /// <summary>The reason shown next to a missing justification: "la ejecución es 70.00 % de la meta, debajo de la tolerancia de 85 %".</summary>
    public static string Explicacion(decimal metaMes, decimal? ejecutado, ConfiguracionEntidad configuracion)
    {
        var e = ejecutado is { } ej ? Ejecucion.Porcentaje(metaMes, ej) : null;
        return Motivo(metaMes, ejecutado, configuracion) switch
        {
            MotivoJustificacion.BajoTolerancia =>
                $"la ejecución es {CifraEnMensaje.Porcentaje(e!.Value)} de la meta, debajo de la tolerancia de {CifraEnMensaje.Numero(configuracion.ToleranciaInferior)} %",
            MotivoJustificacion.SobreTolerancia =>
                $"la ejecución es {CifraEnMensaje.Porcentaje(e!.Value)} de la meta, encima de la tolerancia de {CifraEnMensaje.Numero(configuracion.ToleranciaSuperior)} %",
            MotivoJustificacion.EjecucionNoProgramada => "hay ejecución no programada (el mes no tiene meta)",
            _ => "la ejecución está dentro de la tolerancia",
        };
    }
}
