using System.Text;
using Sipoi.Domain.Seguimiento;
using Sipoi.Interop.Archivos;
using static Sipoi.Interop.Tests.Archivos.Archivos;

namespace Sipoi.Interop.Tests.Archivos;

/// <summary>Evidence files checked by content (moved from the domain with the byte inspection, issue 12).</summary>
public class EvidenciaTests
{
    private static ResultadoEvidencia Validar(string nombre, byte[] contenido, long? tamano = null, long limite = Evidencia.LimitePorDefecto) =>
        ContenidoEvidencia.Validar(nombre, contenido, tamano ?? contenido.Length, limite);

    private static void Acepta(string nombre, byte[] contenido, TipoEvidencia tipo)
    {
        var r = Validar(nombre, contenido);
        Assert.True(r.Valido, r.Error);
        Assert.Equal(tipo, r.Tipo);
        Assert.Null(r.Error);
    }

    public static TheoryData<string, byte[], TipoEvidencia> Aceptados => new()
    {
        { "acta.pdf", Pdf, TipoEvidencia.Pdf },
        { "foto.png", Png, TipoEvidencia.Png },
        { "foto.jpg", Jpeg, TipoEvidencia.Jpeg },
        { "foto.jpeg", Jpeg, TipoEvidencia.Jpeg },
        { "informe.docx", Archivos.Docx, TipoEvidencia.Docx },
        { "cuadro.xlsx", Archivos.Xlsx, TipoEvidencia.Xlsx },
        { "exposicion.pptx", Pptx, TipoEvidencia.Pptx },
        { "informe.doc", Doc, TipoEvidencia.Doc },
        { "cuadro.xls", Xls, TipoEvidencia.Xls },
        { "exposicion.ppt", Ppt, TipoEvidencia.Ppt },
        { "informe.odt", Odf("application/vnd.oasis.opendocument.text"), TipoEvidencia.Odt },
        { "cuadro.ods", Odf("application/vnd.oasis.opendocument.spreadsheet"), TipoEvidencia.Ods },
        { "exposicion.odp", Odf("application/vnd.oasis.opendocument.presentation"), TipoEvidencia.Odp },
    };

    [Theory]
    [MemberData(nameof(Aceptados))]
    public void Evidencia_TipoAceptadoConContenidoCoherente_SeAcepta(string nombre, byte[] contenido, TipoEvidencia tipo)
    {
        Acepta(nombre, contenido, tipo);
        Assert.Equal(tipo, ContenidoEvidencia.Detectar(contenido));
    }

    [Fact]
    public void Evidencia_DevuelveElTipoMimeParaServirla()
    {
        Assert.Equal("application/pdf", Validar("a.pdf", Pdf).Mime);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", Validar("a.docx", Archivos.Docx).Mime);
        Assert.Null(Validar("a.exe", Exe).Mime);
    }

    [Fact]
    public void Evidencia_ExtensionEnMayusculas_SeAceptaYSeNormaliza()
    {
        var r = Validar("Acta de Reunión.PDF", Pdf);
        Assert.True(r.Valido);
        Assert.Equal("Acta de Reunión.pdf", r.NombreSeguro);
    }

    [Fact]
    public void Evidencia_OoxmlConTiposAlFinal_ComoLoEscribeLibreOffice_SeAcepta() =>
        Acepta("informe.docx", Ooxml("word/document.xml", tiposAlFinal: true), TipoEvidencia.Docx);

    [Fact]
    public void Evidencia_DirectorioOleEnVariosSectores_SeSigueLaCadena() =>
        Acepta("informe.doc", Ole(["WordDocument", "1Table"], relleno: 6), TipoEvidencia.Doc);

    [Fact]
    public void Evidencia_ExtensionNoPermitida_SeRechaza()
    {
        var r = Validar("programa.exe", Exe);
        Assert.False(r.Valido);
        Assert.Null(r.Tipo);
        Assert.Equal($"El tipo de archivo «.exe» no se acepta como evidencia; se aceptan {Evidencia.ExtensionesAceptadas}.", r.Error);
        Assert.StartsWith("PDF, PNG, JPG, JPEG, DOCX, XLSX, PPTX, DOC, XLS", Evidencia.ExtensionesAceptadas);
    }

    [Fact]
    public void Evidencia_SinExtension_SeRechaza() =>
        Assert.Equal($"El archivo «informe» no tiene extensión; se aceptan {Evidencia.ExtensionesAceptadas}.", Validar("informe", Pdf).Error);

