using System.Globalization;
using Sipoi.Domain.Evaluacion;

namespace Sipoi.Interop.Reportes;

/// <summary>
/// The evaluation report (Informe de evaluación, DOMAIN.md §6.4) for a semester or the year.
/// Figures come from the engine (<see cref="Desde"/>); texts left null are drafted from the data by
/// <see cref="RedaccionInforme"/>, and the office edits them in Word (or passes its own here).
/// </summary>
/// <param name="Periodo">"I Semestre", "Anual".</param>
public sealed record InformeEvaluacion(string Entidad, int Anio, string Periodo, EsquemaBandas Bandas)
{
    /// <summary>Main title on the cover.</summary>
    public string Titulo { get; init; } =
        $"INFORME DE EVALUACIÓN DE RESULTADOS DEL PLAN OPERATIVO INSTITUCIONAL (POI) {Anio.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Office that signs the report: "Oficina de Planeamiento y Presupuesto".</summary>
    public string? Responsable { get; init; }

    /// <summary>Place and date on the cover: "Puno, julio de 2024".</summary>
    public string? LugarFecha { get; init; }

    public decimal? Igi { get; init; }
    public Banda? BandaIgi { get; init; }

    /// <summary>Activities of the evaluated period (total, with a target, met, without registration…).</summary>
    public ConteoActividades Actividades { get; init; }

    public string? Mision { get; init; }

    /// <summary>Institutional guidelines or policies listed under the mission.</summary>
    public IReadOnlyList<string> Lineamientos { get; init; } = [];

    /// <summary>OEIs in PEI order, each with its own indicators and its AEIs.</summary>
    public IReadOnlyList<OeiInforme> Oeis { get; init; } = [];

    /// <summary>Indicators per band and OEI, for the bands chart (empty: no chart).</summary>
    public IReadOnlyList<FilaBandasOei> DistribucionBandas { get; init; } = [];

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
        };
    }
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
