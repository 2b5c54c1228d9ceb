using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Sipoi.Pruebas.Comun;

/// <summary>
/// A workbook built cell by cell, as an office types it: texts as shared strings (or inline strings),
/// numbers as numbers, text that looks like numbers as text, merged ranges, formulas with or without
/// their saved value. Shared by the web tests.
/// </summary>
public sealed class LibroDePrueba
{
    private readonly List<(string Nombre, SortedDictionary<(int, int), object?> Celdas, List<string> Combinadas, bool Oculta)> _hojas = [];

    public sealed class Hoja(SortedDictionary<(int, int), object?> celdas, List<string> combinadas)
    {
        /// <summary>Puts values from <paramref name="referencia"/> to the right: string → text, decimal/int/double → number, null → nothing.</summary>
        public Hoja Fila(string referencia, params object?[] valores)
        {
            var (f, c) = Posicion(referencia);
            for (var i = 0; i < valores.Length; i++) celdas[(f, c + i)] = valores[i];
            return this;
        }

        public Hoja Combinar(string rango)
        {
            combinadas.Add(rango);
            return this;
        }
    }

    /// <summary>A text stored inline (&lt;is&gt;) instead of in the shared string table.</summary>
    public sealed record TextoEnLinea(string Texto);

    /// <summary>A formula; <paramref name="Valor"/> null = saved without its value.</summary>
    public sealed record Formula(string Expresion, double? Valor);

    public Hoja NuevaHoja(string nombre, bool oculta = false)
    {
        var celdas = new SortedDictionary<(int, int), object?>();
        var combinadas = new List<string>();
        _hojas.Add((nombre, celdas, combinadas, oculta));
        return new Hoja(celdas, combinadas);
    }

    public MemoryStream Guardar()
    {
        var ms = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(ms, SpreadsheetDocumentType.Workbook))
        {
            var wb = doc.AddWorkbookPart();
            wb.Workbook = new Workbook();
            var textos = new List<string>();
            var sheets = new Sheets();
            uint id = 1;
            foreach (var (nombre, celdas, combinadas, oculta) in _hojas)
            {
                var parte = wb.AddNewPart<WorksheetPart>();
                var datos = new SheetData();
                foreach (var grupo in celdas.GroupBy(c => c.Key.Item1))
                {
                    var row = new Row { RowIndex = (uint)grupo.Key };
                    foreach (var ((f, c), v) in grupo)
                    {
                        if (v is null) continue;
                        var cell = new Cell { CellReference = Referencia(f, c) };
                        switch (v)
                        {
                            case string s:
                                var i = textos.IndexOf(s);
                                if (i < 0) { textos.Add(s); i = textos.Count - 1; }
                                cell.DataType = CellValues.SharedString;
                                cell.CellValue = new CellValue(i.ToString(CultureInfo.InvariantCulture));
                                break;
                            case TextoEnLinea t:
                                cell.DataType = CellValues.InlineString;
                                cell.InlineString = new InlineString(new Text(t.Texto));
                                break;
                            case Formula fo:
                                cell.CellFormula = new CellFormula(fo.Expresion);
                                if (fo.Valor is { } fv) cell.CellValue = new CellValue(fv.ToString("R", CultureInfo.InvariantCulture));
                                break;
                            case bool b:
                                cell.DataType = CellValues.Boolean;
                                cell.CellValue = new CellValue(b ? "1" : "0");
                                break;
                            default:
                                cell.CellValue = new CellValue(Convert.ToDouble(v, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture));
                                break;
                        }
                        row.Append(cell);
                    }
                    datos.Append(row);
                }
                var ws = new Worksheet(datos);
                if (combinadas.Count > 0) ws.Append(new MergeCells(combinadas.Select(r => new MergeCell { Reference = r })));
                parte.Worksheet = ws;
                var sheet = new Sheet { Name = nombre, SheetId = id++, Id = wb.GetIdOfPart(parte) };
                if (oculta) sheet.State = SheetStateValues.Hidden;
                sheets.Append(sheet);
            }
            wb.Workbook.Append(sheets);
            var sst = wb.AddNewPart<SharedStringTablePart>();
            sst.SharedStringTable = new SharedStringTable(textos.Select(t => new SharedStringItem(new Text(t) { Space = SpaceProcessingModeValues.Preserve })));
        }
        ms.Position = 0;
        return ms;
    }

    private static (int Fila, int Columna) Posicion(string referencia)
    {
        var letras = new string(referencia.TakeWhile(char.IsLetter).ToArray());
        var col = letras.Aggregate(0, (n, ch) => n * 26 + (ch - 'A' + 1));
        return (int.Parse(referencia[letras.Length..], CultureInfo.InvariantCulture), col);
    }

    private static string Referencia(int fila, int columna)
    {
        var s = "";
        for (var c = columna; c > 0; c = (c - 1) / 26) s = (char)('A' + (c - 1) % 26) + s;
        return s + fila.ToString(CultureInfo.InvariantCulture);
    }
}
