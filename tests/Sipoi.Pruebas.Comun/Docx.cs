using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Sipoi.Pruebas.Comun;

/// <summary>Re-opens a written Word document and reads headings, paragraphs and tables.</summary>
public sealed class Docx(Action<Stream> escribir, string? muestra = null)
    : ArchivoOffice<WordprocessingDocument>(escribir, muestra, s => WordprocessingDocument.Open(s, false))
{
    private Body Cuerpo => Doc.MainDocumentPart!.Document.Body!;

    private static string? Estilo(Paragraph p) => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value;

    /// <summary>(level, text) of every heading, in order.</summary>
    public IReadOnlyList<(int Nivel, string Texto)> Encabezados =>
        Cuerpo.Elements<Paragraph>()
            .Where(p => Estilo(p) is { } s && s.StartsWith("Heading", StringComparison.Ordinal))
            .Select(p => (int.Parse(Estilo(p)!["Heading".Length..], System.Globalization.CultureInfo.InvariantCulture), p.InnerText))
            .ToList();

    public IReadOnlyList<string> Parrafos => Cuerpo.Elements<Paragraph>().Select(p => p.InnerText).ToList();

    /// <summary>Paragraphs between a heading and the next heading of the same or a higher level.</summary>
    public IReadOnlyList<OpenXmlElement> Seccion(string encabezado)
    {
        var elementos = Cuerpo.ChildElements.ToList();
        var inicio = elementos.FindIndex(e => e is Paragraph p && Estilo(p)?.StartsWith("Heading", StringComparison.Ordinal) == true && p.InnerText == encabezado);
        if (inicio < 0) throw new Xunit.Sdk.XunitException($"No hay encabezado «{encabezado}»");
        var nivel = Estilo((Paragraph)elementos[inicio])!;
        var r = new List<OpenXmlElement>();
        for (var k = inicio + 1; k < elementos.Count; k++)
        {
            if (elementos[k] is Paragraph p && Estilo(p) is { } s && s.StartsWith("Heading", StringComparison.Ordinal)
                && string.CompareOrdinal(s, nivel) <= 0) break;
            r.Add(elementos[k]);
        }
        return r;
    }

    public static IReadOnlyList<IReadOnlyList<string>> Celdas(Table t) =>
        t.Elements<TableRow>().Select(r => (IReadOnlyList<string>)r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList();

    /// <summary>The first table after the first caption that contains <paramref name="leyenda"/>.</summary>
    public IReadOnlyList<IReadOnlyList<string>> TablaTras(string leyenda)
    {
        var elementos = Cuerpo.ChildElements.ToList();
        var k = elementos.FindIndex(e => e is Paragraph p && p.InnerText.Contains(leyenda, StringComparison.Ordinal));
        if (k < 0) throw new Xunit.Sdk.XunitException($"No hay leyenda «{leyenda}»");
        return Celdas(elementos.Skip(k + 1).OfType<Table>().First());
    }

    public static string? Relleno(TableCell c) => c.TableCellProperties?.Shading?.Fill?.Value;
}
