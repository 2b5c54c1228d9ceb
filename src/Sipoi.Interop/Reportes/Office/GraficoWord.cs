using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using A = DocumentFormat.OpenXml.Drawing;
using C = DocumentFormat.OpenXml.Drawing.Charts;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Sipoi.Interop.Reportes.Office;

/// <summary>One series of a bar chart; <see cref="ColoresPorPunto"/> colours single bars (a band per OEI).</summary>
internal sealed record SerieGrafico(string Nombre, IReadOnlyList<decimal?> Valores, string Color)
{
    public IReadOnlyList<string>? ColoresPorPunto { get; init; }
}

/// <summary>
/// A native Word column chart (a chart part, so the office can restyle it in Word). The cached
/// points are written in the chart itself, and its data also goes into an embedded workbook so
/// Word's "Edit data" opens the figures.
/// </summary>
internal static class GraficoWord
{
    private const long Emu = 9525; // EMUs per pixel at 96 dpi

    public static W.Paragraph Columnas(
        DocumentoWord doc, string nombre, IReadOnlyList<string> categorias, IReadOnlyList<SerieGrafico> series,
        bool apiladas, string formatoValores, decimal? maximo, bool leyenda, int anchoPx = 600, int altoPx = 300)
    {
        var parte = doc.Principal.AddNewPart<ChartPart>();
        var datos = parte.AddEmbeddedPackagePart(EmbeddedPackagePartType.Xlsx);
        using (var ms = new MemoryStream(LibroDatos(categorias, series)))
            datos.FeedData(ms);

        var espacio = new C.ChartSpace();
        espacio.AddNamespaceDeclaration("c", "http://schemas.openxmlformats.org/drawingml/2006/chart");
        espacio.AddNamespaceDeclaration("a", "http://schemas.openxmlformats.org/drawingml/2006/main");
        espacio.AddNamespaceDeclaration("r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
        espacio.Append(new C.Date1904 { Val = false });
        espacio.Append(new C.EditingLanguage { Val = "es-PE" });
        espacio.Append(new C.RoundedCorners { Val = false });

        var barras = new C.BarChart(
            new C.BarDirection { Val = C.BarDirectionValues.Column },
            new C.BarGrouping { Val = apiladas ? C.BarGroupingValues.Stacked : C.BarGroupingValues.Clustered },
            new C.VaryColors { Val = false });
        for (var s = 0; s < series.Count; s++)
            barras.Append(Serie(s, series[s], categorias, formatoValores));
        barras.Append(new C.GapWidth { Val = 60 });
        if (apiladas) barras.Append(new C.Overlap { Val = 100 });
        barras.Append(new C.AxisId { Val = 50010U }, new C.AxisId { Val = 50020U });

        var escala = new C.Scaling(new C.Orientation { Val = C.OrientationValues.MinMax });
        if (maximo is { } max) escala.Append(new C.MaxAxisValue { Val = (double)max });
        escala.Append(new C.MinAxisValue { Val = 0 });

        var area = new C.PlotArea(
            new C.Layout(),
            barras,
            new C.CategoryAxis(
                new C.AxisId { Val = 50010U },
                new C.Scaling(new C.Orientation { Val = C.OrientationValues.MinMax }),
                new C.Delete { Val = false },
                new C.AxisPosition { Val = C.AxisPositionValues.Bottom },
                new C.NumberingFormat { FormatCode = "General", SourceLinked = false },
                new C.MajorTickMark { Val = C.TickMarkValues.None },
                new C.MinorTickMark { Val = C.TickMarkValues.None },
                new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo },
                new C.CrossingAxis { Val = 50020U },
                new C.Crosses { Val = C.CrossesValues.AutoZero },
                new C.AutoLabeled { Val = true },
                new C.LabelAlignment { Val = C.LabelAlignmentValues.Center },
                new C.LabelOffset { Val = 100 },
                new C.NoMultiLevelLabels { Val = false }),
            new C.ValueAxis(
                new C.AxisId { Val = 50020U },
                escala,
                new C.Delete { Val = false },
                new C.AxisPosition { Val = C.AxisPositionValues.Left },
                new C.MajorGridlines(new C.ChartShapeProperties(new A.Outline(new A.SolidFill(new A.RgbColorModelHex { Val = "D9D9D9" })))),
                new C.NumberingFormat { FormatCode = formatoValores, SourceLinked = false },
                new C.MajorTickMark { Val = C.TickMarkValues.Outside },
                new C.MinorTickMark { Val = C.TickMarkValues.None },
                new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo },
                new C.CrossingAxis { Val = 50010U },
                new C.Crosses { Val = C.CrossesValues.AutoZero },
                new C.CrossBetween { Val = C.CrossBetweenValues.Between }));

