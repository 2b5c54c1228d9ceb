using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Data;
using Sipoi.Web.Seguridad;

namespace Sipoi.Web.Seguimiento;

/// <summary>
/// Who may do what with a cost centre's month (Seguimiento/README.md). Every page handler and API
/// endpoint asks here before touching the month; the entity check is the authorization policy's.
/// </summary>
public static class PermisosSeguimiento
{
    /// <summary>Administrador, Planificador and Consulta read every centre; an Operador only its own.</summary>
    public static async Task<bool> PuedeVerAsync(ClaimsPrincipal u, SipoiDbContext db, int centroCostoId, CancellationToken ct) =>
        await u.CentrosVisiblesAsync(db, ct) is not { } centros || centros.Contains(centroCostoId);

    /// <summary>Registering values, submitting and attaching evidence: an Operador assigned to the centre (read on each request).</summary>
    public static async Task<bool> PuedeRegistrarAsync(ClaimsPrincipal u, SipoiDbContext db, int centroCostoId, CancellationToken ct)
    {
        if (!u.IsInRole(Roles.Operador)) return false;
        return await Asignado.Para(db)(db, u.Id(), centroCostoId, ct);
    }

    /// <summary>
    /// <see cref="PuedeVerAsync"/> and <see cref="PuedeRegistrarAsync"/> together, with one query at most (the user's centres,
    /// read on each request): what the API's month endpoints ask for every request.
    /// </summary>
    public static async Task<(bool Ver, bool Registrar)> DelCentroAsync(ClaimsPrincipal u, SipoiDbContext db, int centroCostoId, CancellationToken ct)
    {
        var operador = u.IsInRole(Roles.Operador);
        if (u.VeTodaLaEntidad() && !operador) return (true, false);
        var id = u.Id();
        var asignado = await Asignado.Para(db)(db, id, centroCostoId, ct);
        return (u.VeTodaLaEntidad() || asignado, operador && asignado);
    }

    /// <summary>Whether the user is assigned to the centre; compiled once: every API call and grid page on a month asks it.</summary>
    private static readonly ConsultaCompilada<Func<SipoiDbContext, int, int, CancellationToken, Task<bool>>> Asignado = new(() =>
        EF.CompileAsyncQuery((SipoiDbContext db, int usuario, int centro, CancellationToken ct) =>
            db.UsuariosCentroCosto.Any(x => x.UsuarioId == usuario && x.CentroCostoId == centro)));

    /// <summary>Approving, observing and reopening: the planning office.</summary>
    public static bool PuedeRevisar(ClaimsPrincipal u) => u.IsInRole(Roles.Planificador);

    /// <summary>
    /// Validating or observing a submission before the planning office (entity setting ValidacionJefatura): a user assigned as
    /// head (<see cref="JefaturaCentro"/>) of the centre's parent, or of the centre itself when it is a root of the tree.
    /// </summary>
    public static async Task<bool> EsJefaturaAsync(ClaimsPrincipal u, SipoiDbContext db, CentroCosto centro, CancellationToken ct)
    {
        if (u.Identity?.IsAuthenticated != true) return false;
        var id = u.Id();
        var valida = JefaturaCentro.CentroQueValida(centro);
        return await db.Jefaturas.AsNoTracking().AnyAsync(j => j.UsuarioId == id && j.CentroCostoId == valida, ct);
    }

    /// <summary>The name the workflow and the audit log record (the e-mail the user signs in with).</summary>
    public static string Usuario(ClaimsPrincipal u) => u.Identity?.Name ?? throw new InvalidOperationException("Sesión sin nombre de usuario.");
}
