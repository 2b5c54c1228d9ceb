using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Sipoi.Domain.Seguimiento;

/// <summary>The file types accepted as evidence of a month's execution.</summary>
public enum TipoEvidencia { Pdf, Png, Jpeg, Docx, Xlsx, Pptx, Doc, Xls, Ppt, Odt, Ods, Odp }

public static class TipoEvidenciaTexto
{
    public static string Nombre(this TipoEvidencia t) => t switch
    {
        TipoEvidencia.Pdf => "PDF",
        TipoEvidencia.Png => "imagen PNG",
        TipoEvidencia.Jpeg => "imagen JPEG",
        TipoEvidencia.Docx => "documento de Word (DOCX)",
        TipoEvidencia.Xlsx => "hoja de Excel (XLSX)",
        TipoEvidencia.Pptx => "presentación de PowerPoint (PPTX)",
        TipoEvidencia.Doc => "documento de Word 97-2003 (DOC)",
        TipoEvidencia.Xls => "hoja de Excel 97-2003 (XLS)",
        TipoEvidencia.Ppt => "presentación de PowerPoint 97-2003 (PPT)",
        TipoEvidencia.Odt => "documento de texto OpenDocument (ODT)",
        TipoEvidencia.Ods => "hoja de cálculo OpenDocument (ODS)",
        TipoEvidencia.Odp => "presentación OpenDocument (ODP)",
        _ => throw new ArgumentOutOfRangeException(nameof(t)),
    };

    /// <summary>The Content-Type to serve the file with.</summary>
    public static string Mime(this TipoEvidencia t) => t switch
    {
        TipoEvidencia.Pdf => "application/pdf",
        TipoEvidencia.Png => "image/png",
        TipoEvidencia.Jpeg => "image/jpeg",
        TipoEvidencia.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        TipoEvidencia.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        TipoEvidencia.Pptx => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        TipoEvidencia.Doc => "application/msword",
        TipoEvidencia.Xls => "application/vnd.ms-excel",
        TipoEvidencia.Ppt => "application/vnd.ms-powerpoint",
        TipoEvidencia.Odt => "application/vnd.oasis.opendocument.text",
        TipoEvidencia.Ods => "application/vnd.oasis.opendocument.spreadsheet",
        TipoEvidencia.Odp => "application/vnd.oasis.opendocument.presentation",
        _ => throw new ArgumentOutOfRangeException(nameof(t)),
    };
}

/// <summary>The verdict on an uploaded file: its type and safe name, or a message for the user.</summary>
public sealed record ResultadoEvidencia(TipoEvidencia? Tipo, string NombreSeguro, string? Error)
{
    public bool Valido => Error is null;
    public string? Mime => Tipo?.Mime();
}

/// <summary>
/// Checks an evidence file by its content (magic bytes and, for ZIP and OLE containers, the names
/// inside), its extension and its size; see README.md, "Evidencias". Pure: the bytes come in, a
/// verdict goes out. Pass the whole file: a ZIP is recognised from its central directory at the end.
/// </summary>
public static class Evidencia
{
    public const long LimitePorDefecto = 10L * 1024 * 1024;
    public const int LargoMaximoNombre = 120;

    private static readonly Dictionary<string, TipoEvidencia> PorExtension = new(StringComparer.Ordinal)
    {
        ["pdf"] = TipoEvidencia.Pdf,
        ["png"] = TipoEvidencia.Png,
        ["jpg"] = TipoEvidencia.Jpeg,
        ["jpeg"] = TipoEvidencia.Jpeg,
        ["docx"] = TipoEvidencia.Docx,
        ["xlsx"] = TipoEvidencia.Xlsx,
        ["pptx"] = TipoEvidencia.Pptx,
        ["doc"] = TipoEvidencia.Doc,
        ["xls"] = TipoEvidencia.Xls,
        ["ppt"] = TipoEvidencia.Ppt,
        ["odt"] = TipoEvidencia.Odt,
        ["ods"] = TipoEvidencia.Ods,
        ["odp"] = TipoEvidencia.Odp,
    };

    /// <summary>"PDF, PNG, JPG, …": the list the messages and the upload form show.</summary>
    public static string ExtensionesAceptadas { get; } =
        string.Join(", ", PorExtension.Keys.Select(e => e.ToUpperInvariant()));

    private static ReadOnlySpan<byte> FirmaPdf => "%PDF-"u8;
    private static ReadOnlySpan<byte> FirmaPng => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static ReadOnlySpan<byte> FirmaJpeg => [0xFF, 0xD8, 0xFF];
    private static ReadOnlySpan<byte> FirmaOle => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static ReadOnlySpan<byte> FirmaZip => "PK\x03\x04"u8;

