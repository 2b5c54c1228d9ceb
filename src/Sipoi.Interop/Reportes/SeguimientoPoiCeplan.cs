using Sipoi.Domain.Periodos;

namespace Sipoi.Interop.Reportes;

/// <summary>
/// The «Reporte de seguimiento del Plan Operativo Institucional» of the Aplicativo CEPLAN V.01, first semester
/// (docs/formatos-ceplan.md §2): per OEI and AEI, each operational activity (AO) with its priority, unit, tipo de
/// agregación, and two rows (PROG., EJEC.) of physical and financial months with their accumulated values, then the
/// AEI and POI figures the application prints under its own rules (notes ii–vii of the published report).
/// Built by <see cref="Desde"/> from the activities' months; the accumulation of a month series is the domain's
/// (<see cref="Agregacion"/>), the CEPLAN-only rules (S.P., S.I., truncation at 100, means and median) are here.
/// </summary>
public sealed record SeguimientoPoiCeplan(string Pliego, int Anio, Periodo Periodo)
{
    public const string SinProgramacion = "S.P.";
    public const string SeguimientoIncompleto = "S.I.";
    public const string NoAcumulado = "-";

    public IReadOnlyList<OeiSeguimientoPoi> Oeis { get; init; } = [];

    /// <summary>PROMEDIO DE EJECUCIÓN FÍSICA (%): the mean of the AEI figures that have one (note vii).</summary>
    public decimal? PromedioFisico { get; init; }

    /// <summary>MEDIANA DEL AV% DEL POI: the median of the AO percentages that are a number.</summary>
    public decimal? Mediana { get; init; }

    public decimal TotalProgramadoFinanciero { get; init; }
    public decimal TotalEjecutadoFinanciero { get; init; }
    public int ConInformacionCompleta { get; init; }
    public int ConInformacionIncompleta { get; init; }

    /// <summary>The months of the period, in order (Ene … Jun for the first semester).</summary>
    public IReadOnlyList<int> Meses => Enumerable.Range(Periodo.Desde, Periodo.Hasta - Periodo.Desde + 1).ToList();

    /// <summary>
    /// CEPLAN's «tipo de agregación» for SIPOI's behaviour (the same concept: how months add up). Suma = 'Acumulado Anual'
    /// (sum of the months), Último = 'Acumulado Mensual' (the last month), Promedio = 'No Acumulado' (each month on its
    /// own); Máximo has no CEPLAN name and prints as SIPOI names it.
    /// </summary>
    public static string TipoAgregacion(Comportamiento c) => c switch
    {
        Comportamiento.Suma => "Acumulado Anual",
        Comportamiento.Ultimo => "Acumulado Mensual",
        Comportamiento.Promedio => "No Acumulado",
        Comportamiento.Maximo => "Máximo (SIPOI)",
        _ => throw new ArgumentOutOfRangeException(nameof(c)),
    };

    /// <summary>
    /// The month's follow-up deadline as the application reads it (note iv): the last day of the following month.
    /// </summary>
    public static DateOnly Plazo(int anio, int mes) => new DateOnly(anio, mes, 1).AddMonths(2).AddDays(-1);

