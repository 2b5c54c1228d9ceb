using System.Globalization;

namespace Sipoi.Web.Tests.Infraestructura;

/// <summary>
/// How the pages print numbers, written here from the rule (thousands with ",", decimals with ".", a
/// percentage with two decimals and " %", "ND" without a value) rather than by calling the app's formatter,
/// so a page test fails when the app's formatting changes instead of agreeing with it.
/// </summary>
public static class Cifra
{
    /// <summary>A quantity: decimals only when it has them ("1,234", "12.5").</summary>
    public static string Numero(decimal? valor) => valor is { } v
        ? v.ToString(v == decimal.Truncate(v) ? "#,0" : "#,0.##", CultureInfo.InvariantCulture)
        : "";

    /// <summary>Money and shares: always two decimals ("27,601,391.00").</summary>
    public static string Numero2(decimal? valor) => valor is { } v ? v.ToString("#,0.00", CultureInfo.InvariantCulture) : "";

    /// <summary>"94.27 %", or "ND" when there is nothing to evaluate.</summary>
    public static string Porcentaje(decimal? valor) => valor is { } v ? Numero2(v) + " %" : "ND";
}
