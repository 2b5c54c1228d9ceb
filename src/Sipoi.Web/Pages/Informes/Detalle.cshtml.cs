using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Data;
using Sipoi.Web.Entidades;
using Sipoi.Web.Evaluacion;
using Sipoi.Web.Informes;
using Sipoi.Web.Presentacion;
using Sipoi.Web.Seguimiento;

namespace Sipoi.Web.Pages.Informes;

/// <summary>
/// One evaluation: the recommendations it issues (add, edit, remove while unpublished), the follow-up of
/// earlier recommendations (one all-or-nothing save), its publication, and the frozen files once published.
/// </summary>
public sealed class DetalleModel(SipoiDbContext db, TimeProvider reloj) : PageModel
{
    public sealed class FilaSeguimiento
    {
        public int RecomendacionId { get; set; }
        public EstadoRecomendacion Estado { get; set; }
        public string? Comentario { get; set; }
    }

    public sealed record Anterior(Recomendacion Recomendacion, EvaluacionPoi Origen, EstadoRecomendacion Estado, string? Comentario, bool Vencida);

    public Entidad Entidad { get; private set; } = null!;
    public EvaluacionPoi Evaluacion { get; private set; } = null!;
    public List<Recomendacion> Emitidas { get; private set; } = [];
    public List<Anterior> Anteriores { get; private set; } = [];
    public Dictionary<int, string> Centros { get; private set; } = [];
    /// <summary>Names of the responsibles and OEI/AEI of every recommendation shown.</summary>
    public NombresRecomendacion Nombres { get; private set; } = new(new Dictionary<int, string>(), new Dictionary<int, string>(), new Dictionary<int, string>());
    /// <summary>The evaluated POI's PEI (its OEI with their AEI) for the OEI/AEI select; null when the year has no POI.</summary>
    public Pei? Pei { get; private set; }
    public List<(string Nombre, long Tamano)> Archivos { get; private set; } = [];
    /// <summary>Publications a republication superseded, newest first, with their frozen files.</summary>
    public List<(PublicacionReemplazada Publicacion, List<(string Nombre, long Tamano)> Archivos)> Reemplazadas { get; private set; } = [];
    /// <summary>Unpublished: the engine's figures as of now (what publishing would freeze, approved months only).</summary>
    public ResultadoEvaluacion? Vista { get; private set; }
    public bool PuedeGestionar { get; private set; }
    public string? Error { get; private set; }
    [TempData] public string? Aviso { get; set; }

    [BindProperty] public int? RecomendacionId { get; set; }
    [BindProperty] public string? AspectoMejora { get; set; }
    [BindProperty] public string? Texto { get; set; }
    [BindProperty] public string? AccionClave { get; set; }
    /// <summary>The responsible units (cost centre ids), one checkbox each.</summary>
    [BindProperty, Display(Name = "Unidades responsables")] public List<int> Unidades { get; set; } = [];
    [BindProperty] public string? EntidadExterna { get; set; }
    /// <summary>What it concerns: "OEI:12", "AEI:34" or empty (<see cref="ValorObjetivo"/>).</summary>
    [BindProperty] public string? Objetivo { get; set; }
    [BindProperty, Display(Name = "Plazo")] public DateOnly? Plazo { get; set; }
    [BindProperty] public List<FilaSeguimiento> Seguimiento { get; set; } = [];
    [BindProperty] public string? Documento { get; set; }
    [BindProperty] public string? MotivoRepublicacion { get; set; }
    [BindProperty] public bool ConfirmarIncompleta { get; set; }
    [BindProperty] public string? MotivoIncompleta { get; set; }
    /// <summary>The second post of "Publicar", from the confirmation summary.</summary>
    [BindProperty] public bool Confirmar { get; set; }
    /// <summary>Checked and not yet confirmed: the page shows what publishing will do.</summary>
    public bool PorPublicar { get; private set; }
    /// <summary>
    /// Unpublished: the PEI indicators (OEI's own and AEI's) with no obtained value for the period's measurement (what publishing now
    /// would show as ND), with their names; empty when all have one or no measurement is due (<see cref="VistaEstrategica.Corte"/> null).
    /// </summary>
    public List<(ResultadoIndicador Indicador, string Nombre)> IndicadoresSinValor { get; private set; } = [];
    /// <summary>«Eliminar» pressed for this recommendation, checked, not yet confirmed: the page shows which one goes.</summary>
    public int? PorEliminar { get; private set; }
    /// <summary>Unpublished: which centre-months publishing now would leave out (approved months only).</summary>
    public Completitud? Completitud { get; private set; }

