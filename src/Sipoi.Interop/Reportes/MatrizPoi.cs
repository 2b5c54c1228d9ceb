using Sipoi.Domain.Periodos;

namespace Sipoi.Interop.Reportes;

/// <summary>
/// The POI matrix (DOMAIN.md §6.1) as the approved POI prints it: one sheet per ficha de proceso
/// or cost centre, each with its header lines, its OEI/AEI/indicator alignment and its activities.
/// </summary>
/// <param name="Entidad">As printed on top: "EMSAPUNO S.A.".</param>
/// <param name="PeriodoPei">"PEI 2023 - 2025".</param>
public sealed record MatrizPoi(string Entidad, int Anio, string PeriodoPei, IReadOnlyList<HojaMatrizPoi> Hojas)
{
    /// <summary>Second title line; the POI version can go here ("POI MODIFICADO V2").</summary>
    public string Titulo { get; init; } = "PLAN OPERATIVO INSTITUCIONAL - POI";
}

/// <summary>
/// One ficha de proceso or cost centre. <paramref name="Codigo"/> names the sheet ("FP 06",
/// "03.01.04.05"); lines left null are not printed.
/// </summary>
public sealed record HojaMatrizPoi(
    string Codigo,
    string UnidadOrganica,
    IReadOnlyList<AlineamientoMatriz> Alineamiento,
    IReadOnlyList<ActividadMatriz> Actividades)
{
    /// <summary>"FP 06 TRÁMITE DOCUMENTARIO Y ARCHIVO"; null when the entity groups by cost centre only.</summary>
    public string? FichaProceso { get; init; }
    public string? ResponsableProceso { get; init; }
    public string? ObjetivoProceso { get; init; }
    /// <summary>The gerencia the ficha belongs to; the page shows it, the workbook (as the reference POI) does not.</summary>
    public string? Gerencia { get; init; }

    /// <summary>The block's heading: the ficha ("FP 06 TRÁMITE …") or, without one, the cost centre.</summary>
    public string Titulo => FichaProceso ?? UnidadOrganica;
}

/// <summary>One line of the alignment table: OEI → AEI → indicator, its unit and the year's target.</summary>
public sealed record AlineamientoMatriz(
    string OeiCodigo, string OeiEnunciado, string AeiCodigo, string AeiEnunciado,
    string Indicador, string UnidadMedida, decimal? Meta);

/// <summary>
/// One activity. <paramref name="Meses"/> has the 12 monthly targets (0 = no target that month);
/// <paramref name="Trimestres"/> (4) and <paramref name="Anual"/> are already rolled up by the
/// activity's behaviour — a quarter of a "promedio" activity is not the sum of its months, so the
/// writer never adds them up itself. Use <see cref="Desde"/> to roll them up with the domain rule.
/// </summary>
/// <param name="Numero">As printed: "01".</param>
/// <param name="MetaAnual">The meta física anual as approved (the "Meta" column).</param>
public sealed record ActividadMatriz(
    string Numero, string Nombre, string UnidadMedida, string Responsable,
    int MesInicio, int MesFin, decimal MetaAnual,
    IReadOnlyList<decimal> Meses, IReadOnlyList<decimal> Trimestres, decimal Anual)
{
    // What identifies the activity beyond the reference POI's columns. The page prints the code (as a link), the AEI,
    // the behaviour and the group line; the workbook prints the group line above its activities and all of them in the
    // import columns after "Cantidad Anual programada", so the matrix imports back as the same POI (README.md).
    public string? Codigo { get; init; }
    public string? Grupo { get; init; }
    public string? AeiCodigo { get; init; }
    public Comportamiento? Comportamiento { get; init; }
    /// <summary>The cost centre's code ("01.02").</summary>
    public string? CentroCosto { get; init; }
    /// <summary>The ficha de proceso's code ("FP 06"); null for an activity without one.</summary>
    public string? Ficha { get; init; }

    /// <summary>Builds the row rolling the months up with <see cref="Agregacion.Programado"/>.</summary>
    public static ActividadMatriz Desde(
        string numero, string nombre, string unidadMedida, string responsable,
        int mesInicio, int mesFin, decimal metaAnual, Comportamiento comportamiento, IReadOnlyList<decimal> meses) =>
        new(numero, nombre, unidadMedida, responsable, mesInicio, mesFin, metaAnual, meses,
            Periodo.Trimestres.Select(t => Agregacion.Programado(comportamiento, meses, t)).ToArray(),
            Agregacion.Programado(comportamiento, meses, Periodo.Anual))
        { Comportamiento = comportamiento };
}
