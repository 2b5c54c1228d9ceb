using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Data;
using Sipoi.Web.Entidades;
using Sipoi.Web.Seguridad;

namespace Sipoi.Web.Pages.Administracion;

/// <summary>One executing unit: rename it, or remove it while no cost centre belongs to it (the domain refuses otherwise).</summary>
[Authorize(Policy = Politicas.Administracion)]
public sealed class UnidadEjecutoraModel(SipoiDbContext db) : PageModel
{
    [BindProperty] public string? Nombre { get; set; }
    /// <summary>The row's version when the form was read (optimistic concurrency: README.md, "Forms for the exchange objects").</summary>
    [BindProperty] public uint Version { get; set; }
    /// <summary>Set by the confirmation form of «Quitar»: only a post with it removes.</summary>
    [BindProperty] public bool Confirmar { get; set; }
    /// <summary>True when the first «Quitar» post passed the checks and the page asks to confirm.</summary>
    public bool PorQuitar { get; private set; }
    public Entidad Entidad { get; private set; } = null!;
    public UnidadEjecutora Unidad { get; private set; } = null!;
    public List<string> Centros { get; private set; } = [];
    public List<string> Errores { get; } = [];

    public async Task<IActionResult> OnGetAsync(string entidad, int id, CancellationToken ct)
    {
        if (await PrepararAsync(entidad, id, ct) is { } no) return no;
        Nombre = Unidad.Nombre;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string entidad, int id, CancellationToken ct)
    {
        if (await PrepararAsync(entidad, id, ct) is { } no) return no;
        var rechazo = await Concurrencia.RechazoAlGuardarAsync(async () =>
        {
            Unidad.Renombrar(Nombre ?? "");
            await GuardarAsync(ct);
        }, Que);
        if (rechazo is not null)
        {
            Errores.Add(rechazo);
            return Page();
        }
        TempData["Aviso"] = $"Se guardó la unidad ejecutora {Unidad.Codigo}.";
        return RedirectToPage("/Administracion/UnidadesEjecutoras", new { entidad = Entidad.Codigo });
    }

    /// <summary>
    /// «Quitar» cannot be undone: the first post only checks (the same refusal) and shows what goes (<see cref="PorQuitar"/>);
    /// the confirmation posts the same version with <see cref="Confirmar"/>, and only that removes.
    /// </summary>
    public async Task<IActionResult> OnPostQuitarAsync(string entidad, int id, CancellationToken ct)
    {
        if (await PrepararAsync(entidad, id, ct) is { } no) return no;
        if (!Confirmar)
        {
            Nombre = Unidad.Nombre;
            try
            {
                Unidad.VerificarQuitar(Centros);
                PorQuitar = true;
            }
            catch (ReglaDominioException e)
            {
                Errores.Add(e.Message);
            }
            return Page();
        }
        var rechazo = await Concurrencia.RechazoAlGuardarAsync(async () =>
        {
            Unidad.VerificarQuitar(Centros);
            db.UnidadesEjecutoras.Remove(Unidad);
            await GuardarAsync(ct);
        }, Que);
        if (rechazo is not null)
        {
            Nombre = Unidad.Nombre;
            Errores.Add(rechazo);
            return Page();
        }
        TempData["Aviso"] = $"Se quitó la unidad ejecutora {Unidad.Codigo}.";
        return RedirectToPage("/Administracion/UnidadesEjecutoras", new { entidad = Entidad.Codigo });
    }

    private Task GuardarAsync(CancellationToken ct) => db.GuardarSiNadieCambioAsync(Unidad, Version, ct);

    private string Que => $"la unidad ejecutora {Unidad.Codigo}";

    private async Task<IActionResult?> PrepararAsync(string entidad, int id, CancellationToken ct)
    {
        if (await ContextoEntidad.BuscarAsync(db, entidad, ct) is not { } e) return NotFound();
        Entidad = e;
        if (await db.UnidadesEjecutoras.SingleOrDefaultAsync(u => u.Id == id && u.EntidadId == e.Id, ct) is not { } u) return NotFound();
        Unidad = u;
        if (Request.Method == HttpMethods.Get) Version = db.Entry(u).Property<uint>(SipoiDbContext.ColumnaVersion).CurrentValue;
        Centros = await db.CentrosCosto.AsNoTracking().Where(c => c.UnidadEjecutoraId == u.Id).OrderBy(c => c.Codigo).Select(c => c.Codigo).ToListAsync(ct);
        return null;
    }
}
