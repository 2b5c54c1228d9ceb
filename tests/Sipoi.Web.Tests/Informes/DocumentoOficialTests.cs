using System.Net;
using System.Net.Http.Headers;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Sipoi.Domain.Informes;
using Sipoi.Domain.Seguimiento;
using Sipoi.Web.Tests.Infraestructura;
using static Sipoi.Web.Tests.Reportes.AvanceDePrueba;

namespace Sipoi.Web.Tests.Informes;

/// <summary>
/// The signed official document (issue 14, item 4) through the pages: upload for a published evaluation and for the
/// approved POI, content check, signatures verified and shown on the public page, supersede keeps the old one, audit.
/// </summary>
public sealed class DocumentoOficialTests(AppDePrueba app) : IClassFixture<AppDePrueba>
{
    private const string Raiz = "/e/EMSAPUNO/evaluaciones";
    private static readonly DateTimeOffset Firmado = new(2024, 7, 20, 9, 15, 0, TimeSpan.FromHours(-5));

    private static async Task<HttpResponseMessage> SubirAsync(HttpClient http, string pagina, string nombre, byte[] bytes, string numero)
    {
        var form = await Formulario.LeerAsync(http, pagina, "subir-documento");
        form.Campos["NumeroDocumento"] = numero;
        using var contenido = new MultipartFormDataContent();
        foreach (var (k, v) in form.Campos) contenido.Add(new StringContent(v), k);
        var parte = new ByteArrayContent(bytes);
        parte.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        contenido.Add(parte, "Archivo", nombre);
        return await http.PostAsync(form.Elemento.GetAttribute("action"), contenido);
    }

    private async Task<HttpClient> PublicadaAsync(string periodo)
    {
        await RegistrarAsync(app);
        var http = await app.ComoAsync(AppDePrueba.Planificador);
        var registro = await Formulario.LeerAsync(http, Raiz, "registrar");
        registro.Campos["anio"] = "2024";
        registro.Campos["periodo"] = periodo;
        Assert.Equal(HttpStatusCode.Redirect, (await registro.EnviarAsync(http)).StatusCode);
        var publicar = await Formulario.LeerAsync(http, $"{Raiz}/2024/{periodo}", "publicar");
        publicar.Campos["Documento"] = "Informe N.º 010-2024-OPP";
        if (publicar.Campos.ContainsKey("MotivoIncompleta"))
        {
            publicar.Campos["ConfirmarIncompleta"] = "true";
            publicar.Campos["MotivoIncompleta"] = "Prueba";
        }
        Assert.Equal(HttpStatusCode.Redirect, (await publicar.EnviarYConfirmarAsync(http, "confirmar-publicar")).StatusCode);
        return http;
    }

    private static byte[] Docx(string texto)
    {
        using var m = new MemoryStream();
        using (var w = WordprocessingDocument.Create(m, WordprocessingDocumentType.Document))
        {
            w.AddMainDocumentPart().Document = new Document(new Body(new Paragraph(new Run(new Text(texto)))));
        }
        return m.ToArray();
    }

