using Microsoft.AspNetCore.Authorization;

namespace Sipoi.Web.Seguridad;

/// <summary>The route's {entidad} must be the user's entity. Pages without {entidad} only need a role.</summary>
public sealed class MiembroDeEntidad : IAuthorizationRequirement;
