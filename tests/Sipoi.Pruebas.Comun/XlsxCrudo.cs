using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Sipoi.Pruebas.Comun;

/// <summary>
/// Hostile .xlsx files written part by part (no Office library, so nothing tidies them up): zip bombs, a ZIP whose
/// headers lie about sizes, workbooks past each limit of LimitesOffice. Used by the `bomba-excel` verb and, linked,
/// by the Interop and web tests.
/// </summary>
public static class XlsxCrudo
{
    public const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>A workbook with one sheet per (name, writer of its &lt;sheetData&gt; content) and an optional shared-strings writer.</summary>
    public static byte[] Libro(IReadOnlyList<(string Nombre, Action<TextWriter> Filas)> hojas, Action<TextWriter>? textos = null,
        CompressionLevel nivel = CompressionLevel.Optimal)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Parte(string nombre, Action<TextWriter> escribir)
            {
                using var w = new StreamWriter(zip.CreateEntry(nombre, nivel).Open(), new UTF8Encoding(false), 1 << 16);
                escribir(w);
            }
            Parte("[Content_Types].xml", w =>
            {
                w.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">");
                w.Write("<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>");
                w.Write("<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>");
                for (var i = 1; i <= hojas.Count; i++)
                    w.Write($"<Override PartName=\"/xl/worksheets/sheet{i}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
                if (textos is not null)
                    w.Write("<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>");
                w.Write("</Types>");
            });
            Parte("_rels/.rels", w => w.Write(
                $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"{Rel}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"));
            Parte("xl/workbook.xml", w =>
            {
                w.Write($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"{Main}\" xmlns:r=\"{Rel}\"><sheets>");
                for (var i = 1; i <= hojas.Count; i++) w.Write($"<sheet name=\"{hojas[i - 1].Nombre}\" sheetId=\"{i}\" r:id=\"rId{i}\"/>");
                w.Write("</sheets></workbook>");
            });
            Parte("xl/_rels/workbook.xml.rels", w =>
            {
                w.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
                for (var i = 1; i <= hojas.Count; i++) w.Write($"<Relationship Id=\"rId{i}\" Type=\"{Rel}/worksheet\" Target=\"worksheets/sheet{i}.xml\"/>");
                if (textos is not null) w.Write($"<Relationship Id=\"rId{hojas.Count + 1}\" Type=\"{Rel}/sharedStrings\" Target=\"sharedStrings.xml\"/>");
                w.Write("</Relationships>");
            });
            for (var i = 1; i <= hojas.Count; i++)
            {
                var filas = hojas[i - 1].Filas;
                Parte($"xl/worksheets/sheet{i}.xml", w =>
                {
                    w.Write($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"{Main}\"><sheetData>");
                    filas(w);
                    w.Write("</sheetData></worksheet>");
                });
            }
            if (textos is not null)
                Parte("xl/sharedStrings.xml", w =>
                {
                    w.Write($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"{Main}\">");
                    textos(w);
                    w.Write("</sst>");
                });
        }
        return ms.ToArray();
    }

    /// <summary>The classic bomb: one sheet of <paramref name="celdas"/> identical cells (22 bytes of XML each, a few bits compressed).</summary>
    public static byte[] BombaDeCeldas(int celdas) => Libro([("FP 06", w =>
    {
        const int porFila = 1000;
        var fila = "<row>" + string.Concat(Enumerable.Repeat("<c t=\"s\"><v>0</v></c>", porFila)) + "</row>";
        for (var i = 0; i < celdas / porFila; i++) w.Write(fila);
    })], w => w.Write("<si><t>x</t></si>"), CompressionLevel.SmallestSize);

    /// <summary>A shared-strings table of one text repeated <paramref name="veces"/> times.</summary>
    public static byte[] BombaDeTextos(int veces) => Libro([("FP 06", w => w.Write("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"))], w =>
    {
        const string si = "<si><t>Actividad operativa repetida</t></si>";
        var bloque = string.Concat(Enumerable.Repeat(si, 1000));
        for (var i = 0; i < veces / 1000; i++) w.Write(bloque);
    }, CompressionLevel.SmallestSize);

    /// <summary>
    /// A ZIP whose central directory and local header say <paramref name="declarado"/> bytes for the sheet while it
    /// really inflates to <paramref name="real"/>: the sizes are rewritten after the ZIP is built.
    /// </summary>
    public static byte[] CabeceraMentirosa(int real, uint declarado)
    {
        var c = BombaDeCeldas(real / 22);
        var s = c.AsSpan();
        var fin = s.Length - 22;
        while (BinaryPrimitives.ReadUInt32LittleEndian(s[fin..]) != 0x06054B50) fin--;
        var entradas = BinaryPrimitives.ReadUInt16LittleEndian(s[(fin + 10)..]);
        var p = (int)BinaryPrimitives.ReadUInt32LittleEndian(s[(fin + 16)..]);
        for (var k = 0; k < entradas; k++)
        {
            int n = BinaryPrimitives.ReadUInt16LittleEndian(s[(p + 28)..]), e = BinaryPrimitives.ReadUInt16LittleEndian(s[(p + 30)..]),
                m = BinaryPrimitives.ReadUInt16LittleEndian(s[(p + 32)..]);
            var nombre = Encoding.UTF8.GetString(s.Slice(p + 46, n));
            if (nombre == "xl/worksheets/sheet1.xml")
            {
                BinaryPrimitives.WriteUInt32LittleEndian(s[(p + 24)..], declarado);
                var local = (int)BinaryPrimitives.ReadUInt32LittleEndian(s[(p + 42)..]);
                BinaryPrimitives.WriteUInt32LittleEndian(s[(local + 22)..], declarado);
            }
            p += 46 + n + e + m;
        }
        return c;
    }

    /// <summary>The biggest workbook the limits let through: <paramref name="filas"/> rows of <paramref name="columnas"/> distinct numbers.</summary>
    public static byte[] LibroGrande(int filas, int columnas) => Libro([("FP 06", w =>
    {
        var sb = new StringBuilder();
        for (var f = 1; f <= filas; f++)
        {
            sb.Clear().Append("<row r=\"").Append(f).Append("\">");
            for (var c = 0; c < columnas; c++) sb.Append("<c><v>").Append(f * 31 + c).Append("</v></c>");
            w.Write(sb.Append("</row>"));
        }
    })]);
}
