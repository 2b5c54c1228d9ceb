using Sipoi.Domain.Evaluacion;

namespace Sipoi.Interop.Reportes;

/// <summary>
/// The monitoring tables (DOMAIN.md §6.3): execution by OEI/AEI and by cost centre for each
/// semester and the year with the IGI row; activities met per AEI; indicators per band and OEI;
/// AEI achievement. Every value comes from the evaluation engine; <c>Desde</c> builds the
/// model from one or more <see cref="ResultadoEvaluacion"/>.
/// </summary>
/// <param name="Periodo">The evaluated period as a heading: "I Semestre", "Anual".</param>
public sealed record TablasSeguimiento(string Entidad, int Anio, string Periodo, EsquemaBandas Bandas)
{
    public IReadOnlyList<OeiSeguimiento> Oeis { get; init; } = [];
    /// <summary>The evaluated quarter's name ("II Trimestre") when the period is a quarter: the tables then carry its own column first.</summary>
    public string? Trimestre { get; init; }
    public FilaSemestres? Igi { get; init; }
    public IReadOnlyList<FilaSemestres> CentrosCosto { get; init; } = [];
    public IReadOnlyList<FilaAeiEjecucion> Aeis { get; init; } = [];
    public IReadOnlyList<FilaBandasOei> IndicadoresPorBanda { get; init; } = [];
    public IReadOnlyList<FilaLogroAei> LogroAeis { get; init; } = [];

    /// <summary>Fichas de proceso and gerencias: only for an entity evaluated with the weighted process method (null otherwise).</summary>
    public ProcesosSeguimiento? Procesos { get; init; }

    /// <summary>Which centre-months the figures do not count yet; an incomplete period gets a note and a list (null: not said).</summary>
    public Sipoi.Domain.Seguimiento.Completitud? Completitud { get; init; }

    /// <summary>Why an incomplete period was published anyway (a published file only).</summary>
    public string? MotivoIncompleta { get; init; }

    /// <summary>Percentages displayed as whole numbers (an entity option); the cells keep the exact values.</summary>
    public bool PorcentajesEnteros { get; init; }

    /// <summary>
    /// Builds the tables from the engine. <paramref name="principal"/> is the evaluated period: it gives
    /// the counts, the bands, the per-AEI and the strategic tables. The S1 / S2 / Anual columns take the
    /// value of whichever run (principal or <paramref name="otros"/>) has that period; a column without
    /// a run stays empty. <paramref name="denominaciones"/> maps OEI, AEI and cost-centre codes to their names.
    /// </summary>
    public static TablasSeguimiento Desde(
        string entidad, IReadOnlyDictionary<string, string> denominaciones,
        ResultadoEvaluacion principal, params ResultadoEvaluacion[] otros) =>
        Desde(entidad, denominaciones, new Dictionary<string, string>(), principal, otros);

    /// <summary>
    /// As the other overload, and with the weighted process method also the fichas and gerencias
    /// (<see cref="ProcesosSeguimiento.Desde"/>); <paramref name="nombresFichas"/> maps ficha codes to their names
    /// (apart from <paramref name="denominaciones"/>: a ficha may be coded like a cost centre).
    /// </summary>
    public static TablasSeguimiento Desde(
        string entidad, IReadOnlyDictionary<string, string> denominaciones, IReadOnlyDictionary<string, string> nombresFichas,
        ResultadoEvaluacion principal, params ResultadoEvaluacion[] otros)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var corridas = new[] { principal }.Concat(otros).ToList();
        var s1 = corridas.FirstOrDefault(r => r.Periodo == Domain.Periodos.Periodo.Semestre(1));
        var s2 = corridas.FirstOrDefault(r => r.Periodo == Domain.Periodos.Periodo.Semestre(2));
        var anual = corridas.FirstOrDefault(r => r.Periodo == Domain.Periodos.Periodo.Anual);
        string Nombre(string codigo) => denominaciones.TryGetValue(codigo, out var n) ? n : "";

        decimal? Oei(ResultadoEvaluacion? r, string c) => r?.Oeis.FirstOrDefault(o => o.Codigo == c)?.Valor;
        decimal? Aei(ResultadoEvaluacion? r, string c) => r?.Oeis.SelectMany(o => o.Aeis).FirstOrDefault(a => a.Codigo == c)?.Valor;
        decimal? Centro(ResultadoEvaluacion? r, string c) => r?.CentrosCosto.FirstOrDefault(x => x.Codigo == c)?.Valor;

        // A quarter's own figures: its column is the principal run's values.
        var trimestre = principal.Periodo.Tipo == Domain.Periodos.TipoPeriodo.Trimestre ? principal : null;

        var oeis = principal.Oeis.Select(o => new OeiSeguimiento(
            new FilaSemestres(o.Codigo, Nombre(o.Codigo), o.Prioridad, o.Conteo.ConMeta,
                Oei(s1, o.Codigo), Oei(s2, o.Codigo), Oei(anual, o.Codigo), o.Banda, Oei(trimestre, o.Codigo)),
            o.Aeis.Select(a => new FilaSemestres(a.Codigo, Nombre(a.Codigo), a.Prioridad, a.Conteo.ConMeta,
                Aei(s1, a.Codigo), Aei(s2, a.Codigo), Aei(anual, a.Codigo), a.Banda, Aei(trimestre, a.Codigo))).ToList())).ToList();

