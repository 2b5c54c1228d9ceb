using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sipoi.Web.Data;
using Sipoi.Web.Seguridad;

namespace Sipoi.Web.Pages.Cuenta;

[Authorize(Policy = Politicas.Sesion)]
public sealed class ContrasenaModel(UserManager<Usuario> usuarios, SignInManager<Usuario> sesiones, SipoiDbContext db, TimeProvider reloj) : PageModel
{
    public sealed class Entrada
    {
        [Required(ErrorMessage = "Escriba su contraseña actual.")]
        [DataType(DataType.Password)]
        [Display(Name = "Contraseña actual")]
        public string Actual { get; set; } = "";

        [Required(ErrorMessage = "Escriba la nueva contraseña.")]
        [DataType(DataType.Password)]
        [Display(Name = "Nueva contraseña")]
        public string Nueva { get; set; } = "";

        [Required(ErrorMessage = "Repita la nueva contraseña.")]
        [DataType(DataType.Password)]
        [Compare(nameof(Nueva), ErrorMessage = "La confirmación no coincide con la nueva contraseña.")]
        [Display(Name = "Repita la nueva contraseña")]
        public string Confirmacion { get; set; } = "";
    }

    [BindProperty]
    public Entrada Datos { get; set; } = new();

    [TempData]
    public string? Mensaje { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        var usuario = await usuarios.GetUserAsync(User);
        if (usuario is null) return Challenge();
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            var r = await usuarios.ChangePasswordAsync(usuario, Datos.Actual, Datos.Nueva);
            if (!r.Succeeded)
            {
                foreach (var e in r.Errors) ModelState.AddModelError("", e.Description);
                return Page();
            }
            // Whoever held the old password (another browser, a token) is out now; this session stays.
            await SesionesServidor.CerrarTodoAsync(db, usuario.Id, reloj.GetUtcNow(), SesionesServidor.Actual(HttpContext), ct);
            await tx.CommitAsync(ct);
        }
        // The security stamp changed: renew this session's cookie so it survives the next validation.
        await sesiones.RefreshSignInAsync(usuario);
        Mensaje = "Su contraseña se cambió. Se cerraron sus otras sesiones y se revocaron sus tokens de API.";
        return RedirectToPage();
    }
}
