using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sipoi.Web.Data;
using Sipoi.Web.Reportes;
using Sipoi.Web.Seguridad;

namespace Sipoi.Web.Pages.Reportes;

/// <summary>
/// Returns one report file: /e/{entidad}/reportes/{año}/matriz.xlsx, ejecucion.xlsx?hastaMes=9,
/// seguimiento.xlsx?periodo=S1, presupuesto.xlsx, informe.docx?periodo=ANUAL, informe.pdf?periodo=ANUAL, poi.docx.
/// Same authorization as the pages (the entity rule); an Operador gets the matrix and the execution table
/// of its own cost centres only.
/// </summary>
public sealed class DescargarModel(SipoiDbContext db, ILogger<DescargarModel> log) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string entidad, int anio, string archivo, string? periodo, string? hastaMes, CancellationToken ct)
    {
        var punto = archivo.LastIndexOf('.');
        if (punto <= 0 || !SolicitudReporte.TryTipo(archivo[..punto], out var tipo)) return NotFound();
        var extension = archivo[(punto + 1)..];
        var esperada = tipo switch
        {
            TipoReporte.Informe => extension is "docx" or "pdf",
            TipoReporte.Poi => extension == "docx",
            _ => extension == "xlsx",
        };
        if (!esperada) return NotFound();
        if (SolicitudReporte.Leer(tipo, periodo, hastaMes, estricto: false, out var solicitud) is { } error)
            return BadRequest("Solicitud no válida: " + error);
        if (await DatosReporte.CargarAsync(db, entidad, anio, ct) is not { } d) return NotFound();

        ArchivoReporte resultado;
        if (extension == "pdf")
        {
            if (!ConversorPdf.Disponible)
                return StatusCode(StatusCodes.Status501NotImplemented,
                    "El PDF no está disponible en este servidor (falta LibreOffice). Descargue el informe en Word (.docx).");
            try
            {
                resultado = (await GeneradorReportes.GenerarPdfAsync(db, d, solicitud, ct))!;
            }
            catch (Exception e) when (e is TimeoutException or InvalidOperationException)
            {
                log.LogError(e, "Conversión a PDF fallida para {Entidad} {Anio}", entidad, anio);
                return StatusCode(StatusCodes.Status503ServiceUnavailable,
                    "No se pudo convertir el informe a PDF en este momento. Descargue el informe en Word (.docx).");
            }
        }
        else
        {
            var centros = await User.CentrosVisiblesAsync(db, ct);
            resultado = await GeneradorReportes.GenerarAsync(db, d, solicitud, centros, ct);
        }
        return File(resultado.Contenido, resultado.Mime, resultado.Nombre);
    }
}
