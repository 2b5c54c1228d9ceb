using System.Text.Json;
using Sipoi.Domain.Estrategia;
using Sipoi.Domain.Evaluacion;
using Sipoi.Domain.Organizacion;
using Sipoi.Domain.Periodos;
using Sipoi.Interop.Evaluacion;

namespace Sipoi.Interop.Tests.Evaluacion;

public class EvaluacionJsonTests
{
    internal static decimal[] Enero(decimal v)
    {
        var r = new decimal[12];
        r[0] = v;
        return r;
    }

    internal static decimal?[] EneroEjecutado(decimal? v)
    {
        var r = new decimal?[12];
        r[0] = v;
        return r;
    }

    internal static ActividadEvaluable Ao(string codigo, string aei, decimal programado, decimal? ejecutado, string centro = "03.01.04.05", string? ficha = null) =>
        new(codigo, aei, centro, ficha, Comportamiento.Suma, 1, Enero(programado), EneroEjecutado(ejecutado));

    internal static ResultadoEvaluacion Ejemplo(MetodoEvaluacion metodo = MetodoEvaluacion.Ceplan, EsquemaBandas? bandas = null, Periodo? periodo = null)
    {
        var pei = new EstructuraPei(
        [
            new OeiPei("OEI.01", 1, [new AeiPei("AEI.01.01", 1), new AeiPei("AEI.01.02", 2), new AeiPei("AEI.01.03", 3)])
            {
                Indicadores = [new IndicadorPei("IND.OEI.01.01", Sentido.Ascendente)
                {
                    Valores = [new MedicionIndicador(2024, PeriodoIndicador.Anual, 135, 181)],
                }],
            },
            new OeiPei("OEI.02", 2, [new AeiPei("AEI.02.01", 1)
            {
                Indicadores =
                [
                    new IndicadorPei("IND.AEI.02.01.01", Sentido.Ascendente) { Valores = [new(2024, PeriodoIndicador.Anual, 8000, 5000)] },
                    new IndicadorPei("IND.AEI.02.01.02", Sentido.Ascendente) { Valores = [new(2024, PeriodoIndicador.Anual, 100, null)] },
                ],
            }]),
        ]);
        ActividadEvaluable[] actividades =
        [
            Ao("AO1", "AEI.01.01", 10, 10, ficha: "FP 34"),
            Ao("AO2", "AEI.01.02", 10, 12, ficha: "FP 34"),
            Ao("AO3", "AEI.01.03", 100, 94, centro: "03.02", ficha: "FP 2"),
            Ao("AO4", "AEI.02.01", 45000, 28000, centro: "03.02"),
            Ao("AO5", "AEI.02.01", 0, 3),
            Ao("AO6", "AEI.02.01", 17009620.80m, null),
        ];
        FichaEvaluable[] fichas = [new("FP 34", "Gerencia General", 2), new("FP 2", "Gerencia de Operaciones")];
        return Evaluador.Evaluar(pei, new ConfiguracionEvaluacion(bandas ?? EsquemaBandas.Nacional, metodo), 2024, periodo ?? Periodo.Anual, actividades, fichas);
    }

    private static JsonElement Parsear(ResultadoEvaluacion r)
    {
        var texto = EvaluacionJson.ComoTexto(r, "300549");
        return JsonDocument.Parse(texto).RootElement.Clone();
    }

    private static JsonElement Por(JsonElement lista, string codigo) =>
        lista.EnumerateArray().Single(e => e.GetProperty("codigo").GetString() == codigo);

    [Fact]
    public void Json_LlevaLaCabeceraDelFormato()
    {
        var j = Parsear(Ejemplo());
        Assert.Equal("sipoi-evaluacion/1", j.GetProperty("formato").GetString());
        Assert.Equal("300549", j.GetProperty("entidad").GetString());
        Assert.Equal(2024, j.GetProperty("anio").GetInt32());
        Assert.Equal("ANUAL", j.GetProperty("periodo").GetString());
        Assert.Equal("ceplan", j.GetProperty("metodo").GetString());
        Assert.Equal(75m, j.GetProperty("bandas").GetProperty("medioDesde").GetDecimal());
    }

