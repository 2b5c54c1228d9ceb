using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sipoi.Web.Data;
using Sipoi.Web.Entidades;
using Sipoi.Web.Seguridad;

namespace Sipoi.Web.Pages.Administracion;

/// <summary>One cost centre: rename it, move it under another one (never under its own branch), change its executing unit.</summary>
[Authorize(Policy = Politicas.Administracion)]
public sealed class CentroModel(SipoiDbContext db) : PageModel
{
    [BindProperty] public DatosCentro Datos { get; set; } = new();
    public Entidad Entidad { get; private set; } = null!;
    public Organigrama Arbol { get; private set; } = null!;
    public CentroCosto Centro { get; private set; } = null!;
    public List<string> Errores { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string entidad, int id, CancellationToken ct)
    {
        if (await PrepararAsync(entidad, id, ct) is { } no) return no;
        Datos = Guardados();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string entidad, int id, CancellationToken ct)
    {
        if (await PrepararAsync(entidad, id, ct) is { } no) return no;
        try
        {
            Arbol.Aplicar(Centro, Datos);
        }
        catch (ReglaDominioException e)
        {
            Errores.Add(e.Message);
            return Page();
        }
        await db.SaveChangesAsync(ct);
        TempData["Aviso"] = $"Se guardó el centro de costo {Centro.Codigo}.";
        return RedirectToPage("/Administracion/Centros", new { entidad = Entidad.Codigo });
    }

    /// <summary>Retires the centre (README.md: "Deactivating a cost centre"); the domain refuses with the reason.</summary>
    public async Task<IActionResult> OnPostDesactivarAsync(string entidad, int id, CancellationToken ct)
    {
        if (await PrepararAsync(entidad, id, ct) is { } no) return no;
        try
        {
            Centro.Desactivar(Arbol.Centros, await Organigrama.EnFormulacionAsync(db, Centro.Id, ct));
        }
        catch (ReglaDominioException e)
        {
            return Rechazo(e.Message);
        }
        await db.SaveChangesAsync(ct);
        TempData["Aviso"] = $"Se desactivó el centro de costo {Centro.Codigo}: ya no se ofrece para usuarios, formulación ni techos; su historia se conserva.";
        return RedirectToPage("/Administracion/Centros", new { entidad = Entidad.Codigo });
    }

    public async Task<IActionResult> OnPostReactivarAsync(string entidad, int id, CancellationToken ct)
    {
        if (await PrepararAsync(entidad, id, ct) is { } no) return no;
        try
        {
            Centro.Reactivar(Arbol.Centros);
        }
        catch (ReglaDominioException e)
        {
            return Rechazo(e.Message);
        }
        await db.SaveChangesAsync(ct);
        TempData["Aviso"] = $"Se reactivó el centro de costo {Centro.Codigo}.";
        return RedirectToPage("/Administracion/Centros", new { entidad = Entidad.Codigo, inactivos = "true" });
    }

    /// <summary>The page again with the saved values and the refusal; nothing was changed.</summary>
    private PageResult Rechazo(string mensaje)
    {
        ModelState.Clear();
        Datos = Guardados();
        Errores.Add(mensaje);
        return Page();
    }

    private DatosCentro Guardados() => new DatosCentro
    {
        Nombre = Centro.Nombre,
        PadreId = Centro.PadreId,
        UnidadEjecutoraId = Centro.UnidadEjecutoraId,
        Responsable = Centro.Responsable,
        EsGerencia = Centro.EsGerencia,
    };

    private async Task<IActionResult?> PrepararAsync(string entidad, int id, CancellationToken ct)
    {
        if (await ContextoEntidad.BuscarAsync(db, entidad, ct) is not { } e) return NotFound();
        Entidad = e;
        Arbol = await Organigrama.CargarAsync(db, e.Id, ct);
        if (Arbol.Centros.FirstOrDefault(c => c.Id == id) is not { } centro) return NotFound();
        Centro = centro;
        return null;
    }
}
