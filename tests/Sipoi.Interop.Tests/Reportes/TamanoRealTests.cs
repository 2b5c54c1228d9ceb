using System.Diagnostics;
using System.Globalization;
using Sipoi.Domain.Estrategia;
using Sipoi.Domain.Evaluacion;
using Sipoi.Domain.Periodos;
using Sipoi.Interop.Reportes;
using Xunit.Abstractions;

namespace Sipoi.Interop.Tests.Reportes;

/// <summary>
/// A provincial municipality's size (DOMAIN.md §7: 9 OEI, 34 AEI, 351 AO, 46 cost centres).
/// Prints how long each file takes; asserts only that the files are valid (the lead benchmarks).
/// </summary>
public class TamanoRealTests(ITestOutputHelper salida)
{
    private const int Actividades = 351, CentrosCosto = 46;

    private static string C(int n) => n.ToString("00", CultureInfo.InvariantCulture);

    private static (EstructuraPei Pei, List<ActividadEvaluable> Aos, Dictionary<string, string> Nombres) Datos()
    {
        var r = new Random(20240);
        var aeisPorOei = new[] { 5, 4, 4, 4, 4, 4, 3, 3, 3 }; // 34 AEI
        var nombres = new Dictionary<string, string>();
        var oeis = new List<OeiPei>();
        var aeis = new List<string>();
        for (var o = 1; o <= aeisPorOei.Length; o++)
        {
            var lista = new List<AeiPei>();
            for (var a = 1; a <= aeisPorOei[o - 1]; a++)
            {
                var codigo = $"AEI.{C(o)}.{C(a)}";
                aeis.Add(codigo);
                nombres[codigo] = $"Acción estratégica {codigo} de la provincia";
                lista.Add(new AeiPei(codigo, a)
                {
                    Indicadores = [new IndicadorPei($"IND.{C(o)}.{C(a)}", Sentido.Ascendente)
                        { Valores = [new(2024, PeriodoIndicador.Anual, 100, r.Next(40, 120))] }],
                });
            }
            nombres[$"OEI.{C(o)}"] = $"Objetivo estratégico institucional {o}";
            oeis.Add(new OeiPei($"OEI.{C(o)}", o, lista)
            {
                Indicadores = [new IndicadorPei($"IND.{C(o)}", Sentido.Ascendente)
                    { Valores = [new(2024, PeriodoIndicador.Anual, 80, o % 4 == 0 ? null : r.Next(50, 90))] }],
            });
        }
        for (var c = 1; c <= CentrosCosto; c++) nombres[$"03.{C(c)}"] = $"CENTRO DE COSTO {c}";
        var aos = new List<ActividadEvaluable>();
        for (var k = 1; k <= Actividades; k++)
        {
            var prog = Enumerable.Range(1, 12).Select(_ => (decimal)r.Next(0, 30)).ToArray();
            var ejec = prog.Select(p => r.Next(10) == 0 ? (decimal?)null : Math.Round(p * (decimal)(0.6 + r.NextDouble() * 0.6))).ToArray();
            aos.Add(new ActividadEvaluable($"AO-{k:000}", aeis[k % aeis.Count], $"03.{C(k % CentrosCosto + 1)}", null,
                k % 20 == 0 ? Comportamiento.Promedio : Comportamiento.Suma, 1, prog, ejec));
        }
        return (new EstructuraPei(oeis), aos, nombres);
    }

    [Fact]
    public void Reportes_De351Actividades_SeGeneranValidos()
    {
        var (pei, aos, nombres) = Datos();
        var anual = Evaluador.Evaluar(pei, ConfiguracionEvaluacion.PorDefecto, 2024, Periodo.Anual, aos);
        var s1 = Evaluador.Evaluar(pei, ConfiguracionEvaluacion.PorDefecto, 2024, Periodo.Semestre(1), aos);
        var s2 = Evaluador.Evaluar(pei, ConfiguracionEvaluacion.PorDefecto, 2024, Periodo.Semestre(2), aos);

        var matriz = new MatrizPoi("MUNICIPALIDAD PROVINCIAL DE EJEMPLO", 2024, "PEI 2024 - 2028",
            aos.GroupBy(a => a.CentroCostoCodigo).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new HojaMatrizPoi(g.Key, nombres[g.Key],
                g.Select(a => a.AeiCodigo).Distinct().Select(aei => new AlineamientoMatriz(
                    aei[..3].Replace("AEI", "OEI", StringComparison.Ordinal) + aei[3..6], "Objetivo", aei, nombres[aei], "Indicador", "%", 90)).ToList(),
                g.Select((a, i) => ActividadMatriz.Desde(C(i + 1), $"Actividad operativa {a.Codigo} con un nombre de longitud habitual",
                    "Informe", "Responsable", 1, 12, Agregacion.Programado(a.Comportamiento, a.Programado, Periodo.Anual),
                    a.Comportamiento, a.Programado)).ToList())).ToList());
        var ejecucion = new TablaEjecucion(matriz.Entidad, 2024, 9, aos.Select(a => FilaEjecucion.Desde(
            nombres[a.CentroCostoCodigo], "9001 ACCIONES CENTRALES", a.Codigo, $"Actividad operativa {a.Codigo}", "Informe",
            Agregacion.Programado(a.Comportamiento, a.Programado, Periodo.Anual), a.Comportamiento, a.Programado, a.Ejecutado, 9)).ToList());
        var seguimiento = TablasSeguimiento.Desde(matriz.Entidad, nombres, anual, s1, s2);
        var informe = InformeEvaluacion.Desde(matriz.Entidad, anual, nombres) with { Anexos = seguimiento };

        Medir("Matriz POI (46 hojas)", s => MatrizPoiExcel.Escribir(matriz, s), "xlsx");
        Medir("Ejecución al III trimestre", s => EjecucionExcel.Escribir(ejecucion, s), "xlsx");
        Medir("Tablas de seguimiento", s => SeguimientoExcel.Escribir(seguimiento, s), "xlsx");
        Medir("Informe de evaluación (Word)", s => InformeEvaluacionWord.Escribir(informe, s), "docx");
    }

    private void Medir(string nombre, Action<Stream> escribir, string tipo)
    {
        escribir(new MemoryStream()); // warm-up (JIT)
        var reloj = Stopwatch.StartNew();
        using var ms = new MemoryStream();
        escribir(ms);
        reloj.Stop();
        salida.WriteLine($"{nombre}: {reloj.Elapsed.TotalMilliseconds:0} ms, {ms.Length / 1024} KiB");
        if (tipo == "xlsx")
        {
            using var x = new Xlsx(escribir);
            Assert.Empty(x.Errores());
        }
        else
        {
            using var d = new Docx(escribir);
            Assert.Empty(d.Errores());
        }
    }
}
