using System.Runtime;

namespace Sipoi.Benchmarks;

/// <summary>
/// Best and median of N timed runs, in milliseconds; also the very first run of the action
/// (<paramref name="Primera"/>, the cold cost), the warm-up (rounds and seconds) and whether the JIT had
/// settled when the timed runs began.
/// </summary>
public sealed record Tiempos(double Mejor, double Mediana, double Primera = 0, int Calentamiento = 0, double SegundosCalentamiento = 0, bool JitAsentado = true)
{
    public override string ToString() => $"{Cronometro.Formato(Mejor)} / {Cronometro.Formato(Mediana)}";
}

/// <summary>
/// When the warm-up ends: not before <paramref name="Minimo"/>, then at the first window of at least
/// <paramref name="Ventana"/> in which the JIT compiled fewer than <paramref name="UmbralJit"/> methods
/// (<paramref name="CompiladosJit"/>: the process's count), and in any case at <paramref name="Maximo"/>.
/// A zero <paramref name="Minimo"/> means a single warm-up run (the rule of the first two sessions).
/// </summary>
public sealed record Calentamiento(TimeSpan Minimo, TimeSpan Ventana, int UmbralJit, TimeSpan Maximo, Func<long> CompiladosJit)
{
    public static Calentamiento Con(TimeSpan minimo) =>
        new(minimo, TimeSpan.FromSeconds(1), 10, TimeSpan.FromSeconds(60), () => JitInfo.GetCompiledMethodCount());

    public static Calentamiento UnaCorrida { get; } = Con(TimeSpan.Zero);
}

/// <summary>
/// How every benchmark here times an action: a first run (kept apart), warm-up runs, then N timed runs.
/// .NET first compiles a method without optimisations and replaces it with optimised code later, in stages
/// and in the background (tiered compilation with dynamic PGO). An action of a few milliseconds timed from
/// its second call measures mostly that unoptimised code, which a running server leaves behind. Measured on
/// evaluation (a): the JIT went on compiling for about 8 s (11,800 → 18,600 methods) and the evaluation
/// took 14–22 ms meanwhile, 7.2–8.5 ms after. So the warm-up lasts until the JIT has settled
/// (<see cref="Calentamiento"/>). A long action (a national run) gets one or two warm-up runs.
/// </summary>
public static class Cronometro
{
    public static Calentamiento CalentamientoPorDefecto { get; set; } = Calentamiento.Con(TimeSpan.FromSeconds(2));

    public static string Formato(double ms) => ms >= 10_000 ? $"{ms / 1000:F1} s" : ms >= 1000 ? $"{ms / 1000:F2} s" : $"{ms:F1} ms";

    public static Task<Tiempos> TomarAsync(int repeticiones, Func<Task> accion) => TomarAsync(repeticiones, CalentamientoPorDefecto, accion);

    public static async Task<Tiempos> TomarAsync(int repeticiones, Calentamiento calentamiento, Func<Task> accion, TimeProvider? reloj = null) =>
        (await TomarAlternadasAsync(repeticiones, calentamiento, [accion], reloj))[0];

    /// <summary>
    /// Times several actions in turns (A, B, A, B, …) during the warm-up and the timed runs alike, so that
    /// a burst of load on a shared machine falls on all of them and their ratio stays fair.
    /// <paramref name="reloj"/> is the system's high-resolution clock unless a test gives its own, so the
    /// rule is tested without waiting on the real clock.
    /// </summary>
    public static async Task<Tiempos[]> TomarAlternadasAsync(int repeticiones, Calentamiento calentamiento, IReadOnlyList<Func<Task>> acciones,
        TimeProvider? reloj = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(repeticiones, 1);
        ArgumentOutOfRangeException.ThrowIfZero(acciones.Count);
        reloj ??= TimeProvider.System;
        var primera = new double[acciones.Count];
        for (var k = 0; k < acciones.Count; k++)
        {
            var inicio = reloj.GetTimestamp();
            await acciones[k]();
            primera[k] = reloj.GetElapsedTime(inicio).TotalMilliseconds;
        }

        var calentadas = 1;
        var asentado = true;
        var total = reloj.GetTimestamp();   // after the first runs, which may take long to compile everything
        if (calentamiento.Minimo > TimeSpan.Zero)
        {
            var ventana = reloj.GetTimestamp();
            var jitAlAbrir = calentamiento.CompiladosJit();
            while (true)
            {
                foreach (var accion in acciones) await accion();
                calentadas++;
                if (reloj.GetElapsedTime(ventana) < calentamiento.Ventana) continue;
                var jit = calentamiento.CompiladosJit();
                if (reloj.GetElapsedTime(total) >= calentamiento.Minimo && jit - jitAlAbrir < calentamiento.UmbralJit) break;
                if (reloj.GetElapsedTime(total) >= calentamiento.Maximo) { asentado = false; break; }
                jitAlAbrir = jit;
                ventana = reloj.GetTimestamp();
            }
        }
        var segundos = reloj.GetElapsedTime(total).TotalSeconds;

        var t = new double[acciones.Count][];
        for (var k = 0; k < acciones.Count; k++) t[k] = new double[repeticiones];
        for (var i = 0; i < repeticiones; i++)
            for (var k = 0; k < acciones.Count; k++)
            {
                var inicio = reloj.GetTimestamp();
                await acciones[k]();
                t[k][i] = reloj.GetElapsedTime(inicio).TotalMilliseconds;
            }
        return t.Select((x, k) =>
        {
            Array.Sort(x);
            var mediana = repeticiones % 2 == 1 ? x[repeticiones / 2] : (x[repeticiones / 2 - 1] + x[repeticiones / 2]) / 2;
            return new Tiempos(x[0], mediana, primera[k], calentadas, segundos, asentado);
        }).ToArray();
    }
}
