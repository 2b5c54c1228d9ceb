using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sipoi.Web.Data;
using Sipoi.Web.Seguridad;

namespace Sipoi.Web.Pages.Formulacion;

/// <summary>
/// Side-by-side difference of two versions of a POI (/e/{entidad}/formulacion/{año}/diferencias?desde=1&amp;hasta=2):
/// activities added, removed and changed, with the changed monthly cells highlighted. Defaults: the
/// version in force against the draft (or the last two versions). An Operador sees only its centres.
/// </summary>
public sealed class DiferenciasModel(SipoiDbContext db) : PageModel
{
    public ContextoFormulacion Ctx { get; private set; } = null!;
    public string CodigoEntidad { get; private set; } = "";
    public int Anio { get; private set; }
    public PoiVersion? Desde { get; private set; }
    public PoiVersion? Hasta { get; private set; }
    public DiferenciaVersiones? Diferencia { get; private set; }

    public async Task<IActionResult> OnGetAsync(string entidad, int anio, int? desde, int? hasta, CancellationToken ct)
    {
        CodigoEntidad = entidad;
        Anio = anio;
        if (await ContextoFormulacion.CargarAsync(db, entidad, anio, ct) is not { Poi: { } poi } ctx) return NotFound();
        Ctx = ctx;
        var versiones = poi.Versiones.OrderBy(v => v.Numero).ToList();
        if (versiones.Count < 2) return Page();
        Hasta = hasta is { } h ? versiones.SingleOrDefault(v => v.Numero == h) : (ctx.Borrador ?? versiones[^1]);
        Desde = desde is { } d ? versiones.SingleOrDefault(v => v.Numero == d)
            : (ctx.Borrador is not null && ctx.Aprobada is { } a ? a : versiones.LastOrDefault(v => v.Numero < Hasta?.Numero));
        if (Desde is null || Hasta is null) return NotFound();
        Diferencia = await ConsultaFormulacion.DiferenciaAsync(db, Desde.Id, Hasta.Id, await User.CentrosVisiblesAsync(db, ct), ct);
        return Page();
    }
}
