using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Sipoi.Interop.ImportacionExcel;

/// <summary>How the reader compares what offices type: headings, month names and codes.</summary>
internal static partial class TextoExcel
{
    /// <summary>Lower case, without accents, single spaces, without a trailing ":" or ".": "Fecha de Inicio :" → "fecha de inicio".</summary>
    public static string Normalizar(string? texto)
    {
        if (string.IsNullOrWhiteSpace(texto)) return "";
        var sb = new StringBuilder(texto.Length);
        foreach (var ch in texto.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
            sb.Append(char.IsWhiteSpace(ch) ? ' ' : char.ToLowerInvariant(ch));
        }
        var s = Espacios().Replace(sb.ToString(), " ").Trim();
        return s.TrimEnd(':', '.', ' ');
    }

    /// <summary>
    /// Whether <paramref name="texto"/> starts with <paramref name="codigo"/>, ignoring case and spaces
    /// ("AEI. 04.04 : Fortalecer…" starts with "AEI.04.04"; "FP06" with "FP 06"), followed by the end,
    /// a space or a separator — so "01.02 OFICINA" is not taken for the centre "01".
    /// </summary>
    public static bool EmpiezaConCodigo(string texto, string codigo)
    {
        int i = 0, j = 0;
        while (true)
        {
            while (j < codigo.Length && char.IsWhiteSpace(codigo[j])) j++;
            if (j == codigo.Length) break;
            while (i < texto.Length && char.IsWhiteSpace(texto[i])) i++;
            if (i == texto.Length || char.ToUpperInvariant(texto[i]) != char.ToUpperInvariant(codigo[j])) return false;
            i++;
            j++;
        }
        return i == texto.Length || char.IsWhiteSpace(texto[i]) || texto[i] is ':' or ',' or ';' or '–' or '—' or '|';
    }

    /// <summary>The longest of <paramref name="codigos"/> that <paramref name="texto"/> starts with (see <see cref="EmpiezaConCodigo"/>).</summary>
    public static string? CodigoAlInicio(string texto, IEnumerable<string> codigos) =>
        codigos.Where(c => EmpiezaConCodigo(texto.Trim(), c)).OrderByDescending(c => c.Length).FirstOrDefault();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Espacios();
}
