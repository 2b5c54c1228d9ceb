using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Sipoi.Domain.Evaluacion;
using Sipoi.Interop.Evaluacion;

namespace Sipoi.Interop.Reportes.Office;

/// <summary>
/// A Word document written top to bottom with the few building blocks a report needs. Headings
/// use the built-in heading styles so Word's navigation pane and table of contents see them.
/// </summary>
internal sealed class DocumentoWord
{
    // A4 with 2.5 cm / 2 cm margins, in twentieths of a point.
    private const int LadoCorto = 11906, LadoLargo = 16838, MargenLateral = 1418, MargenVertical = 1134;

    private readonly Body _body = new();
    private readonly string _idPie;
    private uint _dibujos;
    private bool _horizontal;

    public MainDocumentPart Principal { get; }

    /// <summary>Usable width of the current section, in twips (tables take it whole).</summary>
    private int AnchoUtil => (_horizontal ? LadoLargo : LadoCorto) - 2 * MargenLateral;

    private DocumentoWord(WordprocessingDocument doc, string pie)
    {
        Principal = doc.AddMainDocumentPart();
        Principal.Document = new Document(_body);
        var estilos = Principal.AddNewPart<StyleDefinitionsPart>();
        estilos.Styles = new Styles(EstilosWord.Xml);
        var ajustes = Principal.AddNewPart<DocumentSettingsPart>();
        ajustes.Settings = new Settings(new DefaultTabStop { Val = 708 }, new CharacterSpacingControl { Val = CharacterSpacingValues.DoNotCompress });
        var footer = Principal.AddNewPart<FooterPart>();
        footer.Footer = new Footer(new Paragraph(
            new ParagraphProperties(new ParagraphStyleId { Val = "Footer" }),
            Correr(pie + " — Página "),
            new SimpleField(Correr("1")) { Instruction = " PAGE " }));
        _idPie = Principal.GetIdOfPart(footer);
    }

    /// <summary>Creates the package, lets <paramref name="contenido"/> fill the body, then closes it with the page setup and footer.</summary>
    public static void Escribir(Stream destino, string pie, Action<DocumentoWord> contenido)
    {
        ArgumentNullException.ThrowIfNull(destino);
        if (destino is { CanSeek: true, CanRead: true })
        {
            Crear(destino, pie, contenido);
            return;
        }
        using var buffer = new MemoryStream();
        Crear(buffer, pie, contenido);
        buffer.Position = 0;
        buffer.CopyTo(destino);
    }

    private static void Crear(Stream destino, string pie, Action<DocumentoWord> contenido)
    {
        using var doc = WordprocessingDocument.Create(destino, WordprocessingDocumentType.Document);
        var w = new DocumentoWord(doc, pie);
        contenido(w);
        w._body.Append(w.Seccion());
        doc.PackageProperties.Creator = "SIPOI";
        doc.PackageProperties.Created = DateTime.UtcNow;
    }

    /// <summary>Properties of the section being written (a section's sectPr closes it).</summary>
    private SectionProperties Seccion()
    {
        var tamano = _horizontal
            ? new PageSize { Width = LadoLargo, Height = LadoCorto, Orient = PageOrientationValues.Landscape }
            : new PageSize { Width = LadoCorto, Height = LadoLargo };
        return new SectionProperties(
            new FooterReference { Type = HeaderFooterValues.Default, Id = _idPie },
            tamano,
            new PageMargin
            {
                Top = MargenVertical,
                Bottom = MargenVertical,
                Left = MargenLateral,
                Right = MargenLateral,
                Header = 567,
                Footer = 567,
                Gutter = 0,
            });
    }

    /// <summary>Ends the current section and starts a landscape one on a new page (wide annex tables).</summary>
    public void SeccionHorizontal()
    {
        if (_horizontal) return;
        _body.Append(new Paragraph(new ParagraphProperties(Seccion())));
        _horizontal = true;
    }

