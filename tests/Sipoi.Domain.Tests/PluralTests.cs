namespace Sipoi.Domain.Tests;

/// <summary>Counts outside the pages (domain, import, CLI messages) agree with their number, as <c>Formato.Conteo</c> on the pages.</summary>
public sealed class PluralTests
{
    [Theory]
    [InlineData(0, "0 actividades")]
    [InlineData(1, "1 actividad")]
    [InlineData(2, "2 actividades")]
    [InlineData(1250, "1,250 actividades")]
    public void Conteo_ConcuerdaElNombreConElNumero(int n, string esperado) => Assert.Equal(esperado, Plural.Conteo(n, "actividad", "actividades"));

    [Fact]
    public void Conteo_NombresCompuestos_ConcuerdanEnteros() =>
        Assert.Equal(["1 registro mensual", "3 registros mensuales"],
            new[] { 1, 3 }.Select(n => Plural.Conteo(n, "registro mensual", "registros mensuales")));
}
