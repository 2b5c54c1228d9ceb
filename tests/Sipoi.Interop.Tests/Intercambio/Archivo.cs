using System.Text.Json.Nodes;
using Sipoi.Interop.Intercambio;

namespace Sipoi.Interop.Tests.Intercambio;

/// <summary>The sample written as JSON, edited node by node to break one rule at a time.</summary>
internal static class Archivo
{
    public static JsonObject Muestra() =>
        JsonNode.Parse(EscritorIntercambio.EscribirTexto(Intercambio.Muestra.Documento()))!.AsObject();

    public static JsonObject Nodo(this JsonNode n, string ruta)
    {
        var actual = n;
        foreach (var parte in ruta.Split('.'))
        {
            var corchete = parte.IndexOf('[');
            actual = corchete < 0 ? actual[parte]! : actual[parte[..corchete]]![int.Parse(parte[(corchete + 1)..^1], System.Globalization.CultureInfo.InvariantCulture)]!;
        }
        return actual.AsObject();
    }

    public static List<string> Errores(Action<JsonObject> cambio)
    {
        var raiz = Muestra();
        cambio(raiz);
        return Errores(raiz.ToJsonString());
    }

    public static List<string> Errores(string json)
    {
        var r = LectorIntercambio.Leer(json);
        Assert.False(r.EsValido, "se esperaba que el archivo fuera rechazado");
        Assert.Null(r.Documento);
        return r.Errores.Select(e => e.ToString()).ToList();
    }

    /// <summary>The change yields exactly this one error (no cascade of follow-up errors).</summary>
    public static void RechazaCon(string error, Action<JsonObject> cambio) => Assert.Equal([error], Errores(cambio));

    public static DocumentoIntercambio Acepta(Action<JsonObject> cambio)
    {
        var raiz = Muestra();
        cambio(raiz);
        var r = LectorIntercambio.Leer(raiz.ToJsonString());
        Assert.True(r.EsValido, string.Join("\n", r.Errores));
        return r.Documento;
    }
}