    /// <summary>A small blank line, so the text after a table does not stick to it.</summary>
    private void Separador() => _body.Append(new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "Separador" })));

    public void Titulo(string texto, string estilo = "Title") => _body.Append(Parrafo(texto, estilo));

    /// <summary>Level 1–3 heading (Heading1…Heading3).</summary>
    public void Encabezado(int nivel, string texto) => _body.Append(Parrafo(texto, $"Heading{nivel}"));

    public void Parrafo(string texto) => _body.Append(Parrafo(texto, null));

    public void Parrafo(string texto, JustificationValues alineacion, bool negrita = false, int? puntos = null)
    {
        var p = new Paragraph(new ParagraphProperties(new Justification { Val = alineacion }));
        p.Append(Correr(texto, negrita, puntos));
        _body.Append(p);
    }

    /// <summary>A paragraph starting with a bold label: "Misión: …".</summary>
    public void ParrafoConEtiqueta(string etiqueta, string texto)
    {
        var p = new Paragraph(new ParagraphProperties(new Justification { Val = JustificationValues.Both }));
        p.Append(Correr(etiqueta, negrita: true), Correr(texto));
        _body.Append(p);
    }

    /// <summary>A numbered item written as text ("1. …") so it stays editable without list definitions.</summary>
    public void Item(string marca, string texto)
    {
        var p = new Paragraph(new ParagraphProperties(
            new Indentation { Left = "426", Hanging = "426" },
            new Justification { Val = JustificationValues.Both }));
        p.Append(Correr(marca + "\t"), Correr(texto));
        _body.Append(p);
    }

    public void Leyenda(string texto) => _body.Append(Parrafo(texto, "Caption"));

    public void SaltoPagina() => _body.Append(new Paragraph(new Run(new Break { Type = BreakValues.Page })));

    public void Anadir(OpenXmlElement elemento) => _body.Append(elemento);

    public uint NuevoIdDibujo() => ++_dibujos;

    /// <summary>A <see cref="TablaDatos"/> as a Word table: header row repeated on each page, band cells shaded, figures right-aligned.</summary>
    public void Tabla(TablaDatos t)
    {
        var total = t.Columnas.Sum(c => c.Ancho);
        var anchos = t.Columnas.Select(c => (int)(AnchoUtil * c.Ancho / total)).ToArray();
        var tabla = NuevaTabla(anchos);

        var encabezado = new TableRow(new TableRowProperties(new TableHeader(), new CantSplit()));
        for (var c = 0; c < t.Columnas.Count; c++)
            encabezado.Append(Celda(t.Columnas[c].Titulo, anchos[c], JustificationValues.Center, negrita: true, relleno: "DDEBF7"));
        tabla.Append(encabezado);

        foreach (var f in t.Filas) tabla.Append(Fila(t, f, anchos));
        if (t.Total is { } tot) tabla.Append(Fila(t, tot with { Resaltada = true }, anchos));
        _body.Append(tabla);
        if (t.Nota is not null) _body.Append(Parrafo(t.Nota, "Nota"));
        else Separador();
    }

    /// <summary>A table from plain rows of text (first row is the header); <paramref name="estilo"/> "TextoMatriz" prints small for wide tables.</summary>
    public void TablaTexto(IReadOnlyList<string> encabezados, IReadOnlyList<double> proporciones, IEnumerable<IReadOnlyList<CeldaWord>> filas,
        string estilo = "TextoTabla")
    {
        var total = proporciones.Sum();
        var anchos = proporciones.Select(p => (int)(AnchoUtil * p / total)).ToArray();
        var tabla = NuevaTabla(anchos);
        var encabezado = new TableRow(new TableRowProperties(new TableHeader(), new CantSplit()));
        for (var c = 0; c < encabezados.Count; c++)
            encabezado.Append(Celda(encabezados[c], anchos[c], JustificationValues.Center, negrita: true, relleno: "DDEBF7", estilo));
        tabla.Append(encabezado);
        foreach (var fila in filas)
        {
            var tr = new TableRow(new TableRowProperties(new CantSplit()));
            for (var c = 0; c < anchos.Length; c++)
            {
                var x = c < fila.Count ? fila[c] : new CeldaWord("");
                tr.Append(Celda(x.Texto, anchos[c], x.Derecha ? JustificationValues.Right : x.Centrado ? JustificationValues.Center : JustificationValues.Left,
                    x.Negrita, x.Relleno, estilo));
            }
            tabla.Append(tr);
        }
        _body.Append(tabla);
        Separador();
    }

    private static Table NuevaTabla(int[] anchos)
    {
        var borde = (uint)4;
        var tabla = new Table(new TableProperties(
            new TableStyle { Val = "TableGrid" },
            new TableWidth { Width = anchos.Sum().ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = borde, Color = "808080" },
                new LeftBorder { Val = BorderValues.Single, Size = borde, Color = "808080" },
                new BottomBorder { Val = BorderValues.Single, Size = borde, Color = "808080" },
                new RightBorder { Val = BorderValues.Single, Size = borde, Color = "808080" },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = borde, Color = "808080" },
                new InsideVerticalBorder { Val = BorderValues.Single, Size = borde, Color = "808080" }),
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableLook { Val = "04A0" }));
        tabla.Append(new TableGrid(anchos.Select(a => new GridColumn { Width = a.ToString(System.Globalization.CultureInfo.InvariantCulture) })));
        return tabla;
    }

    private static TableRow Fila(TablaDatos t, FilaDatos f, int[] anchos)
    {
        var tr = new TableRow(new TableRowProperties(new CantSplit()));
        var relleno = f.Resaltada ? "F2F2F2" : null;
        for (var c = 0; c < anchos.Length; c++)
        {
            var v = c < f.Celdas.Count ? f.Celdas[c] : ValorDatos.Texto("");
            tr.Append(v switch
            {
                TextoDatos x => Celda(x.Contenido, anchos[c], x.Centrado ? JustificationValues.Center : JustificationValues.Left, f.Resaltada, relleno),
                NumeroDatos x => Celda(Formatear(x.Valor, x.Formato), anchos[c], JustificationValues.Right, f.Resaltada, relleno),
                SumaDatos x => Celda(Formatear(x.Valor, x.Formato), anchos[c], JustificationValues.Right, f.Resaltada, relleno),
                BandaDatos x => Celda(x.Contenido, anchos[c], JustificationValues.Center, true,
                    x.Valor is null && !x.Nd ? relleno : ColorBanda(x.Valor)),
                _ => Celda("", anchos[c], JustificationValues.Left, false, relleno),
            });
        }
        return tr;
    }

    internal static string Formatear(decimal valor, FormatoDatos formato) => formato switch
    {
        FormatoDatos.Entero => FormatoNumero.Numero(valor, 0),
        FormatoDatos.Porcentaje => FormatoNumero.Porcentaje(valor),
        FormatoDatos.PorcentajeEntero => FormatoNumero.Porcentaje(valor, decimales: 0),
        _ => FormatoNumero.Numero(valor),
    };

    /// <summary>Cell shading of a band (same pale tones as the workbook); ND grey.</summary>
    internal static string ColorBanda(Banda? b) => (b switch
    {
        Banda.Bajo => Colores.Bajo,
        Banda.Medio => Colores.Medio,
        Banda.Alto => Colores.Alto,
        _ => Colores.Nd,
    })[2..];

    private static TableCell Celda(string texto, int ancho, JustificationValues alineacion, bool negrita, string? relleno, string estilo = "TextoTabla")
    {
        var props = new TableCellProperties(new TableCellWidth
        {
            Width = ancho.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Type = TableWidthUnitValues.Dxa,
        });
        if (relleno is not null) props.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = relleno });
        props.Append(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });
        var p = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = estilo }, new Justification { Val = alineacion }));
        p.Append(Correr(texto, negrita));
        return new TableCell(props, p);
    }

    private static Paragraph Parrafo(string texto, string? estilo)
    {
        var p = new Paragraph();
        if (estilo is not null) p.Append(new ParagraphProperties(new ParagraphStyleId { Val = estilo }));
        else p.Append(new ParagraphProperties(new Justification { Val = JustificationValues.Both }));
        p.Append(Correr(texto));
        return p;
    }

    /// <summary>A run; line breaks in the text become &lt;w:br/&gt;.</summary>
    internal static Run Correr(string texto, bool negrita = false, int? puntos = null)
    {
        var r = new Run();
        if (negrita || puntos is not null)
        {
            var rp = new RunProperties();
            if (negrita) rp.Append(new Bold());
            if (puntos is { } pt)
                rp.Append(new FontSize { Val = (pt * 2).ToString(System.Globalization.CultureInfo.InvariantCulture) });
            r.Append(rp);
        }
        var lineas = texto.Split('\n');
        for (var i = 0; i < lineas.Length; i++)
        {
            if (i > 0) r.Append(new Break());
            var partes = lineas[i].Split('\t');
            for (var j = 0; j < partes.Length; j++)
            {
                if (j > 0) r.Append(new TabChar());
                if (partes[j].Length > 0) r.Append(new Text(partes[j]) { Space = SpaceProcessingModeValues.Preserve });
            }
        }
        return r;
    }
}

/// <summary>A plain table cell for <see cref="DocumentoWord.TablaTexto"/>.</summary>
internal sealed record CeldaWord(string Texto, bool Derecha = false, bool Centrado = false, bool Negrita = false, string? Relleno = null);
