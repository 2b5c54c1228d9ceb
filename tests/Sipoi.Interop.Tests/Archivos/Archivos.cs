using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Sipoi.Interop.Tests.Archivos;

/// <summary>Builds minimal but well-formed files in memory, so evidence tests need no fixtures on disk.</summary>
internal static class Archivos
{
    public static byte[] Pdf => Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n");
    public static byte[] Png => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52];
    public static byte[] Jpeg => [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46, 0x49, 0x46, 0];
    public static byte[] Exe => [0x4D, 0x5A, 0x90, 0, 3, 0, 0, 0];

    public static byte[] Docx => Ooxml("word/document.xml");
    public static byte[] Xlsx => Ooxml("xl/workbook.xml");
    public static byte[] Pptx => Ooxml("ppt/presentation.xml");

    private static readonly Dictionary<string, string> TipoPrincipal = new()
    {
        ["word/"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        ["xl/"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        ["ppt/"] = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
    };

    /// <summary>
    /// An Office Open XML package: the package relationship points at <paramref name="parte"/>, and [Content_Types].xml
    /// gives it <paramref name="tipo"/> (by default the main type of its folder). LibreOffice writes [Content_Types].xml
    /// last, Office first: both are valid.
    /// </summary>
    public static byte[] Ooxml(string parte, bool tiposAlFinal = false, string? tipo = null, string? destino = null,
        (string Nombre, string Contenido)[]? extra = null)
    {
        tipo ??= TipoPrincipal.First(t => parte.StartsWith(t.Key, StringComparison.Ordinal)).Value;
        var rels = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
                   $"<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"{destino ?? parte}\"/></Relationships>";
        var tipos = ("[Content_Types].xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
            "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
            $"<Override PartName=\"/{parte}\" ContentType=\"{tipo}\"/></Types>");
        var entradas = new List<(string, string)> { ("_rels/.rels", rels), (parte, "<x/>") };
        entradas.AddRange(extra ?? []);
        if (tiposAlFinal) entradas.Add(tipos); else entradas.Insert(0, tipos);
        return Zip(entradas.ToArray());
    }

    /// <summary>An OpenDocument file: an uncompressed "mimetype" entry first.</summary>
    public static byte[] Odf(string mime) =>
        Zip([("mimetype", mime), ("content.xml", "<office:document-content/>"), ("META-INF/manifest.xml", "<manifest/>")], primeraSinComprimir: true);

    public static byte[] Zip((string Nombre, string Contenido)[] entradas, bool primeraSinComprimir = false)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            for (var i = 0; i < entradas.Length; i++)
            {
                var nivel = i == 0 && primeraSinComprimir ? CompressionLevel.NoCompression : CompressionLevel.Optimal;
                using var w = new StreamWriter(zip.CreateEntry(entradas[i].Nombre, nivel).Open(), new UTF8Encoding(false));
                w.Write(entradas[i].Contenido);
            }
        }
        return ms.ToArray();
    }

    public static byte[] Doc => Ole(["WordDocument", "1Table", "\u0005SummaryInformation"]);
    public static byte[] Xls => Ole(["Workbook", "\u0005SummaryInformation"]);
    public static byte[] Ppt => Ole(["PowerPoint Document", "Current User"]);

    /// <summary>
    /// A compound file (MS-CFB, 512-byte sectors): sector 0 is the FAT, the directory follows in as many
    /// sectors as it needs (4 entries each), chained through the FAT. The root's children are
    /// <paramref name="raiz"/> (plus a storage "ObjectPool" holding <paramref name="anidados"/>).
    /// </summary>
    public static byte[] Ole(string[] raiz, string[]? anidados = null, int relleno = 0)
    {
        const uint libre = 0xFFFFFFFF, fin = 0xFFFFFFFE, sectorFat = 0xFFFFFFFD;
        var entradas = new List<(string Nombre, byte Tipo, uint Izq, uint Der, uint Hijo)> { ("Root Entry", 5, libre, libre, libre) };
        // Empty entries first push the real ones into later directory sectors.
        for (var i = 0; i < relleno; i++) entradas.Add(("", 0, libre, libre, libre));
        var primero = (uint)entradas.Count;
        var hijosRaiz = raiz.ToList();
        if (anidados is not null) hijosRaiz.Add("ObjectPool");
        for (var i = 0; i < hijosRaiz.Count; i++)
        {
            var siguiente = i + 1 < hijosRaiz.Count ? (uint)(entradas.Count + 1) : libre;
            var esPool = anidados is not null && i == hijosRaiz.Count - 1;
            entradas.Add((hijosRaiz[i], (byte)(esPool ? 1 : 2), libre, siguiente, libre));
        }
        entradas[0] = entradas[0] with { Hijo = hijosRaiz.Count > 0 ? primero : libre };
        if (anidados is not null)
        {
            var pool = entradas.Count - 1;
            entradas[pool] = entradas[pool] with { Hijo = (uint)entradas.Count };
            for (var i = 0; i < anidados.Length; i++)
                entradas.Add((anidados[i], 2, libre, i + 1 < anidados.Length ? (uint)(entradas.Count + 1) : libre, libre));
        }
        while (entradas.Count % 4 != 0) entradas.Add(("", 0, libre, libre, libre));
        var sectoresDirectorio = entradas.Count / 4;

        var archivo = new byte[512 * (2 + sectoresDirectorio)];
        var s = archivo.AsSpan();
        byte[] firma = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        firma.CopyTo(s);
        BinaryPrimitives.WriteUInt16LittleEndian(s[0x1A..], 3);
        BinaryPrimitives.WriteUInt16LittleEndian(s[0x1C..], 0xFFFE);
        BinaryPrimitives.WriteUInt16LittleEndian(s[0x1E..], 9);
        BinaryPrimitives.WriteUInt16LittleEndian(s[0x20..], 6);
        BinaryPrimitives.WriteUInt32LittleEndian(s[0x2C..], 1);
        BinaryPrimitives.WriteUInt32LittleEndian(s[0x30..], 1);
        BinaryPrimitives.WriteUInt32LittleEndian(s[0x3C..], fin);
        BinaryPrimitives.WriteUInt32LittleEndian(s[0x44..], fin);
        for (var i = 0; i < 109; i++) BinaryPrimitives.WriteUInt32LittleEndian(s[(0x4C + 4 * i)..], i == 0 ? 0 : libre);

        var fat = s.Slice(512, 512);
        for (var i = 0; i < 128; i++) BinaryPrimitives.WriteUInt32LittleEndian(fat[(4 * i)..], libre);
        BinaryPrimitives.WriteUInt32LittleEndian(fat, sectorFat);
        for (var d = 1; d <= sectoresDirectorio; d++)
            BinaryPrimitives.WriteUInt32LittleEndian(fat[(4 * d)..], d < sectoresDirectorio ? (uint)(d + 1) : fin);

        for (var i = 0; i < entradas.Count; i++)
        {
            var e = s.Slice(1024 + 128 * i, 128);
            var (nombre, tipo, izq, der, hijo) = entradas[i];
            var bytes = Encoding.Unicode.GetBytes(nombre);
            bytes.CopyTo(e);
            BinaryPrimitives.WriteUInt16LittleEndian(e[0x40..], (ushort)(nombre.Length == 0 ? 0 : bytes.Length + 2));
            e[0x42] = tipo;
            BinaryPrimitives.WriteUInt32LittleEndian(e[0x44..], izq);
            BinaryPrimitives.WriteUInt32LittleEndian(e[0x48..], der);
            BinaryPrimitives.WriteUInt32LittleEndian(e[0x4C..], hijo);
        }
        return archivo;
    }
}
