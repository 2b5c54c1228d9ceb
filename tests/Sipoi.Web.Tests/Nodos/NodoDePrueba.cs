using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;
using Sipoi.Web.Intercambio;
using Sipoi.Web.Tests.Infraestructura;

namespace Sipoi.Web.Tests.Nodos;

/// <summary>
/// One web node of a multi-node deployment: the real app as <see cref="AppDePrueba"/> configures it, on a database
/// another node may share (owned by the test), with extra settings. Started at once.
/// </summary>
public sealed class NodoDePrueba : WebApplicationFactory<Program>
{
    private readonly BaseDePrueba _base;
    private readonly IReadOnlyDictionary<string, string> _ajustes;

    public NodoDePrueba(BaseDePrueba baseDePrueba, IReadOnlyDictionary<string, string>? ajustes = null)
    {
        _base = baseDePrueba;
        _ajustes = ajustes ?? new Dictionary<string, string>();
        _ = Server;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        AppDePrueba.Configurar(builder, _base, new RelojDePrueba());
        builder.UseSetting("Sipoi:Avisos:SegundosEntreEnvios", "0");
        foreach (var (clave, valor) in _ajustes) builder.UseSetting(clave, valor);
    }

    /// <summary>A client that neither follows redirects nor keeps cookies: each test sends the cookies it means to.</summary>
    public HttpClient Cliente() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    /// <summary>The log-in form as this node serves it: its antiforgery cookie and the form's hidden fields.</summary>
    public async Task<(string Cookie, Dictionary<string, string> Campos)> FormularioIngresoAsync()
    {
        var r = await Cliente().GetAsync("/cuenta/ingresar");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var doc = new HtmlParser().ParseDocument(await r.Content.ReadAsStringAsync());
        var form = doc.QuerySelector("form#ingreso") ?? throw new InvalidOperationException("No se encontró el formulario de ingreso.");
        return (Cookies(r), form.QuerySelectorAll("input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? ""));
    }

    /// <summary>Posts a log-in form (read from any node) to this node; the answer as it came.</summary>
    public async Task<HttpResponseMessage> IngresarAsync((string Cookie, Dictionary<string, string> Campos) formulario, string correo)
    {
        var campos = new Dictionary<string, string>(formulario.Campos) { ["Datos.Correo"] = correo, ["Datos.Contrasena"] = DatosDemo.Contrasena };
        using var m = new HttpRequestMessage(HttpMethod.Post, "/cuenta/ingresar") { Content = new FormUrlEncodedContent(campos) };
        m.Headers.Add("Cookie", formulario.Cookie);
        return await Cliente().SendAsync(m);
    }

    /// <summary>A GET with the given Cookie header.</summary>
    public async Task<HttpResponseMessage> PedirAsync(string url, string? cookie)
    {
        using var m = new HttpRequestMessage(HttpMethod.Get, url);
        if (cookie is not null) m.Headers.Add("Cookie", cookie);
        return await Cliente().SendAsync(m);
    }

    /// <summary>The cookies a response sets, as a Cookie request header ("a=1; b=2").</summary>
    public static string Cookies(HttpResponseMessage r) =>
        string.Join("; ", (r.Headers.TryGetValues("Set-Cookie", out var v) ? v : []).Select(c => c.Split(';')[0]));

    /// <summary>One value of the database, read as its owner.</summary>
    public static async Task<object?> EscalarAsync(string conexion, string sql)
    {
        await using var c = new NpgsqlConnection(conexion);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, c);
        return await cmd.ExecuteScalarAsync();
    }
}
