using System.Globalization;
using Sipoi.Domain.Evaluacion;
using Sipoi.Interop.Evaluacion;

namespace Sipoi.Interop.Reportes;

/// <summary>
/// The evaluation report (Informe de evaluación, DOMAIN.md §6.4) for a semester or the year.
/// Figures come from the engine (<see cref="Desde"/>); texts left null are drafted from the data by
/// <see cref="RedaccionInforme"/>, and the office edits them in Word (or passes its own here).
/// </summary>
/// <param name="Periodo">"I Semestre", "Anual".</param>
public sealed record InformeEvaluacion(string Entidad, int Anio, string Periodo, EsquemaBandas Bandas)
{
    /// <summary>Main title on the cover: "Informe de evaluación de implementación del POI 2024 — I Semestre".</summary>
    public string Titulo { get; init; } =
        $"Informe de evaluación de implementación del POI {Anio.ToString(CultureInfo.InvariantCulture)} — {Periodo}";

    /// <summary>Report number on the cover: "Informe N.° 001-2024-OPP" (null: a blank line to fill in).</summary>
    public string? Numero { get; init; }

    /// <summary>Office that issues the report: "Oficina de Planeamiento y Presupuesto" (null: a blank line).</summary>
    public string? Responsable { get; init; }

    /// <summary>Place on the cover: the entity's city ("Puno"); null: a blank line.</summary>
    public string? Lugar { get; init; }

    /// <summary>Date on the cover (generation or publication date); null: a blank line.</summary>
    public DateOnly? Fecha { get; init; }

    /// <summary>The three signature blocks of the cover: elaborado, revisado, aprobado por (blank lines when not known).</summary>
    public FirmasInforme Firmas { get; init; } = new();

    /// <summary>Percentages displayed as whole numbers (an entity option); values stay exact.</summary>
    public bool PorcentajesEnteros { get; init; }

    public decimal? Igi { get; init; }
    public Banda? BandaIgi { get; init; }

    /// <summary>Activities of the evaluated period (total, with a target, met, without registration…).</summary>
    public ConteoActividades Actividades { get; init; }

    /// <summary>Normative framework (entity text, one paragraph per line); null: a placeholder asks the office to register it.</summary>
    public string? MarcoNormativo { get; init; }

    /// <summary>The PEI's mission; null: a placeholder.</summary>
    public string? Mision { get; init; }

    /// <summary>Institutional guidelines ("lineamientos"), one per line; null: a placeholder.</summary>
    public string? Lineamientos { get; init; }

    /// <summary>Institutional values, one per line; null: a placeholder.</summary>
    public string? Valores { get; init; }

    /// <summary>OEIs in PEI order, each with its own indicators and its AEIs.</summary>
    public IReadOnlyList<OeiInforme> Oeis { get; init; } = [];

    /// <summary>Indicators per band and OEI, for the bands chart (empty: no chart).</summary>
    public IReadOnlyList<FilaBandasOei> DistribucionBandas { get; init; } = [];

    /// <summary>AEIs per band of their strategic achievement, per OEI (DOMAIN.md §6.3): the valuation table; ND = sin información.</summary>
    public IReadOnlyList<FilaBandasOei> AeisPorBanda { get; init; } = [];

    /// <summary>Cost centres of the period: code, name, activities with a target, value and band (the engine's).</summary>
    public IReadOnlyList<CentroInforme> CentrosCosto { get; init; } = [];

    /// <summary>Follow-up of the recommendations of earlier evaluations.</summary>
    public IReadOnlyList<RecomendacionAnterior> RecomendacionesAnteriores { get; init; } = [];

    /// <summary>Null: drafted by <see cref="RedaccionInforme.ResumenEjecutivo"/>.</summary>
    public IReadOnlyList<string>? ResumenEjecutivo { get; init; }

    /// <summary>Null: drafted by <see cref="RedaccionInforme.Conclusiones"/>.</summary>
    public IReadOnlyList<string>? Conclusiones { get; init; }

    /// <summary>Null: drafted by <see cref="RedaccionInforme.Recomendaciones"/>.</summary>
    public IReadOnlyList<string>? Recomendaciones { get; init; }

    /// <summary>Monitoring tables printed as annexes; null leaves the annexes out.</summary>
    public TablasSeguimiento? Anexos { get; init; }

    /// <summary>Native Word bar charts (execution by OEI, indicators by band).</summary>
    public bool Graficos { get; init; } = true;

