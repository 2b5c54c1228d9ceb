using Sipoi.Domain.Estrategia;

namespace Sipoi.Domain.Evaluacion;

/// <summary>The strategic view: indicator achievement rolled up to its own AEI or OEI.</summary>
public static class EvaluacionEstrategica
{
    public static VistaEstrategica Evaluar(EstructuraPei pei, int anio, PeriodoIndicador? corte, EsquemaBandas bandas)
    {
        var oeis = new List<LogroOei>(pei.Oeis.Count);
        var aeis = new List<LogroAei>();
        var indicadores = new List<ResultadoIndicador>();
        foreach (var oei in pei.Oeis)
        {
            var media = Indicadores(oei.Indicadores, oei.Codigo, null, anio, corte, bandas, indicadores, out _);
            oeis.Add(new LogroOei(oei.Codigo, media.Valor, bandas.Clasificar(media.Valor), oei.Indicadores.Count, media.Cantidad));
            foreach (var aei in oei.Aeis)
            {
                var m = Indicadores(aei.Indicadores, oei.Codigo, aei.Codigo, anio, corte, bandas, indicadores, out var pendiente);
                var banda = bandas.Clasificar(m.Valor);
                // DOMAIN.md §5: crítica only in the red band; ND while a measurement was due is "sin información".
                var critica = banda == Banda.Bajo;
                var sinInformacion = m.Valor is null && pendiente;
                aeis.Add(new LogroAei(aei.Codigo, oei.Codigo, m.Valor, banda, critica, aei.Indicadores.Count, m.Cantidad)
                {
                    SinInformacion = sinInformacion,
                });
            }
        }
        return new VistaEstrategica(corte, oeis, aeis, indicadores);
    }

    /// <summary>An indicator's result for a year and cut.</summary>
    public static ResultadoIndicador Evaluar(IndicadorPei indicador, string oeiCodigo, string? aeiCodigo, int anio,
        PeriodoIndicador? corte, EsquemaBandas bandas)
    {
        var (esperado, obtenido) = Logro.Valores(indicador, anio, corte);
        var avance = Logro.Avance(indicador.Sentido, esperado, obtenido, indicador.MaximoPermisible, indicador.MinimoPermisible);
        var ajustado = Logro.Ajustado(avance);
        var pendiente = corte is not null && Logro.DatoPendiente(indicador.Sentido, esperado, obtenido,
            indicador.MaximoPermisible, indicador.MinimoPermisible);
        return new ResultadoIndicador(indicador.Codigo, oeiCodigo, aeiCodigo, indicador.Sentido, esperado, obtenido,
            avance, ajustado, bandas.Clasificar(ajustado), pendiente);
    }

    private static MediaPonderada Indicadores(IReadOnlyList<IndicadorPei> lista, string oei, string? aei, int anio,
        PeriodoIndicador? corte, EsquemaBandas bandas, List<ResultadoIndicador> salida, out bool pendiente)
    {
        var media = new MediaPonderada();
        pendiente = false;
        foreach (var ind in lista)
        {
            var r = Evaluar(ind, oei, aei, anio, corte, bandas);
            salida.Add(r);
            if (r.AvanceAjustado is { } ac) media.Agregar(ac);
            pendiente |= r.DatoPendiente;
        }
        return media;
    }
}
