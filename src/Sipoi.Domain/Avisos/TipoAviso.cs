namespace Sipoi.Domain.Avisos;

/// <summary>
/// The kinds of e-mail notice (issue 13 item 5). Stored by member name (≤ 20 characters, the enum column's
/// length), so renaming a member is a migration.
/// </summary>
public enum TipoAviso
{
    /// <summary>The planning office observed a centre's month: to the centre's operators.</summary>
    MesObservado,
    /// <summary>The planning office reopened a centre's month with a new deadline: to the centre's operators.</summary>
    MesReabierto,
    /// <summary>A month still in the operator's hands closes within N days: to the centre's operators.</summary>
    PlazoProximo,
    /// <summary>A month passed its deadline in force without being submitted: to the centre's operators.</summary>
    PlazoVencido,
    /// <summary>A recommendation not yet implemented is near or past its deadline: to the responsible centre's operators.</summary>
    Recomendacion,
    /// <summary>An evaluation was published: to the entity's planners and consulta users.</summary>
    EvaluacionPublicada,
    /// <summary>An evaluation or formulation milestone of the entity's calendar is N days away or due today: to the entity's planners.</summary>
    HitoCalendario,
    /// <summary>The centre proposals' milestone is N days away or due today and the centre's draft proposal is still Borrador/Observado: to its operators.</summary>
    PropuestaPendiente,
}

/// <summary>Who receives a kind of notice.</summary>
public enum DestinoAviso
{
    /// <summary>The active users with role Operador assigned to the cost centre concerned.</summary>
    OperadoresDelCentro,
    /// <summary>The active users of the entity with role Planificador or Consulta.</summary>
    PlanificadoresYConsulta,
    /// <summary>The active users of the entity with role Planificador.</summary>
    Planificadores,
}

public static class TiposAviso
{
    public static IReadOnlyList<TipoAviso> Todos { get; } = Enum.GetValues<TipoAviso>();

    public static DestinoAviso Destino(this TipoAviso t) => t switch
    {
        TipoAviso.EvaluacionPublicada => DestinoAviso.PlanificadoresYConsulta,
        TipoAviso.HitoCalendario => DestinoAviso.Planificadores,
        TipoAviso.MesObservado or TipoAviso.MesReabierto or TipoAviso.PlazoProximo or TipoAviso.PlazoVencido or TipoAviso.Recomendacion
            or TipoAviso.PropuestaPendiente
            => DestinoAviso.OperadoresDelCentro,
        _ => throw new ArgumentOutOfRangeException(nameof(t)),
    };

    /// <summary>How the account page and the outbox name the kind.</summary>
    public static string Nombre(this TipoAviso t) => t switch
    {
        TipoAviso.MesObservado => "Seguimiento observado",
        TipoAviso.MesReabierto => "Seguimiento reabierto",
        TipoAviso.PlazoProximo => "Plazo de seguimiento próximo a vencer",
        TipoAviso.PlazoVencido => "Plazo de seguimiento vencido",
        TipoAviso.Recomendacion => "Recomendación por vencer o vencida",
        TipoAviso.EvaluacionPublicada => "Evaluación publicada",
        TipoAviso.HitoCalendario => "Hito del calendario próximo o de hoy",
        TipoAviso.PropuestaPendiente => "Plazo de la propuesta del centro (formulación)",
        _ => throw new ArgumentOutOfRangeException(nameof(t)),
    };

    /// <summary>Kinds a user of these roles can receive (the account page offers only these).</summary>
    public static IReadOnlyList<TipoAviso> ParaRoles(bool operador, bool planificador, bool consulta) =>
        Todos.Where(t => t.Destino() switch
        {
            DestinoAviso.OperadoresDelCentro => operador,
            DestinoAviso.Planificadores => planificador,
            _ => planificador || consulta,
        }).ToList();
}
