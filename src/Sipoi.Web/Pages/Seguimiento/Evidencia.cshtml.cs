using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Sipoi.Web.Data;
using Sipoi.Web.Seguimiento;

namespace Sipoi.Web.Pages.Seguimiento;

/// <summary>
/// Evidence files of a month: one activity's page (its files, upload and removal while the month is editable — the grid's
/// «Adjuntar…» opens it after saving the typed values), upload (several per activity, each checked by content), download
/// (attachment, with the type the content proved). Its own page so only it accepts large request bodies
/// (ServiciosSeguimiento). An upload that worked goes back to the grid (the message there); a refused upload and a
/// removal come back to this page with the message.
/// </summary>
// The request-size gate (Arranque/LimitesEntrada.cs) reads this before any filter runs; the convention in
// ServiciosSeguimiento still sets the configured limit for the page itself. Default: 5 files of 10 MB plus the form.
[RequestSizeLimit(5 * Evidencia.LimitePorDefecto + 64 * 1024)]
public sealed class EvidenciaModel(SipoiDbContext db, TimeProvider reloj, IOptions<OpcionesEvidencia> opciones) : PageModel
{
    [TempData] public string? Aviso { get; set; }
    [TempData] public string? ErrorEvidencia { get; set; }

    public MesSeguimiento M { get; private set; } = null!;
    public FilaMes Fila { get; private set; } = null!;
    public string CodigoEntidad { get; private set; } = "";
    /// <summary>Why nothing can be attached or removed now (the month is not editable, or the user does not register it); null when it can.</summary>
    public string? MotivoNoEditable { get; private set; }
    public List<MesModel.ArchivoVista> Archivos { get; private set; } = [];
    public OpcionesEvidencia Opciones => opciones.Value;
    /// <summary>The file «Quitar» was pressed for, not removed yet: the page shows what goes and asks to confirm.</summary>
    public MesModel.ArchivoVista? PorQuitar { get; private set; }
    /// <summary>The grid's ?todas=true, kept on the way back.</summary>
    public bool Todas { get; private set; }

    public async Task<IActionResult> OnPostSubirAsync(string entidad, int anio, int mes, string? centro, string? actividad,
        List<IFormFile>? archivos, bool todas, CancellationToken ct)
    {
        if (await MesSeguimiento.CargarAsync(db, entidad, anio, mes, centro, ct) is not { } m) return NotFound();
        if (!await PermisosSeguimiento.PuedeVerAsync(User, db, m.Centro.Id, ct)) return Forbid();
        if (!await PermisosSeguimiento.PuedeRegistrarAsync(User, db, m.Centro.Id, ct)) return Forbid();
        var o = opciones.Value;
        var recibidos = await AdjuntarEvidencia.RecibirAsync(archivos ?? [], o, ct);
        var r = await AdjuntarEvidencia.AdjuntarAsync(db, m, actividad, recibidos, o, PermisosSeguimiento.Usuario(User), reloj.GetUtcNow(), ct);
        if (r.Exito) return Volver(Grilla(entidad, anio, mes, m.Centro.Codigo, todas) + "#fila-" + r.Actividad, aviso: r.Mensaje);
        // Refused: back to the activity's page to choose other files (the grid when the activity is not of the centre).
        var pagina = m.Filas.Any(f => f.Actividad.Codigo == actividad)
            ? PaginaActividad(entidad, anio, mes, m.Centro.Codigo, actividad!, todas)
            : Grilla(entidad, anio, mes, m.Centro.Codigo, todas);
        return Volver(pagina, error: r.Error);
    }

    /// <summary>
    /// «Quitar» cannot be undone (the file's bytes go): the first post only checks and shows which file of which activity and
    /// month goes (<see cref="PorQuitar"/>); the confirmation posts the same id with <c>Confirmar=true</c>, and only that removes.
    /// </summary>
    public async Task<IActionResult> OnPostBorrarAsync(string entidad, int anio, int mes, string? centro, long id, bool todas, bool confirmar,
        CancellationToken ct)
    {
        if (await MesSeguimiento.CargarAsync(db, entidad, anio, mes, centro, ct) is not { } m) return NotFound();
        if (!await PermisosSeguimiento.PuedeVerAsync(User, db, m.Centro.Id, ct)) return Forbid();
        if (!await PermisosSeguimiento.PuedeRegistrarAsync(User, db, m.Centro.Id, ct)) return Forbid();
        var (archivo, error) = await AdjuntarEvidencia.QuitarAsync(db, m, id, reloj.GetUtcNow(), ct, confirmar);
        if (archivo is null) return NotFound();
        var codigo = m.Filas.First(f => f.Actividad.Id == archivo.ActividadId).Actividad.Codigo;
        if (error is null && !confirmar)
        {
            PorQuitar = new MesModel.ArchivoVista(archivo.Id, archivo.Nombre, archivo.Tipo.ToString(), archivo.Tamano, archivo.SubidoPor, archivo.SubidoEn);
            return await ActividadAsync(entidad, anio, mes, m.Centro.Codigo, codigo, todas, ct);
        }
        var pagina = PaginaActividad(entidad, anio, mes, m.Centro.Codigo, codigo, todas);
        return error is not null ? Volver(pagina, error: error) : Volver(pagina, aviso: $"Se quitó «{archivo.Nombre}».");
    }

