using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sipoi.Web.Data;
using Sipoi.Web.Seguimiento;

namespace Sipoi.Web.Pages.Seguimiento;

/// <summary>
/// The monthly grid of one cost centre (/e/{entidad}/seguimiento/{año}/{mes}?centro=CÓDIGO): the
/// operator registers every activity's month and submits it; the planning office approves, observes
/// or reopens. A plain form (grilla.js only adds keyboard and paste help). Every handler checks who
/// may do it on the server; every rule is the domain's (through RegistroSeguimiento).
/// </summary>
public sealed class MesModel(SipoiDbContext db, TimeProvider reloj, IOptions<OpcionesEvidencia> opcionesEvidencia) : PageModel
{
    /// <summary>One row of the form, as typed. Version is the row's version when the page was read (0: no row).</summary>
    public sealed class FilaEntrada
    {
        public string Codigo { get; set; } = "";
        public string? Fisico { get; set; }
        public string? Financiero { get; set; }
        public string? Logros { get; set; }
        public string? Dificultades { get; set; }
        public string? Medidas { get; set; }
        public uint Version { get; set; }
    }

    /// <summary>What a row shows: the activity, its figures (saved values) and the values in the inputs.</summary>
    public sealed record FilaVista(FilaMes Fila, CifrasMes Cifras, FilaEntrada Entrada, MotivoJustificacion Justificacion, string? Explicacion,
        IReadOnlyList<ArchivoVista> Archivos);

    public sealed record ArchivoVista(long Id, string Nombre, string Tipo, long Tamano, string SubidoPor, DateTimeOffset SubidoEn);

    [BindProperty] public List<FilaEntrada> Filas { get; set; } = [];
    [BindProperty] public uint Version { get; set; }
    [BindProperty] public string? Observacion { get; set; }
    /// <summary>The period summary of a quarter's last month (March, June, September, December); null on other months.</summary>
    [BindProperty] public string? TextoResumen { get; set; }
    [BindProperty] public string? Motivo { get; set; }
    /// <summary>The second post of «Reabrir», from the confirmation summary (<see cref="PorReabrir"/>).</summary>
    [BindProperty] public bool Confirmar { get; set; }
    /// <summary>«Reabrir» pressed, every rule checked, not yet confirmed: the month's state before reopening (the page shows what will happen).</summary>
    public EstadoSeguimiento? PorReabrir { get; private set; }
    [BindProperty, System.ComponentModel.DataAnnotations.Display(Name = "Nuevo plazo")] public DateOnly? NuevoPlazo { get; set; }
    /// <summary>The activity whose "Adjuntar…" button was pressed (the grid's values are saved first, then the evidence page opens).</summary>
    [BindProperty] public string? Actividad { get; set; }
    /// <summary>
    /// ?todas=true: every activity of the centre; by default only those with a target or something registered in the month
    /// (<see cref="Relevante"/>). The hidden rows are not in the form, so a save never touches them.
    /// </summary>
    [BindProperty(SupportsGet = true, Name = "todas")] public bool Todas { get; set; }

    [TempData] public string? Aviso { get; set; }
    /// <summary>An evidence upload's refusal, set by the evidence page before it redirects here.</summary>
    [TempData] public string? ErrorEvidencia { get; set; }

