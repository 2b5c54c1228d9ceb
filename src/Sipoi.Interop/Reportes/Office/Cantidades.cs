using Sipoi.Domain.Evaluacion;

namespace Sipoi.Interop.Reportes.Office;

/// <summary>Which number style a figure takes: counts and physical targets as <c>#,##0</c> unless a value has decimals.</summary>
internal static class Cantidades
{
    public static bool TieneDecimales(decimal valor) => valor != decimal.Truncate(valor);

    public static bool TieneDecimales(IEnumerable<decimal> valores) => valores.Any(TieneDecimales);

    public static bool TieneDecimales(IEnumerable<decimal?> valores) => valores.Any(v => v is { } x && TieneDecimales(x));

    public static EstiloCelda Estilo(bool decimales) => decimales ? EstiloCelda.Decimal : EstiloCelda.Entero;

    public static EstiloCelda Resaltado(bool decimales) => decimales ? EstiloCelda.DecimalResaltado : EstiloCelda.EnteroResaltado;

    public static EstiloCelda Total(bool decimales) => decimales ? EstiloCelda.TotalDecimal : EstiloCelda.TotalEntero;

    /// <summary>A band is shown as its text with a fill colour, never as colour alone; ND is grey.</summary>
    public static EstiloCelda Banda(Banda? banda) => banda switch
    {
        Domain.Evaluacion.Banda.Bajo => EstiloCelda.BandaBajo,
        Domain.Evaluacion.Banda.Medio => EstiloCelda.BandaMedio,
        Domain.Evaluacion.Banda.Alto => EstiloCelda.BandaAlto,
        _ => EstiloCelda.BandaNd,
    };
}
