using Sipoi.Domain.Estrategia;
using Sipoi.Domain.Evaluacion;
using Sipoi.Domain.Organizacion;
using Sipoi.Domain.Periodos;
using static Sipoi.Domain.Tests.Evaluacion.Datos;

namespace Sipoi.Domain.Tests.Evaluacion;

public class AcumuladorEvaluacionTests
{
    private static readonly EstructuraPei PeiSimple = Pei(Oei("OEI.01", 1, Aei("AEI.01.01", 1), Aei("AEI.01.02", 2)));

    [Fact]
    public void Aei_EsPromedioSimpleDeLaEjecucionAjustada()
    {
        var r = Evaluar(PeiSimple, [Ao("A1", "AEI.01.01", 100, 50), Ao("A2", "AEI.01.01", 100, 150)]);
        Assert.Equal(75m, AeiDe(r, "AEI.01.01").Valor);
    }

    [Fact]
    public void Aei_DejaFueraLasActividadesSinMeta()
    {
        var r = Evaluar(PeiSimple, [Ao("A1", "AEI.01.01", 100, 50), Ao("A2", "AEI.01.01", 0, 30), Ao("A3", "AEI.01.01", 0, null)]);
        var aei = AeiDe(r, "AEI.01.01");
        Assert.Equal(50m, aei.Valor);
        Assert.Equal(new ConteoActividades(3, 1, 0, 0, 1), aei.Conteo);
        Assert.Equal(2, aei.Conteo.SinMeta);
    }

    [Fact]
    public void Aei_ActividadConMetaSinRegistro_CuentaComoCero()
    {
        var r = Evaluar(PeiSimple, [Ao("A1", "AEI.01.01", 100, 80), Ao("A2", "AEI.01.01", 100, null)]);
        var aei = AeiDe(r, "AEI.01.01");
        Assert.Equal(40m, aei.Valor);
        Assert.Equal(1, aei.Conteo.SinRegistro);
        var a2 = r.Actividades.Single(a => a.Codigo == "A2");
        Assert.Equal(EstadoEjecucion.SinRegistro, a2.Estado);
        Assert.Null(a2.Ejecutado);
        Assert.Equal(0m, a2.EjecucionAjustada);
    }

    [Fact]
    public void Actividad_ConMetaSinRegistro_NoSePintaPeroCuentaEnSuAei()
    {
        // 75/95 scheme: A1 at 96 % is Alto; A2 has nothing registered, so it has no band (ND), yet its
        // E = 0 still pulls the AEI down to 48 %, which is Bajo.
        var r = Evaluar(PeiSimple, [Ao("A1", "AEI.01.01", 100, 96), Ao("A2", "AEI.01.01", 100, null)]);
        Assert.Equal(Banda.Alto, r.Actividades.Single(a => a.Codigo == "A1").Banda);
        Assert.Null(r.Actividades.Single(a => a.Codigo == "A2").Banda);
        Assert.Equal(48m, AeiDe(r, "AEI.01.01").Valor);
        Assert.Equal(Banda.Bajo, AeiDe(r, "AEI.01.01").Banda);
    }

    [Fact]
    public void Aei_SinActividadesConMeta_NoTieneValor()
    {
        var r = Evaluar(PeiSimple, [Ao("A1", "AEI.01.01", 100, 80), Ao("A2", "AEI.01.02", 0, 5)]);
        var aei = AeiDe(r, "AEI.01.02");
        Assert.Null(aei.Valor);
        Assert.Null(aei.Banda);
        Assert.Equal(1, aei.Conteo.NoProgramadas);
    }

    [Fact]
    public void CentroCosto_EsPromedioSimpleDeLaEjecucionAjustadaDeSusActividades()
    {
        var r = Evaluar(PeiSimple,
        [
            Ao("A1", "AEI.01.01", 100, 120, centro: "03.01"),
            Ao("A2", "AEI.01.02", 100, 70, centro: "03.01"),
            Ao("A3", "AEI.01.02", 100, 10, centro: "03.02"),
            Ao("A4", "AEI.01.02", 0, 10, centro: "03.01"),
        ]);
        Assert.Equal(["03.01", "03.02"], r.CentrosCosto.Select(c => c.Codigo));
        var c1 = r.CentrosCosto[0];
        Assert.Equal(85m, c1.Valor);
        Assert.Equal(Banda.Medio, c1.Banda);
        Assert.Equal(new ConteoActividades(3, 2, 1, 0, 1), c1.Conteo);
        Assert.Equal(10m, r.CentrosCosto[1].Valor);
    }

