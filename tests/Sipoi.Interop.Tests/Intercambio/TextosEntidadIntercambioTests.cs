using Sipoi.Interop.Intercambio;
using static Sipoi.Interop.Tests.Intercambio.Archivo;

namespace Sipoi.Interop.Tests.Intercambio;

/// <summary>entidad.textos: optional (older files stay valid), each text within the domain's paragraph limit, written back as read.</summary>
public class TextosEntidadIntercambioTests
{
    [Fact]
    public void ArchivoSinTextos_SigueSiendoValido_YLosTextosQuedanNull()
    {
        var d = Acepta(r => r.Nodo("entidad").Remove("textos"));
        Assert.Null(d.Entidad.Textos);
        Assert.DoesNotContain("\"textos\"", EscritorIntercambio.EscribirTexto(d), StringComparison.Ordinal);
    }

    [Fact]
    public void TextoMasLargoQue4000_SeRechazaEnSuRuta() =>
        RechazaCon("entidad.textos.baseLegal: admite hasta 4,000 caracteres (tiene 4,001)", r => r.Nodo("entidad.textos")["baseLegal"] = new string('b', 4001));

    [Fact]
    public void Textos_SeLeenNormalizados_YUnMiembroAusenteQuedaNull()
    {
        var d = Acepta(r =>
        {
            r.Nodo("entidad.textos")["valores"] = "Integridad  \r\nCompromiso\r\n\r\n";
            r.Nodo("entidad.textos").Remove("principios");
        });
        Assert.Equal("Integridad\nCompromiso", d.Entidad.Textos!.Valores);
        Assert.Null(d.Entidad.Textos.Principios);
        Assert.Equal(Muestra.Documento().Entidad.Textos!.BaseLegal, d.Entidad.Textos.BaseLegal);
    }
}
