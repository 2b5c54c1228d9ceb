using System.Globalization;
using Sipoi.Domain;

namespace Sipoi.Interop.ImportacionExcel;

/// <summary>
/// A quantity from a cell, stored as a number or typed as text the office way: "17,009,620.80", "1,234",
/// "1234.5". Blank, "-" and "—" are "no value". The database keeps 4 decimals and 14 integer digits.
/// </summary>
internal static class NumeroCelda
{
    public const int DecimalesMaximos = 4;
    private const decimal Maximo = NumeroEscrito.Maximo;

    /// <summary>
    /// The value (null when blank), or an error message in Spanish naming what was typed.
    /// Numeric cells go through double, as the spreadsheet holds them: 0.30000000000000004 reads 0.3.
    /// </summary>
    /// <param name="limitarDecimales">False for a figure only compared, never stored (a quarter's mean: 21.333333333333332).</param>
    public static (decimal? Valor, string? Error) Leer(ValorCelda? celda, bool limitarDecimales = true)
    {
        if (celda is not { } c) return (null, null);
        switch (c.Tipo)
        {
            case TipoValor.Numero:
                if (!double.TryParse(c.Crudo, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) || double.IsNaN(d) || double.IsInfinity(d))
                    return (null, $"«{c.Mostrado}» no es un número.");
                if (Math.Abs(d) > (double)Maximo) return (null, $"«{c.Mostrado}» es demasiado grande.");
                return Comprobar((decimal)d, c.Mostrado, limitarDecimales);
            case TipoValor.Texto:
                var s = c.Crudo.Replace('\u00A0', ' ').Trim();
                if (s.Length == 0 || s is "-" or "—" or "–") return (null, null);
                // A number typed as text is read as every form reads it (the domain's one parser).
                var (v, problema) = NumeroEscrito.Leer(s);
                return v is { } leido ? Comprobar(leido, c.Mostrado, limitarDecimales) : (null, problema);
            case TipoValor.FormulaSinValor:
                return (null, $"la fórmula {c.Mostrado} se guardó sin su valor; abra el libro en Excel o LibreOffice y guárdelo de nuevo.");
            case TipoValor.Error:
                return (null, $"la celda tiene el error {c.Mostrado}.");
            default:
                return (null, $"«{c.Mostrado}» no es un número.");
        }
    }

    private static (decimal?, string?) Comprobar(decimal v, string mostrado, bool limitarDecimales)
    {
        if (v < 0) return (null, $"«{mostrado}» es negativo; las metas son 0 o más.");
        if (limitarDecimales && v.Scale > DecimalesMaximos && v != Math.Round(v, DecimalesMaximos))
            return (null, $"«{mostrado}» tiene más de {DecimalesMaximos} decimales; redondéelo.");
        return (v, null);
    }
}