    /// <summary>
    /// Builds the report: only activities with a physical target above zero in the year (note i), in OEI → AEI → activity
    /// order as given. <paramref name="hoy"/> is the generation date (which months' deadlines have passed).
    /// </summary>
    public static SeguimientoPoiCeplan Desde(string pliego, int anio, Periodo periodo, IEnumerable<ActividadCeplan> actividades, DateOnly hoy)
    {
        ArgumentNullException.ThrowIfNull(actividades);
        var filas = actividades.Where(a => a.Fisico.Sum() > 0).Select(a => FilaAoCeplan.Desde(a, anio, periodo, hoy)).ToList();
        var oeis = filas.GroupBy(f => (f.Origen.OeiCodigo, f.Origen.OeiEnunciado))
            .Select(o => new OeiSeguimientoPoi(o.Key.OeiCodigo, o.Key.OeiEnunciado,
                o.GroupBy(f => (f.Origen.AeiCodigo, f.Origen.AeiEnunciado)).Select(a => AeiSeguimientoPoi.Desde(a.Key.AeiCodigo, a.Key.AeiEnunciado, a.ToList())).ToList()))
            .ToList();
        var porAei = oeis.SelectMany(o => o.Aeis).Where(a => a.EjecucionFisica is not null).Select(a => a.EjecucionFisica!.Value).ToList();
        var porcentajes = filas.Where(f => f.Avance is not null).Select(f => f.Avance!.Value).Order().ToList();
        return new SeguimientoPoiCeplan(pliego, anio, periodo)
        {
            Oeis = oeis,
            PromedioFisico = porAei.Count == 0 ? null : porAei.Average(),
            Mediana = porcentajes.Count == 0 ? null
                : porcentajes.Count % 2 == 1 ? porcentajes[porcentajes.Count / 2]
                : (porcentajes[porcentajes.Count / 2 - 1] + porcentajes[porcentajes.Count / 2]) / 2,
            TotalProgramadoFinanciero = filas.Sum(f => f.FinancieroProgramadoAcumulado),
            TotalEjecutadoFinanciero = filas.Sum(f => f.FinancieroEjecutadoAcumulado),
            ConInformacionIncompleta = filas.Count(f => f.Incompleta),
            ConInformacionCompleta = filas.Count(f => !f.Incompleta),
        };
    }
}

/// <summary>
/// One activity as the report reads it: twelve months of physical and financial programming (0: none) and of executed
/// values (null: not registered, or not counted), its behaviour and the priority the entity gave it.
/// </summary>
public sealed record ActividadCeplan(
    string OeiCodigo, string OeiEnunciado, string AeiCodigo, string AeiEnunciado, string Codigo, string Nombre,
    int? Prioridad, string? UnidadMedida, Comportamiento Comportamiento,
    IReadOnlyList<decimal> Fisico, IReadOnlyList<decimal?> FisicoEjecutado, IReadOnlyList<decimal> Financiero, IReadOnlyList<decimal?> FinancieroEjecutado);

public sealed record OeiSeguimientoPoi(string Codigo, string Enunciado, IReadOnlyList<AeiSeguimientoPoi> Aeis)
{
    public string Titulo => $"{Codigo} {Enunciado}";
}

/// <summary>An AEI block: its activities and the two lines under them (notes vi and the financial sum).</summary>
public sealed record AeiSeguimientoPoi(string Codigo, string Enunciado, IReadOnlyList<FilaAoCeplan> Actividades, decimal? EjecucionFisica, decimal EjecucionFinanciera)
{
    public string Titulo => $"{Codigo} {Enunciado}";

    /// <summary>
    /// EJECUCIÓN FÍSICA POR AEI = the mean of its activities' AVANCE % ACUMULADO, only when none is S.I., leaving out the
    /// activities without programming (S.P.) and the 'No Acumulado' ones ('-'); EJECUCIÓN FINANCIERA = the sum of their
    /// executed financial accumulation.
    /// </summary>
    public static AeiSeguimientoPoi Desde(string codigo, string enunciado, IReadOnlyList<FilaAoCeplan> filas)
    {
        var validas = filas.Where(f => f.Avance is not null && !f.SinAcumulado).Select(f => f.Avance!.Value).ToList();
        decimal? fisica = filas.Any(f => f.Incompleta) || validas.Count == 0 ? null : validas.Average();
        return new AeiSeguimientoPoi(codigo, enunciado, filas, fisica, filas.Sum(f => f.FinancieroEjecutadoAcumulado));
    }
}

