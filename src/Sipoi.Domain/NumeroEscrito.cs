using System.Globalization;
using System.Text.RegularExpressions;

namespace Sipoi.Domain;

/// <summary>
/// How the offices type a number (DOMAIN.md §7): point as decimal separator, optional comma thousands
/// ("17,009,620.80", "1,234", "1234.5", ".5", "-3"). The one reader of typed numbers: every form, the
/// monitoring grid and API, and the text cells of an Excel import go through it, so they all accept and
/// refuse the same things with the same words.
/// </summary>
public static partial class NumeroEscrito
{
    /// <summary>The largest magnitude any numeric column stores (numeric(18,4): 14 integer digits).</summary>
    public const decimal Maximo = 99_999_999_999_999.9999m;

    public static bool TryLeer(string? texto, out decimal valor)
    {
        var (v, problema) = Leer(texto);
        valor = v ?? 0;
        return v is not null && problema is null;
    }

    /// <summary>
    /// The value (null when blank), or what is wrong with the text in Spanish, starting with the text itself
    /// («12,5» no es un número: …) so each reader only puts its address first. A no-break space (what Excel
    /// and web pages paste) counts as a space; the sign is read, so the caller can say a value is negative.
    /// </summary>
    public static (decimal? Valor, string? Problema) Leer(string? texto)
    {
        if (texto is null) return (null, null);
        var t = texto.Replace('\u00A0', ' ').Trim();
        if (t.Length == 0) return (null, null);
        var mostrado = t.Length <= 40 ? t : t[..39] + "…";
        if (Oficina().IsMatch(t) || Simple().IsMatch(t))
        {
            if (decimal.TryParse(t.Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                    CultureInfo.InvariantCulture, out var v) && Math.Abs(v) <= Maximo)
                return (v, null);
            return (null, $"«{mostrado}» es demasiado grande.");
        }
        if (ComaDecimal().IsMatch(t))
            return (null, $"«{mostrado}» no es un número: los decimales van con punto y los miles con coma (1,234.50).");
        return (null, $"«{mostrado}» no es un número.");
    }

    // 1,234,567.89 — groups of three after the first.
    [GeneratedRegex(@"^-?\d{1,3}(,\d{3})+(\.\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Oficina();

    [GeneratedRegex(@"^-?\d+(\.\d+)?$|^-?\.\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex Simple();

    // 1234,5 or 1.234,56: the comma used as the decimal separator.
    [GeneratedRegex(@"^-?[\d.]*\d,\d{1,2}$|^-?\d{1,3}(\.\d{3})+(,\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex ComaDecimal();
}
