using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sipoi.Domain.Estrategia;
using Sipoi.Domain.Organizacion;
using Sipoi.Web.Data;
using Sipoi.Web.Pages.Entidades;

namespace Sipoi.Web.Pages.Pei;

public sealed class IndexModel(SipoiDbContext db) : PageModel
{
    public Entidad Entidad { get; private set; } = null!;
    public Domain.Estrategia.Pei? Pei { get; private set; }
    public List<string> Otros { get; private set; } = [];

    public string Estado => Pei?.Estado switch
    {
        EstadoPei.RegistroIniciado => "Registro iniciado",
        EstadoPei.Registrado => "Registrado",
        EstadoPei.EnImplementacion => "En implementación",
        EstadoPei.Finalizado => "Finalizado",
        _ => "",
    };

    public async Task<IActionResult> OnGetAsync(string entidad, string? codigo, CancellationToken ct)
    {
        if (await ContextoEntidad.BuscarAsync(db, entidad, ct) is not { } e) return NotFound();
        Entidad = e;
        var codigos = await db.Peis.Where(p => p.EntidadId == e.Id).OrderByDescending(p => p.Inicio).Select(p => p.Codigo).ToListAsync(ct);
        if (codigos.Count == 0) return Page();
        codigo ??= codigos[0];
        if (!codigos.Contains(codigo)) return NotFound();
        Otros = codigos.Where(c => c != codigo).ToList();
        Pei = await db.Peis.AsNoTracking()
            .Include(p => p.Oeis).ThenInclude(o => o.Aeis).ThenInclude(a => a.Indicadores).ThenInclude(i => i.Valores)
            .Include(p => p.Oeis).ThenInclude(o => o.Indicadores).ThenInclude(i => i.Valores)
            .AsSplitQuery()
            .SingleAsync(p => p.EntidadId == e.Id && p.Codigo == codigo, ct);
        return Page();
    }
}
