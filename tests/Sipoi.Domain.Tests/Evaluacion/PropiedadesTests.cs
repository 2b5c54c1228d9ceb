using System.Globalization;
using System.Text;
using Sipoi.Domain.Estrategia;
using Sipoi.Domain.Evaluacion;
using Sipoi.Domain.Periodos;

namespace Sipoi.Domain.Tests.Evaluacion;

/// <summary>Rules that must hold for any data: random entities with fixed seeds, many iterations.</summary>
public class PropiedadesTests
{
    private const int Iteraciones = 300;

    private static readonly Periodo[] Periodos =
        [Periodo.Anual, Periodo.Semestre(1), Periodo.Semestre(2), Periodo.Trimestre(3), Periodo.Mes(2), Periodo.AcumuladoAl(9)];

    [Fact]
    public void EjecucionAjustada_NuncaPasaDeCien()
    {
        var rnd = new Random(101);
        for (var i = 0; i < 20_000; i++)
        {
            var programado = Cifra(rnd, 1_000_000m);
            var ejecutado = rnd.Next(10) == 0 ? Cifra(rnd, 1_000_000_000m) : Cifra(rnd, 2m * programado + 1);
            if (Ejecucion.Ajustada(programado, ejecutado) is { } ea)
            {
                Assert.True(ea <= 100m, $"Ea = {ea} con programado {programado} y ejecutado {ejecutado}");
                Assert.Equal(Ejecucion.Porcentaje(programado, ejecutado) >= 100m, ea == 100m);
            }
            else Assert.Equal(0m, programado);
        }
    }

    [Fact]
    public void AvanceAjustado_NuncaPasaDeCien()
    {
        var rnd = new Random(102);
        var sentidos = Enum.GetValues<Sentido>();
        for (var i = 0; i < 20_000; i++)
        {
            var s = sentidos[rnd.Next(sentidos.Length)];
            var a = Logro.Avance(s, rnd.Next(5) == 0 ? null : Cifra(rnd, 1000), rnd.Next(5) == 0 ? null : Cifra(rnd, 1000),
                rnd.Next(2) == 0 ? null : Cifra(rnd, 1000), rnd.Next(2) == 0 ? null : Cifra(rnd, 10));
            if (Logro.Ajustado(a) is { } ac) Assert.True(ac <= 100m);
        }
    }

    [Fact]
    public void MediaPonderada_QuedaEntreElMinimoYElMaximo()
    {
        var rnd = new Random(103);
        for (var i = 0; i < 20_000; i++)
        {
            var n = rnd.Next(1, 40);
            var valores = new decimal[n];
            var pesos = new decimal[n];
            for (var j = 0; j < n; j++)
            {
                // Values as the engine produces them: quotients with full decimal precision.
                valores[j] = Ejecucion.Ajustada(Cifra(rnd, 1000m) + 1, Cifra(rnd, 1200m)) ?? 0;
                pesos[j] = rnd.Next(3) == 0 ? Cifra(rnd, 10m) + 0.01m : rnd.Next(1, 10);
            }
            var m = MediaPonderada.De(valores, pesos)!.Value;
            Assert.InRange(m, valores.Min(), valores.Max());
        }
    }

    [Fact]
    public void OeiEIgi_QuedanEntreElMinimoYElMaximoDeSusPartes()
    {
        var rnd = new Random(104);
        for (var i = 0; i < Iteraciones; i++)
        {
            var (pei, actividades, fichas) = EntidadAleatoria(rnd);
            var r = Evaluador.Evaluar(pei, ConfiguracionEvaluacion.PorDefecto, 2024, Periodos[rnd.Next(Periodos.Length)], actividades, fichas);
            foreach (var oei in r.Oeis)
            {
                var valores = oei.Aeis.Where(a => a.Valor is not null).Select(a => a.Valor!.Value).ToList();
                if (valores.Count == 0) { Assert.Null(oei.Valor); continue; }
                Assert.InRange(oei.Valor!.Value, valores.Min(), valores.Max());
            }
            var oeis = r.Oeis.Where(o => o.Valor is not null).Select(o => o.Valor!.Value).ToList();
            if (oeis.Count == 0) Assert.Null(r.Igi);
            else Assert.InRange(r.Igi!.Value, oeis.Min(), oeis.Max());
            foreach (var g in r.Gerencias)
            {
                var fichasG = r.Fichas.Where(f => f.Gerencia == g.Nombre && f.Valor is not null).Select(f => f.Valor!.Value).ToList();
                if (fichasG.Count == 0) Assert.Null(g.Valor);
                else Assert.InRange(g.Valor!.Value, fichasG.Min(), fichasG.Max());
            }
            Assert.All(r.Actividades, a => Assert.True(a.EjecucionAjustada is null or <= 100m));
            Assert.True(r.Igi is null or >= 0 and <= 100);
        }
    }