    private static EstructuraPei PeiConPrioridades(params int[] prioridades) =>
        Pei(Oei("OEI.01", 1, prioridades.Select((p, i) => Aei($"AEI.01.{i + 1:00}", p)).ToArray()));

    private static IEnumerable<ActividadEvaluable> UnaActividadPorAei(params decimal[] valores) =>
        valores.Select((v, i) => Ao($"A{i + 1}", $"AEI.01.{i + 1:00}", 100, v));

    [Fact]
    public void Oei_PesaSusAeiPorPrioridad()
    {
        // Worked example: priorities 1, 2, 3 with values 100, 100, 94 → (3·100 + 2·100 + 1·94)/6 = 99.
        var r = Evaluar(PeiConPrioridades(1, 2, 3), UnaActividadPorAei(100, 100, 94));
        var oei = OeiDe(r, "OEI.01");
        Assert.Equal(99m, oei.Valor);
        Assert.Equal([3, 2, 1], oei.Aeis.Select(a => a.Peso));
    }

    [Fact]
    public void Oei_CuatroAeiDa98YNoElPromedioSimple98Coma75()
    {
        var r = Evaluar(PeiConPrioridades(1, 2, 3, 4), UnaActividadPorAei(95, 100, 100, 100));
        Assert.Equal(98m, OeiDe(r, "OEI.01").Valor);
        Assert.NotEqual(98.75m, OeiDe(r, "OEI.01").Valor);
    }

    [Fact]
    public void Oei_PrioridadUnoPesaMasAunqueLaListaVengaEnOtroOrden()
    {
        var r = Evaluar(PeiConPrioridades(3, 1, 2), UnaActividadPorAei(94, 100, 100));
        Assert.Equal(99m, OeiDe(r, "OEI.01").Valor);
    }

    [Fact]
    public void Oei_AeiSinMetaQuedaFueraYLasDemasConservanSuPeso()
    {
        // Priorities 1, 2, 3 (weights 3, 2, 1); the priority-2 AEI has no target → (3·80 + 1·50)/(3 + 1).
        var actividades = new[] { Ao("A1", "AEI.01.01", 100, 80), Ao("A2", "AEI.01.02", 0, 0), Ao("A3", "AEI.01.03", 100, 50) };
        var r = Evaluar(PeiConPrioridades(1, 2, 3), actividades);
        Assert.Equal(72.5m, OeiDe(r, "OEI.01").Valor);
        Assert.Equal(2, AeiDe(r, "AEI.01.02").Peso);
    }

    [Fact]
    public void Oei_PrioridadesConHuecosMantienenPesosPositivos()
    {
        // Priorities 1, 2, 4 among 3 AEIs: n is taken as 4, weights 4, 3, 1.
        var r = Evaluar(PeiConPrioridades(1, 2, 4), UnaActividadPorAei(100, 50, 20));
        Assert.Equal([4, 3, 1], OeiDe(r, "OEI.01").Aeis.Select(a => a.Peso));
        Assert.Equal((400m + 150m + 20m) / 8m, OeiDe(r, "OEI.01").Valor);
    }

    [Fact]
    public void Oei_CuentaActividadesConMetaYCumplidasDeSusAei()
    {
        var r = Evaluar(PeiSimple,
        [
            Ao("A1", "AEI.01.01", 100, 100), Ao("A2", "AEI.01.01", 100, 130), Ao("A3", "AEI.01.01", 100, 99.99m),
            Ao("A4", "AEI.01.02", 10, null), Ao("A5", "AEI.01.02", 0, 3),
        ]);
        Assert.Equal(new ConteoActividades(3, 3, 2, 0, 0), AeiDe(r, "AEI.01.01").Conteo);
        Assert.Equal(new ConteoActividades(2, 1, 0, 1, 1), AeiDe(r, "AEI.01.02").Conteo);
        Assert.Equal(new ConteoActividades(5, 4, 2, 1, 1), OeiDe(r, "OEI.01").Conteo);
        Assert.Equal(new ConteoActividades(5, 4, 2, 1, 1), r.Conteo);
    }

    private static readonly EstructuraPei DosOei = Pei(
        Oei("OEI.01", 2, Aei("AEI.01.01", 1)),
        Oei("OEI.02", 1, Aei("AEI.02.01", 1)),
        Oei("OEI.03", 3, Aei("AEI.03.01", 1)));

