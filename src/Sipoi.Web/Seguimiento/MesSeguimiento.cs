using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Data;

namespace Sipoi.Web.Seguimiento;

/// <summary>
/// One cost centre's month as the grid and the API work on it: the entity's settings, the workflow
/// row (a transient Pendiente one when the month was never touched, so the domain answers every
/// question the same way), and the centre's activities in the POI version in force with their
/// programming and registered months. Loaded tracked: the same object is what a save changes.
/// </summary>
public sealed class MesSeguimiento
{
    public required Entidad Entidad { get; init; }
    public required int PoiId { get; init; }
    public required int Anio { get; init; }
    public required int Mes { get; init; }
    public required CentroCosto Centro { get; init; }
    public required SeguimientoMensual Seguimiento { get; init; }
    /// <summary>False while no row exists yet (nothing was ever saved for the month); true after a save wrote it.</summary>
    public required bool Existe { get; set; }
    /// <summary>
    /// The month row's xmin when read, or the new one after a save wrote the row (RegistroSeguimiento); 0 when there is no row.
    /// The grid and the API send it back.
    /// </summary>
    public required uint Version { get; set; }
    public required IReadOnlyList<FilaMes> Filas { get; init; }
    /// <summary>The centre's period summary when the month closes a quarter and one was written (tracked).</summary>
    public ResumenPeriodo? Resumen { get; set; }
    /// <summary>
    /// Read without tracking (<c>soloLectura</c>): nothing of it is in the change tracker. A save of values attaches only the
    /// rows it changes (RegistroSeguimiento.GuardarAsync); every other operation needs a tracked month.
    /// </summary>
    public bool SoloLectura { get; init; }

    public ConfiguracionEntidad Configuracion => Entidad.Configuracion;
    public MesDelAnio MesDelAnio => new(Anio, Mes);
    public DateOnly Plazo => Seguimiento.PlazoVigente(Configuracion);
    public string? MotivoNoEditable(DateOnly hoy) => Seguimiento.MotivoNoEditable(Configuracion, hoy);
    public EstadoTablero EstadoTablero(DateOnly hoy) => TableroEntregas.Estado(MesDelAnio, Existe ? Seguimiento : null, Configuracion, hoy);

    /// <summary>Every activity as monitoring judges it, with what is registered now.</summary>
    public IReadOnlyList<ActividadDelMes> Actividades() => Filas.Select(f => f.DelMes(Mes)).ToList();

    /// <summary>
    /// Reads the month of the cost centre <paramref name="codigoCentro"/>; null when the entity, its
    /// POI of the year or the centre does not exist, or the month is out of range (the caller answers 404).
    /// </summary>
    /// <remarks>
    /// The hottest read of the app (every grid page, API read and save; docs/benchmarks.md, «Carga»): compiled queries (no
    /// expression tree built and looked up per call), and the activities' months and the programming's targets read as flat
    /// rows of their own instead of collection Includes (EF's Include shaper created delegates for every joined row: 12 % of
    /// a read's CPU). The tracked months attach to their tracked activities by EF's fix-up. An approved version's programming
    /// and targets are read once per node (<see cref="ProgramacionDelCentro"/>).
    /// </remarks>
    /// <param name="soloLectura">
    /// Read without tracking — the change tracker was a tenth of a read's CPU — with the row versions read alongside: GETs, and
    /// the save of values, which attaches only the rows it changes (<see cref="SoloLectura"/>).
    /// </param>
    public static async Task<MesSeguimiento?> CargarAsync(SipoiDbContext db, string codigoEntidad, int anio, int mes, string? codigoCentro,
        CancellationToken ct, bool soloLectura = false)
    {
        if (mes is < 1 or > 12 || anio is < 2000 or > 2100 || string.IsNullOrWhiteSpace(codigoCentro)) return null;
        // Entity, POI with its versions and centre in one round trip (each was a query of its own: docs/benchmarks.md, «Carga»).
        var cabeza = await Consultas.Cabeza.Para(db)(db, codigoEntidad, anio, codigoCentro, ct);
        if (cabeza?.Poi.VersionVigente is not { } version || cabeza.Centro is not { } centro) return null;
        var (entidad, poi) = (cabeza.Entidad, cabeza.Poi);

        // The programming of the version in force: read once per node when the version is approved (it never changes then).
        var programaciones = await ProgramacionDelCentro.LeerAsync(db, version,
            cabeza.Aprobada is { } aprobada && aprobada.Id == version.Id ? aprobada.Sello : null, centro.Id, ct);

        // The activities, each with its ficha code, then their months by the activities' ids. Tracked (a save changes them: EF
        // attaches each month to its activity), or read-only with each month's row version read with it.
        var actividades = new List<ActividadConFicha>();
        await foreach (var x in (soloLectura ? Consultas.ActividadesSinSeguimiento : Consultas.Actividades).Para(db)(db, poi.Id, centro.Id)
                           .WithCancellation(ct))
            actividades.Add(x);
        var ids = actividades.Select(x => x.Actividad.Id).ToList();
        // Each month's row version comes with it (not asked of the change tracker afterwards, one entry at a time).
        var versiones = new Dictionary<AvanceMensual, uint>(ReferenceEqualityComparer.Instance);
        if (soloLectura)
        {
            var delId = actividades.ToDictionary(x => x.Actividad.Id, x => x.Actividad);
            await foreach (var v in Consultas.AvancesSinSeguimiento.Para(db)(db, ids).WithCancellation(ct))
            {
                delId[v.Avance.ActividadId].Avances.Add(v.Avance);
                versiones[v.Avance] = v.Version;
            }
        }
        else
            await foreach (var v in Consultas.Avances.Para(db)(db, ids).WithCancellation(ct)) versiones[v.Avance] = v.Version;
        var filas = actividades
            .Where(x => programaciones.ContainsKey(x.Actividad.Id))
            .Select(x => new FilaMes(x.Actividad, programaciones[x.Actividad.Id], x.FichaCodigo,
                x.Actividad.AvanceDe(mes) is { } av ? versiones[av] : 0))
            // The POI matrix's order: ficha, number, code.
            .OrderBy(f => f.FichaCodigo, StringComparer.Ordinal).ThenBy(f => f.Actividad.Numero, StringComparer.Ordinal)
            .ThenBy(f => f.Actividad.Codigo, StringComparer.Ordinal)
            .ToList();

        // The month row (with its version) and (a quarter's last month) the centre's period summary, in one round trip; each at
        // most one row (unique indexes). Tracked unless read-only.
        var estado = await (soloLectura ? Consultas.EstadoSinSeguimiento : Consultas.Estado).Para(db)(db, poi.Id, centro.Id, mes,
            ResumenPeriodo.PeriodoQueCierra(mes)?.Codigo, ct);
        var (seguimiento, resumen) = (estado.Seguimiento, estado.Resumen);
        return new MesSeguimiento
        {
            Entidad = entidad,
            PoiId = poi.Id,
            Anio = anio,
            Mes = mes,
            Centro = centro,
            Seguimiento = seguimiento ?? new SeguimientoMensual(entidad.Id, poi.Id, anio, centro.Id, mes),
            Existe = seguimiento is not null,
            Version = seguimiento is null ? 0 : estado.Version ?? 0,
            Filas = filas,
            Resumen = resumen,
            SoloLectura = soloLectura,
        };
    }

