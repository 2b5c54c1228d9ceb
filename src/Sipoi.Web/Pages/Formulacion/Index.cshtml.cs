using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
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
    [BindProperty, Display(Name = "Fecha de aprobación")] public DateOnly? Fecha { get; set; }
    /// <summary>The confirmation of an irreversible action: the box of "Iniciar formulación {año+1}", the second post of an approval.</summary>
    [BindProperty] public bool Confirmar { get; set; }
    [TempData] public string? Aviso { get; set; }

    public ContextoFormulacion Ctx { get; private set; } = null!;
    public string CodigoEntidad { get; private set; } = "";
    public int Anio { get; private set; }
    public bool PuedeConducir { get; private set; }
    public List<ResumenCentro> Centros { get; private set; } = [];
    public IReadOnlyList<string> ProblemasAprobacion { get; private set; } = [];
    public ResultadoFormulacion? Resultado { get; private set; }
    /// <summary>Checked and not yet confirmed: what approving the draft will do.</summary>
    public ResumenAprobacion? PorAprobar { get; private set; }
    /// <summary>Next year's formulation as this year's page offers it; null before this year's POI exists.</summary>
    public AnioSiguiente? Siguiente { get; private set; }

    /// <summary>Whether next year's POI exists and, if not, the PEI it would be created under (null: none covers it).</summary>
    public sealed record AnioSiguiente(int Anio, bool Existe, string? PeiCodigo, int PeiInicio, int PeiFin);

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

    /// <summary>
    /// Approving a version cannot be undone, so the first post only checks and shows what it will do (<see cref="PorAprobar"/>);
    /// the confirmation form posts the same document and date with <see cref="Confirmar"/>, and only that approves.
    /// </summary>
    public async Task<IActionResult> OnPostAprobarAsync(string entidad, int anio, CancellationToken ct)
    {
        if (Confirmar && ModelState.IsValid)
            return await ConducirAsync(entidad, anio, () => ServicioFormulacion.AprobarAsync(db, Ctx, Documento, Fecha, ct), ct);
        if (await PrepararAsync(entidad, anio, ct) is { } no) return no;
        if (!PuedeConducir) return Forbid();
        if (!ModelState.IsValid)
            Resultado = ResultadoFormulacion.Invalido($"No se aprobó «{Ctx.Borrador?.Etiqueta}»; corrija lo siguiente:",
                ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage));
        else if (await ServicioFormulacion.RevisarAprobacionAsync(db, Ctx, Documento, Fecha, ct) is { } rechazo)
            Resultado = rechazo;
        else
            PorAprobar = await ServicioFormulacion.ResumenAprobacionAsync(db, Ctx, Documento!, Fecha!.Value, ct);
        await ArmarAsync(ct);
        return Page();
    }

    /// <summary>
    /// "Iniciar formulación {año+1}": creates next year's POI with its first version in draft, by the same rule as that
    /// year's own page (<see cref="ServicioFormulacion.CrearPoiAsync"/>), once the user ticked the confirmation.
    /// </summary>
    public Task<IActionResult> OnPostIniciarSiguienteAsync(string entidad, int anio, CancellationToken ct) =>
        ConducirAsync(entidad, anio, async () =>
        {
            var siguiente = anio + 1;
            if (await ContextoFormulacion.CargarAsync(db, entidad, siguiente, ct) is not { } ctx)
                return ResultadoFormulacion.Rechazado($"No se puede formular el año {siguiente}.");
            if (ctx.Poi is not null)
                return ResultadoFormulacion.Rechazado($"La formulación {siguiente} ya se inició: el POI {siguiente} ya existe. Continúe en «Formulación del POI {siguiente}».");
            if (!Confirmar)
                return ResultadoFormulacion.Rechazado($"Marque la casilla de confirmación para iniciar la formulación {siguiente}.");
            return await ServicioFormulacion.CrearPoiAsync(db, ctx, TipoDe(Tipo) ?? TipoVersionPoi.Anual, ct);
        }, ct, anioDestino: anio + 1);

    private async Task<IActionResult> ConducirAsync(string entidad, int anio, Func<Task<ResultadoFormulacion>> accion, CancellationToken ct,
        int? anioDestino = null)
    {
        if (await PrepararAsync(entidad, anio, ct) is { } no) return no;
        if (!PuedeConducir) return Forbid();
        var r = await accion();
        if (r.Exito)
        {
            Aviso = r.Mensaje;
            return Redirect(anioDestino is { } destino ? Url.Pagina("/Formulacion/Index", null, new { entidad = CodigoEntidad, anio = destino }) : Enlace());
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
        if (Ctx.Poi is not null) Siguiente = await SiguienteAsync(ct);
        if (Ctx.Borrador is not { } borrador) return;
        var visibles = await User.CentrosVisiblesAsync(db, ct);
        Centros = await ConsultaFormulacion.CentrosAsync(db, Ctx, borrador.Id, visibles, ct);
        if (PuedeConducir) ProblemasAprobacion = await ServicioFormulacion.ProblemasParaAprobarAsync(db, Ctx, ct);
    }

    private async Task<AnioSiguiente> SiguienteAsync(CancellationToken ct)
    {
        var anio = Anio + 1;
        if (await db.Pois.AnyAsync(p => p.EntidadId == Ctx.Entidad.Id && p.Anio == anio, ct)) return new AnioSiguiente(anio, true, null, 0, 0);
        // The PEI CrearPoiAsync would choose: the latest-starting one that covers the year.
        var pei = await db.Peis.AsNoTracking().Where(p => p.EntidadId == Ctx.Entidad.Id && p.Inicio <= anio && p.Fin >= anio)
            .OrderByDescending(p => p.Inicio).Select(p => new { p.Codigo, p.Inicio, p.Fin }).FirstOrDefaultAsync(ct);
        return new AnioSiguiente(anio, false, pei?.Codigo, pei?.Inicio ?? 0, pei?.Fin ?? 0);
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
