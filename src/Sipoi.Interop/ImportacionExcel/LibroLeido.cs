using System.Globalization;
using System.IO.Packaging;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Sipoi.Interop.ImportacionExcel;

internal enum TipoValor { Texto, Numero, Logico, Error, FormulaSinValor }

/// <summary>
/// What a cell holds, as a spreadsheet shows it: text (shared or inline strings, formula text results),
/// a number (its stored invariant text), a boolean, an error (#DIV/0!) or a formula saved without its value.
/// </summary>
internal readonly record struct ValorCelda(TipoValor Tipo, string Crudo)
{
    public string Mostrado => Crudo.Length <= 60 ? Crudo : Crudo[..59] + "…";
}

/// <summary>One sheet read into memory: its cells by (row, column), 1-based, and its merged ranges.</summary>
internal sealed class HojaLeida(string nombre, Dictionary<(int Fila, int Columna), ValorCelda> celdas, List<(int F1, int C1, int F2, int C2)> combinadas)
{
    public string Nombre { get; } = nombre;
    public int UltimaFila { get; } = celdas.Count == 0 ? 0 : celdas.Keys.Max(k => k.Fila);
    public int UltimaColumna { get; } = celdas.Count == 0 ? 0 : celdas.Keys.Max(k => k.Columna);
    public IReadOnlyList<(int F1, int C1, int F2, int C2)> Combinadas => combinadas;

    public ValorCelda? Valor(int fila, int columna) => celdas.TryGetValue((fila, columna), out var v) ? v : null;

    /// <summary>The cell's text when it holds text (trimmed; empty text counts as no value).</summary>
    public string? Texto(int fila, int columna) =>
        Valor(fila, columna) is { Tipo: TipoValor.Texto } v && !string.IsNullOrWhiteSpace(v.Crudo) ? v.Crudo.Trim() : null;

    /// <summary>Whether the cell holds anything (blank text does not count).</summary>
    public bool TieneValor(int fila, int columna) =>
        Valor(fila, columna) is { } v && (v.Tipo != TipoValor.Texto || !string.IsNullOrWhiteSpace(v.Crudo));

    /// <summary>The value of a merged range's first cell, for any cell of the range.</summary>
    public ValorCelda? ValorCombinado(int fila, int columna)
    {
        if (Valor(fila, columna) is { } v && (v.Tipo != TipoValor.Texto || v.Crudo.Length > 0)) return v;
        foreach (var (f1, c1, f2, c2) in combinadas)
            if (fila >= f1 && fila <= f2 && columna >= c1 && columna <= c2) return Valor(f1, c1);
        return null;
    }
}

/// <summary>
/// Reads an .xlsx with DocumentFormat.OpenXml only (no calculation: formula cells give the value the
/// spreadsheet saved with them). Hidden sheets and chart sheets are left out and named in <see cref="Ignoradas"/>.
/// </summary>
internal sealed class LibroLeido
{
    public List<HojaLeida> Hojas { get; } = [];
    public List<string> Ignoradas { get; } = [];

    /// <summary>The workbook, or null with the reason when the bytes are not a readable .xlsx.</summary>
    public static LibroLeido? Abrir(Stream archivo, out string? problema)
    {
        problema = null;
        Stream s = archivo;
        if (!archivo.CanSeek)
        {
            var ms = new MemoryStream();
            archivo.CopyTo(ms);
            ms.Position = 0;
            s = ms;
        }
        try
        {
            using var doc = SpreadsheetDocument.Open(s, false);
            var libro = new LibroLeido();
            libro.Leer(doc);
            return libro;
        }
        catch (Exception e) when (e is OpenXmlPackageException or FileFormatException or InvalidDataException or IOException
                                      or InvalidOperationException or System.Xml.XmlException)
        {
            problema = "El archivo no es un libro de Excel .xlsx que se pueda leer (¿es un .xls antiguo, un .ods o un archivo protegido con contraseña? " +
                       "Ábralo en Excel o LibreOffice y guárdelo como «Libro de Excel (.xlsx)»).";
            return null;
        }
    }

