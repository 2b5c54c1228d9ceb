using Sipoi.Domain.Estrategia;
using Sipoi.Domain.Evaluacion;
using Sipoi.Domain.Periodos;
using static Sipoi.Domain.Tests.Evaluacion.Datos;

namespace Sipoi.Domain.Tests.Evaluacion;

public class LogroTests
{
    [Fact]
    public void Ascendente_EsObtenidoEntreEsperadoPorCien()
    {
        Assert.Equal(62.5m, Logro.Avance(Sentido.Ascendente, 8000, 5000));
        Assert.Equal(181m * 100m / 135m, Logro.Avance(Sentido.Ascendente, 135, 181));
    }

    [Fact]
    public void Ascendente_387KmDe370_MuestraAvanceBrutoYAgregaTopeCien()
    {
        var a = Logro.Avance(Sentido.Ascendente, 370, 387);
        Assert.Equal(104.59m, R2(a));
        Assert.Equal(100m, Logro.Ajustado(a));
    }

    [Fact]
    public void Descendente_EsEsperadoEntreObtenidoPorCien()
    {
        Assert.Equal(50m, Logro.Avance(Sentido.Descendente, 10, 20));
        Assert.Equal(125m, Logro.Avance(Sentido.Descendente, 25, 20));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void Descendente_ObtenidoCeroConEsperadoNoNegativo_Cumple(int esperado) =>
        Assert.Equal(100m, Logro.Avance(Sentido.Descendente, esperado, 0));

    [Fact]
    public void NoDefinido_DentroDelMaximoPermisible_Cumple()
    {
        Assert.Equal(100m, Logro.Avance(Sentido.NoDefinido, null, 30, maximoPermisible: 30));
        Assert.Equal(100m, Logro.Avance(Sentido.NoDefinido, null, 10, maximoPermisible: 30));
    }

    [Fact]
    public void NoDefinido_SobreElMaximo_EsProporcionalComoDescendente() =>
        Assert.Equal(75m, Logro.Avance(Sentido.NoDefinido, null, 40, maximoPermisible: 30));

    [Fact]
    public void NoDefinido_DentroDelMinimoPermisible_Cumple() =>
        Assert.Equal(100m, Logro.Avance(Sentido.NoDefinido, null, 0.5m, minimoPermisible: 0.5m));

    [Fact]
    public void NoDefinido_BajoElMinimo_EsProporcionalComoAscendente() =>
        Assert.Equal(80m, Logro.Avance(Sentido.NoDefinido, null, 0.4m, minimoPermisible: 0.5m));

    [Fact]
    public void NoDefinido_ConRangoPermisible_CumpleDentroYEsProporcionalFuera()
    {
        Assert.Equal(100m, Logro.Avance(Sentido.NoDefinido, null, 1.0m, 1.5m, 0.5m));
        Assert.Equal(75m, Logro.Avance(Sentido.NoDefinido, null, 2.0m, 1.5m, 0.5m));
        Assert.Equal(50m, Logro.Avance(Sentido.NoDefinido, null, 0.25m, 1.5m, 0.5m));
    }

    [Fact]
    public void NoDefinido_SinLimites_EsND() =>
        Assert.Null(Logro.Avance(Sentido.NoDefinido, 10, 10));

    [Fact]
    public void SinEsperado_EsND()
    {
        Assert.Null(Logro.Avance(Sentido.Ascendente, null, 10));
        Assert.Null(Logro.Avance(Sentido.Descendente, null, 10));
    }

    [Fact]
    public void AscendenteConEsperadoCero_EsND() =>
        Assert.Null(Logro.Avance(Sentido.Ascendente, 0, 10));

    [Theory]
    [InlineData(Sentido.Ascendente)]
    [InlineData(Sentido.Descendente)]
    [InlineData(Sentido.NoDefinido)]
    public void SinValorObtenido_EsND(Sentido sentido) =>
        Assert.Null(Logro.Avance(sentido, 10, null, 20, 5));

    [Fact]
    public void AvanceAjustado_EsElMinimoEntreAvanceYCien()
    {
        Assert.Equal(100m, Logro.Ajustado(134.07m));
        Assert.Equal(42.5m, Logro.Ajustado(42.5m));
        Assert.Null(Logro.Ajustado((decimal?)null));
    }

    [Fact]
    public void LogroDeAei_EjemploTresIndicadores_Da39Coma08() =>
        Assert.Equal(39.08m, R2(MediaPonderada.De([62.50m, 35.96m, 18.78m])));

    [Fact]
    public void LogroDeAei_Ejemplo387KmDe370_Da80Coma83()
    {
        var km = Logro.Ajustado(Logro.Avance(Sentido.Ascendente, 370, 387)!.Value);
        Assert.Equal(80.83m, R2(MediaPonderada.De([42.50m, km, 100m])));
    }

    [Theory]
    [InlineData("ANUAL", PeriodoIndicador.Anual)]
    [InlineData("S2", PeriodoIndicador.Semestre2)]
    [InlineData("T4", PeriodoIndicador.Anual)]
    [InlineData("A12", PeriodoIndicador.Anual)]
    [InlineData("M12", PeriodoIndicador.Anual)]
    [InlineData("S1", PeriodoIndicador.Semestre1)]
    [InlineData("A06", PeriodoIndicador.Semestre1)]
    [InlineData("T3", PeriodoIndicador.Semestre1)]
    [InlineData("A11", PeriodoIndicador.Semestre1)]
    public void Corte_EsLaMedicionVencidaAlCierreDelPeriodo(string periodo, PeriodoIndicador corte) =>
        Assert.Equal(corte, Logro.Corte(Periodo.Parse(periodo)));

    [Theory]
    [InlineData("T1")]
    [InlineData("M05")]
    [InlineData("A05")]
    public void Corte_AntesDeJunioNoHayMedicionVencida(string periodo) =>
        Assert.Null(Logro.Corte(Periodo.Parse(periodo)));

    [Fact]
    public void Semestre_UsaElValorDelSemestreYElEsperadoDelSemestreOElAnual()
    {
        var sinMetaSemestral = new IndicadorPei("I", Sentido.Ascendente)
        {
            Valores = [new(2024, PeriodoIndicador.Anual, 100, 90), new(2024, PeriodoIndicador.Semestre1, null, 40)],
        };
        Assert.Equal((100m, 40m), Logro.Valores(sinMetaSemestral, 2024, PeriodoIndicador.Semestre1));
        Assert.Equal((100m, 90m), Logro.Valores(sinMetaSemestral, 2024, PeriodoIndicador.Anual));

        var conMetaSemestral = sinMetaSemestral with
        {
            Valores = [new(2024, PeriodoIndicador.Anual, 100, 90), new(2024, PeriodoIndicador.Semestre1, 50, 40)],
        };
        Assert.Equal((50m, 40m), Logro.Valores(conMetaSemestral, 2024, PeriodoIndicador.Semestre1));
        Assert.Equal(((decimal?)null, (decimal?)null), Logro.Valores(conMetaSemestral, 2025, PeriodoIndicador.Anual));
        Assert.Equal(((decimal?)null, (decimal?)null), Logro.Valores(conMetaSemestral, 2024, null));
    }

    [Fact]
    public void DatoPendiente_CuandoHabiaMetaYNoSeRegistroElValor()
    {
        Assert.True(Logro.DatoPendiente(Sentido.Ascendente, 10, null, null, null));
        Assert.False(Logro.DatoPendiente(Sentido.Ascendente, 10, 5, null, null));
        Assert.False(Logro.DatoPendiente(Sentido.Ascendente, null, null, null, null));
        Assert.False(Logro.DatoPendiente(Sentido.Ascendente, 0, null, null, null));
        Assert.True(Logro.DatoPendiente(Sentido.Descendente, 0, null, null, null));
        Assert.True(Logro.DatoPendiente(Sentido.NoDefinido, null, null, 30, null));
        Assert.False(Logro.DatoPendiente(Sentido.NoDefinido, null, null, null, null));
    }
}
