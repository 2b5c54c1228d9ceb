using System.Diagnostics;
using Sipoi.Interop.Archivos;
using Sipoi.Interop.ImportacionExcel;
using Xunit.Abstractions;

namespace Sipoi.Interop.Tests.ImportacionExcel;

/// <summary>
/// Office files past <see cref="LimitesOffice"/> are refused whole, with a message naming the limit, before they can
/// take the server's memory (issue 11 item 6). Each test prints what reading the file allocated on its thread.
/// </summary>
public class LimitesExcelTests(ITestOutputHelper salida)
{
    private static ContextoPoiExcel Contexto() => ContextoPoiExcel.Desde(ImportacionExcelLectorTests.Demo(), 2024) with { PoiActual = null };

    private ErrorExcel Rechazo(byte[] archivo, string caso)
    {
        var contexto = Contexto();
        var antes = GC.GetAllocatedBytesForCurrentThread();
        var reloj = Stopwatch.StartNew();
        var r = LectorPoiExcel.Leer(new MemoryStream(archivo), contexto);
        var asignado = GC.GetAllocatedBytesForCurrentThread() - antes;
        salida.WriteLine($"{caso}: archivo {archivo.Length / 1024.0:N0} KB, asignado al leerlo {asignado / 1024.0 / 1024.0:N1} MB, {reloj.ElapsedMilliseconds} ms");
        Assert.False(r.EsValido);
        Assert.Null(r.Poi);
        return Assert.Single(r.Errores);
    }

    [Fact]
    public void BombaDeCeldas_MenosDeUnMega_SeRechazaSinDescomprimirla()
    {
        var bomba = XlsxCrudo.BombaDeCeldas(5_000_000); // 110 MB of sheet XML
        Assert.True(bomba.Length < 1024 * 1024, $"la bomba pesa {bomba.Length} bytes");
        var e = Rechazo(bomba, "bomba de 5 millones de celdas");
        Assert.Equal("La parte «xl/worksheets/sheet1.xml» del archivo descomprimida supera 30 MB, el máximo por parte; no se leyó nada.", e.ToString());
    }

    [Fact]
    public void BombaPequena_PeroMuyComprimida_SeRechazaPorLaRazon()
    {
        var bomba = XlsxCrudo.BombaDeCeldas(1_000_000); // 22 MB compressed to ~25 KB
        var e = Rechazo(bomba, "bomba de 1 millón de celdas");
        Assert.Equal("La parte «xl/worksheets/sheet1.xml» del archivo se descomprime a más de 100 veces su tamaño: parece un archivo «bomba» de compresión y no se leyó.",
            e.ToString());
    }

    [Fact]
    public void BombaDeTextosCompartidos_SeRechaza()
    {
        var bomba = XlsxCrudo.BombaDeTextos(3_000_000);
        Assert.True(bomba.Length < 1024 * 1024, $"la bomba pesa {bomba.Length} bytes");
        var e = Rechazo(bomba, "bomba de 3 millones de textos compartidos");
        Assert.Equal("La parte «xl/sharedStrings.xml» del archivo descomprimida supera 30 MB, el máximo por parte; no se leyó nada.", e.ToString());
    }

    [Fact]
    public void CabeceraQueMiente_SeCuentaAlDescomprimir_YSeRechaza()
    {
        var mentira = XlsxCrudo.CabeceraMentirosa(40 * 1024 * 1024, 1000);
        var e = Rechazo(mentira, "cabecera que declara 1,000 bytes para 40 MB");
        Assert.Equal("La parte «xl/worksheets/sheet1.xml» del archivo declara 1,000 bytes pero al descomprimirla ocupa más: el archivo está manipulado o dañado y no se leyó.",
            e.ToString());
    }