    private void Leer(SpreadsheetDocument doc)
    {
        var wb = doc.WorkbookPart ?? throw new InvalidDataException("sin libro");
        var textos = wb.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(TextoDe).ToList() ?? [];
        foreach (var sheet in wb.Workbook.Sheets?.Elements<Sheet>() ?? [])
        {
            var nombre = sheet.Name?.Value ?? "";
            if (sheet.State is { } estado && estado.Value != SheetStateValues.Visible)
            {
                Ignoradas.Add($"{nombre} (hoja oculta)");
                continue;
            }
            if (sheet.Id?.Value is not { } id || wb.GetPartById(id) is not WorksheetPart parte)
            {
                Ignoradas.Add($"{nombre} (no es una hoja de cálculo)");
                continue;
            }
            Hojas.Add(LeerHoja(nombre, parte, textos));
        }
    }

    private static HojaLeida LeerHoja(string nombre, WorksheetPart parte, List<string> textos)
    {
        var celdas = new Dictionary<(int, int), ValorCelda>();
        var ws = parte.Worksheet;
        var filaAnterior = 0;
        foreach (var row in ws.Descendants<Row>())
        {
            var fila = row.RowIndex?.Value is { } ri ? (int)ri : filaAnterior + 1;
            filaAnterior = fila;
            var columnaAnterior = 0;
            foreach (var cell in row.Elements<Cell>())
            {
                // A cell may omit its reference: it then follows the previous one.
                var columna = cell.CellReference?.Value is { } r ? Columna(r) : columnaAnterior + 1;
                columnaAnterior = columna;
                if (ValorDe(cell, textos) is { } v) celdas[(fila, columna)] = v;
            }
        }
        var combinadas = ws.Descendants<MergeCell>()
            .Select(m => m.Reference?.Value?.Split(':'))
            .Where(p => p is { Length: 2 })
            .Select(p => (Fila(p![0]), Columna(p[0]), Fila(p[1]), Columna(p[1])))
            .ToList();
        return new HojaLeida(nombre, celdas, combinadas);
    }

    private static ValorCelda? ValorDe(Cell c, List<string> textos)
    {
        var tipo = c.DataType?.Value;
        var crudo = c.CellValue?.Text;
        if (tipo == CellValues.InlineString)
            return c.InlineString is { } i ? new ValorCelda(TipoValor.Texto, TextoDe(i)) : null;
        if (crudo is null)
            return c.CellFormula is not null ? new ValorCelda(TipoValor.FormulaSinValor, "=" + c.CellFormula.Text) : null;
        if (tipo == CellValues.SharedString)
        {
            return int.TryParse(crudo, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 0 && n < textos.Count
                ? new ValorCelda(TipoValor.Texto, textos[n])
                : new ValorCelda(TipoValor.Error, "#REF!");
        }
        if (tipo == CellValues.String || tipo == CellValues.Date) return new ValorCelda(TipoValor.Texto, crudo);
        if (tipo == CellValues.Boolean) return new ValorCelda(TipoValor.Logico, crudo == "1" ? "VERDADERO" : "FALSO");
        if (tipo == CellValues.Error) return new ValorCelda(TipoValor.Error, crudo);
        return new ValorCelda(TipoValor.Numero, crudo);
    }

    /// <summary>A shared or inline string: its plain text, or its runs' texts (phonetic hints left out).</summary>
    private static string TextoDe(OpenXmlCompositeElement item)
    {
        if (item.GetFirstChild<Text>() is { } t) return t.Text;
        return string.Concat(item.Elements<Run>().Select(r => r.Text?.Text ?? ""));
    }

    public static int Columna(string referencia)
    {
        var n = 0;
        foreach (var ch in referencia)
        {
            if (ch is >= 'A' and <= 'Z') n = n * 26 + (ch - 'A' + 1);
            else if (ch is >= 'a' and <= 'z') n = n * 26 + (ch - 'a' + 1);
            else break;
        }
        return n;
    }

    public static int Fila(string referencia)
    {
        var digitos = new string(referencia.SkipWhile(char.IsLetter).TakeWhile(char.IsDigit).ToArray());
        return int.TryParse(digitos, NumberStyles.None, CultureInfo.InvariantCulture, out var f) ? f : 0;
    }
}