/// <summary>One activity's two rows (PROG., EJEC.) for the period's months.</summary>
public sealed record FilaAoCeplan(ActividadCeplan Origen)
{
    public string Actividad => $"{Origen.Codigo} - {Origen.Nombre}";
    public string TipoAgregacion => SeguimientoPoiCeplan.TipoAgregacion(Origen.Comportamiento);
    /// <summary>'No Acumulado': the accumulated columns print '-'.</summary>
    public bool SinAcumulado => Origen.Comportamiento == Comportamiento.Promedio;
    public IReadOnlyList<decimal> FisicoProgramado { get; init; } = [];
    public IReadOnlyList<decimal?> FisicoEjecutado { get; init; } = [];
    public decimal? FisicoProgramadoAcumulado { get; init; }
    public decimal? FisicoEjecutadoAcumulado { get; init; }
    /// <summary>AVANCE % ACUMULADO, truncated at 100; null when <see cref="Marca"/> says why there is none.</summary>
    public decimal? Avance { get; init; }
    /// <summary>S.P. (no programming in the period) or S.I. (a month with a target, its deadline passed, without follow-up).</summary>
    public string? Marca { get; init; }
    public bool Incompleta => Marca == SeguimientoPoiCeplan.SeguimientoIncompleto;
    public IReadOnlyList<decimal> FinancieroProgramado { get; init; } = [];
    public IReadOnlyList<decimal?> FinancieroEjecutado { get; init; } = [];
    public decimal FinancieroProgramadoAcumulado { get; init; }
    public decimal FinancieroEjecutadoAcumulado { get; init; }

    public static FilaAoCeplan Desde(ActividadCeplan a, int anio, Periodo periodo, DateOnly hoy)
    {
        var meses = Enumerable.Range(periodo.Desde, periodo.Hasta - periodo.Desde + 1).ToList();
        var c = a.Comportamiento;
        var sinAcumulado = c == Comportamiento.Promedio;
        var programado = meses.Select(m => a.Fisico[m - 1]).ToList();
        var ejecutado = meses.Select(m => a.FisicoEjecutado[m - 1]).ToList();
        var progAcum = Agregacion.Programado(c, a.Fisico, periodo);
        var ejecAcum = Agregacion.Ejecutado(c, a.FisicoEjecutado, periodo) ?? 0;

        string? marca = null;
        decimal? avance = null;
        if (programado.All(v => v == 0)) marca = SeguimientoPoiCeplan.SinProgramacion;
        else if (meses.Any(m => a.Fisico[m - 1] > 0 && a.FisicoEjecutado[m - 1] is null && SeguimientoPoiCeplan.Plazo(anio, m) < hoy))
            marca = SeguimientoPoiCeplan.SeguimientoIncompleto;
        else if (sinAcumulado)
        {
            // 'No Acumulado': the mean of each month's execution over its programming (months with a target).
            var razones = meses.Where(m => a.Fisico[m - 1] > 0).Select(m => (a.FisicoEjecutado[m - 1] ?? 0) / a.Fisico[m - 1] * 100).ToList();
            avance = Math.Min(100, razones.Average());
        }
        else avance = progAcum == 0 ? null : Math.Min(100, ejecAcum / progAcum * 100);
        if (avance is null && marca is null) marca = SeguimientoPoiCeplan.SinProgramacion;

        var finProg = meses.Select(m => a.Financiero[m - 1]).ToList();
        var finEjec = meses.Select(m => a.FinancieroEjecutado[m - 1]).ToList();
        return new FilaAoCeplan(a)
        {
            FisicoProgramado = programado,
            FisicoEjecutado = ejecutado,
            FisicoProgramadoAcumulado = sinAcumulado ? null : progAcum,
            FisicoEjecutadoAcumulado = sinAcumulado ? null : ejecAcum,
            Avance = avance,
            Marca = marca,
            FinancieroProgramado = finProg,
            FinancieroEjecutado = finEjec,
            // Money always adds up month by month (the application's financial AVANCE ACUMULADO is the sum).
            FinancieroProgramadoAcumulado = Agregacion.Programado(Comportamiento.Suma, a.Financiero, periodo),
            FinancieroEjecutadoAcumulado = Agregacion.Ejecutado(Comportamiento.Suma, a.FinancieroEjecutado, periodo) ?? 0,
        };
    }
}
