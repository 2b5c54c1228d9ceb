using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Data;
using Sipoi.Web.Entidades;
using Sipoi.Web.Seguridad;

namespace Sipoi.Web.Pages.Administracion;

/// <summary>The entity's executing units (code, name), how many cost centres each has, and a form to add one.</summary>
[Authorize(Policy = Politicas.Administracion)]
public sealed class UnidadesEjecutorasModel(SipoiDbContext db) : PageModel
{
    public sealed record Fila(UnidadEjecutora Unidad, int Centros);

    [BindProperty] public string? Codigo { get; set; }
    [BindProperty] public string? Nombre { get; set; }
    [TempData] public string? Aviso { get; set; }
    public Entidad Entidad { get; private set; } = null!;
    public List<Fila> Unidades { get; private set; } = [];
    public List<string> Errores { get; } = [];

    public async Task<IActionResult> OnGetAsync(string entidad, CancellationToken ct) => await PrepararAsync(entidad, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(string entidad, CancellationToken ct)
    {
        if (await PrepararAsync(entidad, ct) is { } no) return no;
        var codigo = Codigo?.Trim();
        if (!string.IsNullOrEmpty(codigo) && Unidades.Any(u => u.Unidad.Codigo == codigo)) Errores.Add($"Código: ya existe la unidad ejecutora {codigo}.");
        if (Errores.Count > 0) return Page();
        var rechazo = await Concurrencia.RechazoAlGuardarAsync(async () =>
        {
            db.UnidadesEjecutoras.Add(new UnidadEjecutora(Entidad.Id, codigo ?? "", Nombre ?? ""));
            await db.SaveChangesAsync(ct);
        }, $"la unidad ejecutora {codigo}", $"Código: ya existe la unidad ejecutora {codigo}.");
        if (rechazo is not null)
        {
            Errores.Add(rechazo);
            return Page();
        }
        Aviso = $"Se creó la unidad ejecutora {codigo}.";
        return RedirectToPage("/Administracion/UnidadesEjecutoras", new { entidad = Entidad.Codigo });
    }

    private async Task<IActionResult?> PrepararAsync(string entidad, CancellationToken ct)
    {
        if (await ContextoEntidad.BuscarAsync(db, entidad, ct) is not { } e) return NotFound();
        Entidad = e;
        Unidades = await db.UnidadesEjecutoras.AsNoTracking().Where(u => u.EntidadId == e.Id).OrderBy(u => u.Codigo)
            .Select(u => new Fila(u, db.CentrosCosto.Count(c => c.UnidadEjecutoraId == u.Id))).ToListAsync(ct);
        return null;
    }
}
