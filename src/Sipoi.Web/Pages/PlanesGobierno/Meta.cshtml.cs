using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Sipoi.Interop.Archivos;
using Sipoi.Web.Data;
using Sipoi.Web.Entidades;
using Sipoi.Web.Peis;
using Sipoi.Web.PlanesGobierno;
using Sipoi.Web.Seguimiento;

namespace Sipoi.Web.Pages.PlanesGobierno;

/// <summary>
/// A target of a government plan and its measurement (/e/{entidad}/plan-gobierno/{id}/elementos/{elemento}/meta): what it
/// measures (indicator, unit, direction, baseline, target and year, district breakdown) and what it reached each semester
/// (value, qualitative note, district values, evidence files). Everyone of the entity reads; the planning office edits.
/// Each save is all or nothing and audited; README.md, "Metas medibles".
/// </summary>
[RequestSizeLimit(5 * Evidencia.LimitePorDefecto + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = 5 * Evidencia.LimitePorDefecto + 64 * 1024)]
public sealed class MetaModel(SipoiDbContext db, TimeProvider reloj, IOptions<OpcionesEvidencia> opcionesEvidencia) : PageModel
{
    public sealed class FilaDistrito
    {
        public string? Distrito { get; set; }
        public string? LineaBase { get; set; }
        public string? Meta { get; set; }
    }

    public sealed class ValorDistrito
    {
        public string Distrito { get; set; } = "";
        public string? Valor { get; set; }
    }

    public sealed record ArchivoVista(long Id, string Nombre, long Tamano);

    /// <summary>A semester of the plan's years: the whole target's value, its achievement and band, note and files.</summary>
    public sealed record SemestreVista(int Anio, int Semestre, ValorMetaPlan? Valor, decimal? Avance, Banda? Banda, IReadOnlyList<ArchivoVista> Archivos);

    // The measurement form.
    [BindProperty] public string? Indicador { get; set; }
    [BindProperty] public string? Unidad { get; set; }
    [BindProperty] public string? SentidoMeta { get; set; }
    [BindProperty] public string? LineaBaseValor { get; set; }
    [BindProperty] public string? LineaBaseAnio { get; set; }
    [BindProperty] public string? MetaValor { get; set; }
    [BindProperty] public string? MetaAnio { get; set; }
    [BindProperty] public List<FilaDistrito> Distritos { get; set; } = [];
    /// <summary>The target's version when the form was read.</summary>
    [BindProperty] public uint Version { get; set; }

    // The semester form.
    [BindProperty(SupportsGet = true)] public int? Anio { get; set; }
    [BindProperty(SupportsGet = true)] public int? Semestre { get; set; }
    [BindProperty] public string? Valor { get; set; }
    [BindProperty] public string? Nota { get; set; }
    [BindProperty] public List<ValorDistrito> ValoresDistrito { get; set; } = [];
    /// <summary>The semester value's version when the form was read (0: there was none).</summary>
    [BindProperty] public uint VersionValor { get; set; }
    [TempData] public string? Aviso { get; set; }

    public const string CampoEvidencia = "evidencia";

    public Entidad Entidad { get; private set; } = null!;
    public PlanGobierno Plan { get; private set; } = null!;
    public ElementoPlanGobierno Meta { get; private set; } = null!;
    public EsquemaBandas Bandas { get; private set; } = EsquemaBandas.Nacional;
    public bool PuedeEditar { get; private set; }
    public List<SemestreVista> Semestres { get; private set; } = [];
    public List<string> Errores { get; } = [];
    /// <summary>Which form the errors belong to ("medicion" or "semestre").</summary>
    public string? FormularioConError { get; private set; }
    public string LimiteEvidencia => opcionesEvidencia.Value.LimiteTexto;

    public async Task<IActionResult> OnGetAsync(string entidad, int id, int elemento, CancellationToken ct)
    {
        if (await PrepararAsync(entidad, id, elemento, ct) is { } no) return no;
        LlenarMedicion();
        LlenarSemestre();
        return Page();
    }

