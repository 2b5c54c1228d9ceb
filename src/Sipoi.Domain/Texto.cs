using System.Globalization;

namespace Sipoi.Domain;

/// <summary>What kind of text a field holds, which fixes its maximum length and the characters it admits.</summary>
public enum ClaseTexto
{
    /// <summary>A code as the entity writes it (OEI.01, 03.01.04.05, FP 34): one line, up to <see cref="LimitesTexto.Codigo"/>.</summary>
    Codigo,

    /// <summary>A name, statement, unit or person: one line, up to <see cref="LimitesTexto.Nombre"/>.</summary>
    Nombre,

    /// <summary>A paragraph (mission, objective, method, reason, narrative): line breaks and tabs allowed, up to <see cref="LimitesTexto.TextoLargo"/>.</summary>
    TextoLargo,
}

/// <summary>
/// The text limits every entry path applies (forms, API, JSON and Excel imports): written once here, each
/// reader reports the problem at its own address. Lengths are counted after trimming, in UTF-16 characters.
/// Why these values: the longest code in real POIs is ~16 characters and the entity code column holds 40;
/// the longest activity or indicator name in the reference POIs is ~150 and OEI/AEI statements ~100 (500
/// leaves room without letting a pasted document in); a paragraph is 4,000, the size the monitoring
/// narratives already had. Control characters (NUL and the like) are never stored: they come from broken
/// files or attacks, PostgreSQL refuses NUL in text, and they break every report.
/// </summary>
public static class LimitesTexto
{
    public const int Codigo = 40;
    public const int Nombre = 500;
    public const int TextoLargo = 4000;

    public static int Maximo(ClaseTexto clase) => clase switch
    {
        ClaseTexto.Codigo => Codigo,
        ClaseTexto.Nombre => Nombre,
        _ => TextoLargo,
    };

    /// <summary>
    /// What is wrong with <paramref name="valor"/> as a text of <paramref name="clase"/> (Spanish, lower case,
    /// without the field's name so each reader puts its own address first), or null when it is acceptable.
    /// Null and blank are acceptable here: whether the field is required is the caller's rule.
    /// </summary>
    public static string? Problema(string? valor, ClaseTexto clase)
    {
        if (valor is null) return null;
        for (var i = 0; i < valor.Length; i++)
        {
            var c = valor[i];
            if (char.IsHighSurrogate(c) && i + 1 < valor.Length && char.IsLowSurrogate(valor[i + 1]))
            {
                i++;
                continue;
            }
            if (char.IsSurrogate(c))
                return $"contiene un carácter no válido (U+{(int)c:X4}, posición {Posicion(i)}): el texto está dañado";
            if (!char.IsControl(c)) continue;
            if (clase == ClaseTexto.TextoLargo && c is '\n' or '\r' or '\t') continue;
            return clase == ClaseTexto.TextoLargo
                ? $"contiene un carácter de control (U+{(int)c:X4}, posición {Posicion(i)}), que no se admite; solo se admiten saltos de línea y tabulaciones"
                : $"contiene un carácter de control (U+{(int)c:X4}, posición {Posicion(i)}), que no se admite: escríbalo en una sola línea, sin tabulaciones";
        }
        var largo = valor.Trim().Length;
        var maximo = Maximo(clase);
        return largo > maximo
            ? $"admite hasta {maximo.ToString("#,0", CultureInfo.InvariantCulture)} caracteres (tiene {largo.ToString("#,0", CultureInfo.InvariantCulture)})"
            : null;
    }

    private static string Posicion(int i) => (i + 1).ToString(CultureInfo.InvariantCulture);
}

internal static class Texto
{
    /// <summary>A required text of <paramref name="clase"/>, trimmed; refused naming <paramref name="campo"/>.</summary>
    public static string Requerido(string? valor, string campo, ClaseTexto clase = ClaseTexto.Nombre)
    {
        if (string.IsNullOrWhiteSpace(valor)) throw new ReglaDominioException($"El campo {campo} es obligatorio.", campo);
        Comprobar(valor, campo, clase);
        return valor.Trim();
    }

    /// <summary>An optional text of <paramref name="clase"/>: trimmed, blank becomes null; refused naming <paramref name="campo"/>.</summary>
    public static string? Opcional(string? valor, string campo, ClaseTexto clase = ClaseTexto.Nombre)
    {
        if (string.IsNullOrWhiteSpace(valor)) return null;
        Comprobar(valor, campo, clase);
        return valor.Trim();
    }

    /// <summary>Refuses a text of <paramref name="clase"/> naming <paramref name="campo"/>, and returns it unchanged when it is acceptable.</summary>
    public static string? Verificado(string? valor, string campo, ClaseTexto clase)
    {
        if (valor is not null) Comprobar(valor, campo, clase);
        return valor;
    }

    private static void Comprobar(string valor, string campo, ClaseTexto clase)
    {
        if (LimitesTexto.Problema(valor, clase) is { } p) throw new ReglaDominioException($"El campo {campo} {p}.", campo);
    }
}

/// <summary>
/// A business rule refused an operation; the message is meant for the user, in Spanish.
/// <see cref="Campo"/>, when set, names the field the rule is about (as the message does), so a form can
/// show the problem beside it and a reader can put its own address first.
/// </summary>
public sealed class ReglaDominioException(string mensaje, string? campo = null) : Exception(mensaje)
{
    public string? Campo { get; } = campo;
}

/// <summary>
/// One broken rule, in pieces each reader puts at its own address. <see cref="Campo"/> is a stable key of
/// the field (the exchange file's member name, e.g. "toleranciaSuperior"); <see cref="Etiqueta"/> the field
/// as the form labels it; <see cref="Detalle"/> what is wrong, in Spanish, starting in lower case.
/// A form shows <see cref="Mensaje"/>; the JSON reader writes "configuracion.toleranciaSuperior: " + Detalle;
/// the Excel reader puts Detalle after sheet, row and column.
/// </summary>
public sealed record Problema(string Campo, string Etiqueta, string Detalle)
{
    public string Mensaje => $"{Etiqueta}: {Detalle}";

    public override string ToString() => Mensaje;
}

/// <summary>Spanish prose shared by every drafted text (report, narrative, tasks).</summary>
public static class Redaccion
{
    /// <summary>"a", "a y b", "a, b y c"; empty for none.</summary>
    public static string Lista(IEnumerable<string> partes)
    {
        var l = partes.ToList();
        return l.Count switch
        {
            0 => "",
            1 => l[0],
            _ => string.Join(", ", l.Take(l.Count - 1)) + " y " + l[^1],
        };
    }
}
