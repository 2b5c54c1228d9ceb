using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Sipoi.Interop.Archivos;
using Sipoi.Web.Data;
using Sipoi.Web.Entidades;
using Sipoi.Web.Peis;
using Sipoi.Web.Seguimiento;
using Sipoi.Web.Seguridad;

namespace Sipoi.Web.Pages.Peis;

/// <summary>
/// The obtained values of a PEI's indicators for one year (/e/{entidad}/pei/{codigo}/valores?anio=2024): year, I and II
/// semester, each with its state and evidence files. An Operador sees and registers only the indicators whose responsible
/// cost centre is one of its own (the values wait for validation); the planning office sees every indicator, enters values
/// that are validated at once, and validates or observes (with a comment) what the centres registered. Saves are all or
/// nothing; every message names the indicator and the cell (README.md, "Valores obtenidos").
/// </summary>
// Evidence files come with the grid: the same limit as the monthly evidence page (5 files of 10 MB plus the form).
[RequestSizeLimit(5 * Evidencia.LimitePorDefecto + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = 5 * Evidencia.LimitePorDefecto + 64 * 1024)]
public sealed class ValoresModel(SipoiDbContext db, TimeProvider reloj, IOptions<OpcionesEvidencia> opcionesEvidencia) : PageModel
{
    public static readonly PeriodoIndicador[] Periodos = [PeriodoIndicador.Anual, PeriodoIndicador.Semestre1, PeriodoIndicador.Semestre2];

    /// <summary>A row as typed: the indicator and its three obtained values.</summary>
    public sealed class FilaEntrada
    {
        public string Codigo { get; set; } = "";
        public string? Anual { get; set; }
        public string? Semestre1 { get; set; }
        public string? Semestre2 { get; set; }

        public string? Texto(PeriodoIndicador p) => p switch
        {
            PeriodoIndicador.Semestre1 => Semestre1,
            PeriodoIndicador.Semestre2 => Semestre2,
            _ => Anual,
        };
    }

    /// <summary>The planning office's decision on one cell: "validar", "observar" (with a comment) or nothing.</summary>
    public sealed class RevisionEntrada
    {
        public string Codigo { get; set; } = "";
        public int Periodo { get; set; }
        public string? Accion { get; set; }
        public string? Comentario { get; set; }
    }

    public sealed record ArchivoVista(long Id, string Nombre, long Tamano);

    public sealed record CeldaVista(PeriodoIndicador Periodo, decimal? Valor, EstadoValorIndicador? Estado, string? Observacion,
        IReadOnlyList<ArchivoVista> Archivos);

    public sealed record FilaVista(Indicador Indicador, string Dueno, string? Centro, decimal? LogroEsperado, bool Editable,
        IReadOnlyList<CeldaVista> Celdas);

    [BindProperty] public List<FilaEntrada> Filas { get; set; } = [];
    [BindProperty] public List<RevisionEntrada> Revisiones { get; set; } = [];
    [BindProperty(SupportsGet = true)] public int? Anio { get; set; }
    [TempData] public string? Aviso { get; set; }

    public string CodigoEntidad { get; private set; } = "";
    public Pei Pei { get; private set; } = null!;
    public List<FilaVista> Vista { get; private set; } = [];
    public List<string> Errores { get; } = [];
    /// <summary>The planning office (Administrador, Planificador): every indicator, values validated as entered.</summary>
    public bool EsOficina { get; private set; }
    /// <summary>Validating and observing: the Planificador, as for the monthly monitoring.</summary>
    public bool PuedeRevisar { get; private set; }
    public bool PuedeRegistrar => Vista.Any(f => f.Editable);
    public string LimiteEvidencia => opcionesEvidencia.Value.LimiteTexto;

    /// <summary>What the cell's input shows: what was typed (when the grid comes back with errors), else the saved value.</summary>
    public string? Entrada(FilaVista f, PeriodoIndicador p) =>
        Filas.FirstOrDefault(x => x.Codigo == f.Indicador.Codigo) is { } e ? e.Texto(p) : EdicionPei.Texto(f.Celdas[(int)p].Valor);

    private Entidad _entidad = null!;
    private IReadOnlyCollection<int>? _visibles;
    private HashSet<int> _propios = [];