    [Fact]
    public void Evidencia_ContenidoDeOtroTipoAceptado_SeRechazaDiciendoQueEs()
    {
        Assert.Equal("El contenido de «foto.png» no corresponde a su extensión: es un PDF.", Validar("foto.png", Pdf).Error);
        Assert.Equal("El contenido de «acta.pdf» no corresponde a su extensión: es una imagen JPEG.", Validar("acta.pdf", Jpeg).Error);
        Assert.Equal("El contenido de «informe.docx» no corresponde a su extensión: es una hoja de Excel (XLSX).", Validar("informe.docx", Archivos.Xlsx).Error);
        Assert.Equal("El contenido de «cuadro.xls» no corresponde a su extensión: es un documento de Word 97-2003 (DOC).", Validar("cuadro.xls", Doc).Error);
        Assert.False(Validar("informe.odt", Odf("application/vnd.oasis.opendocument.spreadsheet")).Valido);
        Assert.False(Validar("informe.docx", Odf("application/vnd.oasis.opendocument.text")).Valido);
    }

    [Fact]
    public void Evidencia_EjecutableRenombrado_SeRechaza() =>
        Assert.Equal("El contenido de «acta.pdf» no es un PDF válido (el archivo está dañado o es de otro tipo).", Validar("acta.pdf", Exe).Error);

    [Fact]
    public void Evidencia_ZipCualquieraComoDocx_SeRechaza()
    {
        var zip = Zip([("leeme.txt", "hola"), ("word/trampa.txt", "x")]);
        Assert.Equal("El contenido de «informe.docx» no es un documento de Word (DOCX) válido (el archivo está dañado o es de otro tipo).",
            Validar("informe.docx", zip).Error);
        Assert.Null(ContenidoEvidencia.Detectar(zip));
    }

    [Fact]
    public void Evidencia_OleSinElFlujoDelFormato_SeRechaza()
    {
        Assert.False(Validar("instalador.doc", Ole(["Contenido", "\u0005SummaryInformation"])).Valido);
        // A Word file with an Excel sheet embedded is still a Word file, not a workbook.
        var conHojaIncrustada = Ole(["WordDocument", "1Table"], anidados: ["Workbook", "\u0001CompObj"]);
        Assert.True(Validar("informe.doc", conHojaIncrustada).Valido);
        Assert.False(Validar("informe.xls", conHojaIncrustada).Valido);
    }

    [Fact]
    public void Evidencia_Vacia_SeRechaza()
    {
        Assert.Equal("El archivo «acta.pdf» está vacío.", Validar("acta.pdf", []).Error);
        Assert.Equal("El archivo «acta.pdf» está vacío.", ContenidoEvidencia.Validar("acta.pdf", Pdf, 0).Error);
    }

    [Fact]
    public void Evidencia_MasGrandeQueElLimite_SeRechaza()
    {
        Assert.True(Validar("acta.pdf", Pdf, tamano: Evidencia.LimitePorDefecto).Valido);
        Assert.Equal("El archivo «acta.pdf» pesa 10 MB y el límite es 10 MB.", Validar("acta.pdf", Pdf, tamano: Evidencia.LimitePorDefecto + 1).Error);
        Assert.Equal("El archivo «acta.pdf» pesa 12.5 MB y el límite es 10 MB.", Validar("acta.pdf", Pdf, tamano: 13_107_200).Error);
    }

    [Fact]
    public void Evidencia_LimiteConfigurable()
    {
        Assert.Equal("El archivo «acta.pdf» pesa 3 MB y el límite es 2 MB.", Validar("acta.pdf", Pdf, tamano: 3 * 1024 * 1024, limite: 2 * 1024 * 1024).Error);
        Rechazo.Con<ArgumentOutOfRangeException>(() => Validar("acta.pdf", Pdf, limite: 0), "El límite debe ser positivo.");
    }

    [Fact]
    public void Evidencia_DobleExtension_CuentaLaUltima() =>
        Assert.False(Validar("factura.pdf.exe", Pdf).Valido);

    [Fact]
    public void Evidencia_BytesCualesquiera_NuncaLanzanExcepcion()
    {
        var azar = new Random(20240210);
        byte[][] prefijos = [[0x50, 0x4B, 0x03, 0x04], [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], Encoding.ASCII.GetBytes("%PDF-"), []];
        string[] nombres = ["a.docx", "a.xlsx", "a.odt", "a.doc", "a.xls", "a.ppt", "a.pdf"];
        for (var i = 0; i < 3000; i++)
        {
            var largo = azar.Next(0, 2048);
            var bytes = new byte[largo];
            azar.NextBytes(bytes);
            var prefijo = prefijos[i % prefijos.Length];
            prefijo.AsSpan(0, Math.Min(prefijo.Length, largo)).CopyTo(bytes);
            // OLE: plausible sector shift and directory start so the parser goes deep.
            if (i % prefijos.Length == 1 && largo > 0x50) { bytes[0x1E] = 9; bytes[0x1F] = 0; }
            var r = ContenidoEvidencia.Validar(nombres[i % nombres.Length], bytes, Math.Max(largo, 1));
            Assert.NotNull(r.NombreSeguro);
        }
    }

