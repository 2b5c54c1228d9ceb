using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sipoi.Interop.Reportes;
using Sipoi.Web.Data;
using Sipoi.Web.Entidades;
using Sipoi.Web.Informes;
using Sipoi.Web.Reportes;
using Sipoi.Web.Seguridad;

namespace Sipoi.Web.Pages.Informes;

/// <summary>
/// The recommendations matrix (matriz de compromisos) across every evaluation, with its Excel download.
/// An Operador sees the recommendations its own cost centres are responsible for.
/// </summary>
public sealed class RecomendacionesModel(SipoiDbContext db, TimeProvider reloj) : PageModel
{
    public Entidad Entidad { get; private set; } = null!;
    public MatrizRecomendaciones Matriz { get; private set; } = null!;
    public bool SoloCentrosPropios { get; private set; }

    public async Task<IActionResult> OnGetAsync(string entidad, CancellationToken ct)
    {
        if (await CargarAsync(entidad, ct) is { } r) return r;
        return Page();
    }

    public async Task<IActionResult> OnGetExcelAsync(string entidad, CancellationToken ct)
    {
        if (await CargarAsync(entidad, ct) is { } r) return r;
        var ms = new MemoryStream();
        MatrizRecomendacionesExcel.Escribir(Matriz, ms);
        return File(ms.ToArray(), SolicitudReporte.MimeXlsx, $"{SolicitudReporte.ParaArchivo(Entidad.Codigo)}-matriz-recomendaciones.xlsx");
    }

    private async Task<IActionResult?> CargarAsync(string entidad, CancellationToken ct)
    {
        if (await ContextoEntidad.BuscarAsync(db, entidad, ct) is not { } e) return NotFound();
        Entidad = e;
        var centros = await User.CentrosVisiblesAsync(db, ct);
        SoloCentrosPropios = centros is not null;
        Matriz = await RecomendacionesInforme.MatrizAsync(db, e, Plazos.Hoy(reloj.GetUtcNow()), centros, ct);
        return null;
    }
}
