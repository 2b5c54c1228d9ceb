using Sipoi.Web.Presentacion;

namespace Sipoi.Web.Tests.Presentacion;

/// <summary>The pages' numbers, checked against the texts the offices print, never against the formatter itself.</summary>
public class FormatoTests
{
    [Theory]
    [InlineData(0, "0 agregadas")]
    [InlineData(1, "1 agregada")]
    [InlineData(2, "2 agregadas")]
    [InlineData(1200, "1,200 agregadas")]
    public void Conteo_ConcuerdaElNombreConElNumero(int n, string esperado) => Assert.Equal(esperado, Formato.Conteo(n, "agregada", "agregadas"));

    [Fact]
    public void Numero2_MilesConComaYDosDecimales() => Assert.Equal("17,009,620.80", Formato.Numero2(17009620.8m));

    [Fact]
    public void Porcentaje_DosDecimalesRedondeadosComoUnaHojaDeCalculo()
    {
        Assert.Equal("94.27 %", Formato.Porcentaje(94.2712m));
        Assert.Equal("95.00 %", Formato.Porcentaje(94.995m));
        Assert.Equal("1,250.00 %", Formato.Porcentaje(1250m));
        Assert.Equal("-3.50 %", Formato.Porcentaje(-3.5m));
    }

    [Fact]
    public void Soles_ConSimboloYDosDecimales() => Assert.Equal("S/ 27,601,391.00", Formato.Soles(27601391m));

    [Fact]
    public void Numero_DecimalesSoloCuandoLosTiene()
    {
        Assert.Equal("2,345", Formato.Numero(2345m));
        Assert.Equal("1,234.5", Formato.Numero(1234.50m));
        Assert.Equal("0.13", Formato.Numero(0.125m));
        Assert.Equal("21", Formato.Numero(21.000m));
    }

    [Fact]
    public void SinValor_PorcentajeEsNDYCantidadesVacias()
    {
        Assert.Equal("ND", Formato.Porcentaje(null));
        Assert.Equal("", Formato.Numero(null));
        Assert.Equal("", Formato.Numero2(null));
        Assert.Equal("", Formato.Soles(null));
    }
}
