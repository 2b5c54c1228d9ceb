using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sipoi.Interop.Reportes;
using Sipoi.Web.Data;
using Sipoi.Web.Evaluacion;
using Sipoi.Web.Reportes;

namespace Sipoi.Web.Pages.Presupuesto;

/// <summary>
/// The year's budget (/e/{entidad}/presupuesto/{año}): income and expenditure by genérica and the cost per cost
/// centre — the very model the budget .xlsx writes (ConstructorReportes.PresupuestoAsync) — and, for a period,
/// each cost centre's financial execution next to the engine's physical execution.
/// </summary>
public sealed class IndexModel(SipoiDbContext db) : PageModel
{
    public DatosReporte Datos { get; private set; } = null!;
    public ResumenPresupuesto Resumen { get; private set; } = null!;
    public ResultadoEvaluacion Fisico { get; private set; } = null!;
    public List<FinancieroCentro> Centros { get; private set; } = [];
    public int Anio => Datos.Anio;
    /// <summary>After a budget load (Cargar): what it did.</summary>
    [TempData] public string? Aviso { get; set; }

    public async Task<IActionResult> OnGetAsync(string entidad, int anio, string? periodo, CancellationToken ct)
    {
        var p = Periodo.Anual;
        if (periodo is not null && !Periodo.TryParse(periodo, out p)) return BadRequest(Periodo.NoValido(periodo));
        if (await DatosReporte.CargarAsync(db, entidad, anio, ct) is not { } d) return NotFound();
        Datos = d;
        Resumen = await ConstructorReportes.PresupuestoAsync(db, d, ct);
        Fisico = await ConsultaEvaluacion.EvaluarAsync(db, d.Evaluacion, anio, p, incluirActividades: false, ct: ct);
        Centros = await EjecucionFinanciera.PorCentroAsync(db, d.Evaluacion, Fisico, p, ct);
        return Page();
    }
}
