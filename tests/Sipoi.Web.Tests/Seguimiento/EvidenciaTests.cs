using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Tests.Infraestructura;

namespace Sipoi.Web.Tests.Seguimiento;

/// <summary>Evidence files on the grid: checked by content, several per activity and month, downloadable by whoever sees the centre.</summary>
public sealed class EvidenciaTests(AppDePrueba app) : IClassFixture<AppDePrueba>
{
    private const string Centro = "02.04";
    private const string Correo = "evidencia@prueba.demo";
    private static string Url(int mes = 1) => $"/e/EMSAPUNO/seguimiento/2024/{mes}?centro={Centro}";

    public static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0];

    /// <summary>
    /// Attaches as a user does: the row's «Adjuntar…» on the grid (which saves the grid's values first; the full list when the
    /// row is hidden by default), then the evidence page's upload form with the given files.
    /// </summary>
    public static async Task<HttpResponseMessage> SubirAsync(HttpClient http, string urlGrilla, string codigo, params (string Nombre, byte[] Contenido)[] archivos)
    {
        var grilla = await Formulario.LeerAsync(http, urlGrilla, "grilla");
        if (grilla.Pagina.GetElementById("adjuntar-" + codigo) is null) grilla = await Formulario.LeerAsync(http, urlGrilla + "&todas=true", "grilla");
        var boton = grilla.Pagina.GetElementById("adjuntar-" + codigo) ?? throw new InvalidOperationException($"La grilla no ofrece adjuntar a {codigo}.");
        var campos = new Dictionary<string, string>(grilla.Campos) { [boton.GetAttribute("name")!] = boton.GetAttribute("value")! };
        var guardado = await http.PostAsync(boton.GetAttribute("formaction"), new FormUrlEncodedContent(campos));
        Assert.Equal(HttpStatusCode.Redirect, guardado.StatusCode);
        var form = await Formulario.LeerAsync(http, guardado.Headers.Location!.OriginalString, "subir");
        using var contenido = new MultipartFormDataContent();
        foreach (var (k, v) in form.Campos) contenido.Add(new StringContent(v), k);
        foreach (var (nombre, bytes) in archivos)
        {
            var parte = new ByteArrayContent(bytes);
            parte.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            contenido.Add(parte, "Archivos", nombre);
        }
        return await http.PostAsync(form.Elemento.GetAttribute("action"), contenido);
    }

    /// <summary>The evidence page of one activity of the month (where a refused upload or a removal comes back).</summary>
    private static string Pagina(string codigo, int mes = 1) => $"/e/EMSAPUNO/seguimiento/2024/{mes}/evidencia?centro={Centro}&actividad={codigo}";

    private async Task<List<string>> NombresAsync(string codigo)
    {
        await using var db = app.Base.Contexto();
        return await db.Evidencias.Where(e => e.Mes == 1 && db.Actividades.Any(a => a.Id == e.ActividadId && a.Codigo == codigo))
            .OrderBy(e => e.Id).Select(e => e.Nombre).ToListAsync();
    }

    private static async Task<string> AvisoAsync(HttpClient http, string url, string id)
    {
        var doc = Formulario.Leer(await (await http.GetAsync(url)).Content.ReadAsStringAsync());
        return doc.GetElementById(id)?.TextContent ?? "";
    }

    [Fact]
    public async Task Subir_VariosArchivos_SeListanYSeDescarganComoAdjuntoConSuTipo()
    {
        app.Reloj.Fijar(2024, 2, 5);
        var http = await app.OperadorDeAsync(Correo, Centro);
        var r = await SubirAsync(http, Url(), "FP07-01", ("Acta de reunión.pdf", Pdf), ("foto.PNG", Png));
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Contains("Se adjuntaron 2 archivos a la actividad FP07-01.", await AvisoAsync(http, Url(), "aviso"));
        // The same name again is kept apart, not overwritten.
        Assert.Equal(HttpStatusCode.Redirect, (await SubirAsync(http, Url(), "FP07-01", ("Acta de reunión.pdf", Pdf))).StatusCode);
        Assert.Equal(["Acta de reunión.pdf", "foto.png", "Acta de reunión (2).pdf"], await NombresAsync("FP07-01"));

        var doc = Formulario.Leer(await (await http.GetAsync(Url())).Content.ReadAsStringAsync());
        var enlace = doc.GetElementById("fila-FP07-01")!.QuerySelectorAll(".archivos a").First(a => a.TextContent == "Acta de reunión.pdf");
        var descarga = await http.GetAsync(enlace.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, descarga.StatusCode);
        Assert.Equal("application/pdf", descarga.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", descarga.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("Acta de reunión.pdf", descarga.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal("nosniff", descarga.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(Pdf, await descarga.Content.ReadAsByteArrayAsync());

        // Whoever sees the centre downloads it; an operator of another centre does not.
        Assert.Equal(HttpStatusCode.OK, (await (await app.ComoAsync(AppDePrueba.Consulta)).GetAsync(enlace.GetAttribute("href"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ComoAsync(AppDePrueba.Operador)).GetAsync(enlace.GetAttribute("href"))).StatusCode);
        // The id under another entity's or month's address is not found.
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(enlace.GetAttribute("href")!.Replace("/2024/1/", "/2024/2/", StringComparison.Ordinal))).StatusCode);
    }

    [Fact]
    public async Task Subir_ElTipoSeJuzgaPorElContenido_YUnRechazoNoAdjuntaNinguno()
    {
        app.Reloj.Fijar(2024, 2, 5);
        var http = await app.OperadorDeAsync(Correo, Centro);
        var r = await SubirAsync(http, Url(), "FP07-04", ("informe.pdf", Pdf), ("foto.pdf", Png), ("virus.exe", Pdf));
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var error = await AvisoAsync(http, Pagina("FP07-04"), "error-evidencia");
        Assert.Contains("No se adjuntó ningún archivo.", error);
        Assert.Contains("El contenido de «foto.pdf» no corresponde a su extensión: es una imagen PNG.", error);
        Assert.Contains("El tipo de archivo «.exe» no se acepta como evidencia", error);
        Assert.Empty(await NombresAsync("FP07-04"));
    }

    [Fact]
    public async Task Subir_OfficePorDentro_BombaYTipoCambiado_SeRechazan_YUnLibroRealSeAdjunta()
    {
        app.Reloj.Fijar(2024, 2, 5);
        var http = await app.OperadorDeAsync(Correo, Centro);
        var libro = XlsxCrudo.Libro([("Hoja1", w => w.Write("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"))]);
        var bomba = XlsxCrudo.BombaDeCeldas(5_000_000);
        var r = await SubirAsync(http, Url(), "FP07-05", ("cuadro.xlsx", bomba), ("informe.docx", libro), ("bueno.xlsx", libro));
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var error = await AvisoAsync(http, Pagina("FP07-05"), "error-evidencia");
        Assert.Contains("No se adjuntó ningún archivo.", error);
        Assert.Contains("El archivo «cuadro.xlsx» no se aceptó. La parte «xl/worksheets/sheet1.xml» del archivo descomprimida supera 30 MB", error);
        Assert.Contains("El contenido de «informe.docx» no corresponde a su extensión: es una hoja de Excel (XLSX).", error);
        Assert.Empty(await NombresAsync("FP07-05"));

        Assert.Equal(HttpStatusCode.Redirect, (await SubirAsync(http, Url(), "FP07-05", ("bueno.xlsx", libro))).StatusCode);
        Assert.Equal(["bueno.xlsx"], await NombresAsync("FP07-05"));
    }

    [Fact]
    public async Task Subir_MasDelLimite_SeRechazaConElTamano()
    {
        app.Reloj.Fijar(2024, 2, 5);
        var http = await app.OperadorDeAsync(Correo, Centro);
        var grande = new byte[11 * 1024 * 1024];
        Pdf.CopyTo(grande, 0);
        Assert.Equal(HttpStatusCode.Redirect, (await SubirAsync(http, Url(), "FP07-04", ("grande.pdf", grande))).StatusCode);
        Assert.Contains("El archivo «grande.pdf» pesa 11 MB y el límite es 10 MB.", await AvisoAsync(http, Pagina("FP07-04"), "error-evidencia"));
        Assert.Empty(await NombresAsync("FP07-04"));
    }

    [Fact]
    public async Task Quitar_SoloMientrasElMesEsEditable_YSoloSuOperador()
    {
        app.Reloj.Fijar(2024, 2, 5);
        var http = await app.OperadorDeAsync(Correo, Centro);
        Assert.Equal(HttpStatusCode.Redirect, (await SubirAsync(http, Url(2), "FP07-01", ("quitar.pdf", Pdf))).StatusCode);
        long id;
        await using (var db = app.Base.Contexto()) id = await db.Evidencias.Where(e => e.Nombre == "quitar.pdf").Select(e => e.Id).SingleAsync();

        var form = Formulario.De(Formulario.Leer(await (await http.GetAsync(Pagina("FP07-01", 2))).Content.ReadAsStringAsync()), "borrar-evidencia");
        form.Campos["Id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // Another user may not remove it (the planning office reviews, it does not edit), even with a valid token of its own.
        var opp = await app.ComoAsync(AppDePrueba.Planificador);
        var suyo = await Formulario.LeerAsync(opp, Url(2), "reabrir");
        var ajeno = new Dictionary<string, string>(form.Campos) { ["__RequestVerificationToken"] = suyo.Campos["__RequestVerificationToken"] };
        Assert.Equal(HttpStatusCode.Forbidden, (await opp.PostAsync(form.Elemento.GetAttribute("action"), new FormUrlEncodedContent(ajeno))).StatusCode);
        // After the deadline of February (10/03) the month is closed: the file stays.
        app.Reloj.Fijar(2024, 3, 11);
        Assert.Equal(HttpStatusCode.Redirect, (await form.EnviarAsync(http)).StatusCode);
        Assert.Contains("El plazo para registrar febrero de 2024 venció el 10/03/2024.", await AvisoAsync(http, Pagina("FP07-01", 2), "error-evidencia"));
        await using (var db = app.Base.Contexto()) Assert.True(await db.Evidencias.AnyAsync(e => e.Id == id));
        app.Reloj.Fijar(2024, 3, 1);
        // «Quitar» cannot be undone: the first post removes nothing and says which file of which activity and month goes.
        var r = await form.EnviarAsync(http);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var pagina = Formulario.Leer(await r.Content.ReadAsStringAsync());
        var resumen = string.Join(' ', (pagina.GetElementById("confirmar-quitar")?.TextContent ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Confirme que quiere quitar la evidencia. No se puede deshacer.", resumen);
        Assert.Contains("Se quitará el archivo «quitar.pdf»", resumen);
        Assert.Contains("de la actividad FP07-01", resumen);
        Assert.Contains($"febrero de 2024, centro de costo {Centro}.", resumen);
        Assert.Contains("La actividad quedará sin evidencias en febrero de 2024.", resumen);
        await using (var db = app.Base.Contexto()) Assert.True(await db.Evidencias.AnyAsync(e => e.Id == id));
        var confirmar = Formulario.De(pagina, "confirmar-quitar-evidencia");
        Assert.Equal("true", confirmar.Campos["Confirmar"]);
        Assert.Equal(HttpStatusCode.Redirect, (await confirmar.EnviarAsync(http)).StatusCode);
        await using (var db = app.Base.Contexto()) Assert.False(await db.Evidencias.AnyAsync(e => e.Id == id));
        // The removal is in the audit log (without the file's bytes).
        await using (var db = app.Base.Contexto())
        {
            var baja = await db.Auditoria.SingleAsync(a => a.Tabla == "evidencia" && a.Accion == Sipoi.Domain.Seguimiento.AccionAuditada.Baja);
            Assert.Contains("quitar.pdf", baja.ValorAnterior);
            Assert.DoesNotContain("contenido", baja.ValorAnterior);
        }
    }
}
