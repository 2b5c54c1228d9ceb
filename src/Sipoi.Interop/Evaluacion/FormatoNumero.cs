using System.Globalization;

namespace Sipoi.Interop.Evaluacion;

/// <summary>
/// Numbers as the planning offices write them: <c>17,009,620.80</c>, <c>94.27 %</c>.
/// Display is the only place where figures are rounded (half away from zero, as a spreadsheet does).
/// </summary>
public static class FormatoNumero
{
    private static readonly NumberFormatInfo Formato = new()
    {
        NumberDecimalSeparator = ".",
        NumberGroupSeparator = ",",
        NegativeSign = "-",
    };

    public static decimal Redondear(decimal valor, int decimales = 2) =>
        Math.Round(valor, decimales, MidpointRounding.AwayFromZero);

    /// <summary>17009620.8 → "17,009,620.80".</summary>
    public static string Numero(decimal valor, int decimales = 2) =>
        Redondear(valor, decimales).ToString("N" + decimales.ToString(CultureInfo.InvariantCulture), Formato);

    /// <summary>
    /// A quantity as the POI matrices print it: 1234.5 → "1,234.5", 21 → "21" (decimals only when it has
    /// them, at most <paramref name="decimales"/>).
    /// </summary>
    public static string Cantidad(decimal valor, int decimales = 2) =>
        Redondear(valor, decimales).ToString("#,0." + new string('#', decimales), Formato);

    /// <summary>Money: 27601391 → "S/ 27,601,391.00".</summary>
    public static string Soles(decimal valor) => "S/ " + Numero(valor);

    /// <summary>Whole counts: 1234 → "1,234".</summary>
    public static string Entero(int valor) => valor.ToString("N0", Formato);

    /// <summary>94.2712 → "94.27 %"; null → <paramref name="siNulo"/>.</summary>
    public static string Porcentaje(decimal? valor, string siNulo = "—", int decimales = 2) =>
        valor is { } v ? Numero(v, decimales) + " %" : siNulo;
}
