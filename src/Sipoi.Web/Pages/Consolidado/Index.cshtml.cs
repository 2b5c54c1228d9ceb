using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sipoi.Interop.Reportes;
using Sipoi.Web.Arranque;
using Sipoi.Web.Data;
using Sipoi.Web.Reportes;
using Sipoi.Web.Seguridad;

namespace Sipoi.Web.Pages.Consolidado;

/// <summary>
/// IGI and OEI execution of several entities for one year and period (/consolidado/{año}?periodo=P&amp;entidades=A,B),
/// with its .xlsx export (handler "xlsx"). Only for a national administrator; anyone else gets 403. The entity list
/// may name many entities, hence its own query length bound.
/// </summary>
[ParametroLargo("entidades", 20_000)]
public sealed class IndexModel(SipoiDbContext db) : PageModel
{
    public int Anio { get; private set; }
    public Periodo Periodo { get; private set; }
    public string? Entidades { get; private set; }
    public Interop.Reportes.Consolidado Consolidado { get; private set; } = null!;
    public IReadOnlyList<string> SinPoi { get; private set; } = [];

    /// <summary>Without a year (/consolidado), the latest year with any POI.</summary>
    public async Task<IActionResult> OnGetAsync(int? anio, string? periodo, string? entidades, CancellationToken ct)
    {
        if (!User.EsAdministradorNacional()) return Forbid();
        if (anio is null)
        {
            var ultimo = await db.Pois.AsNoTracking().MaxAsync(p => (int?)p.Anio, ct);
            return ultimo is { } a ? RedirectToPage("/Consolidado/Index", new { anio = a }) : NotFound();
        }
        return await CargarAsync(anio.Value, periodo, entidades, ct) ?? Page();
    }

    public async Task<IActionResult> OnGetXlsxAsync(int? anio, string? periodo, string? entidades, CancellationToken ct)
    {
        if (anio is null) return NotFound();
        if (await CargarAsync(anio.Value, periodo, entidades, ct) is { } error) return error;
        var ms = new MemoryStream();
        ConsolidadoExcel.Escribir(Consolidado, ms);
        return File(ms.ToArray(), SolicitudReporte.MimeXlsx, ConsultaConsolidado.NombreArchivo(anio.Value, Periodo));
    }

    private async Task<IActionResult?> CargarAsync(int anio, string? periodo, string? entidades, CancellationToken ct)
    {
        if (!User.EsAdministradorNacional()) return Forbid();
        var p = Periodo.Anual;
        if (!string.IsNullOrWhiteSpace(periodo) && !Periodo.TryParse(periodo, out p))
            return BadRequest(Periodo.NoValido(periodo));
        Anio = anio;
        Periodo = p;
        Entidades = entidades;
        (Consolidado, SinPoi) = await ConsultaConsolidado.ConstruirAsync(db, anio, p, ConsultaConsolidado.Codigos(entidades), ct);
        return null;
    }
}
