using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Data;
using Sipoi.Web.Pages.Tareas;
using Sipoi.Web.Seguridad;

namespace Sipoi.Web.Pages;

public sealed class IndexModel(SipoiDbContext db, TimeProvider reloj) : PageModel
{
    public sealed record Fila(string Codigo, string Nombre, string? Tipo);

    public List<Fila> Entidades { get; private set; } = [];

    /// <summary>What the user must act on now in its own entity: the landing page's first section (Pages/Tareas).</summary>
    public ListaTareas? Tareas { get; private set; }

    /// <summary>The user's tasks, then its own entity; every entity for a national administrator.</summary>
    public async Task OnGetAsync(CancellationToken ct)
    {
        var entidades = db.Entidades.AsNoTracking();
        if (!User.EsAdministradorNacional())
        {
            var propia = User.EntidadId();
            entidades = entidades.Where(e => e.Id == propia);
        }
        Entidades = await entidades.OrderBy(e => e.Nombre).Select(e => new Fila(e.Codigo, e.Nombre, e.Tipo)).ToListAsync(ct);
        if (User.EntidadId() is { } id && await db.Entidades.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, ct) is { } mia)
        {
            var hoy = Plazos.Hoy(reloj.GetUtcNow());
            Tareas = new ListaTareas(mia.Codigo, hoy, await ConsultaTareas.CargarAsync(db, User, mia, hoy, ct), Url);
        }
    }
}
