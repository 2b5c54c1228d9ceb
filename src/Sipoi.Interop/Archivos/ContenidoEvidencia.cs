using System.Buffers.Binary;
using System.Text;
using System.Xml;
using Sipoi.Domain.Seguimiento;

namespace Sipoi.Interop.Archivos;

/// <summary>
/// Checks an evidence file by what it contains: magic bytes; for Office Open XML, a ZIP within
/// <see cref="LimitesOffice"/> whose package relationship and [Content_Types].xml say the main part is a Word
/// document, a workbook or a presentation; for OpenDocument, the stored "mimetype" entry; for the 97-2003 formats,
/// the OLE root's main stream. The domain's rule (which types, how big: <see cref="Evidencia.Admitir"/>) is asked
/// first. Pass the whole file: a ZIP is recognised from its central directory at the end. Never throws on bad input.
/// </summary>
public static class ContenidoEvidencia
{
    private static ReadOnlySpan<byte> FirmaPdf => "%PDF-"u8;
    private static ReadOnlySpan<byte> FirmaPng => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static ReadOnlySpan<byte> FirmaJpeg => [0xFF, 0xD8, 0xFF];

    private const string RelacionPrincipal = "/officeDocument";

    private static readonly Dictionary<string, TipoEvidencia> TiposPrincipales = new(StringComparer.OrdinalIgnoreCase)
    {
        ["application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"] = TipoEvidencia.Docx,
        ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"] = TipoEvidencia.Xlsx,
        ["application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"] = TipoEvidencia.Pptx,
    };

    /// <summary>
    /// Validates one evidence file. <paramref name="contenido"/> is the file's bytes;
    /// <paramref name="tamano"/> its size as received (checked against <paramref name="limite"/>).
    /// </summary>
    public static ResultadoEvidencia Validar(string? nombre, byte[] contenido, long tamano, long limite = Evidencia.LimitePorDefecto,
        LimitesOffice? limites = null)
    {
        var admitido = Evidencia.Admitir(nombre, tamano, limite);
        if (!admitido.Valido || admitido.Tipo is not { } esperado) return admitido;
        var seguro = admitido.NombreSeguro;
        if (contenido.Length == 0) return Error(seguro, $"El archivo «{seguro}» está vacío.");
        var (detectado, problema) = Inspeccionar(contenido, limites ?? LimitesOffice.Predeterminados);
        if (problema is not null) return Error(seguro, $"El archivo «{seguro}» no se aceptó. {problema}");
        if (detectado == esperado) return admitido;
        return Error(seguro, detectado is { } d
            ? $"El contenido de «{seguro}» no corresponde a su extensión: es {d.ConArticulo()}."
            : $"El contenido de «{seguro}» no es {esperado.ConArticulo()} válido (el archivo está dañado o es de otro tipo).");
    }

    /// <summary>The type the content shows, whatever the name says; null when it is none of the accepted ones or passes a limit.</summary>
    public static TipoEvidencia? Detectar(byte[] contenido) => Inspeccionar(contenido, LimitesOffice.Predeterminados).Tipo;

    /// <summary>The type, or why a container was refused although it looked like one (a bomb, a lying header, encryption).</summary>
    private static (TipoEvidencia? Tipo, string? Problema) Inspeccionar(byte[] contenido, LimitesOffice limites)
    {
        var c = contenido.AsSpan();
        if (c.StartsWith(FirmaPdf)) return (TipoEvidencia.Pdf, null);
        if (c.StartsWith(FirmaPng)) return (TipoEvidencia.Png, null);
        if (c.StartsWith(FirmaJpeg)) return (TipoEvidencia.Jpeg, null);
        if (c.StartsWith(Ole.Firma))
        {
            // Each legacy format has its main stream at the root of the OLE container.
            var raiz = Ole.NombresRaiz(c);
            if (raiz.Contains("WordDocument")) return (TipoEvidencia.Doc, null);
            if (raiz.Contains("PowerPoint Document")) return (TipoEvidencia.Ppt, null);
            if (raiz.Contains("Workbook") || raiz.Contains("Book")) return (TipoEvidencia.Xls, null);
            return (null, null);
        }
        if (!ZipAcotado.PareceZip(c)) return (null, null);
        var zip = ZipAcotado.Inspeccionar(contenido, limites);
        if (!zip.Valido) return (null, zip.Daniado ? null : zip.Error);
        var nombres = zip.Entradas.Select(e => e.Nombre).ToHashSet(StringComparer.Ordinal);
        if (MimetypeOdf(c, nombres) is { } mime)
            return (mime switch
            {
                "application/vnd.oasis.opendocument.text" => TipoEvidencia.Odt,
                "application/vnd.oasis.opendocument.spreadsheet" => TipoEvidencia.Ods,
                "application/vnd.oasis.opendocument.presentation" => TipoEvidencia.Odp,
                _ => null,
            }, null);
        return (TipoOoxml(contenido, nombres), null);
    }

