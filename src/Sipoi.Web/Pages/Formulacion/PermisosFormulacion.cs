using System.Security.Claims;
using Sipoi.Web.Data;
using Sipoi.Web.Seguimiento;
using Sipoi.Web.Seguridad;

namespace Sipoi.Web.Pages.Formulacion;

/// <summary>
/// Who may do what while a POI version is drafted (README.md in this folder). Every handler asks
/// here on the server; the entity rule is the authorization policy's, as everywhere.
/// </summary>
public static class PermisosFormulacion
{
    /// <summary>Reading a centre's draft: whoever sees the centre (an Operador only its own).</summary>
    public static Task<bool> PuedeVerAsync(ClaimsPrincipal u, SipoiDbContext db, int centroCostoId, CancellationToken ct) =>
        PermisosSeguimiento.PuedeVerAsync(u, db, centroCostoId, ct);

    /// <summary>Drafting and submitting a centre's activities: the Operador assigned to it, or the planning office.</summary>
    public static async Task<bool> PuedeFormularAsync(ClaimsPrincipal u, SipoiDbContext db, int centroCostoId, CancellationToken ct) =>
        u.IsInRole(Roles.Planificador) || await PermisosSeguimiento.PuedeRegistrarAsync(u, db, centroCostoId, ct);

    /// <summary>Opening versions, observing, accepting, approving and setting budget ceilings: the planning office.</summary>
    public static bool PuedeConducir(ClaimsPrincipal u) => u.IsInRole(Roles.Planificador);

    public static string Usuario(ClaimsPrincipal u) => PermisosSeguimiento.Usuario(u);
}
