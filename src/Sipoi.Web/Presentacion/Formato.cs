using System.Globalization;
using Sipoi.Interop.Evaluacion;

namespace Sipoi.Web.Presentacion;

/// <summary>
/// How the pages write numbers, money and moments for the offices: 17,009,620.80, 94.27 %, S/ 27,601,391.00.
/// The digits come from <see cref="FormatoNumero"/>, the rules the reports and exports already use, so a
/// page and its workbook cannot round or group a figure differently; this type only adds what a page
/// needs on top (an empty cell for a missing quantity, ND for a missing percentage, Peru's time).
/// </summary>
public static class Formato
{
    /// <summary>The request culture: Spanish (Peru) with the offices' point for decimals and comma for thousands.</summary>
    public static CultureInfo Cultura { get; } = CrearCultura();

    private static CultureInfo CrearCultura()
    {
        var c = (CultureInfo)CultureInfo.GetCultureInfo("es-PE").Clone();
        c.NumberFormat.NumberDecimalSeparator = ".";
        c.NumberFormat.NumberGroupSeparator = ",";
        c.NumberFormat.PercentDecimalSeparator = ".";
        c.NumberFormat.PercentGroupSeparator = ",";
        c.NumberFormat.CurrencyDecimalSeparator = ".";
        c.NumberFormat.CurrencyGroupSeparator = ",";
        return CultureInfo.ReadOnly(c);
    }

    /// <summary>A quantity as the matrices print it: thousands separated, decimals only when it has them; empty when missing.</summary>
    public static string Numero(decimal? valor) => valor is { } v ? FormatoNumero.Cantidad(v) : "";

    /// <summary>Money and shares as the budget tables print them: always two decimals; empty when missing.</summary>
    public static string Numero2(decimal? valor) => valor is { } v ? FormatoNumero.Numero(v) : "";

    /// <summary>94.27 %; a missing percentage is the one ND text (<see cref="BandaTexto.NoDisponible"/>).</summary>
    public static string Porcentaje(decimal? valor) => FormatoNumero.Porcentaje(valor, BandaTexto.NoDisponible);

    /// <summary>A count with its noun in the right number: «1 agregada», «0 agregadas», «1,200 agregadas».</summary>
    public static string Conteo(int n, string singular, string plural) => Plural.Conteo(n, singular, plural);

    /// <summary>S/ 27,601,391.00; empty when missing.</summary>
    public static string Soles(decimal? valor) => valor is { } v ? FormatoNumero.Soles(v) : "";

    /// <summary>
    /// Peru's time (UTC−5, no daylight saving): how moments are shown and how a date typed in a filter
    /// is read. The fixed offset is the fallback when the machine has no time-zone database.
    /// </summary>
    public static TimeZoneInfo ZonaHoraria { get; } = CrearZona();

    private static TimeZoneInfo CrearZona()
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById("America/Lima"); }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("Peru", TimeSpan.FromHours(-5), "Hora de Perú", "Hora de Perú");
        }
    }

    public static DateTimeOffset HoraLocal(DateTimeOffset momento) => TimeZoneInfo.ConvertTime(momento, ZonaHoraria);

    public static string FechaHora(DateTimeOffset momento) => HoraLocal(momento).ToString("dd/MM/yyyy HH:mm:ss", Cultura);

    /// <summary>The local date of a moment: "22/07/2024".</summary>
    public static string Fecha(DateTimeOffset momento) => HoraLocal(momento).ToString("dd/MM/yyyy", Cultura);

    /// <summary>The first instant of a local date, for "from" and "until" filters.</summary>
    public static DateTimeOffset InicioDelDia(DateOnly fecha)
    {
        var local = fecha.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, ZonaHoraria.GetUtcOffset(local)).ToUniversalTime();
    }
}
