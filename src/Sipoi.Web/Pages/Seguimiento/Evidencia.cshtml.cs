using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Sipoi.Web.Data;
using Sipoi.Web.Seguimiento;

namespace Sipoi.Web.Pages.Seguimiento;

/// <summary>
/// Evidence files of a month: upload (several per activity, each checked by content), download
/// (attachment, with the type the content proved) and removal while the month is editable. Its own
/// page so only it accepts large request bodies (ServiciosSeguimiento). Answers with a redirect to
/// the grid, the outcome in a message there.
/// </summary>
// The request-size gate (Arranque/LimitesEntrada.cs) reads this before any filter runs; the convention in
// ServiciosSeguimiento still sets the configured limit for the page itself. Default: 5 files of 10 MB plus the form.
[RequestSizeLimit(5 * Evidencia.LimitePorDefecto + 64 * 1024)]
public sealed class EvidenciaModel(SipoiDbContext db, TimeProvider reloj, IOptions<OpcionesEvidencia> opciones) : PageModel
{
    [TempData] public string? Aviso { get; set; }
    [TempData] public string? ErrorEvidencia { get; set; }

    public async Task<IActionResult> OnPostSubirAsync(string entidad, int anio, int mes, string? centro, string? actividad,
        List<IFormFile>? archivos, CancellationToken ct)
    {
        if (await MesSeguimiento.CargarAsync(db, entidad, anio, mes, centro, ct) is not { } m) return NotFound();
        if (!await PermisosSeguimiento.PuedeVerAsync(User, db, m.Centro.Id, ct)) return Forbid();
        if (!await PermisosSeguimiento.PuedeRegistrarAsync(User, db, m.Centro.Id, ct)) return Forbid();
        var grilla = Grilla(entidad, anio, mes, m.Centro.Codigo);
        var o = opciones.Value;
        var recibidos = await AdjuntarEvidencia.RecibirAsync(archivos ?? [], o, ct);
        var r = await AdjuntarEvidencia.AdjuntarAsync(db, m, actividad, recibidos, o, PermisosSeguimiento.Usuario(User), reloj.GetUtcNow(), ct);
        return r.Exito ? Volver(grilla, aviso: r.Mensaje) : Volver(grilla, error: r.Error);
    }

    public async Task<IActionResult> OnPostBorrarAsync(string entidad, int anio, int mes, string? centro, long id, CancellationToken ct)
    {
        if (await MesSeguimiento.CargarAsync(db, entidad, anio, mes, centro, ct) is not { } m) return NotFound();
        if (!await PermisosSeguimiento.PuedeVerAsync(User, db, m.Centro.Id, ct)) return Forbid();
        if (!await PermisosSeguimiento.PuedeRegistrarAsync(User, db, m.Centro.Id, ct)) return Forbid();
        var grilla = Grilla(entidad, anio, mes, m.Centro.Codigo);
        var (archivo, error) = await AdjuntarEvidencia.QuitarAsync(db, m, id, reloj.GetUtcNow(), ct);
        if (archivo is null) return NotFound();
        return error is not null ? Volver(grilla, error: error) : Volver(grilla, aviso: $"Se quitó «{archivo.Nombre}».");
    }

    /// <summary>GET /e/{entidad}/seguimiento/{año}/{mes}/evidencia/{id}: the file as an attachment, for whoever may see its cost centre.</summary>
    public async Task<IActionResult> OnGetAsync(string entidad, int anio, int mes, long? id, CancellationToken ct)
    {
        if (id is null) return NotFound();
        var e = await (
            from ev in db.Evidencias.AsNoTracking()
            join a in db.Actividades on ev.ActividadId equals a.Id
            join p in db.Pois on a.PoiId equals p.Id
            join en in db.Entidades on ev.EntidadId equals en.Id
            where ev.Id == id && en.Codigo == entidad && p.Anio == anio && ev.Mes == mes
            select new { a.CentroCostoId, ev.Nombre, ev.Tipo }).SingleOrDefaultAsync(ct);
        if (e is null) return NotFound();
        if (!await PermisosSeguimiento.PuedeVerAsync(User, db, e.CentroCostoId, ct)) return Forbid();
        // The bytes only now, after the permission check.
        var contenido = await db.Evidencias.AsNoTracking().Where(x => x.Id == id).Select(x => x.Contenido).SingleAsync(ct);
        Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        Response.Headers[HeaderNames.CacheControl] = "private, no-store";
        // FileContentResult with a download name writes Content-Disposition: attachment (with a UTF-8 filename*).
        return File(contenido, e.Tipo.Mime(), e.Nombre);
    }

    private string Grilla(string entidad, int anio, int mes, string centro) =>
        Url.Pagina("/Seguimiento/Mes", null, new { entidad, anio, mes, centro });

    private RedirectResult Volver(string url, string? aviso = null, string? error = null)
    {
        Aviso = aviso;
        ErrorEvidencia = error;
        return Redirect(url);
    }
}
