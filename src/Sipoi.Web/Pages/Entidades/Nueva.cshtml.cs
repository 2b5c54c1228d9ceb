using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sipoi.Web.Administracion;
using Sipoi.Web.Data;
using Sipoi.Web.Seguridad;

namespace Sipoi.Web.Pages.Entidades;

/// <summary>
/// A national administrator creates an entity and its first Administrador (README.md in this folder). With the password
/// left empty one is generated and shown on this response only, as on the new-user page.
/// </summary>
[Authorize]
public sealed class NuevaModel(SipoiDbContext db, UserManager<Usuario> usuarios) : PageModel
{
    [BindProperty] public DatosEntidadNueva Datos { get; set; } = new();
    public List<string> Errores { get; private set; } = [];
    /// <summary>The code of the entity just created (the page then shows the result instead of the form).</summary>
    public string? Creada { get; private set; }
    /// <summary>The generated password of its administrator: shown once.</summary>
    public string? ContrasenaGenerada { get; private set; }

    public IActionResult OnGet() => User.EsAdministradorNacional() ? Page() : Forbid();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!User.EsAdministradorNacional()) return Forbid();
        var generada = string.IsNullOrEmpty(Datos.Contrasena);
        var contrasena = generada ? CuentasUsuario.GenerarContrasena() : Datos.Contrasena!;
        Errores = await AltaEntidad.CrearAsync(db, usuarios, Datos, contrasena, ct);
        Datos.Contrasena = null;
        if (Errores.Count > 0) return Page();
        Creada = Datos.Codigo!.Trim();
        // No redirect: a generated password must not travel in a URL or a cookie.
        Response.Headers.CacheControl = "no-store";
        if (generada) ContrasenaGenerada = contrasena;
        return Page();
    }
}