    [Fact]
    public void CabeceraQueMiente_DirectoAlInspector_TambienSeRechaza()
    {
        var r = ZipAcotado.Inspeccionar(XlsxCrudo.CabeceraMentirosa(2 * 1024 * 1024, 5000), LimitesOffice.Predeterminados);
        Assert.False(r.Valido);
        Assert.Contains("declara 5,000 bytes pero al descomprimirla ocupa más", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void DatosMasAllaDeLaFilaMaxima_NombraHojaYFila()
    {
        var libro = XlsxCrudo.Libro([("FP 06", w =>
        {
            for (var f = 1; f <= 20_001; f++) w.Write($"<row r=\"{f}\"><c r=\"A{f}\"><v>{f}</v></c></row>");
        })]);
        var e = Rechazo(libro, "20,001 filas");
        Assert.Equal("Hoja 'FP 06', fila 20001, columna A: la hoja tiene datos en la fila 20,001; SIPOI lee hasta la fila 20,000. " +
                     "Borre las filas sobrantes o lleve los datos a otra hoja. No se leyó nada.", e.ToString());
    }

    [Fact]
    public void FilaConDemasiadasCeldas_NombraHojaFilaYColumna()
    {
        var libro = XlsxCrudo.Libro([("FP 06", w =>
        {
            w.Write("<row r=\"3\">");
            for (var c = 0; c < 1_001; c++) w.Write($"<c><v>{c}</v></c>");
            w.Write("</row>");
        })]);
        var e = Rechazo(libro, "1,001 celdas en una fila");
        Assert.Equal("Hoja 'FP 06', fila 3, columna ALM: la fila tiene más de 1,000 celdas con datos, el máximo que SIPOI lee. No se leyó nada.", e.ToString());
    }

    [Fact]
    public void DemasiadosTextosDistintos_SeRechaza()
    {
        var libro = XlsxCrudo.Libro([("FP 06", w => w.Write("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"))], w =>
        {
            for (var i = 0; i <= 200_000; i++) w.Write($"<si><t>t{i}</t></si>");
        });
        var e = Rechazo(libro, "200,001 textos compartidos");
        Assert.Equal("El libro tiene más de 200,000 textos distintos, el máximo que SIPOI lee; no se leyó nada. Quite las hojas o celdas que no son del POI.", e.ToString());
    }

    [Fact]
    public void TextoMasLargoQueUnaCelda_NombraLaCelda()
    {
        var azar = new Random(11);
        var texto = new string(Enumerable.Range(0, 40_000).Select(_ => (char)('a' + azar.Next(26))).ToArray());
        var libro = XlsxCrudo.Libro([("FP 06", w => w.Write($"<row r=\"4\"><c r=\"C4\" t=\"inlineStr\"><is><t>{texto}</t></is></c></row>"))]);
        var e = Rechazo(libro, "texto de 40,000 caracteres");
        Assert.Equal("Hoja 'FP 06', fila 4, columna C: el texto tiene 40,000 caracteres; el máximo de una celda es 32,767. No se leyó nada.", e.ToString());
    }

    [Fact]
    public void DemasiadasHojas_SeRechaza()
    {
        var hojas = Enumerable.Range(1, 201).Select(i => ($"H{i}", (Action<TextWriter>)(_ => { }))).ToList();
        var e = Rechazo(XlsxCrudo.Libro(hojas), "201 hojas");
        Assert.Equal("El libro tiene más de 200 hojas, el máximo que SIPOI lee; no se leyó nada. Quite las hojas que no son del POI.", e.ToString());
    }

    [Fact]
    public void LimitesMasEstrictos_SeAplicanAlTotalDeCeldas()
    {
        var libro = XlsxCrudo.LibroGrande(100, 20);
        var r = LectorPoiExcel.Leer(new MemoryStream(libro), Contexto(), new LimitesOffice { CeldasPorLibro = 1_000 });
        Assert.Equal("Hoja 'FP 06', fila 51, columna A: el libro tiene más de 1,000 celdas con datos, el máximo que SIPOI lee. " +
                     "Quite las hojas o datos que no son del POI. No se leyó nada.", Assert.Single(r.Errores).ToString());
    }

    [Fact]
    public void LibroGrandeDentroDeLosLimites_SeLee_YDiceQueNoTieneTabla()
    {
        var contexto = Contexto();
        var libro = XlsxCrudo.LibroGrande(20_000, 10); // 200,000 cells, every row the limits allow
        var antes = GC.GetAllocatedBytesForCurrentThread();
        var r = LectorPoiExcel.Leer(new MemoryStream(libro), contexto);
        salida.WriteLine($"libro de 200,000 celdas ({libro.Length / 1024.0 / 1024.0:N1} MB): asignado {(GC.GetAllocatedBytesForCurrentThread() - antes) / 1024.0 / 1024.0:N0} MB");
        Assert.StartsWith("El libro no tiene ninguna hoja con la tabla de actividades", Assert.Single(r.Errores).ToString(), StringComparison.Ordinal);
    }
}
