using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Data;
using Sipoi.Web.Entidades;
using Sipoi.Web.Seguridad;

namespace Sipoi.Web.Pages.Calendario;

/// <summary>
/// The entity's calendar of a cycle year (/e/{entidad}/calendario/{año}): everyone reads it; the planning office
/// edits every row in one save (all or nothing, CronogramaEntidad's rules, each refusal naming its row) and can add
/// the usual calendar. The audit interceptor records every change old → new.
/// </summary>
public sealed class IndexModel(SipoiDbContext db) : PageModel
{
    /// <summary>A spare blank row for a new milestone is offered this many times.</summary>
    public const int FilasNuevas = 3;

    public sealed class FilaHito
    {
        public int Id { get; set; }
        public string? Nombre { get; set; }
        public string? Tipo { get; set; }
        public string? Referencia { get; set; }
        public string? Inicio { get; set; }
        public string? Fecha { get; set; }
        public bool Quitar { get; set; }
    }

    [BindProperty] public List<FilaHito> Filas { get; set; } = [];
    [TempData] public string? Aviso { get; set; }

    public Entidad Entidad { get; private set; } = null!;
    public int Anio { get; private set; }
    public bool PuedeEditar { get; private set; }
    public IReadOnlyList<HitoCalendario> Hitos { get; private set; } = [];
    public IReadOnlyList<ProblemaHito> Problemas { get; private set; } = [];

    public string Enlace(string? handler = null) => Url.Pagina("/Calendario/Index", handler, new { entidad = Entidad.Codigo, anio = Anio });

    public IEnumerable<string> ProblemasDe(int indice, string campo) =>
        Problemas.Where(p => p.Indice == indice && p.Campo == campo).Select(p => p.Mensaje);

    public async Task<IActionResult> OnGetAsync(string entidad, int anio, CancellationToken ct)
    {
        if (await PrepararAsync(entidad, anio, ct) is { } no) return no;
        Filas = [.. Hitos.Select(h => new FilaHito
        {
            Id = h.Id, Nombre = h.Nombre, Tipo = h.Tipo.Codigo(), Referencia = h.Referencia,
            Inicio = h.FechaInicio is { } i ? HitoCalendario.Texto(i) : null, Fecha = HitoCalendario.Texto(h.Fecha),
        }), .. Enumerable.Range(0, FilasNuevas).Select(_ => new FilaHito { Tipo = TipoHito.Evaluacion.Codigo() })];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string entidad, int anio, CancellationToken ct)
    {
        if (await PrepararAsync(entidad, anio, ct) is { } no) return no;
        if (!PuedeEditar) return Forbid();
        var entradas = Filas.Select(f => f.Quitar ? new EntradaHito(null, null, null, null, null) : new EntradaHito(f.Nombre, f.Tipo, f.Referencia, f.Inicio, f.Fecha)).ToList();
        var (datos, problemas) = CronogramaEntidad.Validar(anio, entradas);
        var actuales = await db.HitosCalendario.Where(h => h.EntidadId == Entidad.Id && h.Anio == anio).ToDictionaryAsync(h => h.Id, ct);
        var faltan = Filas.Select((f, i) => (f, i)).Where(x => x.f.Id != 0 && !actuales.ContainsKey(x.f.Id))
            .Select(x => new ProblemaHito(x.i, nameof(FilaHito.Nombre), $"Fila {x.i + 1}: el hito ya no existe en el calendario {anio} (otra persona lo quitó); recargue la página.")).ToList();
        if (problemas.Count > 0 || faltan.Count > 0)
        {
            Problemas = [.. problemas, .. faltan];
            return Page();
        }
        var cambios = 0;
        for (var i = 0; i < Filas.Count; i++)
        {
            var f = Filas[i];
            var actual = f.Id != 0 ? actuales[f.Id] : null;
            if (f.Quitar)
            {
                if (actual is null) continue;
                db.HitosCalendario.Remove(actual);
                cambios++;
            }
            else if (datos[i] is { } d)
            {
                if (actual is null) db.HitosCalendario.Add(new HitoCalendario(Entidad.Id, anio, d));
                else if (actual.Datos == d) continue;
                else actual.Actualizar(d);
                cambios++;
            }
            else if (actual is not null)
            {
                // A known row emptied by hand: the office removes a milestone with "Quitar", never by blanking it.
                Problemas = [new ProblemaHito(i, nameof(FilaHito.Nombre), $"Fila {i + 1}: para quitar el hito «{actual.Nombre}» marque «Quitar»; no deje la fila vacía.")];
                return Page();
            }
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            Problemas = [new ProblemaHito(-1, "", "Otra persona cambió el calendario al mismo tiempo; no se guardó nada. Recargue la página y vuelva a intentarlo.")];
            return Page();
        }
        Aviso = cambios == 0 ? "No había cambios que guardar." : $"Se guardó el calendario {anio} ({cambios} {(cambios == 1 ? "cambio" : "cambios")}).";
        return Redirect(Enlace());
    }

    /// <summary>Adds the usual milestones the year does not have yet (CronogramaEntidad.Faltantes); what the office wrote stays.</summary>
    public async Task<IActionResult> OnPostGenerarAsync(string entidad, int anio, CancellationToken ct)
    {
        if (await PrepararAsync(entidad, anio, ct) is { } no) return no;
        if (!PuedeEditar) return Forbid();
        var faltan = CronogramaEntidad.Faltantes(CronogramaEntidad.Habitual(anio, Entidad.Configuracion), Hitos.Select(h => h.Datos).ToList());
        foreach (var d in faltan) db.HitosCalendario.Add(new HitoCalendario(Entidad.Id, anio, d));
        await db.SaveChangesAsync(ct);
        Aviso = faltan.Count == 0
            ? $"El calendario {anio} ya tiene todos los hitos habituales."
            : $"{(faltan.Count == 1 ? "Se agregó 1 hito" : $"Se agregaron {faltan.Count} hitos")} del calendario habitual {anio}; revise las fechas y guarde los cambios que necesite.";
        return Redirect(Enlace());
    }

    private async Task<IActionResult?> PrepararAsync(string entidad, int anio, CancellationToken ct)
    {
        if (await ContextoEntidad.BuscarAsync(db, entidad, ct) is not { } e || anio is < 2000 or > 2100) return NotFound();
        Entidad = e;
        Anio = anio;
        PuedeEditar = User.IsInRole(Roles.Planificador);
        Hitos = await db.HitosCalendario.AsNoTracking().Where(h => h.EntidadId == e.Id && h.Anio == anio)
            .OrderBy(h => h.Fecha).ThenBy(h => h.Nombre).ToListAsync(ct);
        return null;
    }
}
