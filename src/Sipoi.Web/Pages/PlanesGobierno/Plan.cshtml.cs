using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Data;
using Sipoi.Web.Entidades;
using Sipoi.Web.Peis;

namespace Sipoi.Web.Pages.PlanesGobierno;

/// <summary>
/// One government plan (/e/{entidad}/plan-gobierno/{id}): its chain as a tree, and — for the planning office —
/// forms to add a node and to align a plan objective to an OEI or AEI of a PEI (README.md in this folder).
/// </summary>
public sealed class PlanModel(SipoiDbContext db) : PageModel
{
    /// <summary>A node in tree order with its depth and its alignments as text.</summary>
    public sealed record Nodo(ElementoPlanGobierno Elemento, int Profundidad, List<(int Id, string Texto)> Alineamientos);

    /// <summary>An OEI or AEI that a plan objective can be aligned to: value "oei:12" / "aei:34".</summary>
    public sealed record Destino(string Valor, string Texto);

    [BindProperty] public string? Padre { get; set; }
    [BindProperty] public NivelPlanGobierno Nivel { get; set; }
    [BindProperty] public string? Codigo { get; set; }
    [BindProperty] public string? Descripcion { get; set; }
    [BindProperty] public string? TipoIntervencion { get; set; }
    [BindProperty] public string? MetaValor { get; set; }
    [BindProperty] public string? MetaUnidad { get; set; }
    [BindProperty] public string? Objetivo { get; set; }
    [BindProperty] public string? Alineado { get; set; }
    /// <summary>Set by the confirmation form of «quitar» an alignment: only a post with it removes.</summary>
    [BindProperty] public bool Confirmar { get; set; }
    /// <summary>The alignment the first «quitar» post asks to confirm (its element and text); null otherwise.</summary>
    public (int Id, ElementoPlanGobierno Elemento, string Texto)? PorQuitarAlineamiento { get; private set; }
    [TempData] public string? Aviso { get; set; }

    public Entidad Entidad { get; private set; } = null!;
    public PlanGobierno Plan { get; private set; } = null!;
    public List<Nodo> Arbol { get; private set; } = [];
    public List<Destino> Destinos { get; private set; } = [];
    public List<int> AniosPoi { get; private set; } = [];
    public bool PuedeEditar { get; private set; }
    public List<string> Errores { get; } = [];
    /// <summary>Which form the errors belong to ("elemento" or "alineamiento").</summary>
    public string? FormularioConError { get; private set; }

    public async Task<IActionResult> OnGetAsync(string entidad, int id, CancellationToken ct) =>
        await PrepararAsync(entidad, id, ct) ?? Page();

