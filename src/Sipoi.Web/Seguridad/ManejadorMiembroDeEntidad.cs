using Microsoft.AspNetCore.Authorization;

namespace Sipoi.Web.Seguridad;

public sealed class ManejadorMiembroDeEntidad : AuthorizationHandler<MiembroDeEntidad>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, MiembroDeEntidad requirement)
    {
        if (!context.User.TieneRolSipoi()) return Task.CompletedTask;
        var codigo = (context.Resource as HttpContext)?.GetRouteValue("entidad") as string;
        if (codigo is null || context.User.PuedeVerEntidad(codigo)) context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