    private sealed record CabezaMes(Poi Poi, Entidad Entidad, CentroCosto? Centro, SelloVersion? Aprobada);
    /// <summary>The latest approved version's id and row version (xmin), the key of its programming kept in memory.</summary>
    private sealed record SelloVersion(int Id, uint Sello);
    private sealed record ActividadConFicha(ActividadOperativa Actividad, string? FichaCodigo);
    private sealed record AvanceConVersion(AvanceMensual Avance, uint Version);
    private sealed record EstadoMes(SeguimientoMensual? Seguimiento, uint? Version, ResumenPeriodo? Resumen);

    /// <summary>The month's queries, compiled once (EF.CompileAsyncQuery): same SQL as the LINQ they are written in.</summary>
    private static class Consultas
    {
        public static readonly ConsultaCompilada<Func<SipoiDbContext, string, int, string, CancellationToken, Task<CabezaMes?>>> Cabeza = new(() =>
            EF.CompileAsyncQuery((SipoiDbContext db, string entidad, int anio, string centro, CancellationToken ct) =>
                db.Pois.AsNoTracking().Include(p => p.Versiones)
                    .Where(p => p.Anio == anio && db.Entidades.Any(e => e.Id == p.EntidadId && e.Codigo == entidad))
                    .Select(p => new CabezaMes(p, db.Entidades.First(e => e.Id == p.EntidadId),
                        db.CentrosCosto.FirstOrDefault(c => c.EntidadId == p.EntidadId && c.Codigo == centro),
                        db.PoiVersiones.Where(v => v.PoiId == p.Id && v.Estado == EstadoVersionPoi.Aprobada).OrderByDescending(v => v.Numero)
                            .Select(v => new SelloVersion(v.Id, EF.Property<uint>(v, SipoiDbContext.ColumnaVersion))).FirstOrDefault()))
                    .SingleOrDefault()));

        // Each of the following in two forms, tracked (a save changes them) and not (GETs, the save of values): the same query,
        // the tracking given to AsTracking as a constant of the compilation.
        public static readonly ConsultaCompilada<Func<SipoiDbContext, int, int, IAsyncEnumerable<ActividadConFicha>>> Actividades =
            ActividadesDelCentro(QueryTrackingBehavior.TrackAll);
        public static readonly ConsultaCompilada<Func<SipoiDbContext, int, int, IAsyncEnumerable<ActividadConFicha>>> ActividadesSinSeguimiento =
            ActividadesDelCentro(QueryTrackingBehavior.NoTracking);
        public static readonly ConsultaCompilada<Func<SipoiDbContext, List<int>, IAsyncEnumerable<AvanceConVersion>>> Avances =
            AvancesDe(QueryTrackingBehavior.TrackAll);
        public static readonly ConsultaCompilada<Func<SipoiDbContext, List<int>, IAsyncEnumerable<AvanceConVersion>>> AvancesSinSeguimiento =
            AvancesDe(QueryTrackingBehavior.NoTracking);
        public static readonly ConsultaCompilada<Func<SipoiDbContext, int, int, int, string?, CancellationToken, Task<EstadoMes>>> Estado =
            EstadoDelMes(QueryTrackingBehavior.TrackAll);
        public static readonly ConsultaCompilada<Func<SipoiDbContext, int, int, int, string?, CancellationToken, Task<EstadoMes>>> EstadoSinSeguimiento =
            EstadoDelMes(QueryTrackingBehavior.NoTracking);

