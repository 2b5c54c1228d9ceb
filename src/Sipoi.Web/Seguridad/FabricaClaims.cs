using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sipoi.Web.Data;

namespace Sipoi.Web.Seguridad;

/// <summary>Puts the user's entity and display name in the session cookie next to Identity's roles.</summary>
public sealed class FabricaClaims(UserManager<Usuario> usuarios, RoleManager<Rol> roles, IOptions<IdentityOptions> opciones, SipoiDbContext db)
    : UserClaimsPrincipalFactory<Usuario, Rol>(usuarios, roles, opciones)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(Usuario user)
    {
        var identidad = await base.GenerateClaimsAsync(user);
        var codigo = await db.Entidades.AsNoTracking().Where(e => e.Id == user.EntidadId).Select(e => e.Codigo).SingleAsync();
        identidad.AddClaim(new Claim(ClaimsSipoi.Entidad, codigo));
        identidad.AddClaim(new Claim(ClaimsSipoi.EntidadId, user.EntidadId.ToString(CultureInfo.InvariantCulture)));
        identidad.AddClaim(new Claim(ClaimsSipoi.Nombre, user.NombreCompleto));
        if (user.EsAdministradorNacional) identidad.AddClaim(new Claim(ClaimsSipoi.Nacional, "true"));
        return identidad;
    }
}