    /// <summary>Which centre-months the figures do not count yet; an incomplete period gets a note and a list (null: not said).</summary>
    public Sipoi.Domain.Seguimiento.Completitud? Completitud { get; init; }

    /// <summary>Why an incomplete period was published anyway (a published file only).</summary>
    public string? MotivoIncompleta { get; init; }

    /// <summary>Fichas de proceso and gerencias of the entity's weighted process method; null (national method) leaves the section out.</summary>
    public ProcesosSeguimiento? Procesos { get; init; }

    /// <summary>
    /// Fills every figure from one engine run. <paramref name="denominaciones"/> maps OEI, AEI and indicator
    /// codes to their statements or names; <paramref name="estadosAei"/> gives each AEI's implementation status
    /// ("En implementación"), when the entity tracks it.
    /// </summary>
    public static InformeEvaluacion Desde(
        string entidad, ResultadoEvaluacion resultado, IReadOnlyDictionary<string, string> denominaciones,
        IReadOnlyDictionary<string, string>? estadosAei = null)
    {
        ArgumentNullException.ThrowIfNull(resultado);
        string Nombre(string codigo) => denominaciones.TryGetValue(codigo, out var n) ? n : codigo;
        var e = resultado.Estrategico;

        var oeis = resultado.Oeis.Select(o =>
        {
            var logro = e.Oeis.FirstOrDefault(x => x.Codigo == o.Codigo);
            return new OeiInforme(o.Codigo, Nombre(o.Codigo), o.Prioridad)
            {
                Peso = o.Peso,
                Ejecucion = o.Valor,
                BandaEjecucion = o.Banda,
                ActividadesConMeta = o.Conteo.ConMeta,
                ActividadesCumplidas = o.Conteo.Cumplidas,
                Logro = logro?.Logro,
                BandaLogro = logro?.Banda,
                Indicadores = e.Indicadores.Where(i => i.OeiCodigo == o.Codigo && i.AeiCodigo is null)
                    .Select(i => new IndicadorInforme(i.Codigo, Nombre(i.Codigo), i.LogroEsperado, i.ValorObtenido, i.Avance, i.Banda))
                    .ToList(),
                Aeis = o.Aeis.Select(a =>
                {
                    var la = e.Aeis.FirstOrDefault(x => x.Codigo == a.Codigo);
                    return new AeiInforme(a.Codigo, Nombre(a.Codigo), a.Prioridad)
                    {
                        Peso = a.Peso,
                        Estado = estadosAei is not null && estadosAei.TryGetValue(a.Codigo, out var s) ? s : null,
                        Ejecucion = a.Valor,
                        BandaEjecucion = a.Banda,
                        ActividadesConMeta = a.Conteo.ConMeta,
                        ActividadesCumplidas = a.Conteo.Cumplidas,
                        Logro = la?.Logro,
                        BandaLogro = la?.Banda,
                        Critica = la?.Critica ?? false,
                        SinInformacion = la?.SinInformacion ?? false,
                        Indicadores = e.Indicadores.Where(i => i.AeiCodigo == a.Codigo)
                            .Select(i => new IndicadorInforme(i.Codigo, Nombre(i.Codigo), i.LogroEsperado, i.ValorObtenido, i.Avance, i.Banda))
                            .ToList(),
                    };
                }).ToList(),
            };
        }).ToList();

        return new InformeEvaluacion(entidad, resultado.Anio, resultado.Periodo.Nombre, resultado.Bandas)
        {
            Igi = resultado.Igi,
            BandaIgi = resultado.BandaIgi,
            Actividades = resultado.Conteo,
            Oeis = oeis,
            DistribucionBandas = TablasSeguimiento.ContarBandas(resultado, denominaciones),
            AeisPorBanda = ContarAeisPorBanda(resultado, denominaciones),
            CentrosCosto = resultado.CentrosCosto.Select(c => new CentroInforme(c.Codigo, denominaciones.TryGetValue(c.Codigo, out var n) ? n : "",
                c.Conteo.ConMeta, c.Valor, c.Banda)).ToList(),
        };
    }

