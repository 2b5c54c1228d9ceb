using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sipoi.Web.Arranque;
using Sipoi.Web.Data;
using Sipoi.Web.Reportes;
using Sipoi.Web.Seguridad;

namespace Sipoi.Web.Pages.Reportes;

/// <summary>
/// Returns one report file: /e/{entidad}/reportes/{año}/matriz.xlsx, ejecucion.xlsx?hastaMes=9,
/// seguimiento.xlsx?periodo=S1, presupuesto.xlsx, informe.docx?periodo=ANUAL, informe.pdf?periodo=ANUAL, poi.docx, poi.pdf (each PDF converted in the
/// background: the file when a conversion of the same data is done, else a redirect to its progress page, Pages/Reportes/Pdf).
/// Same authorization as the pages (the entity rule); an Operador gets the matrix and the execution table
/// of its own cost centres only.
/// </summary>
public sealed class DescargarModel([FromKeyedServices(BaseDeDatos.Lectura)] SipoiDbContext db, ColaPdf cola, TimeProvider reloj) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string entidad, int anio, string archivo, string? periodo, string? hastaMes, string? numero, CancellationToken ct)
    {
        var punto = archivo.LastIndexOf('.');
        if (punto <= 0 || !SolicitudReporte.TryTipo(archivo[..punto], out var tipo)) return NotFound();
        var extension = archivo[(punto + 1)..];
        var esperada = tipo switch
        {
            TipoReporte.Informe => extension is "docx" or "pdf",
            TipoReporte.Poi => extension is "docx" or "pdf",
            _ => extension == "xlsx",
        };
        if (!esperada) return NotFound();
        if (SolicitudReporte.Leer(tipo, periodo, hastaMes, estricto: false, out var solicitud, numero) is { } error)
            return BadRequest("Solicitud no válida: " + error);
        if (GeneradorReportes.UsaFecha(tipo)) solicitud = solicitud with { Fecha = Plazos.Hoy(reloj.GetUtcNow()) };
        if (await DatosReporte.CargarAsync(db, entidad, anio, ct) is not { } d) return NotFound();

        ArchivoReporte resultado;
        if (extension == "pdf")
        {
            if (!ConversorPdf.Disponible)
                return StatusCode(StatusCodes.Status501NotImplemented,
                    "El PDF no está disponible en este servidor (falta LibreOffice). Descargue el documento en Word (.docx).");
            // Converted in the background (ColaPdf): a finished conversion of the same report and data is served at once,
            // otherwise the progress page follows it.
            var ahora = reloj.GetUtcNow();
            var version = await ColaPdf.VersionDatosAsync(db, d.Entidad.Id, ct);
            var trabajo = cola.Pedir(d.Entidad.Codigo, anio, solicitud, version, Plazos.Hoy(ahora), ahora);
            if (trabajo is null)
                return StatusCode(StatusCodes.Status503ServiceUnavailable,
                    "Hay demasiados documentos en conversión a PDF; inténtelo de nuevo en un minuto o descárguelo en Word (.docx).");
            if (trabajo.Etapa != EtapaPdf.Listo || trabajo.Resultado is not { } listo)
                return RedirectToPage("/Reportes/Pdf", new { entidad = d.Entidad.Codigo, anio, trabajo = trabajo.Id });
            resultado = listo;
        }
        else
        {
            var centros = await User.CentrosVisiblesAsync(db, ct);
            resultado = await GeneradorReportes.GenerarAsync(db, d, solicitud, centros, ct);
        }
        return File(resultado.Contenido, resultado.Mime, resultado.Nombre);
    }
}