        var grafico = new C.Chart(new C.AutoTitleDeleted { Val = true }, area);
        if (leyenda) grafico.Append(new C.Legend(new C.LegendPosition { Val = C.LegendPositionValues.Bottom }, new C.Overlay { Val = false }));
        grafico.Append(new C.PlotVisibleOnly { Val = true }, new C.DisplayBlanksAs { Val = C.DisplayBlanksAsValues.Gap });
        espacio.Append(grafico);
        espacio.Append(new C.ExternalData(new C.AutoUpdate { Val = false }) { Id = parte.GetIdOfPart(datos) });
        parte.ChartSpace = espacio;

        var id = doc.NuevoIdDibujo();
        var dibujo = new W.Drawing(new DW.Inline(
            new DW.Extent { Cx = anchoPx * Emu, Cy = altoPx * Emu },
            new DW.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
            new DW.DocProperties { Id = id, Name = $"Gráfico {id.ToString(CultureInfo.InvariantCulture)}", Description = nombre },
            new DW.NonVisualGraphicFrameDrawingProperties(),
            new A.Graphic(new A.GraphicData(new C.ChartReference { Id = doc.Principal.GetIdOfPart(parte) })
            {
                Uri = "http://schemas.openxmlformats.org/drawingml/2006/chart",
            }))
        {
            DistanceFromTop = 0U,
            DistanceFromBottom = 0U,
            DistanceFromLeft = 0U,
            DistanceFromRight = 0U,
        });
        return new W.Paragraph(
            new W.ParagraphProperties(new W.KeepNext(), new W.Justification { Val = W.JustificationValues.Center }),
            new W.Run(dibujo));
    }

    private static C.BarChartSeries Serie(int indice, SerieGrafico s, IReadOnlyList<string> categorias, string formato)
    {
        var n = categorias.Count;
        var col = Referencia.Columna(indice + 2);
        var serie = new C.BarChartSeries(
            new C.Index { Val = (uint)indice },
            new C.Order { Val = (uint)indice },
            new C.SeriesText(new C.StringReference(
                new C.Formula($"Hoja1!${col}$1"),
                new C.StringCache(new C.PointCount { Val = 1U }, new C.StringPoint(new C.NumericValue(s.Nombre)) { Index = 0U }))),
            Relleno(s.Color),
            new C.InvertIfNegative { Val = false });
        if (s.ColoresPorPunto is { } colores)
            for (var i = 0; i < colores.Count && i < n; i++)
                serie.Append(new C.DataPoint(
                    new C.Index { Val = (uint)i },
                    new C.InvertIfNegative { Val = false },
                    new C.Bubble3D { Val = false },
                    Relleno(colores[i])));
        serie.Append(new C.DataLabels(
            new C.NumberingFormat { FormatCode = formato, SourceLinked = false },
            new C.ShowLegendKey { Val = false },
            new C.ShowValue { Val = true },
            new C.ShowCategoryName { Val = false },
            new C.ShowSeriesName { Val = false },
            new C.ShowPercent { Val = false },
            new C.ShowBubbleSize { Val = false }));

        var cache = new C.StringCache(new C.PointCount { Val = (uint)n });
        for (var i = 0; i < n; i++) cache.Append(new C.StringPoint(new C.NumericValue(categorias[i])) { Index = (uint)i });
        serie.Append(new C.CategoryAxisData(new C.StringReference(new C.Formula($"Hoja1!$A$2:$A${n + 1}"), cache)));

        var numeros = new C.NumberingCache(new C.FormatCode("General"), new C.PointCount { Val = (uint)n });
        for (var i = 0; i < n && i < s.Valores.Count; i++)
            if (s.Valores[i] is { } v)
                numeros.Append(new C.NumericPoint(new C.NumericValue(((double)v).ToString("R", CultureInfo.InvariantCulture))) { Index = (uint)i });
        serie.Append(new C.Values(new C.NumberReference(new C.Formula($"Hoja1!${col}$2:${col}${n + 1}"), numeros)));
        return serie;
    }

    private static C.ChartShapeProperties Relleno(string color) =>
        new(new A.SolidFill(new A.RgbColorModelHex { Val = color }));

    /// <summary>The chart's figures as a tiny workbook: categories in A, one column per series.</summary>
    private static byte[] LibroDatos(IReadOnlyList<string> categorias, IReadOnlyList<SerieGrafico> series)
    {
        var libro = new LibroExcel();
        var hoja = libro.Hoja("Hoja1");
        hoja.Ancho(1, 14);
        for (var s = 0; s < series.Count; s++) hoja.Texto(1, s + 2, series[s].Nombre, EstiloCelda.Subtitulo);
        for (var i = 0; i < categorias.Count; i++)
        {
            hoja.Texto(i + 2, 1, categorias[i]);
            for (var s = 0; s < series.Count; s++)
                hoja.Numero(i + 2, s + 2, i < series[s].Valores.Count ? series[s].Valores[i] : null, EstiloCelda.Normal);
        }
        return libro.Bytes();
    }
}