    [Fact]
    public void Igi_PesaLosOeiPorPrioridad()
    {
        // N = 3: OEI.02 (p1) weighs 3, OEI.01 (p2) 2, OEI.03 (p3) 1.
        var r = Evaluar(DosOei, [Ao("A1", "AEI.01.01", 100, 90), Ao("A2", "AEI.02.01", 100, 60), Ao("A3", "AEI.03.01", 100, 30)]);
        Assert.Equal((2m * 90 + 3m * 60 + 1m * 30) / 6m, r.Igi);
        Assert.Equal(Banda.Bajo, r.BandaIgi);
        Assert.Equal([2, 3, 1], r.Oeis.Select(o => o.Peso));
    }

    [Fact]
    public void Igi_OeiSinValorQuedaFuera()
    {
        var r = Evaluar(DosOei, [Ao("A1", "AEI.01.01", 100, 90), Ao("A2", "AEI.02.01", 100, 60)]);
        Assert.Null(OeiDe(r, "OEI.03").Valor);
        Assert.Equal((2m * 90 + 3m * 60) / 5m, r.Igi);
    }

    [Fact]
    public void Igi_SinActividadesConMeta_NoTieneValor()
    {
        var r = Evaluar(DosOei, [Ao("A1", "AEI.01.01", 0, 5)]);
        Assert.Null(r.Igi);
        Assert.Null(r.BandaIgi);
        Assert.All(r.Oeis, o => Assert.Null(o.Valor));
    }

    [Fact]
    public void Periodo_AgregaLosMesesSegunElComportamiento()
    {
        var ao = new ActividadEvaluable("A1", "AEI.01.01", "01", null, Comportamiento.Suma, 1,
            Meses(10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10), Registrado(10, 10, 10, 10, 10, 10, 5, 5));
        Assert.Equal(100m, Evaluar(PeiSimple, [ao], Periodo.Semestre(1)).Igi);
        Assert.Equal(1000m / 60m, Evaluar(PeiSimple, [ao], Periodo.Semestre(2)).Igi);
        Assert.Equal(7000m / 120m, Evaluar(PeiSimple, [ao], Periodo.Anual).Igi);
        Assert.Equal(50m, Evaluar(PeiSimple, [ao], Periodo.Mes(8)).Igi);
        Assert.Equal(0m, Evaluar(PeiSimple, [ao], Periodo.Mes(9)).Igi);
        Assert.Equal(EstadoEjecucion.SinRegistro, Evaluar(PeiSimple, [ao], Periodo.Mes(9)).Actividades[0].Estado);
    }

    [Fact]
    public void ValoresDelPeriodoYaAgregados_DanLoMismoQueLosMeses()
    {
        var ao = new ActividadEvaluable("A1", "AEI.01.01", "01", null, Comportamiento.Promedio, 1,
            Meses(21, 21, 21, 21, 21, 21), Registrado(20, 19, 21));
        var porMeses = Evaluar(PeiSimple, [ao], Periodo.Semestre(1));
        var acumulador = new AcumuladorEvaluacion(PeiSimple, ConfiguracionEvaluacion.PorDefecto, 2024, Periodo.Semestre(1));
        acumulador.AgregarValoresDelPeriodo("A1", "AEI.01.01", "01", null, 1, 21, 20);
        var agregado = acumulador.Resultado();
        Assert.Equal(porMeses.Igi, agregado.Igi);
        Assert.Equal(porMeses.Actividades[0], agregado.Actividades[0]);
    }

    [Fact]
    public void Actividad_MuestraEjecucionBrutaAjustadaEstadoYBanda()
    {
        var r = Evaluar(PeiSimple, [Ao("B", "AEI.01.01", 45000, 28000, ficha: "FP 1", peso: 2), Ao("A", "AEI.01.02", 100, 130)]);
        Assert.Equal(["A", "B"], r.Actividades.Select(a => a.Codigo));
        var a = r.Actividades[0];
        Assert.Equal(130m, a.Ejecucion);
        Assert.Equal(100m, a.EjecucionAjustada);
        Assert.Equal(Banda.Alto, a.Banda);
        Assert.Equal(EstadoEjecucion.ConMeta, a.Estado);
        var b = r.Actividades[1];
        Assert.Equal(new ResultadoActividad("B", "AEI.01.01", "01", "FP 1", 2, 45000, 28000,
            28000m * 100m / 45000m, 28000m * 100m / 45000m, EstadoEjecucion.ConMeta, Banda.Bajo), b);
    }

