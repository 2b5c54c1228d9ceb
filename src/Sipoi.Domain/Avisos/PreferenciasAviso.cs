namespace Sipoi.Domain.Avisos;

/// <summary>
/// A user's choice of notices (its own account page): all of them (no row, the default), none, or some kinds.
/// A notice the user does not want is still queued and recorded as skipped, so the outbox shows what was not sent and why.
/// </summary>
public sealed class PreferenciasAviso
{
    public int UsuarioId { get; private set; }
    public int EntidadId { get; private set; }
    /// <summary>Opted out of every notice, whatever the kinds say.</summary>
    public bool Ninguno { get; private set; }
    public bool MesObservado { get; private set; } = true;
    public bool MesReabierto { get; private set; } = true;
    public bool PlazoProximo { get; private set; } = true;
    public bool PlazoVencido { get; private set; } = true;
    public bool Recomendacion { get; private set; } = true;
    public bool EvaluacionPublicada { get; private set; } = true;
    public bool HitoCalendario { get; private set; } = true;
    public bool PropuestaPendiente { get; private set; } = true;

    private PreferenciasAviso() { }

    public PreferenciasAviso(int usuarioId, int entidadId)
    {
        UsuarioId = usuarioId;
        EntidadId = entidadId;
    }

    /// <summary>Whether a notice of this kind is sent to the user; a user without preferences receives all.</summary>
    public static bool Recibe(PreferenciasAviso? p, TipoAviso tipo) => p is null || (!p.Ninguno && p.Quiere(tipo));

    public bool Quiere(TipoAviso tipo) => tipo switch
    {
        TipoAviso.MesObservado => MesObservado,
        TipoAviso.MesReabierto => MesReabierto,
        TipoAviso.PlazoProximo => PlazoProximo,
        TipoAviso.PlazoVencido => PlazoVencido,
        TipoAviso.Recomendacion => Recomendacion,
        TipoAviso.EvaluacionPublicada => EvaluacionPublicada,
        TipoAviso.HitoCalendario => HitoCalendario,
        TipoAviso.PropuestaPendiente => PropuestaPendiente,
        _ => throw new ArgumentOutOfRangeException(nameof(tipo)),
    };

    /// <summary>
    /// Sets the choice: <paramref name="ninguno"/> turns every notice off; of the kinds the page <paramref name="ofrecidos"/>
    /// (those of the user's roles), exactly the ones in <paramref name="recibidos"/> are on; the others keep their value.
    /// </summary>
    public void Cambiar(bool ninguno, IReadOnlyCollection<TipoAviso> ofrecidos, IReadOnlyCollection<TipoAviso> recibidos)
    {
        Ninguno = ninguno;
        foreach (var t in ofrecidos) Poner(t, recibidos.Contains(t));
    }

    private void Poner(TipoAviso tipo, bool quiere)
    {
        switch (tipo)
        {
            case TipoAviso.MesObservado: MesObservado = quiere; break;
            case TipoAviso.MesReabierto: MesReabierto = quiere; break;
            case TipoAviso.PlazoProximo: PlazoProximo = quiere; break;
            case TipoAviso.PlazoVencido: PlazoVencido = quiere; break;
            case TipoAviso.Recomendacion: Recomendacion = quiere; break;
            case TipoAviso.EvaluacionPublicada: EvaluacionPublicada = quiere; break;
            case TipoAviso.HitoCalendario: HitoCalendario = quiere; break;
            case TipoAviso.PropuestaPendiente: PropuestaPendiente = quiere; break;
            default: throw new ArgumentOutOfRangeException(nameof(tipo));
        }
    }
}
