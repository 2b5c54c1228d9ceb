using Sipoi.Domain.Informes;
using Sipoi.Domain.Operativo;
using Sipoi.Domain.Periodos;

namespace Sipoi.Domain.Tests.Informes;

/// <summary>The official document's rules (issue 14, item 4): what may carry one, what it needs, and superseding without loss.</summary>
public class DocumentoOficialTests
{
    private static readonly DateTimeOffset Ahora = new(2024, 7, 20, 10, 0, 0, TimeSpan.FromHours(-5));
    private static readonly byte[] Bytes = [0x25, 0x50, 0x44, 0x46];

    private static EvaluacionPoi Publicada()
    {
        var e = new EvaluacionPoi(1, 2024, Periodo.Semestre(1));
        e.Publicar("Informe N.º 010-2024-OPP", "opp@x.pe", Ahora, 95m, null, [new ArchivoPublicado(1, "informe.docx", "application/x", [1])]);
        return e;
    }

    private static DocumentoOficial Pdf(EvaluacionPoi e, DateTimeOffset cuando, string numero = "RGG N.º 045-2024-GG") =>
        DocumentoOficial.DeEvaluacion(e, FormatoDocumentoOficial.Pdf, "informe.pdf", Bytes, "ab", numero, "opp@x.pe", cuando, []);

    [Fact]
    public void EvaluacionSinPublicar_NoAdmiteDocumentoOficial()
    {
        var e = new EvaluacionPoi(1, 2024, Periodo.Semestre(1));
        Rechazo.Con(() => Pdf(e, Ahora), "La evaluación I Semestre 2024 aún no está publicada: publíquela antes de subir su documento oficial firmado.");
    }

    [Fact]
    public void VersionDelPoiEnBorrador_NoAdmiteDocumentoOficial()
    {
        var v = new Poi(1, 2024, 1).AgregarVersion(TipoVersionPoi.Anual, "Versión 1");
        Rechazo.Con(() => DocumentoOficial.DePoi(v, 2024, FormatoDocumentoOficial.Docx, "poi.docx", Bytes, "ab", "RGG 1", "u", Ahora, []),
            "La versión Versión 1 del POI 2024 no está aprobada");
    }

    [Fact]
    public void SinNumeroDeResolucion_SeRechaza()
    {
        Rechazo.Con(() => Pdf(Publicada(), Ahora, " "), "Indique el número de la resolución o documento que aprueba el documento oficial.");
    }

    [Fact]
    public void MasDe20MB_SeRechaza()
    {
        var grande = new byte[DocumentoOficial.TamanoMaximo + 1];
        Rechazo.Con(() => DocumentoOficial.DeEvaluacion(Publicada(), FormatoDocumentoOficial.Pdf, "informe.pdf", grande, "ab", "R 1", "u", Ahora, []),
            "supera 20 MB, el máximo para un documento oficial");
    }

    [Fact]
    public void Reemplazar_MarcaElVigenteDelMismoFormatoYNoTocaElOtroNiLaPublicacion()
    {
        var e = Publicada();
        var primero = Pdf(e, Ahora);
        var word = DocumentoOficial.DeEvaluacion(e, FormatoDocumentoOficial.Docx, "informe.docx", Bytes, "cd", "R 1", "opp@x.pe", Ahora, []);
        var segundo = Pdf(e, Ahora.AddDays(3), "RGG N.º 050-2024-GG");

        DocumentoOficial.Reemplazar([primero, word], segundo);

        Assert.Equal(Ahora.AddDays(3), primero.ReemplazadoEn);
        Assert.Equal("opp@x.pe", primero.ReemplazadoPor);
        Assert.True(word.Vigente);
        Assert.True(segundo.Vigente);
        Assert.Equal(1, segundo.PublicacionEvaluacion);
        Assert.Equal(95m, e.Igi);
    }

    [Fact]
    public void ResumenFirmas_EnPalabras()
    {
        Assert.Equal("Sin firma digital", Pdf(Publicada(), Ahora).ResumenFirmas);
        Assert.Equal("Firmado; modificado después de firmar", FirmaDocumento.Resumen([EstadoFirma.ModificadoDespues]));
        Assert.Equal("Firmado digitalmente; 2 firmas válidas", FirmaDocumento.Resumen([EstadoFirma.ModificadoDespues, EstadoFirma.Valida]));
        Assert.Equal("Firma no válida: el documento fue alterado después de firmarse",
            FirmaDocumento.Resumen([EstadoFirma.Valida, EstadoFirma.IntegridadFallida]));
    }
}
