using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sipoi.Web.Data;
using Sipoi.Web.Entidades;
using Sipoi.Web.Seguridad;

namespace Sipoi.Web.Pages.Administracion;

/// <summary>The administrator's entry page: users, settings and organisation chart (README.md in this folder).</summary>
[Authorize(Policy = Politicas.Administracion)]
public sealed class IndexModel(SipoiDbContext db) : PageModel
{
    public Entidad Entidad { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string entidad, CancellationToken ct)
    {
        if (await ContextoEntidad.BuscarAsync(db, entidad, ct) is not { } e) return NotFound();
        Entidad = e;
        return Page();
    }
}
