using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sipoi.Domain.Organizacion;
using Sipoi.Web.Data;
using Sipoi.Web.Pages.Entidades;

namespace Sipoi.Web.Pages.Poi;

public sealed class PorCentroModel(SipoiDbContext db) : PageModel
{
    public sealed record Centro(string Codigo, string Nombre);

    public Entidad Entidad { get; private set; } = null!;
    public VistaPoi Vista { get; private set; } = null!;
    public List<IGrouping<Centro, FilaActividad>> Grupos { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string entidad, int anio, CancellationToken ct)
    {
        if (await ContextoEntidad.BuscarAsync(db, entidad, ct) is not { } e) return NotFound();
        if (await ConsultaPoi.CargarAsync(db, e.Id, anio, ct) is not { } vista) return NotFound();
        Entidad = e;
        Vista = vista;
        Grupos = vista.Actividades.GroupBy(a => new Centro(a.CentroCodigo, a.CentroNombre)).OrderBy(g => g.Key.Codigo, StringComparer.Ordinal).ToList();
        return Page();
    }
}