    /// <summary>
    /// AEIs of each OEI in each band of their strategic achievement, as the engine banded them (the AEI's
    /// <see cref="LogroAei.Banda"/>; ND when it has none): one row per OEI, the rows' totals add up to the number of AEIs.
    /// </summary>
    public static IReadOnlyList<FilaBandasOei> ContarAeisPorBanda(ResultadoEvaluacion resultado, IReadOnlyDictionary<string, string> denominaciones)
    {
        ArgumentNullException.ThrowIfNull(resultado);
        var bandas = resultado.Estrategico.Aeis.ToDictionary(a => a.Codigo, a => a.Banda, StringComparer.Ordinal);
        return resultado.Oeis.Select(o =>
        {
            var b = o.Aeis.Select(a => bandas.GetValueOrDefault(a.Codigo)).ToList();
            return new FilaBandasOei(o.Codigo, denominaciones.TryGetValue(o.Codigo, out var n) ? n : "",
                b.Count(x => x == Banda.Bajo), b.Count(x => x == Banda.Medio), b.Count(x => x == Banda.Alto), b.Count(x => x is null));
        }).ToList();
    }

    /// <summary>A percentage as this report displays it: two decimals, or whole numbers when <see cref="PorcentajesEnteros"/>.</summary>
    public string Porcentaje(decimal? valor, string siNulo = "ND") =>
        FormatoNumero.Porcentaje(valor, siNulo, PorcentajesEnteros ? 0 : 2);
}

/// <summary>An OEI: operational execution (weighted AEI mean) and strategic achievement (its own indicators).</summary>
public sealed record OeiInforme(string Codigo, string Enunciado, int Prioridad)
{
    public int Peso { get; init; }
    public decimal? Ejecucion { get; init; }
    public Banda? BandaEjecucion { get; init; }
    public int ActividadesConMeta { get; init; }
    public int ActividadesCumplidas { get; init; }
    public decimal? Logro { get; init; }
    public Banda? BandaLogro { get; init; }
    public IReadOnlyList<IndicadorInforme> Indicadores { get; init; } = [];
    public IReadOnlyList<AeiInforme> Aeis { get; init; } = [];

    /// <summary>The OEI's analysis, one paragraph per line, printed instead of the drafted paragraph (null: the drafted one).</summary>
    public string? Analisis { get; init; }
}

/// <summary>An indicator's expected and obtained values and its raw achievement <paramref name="Avance"/> (null: ND).</summary>
public sealed record IndicadorInforme(
    string Codigo, string Nombre, decimal? LogroEsperado, decimal? ValorObtenido, decimal? Avance, Banda? Banda)
{
    public string? UnidadMedida { get; init; }

    /// <summary>The unit that reports it: the indicator's responsible cost centre (null: "—").</summary>
    public string? UnidadReporta { get; init; }
}

/// <summary>A cost centre of the period: activities with a target, the simple mean of their adjusted execution and its band.</summary>
public sealed record CentroInforme(string Codigo, string Nombre, int ActividadesConMeta, decimal? Ejecucion, Banda? Banda);

/// <summary>One signature block: name and position (null: a blank line to sign by hand).</summary>
public sealed record Firma(string? Nombre = null, string? Cargo = null);

/// <summary>The cover's signature blocks.</summary>
public sealed record FirmasInforme
{
    public Firma ElaboradoPor { get; init; } = new();
    public Firma RevisadoPor { get; init; } = new();
    public Firma AprobadoPor { get; init; } = new();
}

/// <summary>An AEI: status, operational execution, strategic achievement and whether it is critical.</summary>
public sealed record AeiInforme(string Codigo, string Enunciado, int Prioridad)
{
    public int Peso { get; init; }
    public string? Estado { get; init; }
    public decimal? Ejecucion { get; init; }
    public Banda? BandaEjecucion { get; init; }
    public int ActividadesConMeta { get; init; }
    public int ActividadesCumplidas { get; init; }
    public decimal? Logro { get; init; }
    public Banda? BandaLogro { get; init; }
    public bool Critica { get; init; }

    /// <summary>ND while data was due: listed apart as a data gap, never as critical (DOMAIN.md §5).</summary>
    public bool SinInformacion { get; init; }

    /// <summary>The AEI's own indicators, with the same figures as the OEI's.</summary>
    public IReadOnlyList<IndicadorInforme> Indicadores { get; init; } = [];
}

/// <summary>
/// A recommendation of an earlier evaluation and how it stands. <paramref name="Atendida"/> tells the
/// drafting whether it is still pending (the office's <paramref name="Estado"/> text is printed as is).
/// <paramref name="UnidadResponsable"/> lists its units and outside body; <paramref name="OeiAei"/> is the OEI or AEI it
/// concerns ("OEI.01 — enunciado"), "" when none.
/// </summary>
public sealed record RecomendacionAnterior(
    string AspectoMejora, string Recomendacion, string AccionClave, string UnidadResponsable,
    string Plazo, string Estado, bool Atendida, string? Comentario = null, string OeiAei = "");
