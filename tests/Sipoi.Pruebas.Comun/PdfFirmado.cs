using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Sipoi.Pruebas.Comun;

/// <summary>
/// Real signed PDFs built in the test, the way a signing tool writes them: a one-page PDF whose signature field's
/// dictionary holds a /ByteRange placeholder and a zero-filled /Contents; the ByteRange is filled with the offsets
/// around /Contents, the two stretches are signed with <see cref="SignedCms"/> (detached, RSA, self-signed
/// certificate) and the DER signature written as hex into /Contents. <see cref="Firmar"/> signs again as an
/// incremental update (a second signature appended to the file), as a second signer's tool does.
/// </summary>
public static class PdfFirmado
{
    private const int LargoContenido = 8192; // bytes of the CMS placeholder (hex doubles it)

    /// <summary>A one-page PDF with text and no signature (a valid file LibreOffice and pdftoppm open).</summary>
    public static byte[] SinFirma(string texto = "Informe de evaluacion del POI")
    {
        var pdf = new EscritorPdf();
        pdf.Cabecera();
        pdf.Objeto(1, "<< /Type /Catalog /Pages 2 0 R >>");
        pdf.Objeto(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        pdf.Objeto(3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>");
        var flujo = $"BT /F1 18 Tf 72 760 Td ({texto}) Tj ET";
        pdf.Objeto(4, $"<< /Length {flujo.Length} >>\nstream\n{flujo}\nendstream");
        pdf.Objeto(5, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        pdf.Tabla(raiz: 1, tamano: 6, previa: null);
        return pdf.Bytes();
    }

    /// <summary>A self-signed RSA certificate with private key, subject "CN=<paramref name="nombre"/>, O=<paramref name="organizacion"/>, C=PE".</summary>
    public static X509Certificate2 Certificado(string nombre = "PEREZ QUISPE Maria", string organizacion = "EMSAPUNO S.A.")
    {
        using var rsa = RSA.Create(2048);
        var solicitud = new CertificateRequest($"CN={nombre}, O={organizacion}, C=PE", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        solicitud.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        using var c = solicitud.CreateSelfSigned(DateTimeOffset.UtcNow.AddYears(-1), DateTimeOffset.UtcNow.AddYears(2));
        // Round-trip through PKCS#12 so the key is usable for signing on every platform.
        return X509CertificateLoader.LoadPkcs12(c.Export(X509ContentType.Pfx, "x"), "x", X509KeyStorageFlags.Exportable);
    }

    /// <summary>
    /// Signs <paramref name="pdf"/> (the output of <see cref="SinFirma"/> or of a previous <see cref="Firmar"/>) as an
    /// incremental update: a new signature field and signature dictionary, a new xref section and trailer with /Prev.
    /// </summary>
    public static byte[] Firmar(byte[] pdf, X509Certificate2 certificado, DateTimeOffset fecha,
        string subfiltro = "adbe.pkcs7.detached", bool conAtributoFecha = true)
    {
        var texto = Encoding.Latin1.GetString(pdf);
        var tamano = int.Parse(UltimoValor(texto, "/Size "), CultureInfo.InvariantCulture);
        var prev = int.Parse(UltimoValor(texto, "startxref\n"), CultureInfo.InvariantCulture);
        var campo = tamano;
        var firma = tamano + 1;
        var m = fecha.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + (fecha.Offset < TimeSpan.Zero ? "-" : "+")
                + fecha.Offset.Duration().ToString("hh\\'mm\\'", CultureInfo.InvariantCulture);
        const string marcador = "/ByteRange [0 0000000000 0000000000 0000000000]";

        var pdfNuevo = new EscritorPdf(pdf);
        pdfNuevo.Objeto(campo, $"<< /FT /Sig /Type /Annot /Subtype /Widget /Rect [0 0 0 0] /T (Firma{campo}) /F 132 /P 3 0 R /V {firma} 0 R >>");
        pdfNuevo.Objeto(firma, $"<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /{subfiltro} /Name (Firmante de prueba) /M (D:{m}) "
                               + $"{marcador} /Contents <{new string('0', LargoContenido * 2)}> >>");
        // The catalog is rewritten to list every field so far (AcroForm), as a signing tool does.
        var campos = string.Join(" ", Enumerable.Range(6, campo - 6 + 1).Where(n => (n - 6) % 2 == 0).Select(n => $"{n} 0 R"));
        pdfNuevo.Objeto(1, $"<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [{campos}] /SigFlags 3 >> >>");
        pdfNuevo.Tabla(raiz: 1, tamano: firma + 1, previa: prev);
        var bytes = pdfNuevo.Bytes();

        var s = Encoding.Latin1.GetString(bytes);
        var posicionFirma = s.LastIndexOf($"{firma} 0 obj", StringComparison.Ordinal);
        var inicio = s.IndexOf("/Contents <", posicionFirma, StringComparison.Ordinal) + "/Contents ".Length;
        var fin = inicio + LargoContenido * 2 + 2;
        var rango = $"/ByteRange [0 {inicio.ToString("D10", CultureInfo.InvariantCulture)} {fin.ToString("D10", CultureInfo.InvariantCulture)} {(bytes.Length - fin).ToString("D10", CultureInfo.InvariantCulture)}]";
        var posicionRango = s.IndexOf(marcador, posicionFirma, StringComparison.Ordinal);
        Encoding.Latin1.GetBytes(rango).CopyTo(bytes, posicionRango);

        var firmado = bytes[..inicio].Concat(bytes[fin..]).ToArray();
        var sobre = new SignedCms(new ContentInfo(firmado), detached: true);
        var firmante = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, certificado)
        {
            DigestAlgorithm = new Oid("2.16.840.1.101.3.4.2.1"), // SHA-256
            IncludeOption = X509IncludeOption.EndCertOnly,
        };
        if (conAtributoFecha) firmante.SignedAttributes.Add(new Pkcs9SigningTime(fecha.UtcDateTime));
        sobre.ComputeSignature(firmante, silent: true);
        var hex = Convert.ToHexString(sobre.Encode());
        if (hex.Length > LargoContenido * 2) throw new InvalidOperationException("La firma no cabe en el espacio reservado.");
        Encoding.Latin1.GetBytes(hex).CopyTo(bytes, inicio + 1);
        return bytes;
    }

    private static string UltimoValor(string texto, string clave)
    {
        var i = texto.LastIndexOf(clave, StringComparison.Ordinal) + clave.Length;
        var j = i;
        while (j < texto.Length && char.IsAsciiDigit(texto[j])) j++;
        return texto[i..j];
    }

    /// <summary>Writes objects and one xref section (of the objects written since it was created) with its trailer.</summary>
    private sealed class EscritorPdf(byte[]? previo = null)
    {
        private readonly MemoryStream _salida = Inicial(previo);
        private readonly SortedDictionary<int, long> _posiciones = [];

        private static MemoryStream Inicial(byte[]? previo)
        {
            var m = new MemoryStream();
            if (previo is not null) m.Write(previo);
            return m;
        }

        public void Cabecera()
        {
            Escribir("%PDF-1.7\n");
            _salida.Write([(byte)'%', 0xE2, 0xE3, 0xCF, 0xD3, (byte)'\n']);
        }

        public void Objeto(int numero, string cuerpo)
        {
            _posiciones[numero] = _salida.Position;
            Escribir($"{numero} 0 obj\n{cuerpo}\nendobj\n");
        }

        public void Tabla(int raiz, int tamano, int? previa)
        {
            var inicio = _salida.Position;
            var s = new StringBuilder("xref\n");
            if (previa is null)
            {
                s.Append(CultureInfo.InvariantCulture, $"0 {tamano}\n0000000000 65535 f \n");
                foreach (var (_, p) in _posiciones) s.Append(CultureInfo.InvariantCulture, $"{p:D10} 00000 n \n");
            }
            else
                foreach (var (n, p) in _posiciones) s.Append(CultureInfo.InvariantCulture, $"{n} 1\n{p:D10} 00000 n \n");
            s.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {tamano} /Root {raiz} 0 R{(previa is { } pv ? $" /Prev {pv}" : "")} >>\nstartxref\n{inicio}\n%%EOF\n");
            Escribir(s.ToString());
        }

        public byte[] Bytes() => _salida.ToArray();

        private void Escribir(string s) => _salida.Write(Encoding.Latin1.GetBytes(s));
    }
}