    public async Task<IActionResult> OnPostMedicionAsync(string entidad, int id, int elemento, CancellationToken ct)
    {
        if (await PrepararAsync(entidad, id, elemento, ct) is { } no) return no;
        if (!PuedeEditar) return Forbid();
        FormularioConError = "medicion";
        var lb = EdicionPei.Decimal(LineaBaseValor, "Valor de la línea base", Errores);
        var lbAnio = EdicionPei.Entero(LineaBaseAnio, "Año de la línea base", Errores);
        var meta = EdicionPei.Decimal(MetaValor, "Valor de la meta", Errores);
        var metaAnio = EdicionPei.Entero(MetaAnio, "Año de la meta", Errores);
        Sentido? sentido = SentidoMeta switch { "ascendente" => Sentido.Ascendente, "descendente" => Sentido.Descendente, _ => null };
        if (sentido is null) Errores.Add("Sentido: indique si el valor debe aumentar o disminuir.");
        var distritos = new List<DistritoMeta>();
        for (var n = 0; n < Distritos.Count; n++)
        {
            var f = Distritos[n];
            if (string.IsNullOrWhiteSpace(f.Distrito) && string.IsNullOrWhiteSpace(f.LineaBase) && string.IsNullOrWhiteSpace(f.Meta)) continue;
            var nombre = string.IsNullOrWhiteSpace(f.Distrito) ? $"fila {n + 1}" : f.Distrito.Trim();
            var dlb = EdicionPei.Decimal(f.LineaBase, $"Distrito {nombre}, línea base", Errores);
            var dm = EdicionPei.Decimal(f.Meta, $"Distrito {nombre}, meta", Errores);
            if (string.IsNullOrWhiteSpace(f.Distrito)) Errores.Add($"Distrito ({nombre}): escriba el nombre del distrito.");
            else distritos.Add(new DistritoMeta(nombre, dlb, dm));
        }
        if (Errores.Count > 0) return Page();
        try
        {
            Plan.DefinirMedicion(Meta, new MedicionMeta(Indicador, Unidad, sentido!.Value, lb, lbAnio, meta, metaAnio, distritos));
            await db.GuardarSiNadieCambioAsync(Meta, Version, ct);
        }
        catch (ReglaDominioException e)
        {
            Errores.Add(e.Message);
            return Page();
        }
        catch (DbUpdateConcurrencyException)
        {
            Errores.Add(Concurrencia.OtraPersona("esta meta del plan"));
            return Page();
        }
        Aviso = $"Se guardó el indicador de la meta «{Meta.Descripcion}».";
        return RedirectToPage("/PlanesGobierno/Meta", new { entidad, id, elemento });
    }

