using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Data;

namespace Sipoi.Web.Pages.Formulacion;

/// <summary>
/// An entity's POI of one year as drafting sees it, loaded tracked: the version being drafted (if
/// any) and the latest approved one (what evaluation reads, and what a reprogramming must respect).
/// </summary>
public sealed class ContextoFormulacion
{
    public required Entidad Entidad { get; init; }
    public required int Anio { get; init; }
    /// <summary>Null when the entity has no POI for the year yet.</summary>
    public required Poi? Poi { get; init; }

    /// <summary>The drafts' deadline: the calendar's "propuesta de los centros" milestone (Domain/Calendario); null when none.</summary>
    public HitoCalendario? PlazoPropuestas { get; init; }

    public PoiVersion? Borrador => Poi?.VersionEnBorrador;
    public PoiVersion? Aprobada => Poi?.Versiones.Where(v => v.Estado == EstadoVersionPoi.Aprobada).MaxBy(v => v.Numero);

    /// <summary>Null when the entity does not exist or the year is out of range (the caller answers 404).</summary>
    public static async Task<ContextoFormulacion?> CargarAsync(SipoiDbContext db, string codigoEntidad, int anio, CancellationToken ct)
    {
        if (anio is < 2000 or > 2100) return null;
        var entidad = await db.Entidades.AsNoTracking().SingleOrDefaultAsync(e => e.Codigo == codigoEntidad, ct);
        if (entidad is null) return null;
        var poi = await db.Pois.Include(p => p.Versiones).SingleOrDefaultAsync(p => p.EntidadId == entidad.Id && p.Anio == anio, ct);
        var hitos = await db.HitosCalendario.AsNoTracking().Where(h => h.EntidadId == entidad.Id && h.Anio == anio - 1).ToListAsync(ct);
        return new ContextoFormulacion { Entidad = entidad, Anio = anio, Poi = poi, PlazoPropuestas = CronogramaEntidad.PlazoPropuestas(anio, hitos) };
    }

    public Task<CentroCosto?> CentroAsync(SipoiDbContext db, string? codigo, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(codigo)
            ? Task.FromResult<CentroCosto?>(null)
            : db.CentrosCosto.AsNoTracking().SingleOrDefaultAsync(c => c.EntidadId == Entidad.Id && c.Codigo == codigo, ct);
}