        private static ConsultaCompilada<Func<SipoiDbContext, int, int, IAsyncEnumerable<ActividadConFicha>>> ActividadesDelCentro(
            QueryTrackingBehavior seguimiento) => new(() =>
            EF.CompileAsyncQuery((SipoiDbContext db, int poi, int centro) =>
                db.Actividades.AsTracking(seguimiento).Where(a => a.PoiId == poi && a.CentroCostoId == centro)
                    .Select(a => new ActividadConFicha(a, db.Fichas.Where(f => f.Id == a.FichaId).Select(f => f.Codigo).FirstOrDefault()))));

        private static ConsultaCompilada<Func<SipoiDbContext, List<int>, IAsyncEnumerable<AvanceConVersion>>> AvancesDe(QueryTrackingBehavior seguimiento) =>
            new(() => EF.CompileAsyncQuery((SipoiDbContext db, List<int> actividades) =>
                db.Avances.AsTracking(seguimiento).Where(v => actividades.Contains(v.ActividadId))
                    .Select(v => new AvanceConVersion(v, EF.Property<uint>(v, SipoiDbContext.ColumnaVersion)))));

        private static ConsultaCompilada<Func<SipoiDbContext, int, int, int, string?, CancellationToken, Task<EstadoMes>>> EstadoDelMes(
            QueryTrackingBehavior seguimiento) => new(() =>
            EF.CompileAsyncQuery((SipoiDbContext db, int poi, int centro, int mes, string? trimestre, CancellationToken ct) =>
                db.Pois.AsTracking(seguimiento).Where(p => p.Id == poi)
                    .Select(p => new EstadoMes(
                        db.Seguimientos.FirstOrDefault(s => s.PoiId == p.Id && s.CentroCostoId == centro && s.Mes == mes),
                        db.Seguimientos.Where(s => s.PoiId == p.Id && s.CentroCostoId == centro && s.Mes == mes)
                            .Select(s => (uint?)EF.Property<uint>(s, SipoiDbContext.ColumnaVersion)).FirstOrDefault(),
                        trimestre == null ? null
                            : db.ResumenesPeriodo.FirstOrDefault(r => r.PoiId == p.Id && r.CentroCostoId == centro && r.PeriodoCodigo == trimestre)))
                    .Single()));
    }
}

/// <summary>One activity of the month: what it is, what the version in force programs, and its row version.</summary>
public sealed class FilaMes(ActividadOperativa actividad, ProgramacionActividad programacion, string? fichaCodigo, uint versionAvance)
{
    public ActividadOperativa Actividad { get; } = actividad;
    public ProgramacionActividad Programacion { get; } = programacion;
    public string? FichaCodigo { get; } = fichaCodigo;
    /// <summary>The avance_mensual row's xmin when read; 0 when the month has no row for the activity.</summary>
    public uint VersionAvance { get; } = versionAvance;

    public ActividadDelMes DelMes(int mes, DatosAvance? datos = null) => ActividadDelMes.De(Actividad, Programacion, mes, datos);

    public DatosAvance Registrado(int mes) => Actividad.AvanceDe(mes) is { } a
        ? new DatosAvance(a.EjecutadoFisico, a.EjecutadoFinanciero, a.Logros, a.Dificultades, a.MedidasCorrectivas).Normalizado()
        : DatosAvance.Vacio;

    /// <summary>The month's figures with the engine's formulas: the month itself and the accumulated to it.</summary>
    public CifrasMes Cifras(int mes)
    {
        var programado = Programacion.ProgramadoFisico();
        var ejecutado = Actividad.EjecutadoFisico();
        var comportamiento = Programacion.Comportamiento;
        return new CifrasMes(
            Ejecucion.Evaluar(comportamiento, programado, ejecutado, Periodo.Mes(mes)),
            Ejecucion.Evaluar(comportamiento, programado, ejecutado, Periodo.AcumuladoAl(mes)),
            Programacion.ProgramadoFinanciero()[mes - 1]);
    }
}

/// <summary>An activity's execution in the month and accumulated to it (programmed, executed, E, Ea, state), plus the month's soles.</summary>
public sealed record CifrasMes(EjecucionPeriodo DelMes, EjecucionPeriodo Acumulado, decimal MetaFinancieraMes);
