using System.Diagnostics;

namespace Sipoi.Benchmarks;

/// <summary>Best and median of N timed runs, in milliseconds.</summary>
public sealed record Tiempos(double Mejor, double Mediana)
{
    public override string ToString() => $"{Cronometro.Formato(Mejor)} / {Cronometro.Formato(Mediana)}";
}

/// <summary>How every benchmark here times an action: one warm-up run, then N timed runs.</summary>
public static class Cronometro
{
    public static string Formato(double ms) => ms >= 10_000 ? $"{ms / 1000:F1} s" : ms >= 1000 ? $"{ms / 1000:F2} s" : $"{ms:F1} ms";

    public static async Task<Tiempos> TomarAsync(int repeticiones, Func<Task> accion)
    {
        await accion();   // warm-up
        var t = new double[repeticiones];
        for (var i = 0; i < repeticiones; i++)
        {
            var r = Stopwatch.StartNew();
            await accion();
            t[i] = r.Elapsed.TotalMilliseconds;
        }
        Array.Sort(t);
        return new Tiempos(t[0], repeticiones % 2 == 1 ? t[repeticiones / 2] : (t[repeticiones / 2 - 1] + t[repeticiones / 2]) / 2);
    }
}
