using Sipoi.Web.Data;
using Sipoi.Web.ImportacionExcel;

namespace Sipoi.Web.Cli;

public static partial class LineaDeComandos
{
    /// <summary>
    /// sipoi import-excel ARCHIVO --entidad C --anio Y [--como-anio-siguiente] — replaces the POI of that year with the
    /// workbook's matrices, all or nothing; every error names sheet, row and column (docs/importacion-excel.md). With
    /// --como-anio-siguiente the workbook is the matrix of year Y − 1, the start of POI Y.
    /// </summary>
    private static async Task<int> ImportarExcelAsync(Argumentos a, SipoiDbContext db, TextWriter salida, CancellationToken ct)
    {
        var archivo = a.Posicional(0, "el libro a importar (sipoi import-excel ARCHIVO --entidad C --anio Y [--como-anio-siguiente])");
        var entidad = a.Requerida("entidad");
        var anio = a.Entero("anio");
        var siguiente = a.Bandera("como-anio-siguiente");
        a.SinSobrantes(1);
        if (!File.Exists(archivo)) throw new ErrorCli($"no existe el archivo {archivo}.");
        if (new FileInfo(archivo).Length > ImportacionPoiExcel.TamanoMaximo)
            throw new ErrorCli($"{archivo} pesa más de {ImportacionPoiExcel.TamanoMaximo / 1024 / 1024} MB.");
        await using var s = File.OpenRead(archivo);
        var (revision, importacion) = await ImportacionPoiExcel.ImportarAsync(db, entidad, anio, s, Path.GetFileName(archivo), ct, siguiente);
        var errores = importacion is { Exito: false } ? importacion.Errores : revision.Errores;
        if (importacion is not { Exito: true })
        {
            await Console.Error.WriteLineAsync($"No se importó nada: {archivo} tiene {errores.Count} error(es):");
            foreach (var e in errores) await Console.Error.WriteLineAsync("  " + e);
            return 1;
        }
        var lectura = revision.Lectura!;
        await salida.WriteLineAsync($"Importado: entidad {importacion.Entidad}, POI {importacion.Anio}, {Plural.Conteo(importacion.Actividades, "actividad", "actividades")} de {Plural.Conteo(lectura.Hojas.Count, "hoja", "hojas")}.");
        if (revision.Actual is { } actual)
            await salida.WriteLineAsync($"Reemplazó {Plural.Conteo(actual.Actividades, "actividad", "actividades")}, {Plural.Conteo(actual.MesesConAvance, "registro mensual", "registros mensuales")} de avance y {Plural.Conteo(actual.Evidencias, "evidencia", "evidencias")}.");
        foreach (var h in lectura.HojasIgnoradas) await salida.WriteLineAsync($"Hoja no importada: {h}.");
        return 0;
    }
}
