using Sipoi.Domain.Organizacion;

namespace Sipoi.Domain.Seguimiento;

/// <summary>Workflow of one cost centre's month: Pendiente → Enviado → Aprobado, or Enviado → Observado → Enviado …</summary>
public enum EstadoSeguimiento { Pendiente, Enviado, Observado, Aprobado }

/// <summary>What the monitoring board shows for a cost centre and month: the workflow state, or Atrasado.</summary>
public enum EstadoTablero { Pendiente, Enviado, Observado, Aprobado, Atrasado }

public static class EstadosTexto
{
    public static string Nombre(this EstadoSeguimiento e) => e switch
    {
        EstadoSeguimiento.Pendiente => "Pendiente",
        EstadoSeguimiento.Enviado => "Enviado",
        EstadoSeguimiento.Observado => "Observado",
        EstadoSeguimiento.Aprobado => "Aprobado",
        _ => throw new ArgumentOutOfRangeException(nameof(e)),
    };

    public static string Codigo(this EstadoTablero e) => e switch
    {
        EstadoTablero.Pendiente => "pendiente",
        EstadoTablero.Enviado => "enviado",
        EstadoTablero.Observado => "observado",
        EstadoTablero.Aprobado => "aprobado",
        EstadoTablero.Atrasado => "atrasado",
        _ => throw new ArgumentOutOfRangeException(nameof(e)),
    };

    public static string Nombre(this EstadoTablero e) => e switch
    {
        EstadoTablero.Pendiente => "Pendiente",
        EstadoTablero.Enviado => "Enviado",
        EstadoTablero.Observado => "Observado",
        EstadoTablero.Aprobado => "Aprobado",
        EstadoTablero.Atrasado => "Atrasado",
        _ => throw new ArgumentOutOfRangeException(nameof(e)),
    };
}

/// <summary>
/// The board state of a cost centre's month. Atrasado = still in the operator's hands
/// (Pendiente or Observado) after the deadline in force; Enviado and Aprobado are never late,
/// since the office did its part.
/// </summary>
public static class TableroEntregas
{
    public static EstadoTablero Estado(EstadoSeguimiento estado, DateOnly plazoVigente, DateOnly hoy) => estado switch
    {
        EstadoSeguimiento.Aprobado => EstadoTablero.Aprobado,
        EstadoSeguimiento.Enviado => EstadoTablero.Enviado,
        _ when Plazos.Vencido(plazoVigente, hoy) => EstadoTablero.Atrasado,
        EstadoSeguimiento.Observado => EstadoTablero.Observado,
        _ => EstadoTablero.Pendiente,
    };

    /// <summary>For a board row; a month with no <see cref="SeguimientoMensual"/> yet is Pendiente with the regular deadline.</summary>
    public static EstadoTablero Estado(MesDelAnio mes, SeguimientoMensual? seguimiento, ConfiguracionEntidad configuracion, DateOnly hoy) =>
        Estado(seguimiento?.Estado ?? EstadoSeguimiento.Pendiente,
               Plazos.Vigente(Plazos.Cierre(mes, configuracion), seguimiento?.Reapertura), hoy);
}

/// <summary>
/// Which monitoring months the evaluation and every execution figure read (DOMAIN.md §4): approved ones, and also
/// submitted ones when the entity shows them (<see cref="ConfiguracionEntidad.MostrarEnviados"/>). The SQL of the
/// evaluation receives <see cref="Estados"/> as a parameter, so this is the only place the rule is written.
/// </summary>
public static class MesesQueCuentan
{
    public static IReadOnlyList<EstadoSeguimiento> Estados(bool mostrarEnviados) =>
        mostrarEnviados ? [EstadoSeguimiento.Aprobado, EstadoSeguimiento.Enviado] : [EstadoSeguimiento.Aprobado];

    public static bool Cuenta(EstadoSeguimiento estado, bool mostrarEnviados) => Estados(mostrarEnviados).Contains(estado);
}
