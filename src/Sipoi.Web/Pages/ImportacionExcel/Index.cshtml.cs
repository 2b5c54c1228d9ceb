using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Data;
using Sipoi.Web.Entidades;
using Sipoi.Web.ImportacionExcel;
using Sipoi.Web.Presentacion;

namespace Sipoi.Web.Pages.ImportacionExcel;

/// <summary>
/// Import of a POI year from an Excel workbook (src/Sipoi.Web/ImportacionExcel/README.md, docs/importacion-excel.md): upload, see every
/// error or a summary of what will be imported and replaced, confirm. Planificador and Administrador only.
/// The confirmation carries the file itself (base64) and checks it again, so nothing is kept on the server.
/// </summary>
[RequestSizeLimit(3 * ImportacionPoiExcel.TamanoMaximo)]
[RequestFormLimits(MultipartBodyLengthLimit = 3 * ImportacionPoiExcel.TamanoMaximo, ValueLengthLimit = 2 * ImportacionPoiExcel.TamanoMaximo)]
public sealed class IndexModel(SipoiDbContext db, TimeProvider reloj) : PageModel
{
    public Entidad Entidad { get; private set; } = null!;
    public IReadOnlyList<int> AniosConPoi { get; private set; } = [];

    [BindProperty] public int Anio { get; set; }
    [BindProperty] public IFormFile? Archivo { get; set; }
    /// <summary>The reviewed workbook, base64, posted back by the confirmation form.</summary>
    [BindProperty] public string? Contenido { get; set; }
    [BindProperty] public string? NombreArchivo { get; set; }
    /// <summary>The workbook is last year's matrix, imported as the start of POI <see cref="Anio"/> (its sheets say the year before).</summary>
    [BindProperty] public bool ComoAnioSiguiente { get; set; }

    /// <summary>The execution table of the second form («Cargar ejecución histórica»).</summary>
    [BindProperty] public IFormFile? ArchivoEjecucion { get; set; }
    /// <summary>What the history load did, or why it did nothing.</summary>
    public ResultadoCargaEjecucion? Carga { get; private set; }

    public RevisionPoiExcel? Revision { get; private set; }
    public IReadOnlyList<string> Errores { get; private set; } = [];
    /// <summary>After a successful import (redirect): how many activities entered.</summary>
    public int? Importadas { get; private set; }

    public async Task<IActionResult> OnGetAsync(string entidad, int? anio, int? importadas, CancellationToken ct)
    {
        if (!User.PuedeImportar()) return Forbid();
        if (!await CargarAsync(entidad, ct)) return NotFound();
        Anio = anio ?? (AniosConPoi.Count > 0 ? AniosConPoi[^1] : Formato.HoraLocal(reloj.GetUtcNow()).Year);
        Importadas = importadas;
        return Page();
    }

    public async Task<IActionResult> OnPostRevisarAsync(string entidad, CancellationToken ct)
    {
        if (!User.PuedeImportar()) return Forbid();
        if (!await CargarAsync(entidad, ct)) return NotFound();
        if (Archivo is null || Archivo.Length == 0)
        {
            Errores = ["Elija el libro de Excel (.xlsx) que quiere importar."];
            return Page();
        }
        if (Archivo.Length > ImportacionPoiExcel.TamanoMaximo)
        {
            Errores = [$"El archivo pesa {Formato.Numero(Archivo.Length / 1024m / 1024m)} MB; el máximo es {ImportacionPoiExcel.TamanoMaximo / 1024 / 1024} MB."];
            return Page();
        }
        var ms = new MemoryStream();
        await Archivo.CopyToAsync(ms, ct);
        NombreArchivo = Path.GetFileName(Archivo.FileName);
        Contenido = Convert.ToBase64String(ms.ToArray());
        ms.Position = 0;
        Revision = await ImportacionPoiExcel.RevisarAsync(db, Entidad.Codigo, Anio, ms, ct, ComoAnioSiguiente);
        Errores = Revision.Errores;
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmarAsync(string entidad, CancellationToken ct)
    {
        if (!User.PuedeImportar()) return Forbid();
        if (!await CargarAsync(entidad, ct)) return NotFound();
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(Contenido ?? "");
        }
        catch (FormatException)
        {
            bytes = [];
        }
        if (bytes.Length == 0)
        {
            Errores = ["No llegó el libro revisado: vuelva a subirlo."];
            return Page();
        }
        var (revision, importacion) = await ImportacionPoiExcel.ImportarAsync(db, Entidad.Codigo, Anio, new MemoryStream(bytes),
            NombreArchivo ?? "libro.xlsx", ct, ComoAnioSiguiente);
        if (importacion is { Exito: true })
            return RedirectToPage("/ImportacionExcel/Index", new { entidad = Entidad.Codigo, anio = Anio, importadas = importacion.Actividades });
        // The workbook was fine when reviewed; the entity may have changed since, so it is shown again with what fails now.
        Revision = revision;
        Errores = importacion?.Errores ?? revision.Errores;
        return Page();
    }

    /// <summary>
    /// «Cargar ejecución histórica»: the office's execution table loaded as the executed months of POI <see cref="Anio"/>,
    /// all or nothing, in one step (CargaEjecucionExcel): it shows what it loaded or every error, and changed nothing then.
    /// </summary>
    public async Task<IActionResult> OnPostCargarEjecucionAsync(string entidad, CancellationToken ct)
    {
        if (!User.PuedeImportar()) return Forbid();
        if (!await CargarAsync(entidad, ct)) return NotFound();
        NombreArchivo = ArchivoEjecucion is null ? null : Path.GetFileName(ArchivoEjecucion.FileName);
        if (ArchivoEjecucion is null || ArchivoEjecucion.Length == 0)
            Carga = ResultadoCargaEjecucion.Fallo(["Elija el libro de Excel (.xlsx) con la tabla de ejecución."]);
        else if (ArchivoEjecucion.Length > ImportacionPoiExcel.TamanoMaximo)
            Carga = ResultadoCargaEjecucion.Fallo([$"El archivo pesa {Formato.Numero(ArchivoEjecucion.Length / 1024m / 1024m)} MB; el máximo es {ImportacionPoiExcel.TamanoMaximo / 1024 / 1024} MB."]);
        else
        {
            var ms = new MemoryStream();
            await ArchivoEjecucion.CopyToAsync(ms, ct);
            ms.Position = 0;
            Carga = await CargaEjecucionExcel.CargarAsync(db, Entidad.Codigo, Anio, ms, NombreArchivo!, ct);
        }
        return Page();
    }

    private async Task<bool> CargarAsync(string entidad, CancellationToken ct)
    {
        if (await ContextoEntidad.BuscarAsync(db, entidad, ct) is not { } e) return false;
        Entidad = e;
        AniosConPoi = await db.Pois.AsNoTracking().Where(p => p.EntidadId == e.Id).Select(p => p.Anio).OrderBy(a => a).ToListAsync(ct);
        return true;
    }
}
