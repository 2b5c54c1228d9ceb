using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sipoi.Web.Data;
using Sipoi.Web.Reportes;

namespace Sipoi.Web.Pages.PlanesGobierno;

/// <summary>
/// The semester evaluation of a government plan (/e/{entidad}/plan-gobierno/{id}/evaluacion/{año}?semestre=1): by dimension
/// and objective, each target's baseline, target, obtained value, achievement and band, next to the POI execution of the
/// AEIs aligned to the objective in the same semester. Figures from <see cref="ConsultaRendicionCuentas"/>, never here.
/// </summary>
public sealed class EvaluacionModel(SipoiDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Semestre { get; set; } = 1;

    public ConsultaRendicionCuentas.Datos Datos { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string entidad, int id, int anio, CancellationToken ct)
    {
        if (Semestre is not (1 or 2)) return BadRequest("Semestre no válido: use 1 (enero–junio) o 2 (julio–diciembre).");
        if (await ConsultaRendicionCuentas.CargarAsync(db, entidad, id, anio, Semestre, ct) is not { } d) return NotFound();
        if (anio < d.Plan.Inicio || anio > d.Plan.Fin) return NotFound();
        Datos = d;
        return Page();
    }

    /// <summary>GET …/evaluacion/{año}?semestre=1&amp;handler=Informe&amp;formato=docx|xlsx: the accountability report of the semester.</summary>
    public async Task<IActionResult> OnGetInformeAsync(string entidad, int id, int anio, string? formato, CancellationToken ct)
    {
        if (Semestre is not (1 or 2)) return BadRequest("Semestre no válido: use 1 (enero–junio) o 2 (julio–diciembre).");
        if (formato is not ("docx" or "xlsx")) return BadRequest("Formato no válido: use docx (Word) o xlsx (Excel).");
        if (await ConsultaRendicionCuentas.CargarAsync(db, entidad, id, anio, Semestre, ct) is not { } d) return NotFound();
        if (anio < d.Plan.Inicio || anio > d.Plan.Fin) return NotFound();
        var a = ConsultaRendicionCuentas.Archivo(d, formato)!;
        return File(a.Contenido, a.Mime, a.Nombre);
    }
}