    [Fact]
    public void Json_IgiYOeiConSusAeiSinRedondear()
    {
        var r = Ejemplo();
        var j = Parsear(r);
        Assert.Equal(r.Igi, j.GetProperty("igi").GetDecimal());
        var oei = Por(j.GetProperty("oei"), "OEI.01");
        Assert.Equal(1, oei.GetProperty("prioridad").GetInt32());
        Assert.Equal(99m, oei.GetProperty("valor").GetDecimal());
        Assert.Equal("alto", oei.GetProperty("banda").GetString());
        Assert.Equal(3, oei.GetProperty("actividades").GetInt32());
        Assert.Equal(2, oei.GetProperty("actividadesCumplidas").GetInt32());
        var aei = Por(oei.GetProperty("aei"), "AEI.01.03");
        Assert.Equal(3, aei.GetProperty("prioridad").GetInt32());
        Assert.Equal(94m, aei.GetProperty("valor").GetDecimal());
        Assert.Equal("medio", aei.GetProperty("banda").GetString());
        Assert.Equal(1, aei.GetProperty("actividades").GetInt32());
        Assert.Equal(0, aei.GetProperty("actividadesCumplidas").GetInt32());

        var oei2 = Por(j.GetProperty("oei"), "OEI.02");
        var esperado = (28000m * 100m / 45000m + 0m) / 2m;
        Assert.Equal(esperado, oei2.GetProperty("valor").GetDecimal());
        Assert.Equal("bajo", oei2.GetProperty("banda").GetString());
        Assert.Equal(1, oei2.GetProperty("actividadesSinRegistro").GetInt32());
        Assert.Equal(1, oei2.GetProperty("actividadesNoProgramadas").GetInt32());
    }

    [Fact]
    public void Json_CentrosDeCostoYActividades()
    {
        var j = Parsear(Ejemplo());
        var cc = Por(j.GetProperty("centrosCosto"), "03.02");
        Assert.Equal((94m + 28000m * 100m / 45000m) / 2m, cc.GetProperty("valor").GetDecimal());
        Assert.Equal(2, cc.GetProperty("actividades").GetInt32());

        var ao2 = Por(j.GetProperty("actividades"), "AO2");
        Assert.Equal(10m, ao2.GetProperty("programado").GetDecimal());
        Assert.Equal(12m, ao2.GetProperty("ejecutado").GetDecimal());
        Assert.Equal(120m, ao2.GetProperty("ejecucion").GetDecimal());
        Assert.Equal(100m, ao2.GetProperty("ejecucionAjustada").GetDecimal());
        Assert.Equal("con_meta", ao2.GetProperty("estado").GetString());
        Assert.Equal("alto", ao2.GetProperty("banda").GetString());

        var ao4 = Por(j.GetProperty("actividades"), "AO4");
        Assert.Equal(28000m * 100m / 45000m, ao4.GetProperty("ejecucion").GetDecimal());

        var ao5 = Por(j.GetProperty("actividades"), "AO5");
        Assert.Equal(JsonValueKind.Null, ao5.GetProperty("ejecucion").ValueKind);
        Assert.Equal(JsonValueKind.Null, ao5.GetProperty("ejecucionAjustada").ValueKind);
        Assert.Equal(JsonValueKind.Null, ao5.GetProperty("banda").ValueKind);
        Assert.Equal("ejecucion_no_programada", ao5.GetProperty("estado").GetString());

        var ao6 = Por(j.GetProperty("actividades"), "AO6");
        Assert.Equal(17009620.80m, ao6.GetProperty("programado").GetDecimal());
        Assert.Equal(JsonValueKind.Null, ao6.GetProperty("ejecutado").ValueKind);
        Assert.Equal(0m, ao6.GetProperty("ejecucionAjustada").GetDecimal());
        Assert.Equal("sin_registro", ao6.GetProperty("estado").GetString());
    }

    [Fact]
    public void Json_AeiSinDatoExigible_EsSinInformacionYNoCritica()
    {
        // The example measures its indicators for the year only: in the I semester AEI.02.01 has goals and no values.
        var j = Parsear(Ejemplo(periodo: Periodo.Semestre(1))).GetProperty("estrategico");
        Assert.Equal("S1", j.GetProperty("corte").GetString());
        var aei = Por(j.GetProperty("aei"), "AEI.02.01");
        Assert.Equal(JsonValueKind.Null, aei.GetProperty("logro").ValueKind);
        Assert.True(aei.GetProperty("sinInformacion").GetBoolean());
        Assert.False(aei.GetProperty("critica").GetBoolean());
        Assert.False(Por(j.GetProperty("aei"), "AEI.01.01").GetProperty("sinInformacion").GetBoolean());
    }

