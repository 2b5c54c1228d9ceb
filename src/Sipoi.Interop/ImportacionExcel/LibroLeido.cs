using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Sipoi.Interop.Archivos;

namespace Sipoi.Interop.ImportacionExcel;

/// <summary>
/// Reads an .xlsx with DocumentFormat.OpenXml only (no calculation: formula cells give the value the
/// spreadsheet saved with them). Hidden sheets and chart sheets are left out and named in <see cref="Ignoradas"/>.
/// Bounded: the ZIP is checked by <see cref="ZipAcotado"/> before OpenXml opens it, and the workbook, shared
/// strings and sheets are streamed (OpenXmlReader, never the whole DOM) while <see cref="LimitesOffice"/> is counted.
/// </summary>
internal sealed class LibroLeido
{
    /// <summary>Excel's own grid: a reference beyond it is not an Excel cell.</summary>
    private const int MaximaFilaExcel = 1_048_576, MaximaColumnaExcel = 16_384;

    public List<HojaLeida> Hojas { get; } = [];
    public List<string> Ignoradas { get; } = [];

    private readonly LimitesOffice _l;
    private int _celdas;
    private long _caracteres;

    private LibroLeido(LimitesOffice limites) => _l = limites;

    /// <summary>A limit of <see cref="LimitesOffice"/> passed while reading; the workbook is refused as a whole.</summary>
    private sealed class LimiteExcedido(ErrorExcel error) : Exception(error.Mensaje)
    {
        public ErrorExcel Error { get; } = error;
    }

    /// <summary>The workbook, or null with the reason when the bytes are not a readable .xlsx or pass a limit.</summary>
    public static LibroLeido? Abrir(Stream archivo, LimitesOffice limites, out ErrorExcel? problema)
    {
        problema = null;
        static ErrorExcel General(string m) => new(null, null, null, null, m);
        byte[] bytes;
        // Whatever the caller's stream, never more than a ZIP within the limits can weigh.
        var maximo = limites.DescomprimidoTotal + 1024 * 1024;
        if (archivo.CanSeek && archivo.Length - archivo.Position > maximo)
        {
            problema = General($"El archivo pesa más de {LimitesOffice.Tamano(maximo)}; no se leyó nada.");
            return null;
        }
        using (var ms = new MemoryStream())
        {
            var buffer = new byte[81920];
            int n;
            while ((n = archivo.Read(buffer, 0, buffer.Length)) > 0)
            {
                ms.Write(buffer, 0, n);
                if (ms.Length > maximo)
                {
                    problema = General($"El archivo pesa más de {LimitesOffice.Tamano(maximo)}; no se leyó nada.");
                    return null;
                }
            }
            bytes = ms.ToArray();
        }

        if (!ZipAcotado.PareceZip(bytes))
        {
            problema = General(NoEsXlsx);
            return null;
        }
        var zip = ZipAcotado.Inspeccionar(bytes, limites);
        if (!zip.Valido)
        {
            problema = General(zip.Error!);
            return null;
        }
        try
        {
            var ajustes = new OpenSettings { MaxCharactersInPart = limites.DescomprimidoPorEntrada };
            using var doc = SpreadsheetDocument.Open(new MemoryStream(bytes, writable: false), false, ajustes);
            var libro = new LibroLeido(limites);
            libro.Leer(doc);
            return libro;
        }
        catch (LimiteExcedido e)
        {
            problema = e.Error;
            return null;
        }
        catch (Exception e) when (e is OpenXmlPackageException or FileFormatException or InvalidDataException or IOException
                                      or InvalidOperationException or System.Xml.XmlException or ArgumentException or FormatException
                                      or OverflowException or NotSupportedException or UriFormatException or KeyNotFoundException)
        {
            problema = General(NoEsXlsx);
            return null;
        }
    }

    private const string NoEsXlsx =
        "El archivo no es un libro de Excel .xlsx que se pueda leer (¿es un .xls antiguo, un .ods o un archivo protegido con contraseña? " +
        "Ábralo en Excel o LibreOffice y guárdelo como «Libro de Excel (.xlsx)»).";

