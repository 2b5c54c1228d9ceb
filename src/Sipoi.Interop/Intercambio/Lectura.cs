using System.Globalization;
using System.Text.Json;
using Sipoi.Domain;

namespace Sipoi.Interop.Intercambio;

/// <summary>
/// Walks a <see cref="JsonDocument"/> keeping the JSON path of every value, so that each error names
/// where it is. Nothing here throws on bad input: a wrong value is recorded and read as "absent".
/// </summary>
internal sealed class Lectura
{
    public List<ErrorIntercambio> Errores { get; } = [];

    public void Error(string ruta, string mensaje) => Errores.Add(new(ruta, mensaje));

    public static string Hijo(string ruta, string nombre) => ruta.Length == 0 ? nombre : $"{ruta}.{nombre}";

    public static string Num(decimal v) => v.ToString(CultureInfo.InvariantCulture);

    /// <summary>The object at <paramref name="ruta"/>, or null (with an error) when it is something else.</summary>
    public Objeto? ComoObjeto(JsonElement e, string ruta)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            Error(ruta, $"se esperaba un objeto, no {Describir(e)}");
            return null;
        }
        // JsonDocument accepts a repeated name and keeps both; a file that says two things is rejected.
        var vistos = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in e.EnumerateObject())
            if (!vistos.Add(p.Name))
                Error(ruta, $"la propiedad «{p.Name}» aparece más de una vez");
        return new Objeto(this, e, ruta);
    }

    /// <summary>The entries of the array at <paramref name="ruta"/> with their paths, or null (with an error).</summary>
    public List<(JsonElement Valor, string Ruta)>? ComoLista(JsonElement e, string ruta)
    {
        if (e.ValueKind != JsonValueKind.Array)
        {
            Error(ruta, $"se esperaba una lista, no {Describir(e)}");
            return null;
        }
        return e.EnumerateArray().Select((v, i) => (v, $"{ruta}[{i}]")).ToList();
    }

    public decimal? ComoNumero(JsonElement e, string ruta)
    {
        if (e.ValueKind != JsonValueKind.Number)
        {
            Error(ruta, $"se esperaba un número, no {Describir(e)}");
            return null;
        }
        // The database keeps 14 integer digits (numeric(18,4)); the domain's bound, so the refusal names the path
        // instead of PostgreSQL refusing the whole import with a technical message.
        if (e.TryGetDecimal(out var v) && Math.Abs(v) <= NumeroEscrito.Maximo) return v;
        var texto = e.GetRawText();
        Error(ruta, $"el número {(texto.Length <= 40 ? texto : texto[..39] + "…")} está fuera de rango (el máximo es 99,999,999,999,999.9999)");
        return null;
    }

    public int? ComoEntero(JsonElement e, string ruta)
    {
        if (e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out var v)) return v;
        Error(ruta, $"se esperaba un número entero, no {Describir(e)}");
        return null;
    }

    /// <summary>A text, refused (null, with the domain's reason) when it breaks the limits of its <paramref name="clase"/>.</summary>
    public string? ComoTexto(JsonElement e, string ruta, ClaseTexto clase = ClaseTexto.Nombre)
    {
        if (e.ValueKind != JsonValueKind.String)
        {
            Error(ruta, $"se esperaba un texto, no {Describir(e)}");
            return null;
        }
        // Safe: TextosValidos refused any lone surrogate over the whole document before the reader ran.
        var s = e.GetString()!;
        if (LimitesTexto.Problema(s, clase) is { } problema)
        {
            Error(ruta, problema);
            return null;
        }
        return s;
    }

    /// <summary>
    /// Texts whose escapes make no valid UTF-16 (half a surrogate pair: <c>"\ud800"</c>) are valid JSON syntax, but
    /// System.Text.Json throws when asked for them. Checked once over the whole document before anything reads a
    /// text, so every later <c>GetString</c> is safe (found by FuzzLectorTests).
    /// </summary>
    public void TextosValidos(JsonElement e, string ruta)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.String:
                if (!Legible(() => e.GetString()))
                    Error(ruta, "el texto tiene un carácter no válido (un sustituto UTF-16 suelto)");
                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var v in e.EnumerateArray()) TextosValidos(v, $"{ruta}[{i++}]");
                break;
            case JsonValueKind.Object:
                foreach (var p in e.EnumerateObject())
                {
                    if (!Legible(() => p.Name))
                    {
                        Error(ruta, "un nombre de propiedad contiene un carácter Unicode incompleto (un «\\uD800» sin su par)");
                        continue;
                    }
                    TextosValidos(p.Value, Hijo(ruta, p.Name));
                }
                break;
        }
    }

    private static bool Legible(Func<string?> leer)
    {
        try
        {
            leer();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>
    /// A monthly array: exactly 12 entries, each a number ≥ 0; null entries only when
    /// <paramref name="admiteNull"/> (executed values: null = not registered). Null when anything is wrong.
    /// </summary>
    public decimal?[]? ComoMeses(JsonElement e, string ruta, bool admiteNull)
    {
        if (e.ValueKind != JsonValueKind.Array)
        {
            Error(ruta, $"se esperaba una lista de 12 números, no {Describir(e)}");
            return null;
        }
        var n = e.GetArrayLength();
        var ok = n == 12;
        if (!ok) Error(ruta, $"{n} {(n == 1 ? "valor" : "valores")}, se esperan 12");
        var meses = new decimal?[n];
        var i = 0;
        foreach (var v in e.EnumerateArray())
        {
            var r = $"{ruta}[{i}]";
            if (v.ValueKind == JsonValueKind.Null)
            {
                if (!admiteNull)
                {
                    Error(r, "la meta no puede ser null (use 0 cuando no hay meta en el mes)");
                    ok = false;
                }
            }
            else if (ComoNumero(v, r) is { } d)
            {
                if (d < 0)
                {
                    Error(r, $"valor negativo ({Num(d)}), se esperan valores ≥ 0");
                    ok = false;
                }
                meses[i] = d;
            }
            else ok = false;
            i++;
        }
        return ok ? meses : null;
    }

    public static string Describir(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => "un objeto",
        JsonValueKind.Array => "una lista",
        JsonValueKind.String => $"el texto \"{Recortar(e.GetString()!)}\"",
        JsonValueKind.Number => $"el número {e.GetRawText()}",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => "null",
        _ => e.ValueKind.ToString(),
    };

    private static string Recortar(string s) => s.Length <= 40 ? s : s[..39] + "…";
}

/// <summary>A JSON object at a known path. Absent and null optional members read as null.</summary>
internal readonly struct Objeto(Lectura lectura, JsonElement elemento, string ruta)
{
    public string Ruta { get; } = ruta;

    private JsonElement Elemento { get; } = elemento;

    public string RutaDe(string nombre) => Lectura.Hijo(Ruta, nombre);

    /// <summary>The member's value when present and not null; records "missing" when required.</summary>
    public bool Tomar(string nombre, bool obligatorio, out JsonElement valor)
    {
        if (Elemento.TryGetProperty(nombre, out valor) && valor.ValueKind != JsonValueKind.Null) return true;
        if (obligatorio)
            lectura.Error(RutaDe(nombre), valor.ValueKind == JsonValueKind.Null
                ? "el campo es obligatorio y no puede ser null"
                : "falta el campo obligatorio");
        return false;
    }

    public bool Tiene(string nombre) => Elemento.TryGetProperty(nombre, out _);

    public JsonElement? Crudo(string nombre) => Elemento.TryGetProperty(nombre, out var v) ? v : null;

    public string? Texto(string nombre, bool obligatorio = false, ClaseTexto clase = ClaseTexto.Nombre)
    {
        if (!Tomar(nombre, obligatorio, out var v)) return null;
        var s = lectura.ComoTexto(v, RutaDe(nombre), clase);
        if (s is not null && obligatorio && string.IsNullOrWhiteSpace(s))
        {
            lectura.Error(RutaDe(nombre), "no puede estar vacío");
            return null;
        }
        return s;
    }

    public decimal? Numero(string nombre, bool obligatorio = false) =>
        Tomar(nombre, obligatorio, out var v) ? lectura.ComoNumero(v, RutaDe(nombre)) : null;

    public int? Entero(string nombre, bool obligatorio = false) =>
        Tomar(nombre, obligatorio, out var v) ? lectura.ComoEntero(v, RutaDe(nombre)) : null;

    public bool? Logico(string nombre)
    {
        if (!Tomar(nombre, false, out var v)) return null;
        if (v.ValueKind is JsonValueKind.True or JsonValueKind.False) return v.GetBoolean();
        lectura.Error(RutaDe(nombre), $"se esperaba true o false, no {Lectura.Describir(v)}");
        return null;
    }

    public Objeto? Hijo(string nombre, bool obligatorio = false) =>
        Tomar(nombre, obligatorio, out var v) ? lectura.ComoObjeto(v, RutaDe(nombre)) : null;

    /// <summary>The entries of a list member; an absent list is empty.</summary>
    public List<(JsonElement Valor, string Ruta)> Lista(string nombre) =>
        Tomar(nombre, false, out var v) ? lectura.ComoLista(v, RutaDe(nombre)) ?? [] : [];

    public decimal?[]? Meses(string nombre, bool obligatorio, bool admiteNull) =>
        Tomar(nombre, obligatorio, out var v) ? lectura.ComoMeses(v, RutaDe(nombre), admiteNull) : null;

    /// <summary>An enumeration written as one of its exact codes.</summary>
    public T? Codigo<T>(string nombre, TryParseCodigo<T> parse, string aceptados) where T : struct
    {
        var s = Texto(nombre);
        if (s is null) return null;
        if (parse(s, out var v)) return v;
        lectura.Error(RutaDe(nombre), $"«{s}» no es válido; se espera {aceptados}");
        return null;
    }

    public DateOnly? Fecha(string nombre, bool obligatorio = false)
    {
        var s = Texto(nombre, obligatorio);
        if (s is null) return null;
        if (DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        lectura.Error(RutaDe(nombre), $"«{s}» no es una fecha AAAA-MM-DD");
        return null;
    }

    /// <summary>Each member of an object member as (name, value, path); an absent object is empty.</summary>
    public List<(string Nombre, JsonElement Valor, string Ruta)> Miembros(string nombre)
    {
        if (Hijo(nombre) is not { } o) return [];
        return o.Elemento.EnumerateObject().Select(p => (p.Name, p.Value, Lectura.Hijo(o.Ruta, p.Name))).ToList();
    }
}

internal delegate bool TryParseCodigo<T>(string? codigo, out T valor);
