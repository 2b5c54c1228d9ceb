using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Data;

namespace Sipoi.Web.Pages.Formulacion;

/// <summary>
/// One cost centre's draft (/e/{entidad}/formulacion/{año}/centro/{código}): its activities in the
/// version being drafted with quarter subtotals and annual total, and the workflow: copy last year's
/// activities, retire one, submit (centre), observe or accept (planning office).
/// </summary>
public sealed class CentroModel(SipoiDbContext db, TimeProvider reloj) : PageModel
{
    [BindProperty] public string? Codigo { get; set; }
    [BindProperty] public string? Motivo { get; set; }
    [TempData] public string? Aviso { get; set; }

    public ContextoFormulacion Ctx { get; private set; } = null!;
    public CentroCosto Centro { get; private set; } = null!;
    public string CodigoEntidad { get; private set; } = "";
    public int Anio { get; private set; }
    public bool PuedeFormular { get; private set; }
    public bool PuedeConducir { get; private set; }
    public FormulacionCentro? Estado { get; private set; }
    public List<FilaBorrador> Filas { get; private set; } = [];
    public ConsistenciaCentro? Presupuesto { get; private set; }
    public bool HayAnioAnterior { get; private set; }
    public ResultadoFormulacion? Resultado { get; private set; }
    /// <summary>The directive's per-unit summary of the needs of the centre's activities in the version shown.</summary>
    public ResumenNecesidades Necesidades => ResumenNecesidades.De(Filas.SelectMany(f => f.Programacion.Detalle().Necesidades));

    public bool Editable => PuedeFormular && Ctx.Borrador is not null && (Estado?.Editable ?? true);

    public string Enlace(string? handler = null) =>
        Url.Pagina("/Formulacion/Centro", handler, new { entidad = CodigoEntidad, anio = Anio, centro = Centro.Codigo });

    public async Task<IActionResult> OnGetAsync(string entidad, int anio, string centro, CancellationToken ct)
    {
        if (await PrepararAsync(entidad, anio, centro, ct) is { } no) return no;
        await ArmarAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnPostCopiarAsync(string entidad, int anio, string centro, CancellationToken ct) =>
        AccionAsync(entidad, anio, centro, false, () => ServicioFormulacion.CopiarAnioAnteriorAsync(db, Ctx, Centro, ct), ct);

    public Task<IActionResult> OnPostRetirarAsync(string entidad, int anio, string centro, CancellationToken ct) =>
        AccionAsync(entidad, anio, centro, false, () => ServicioFormulacion.RetirarActividadAsync(db, Ctx, Centro, Codigo ?? "", ct), ct);

    public Task<IActionResult> OnPostEnviarAsync(string entidad, int anio, string centro, CancellationToken ct) =>
        AccionAsync(entidad, anio, centro, false,
            () => ServicioFormulacion.EnviarAsync(db, Ctx, Centro, PermisosFormulacion.Usuario(User), reloj.GetUtcNow(), ct), ct);

    public Task<IActionResult> OnPostAceptarAsync(string entidad, int anio, string centro, CancellationToken ct) =>
        AccionAsync(entidad, anio, centro, true,
            () => ServicioFormulacion.RevisarAsync(db, Ctx, Centro, true, null, PermisosFormulacion.Usuario(User), reloj.GetUtcNow(), ct), ct);

    public Task<IActionResult> OnPostObservarAsync(string entidad, int anio, string centro, CancellationToken ct) =>
        AccionAsync(entidad, anio, centro, true,
            () => ServicioFormulacion.RevisarAsync(db, Ctx, Centro, false, Motivo, PermisosFormulacion.Usuario(User), reloj.GetUtcNow(), ct), ct);

    private async Task<IActionResult> AccionAsync(string entidad, int anio, string centro, bool revision, Func<Task<ResultadoFormulacion>> accion,
        CancellationToken ct)
    {
        if (await PrepararAsync(entidad, anio, centro, ct) is { } no) return no;
        if (revision ? !PuedeConducir : !PuedeFormular) return Forbid();
        var r = await accion();
        if (r.Exito)
        {
            Aviso = r.Mensaje;
            return Redirect(Enlace());
        }
        db.ChangeTracker.Clear();
        if (await PrepararAsync(entidad, anio, centro, ct) is { } no2) return no2;
        Resultado = r;
        await ArmarAsync(ct);
        return Page();
    }

    private async Task<IActionResult?> PrepararAsync(string entidad, int anio, string centro, CancellationToken ct)
    {
        CodigoEntidad = entidad;
        Anio = anio;
        if (await ContextoFormulacion.CargarAsync(db, entidad, anio, ct) is not { Poi: not null } ctx) return NotFound();
        if (await ctx.CentroAsync(db, centro, ct) is not { } c) return NotFound();
        if (!await PermisosFormulacion.PuedeVerAsync(User, db, c.Id, ct)) return Forbid();
        Ctx = ctx;
        Centro = c;
        PuedeFormular = await PermisosFormulacion.PuedeFormularAsync(User, db, c.Id, ct);
        PuedeConducir = PermisosFormulacion.PuedeConducir(User);
        if (ctx.Borrador is { } b)
            Estado = await db.FormulacionesCentro.AsNoTracking().SingleOrDefaultAsync(f => f.PoiVersionId == b.Id && f.CentroCostoId == c.Id, ct);
        return null;
    }

    private async Task ArmarAsync(CancellationToken ct)
    {
        var version = Ctx.Borrador ?? Ctx.Aprobada;
        if (version is null) return;
        Filas = await ConsultaFormulacion.ActividadesAsync(db, version.Id, Centro.Id, ct);
        Presupuesto = (await ConsultaFormulacion.ConsistenciaAsync(db, Ctx, version.Id, [Centro.Id], ct)).SingleOrDefault();
        HayAnioAnterior = await db.Pois.AnyAsync(p => p.EntidadId == Ctx.Entidad.Id && p.Anio == Anio - 1, ct);
    }
}