    [Fact]
    public void Json_VistaEstrategicaConNDComoNull()
    {
        var j = Parsear(Ejemplo()).GetProperty("estrategico");
        Assert.Equal("ANUAL", j.GetProperty("corte").GetString());
        var oei = Por(j.GetProperty("oei"), "OEI.01");
        Assert.Equal(100m, oei.GetProperty("logro").GetDecimal());
        Assert.Equal("alto", oei.GetProperty("banda").GetString());
        Assert.Equal(JsonValueKind.Null, Por(j.GetProperty("oei"), "OEI.02").GetProperty("logro").ValueKind);

        var aei = Por(j.GetProperty("aei"), "AEI.02.01");
        Assert.Equal(62.5m, aei.GetProperty("logro").GetDecimal());
        Assert.Equal("bajo", aei.GetProperty("banda").GetString());
        Assert.True(aei.GetProperty("critica").GetBoolean());
        Assert.False(Por(j.GetProperty("aei"), "AEI.01.01").GetProperty("critica").GetBoolean());

        var ind = Por(j.GetProperty("indicadores"), "IND.AEI.02.01.01");
        Assert.Equal(8000m, ind.GetProperty("logroEsperado").GetDecimal());
        Assert.Equal(5000m, ind.GetProperty("valorObtenido").GetDecimal());
        Assert.Equal(62.5m, ind.GetProperty("avance").GetDecimal());
        Assert.Equal(62.5m, ind.GetProperty("avanceAjustado").GetDecimal());
        var indOei = Por(j.GetProperty("indicadores"), "IND.OEI.01.01");
        Assert.Equal(181m * 100m / 135m, indOei.GetProperty("avance").GetDecimal());
        Assert.Equal(100m, indOei.GetProperty("avanceAjustado").GetDecimal());
        Assert.Equal("ascendente", indOei.GetProperty("sentido").GetString());
        var nd = Por(j.GetProperty("indicadores"), "IND.AEI.02.01.02");
        Assert.Equal(JsonValueKind.Null, nd.GetProperty("valorObtenido").ValueKind);
        Assert.Equal(JsonValueKind.Null, nd.GetProperty("avance").ValueKind);
        Assert.True(nd.GetProperty("datoPendiente").GetBoolean());
    }

    [Fact]
    public void Json_MetodoCeplanNoEscribeFichasNiGerencias()
    {
        var j = Parsear(Ejemplo());
        Assert.False(j.TryGetProperty("fichas", out _));
        Assert.False(j.TryGetProperty("gerencias", out _));
    }

    [Fact]
    public void Json_MetodoPonderadoEscribeFichasYGerencias()
    {
        var j = Parsear(Ejemplo(MetodoEvaluacion.Ponderado, EsquemaBandas.Emsapuno));
        Assert.Equal("ponderado", j.GetProperty("metodo").GetString());
        var fp = Por(j.GetProperty("fichas"), "FP 34");
        Assert.Equal(100m, fp.GetProperty("valor").GetDecimal());
        Assert.Equal("Gerencia General", fp.GetProperty("gerencia").GetString());
        Assert.Equal(2m, fp.GetProperty("peso").GetDecimal());
        var gerencias = j.GetProperty("gerencias");
        var op = gerencias.EnumerateArray().Single(g => g.GetProperty("nombre").GetString() == "Gerencia de Operaciones");
        Assert.Equal(94m, op.GetProperty("valor").GetDecimal());
        Assert.Equal("alto", op.GetProperty("banda").GetString());
        Assert.Equal("Lo lograste", j.GetProperty("bandas").GetProperty("leyendas").GetProperty("alto").GetString());
    }

    [Fact]
    public void Json_TildesSeEscribenTalCual()
    {
        var texto = EvaluacionJson.ComoTexto(Ejemplo(MetodoEvaluacion.Ponderado, EsquemaBandas.Emsapuno), "300549");
        Assert.Contains("Esfuérzate más", texto);
    }

    [Fact]
    public void Json_SeEscribeEnUnUtf8JsonWriterAjeno()
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms))
        {
            w.WriteStartArray();
            EvaluacionJson.Escribir(w, Ejemplo(), "300549");
            w.WriteEndArray();
        }
        using var doc = JsonDocument.Parse(ms.ToArray());
        Assert.Equal("sipoi-evaluacion/1", doc.RootElement[0].GetProperty("formato").GetString());
    }
}
