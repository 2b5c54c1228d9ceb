using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sipoi.Interop.Reportes;
using Sipoi.Web.Data;
using Sipoi.Web.Entidades;
using Sipoi.Web.Pois;
using Sipoi.Web.Reportes;
using Sipoi.Web.Seguridad;

namespace Sipoi.Web.Pages.Pois;

/// <summary>
/// The two POI matrix pages (by cost centre, by ficha de proceso) load the same way and render the very model their
/// workbooks write (matriz-centros.xlsx, matriz.xlsx; ConstructorReportes.MatrizAsync); only the grouping differs.
/// </summary>
public abstract class PaginaMatrizModel(SipoiDbContext db, AgrupacionMatriz agrupacion) : PageModel
{
    public Entidad Entidad { get; private set; } = null!;
    public VistaPoi Vista { get; private set; } = null!;
    /// <summary>True when an Operador sees only its own cost centres.</summary>
    public bool SoloCentrosPropios { get; private set; }
    public string? Subtitulo => SoloCentrosPropios ? "Se muestran solo las actividades de los centros de costo asignados a su usuario." : null;
    public MatrizPoi Matriz { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string entidad, int anio, CancellationToken ct)
    {
        if (await ContextoEntidad.BuscarAsync(db, entidad, ct) is not { } e) return NotFound();
        var centros = await User.CentrosVisiblesAsync(db, ct);
        if (await ConsultaPoi.CargarAsync(db, e.Id, anio, ct, centros: centros) is not { } vista) return NotFound();
        if (await DatosReporte.CargarAsync(db, entidad, anio, ct) is not { } datos) return NotFound();
        SoloCentrosPropios = centros is not null;
        Entidad = e;
        Vista = vista;
        Matriz = await ConstructorReportes.MatrizAsync(db, datos, vista, SoloCentrosPropios, agrupacion, ct);
        return Page();
    }
}