    /// <summary>
    /// GET …/evidencia?centro=C&amp;actividad=A: the activity's evidence of the month — its files, and while the month is editable
    /// by this user the upload form and a «Quitar» per file. Reached from the grid's «Adjuntar…», which saved the typed values first.
    /// </summary>
    private async Task<IActionResult> ActividadAsync(string entidad, int anio, int mes, string? centro, string? actividad, bool todas,
        CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(centro) || string.IsNullOrWhiteSpace(actividad)) return NotFound();
        if (await MesSeguimiento.CargarAsync(db, entidad, anio, mes, centro, ct) is not { } m) return NotFound();
        if (!await PermisosSeguimiento.PuedeVerAsync(User, db, m.Centro.Id, ct)) return Forbid();
        if (m.Filas.FirstOrDefault(f => f.Actividad.Codigo == actividad) is not { } fila) return NotFound();
        (M, Fila, CodigoEntidad, Todas) = (m, fila, entidad, todas);
        MotivoNoEditable = !await PermisosSeguimiento.PuedeRegistrarAsync(User, db, m.Centro.Id, ct)
            ? "Solo lectura: adjunta y quita evidencias el operador asignado al centro de costo."
            : m.MotivoNoEditable(Plazos.Hoy(reloj.GetUtcNow()));
        Archivos = await db.Evidencias.AsNoTracking()
            .Where(e => e.ActividadId == fila.Actividad.Id && e.Mes == m.Mes)
            .OrderBy(e => e.SubidoEn).ThenBy(e => e.Id)
            .Select(e => new MesModel.ArchivoVista(e.Id, e.Nombre, e.Tipo.ToString(), e.Tamano, e.SubidoPor, e.SubidoEn))
            .ToListAsync(ct);
        return Page();
    }

    /// <summary>The grid, back at the activity's row.</summary>
    public string UrlGrilla => Grilla(CodigoEntidad, M.Anio, M.Mes, M.Centro.Codigo, Todas) + "#fila-" + Fila.Actividad.Codigo;

    /// <summary>This page again (the activity's evidence), as a GET: cancelling a confirmation.</summary>
    public string UrlActividad => PaginaActividad(CodigoEntidad, M.Anio, M.Mes, M.Centro.Codigo, Fila.Actividad.Codigo, Todas);

    public string UrlAccion(string handler) =>
        Url.Pagina("/Seguimiento/Evidencia", handler,
            new { entidad = CodigoEntidad, anio = M.Anio, mes = M.Mes, centro = M.Centro.Codigo, todas = Todas ? "true" : null });

    private string PaginaActividad(string entidad, int anio, int mes, string centro, string actividad, bool todas) =>
        Url.Pagina("/Seguimiento/Evidencia", null, new { entidad, anio, mes, centro, actividad, todas = todas ? "true" : null });

    /// <summary>GET /e/{entidad}/seguimiento/{año}/{mes}/evidencia/{id}: the file as an attachment, for whoever may see its cost centre.</summary>
    public async Task<IActionResult> OnGetAsync(string entidad, int anio, int mes, long? id, string? centro, string? actividad, bool todas,
        CancellationToken ct)
    {
        if (id is null) return await ActividadAsync(entidad, anio, mes, centro, actividad, todas, ct);
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

    private string Grilla(string entidad, int anio, int mes, string centro, bool todas) =>
        Url.Pagina("/Seguimiento/Mes", null, new { entidad, anio, mes, centro, todas = todas ? "true" : null });

    private RedirectResult Volver(string url, string? aviso = null, string? error = null)
    {
        Aviso = aviso;
        ErrorEvidencia = error;
        return Redirect(url);
    }
}
