using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;

namespace Sipoi.Web.Tests.Infraestructura;

/// <summary>
/// A refusal test names the rule that refuses: a 400 or 422 alone would pass when another rule (or the
/// framework) refused first, so the answer must also show the rule's own Spanish message.
/// </summary>
public static class Rechazo
{
    /// <summary>Asserts the status and that the text the user is shown contains <paramref name="mensaje"/>; returns that text.</summary>
    public static async Task<string> EnRespuestaAsync(HttpResponseMessage r, HttpStatusCode estado, string mensaje)
    {
        Assert.Equal(estado, r.StatusCode);
        var texto = await TextoAsync(r);
        Assert.Contains(mensaje, texto, StringComparison.Ordinal);
        return texto;
    }

    /// <summary>Runs <paramref name="accion"/>, expects a <typeparamref name="TExcepcion"/> whose message contains <paramref name="mensaje"/>.</summary>
    public static async Task<TExcepcion> ConAsync<TExcepcion>(Func<Task> accion, string mensaje) where TExcepcion : Exception
    {
        var e = await Assert.ThrowsAsync<TExcepcion>(accion);
        Assert.Contains(mensaje, e.Message, StringComparison.Ordinal);
        return e;
    }

    /// <summary>What a person reads: a page's text (entities decoded), a JSON answer's strings, or the plain body.</summary>
    public static async Task<string> TextoAsync(HttpResponseMessage r)
    {
        var cuerpo = await r.Content.ReadAsStringAsync();
        return r.Content.Headers.ContentType?.MediaType switch
        {
            "text/html" => new HtmlParser().ParseDocument(cuerpo).Body?.TextContent ?? "",
            "application/json" or "application/problem+json" => string.Join("\n", Textos(JsonDocument.Parse(cuerpo).RootElement)),
            _ => cuerpo,
        };
    }

    private static IEnumerable<string> Textos(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => [e.GetString()!],
        JsonValueKind.Object => e.EnumerateObject().SelectMany(p => Textos(p.Value)),
        JsonValueKind.Array => e.EnumerateArray().SelectMany(Textos),
        _ => [],
    };
}
