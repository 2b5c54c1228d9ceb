using Sipoi.Interop.Reportes;
using Sipoi.Web.Data;
using Sipoi.Web.Evaluacion;

namespace Sipoi.Web.Reportes;

/// <summary>
/// The dashboard of a period: the engine's run for the period (IGI, OEI, AEI, cost centres), and the
/// accumulated execution month by month up to the period's last month — one engine run per month (A01…); with the
/// entity's weighted process method, its gerencias and fichas de proceso from the same run.
/// </summary>
public sealed record TableroPoi(
    DatosReporte Datos, ResultadoEvaluacion Resultado, IReadOnlyList<PuntoTendencia> Tendencia,
    IReadOnlyList<ResultadoCentroCosto> CentrosOrdenados, IReadOnlyDictionary<string, string> Denominaciones)
{
    /// <summary>Which centre-months of the period the figures do not count yet.</summary>
    public Completitud Completitud { get; init; } = null!;

    /// <summary>Gerencias and fichas de proceso of the period; null unless the entity evaluates by the weighted process method.</summary>
    public ProcesosSeguimiento? Procesos { get; init; }

    public static async Task<TableroPoi> ConstruirAsync(SipoiDbContext db, DatosReporte d, Periodo periodo, CancellationToken ct)
    {
        // The period and each month's accumulated execution, from one read of the POI (docs/benchmarks.md, «Carga»).
        var periodos = new List<Periodo> { periodo };
        periodos.AddRange(Enumerable.Range(1, periodo.Hasta).Select(Periodo.AcumuladoAl).Where(p => p != periodo));
        var resultados = (await ConsultaEvaluacion.EvaluarPeriodosAsync(db, d.Evaluacion, d.Anio, periodos, incluirActividades: false, ct: ct))
            .Zip(periodos).ToDictionary(x => x.Second, x => x.First);
        var resultado = resultados[periodo];
        var tendencia = new List<PuntoTendencia>();
        for (var mes = 1; mes <= periodo.Hasta; mes++)
        {
            var r = resultados[Periodo.AcumuladoAl(mes)];
            tendencia.Add(new PuntoTendencia(mes, r.Igi, r.BandaIgi, r.Conteo.ConMeta));
        }
        // Ranked best first; centres without any activity with a target in the period go last, by code.
        var centros = resultado.CentrosCosto
            .OrderBy(c => c.Valor is null).ThenByDescending(c => c.Valor).ThenBy(c => c.Codigo, StringComparer.Ordinal).ToList();
        return new TableroPoi(d, resultado, tendencia, centros, await d.DenominacionesAsync(db, ct))
        {
            Completitud = await ConsultaCompletitud.CalcularAsync(db, d.Evaluacion, periodo, ct: ct),
            Procesos = resultado.Metodo == MetodoEvaluacion.Ponderado ? ProcesosSeguimiento.Desde(await d.NombresFichasAsync(db, ct), resultado) : null,
        };
    }

    public EsquemaBandas Bandas => Resultado.Bandas;

    public string Nombre(string codigo) => Denominaciones.TryGetValue(codigo, out var n) ? n : "";
}

/// <summary>Accumulated execution (IGI of "acumulado al mes") of one month; null when nothing had a target yet.</summary>
public sealed record PuntoTendencia(int Mes, decimal? Igi, Banda? Banda, int ActividadesConMeta);
