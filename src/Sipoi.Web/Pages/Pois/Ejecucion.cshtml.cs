using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sipoi.Interop.Reportes;
using Sipoi.Web.Data;
using Sipoi.Web.Presentacion;
using Sipoi.Web.Reportes;
using Sipoi.Web.Seguridad;

namespace Sipoi.Web.Pages.Pois;

/// <summary>
/// The execution table up to a cut-off month (/e/{entidad}/poi/{año}/ejecucion?hastaMes=9): the very model its workbook
/// writes (ejecucion.xlsx, ConstructorReportes.EjecucionAsync). An Operador sees its own cost centres only, as in the file.
/// </summary>
public sealed class EjecucionModel(SipoiDbContext db, TimeProvider reloj) : PageModel
{
    public DatosReporte Datos { get; private set; } = null!;
    public TablaEjecucion Tabla { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string entidad, int anio, string? hastaMes, CancellationToken ct)
    {
        if (SolicitudReporte.Leer(TipoReporte.Ejecucion, null, hastaMes, estricto: false, out var solicitud) is { } error)
            return BadRequest("Solicitud no válida: " + error);
        if (await DatosReporte.CargarAsync(db, entidad, anio, ct) is not { } d) return NotFound();
        var mes = solicitud.HastaMes;
        // Without a choice, the last month already ended in the current year (as the reports page proposes), else December.
        var hoy = Formato.HoraLocal(reloj.GetUtcNow());
        if (string.IsNullOrWhiteSpace(hastaMes) && hoy.Year == anio) mes = Math.Max(1, hoy.Month - 1);
        Datos = d;
        Tabla = await ConstructorReportes.EjecucionAsync(db, d, mes, await User.CentrosVisiblesAsync(db, ct), ct);
        return Page();
    }
}
