using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sipoi.Domain.Organizacion;
using Sipoi.Domain.Seguimiento;
using Sipoi.Web.Data;
using Sipoi.Web.Seguridad;
using TableroSeguimiento = Sipoi.Domain.Seguimiento.Tablero;

namespace Sipoi.Web.Pages.Seguimiento;

/// <summary>
/// The monitoring board of a POI year: each cost centre × month in its board state
/// (<see cref="TableroSeguimiento.Estado(MesDelAnio, SeguimientoMensual?, ConfiguracionEntidad, DateOnly)"/>),
/// with a link to the month. An Operador sees its own centres only. The planning office also gets
/// the list of submitted months waiting for review.
/// </summary>
public sealed class TableroModel(SipoiDbContext db, TimeProvider reloj) : PageModel
{
    public sealed record Celda(int Mes, EstadoTablero Estado, DateOnly Plazo, bool Futuro);
    public sealed record FilaCentro(string Codigo, string Nombre, IReadOnlyList<Celda> Meses);
    public sealed record PorRevisar(string Centro, string NombreCentro, int Mes, string? EnviadoPor, DateTimeOffset? EnviadoEn);

    public Entidad Entidad { get; private set; } = null!;
    public int Anio { get; private set; }
    public DateOnly Hoy { get; private set; }
    public List<FilaCentro> Filas { get; private set; } = [];
    public List<PorRevisar> Pendientes { get; private set; } = [];
    public bool SoloCentrosPropios { get; private set; }
    public Dictionary<EstadoTablero, int> Totales { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string entidad, int anio, CancellationToken ct)
    {
        var e = await db.Entidades.AsNoTracking().SingleOrDefaultAsync(x => x.Codigo == entidad, ct);
        if (e is null) return NotFound();
        var poi = await db.Pois.AsNoTracking().Include(p => p.Versiones).SingleOrDefaultAsync(p => p.EntidadId == e.Id && p.Anio == anio, ct);
        if (poi?.VersionVigente is not { } version) return NotFound();
        var visibles = await User.CentrosVisiblesAsync(db, ct);
        SoloCentrosPropios = visibles is not null;
        Entidad = e;
        Anio = anio;
        Hoy = Plazos.Hoy(reloj.GetUtcNow());

        var centros = await db.CentrosCosto.AsNoTracking()
            .Where(c => c.EntidadId == e.Id && db.Actividades.Any(a => a.PoiId == poi.Id && a.CentroCostoId == c.Id
                && db.Programaciones.Any(p => p.ActividadId == a.Id && p.PoiVersionId == version.Id)))
            .Select(c => new { c.Id, c.Codigo, c.Nombre }).ToListAsync(ct);
        var seguimientos = (await db.Seguimientos.AsNoTracking().Where(s => s.PoiId == poi.Id).ToListAsync(ct))
            .ToDictionary(s => (s.CentroCostoId, s.Mes));
        var config = e.Configuracion;
        foreach (var c in centros.Where(c => visibles is null || visibles.Contains(c.Id)).OrderBy(c => c.Codigo, StringComparer.Ordinal))
        {
            var meses = Enumerable.Range(1, 12).Select(mes =>
            {
                var md = new MesDelAnio(anio, mes);
                var s = seguimientos.GetValueOrDefault((c.Id, mes));
                var plazo = Plazos.Vigente(Plazos.Cierre(md, config), s?.Reapertura);
                return new Celda(mes, TableroSeguimiento.Estado(md, s, config, Hoy), plazo, Hoy < md.PrimerDia);
            }).ToList();
            Filas.Add(new FilaCentro(c.Codigo, c.Nombre, meses));
            Pendientes.AddRange(seguimientos.Values
                .Where(s => s.CentroCostoId == c.Id && s.Estado == EstadoSeguimiento.Enviado)
                .OrderBy(s => s.Mes)
                .Select(s => new PorRevisar(c.Codigo, c.Nombre, s.Mes, s.EnviadoPor, s.EnviadoEn)));
        }
        Totales = Filas.SelectMany(f => f.Meses).Where(m => !m.Futuro).GroupBy(m => m.Estado).ToDictionary(g => g.Key, g => g.Count());
        return Page();
    }
}
