namespace Sipoi.Web.Seguridad;

/// <summary>The authorization policies; <see cref="Entidad"/> is also the default and the fallback, so a new page is protected without asking.</summary>
public static class Politicas
{
    /// <summary>Signed in, with one of the four roles, and — on /e/{entidad}/… — a user of that entity.</summary>
    public const string Entidad = "Entidad";
    /// <summary>The audit log: Planificador or Administrador of the entity.</summary>
    public const string Auditoria = "Auditoria";
    /// <summary>Only signed in (own account pages).</summary>
    public const string Sesion = "Sesion";
    /// <summary>/api/v1: a personal token (Bearer), never the cookie (no cross-site requests), plus the entity rule.</summary>
    public const string Api = "Api";
    /// <summary>Entity administration (users, settings, organisation chart): the entity rule plus Administrador.</summary>
    public const string Administracion = "Administracion";
}