    private void Leer(SpreadsheetDocument doc)
    {
        var wb = doc.WorkbookPart ?? throw new InvalidDataException("sin libro");
        var textos = wb.SharedStringTablePart is { } sst ? LeerTextos(sst) : [];
        var hojas = new List<(string Nombre, SheetStateValues? Estado, string? Id)>();
        using (var r = OpenXmlReader.Create(wb))
        {
            while (r.Read())
            {
                if (r.ElementType != typeof(Sheet) || !r.IsStartElement) continue;
                if (hojas.Count == _l.Hojas)
                    throw new LimiteExcedido(new ErrorExcel(null, null, null, null,
                        $"El libro tiene más de {LimitesOffice.Numero(_l.Hojas)} hojas, el máximo que SIPOI lee; no se leyó nada. Quite las hojas que no son del POI."));
                string? nombre = null, id = null;
                SheetStateValues? estado = null;
                foreach (var a in r.Attributes)
                {
                    if (a.LocalName == "name") nombre = a.Value;
                    else if (a.LocalName == "state") estado = new EnumValue<SheetStateValues> { InnerText = a.Value }.Value;
                    else if (a.LocalName == "id" && a.NamespaceUri.Contains("relationships", StringComparison.Ordinal)) id = a.Value;
                }
                hojas.Add((nombre ?? "", estado, id));
            }
        }
        var leidas = new HashSet<Uri>();
        foreach (var (nombre, estado, id) in hojas)
        {
            if (estado is { } e && e != SheetStateValues.Visible)
            {
                Ignoradas.Add($"{nombre} (hoja oculta)");
                continue;
            }
            if (id is null || !wb.TryGetPartById(id, out var p) || p is not WorksheetPart parte)
            {
                Ignoradas.Add($"{nombre} (no es una hoja de cálculo)");
                continue;
            }
            // Two sheets pointing at one part would read it twice: the limits count each part once.
            if (!leidas.Add(parte.Uri))
            {
                Ignoradas.Add($"{nombre} (repite otra hoja del libro)");
                continue;
            }
            Hojas.Add(LeerHoja(nombre, parte, textos));
        }
    }

    private List<string> LeerTextos(SharedStringTablePart parte)
    {
        var textos = new List<string>();
        using var r = OpenXmlReader.Create(parte);
        var seguir = r.Read();
        while (seguir)
        {
            if (r.ElementType != typeof(SharedStringItem) || !r.IsStartElement)
            {
                seguir = r.Read();
                continue;
            }
            if (textos.Count == _l.TextosCompartidos)
                throw new LimiteExcedido(new ErrorExcel(null, null, null, null,
                    $"El libro tiene más de {LimitesOffice.Numero(_l.TextosCompartidos)} textos distintos, el máximo que SIPOI lee; no se leyó nada. " +
                    "Quite las hojas o celdas que no son del POI."));
            var texto = TextoDe((OpenXmlCompositeElement)r.LoadCurrentElement()!);
            if (texto.Length > _l.LargoTexto)
                throw new LimiteExcedido(new ErrorExcel(null, null, null, null,
                    $"El texto n.º {LimitesOffice.Numero(textos.Count + 1)} del libro tiene {LimitesOffice.Numero(texto.Length)} caracteres; " +
                    $"el máximo de una celda es {LimitesOffice.Numero(_l.LargoTexto)}. No se leyó nada."));
            ContarCaracteres(texto, null, null, null);
            textos.Add(texto);
            // LoadCurrentElement already moved past the item.
            seguir = !r.EOF;
        }
        return textos;
    }

    private void ContarCaracteres(string texto, string? hoja, int? fila, string? columna)
    {
        _caracteres += texto.Length;
        if (_caracteres > _l.CaracteresTotales)
            throw new LimiteExcedido(new ErrorExcel(hoja, fila, columna, null,
                $"los textos del libro suman más de {LimitesOffice.Numero(_l.CaracteresTotales)} caracteres, el máximo que SIPOI lee; no se leyó nada."));
    }

