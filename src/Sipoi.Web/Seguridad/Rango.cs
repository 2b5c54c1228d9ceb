using System.Security.Claims;

namespace Sipoi.Web.Seguridad;

/// <summary>
/// Who may act on whom and grant what, written once. Rank: national administrator (4) above
/// Administrador (3) above Planificador (2) above Operador and Consulta (1). A user's rank is its highest
/// role, or 4 with the national flag whatever its roles. Nobody acts on a user of higher rank (reset its
/// password, deactivate, unlock, edit its roles or centres) and nobody grants a role or flag above its own,
/// so an entity's Administrador can neither take over a national administrator nor create one.
/// </summary>
public static class Rango
{
    public const int Ninguno = 0;
    public const int Nacional = 4;

    public static int DeRol(string rol) => rol switch
    {
        Roles.Administrador => 3,
        Roles.Planificador => 2,
        Roles.Operador or Roles.Consulta => 1,
        _ => Ninguno,
    };

    public static int De(IEnumerable<string> roles, bool nacional) =>
        nacional ? Nacional : roles.Select(DeRol).DefaultIfEmpty(Ninguno).Max();

    /// <summary>The signed-in user's rank, from its session's roles and national claim.</summary>
    public static int De(ClaimsPrincipal u) => De(Roles.Todos.Where(u.IsInRole), u.EsAdministradorNacional());

    /// <summary>Whether someone of rank <paramref name="actor"/> may change an account of rank <paramref name="objetivo"/>.</summary>
    public static bool PuedeActuarSobre(int actor, int objetivo) => actor >= objetivo;

    /// <summary>The roles of <paramref name="roles"/> that someone of rank <paramref name="actor"/> may not grant, with the message for each.</summary>
    public static IEnumerable<string> NoOtorgables(int actor, IEnumerable<string> roles) =>
        roles.Distinct().Where(r => DeRol(r) > actor)
            .Select(r => $"Roles: no puede otorgar el rol {Roles.NombreVisible(r)}, que es superior al suyo.");

    public const string MensajeNacional = "Solo un administrador nacional puede otorgar o quitar la administración nacional.";
}
