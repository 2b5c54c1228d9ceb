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
        identidad.AddClaims(DeSipoi(user, codigo));
        return identidad;
    }

    /// <summary>SIPOI's own claims: the entity (code and id), the display name, national administration.</summary>
    private static IEnumerable<Claim> DeSipoi(Usuario user, string codigoEntidad)
    {
        yield return new Claim(ClaimsSipoi.Entidad, codigoEntidad);
        yield return new Claim(ClaimsSipoi.EntidadId, user.EntidadId.ToString(CultureInfo.InvariantCulture));
        yield return new Claim(ClaimsSipoi.Nombre, user.NombreCompleto);
        if (user.EsAdministradorNacional) yield return new Claim(ClaimsSipoi.Nacional, "true");
    }

    /// <summary>
    /// The same claims as the factory's for a user whose entity code and role names the caller already read (the API token's one
    /// query): Identity's id, name, e-mail, security stamp and roles, then SIPOI's. SIPOI stores no user or role claims (nothing
    /// writes usuario_claim or rol_claim), so there are none to add; FabricaClaimsTests checks both give the same claims.
    /// </summary>
    public static IEnumerable<Claim> Claims(Usuario user, string codigoEntidad, IEnumerable<string> roles, ClaimsIdentityOptions tipos)
    {
        yield return new Claim(tipos.UserIdClaimType, user.Id.ToString(CultureInfo.InvariantCulture));
        yield return new Claim(tipos.UserNameClaimType, user.UserName!);
        if (user.Email is { } correo) yield return new Claim(tipos.EmailClaimType, correo);
        if (user.SecurityStamp is { } sello) yield return new Claim(tipos.SecurityStampClaimType, sello);
        foreach (var r in roles) yield return new Claim(tipos.RoleClaimType, r);
        foreach (var c in DeSipoi(user, codigoEntidad)) yield return c;
    }
}