    public async Task<IActionResult> OnPostSemestreAsync(string entidad, int id, int elemento, CancellationToken ct)
    {
        if (await PrepararAsync(entidad, id, elemento, ct) is { } no) return no;
        if (!PuedeEditar) return Forbid();
        FormularioConError = "semestre";
        if (Anio is not { } anio || Semestre is not { } semestre)
        {
            Errores.Add("Semestre: elija el año y el semestre.");
            return Page();
        }
        var nombre = ValorMetaPlan.NombreSemestre(anio, semestre);
        var valor = EdicionPei.Decimal(Valor, $"Valor obtenido del {nombre}", Errores);
        var porDistrito = new Dictionary<string, decimal?>(StringComparer.Ordinal);
        foreach (var d in ValoresDistrito)
            porDistrito[d.Distrito] = EdicionPei.Decimal(d.Valor, $"Distrito {d.Distrito}, valor obtenido del {nombre}", Errores);
        var archivos = Request.HasFormContentType
            ? await AdjuntarEvidencia.RecibirAsync(Request.Form.Files.GetFiles(CampoEvidencia), opcionesEvidencia.Value, ct)
            : [];
        if (archivos.Count > opcionesEvidencia.Value.ArchivosPorEnvio)
            Errores.Add($"Evidencia del {nombre}: se adjuntan hasta {opcionesEvidencia.Value.ArchivosPorEnvio} archivos a la vez.");
        var revisados = archivos.Select(a => (Archivo: a, Revision: ContenidoEvidencia.Validar(a.Nombre, a.Contenido, a.Largo, opcionesEvidencia.Value.LimiteBytes))).ToList();
        foreach (var (_, r) in revisados.Where(x => !x.Revision.Valido)) Errores.Add($"Evidencia del {nombre}: {r.Error}");
        if (archivos.Count > 0 && valor is null) Errores.Add($"Evidencia del {nombre}: la evidencia acompaña a un valor obtenido; escriba el valor.");

        var previo = Meta.Valor(anio, semestre);
        var previos = previo is null ? [] : await db.EvidenciasMetaPlan.AsNoTracking().Where(e => e.ValorMetaPlanId == previo.Id).Select(e => e.Nombre).ToListAsync(ct);
        if (previo is not null && valor is null && previos.Count > 0)
            Errores.Add($"Valor obtenido del {nombre}: tiene {previos.Count} {(previos.Count == 1 ? "archivo" : "archivos")} de evidencia; no se borra un valor con evidencia.");
        // Someone registered or removed this semester since the form was read.
        if ((previo is null) != (VersionValor == 0)) Errores.Add(Concurrencia.OtraPersona($"el valor del {nombre}"));
        if (Errores.Count > 0) return Page();
        try
        {
            if (previo is not null) db.Entry(previo).Property(SipoiDbContext.ColumnaVersion).OriginalValue = VersionValor;
            var total = Plan.RegistrarSemestre(Meta, anio, semestre, valor, Nota, porDistrito, DateOnly.FromDateTime(reloj.GetLocalNow().DateTime));
            var usuario = PermisosSeguimiento.Usuario(User);
            var ahora = reloj.GetUtcNow();
            foreach (var (a, r) in revisados)
            {
                var n = ArchivoEvidencia.NombreLibre(r.NombreSeguro, previos);
                previos.Add(n);
                db.EvidenciasMetaPlan.Add(new EvidenciaMetaPlan(total!, n, r.Tipo!.Value, a.Contenido, usuario, ahora));
            }
            // One SaveChanges: the value, its districts and its files, or nothing.
            await db.SaveChangesAsync(ct);
        }
        catch (ReglaDominioException e)
        {
            Errores.Add(e.Message);
            return await RecargarAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            Errores.Add(Concurrencia.OtraPersona($"el valor del {nombre}"));
            return await RecargarAsync(ct);
        }
        Aviso = valor is null ? $"Se borró el valor obtenido del {nombre}." : $"Se guardó el valor obtenido del {nombre}.";
        return RedirectToPage("/PlanesGobierno/Meta", new { entidad, id, elemento, anio, semestre });
    }

    /// <summary>GET …/meta?handler=Evidencia&amp;archivo=N: an evidence file of this target, for everyone of the entity.</summary>
    public async Task<IActionResult> OnGetEvidenciaAsync(string entidad, int id, int elemento, long? archivo, CancellationToken ct)
    {
        if (await PrepararAsync(entidad, id, elemento, ct) is { } no) return no;
        var ids = Meta.Valores.Select(v => v.Id).ToList();
        var e = await db.EvidenciasMetaPlan.AsNoTracking().Where(x => x.Id == archivo && x.EntidadId == Entidad.Id && ids.Contains(x.ValorMetaPlanId))
            .Select(x => new { x.Nombre, x.Tipo, x.Contenido }).SingleOrDefaultAsync(ct);
        if (e is null) return NotFound();
        Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        Response.Headers[HeaderNames.CacheControl] = "private, no-store";
        return File(e.Contenido, e.Tipo.Mime(), e.Nombre);
    }

