using Sipoi.Domain.Operativo;
using Sipoi.Domain.Periodos;
using Sipoi.Domain.Seguimiento;

namespace Sipoi.Interop.Intercambio;

public sealed record PoiDto
{
    public required int Anio { get; init; }
    /// <summary>Free label ("Anual", "Modificado 3").</summary>
    public string? Version { get; init; }
    /// <summary>Anual when the file omits it.</summary>
    public TipoVersionPoi TipoVersion { get; init; } = TipoVersionPoi.Anual;
    /// <summary>Reason of a modified version.</summary>
    public string? Motivo { get; init; }
    public AprobacionDto? Aprobacion { get; init; }
    public PresupuestoDto? Presupuesto { get; init; }
    public IReadOnlyList<ActividadDto> Actividades { get; init; } = [];
    /// <summary>
    /// Workflow state of each cost centre's month (shared/EXCHANGE.md <c>poi.seguimiento</c>). Null when the file
    /// has none: its registered values then load as approved, as files did before the field existed.
    /// </summary>
    public IReadOnlyList<SeguimientoDto>? Seguimiento { get; init; }
    /// <summary>The cost centres' period summaries (<c>poi.resumenesPeriodo</c>, optional; docs/intercambio.md).</summary>
    public IReadOnlyList<ResumenPeriodoDto> ResumenesPeriodo { get; init; } = [];
}

/// <summary>A cost centre's summary of a quarter (T1…T4), written when it submitted the quarter's last month.</summary>
public sealed record ResumenPeriodoDto
{
    public required string CentroCosto { get; init; }
    /// <summary>T1, T2, T3 or T4.</summary>
    public required string Periodo { get; init; }
    public required string Texto { get; init; }
}

/// <summary>One cost centre's month and where it is in the monitoring workflow.</summary>
public sealed record SeguimientoDto
{
    public required string CentroCosto { get; init; }
    public required int Mes { get; init; }
    public required EstadoSeguimiento Estado { get; init; }
}

/// <summary>The texts registered with one month's progress of an activity (the justification monitoring asks for).</summary>
public sealed record JustificacionDto
{
    public required int Mes { get; init; }
    public string? Logros { get; init; }
    public string? Dificultades { get; init; }
    public string? MedidasCorrectivas { get; init; }
}

public sealed record AprobacionDto
{
    /// <summary>"RGG N.º 114-2023-EMSAPUNO/GG".</summary>
    public required string Documento { get; init; }
    public required DateOnly Fecha { get; init; }
}

/// <summary>Budget of the year in soles, by genérica as the entity writes it ("2.3").</summary>
public sealed record PresupuestoDto
{
    public IReadOnlyList<PartidaPresupuestalDto> Ingresos { get; init; } = [];
    public IReadOnlyList<PartidaPresupuestalDto> Egresos { get; init; } = [];
}

public sealed record PartidaPresupuestalDto
{
    public required string Codigo { get; init; }
    public string? Nombre { get; init; }
    public required decimal Monto { get; init; }
}

/// <summary>
/// An actividad operativa or inversión. Monthly arrays always have 12 entries, January first.
/// Targets use 0 for "no target"; executed entries use null for "not registered" and 0 for "registered as zero".
/// </summary>
public sealed record ActividadDto
{
    /// <summary>Unique within the POI.</summary>
    public required string Codigo { get; init; }
    /// <summary>AO when the file omits it.</summary>
    public TipoActividad Tipo { get; init; } = TipoActividad.AO;
    public required string Nombre { get; init; }
    public required string CentroCosto { get; init; }
    public required string Aei { get; init; }
    public string? Ficha { get; init; }
    public string? UnidadMedida { get; init; }
    /// <summary>Suma when the file omits it.</summary>
    public Comportamiento Comportamiento { get; init; } = Comportamiento.Suma;
    /// <summary>Greater than 0; 1 when the file omits it.</summary>
    public decimal Peso { get; init; } = 1;
    public required decimal[] Programado { get; init; }
    public required decimal?[] Ejecutado { get; init; }
    /// <summary>Soles over all genéricas; 12 zeros when the file omits it.</summary>
    public decimal[] FinancieroProgramado { get; init; } = new decimal[12];
    /// <summary>Soles over all genéricas; 12 nulls when the file omits it.</summary>
    public decimal?[] FinancieroEjecutado { get; init; } = new decimal?[12];
    public string? Responsable { get; init; }
    public int? MesInicio { get; init; }
    public int? MesFin { get; init; }
    public string? CategoriaPresupuestal { get; init; }
    public string? Producto { get; init; }
    public string? ActividadPresupuestal { get; init; }
    /// <summary>Código único de inversión; meaningful for inversiones, kept as given for any type.</summary>
    public string? Cui { get; init; }
    public int? Prioridad { get; init; }
    /// <summary>Number inside its ficha / cost centre as printed ("01").</summary>
    public string? Numero { get; init; }
    /// <summary>Heading the activity stands under in the matrix.</summary>
    public string? Grupo { get; init; }
    /// <summary>Annual physical target as the document states it; equals the annual value of <see cref="Programado"/>.</summary>
    public decimal? MetaAnual { get; init; }
    /// <summary>Split of the financial programming by genérica; its monthly sums equal <see cref="FinancieroProgramado"/>.</summary>
    public IReadOnlyList<FinancieroGenericaDto> FinancieroPorGenerica { get; init; } = [];
    /// <summary>Registered justifications, one per month at most, by month.</summary>
    public IReadOnlyList<JustificacionDto> Justificaciones { get; init; } = [];
    /// <summary>The directive's indicator of the activity (optional, docs/intercambio.md).</summary>
    public IndicadorActividadDto? Indicador { get; init; }
    /// <summary>Critical elements, in order (optional).</summary>
    public IReadOnlyList<string> ElementosCriticos { get; init; } = [];
    /// <summary>Goods and services the activity needs (optional).</summary>
    public IReadOnlyList<NecesidadDto> Necesidades { get; init; } = [];
}

public sealed record FinancieroGenericaDto
{
    /// <summary>Genérica de gasto as the entity writes it ("2.3").</summary>
    public required string Generica { get; init; }
    public required decimal[] Programado { get; init; }
    /// <summary>12 nulls when the file omits it.</summary>
    public decimal?[] Ejecutado { get; init; } = new decimal?[12];
}
