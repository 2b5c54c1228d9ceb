using System.Globalization;

namespace Sipoi.Domain;

/// <summary>
/// A count with its noun agreeing in number, for messages written outside the web layer (domain, import, CLI): «1 actividad»,
/// «34 actividades», «1,250 registros». The pages call it through <c>Formato.Conteo</c>.
/// </summary>
public static class Plural
{
    /// <summary>«1 actividad», «0 actividades», «1,250 actividades» (thousands with a comma, as every figure).</summary>
    public static string Conteo(int n, string singular, string plural) =>
        $"{n.ToString("#,0", CultureInfo.InvariantCulture)} {(n == 1 ? singular : plural)}";
}
