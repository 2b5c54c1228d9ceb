using System.Net;
using AngleSharp.Html.Dom;
using Sipoi.Web.Tests.Infraestructura;

namespace Sipoi.Web.Tests.Planes;

/// <summary>Reading and posting the plan pages as a browser does.</summary>
internal static class Paginas
{
    public static async Task<IHtmlDocument> LeerAsync(HttpClient http, string url)
    {
        var r = await http.GetAsync(url);
        Assert.True(r.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)r.StatusCode}");
        return Formulario.Leer(await r.Content.ReadAsStringAsync());
    }

    /// <summary>Reads the form, sets the given fields, posts it to the page's own URL.</summary>
    public static async Task<HttpResponseMessage> EnviarAsync(HttpClient http, string url, string form, params (string Campo, string Valor)[] cambios)
    {
        var f = await Formulario.LeerAsync(http, url, form);
        foreach (var (campo, valor) in cambios) f.Campos[campo] = valor;
        return await f.EnviarAsync(http, url);
    }

    /// <summary>The errors block of a refused form (the page is shown again with 200).</summary>
    public static async Task<string> ErroresAsync(HttpResponseMessage r)
    {
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var doc = Formulario.Leer(await r.Content.ReadAsStringAsync());
        return doc.GetElementById("errores")?.TextContent ?? throw new InvalidOperationException("La página no muestra errores.");
    }

    /// <summary>
    /// A POST as a user who cannot open the form: the antiforgery token comes from the log-out form every page
    /// has, so the request reaches the page's own authorization check.
    /// </summary>
    public static async Task<HttpResponseMessage> PostarConTokenAsync(HttpClient http, string paginaLegible, string url, params (string, string)[] campos)
    {
        var doc = await LeerAsync(http, paginaLegible);
        var token = doc.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var datos = campos.Select(c => new KeyValuePair<string, string>(c.Item1, c.Item2)).Append(new("__RequestVerificationToken", token));
        return await http.PostAsync(url, new FormUrlEncodedContent(datos));
    }
}