    public async Task<IActionResult> OnPostElementoAsync(string entidad, int id, CancellationToken ct)
    {
        if (await PrepararAsync(entidad, id, ct) is { } no) return no;
        if (!PuedeEditar) return Forbid();
        FormularioConError = "elemento";
        ElementoPlanGobierno? padre = null;
        if (!string.IsNullOrWhiteSpace(Padre))
        {
            padre = int.TryParse(Padre, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? Plan.Elementos.FirstOrDefault(e => e.Id == pid) : null;
            if (padre is null) Errores.Add("Elemento superior: no pertenece a este plan.");
        }
        var meta = EdicionPei.Decimal(MetaValor, "Valor de la meta", Errores);
        if (Errores.Count > 0) return await RecargarAsync(ct);
        try
        {
            var e = Plan.AgregarElemento(padre, Nivel, Descripcion ?? "", Codigo, TipoIntervencion, meta, MetaUnidad);
            await db.SaveChangesAsync(ct);
            Aviso = $"Se agregó {Nivel.Nombre().ToLowerInvariant()} «{e.Descripcion}».";
            return RedirectToPage("/PlanesGobierno/Plan", new { entidad, id });
        }
        catch (ReglaDominioException e)
        {
            Errores.Add(e.Message);
        }
        return await RecargarAsync(ct);
    }

    public async Task<IActionResult> OnPostAlinearAsync(string entidad, int id, CancellationToken ct)
    {
        if (await PrepararAsync(entidad, id, ct) is { } no) return no;
        if (!PuedeEditar) return Forbid();
        FormularioConError = "alineamiento";
        var objetivo = int.TryParse(Objetivo, NumberStyles.None, CultureInfo.InvariantCulture, out var oid) ? Plan.Elementos.FirstOrDefault(e => e.Id == oid) : null;
        if (objetivo is null) Errores.Add("Objetivo del plan: elija uno de este plan.");
        var destino = Destinos.FirstOrDefault(d => d.Valor == Alineado);
        if (destino is null) Errores.Add("OEI / AEI: elija uno de los PEI de la entidad.");
        if (Errores.Count > 0) return await RecargarAsync(ct);
        try
        {
            var (tipo, valor) = (Alineado![..3], int.Parse(Alineado[4..], CultureInfo.InvariantCulture));
            objetivo!.Alinear(tipo == "oei" ? valor : null, tipo == "aei" ? valor : null);
            await db.SaveChangesAsync(ct);
            Aviso = $"Se alineó «{objetivo.Descripcion}» a {destino!.Texto}.";
            return RedirectToPage("/PlanesGobierno/Plan", new { entidad, id });
        }
        catch (ReglaDominioException e)
        {
            Errores.Add(e.Message);
        }
        return await RecargarAsync(ct);
    }

    public async Task<IActionResult> OnPostQuitarAlineamientoAsync(string entidad, int id, int alineamiento, CancellationToken ct)
    {
        if (await PrepararAsync(entidad, id, ct) is { } no) return no;
        if (!PuedeEditar) return Forbid();
        var a = Plan.Elementos.SelectMany(e => e.Alineamientos).FirstOrDefault(a => a.Id == alineamiento);
        if (a is null) return NotFound();
        if (!Confirmar)
        {
            // «quitar» cannot be undone: the first post only shows which alignment goes; the confirmation posts Confirmar=true.
            var nodo = Arbol.First(n => n.Alineamientos.Any(x => x.Id == alineamiento));
            PorQuitarAlineamiento = (alineamiento, nodo.Elemento, nodo.Alineamientos.First(x => x.Id == alineamiento).Texto);
            return Page();
        }
        db.AlineamientosPlanGobierno.Remove(a);
        await db.SaveChangesAsync(ct);
        Aviso = "Se quitó el alineamiento.";
        return RedirectToPage("/PlanesGobierno/Plan", new { entidad, id });
    }

    private async Task<IActionResult> RecargarAsync(CancellationToken ct)
    {
        // Show the plan as saved: a refused node must not appear in the tree.
        db.ChangeTracker.Clear();
        var errores = Errores.ToList();
        var formulario = FormularioConError;
        if (await PrepararAsync(Entidad.Codigo, Plan.Id, ct) is { } no) return no;
        Errores.Clear();
        Errores.AddRange(errores);
        FormularioConError = formulario;
        return Page();
    }

    private async Task<IActionResult?> PrepararAsync(string entidad, int id, CancellationToken ct)
    {
        if (await ContextoEntidad.BuscarAsync(db, entidad, ct) is not { } e) return NotFound();
        Entidad = e;
        PuedeEditar = EdicionPei.PuedeEditar(User);
        var plan = await db.PlanesGobierno.Include(p => p.Elementos).ThenInclude(x => x.Alineamientos)
            .AsSplitQuery().SingleOrDefaultAsync(p => p.Id == id && p.EntidadId == e.Id, ct);
        if (plan is null) return NotFound();
        Plan = plan;

        var oeis = await (from o in db.Oeis.AsNoTracking()
                          join p in db.Peis on o.PeiId equals p.Id
                          where p.EntidadId == e.Id
                          select new { o.Id, o.Codigo, o.Enunciado, Pei = p.Codigo }).ToListAsync(ct);
        var aeis = await (from a in db.Aeis.AsNoTracking()
                          join o in db.Oeis on a.OeiId equals o.Id
                          join p in db.Peis on o.PeiId equals p.Id
                          where p.EntidadId == e.Id
                          select new { a.Id, a.Codigo, a.Enunciado, Pei = p.Codigo }).ToListAsync(ct);
        var textoOei = oeis.ToDictionary(o => o.Id, o => $"{o.Codigo} {o.Enunciado} ({o.Pei})");
        var textoAei = aeis.ToDictionary(a => a.Id, a => $"{a.Codigo} {a.Enunciado} ({a.Pei})");
        Destinos = oeis.Select(o => (o.Pei, o.Codigo, D: new Destino($"oei:{o.Id}", textoOei[o.Id])))
            .Concat(aeis.Select(a => (a.Pei, a.Codigo, D: new Destino($"aei:{a.Id}", textoAei[a.Id]))))
            .OrderBy(x => x.Pei, StringComparer.Ordinal).ThenBy(x => x.Codigo.Replace("AEI", "OEI", StringComparison.Ordinal), StringComparer.Ordinal)
            .ThenBy(x => x.Codigo, StringComparer.Ordinal).Select(x => x.D).ToList();

        var hijos = plan.Elementos.ToLookup(x => x.PadreId);
        void Agregar(int? padre, int nivel)
        {
            foreach (var x in hijos[padre].OrderBy(x => x.Codigo ?? "", StringComparer.Ordinal).ThenBy(x => x.Id))
            {
                Arbol.Add(new Nodo(x, nivel, x.Alineamientos.Select(a => (a.Id,
                    a.OeiId is { } o ? textoOei.GetValueOrDefault(o, "OEI") : textoAei.GetValueOrDefault(a.AeiId!.Value, "AEI"))).ToList()));
                Agregar(x.Id, nivel + 1);
            }
        }
        Arbol.Clear();
        Agregar(null, 0);
        AniosPoi = await db.Pois.AsNoTracking().Where(p => p.EntidadId == e.Id).OrderByDescending(p => p.Anio).Select(p => p.Anio).ToListAsync(ct);
        return null;
    }
}