    private HojaLeida LeerHoja(string nombre, WorksheetPart parte, List<string> textos)
    {
        var celdas = new Dictionary<(int, int), ValorCelda>();
        var combinadas = new List<(int F1, int C1, int F2, int C2)>();
        var filaAnterior = 0;
        var fila = 0;
        var columnaAnterior = 0;
        var enFila = 0;
        using var r = OpenXmlReader.Create(parte);
        var seguir = r.Read();
        while (seguir)
        {
            if (r.IsStartElement && r.ElementType == typeof(Row))
            {
                var ri = r.Attributes.FirstOrDefault(a => a.LocalName == "r").Value;
                fila = ri is null ? filaAnterior + 1
                    : long.TryParse(ri, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= MaximaFilaExcel ? (int)n
                    : throw new LimiteExcedido(new ErrorExcel(nombre, null, null, null,
                        $"la fila «{Recortar(ri)}» no es una fila de Excel (1 a {LimitesOffice.Numero(MaximaFilaExcel)}): el archivo está dañado."));
                filaAnterior = fila;
                columnaAnterior = 0;
                enFila = 0;
            }
            else if (r.IsStartElement && r.ElementType == typeof(Cell))
            {
                var cell = (Cell)r.LoadCurrentElement()!;
                // A cell may omit its reference: it then follows the previous one.
                var columna = cell.CellReference?.Value is { } referencia ? Columna(referencia) : columnaAnterior + 1;
                if (columna is < 1 or > MaximaColumnaExcel)
                    throw new LimiteExcedido(new ErrorExcel(nombre, fila, null, null,
                        $"la celda «{Recortar(cell.CellReference?.Value ?? "")}» no es una celda de Excel: el archivo está dañado."));
                columnaAnterior = columna;
                if (ValorDe(cell, textos) is { } v)
                {
                    Contar(nombre, fila, columna, v, ++enFila);
                    celdas[(fila, columna)] = v;
                }
                seguir = !r.EOF;
                continue;
            }
            else if (r.IsStartElement && r.ElementType == typeof(MergeCell))
            {
                if (((MergeCell)r.LoadCurrentElement()!).Reference?.Value?.Split(':') is [var a, var b])
                {
                    if (combinadas.Count == _l.CeldasPorFila * 10)
                        throw new LimiteExcedido(new ErrorExcel(nombre, null, null, null,
                            $"la hoja tiene más de {LimitesOffice.Numero(_l.CeldasPorFila * 10)} rangos de celdas combinadas; no se leyó nada."));
                    combinadas.Add((Fila(a), Columna(a), Fila(b), Columna(b)));
                }
                seguir = !r.EOF;
                continue;
            }
            seguir = r.Read();
        }
        return new HojaLeida(nombre, celdas, combinadas);
    }

    /// <summary>Counts one cell holding a value against the limits, naming where the limit was passed.</summary>
    private void Contar(string hoja, int fila, int columna, ValorCelda v, int enFila)
    {
        var letra = Sipoi.Interop.Reportes.Office.Referencia.Columna(columna);
        if (fila > _l.FilasPorHoja)
            throw new LimiteExcedido(new ErrorExcel(hoja, fila, letra, null,
                $"la hoja tiene datos en la fila {LimitesOffice.Numero(fila)}; SIPOI lee hasta la fila {LimitesOffice.Numero(_l.FilasPorHoja)}. " +
                "Borre las filas sobrantes o lleve los datos a otra hoja. No se leyó nada."));
        if (enFila > _l.CeldasPorFila)
            throw new LimiteExcedido(new ErrorExcel(hoja, fila, letra, null,
                $"la fila tiene más de {LimitesOffice.Numero(_l.CeldasPorFila)} celdas con datos, el máximo que SIPOI lee. No se leyó nada."));
        if (++_celdas > _l.CeldasPorLibro)
            throw new LimiteExcedido(new ErrorExcel(hoja, fila, letra, null,
                $"el libro tiene más de {LimitesOffice.Numero(_l.CeldasPorLibro)} celdas con datos, el máximo que SIPOI lee. Quite las hojas o datos que no son del POI. No se leyó nada."));
        if (v.Tipo != TipoValor.Texto || v.Origen == OrigenTexto.Compartido) return;
        if (v.Crudo.Length > _l.LargoTexto)
            throw new LimiteExcedido(new ErrorExcel(hoja, fila, letra, null,
                $"el texto tiene {LimitesOffice.Numero(v.Crudo.Length)} caracteres; el máximo de una celda es {LimitesOffice.Numero(_l.LargoTexto)}. No se leyó nada."));
        ContarCaracteres(v.Crudo, hoja, fila, letra);
    }

    private static string Recortar(string s) => s.Length <= 20 ? s : s[..19] + "…";

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
                ? new ValorCelda(TipoValor.Texto, textos[n], OrigenTexto.Compartido)
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
            // Beyond Excel's last column ("XFD"): stop before the number overflows.
            if (n > MaximaColumnaExcel) return MaximaColumnaExcel + 1;
        }
        return n;
    }

    public static int Fila(string referencia)
    {
        var digitos = new string(referencia.SkipWhile(char.IsLetter).TakeWhile(char.IsDigit).ToArray());
        return int.TryParse(digitos, NumberStyles.None, CultureInfo.InvariantCulture, out var f) ? f : 0;
    }
}