    /// <summary>
    /// Validates one evidence file. <paramref name="contenido"/> is the file's bytes;
    /// <paramref name="tamano"/> its size as received (checked against <paramref name="limite"/>).
    /// </summary>
    public static ResultadoEvidencia Validar(string? nombre, ReadOnlySpan<byte> contenido, long tamano, long limite = LimitePorDefecto)
    {
        if (limite <= 0) throw new ArgumentOutOfRangeException(nameof(limite), limite, "El límite debe ser positivo.");
        var seguro = SanearNombre(nombre);
        var extension = Extension(seguro);
        if (extension.Length == 0)
            return Error(seguro, $"El archivo «{seguro}» no tiene extensión; se aceptan {ExtensionesAceptadas}.");
        if (!PorExtension.TryGetValue(extension, out var esperado))
            return Error(seguro, $"El tipo de archivo «.{extension}» no se acepta como evidencia; se aceptan {ExtensionesAceptadas}.");
        if (tamano <= 0 || contenido.IsEmpty)
            return Error(seguro, $"El archivo «{seguro}» está vacío.");
        if (tamano > limite)
            return Error(seguro, $"El archivo «{seguro}» pesa {Megas(tamano)} y el límite es {Megas(limite)}.");
        if (Coincide(esperado, contenido))
            return new ResultadoEvidencia(esperado, seguro, null);
        var detectado = Detectar(contenido);
        return Error(seguro, detectado is { } d
            ? $"El contenido de «{seguro}» no corresponde a su extensión: es {ConArticulo(d)}."
            : $"El contenido de «{seguro}» no es {ConArticulo(esperado)} válido (el archivo está dañado o es de otro tipo).");
    }

    /// <summary>The type the content shows, whatever the name says; null when it is none of the accepted ones.</summary>
    public static TipoEvidencia? Detectar(ReadOnlySpan<byte> contenido)
    {
        if (contenido.StartsWith(FirmaPdf)) return TipoEvidencia.Pdf;
        if (contenido.StartsWith(FirmaPng)) return TipoEvidencia.Png;
        if (contenido.StartsWith(FirmaJpeg)) return TipoEvidencia.Jpeg;
        if (contenido.StartsWith(FirmaOle))
        {
            foreach (var t in (ReadOnlySpan<TipoEvidencia>)[TipoEvidencia.Doc, TipoEvidencia.Ppt, TipoEvidencia.Xls])
                if (Coincide(t, contenido)) return t;
            return null;
        }
        if (contenido.StartsWith(FirmaZip))
        {
            if (MimetypeOdf(contenido) is { } mime)
                return mime switch
                {
                    "application/vnd.oasis.opendocument.text" => TipoEvidencia.Odt,
                    "application/vnd.oasis.opendocument.spreadsheet" => TipoEvidencia.Ods,
                    "application/vnd.oasis.opendocument.presentation" => TipoEvidencia.Odp,
                    _ => null,
                };
            foreach (var t in (ReadOnlySpan<TipoEvidencia>)[TipoEvidencia.Docx, TipoEvidencia.Xlsx, TipoEvidencia.Pptx])
                if (Coincide(t, contenido)) return t;
        }
        return null;
    }

    /// <summary>
    /// A name safe to store and to offer for download: last path segment only, no control or
    /// reserved characters, no leading/trailing dots or spaces, not a Windows device name,
    /// lower-case extension, at most <see cref="LargoMaximoNombre"/> characters. Accents stay.
    /// </summary>
    public static string SanearNombre(string? nombre)
    {
        var n = (nombre ?? "").Normalize(NormalizationForm.FormC);
        var corte = n.LastIndexOfAny(['/', '\\']);
        if (corte >= 0) n = n[(corte + 1)..];
        var sb = new StringBuilder(n.Length);
        var espacio = false;
        foreach (var c in n)
        {
            if (char.IsWhiteSpace(c))
            {
                espacio = true;
                continue;
            }
            if (espacio && sb.Length > 0) sb.Append(' ');
            espacio = false;
            sb.Append(char.IsLetterOrDigit(c) || c is '.' or '-' or '_' or '(' or ')' or ',' or '°' or '+' or '&' ? c : '_');
        }
        var limpio = sb.ToString().Trim(' ', '.');
        var punto = limpio.LastIndexOf('.');
        var (base_, extension) = punto > 0
            ? (limpio[..punto].TrimEnd(' ', '.'), limpio[(punto + 1)..].ToLowerInvariant())
            : (limpio, "");
        if (base_.Length == 0) base_ = "evidencia";
        if (EsNombreReservado(base_)) base_ = "_" + base_;
        var sufijo = extension.Length > 0 ? "." + extension : "";
        if (sufijo.Length > 16) sufijo = sufijo[..16];
        var maximo = LargoMaximoNombre - sufijo.Length;
        if (base_.Length > maximo) base_ = base_[..maximo].TrimEnd(' ', '.');
        return base_ + sufijo;
    }

