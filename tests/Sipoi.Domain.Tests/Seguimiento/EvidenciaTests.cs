using Sipoi.Domain.Seguimiento;

namespace Sipoi.Domain.Tests.Seguimiento;

/// <summary>
/// The domain's rule for evidence files: accepted types, size, safe names. Whether the bytes are what the name
/// claims is Sipoi.Interop's (tests/Sipoi.Interop.Tests/Archivos/EvidenciaTests.cs).
/// </summary>
public class EvidenciaTests
{
    [Theory]
    [InlineData("acta.PDF", TipoEvidencia.Pdf)]
    [InlineData("foto.jpeg", TipoEvidencia.Jpeg)]
    [InlineData("informe.docx", TipoEvidencia.Docx)]
    [InlineData("cuadro.ods", TipoEvidencia.Ods)]
    public void Admitir_ExtensionAceptada_DiceElTipoQueReclama(string nombre, TipoEvidencia tipo)
    {
        var r = Evidencia.Admitir(nombre, 100);
        Assert.True(r.Valido, r.Error);
        Assert.Equal(tipo, r.Tipo);
    }

    [Fact]
    public void Admitir_ExtensionTamanoYVacio_SonReglasDelDominio()
    {
        Assert.Equal($"El tipo de archivo «.exe» no se acepta como evidencia; se aceptan {Evidencia.ExtensionesAceptadas}.", Evidencia.Admitir("a.exe", 10).Error);
        Assert.Equal($"El archivo «informe» no tiene extensión; se aceptan {Evidencia.ExtensionesAceptadas}.", Evidencia.Admitir("informe", 10).Error);
        Assert.Equal("El archivo «acta.pdf» está vacío.", Evidencia.Admitir("acta.pdf", 0).Error);
        Assert.True(Evidencia.Admitir("acta.pdf", Evidencia.LimitePorDefecto).Valido);
        Assert.Equal("El archivo «acta.pdf» pesa 10 MB y el límite es 10 MB.", Evidencia.Admitir("acta.pdf", Evidencia.LimitePorDefecto + 1).Error);
        Rechazo.Con<ArgumentOutOfRangeException>(() => Evidencia.Admitir("acta.pdf", 10, limite: 0), "El límite debe ser positivo.");
    }

    [Theory]
    [InlineData(@"C:\Users\ana\Escritorio\Acta enero.pdf", "Acta enero.pdf")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("informe: enero?<v2>.pdf", "informe_ enero__v2_.pdf")]
    [InlineData("  Evaluación   N°3  .PDF ", "Evaluación N°3.pdf")]
    [InlineData("informe.pdf.", "informe.pdf")]
    [InlineData(".pdf", "pdf")]
    [InlineData("...", "evidencia")]
    [InlineData("", "evidencia")]
    [InlineData(null, "evidencia")]
    [InlineData("CON.pdf", "_CON.pdf")]
    [InlineData("lpt1.docx", "_lpt1.docx")]
    [InlineData("com10.docx", "com10.docx")]
    [InlineData("a\u0000b\u001Fc.png", "a_b_c.png")]
    [InlineData("fotos\tdel\nmes.jpg", "fotos del mes.jpg")]
    [InlineData("Año 2024 – señal.pdf", "Año 2024 _ señal.pdf")]
    public void SanearNombre_DejaUnNombreSeguro(string? nombre, string esperado) =>
        Assert.Equal(esperado, Evidencia.SanearNombre(nombre));

    [Fact]
    public void SanearNombre_NombreLargo_SeRecortaConservandoLaExtension()
    {
        var n = Evidencia.SanearNombre(new string('a', 300) + ".xlsx");
        Assert.Equal(Evidencia.LargoMaximoNombre, n.Length);
        Assert.EndsWith("a.xlsx", n);
    }

    [Fact]
    public void SanearNombre_NormalizaLasTildesCompuestas() =>
        Assert.Equal("Evaluación.pdf", Evidencia.SanearNombre("Evaluacio\u0301n.pdf"));
}