    [Fact]
    public void SinListaDeActividades_SoloDaLosAgregados()
    {
        var r = Evaluador.Evaluar(PeiSimple, ConfiguracionEvaluacion.PorDefecto, 2024, Periodo.Anual,
            [Ao("A1", "AEI.01.01", 100, 50)], incluirActividades: false);
        Assert.Empty(r.Actividades);
        Assert.Equal(50m, r.Igi);
    }

    [Fact]
    public void Actividad_ConAeiFueraDelPei_SeRechaza()
    {
        var e = Assert.Throws<ArgumentException>(() => Evaluar(PeiSimple, [Ao("A1", "AEI.09.09", 100, 50)]));
        Assert.Contains("AEI.09.09", e.Message);
    }

    [Fact]
    public void Actividad_Repetida_SeRechaza()
    {
        var e = Assert.Throws<ArgumentException>(() => Evaluar(PeiSimple, [Ao("A1", "AEI.01.01", 100, 50), Ao("A1", "AEI.01.02", 1, 1)]));
        Assert.Contains("A1", e.Message);
    }

    [Fact]
    public void Actividad_PesoNoPositivo_SeRechaza() =>
        Rechazo.Con<ArgumentException>(() => Evaluar(PeiSimple, [Ao("A1", "AEI.01.01", 100, 50, peso: 0)]), "El peso de la actividad A1 debe ser mayor que cero.");

    [Fact]
    public void Bandas_UsanLosUmbralesDeLaEntidad()
    {
        var emsapuno = new ConfiguracionEvaluacion(EsquemaBandas.Emsapuno);
        var r = Evaluar(PeiSimple, [Ao("A1", "AEI.01.01", 100, 90), Ao("A2", "AEI.01.02", 100, 79)], configuracion: emsapuno);
        Assert.Equal(Banda.Medio, AeiDe(r, "AEI.01.01").Banda);
        Assert.Equal(Banda.Bajo, AeiDe(r, "AEI.01.02").Banda);
        var n = Evaluar(PeiSimple, [Ao("A1", "AEI.01.01", 100, 90), Ao("A2", "AEI.01.02", 100, 79)]);
        Assert.Equal(Banda.Medio, AeiDe(n, "AEI.01.01").Banda);
        Assert.Equal(Banda.Medio, AeiDe(n, "AEI.01.02").Banda);
    }

    [Fact]
    public void Resultado_PuedePedirseOtraVezTrasAgregarMas()
    {
        var acumulador = new AcumuladorEvaluacion(PeiSimple, ConfiguracionEvaluacion.PorDefecto, 2024, Periodo.Anual);
        acumulador.Agregar(Ao("B", "AEI.01.01", 100, 40));
        Assert.Equal(40m, acumulador.Resultado().Igi);
        acumulador.Agregar(Ao("A", "AEI.01.01", 100, 60));
        Assert.Equal(50m, acumulador.Resultado().Igi);
        Assert.Equal(2, acumulador.Cantidad);
    }

    // Weighted process method (EMSAPUNO).

    private static readonly FichaEvaluable[] Fichas =
    [
        new("FP 34", "Gerencia General", 2),
        new("FP 2", "Gerencia General"),
        new("FP 9", "Gerencia de Operaciones"),
        new("FP 10", "Gerencia de Operaciones"),
    ];

    [Fact]
    public void Ficha_EsPromedioPonderadoDeSusActividadesPorPeso()
    {
        var r = Evaluar(PeiSimple,
        [
            Ao("A1", "AEI.01.01", 100, 100, ficha: "FP 34", peso: 3),
            Ao("A2", "AEI.01.01", 100, 50, ficha: "FP 34", peso: 1),
            Ao("A3", "AEI.01.01", 100, 200, ficha: "FP 2", peso: 1),
            Ao("A4", "AEI.01.01", 0, 5, ficha: "FP 2", peso: 9),
        ], fichas: Fichas);
        Assert.Equal(["FP 34", "FP 2", "FP 9", "FP 10"], r.Fichas.Select(f => f.Codigo));
        Assert.Equal(87.5m, r.Fichas[0].Valor);
        Assert.Equal(100m, r.Fichas[1].Valor);
        Assert.Null(r.Fichas[2].Valor);
        Assert.Equal(new ConteoActividades(2, 1, 1, 0, 1), r.Fichas[1].Conteo);
    }

