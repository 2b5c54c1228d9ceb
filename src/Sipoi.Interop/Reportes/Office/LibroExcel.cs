using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Sipoi.Interop.Reportes.Office;

/// <summary>
/// A workbook assembled in memory and written in one pass: sheets collect their cells in any
/// order and are serialised sorted, because Excel refuses rows or cells out of order.
/// </summary>
internal sealed class LibroExcel
{
    /// <summary>Custom number format: percentages stored as 94.27 (not 0.9427), shown "94.27 %".</summary>
    internal const uint FormatoPorcentaje = 164;
    /// <summary>Whole-number percentages (an entity option): the value stays exact, only the display rounds.</summary>
    internal const uint FormatoPorcentajeEntero = 165;
    internal const uint FormatoEntero = 3;   // built-in #,##0
    internal const uint FormatoDecimal = 4;  // built-in #,##0.00

    private readonly List<HojaExcel> _hojas = [];
    private readonly Dictionary<string, int> _indiceTextos = new(StringComparer.Ordinal);
    private readonly List<string> _textos = [];

    public HojaExcel Hoja(string nombre)
    {
        var hoja = new HojaExcel(this, NombreHoja.Unico(nombre, _hojas.Select(h => h.Nombre)));
        _hojas.Add(hoja);
        return hoja;
    }

    internal int IndiceTexto(string texto)
    {
        if (_indiceTextos.TryGetValue(texto, out var i)) return i;
        i = _textos.Count;
        _textos.Add(texto);
        _indiceTextos.Add(texto, i);
        return i;
    }

    public void Guardar(Stream destino)
    {
        ArgumentNullException.ThrowIfNull(destino);
        // The package API needs a readable, seekable stream; a response body is neither.
        if (destino is { CanSeek: true, CanRead: true })
        {
            Escribir(destino);
            return;
        }
        using var buffer = new MemoryStream();
        Escribir(buffer);
        buffer.Position = 0;
        buffer.CopyTo(destino);
    }

    public byte[] Bytes()
    {
        using var ms = new MemoryStream();
        Escribir(ms);
        return ms.ToArray();
    }

    private void Escribir(Stream destino)
    {
        if (_hojas.Count == 0) Hoja("Hoja1");
        using var doc = SpreadsheetDocument.Create(destino, SpreadsheetDocumentType.Workbook);
        var libro = doc.AddWorkbookPart();

        var estilos = libro.AddNewPart<WorkbookStylesPart>();
        estilos.Stylesheet = Estilos();

        var sheets = new Sheets();
        var nombres = new DefinedNames();
        for (var i = 0; i < _hojas.Count; i++)
        {
            var hoja = _hojas[i];
            var parte = libro.AddNewPart<WorksheetPart>();
            parte.Worksheet = hoja.Construir();
            sheets.Append(new Sheet { Name = hoja.Nombre, SheetId = (uint)(i + 1), Id = libro.GetIdOfPart(parte) });
            if (hoja.FilasTitulo is { } ft)
                nombres.Append(new DefinedName($"{Referencia.Hoja(hoja.Nombre)}!${ft.Desde}:${ft.Hasta}")
                {
                    Name = "_xlnm.Print_Titles",
                    LocalSheetId = (uint)i,
                });
        }

        // Strings are collected while the sheets are built, so the table goes last.
        var sst = libro.AddNewPart<SharedStringTablePart>();
        sst.SharedStringTable = new SharedStringTable(_textos.Select(t => new SharedStringItem(TextoCelda(t))))
        {
            Count = (uint)_textos.Count,
            UniqueCount = (uint)_textos.Count,
        };

        var workbook = new Workbook(
            new BookViews(new WorkbookView { ActiveTab = 0 }),
            sheets);
        if (nombres.HasChildren) workbook.Append(nombres);
        workbook.Append(new CalculationProperties { CalculationId = 191029 });
        libro.Workbook = workbook;

        doc.PackageProperties.Creator = "SIPOI";
        doc.PackageProperties.Created = DateTime.UtcNow;
    }