    [Fact]
    public void Resultado_NoDependeDelOrdenDeLasFilas()
    {
        var rnd = new Random(105);
        for (var i = 0; i < Iteraciones; i++)
        {
            var (pei, actividades, fichas) = EntidadAleatoria(rnd);
            var periodo = Periodos[rnd.Next(Periodos.Length)];
            var original = Huella(Evaluador.Evaluar(pei, ConfiguracionEvaluacion.PorDefecto, 2024, periodo, actividades, fichas));
            for (var k = 0; k < 3; k++)
            {
                var barajadas = actividades.ToArray();
                rnd.Shuffle(barajadas);
                var otra = Huella(Evaluador.Evaluar(pei, ConfiguracionEvaluacion.PorDefecto, 2024, periodo, barajadas, fichas));
                Assert.Equal(original, otra);
            }
        }
    }

    [Fact]
    public void QuitarUnaActividadSinMeta_NoCambiaNingunValor()
    {
        var rnd = new Random(106);
        var probadas = 0;
        for (var i = 0; i < Iteraciones; i++)
        {
            var (pei, actividades, fichas) = EntidadAleatoria(rnd);
            var periodo = Periodos[rnd.Next(Periodos.Length)];
            var r = Evaluador.Evaluar(pei, ConfiguracionEvaluacion.PorDefecto, 2024, periodo, actividades, fichas);
            var sinMeta = r.Actividades.Where(a => !a.Estado.TieneMeta()).Select(a => a.Codigo).ToList();
            if (sinMeta.Count == 0) continue;
            var quitada = sinMeta[rnd.Next(sinMeta.Count)];
            var sin = Evaluador.Evaluar(pei, ConfiguracionEvaluacion.PorDefecto, 2024, periodo,
                actividades.Where(a => a.Codigo != quitada), fichas);
            Assert.Equal(Huella(r, soloValores: true), Huella(sin, soloValores: true));
            probadas++;
        }
        Assert.True(probadas > Iteraciones / 3, $"solo {probadas} casos con actividades sin meta");
    }

