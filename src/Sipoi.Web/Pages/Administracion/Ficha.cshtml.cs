using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Data;
using Sipoi.Web.Entidades;
using Sipoi.Web.Seguridad;

namespace Sipoi.Web.Pages.Administracion;

/// <summary>One ficha de proceso: edit it, or remove it while no activity of any POI points at it (the domain refuses otherwise).</summary>
[Authorize(Policy = Politicas.Administracion)]
public sealed class FichaModel(SipoiDbContext db) : PageModel
{
    [BindProperty] public DatosFicha Datos { get; set; } = new();
    /// <summary>The row's version when the form was read: a save over another person's change is refused.</summary>
    [BindProperty] public uint Version { get; set; }
    /// <summary>Set by the confirmation form of «Quitar»: only a post with it removes.</summary>
    [BindProperty] public bool Confirmar { get; set; }
    /// <summary>True when the first «Quitar» post passed the checks and the page asks to confirm.</summary>
    public bool PorQuitar { get; private set; }
    public Entidad Entidad { get; private set; } = null!;
    public OpcionesFicha Opciones { get; private set; } = null!;
    public FichaProceso Ficha { get; private set; } = null!;
    public List<(int Anio, int Actividades)> Usos { get; private set; } = [];
    public List<string> Errores { get; } = [];

    public async Task<IActionResult> OnGetAsync(string entidad, int id, CancellationToken ct)
    {
        if (await PrepararAsync(entidad, id, ct) is { } no) return no;
        Datos = DatosFicha.De(Ficha);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string entidad, int id, CancellationToken ct)
    {
        if (await PrepararAsync(entidad, id, ct) is { } no) return no;
        var rechazo = await Concurrencia.RechazoAlGuardarAsync(async () =>
        {
            Opciones.Aplicar(Ficha, Datos, Errores);
            if (Errores.Count == 0) await GuardarAsync(ct);
        }, Que);
        if (rechazo is not null) Errores.Add(rechazo);
        if (Errores.Count > 0) return Page();
        TempData["Aviso"] = $"Se guardó la ficha de proceso {Ficha.Codigo}.";
        return RedirectToPage("/Administracion/Fichas", new { entidad = Entidad.Codigo });
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
            Datos = DatosFicha.De(Ficha);
            try
            {
                Ficha.VerificarQuitar(Usos);
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
            Ficha.VerificarQuitar(Usos);
            // Its AEI rows go with it, each one audited as a deletion.
            db.RemoveRange(Ficha.Aeis);
            db.Fichas.Remove(Ficha);
            await GuardarAsync(ct);
        }, Que);
        if (rechazo is not null)
        {
            Datos = DatosFicha.De(Ficha);
            Errores.Add(rechazo);
            return Page();
        }
        TempData["Aviso"] = $"Se quitó la ficha de proceso {Ficha.Codigo}.";
        return RedirectToPage("/Administracion/Fichas", new { entidad = Entidad.Codigo });
    }

    private Task GuardarAsync(CancellationToken ct) => db.GuardarSiNadieCambioAsync(Ficha, Version, ct);

    private string Que => $"la ficha de proceso {Ficha.Codigo}";

    private async Task<IActionResult?> PrepararAsync(string entidad, int id, CancellationToken ct)
    {
        if (await ContextoEntidad.BuscarAsync(db, entidad, ct) is not { } e) return NotFound();
        Entidad = e;
        if (await db.Fichas.Include(f => f.Aeis).SingleOrDefaultAsync(f => f.Id == id && f.EntidadId == e.Id, ct) is not { } f) return NotFound();
        Ficha = f;
        if (Request.Method == HttpMethods.Get) Version = db.Entry(f).Property<uint>(SipoiDbContext.ColumnaVersion).CurrentValue;
        Opciones = await OpcionesFicha.CargarAsync(db, e.Id, ct);
        Usos = await OpcionesFicha.UsosAsync(db, f.Id, ct);
        return null;
    }
}
