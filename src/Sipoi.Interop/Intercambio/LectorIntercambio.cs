using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Sipoi.Interop.Intercambio;

/// <summary>
/// Reads and validates a <c>sipoi-intercambio/1</c> file. Every rule of docs/intercambio.md is checked and
/// every error is reported at once, each naming its JSON path; a file with any error yields no document.
/// Unknown members are ignored so that newer files (which may add fields) still load.
/// </summary>
public static partial class LectorIntercambio
{
    /// <summary>More errors than this are summarised in one last entry "… y N errores más".</summary>
    public const int MaximoErrores = 200;

    // Strict JSON: the // comments in EXCHANGE.md are explanations, not part of the format.
    private static readonly JsonDocumentOptions Opciones = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 64,
    };

    public static ResultadoLectura Leer(Stream entrada)
    {
        ArgumentNullException.ThrowIfNull(entrada);
        using var copia = new MemoryStream();
        entrada.CopyTo(copia);
        return Leer(copia.GetBuffer().AsMemory(0, (int)copia.Length));
    }

    public static ResultadoLectura Leer(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Leer(Encoding.UTF8.GetBytes(json));
    }

    public static ResultadoLectura Leer(ReadOnlyMemory<byte> utf8)
    {
        if (utf8.Span.StartsWith("\uFEFF"u8)) utf8 = utf8[3..];
        if (ErrorDeCodificacion(utf8.Span) is { } codificacion) return ResultadoLectura.ConErrores([codificacion]);
        if (utf8.Span.Trim(" \t\r\n"u8).IsEmpty) return ResultadoLectura.ConErrores([new ErrorIntercambio("", "el archivo está vacío")]);

        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(utf8, Opciones);
        }
        catch (JsonException ex)
        {
            return ResultadoLectura.ConErrores([ErrorDeSintaxis(ex, utf8.Span)]);
        }

        using (json)
        {
            var lectura = new Lectura();
            lectura.TextosValidos(json.RootElement, "");
            if (lectura.Errores.Count > 0) return ResultadoLectura.ConErrores(lectura.Errores);
            var documento = new Lector(lectura).Documento(json.RootElement);
            return documento is not null && lectura.Errores.Count == 0
                ? ResultadoLectura.Valido(documento)
                : ResultadoLectura.ConErrores(lectura.Errores);
        }
    }

    private static ErrorIntercambio? ErrorDeCodificacion(ReadOnlySpan<byte> bytes)
    {
        if (System.Text.Unicode.Utf8.IsValid(bytes)) return null;
        var valido = bytes.Length;
        try
        {
            _ = new UTF8Encoding(false, true).GetCharCount(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            valido = Math.Max(0, ex.Index);
        }
        var linea = bytes[..Math.Min(valido, bytes.Length)].Count((byte)'\n') + 1;
        return new("", $"el archivo no está codificado en UTF-8 (primer byte no válido en la línea {linea})");
    }

    private static ErrorIntercambio ErrorDeSintaxis(JsonException ex, ReadOnlySpan<byte> bytes)
    {
        var numeroLinea = (int)(ex.LineNumber ?? 0);
        var posicion = (int)(ex.BytePositionInLine ?? 0);

        // Locate the line the parser stopped on; columns count characters, not UTF-8 bytes.
        var inicio = 0;
        for (var n = 0; n < numeroLinea && inicio < bytes.Length; n++)
        {
            var salto = bytes[inicio..].IndexOf((byte)'\n');
            inicio = salto < 0 ? bytes.Length : inicio + salto + 1;
        }
        var resto = bytes[inicio..];
        var fin = resto.IndexOf((byte)'\n');
        var linea = Encoding.UTF8.GetString(fin < 0 ? resto : resto[..fin]).TrimEnd('\r');
        var columna = Encoding.UTF8.GetCharCount(resto[..Math.Min(posicion, fin < 0 ? resto.Length : fin)]);

        var donde = $"JSON no válido en la línea {numeroLinea + 1}, columna {columna + 1}";
        var antes = linea[..Math.Min(columna, linea.Length)].TrimEnd();
        var aqui = columna < linea.Length ? linea[columna] : '\0';
        var motivo =
            inicio + posicion >= bytes.Length || bytes[(inicio + Math.Min(posicion, resto.Length))..].Trim(" \t\r\n"u8).IsEmpty
                ? "el archivo termina antes de cerrar todos sus objetos y listas"
            : aqui == '/' ? "los comentarios (//) no forman parte del formato"
            : aqui is '}' or ']' && antes.EndsWith(',') ? $"sobra la coma antes de «{aqui}»"
            : aqui == '\'' ? "los textos van entre comillas dobles"
            : $"cerca de «{Fragmento(linea, columna)}»";
        return new("", $"{donde}: {motivo}");
    }

    private static string Fragmento(string linea, int columna)
    {
        var desde = Math.Max(0, columna - 25);
        var hasta = Math.Min(linea.Length, columna + 25);
        return (desde > 0 ? "…" : "") + linea[desde..hasta].Trim() + (hasta < linea.Length ? "…" : "");
    }

    [GeneratedRegex("^[1-9][0-9]{3}$")]
    private static partial Regex Anio();

    [GeneratedRegex("^[1-9][0-9]{3}-S[12]$")]
    private static partial Regex Semestre();

    /// <summary>One reading: builds the model while recording codes and references, resolves them at the end.</summary>
    private sealed partial class Lector(Lectura l)
    {
        private readonly List<(string Ruta, string Codigo)> centros = [], fichas = [], oeis = [], aeis = [],
            indicadores = [], actividades = [];
        private readonly List<(string Ruta, string Codigo)> refCentros = [], refFichas = [], refAeis = [];
        private readonly List<(string Ruta, string Codigo, string? Padre)> jerarquia = [];

        public DocumentoIntercambio? Documento(JsonElement raiz)
        {
            if (raiz.ValueKind != JsonValueKind.Object)
            {
                l.Error("", $"el documento debe ser un objeto JSON, no {Lectura.Describir(raiz)}");
                return null;
            }
            var o = l.ComoObjeto(raiz, "")!.Value;
            if (!Formato(o)) return null;

            var entidad = Entidad(o.Hijo("entidad", obligatorio: true));
            var configuracion = o.Hijo("configuracion") is { } c ? Configuracion(c) : null;
            var centrosCosto = o.Lista("centrosCosto").Select(x => CentroCosto(x.Valor, x.Ruta)).ToList();
            var listaFichas = o.Lista("fichas").Select(x => Ficha(x.Valor, x.Ruta)).ToList();
            var pei = Pei(o.Hijo("pei", obligatorio: true));
            var poi = Poi(o.Hijo("poi", obligatorio: true));
            Resolver();

            if (l.Errores.Count > 0 || entidad is null || pei is null || poi is null) return null;
            return new DocumentoIntercambio
            {
                Entidad = entidad,
                Configuracion = configuracion,
                CentrosCosto = centrosCosto.OfType<CentroCostoDto>().ToList(),
                Fichas = listaFichas.OfType<FichaDto>().ToList(),
                Pei = pei,
                Poi = poi,
            };
        }

        private bool Formato(Objeto o)
        {
            var esperado = DocumentoIntercambio.Formato;
            if (o.Crudo("formato") is not { } v)
            {
                l.Error("formato", $"se esperaba «{esperado}» (falta el campo)");
                return true;
            }
            if (v.ValueKind == JsonValueKind.String && v.GetString() == esperado) return true;
            // Another format (or version) has other rules: checking it against ours would only add noise.
            l.Error("formato", $"se esperaba «{esperado}», no {Lectura.Describir(v)}");
            return false;
        }

        private static decimal[]? Metas(decimal?[]? meses) => meses?.Select(m => m ?? 0).ToArray();

        private int? Mes(Objeto o, string nombre, bool obligatorio = false)
        {
            var v = o.Entero(nombre, obligatorio);
            if (v is null or (>= 1 and <= 12)) return v;
            l.Error(o.RutaDe(nombre), $"el mes debe estar entre 1 y 12 (es {v})");
            return null;
        }

        private decimal Peso(Objeto o)
        {
            var v = o.Numero("peso");
            if (v is > 0 or null) return v ?? 1;
            l.Error(o.RutaDe("peso"), $"debe ser mayor que 0 (es {Lectura.Num(v.Value)})");
            return 1;
        }

        private int? Prioridad(Objeto o, bool obligatorio)
        {
            var v = o.Entero("prioridad", obligatorio);
            if (v is null or >= 1) return v;
            l.Error(o.RutaDe("prioridad"), $"la prioridad debe ser 1 o mayor (es {v})");
            return null;
        }
    }
}
