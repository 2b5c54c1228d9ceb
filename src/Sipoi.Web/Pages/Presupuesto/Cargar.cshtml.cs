using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sipoi.Interop.Reportes;
using Sipoi.Web.Data;
using Sipoi.Web.Entidades;
using Sipoi.Web.Peis;
using Sipoi.Web.Presentacion;

namespace Sipoi.Web.Pages.Presupuesto;

/// <summary>
/// «Cargar PIA, PIM y ejecución» (/e/{entidad}/presupuesto/{año}/cargar): the template or the MEF's open-data CSV, reviewed
/// (every error, or what the year will look like and how many rows change), then confirmed; the confirmation posts the
/// reviewed file back (base64) and checks it again. Planning office only (Administrador, Planificador). README.md here.
/// </summary>
[RequestSizeLimit(3 * ImportacionPresupuesto.TamanoMaximo)]
[RequestFormLimits(MultipartBodyLengthLimit = 3 * ImportacionPresupuesto.TamanoMaximo, ValueLengthLimit = 2 * ImportacionPresupuesto.TamanoMaximo)]
public sealed class CargarModel(SipoiDbContext db, TimeProvider reloj) : PageModel
{
    [BindProperty] public IFormFile? Archivo { get; set; }
    [BindProperty] public string? Contenido { get; set; }
    [BindProperty] public string? NombreArchivo { get; set; }

    public Entidad Entidad { get; private set; } = null!;
    public int Anio { get; private set; }
    public RevisionPresupuesto? Revision { get; private set; }
    /// <summary>After a confirmed load (redirect): what it did.</summary>
    [TempData] public string? Aviso { get; set; }

    public async Task<IActionResult> OnGetAsync(string entidad, int anio, CancellationToken ct) => await PrepararAsync(entidad, anio, ct) ?? Page();

    /// <summary>The empty template, with the headings the reader looks for.</summary>
    public async Task<IActionResult> OnGetPlantillaAsync(string entidad, int anio, CancellationToken ct)
    {
        if (await PrepararAsync(entidad, anio, ct) is { } no) return no;
        var ms = new MemoryStream();
        PresupuestoExcel.EscribirPlantilla(Entidad.NombreCorto, anio, ms);
        return File(ms.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"plantilla-presupuesto-{anio}.xlsx");
    }

    public async Task<IActionResult> OnPostRevisarAsync(string entidad, int anio, CancellationToken ct)
    {
        if (await PrepararAsync(entidad, anio, ct) is { } no) return no;
        if (Archivo is null || Archivo.Length == 0)
        {
            Revision = RevisionPresupuesto.Fallo(["Elija el archivo (.xlsx de la plantilla o .csv del MEF) que quiere cargar."]);
            return Page();
        }
        if (Archivo.Length > ImportacionPresupuesto.TamanoMaximo)
        {
            Revision = RevisionPresupuesto.Fallo([$"El archivo pesa {Formato.Numero(Archivo.Length / 1024m / 1024m)} MB; el máximo es {ImportacionPresupuesto.TamanoMaximo / 1024 / 1024} MB. Filtre el CSV del MEF a las filas de la entidad (SEC_EJEC)."]);
            return Page();
        }
        var ms = new MemoryStream();
        await Archivo.CopyToAsync(ms, ct);
        NombreArchivo = Path.GetFileName(Archivo.FileName);
        Contenido = Convert.ToBase64String(ms.ToArray());
        Revision = await ImportacionPresupuesto.RevisarAsync(db, Entidad.Id, anio, ms.ToArray(), NombreArchivo, Hoy(), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmarAsync(string entidad, int anio, CancellationToken ct)
    {
        if (await PrepararAsync(entidad, anio, ct) is { } no) return no;
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
            Revision = RevisionPresupuesto.Fallo(["No llegó el archivo revisado: vuelva a subirlo."]);
            return Page();
        }
        var nombre = NombreArchivo ?? "presupuesto";
        var r = await ImportacionPresupuesto.ImportarAsync(db, Entidad, anio, bytes, nombre, Hoy(), ct);
        if (!r.Exito)
        {
            Revision = r;
            return Page();
        }
        Aviso = r.SinCambios
            ? $"«{nombre}» no cambia nada: el presupuesto {anio} ya tenía esos montos."
            : $"Se cargó «{nombre}»: {r.Nuevas} filas nuevas, {r.Cambiadas} cambiadas, {r.Quitadas} quitadas y {r.ModificacionesNuevas.Count} modificaciones agregadas.";
        return RedirectToPage("/Presupuesto/Index", new { entidad = Entidad.Codigo, anio });
    }

    private DateOnly Hoy() => DateOnly.FromDateTime(Formato.HoraLocal(reloj.GetUtcNow()).DateTime);

    private async Task<IActionResult?> PrepararAsync(string entidad, int anio, CancellationToken ct)
    {
        if (!EdicionPei.PuedeEditar(User)) return Forbid();
        if (await ContextoEntidad.BuscarAsync(db, entidad, ct) is not { } e) return NotFound();
        Entidad = e;
        Anio = anio;
        return null;
    }
}
