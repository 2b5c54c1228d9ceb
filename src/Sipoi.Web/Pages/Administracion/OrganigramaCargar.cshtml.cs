using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sipoi.Interop.Reportes;
using Sipoi.Web.Data;
using Sipoi.Web.Entidades;
using Sipoi.Web.Presentacion;
using Sipoi.Web.Seguridad;

namespace Sipoi.Web.Pages.Administracion;

/// <summary>
/// «Cargar el organigrama desde Excel» (/e/{entidad}/administracion/centros/cargar): the template and the current chart as
/// workbooks; a workbook reviewed (every error, or the new centres, the changed ones old → new and how many stay equal), then
/// confirmed all or nothing while the chart is still the reviewed one. The confirmation posts the file back (base64) and the
/// version token. Administrador only. README.md here, «Organisation chart from Excel».
/// </summary>
[Authorize(Policy = Politicas.Administracion)]
[RequestSizeLimit(3 * CargaOrganigrama.TamanoMaximo)]
[RequestFormLimits(MultipartBodyLengthLimit = 3 * CargaOrganigrama.TamanoMaximo, ValueLengthLimit = 2 * CargaOrganigrama.TamanoMaximo)]
public sealed class OrganigramaCargarModel(SipoiDbContext db) : PageModel
{
    private const string TipoXlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [BindProperty] public IFormFile? Archivo { get; set; }
    [BindProperty] public string? Contenido { get; set; }
    [BindProperty] public string? NombreArchivo { get; set; }
    /// <summary>The chart's version token when the file was reviewed.</summary>
    [BindProperty] public string? Version { get; set; }

    public Entidad Entidad { get; private set; } = null!;
    public RevisionOrganigrama? Revision { get; private set; }
    [TempData] public string? Aviso { get; set; }

    public async Task<IActionResult> OnGetAsync(string entidad, CancellationToken ct) => await PrepararAsync(entidad, ct) ?? Page();

    public async Task<IActionResult> OnGetPlantillaAsync(string entidad, CancellationToken ct)
    {
        if (await PrepararAsync(entidad, ct) is { } no) return no;
        var ms = new MemoryStream();
        OrganigramaExcel.EscribirPlantilla(Entidad.NombreCorto, ms);
        return File(ms.ToArray(), TipoXlsx, "plantilla-organigrama.xlsx");
    }

    /// <summary>The current chart in the template's layout: loaded back unchanged, it changes nothing.</summary>
    public async Task<IActionResult> OnGetActualAsync(string entidad, CancellationToken ct)
    {
        if (await PrepararAsync(entidad, ct) is { } no) return no;
        var arbol = await Organigrama.CargarAsync(db, Entidad.Id, ct);
        var ms = new MemoryStream();
        OrganigramaExcel.EscribirActual(Entidad.NombreCorto, CargaOrganigrama.Filas(arbol), ms);
        return File(ms.ToArray(), TipoXlsx, $"organigrama-{Entidad.Codigo.ToLowerInvariant()}.xlsx");
    }

    public async Task<IActionResult> OnPostRevisarAsync(string entidad, CancellationToken ct)
    {
        if (await PrepararAsync(entidad, ct) is { } no) return no;
        if (Archivo is null || Archivo.Length == 0)
        {
            Revision = RevisionOrganigrama.Fallo(["Elija el libro de Excel (.xlsx) con el organigrama."]);
            return Page();
        }
        if (Archivo.Length > CargaOrganigrama.TamanoMaximo)
        {
            Revision = RevisionOrganigrama.Fallo([$"El archivo pesa {Formato.Numero(Archivo.Length / 1024m / 1024m)} MB; el máximo es {CargaOrganigrama.TamanoMaximo / 1024 / 1024} MB."]);
            return Page();
        }
        var ms = new MemoryStream();
        await Archivo.CopyToAsync(ms, ct);
        NombreArchivo = Path.GetFileName(Archivo.FileName);
        Contenido = Convert.ToBase64String(ms.ToArray());
        Revision = await CargaOrganigrama.RevisarAsync(db, Entidad.Id, ms.ToArray(), ct);
        Version = Revision.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmarAsync(string entidad, CancellationToken ct)
    {
        if (await PrepararAsync(entidad, ct) is { } no) return no;
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
            Revision = RevisionOrganigrama.Fallo(["No llegó el libro revisado: vuelva a subirlo."]);
            return Page();
        }
        var nombre = NombreArchivo ?? "organigrama.xlsx";
        var r = await CargaOrganigrama.ConfirmarAsync(db, Entidad, bytes, nombre, Version, ct);
        if (!r.Exito || r.SinCambios)
        {
            // Nothing applied: the page shows why (or that the chart already is the file's), with the current token.
            Revision = r;
            Version = r.Version;
            return Page();
        }
        Aviso = $"Se cargó «{nombre}»: {Formato.Conteo(r.Nuevos.Count, "centro nuevo", "centros nuevos")}, " +
                $"{Formato.Conteo(r.Cambiados.Count, "actualizado", "actualizados")}, {Formato.Conteo(r.Iguales, "igual", "iguales")}.";
        return RedirectToPage("/Administracion/Centros", new { entidad = Entidad.Codigo });
    }

    private async Task<IActionResult?> PrepararAsync(string entidad, CancellationToken ct)
    {
        if (await ContextoEntidad.BuscarAsync(db, entidad, ct) is not { } e) return NotFound();
        Entidad = e;
        return null;
    }
}
