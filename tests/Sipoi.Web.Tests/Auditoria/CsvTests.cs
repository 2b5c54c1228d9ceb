using Sipoi.Web.Auditoria;

namespace Sipoi.Web.Tests.Auditoria;

public sealed class CsvTests
{
    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("simple", "simple")]
    [InlineData("con, coma", "\"con, coma\"")]
    [InlineData("con \"comillas\"", "\"con \"\"comillas\"\"\"")]
    [InlineData("dos\r\nlíneas", "\"dos\r\nlíneas\"")]
    [InlineData("salto\nsolo", "\"salto\nsolo\"")]
    [InlineData("Año N.º 3", "Año N.º 3")]
    public void Campo_SeEntrecomillaSoloCuandoHaceFaltaYDoblaLasComillas(string? valor, string esperado) =>
        Assert.Equal(esperado, Csv.Campo(valor));

    [Theory]
    [InlineData("=SUMA(A1:A9)", "'=SUMA(A1:A9)")]
    [InlineData("+51 999", "'+51 999")]
    [InlineData("@usuario", "'@usuario")]
    [InlineData("-12.5", "-12.5")]
    [InlineData("=1,2", "\"'=1,2\"")]
    [InlineData("-1,234.50", "\"-1,234.50\"")]
    [InlineData("-1,2", "\"'-1,2\"")]
    [InlineData("+5", "'+5")]
    [InlineData("-3 -cmd", "'-3 -cmd")]
    public void Campo_NuncaEsUnaFormulaParaLaHojaDeCalculo(string valor, string esperado) =>
        Assert.Equal(esperado, Csv.Campo(valor));

    [Fact]
    public void Linea_SeparaConComasYTerminaEnCrLf() =>
        Assert.Equal("a,,\"b,c\"\r\n", Csv.Linea(["a", null, "b,c"]));
}
