using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sipoi.Web.Data;
using Sipoi.Web.Entidades;
using Sipoi.Web.Seguridad;

namespace Sipoi.Web.Pages.Administracion;

/// <summary>The organisation chart: every cost centre in code order, and a form to add one.</summary>
[Authorize(Policy = Politicas.Administracion)]
public sealed class CentrosModel(SipoiDbContext db) : PageModel
{
    [BindProperty] public DatosCentro Datos { get; set; } = new();
    [TempData] public string? Aviso { get; set; }
    /// <summary>?inactivos=true also lists the deactivated centres (default: active only).</summary>
    [BindProperty(SupportsGet = true)] public bool Inactivos { get; set; }
    public Entidad Entidad { get; private set; } = null!;
    public Organigrama Arbol { get; private set; } = null!;
    public List<string> Errores { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string entidad, CancellationToken ct) => await PrepararAsync(entidad, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(string entidad, CancellationToken ct)
    {
        if (await PrepararAsync(entidad, ct) is { } no) return no;
        var codigo = Datos.Codigo?.Trim();
        if (string.IsNullOrEmpty(codigo)) Errores.Add("Código: es obligatorio.");
        else if (Arbol.Centros.Any(c => c.Codigo == codigo)) Errores.Add($"Código: ya existe el centro de costo {codigo}.");
        if (string.IsNullOrWhiteSpace(Datos.Nombre)) Errores.Add("Nombre: es obligatorio.");
        if (Errores.Count > 0) return Page();
        var rechazo = await Concurrencia.RechazoAlGuardarAsync(async () =>
        {
            var centro = new CentroCosto(Entidad.Id, codigo!, Datos.Nombre!);
            Arbol.Aplicar(centro, Datos);
            db.CentrosCosto.Add(centro);
            await db.SaveChangesAsync(ct);
        }, $"el centro de costo {codigo}", $"Código: ya existe el centro de costo {codigo}.");
        if (rechazo is not null)
        {
            Errores.Add(rechazo);
            return Page();
        }
        Aviso = $"Se creó el centro de costo {codigo}.";
        return RedirectToPage("/Administracion/Centros", new { entidad = Entidad.Codigo });
    }

    private async Task<IActionResult?> PrepararAsync(string entidad, CancellationToken ct)
    {
        if (await ContextoEntidad.BuscarAsync(db, entidad, ct) is not { } e) return NotFound();
        Entidad = e;
        Arbol = await Organigrama.CargarAsync(db, e.Id, ct);
        return null;
    }
}
