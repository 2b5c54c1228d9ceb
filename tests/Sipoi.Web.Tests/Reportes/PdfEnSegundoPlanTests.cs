using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Sipoi.Web.Reportes;
using Sipoi.Web.Tests.Infraestructura;
using static Sipoi.Web.Tests.Reportes.AvanceDePrueba;

namespace Sipoi.Web.Tests.Reportes;

/// <summary>
/// The evaluation report's PDF converted in the background (issue 14, item 4): the request answers at once with a
/// progress page (script and meta refresh), the conversion runs with LibreOffice, the file is then downloaded, and a
/// second request for the same report and data is served from the cache at once. LibreOffice is installed by
/// ./sipoi test (libreoffice-writer-nogui), so this runs for real.
/// </summary>
public sealed class PdfEnSegundoPlanTests(AppDePrueba app) : IClassFixture<AppDePrueba>
{
    private const string Base = "/e/EMSAPUNO/reportes/2024/";

    [Fact]
    public async Task InformePdf_PaginaDeProgresoLuegoArchivoYSegundaVezAlInstante()
    {
        Assert.True(ConversorPdf.Disponible, "LibreOffice (soffice) debe estar instalado para esta prueba: ./sipoi test lo instala.");
        await RegistrarAsync(app);
        var http = await app.ComoAsync(AppDePrueba.Consulta);

        // The request does not wait for LibreOffice: it answers with the progress page's address.
        var reloj = Stopwatch.StartNew();
        var r = await http.GetAsync(Base + "informe.pdf?periodo=S1");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var progreso = r.Headers.Location!.OriginalString;
        Assert.StartsWith(Base + "pdf/", progreso, StringComparison.Ordinal);

        // The progress page: a <progress> bar, the stage in words, a meta refresh for browsers without JavaScript, and the script.
        var pagina = Formulario.Leer(await http.GetStringAsync(progreso));
        Assert.NotNull(pagina.QuerySelector("progress#barra-pdf[max='3']"));
        Assert.False(string.IsNullOrWhiteSpace(pagina.GetElementById("estado-pdf")!.TextContent));
        Assert.Equal("3", pagina.QuerySelector("noscript meta[http-equiv='refresh']")?.GetAttribute("content"));
        Assert.NotNull(pagina.QuerySelector("script[src*='progreso-pdf.js']"));
        var estadoUrl = pagina.GetElementById("progreso-pdf")!.GetAttribute("data-estado")!;
        // The same request again joins the same conversion instead of starting another.
        Assert.Equal(progreso, (await http.GetAsync(Base + "informe.pdf?periodo=S1")).Headers.Location!.OriginalString);

        // The state the script polls, until the PDF is ready.
        JsonElement estado;
        var etapas = new List<string>();
        do
        {
            await Task.Delay(500);
            var e = await http.GetAsync(estadoUrl);
            Assert.Equal(HttpStatusCode.OK, e.StatusCode);
            estado = JsonDocument.Parse(await e.Content.ReadAsStringAsync()).RootElement;
            etapas.Add(estado.GetProperty("etapa").GetString()!);
            Assert.False(estado.GetProperty("fallido").GetBoolean(), estado.GetProperty("texto").GetString());
        } while (!estado.GetProperty("listo").GetBoolean() && reloj.Elapsed < TimeSpan.FromMinutes(4));
        Assert.True(estado.GetProperty("listo").GetBoolean(), $"La conversión no terminó en 4 minutos ({string.Join(", ", etapas)}).");
        Assert.Equal("Listo: el PDF está disponible.", estado.GetProperty("texto").GetString());

        // Ready: the page shows the link (no refresh any more) and the link gives the PDF.
        pagina = Formulario.Leer(await http.GetStringAsync(progreso));
        Assert.Null(pagina.QuerySelector("noscript meta[http-equiv='refresh']"));
        Assert.False(pagina.GetElementById("enlace-pdf")!.HasAttribute("hidden"));
        var archivo = await http.GetAsync(pagina.GetElementById("descargar-pdf")!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, archivo.StatusCode);
        Assert.Equal(SolicitudReporte.MimePdf, archivo.Content.Headers.ContentType?.MediaType);
        Assert.Equal("POI-2024-EMSAPUNO-informe-evaluacion-S1.pdf", archivo.Content.Headers.ContentDisposition!.FileNameStar);
        var pdf = await archivo.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF"u8.ToArray(), pdf[..4]);

        // A second request for the same report and data: the cached file, at once.
        reloj.Restart();
        var segunda = await http.GetAsync(Base + "informe.pdf?periodo=S1");
        Assert.Equal(HttpStatusCode.OK, segunda.StatusCode);
        Assert.Equal(pdf, await segunda.Content.ReadAsByteArrayAsync());
        Assert.True(reloj.Elapsed < TimeSpan.FromSeconds(5), $"La segunda descarga tardó {reloj.Elapsed.TotalSeconds:0.0} s.");

        // An unknown conversion answers 404 to the script.
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(estadoUrl.Replace(progreso[(Base.Length + 4)..], "0000", StringComparison.Ordinal))).StatusCode);
    }

    /// <summary>The POI document's PDF (issue 14, item 3) goes through the same queue: progress page, then the file.</summary>
    [Fact]
    public async Task PoiPdf_PorLaMismaColaConPaginaDeProgresoYLuegoElArchivo()
    {
        Assert.True(ConversorPdf.Disponible, "LibreOffice (soffice) debe estar instalado para esta prueba: ./sipoi test lo instala.");
        var http = await app.ComoAsync(AppDePrueba.Consulta);
        var indice = Formulario.Leer(await http.GetStringAsync(Base));
        Assert.NotNull(indice.QuerySelector($"#documento-poi button[formaction='{Base}poi.pdf']"));

        var r = await http.GetAsync(Base + "poi.pdf");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var progreso = r.Headers.Location!.OriginalString;
        Assert.StartsWith(Base + "pdf/", progreso, StringComparison.Ordinal);
        var pagina = Formulario.Leer(await http.GetStringAsync(progreso));
        Assert.Equal("Documento del POI en PDF", pagina.QuerySelector("h1")!.TextContent);
        Assert.NotNull(pagina.QuerySelector("progress#barra-pdf"));
        var estadoUrl = pagina.GetElementById("progreso-pdf")!.GetAttribute("data-estado")!;

        var reloj = Stopwatch.StartNew();
        JsonElement estado;
        do
        {
            await Task.Delay(500);
            estado = JsonDocument.Parse(await http.GetStringAsync(estadoUrl)).RootElement;
            Assert.False(estado.GetProperty("fallido").GetBoolean(), estado.GetProperty("texto").GetString());
        } while (!estado.GetProperty("listo").GetBoolean() && reloj.Elapsed < TimeSpan.FromMinutes(4));
        Assert.True(estado.GetProperty("listo").GetBoolean(), "La conversión del documento del POI no terminó en 4 minutos.");

        pagina = Formulario.Leer(await http.GetStringAsync(progreso));
        var archivo = await http.GetAsync(pagina.GetElementById("descargar-pdf")!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, archivo.StatusCode);
        Assert.Equal(SolicitudReporte.MimePdf, archivo.Content.Headers.ContentType?.MediaType);
        Assert.Equal("POI-2024-EMSAPUNO-poi.pdf", archivo.Content.Headers.ContentDisposition!.FileNameStar);
        var pdf = await archivo.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF"u8.ToArray(), pdf[..4]);
        Muestras.Guardar("web-documento-poi.pdf", new MemoryStream(pdf));
    }
}
