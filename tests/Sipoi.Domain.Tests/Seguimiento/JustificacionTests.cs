using Sipoi.Domain.Seguimiento;
using static Sipoi.Domain.Tests.Seguimiento.Datos;

namespace Sipoi.Domain.Tests.Seguimiento;

public class JustificacionTests
{
    [Theory]
    [InlineData(100, 85, MotivoJustificacion.NoRequerida)]
    [InlineData(100, 115, MotivoJustificacion.NoRequerida)]
    [InlineData(100, 100, MotivoJustificacion.NoRequerida)]
    [InlineData(100, 84.99, MotivoJustificacion.BajoTolerancia)]
    [InlineData(100, 115.01, MotivoJustificacion.SobreTolerancia)]
    [InlineData(10, 0, MotivoJustificacion.BajoTolerancia)]
    [InlineData(0, 3, MotivoJustificacion.EjecucionNoProgramada)]
    [InlineData(0, 0, MotivoJustificacion.NoRequerida)]
    public void Justificacion_FueraDeLaToleranciaPorDefectoOEjecucionNoProgramada(decimal meta, decimal ejecutado, MotivoJustificacion esperado) =>
        Assert.Equal(esperado, Justificacion.Motivo(meta, ejecutado, Config));

    [Fact]
    public void Justificacion_SinRegistro_NoSeExige()
    {
        Assert.Equal(MotivoJustificacion.NoRequerida, Justificacion.Motivo(10, null, Config));
        Assert.Equal(MotivoJustificacion.NoRequerida, Justificacion.Motivo(0, null, Config));
    }

    [Fact]
    public void Justificacion_UsaLaToleranciaDeLaEntidad()
    {
        var estricta = Config with { ToleranciaInferior = 95, ToleranciaSuperior = 105 };
        Assert.True(Justificacion.Requerida(100, 90, estricta));
        Assert.True(Justificacion.Requerida(100, 110, estricta));
        Assert.False(Justificacion.Requerida(100, 90, Config));
    }

    [Fact]
    public void Justificacion_CalculaLaEjecucionConLaFormulaDelMotor()
    {
        // 7 of 9 = 77.78 %: below 85 % whatever the rounding.
        Assert.Equal(MotivoJustificacion.BajoTolerancia, Justificacion.Motivo(9, 7, Config));
        Assert.Equal("la ejecución es 77.78 % de la meta, debajo de la tolerancia de 85 %", Justificacion.Explicacion(9, 7, Config));
    }

    [Fact]
    public void Explicacion_DiceElMotivo()
    {
        Assert.Equal("la ejecución es 130.00 % de la meta, encima de la tolerancia de 115 %", Justificacion.Explicacion(10, 13, Config));
        Assert.Equal("hay ejecución no programada (el mes no tiene meta)", Justificacion.Explicacion(0, 2, Config));
    }
}
