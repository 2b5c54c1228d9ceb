using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sipoi.Web.Reportes;

namespace Sipoi.Web.Pages.Reportes;

/// <summary>
/// The progress of one background PDF conversion (<see cref="ColaPdf"/>): its stage as text and a &lt;progress&gt; bar,
/// refreshed by a small script (wwwroot/js/progreso-pdf.js, polling the Estado handler) or, without JavaScript, by a
/// meta refresh; then the download link. Only the entity's users reach it (the entity rule of /e/{entidad}).
/// </summary>
public sealed class PdfModel(ColaPdf cola) : PageModel
{
    public string Entidad { get; private set; } = null!;
    public int Anio { get; private set; }
    public TrabajoPdf? Trabajo { get; private set; }

    /// <summary>Seconds between refreshes without JavaScript.</summary>
    public const int Refresco = 3;

    public IActionResult OnGet(string entidad, int anio, string trabajo)
    {
        Entidad = entidad;
        Anio = anio;
        Trabajo = Buscar(entidad, anio, trabajo);
        return Page();
    }

    /// <summary>The state as JSON, for the page's script.</summary>
    public IActionResult OnGetEstado(string entidad, int anio, string trabajo)
    {
        if (Buscar(entidad, anio, trabajo) is not { } t) return NotFound();
        return new JsonResult(new
        {
            etapa = t.Etapa.ToString(),
            valor = Valor(t.Etapa),
            maximo = Maximo,
            texto = Texto(t),
            listo = t.Etapa == EtapaPdf.Listo,
            fallido = t.Etapa == EtapaPdf.Fallido,
        });
    }

    /// <summary>The finished PDF.</summary>
    public IActionResult OnGetArchivo(string entidad, int anio, string trabajo)
    {
        if (Buscar(entidad, anio, trabajo) is not { Etapa: EtapaPdf.Listo, Resultado: { } r }) return NotFound();
        return File(r.Contenido, r.Mime, r.Nombre);
    }

    public const int Maximo = 3;

    public static int Valor(EtapaPdf e) => e switch
    {
        EtapaPdf.EnCola => 0,
        EtapaPdf.GenerandoWord => 1,
        EtapaPdf.ConvirtiendoPdf => 2,
        _ => 3,
    };

    /// <summary>What is converted, as the page's title and texts name it.</summary>
    public static string Documento(TipoReporte t) => t == TipoReporte.Poi ? "Documento del POI" : "Informe de evaluación";

    /// <summary>The Word file offered when the conversion fails.</summary>
    public static string ArchivoWord(TipoReporte t) => t == TipoReporte.Poi ? "poi.docx" : "informe.docx";

    public string Texto(TrabajoPdf t) => t.Etapa switch
    {
        EtapaPdf.EnCola => cola.Delante(t) is var n && n > 0
            ? $"En cola: {n} {(n == 1 ? "documento" : "documentos")} antes que este."
            : "En cola: empieza en un momento.",
        EtapaPdf.GenerandoWord => $"Paso 1 de 2: generando el {(t.Solicitud.Tipo == TipoReporte.Poi ? "documento del POI" : "informe")} (Word) con las cifras del sistema…",
        EtapaPdf.ConvirtiendoPdf => "Paso 2 de 2: convirtiendo a PDF con LibreOffice (suele tardar unos segundos)…",
        EtapaPdf.Listo => "Listo: el PDF está disponible.",
        _ => t.Error ?? "No se pudo convertir el documento a PDF.",
    };

    private TrabajoPdf? Buscar(string entidad, int anio, string trabajo) =>
        cola.Buscar(trabajo) is { } t && string.Equals(t.Entidad, entidad, StringComparison.OrdinalIgnoreCase) && t.Anio == anio ? t : null;
}