    private static bool Coincide(TipoEvidencia tipo, ReadOnlySpan<byte> c) => tipo switch
    {
        TipoEvidencia.Pdf => c.StartsWith(FirmaPdf),
        TipoEvidencia.Png => c.StartsWith(FirmaPng),
        TipoEvidencia.Jpeg => c.StartsWith(FirmaJpeg),
        // Each legacy format has its main stream at the root of the OLE container.
        TipoEvidencia.Doc => c.StartsWith(FirmaOle) && NombresOle(c).Contains("WordDocument"),
        TipoEvidencia.Xls => c.StartsWith(FirmaOle) && NombresOle(c) is var x && (x.Contains("Workbook") || x.Contains("Book")),
        TipoEvidencia.Ppt => c.StartsWith(FirmaOle) && NombresOle(c).Contains("PowerPoint Document"),
        TipoEvidencia.Docx => EsOoxml(c, "word/"),
        TipoEvidencia.Xlsx => EsOoxml(c, "xl/"),
        TipoEvidencia.Pptx => EsOoxml(c, "ppt/"),
        TipoEvidencia.Odt => MimetypeOdf(c) == TipoEvidencia.Odt.Mime(),
        TipoEvidencia.Ods => MimetypeOdf(c) == TipoEvidencia.Ods.Mime(),
        TipoEvidencia.Odp => MimetypeOdf(c) == TipoEvidencia.Odp.Mime(),
        _ => false,
    };

    private static bool EsOoxml(ReadOnlySpan<byte> c, string carpeta)
    {
        if (!c.StartsWith(FirmaZip)) return false;
        return NombresZip(c) is { } nombres
            && nombres.Contains("[Content_Types].xml")
            && nombres.Any(n => n.StartsWith(carpeta, StringComparison.Ordinal));
    }

    /// <summary>ODF puts an uncompressed "mimetype" entry first, so the type is readable at a fixed place; the ZIP must be complete.</summary>
    private static string? MimetypeOdf(ReadOnlySpan<byte> c)
    {
        if (c.Length < 30 || !c.StartsWith(FirmaZip)) return null;
        var metodo = BinaryPrimitives.ReadUInt16LittleEndian(c[8..]);
        var tamano = BinaryPrimitives.ReadUInt32LittleEndian(c[18..]);
        var largoNombre = BinaryPrimitives.ReadUInt16LittleEndian(c[26..]);
        var largoExtra = BinaryPrimitives.ReadUInt16LittleEndian(c[28..]);
        if (metodo != 0 || largoNombre != 8 || tamano > 100) return null;
        if (!c.Slice(30).StartsWith("mimetype"u8)) return null;
        var inicio = 30L + largoNombre + largoExtra;
        if (inicio + tamano > c.Length || NombresZip(c) is not { } nombres || !nombres.Contains("mimetype")) return null;
        return Encoding.ASCII.GetString(c.Slice((int)inicio, (int)tamano));
    }