    [Fact]
    public async Task Evaluacion_RechazaNoPdfAceptaFirmadoReemplazaSinPerderYLoMuestraEnPublico()
    {
        var http = await PublicadaAsync("T1");
        var pagina = "/e/EMSAPUNO/documentos-oficiales/2024/T1";
        decimal? igi;
        int archivos;
        await using (var db = app.Base.Contexto())
        {
            var ev = await db.Evaluaciones.SingleAsync(e => e.Anio == 2024 && e.PeriodoCodigo == "T1");
            (igi, archivos) = (ev.Igi, await db.ArchivosPublicados.CountAsync(a => a.EvaluacionId == ev.Id));
        }

        // A file named .pdf that is not a PDF, and a workbook: refused by content and by kind, in Spanish, nothing stored.
        await Rechazo.EnRespuestaAsync(await SubirAsync(http, pagina, "informe.pdf", "no soy un PDF"u8.ToArray(), "RGG N.º 045-2024-GG"),
            HttpStatusCode.OK, "El contenido de «informe.pdf» no es un PDF válido");
        await Rechazo.EnRespuestaAsync(await SubirAsync(http, pagina, "cuadro.xlsx", Docx("x"), "RGG N.º 045-2024-GG"),
            HttpStatusCode.OK, "El documento oficial debe ser un PDF o un Word (.docx): «cuadro.xlsx» no se aceptó.");
        await Rechazo.EnRespuestaAsync(await SubirAsync(http, pagina, "informe.pdf", PdfFirmado.SinFirma(), ""),
            HttpStatusCode.OK, "Indique el número de la resolución o documento que aprueba el documento oficial.");
        await using (var db = app.Base.Contexto()) Assert.Equal(0, await db.DocumentosOficiales.CountAsync(d => d.EvaluacionId != null));

        // An unsigned PDF is accepted ("sin firma digital"); then the signed one replaces it.
        var r = await SubirAsync(http, pagina, "informe-t1.pdf", PdfFirmado.SinFirma("Informe T1 sin firmar"), "Informe N.º 010-2024-OPP");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        using var certificado = PdfFirmado.Certificado("PEREZ QUISPE Maria", "EMSAPUNO S.A.");
        var firmado = PdfFirmado.Firmar(PdfFirmado.SinFirma("Informe T1 firmado"), certificado, Firmado);
        r = await SubirAsync(http, pagina, "informe-t1-firmado.pdf", firmado, "Resolución N.º 045-2024-GG");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);

        await using (var db = app.Base.Contexto())
        {
            var docs = await db.DocumentosOficiales.Include(d => d.Firmas).Where(d => d.EvaluacionId != null).OrderBy(d => d.Id).ToListAsync();
            Assert.Equal(2, docs.Count);
            Assert.NotNull(docs[0].ReemplazadoEn);
            Assert.Equal(AppDePrueba.Planificador, docs[0].ReemplazadoPor);
            Assert.Empty(docs[0].Firmas);
            Assert.Null(docs[1].ReemplazadoEn);
            Assert.Equal(firmado, docs[1].Contenido);
            var f = Assert.Single(docs[1].Firmas);
            Assert.Equal((EstadoFirma.Valida, "PEREZ QUISPE Maria", Firmado), (f.Estado, f.Firmante, f.FechaFirma));
            // Published data is untouched: the IGI and the frozen files.
            var ev = await db.Evaluaciones.SingleAsync(e => e.Anio == 2024 && e.PeriodoCodigo == "T1");
            Assert.Equal(igi, ev.Igi);
            Assert.Equal(archivos, await db.ArchivosPublicados.CountAsync(a => a.EvaluacionId == ev.Id));
            // Audited: the upload (who, the resolution) and the superseding of the first one.
            Assert.True(await db.Auditoria.AnyAsync(a => a.Tabla == "documento_oficial" && a.Accion == AccionAuditada.Alta
                && a.Usuario == AppDePrueba.Planificador && a.ValorNuevo!.Contains("Resolución N.º 045-2024-GG")));
            Assert.True(await db.Auditoria.AnyAsync(a => a.Tabla == "documento_oficial" && a.Campo == "reemplazado_en"
                && a.Clave.StartsWith(docs[0].Id.ToString(System.Globalization.CultureInfo.InvariantCulture))));
            Assert.True(await db.Auditoria.AnyAsync(a => a.Tabla == "firma_documento" && a.ValorNuevo!.Contains("PEREZ QUISPE Maria")));
        }

