using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Data;
using Sipoi.Web.Entidades;

namespace Sipoi.Web.Pages.Entidades;

public sealed class InicioModel(SipoiDbContext db) : PageModel
{
    public sealed record AnioPoi(int Anio, string Version, string? Documento, DateOnly? Fecha, int Actividades, int Centros);
    public sealed record PeiResumen(string Codigo, int Inicio, int Fin, int Oeis, int Aeis);
    public sealed record Linea(TipoLineaPresupuesto Tipo, string Codigo, string Nombre, decimal Monto);

    public Entidad Entidad { get; private set; } = null!;
    public List<AnioPoi> Anios { get; private set; } = [];
    public List<PeiResumen> Peis { get; private set; } = [];
    public List<Linea> Presupuesto { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string entidad, CancellationToken ct)
    {
        if (await ContextoEntidad.BuscarAsync(db, entidad, ct) is not { } e) return NotFound();
        Entidad = e;
        var pois = await db.Pois.AsNoTracking().Include(p => p.Versiones).Where(p => p.EntidadId == e.Id).OrderByDescending(p => p.Anio).ToListAsync(ct);
        foreach (var p in pois)
        {
            var v = p.VersionVigente!;
            var actividades = await db.Programaciones.Where(x => x.PoiVersionId == v.Id).CountAsync(ct);
            var centros = await db.Actividades.Where(a => a.PoiId == p.Id).Select(a => a.CentroCostoId).Distinct().CountAsync(ct);
            Anios.Add(new AnioPoi(p.Anio, v.Etiqueta, v.DocumentoAprobacion, v.FechaAprobacion, actividades, centros));
        }
        Peis = await db.Peis.AsNoTracking().Where(p => p.EntidadId == e.Id).OrderByDescending(p => p.Inicio)
            .Select(p => new PeiResumen(p.Codigo, p.Inicio, p.Fin, p.Oeis.Count, p.Oeis.SelectMany(o => o.Aeis).Count())).ToListAsync(ct);
        if (Anios.Count > 0)
        {
            var anio = Anios[0].Anio;
            Presupuesto = await db.LineasPresupuesto.AsNoTracking().Where(l => l.EntidadId == e.Id && l.Anio == anio)
                .OrderBy(l => l.Tipo).ThenBy(l => l.Codigo).Select(l => new Linea(l.Tipo, l.Codigo, l.Nombre, l.Monto)).ToListAsync(ct);
        }
        return Page();
    }
}