    /// <summary>
    /// Entry names of a ZIP, read from its central directory (what every ZIP reader trusts); null
    /// when the end-of-central-directory record is missing, i.e. the file is truncated or not a ZIP.
    /// Never throws on bad input.
    /// </summary>
    private static HashSet<string>? NombresZip(ReadOnlySpan<byte> c)
    {
        const int maximoEntradas = 20_000;
        // End of central directory: 22 bytes plus a comment of up to 65,535.
        for (var i = c.Length - 22; i >= 0 && i >= c.Length - 22 - 65_535; i--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(c[i..]) != 0x06054B50) continue;
            var nombres = new HashSet<string>(StringComparer.Ordinal);
            var entradas = BinaryPrimitives.ReadUInt16LittleEndian(c[(i + 10)..]);
            long p = BinaryPrimitives.ReadUInt32LittleEndian(c[(i + 16)..]);
            for (var k = 0; k < entradas && k < maximoEntradas; k++)
            {
                if (p + 46 > c.Length || BinaryPrimitives.ReadUInt32LittleEndian(c[(int)p..]) != 0x02014B50) return null;
                var n = BinaryPrimitives.ReadUInt16LittleEndian(c[(int)(p + 28)..]);
                var e = BinaryPrimitives.ReadUInt16LittleEndian(c[(int)(p + 30)..]);
                var m = BinaryPrimitives.ReadUInt16LittleEndian(c[(int)(p + 32)..]);
                if (p + 46 + n > c.Length) return null;
                nombres.Add(Encoding.UTF8.GetString(c.Slice((int)p + 46, n)));
                p += 46L + n + e + m;
            }
            return nombres;
        }
        return null;
    }

    /// <summary>
    /// Names of the entries directly under the root of an OLE compound file (MS-CFB): the directory
    /// sectors are followed through the FAT listed in the header, and the root's children walked
    /// through their sibling tree, so a sheet embedded in a Word file does not make it a workbook.
    /// Never throws on bad input; what cannot be read is left out.
    /// </summary>
    private static HashSet<string> NombresOle(ReadOnlySpan<byte> c)
    {
        const uint finCadena = 0xFFFFFFFA; // this and above: end of chain, free, FAT or DIFAT sector
        const int maximoSectores = 100_000;
        var nombres = new HashSet<string>(StringComparer.Ordinal);
        if (c.Length < 512) return nombres;
        var desplazamiento = BinaryPrimitives.ReadUInt16LittleEndian(c[0x1E..]);
        if (desplazamiento is not (9 or 12)) return nombres;
        var sector = 1 << desplazamiento;

        long Inicio(uint s) => (s + 1L) * sector;
        static uint Siguiente(ReadOnlySpan<byte> c, uint s, int sector)
        {
            var porSectorFat = (uint)sector / 4;
            var indice = s / porSectorFat;
            if (indice >= 109) return uint.MaxValue; // beyond the header's DIFAT: not followed
            var fat = BinaryPrimitives.ReadUInt32LittleEndian(c[(0x4C + (int)indice * 4)..]);
            if (fat >= finCadena) return uint.MaxValue;
            var posicion = (fat + 1L) * sector + (s % porSectorFat) * 4L;
            return posicion + 4 <= c.Length ? BinaryPrimitives.ReadUInt32LittleEndian(c[(int)posicion..]) : uint.MaxValue;
        }

        var entradas = new List<(string Nombre, uint Izquierda, uint Derecha, uint Hijo)>();
        var actual = BinaryPrimitives.ReadUInt32LittleEndian(c[0x30..]);
        for (var k = 0; k < maximoSectores && actual < finCadena; k++)
        {
            var inicio = Inicio(actual);
            if (inicio + sector > c.Length) break;
            for (var e = 0; e < sector; e += 128)
            {
                var entrada = c.Slice((int)inicio + e, 128);
                var largo = Math.Min(BinaryPrimitives.ReadUInt16LittleEndian(entrada[0x40..]), (ushort)64);
                var nombre = largo >= 2 ? Encoding.Unicode.GetString(entrada[..(largo - 2)]) : "";
                entradas.Add((nombre, BinaryPrimitives.ReadUInt32LittleEndian(entrada[0x44..]),
                    BinaryPrimitives.ReadUInt32LittleEndian(entrada[0x48..]), BinaryPrimitives.ReadUInt32LittleEndian(entrada[0x4C..])));
            }
            actual = Siguiente(c, actual, sector);
        }
        if (entradas.Count == 0) return nombres;

        var pendientes = new Stack<uint>();
        var vistos = new HashSet<uint>();
        pendientes.Push(entradas[0].Hijo);
        while (pendientes.Count > 0)
        {
            var i = pendientes.Pop();
            if (i >= entradas.Count || !vistos.Add(i)) continue;
            var (nombre, izquierda, derecha, _) = entradas[(int)i];
            nombres.Add(nombre);
            pendientes.Push(izquierda);
            pendientes.Push(derecha);
        }
        return nombres;
    }

    private static string Extension(string nombre)
    {
        var punto = nombre.LastIndexOf('.');
        return punto > 0 ? nombre[(punto + 1)..].ToLowerInvariant() : "";
    }

    private static bool EsNombreReservado(string base_)
    {
        var b = base_.Split('.')[0].TrimEnd().ToUpperInvariant();
        return b is "CON" or "PRN" or "AUX" or "NUL"
            || (b.Length == 4 && (b.StartsWith("COM", StringComparison.Ordinal) || b.StartsWith("LPT", StringComparison.Ordinal)) && b[3] is >= '1' and <= '9');
    }

    private static string ConArticulo(TipoEvidencia t) => t switch
    {
        TipoEvidencia.Pdf => "un PDF",
        TipoEvidencia.Png or TipoEvidencia.Jpeg or TipoEvidencia.Xlsx or TipoEvidencia.Xls or TipoEvidencia.Ods
            or TipoEvidencia.Pptx or TipoEvidencia.Ppt or TipoEvidencia.Odp => "una " + t.Nombre(),
        _ => "un " + t.Nombre(),
    };

    private static string Megas(long bytes) =>
        (bytes / (1024m * 1024m)).ToString("#,0.#", CultureInfo.InvariantCulture) + " MB";

    private static ResultadoEvidencia Error(string nombre, string mensaje) => new(null, nombre, mensaje);
}
