using Sipoi.Domain.Evaluacion;
using Sipoi.Domain.Periodos;
using static Sipoi.Domain.Tests.Evaluacion.Datos;

namespace Sipoi.Domain.Tests.Evaluacion;

public class EjecucionTests
{
    [Fact]
    public void Ejecucion_EsEjecutadoEntreProgramadoPorCien()
    {
        Assert.Equal(62.5m, Ejecucion.Porcentaje(8000, 5000));
        Assert.Equal(28000m * 100m / 45000m, Ejecucion.Porcentaje(45000, 28000));
        Assert.Equal(62.22m, R2(Ejecucion.Porcentaje(45000, 28000)));
        Assert.Equal(130m, Ejecucion.Porcentaje(100, 130));
    }

    [Fact]
    public void Ejecucion_SinProgramadoNoHayMeta()
    {
        Assert.Null(Ejecucion.Porcentaje(0, 5));
        Assert.Null(Ejecucion.Ajustada(0, 5));
    }

    [Fact]
    public void EjecucionAjustada_EsElMinimoEntreEjecucionYCien()
    {
        Assert.Equal(100m, Ejecucion.Ajustada(150m));
        Assert.Equal(100m, Ejecucion.Ajustada(100m));
        Assert.Equal(62.5m, Ejecucion.Ajustada(62.5m));
        Assert.Equal(100m, Ejecucion.Ajustada(100, 130));
        Assert.Equal(40m, Ejecucion.Ajustada(50, 20));
    }

    [Fact]
    public void Actividad_CumpleCuandoLaEjecucionLlegaACien()
    {
        Assert.True(Ejecucion.Cumplida(100m));
        Assert.True(Ejecucion.Cumplida(130m));
        Assert.False(Ejecucion.Cumplida(99.999m));
        Assert.True(Ejecucion.Evaluar(10, 12).Cumplida);
        Assert.False(Ejecucion.Evaluar(10, 9).Cumplida);
    }

    [Fact]
    public void Actividad_ConMetaYEjecucionRegistrada_MuestraEjecucionBrutaYAjustada()
    {
        var e = Ejecucion.Evaluar(100, 130);
        Assert.Equal(EstadoEjecucion.ConMeta, e.Estado);
        Assert.Equal(130m, e.Porcentaje);
        Assert.Equal(100m, e.Ajustada);
        Assert.True(e.TieneMeta);
    }

    [Fact]
    public void Actividad_ConMetaSinRegistro_CuentaComoCeroYSeMarca()
    {
        var e = Ejecucion.Evaluar(100, null);
        Assert.Equal(EstadoEjecucion.SinRegistro, e.Estado);
        Assert.Null(e.Ejecutado);
        Assert.Equal(0m, e.Porcentaje);
        Assert.Equal(0m, e.Ajustada);
        Assert.True(e.TieneMeta);
        Assert.False(e.Cumplida);
    }

    [Fact]
    public void Actividad_RegistradaEnCero_EsEjecucionCeroConMeta()
    {
        var e = Ejecucion.Evaluar(100, 0);
        Assert.Equal(EstadoEjecucion.ConMeta, e.Estado);
        Assert.Equal(0m, e.Ejecutado);
        Assert.Equal(0m, e.Ajustada);
    }

    [Fact]
    public void Actividad_SinMetaConEjecucion_EsEjecucionNoProgramada()
    {
        var e = Ejecucion.Evaluar(0, 5);
        Assert.Equal(EstadoEjecucion.EjecucionNoProgramada, e.Estado);
        Assert.Null(e.Porcentaje);
        Assert.Null(e.Ajustada);
        Assert.False(e.TieneMeta);
        Assert.False(e.Cumplida);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    public void Actividad_SinMetaNiEjecucion_EsSinMeta(int? ejecutado)
    {
        var e = Ejecucion.Evaluar(0, ejecutado);
        Assert.Equal(EstadoEjecucion.SinMeta, e.Estado);
        Assert.Null(e.Porcentaje);
        Assert.False(e.TieneMeta);
    }

    [Fact]
    public void Actividad_SumaLosMesesDelPeriodo()
    {
        var prog = Meses(0, 0, 10000, 10000, 10000, 15000, 15000, 15000, 15000, 15000, 15000, 15000);
        var ejec = Registrado(0, 0, 9000, 11000, 8000);
        var t2 = Ejecucion.Evaluar(Comportamiento.Suma, prog, ejec, Periodo.Trimestre(2));
        Assert.Equal(35000m, t2.Programado);
        Assert.Equal(19000m, t2.Ejecutado);
        Assert.Equal(54.29m, R2(t2.Porcentaje));
        var anual = Ejecucion.Evaluar(Comportamiento.Suma, prog, ejec, Periodo.Anual);
        Assert.Equal(135000m, anual.Programado);
        Assert.Equal(28000m, anual.Ejecutado);
    }

    [Fact]
    public void Actividad_PromedioCompararaMediasDeMeses()
    {
        var prog = Meses(21, 21, 21, 21, 21, 21, 21, 21, 21, 21, 21, 21);
        var ejec = Registrado(20, 22, 21);
        var e = Ejecucion.Evaluar(Comportamiento.Promedio, prog, ejec, Periodo.Anual);
        Assert.Equal(21m, e.Programado);
        Assert.Equal(21m, e.Ejecutado);
        Assert.Equal(100m, e.Porcentaje);
    }

    [Fact]
    public void Actividad_UltimoYMaximoTomanSuValorDelPeriodo()
    {
        var prog = Meses(0, 0, 25, 0, 0, 50, 0, 0, 75, 0, 0, 100);
        var ejec = Registrado(null, null, 30, null, null, 45, null, null, 60);
        Assert.Equal(60m, Ejecucion.Evaluar(Comportamiento.Ultimo, prog, ejec, Periodo.Anual).Porcentaje);
        Assert.Equal(90m, Ejecucion.Evaluar(Comportamiento.Ultimo, prog, ejec, Periodo.Semestre(1)).Porcentaje);
        Assert.Equal(60m, Ejecucion.Evaluar(Comportamiento.Maximo, prog, ejec, Periodo.Anual).Porcentaje);
    }

    [Fact]
    public void Actividad_SinMetaEnElTrimestrePeroConMetaEnElAnio()
    {
        var prog = Meses(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4);
        var ejec = Registrado(1);
        var t1 = Ejecucion.Evaluar(Comportamiento.Suma, prog, ejec, Periodo.Trimestre(1));
        Assert.Equal(EstadoEjecucion.EjecucionNoProgramada, t1.Estado);
        var anual = Ejecucion.Evaluar(Comportamiento.Suma, prog, ejec, Periodo.Anual);
        Assert.Equal(25m, anual.Porcentaje);
    }

    [Theory]
    [InlineData(100.0, 74.99, "Bajo")]
    [InlineData(100.0, 75.0, "Medio")]
    [InlineData(100.0, 130.0, "Alto")]
    [InlineData(100.0, null, null)]   // target, nothing registered: a data gap, not a low performance
    [InlineData(0.0, 5.0, null)]      // executed without a target
    [InlineData(0.0, null, null)]   // no target
    public void Banda_SoloLaTieneLoRegistradoConMeta(double programado, double? ejecutado, string? banda)
    {
        var e = Ejecucion.Evaluar((decimal)programado, (decimal?)ejecutado);
        Assert.Equal(banda, e.Banda(EsquemaBandas.Nacional)?.ToString());
    }
}
