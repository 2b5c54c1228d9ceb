using Sipoi.Domain.Estrategia;
using Sipoi.Domain.Evaluacion;
using Sipoi.Domain.Periodos;

namespace Sipoi.Domain.Tests.Evaluacion;

/// <summary>Small builders so each test states only the figures its rule is about.</summary>
internal static class Datos
{
    public static EstructuraPei Pei(params OeiPei[] oeis) => new(oeis);

    public static OeiPei Oei(string codigo, int prioridad, params AeiPei[] aeis) => new(codigo, prioridad, aeis);

    public static AeiPei Aei(string codigo, int prioridad, params IndicadorPei[] indicadores) =>
        new(codigo, prioridad) { Indicadores = indicadores };

    /// <summary>An ascending indicator with LE and VO for <paramref name="anio"/>.</summary>
    public static IndicadorPei Ind(string codigo, decimal? esperado, decimal? obtenido, Sentido sentido = Sentido.Ascendente, int anio = 2024) =>
        new(codigo, sentido) { Valores = [new MedicionIndicador(anio, PeriodoIndicador.Anual, esperado, obtenido)] };

    public static decimal[] Meses(params decimal[] m)
    {
        var r = new decimal[12];
        m.CopyTo(r, 0);
        return r;
    }

    public static decimal?[] Registrado(params decimal?[] m)
    {
        var r = new decimal?[12];
        m.CopyTo(r, 0);
        return r;
    }

    /// <summary>An activity whose whole target and execution sit in January (so any period containing January sees them).</summary>
    public static ActividadEvaluable Ao(string codigo, string aei, decimal programado, decimal? ejecutado,
        string centro = "01", string? ficha = null, decimal peso = 1m) =>
        new(codigo, aei, centro, ficha, Comportamiento.Suma, peso, Meses(programado), Registrado(ejecutado));

    public static ResultadoEvaluacion Evaluar(EstructuraPei pei, IEnumerable<ActividadEvaluable> actividades,
        Periodo? periodo = null, IReadOnlyList<FichaEvaluable>? fichas = null, ConfiguracionEvaluacion? configuracion = null) =>
        Evaluador.Evaluar(pei, configuracion ?? ConfiguracionEvaluacion.PorDefecto, 2024, periodo ?? Periodo.Anual, actividades, fichas);

    public static ResultadoAei AeiDe(ResultadoEvaluacion r, string codigo) =>
        r.Oeis.SelectMany(o => o.Aeis).Single(a => a.Codigo == codigo);

    public static ResultadoOei OeiDe(ResultadoEvaluacion r, string codigo) => r.Oeis.Single(o => o.Codigo == codigo);

    public static LogroAei LogroAeiDe(ResultadoEvaluacion r, string codigo) => r.Estrategico.Aeis.Single(a => a.Codigo == codigo);

    public static decimal R2(decimal? v) => Math.Round(v ?? throw new InvalidOperationException("valor nulo"), 2, MidpointRounding.AwayFromZero);
}