    /// <summary>
    /// The main part an OOXML package's relationships point to (_rels/.rels, "officeDocument"), which must exist and
    /// carry one of the three main content types in [Content_Types].xml — what Office itself reads to open the file.
    /// </summary>
    private static TipoEvidencia? TipoOoxml(byte[] c, HashSet<string> nombres)
    {
        if (!nombres.Contains("[Content_Types].xml") || !nombres.Contains("_rels/.rels")) return null;
        try
        {
            string? destino = null;
            foreach (var (_, atributos) in Elementos(ZipAcotado.Leer(c, "_rels/.rels")!, "Relationship"))
                if (atributos.GetValueOrDefault("Type")?.EndsWith(RelacionPrincipal, StringComparison.Ordinal) == true
                    && atributos.GetValueOrDefault("TargetMode") is null or "Internal")
                {
                    if (destino is not null) return null; // two main parts: not a document Office opens
                    destino = atributos.GetValueOrDefault("Target");
                }
            if (destino is null) return null;
            var parte = "/" + destino.TrimStart('/');
            if (!nombres.Contains(parte[1..])) return null;

            string? tipo = null, porExtension = null;
            var extension = Path.GetExtension(parte).TrimStart('.');
            foreach (var (elemento, a) in Elementos(ZipAcotado.Leer(c, "[Content_Types].xml")!, "Override", "Default"))
            {
                if (elemento == "Override" && string.Equals(a.GetValueOrDefault("PartName"), parte, StringComparison.OrdinalIgnoreCase))
                    tipo = a.GetValueOrDefault("ContentType");
                else if (elemento == "Default" && string.Equals(a.GetValueOrDefault("Extension"), extension, StringComparison.OrdinalIgnoreCase))
                    porExtension = a.GetValueOrDefault("ContentType");
            }
            return (tipo ?? porExtension) is { } t && TiposPrincipales.TryGetValue(t, out var r) ? r : null;
        }
        catch (XmlException)
        {
            return null;
        }
    }

    /// <summary>The named elements of a small XML part with their attributes; no DTD (an entity bomb is an error, not an expansion).</summary>
    private static IEnumerable<(string Elemento, Dictionary<string, string> Atributos)> Elementos(byte[] xml, params string[] nombres)
    {
        var ajustes = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };
        using var r = XmlReader.Create(new MemoryStream(xml), ajustes);
        while (r.Read())
        {
            if (r.NodeType != XmlNodeType.Element || Array.IndexOf(nombres, r.LocalName) < 0) continue;
            var atributos = new Dictionary<string, string>(StringComparer.Ordinal);
            while (r.MoveToNextAttribute()) atributos[r.LocalName] = r.Value;
            r.MoveToElement();
            yield return (r.LocalName, atributos);
        }
    }

    /// <summary>ODF puts an uncompressed "mimetype" entry first, so the type is readable at a fixed place; the ZIP must list it.</summary>
    private static string? MimetypeOdf(ReadOnlySpan<byte> c, HashSet<string> nombres)
    {
        if (c.Length < 30 || !nombres.Contains("mimetype")) return null;
        var metodo = BinaryPrimitives.ReadUInt16LittleEndian(c[8..]);
        var tamano = BinaryPrimitives.ReadUInt32LittleEndian(c[18..]);
        var largoNombre = BinaryPrimitives.ReadUInt16LittleEndian(c[26..]);
        var largoExtra = BinaryPrimitives.ReadUInt16LittleEndian(c[28..]);
        if (metodo != 0 || largoNombre != 8 || tamano > 100) return null;
        if (!c.Slice(30).StartsWith("mimetype"u8)) return null;
        var inicio = 30L + largoNombre + largoExtra;
        if (inicio + tamano > c.Length) return null;
        return Encoding.ASCII.GetString(c.Slice((int)inicio, (int)tamano));
    }

    private static ResultadoEvidencia Error(string nombre, string mensaje) => new(null, nombre, mensaje);
}
