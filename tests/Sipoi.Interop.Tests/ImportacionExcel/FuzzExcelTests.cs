using System.Diagnostics;
using Sipoi.Interop.ImportacionExcel;
using Xunit.Abstractions;

namespace Sipoi.Interop.Tests.ImportacionExcel;

/// <summary>
/// Seeded mutation tests of the Excel reader (issue 11 item 10): damaged and hostile workbooks never throw, and every
/// refusal is a message in Spanish that says where (sheet → row → column when it has them). Bounded by iterations
/// and by time; the seed is printed and in every failure (SIPOI_SEMILLA=N reproduces a run).
/// </summary>
public class FuzzExcelTests(ITestOutputHelper salida)
{
    private static readonly string[] Ingles = ["Exception", "exception", "Object reference", "   at ", "System.", "Value cannot", "index was", "Index was"];

    internal static int Semilla() =>
        int.TryParse(Environment.GetEnvironmentVariable("SIPOI_SEMILLA"), out var s) ? s : 20261206;

    /// <summary>Checks one reading: no exception, and errors that are Spanish sentences with their place.</summary>
    internal static void Comprobar(Func<ResultadoPoiExcel> leer, string caso)
    {
        ResultadoPoiExcel r;
        try
        {
            r = leer();
        }
        catch (Exception e)
        {
            Assert.Fail($"{caso}: excepción sin manejar {e.GetType().Name}: {e.Message}\n{e.StackTrace}");
            throw;
        }
        if (r.EsValido)
        {
            Assert.True(r.Poi.Actividades.Count > 0, $"{caso}: válido pero sin actividades");
            return;
        }
        Assert.True(r.Errores.Count > 0, $"{caso}: ni POI ni errores");
        foreach (var e in r.Errores)
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Mensaje), $"{caso}: error sin mensaje");
            Assert.True(Ingles.All(x => !e.Mensaje.Contains(x, StringComparison.Ordinal)), $"{caso}: mensaje técnico «{e}»");
            Assert.True(e.Fila is null || e.Hoja is not null, $"{caso}: fila sin hoja «{e}»");
            Assert.True(e.Columna is null || e.Fila is not null, $"{caso}: columna sin fila «{e}»");
        }
    }

    [Fact]
    public void LibrosMutados_NuncaLanzan_YCadaErrorDiceDonde()
    {
        var demo = ImportacionExcelLectorTests.Demo();
        var contexto = ContextoPoiExcel.Desde(demo, 2024);
        // Two fichas (one sheet each) keep an iteration fast; the reader's paths are the same as for 25 sheets.
        var dos = demo with { Poi = demo.Poi with { Actividades = demo.Poi.Actividades.Where(a => a.Ficha is "FP 06" or "FP 34").ToList() } };
        var base_ = ImportacionExcelLectorTests.MatrizDelDemo(dos).ToArray();
        Assert.True(LectorPoiExcel.Leer(new MemoryStream(base_), contexto).EsValido);

        var semilla = Semilla();
        salida.WriteLine($"semilla {semilla} (SIPOI_SEMILLA={semilla} reproduce esta corrida)");
        // Every kind of damage twice whatever the clock says, then random kinds until either bound.
        var obligatorias = 2 * MutadorXlsx.Tipos;
        const int maximo = 300;
        var limite = TimeSpan.FromSeconds(6);
        var reloj = Stopwatch.StartNew();
        var (validos, rechazados, i) = (0, 0, 0);
        var tiempos = new TimeSpan[MutadorXlsx.Tipos];
        for (; i < obligatorias || (i < maximo && reloj.Elapsed < limite); i++)
        {
            // Each iteration has its own generator, so one failure is reproduced alone with its seed and number.
            var azar = new Random(HashCode.Combine(semilla, i));
            var tipo = i < obligatorias ? i % MutadorXlsx.Tipos : azar.Next(MutadorXlsx.Tipos);
            var antes = reloj.Elapsed;
            var (descripcion, archivo) = MutadorXlsx.Mutar(base_, azar, tipo);
            var caso = $"semilla {semilla}, iteración {i}: {descripcion}";
            ResultadoPoiExcel? r = null;
            Comprobar(() => r = LectorPoiExcel.Leer(new MemoryStream(archivo), contexto), caso);
            if (r!.EsValido) validos++; else rechazados++;
            tiempos[tipo] += reloj.Elapsed - antes;
        }
        salida.WriteLine($"{i} libros mutados en {reloj.Elapsed.TotalSeconds:N1} s: {rechazados} rechazados con mensaje, {validos} aún válidos, 0 excepciones");
        salida.WriteLine("tiempo por tipo de daño (ms): " + string.Join(", ", tiempos.Select((t, k) => $"{k}={t.TotalMilliseconds:N0}")));
    }
}
