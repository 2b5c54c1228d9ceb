using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Seguridad;
using Sipoi.Web.Tests.Infraestructura;

namespace Sipoi.Web.Tests.Api;

/// <summary>Evidence through /api/v1: the same rules as the grid's upload (type by content, all or nothing, editable month, own centre).</summary>
public sealed class ApiEvidenciaTests(AppDePrueba app) : IClassFixture<AppDePrueba>
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
    private const string Url = "/api/v1/e/EMSAPUNO/seguimiento/2024/3/01.02/evidencia";

    private async Task<HttpClient> ConTokenAsync(string correo)
    {
        await using var db = app.Base.Contexto();
        var usuario = await db.Users.SingleAsync(u => u.UserName == correo);
        var (token, secreto) = TokenApi.Crear(usuario, "prueba-evidencia", DateTimeOffset.UtcNow);
        db.TokensApi.Add(token);
        await db.SaveChangesAsync();
        var http = app.ClienteAnonimo();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secreto);
        return http;
    }

    private static MultipartFormDataContent Archivos(params (string Nombre, byte[] Contenido)[] archivos)
    {
        var m = new MultipartFormDataContent();
        foreach (var (nombre, contenido) in archivos) m.Add(new ByteArrayContent(contenido), "archivos", nombre);
        return m;
    }

    private async Task<int> ContarAsync()
    {
        await using var db = app.Base.Contexto();
        return await db.Evidencias.CountAsync();
    }

    [Fact]
    public async Task Adjuntar_DescargarYQuitar_ConLasReglasDeLaGrilla()
    {
        app.Reloj.Fijar(2024, 4, 5);
        var api = await ConTokenAsync(AppDePrueba.Operador);

        // One bad file refuses the whole upload.
        var antes = await ContarAsync();
        var r = await api.PostAsync(Url + "?actividad=FP34-09", Archivos(("acta.pdf", Pdf), ("virus.pdf", Encoding.ASCII.GetBytes("MZ not a pdf"))));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, r.StatusCode);
        Assert.Contains("No se adjuntó ningún archivo", JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement.GetProperty("mensaje").GetString());
        Assert.Equal(antes, await ContarAsync());
        await Rechazo.EnRespuestaAsync(await api.PostAsync(Url + "?actividad=FP08-01", Archivos(("acta.pdf", Pdf))), HttpStatusCode.UnprocessableEntity,
            "La actividad «FP08-01» no es del centro de costo 01.02.");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await api.PostAsync(Url + "?actividad=FP34-09", new StringContent("{}", Encoding.UTF8, "application/json"))).StatusCode);

        r = await api.PostAsync(Url + "?actividad=FP34-09", Archivos(("acta de marzo.pdf", Pdf)));
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        var evidencia = JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement.GetProperty("evidencias")[0];
        Assert.Equal("application/pdf", evidencia.GetProperty("tipo").GetString());
        var id = evidencia.GetProperty("id").GetInt64();
        var descarga = await api.GetAsync($"{Url}/{id}");
        Assert.Equal(HttpStatusCode.OK, descarga.StatusCode);
        Assert.Equal(Pdf, await descarga.Content.ReadAsByteArrayAsync());
        // The month's GET lists it under its activity, as the grid does.
        Assert.Contains("acta de marzo.pdf", await api.GetStringAsync("/api/v1/e/EMSAPUNO/seguimiento/2024/3/01.02"));

        // A Consulta token reads but neither attaches nor removes.
        var consulta = await ConTokenAsync(AppDePrueba.Consulta);
        Assert.Equal(HttpStatusCode.Forbidden, (await consulta.PostAsync(Url + "?actividad=FP34-09", Archivos(("x.pdf", Pdf)))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await consulta.DeleteAsync($"{Url}/{id}")).StatusCode);

        // After the deadline the month is closed: nothing is removed.
        app.Reloj.Fijar(2024, 4, 20);
        await Rechazo.EnRespuestaAsync(await api.DeleteAsync($"{Url}/{id}"), HttpStatusCode.UnprocessableEntity, "El plazo para registrar marzo de 2024 venció");
        Assert.Equal(antes + 1, await ContarAsync());
        app.Reloj.Fijar(2024, 4, 5);
        Assert.Equal(HttpStatusCode.OK, (await api.DeleteAsync($"{Url}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.DeleteAsync($"{Url}/{id}")).StatusCode);
        Assert.Equal(antes, await ContarAsync());
    }
}
