using Sipoi.Domain.Organizacion;

namespace Sipoi.Domain.Seguimiento;

/// <summary>
/// Workflow of one cost centre's month: Pendiente → Enviado → Aprobado, or Enviado → Observado → Enviado …;
/// with <see cref="ConfiguracionEntidad.ValidacionJefatura"/>, Enviado → Validado (the head of the parent centre) → Aprobado.
/// </summary>
public enum EstadoSeguimiento { Pendiente, Enviado, Observado, Aprobado, Validado }

/// <summary>What the monitoring board shows for a cost centre and month: the workflow state, or Atrasado.</summary>
public enum EstadoTablero { Pendiente, Enviado, Observado, Aprobado, Atrasado, Validado }

public static class EstadosTexto
{
    public static string Nombre(this EstadoSeguimiento e) => e switch
    {
        EstadoSeguimiento.Pendiente => "Pendiente",
        EstadoSeguimiento.Enviado => "Enviado",
        EstadoSeguimiento.Observado => "Observado",
        EstadoSeguimiento.Aprobado => "Aprobado",
        EstadoSeguimiento.Validado => "Validado",
        _ => throw new ArgumentOutOfRangeException(nameof(e)),
    };

    public static string Codigo(this EstadoTablero e) => e switch
    {
        EstadoTablero.Pendiente => "pendiente",
        EstadoTablero.Enviado => "enviado",
        EstadoTablero.Observado => "observado",
        EstadoTablero.Aprobado => "aprobado",
        EstadoTablero.Atrasado => "atrasado",
        EstadoTablero.Validado => "validado",
        _ => throw new ArgumentOutOfRangeException(nameof(e)),
    };

    public static string Nombre(this EstadoTablero e) => e switch
    {
        EstadoTablero.Pendiente => "Pendiente",
        EstadoTablero.Enviado => "Enviado",
        EstadoTablero.Observado => "Observado",
        EstadoTablero.Aprobado => "Aprobado",
        EstadoTablero.Atrasado => "Atrasado",
        EstadoTablero.Validado => "Validado",
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
        EstadoSeguimiento.Validado => EstadoTablero.Validado,
        _ when Plazos.Vencido(plazoVigente, hoy) => EstadoTablero.Atrasado,
        EstadoSeguimiento.Observado => EstadoTablero.Observado,
        _ => EstadoTablero.Pendiente,
    };

    /// <summary>For a board row; a month with no <see cref="SeguimientoMensual"/> yet is Pendiente with the regular deadline.</summary>
    public static EstadoTablero Estado(MesDelAnio mes, SeguimientoMensual? seguimiento, ConfiguracionEntidad configuracion, DateOnly hoy) =>
        Estado(seguimiento?.Estado ?? EstadoSeguimiento.Pendiente,
               Plazos.Vigente(Plazos.Cierre(mes, configuracion), seguimiento?.Reapertura), hoy);

    /// <summary>
    /// A quarter's state on the board of a quarterly entity: the least advanced of its three months (atrasado, then
    /// observado, pendiente, enviado, validado, aprobado), so a quarter is aprobado only when all three are.
    /// </summary>
    public static EstadoTablero EstadoTrimestre(IEnumerable<EstadoTablero> meses) =>
        meses.OrderBy(e => Array.IndexOf(OrdenTrimestre, e)).First();

    private static readonly EstadoTablero[] OrdenTrimestre =
        [EstadoTablero.Atrasado, EstadoTablero.Observado, EstadoTablero.Pendiente, EstadoTablero.Enviado, EstadoTablero.Validado, EstadoTablero.Aprobado];
}

/// <summary>
/// Which monitoring months the evaluation and every execution figure read (DOMAIN.md §4): approved ones, and also
/// submitted ones when the entity shows them (<see cref="ConfiguracionEntidad.MostrarEnviados"/>). The SQL of the
/// evaluation receives <see cref="Estados"/> as a parameter, so this is the only place the rule is written.
/// A month validated by the head of the parent centre (<see cref="EstadoSeguimiento.Validado"/>) is a submitted month one
/// step further along: it counts exactly when Enviado does.
/// </summary>
public static class MesesQueCuentan
{
    public static IReadOnlyList<EstadoSeguimiento> Estados(bool mostrarEnviados) =>
        mostrarEnviados ? [EstadoSeguimiento.Aprobado, EstadoSeguimiento.Enviado, EstadoSeguimiento.Validado] : [EstadoSeguimiento.Aprobado];

    public static bool Cuenta(EstadoSeguimiento estado, bool mostrarEnviados) => Estados(mostrarEnviados).Contains(estado);
}