    public MesSeguimiento M { get; private set; } = null!;
    public DateOnly Hoy { get; private set; }
    public bool PuedeRegistrar { get; private set; }
    public bool PuedeRevisar { get; private set; }
    /// <summary>The user heads the parent centre and the entity asks for the head's validation (JefaturaCentro).</summary>
    public bool EsJefatura { get; private set; }
    public bool Trimestral => M.Configuracion.Ritmo == RitmoReporte.Trimestral;
    public string? MotivoNoEditable { get; private set; }
    public bool Editable => PuedeRegistrar && MotivoNoEditable is null;
    public List<FilaVista> Vista { get; private set; } = [];
    /// <summary>How many activities the centre has in the month (shown or not).</summary>
    public int TotalActividades { get; private set; }
    /// <summary>How many activities the default view leaves out (0 with ?todas=true).</summary>
    public int Ocultas { get; private set; }
    /// <summary>How many activities the default view shows (the switch back names it).</summary>
    public int ConMetaOValor { get; private set; }
    public ResultadoSeguimiento? Resultado { get; private set; }
    public EsquemaBandas Bandas { get; private set; } = EsquemaBandas.Nacional;
    public OpcionesEvidencia Evidencia => opcionesEvidencia.Value;
    /// <summary>The centres the user may open (the chooser when the URL names none).</summary>
    public List<(string Codigo, string Nombre)> Centros { get; private set; } = [];
    public string CodigoEntidad { get; private set; } = "";
    public int Anio { get; private set; }
    public int NumeroMes { get; private set; }

    /// <summary>Problems of one cell ("AO-01|EjecutadoFisico"), from the last save or submission.</summary>
    public IReadOnlyList<string> ErroresDe(string codigo, string campo) =>
        Resultado?.Problemas.Where(p => p.CodigoActividad == codigo && p.Campo == campo).Select(p => p.Mensaje).ToList() ?? [];

    public string Enlace(string? handler = null) => Enlace(handler, Todas);

    /// <summary>The grid's URL with or without every activity (the filter's switch).</summary>
    public string Enlace(string? handler, bool todas) =>
        Url.Pagina("/Seguimiento/Mes", handler, new { entidad = CodigoEntidad, anio = Anio, mes = NumeroMes, centro = M.Centro.Codigo, todas = todas ? "true" : null });

    public string UrlEvidencia(string? handler, string? actividad = null) =>
        Url.Pagina("/Seguimiento/Evidencia", handler,
            new { entidad = CodigoEntidad, anio = Anio, mes = NumeroMes, centro = M.Centro.Codigo, actividad, todas = Todas ? "true" : null });

    public async Task<IActionResult> OnGetAsync(string entidad, int anio, int mes, string? centro, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(centro)) return await ElegirCentroAsync(entidad, anio, mes, ct);
        if (await PrepararAsync(entidad, anio, mes, centro, ct, soloLectura: true) is { } no) return no;
        Filas = M.Filas.Select(f => Entrada(f, M.Mes)).ToList();
        Version = M.Version;
        TextoResumen = M.Resumen?.Texto;
        await ArmarVistaAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostGuardarAsync(string entidad, int anio, int mes, string? centro, CancellationToken ct) =>
        await RegistrarAsync(entidad, anio, mes, centro, enviar: false, ct);

    public async Task<IActionResult> OnPostEnviarAsync(string entidad, int anio, int mes, string? centro, CancellationToken ct) =>
        await RegistrarAsync(entidad, anio, mes, centro, enviar: true, ct);

    /// <summary>
    /// "Adjuntar…" of a row: the grid's values are saved as a draft through the same all-or-nothing save as Guardar, then the
    /// evidence page of the activity opens. When the values cannot be saved the grid comes back with them and the problems, as
    /// Guardar does: nothing typed is lost either way.
    /// </summary>
    public async Task<IActionResult> OnPostAdjuntarAsync(string entidad, int anio, int mes, string? centro, CancellationToken ct) =>
        await RegistrarAsync(entidad, anio, mes, centro, enviar: false, ct, adjuntar: true);

    public Task<IActionResult> OnPostAprobarAsync(string entidad, int anio, int mes, string? centro, CancellationToken ct) =>
        RevisarAsync(entidad, anio, mes, centro, AccionRevision.Aprobar, null, null, ct);

    public Task<IActionResult> OnPostObservarAsync(string entidad, int anio, int mes, string? centro, CancellationToken ct) =>
        RevisarAsync(entidad, anio, mes, centro, AccionRevision.Observar, Observacion, NuevoPlazo, ct);

    public Task<IActionResult> OnPostValidarAsync(string entidad, int anio, int mes, string? centro, CancellationToken ct) =>
        RevisarAsync(entidad, anio, mes, centro, AccionRevision.Validar, null, null, ct);

