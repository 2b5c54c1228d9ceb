using System.Diagnostics;
using Sipoi.Interop.ImportacionExcel;
using Sipoi.Pruebas.Comun;

namespace Sipoi.Benchmarks;

/// <summary>
/// `Sipoi.Benchmarks bomba-excel`: the memory the Excel import's reader takes on hostile workbooks and on the largest
/// workbook the limits let through (src/Sipoi.Interop/Archivos/README.md). Prints figures; asserts nothing. The peak
/// working set is the whole process's, so it includes the runtime and every case before.
/// </summary>
internal static class BombaExcel
{
    public static int Ejecutar(TextWriter salida)
    {
        var contexto = new ContextoPoiExcel { Anio = 2024 };
        var proceso = Process.GetCurrentProcess();
        salida.WriteLine($"Proceso al empezar: {Megas(Environment.WorkingSet)} de memoria residente");
        salida.WriteLine("| caso | archivo | descomprimido | asignado al leer | pico del proceso | tiempo | resultado |");
        salida.WriteLine("|---|---|---|---|---|---|---|");
        var casos = new (string Nombre, Func<byte[]> Crear, string Descomprimido)[]
        {
            ("bomba: 5 millones de celdas iguales", () => XlsxCrudo.BombaDeCeldas(5_000_000), "110 MB"),
            ("bomba: 20 millones de celdas iguales", () => XlsxCrudo.BombaDeCeldas(20_000_000), "440 MB"),
            ("bomba: 3 millones de textos compartidos", () => XlsxCrudo.BombaDeTextos(3_000_000), "126 MB"),
            ("cabecera que declara 1,000 bytes para 400 MB", () => XlsxCrudo.CabeceraMentirosa(400 * 1024 * 1024, 1000), "400 MB"),
            ("libro más grande que dejan pasar los límites: 20,000 filas × 25 celdas", () => XlsxCrudo.LibroGrande(20_000, 25), "≈ 10 MB"),
        };
        foreach (var (nombre, crear, descomprimido) in casos)
        {
            var archivo = crear();
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var antes = GC.GetAllocatedBytesForCurrentThread();
            var reloj = Stopwatch.StartNew();
            var r = LectorPoiExcel.Leer(new MemoryStream(archivo), contexto);
            reloj.Stop();
            var asignado = GC.GetAllocatedBytesForCurrentThread() - antes;
            proceso.Refresh();
            var resultado = r.Errores.Count > 0 ? r.Errores[0].ToString() : "válido";
            if (resultado.Length > 90) resultado = resultado[..89] + "…";
            salida.WriteLine($"| {nombre} | {archivo.Length / 1024.0:N0} KB | {descomprimido} | {Megas(asignado)} | {Megas(proceso.PeakWorkingSet64)} | " +
                             $"{reloj.Elapsed.TotalSeconds:N2} s | {resultado} |");
        }
        return 0;
    }

    private static string Megas(long bytes) => $"{bytes / 1024.0 / 1024.0:N0} MB";
}
