using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sipoi.Web.Arranque;
using Sipoi.Web.Data;

namespace Sipoi.Web.Pages.Transparencia;

/// <summary>The public index: every entity with an approved POI or a published evaluation. No log-in.</summary>
[AllowAnonymous]
public sealed class IndexModel([FromKeyedServices(BaseDeDatos.Lectura)] SipoiDbContext db) : PageModel
{
    public List<(string Codigo, string Nombre)> Entidades { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Entidades = await ConsultaTransparencia.EntidadesAsync(db, ct);
}
