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
    public static async Task<MesSeguimiento?> CargarAsync(SipoiDbContext db, string codigoEntidad, int anio, int mes, string? codigoCentro,
        CancellationToken ct)
    {
        if (mes is < 1 or > 12 || anio is < 2000 or > 2100 || string.IsNullOrWhiteSpace(codigoCentro)) return null;
        // Entity, POI with its versions and centre in one round trip (each was a query of its own: docs/benchmarks.md, «Carga»).
        var cabeza = await db.Pois.AsNoTracking().Include(p => p.Versiones)
            .Where(p => p.Anio == anio && db.Entidades.Any(e => e.Id == p.EntidadId && e.Codigo == codigoEntidad))
            .Select(p => new
            {
                Poi = p,
                Entidad = db.Entidades.First(e => e.Id == p.EntidadId),
                Centro = db.CentrosCosto.FirstOrDefault(c => c.EntidadId == p.EntidadId && c.Codigo == codigoCentro),
            })
            .SingleOrDefaultAsync(ct);
        if (cabeza?.Poi.VersionVigente is not { } version || cabeza.Centro is not { } centro) return null;
        var (entidad, poi) = (cabeza.Entidad, cabeza.Poi);

        var programaciones = await db.Programaciones.AsNoTracking().Include(p => p.Metas)
            .Where(p => p.PoiVersionId == version.Id && db.Actividades.Any(a => a.Id == p.ActividadId && a.CentroCostoId == centro.Id))
            .ToDictionaryAsync(p => p.ActividadId, ct);
        // The activities tracked (a save changes them) with their months, and each one's ficha code in the same query.
        var actividades = await db.Actividades.Include(a => a.Avances)
            .Where(a => a.PoiId == poi.Id && a.CentroCostoId == centro.Id)
            .Select(a => new { Actividad = a, FichaCodigo = db.Fichas.Where(f => f.Id == a.FichaId).Select(f => f.Codigo).FirstOrDefault() })
            .ToListAsync(ct);
        var filas = actividades
            .Where(x => programaciones.ContainsKey(x.Actividad.Id))
            .Select(x => new FilaMes(x.Actividad, programaciones[x.Actividad.Id], x.FichaCodigo,
                x.Actividad.AvanceDe(mes) is { } av ? db.Entry(av).Property<uint>(SipoiDbContext.ColumnaVersion).CurrentValue : 0))
            // The POI matrix's order: ficha, number, code.
            .OrderBy(f => f.FichaCodigo, StringComparer.Ordinal).ThenBy(f => f.Actividad.Numero, StringComparer.Ordinal)
            .ThenBy(f => f.Actividad.Codigo, StringComparer.Ordinal)
            .ToList();

        // The month row and (a quarter's last month) the centre's period summary, tracked, in one round trip; each at most one
        // row (unique indexes).
        var trimestre = ResumenPeriodo.PeriodoQueCierra(mes)?.Codigo;
        var estado = await db.Pois.Where(p => p.Id == poi.Id)
            .Select(p => new
            {
                Seguimiento = db.Seguimientos.FirstOrDefault(s => s.PoiId == p.Id && s.CentroCostoId == centro.Id && s.Mes == mes),
                Resumen = trimestre == null ? null
                    : db.ResumenesPeriodo.FirstOrDefault(r => r.PoiId == p.Id && r.CentroCostoId == centro.Id && r.PeriodoCodigo == trimestre),
            })
            .SingleAsync(ct);
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
            Version = seguimiento is null ? 0 : db.Entry(seguimiento).Property<uint>(SipoiDbContext.ColumnaVersion).CurrentValue,
            Filas = filas,
            Resumen = resumen,
        };
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
