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
    /// <summary>False while no row exists yet (nothing was ever saved for the month).</summary>
    public required bool Existe { get; init; }
    /// <summary>The month row's xmin when read; 0 when there is no row. The grid and the API send it back.</summary>
    public required uint Version { get; init; }
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
        var entidad = await db.Entidades.AsNoTracking().SingleOrDefaultAsync(e => e.Codigo == codigoEntidad, ct);
        if (entidad is null) return null;
        var poi = await db.Pois.AsNoTracking().Include(p => p.Versiones).SingleOrDefaultAsync(p => p.EntidadId == entidad.Id && p.Anio == anio, ct);
        if (poi?.VersionVigente is not { } version) return null;
        var centro = await db.CentrosCosto.AsNoTracking().SingleOrDefaultAsync(c => c.EntidadId == entidad.Id && c.Codigo == codigoCentro, ct);
        if (centro is null) return null;

        var programaciones = await db.Programaciones.AsNoTracking().Include(p => p.Metas)
            .Where(p => p.PoiVersionId == version.Id && db.Actividades.Any(a => a.Id == p.ActividadId && a.CentroCostoId == centro.Id))
            .ToDictionaryAsync(p => p.ActividadId, ct);
        var actividades = await db.Actividades.Include(a => a.Avances)
            .Where(a => a.PoiId == poi.Id && a.CentroCostoId == centro.Id)
            .ToListAsync(ct);
        var fichas = await db.Fichas.AsNoTracking().Where(f => f.EntidadId == entidad.Id).ToDictionaryAsync(f => f.Id, f => f.Codigo, ct);
        var filas = actividades
            .Where(a => programaciones.ContainsKey(a.Id))
            .Select(a => new FilaMes(a, programaciones[a.Id], a.FichaId is { } f ? fichas.GetValueOrDefault(f) : null,
                a.AvanceDe(mes) is { } av ? db.Entry(av).Property<uint>(SipoiDbContext.ColumnaVersion).CurrentValue : 0))
            // The POI matrix's order: ficha, number, code.
            .OrderBy(f => f.FichaCodigo, StringComparer.Ordinal).ThenBy(f => f.Actividad.Numero, StringComparer.Ordinal)
            .ThenBy(f => f.Actividad.Codigo, StringComparer.Ordinal)
            .ToList();

        var seguimiento = await db.Seguimientos.SingleOrDefaultAsync(s => s.PoiId == poi.Id && s.CentroCostoId == centro.Id && s.Mes == mes, ct);
        var trimestre = ResumenPeriodo.PeriodoQueCierra(mes)?.Codigo;
        var resumen = trimestre is null ? null
            : await db.ResumenesPeriodo.SingleOrDefaultAsync(r => r.PoiId == poi.Id && r.CentroCostoId == centro.Id && r.PeriodoCodigo == trimestre, ct);
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
