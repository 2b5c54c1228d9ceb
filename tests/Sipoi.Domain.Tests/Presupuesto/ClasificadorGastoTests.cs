using Sipoi.Domain.Presupuesto;

namespace Sipoi.Domain.Tests.Presupuesto;

public class ClasificadorGastoTests
{
    [Theory]
    [InlineData("2.3.1", RubroBienesServicios.Bienes)]
    [InlineData("2.3.1.5.1", RubroBienesServicios.Bienes)]
    [InlineData("2.3. 1.", RubroBienesServicios.Bienes)]
    [InlineData("2.3.2", RubroBienesServicios.Servicios)]
    [InlineData("2.3.2.7.11", RubroBienesServicios.Servicios)]
    [InlineData("2.3", RubroBienesServicios.SinDesagregar)]
    [InlineData("2.3.", RubroBienesServicios.SinDesagregar)]
    [InlineData("2.1", RubroBienesServicios.Otra)]
    [InlineData("2.6.3", RubroBienesServicios.Otra)]
    [InlineData("1.3", RubroBienesServicios.Otra)]
    [InlineData("2.31", RubroBienesServicios.Otra)]
    public void Rubro_SegunLaSubgenericaDe23(string generica, RubroBienesServicios esperado) =>
        Assert.Equal(esperado, ClasificadorGasto.Rubro(generica));

    [Fact]
    public void Sumar_SeparaBienesServiciosYLo23SinDesagregar_YDejaFueraOtrasGenericas()
    {
        var c = ClasificadorGasto.Sumar([("2.3.1", 100m), ("2.3.1.1", 0.5m), ("2.3.2", 200m), ("2.3", 30m), ("2.1", 999m)]);
        Assert.Equal(100.5m, c.Bienes);
        Assert.Equal(200m, c.Servicios);
        Assert.Equal(30m, c.SinDesagregar);
        Assert.Equal(300.5m, c.Total);
    }
}
