using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Arranque;
using Sipoi.Web.Seguridad;
using Sipoi.Web.Tests.Infraestructura;
using Sipoi.Web.Tests.Planes;

namespace Sipoi.Web.Tests.Seguridad;

/// <summary>
/// Bounded requests (Arranque/LimitesEntrada.cs): NUL and control characters in the address, query, form fields and
/// API JSON get a Spanish 400 naming the field; over-long filters 400; bodies over 1 MB 413, except on the upload
/// pages, which declare their own limit. Never a 500, and nothing is written.
/// </summary>
public sealed class LimitesEntradaTests(AppDePrueba app) : IClassFixture<AppDePrueba>
{
    private static async Task<string> TextoAsync(HttpResponseMessage r) =>
        Formulario.Leer(await r.Content.ReadAsStringAsync()).Body!.TextContent;

    private static async Task<string> MensajeJsonAsync(HttpResponseMessage r)
    {
        Assert.Equal("application/json", r.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement.GetProperty("mensaje").GetString()!;
    }

    private async Task<HttpClient> ConTokenAsync(string correo)
    {
        await using var db = app.Base.Contexto();
        var usuario = await db.Users.SingleAsync(u => u.UserName == correo);
        var (token, secreto) = TokenApi.Crear(usuario, "límites", DateTimeOffset.UtcNow);
        db.TokensApi.Add(token);
        await db.SaveChangesAsync();
        var http = app.ClienteAnonimo();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secreto);
        return http;
    }

    [Theory]
    [InlineData("/e/EMSAPUNO/auditoria?usuario=%00", "usuario")]
    [InlineData("/e/EMSAPUNO/auditoria?texto=a%00b", "texto")]
    [InlineData("/e/EMSAPUNO/auditoria?tabla=%00", "tabla")]
    [InlineData("/e/EMSAPUNO/auditoria?handler=Csv&texto=%00", "texto")]
    [InlineData("/e/EMSAPUNO/seguimiento/2024/1?centro=%00", "centro")]
    [InlineData("/e/EMSAPUNO/pei?codigo=OEI%0D%0A01", "codigo")]
    [InlineData("/e/EMSAPUNO/tablero/2024?periodo=S1%07", "periodo")]
    public async Task NulOControlEnUnFiltro_400QueNombraElParametro(string url, string parametro)
    {
        // These were 500s: PostgreSQL refuses NUL in text ("invalid byte sequence for encoding UTF8: 0x00").
        var http = await app.ComoAsync(AppDePrueba.Administrador);
        var r = await http.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        var texto = await TextoAsync(r);
        Assert.Contains($"El parámetro «{parametro}» contiene un carácter de control", texto);
        Assert.Contains("Solicitud no válida", texto);
    }

    [Fact]
    public async Task NulEnElFiltro_MensajeCompleto()
    {
        var http = await app.ComoAsync(AppDePrueba.Planificador);
        var texto = await TextoAsync(await http.GetAsync("/e/EMSAPUNO/auditoria?usuario=%00"));
        Assert.Contains("El parámetro «usuario» contiene un carácter de control (un byte nulo, U+0000); quítelo e intente de nuevo.", texto);
    }

    [Fact]
    public async Task FiltroLargo_400ConSuLargoYElMaximo()
    {
        var http = await app.ComoAsync(AppDePrueba.Planificador);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/e/EMSAPUNO/auditoria?texto=" + new string('a', LimitesEntrada.LargoConsulta))).StatusCode);

        var r = await http.GetAsync("/e/EMSAPUNO/auditoria?texto=" + new string('a', LimitesEntrada.LargoConsulta + 1));
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Contains("El parámetro «texto» es demasiado largo: 201 caracteres; el máximo es 200.", await TextoAsync(r));

        // 100 KB, as the report that found it: refused the same way, never a 500.
        var enorme = await http.GetAsync("/e/EMSAPUNO/auditoria?usuario=" + new string('x', 100_000));
        Assert.Equal(HttpStatusCode.BadRequest, enorme.StatusCode);
        Assert.Contains("El parámetro «usuario» es demasiado largo: 100,000 caracteres; el máximo es 200.", await TextoAsync(enorme));
    }

