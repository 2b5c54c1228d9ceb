using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sipoi.Interop.Reportes;
using Sipoi.Web.Data;
using Sipoi.Web.Reportes;

namespace Sipoi.Web.Pages.Evaluacion;

/// <summary>
/// The monitoring tables of a semester or the year (/e/{entidad}/evaluacion/{año}/seguimiento?periodo=S1): the very model
/// its workbook writes (seguimiento.xlsx, ConstructorReportes.SeguimientoAsync), drawn from the same five tables.
/// Entity-wide figures, as in the file: every user of the entity reads them.
/// </summary>
public sealed class SeguimientoModel(SipoiDbContext db) : PageModel
{
    public DatosReporte Datos { get; private set; } = null!;
    public SolicitudReporte Solicitud { get; private set; } = null!;
    public TablasSeguimiento Tablas { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string entidad, int anio, string? periodo, CancellationToken ct)
    {
        if (SolicitudReporte.Leer(TipoReporte.Seguimiento, periodo, null, estricto: false, out var solicitud) is { } error)
            return BadRequest("Solicitud no válida: " + error);
        if (await DatosReporte.CargarAsync(db, entidad, anio, ct) is not { } d) return NotFound();
        Datos = d;
        Solicitud = solicitud;
        Tablas = await ConstructorReportes.SeguimientoAsync(db, d, solicitud.Periodo, ct);
        return Page();
    }
}
