using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Data;
using Sipoi.Web.Entidades;
using Sipoi.Web.Peis;
using Sipoi.Web.Presentacion;

namespace Sipoi.Web.Pages.Presupuesto;

/// <summary>
/// The year's budget modifications (/e/{entidad}/presupuesto/{año}/modificaciones): each with its document, date, fuente,
/// genérica, optional centre/activity and amount (+ habilita, − anula); add and remove, by the planning office. Every change
/// is checked on the whole year (<see cref="MarcoPresupuestal.Verificar"/>: PIM never negative, nor below what is certified or
/// accrued) and audited by the interceptor. README.md in this folder.
/// </summary>
public sealed class ModificacionesModel(SipoiDbContext db, TimeProvider reloj) : PageModel
{
    [BindProperty] public string? Documento { get; set; }
    [BindProperty] public string? Fecha { get; set; }
    [BindProperty] public int Fuente { get; set; } = 1;
    [BindProperty] public string? Generica { get; set; }
    [BindProperty] public string? Centro { get; set; }
    [BindProperty] public string? Actividad { get; set; }
    [BindProperty] public string? Monto { get; set; }
    [BindProperty] public uint Version { get; set; }
    /// <summary>Set by the confirmation form of «quitar»: only a post with it removes.</summary>
    [BindProperty] public bool Confirmar { get; set; }
    /// <summary>The modification the first «quitar» post asks to confirm; null otherwise.</summary>
    public ModificacionPresupuestaria? PorQuitar { get; private set; }
    [TempData] public string? Aviso { get; set; }

    public Entidad Entidad { get; private set; } = null!;
    public int Anio { get; private set; }
    public List<(ModificacionPresupuestaria Fila, uint Version)> Lista { get; private set; } = [];
    public List<string> Errores { get; } = [];

    public async Task<IActionResult> OnGetAsync(string entidad, int anio, CancellationToken ct) => await PrepararAsync(entidad, anio, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(string entidad, int anio, CancellationToken ct)
    {
        if (await PrepararAsync(entidad, anio, ct) is { } no) return no;
        var monto = EdicionPei.Decimal(Monto, "Monto", Errores);
        if (string.IsNullOrWhiteSpace(Monto)) Errores.Add("Monto: es obligatorio (positivo si habilita, negativo si anula).");
        DateOnly? fecha = null;
        if (Fechas.TryLeer(Fecha, out var f)) fecha = f;
        else Errores.Add($"Fecha: «{Fecha?.Trim()}» no es una fecha dd/mm/aaaa.");
        var centro = string.IsNullOrWhiteSpace(Centro) ? null : Centro.Trim();
        var actividad = string.IsNullOrWhiteSpace(Actividad) ? null : Actividad.Trim();
        if (centro is not null && !await db.CentrosCosto.AnyAsync(c => c.EntidadId == Entidad.Id && c.Codigo == centro, ct))
            Errores.Add($"Centro de costo: «{centro}» no es un centro de costo de la entidad.");
        if (actividad is not null && !await (from a in db.Actividades
                                             join p in db.Pois on a.PoiId equals p.Id
                                             where p.EntidadId == Entidad.Id && p.Anio == anio && a.Codigo == actividad
                                             select a).AnyAsync(ct))
            Errores.Add($"Actividad: «{actividad}» no es una actividad del POI {anio}.");
        if (Errores.Count > 0) return Page();
        try
        {
            var nueva = new ModificacionPresupuestaria(Entidad.Id, anio, ClavePresupuestal.Crear(Fuente, Generica ?? "", centro, actividad),
                Documento ?? "", fecha!.Value, monto!.Value, Hoy());
            await VerificarAsync(anio, Lista.Select(l => l.Fila).Append(nueva), ct);
            db.ModificacionesPresupuestarias.Add(nueva);
            await db.SaveChangesAsync(ct);
            Aviso = $"Se registró la modificación «{nueva.Documento}» por {Formato.Numero2(nueva.Monto)}.";
        }
        catch (ReglaDominioException e)
        {
            Errores.Add(e.Message);
            return Page();
        }
        return RedirectToPage("/Presupuesto/Modificaciones", new { entidad, anio });
    }

    public async Task<IActionResult> OnPostQuitarAsync(string entidad, int anio, long id, CancellationToken ct)
    {
        if (await PrepararAsync(entidad, anio, ct) is { } no) return no;
        if (Lista.FirstOrDefault(l => l.Fila.Id == id).Fila is not { } m) return NotFound();
        try
        {
            await VerificarAsync(anio, Lista.Select(l => l.Fila).Where(x => x.Id != id), ct);
            if (!Confirmar)
            {
                // «quitar» cannot be undone: the first post only checks and shows what goes; the confirmation posts Confirmar=true.
                PorQuitar = m;
                return Page();
            }
            db.ModificacionesPresupuestarias.Remove(m);
            await db.GuardarSiNadieCambioAsync(m, Version, ct);
        }
        catch (ReglaDominioException e)
        {
            Errores.Add($"No se quitó «{m.Documento}»: {e.Message}");
            return Page();
        }
        catch (DbUpdateConcurrencyException)
        {
            Errores.Add(Concurrencia.OtraPersona($"la modificación «{m.Documento}»"));
            return Page();
        }
        Aviso = $"Se quitó la modificación «{m.Documento}».";
        return RedirectToPage("/Presupuesto/Modificaciones", new { entidad, anio });
    }

    /// <summary>The year with the modifications as they would be: the rules hold on the whole set.</summary>
    private async Task VerificarAsync(int anio, IEnumerable<ModificacionPresupuestaria> modificaciones, CancellationToken ct)
    {
        var creditos = await db.CreditosPresupuestarios.AsNoTracking().Where(c => c.EntidadId == Entidad.Id && c.Anio == anio).ToListAsync(ct);
        var ejec = await db.EjecucionesPresupuestales.AsNoTracking().Where(e => e.EntidadId == Entidad.Id && e.Anio == anio).ToListAsync(ct);
        MarcoPresupuestal.Verificar(creditos, modificaciones, ejec);
    }

    private DateOnly Hoy() => DateOnly.FromDateTime(Formato.HoraLocal(reloj.GetUtcNow()).DateTime);

    private async Task<IActionResult?> PrepararAsync(string entidad, int anio, CancellationToken ct)
    {
        if (!EdicionPei.PuedeEditar(User)) return Forbid();
        if (await ContextoEntidad.BuscarAsync(db, entidad, ct) is not { } e) return NotFound();
        Entidad = e;
        Anio = anio;
        var filas = await db.ModificacionesPresupuestarias.Where(m => m.EntidadId == e.Id && m.Anio == anio).OrderBy(m => m.Fecha).ThenBy(m => m.Id).ToListAsync(ct);
        Lista = filas.Select(m => (m, db.Entry(m).Property<uint>(SipoiDbContext.ColumnaVersion).CurrentValue)).ToList();
        return null;
    }
}