        var igi = new FilaSemestres("IGI", "Índice de Gestión Institucional", null, principal.Conteo.ConMeta,
            s1?.Igi, s2?.Igi, anual?.Igi, principal.BandaIgi, trimestre?.Igi);

        var centros = principal.CentrosCosto.Select(c => new FilaSemestres(c.Codigo, Nombre(c.Codigo), null, c.Conteo.ConMeta,
            Centro(s1, c.Codigo), Centro(s2, c.Codigo), Centro(anual, c.Codigo), c.Banda, Centro(trimestre, c.Codigo))).ToList();

        var aeis = principal.Oeis.SelectMany(o => o.Aeis).Select(a => new FilaAeiEjecucion(
            a.OeiCodigo, a.Codigo, Nombre(a.Codigo), a.Conteo.ConMeta, a.Conteo.Cumplidas, a.Valor, a.Banda)).ToList();

        var porBanda = ContarBandas(principal, denominaciones);

        var logros = principal.Estrategico.Aeis.Select(a => new FilaLogroAei(
            a.OeiCodigo, a.Codigo, Nombre(a.Codigo), a.Indicadores, a.IndicadoresConDato, a.Logro, a.Banda, a.Critica)
        { SinInformacion = a.SinInformacion }).ToList();

        return new TablasSeguimiento(entidad, principal.Anio, principal.Periodo.Nombre, principal.Bandas)
        {
            Trimestre = trimestre?.Periodo.Nombre,
            Oeis = oeis,
            Igi = igi,
            CentrosCosto = centros,
            Aeis = aeis,
            IndicadoresPorBanda = porBanda,
            LogroAeis = logros,
            Procesos = ProcesosSeguimiento.Desde(nombresFichas, principal, otros),
        };
    }

    /// <summary>
    /// The five tables as the workbook and the web page lay them out, in order, then the fichas and gerencias of the
    /// weighted process method (<see cref="Procesos"/>, when the entity uses it), plus the missing centre-months
    /// (<see cref="CompletitudReporte"/>) last when the period is incomplete. The Word annexes take the five.
    /// </summary>
    public IReadOnlyList<Office.TablaDatos> Tablas() =>
    [
        .. TablasSeguimientoDatos.Construir(this),
        .. Procesos?.Tablas() ?? [],
        .. Completitud is { Completa: false } c ? [CompletitudReporte.Tabla(c, MotivoIncompleta)] : Array.Empty<Office.TablaDatos>(),
    ];

    /// <summary>Indicators per band for each OEI: its own and those of its AEIs; ND = no band.</summary>
    public static IReadOnlyList<FilaBandasOei> ContarBandas(ResultadoEvaluacion resultado, IReadOnlyDictionary<string, string> denominaciones) =>
        resultado.Oeis.Select(o =>
        {
            var ind = resultado.Estrategico.Indicadores.Where(i => i.OeiCodigo == o.Codigo).ToList();
            return new FilaBandasOei(o.Codigo, denominaciones.TryGetValue(o.Codigo, out var n) ? n : "",
                ind.Count(i => i.Banda == Banda.Bajo), ind.Count(i => i.Banda == Banda.Medio),
                ind.Count(i => i.Banda == Banda.Alto), ind.Count(i => i.Banda is null));
        }).ToList();
}

/// <summary>
/// A row with semester and annual execution (percent, unrounded; null = no activity with a target
/// or no run for that column). <paramref name="Actividades"/>: activities with a target in the
/// evaluated period; <paramref name="Banda"/>: band of the evaluated period; <paramref name="ValorTrimestre"/>: the evaluated
/// quarter's own value when the period is a quarter (<see cref="TablasSeguimiento.Trimestre"/>).
/// </summary>
public sealed record FilaSemestres(
    string Codigo, string Denominacion, int? Prioridad, int Actividades,
    decimal? Semestre1, decimal? Semestre2, decimal? Anual, Banda? Banda, decimal? ValorTrimestre = null);

public sealed record OeiSeguimiento(FilaSemestres Oei, IReadOnlyList<FilaSemestres> Aeis);

/// <summary>Per AEI: activities with a target, those with E ≥ 100 % and the mean adjusted execution (the AEI value).</summary>
public sealed record FilaAeiEjecucion(
    string OeiCodigo, string Codigo, string Denominacion, int Actividades, int ActividadesCumplidas,
    decimal? EjecucionPromedio, Banda? Banda);

/// <summary>Indicators of an OEI (its own and its AEIs') in each band; ND counts those without a value.</summary>
public sealed record FilaBandasOei(string Codigo, string Denominacion, int Bajo, int Medio, int Alto, int Nd)
{
    public int Total => Bajo + Medio + Alto + Nd;

    public int Cantidad(Banda? banda) => banda switch
    {
        Banda.Bajo => Bajo,
        Banda.Medio => Medio,
        Banda.Alto => Alto,
        _ => Nd,
    };
}

/// <summary>AEI achievement (strategic view); <paramref name="Logro"/> null is ND.</summary>
public sealed record FilaLogroAei(
    string OeiCodigo, string Codigo, string Denominacion, int Indicadores, int IndicadoresConDato,
    decimal? Logro, Banda? Banda, bool Critica)
{
    /// <summary>ND while data was due: a data gap, never critical (DOMAIN.md §5).</summary>
    public bool SinInformacion { get; init; }
}
