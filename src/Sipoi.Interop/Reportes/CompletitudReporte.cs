using System.Globalization;
using Sipoi.Domain.Informes;
using Sipoi.Domain.Periodos;
using Sipoi.Domain.Seguimiento;
using Sipoi.Interop.Reportes.Office;

namespace Sipoi.Interop.Reportes;

/// <summary>
/// How the files say a period is incomplete (issue 13, item 3): one note (the domain's sentence, and the reason when
/// an incomplete period was published) and one table of the missing centre-months, shared by the Word report (summary
/// and annex), the monitoring workbook and the execution workbook (a sheet of its own).
/// </summary>
public static class CompletitudReporte
{
    public const string Hoja = "Meses sin contar";

    /// <summary>"Faltan 25 de 552 meses-centro por aprobar: … Las cifras de este documento no cuentan esos meses."</summary>
    public static string Nota(Completitud c, string? motivo)
    {
        ArgumentNullException.ThrowIfNull(c);
        var nota = c.Completa ? c.Frase : c.Frase + " Las cifras de este documento no cuentan esos meses.";
        return motivo is null || c.Completa ? nota : nota + " " + EvaluacionPoi.NotaPublicadaIncompleta(c.MesesCentroFaltantes, motivo);
    }

    /// <summary>The missing centre-months, by month then centre, with the note below.</summary>
    public static TablaDatos Tabla(Completitud c, string? motivo)
    {
        ArgumentNullException.ThrowIfNull(c);
        ColumnaDatos[] cols = [new("Código", 12), new("Centro de costo", 46), new("Mes", 14), new("Estado", 14)];
        var filas = c.Faltantes.Select(f => new FilaDatos(
        [
            ValorDatos.Texto(f.CentroCodigo), ValorDatos.Texto(f.CentroNombre), ValorDatos.Texto(Meses.Nombre(f.Mes)),
            ValorDatos.Texto(f.Estado.Nombre(), true),
        ])).ToList();
        return new TablaDatos(Hoja,
            $"MESES-CENTRO QUE LAS CIFRAS NO CUENTAN — {c.Periodo.Nombre.ToUpper(CultureInfo.GetCultureInfo("es-PE"))}", cols, filas)
        {
            Nota = Nota(c, motivo),
        };
    }
}
