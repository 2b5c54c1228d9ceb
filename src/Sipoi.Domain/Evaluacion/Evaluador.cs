using Sipoi.Domain.Periodos;

namespace Sipoi.Domain.Evaluacion;

/// <summary>One-call entry point when the activities are already in memory.</summary>
public static class Evaluador
{
    public static ResultadoEvaluacion Evaluar(EstructuraPei pei, ConfiguracionEvaluacion configuracion, int anio, Periodo periodo,
        IEnumerable<ActividadEvaluable> actividades, IReadOnlyList<FichaEvaluable>? fichas = null, bool incluirActividades = true)
    {
        var acumulador = new AcumuladorEvaluacion(pei, configuracion, anio, periodo, fichas, incluirActividades);
        foreach (var a in actividades) acumulador.Agregar(a);
        return acumulador.Resultado();
    }
}