    public Task<IActionResult> OnPostObservarJefaturaAsync(string entidad, int anio, int mes, string? centro, CancellationToken ct) =>
        RevisarAsync(entidad, anio, mes, centro, AccionRevision.ObservarJefatura, Observacion, null, ct);

    public Task<IActionResult> OnPostReabrirAsync(string entidad, int anio, int mes, string? centro, CancellationToken ct) =>
        RevisarAsync(entidad, anio, mes, centro, AccionRevision.Reabrir, Motivo, NuevoPlazo, ct);

    private async Task<IActionResult> RegistrarAsync(string entidad, int anio, int mes, string? centro, bool enviar, CancellationToken ct,
        bool adjuntar = false)
    {
        if (await PrepararAsync(entidad, anio, mes, centro, ct) is { } no) return no;
        if (!PuedeRegistrar) return Forbid();
        if (adjuntar && !M.Filas.Any(f => f.Actividad.Codigo == Actividad)) return NotFound();
        enviadas = Filas.Select(f => f.Codigo).ToHashSet(StringComparer.Ordinal);
        var entradas = Filas.Select(f => new EntradaAvance(f.Codigo, f.Fisico, f.Financiero, f.Logros, f.Dificultades, f.Medidas, f.Version)).ToList();
        var resumen = ResumenPeriodo.PeriodoQueCierra(M.Mes) is null ? null : TextoResumen ?? "";
        var r = await RegistroSeguimiento.GuardarAsync(db, M, Version, entradas, enviar, PermisosSeguimiento.Usuario(User), reloj.GetUtcNow(), ct, resumen);
        if (r.Exito && adjuntar)
        {
            // "No había valores nuevos que guardar" says nothing useful on the evidence page: only a real save is reported.
            if (!r.Mensaje.StartsWith("No había", StringComparison.Ordinal)) Aviso = $"{r.Mensaje} Adjunte ahora la evidencia.";
            return Redirect(UrlEvidencia(null, Actividad));
        }
        if (r.Exito)
        {
            Aviso = r.Mensaje;
            return Redirect(Enlace());
        }
        if (r.Tipo == TipoResultado.NoEnviado)
        {
            // The values were saved as a draft: show the month as it is now, with the submission's problems.
            db.ChangeTracker.Clear();
            if (await PrepararAsync(entidad, anio, mes, centro, ct) is { } no2) return no2;
            Filas = M.Filas.Select(f => Entrada(f, M.Mes)).ToList();
            Version = M.Version;
            TextoResumen = M.Resumen?.Texto;
        }
        else if (r.Tipo == TipoResultado.Conflicto && r.Conflicto is { } c)
        {
            // The typed values stay; the versions move to the current ones, so saving again is a deliberate choice.
            Version = c.VersionActual;
            foreach (var f in Filas)
                f.Version = c.Cambios.FirstOrDefault(x => x.Codigo == f.Codigo)?.Version ?? f.Version;
            db.ChangeTracker.Clear();
            if (await PrepararAsync(entidad, anio, mes, centro, ct) is { } no3) return no3;
        }
        Resultado = r;
        await ArmarVistaAsync(ct);
        return Page();
    }

