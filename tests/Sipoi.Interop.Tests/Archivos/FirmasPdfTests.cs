using System.Text;
using Sipoi.Domain.Informes;
using Sipoi.Interop.Archivos;

namespace Sipoi.Interop.Tests.Archivos;

/// <summary>Signatures embedded in an official PDF (issue 14, item 4), checked on real signed PDFs built in the test.</summary>
public class FirmasPdfTests
{
    private static readonly DateTimeOffset Fecha = new(2026, 3, 16, 10, 30, 0, TimeSpan.FromHours(-5));

    private static byte[] Firmado(string nombre = "PEREZ QUISPE Maria", bool conAtributoFecha = true, string subfiltro = "adbe.pkcs7.detached")
    {
        using var c = PdfFirmado.Certificado(nombre);
        return PdfFirmado.Firmar(PdfFirmado.SinFirma(), c, Fecha, subfiltro, conAtributoFecha);
    }

    [Fact]
    public void FirmaIntacta_EsValidaConFirmanteOrganizacionYFecha()
    {
        var r = FirmasPdf.Verificar(Firmado());

        var f = Assert.Single(r.Firmas);
        Assert.Equal(EstadoFirma.Valida, f.Estado);
        Assert.Equal("PEREZ QUISPE Maria", f.Firmante);
        Assert.Equal("EMSAPUNO S.A.", f.Organizacion);
        Assert.Equal(Fecha, f.FechaFirma);
        Assert.True(f.FechaDeAtributo);
        Assert.True(f.CubreTodoElArchivo);
        Assert.Equal("adbe.pkcs7.detached", f.Subfiltro);
        Assert.Null(f.Detalle);
        Assert.Equal("Firma válida: el documento no cambió desde que se firmó", f.EstadoEnPalabras);
        Assert.Equal("Firmado digitalmente; firma válida", r.Resumen);
    }

    [Fact]
    public void CertificadoAutofirmado_CadenaNoVerificadaSinInvalidarLaFirma()
    {
        var f = Assert.Single(FirmasPdf.Verificar(Firmado()).Firmas);

        Assert.Equal(EstadoFirma.Valida, f.Estado);
        Assert.False(f.CadenaVerificada);
        Assert.StartsWith("Cadena no verificada", f.CadenaEnPalabras, StringComparison.Ordinal);
    }

    [Fact]
    public void ByteAlteradoDentroDeLoFirmado_FallaLaIntegridad()
    {
        var pdf = Firmado();
        var i = Encoding.Latin1.GetString(pdf).IndexOf("Informe de evaluacion", StringComparison.Ordinal);
        pdf[i] = (byte)'X';

        var r = FirmasPdf.Verificar(pdf);

        var f = Assert.Single(r.Firmas);
        Assert.Equal(EstadoFirma.IntegridadFallida, f.Estado);
        Assert.Equal("PEREZ QUISPE Maria", f.Firmante);
        Assert.Equal("Firma no válida: el contenido firmado fue alterado", f.EstadoEnPalabras);
        Assert.Equal("Firma no válida: el documento fue alterado después de firmarse", r.Resumen);
    }

    [Fact]
    public void BytesAnadidosDespues_FirmaIntegraQueNoCubreTodoElArchivo()
    {
        var pdf = Firmado().Concat(Encoding.ASCII.GetBytes("1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n")).ToArray();

        var r = FirmasPdf.Verificar(pdf);

        var f = Assert.Single(r.Firmas);
        Assert.Equal(EstadoFirma.ModificadoDespues, f.Estado);
        Assert.False(f.CubreTodoElArchivo);
        Assert.StartsWith("Firmado; modificado después de firmar", f.EstadoEnPalabras, StringComparison.Ordinal);
        Assert.Equal("Firmado; modificado después de firmar", r.Resumen);
    }

    [Fact]
    public void PdfSinFirma_SinFirmaDigital()
    {
        var r = FirmasPdf.Verificar(PdfFirmado.SinFirma());

        Assert.False(r.Firmado);
        Assert.Empty(r.Firmas);
        Assert.Equal("Sin firma digital", r.Resumen);
    }

