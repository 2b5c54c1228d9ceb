using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Data;
using Sipoi.Web.Entidades;
using Sipoi.Web.Peis;

namespace Sipoi.Web.Pages.Peis;

public sealed class IndexModel(SipoiDbContext db) : PageModel
{
    public Entidad Entidad { get; private set; } = null!;
    public Pei? Pei { get; private set; }
    public List<string> Otros { get; private set; } = [];
    /// <summary>The PEI this one extends or updates (still readable), and the ones derived from it.</summary>
    public string? Anterior { get; private set; }
    public List<string> Derivados { get; private set; } = [];
    public bool PuedeEditar { get; private set; }
    [TempData] public string? Aviso { get; set; }

    public string Estado => Pei?.Estado switch
    {
        EstadoPei.RegistroIniciado => "Registro iniciado",
        EstadoPei.Registrado => "Registrado",
        EstadoPei.EnImplementacion => "En implementación",
        EstadoPei.Finalizado => "Finalizado",
        _ => "",
    };

    public async Task<IActionResult> OnGetAsync(string entidad, [FromQuery] string? codigo, CancellationToken ct)
    {
        if (await ContextoEntidad.BuscarAsync(db, entidad, ct) is not { } e) return NotFound();
        Entidad = e;
        PuedeEditar = EdicionPei.PuedeEditar(User);
        var codigos = await db.Peis.Where(p => p.EntidadId == e.Id).OrderByDescending(p => p.Inicio).ThenByDescending(p => p.Fin).ThenBy(p => p.Codigo).Select(p => p.Codigo).ToListAsync(ct);
        if (codigos.Count == 0) return Page();
        codigo ??= codigos[0];
        if (!codigos.Contains(codigo)) return NotFound();
        Otros = codigos.Where(c => c != codigo).ToList();
        Pei = await db.Peis.AsNoTracking()
            .Include(p => p.Oeis).ThenInclude(o => o.Aeis).ThenInclude(a => a.Indicadores).ThenInclude(i => i.Valores)
            .Include(p => p.Oeis).ThenInclude(o => o.Indicadores).ThenInclude(i => i.Valores)
            .AsSplitQuery()
            .SingleAsync(p => p.EntidadId == e.Id && p.Codigo == codigo, ct);
        var id = Pei.Id;
        var anteriorId = Pei.PeiAnteriorId;
        Anterior = await db.Peis.Where(p => p.Id == anteriorId).Select(p => p.Codigo).SingleOrDefaultAsync(ct);
        Derivados = await db.Peis.Where(p => p.PeiAnteriorId == id).OrderBy(p => p.Codigo).Select(p => p.Codigo).ToListAsync(ct);
        return Page();
    }
}