        // The public page: the signed document with its signer, date and status in words; the superseded one listed; the draft labelled.
        var publica = Formulario.Leer(await (await app.ClienteAnonimo().GetAsync("/transparencia/EMSAPUNO")).Content.ReadAsStringAsync());
        var oficial = publica.GetElementById("evaluacion-2024-T1-oficial")!;
        var vigente = oficial.QuerySelector("li.vigente")!;
        Assert.Contains("Documento oficial firmado (PDF)", vigente.TextContent);
        Assert.Contains("Resolución N.º 045-2024-GG", vigente.TextContent);
        Assert.Contains("Firmado digitalmente; firma válida", vigente.QuerySelector(".resumen-firmas")!.TextContent);
        Assert.Equal("PEREZ QUISPE Maria — EMSAPUNO S.A.", vigente.QuerySelector("td.firmante")!.TextContent);
        Assert.Equal("Firma válida: el documento no cambió desde que se firmó", vigente.QuerySelector("td.estado-firma")!.TextContent);
        Assert.Contains("20/07/2024 09:15", vigente.TextContent);
        Assert.StartsWith("Cadena no verificada", vigente.QuerySelector("td.cadena")!.TextContent, StringComparison.Ordinal);
        var anterior = oficial.QuerySelector("li.reemplazado")!;
        Assert.Contains("Reemplazado el", anterior.TextContent);
        Assert.Contains("Sin firma digital", anterior.TextContent);
        var seccion = publica.GetElementById("evaluacion-2024-T1")!;
        Assert.Contains("Borrador generado por SIPOI", seccion.QuerySelector("a[href*='nombre=informe.docx']")!.ParentElement!.TextContent);

        // Both documents download as uploaded, with no log-in.
        var descarga = await app.ClienteAnonimo().GetAsync(vigente.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, descarga.StatusCode);
        Assert.Equal(firmado, await descarga.Content.ReadAsByteArrayAsync());
        Assert.Equal("POI-2024-EMSAPUNO-evaluacion-T1-oficial-informe-t1-firmado.pdf", descarga.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.Equal(HttpStatusCode.OK, (await app.ClienteAnonimo().GetAsync(anterior.QuerySelector("a")!.GetAttribute("href"))).StatusCode);
    }

    [Fact]
    public async Task EvaluacionSinPublicar_NoAdmiteDocumentoOficial()
    {
        await RegistrarAsync(app);
        var http = await app.ComoAsync(AppDePrueba.Planificador);
        var registro = await Formulario.LeerAsync(http, Raiz, "registrar");
        registro.Campos["anio"] = "2024";
        registro.Campos["periodo"] = "T3";
        Assert.Equal(HttpStatusCode.Redirect, (await registro.EnviarAsync(http)).StatusCode);

        var pagina = Formulario.Leer(await (await http.GetAsync("/e/EMSAPUNO/documentos-oficiales/2024/T3")).Content.ReadAsStringAsync());

        Assert.Null(pagina.GetElementById("subir-documento"));
        Assert.Equal("La evaluación III Trimestre 2024 aún no está publicada: publíquela antes de subir su documento oficial firmado.",
            pagina.GetElementById("no-admite")!.TextContent);
    }

    [Fact]
    public async Task PoiAprobado_WordOficialEnLaPaginaPublicaYConsultaNoSube()
    {
        await RegistrarAsync(app);
        var http = await app.ComoAsync(AppDePrueba.Planificador);
        const string pagina = "/e/EMSAPUNO/documentos-oficiales/2024/poi";

        var r = await SubirAsync(http, pagina, "POI 2024 aprobado.docx", Docx("Plan Operativo Institucional 2024"), "RGG N.º 114-2023-EMSAPUNO/GG");

        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var publica = Formulario.Leer(await (await app.ClienteAnonimo().GetAsync("/transparencia/EMSAPUNO")).Content.ReadAsStringAsync());
        var fila = publica.GetElementById("poi-2024-documentos")!;
        Assert.Contains("Documento oficial editable (Word)", fila.TextContent);
        Assert.Contains("RGG N.º 114-2023-EMSAPUNO/GG", fila.TextContent);
        Assert.Contains("las firmas se verifican en el PDF", fila.TextContent);
        var consulta = await app.ComoAsync(AppDePrueba.Consulta);
        var vista = Formulario.Leer(await (await consulta.GetAsync(pagina)).Content.ReadAsStringAsync());
        Assert.Null(vista.GetElementById("subir-documento"));
        Assert.NotNull(vista.QuerySelector("li.documento-oficial.vigente"));
    }
}
