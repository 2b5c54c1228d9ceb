using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Data;
using Sipoi.Web.Presentacion;

namespace Sipoi.Web.Pages.Formulacion;

/// <summary>
/// Drafting one activity (/e/{entidad}/formulacion/{año}/centro/{código}/actividad[?codigo=X]):
/// unit, behaviour, months, the stated annual target, financial programming by genérica, weight
/// and budget category. Quarter subtotals and the annual total come from the server: on
/// Previsualizar and Guardar without JavaScript, and live through the Subtotales handler with it
/// (formulacion.js posts the form; the roll-up rule stays in Periodos/Agregacion).
/// </summary>
public sealed class ActividadModel(SipoiDbContext db) : PageModel
{
    [BindProperty] public EntradaActividad Entrada { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? CodigoActividad { get; set; }

    public ContextoFormulacion Ctx { get; private set; } = null!;
    public CentroCosto Centro { get; private set; } = null!;
    public PoiVersion Borrador { get; private set; } = null!;
    public string CodigoEntidad { get; private set; } = "";
    public int Anio { get; private set; }
    public bool Nueva => CodigoActividad is null;
    public string? MotivoNoEditable { get; private set; }
    public List<(string Codigo, string Enunciado)> Aeis { get; private set; } = [];
    public List<(string Codigo, string Nombre)> Fichas { get; private set; } = [];
    public IReadOnlyDictionary<int, string> Protegidos { get; private set; } = new Dictionary<int, string>();
    public ResultadoFormulacion? Resultado { get; private set; }
    /// <summary>Quarter subtotals and annual total of the months in the form; null when a month is not a number.</summary>
    public (decimal[] Trimestres, decimal Anual)? Subtotales { get; private set; }
    public string? Verificacion { get; private set; }
    /// <summary>The needs typed against the financial programming (reported, not refused; null when they agree or there are none).</summary>
    public string? ComparacionNecesidades { get; private set; }

    public string UrlCentro => Url.Pagina("/Formulacion/Centro", null, new { entidad = CodigoEntidad, anio = Anio, centro = Centro.Codigo });
    public string Enlace(string handler) => Url.Pagina("/Formulacion/Actividad", handler,
        new { entidad = CodigoEntidad, anio = Anio, centro = Centro.Codigo, codigoActividad = Nueva ? null : CodigoActividad });

    public IReadOnlyList<string> ErroresDe(string campo) =>
        Resultado?.Problemas.Where(p => p.Campo == campo).Select(p => p.Mensaje).ToList() ?? [];

    public async Task<IActionResult> OnGetAsync(string entidad, int anio, string centro, string? codigo, CancellationToken ct)
    {
        CodigoActividad = string.IsNullOrWhiteSpace(codigo) ? CodigoActividad : codigo;
        if (await PrepararAsync(entidad, anio, centro, ct) is { } no) return no;
        if (!Nueva)
        {
            var fila = (await ConsultaFormulacion.ActividadesAsync(db, Borrador.Id, Centro.Id, ct, CodigoActividad)).SingleOrDefault();
            if (fila is null) return NotFound();
            Entrada = EntradaActividad.Desde(fila.Actividad, fila.Programacion, fila.AeiCodigo, fila.FichaCodigo);
            Entrada.Huella = EntradaActividad.HuellaDe(Entrada);
        }
        Entrada.AgregarFilasVacias();
        Calcular();
        return Page();
    }

    public async Task<IActionResult> OnPostGuardarAsync(string entidad, int anio, string centro, CancellationToken ct)
    {
        if (await PrepararAsync(entidad, anio, centro, ct) is { } no) return no;
        var r = await ServicioFormulacion.GuardarActividadAsync(db, Ctx, Centro, CodigoActividad, Entrada, ct);
        if (r.Exito)
        {
            TempData["Aviso"] = r.Mensaje;
            return Redirect(UrlCentro);
        }
        Resultado = r;
        Entrada.AgregarFilasVacias();
        Calcular();
        return Page();
    }

    /// <summary>Without JavaScript: the same page with the subtotals and the checks, nothing saved.</summary>
    public async Task<IActionResult> OnPostPrevisualizarAsync(string entidad, int anio, string centro, CancellationToken ct)
    {
        if (await PrepararAsync(entidad, anio, centro, ct) is { } no) return no;
        var lectura = Entrada.Leer(Anio, Borrador.Tipo == TipoVersionPoi.Multianual);
        if (lectura.Problemas.Count > 0) Resultado = ResultadoFormulacion.Invalido("Revise lo siguiente antes de guardar:", lectura.Problemas);
        Entrada.AgregarFilasVacias();
        Calcular();
        return Page();
    }

    /// <summary>For formulacion.js: the subtotals and the annual check of the months typed so far, as JSON. Saves nothing.</summary>
    public async Task<IActionResult> OnPostSubtotalesAsync(string entidad, int anio, string centro, CancellationToken ct)
    {
        if (await PrepararAsync(entidad, anio, centro, ct) is { } no) return no;
        Calcular();
        return new JsonResult(new
        {
            trimestres = Subtotales?.Trimestres.Select(t => Formato.Numero(t)).ToArray(),
            anual = Subtotales is { } s ? Formato.Numero(s.Anual) : null,
            verificacion = Verificacion,
            coincide = Verificacion is null && Subtotales is not null,
        });
    }

    /// <summary>Subtotals by the behaviour's rule, and whether the stated annual target agrees (ProgramacionActividad.VerificarMetaAnual).</summary>
    private void Calcular()
    {
        ComparacionNecesidades = Entrada.ComparacionNecesidades();
        _ = ComportamientoTexto.TryParse(Entrada.Comportamiento, out var comportamiento);
        var meses = new decimal[12];
        for (var m = 0; m < 12; m++)
        {
            var t = m < Entrada.Fisico.Length ? Entrada.Fisico[m] : null;
            if (string.IsNullOrWhiteSpace(t)) continue;
            if (!NumeroEscrito.TryLeer(t, out meses[m])) { Verificacion = $"La meta de {Meses.Nombre(m + 1).ToLowerInvariant()} no es un número."; return; }
        }
        Subtotales = PropuestaProgramacion.Subtotales(comportamiento, meses);
        if (string.IsNullOrWhiteSpace(Entrada.MetaAnual)) Verificacion = "Escriba la meta física anual.";
        else if (!NumeroEscrito.TryLeer(Entrada.MetaAnual, out var anual)) Verificacion = "La meta física anual no es un número.";
        else Verificacion = ProgramacionActividad.VerificarMetaAnual(comportamiento, meses, anual);
    }

    private async Task<IActionResult?> PrepararAsync(string entidad, int anio, string centro, CancellationToken ct)
    {
        CodigoEntidad = entidad;
        Anio = anio;
        if (await ContextoFormulacion.CargarAsync(db, entidad, anio, ct) is not { } ctx) return NotFound();
        if (await ctx.CentroAsync(db, centro, ct) is not { } c) return NotFound();
        if (!await PermisosFormulacion.PuedeVerAsync(User, db, c.Id, ct) || !await PermisosFormulacion.PuedeFormularAsync(User, db, c.Id, ct))
            return Forbid();
        if (ctx.Borrador is not { } borrador) return NotFound();
        Ctx = ctx;
        Centro = c;
        Borrador = borrador;
        var estado = await db.FormulacionesCentro.AsNoTracking().SingleOrDefaultAsync(f => f.PoiVersionId == borrador.Id && f.CentroCostoId == c.Id, ct);
        MotivoNoEditable = estado?.MotivoNoEditable(c.Codigo);
        var peiId = ctx.Poi!.PeiId;
        Aeis = (await db.Aeis.AsNoTracking().Where(a => db.Oeis.Any(o => o.Id == a.OeiId && o.PeiId == peiId))
            .OrderBy(a => a.Codigo).Select(a => new { a.Codigo, a.Enunciado }).ToListAsync(ct)).Select(a => (a.Codigo, a.Enunciado)).ToList();
        Fichas = (await db.Fichas.AsNoTracking().Where(f => f.EntidadId == ctx.Entidad.Id).OrderBy(f => f.Codigo)
            .Select(f => new { f.Codigo, f.Nombre }).ToListAsync(ct)).Select(f => (f.Codigo, f.Nombre)).ToList();
        var actividadId = Nueva ? null : await db.Actividades.Where(a => a.PoiId == ctx.Poi.Id && a.Codigo == CodigoActividad).Select(a => (int?)a.Id).SingleOrDefaultAsync(ct);
        Protegidos = (await Proteccion.CargarAsync(db, ctx, ct)).Protegidos(actividadId, c.Id);
        return null;
    }
}