    [Fact]
    public void Gerencia_EsPromedioPonderadoDeSusFichasConValor()
    {
        var r = Evaluar(PeiSimple,
        [
            Ao("A1", "AEI.01.01", 100, 70, ficha: "FP 34"),
            Ao("A2", "AEI.01.01", 100, 100, ficha: "FP 2"),
            Ao("A3", "AEI.01.01", 100, 40, ficha: "FP 9"),
        ], fichas: Fichas);
        var gg = r.Gerencias.Single(g => g.Nombre == "Gerencia General");
        Assert.Equal((2m * 70 + 1m * 100) / 3m, gg.Valor);
        Assert.Equal(2, gg.Fichas);
        var go = r.Gerencias.Single(g => g.Nombre == "Gerencia de Operaciones");
        Assert.Equal(40m, go.Valor);
        Assert.Equal(2, go.Fichas);
        Assert.Equal(1, go.FichasConValor);
        Assert.Equal(Banda.Bajo, go.Banda);
    }

    [Fact]
    public void Ficha_NoDeclaradaPesaUnoYNoTieneGerencia()
    {
        var r = Evaluar(PeiSimple, [Ao("A1", "AEI.01.01", 100, 70, ficha: "FP 99"), Ao("A2", "AEI.01.01", 100, 80, ficha: "FP 98")], fichas: Fichas);
        Assert.Equal(["FP 34", "FP 2", "FP 9", "FP 10", "FP 98", "FP 99"], r.Fichas.Select(f => f.Codigo));
        var fp = r.Fichas.Single(f => f.Codigo == "FP 99");
        Assert.Null(fp.Gerencia);
        Assert.Equal(1m, fp.Peso);
        Assert.Equal(70m, fp.Valor);
        Assert.Equal(2, r.Gerencias.Count);
    }

    [Fact]
    public void MetodoPonderado_NoCambiaLosValoresCeplan()
    {
        var actividades = new[] { Ao("A1", "AEI.01.01", 100, 70, ficha: "FP 34", peso: 5), Ao("A2", "AEI.01.02", 100, 100, ficha: "FP 2") };
        var ceplan = Evaluar(PeiSimple, actividades, fichas: Fichas);
        var ponderado = Evaluar(PeiSimple, actividades, fichas: Fichas,
            configuracion: new ConfiguracionEvaluacion(EsquemaBandas.Nacional, MetodoEvaluacion.Ponderado));
        Assert.Equal(ceplan.Igi, ponderado.Igi);
        Assert.Equal(MetodoEvaluacion.Ponderado, ponderado.Metodo);
        Assert.Equal(ceplan.Fichas, ponderado.Fichas);
    }

    // Strategic view.

    private static EstructuraPei PeiEstrategico() => Pei(
        new OeiPei("OEI.03", 1,
        [
            Aei("AEI.03.01", 1, Ind("I1", 100, 62.50m), Ind("I2", 100, 35.96m), Ind("I3", 100, 18.78m)),
            Aei("AEI.03.02", 2, Ind("I4", 100, 42.50m), Ind("I5", 370, 387), Ind("I6", 10, 10)),
            Aei("AEI.03.03", 3, Ind("I7", 100, null), Ind("I8", 100, null)),
            Aei("AEI.03.04", 4, Ind("I9", null, null)),
            Aei("AEI.03.05", 5),
        ])
        {
            Indicadores = [Ind("IO1", 135, 181), Ind("IO2", 100, 50)],
        });

    [Fact]
    public void LogroDeAei_EsPromedioSimpleDeSusIndicadoresAjustados()
    {
        var r = Evaluar(PeiEstrategico(), []);
        Assert.Equal(39.08m, R2(LogroAeiDe(r, "AEI.03.01").Logro));
        Assert.Equal(80.83m, R2(LogroAeiDe(r, "AEI.03.02").Logro));
        var km = r.Estrategico.Indicadores.Single(i => i.Codigo == "I5");
        Assert.Equal(387m * 100m / 370m, km.Avance);
        Assert.Equal(100m, km.AvanceAjustado);
        Assert.Equal("AEI.03.02", km.AeiCodigo);
    }

