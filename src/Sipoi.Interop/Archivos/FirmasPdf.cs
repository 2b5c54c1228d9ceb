using System.Formats.Asn1;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;
using Sipoi.Domain.Informes;

namespace Sipoi.Interop.Archivos;

/// <summary>One signature dictionary of a PDF (/Type /Sig with /ByteRange and /Contents) and what its check found.</summary>
/// <param name="Firmante">The signer certificate's common name (CN), else the dictionary's /Name; null when neither.</param>
/// <param name="Organizacion">The certificate subject's O, when present.</param>
/// <param name="FechaFirma">The signed attribute signingTime (1.2.840.113549.1.9.5), else the dictionary's /M date.</param>
/// <param name="FechaDeAtributo">True when <paramref name="FechaFirma"/> comes from the signed attribute (covered by the signature), false when from /M (claimed, not signed).</param>
/// <param name="CadenaVerificada">Whether the certificate chains to a root this machine trusts (no revocation check). False is normal for a Peruvian RENIEC/ECERNEP certificate on a server without those roots: reported apart, never a failure.</param>
/// <param name="Detalle">Why a signature is <see cref="EstadoFirma.IntegridadFallida"/> or <see cref="EstadoFirma.NoVerificable"/>, in Spanish; null otherwise.</param>
public sealed record FirmaPdf(
    int Numero,
    EstadoFirma Estado,
    string? Firmante,
    string? Organizacion,
    DateTimeOffset? FechaFirma,
    bool FechaDeAtributo,
    bool CadenaVerificada,
    bool CubreTodoElArchivo,
    string Subfiltro,
    string? Detalle)
{
    /// <summary>The state in words (the page never relies on colour alone).</summary>
    public string EstadoEnPalabras => FirmaDocumento.Palabras(Estado, Detalle);

    /// <summary>The certificate chain in words, apart from the state.</summary>
    public string CadenaEnPalabras => FirmaDocumento.PalabrasCadena(CadenaVerificada);
}

/// <summary>All signatures of one PDF, in file order (the first signed first).</summary>
public sealed record ResultadoFirmasPdf(IReadOnlyList<FirmaPdf> Firmas)
{
    public bool Firmado => Firmas.Count > 0;

    /// <summary>One line for the document: "Sin firma digital", or the worst state of its signatures.</summary>
    public string Resumen => FirmaDocumento.Resumen(Firmas.Select(f => f.Estado).ToList());
}

/// <summary>
/// Finds and checks the digital signatures embedded in a PDF, without a PDF library: every signature dictionary
/// has a /ByteRange [a b c d] naming the two signed stretches of the file, and between them sits the /Contents
/// hex string with the CMS (PKCS #7) signature — so the dictionary is always written uncompressed, in the file's
/// own bytes, and a text scan finds it. Each one is checked by hashing the two stretches through
/// <see cref="SignedCms"/> (detached, <c>CheckSignature(true)</c>: integrity and the signer certificate present;
/// chain trust is reported apart). Incremental updates give several signatures; only one whose ByteRange ends at
/// the end of the file covers all of it. Subfilters: adbe.pkcs7.detached and ETSI.CAdES.detached; others are
/// listed as not verifiable. Never throws on bad input.
/// </summary>
public static partial class FirmasPdf
{
    private const string OidFechaFirma = "1.2.840.113549.1.9.5";
    private static readonly string[] SubfiltrosDesacoplados = ["adbe.pkcs7.detached", "ETSI.CAdES.detached"];

    [GeneratedRegex(@"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]")]
    private static partial Regex RangoBytes();

    [GeneratedRegex(@"/SubFilter\s*/([A-Za-z0-9.#_-]+)")]
    private static partial Regex Subfiltro();

    [GeneratedRegex(@"/M\s*\(\s*(D:[0-9+\-Z']+)\s*\)")]
    private static partial Regex FechaM();

    [GeneratedRegex(@"/Name\s*\(((?:[^()\\]|\\.)*)\)")]
    private static partial Regex NombreFirmante();

    /// <summary>Checks every signature of <paramref name="pdf"/>; an unsigned or non-PDF file gives none.</summary>
    public static ResultadoFirmasPdf Verificar(byte[] pdf)
    {
        // Latin-1 maps each byte to one char, so a match's index is the byte offset.
        var texto = Encoding.Latin1.GetString(pdf);
        var firmas = new List<FirmaPdf>();
        var vistos = new HashSet<(long, long, long, long)>();
        foreach (Match m in RangoBytes().Matches(texto))
        {
            if (!long.TryParse(m.Groups[1].Value, CultureInfo.InvariantCulture, out var a)
                || !long.TryParse(m.Groups[2].Value, CultureInfo.InvariantCulture, out var b)
                || !long.TryParse(m.Groups[3].Value, CultureInfo.InvariantCulture, out var c)
                || !long.TryParse(m.Groups[4].Value, CultureInfo.InvariantCulture, out var d)) continue;
            // A prepared but unsigned field still holds its zero placeholder; the same dictionary copied by a later update is one signature.
            if (b == 0 && c == 0 && d == 0) continue;
            if (!vistos.Add((a, b, c, d))) continue;
            firmas.Add(Una(pdf, texto, m.Index, firmas.Count + 1, a, b, c, d));
        }
        return new ResultadoFirmasPdf(firmas);
    }

