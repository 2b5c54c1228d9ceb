using Sipoi.Domain.Periodos;
using Sipoi.Domain.Seguimiento;

namespace Sipoi.Domain.Operativo;

/// <summary>
/// Loading an office's execution table as history of a POI year (the Excel import's «Cargar ejecución histórica»):
/// what happens to one activity-month. The rule lives here once; the web layer applies it to every month of the
/// workbook and refuses the whole load when any month is refused. Approved data is sacred: a month whose monitoring
/// is closed (submitted, validated or approved: <see cref="ReimportacionPoi.MesCerrado"/>) is never changed by a load —
/// the same value is simply already there, a different one is refused. Any other month takes the workbook's value
/// and its cost centre's month enters approved (<see cref="SeguimientoMensual.AprobadoPorImportacion"/>).
/// </summary>
public static class CargaEjecucionHistorica
{
    /// <summary>The database keeps 4 decimals: a workbook value is compared (and stored) at that precision.</summary>
    public const int Decimales = 4;

    public enum Resultado
    {
        /// <summary>The month takes the workbook's value and is approved.</summary>
        Cargar,
        /// <summary>The month is closed and already holds that value: nothing to do.</summary>
        YaEsta,
        /// <summary>The month is closed with another value (or none): the whole load is refused.</summary>
        Rechazar,
    }

    /// <summary>What to do with <paramref name="nuevo"/> for a month whose monitoring is <paramref name="estado"/> and whose physical value is <paramref name="actual"/>.</summary>
    public static Resultado Decidir(EstadoSeguimiento estado, decimal? actual, decimal nuevo)
    {
        if (nuevo < 0) throw new ReglaDominioException("La ejecución no puede ser negativa.");
        if (!ReimportacionPoi.MesCerrado(estado)) return Resultado.Cargar;
        return actual == Math.Round(nuevo, Decimales) ? Resultado.YaEsta : Resultado.Rechazar;
    }

    /// <summary>Why a closed month refuses the workbook's value, naming the activity, the month and the centre.</summary>
    public static string Motivo(string codigo, string centroCosto, int mes, EstadoSeguimiento estado, decimal? actual, decimal nuevo)
    {
        var nombreMes = Meses.Nombre(mes).ToLowerInvariant();
        var tenia = actual is { } a ? $"tiene {Cifra(a)}" : "no tiene ejecución registrada";
        return $"La actividad {codigo}, {nombreMes}: el libro trae {Cifra(nuevo)}, pero el seguimiento de {nombreMes} del centro {centroCosto} " +
               $"está {estado.Nombre().ToLowerInvariant()} y {tenia}; una carga de ejecución histórica no cambia un mes enviado o aprobado.";
    }

    private static string Cifra(decimal v) => v.ToString("#,0.####", System.Globalization.CultureInfo.InvariantCulture);
}
