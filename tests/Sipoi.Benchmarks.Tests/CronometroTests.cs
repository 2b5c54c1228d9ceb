using Microsoft.Extensions.Time.Testing;

namespace Sipoi.Benchmarks.Tests;

/// <summary>
/// The benchmark's timing rule (docs/benchmarks.md): a first run kept apart, warm-up runs until the JIT has
/// settled (after a minimum time), then exactly N timed runs, several actions in turns. The JIT's count is
/// given by the test and time is a fake clock each action moves forward, so every count and time is exact
/// and no test waits.
/// </summary>
public sealed class CronometroTests
{
    private readonly FakeTimeProvider _reloj = new();

    /// <summary>An action that "takes" <paramref name="ms"/> on the fake clock.</summary>
    private void Tardar(double ms) => _reloj.Advance(TimeSpan.FromMilliseconds(ms));

    private static Calentamiento Regla(int minimoMs, Func<long> compilados, int maximoMs = 60_000) =>
        new(TimeSpan.FromMilliseconds(minimoMs), TimeSpan.FromMilliseconds(20), 10, TimeSpan.FromMilliseconds(maximoMs), compilados);

    [Fact]
    public async Task SinMinimo_UnaCorridaDeCalentamientoYLuegoLasNMedidas()
    {
        double[] duraciones = [50, 7, 3, 9, 5, 4];
        var llamadas = 0;
        var t = await Cronometro.TomarAsync(5, Calentamiento.UnaCorrida, () => { Tardar(duraciones[llamadas++]); return Task.CompletedTask; }, _reloj);
        Assert.Equal(1, t.Calentamiento);
        Assert.Equal(6, llamadas);
        Assert.Equal(50, t.Primera);
        Assert.Equal(3, t.Mejor);
        Assert.Equal(5, t.Mediana);
        Assert.Equal(0, t.SegundosCalentamiento);
        Assert.True(t.JitAsentado);
    }

    [Fact]
    public async Task Minimo_CuentaDespuesDeLaPrimeraCorridaQueSeInformaAparte()
    {
        var llamadas = 0;
        // The first run is slow (as a cold JIT is); it does not eat the 60 ms of warm-up.
        var t = await Cronometro.TomarAsync(3, Regla(60, () => 0), () => { Tardar(++llamadas == 1 ? 120 : 12); return Task.CompletedTask; }, _reloj);
        Assert.Equal(120, t.Primera);
        // 12 ms a run, the window checked every 20 ms: the minimum is passed at the 6th warm-up run (72 ms).
        // Were the warm-up timed from the start, the slow first run would have used it all up.
        Assert.Equal(1 + 6, t.Calentamiento);
        Assert.Equal(0.072, t.SegundosCalentamiento, 9);
        Assert.Equal(t.Calentamiento + 3, llamadas);
        Assert.Equal(12, t.Mejor);
        Assert.Equal(12, t.Mediana);
        Assert.True(t.JitAsentado);
    }

    [Fact]
    public async Task Calentamiento_SigueMientrasElJitCompila()
    {
        // The JIT compiles 50 methods per run for the first 30 runs, then nothing. 2 ms a run: the
        // window (20 ms) closes every 10 runs, and the first quiet one ends after run 41.
        var llamadas = 0;
        var t = await Cronometro.TomarAsync(3, Regla(1, () => 50L * Math.Min(llamadas, 30)), () => { llamadas++; Tardar(2); return Task.CompletedTask; }, _reloj);
        Assert.True(t.JitAsentado);
        Assert.Equal(41, t.Calentamiento);
        Assert.Equal(t.Calentamiento + 3, llamadas);
    }

    [Fact]
    public async Task JitQueNuncaSeAsienta_CalentamientoAcabaEnElMaximoYLoDice()
    {
        var llamadas = 0;
        var t = await Cronometro.TomarAsync(3, Regla(10, () => 100L * llamadas, maximoMs: 100), () => { llamadas++; Tardar(2); return Task.CompletedTask; }, _reloj);
        Assert.False(t.JitAsentado);
        Assert.Equal(0.1, t.SegundosCalentamiento, 9);
        Assert.Equal(1 + 50, t.Calentamiento);
    }

    [Fact]
    public async Task VariasAcciones_SeMidenPorTurnosEnElCalentamientoYEnLasCorridas()
    {
        var orden = new System.Text.StringBuilder();
        var t = await Cronometro.TomarAlternadasAsync(3, Regla(30, () => 0), [
            () => { orden.Append('A'); Tardar(5); return Task.CompletedTask; },
            () => { orden.Append('B'); Tardar(7); return Task.CompletedTask; },
        ], _reloj);
        Assert.Equal(2, t.Length);
        // A round of both takes 12 ms: the 30 ms minimum is passed at the window closing after 4 rounds (48 ms).
        Assert.Equal(1 + 4, t[0].Calentamiento);
        Assert.Equal(t[0].Calentamiento, t[1].Calentamiento);
        Assert.Equal(5, t[0].Mejor);
        Assert.Equal(7, t[1].Mejor);
        Assert.Equal(string.Concat(Enumerable.Repeat("AB", t[0].Calentamiento + 3)), orden.ToString());
    }

    [Fact]
    public async Task RepeticionesInvalidas_SeRechazan()
    {
        var e = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Cronometro.TomarAsync(0, Calentamiento.UnaCorrida, () => Task.CompletedTask, _reloj));
        Assert.Equal("repeticiones", e.ParamName);
    }
}
