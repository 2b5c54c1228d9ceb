using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sipoi.Web.Data;
using Sipoi.Web.Entidades;
using Sipoi.Web.Pois;
using Sipoi.Web.Seguridad;

namespace Sipoi.Web.Pages.Pois;

public sealed class ActividadModel(SipoiDbContext db) : PageModel
{
    public sealed record ValorPeriodo(Periodo Periodo, decimal Programado, decimal? Ejecutado);

    public Entidad Entidad { get; private set; } = null!;
    public VistaPoi Vista { get; private set; } = null!;
    public FilaActividad Fila { get; private set; } = null!;
    public List<ValorPeriodo> Periodos { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string entidad, int anio, string codigo, CancellationToken ct)
    {
        if (await ContextoEntidad.BuscarAsync(db, entidad, ct) is not { } e) return NotFound();
        if (await ConsultaPoi.CargarAsync(db, e.Id, anio, ct, codigo) is not { } vista || vista.Actividades.Count != 1) return NotFound();
        if (await User.CentrosVisiblesAsync(db, ct) is { } centros && !centros.Contains(vista.Actividades[0].CentroCostoId)) return Forbid();
        Entidad = e;
        Vista = vista;
        Fila = vista.Actividades[0];
        Periodo[] periodos = [.. Periodo.Trimestres, Periodo.Semestre(1), Periodo.Semestre(2), Periodo.Anual];
        Periodos = periodos.Select(p => new ValorPeriodo(p,
            Agregacion.Programado(Fila.Comportamiento, Fila.Programado, p),
            Agregacion.Ejecutado(Fila.Comportamiento, Fila.Ejecutado, p))).ToList();
        return Page();
    }
}
