using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sipoi.Web.Seguridad;

namespace Sipoi.Web.Pages.Cuenta;

/// <summary>Log-out is a POST (with its antiforgery token): a link or an image cannot end someone's session.</summary>
[AllowAnonymous]
public sealed class SalirModel(SignInManager<Usuario> sesiones) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await sesiones.SignOutAsync();
        return RedirectToPage("/Cuenta/Ingresar");
    }
}
