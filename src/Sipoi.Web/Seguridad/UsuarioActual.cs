using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Data;

namespace Sipoi.Web.Seguridad;

public static class UsuarioActual
{
    public static int Id(this ClaimsPrincipal u) =>
        int.Parse(u.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Sesión sin usuario."), CultureInfo.InvariantCulture);

    public static string? CodigoEntidad(this ClaimsPrincipal u) => u.FindFirstValue(ClaimsSipoi.Entidad);

    public static int? EntidadId(this ClaimsPrincipal u) =>
        int.TryParse(u.FindFirstValue(ClaimsSipoi.EntidadId), CultureInfo.InvariantCulture, out var id) ? id : null;

    public static string NombreVisible(this ClaimsPrincipal u) => u.FindFirstValue(ClaimsSipoi.Nombre) ?? u.Identity?.Name ?? "";

    public static bool EsAdministradorNacional(this ClaimsPrincipal u) => u.HasClaim(ClaimsSipoi.Nacional, "true");

    public static bool TieneRolSipoi(this ClaimsPrincipal u) => Roles.Todos.Any(u.IsInRole);

    /// <summary>The entity rule: users read their own entity only; a national administrator reads all.</summary>
    public static bool PuedeVerEntidad(this ClaimsPrincipal u, string codigo) =>
        u.TieneRolSipoi() && (u.EsAdministradorNacional() || string.Equals(u.CodigoEntidad(), codigo, StringComparison.Ordinal));

    /// <summary>Administrador, Planificador and Consulta read every cost centre; an Operador only its own.</summary>
    public static bool VeTodaLaEntidad(this ClaimsPrincipal u) => Roles.VenTodaLaEntidad.Any(u.IsInRole);

    public static bool VeAuditoria(this ClaimsPrincipal u) => u.IsInRole(Roles.Administrador) || u.IsInRole(Roles.Planificador);

    /// <summary>
    /// The cost centres whose per-centre data (POI matrices, activities) the user may read: null means
    /// all of the entity. Read from the database on each request, so a reassignment applies at once.
    /// </summary>
    public static async Task<IReadOnlyCollection<int>?> CentrosVisiblesAsync(this ClaimsPrincipal u, SipoiDbContext db, CancellationToken ct)
    {
        if (u.VeTodaLaEntidad()) return null;
        var id = u.Id();
        return await db.UsuariosCentroCosto.AsNoTracking().Where(x => x.UsuarioId == id).Select(x => x.CentroCostoId).ToListAsync(ct);
    }
}
