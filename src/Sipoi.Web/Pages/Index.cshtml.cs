using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Data;
using Sipoi.Web.Seguridad;

namespace Sipoi.Web.Pages;

public sealed class IndexModel(SipoiDbContext db) : PageModel
{
    public sealed record Fila(string Codigo, string Nombre, string? Tipo);

    public List<Fila> Entidades { get; private set; } = [];

    /// <summary>The user's own entity; every entity for a national administrator.</summary>
    public async Task OnGetAsync(CancellationToken ct)
    {
        var entidades = db.Entidades.AsNoTracking();
        if (!User.EsAdministradorNacional())
        {
            var propia = User.EntidadId();
            entidades = entidades.Where(e => e.Id == propia);
        }
        Entidades = await entidades.OrderBy(e => e.Nombre).Select(e => new Fila(e.Codigo, e.Nombre, e.Tipo)).ToListAsync(ct);
    }
}
