using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Data;
using Sipoi.Web.Entidades;
using Sipoi.Web.Informes;

namespace Sipoi.Web.Pages.Informes;

/// <summary>
/// The entity's registered evaluations (T1…T4, S1, S2, Anual of each POI year), their state and published IGI,
/// and the form to register a new one. The planning office (Planificador, Administrador) registers; Consulta
/// reads; an Operador has no access (unpublished evaluations are the office's working papers).
/// </summary>
public sealed class EvaluacionesModel(SipoiDbContext db) : PageModel
{
    public Entidad Entidad { get; private set; } = null!;
    public List<EvaluacionPoi> Evaluaciones { get; private set; } = [];
    public List<int> Anios { get; private set; } = [];
    public bool PuedeGestionar { get; private set; }
    public string? Error { get; private set; }
    [TempData] public string? Aviso { get; set; }

    public async Task<IActionResult> OnGetAsync(string entidad, CancellationToken ct)
    {
        if (!PermisosInformes.PuedeLeer(User)) return Forbid();
        if (await ContextoEntidad.BuscarAsync(db, entidad, ct) is not { } e) return NotFound();
        await CargarAsync(e, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string entidad, int anio, string? periodo, CancellationToken ct)
    {
        if (!PermisosInformes.PuedeGestionar(User)) return Forbid();
        if (await ContextoEntidad.BuscarAsync(db, entidad, ct) is not { } e) return NotFound();
        try
        {
            if (!Periodo.TryParse(periodo, out var p)) throw new ReglaDominioException(Periodo.NoValido(periodo, EvaluacionPoi.PeriodosPermitidos));
            var ev = await RegistroEvaluaciones.RegistrarAsync(db, e.Id, anio, p, ct);
            Aviso = $"Se registró la {ev.NombreEnFrase}.";
            return RedirectToPage("/Informes/Detalle", new { entidad = e.Codigo, anio = ev.Anio, periodo = ev.PeriodoCodigo });
        }
        catch (ReglaDominioException x)
        {
            Error = x.Message;
            await CargarAsync(e, ct);
            return Page();
        }
    }

    private async Task CargarAsync(Entidad e, CancellationToken ct)
    {
        Entidad = e;
        PuedeGestionar = PermisosInformes.PuedeGestionar(User);
        Evaluaciones = (await db.Evaluaciones.AsNoTracking().Where(x => x.EntidadId == e.Id).ToListAsync(ct))
            .OrderByDescending(x => x.Orden).ToList();
        Anios = await db.Pois.AsNoTracking().Where(p => p.EntidadId == e.Id).Select(p => p.Anio).OrderByDescending(a => a).ToListAsync(ct);
    }
}
