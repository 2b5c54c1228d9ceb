using System.Globalization;
using Sipoi.Domain.Organizacion;
using Sipoi.Domain.Periodos;

namespace Sipoi.Domain.Seguimiento;

/// <summary>One month of one POI year: what monitoring registers, submits and closes.</summary>
public readonly record struct MesDelAnio
{
    public int Anio { get; }
    public int Mes { get; }

    public MesDelAnio(int anio, int mes)
    {
        if (anio is < 2000 or > 2100) throw new ReglaDominioException($"Año no válido: {anio}.");
        if (mes is < 1 or > 12) throw new ReglaDominioException($"Mes no válido: {mes}.");
        Anio = anio;
        Mes = mes;
    }

    public DateOnly PrimerDia => new(Anio, Mes, 1);
    public DateOnly UltimoDia => PrimerDia.AddMonths(1).AddDays(-1);

    /// <summary>"enero de 2024": how the messages name the month.</summary>
    public string Nombre => $"{Meses.Nombre(Mes).ToLowerInvariant()} de {Anio}";

    public override string ToString() => Nombre;

    /// <summary>The quarter (1–4) the month belongs to.</summary>
    public int Trimestre => (Mes + 2) / 3;

    /// <summary>The quarter's last month (March, June, September, December): where a quarterly centre submits the quarter.</summary>
    public MesDelAnio CierreDelTrimestre => new(Anio, 3 * Trimestre);

    public bool EsCierreDeTrimestre => Mes % 3 == 0;

    /// <summary>The quarter's three months, in order.</summary>
    public IReadOnlyList<MesDelAnio> MesesDelTrimestre => [new(Anio, 3 * Trimestre - 2), new(Anio, 3 * Trimestre - 1), new(Anio, 3 * Trimestre)];

    /// <summary>"I trimestre de 2025 (enero a marzo)": how the messages name a quarter.</summary>
    private static readonly string[] Romanos = ["I", "II", "III", "IV"];

    public string NombreTrimestre =>
        $"{Romanos[Trimestre - 1]} trimestre de {Anio} " +
        $"({Meses.Nombre(3 * Trimestre - 2).ToLowerInvariant()} a {Meses.Nombre(3 * Trimestre).ToLowerInvariant()})";
}

/// <summary>
/// When a month closes for registration (DOMAIN.md §3). The deadline is a calendar date in Peru;
/// the whole deadline day is still open.
/// </summary>
public static class Plazos
{
    /// <summary>Peru keeps UTC−5 all year (no daylight saving since 1994), so a fixed offset is exact.</summary>
    public static readonly TimeSpan DesfasePeru = TimeSpan.FromHours(-5);

    /// <summary>The calendar date in Peru at <paramref name="ahora"/>: the "today" every deadline is compared with.</summary>
    public static DateOnly Hoy(DateTimeOffset ahora) => DateOnly.FromDateTime(ahora.ToOffset(DesfasePeru).DateTime);

    /// <summary>Regular closing date: <paramref name="diasCierre"/> calendar days after the month's last day (January 2024, 10 → 10/02/2024).</summary>
    public static DateOnly Cierre(MesDelAnio mes, int diasCierre)
    {
        if (diasCierre is < 0 or > 366) throw new ReglaDominioException("Los días de cierre van de 0 a 366.");
        return mes.UltimoDia.AddDays(diasCierre);
    }

    /// <summary>
    /// THE closing date of a month under the entity's settings: with the quarterly rhythm every month of a quarter closes
    /// <see cref="ConfiguracionEntidad.DiasCierre"/> days after the quarter ends (Q1 2025, 10 → 10/04/2025 for January,
    /// February and March), since the centre submits the three together. Tasks, reminders and the board call this one.
    /// </summary>
    public static DateOnly Cierre(MesDelAnio mes, ConfiguracionEntidad configuracion) =>
        Cierre(configuracion.Ritmo == RitmoReporte.Trimestral ? mes.CierreDelTrimestre : mes, configuracion.DiasCierre);

    /// <summary>
    /// The deadline in force: a reopening's new deadline when it is later than the regular one.
    /// A reopening never shortens the time the regular rule gives.
    /// </summary>
    public static DateOnly Vigente(DateOnly cierre, Reapertura? reapertura) =>
        reapertura is { } r && r.NuevoPlazo > cierre ? r.NuevoPlazo : cierre;

    /// <summary>Past the deadline: the deadline day itself is still open.</summary>
    public static bool Vencido(DateOnly plazo, DateOnly hoy) => hoy > plazo;

    public static string Fecha(DateOnly fecha) => fecha.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string MensajeVencido(MesDelAnio mes, DateOnly plazo) =>
        $"El plazo para registrar {mes.Nombre} venció el {Fecha(plazo)}.";
}