    private static Text TextoCelda(string t) =>
        new(t) { Space = t.Length > 0 && (char.IsWhiteSpace(t[0]) || char.IsWhiteSpace(t[^1])) ? SpaceProcessingModeValues.Preserve : null };

    private static Stylesheet Estilos()
    {
        var fonts = new Fonts(
            Fuente(10, false),   // 0
            Fuente(10, true),    // 1
            Fuente(14, true),    // 2
            Fuente(9, false, italica: true)) // 3
        { Count = 4 };

        var fills = new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            Relleno("FFDDEBF7"), // 2 header
            Relleno("FFF2F2F2"), // 3 subtotal / total
            Relleno(Colores.Bajo),  // 4
            Relleno(Colores.Medio), // 5
            Relleno(Colores.Alto),  // 6
            Relleno(Colores.Nd))    // 7
        { Count = 8 };

        var borders = new Borders(
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
            new Border(
                new LeftBorder(new Color { Rgb = "FF808080" }) { Style = BorderStyleValues.Thin },
                new RightBorder(new Color { Rgb = "FF808080" }) { Style = BorderStyleValues.Thin },
                new TopBorder(new Color { Rgb = "FF808080" }) { Style = BorderStyleValues.Thin },
                new BottomBorder(new Color { Rgb = "FF808080" }) { Style = BorderStyleValues.Thin },
                new DiagonalBorder()))
        { Count = 2 };

        // Order must follow EstiloCelda.
        var xfs = new CellFormats(
            Xf(0, 0, 0, 0, null),                                                        // Normal
            Xf(0, 2, 0, 0, Alinear(HorizontalAlignmentValues.Center, wrap: true)),       // Titulo
            Xf(0, 1, 0, 0, Alinear(HorizontalAlignmentValues.Center, wrap: true)),       // Subtitulo
            Xf(0, 1, 0, 0, Alinear(HorizontalAlignmentValues.Left, VerticalAlignmentValues.Top)), // Etiqueta
            Xf(0, 0, 0, 0, Alinear(HorizontalAlignmentValues.Left, VerticalAlignmentValues.Top, wrap: true)), // Texto
            Xf(0, 1, 2, 1, Alinear(HorizontalAlignmentValues.Center, VerticalAlignmentValues.Center, wrap: true)), // Encabezado
            Xf(0, 0, 0, 1, Alinear(HorizontalAlignmentValues.Left, Centro, wrap: true)),     // Celda
            Xf(0, 0, 0, 1, Alinear(HorizontalAlignmentValues.Center, Centro, wrap: true)),   // CeldaCentrada
            Xf(FormatoEntero, 0, 0, 1, Alinear(vertical: Centro)),                           // Entero
            Xf(FormatoDecimal, 0, 0, 1, Alinear(vertical: Centro)),                          // Decimal
            Xf(FormatoPorcentaje, 0, 0, 1, Alinear(vertical: Centro)),                       // Porcentaje
            Xf(FormatoEntero, 1, 3, 1, Alinear(vertical: Centro)),                           // EnteroResaltado
            Xf(FormatoDecimal, 1, 3, 1, Alinear(vertical: Centro)),                          // DecimalResaltado
            Xf(0, 1, 3, 1, Alinear(HorizontalAlignmentValues.Left, Centro, wrap: true)),     // TotalTexto
            Xf(FormatoEntero, 1, 3, 1, Alinear(vertical: Centro)),                           // TotalEntero
            Xf(FormatoDecimal, 1, 3, 1, Alinear(vertical: Centro)),                          // TotalDecimal
            Xf(FormatoPorcentaje, 1, 3, 1, Alinear(vertical: Centro)),                       // TotalPorcentaje
            Xf(0, 1, 4, 1, Alinear(HorizontalAlignmentValues.Center, Centro, wrap: true)),   // BandaBajo
            Xf(0, 1, 5, 1, Alinear(HorizontalAlignmentValues.Center, Centro, wrap: true)),   // BandaMedio
            Xf(0, 1, 6, 1, Alinear(HorizontalAlignmentValues.Center, Centro, wrap: true)),   // BandaAlto
            Xf(0, 1, 7, 1, Alinear(HorizontalAlignmentValues.Center, Centro, wrap: true)),   // BandaNd
            Xf(0, 3, 0, 0, Alinear(HorizontalAlignmentValues.Left, VerticalAlignmentValues.Top, wrap: true)),  // Nota
            Xf(FormatoPorcentajeEntero, 0, 0, 1, Alinear(vertical: Centro)),                 // PorcentajeEntero
            Xf(FormatoPorcentajeEntero, 1, 3, 1, Alinear(vertical: Centro)))                 // TotalPorcentajeEntero
        { Count = (uint)Enum.GetValues<EstiloCelda>().Length };
        if (xfs.ChildElements.Count != Enum.GetValues<EstiloCelda>().Length)
            throw new InvalidOperationException("La hoja de estilos no coincide con EstiloCelda.");

