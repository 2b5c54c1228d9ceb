using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Arranque;
using Sipoi.Web.Data;
using Sipoi.Web.Entidades;
using Sipoi.Web.Reportes;

namespace Sipoi.Web.Pages.Transparencia;

/// <summary>
/// An entity's public page (no log-in): its approved POIs with the matrix and budget in Excel, generated from
/// the approved version; and its published evaluations with the IGI, the OEI values and the files frozen at
/// publication. Nothing in preparation, submitted or unapproved is reachable from here (ConsultaTransparencia).
/// </summary>
[AllowAnonymous]
public sealed class EntidadModel([FromKeyedServices(BaseDeDatos.Lectura)] SipoiDbContext db) : PageModel
{
    public Entidad Entidad { get; private set; } = null!;
    public List<ConsultaTransparencia.PoiPublico> Pois { get; private set; } = [];
    public List<ConsultaTransparencia.EvaluacionPublica> Evaluaciones { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string entidad, CancellationToken ct)
    {
        if (await ContextoEntidad.BuscarAsync(db, entidad, ct) is not { } e) return NotFound();
        Entidad = e;
        Pois = await ConsultaTransparencia.PoisAsync(db, e.Id, ct);
        Evaluaciones = await ConsultaTransparencia.EvaluacionesAsync(db, e.Id, ct);
        if (Pois.Count == 0 && Evaluaciones.Count == 0) return NotFound();
        return Page();
    }

    /// <summary>/transparencia/{entidad}?handler=Poi&amp;anio=2024&amp;tipo=matriz|presupuesto — only for a POI year whose version in force is approved.</summary>
    public async Task<IActionResult> OnGetPoiAsync(string entidad, int anio, string? tipo, CancellationToken ct)
    {
        if (await ContextoEntidad.BuscarAsync(db, entidad, ct) is not { } e) return NotFound();
        if (!SolicitudReporte.TryTipo(tipo, out var t) || t is not (TipoReporte.Matriz or TipoReporte.Presupuesto)) return NotFound();
        if (!await ConsultaTransparencia.PoiAprobadoAsync(db, e.Id, anio, ct)) return NotFound();
        if (await DatosReporte.CargarAsync(db, entidad, anio, ct) is not { } d) return NotFound();
        var archivo = await GeneradorReportes.GenerarAsync(db, d, new SolicitudReporte(t, Periodo.Anual, 12), null, ct);
        return File(archivo.Contenido, archivo.Mime, archivo.Nombre);
    }

    /// <summary>
    /// An official document (in force or superseded) of a published evaluation or of a POI version whose approved version
    /// is in force — exactly as uploaded. Anything else answers 404.
    /// </summary>
    public async Task<IActionResult> OnGetDocumentoAsync(string entidad, int id, CancellationToken ct)
    {
        if (await ContextoEntidad.BuscarAsync(db, entidad, ct) is not { } e) return NotFound();
        var d = await Sipoi.Web.Informes.DocumentosOficiales.BuscarAsync(db, e.Id, id, ct);
        if (d is null) return NotFound();
        if (d.EvaluacionId is { } evaluacionId)
        {
            var ev = await db.Evaluaciones.AsNoTracking().SingleOrDefaultAsync(x => x.Id == evaluacionId && x.Estado == EstadoEvaluacionPoi.Publicada, ct);
            if (ev is null) return NotFound();
            return File(d.Contenido, d.Mime, Sipoi.Web.Informes.DocumentosOficiales.NombreDescarga(e.Codigo, ev.Anio, $"evaluacion-{ev.PeriodoCodigo}", d.Nombre));
        }
        var poi = (await ConsultaTransparencia.PoisAsync(db, e.Id, ct)).SingleOrDefault(p => p.VersionId == d.PoiVersionId);
        if (poi is null) return NotFound();
        var numero = await db.PoiVersiones.Where(v => v.Id == d.PoiVersionId).Select(v => v.Numero).SingleAsync(ct);
        return File(d.Contenido, d.Mime, Sipoi.Web.Informes.DocumentosOficiales.NombreDescarga(e.Codigo, poi.Anio, $"v{numero}", d.Nombre));
    }

    /// <summary>A file of a published evaluation, exactly as frozen at publication (of a superseded publication when <paramref name="publicacion"/> names it).</summary>
    public async Task<IActionResult> OnGetArchivoAsync(string entidad, int id, string nombre, int? publicacion, CancellationToken ct)
    {
        if (await ContextoEntidad.BuscarAsync(db, entidad, ct) is not { } e) return NotFound();
        var ev = await db.Evaluaciones.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id && x.EntidadId == e.Id && x.Estado == EstadoEvaluacionPoi.Publicada, ct);
        if (ev is null) return NotFound();
        var a = await Sipoi.Web.Informes.RegistroEvaluaciones.ArchivosDe(db, ev, publicacion).SingleOrDefaultAsync(x => x.Nombre == nombre, ct);
        return a is null ? NotFound() : File(a.Contenido, a.Mime, Sipoi.Web.Pages.Informes.DetalleModel.NombreDescarga(e.Codigo, ev, a.Nombre));
    }
}