    [Fact]
    public void Evidencia_ZipTruncado_SeRechazaPorDaniado()
    {
        var docx = Archivos.Docx;
        Assert.Equal("El contenido de «informe.docx» no es un documento de Word (DOCX) válido (el archivo está dañado o es de otro tipo).",
            Validar("informe.docx", docx[..(docx.Length - 10)]).Error);
        Assert.False(Validar("informe.docx", docx[..20]).Valido);
        var odt = Odf("application/vnd.oasis.opendocument.text");
        Assert.False(Validar("informe.odt", odt[..(odt.Length / 2)]).Valido);
    }

    [Fact]
    public void Evidencia_OfficeReal_DeOpenXml_SeAcepta()
    {
        var docx = new MemoryStream();
        using (var w = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Create(docx, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            w.AddMainDocumentPart().Document = new DocumentFormat.OpenXml.Wordprocessing.Document(new DocumentFormat.OpenXml.Wordprocessing.Body());
        }
        Acepta("informe.docx", docx.ToArray(), TipoEvidencia.Docx);
        Acepta("cuadro.xlsx", XlsxCrudo.Libro([("Hoja1", w => w.Write("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"))]), TipoEvidencia.Xlsx);
    }

    [Fact]
    public void Evidencia_ElTipoLoDiceContentTypes_NoLaCarpeta()
    {
        var libroEnCarpetaWord = Ooxml("word/document.xml", tipo: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml");
        Assert.Equal("El contenido de «informe.docx» no corresponde a su extensión: es una hoja de Excel (XLSX).", Validar("informe.docx", libroEnCarpetaWord).Error);
        Assert.Equal(TipoEvidencia.Xlsx, ContenidoEvidencia.Detectar(libroEnCarpetaWord));
    }

    [Theory]
    [InlineData("application/xml", null)]
    [InlineData("application/vnd.ms-word.document.macroEnabled.main+xml", null)]
    [InlineData(null, "word/otro.xml")]
    public void Evidencia_DocxSinParteprincipalDeWord_SeRechaza(string? tipo, string? destino)
    {
        var falso = Ooxml("word/document.xml", tipo: tipo, destino: destino);
        Assert.Equal("El contenido de «informe.docx» no es un documento de Word (DOCX) válido (el archivo está dañado o es de otro tipo).",
            Validar("informe.docx", falso).Error);
    }

    [Fact]
    public void Evidencia_OdtConOtroMimetype_SeRechazaDiciendoQueEs()
    {
        Assert.Equal("El contenido de «informe.odt» no corresponde a su extensión: es una hoja de cálculo OpenDocument (ODS).",
            Validar("informe.odt", Odf("application/vnd.oasis.opendocument.spreadsheet")).Error);
        Assert.Equal("El contenido de «informe.odt» no es un documento de texto OpenDocument (ODT) válido (el archivo está dañado o es de otro tipo).",
            Validar("informe.odt", Odf("application/zip")).Error);
    }

    [Fact]
    public void Evidencia_BombaDentroDeUnDocx_SeRechazaNombrandoElLimite()
    {
        var bomba = Ooxml("word/document.xml", extra: [("word/relleno.xml", new string('a', 40 * 1024 * 1024))]);
        Assert.True(bomba.Length < 1024 * 1024);
        Assert.Equal("El archivo «informe.docx» no se aceptó. La parte «word/relleno.xml» del archivo descomprimida supera 30 MB, el máximo por parte; no se leyó nada.",
            Validar("informe.docx", bomba).Error);
        var odt = Zip([("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", new string('a', 20 * 1024 * 1024))], primeraSinComprimir: true);
        Assert.Equal("El archivo «informe.odt» no se aceptó. La parte «content.xml» del archivo se descomprime a más de 100 veces su tamaño: " +
                     "parece un archivo «bomba» de compresión y no se leyó.", Validar("informe.odt", odt).Error);
    }

    [Fact]
    public void Evidencia_CabeceraZipQueMiente_SeRechaza() =>
        Assert.Equal("El archivo «cuadro.xlsx» no se aceptó. La parte «xl/worksheets/sheet1.xml» del archivo declara 1,000 bytes pero al descomprimirla ocupa más: " +
                     "el archivo está manipulado o dañado y no se leyó.", Validar("cuadro.xlsx", XlsxCrudo.CabeceraMentirosa(4 * 1024 * 1024, 1000)).Error);
}