    private async Task<IActionResult> RevisarAsync(string entidad, int anio, int mes, string? centro, AccionRevision accion, string? texto,
        DateOnly? plazo, CancellationToken ct)
    {
        if (await PrepararAsync(entidad, anio, mes, centro, ct) is { } no) return no;
        if (accion is AccionRevision.Validar or AccionRevision.ObservarJefatura ? !EsJefatura : !PuedeRevisar) return Forbid();
        // Reopening is confirmed first: the first post checks every rule, changes nothing and shows what will happen.
        var verificar = accion == AccionRevision.Reabrir && !Confirmar;
        var estadoAntes = M.Seguimiento.Estado;
        // A wrong date ("31/02/2026") leaves the plazo empty: refuse with its message rather than act without it.
        var r = ModelState.IsValid
            ? await RegistroSeguimiento.RevisarAsync(db, M, accion, texto, plazo, Version, PermisosSeguimiento.Usuario(User), reloj.GetUtcNow(), ct,
                soloVerificar: verificar)
            : new ResultadoSeguimiento(TipoResultado.Rechazado, string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage)), []);
        if (r.Exito && verificar)
        {
            db.ChangeTracker.Clear();
            if (await PrepararAsync(entidad, anio, mes, centro, ct) is { } no1) return no1;
            Filas = M.Filas.Select(f => Entrada(f, M.Mes)).ToList();
            Version = M.Version;
            PorReabrir = estadoAntes;
            await ArmarVistaAsync(ct);
            return Page();
        }
        if (r.Exito)
        {
            Aviso = r.Mensaje;
            return Redirect(Enlace());
        }
        db.ChangeTracker.Clear();
        if (await PrepararAsync(entidad, anio, mes, centro, ct) is { } no2) return no2;
        Filas = M.Filas.Select(f => Entrada(f, M.Mes)).ToList();
        Version = M.Version;
        Resultado = r;
        await ArmarVistaAsync(ct);
        return Page();
    }

    /// <summary>Loads the month and the user's rights; 404 when it does not exist, 403 when the user may not see the centre.</summary>
    /// <param name="soloLectura">The GET: nothing of the month is saved, so it is read without tracking (MesSeguimiento.CargarAsync).</param>
    private async Task<IActionResult?> PrepararAsync(string entidad, int anio, int mes, string? centro, CancellationToken ct, bool soloLectura = false)
    {
        CodigoEntidad = entidad;
        Anio = anio;
        NumeroMes = mes;
        if (await MesSeguimiento.CargarAsync(db, entidad, anio, mes, centro, ct, soloLectura) is not { } m) return NotFound();
        // The head of the parent centre reads the months it validates even when its own role shows it other centres only.
        EsJefatura = m.Configuracion.ValidacionJefatura && await PermisosSeguimiento.EsJefaturaAsync(User, db, m.Centro, ct);
        if (!EsJefatura && !await PermisosSeguimiento.PuedeVerAsync(User, db, m.Centro.Id, ct)) return Forbid();
        M = m;
        Hoy = Plazos.Hoy(reloj.GetUtcNow());
        PuedeRegistrar = await PermisosSeguimiento.PuedeRegistrarAsync(User, db, m.Centro.Id, ct);
        PuedeRevisar = PermisosSeguimiento.PuedeRevisar(User);
        MotivoNoEditable = m.MotivoNoEditable(Hoy);
        Bandas = ConfiguracionEvaluacion.Desde(m.Configuracion).Bandas;
        return null;
    }

    /// <summary>The rows a POST carried (null on a GET): after a refused save the same rows come back, shown or not.</summary>
    private HashSet<string>? enviadas;

    /// <summary>
    /// Whether the default view shows the row: a physical or financial target in the month, something registered in it (a
    /// value or a text), an evidence file, or a problem named by the last save. What it hides has nothing to type against.
    /// </summary>
    public static bool Relevante(FilaMes f, int mes, bool conArchivos)
    {
        var d = f.DelMes(mes);
        var r = d.Avance;
        return d.TieneMeta || d.MetaFinancieraMes > 0 || conArchivos
               || r.Fisico is not null || r.Financiero is not null || r.Logros is not null || r.Dificultades is not null || r.MedidasCorrectivas is not null;
    }

    private async Task ArmarVistaAsync(CancellationToken ct)
    {
        var ids = M.Filas.Select(f => f.Actividad.Id).ToList();
        var archivos = (await db.Evidencias.AsNoTracking()
                .Where(e => ids.Contains(e.ActividadId) && e.Mes == M.Mes)
                .OrderBy(e => e.SubidoEn).ThenBy(e => e.Id)
                .Select(e => new { e.ActividadId, Vista = new ArchivoVista(e.Id, e.Nombre, e.Tipo.ToString(), e.Tamano, e.SubidoPor, e.SubidoEn) })
                .ToListAsync(ct))
            .ToLookup(x => x.ActividadId, x => x.Vista);
        var entradas = Filas.ToDictionary(f => f.Codigo, StringComparer.Ordinal);
        Vista = M.Filas.Select(f =>
        {
            var entrada = entradas.GetValueOrDefault(f.Actividad.Codigo) ?? Entrada(f, M.Mes);
            // Whether texts are required is judged on the value in the input when it is a number, else on the saved one.
            var (tecleado, problema) = ValidacionAvance.Leer(entrada.Fisico, f.Actividad.Codigo, M.MesDelAnio, CampoAvance.EjecutadoFisico);
            var fisico = problema is null ? tecleado : f.Registrado(M.Mes).Fisico;
            var meta = f.DelMes(M.Mes).MetaMes;
            var motivo = Justificacion.Motivo(meta, fisico, M.Configuracion);
            var explicacion = motivo == MotivoJustificacion.NoRequerida ? null : Justificacion.Explicacion(meta, fisico, M.Configuracion);
            return new FilaVista(f, f.Cifras(M.Mes), entrada, motivo, explicacion, archivos[f.Actividad.Id].ToList());
        }).ToList();
        TotalActividades = Vista.Count;
        var conProblema = Resultado?.Problemas.Select(p => p.CodigoActividad).ToHashSet(StringComparer.Ordinal) ?? [];
        var visibles = Vista.Where(v => Relevante(v.Fila, M.Mes, v.Archivos.Count > 0) || conProblema.Contains(v.Fila.Actividad.Codigo)
                                        || enviadas?.Contains(v.Fila.Actividad.Codigo) == true).ToList();
        ConMetaOValor = visibles.Count;
        if (!Todas)
        {
            Ocultas = Vista.Count - visibles.Count;
            Vista = visibles;
        }
    }

    private async Task<IActionResult> ElegirCentroAsync(string entidad, int anio, int mes, CancellationToken ct)
    {
        CodigoEntidad = entidad;
        Anio = anio;
        NumeroMes = mes;
        var e = await db.Entidades.AsNoTracking().SingleOrDefaultAsync(x => x.Codigo == entidad, ct);
        if (e is null || mes is < 1 or > 12) return NotFound();
        var visibles = await Seguridad.UsuarioActual.CentrosVisiblesAsync(User, db, ct);
        var poiId = await db.Pois.Where(p => p.EntidadId == e.Id && p.Anio == anio).Select(p => (int?)p.Id).SingleOrDefaultAsync(ct);
        if (poiId is null) return NotFound();
        var centros = await db.CentrosCosto.AsNoTracking()
            .Where(c => c.EntidadId == e.Id && db.Actividades.Any(a => a.PoiId == poiId && a.CentroCostoId == c.Id))
            .Select(c => new { c.Id, c.Codigo, c.Nombre }).ToListAsync(ct);
        var propios = centros.Where(c => visibles is null || visibles.Contains(c.Id)).OrderBy(c => c.Codigo, StringComparer.Ordinal).ToList();
        if (propios.Count == 1) return RedirectToPage("/Seguimiento/Mes", new { entidad, anio, mes, centro = propios[0].Codigo });
        Centros = propios.Select(c => (c.Codigo, c.Nombre)).ToList();
        return Page();
    }

    private static FilaEntrada Entrada(FilaMes f, int mes)
    {
        var d = f.Registrado(mes);
        return new FilaEntrada
        {
            Codigo = f.Actividad.Codigo,
            Fisico = Numero(d.Fisico),
            Financiero = Numero(d.Financiero),
            Logros = d.Logros,
            Dificultades = d.Dificultades,
            Medidas = d.MedidasCorrectivas,
            Version = f.VersionAvance,
        };
    }

    /// <summary>A stored value as the input shows it: no grouping (so it reads back unchanged), no trailing zeros.</summary>
    public static string? Numero(decimal? v) => v?.ToString("0.####", CultureInfo.InvariantCulture);
}
