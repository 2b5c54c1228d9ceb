using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Data;
using Sipoi.Web.Seguridad;

namespace Sipoi.Web.Pages.Cuenta;

/// <summary>
/// The user's own choice of e-mail notices (src/Sipoi.Web/Avisos/README.md): none, or which kinds of those its roles
/// receive. A notice not wanted is not sent and stays in the outbox as skipped.
/// </summary>
[Authorize(Policy = Politicas.Sesion)]
public sealed class AvisosModel(SipoiDbContext db) : PageModel
{
    [BindProperty] public bool Ninguno { get; set; }
    [BindProperty] public List<TipoAviso> Recibidos { get; set; } = [];
    [TempData] public string? Aviso { get; set; }

    /// <summary>The kinds this user's roles receive: only these are offered.</summary>
    public IReadOnlyList<TipoAviso> Ofrecidos { get; private set; } = [];
    public string? Correo { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var p = await db.PreferenciasAvisos.AsNoTracking().SingleOrDefaultAsync(x => x.UsuarioId == User.Id(), ct);
        Cargar();
        Ninguno = p?.Ninguno ?? false;
        Recibidos = Ofrecidos.Where(t => p is null || p.Quiere(t)).ToList();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var id = User.Id();
        var u = await db.Users.AsNoTracking().Where(x => x.Id == id).Select(x => new { x.EntidadId }).SingleAsync(ct);
        Cargar();
        var p = await db.PreferenciasAvisos.SingleOrDefaultAsync(x => x.UsuarioId == id, ct);
        if (p is null) db.PreferenciasAvisos.Add(p = new PreferenciasAviso(id, u.EntidadId));
        p.Cambiar(Ninguno, Ofrecidos, Recibidos);
        await db.SaveChangesAsync(ct);
        Aviso = Ninguno ? "Listo: no recibirá avisos por correo."
            : Recibidos.Intersect(Ofrecidos).Any() ? "Listo: recibirá por correo los avisos marcados." : "Listo: no recibirá avisos por correo (no marcó ninguno).";
        return RedirectToPage();
    }

    private void Cargar()
    {
        Ofrecidos = TiposAviso.ParaRoles(User.IsInRole(Roles.Operador), User.IsInRole(Roles.Planificador), User.IsInRole(Roles.Consulta));
        Correo = User.Identity?.Name;
    }
}