        return new Stylesheet(
            new NumberingFormats(
                new NumberingFormat { NumberFormatId = FormatoPorcentaje, FormatCode = "#,##0.00\" %\"" },
                new NumberingFormat { NumberFormatId = FormatoPorcentajeEntero, FormatCode = "#,##0\" %\"" })
            { Count = 2 },
            fonts,
            fills,
            borders,
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            xfs,
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 },
            new DifferentialFormats { Count = 0 },
            new TableStyles { Count = 0, DefaultTableStyle = "TableStyleMedium2", DefaultPivotStyle = "PivotStyleLight16" });
    }

    private static readonly VerticalAlignmentValues Centro = VerticalAlignmentValues.Center;

    private static Font Fuente(double puntos, bool negrita, bool italica = false)
    {
        var f = new Font();
        if (negrita) f.Append(new Bold());
        if (italica) f.Append(new Italic());
        f.Append(new FontSize { Val = puntos });
        // Plain RGB and no font scheme: the package carries no theme part for them to refer to.
        f.Append(new Color { Rgb = "FF000000" });
        f.Append(new FontName { Val = "Calibri" });
        f.Append(new FontFamilyNumbering { Val = 2 });
        return f;
    }

    private static Fill Relleno(string argb) => new(new PatternFill(
        new ForegroundColor { Rgb = argb },
        new BackgroundColor { Indexed = 64 })
    { PatternType = PatternValues.Solid });

    private static Alignment Alinear(HorizontalAlignmentValues? horizontal = null, VerticalAlignmentValues? vertical = null, bool wrap = false)
    {
        var a = new Alignment();
        if (horizontal is { } h) a.Horizontal = h;
        if (vertical is { } v) a.Vertical = v;
        if (wrap) a.WrapText = true;
        return a;
    }

    private static CellFormat Xf(uint numFmt, uint font, uint fill, uint border, Alignment? alineacion)
    {
        var xf = new CellFormat { NumberFormatId = numFmt, FontId = font, FillId = fill, BorderId = border, FormatId = 0 };
        if (numFmt != 0) xf.ApplyNumberFormat = true;
        if (font != 0) xf.ApplyFont = true;
        if (fill != 0) xf.ApplyFill = true;
        if (border != 0) xf.ApplyBorder = true;
        if (alineacion is not null)
        {
            xf.ApplyAlignment = true;
            xf.Append(alineacion);
        }
        return xf;
    }
}

/// <summary>Fill colours of the traffic light (the same pale tones Excel uses for "good / neutral / bad").</summary>
internal static class Colores
{
    public const string Bajo = "FFFFC7CE";
    public const string Medio = "FFFFEB9C";
    public const string Alto = "FFC6EFCE";
    public const string Nd = "FFD9D9D9";

    /// <summary>Stronger tones for chart bars, where a pale fill would vanish on white.</summary>
    public const string BarraBajo = "C0504D";
    public const string BarraMedio = "F2C314";
    public const string BarraAlto = "4F9A4F";
    public const string BarraNd = "A6A6A6";
    public const string BarraNeutra = "4F81BD";
}
