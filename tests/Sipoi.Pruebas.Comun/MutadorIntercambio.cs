using System.Text;
using System.Text.Json.Nodes;

namespace Sipoi.Pruebas.Comun;

/// <summary>
/// Seeded mutations of an exchange file for the fuzz tests: dropped fields, wrong types, huge numbers, NaN-like values,
/// control characters, lone surrogates, duplicated keys, deep nesting, truncation and broken UTF-8. Each mutation says
/// what it did, so a failure message (with the seed) tells how to reproduce it.
/// </summary>
public sealed class MutadorIntercambio(int semilla)
{
    private readonly Random _azar = new(semilla);

    /// <summary>Default seed; <c>SIPOI_FUZZ_SEMILLA</c> runs another one (printed by every failure).</summary>
    public static int Semilla() =>
        int.TryParse(Environment.GetEnvironmentVariable("SIPOI_FUZZ_SEMILLA"), out var s) ? s : 20261206;

    public (byte[] Archivo, string Descripcion) Mutar(string json)
    {
        var tipo = _azar.Next(12);
        if (tipo >= 9) return Bytes(Encoding.UTF8.GetBytes(json), tipo);
        var raiz = JsonNode.Parse(json)!;
        var nodos = new List<(JsonNode? Padre, string? Nombre, int Indice, string Ruta)>();
        Recorrer(raiz, "", nodos);
        var (padre, nombre, indice, ruta) = nodos[_azar.Next(nodos.Count)];
        string descripcion;
        switch (tipo)
        {
            case 0 when padre is JsonObject o:
                o.Remove(nombre!);
                descripcion = $"quita {ruta}";
                break;
            case 0 when padre is JsonArray a:
                a.RemoveAt(indice);
                descripcion = $"quita {ruta}";
                break;
            case 1 or 2 or 3 or 4 or 5:
                var (valor, que) = Valor(tipo);
                Poner(padre, nombre, indice, valor);
                descripcion = $"{ruta} ← {que}";
                break;
            case 6 when padre is JsonObject o:
                // Deep nesting: the value wrapped in many lists.
                JsonNode envuelto = JsonValue.Create(1)!;
                var profundidad = _azar.Next(30, 400);
                for (var i = 0; i < profundidad; i++) envuelto = new JsonArray(envuelto);
                o[nombre!] = envuelto;
                descripcion = $"{ruta} ← {profundidad} listas anidadas";
                break;
            case 7 when padre is JsonObject o && o[nombre!] is JsonValue:
                // The same member twice (written by hand: JsonObject refuses it).
                var texto = raiz.ToJsonString();
                var duplicado = $"\"{nombre}\":{o[nombre!]!.ToJsonString()},";
                var objeto = o.ToJsonString();
                var cambiado = texto.Replace(objeto, "{" + duplicado + objeto[1..]);
                return (Encoding.UTF8.GetBytes(cambiado), $"{ruta} repetido");
            default:
                Poner(padre, nombre, indice, JsonValue.Create(new string('x', _azar.Next(1, 3) * 70_000)));
                descripcion = $"{ruta} ← texto muy largo";
                break;
        }
        // A string with a lone surrogate cannot be built and serialised: its escape goes in as text.
        var salida = raiz.ToJsonString().Replace(SurrogadoAlto, "\\ud800", StringComparison.Ordinal).Replace(SurrogadoBajo, "\\udc00", StringComparison.Ordinal);
        return (Encoding.UTF8.GetBytes(salida), descripcion);
    }

    private const string SurrogadoAlto = "@@D800@@";
    private const string SurrogadoBajo = "@@DC00@@";

    private (JsonNode? Valor, string Que) Valor(int tipo) => tipo switch
    {
        1 => _azar.Next(6) switch
        {
            0 => (null, "null"),
            1 => (JsonValue.Create("abc"), "texto"),
            2 => (JsonValue.Create(true), "true"),
            3 => (new JsonArray(), "lista vacía"),
            4 => (new JsonObject(), "objeto vacío"),
            _ => (JsonValue.Create(-1), "-1"),
        },
        2 => _azar.Next(5) switch
        {
            0 => (JsonNode.Parse("1e400"), "1e400"),
            1 => (JsonNode.Parse("79228162514264337593543950336"), "mayor que decimal"),
            2 => (JsonNode.Parse("1e28"), "1e28"),
            3 => (JsonNode.Parse("123456789012345678901.5"), "21 dígitos"),
            _ => (JsonNode.Parse("-0.000000000000000000000000000001"), "decimales de más"),
        },
        3 => _azar.Next(4) switch
        {
            0 => (JsonValue.Create("NaN"), "\"NaN\""),
            1 => (JsonValue.Create("Infinity"), "\"Infinity\""),
            2 => (JsonValue.Create("1,234.5"), "\"1,234.5\""),
            _ => (JsonValue.Create(2147483648L), "2147483648"),
        },
        4 => _azar.Next(3) switch
        {
            0 => (JsonValue.Create("a\u0000b"), "texto con NUL"),
            1 => (JsonValue.Create("x\u0007\u001b[31m"), "texto con controles"),
            _ => (JsonValue.Create("   "), "texto en blanco"),
        },
        _ => _azar.Next(2) == 0
            ? (JsonValue.Create("a" + SurrogadoAlto + "b"), "surrogado solitario")
            : (JsonValue.Create(SurrogadoBajo), "surrogado bajo solitario"),
    };

    private (byte[], string) Bytes(byte[] b, int tipo)
    {
        switch (tipo)
        {
            case 9:
                var corte = _azar.Next(b.Length);
                return (b[..corte], $"truncado en el byte {corte}");
            case 10:
                byte[][] malos = [[0xC3, 0x28], [0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80]];
                var malo = malos[_azar.Next(malos.Length)];
                var donde = _azar.Next(b.Length);
                return ([.. b[..donde], .. malo, .. b[donde..]], $"UTF-8 roto ({Convert.ToHexString(malo)}) en el byte {donde}");
            default:
                var pos = _azar.Next(b.Length);
                var copia = b.ToArray();
                var nuevo = (byte)"{}[]\",:0-e\\"[_azar.Next(11)];
                copia[pos] = nuevo;
                return (copia, $"byte {pos} ← «{(char)nuevo}»");
        }
    }

    private static void Poner(JsonNode? padre, string? nombre, int indice, JsonNode? valor)
    {
        if (padre is JsonObject o) o[nombre!] = valor;
        else if (padre is JsonArray a) a[indice] = valor;
    }

    private static void Recorrer(JsonNode nodo, string ruta, List<(JsonNode?, string?, int, string)> nodos)
    {
        switch (nodo)
        {
            case JsonObject o:
                foreach (var (k, v) in o)
                {
                    var r = ruta.Length == 0 ? k : $"{ruta}.{k}";
                    nodos.Add((o, k, -1, r));
                    if (v is not null) Recorrer(v, r, nodos);
                }
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    var r = $"{ruta}[{i}]";
                    nodos.Add((a, null, i, r));
                    if (a[i] is { } v) Recorrer(v, r, nodos);
                }
                break;
        }
    }
}
