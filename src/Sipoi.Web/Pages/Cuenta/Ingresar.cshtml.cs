using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Sipoi.Web.Administracion;
using Sipoi.Web.Seguridad;

namespace Sipoi.Web.Pages.Cuenta;

/// <summary>
/// Log-in. Wrong passwords slow down (<see cref="LimiteIngreso"/>, 429) instead of locking the account, and an unknown
/// e-mail gets the same message after the same work (a password hash is checked either way), so the page does not
/// tell which accounts exist.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(LimiteIngreso.Politica)]
public sealed class IngresarModel(UserManager<Usuario> usuarios, SignInManager<Usuario> sesiones, LimiteIngreso limite, TimeProvider reloj,
    ILogger<IngresarModel> log) : PageModel
{
    public const string MensajeFallo = "Correo o contraseña incorrectos.";

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
        var cliente = LimiteIngreso.Cliente(HttpContext);
        if (!limite.CuentaPuede(correo) || !limite.ClientePuede(cliente))
        {
            log.LogWarning("Ingreso frenado: {Usuario} desde {Cliente}", correo, cliente);
            ModelState.AddModelError("", LimiteIngreso.Mensaje);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }

        var usuario = await usuarios.FindByNameAsync(correo);
        if (!await ContrasenaCorrectaAsync(usuario, Datos.Contrasena))
        {
            limite.RegistrarFallo(correo, cliente);
            log.LogInformation("Ingreso fallido: {Usuario} desde {Cliente}", correo, cliente);
            ModelState.AddModelError("", MensajeFallo);
            return Page();
        }
        // Only who knows the password learns that the account is deactivated.
        if (CuentasUsuario.EstadoDe(usuario!.LockoutEnd, reloj.GetUtcNow()) == CuentasUsuario.Estado.Desactivado)
        {
            ModelState.AddModelError("", "Su cuenta está desactivada. Pida al administrador de su entidad que la reactive.");
            return Page();
        }
        await sesiones.SignInAsync(usuario, isPersistent: false);
        log.LogInformation("Inicio de sesión de {Usuario}", correo);
        return Url.IsLocalUrl(returnUrl) ? LocalRedirect(returnUrl) : RedirectToPage("/Index");
    }

    /// <summary>For an unknown account a stored dummy hash is checked, so both answers take one PBKDF2 run.</summary>
    private async Task<bool> ContrasenaCorrectaAsync(Usuario? usuario, string contrasena)
    {
        if (usuario is not null) return await usuarios.CheckPasswordAsync(usuario, contrasena);
        usuarios.PasswordHasher.VerifyHashedPassword(Ficticio.Usuario, Ficticio.Hash(usuarios.PasswordHasher), contrasena);
        return false;
    }

    private static class Ficticio
    {
        public static readonly Usuario Usuario = new(0, "ficticio@sipoi.invalid", "Ficticio");
        private static string? _hash;

        public static string Hash(IPasswordHasher<Usuario> hasher) =>
            _hash ??= hasher.HashPassword(Usuario, Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)));
    }
}