    private static FirmaPdf Una(byte[] pdf, string texto, int posicion, int numero, long a, long b, long c, long d)
    {
        var largo = pdf.LongLength;
        FirmaPdf Ilegible(string porque, string subfiltro = "", string? nombre = null, DateTimeOffset? fecha = null) =>
            new(numero, EstadoFirma.NoVerificable, nombre, null, fecha, false, false, c + d == largo, subfiltro, porque);

        if (a != 0 || b <= 0 || c < b || d < 0 || c + d > largo)
            return Ilegible("el rango de bytes firmado (/ByteRange) no corresponde a este archivo");
        var (inicioGap, finGap) = ((int)b, (int)c);
        if (pdf[inicioGap] != (byte)'<' || pdf[finGap - 1] != (byte)'>')
            return Ilegible("la firma (/Contents) no está donde indica /ByteRange");

        var diccionario = Diccionario(texto, posicion, inicioGap, finGap);
        var subfiltro = Subfiltro().Match(diccionario) is { Success: true } s ? s.Groups[1].Value : "";
        var nombre = NombreFirmante().Match(diccionario) is { Success: true } n ? n.Groups[1].Value : null;
        var fechaM = FechaM().Match(diccionario) is { Success: true } f ? FechaPdf(f.Groups[1].Value) : null;
        if (!SubfiltrosDesacoplados.Contains(subfiltro, StringComparer.Ordinal))
            return Ilegible($"el tipo de firma «{(subfiltro == "" ? "sin /SubFilter" : subfiltro)}» no se verifica (SIPOI verifica adbe.pkcs7.detached y ETSI.CAdES.detached)", subfiltro, nombre, fechaM);

        byte[] cms;
        try
        {
            var hex = texto.AsSpan(inicioGap + 1, finGap - inicioGap - 2);
            var sinEspacios = new StringBuilder(hex.Length);
            foreach (var ch in hex) if (!char.IsWhiteSpace(ch)) sinEspacios.Append(ch);
            if (sinEspacios.Length % 2 == 1) sinEspacios.Append('0');
            var bytes = Convert.FromHexString(sinEspacios.ToString());
            // The placeholder is padded with zeros after the DER value: keep only the value.
            AsnDecoder.ReadEncodedValue(bytes, AsnEncodingRules.BER, out _, out _, out var usados);
            cms = bytes[..usados];
        }
        catch (Exception e) when (e is FormatException or AsnContentException)
        {
            return Ilegible("el contenido de la firma no es un CMS legible", subfiltro, nombre, fechaM);
        }

        var firmado = new byte[b + d];
        Array.Copy(pdf, 0, firmado, 0, b);
        Array.Copy(pdf, c, firmado, b, d);
        var sobre = new SignedCms(new ContentInfo(firmado), detached: true);
        try
        {
            sobre.Decode(cms);
        }
        catch (CryptographicException)
        {
            return Ilegible("el contenido de la firma no es un CMS legible", subfiltro, nombre, fechaM);
        }
        if (sobre.SignerInfos.Count == 0) return Ilegible("la firma no tiene firmante", subfiltro, nombre, fechaM);
        var firmante = sobre.SignerInfos[0];
        var certificado = firmante.Certificate;
        var fechaAtributo = FechaAtributo(firmante);
        var fecha = fechaAtributo ?? fechaM;
        if (certificado is null)
            return Ilegible("la firma no incluye el certificado del firmante", subfiltro, nombre, fecha);

        var cn = certificado.GetNameInfo(X509NameType.SimpleName, false);
        var o = Atributo(certificado.SubjectName, "2.5.4.10");
        var cubre = c + d == largo;
        try
        {
            firmante.CheckSignature(verifySignatureOnly: true);
        }
        catch (CryptographicException)
        {
            return new FirmaPdf(numero, EstadoFirma.IntegridadFallida, Vacio(cn) ?? nombre, o, fecha, fechaAtributo is not null,
                Cadena(certificado, sobre.Certificates, fecha), cubre, subfiltro, "el resumen (hash) del contenido firmado no coincide con la firma");
        }
        return new FirmaPdf(numero, cubre ? EstadoFirma.Valida : EstadoFirma.ModificadoDespues, Vacio(cn) ?? nombre, o, fecha,
            fechaAtributo is not null, Cadena(certificado, sobre.Certificates, fecha), cubre, subfiltro, null);
    }

