using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sipoi.Domain.Organizacion;
using Sipoi.Web.Data;
using Sipoi.Web.Pages.Entidades;
using Sipoi.Web.Seguridad;

namespace Sipoi.Web.Pages.Poi;

public sealed class PorCentroModel(SipoiDbContext db) : PageModel
{
    public sealed record Centro(string Codigo, string Nombre);

    public Entidad Entidad { get; private set; } = null!;
    public VistaPoi Vista { get; private set; } = null!;
    /// <summary>True when an Operador sees only its own cost centres.</summary>
    public bool SoloCentrosPropios { get; private set; }
    public string? Subtitulo => SoloCentrosPropios ? "Se muestran solo las actividades de los centros de costo asignados a su usuario." : null;
    public List<IGrouping<Centro, FilaActividad>> Grupos { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string entidad, int anio, CancellationToken ct)
    {
        if (await ContextoEntidad.BuscarAsync(db, entidad, ct) is not { } e) return NotFound();
        var centros = await User.CentrosVisiblesAsync(db, ct);
        if (await ConsultaPoi.CargarAsync(db, e.Id, anio, ct, centros: centros) is not { } vista) return NotFound();
        SoloCentrosPropios = centros is not null;
        Entidad = e;
        Vista = vista;
        Grupos = vista.Actividades.GroupBy(a => new Centro(a.CentroCodigo, a.CentroNombre)).OrderBy(g => g.Key.Codigo, StringComparer.Ordinal).ToList();
        return Page();
    }
}
