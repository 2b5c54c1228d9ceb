using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Data;
using Sipoi.Web.Entidades;
using Sipoi.Web.Peis;

namespace Sipoi.Web.Pages.PlanesGobierno;

/// <summary>The entity's government plans and PDLC (/e/{entidad}/plan-gobierno); the planning office registers new ones here.</summary>
public sealed class IndexModel(SipoiDbContext db) : PageModel
{
    public sealed record Fila(int Id, string Nombre, string Tipo, int Inicio, int Fin, int Elementos);

    public static IReadOnlyList<string> Tipos { get; } = ["Plan de Gobierno", "PDLC"];

    [BindProperty] public string? Nombre { get; set; }
    [BindProperty] public string? Tipo { get; set; }
    [BindProperty] public string? Inicio { get; set; }
    [BindProperty] public string? Fin { get; set; }
    [TempData] public string? Aviso { get; set; }

    public Entidad Entidad { get; private set; } = null!;
    public List<Fila> Planes { get; private set; } = [];
    public bool PuedeEditar { get; private set; }
    public List<string> Errores { get; } = [];

    public async Task<IActionResult> OnGetAsync(string entidad, CancellationToken ct)
    {
        if (await PrepararAsync(entidad, ct) is { } no) return no;
        Tipo = Tipos[0];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string entidad, CancellationToken ct)
    {
        if (await PrepararAsync(entidad, ct) is { } no) return no;
        if (!PuedeEditar) return Forbid();
        var inicio = EdicionPei.Entero(Inicio, "Año de inicio", Errores);
        var fin = EdicionPei.Entero(Fin, "Año de fin", Errores);
        if (inicio is null && Errores.Count == 0) Errores.Add("Año de inicio: es obligatorio.");
        if (fin is null && Errores.Count == 0) Errores.Add("Año de fin: es obligatorio.");
        if (!Tipos.Contains(Tipo ?? "")) Errores.Add($"Tipo: elija {string.Join(" o ", Tipos)}.");
        if (Errores.Count > 0) return Page();
        try
        {
            var plan = new PlanGobierno(Entidad.Id, Nombre ?? "", Tipo!, inicio!.Value, fin!.Value);
            db.PlanesGobierno.Add(plan);
            await db.SaveChangesAsync(ct);
            Aviso = $"Se registró «{plan.Nombre}». Agregue sus dimensiones, problemas, objetivos, intervenciones y metas.";
            return RedirectToPage("/PlanesGobierno/Plan", new { entidad, id = plan.Id });
        }
        catch (ReglaDominioException e)
        {
            Errores.Add(e.Message);
        }
        return Page();
    }

    private async Task<IActionResult?> PrepararAsync(string entidad, CancellationToken ct)
    {
        if (await ContextoEntidad.BuscarAsync(db, entidad, ct) is not { } e) return NotFound();
        Entidad = e;
        PuedeEditar = EdicionPei.PuedeEditar(User);
        Planes = await db.PlanesGobierno.AsNoTracking().Where(p => p.EntidadId == e.Id).OrderByDescending(p => p.Inicio).ThenBy(p => p.Nombre)
            .Select(p => new Fila(p.Id, p.Nombre, p.Tipo, p.Inicio, p.Fin, p.Elementos.Count)).ToListAsync(ct);
        return null;
    }
}
