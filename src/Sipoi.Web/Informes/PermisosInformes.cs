using System.Security.Claims;
using Sipoi.Web.Seguridad;

namespace Sipoi.Web.Informes;

/// <summary>Who works on evaluations and the recommendations matrix (README.md in this folder).</summary>
public static class PermisosInformes
{
    /// <summary>Registering, recommending, following up and publishing: the planning office and the administrator.</summary>
    public static bool PuedeGestionar(ClaimsPrincipal u) => u.IsInRole(Roles.Planificador) || u.IsInRole(Roles.Administrador);

    /// <summary>Reading evaluations in preparation: everyone of the entity but an Operador (who reads its own recommendations in the matrix).</summary>
    public static bool PuedeLeer(ClaimsPrincipal u) => u.VeTodaLaEntidad();
}
