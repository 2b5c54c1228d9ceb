using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sipoi.Interop.Reportes;
using Sipoi.Web.Data;
using Sipoi.Web.Entidades;
using Sipoi.Web.Intercambio;
using Sipoi.Web.Peis;
using Sipoi.Web.Presentacion;

namespace Sipoi.Web.Pages.Peis;

/// <summary>
/// The PEI from an Excel workbook (/e/{entidad}/pei/importar, docs/importacion-excel.md «PEI»): upload, see every error or
/// what is new, updated (old → new) and unchanged, then «Confirmar», all or nothing and audited. Downloads: the current PEI in
/// the same layout, and an empty template with example rows. Administrador and Planificador only (EdicionPei.PuedeEditar).
/// The confirmation carries the reviewed file itself (base64), so nothing is kept on the server between the two steps.
/// </summary>
[RequestSizeLimit(3 * ImportacionPeiExcel.TamanoMaximo)]
[RequestFormLimits(MultipartBodyLengthLimit = 3 * ImportacionPeiExcel.TamanoMaximo, ValueLengthLimit = 2 * ImportacionPeiExcel.TamanoMaximo)]
public sealed class ImportarExcelModel(SipoiDbContext db, TimeProvider reloj) : PageModel
{
    public Entidad Entidad { get; private set; } = null!;
    /// <summary>The entity's PEIs (code, horizon), newest first, for the download links.</summary>
    public List<(string Codigo, int Inicio, int Fin)> Peis { get; private set; } = [];

    [BindProperty] public IFormFile? Archivo { get; set; }
    [BindProperty] public string? Contenido { get; set; }
    [BindProperty] public string? NombreArchivo { get; set; }

    public RevisionPeiExcel? Revision { get; private set; }
    [TempData] public string? Aviso { get; set; }

    public async Task<IActionResult> OnGetAsync(string entidad, CancellationToken ct) => await PrepararAsync(entidad, ct) ?? Page();

    /// <summary>The entity's PEI <paramref name="codigo"/> in the import layout: edit it and upload it back.</summary>
    public async Task<IActionResult> OnGetDescargarAsync(string entidad, string codigo, CancellationToken ct)
    {
        if (await PrepararAsync(entidad, ct) is { } no) return no;
        if (await EdicionPei.CargarAsync(db, Entidad.Id, codigo, ct) is not { } pei) return NotFound();
        var centros = await db.CentrosCosto.AsNoTracking().Where(c => c.EntidadId == Entidad.Id).ToDictionaryAsync(c => c.Id, c => c.Codigo, ct);
        var ms = new MemoryStream();
        PeiExcel.Escribir(Entidad.NombreCorto, ExportadorPlan.Pei(pei, centros), ms);
        return File(ms.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{pei.Codigo}.xlsx");
    }

    /// <summary>The empty template: the PEI's data and two example rows, for the horizon asked (five years from this year by default).</summary>
    public async Task<IActionResult> OnGetPlantillaAsync(string entidad, int? inicio, int? fin, CancellationToken ct)
    {
        if (await PrepararAsync(entidad, ct) is { } no) return no;
        var desde = inicio is >= 1900 and <= 2100 ? inicio.Value : Formato.HoraLocal(reloj.GetUtcNow()).Year;
        var hasta = fin is { } f && f >= desde && f <= desde + 10 ? f : desde + 4;
        var ms = new MemoryStream();
        PeiExcel.EscribirPlantilla(Entidad.NombreCorto, desde, hasta, ms);
        return File(ms.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"plantilla-pei-{desde}-{hasta}.xlsx");
    }

    public async Task<IActionResult> OnPostRevisarAsync(string entidad, CancellationToken ct)
    {
        if (await PrepararAsync(entidad, ct) is { } no) return no;
        if (Archivo is null || Archivo.Length == 0)
        {
            Revision = RevisionPeiExcel.Fallo(["Elija el libro de Excel (.xlsx) con el PEI."]);
            return Page();
        }
        if (Archivo.Length > ImportacionPeiExcel.TamanoMaximo)
        {
            Revision = RevisionPeiExcel.Fallo([$"El archivo pesa {Formato.Numero(Archivo.Length / 1024m / 1024m)} MB; el máximo es {ImportacionPeiExcel.TamanoMaximo / 1024 / 1024} MB."]);
            return Page();
        }
        var ms = new MemoryStream();
        await Archivo.CopyToAsync(ms, ct);
        NombreArchivo = Path.GetFileName(Archivo.FileName);
        Contenido = Convert.ToBase64String(ms.ToArray());
        ms.Position = 0;
        Revision = await ImportacionPeiExcel.RevisarAsync(db, Entidad.Id, ms, ct);
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
        if (bytes.Length == 0 || bytes.Length > ImportacionPeiExcel.TamanoMaximo)
        {
            Revision = RevisionPeiExcel.Fallo(["No llegó el libro revisado: vuelva a subirlo."]);
            return Page();
        }
        var (revision, aplicado) = await ImportacionPeiExcel.ImportarAsync(db, Entidad.Id, new MemoryStream(bytes), NombreArchivo ?? "libro.xlsx", ct);
        if (aplicado)
        {
            var n = revision.Cambios.Count(c => c.Estado == EstadoCambio.Nuevo);
            var a = revision.Cambios.Count(c => c.Estado == EstadoCambio.Actualizado);
            Aviso = $"Se importó el PEI {revision.CodigoPei} desde «{NombreArchivo}»: {Formato.Conteo(n, "elemento nuevo", "elementos nuevos")}, " +
                $"{Formato.Conteo(a, "actualizado", "actualizados")}{(revision.CambiosPei.Count > 0 ? " y los datos del PEI" : "")}.";
            return RedirectToPage("/Peis/Index", new { entidad = Entidad.Codigo, codigo = revision.CodigoPei });
        }
        // Refused now (the PEI changed since the review) or nothing to do: shown again.
        Revision = revision;
        return Page();
    }

    private async Task<IActionResult?> PrepararAsync(string entidad, CancellationToken ct)
    {
        if (!EdicionPei.PuedeEditar(User)) return Forbid();
        if (await ContextoEntidad.BuscarAsync(db, entidad, ct) is not { } e) return NotFound();
        Entidad = e;
        Peis = (await db.Peis.AsNoTracking().Where(p => p.EntidadId == e.Id).OrderByDescending(p => p.Fin).ThenByDescending(p => p.Id)
            .Select(p => new { p.Codigo, p.Inicio, p.Fin }).ToListAsync(ct)).Select(p => (p.Codigo, p.Inicio, p.Fin)).ToList();
        return null;
    }
}
