using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Data;
using Sipoi.Web.Entidades;
using Sipoi.Web.Peis;

namespace Sipoi.Web.Pages.Presupuesto;

/// <summary>
/// The year's budget lines by genérica (income and expenditure, as the exchange file's <c>poi.presupuesto</c> carries
/// them): add, correct and remove, by the planning office, while the year's POI has no approved version
/// (<see cref="LineaPresupuesto.VerificarEditable"/>). README.md in this folder.
/// </summary>
public sealed class LineasModel(SipoiDbContext db) : PageModel
{
    [BindProperty] public TipoLineaPresupuesto Tipo { get; set; } = TipoLineaPresupuesto.Egreso;
    [BindProperty] public string? Codigo { get; set; }
    [BindProperty] public string? Nombre { get; set; }
    [BindProperty] public string? Monto { get; set; }
    /// <summary>The row's version when the page was read (edit and remove): a change over another person's is refused.</summary>
    [BindProperty] public uint Version { get; set; }
    /// <summary>Set by the confirmation form of «quitar»: only a post with it removes.</summary>
    [BindProperty] public bool Confirmar { get; set; }
    /// <summary>The line the first «quitar» post asks to confirm, with the version it was read at; null otherwise.</summary>
    public LineaPresupuesto? PorQuitar { get; private set; }
    [TempData] public string? Aviso { get; set; }

    public Entidad Entidad { get; private set; } = null!;
    public int Anio { get; private set; }
    public List<(LineaPresupuesto Linea, uint Version)> Lineas { get; private set; } = [];
    /// <summary>The label of the year's approved POI version, when there is one: then nothing here changes.</summary>
    public string? VersionAprobada { get; private set; }
    public List<string> Errores { get; } = [];
    /// <summary>The line whose form the errors belong to (null: the new-line form).</summary>
    public int? LineaConError { get; private set; }

    public async Task<IActionResult> OnGetAsync(string entidad, int anio, CancellationToken ct) => await PrepararAsync(entidad, anio, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(string entidad, int anio, CancellationToken ct)
    {
        if (await PrepararAsync(entidad, anio, ct) is { } no) return no;
        var codigo = Codigo?.Trim();
        var monto = LeerMonto(codigo);
        if (!string.IsNullOrEmpty(codigo) && Lineas.Any(l => l.Linea.Tipo == Tipo && l.Linea.Codigo == codigo))
            Errores.Add($"Código: ya hay una línea de {Texto(Tipo)} {codigo} en {anio}.");
        if (Errores.Count > 0) return Page();
        try
        {
            LineaPresupuesto.VerificarEditable(anio, VersionAprobada);
            db.LineasPresupuesto.Add(new LineaPresupuesto(Entidad.Id, anio, Tipo, codigo ?? "", Nombre ?? "", monto!.Value));
            await db.SaveChangesAsync(ct);
        }
        catch (ReglaDominioException e)
        {
            Errores.Add(e.Message);
            return Page();
        }
        catch (DbUpdateException e) when (EdicionPei.EsDuplicado(e))
        {
            Errores.Add($"Código: ya hay una línea de {Texto(Tipo)} {codigo} en {anio}.");
            return Page();
        }
        Aviso = $"Se agregó la línea {codigo}.";
        return RedirectToPage("/Presupuesto/Lineas", new { entidad, anio });
    }

    public async Task<IActionResult> OnPostGuardarAsync(string entidad, int anio, int linea, CancellationToken ct)
    {
        if (await PrepararAsync(entidad, anio, ct) is { } no) return no;
        if (Lineas.FirstOrDefault(l => l.Linea.Id == linea).Linea is not { } l) return NotFound();
        LineaConError = linea;
        var monto = LeerMonto(l.Codigo);
        if (Errores.Count > 0) return Page();
        try
        {
            LineaPresupuesto.VerificarEditable(anio, VersionAprobada);
            l.Actualizar(Nombre ?? "", monto!.Value);
            return await GuardarAsync(l, $"Se guardó la línea {l.Codigo}.", ct);
        }
        catch (ReglaDominioException e)
        {
            Errores.Add(e.Message);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostQuitarAsync(string entidad, int anio, int linea, CancellationToken ct)
    {
        if (await PrepararAsync(entidad, anio, ct) is { } no) return no;
        if (Lineas.FirstOrDefault(l => l.Linea.Id == linea).Linea is not { } l) return NotFound();
        LineaConError = linea;
        try
        {
            LineaPresupuesto.VerificarEditable(anio, VersionAprobada);
        }
        catch (ReglaDominioException e)
        {
            Errores.Add(e.Message);
            return Page();
        }
        if (!Confirmar)
        {
            // «quitar» cannot be undone: the first post only shows what goes; the confirmation posts Confirmar=true.
            LineaConError = null;
            PorQuitar = l;
            return Page();
        }
        db.LineasPresupuesto.Remove(l);
        return await GuardarAsync(l, $"Se quitó la línea {l.Codigo}.", ct);
    }

    private async Task<IActionResult> GuardarAsync(LineaPresupuesto l, string aviso, CancellationToken ct)
    {
        try
        {
            await db.GuardarSiNadieCambioAsync(l, Version, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            Errores.Add(Concurrencia.OtraPersona($"la línea {l.Codigo}"));
            return Page();
        }
        Aviso = aviso;
        return RedirectToPage("/Presupuesto/Lineas", new { entidad = Entidad.Codigo, anio = Anio });
    }

    /// <summary>The amount typed; a refusal names the line («Monto de 2.3: «12,5» no es un número…»).</summary>
    private decimal? LeerMonto(string? codigo)
    {
        var monto = EdicionPei.Decimal(Monto, string.IsNullOrEmpty(codigo) ? "Monto" : $"Monto de {codigo}", Errores);
        if (string.IsNullOrWhiteSpace(Monto)) Errores.Add("Monto: es obligatorio (0 si la genérica no tiene presupuesto).");
        return monto;
    }

    public static string Texto(TipoLineaPresupuesto t) => t == TipoLineaPresupuesto.Ingreso ? "ingresos" : "egresos";

    private async Task<IActionResult?> PrepararAsync(string entidad, int anio, CancellationToken ct)
    {
        if (!EdicionPei.PuedeEditar(User)) return Forbid();
        if (await ContextoEntidad.BuscarAsync(db, entidad, ct) is not { } e) return NotFound();
        Entidad = e;
        Anio = anio;
        var lineas = (await db.LineasPresupuesto.Where(l => l.EntidadId == e.Id && l.Anio == anio).ToListAsync(ct))
            .OrderBy(l => l.Tipo).ThenBy(l => l.Codigo, StringComparer.Ordinal).ToList();
        Lineas = lineas.Select(l => (l, db.Entry(l).Property<uint>(SipoiDbContext.ColumnaVersion).CurrentValue)).ToList();
        VersionAprobada = await (from v in db.PoiVersiones.AsNoTracking()
                                 join p in db.Pois on v.PoiId equals p.Id
                                 where p.EntidadId == e.Id && p.Anio == anio && v.Estado == EstadoVersionPoi.Aprobada
                                 orderby v.Numero descending
                                 select v.Etiqueta).FirstOrDefaultAsync(ct);
        return null;
    }
}
