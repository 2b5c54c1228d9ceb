using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Data;
using Sipoi.Web.Seguridad;

namespace Sipoi.Web.Pages.Cuenta;

/// <summary>
/// The user's personal API tokens: create one (its secret is shown on this response only, never
/// stored or shown again) and revoke it. A token acts with the user's own roles and cost centres.
/// </summary>
[Authorize(Policy = Politicas.Sesion)]
public sealed class TokensModel(SipoiDbContext db, UserManager<Usuario> usuarios, TimeProvider reloj) : PageModel
{
    public sealed record Fila(int Id, string Nombre, DateTimeOffset Creado, DateTimeOffset? UltimoUso, DateTimeOffset? Revocado);

    [BindProperty] public string? Nombre { get; set; }
    [BindProperty] public bool Confirmar { get; set; }
    [TempData] public string? Aviso { get; set; }

    public List<Fila> Tokens { get; private set; } = [];
    /// <summary>The secret of the token just created: shown once, in this response.</summary>
    public string? Secreto { get; private set; }
    public string? Error { get; private set; }
    /// <summary>The token the first «Revocar» post asks to confirm; null otherwise.</summary>
    public Fila? PorRevocar { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await CargarAsync(ct);

    public async Task<IActionResult> OnPostCrearAsync(CancellationToken ct)
    {
        var usuario = await usuarios.GetUserAsync(User);
        if (usuario is null) return Challenge();
        try
        {
            var (token, secreto) = TokenApi.Crear(usuario, Nombre, reloj.GetUtcNow());
            db.TokensApi.Add(token);
            await db.SaveChangesAsync(ct);
            Secreto = secreto;
            Nombre = null;
        }
        catch (ReglaDominioException e)
        {
            Error = e.Message;
        }
        // No redirect: the secret must not travel in a URL or a cookie.
        Response.Headers.CacheControl = "no-store";
        await CargarAsync(ct);
        return Page();
    }

    /// <summary>
    /// «Revocar» cannot be undone (the secret stops working for good): the first post only shows which token goes
    /// (<see cref="PorRevocar"/>); the confirmation posts the same id with <see cref="Confirmar"/>, and only that revokes.
    /// </summary>
    public async Task<IActionResult> OnPostRevocarAsync(int id, CancellationToken ct)
    {
        var propio = User.Id();
        var token = await db.TokensApi.SingleOrDefaultAsync(t => t.Id == id && t.UsuarioId == propio, ct);
        if (token is null) return NotFound();
        if (!Confirmar)
        {
            PorRevocar = new Fila(token.Id, token.Nombre, token.Creado, token.UltimoUso, token.Revocado);
            await CargarAsync(ct);
            return Page();
        }
        token.Revocar(reloj.GetUtcNow());
        await db.SaveChangesAsync(ct);
        Aviso = $"Se revocó el token «{token.Nombre}»: desde ahora se rechaza.";
        return RedirectToPage();
    }

    private async Task CargarAsync(CancellationToken ct)
    {
        var propio = User.Id();
        Tokens = await db.TokensApi.AsNoTracking().Where(t => t.UsuarioId == propio).OrderByDescending(t => t.Creado)
            .Select(t => new Fila(t.Id, t.Nombre, t.Creado, t.UltimoUso, t.Revocado)).ToListAsync(ct);
    }
}