    /// <summary>Every figure of a result as text, so two results compare exactly (records hold lists by reference).</summary>
    private static string Huella(ResultadoEvaluacion r, bool soloValores = false)
    {
        var sb = new StringBuilder();
        void V(string k, object? v) => sb.Append(k).Append('=').Append(Convert.ToString(v, CultureInfo.InvariantCulture) ?? "null").Append(';');
        void C(string k, ConteoActividades c)
        {
            V(k + ".conMeta", c.ConMeta);
            V(k + ".cumplidas", c.Cumplidas);
            V(k + ".sinRegistro", c.SinRegistro);
            if (!soloValores) V(k + ".total", c.Total);
            if (!soloValores) V(k + ".noProgramadas", c.NoProgramadas);
        }
        V("igi", r.Igi);
        V("banda", r.BandaIgi);
        C("total", r.Conteo);
        foreach (var o in r.Oeis)
        {
            V(o.Codigo, o.Valor); V(o.Codigo + ".banda", o.Banda); V(o.Codigo + ".peso", o.Peso); C(o.Codigo, o.Conteo);
            foreach (var a in o.Aeis) { V(a.Codigo, a.Valor); V(a.Codigo + ".banda", a.Banda); V(a.Codigo + ".peso", a.Peso); C(a.Codigo, a.Conteo); }
        }
        foreach (var c in r.CentrosCosto.Where(c => !soloValores || c.Conteo.ConMeta > 0)) { V(c.Codigo, c.Valor); V(c.Codigo + ".banda", c.Banda); C(c.Codigo, c.Conteo); }
        foreach (var f in r.Fichas.Where(f => !soloValores || f.Conteo.ConMeta > 0)) { V(f.Codigo, f.Valor); V(f.Codigo + ".banda", f.Banda); C(f.Codigo, f.Conteo); }
        foreach (var g in r.Gerencias) { V(g.Nombre, g.Valor); V(g.Nombre + ".fichasConValor", g.FichasConValor); C(g.Nombre, g.Conteo); }
        foreach (var a in r.Actividades.Where(a => !soloValores || a.Estado.TieneMeta()))
            V(a.Codigo, $"{a.AeiCodigo}|{a.CentroCostoCodigo}|{a.FichaCodigo}|{a.Programado}|{a.Ejecutado}|{a.Ejecucion}|{a.EjecucionAjustada}|{a.Estado}|{a.Banda}");
        return sb.ToString();
    }

    private static (EstructuraPei, ActividadEvaluable[], FichaEvaluable[]) EntidadAleatoria(Random rnd)
    {
        var oeis = new List<OeiPei>();
        var nOei = rnd.Next(1, 6);
        var prioridadesOei = Enumerable.Range(1, nOei).ToArray();
        rnd.Shuffle(prioridadesOei);
        var aeis = new List<string>();
        for (var o = 0; o < nOei; o++)
        {
            var nAei = rnd.Next(1, 6);
            var prioridades = Enumerable.Range(1, nAei).ToArray();
            rnd.Shuffle(prioridades);
            var lista = new List<AeiPei>();
            for (var a = 0; a < nAei; a++)
            {
                var codigo = $"AEI.{o + 1:00}.{a + 1:00}";
                aeis.Add(codigo);
                lista.Add(new AeiPei(codigo, prioridades[a]));
            }
            oeis.Add(new OeiPei($"OEI.{o + 1:00}", prioridadesOei[o], lista));
        }

        FichaEvaluable[] fichas = [new("FP 1", "Gerencia General", 2), new("FP 2", "Gerencia General"), new("FP 3", "Gerencia de Operaciones", 0.5m)];
        string?[] codigosFicha = [null, "FP 1", "FP 2", "FP 3", "FP 7"];
        var comportamientos = Enum.GetValues<Comportamiento>();
        var actividades = new ActividadEvaluable[rnd.Next(0, 60)];
        for (var i = 0; i < actividades.Length; i++)
        {
            var programado = new decimal[12];
            var ejecutado = new decimal?[12];
            var densidad = rnd.Next(1, 5);
            for (var m = 0; m < 12; m++)
            {
                programado[m] = rnd.Next(densidad) == 0 ? Cifra(rnd, 5000m) : 0;
                ejecutado[m] = rnd.Next(4) == 0 ? null : rnd.Next(3) == 0 ? 0 : Cifra(rnd, 6000m);
            }
            actividades[i] = new ActividadEvaluable($"AO{i:0000}", aeis[rnd.Next(aeis.Count)], $"03.{rnd.Next(1, 6):00}",
                codigosFicha[rnd.Next(codigosFicha.Length)], comportamientos[rnd.Next(comportamientos.Length)],
                rnd.Next(4) == 0 ? Cifra(rnd, 5m) + 0.1m : 1m, programado, ejecutado);
        }
        return (new EstructuraPei(oeis), actividades, fichas);
    }

    /// <summary>A non-negative figure with up to 2 decimals, below <paramref name="maximo"/>.</summary>
    private static decimal Cifra(Random rnd, decimal maximo) =>
        Math.Round((decimal)rnd.NextDouble() * maximo, rnd.Next(3));
}
