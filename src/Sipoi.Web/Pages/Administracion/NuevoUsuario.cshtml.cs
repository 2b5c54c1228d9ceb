using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sipoi.Web.Administracion;
using Sipoi.Web.Data;
using Sipoi.Web.Entidades;
using Sipoi.Web.Seguridad;

namespace Sipoi.Web.Pages.Administracion;

/// <summary>
/// Creates a user of the entity. With the password left empty one is generated and shown on this
/// response only (never stored in clear, never sent in a URL or cookie).
/// </summary>
[Authorize(Policy = Politicas.Administracion)]
public sealed class NuevoUsuarioModel(SipoiDbContext db, UserManager<Usuario> usuarios) : PageModel
{
    [BindProperty] public DatosUsuario Datos { get; set; } = new();
    [TempData] public string? Aviso { get; set; }

    public Entidad Entidad { get; private set; } = null!;
    public List<CamposUsuario.Centro> Centros { get; private set; } = [];
    public List<string> Errores { get; private set; } = [];
    /// <summary>The generated password of the user just created: shown once.</summary>
    public string? ContrasenaGenerada { get; private set; }

    public async Task<IActionResult> OnGetAsync(string entidad, CancellationToken ct) => await PrepararAsync(entidad, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(string entidad, CancellationToken ct)
    {
        if (await PrepararAsync(entidad, ct) is { } no) return no;
        var generada = string.IsNullOrEmpty(Datos.Contrasena);
        var contrasena = generada ? CuentasUsuario.GenerarContrasena() : Datos.Contrasena!;
        try
        {
            Errores = await CuentasUsuario.CrearAsync(db, usuarios, Entidad.Id, Datos, contrasena, Rango.De(User), ct);
        }
        catch (ReglaDominioException e)
        {
            Errores = [e.Message];
        }
        Datos.Contrasena = null;
        if (Errores.Count > 0) return Page();
        var creado = $"Se creó el usuario {Datos.Correo!.Trim()}.";
        if (!generada)
        {
            Aviso = creado;
            return RedirectToPage("/Administracion/Usuarios", new { entidad = Entidad.Codigo });
        }
        // No redirect: the generated password must not travel in a URL or a cookie.
        Response.Headers.CacheControl = "no-store";
        Aviso = null;
        ContrasenaGenerada = contrasena;
        ViewData["Creado"] = creado;
        return Page();
    }

    private async Task<IActionResult?> PrepararAsync(string entidad, CancellationToken ct)
    {
        if (await ContextoEntidad.BuscarAsync(db, entidad, ct) is not { } e) return NotFound();
        Entidad = e;
        Centros = await CamposUsuario.CentrosAsync(db, e.Id, ct);
        return null;
    }
}