    public async Task<IActionResult> OnGetAsync(string entidad, int anio, string periodo, int? editar, CancellationToken ct)
    {
        if (!PermisosInformes.PuedeLeer(User)) return Forbid();
        if (!await BuscarAsync(entidad, anio, periodo, ct)) return NotFound();
        await CargarAsync(ct);
        if (editar is { } id && Emitidas.SingleOrDefault(r => r.Id == id) is { } r)
        {
            RecomendacionId = r.Id;
            AspectoMejora = r.AspectoMejora;
            Texto = r.Texto;
            AccionClave = r.AccionClave;
            Unidades = [.. r.Unidades];
            EntidadExterna = r.EntidadExterna;
            Objetivo = ValorObjetivo(r.OeiId, r.AeiId);
            Plazo = r.Plazo;
        }
        return Page();
    }

    public Task<IActionResult> OnPostRecomendacionAsync(string entidad, int anio, string periodo, CancellationToken ct) =>
        EjecutarAsync(entidad, anio, periodo, async () =>
        {
            if (!ModelState.IsValid) throw new ReglaDominioException(string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage)));
            if (Plazo is not { } plazo) throw new ReglaDominioException($"Indique el plazo de la recomendación ({Fechas.Indicacion}).", "Plazo");
            var (oei, aei) = LeerObjetivo(Objetivo);
            var datos = new DatosRecomendacion(AspectoMejora ?? "", Texto ?? "", AccionClave ?? "", Unidades, EntidadExterna, plazo, oei, aei);
            if (RecomendacionId is { } id)
            {
                await RegistroEvaluaciones.ActualizarRecomendacionAsync(db, Evaluacion, id, datos, ct);
                return "Se guardó la recomendación.";
            }
            var r = await RegistroEvaluaciones.AgregarRecomendacionAsync(db, Evaluacion, datos, ct);
            return $"Se registró la recomendación {r.Numero}.";
        }, ct);

    /// <summary>Removing a recommendation cannot be undone: the first post checks and shows which one goes (<see cref="PorEliminar"/>); the confirmation removes.</summary>
    public Task<IActionResult> OnPostEliminarAsync(string entidad, int anio, string periodo, int id, CancellationToken ct) =>
        EjecutarAsync(entidad, anio, periodo, async () =>
        {
            var r = await RegistroEvaluaciones.EliminarRecomendacionAsync(db, Evaluacion, id, ct, confirmar: Confirmar);
            if (!Confirmar)
            {
                PorEliminar = r.Id;
                return null;
            }
            return $"Se eliminó la recomendación {r.Numero}.";
        }, ct);

    public Task<IActionResult> OnPostSeguimientoAsync(string entidad, int anio, string periodo, CancellationToken ct) =>
        EjecutarAsync(entidad, anio, periodo, async () =>
        {
            await RegistroEvaluaciones.GuardarSeguimientoAsync(db, Evaluacion,
                Seguimiento.Select(f => (f.RecomendacionId, f.Estado, f.Comentario)).ToList(), ct);
            return $"Se guardó el seguimiento de {Formato.Conteo(Seguimiento.Count, "recomendación", "recomendaciones")}.";
        }, ct);

    /// <summary>
    /// Publishing cannot be undone: the first post only checks (<see cref="RegistroEvaluaciones.VerificarPublicacionAsync"/>)
    /// and shows what becomes public, what it replaces and what is missing (<see cref="PorPublicar"/>); the confirmation
    /// form posts the same fields with <see cref="Confirmar"/>, and only that publishes.
    /// </summary>
    public Task<IActionResult> OnPostPublicarAsync(string entidad, int anio, string periodo, CancellationToken ct) =>
        EjecutarAsync(entidad, anio, periodo, async () =>
        {
            if (!Confirmar)
            {
                await RegistroEvaluaciones.VerificarPublicacionAsync(db, Evaluacion, ConfirmarIncompleta, MotivoIncompleta, ct);
                PorPublicar = true;
                return null;
            }
            var republicacion = Evaluacion.EnRepublicacion;
            await RegistroEvaluaciones.PublicarAsync(db, Evaluacion, Documento, PermisosSeguimiento.Usuario(User), reloj.GetUtcNow(), ct,
                ConfirmarIncompleta, MotivoIncompleta);
            return republicacion
                ? $"Se publicó la republicación de la {Evaluacion.NombreEnFrase}: reemplaza a la publicación anterior, que sigue en la página de transparencia marcada como reemplazada."
                : $"Se publicó la {Evaluacion.NombreEnFrase}: sus archivos ya están en la página de transparencia.";
        }, ct);

    public Task<IActionResult> OnPostRepublicarAsync(string entidad, int anio, string periodo, CancellationToken ct) =>
        EjecutarAsync(entidad, anio, periodo, async () =>
        {
            await RegistroEvaluaciones.IniciarRepublicacionAsync(db, Evaluacion, MotivoRepublicacion, PermisosSeguimiento.Usuario(User), reloj.GetUtcNow(), ct);
            return $"Se inició la republicación de la {Evaluacion.NombreEnFrase}: la publicación vigente sigue en la página de transparencia hasta que publique la corregida.";
        }, ct);

    /// <summary>A file of a publication of the evaluation (the one in force unless <paramref name="publicacion"/> names a superseded one), as frozen.</summary>
    public async Task<IActionResult> OnGetArchivoAsync(string entidad, int anio, string periodo, string nombre, int? publicacion, CancellationToken ct)
    {
        if (!PermisosInformes.PuedeLeer(User)) return Forbid();
        if (!await BuscarAsync(entidad, anio, periodo, ct)) return NotFound();
        var a = await RegistroEvaluaciones.ArchivosDe(db, Evaluacion, publicacion).SingleOrDefaultAsync(x => x.Nombre == nombre, ct);
        return a is null ? NotFound() : File(a.Contenido, a.Mime, NombreDescarga(Entidad.Codigo, Evaluacion, a.Nombre));
    }

    /// <summary>The OEI/AEI select's value: "OEI:12", "AEI:34", or null for neither.</summary>
    public static string? ValorObjetivo(int? oeiId, int? aeiId) =>
        oeiId is { } o ? $"OEI:{o.ToString(CultureInfo.InvariantCulture)}" : aeiId is { } a ? $"AEI:{a.ToString(CultureInfo.InvariantCulture)}" : null;

    private static (int? Oei, int? Aei) LeerObjetivo(string? valor)
    {
        if (string.IsNullOrWhiteSpace(valor)) return (null, null);
        var partes = valor.Split(':');
        if (partes.Length == 2 && int.TryParse(partes[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
        {
            if (partes[0] == "OEI") return (id, null);
            if (partes[0] == "AEI") return (null, id);
        }
        throw new ReglaDominioException("El OEI/AEI elegido no es válido.", "OEI/AEI");
    }

    /// <summary>"POI-2024-EMSAPUNO-evaluacion-S1-informe.docx".</summary>
    public static string NombreDescarga(string entidad, EvaluacionPoi e, string archivo) =>
        $"POI-{e.Anio}-{Sipoi.Web.Reportes.SolicitudReporte.ParaArchivo(entidad)}-evaluacion-{e.PeriodoCodigo}-{archivo}";

    /// <summary>Runs an action and redirects; an action answering null changed nothing and asks for a confirmation on this page.</summary>
    private async Task<IActionResult> EjecutarAsync(string entidad, int anio, string periodo, Func<Task<string?>> accion, CancellationToken ct)
    {
        if (!PermisosInformes.PuedeGestionar(User)) return Forbid();
        if (!await BuscarAsync(entidad, anio, periodo, ct)) return NotFound();
        try
        {
            if (await accion() is not { } aviso)
            {
                db.ChangeTracker.Clear();
                await BuscarAsync(entidad, anio, periodo, ct);
                await CargarAsync(ct);
                return Page();
            }
            Aviso = aviso;
            return RedirectToPage("/Informes/Detalle", new { entidad = Entidad.Codigo, anio = Evaluacion.Anio, periodo = Evaluacion.PeriodoCodigo });
        }
        catch (Exception e) when (e is ReglaDominioException or DbUpdateConcurrencyException)
        {
            Error = e is DbUpdateConcurrencyException ? "Otra persona cambió esta evaluación mientras usted editaba; recargue la página." : e.Message;
            db.ChangeTracker.Clear();
            await BuscarAsync(entidad, anio, periodo, ct);
            await CargarAsync(ct);
            return Page();
        }
    }

    /// <summary>The strategic view's indicators without an obtained value, named from the POI's PEI (code order as the view gives them).</summary>
    private async Task<List<(ResultadoIndicador, string)>> IndicadoresSinValorAsync(ResultadoEvaluacion vista, CancellationToken ct)
    {
        if (vista.Estrategico.Corte is null || Pei is null) return [];
        var faltan = vista.Estrategico.Indicadores.Where(i => i.ValorObtenido is null).ToList();
        if (faltan.Count == 0) return [];
        var oeis = Pei.Oeis.Select(o => o.Id).ToList();
        var aeis = Pei.Oeis.SelectMany(o => o.Aeis).Select(a => a.Id).ToList();
        var nombres = (await db.Indicadores.AsNoTracking()
                .Where(i => (i.OeiId != null && oeis.Contains(i.OeiId.Value)) || (i.AeiId != null && aeis.Contains(i.AeiId.Value)))
                .Select(i => new { i.Codigo, i.Nombre }).ToListAsync(ct))
            .GroupBy(i => i.Codigo).ToDictionary(g => g.Key, g => g.First().Nombre);
        return faltan.Select(i => (i, nombres.GetValueOrDefault(i.Codigo, ""))).ToList();
    }

    private async Task<bool> BuscarAsync(string entidad, int anio, string periodo, CancellationToken ct)
    {
        if (!Periodo.TryParse(periodo, out var p) || !EvaluacionPoi.PeriodosPermitidos.Contains(p)) return false;
        if (await ContextoEntidad.BuscarAsync(db, entidad, ct) is not { } e) return false;
        if (await RegistroEvaluaciones.BuscarAsync(db, e.Id, anio, p, ct) is not { } ev) return false;
        Entidad = e;
        Evaluacion = ev;
        return true;
    }

    private async Task CargarAsync(CancellationToken ct)
    {
        PuedeGestionar = PermisosInformes.PuedeGestionar(User);
        Centros = await db.CentrosCosto.AsNoTracking().Where(c => c.EntidadId == Entidad.Id).OrderBy(c => c.Codigo)
            .ToDictionaryAsync(c => c.Id, c => $"{c.Codigo} {c.Nombre}", ct);
        Nombres = await RecomendacionesInforme.NombresAsync(db, Entidad.Id, ct);
        Pei = await RegistroEvaluaciones.OeiYAeiDelPeiAsync(db, Entidad.Id, Evaluacion.Anio, ct);
        Emitidas = await db.Recomendaciones.AsNoTracking().Include(r => r.Responsables).Where(r => r.EvaluacionId == Evaluacion.Id)
            .OrderBy(r => r.Numero).ToListAsync(ct);
        var hoy = Plazos.Hoy(reloj.GetUtcNow());
        Anteriores = (await RegistroEvaluaciones.AnterioresAsync(db, Entidad.Id, Evaluacion.Orden, ct))
            .Select(x =>
            {
                var estado = Recomendacion.EstadoDe(x.Seguimiento);
                return new Anterior(x.Recomendacion, x.Origen, estado, x.Seguimiento?.Comentario, Recomendacion.Vencida(x.Recomendacion.Plazo, estado, hoy));
            }).ToList();
        var archivos = (await db.ArchivosPublicados.AsNoTracking().Where(a => a.EvaluacionId == Evaluacion.Id)
            .Select(a => new { a.Publicacion, a.Nombre, a.Tamano }).ToListAsync(ct)).ToLookup(a => a.Publicacion, a => (a.Nombre, a.Tamano));
        Archivos = archivos[Evaluacion.Publicacion].ToList();
        Reemplazadas = (await db.PublicacionesReemplazadas.AsNoTracking().Where(p => p.EvaluacionId == Evaluacion.Id)
                .OrderByDescending(p => p.Numero).ToListAsync(ct))
            .Select(p => (p, archivos[p.Numero].ToList())).ToList();
        if (Evaluacion.Editable && await Sipoi.Web.Reportes.DatosReporte.CargarAsync(db, Entidad.Codigo, Evaluacion.Anio, ct) is { } d)
        {
            Vista = await ConsultaEvaluacion.EvaluarAsync(db, RegistroEvaluaciones.SoloAprobado(d).Evaluacion, d.Anio, Evaluacion.Periodo, incluirActividades: false, ct: ct);
            Completitud = await ConsultaCompletitud.CalcularAsync(db, d.Evaluacion, Evaluacion.Periodo, mostrarEnviados: false, ct);
            IndicadoresSinValor = await IndicadoresSinValorAsync(Vista, ct);
        }
    }
}