    /// <summary>
    /// The text of the signature dictionary around the /ByteRange at <paramref name="posicion"/>: back to the unmatched
    /// "&lt;&lt;" and on to its "&gt;&gt;", skipping the /Contents hex string (whose digits hold no brackets).
    /// </summary>
    private static string Diccionario(string texto, int posicion, int inicioGap, int finGap)
    {
        var desde = Math.Min(posicion, inicioGap);
        var profundidad = 0;
        var inicio = 0;
        for (var i = desde - 1; i > 0; i--)
        {
            if (i >= inicioGap && i < finGap) continue;
            if (texto[i] == '>' && texto[i - 1] == '>') { profundidad++; i--; }
            else if (texto[i] == '<' && texto[i - 1] == '<')
            {
                if (profundidad == 0) { inicio = i - 1; break; }
                profundidad--;
                i--;
            }
        }
        var hasta = Math.Max(posicion, finGap);
        var fin = texto.Length;
        profundidad = 0;
        for (var i = hasta; i < texto.Length - 1; i++)
        {
            if (i >= inicioGap && i < finGap) continue;
            if (texto[i] == '<' && texto[i + 1] == '<') { profundidad++; i++; }
            else if (texto[i] == '>' && texto[i + 1] == '>')
            {
                if (profundidad == 0) { fin = i + 2; break; }
                profundidad--;
                i++;
            }
        }
        // Without the hex string, so a "/M" or "/Name" can only come from the dictionary's own keys.
        return string.Concat(texto.AsSpan(inicio, Math.Max(0, inicioGap - inicio)), texto.AsSpan(finGap, Math.Max(0, fin - finGap)));
    }

    private static DateTimeOffset? FechaAtributo(SignerInfo firmante)
    {
        foreach (var atributo in firmante.SignedAttributes)
        {
            if (atributo.Oid?.Value != OidFechaFirma) continue;
            foreach (var valor in atributo.Values)
                if (valor is Pkcs9SigningTime t) return new DateTimeOffset(DateTime.SpecifyKind(t.SigningTime, DateTimeKind.Utc));
                else
                    try
                    {
                        return new DateTimeOffset(DateTime.SpecifyKind(new Pkcs9SigningTime(valor.RawData).SigningTime, DateTimeKind.Utc));
                    }
                    catch (CryptographicException)
                    {
                    }
        }
        return null;
    }

    /// <summary>A PDF date "D:YYYYMMDDHHmmSSOHH'mm'" (ISO 32000-1 §7.9.4); every part after the year optional.</summary>
    public static DateTimeOffset? FechaPdf(string valor)
    {
        var s = valor.StartsWith("D:", StringComparison.Ordinal) ? valor[2..] : valor;
        int Parte(int desde, int largo, int defecto) =>
            s.Length >= desde + largo && int.TryParse(s.AsSpan(desde, largo), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : defecto;
        if (s.Length < 4 || !int.TryParse(s.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var anio)) return null;
        var desfase = TimeSpan.Zero;
        var z = s.IndexOfAny(['+', '-', 'Z']);
        if (z > 0 && s[z] != 'Z')
        {
            var resto = s[(z + 1)..].Replace("'", "", StringComparison.Ordinal);
            var hh = resto.Length >= 2 && int.TryParse(resto.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var h) ? h : 0;
            var mm = resto.Length >= 4 && int.TryParse(resto.AsSpan(2, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var mi) ? mi : 0;
            desfase = new TimeSpan(hh, mm, 0) * (s[z] == '-' ? -1 : 1);
        }
        try
        {
            return new DateTimeOffset(anio, Parte(4, 2, 1), Parte(6, 2, 1), Parte(8, 2, 0), Parte(10, 2, 0), Parte(12, 2, 0), desfase);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static string? Atributo(X500DistinguishedName nombre, string oid)
    {
        foreach (var rdn in nombre.EnumerateRelativeDistinguishedNames())
            if (rdn.GetSingleElementType().Value == oid) return Vacio(rdn.GetSingleElementValue());
        return null;
    }

    private static string? Vacio(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>Chain trust at signing time, with the certificates the signature carries; no revocation (no network).</summary>
    private static bool Cadena(X509Certificate2 certificado, X509Certificate2Collection incluidos, DateTimeOffset? fecha)
    {
        using var cadena = new X509Chain();
        cadena.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        cadena.ChainPolicy.ExtraStore.AddRange(incluidos);
        if (fecha is { } f) cadena.ChainPolicy.VerificationTime = f.UtcDateTime;
        try
        {
            return cadena.Build(certificado);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