    private void LlenarMedicion()
    {
        Indicador = Meta.Indicador;
        Unidad = Meta.MetaUnidad;
        SentidoMeta = Meta.Sentido?.Codigo();
        LineaBaseValor = EdicionPei.Texto(Meta.LineaBaseValor);
        LineaBaseAnio = Meta.LineaBaseAnio?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        MetaValor = EdicionPei.Texto(Meta.MetaValor);
        MetaAnio = Meta.MetaAnio?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Distritos = [.. Meta.Distritos.OrderBy(d => d.Orden).Select(d => new FilaDistrito
        {
            Distrito = d.Distrito,
            LineaBase = EdicionPei.Texto(d.LineaBase),
            Meta = EdicionPei.Texto(d.Meta),
        })];
    }

    private void LlenarSemestre()
    {
        if (Anio is not { } anio || Semestre is not { } semestre) return;
        var v = Meta.Valor(anio, semestre);
        Valor = EdicionPei.Texto(v?.Valor);
        Nota = v?.Nota;
        ValoresDistrito = [.. Meta.Distritos.OrderBy(d => d.Orden).Select(d => new ValorDistrito
        {
            Distrito = d.Distrito,
            Valor = EdicionPei.Texto(Meta.Valor(anio, semestre, d.Distrito)?.Valor),
        })];
        VersionValor = v is null ? 0 : db.Entry(v).Property<uint>(SipoiDbContext.ColumnaVersion).CurrentValue;
    }

    /// <summary>Shows the page again as saved (nothing was), with the errors and what was typed.</summary>
    private async Task<IActionResult> RecargarAsync(CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var errores = Errores.ToList();
        var formulario = FormularioConError;
        if (await PrepararAsync(Entidad.Codigo, Plan.Id, Meta.Id, ct) is { } no) return no;
        Errores.Clear();
        Errores.AddRange(errores);
        FormularioConError = formulario;
        return Page();
    }

    private async Task<IActionResult?> PrepararAsync(string entidad, int id, int elemento, CancellationToken ct)
    {
        if (await ContextoEntidad.BuscarAsync(db, entidad, ct) is not { } e) return NotFound();
        Entidad = e;
        PuedeEditar = EdicionPei.PuedeEditar(User);
        var plan = await db.PlanesGobierno.Include(p => p.Elementos).ThenInclude(x => x.Alineamientos)
            .Include(p => p.Elementos).ThenInclude(x => x.Distritos)
            .Include(p => p.Elementos).ThenInclude(x => x.Valores)
            .AsSplitQuery().SingleOrDefaultAsync(p => p.Id == id && p.EntidadId == e.Id, ct);
        if (plan?.Elementos.FirstOrDefault(x => x.Id == elemento && x.Nivel == NivelPlanGobierno.Meta) is not { } nodo) return NotFound();
        Plan = plan;
        Meta = nodo;
        Bandas = ConfiguracionEvaluacion.Desde(e.Configuracion).Bandas;
        if (Request.Method == HttpMethods.Get) Version = db.Entry(nodo).Property<uint>(SipoiDbContext.ColumnaVersion).CurrentValue;
        var ids = nodo.Valores.Where(v => v.Distrito is null).Select(v => v.Id).ToList();
        var archivos = (await db.EvidenciasMetaPlan.AsNoTracking().Where(x => ids.Contains(x.ValorMetaPlanId)).OrderBy(x => x.Id)
            .Select(x => new { x.ValorMetaPlanId, x.Id, x.Nombre, x.Tamano }).ToListAsync(ct))
            .ToLookup(x => x.ValorMetaPlanId, x => new ArchivoVista(x.Id, x.Nombre, x.Tamano));
        Semestres = [.. Enumerable.Range(plan.Inicio, plan.Fin - plan.Inicio + 1).SelectMany(a => new[] { 1, 2 }.Select(s =>
        {
            var v = nodo.Valor(a, s);
            var avance = nodo.Avance(a, s);
            return new SemestreVista(a, s, v, avance, Bandas.Clasificar(Logro.Ajustado(avance)), v is null ? [] : archivos[v.Id].ToList());
        }))];
        return null;
    }
}
