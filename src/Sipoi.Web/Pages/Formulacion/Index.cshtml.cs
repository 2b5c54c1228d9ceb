using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sipoi.Web.Data;
using Sipoi.Web.Seguridad;

namespace Sipoi.Web.Pages.Formulacion;

/// <summary>
/// The drafting of a POI year (/e/{entidad}/formulacion/{año}): its versions, the cost centres of the
/// version being drafted with their review state, and the planning office's actions (create the POI,
/// open a version, approve the consolidated draft). Plain forms; every check is on the server.
/// </summary>
public sealed class IndexModel(SipoiDbContext db) : PageModel
{
    [BindProperty] public string? Tipo { get; set; }
    [BindProperty] public string? Motivo { get; set; }
    [BindProperty] public string? Documento { get; set; }
    [BindProperty] public DateOnly? Fecha { get; set; }
    [TempData] public string? Aviso { get; set; }

    public ContextoFormulacion Ctx { get; private set; } = null!;
    public string CodigoEntidad { get; private set; } = "";
    public int Anio { get; private set; }
    public bool PuedeConducir { get; private set; }
    public List<ResumenCentro> Centros { get; private set; } = [];
    public IReadOnlyList<string> ProblemasAprobacion { get; private set; } = [];
    public ResultadoFormulacion? Resultado { get; private set; }

    public string Enlace(string? handler = null) =>
        Url.Pagina("/Formulacion/Index", handler, new { entidad = CodigoEntidad, anio = Anio });

    public async Task<IActionResult> OnGetAsync(string entidad, int anio, CancellationToken ct)
    {
        if (await PrepararAsync(entidad, anio, ct) is { } no) return no;
        await ArmarAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnPostCrearAsync(string entidad, int anio, CancellationToken ct) =>
        ConducirAsync(entidad, anio, () => ServicioFormulacion.CrearPoiAsync(db, Ctx, TipoDe(Tipo) ?? TipoVersionPoi.Anual, ct), ct);

    public Task<IActionResult> OnPostAbrirAsync(string entidad, int anio, CancellationToken ct) =>
        ConducirAsync(entidad, anio, () => TipoDe(Tipo) is { } t
            ? ServicioFormulacion.AbrirVersionAsync(db, Ctx, t, Motivo, ct)
            : Task.FromResult(new ResultadoFormulacion(false, "Elija el tipo de versión.", [])), ct);

    public Task<IActionResult> OnPostAprobarAsync(string entidad, int anio, CancellationToken ct) =>
        ConducirAsync(entidad, anio, () => ServicioFormulacion.AprobarAsync(db, Ctx, Documento, Fecha, ct), ct);

    private async Task<IActionResult> ConducirAsync(string entidad, int anio, Func<Task<ResultadoFormulacion>> accion, CancellationToken ct)
    {
        if (await PrepararAsync(entidad, anio, ct) is { } no) return no;
        if (!PuedeConducir) return Forbid();
        var r = await accion();
        if (r.Exito)
        {
            Aviso = r.Mensaje;
            return Redirect(Enlace());
        }
        db.ChangeTracker.Clear();
        if (await PrepararAsync(entidad, anio, ct) is { } no2) return no2;
        Resultado = r;
        await ArmarAsync(ct);
        return Page();
    }

    private async Task<IActionResult?> PrepararAsync(string entidad, int anio, CancellationToken ct)
    {
        CodigoEntidad = entidad;
        Anio = anio;
        if (await ContextoFormulacion.CargarAsync(db, entidad, anio, ct) is not { } ctx) return NotFound();
        Ctx = ctx;
        PuedeConducir = PermisosFormulacion.PuedeConducir(User);
        return null;
    }

    private async Task ArmarAsync(CancellationToken ct)
    {
        if (Ctx.Borrador is not { } borrador) return;
        var visibles = await User.CentrosVisiblesAsync(db, ct);
        Centros = await ConsultaFormulacion.CentrosAsync(db, Ctx, borrador.Id, visibles, ct);
        if (PuedeConducir) ProblemasAprobacion = await ServicioFormulacion.ProblemasParaAprobarAsync(db, Ctx, ct);
    }

    public static TipoVersionPoi? TipoDe(string? codigo) => codigo switch
    {
        "multianual" => TipoVersionPoi.Multianual,
        "anual" => TipoVersionPoi.Anual,
        "modificado" => TipoVersionPoi.Modificado,
        _ => null,
    };

    public static string NombreTipo(TipoVersionPoi t) => t switch
    {
        TipoVersionPoi.Multianual => "POI Multianual",
        TipoVersionPoi.Anual => "POI Anual",
        _ => "POI Modificado",
    };
}
