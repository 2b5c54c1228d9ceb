using System.Globalization;
using System.Text.RegularExpressions;

namespace Sipoi.Domain;

/// <summary>
/// How the offices type a number in a form: point as decimal separator, optional comma thousands
/// (1,234.50 or 1234.5). One reader for every form, so the grid and the drafting form agree.
/// </summary>
public static partial class NumeroEscrito
{
    public static bool TryLeer(string? texto, out decimal valor)
    {
        valor = 0;
        if (string.IsNullOrWhiteSpace(texto)) return false;
        var t = texto.Trim();
        return Patron().IsMatch(t) &&
            decimal.TryParse(t.Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                CultureInfo.InvariantCulture, out valor);
    }

    [GeneratedRegex(@"^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Patron();
}
