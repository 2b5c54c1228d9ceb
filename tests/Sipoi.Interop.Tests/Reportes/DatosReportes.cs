using Sipoi.Domain.Estrategia;
using Sipoi.Domain.Evaluacion;
using Sipoi.Domain.Periodos;

namespace Sipoi.Interop.Tests.Reportes;

/// <summary>
/// A small entity evaluated by the real engine for S1, S2 and the year, so the report tests
/// check the files against the engine's own figures (nothing is recomputed in the tests).
/// </summary>
internal static class DatosReportes
{
    public const string Entidad = "MUNICIPALIDAD PROVINCIAL DE EJEMPLO";

    private static decimal[] P(params decimal[] v) => v;
    private static decimal?[] E(params decimal?[] v) => v;
    private static decimal[] Doce(decimal v) => Enumerable.Repeat(v, 12).ToArray();
    private static decimal?[] DoceE(decimal? v) => Enumerable.Repeat(v, 12).ToArray();

    private static MedicionIndicador Anual(decimal? le, decimal? vo) => new(2024, PeriodoIndicador.Anual, le, vo);

    public static EstructuraPei Pei { get; } = new(
    [
        new OeiPei("OEI.01", 1,
        [
            new AeiPei("AEI.01.01", 1) { Indicadores = [new IndicadorPei("IND.01.01.1", Sentido.Ascendente) { Valores = [Anual(80, 80)] }] },
            new AeiPei("AEI.01.02", 2) { Indicadores = [new IndicadorPei("IND.01.02.1", Sentido.Descendente) { Valores = [Anual(10, 20)] }] },
        ])
        {
            Indicadores = [new IndicadorPei("IND.01.1", Sentido.Ascendente) { Valores = [Anual(100, 94.27m)] }],
        },
        new OeiPei("OEI.02", 2,
        [
            new AeiPei("AEI.02.01", 1) { Indicadores = [new IndicadorPei("IND.02.01.1", Sentido.Ascendente) { Valores = [Anual(10, 9)] }] },
        ])
        {
            Indicadores = [new IndicadorPei("IND.02.1", Sentido.Ascendente) { Valores = [Anual(50, null)] }],
        },
    ]);

    public sealed record Actividad(ActividadEvaluable Evaluable, string Nombre, string Unidad, string ActividadPresupuestal, string CentroNombre);

    public static IReadOnlyList<Actividad> Actividades { get; } =
    [
        new(new("AO-001", "AEI.01.01", "01.01", null, Comportamiento.Suma, 1, Doce(10), DoceE(10)),
            "Atención de expedientes de licencias", "Expediente", "9001 ACCIONES CENTRALES", "Gerencia de Desarrollo Urbano"),
        new(new("AO-002", "AEI.01.01", "01.01", null, Comportamiento.Suma, 1,
                P(0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1), E(0, 0, 1, 0, 0, null, null, null, null, null, null, null)),
            "Informe trimestral de control urbano", "Informe", "9001 ACCIONES CENTRALES", "Gerencia de Desarrollo Urbano"),
        new(new("AO-003", "AEI.01.02", "02.01", null, Comportamiento.Promedio, 1, Doce(21), DoceE(20)),
            "Presión de servicio en la red de agua", "m.c.a.", "9002 APNOP", "Subgerencia de Servicios Públicos"),
        new(new("AO-004", "AEI.02.01", "02.01", null, Comportamiento.Suma, 1, Doce(5), DoceE(6)),
            "Campañas de sensibilización ambiental", "Campaña", "9002 APNOP", "Subgerencia de Servicios Públicos"),
    ];

    public static ResultadoEvaluacion Evaluar(Periodo periodo) =>
        Evaluador.Evaluar(Pei, ConfiguracionEvaluacion.PorDefecto, 2024, periodo, Actividades.Select(a => a.Evaluable));

    public static IReadOnlyDictionary<string, string> Denominaciones { get; } = new Dictionary<string, string>
    {
        ["OEI.01"] = "Mejorar la gestión del territorio provincial",
        ["AEI.01.01"] = "Licencias y autorizaciones oportunas para la población",
        ["AEI.01.02"] = "Servicio de agua continuo para la población urbana",
        ["OEI.02"] = "Reducir la vulnerabilidad ambiental de la provincia",
        ["AEI.02.01"] = "Educación ambiental para la población",
        ["01.01"] = "GERENCIA DE DESARROLLO URBANO",
        ["02.01"] = "SUBGERENCIA DE SERVICIOS PÚBLICOS",
    };
}