    [Fact]
    public void LogroDeOei_UsaSoloSusPropiosIndicadores()
    {
        var r = Evaluar(PeiEstrategico(), []);
        var oei = r.Estrategico.Oeis.Single();
        Assert.Equal(75m, oei.Logro);
        Assert.Equal(Banda.Medio, oei.Banda);
        Assert.Equal(2, oei.IndicadoresConDato);
        Assert.Null(r.Estrategico.Indicadores.Single(i => i.Codigo == "IO1").AeiCodigo);
    }

    [Fact]
    public void Aei_EsCriticaCuandoSuLogroEstaEnBandaBaja()
    {
        var r = Evaluar(PeiEstrategico(), []);
        Assert.True(LogroAeiDe(r, "AEI.03.01").Critica);
        Assert.Equal(Banda.Bajo, LogroAeiDe(r, "AEI.03.01").Banda);
        Assert.False(LogroAeiDe(r, "AEI.03.02").Critica);
    }

    [Fact]
    public void Aei_NDConDatoExigible_EsSinInformacionNuncaCritica()
    {
        var r = Evaluar(PeiEstrategico(), []);
        var pendiente = LogroAeiDe(r, "AEI.03.03");
        Assert.Null(pendiente.Logro);
        Assert.Null(pendiente.Banda);
        Assert.True(pendiente.SinInformacion);
        Assert.False(pendiente.Critica);
        Assert.False(LogroAeiDe(r, "AEI.03.01").SinInformacion);
        Assert.False(LogroAeiDe(r, "AEI.03.04").Critica);
        Assert.False(LogroAeiDe(r, "AEI.03.05").Critica);
        Assert.False(LogroAeiDe(r, "AEI.03.05").SinInformacion);
    }

    [Fact]
    public void SegundoSemestre_UsaElValorObtenidoDelSemestre()
    {
        var ind = new IndicadorPei("IS", Sentido.Ascendente)
        {
            Valores = [new(2024, PeriodoIndicador.Anual, 100, 90), new(2024, PeriodoIndicador.Semestre2, null, 40)],
        };
        var pei = Pei(new OeiPei("OEI.01", 1, [Aei("AEI.01.01", 1, ind)]));
        Assert.Equal(40m, LogroAeiDe(Evaluar(pei, [], Periodo.Semestre(2)), "AEI.01.01").Logro);
        Assert.Equal(90m, LogroAeiDe(Evaluar(pei, [], Periodo.Anual), "AEI.01.01").Logro);
        var sinSemestre = LogroAeiDe(Evaluar(pei, [], Periodo.Semestre(1)), "AEI.01.01");
        Assert.Null(sinSemestre.Logro);
        Assert.True(sinSemestre.SinInformacion);
    }

    [Fact]
    public void Aei_NoEsCriticaPorFaltaDeDatosAntesDeJunio()
    {
        var r = Evaluar(PeiEstrategico(), [], Periodo.Trimestre(1));
        Assert.Null(r.Estrategico.Corte);
        Assert.All(r.Estrategico.Aeis, a => Assert.False(a.Critica));
        Assert.All(r.Estrategico.Aeis, a => Assert.False(a.SinInformacion));
        Assert.All(r.Estrategico.Indicadores, i => Assert.Null(i.Avance));
    }

    [Fact]
    public void Indicador_SinMetaEnElAnio_EsNDSinEstarPendiente()
    {
        var r = Evaluar2025();
        Assert.All(r.Estrategico.Indicadores, i => Assert.False(i.DatoPendiente));
        Assert.All(r.Estrategico.Aeis, a => Assert.Null(a.Logro));

        static ResultadoEvaluacion Evaluar2025() =>
            Evaluador.Evaluar(PeiEstrategico(), ConfiguracionEvaluacion.PorDefecto, 2025, Periodo.Anual, []);
    }

    [Fact]
    public void Indicador_DescendenteYNoDefinidoEnElMotor()
    {
        var pei = Pei(Oei("OEI.01", 1, Aei("AEI.01.01", 1,
            Ind("D", 20, 25, Sentido.Descendente),
            new IndicadorPei("N", Sentido.NoDefinido)
            {
                MaximoPermisible = 30,
                Valores = [new MedicionIndicador(2024, PeriodoIndicador.Anual, null, 28)],
            })));
        var r = Evaluar(pei, []);
        Assert.Equal(80m, r.Estrategico.Indicadores[0].Avance);
        Assert.Equal(100m, r.Estrategico.Indicadores[1].Avance);
        Assert.Equal(90m, r.Estrategico.Aeis[0].Logro);
    }
}
