using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Data;

namespace Sipoi.Web.Pages;

public sealed class IndexModel(SipoiDbContext db) : PageModel
{
    public sealed record Fila(string Codigo, string Nombre, string? Tipo);

    public List<Fila> Entidades { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Entidades = await db.Entidades.AsNoTracking().OrderBy(e => e.Nombre).Select(e => new Fila(e.Codigo, e.Nombre, e.Tipo)).ToListAsync(ct);
}