    [Fact]
    public async Task ListaDeEntidadesDelConsolidado_AdmiteMasDe200Caracteres()
    {
        // The page declares its own bound ([ParametroLargo]): a long list of entity codes is a legitimate filter.
        var nacional = "nacional-limites@sipoi.demo";
        await app.CrearUsuarioAsync(nacional, Roles.Consulta, nacional: true);
        var http = await app.ComoAsync(nacional);
        var codigos = string.Join(",", Enumerable.Range(1, 40).Select(i => $"ENTIDAD{i:000}")) + ",EMSAPUNO";
        Assert.True(codigos.Length > LimitesEntrada.LargoConsulta);
        var r = await http.GetAsync("/consolidado/2024?entidades=" + Uri.EscapeDataString(codigos));
        Assert.NotEqual(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.NotEqual(HttpStatusCode.InternalServerError, r.StatusCode);
        // Its control characters are still refused.
        await Rechazo.EnRespuestaAsync(await http.GetAsync("/consolidado/2024?entidades=EMSAPUNO%00"), HttpStatusCode.BadRequest,
            "El parámetro «entidades» contiene un carácter de control");
    }

    [Fact]
    public async Task NulEnLaRuta_400QueNombraElValor()
    {
        // HttpClient refuses to send a NUL in a path, a raw client does not: the request goes straight to the test server.
        var c = await app.Server.SendAsync(x =>
        {
            x.Request.Method = "GET";
            x.Request.Path = "/transparencia/EMSA\0PUNO";
        });
        Assert.Equal(400, c.Response.StatusCode);
        var html = await new StreamReader(c.Response.Body).ReadToEndAsync();
        Assert.Contains("contiene un carácter de control", html);

        var largo = await app.ClienteAnonimo().GetAsync("/transparencia/" + new string('E', 300));
        Assert.Equal(HttpStatusCode.BadRequest, largo.StatusCode);
        Assert.Contains("El valor «entidad» de la dirección es demasiado largo: 300 caracteres; el máximo es 200.", await TextoAsync(largo));
    }

    [Fact]
    public async Task NulEnUnCampoDeFormulario_400QueNombraElCampoYNadaSeGuarda()
    {
        var http = await app.ComoAsync(AppDePrueba.Planificador);
        int Planes()
        {
            using var db = app.Base.Contexto();
            return db.PlanesGobierno.Count();
        }
        var antes = Planes();
        var r = await Paginas.EnviarAsync(http, "/e/EMSAPUNO/plan-gobierno", "form-plan", ("Nombre", "Plan\0con nulo"), ("Tipo", "Plan de Gobierno"),
            ("Inicio", "2023"), ("Fin", "2026"));
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Contains("El campo «Nombre» contiene un carácter de control (un byte nulo, U+0000); quítelo e intente de nuevo.", await TextoAsync(r));
        Assert.Equal(antes, Planes());

        // Any other control character (a bell, U+0007) reaches the page: the domain's text rule refuses it on the form itself.
        var r2 = await Paginas.EnviarAsync(http, "/e/EMSAPUNO/plan-gobierno", "form-plan", ("Nombre", "Plan\u0007"), ("Tipo", "Plan de Gobierno"),
            ("Inicio", "2023"), ("Fin", "2026"));
        Assert.Equal(HttpStatusCode.OK, r2.StatusCode);
        Assert.Contains("contiene un carácter de control (U+0007", await TextoAsync(r2));
        Assert.Equal(antes, Planes());
    }

    [Fact]
    public async Task TabuladoresYSaltosDeLineaEnUnTextarea_SeAceptan()
    {
        var http = await app.ComoAsync(AppDePrueba.Planificador);
        var r = await Paginas.EnviarAsync(http, "/e/EMSAPUNO/plan-gobierno", "form-plan", ("Nombre", "Plan con saltos"), ("Tipo", "Plan de Gobierno"),
            ("Inicio", "2023"), ("Fin", "2026"));
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var url = r.Headers.Location!.OriginalString;
        var descripcion = "Primera línea\r\n\tsegunda línea con tabulador";
        var e = await Paginas.EnviarAsync(http, url + "?handler=Elemento", "form-elemento", ("Nivel", "Dimension"), ("Padre", ""), ("Descripcion", descripcion));
        Assert.Equal(HttpStatusCode.Redirect, e.StatusCode);
        await using var db = app.Base.Contexto();
        Assert.True(await db.ElementosPlanGobierno.AnyAsync(x => x.Descripcion.Contains("\tsegunda línea")));
    }

    [Fact]
    public async Task NulEnElJsonDeLaApi_400QueNombraLaRutaJson()
    {
        var api = await ConTokenAsync(AppDePrueba.Planificador);
        const string url = "/api/v1/e/EMSAPUNO/seguimiento/2024/1/01.02";
        var json = """{"version":"0","actividades":[{"codigo":"FP22-01","ejecutadoFisico":1},{"codigo":"FP22-02","logros":"a\u0000b"}]}""";
        var r = await api.PutAsync(url, new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Equal("El texto en «actividades[1].logros» contiene un carácter de control (un byte nulo, U+0000); quítelo e intente de nuevo. " +
            "Se permiten tabuladores y saltos de línea.", await MensajeJsonAsync(r));

        // A lone surrogate cannot be stored either.
        var r2 = await api.PostAsync(url + "/observar", new StringContent("""{"observacion":"x\ud800"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, r2.StatusCode);
        Assert.StartsWith("El texto en «observacion» no es Unicode válido", await MensajeJsonAsync(r2));

        // Malformed JSON is still the handler's own 400 (for the operator, who may write this month).
        var operador = await ConTokenAsync(AppDePrueba.Operador);
        var r3 = await operador.PutAsync(url, new StringContent("""{"version":""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, r3.StatusCode);
        Assert.StartsWith("El cuerpo no es JSON válido", await MensajeJsonAsync(r3));
    }

    [Fact]
    public void RutaJson_NombraObjetosYArreglosAnidados()
    {
        Assert.Null(LimitesEntrada.RevisarJson("""{"a":"x\ty\r\n","b":[1,"ok",{"c":null}]}"""u8));
        Assert.StartsWith("El texto en «b[2].c[1]»", LimitesEntrada.RevisarJson("""{"a":"x","b":[1,"ok",{"c":["bien","\u0001"]}]}"""u8));
        Assert.StartsWith("El texto en «$»", LimitesEntrada.RevisarJson("\"\\u0000\""u8));
        Assert.StartsWith("El texto en «[1].x»", LimitesEntrada.RevisarJson("""[{"x":"a"},{"x":"\u001b"}]"""u8));
        Assert.StartsWith("El texto en «p.q»", LimitesEntrada.RevisarJson("""{"o":{"z":[{}]},"p":{"q":"\u0000"}}"""u8));
        Assert.StartsWith("Un nombre de propiedad dentro de «a»", LimitesEntrada.RevisarJson("""{"a":{"\u0000":1}}"""u8));
    }

    [Fact]
    public async Task CuerpoDe2MB_413EnCastellanoParaPaginaYApi()
    {
        var http = await app.ComoAsync(AppDePrueba.Planificador);
        var f = await Formulario.LeerAsync(http, "/e/EMSAPUNO/plan-gobierno", "form-plan");
        f.Campos["Nombre"] = new string('n', 2 * 1024 * 1024);
        var r = await f.EnviarAsync(http, "/e/EMSAPUNO/plan-gobierno");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, r.StatusCode);
        var texto = await TextoAsync(r);
        Assert.Contains("Solicitud demasiado grande", texto);
        Assert.Contains("La solicitud pesa 2 MB; el máximo para esta página es 1 MB.", texto);

        var api = await ConTokenAsync(AppDePrueba.Planificador);
        var json = $$"""{"version":"0","actividades":[{"codigo":"FP22-01","logros":"{{new string('x', 2 * 1024 * 1024)}}"}]}""";
        var ra = await api.PutAsync("/api/v1/e/EMSAPUNO/seguimiento/2024/1/01.02", new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, ra.StatusCode);
        Assert.Equal("La solicitud pesa 2 MB; el máximo para esta página es 1 MB.", await MensajeJsonAsync(ra));
    }

    [Fact]
    public async Task PaginaDeImportacion_AceptaMasDe1MBHastaSuPropioLimite()
    {
        // [RequestSizeLimit] on the Excel import page: a 2 MB upload reaches the page, which answers in its own words.
        var http = await app.ComoAsync(AppDePrueba.Planificador);
        var form = await Formulario.LeerAsync(http, "/e/EMSAPUNO/importar-excel", "revisar");
        var contenido = new MultipartFormDataContent();
        foreach (var (k, v) in form.Campos) contenido.Add(new StringContent(k == "Anio" ? "2024" : v), k);
        contenido.Add(new ByteArrayContent(new byte[2 * 1024 * 1024]), "Archivo", "grande.xlsx");
        var r = await http.PostAsync(form.Elemento.GetAttribute("action"), contenido);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.NotNull(Formulario.Leer(await r.Content.ReadAsStringAsync()).QuerySelector("#errores"));

        // Beyond its own limit: 413 too.
        var f2 = await Formulario.LeerAsync(http, "/e/EMSAPUNO/importar-excel", "revisar");
        var mucho = new MultipartFormDataContent();
        foreach (var (k, v) in f2.Campos) mucho.Add(new StringContent(k == "Anio" ? "2024" : v), k);
        mucho.Add(new ByteArrayContent(new byte[16 * 1024 * 1024]), "Archivo", "enorme.xlsx");
        var r2 = await http.PostAsync(f2.Elemento.GetAttribute("action"), mucho);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, r2.StatusCode);
        Assert.Contains("el máximo para esta página es 15 MB", await TextoAsync(r2));
    }
}
