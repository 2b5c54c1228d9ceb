using Sipoi.Domain.Organizacion;

namespace Sipoi.Domain.Tests.Organizacion;

/// <summary>The evaluation report's cover data (PortadaInforme): the number's pattern, and the all-or-nothing save.</summary>
public class PortadaInformeTests
{
    private static readonly PortadaInforme ConPatron = new() { PatronNumero = "Informe N.° {n}-{año}-OPP/MPH" };

    [Theory]
    [InlineData("7", "Informe N.° 007-2024-OPP/MPH")]
    [InlineData(" 12 ", "Informe N.° 012-2024-OPP/MPH")]
    [InlineData("1234", "Informe N.° 1234-2024-OPP/MPH")]
    [InlineData("Informe Técnico N.° 3-2024", "Informe Técnico N.° 3-2024")]
    [InlineData(null, "Informe N.° ______-2024-OPP/MPH")]
    public void Numero_LosDigitosVanEnElPatron_OtroTextoQuedaComoSeEscribio(string? pedido, string esperado) =>
        Assert.Equal(esperado, ConPatron.Numero(pedido, 2024));

    [Fact]
    public void Numero_SinPatron_EsElPedidoONulo()
    {
        Assert.Equal("7", PortadaInforme.Vacia.Numero("7", 2024));
        Assert.Null(PortadaInforme.Vacia.Numero("  ", 2024));
    }

    [Fact]
    public void GuardarPortada_NormalizaYReemplazaTodo()
    {
        var t = new TextosInstitucionales(7);
        t.GuardarPortada(new PortadaInforme { Lugar = "  Puno ", OficinaEmisora = "OPP", AprobadoNombre = "   " });
        Assert.Equal(new PortadaInforme { Lugar = "Puno", OficinaEmisora = "OPP" }, t.Portada);
        t.GuardarPortada(new PortadaInforme { ElaboradoCargo = "Especialista" });
        Assert.Equal(new PortadaInforme { ElaboradoCargo = "Especialista" }, t.Portada);
    }

    [Fact]
    public void GuardarPortada_PatronSinCorrelativoOCampoLargo_SeRechazaNombrandoCadaCampoYNadaCambia()
    {
        var t = new TextosInstitucionales(7);
        t.GuardarPortada(new PortadaInforme { Lugar = "Puno" });
        var mala = new PortadaInforme { PatronNumero = "Informe N.° 2024-OPP", RevisadoCargo = new string('c', LimitesTexto.Nombre + 1) };
        Rechazo.Con(() => t.GuardarPortada(mala),
            "Revisado por: cargo: admite hasta 500 caracteres (tiene 501). " +
            "Patrón del número de informe: debe contener {n} donde va el correlativo (por ejemplo: Informe N.° {n}-{año}-OPP).");
        Assert.Equal(new PortadaInforme { Lugar = "Puno" }, t.Portada);
        Rechazo.Con(() => t.GuardarPortada(new PortadaInforme { Lugar = "Pu\u0001no" }),
            "Lugar (ciudad de la portada): contiene un carácter de control (U+0001, posición 3), que no se admite: escríbalo en una sola línea, sin tabulaciones.");
    }
}
