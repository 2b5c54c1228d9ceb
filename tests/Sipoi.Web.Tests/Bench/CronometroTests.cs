using Sipoi.Benchmarks;

namespace Sipoi.Web.Tests.Bench;

/// <summary>
/// The benchmark's timing rule (docs/benchmarks.md): a first run kept apart, warm-up runs until the JIT has
/// settled (after a minimum time), then exactly N timed runs, several actions in turns. The JIT's count is
/// given by the test, and only lower bounds are asserted about time, with waits that cannot end early
/// (<see cref="EsperarAsync"/>), so a slow machine cannot make these fail.
/// </summary>
public sealed class CronometroTests
{
    /// <summary>
    /// Waits at least <paramref name="ms"/> as a Stopwatch measures it: Task.Delay alone may end a couple of
    /// milliseconds early (timer granularity; seen at 10.1 ms for a 12 ms delay), so the rest is spun.
    /// </summary>
    private static async Task EsperarAsync(double ms)
    {
        var reloj = System.Diagnostics.Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromMilliseconds(ms));
        while (reloj.Elapsed.TotalMilliseconds < ms) Thread.SpinWait(20);
    }

    private static Calentamiento Regla(int minimoMs, Func<long> compilados, int maximoMs = 60_000) =>
        new(TimeSpan.FromMilliseconds(minimoMs), TimeSpan.FromMilliseconds(20), 10, TimeSpan.FromMilliseconds(maximoMs), compilados);

    [Fact]
    public async Task Sin_minimo_hay_una_corrida_de_calentamiento_y_luego_las_n_medidas()
    {
        var llamadas = 0;
        var t = await Cronometro.TomarAsync(5, Calentamiento.UnaCorrida, () => { llamadas++; return Task.CompletedTask; });
        Assert.Equal(1, t.Calentamiento);
        Assert.Equal(6, llamadas);
        Assert.True(t.Mejor <= t.Mediana);
        Assert.True(t.JitAsentado);
    }

    [Fact]
    public async Task El_minimo_cuenta_despues_de_la_primera_corrida_y_la_primera_se_informa_aparte()
    {
        var llamadas = 0;
        var t = await Cronometro.TomarAsync(3, Regla(60, () => 0), async () =>
        {
            // The first run is slow (as a cold JIT is); it does not eat the warm-up time.
            await EsperarAsync(++llamadas == 1 ? 120 : 12);
        });
        Assert.True(t.Primera >= 120, $"primera {t.Primera} ms");
        // Were the warm-up timed from the start, the slow first run would have used it all up.
        Assert.True(t.Calentamiento >= 2, $"calentamiento {t.Calentamiento}");
        Assert.True(t.SegundosCalentamiento >= 0.06, $"{t.SegundosCalentamiento} s");
        Assert.Equal(t.Calentamiento + 3, llamadas);
        Assert.True(t.Mejor >= 12, $"mejor {t.Mejor} ms");
        Assert.True(t.JitAsentado);
    }

    [Fact]
    public async Task El_calentamiento_sigue_mientras_el_jit_compila()
    {
        // The JIT compiles 50 methods per run for the first 30 runs, then nothing.
        var llamadas = 0;
        var t = await Cronometro.TomarAsync(3, Regla(1, () => 50L * Math.Min(llamadas, 30)), async () => { llamadas++; await EsperarAsync(2); });
        Assert.True(llamadas > 30, $"llamadas {llamadas}");
        Assert.True(t.JitAsentado);
        Assert.Equal(t.Calentamiento + 3, llamadas);
    }

    [Fact]
    public async Task Si_el_jit_nunca_se_asienta_el_calentamiento_acaba_en_el_maximo_y_lo_dice()
    {
        var llamadas = 0;
        var t = await Cronometro.TomarAsync(3, Regla(10, () => 100L * llamadas, maximoMs: 100), async () => { llamadas++; await EsperarAsync(2); });
        Assert.False(t.JitAsentado);
        Assert.True(t.SegundosCalentamiento >= 0.1, $"{t.SegundosCalentamiento} s");
    }

    [Fact]
    public async Task Varias_acciones_se_miden_por_turnos_en_el_calentamiento_y_en_las_corridas()
    {
        var orden = new System.Text.StringBuilder();
        var t = await Cronometro.TomarAlternadasAsync(3, Regla(30, () => 0), [
            async () => { orden.Append('A'); await EsperarAsync(5); },
            async () => { orden.Append('B'); await EsperarAsync(5); },
        ]);
        Assert.Equal(2, t.Length);
        Assert.Equal(t[0].Calentamiento, t[1].Calentamiento);
        Assert.True(t[0].Calentamiento >= 2, $"calentamiento {t[0].Calentamiento}");
        Assert.Equal(string.Concat(Enumerable.Repeat("AB", t[0].Calentamiento + 3)), orden.ToString());
    }

    [Fact]
    public async Task Repeticiones_invalidas_se_rechazan() =>
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Cronometro.TomarAsync(0, Calentamiento.UnaCorrida, () => Task.CompletedTask));
}
