using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Sipoi.Interop.Reportes.Office;

/// <summary>
/// One worksheet being built. Rows and columns are 1-based. Print setup is always landscape A4,
/// fit to one page wide; a report only says which rows repeat and where the pane freezes.
/// </summary>
internal sealed class HojaExcel
{
    private readonly LibroExcel _libro;
    private readonly SortedDictionary<int, SortedDictionary<int, Contenido>> _filas = [];
    private readonly SortedDictionary<int, double> _anchos = [];
    private readonly Dictionary<int, double> _altos = [];
    private readonly List<string> _combinadas = [];
    private (int Filas, int Columnas)? _inmovilizar;

    internal HojaExcel(LibroExcel libro, string nombre)
    {
        _libro = libro;
        Nombre = nombre;
    }

    public string Nombre { get; }
    public (int Desde, int Hasta)? FilasTitulo { get; private set; }

    /// <summary>Left footer text on every printed page (the right side carries "Página n de m").</summary>
    public string? Pie { get; set; }

    public bool Horizontal { get; set; } = true;

    public void Texto(int fila, int columna, string? texto, EstiloCelda estilo = EstiloCelda.Normal) =>
        Poner(fila, columna, string.IsNullOrEmpty(texto) ? new Contenido(estilo) : new Contenido(estilo) { Texto = texto });

    /// <summary>A numeric cell; null leaves the cell empty but styled (borders stay continuous).</summary>
    public void Numero(int fila, int columna, decimal? valor, EstiloCelda estilo) =>
        Poner(fila, columna, new Contenido(estilo) { Numero = valor });

    /// <summary>A formula with the value it evaluates to: OpenXml does not calculate, and LibreOffice shows the cached value.</summary>
    public void Formula(int fila, int columna, string formula, decimal valor, EstiloCelda estilo) =>
        Poner(fila, columna, new Contenido(estilo) { Formula = formula, Numero = valor });

    public void Estilo(int fila, int columna, EstiloCelda estilo) => Poner(fila, columna, new Contenido(estilo));

    /// <summary>Merges a range, writing the text in its first cell and the style in all (so borders are drawn around it).</summary>
    public void Combinar(int fila1, int col1, int fila2, int col2, string? texto, EstiloCelda estilo)
    {
        for (var f = fila1; f <= fila2; f++)
            for (var c = col1; c <= col2; c++)
                Estilo(f, c, estilo);
        Texto(fila1, col1, texto, estilo);
        if (fila1 != fila2 || col1 != col2) _combinadas.Add(Referencia.Rango(fila1, col1, fila2, col2));
    }

    public void CombinarNumero(int fila1, int col1, int fila2, int col2, decimal? valor, EstiloCelda estilo)
    {
        Combinar(fila1, col1, fila2, col2, null, estilo);
        Numero(fila1, col1, valor, estilo);
    }

    public void Ancho(int columna, double caracteres) => _anchos[columna] = caracteres;

    public void Alto(int fila, double puntos) => _altos[fila] = puntos;

    /// <summary>Row height for wrapped text: Excel does not grow rows whose text sits in merged cells.</summary>
    public void AltoParaTexto(int fila, string? texto, double anchoCaracteres, double puntosPorLinea = 13.5)
    {
        if (string.IsNullOrEmpty(texto) || anchoCaracteres <= 0) return;
        var lineas = 0;
        foreach (var parte in texto.Split('\n'))
            lineas += Math.Max(1, (int)Math.Ceiling(parte.Length / anchoCaracteres));
        var alto = Math.Max(15, lineas * puntosPorLinea + 2);
        if (!_altos.TryGetValue(fila, out var actual) || actual < alto) _altos[fila] = alto;
    }

    public double AnchoDe(int columna) => _anchos.TryGetValue(columna, out var a) ? a : 8.43;

    public double AnchoDe(int col1, int col2)
    {
        double suma = 0;
        for (var c = col1; c <= col2; c++) suma += AnchoDe(c);
        return suma;
    }

    /// <summary>Freezes the first <paramref name="filas"/> rows and <paramref name="columnas"/> columns.</summary>
    public void Inmovilizar(int filas, int columnas) => _inmovilizar = (filas, columnas);

    /// <summary>Rows repeated at the top of every printed page (_xlnm.Print_Titles).</summary>
    public void TitulosImpresion(int desde, int hasta) => FilasTitulo = (desde, hasta);

    private void Poner(int fila, int columna, Contenido contenido)
    {
        if (fila < 1 || columna < 1) throw new ArgumentOutOfRangeException(nameof(fila), "Filas y columnas empiezan en 1.");
        if (!_filas.TryGetValue(fila, out var celdas)) _filas[fila] = celdas = [];
        celdas[columna] = contenido;
    }

