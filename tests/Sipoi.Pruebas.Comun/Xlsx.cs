using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Sipoi.Pruebas.Comun;

/// <summary>Re-opens a written workbook and reads it the way a spreadsheet would.</summary>
public sealed class Xlsx(Action<Stream> escribir, string? muestra = null)
    : ArchivoOffice<SpreadsheetDocument>(escribir, muestra, s => SpreadsheetDocument.Open(s, false))
{
    public IReadOnlyList<string> Hojas =>
        Doc.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).ToList();

    public Worksheet Hoja(string nombre)
    {
        var wb = Doc.WorkbookPart!;
        var sheet = wb.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == nombre);
        return ((WorksheetPart)wb.GetPartById(sheet.Id!)).Worksheet;
    }

    public int IndiceHoja(string nombre) => Hojas.ToList().IndexOf(nombre);

    public Cell? Celda(string hoja, string referencia) =>
        Hoja(hoja).Descendants<Cell>().FirstOrDefault(c => c.CellReference == referencia);

    public string? Texto(string hoja, string referencia)
    {
        var c = Celda(hoja, referencia);
        if (c?.CellValue is null) return null;
        if (c.DataType?.Value != CellValues.SharedString) return null;
        var sst = Doc.WorkbookPart!.SharedStringTablePart!.SharedStringTable;
        return sst.Elements<SharedStringItem>().ElementAt(int.Parse(c.CellValue.Text, CultureInfo.InvariantCulture)).InnerText;
    }

    /// <summary>The numeric value; fails if the cell holds text or nothing.</summary>
    public double Numero(string hoja, string referencia)
    {
        var c = Celda(hoja, referencia) ?? throw new Xunit.Sdk.XunitException($"{hoja}!{referencia} no existe");
        Assert.True(c.DataType is null || c.DataType.Value == CellValues.Number, $"{hoja}!{referencia} no es numérica");
        Assert.NotNull(c.CellValue);
        return double.Parse(c.CellValue!.Text, CultureInfo.InvariantCulture);
    }

    public string? Formula(string hoja, string referencia) => Celda(hoja, referencia)?.CellFormula?.Text;

    /// <summary>Number format code of a cell's style (built-in 3 and 4 resolved).</summary>
    public string FormatoNumero(string hoja, string referencia)
    {
        var c = Celda(hoja, referencia)!;
        var xf = Doc.WorkbookPart!.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)(c.StyleIndex?.Value ?? 0));
        var id = xf.NumberFormatId?.Value ?? 0;
        return id switch
        {
            0 => "General",
            3 => "#,##0",
            4 => "#,##0.00",
            _ => Doc.WorkbookPart.WorkbookStylesPart.Stylesheet.NumberingFormats!.Elements<NumberingFormat>()
                .Single(n => n.NumberFormatId!.Value == id).FormatCode!.Value!,
        };
    }

    public bool Negrita(string hoja, string referencia)
    {
        var ss = Doc.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
        var c = Celda(hoja, referencia)!;
        var xf = ss.CellFormats!.Elements<CellFormat>().ElementAt((int)(c.StyleIndex?.Value ?? 0));
        return ss.Fonts!.Elements<Font>().ElementAt((int)xf.FontId!.Value).Bold is not null;
    }

    public string? Relleno(string hoja, string referencia)
    {
        var ss = Doc.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
        var c = Celda(hoja, referencia)!;
        var xf = ss.CellFormats!.Elements<CellFormat>().ElementAt((int)(c.StyleIndex?.Value ?? 0));
        return ss.Fills!.Elements<Fill>().ElementAt((int)xf.FillId!.Value).PatternFill?.ForegroundColor?.Rgb?.Value;
    }

    public Pane? Panel(string hoja) => Hoja(hoja).Descendants<Pane>().SingleOrDefault();

    public string? TitulosImpresion(string hoja)
    {
        var idx = IndiceHoja(hoja);
        return Doc.WorkbookPart!.Workbook.DefinedNames?.Elements<DefinedName>()
            .SingleOrDefault(d => d.Name == "_xlnm.Print_Titles" && d.LocalSheetId?.Value == (uint)idx)?.Text;
    }

    public IReadOnlyList<string> Combinadas(string hoja) =>
        Hoja(hoja).Descendants<MergeCell>().Select(m => m.Reference!.Value!).ToList();

    /// <summary>Row number of the first cell in <paramref name="columna"/> whose text is <paramref name="texto"/>.</summary>
    public int Fila(string hoja, string columna, string texto)
    {
        foreach (var c in Hoja(hoja).Descendants<Cell>())
        {
            var r = c.CellReference!.Value!;
            var col = new string(r.TakeWhile(char.IsLetter).ToArray());
            if (col == columna && Texto(hoja, r) == texto) return int.Parse(r[col.Length..], CultureInfo.InvariantCulture);
        }
        throw new Xunit.Sdk.XunitException($"«{texto}» no está en la columna {columna} de {hoja}");
    }
}