    [Fact]
    public void ArchivoQueNoEsPdf_SinFirmaYSinExcepcion()
    {
        Assert.Equal("Sin firma digital", FirmasPdf.Verificar([0x50, 0x4B, 3, 4, 0, 0]).Resumen);
        Assert.Equal("Sin firma digital", FirmasPdf.Verificar([]).Resumen);
    }

    [Fact]
    public void DosFirmasIncrementales_LaPrimeraModificadaDespuesYLaUltimaCubreTodo()
    {
        using var segundo = PdfFirmado.Certificado("MAMANI CONDORI Jose", "Gerencia General");
        var pdf = PdfFirmado.Firmar(Firmado(), segundo, Fecha.AddHours(2), "ETSI.CAdES.detached");
        Muestras.Guardar("firmas-pdf-dos-firmas.pdf", new MemoryStream(pdf));

        var r = FirmasPdf.Verificar(pdf);

        Assert.Equal(2, r.Firmas.Count);
        Assert.Equal(("PEREZ QUISPE Maria", EstadoFirma.ModificadoDespues), (r.Firmas[0].Firmante, r.Firmas[0].Estado));
        Assert.Equal(("MAMANI CONDORI Jose", EstadoFirma.Valida), (r.Firmas[1].Firmante, r.Firmas[1].Estado));
        Assert.Equal("ETSI.CAdES.detached", r.Firmas[1].Subfiltro);
        Assert.Equal("Gerencia General", r.Firmas[1].Organizacion);
        Assert.Equal(Fecha.AddHours(2), r.Firmas[1].FechaFirma);
        Assert.Equal("Firmado digitalmente; 2 firmas válidas", r.Resumen);
    }

    [Fact]
    public void SinAtributoDeFecha_UsaLaFechaMDelDiccionario()
    {
        var f = Assert.Single(FirmasPdf.Verificar(Firmado(conAtributoFecha: false)).Firmas);

        Assert.Equal(EstadoFirma.Valida, f.Estado);
        Assert.Equal(Fecha, f.FechaFirma);
        Assert.False(f.FechaDeAtributo);
    }

    [Fact]
    public void SubfiltroNoAdmitido_NoVerificableConMotivo()
    {
        var f = Assert.Single(FirmasPdf.Verificar(Firmado(subfiltro: "adbe.pkcs7.sha1")).Firmas);

        Assert.Equal(EstadoFirma.NoVerificable, f.Estado);
        Assert.Contains("«adbe.pkcs7.sha1» no se verifica", f.EstadoEnPalabras, StringComparison.Ordinal);
    }

    [Fact]
    public void FirmaReemplazadaPorBasura_NoVerificable()
    {
        var pdf = Firmado();
        var s = Encoding.Latin1.GetString(pdf);
        var i = s.IndexOf("/Contents <", StringComparison.Ordinal) + "/Contents <".Length;
        Encoding.ASCII.GetBytes("3082FFFF0102").CopyTo(pdf, i);

        var f = Assert.Single(FirmasPdf.Verificar(pdf).Firmas);

        Assert.Equal(EstadoFirma.NoVerificable, f.Estado);
        Assert.Equal("Firma no verificable: el contenido de la firma no es un CMS legible", f.EstadoEnPalabras);
    }

    [Fact]
    public void ByteRangeFueraDelArchivo_NoVerificable()
    {
        var pdf = Firmado();
        var recortado = pdf[..^40];

        var f = Assert.Single(FirmasPdf.Verificar(recortado).Firmas);

        Assert.Equal(EstadoFirma.NoVerificable, f.Estado);
        Assert.Contains("/ByteRange", f.EstadoEnPalabras, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("D:20260316103000-05'00'", 2026, 3, 16, 10, 30, -5)]
    [InlineData("D:20260316103000Z", 2026, 3, 16, 10, 30, 0)]
    [InlineData("D:2026031610", 2026, 3, 16, 10, 0, 0)]
    public void FechaPdf_LeeElFormatoDeLaNorma(string valor, int a, int m, int d, int h, int mi, int desfase)
    {
        Assert.Equal(new DateTimeOffset(a, m, d, h, mi, 0, TimeSpan.FromHours(desfase)), FirmasPdf.FechaPdf(valor));
    }
}