    internal Worksheet Construir()
    {
        var ws = new Worksheet();
        ws.AddNamespaceDeclaration("r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
        ws.Append(new SheetProperties(new PageSetupProperties { FitToPage = true }));

        var ultimaFila = _filas.Count == 0 ? 1 : _filas.Keys.Max();
        var ultimaColumna = _filas.Count == 0 ? 1 : Math.Max(1, _filas.Values.Where(f => f.Count > 0).Select(f => f.Keys.Max()).DefaultIfEmpty(1).Max());
        ws.Append(new SheetDimension { Reference = Referencia.Rango(1, 1, ultimaFila, ultimaColumna) });

        var vista = new SheetView { WorkbookViewId = 0, TabSelected = false, ZoomScale = 90, ZoomScaleNormal = 90 };
        if (_inmovilizar is { } p && (p.Filas > 0 || p.Columnas > 0))
        {
            var arribaIzquierda = Referencia.Celda(p.Filas + 1, p.Columnas + 1);
            var panel = p switch
            {
                { Filas: > 0, Columnas: > 0 } => PaneValues.BottomRight,
                { Filas: > 0 } => PaneValues.BottomLeft,
                _ => PaneValues.TopRight,
            };
            var pane = new Pane { TopLeftCell = arribaIzquierda, ActivePane = panel, State = PaneStateValues.Frozen };
            if (p.Columnas > 0) pane.HorizontalSplit = p.Columnas;
            if (p.Filas > 0) pane.VerticalSplit = p.Filas;
            vista.Append(pane);
            vista.Append(new Selection
            {
                Pane = panel,
                ActiveCell = arribaIzquierda,
                SequenceOfReferences = new ListValue<StringValue> { InnerText = arribaIzquierda },
            });
        }
        ws.Append(new SheetViews(vista));
        ws.Append(new SheetFormatProperties { DefaultRowHeight = 15 });

        if (_anchos.Count > 0)
            ws.Append(new Columns(_anchos.Select(a => new Column
            {
                Min = (uint)a.Key,
                Max = (uint)a.Key,
                Width = a.Value + 0.71, // Excel's stored width includes cell padding
                CustomWidth = true,
            })));

        var datos = new SheetData();
        var filas = new SortedSet<int>(_filas.Keys);
        filas.UnionWith(_altos.Keys);
        foreach (var f in filas)
        {
            var row = new Row { RowIndex = (uint)f };
            if (_altos.TryGetValue(f, out var alto))
            {
                row.Height = alto;
                row.CustomHeight = true;
            }
            if (_filas.TryGetValue(f, out var celdas))
                foreach (var (c, contenido) in celdas)
                    row.Append(Celda(f, c, contenido));
            datos.Append(row);
        }
        ws.Append(datos);

        if (_combinadas.Count > 0)
            ws.Append(new MergeCells(_combinadas.Select(r => new MergeCell { Reference = r })) { Count = (uint)_combinadas.Count });

        ws.Append(new PageMargins { Left = 0.4, Right = 0.4, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 });
        ws.Append(new PageSetup
        {
            PaperSize = 9, // A4
            Orientation = Horizontal ? OrientationValues.Landscape : OrientationValues.Portrait,
            FitToWidth = 1,
            FitToHeight = 0, // as many pages tall as needed
        });
        var pie = string.IsNullOrWhiteSpace(Pie) ? "" : "&L&8" + Pie.Replace("&", "&&", StringComparison.Ordinal);
        ws.Append(new HeaderFooter(new OddFooter(pie + "&R&8Página &P de &N")));
        return ws;
    }

    private Cell Celda(int fila, int columna, Contenido c)
    {
        var cell = new Cell { CellReference = Referencia.Celda(fila, columna) };
        if (c.Estilo != EstiloCelda.Normal) cell.StyleIndex = (uint)c.Estilo;
        if (c.Formula is not null)
        {
            cell.CellFormula = new CellFormula(c.Formula);
            cell.CellValue = new CellValue(Numero(c.Numero ?? 0));
        }
        else if (c.Numero is { } n)
        {
            cell.CellValue = new CellValue(Numero(n));
        }
        else if (c.Texto is not null)
        {
            cell.DataType = CellValues.SharedString;
            cell.CellValue = new CellValue(_libro.IndiceTexto(c.Texto).ToString(CultureInfo.InvariantCulture));
        }
        return cell;
    }

    // Excel stores doubles; writing the decimal's 28 digits would only be re-rounded on load.
    private static string Numero(decimal valor) => ((double)valor).ToString("R", CultureInfo.InvariantCulture);

    private sealed record Contenido(EstiloCelda Estilo)
    {
        public string? Texto { get; init; }
        public decimal? Numero { get; init; }
        public string? Formula { get; init; }
    }
}
