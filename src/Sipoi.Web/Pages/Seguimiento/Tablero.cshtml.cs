using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Data;
using Sipoi.Web.Seguimiento;
using Sipoi.Web.Seguridad;

namespace Sipoi.Web.Pages.Seguimiento;

/// <summary>
/// The monitoring board of a POI year: each cost centre × month in its board state
/// (<see cref="EstadoEntregas"/>),
/// with a link to the month. An Operador sees its own centres only. The planning office also gets
/// the list of submitted months waiting for review.
/// </summary>
public sealed class TableroModel(SipoiDbContext db, TimeProvider reloj) : PageModel
{
    public Entidad Entidad { get; private set; } = null!;
    public int Anio { get; private set; }
    public DateOnly Hoy { get; private set; }
    public IReadOnlyList<EstadoEntregas.FilaCentro> Filas { get; private set; } = [];
    public IReadOnlyList<EstadoEntregas.PorRevisar> Pendientes { get; private set; } = [];
    public bool SoloCentrosPropios { get; private set; }
    public Dictionary<EstadoTablero, int> Totales { get; private set; } = [];
    /// <summary>The entity reports by quarter: the board shows quarters (EstadoEntregas.FilaCentro.Trimestres).</summary>
    public bool Trimestral { get; private set; }
    /// <summary>A row's cells: months, or quarters for a quarterly entity.</summary>
    public IReadOnlyList<EstadoEntregas.Celda> Celdas(EstadoEntregas.FilaCentro f) => Trimestral ? f.Trimestres() : f.Meses;

    public async Task<IActionResult> OnGetAsync(string entidad, int anio, CancellationToken ct)
    {
        var e = await db.Entidades.AsNoTracking().SingleOrDefaultAsync(x => x.Codigo == entidad, ct);
        if (e is null) return NotFound();
        var visibles = await User.CentrosVisiblesAsync(db, ct);
        Hoy = Plazos.Hoy(reloj.GetUtcNow());
        if (await EstadoEntregas.CargarAsync(db, e, anio, visibles, Hoy, ct) is not { } estado) return NotFound();
        SoloCentrosPropios = visibles is not null;
        Entidad = e;
        Anio = anio;
        Filas = estado.Filas;
        Pendientes = estado.Pendientes;
        Trimestral = e.Configuracion.Ritmo == RitmoReporte.Trimestral;
        Totales = Filas.SelectMany(Celdas).Where(m => !m.Futuro).GroupBy(m => m.Estado).ToDictionary(g => g.Key, g => g.Count());
        return Page();
    }
}
