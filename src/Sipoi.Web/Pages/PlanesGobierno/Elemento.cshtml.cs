using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Data;
using Sipoi.Web.Entidades;
using Sipoi.Web.Peis;

namespace Sipoi.Web.Pages.PlanesGobierno;

/// <summary>
/// One node of a government plan (/e/{entidad}/plan-gobierno/{id}/elementos/{elemento}): correct it, or remove it
/// when nothing hangs from it and it is aligned to nothing (<see cref="PlanGobierno.QuitarElemento"/> refuses otherwise).
/// The planning office only, like the plan's other forms.
/// </summary>
public sealed class ElementoModel(SipoiDbContext db) : PageModel
{
    [BindProperty] public string? Codigo { get; set; }
    [BindProperty] public string? Descripcion { get; set; }
    [BindProperty] public string? TipoIntervencion { get; set; }
    [BindProperty] public string? MetaValor { get; set; }
    [BindProperty] public string? MetaUnidad { get; set; }
    /// <summary>The node's version when the form was read: a save over another person's change is refused.</summary>
    [BindProperty] public uint Version { get; set; }
    /// <summary>Set by the confirmation form of «Quitar»: only a post with it removes.</summary>
    [BindProperty] public bool Confirmar { get; set; }
    /// <summary>True when the first «Quitar» post passed the checks and the page asks to confirm.</summary>
    public bool PorQuitar { get; private set; }

    public Entidad Entidad { get; private set; } = null!;
    public PlanGobierno Plan { get; private set; } = null!;
    public ElementoPlanGobierno Elemento { get; private set; } = null!;
    public List<string> Errores { get; } = [];

    public async Task<IActionResult> OnGetAsync(string entidad, int id, int elemento, CancellationToken ct)
    {
        if (await PrepararAsync(entidad, id, elemento, ct) is { } no) return no;
        Rellenar();
        return Page();
    }

    private void Rellenar()
    {
        Codigo = Elemento.Codigo;
        Descripcion = Elemento.Descripcion;
        TipoIntervencion = Elemento.TipoIntervencion;
        MetaValor = Elemento.MetaValor?.ToString("0.######", System.Globalization.CultureInfo.InvariantCulture);
        MetaUnidad = Elemento.MetaUnidad;
    }

    public async Task<IActionResult> OnPostAsync(string entidad, int id, int elemento, CancellationToken ct)
    {
        if (await PrepararAsync(entidad, id, elemento, ct) is { } no) return no;
        var meta = EdicionPei.Decimal(MetaValor, "Valor de la meta", Errores);
        if (Errores.Count > 0) return Page();
        try
        {
            Plan.EditarElemento(Elemento, Descripcion ?? "", Codigo, TipoIntervencion, meta, MetaUnidad);
            await GuardarAsync(ct);
        }
        catch (ReglaDominioException e)
        {
            Errores.Add(e.Message);
            return Page();
        }
        catch (DbUpdateConcurrencyException)
        {
            return OtraPersona();
        }
        TempData["Aviso"] = $"Se guardó {Elemento.Nivel.Nombre().ToLowerInvariant()} «{Elemento.Descripcion}».";
        return RedirectToPage("/PlanesGobierno/Plan", new { entidad, id });
    }

    public async Task<IActionResult> OnPostQuitarAsync(string entidad, int id, int elemento, CancellationToken ct)
    {
        if (await PrepararAsync(entidad, id, elemento, ct) is { } no) return no;
        try
        {
            Plan.QuitarElemento(Elemento);
            if (!Confirmar)
            {
                // «Quitar» cannot be undone: the first post only checks (nothing is saved) and shows what goes.
                Rellenar();
                PorQuitar = true;
                return Page();
            }
            db.ElementosPlanGobierno.Remove(Elemento);
            await GuardarAsync(ct);
        }
        catch (ReglaDominioException e)
        {
            Errores.Add(e.Message);
            return Page();
        }
        catch (DbUpdateConcurrencyException)
        {
            return OtraPersona();
        }
        TempData["Aviso"] = $"Se quitó {Elemento.Nivel.Nombre().ToLowerInvariant()} «{Elemento.Descripcion}».";
        return RedirectToPage("/PlanesGobierno/Plan", new { entidad, id });
    }

    private Task GuardarAsync(CancellationToken ct) => db.GuardarSiNadieCambioAsync(Elemento, Version, ct);

    private PageResult OtraPersona()
    {
        Errores.Add(Concurrencia.OtraPersona("este elemento del plan"));
        return Page();
    }

    private async Task<IActionResult?> PrepararAsync(string entidad, int id, int elemento, CancellationToken ct)
    {
        if (!EdicionPei.PuedeEditar(User)) return Forbid();
        if (await ContextoEntidad.BuscarAsync(db, entidad, ct) is not { } e) return NotFound();
        Entidad = e;
        var plan = await db.PlanesGobierno.Include(p => p.Elementos).ThenInclude(x => x.Alineamientos)
            .AsSplitQuery().SingleOrDefaultAsync(p => p.Id == id && p.EntidadId == e.Id, ct);
        if (plan?.Elementos.FirstOrDefault(x => x.Id == elemento) is not { } nodo) return NotFound();
        Plan = plan;
        Elemento = nodo;
        if (Request.Method == HttpMethods.Get) Version = db.Entry(nodo).Property<uint>(SipoiDbContext.ColumnaVersion).CurrentValue;
        return null;
    }
}
