namespace Sipoi.Web.Seguimiento;

/// <summary>
/// A user is the head (jefatura) of a cost centre, usually a gerencia: with the entity's <see cref="ConfiguracionEntidad.ValidacionJefatura"/>
/// it validates or observes the submissions of the centres directly under it (and of its own centre when that one has no
/// parent) before the planning office reviews them. Assigned by the entity's Administrador on the user's page; any role may
/// hold it, since the right comes from the assignment (Seguimiento/README.md).
/// </summary>
public sealed class JefaturaCentro
{
    public int UsuarioId { get; private set; }
    public int CentroCostoId { get; private set; }
    public int EntidadId { get; private set; }

    private JefaturaCentro() { }

    public JefaturaCentro(int entidadId, int usuarioId, int centroCostoId)
    {
        EntidadId = entidadId;
        UsuarioId = usuarioId;
        CentroCostoId = centroCostoId;
    }

    /// <summary>The centre whose head validates <paramref name="centro"/>'s months: its parent, or itself at the root of the tree.</summary>
    public static int CentroQueValida(CentroCosto centro) => centro.PadreId ?? centro.Id;
}