    public static string NombreCampo(PeriodoIndicador p) => p switch
    {
        PeriodoIndicador.Semestre1 => nameof(FilaEntrada.Semestre1),
        PeriodoIndicador.Semestre2 => nameof(FilaEntrada.Semestre2),
        _ => nameof(FilaEntrada.Anual),
    };

    public static string Encabezado(PeriodoIndicador p) => p switch
    {
        PeriodoIndicador.Semestre1 => "I semestre",
        PeriodoIndicador.Semestre2 => "II semestre",
        _ => "Año",
    };

    /// <summary>The file input of a row's cell: "evidencia-3-1" (row 3, I semestre).</summary>
    public static string CampoEvidencia(int fila, PeriodoIndicador p) => $"evidencia-{fila}-{(int)p}";

    public string Enlace(string? handler = null) =>
        Url.Pagina("/Peis/Valores", handler, new { entidad = CodigoEntidad, codigo = Pei.Codigo, anio = Anio });

    public string EnlaceEvidencia(long id) =>
        Url.Pagina("/Peis/Valores", "Evidencia", new { entidad = CodigoEntidad, codigo = Pei.Codigo, id });

    public async Task<IActionResult> OnGetAsync(string entidad, string codigo, CancellationToken ct)
    {
        if (await PrepararAsync(entidad, codigo, ct) is { } no) return no;
        await ArmarVistaAsync(ct);
        Filas = Vista.Select(f => new FilaEntrada
        {
            Codigo = f.Indicador.Codigo,
            Anual = EdicionPei.Texto(f.Celdas[0].Valor),
            Semestre1 = EdicionPei.Texto(f.Celdas[1].Valor),
            Semestre2 = EdicionPei.Texto(f.Celdas[2].Valor),
        }).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostGuardarAsync(string entidad, string codigo, CancellationToken ct)
    {
        if (await PrepararAsync(entidad, codigo, ct) is { } no) return no;
        if (!EsOficina && _propios.Count == 0) return Forbid();
        var anio = Anio!.Value;
        var indicadores = Pei.TodosLosIndicadores().ToDictionary(i => i.Codigo, StringComparer.Ordinal);
        var cambios = new List<(Indicador Indicador, PeriodoIndicador Periodo, decimal? Valor, List<ArchivoRecibido> Archivos)>();
        var archivosDelFormulario = Request.HasFormContentType ? Request.Form.Files : null;
        for (var n = 0; n < Filas.Count; n++)
        {
            var f = Filas[n];
            if (!indicadores.TryGetValue(f.Codigo, out var ind))
            {
                Errores.Add($"Indicador {f.Codigo}: no es del PEI {Pei.Codigo}.");
                continue;
            }
            // A crafted form cannot reach another centre's indicator: refused as a whole, nothing saved.
            if (!Editable(ind)) return Forbid();
            foreach (var p in Periodos)
            {
                var (valor, error) = Indicador.LeerValor(f.Texto(p), ind.Codigo, anio, p);
                if (error is not null)
                {
                    Errores.Add(error);
                    continue;
                }
                var archivos = archivosDelFormulario is null ? [] : await AdjuntarEvidencia.RecibirAsync(archivosDelFormulario.GetFiles(CampoEvidencia(n, p)), opcionesEvidencia.Value, ct);
                if (archivos.Count > 0 && valor is null)
                    Errores.Add($"Indicador {ind.Codigo}, {p.Nombre(anio)}: la evidencia acompaña a un valor obtenido; escriba el valor.");
                if (archivos.Count > opcionesEvidencia.Value.ArchivosPorEnvio)
                    Errores.Add($"Indicador {ind.Codigo}, {p.Nombre(anio)}: se adjuntan hasta {Plural.Conteo(opcionesEvidencia.Value.ArchivosPorEnvio, "archivo", "archivos")} a la vez.");
                foreach (var a in archivos)
                {
                    var r = ContenidoEvidencia.Validar(a.Nombre, a.Contenido, a.Largo, opcionesEvidencia.Value.LimiteBytes);
                    if (!r.Valido) Errores.Add($"Indicador {ind.Codigo}, {p.Nombre(anio)}: {r.Error}");
                }
                cambios.Add((ind, p, valor, archivos));
            }
        }
        if (Errores.Count > 0) return await MostrarAsync(ct);

        var usuario = PermisosSeguimiento.Usuario(User);
        var ahora = reloj.GetUtcNow();
        try
        {
            foreach (var (ind, p, valor, archivos) in cambios)
            {
                if (EsOficina) ind.RegistrarValorObtenido(anio, p, valor);
                else ind.RegistrarValorDelResponsable(anio, p, valor, archivos.Count > 0);
                if (archivos.Count == 0) continue;
                var medicion = ind.Medicion(anio, p)!;
                var ocupados = medicion.Id == 0 ? [] : await db.EvidenciasIndicador.AsNoTracking()
                    .Where(e => e.ValorIndicadorId == medicion.Id).Select(e => e.Nombre).ToListAsync(ct);
                foreach (var a in archivos)
                {
                    var r = ContenidoEvidencia.Validar(a.Nombre, a.Contenido, a.Largo, opcionesEvidencia.Value.LimiteBytes);
                    var nombre = ArchivoEvidencia.NombreLibre(r.NombreSeguro, ocupados);
                    ocupados.Add(nombre);
                    db.EvidenciasIndicador.Add(new EvidenciaIndicador(medicion, nombre, r.Tipo!.Value, a.Contenido, usuario, ahora));
                }
            }
            // One SaveChanges: every value, state and file of the grid, or none.
            await db.SaveChangesAsync(ct);
        }
        catch (ReglaDominioException ex)
        {
            Errores.Add(ex.Message);
            return await RecargarAsync(entidad, codigo, ct);
        }
        Aviso = EsOficina
            ? $"Se guardaron los valores obtenidos {anio} (validados por la oficina de planeamiento)."
            : $"Se registraron los valores obtenidos {anio}; esperan la validación de la oficina de planeamiento.";
        return Redirect(Enlace());
    }

    public async Task<IActionResult> OnPostRevisarAsync(string entidad, string codigo, CancellationToken ct)
    {
        if (await PrepararAsync(entidad, codigo, ct) is { } no) return no;
        if (!PuedeRevisar) return Forbid();
        var anio = Anio!.Value;
        var indicadores = Pei.TodosLosIndicadores().ToDictionary(i => i.Codigo, StringComparer.Ordinal);
        var hechas = 0;
        foreach (var r in Revisiones.Where(r => !string.IsNullOrWhiteSpace(r.Accion)))
        {
            if (!indicadores.TryGetValue(r.Codigo, out var ind) || !Enum.IsDefined((PeriodoIndicador)r.Periodo))
            {
                Errores.Add($"Indicador {r.Codigo}: no es del PEI {Pei.Codigo}.");
                continue;
            }
            var p = (PeriodoIndicador)r.Periodo;
            try
            {
                switch (r.Accion)
                {
                    case "validar": ind.ValidarValor(anio, p); break;
                    case "observar": ind.ObservarValor(anio, p, r.Comentario); break;
                    default: Errores.Add($"Indicador {ind.Codigo}, {p.Nombre(anio)}: elija validar u observar."); continue;
                }
                hechas++;
            }
            catch (ReglaDominioException ex)
            {
                Errores.Add(ex.Message);
            }
        }
        if (Errores.Count == 0 && hechas == 0) Errores.Add("Elija validar u observar en al menos un valor.");
        if (Errores.Count > 0) return await RecargarAsync(entidad, codigo, ct);
        await db.SaveChangesAsync(ct);
        Aviso = hechas == 1 ? "Se registró la revisión de un valor." : $"Se registró la revisión de {hechas} valores.";
        return Redirect(Enlace());
    }

    /// <summary>GET …/valores?handler=Evidencia&amp;id=N: an evidence file, for whoever sees its indicator.</summary>
    public async Task<IActionResult> OnGetEvidenciaAsync(string entidad, string codigo, long? id, CancellationToken ct)
    {
        if (id is null) return NotFound();
        if (await PrepararAsync(entidad, codigo, ct) is { } no) return no;
        var e = await db.EvidenciasIndicador.AsNoTracking().Where(x => x.Id == id && x.EntidadId == _entidad.Id)
            .Select(x => new { x.ValorIndicadorId, x.Nombre, x.Tipo }).SingleOrDefaultAsync(ct);
        var ind = e is null ? null : Pei.TodosLosIndicadores().FirstOrDefault(i => i.Valores.Any(v => v.Id == e.ValorIndicadorId));
        if (e is null || ind is null) return NotFound();
        if (!Visible(ind)) return Forbid();
        var contenido = await db.EvidenciasIndicador.AsNoTracking().Where(x => x.Id == id).Select(x => x.Contenido).SingleAsync(ct);
        Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        Response.Headers[HeaderNames.CacheControl] = "private, no-store";
        return File(contenido, e.Tipo.Mime(), e.Nombre);
    }

    private bool Visible(Indicador i) => _visibles is null || (i.CentroCostoResponsableId is { } c && _visibles.Contains(c));

    private bool Editable(Indicador i) => EsOficina || (i.CentroCostoResponsableId is { } c && _propios.Contains(c));

    private async Task<IActionResult?> PrepararAsync(string entidad, string codigo, CancellationToken ct)
    {
        if (await ContextoEntidad.BuscarAsync(db, entidad, ct) is not { } e) return NotFound();
        if (await EdicionPei.CargarAsync(db, e.Id, codigo, ct) is not { } p) return NotFound();
        _entidad = e;
        CodigoEntidad = e.Codigo;
        Pei = p;
        var hoy = reloj.GetLocalNow().Year;
        Anio ??= Math.Clamp(hoy, p.Inicio, p.Fin);
        if (Anio < p.Inicio || Anio > p.Fin) return NotFound();
        EsOficina = EdicionPei.PuedeEditar(User);
        PuedeRevisar = PermisosSeguimiento.PuedeRevisar(User);
        _visibles = await User.CentrosVisiblesAsync(db, ct);
        if (User.IsInRole(Roles.Operador))
        {
            var id = User.Id();
            _propios = (await db.UsuariosCentroCosto.AsNoTracking().Where(x => x.UsuarioId == id).Select(x => x.CentroCostoId).ToListAsync(ct)).ToHashSet();
        }
        return null;
    }

    /// <summary>Shows the grid again with the errors: the typed values stay, the saved ones are read anew (nothing was saved).</summary>
    private async Task<IActionResult> RecargarAsync(string entidad, string codigo, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        if (await PrepararAsync(entidad, codigo, ct) is { } no) return no;
        return await MostrarAsync(ct);
    }

    private async Task<IActionResult> MostrarAsync(CancellationToken ct)
    {
        await ArmarVistaAsync(ct);
        return Page();
    }

    private async Task ArmarVistaAsync(CancellationToken ct)
    {
        var anio = Anio!.Value;
        var centros = await db.CentrosCosto.AsNoTracking().Where(c => c.EntidadId == _entidad.Id).ToDictionaryAsync(c => c.Id, c => c.Codigo, ct);
        var filas = Pei.Oeis.OrderBy(o => o.Prioridad)
            .SelectMany(o => o.Indicadores.Select(i => (Dueno: o.Codigo, Indicador: i))
                .Concat(o.Aeis.OrderBy(a => a.Prioridad).SelectMany(a => a.Indicadores.Select(i => (Dueno: a.Codigo, Indicador: i)))))
            .Where(x => Visible(x.Indicador))
            .ToList();
        var ids = filas.SelectMany(f => f.Indicador.Valores).Where(v => v.Anio == anio && v.Id != 0).Select(v => v.Id).ToList();
        var archivos = (await db.EvidenciasIndicador.AsNoTracking().Where(e => ids.Contains(e.ValorIndicadorId))
                .OrderBy(e => e.Id).Select(e => new { e.ValorIndicadorId, e.Id, e.Nombre, e.Tamano }).ToListAsync(ct))
            .ToLookup(e => e.ValorIndicadorId, e => new ArchivoVista(e.Id, e.Nombre, e.Tamano));
        Vista = filas.Select(f => new FilaVista(f.Indicador, f.Dueno,
            f.Indicador.CentroCostoResponsableId is { } c ? centros.GetValueOrDefault(c) : null,
            f.Indicador.LogroEsperado(anio), Editable(f.Indicador),
            Periodos.Select(p => f.Indicador.Medicion(anio, p) is { } m
                ? new CeldaVista(p, m.ValorObtenido, m.ValorObtenido is null ? null : m.Estado, m.Observacion, archivos[m.Id].ToList())
                : new CeldaVista(p, null, null, null, [])).ToList())).ToList();
    }
}
