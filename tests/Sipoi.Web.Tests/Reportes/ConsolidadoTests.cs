using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Sipoi.Domain.Periodos;
using Sipoi.Web.Intercambio;
using Sipoi.Web.Reportes;
using Sipoi.Web.Seguridad;
using Sipoi.Web.Tests.Infraestructura;
using static Sipoi.Web.Tests.Reportes.AvanceDePrueba;

namespace Sipoi.Web.Tests.Reportes;

/// <summary>The consolidation across entities: only for a national administrator, each entity with its own engine run and bands.</summary>
public sealed class ConsolidadoTests(AppDePrueba app) : IClassFixture<AppDePrueba>
{
    private const string Otra = "OTRAEPS";
    private const string Nacional = "nacional@ministerio.demo";
    private static readonly ConcurrentDictionary<string, Lazy<Task>> Preparadas = new(StringComparer.Ordinal);

    /// <summary>A second entity (the demo plan under another code, with the national bands and no progress) and a national administrator.</summary>
    private async Task<HttpClient> NacionalAsync()
    {
        await Preparadas.GetOrAdd(app.Base.Conexion, _ => new Lazy<Task>(PrepararAsync)).Value;
        return await app.ComoAsync(Nacional);
    }

    private async Task PrepararAsync()
    {
        await RegistrarAsync(app);
        string json;
        using (var lector = new StreamReader(DatosDemo.Abrir(), Encoding.UTF8)) json = await lector.ReadToEndAsync();
        json = Regex.Replace(json, "\"medioDesde\":\\s*80", "\"medioDesde\": 75");
        json = Regex.Replace(json, "\"altoDesde\":\\s*91", "\"altoDesde\": 95");
        json = json.Replace("\"codigo\": \"EMSAPUNO\"", $"\"codigo\": \"{Otra}\"", StringComparison.Ordinal)
            .Replace("\"siglas\": \"EMSAPUNO S.A.\"", "\"siglas\": \"OTRA EPS S.A.\"", StringComparison.Ordinal);
        await using (var db = app.Base.Contexto())
        {
            var r = await ImportadorPlan.ImportarAsync(db, new MemoryStream(Encoding.UTF8.GetBytes(json)));
            Assert.True(r.Exito, string.Join("\n", r.Errores));
        }
        await app.CrearUsuarioAsync(Nacional, Roles.Consulta, nacional: true);
    }

    [Fact]
    public async Task Consolidado_MuestraElIgiYLosOeiDeCadaEntidadSegunSuMotor()
    {
        var http = await NacionalAsync();
        var r = await http.GetAsync($"/consolidado/2024?periodo=S1&entidades=EMSAPUNO,{Otra},NOEXISTE");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var doc = new HtmlParser().ParseDocument(await r.Content.ReadAsStringAsync());
        var filas = doc.QuerySelectorAll("#igi tbody tr").ToList();
        Assert.Equal(new[] { Entidad, Otra }, filas.Select(f => f.Children[0].TextContent).ToArray());
        foreach (var (codigo, fila) in new[] { Entidad, Otra }.Zip(filas))
        {
            var motor = await MotorAsync(app, Periodo.Semestre(1), codigo);
            Assert.Equal(Cifra.Porcentaje(motor.Igi), fila.Children[3].TextContent);
            Assert.Equal(motor.Bandas.Texto(motor.BandaIgi!.Value), fila.Children[4].TextContent);
            var oeis = doc.QuerySelectorAll("#oei tbody tr").Where(f => f.Children[0].TextContent == codigo).ToList();
            Assert.Equal(motor.Oeis.Select(o => Cifra.Porcentaje(o.Valor)), oeis.Select(f => f.Children[5].TextContent));
        }
        // Each entity is judged by its own bands: the same plan without progress is 0 % and "Bajo" under the national scheme.
        Assert.StartsWith("Bajo", filas[1].Children[4].TextContent);
        Assert.Contains("NOEXISTE", doc.QuerySelector(".aviso")!.TextContent);
    }

    [Fact]
    public async Task Consolidado_Excel_UnaFilaPorEntidadYUnaPorOei()
    {
        var http = await NacionalAsync();
        var r = await http.GetAsync($"/consolidado/2024?handler=xlsx&periodo=ANUAL&entidades={Otra},EMSAPUNO");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal(SolicitudReporte.MimeXlsx, r.Content.Headers.ContentType?.MediaType);
        Assert.Equal("POI-2024-consolidado-ANUAL.xlsx", r.Content.Headers.ContentDisposition?.FileNameStar);
        var bytes = await r.Content.ReadAsByteArrayAsync();
        using var x = new Xlsx(s => s.Write(bytes), "web-consolidado.xlsx");
        Assert.Empty(x.Errores());
        Assert.Equal(["IGI por entidad", "OEI por entidad"], x.Hojas);
        Assert.Equal(Otra, x.Texto("IGI por entidad", "A6"));
        var motor = await MotorAsync(app, Periodo.Anual);
        var f = x.Fila("IGI por entidad", "A", Entidad);
        Assert.Equal((double)motor.Igi!.Value, x.Numero("IGI por entidad", $"D{f}"), 10);
        Assert.Equal(2 * motor.Oeis.Count, Enumerable.Range(6, 40).Count(n => x.Texto("OEI por entidad", $"A{n}") is Entidad or Otra));
    }

    [Fact]
    public async Task Consolidado_SinAnio_LlevaAlUltimoAnioConPoi()
    {
        var r = await (await NacionalAsync()).GetAsync("/consolidado");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal("/consolidado/2024", r.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData(AppDePrueba.Planificador, "/consolidado/2024")]
    [InlineData(AppDePrueba.Administrador, "/consolidado/2024?handler=xlsx")]
    [InlineData(AppDePrueba.Consulta, "/consolidado")]
    public async Task Consolidado_SinSerAdministradorNacional_Prohibido(string usuario, string url)
    {
        var r = await (await app.ComoAsync(usuario)).GetAsync(url);
        Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode);
    }

    [Fact]
    public async Task Consolidado_SinSesion_AlIngreso()
    {
        var r = await app.ClienteAnonimo().GetAsync("/consolidado/2024");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Contains("/cuenta/ingresar", r.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Consolidado_PeriodoNoValido_400()
    {
        var r = await (await NacionalAsync()).GetAsync("/consolidado/2024?periodo=Q1");
        await Rechazo.EnRespuestaAsync(r, HttpStatusCode.BadRequest, "Periodo no válido");
    }
}
