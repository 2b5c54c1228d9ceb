using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sipoi.Web.Seguridad;

namespace Sipoi.Web.Pages.Cuenta;

[AllowAnonymous]
public sealed class IngresarModel(SignInManager<Usuario> sesiones, ILogger<IngresarModel> log) : PageModel
{
    public sealed class Entrada
    {
        [Required(ErrorMessage = "Escriba su correo.")]
        [Display(Name = "Correo")]
        public string Correo { get; set; } = "";

        [Required(ErrorMessage = "Escriba su contraseña.")]
        [DataType(DataType.Password)]
        [Display(Name = "Contraseña")]
        public string Contrasena { get; set; } = "";
    }

    [BindProperty]
    public Entrada Datos { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl)
    {
        if (!ModelState.IsValid) return Page();
        var correo = Datos.Correo.Trim();
        var r = await sesiones.PasswordSignInAsync(correo, Datos.Contrasena, isPersistent: false, lockoutOnFailure: true);
        if (r.Succeeded)
        {
            log.LogInformation("Inicio de sesión de {Usuario}", correo);
            return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
        }
        if (r.IsLockedOut)
        {
            log.LogWarning("Cuenta bloqueada: {Usuario}", correo);
            ModelState.AddModelError("", $"La cuenta está bloqueada por {ConfiguracionSeguridad.IntentosAntesDeBloquear} intentos fallidos. " +
                $"Intente de nuevo en {ConfiguracionSeguridad.Bloqueo.TotalMinutes:0} minutos o pida ayuda al administrador.");
            return Page();
        }
        ModelState.AddModelError("", "Correo o contraseña incorrectos.");
        return Page();
    }
}
