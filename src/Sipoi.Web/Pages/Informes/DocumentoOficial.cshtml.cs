using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Data;
using Sipoi.Web.Entidades;
using Sipoi.Web.Informes;
using Sipoi.Web.Seguimiento;

namespace Sipoi.Web.Pages.Informes;

/// <summary>
/// The signed official document of a published evaluation (<c>…/documentos-oficiales/2024/S1</c>) or of an approved POI
/// version (<c>…/documentos-oficiales/2024/poi?version=2</c>, the version in force by default): the documents in force
/// and superseded, their signatures as verified at upload, the upload form for the planning office, and downloads.
/// Its own page so only it accepts a 20 MB body.
/// </summary>
[RequestSizeLimit(DocumentoOficial.TamanoMaximo + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = DocumentoOficial.TamanoMaximo + 64 * 1024)]
public sealed class DocumentoOficialModel(SipoiDbContext db, TimeProvider reloj) : PageModel
{
    public const string DestinoPoi = "poi";

    public Entidad Entidad { get; private set; } = null!;
    public int Anio { get; private set; }
    public string Destino { get; private set; } = null!;
    public EvaluacionPoi? Evaluacion { get; private set; }
    public PoiVersion? Version { get; private set; }
    public List<DocumentosOficiales.Listado> Documentos { get; private set; } = [];
    public bool PuedeGestionar { get; private set; }
    public string? Error { get; private set; }
    [TempData] public string? Aviso { get; set; }

    [BindProperty] public string? NumeroDocumento { get; set; }
    [BindProperty] public IFormFile? Archivo { get; set; }

    /// <summary>"Evaluación I Semestre 2024" or "POI 2024, versión 2 (Modificación 1)".</summary>
    public string Titulo => Evaluacion is { } e ? e.Nombre : $"POI {Anio}, {Version!.Etiqueta}";

    /// <summary>Whether a document may be uploaded now (a published evaluation, an approved version) and why not.</summary>
    public string? NoAdmite => Evaluacion is { Publicada: false } e
        ? $"La {e.NombreEnFrase} aún no está publicada: publíquela antes de subir su documento oficial firmado."
        : Version is { Estado: not EstadoVersionPoi.Aprobada } v
            ? $"La versión {v.Etiqueta} del POI {Anio} no está aprobada: su documento oficial se sube después de aprobarla."
            : null;

    public async Task<IActionResult> OnGetAsync(string entidad, int anio, string destino, int? version, CancellationToken ct)
    {
        if (!PermisosInformes.PuedeLeer(User)) return Forbid();
        if (!await BuscarAsync(entidad, anio, destino, version, ct)) return NotFound();
        NumeroDocumento = Evaluacion?.Documento ?? Version?.DocumentoAprobacion;
        await CargarAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string entidad, int anio, string destino, int? version, CancellationToken ct)
    {
        if (!PermisosInformes.PuedeGestionar(User)) return Forbid();
        if (!await BuscarAsync(entidad, anio, destino, version, ct)) return NotFound();
        try
        {
            var recibido = await DocumentosOficiales.RecibirAsync(Archivo, ct);
            var usuario = PermisosSeguimiento.Usuario(User);
            var d = Evaluacion is { } e
                ? await DocumentosOficiales.SubirDeEvaluacionAsync(db, e, recibido, NumeroDocumento, usuario, reloj.GetUtcNow(), ct)
                : await DocumentosOficiales.SubirDePoiAsync(db, Version!, Anio, recibido, NumeroDocumento, usuario, reloj.GetUtcNow(), ct);
            Aviso = $"Se publicó «{d.Nombre}» como documento oficial de {(Evaluacion is { } ev ? "la " + ev.NombreEnFrase : $"el POI {Anio}")}: {d.ResumenFirmas}.";
            return RedirectToPage("/Informes/DocumentoOficial", new { entidad = Entidad.Codigo, anio = Anio, destino = Destino, version = Evaluacion is null ? Version!.Numero : (int?)null });
        }
        catch (Exception ex) when (ex is ReglaDominioException or DbUpdateConcurrencyException)
        {
            Error = ex is DbUpdateConcurrencyException ? "Otra persona subió un documento al mismo tiempo; recargue la página." : ex.Message;
            db.ChangeTracker.Clear();
            await CargarAsync(ct);
            return Page();
        }
    }

    /// <summary>A document (in force or superseded) as uploaded.</summary>
    public async Task<IActionResult> OnGetArchivoAsync(string entidad, int anio, string destino, int? version, int id, CancellationToken ct)
    {
        if (!PermisosInformes.PuedeLeer(User)) return Forbid();
        if (!await BuscarAsync(entidad, anio, destino, version, ct)) return NotFound();
        var d = await DocumentosOficiales.BuscarAsync(db, Entidad.Id, id, ct);
        if (d is null || (Evaluacion is { } e ? d.EvaluacionId != e.Id : d.PoiVersionId != Version!.Id)) return NotFound();
        return File(d.Contenido, d.Mime, DocumentosOficiales.NombreDescarga(Entidad.Codigo, Anio, Clave, d.Nombre));
    }

    /// <summary>"evaluacion-S1" or "v2": the middle of a download's name.</summary>
    public string Clave => Evaluacion is { } e ? $"evaluacion-{e.PeriodoCodigo}" : $"v{Version!.Numero}";

    private async Task<bool> BuscarAsync(string entidad, int anio, string destino, int? version, CancellationToken ct)
    {
        if (await ContextoEntidad.BuscarAsync(db, entidad, ct) is not { } e) return false;
        Entidad = e;
        Anio = anio;
        if (string.Equals(destino, DestinoPoi, StringComparison.OrdinalIgnoreCase))
        {
            var poi = await db.Pois.Include(p => p.Versiones).SingleOrDefaultAsync(p => p.EntidadId == e.Id && p.Anio == anio, ct);
            Version = version is { } n ? poi?.Versiones.SingleOrDefault(v => v.Numero == n) : poi?.VersionVigente;
            Destino = DestinoPoi;
            return Version is not null;
        }
        if (!Periodo.TryParse(destino, out var p) || !EvaluacionPoi.PeriodosPermitidos.Contains(p)) return false;
        Evaluacion = await RegistroEvaluaciones.BuscarAsync(db, e.Id, anio, p, ct);
        Destino = p.Codigo;
        return Evaluacion is not null;
    }

    private async Task CargarAsync(CancellationToken ct)
    {
        PuedeGestionar = PermisosInformes.PuedeGestionar(User);
        Documentos = await DocumentosOficiales.ListarAsync(db, Entidad.Id,
            Evaluacion is { } e ? [e.Id] : [], Version is { } v ? [v.Id] : [], ct);
    }
}
