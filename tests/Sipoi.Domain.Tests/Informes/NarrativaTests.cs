using Sipoi.Domain.Informes;
using Sipoi.Domain.Periodos;
using Sipoi.Domain.Seguimiento;

namespace Sipoi.Domain.Tests.Informes;

public class NarrativaTests
{
    private static JustificacionRegistrada J(string oei, string aei, string centro, string actividad, int mes, EstadoSeguimiento? estado,
        string? logros = "Logro", string? dificultades = null, string? medidas = null) =>
        new(oei, aei, centro, "Centro " + centro, actividad, "Actividad " + actividad, mes, estado, logros, dificultades, medidas);

    private const EstadoSeguimiento A = EstadoSeguimiento.Aprobado;

    [Fact]
    public void Consolidacion_AgrupaPorOeiAeiYPorCentro()
    {
        var n = ConsolidacionNarrativa.Consolidar(Periodo.Semestre(1),
        [
            J("OEI.02", "AEI.02.01", "02.01", "AO-9", 2, A),
            J("OEI.01", "AEI.01.02", "01.02", "AO-3", 5, A),
            J("OEI.01", "AEI.01.01", "01.02", "AO-2", 4, A),
            J("OEI.01", "AEI.01.01", "02.01", "AO-1", 1, A, logros: null, dificultades: "Lluvias"),
            J("OEI.01", "AEI.01.01", "02.01", "AO-1", 3, A),
        ], [], mostrarEnviados: false);
        Assert.Equal(["OEI.01", "OEI.02"], n.Oeis.Select(o => o.Codigo));
        Assert.Equal(["AEI.01.01", "AEI.01.02"], n.Oeis[0].Aeis.Select(a => a.Codigo));
        Assert.Equal(["AO-1 1", "AO-1 3", "AO-2 4"], n.Oeis[0].Aeis[0].Lineas.Select(l => $"{l.ActividadCodigo} {l.Mes}"));
        Assert.Equal("Lluvias", n.Oeis[0].Aeis[0].Lineas[0].Dificultades);
        Assert.Equal(["01.02", "02.01"], n.Centros.Select(c => c.Codigo));
        Assert.Equal(["AO-1", "AO-1", "AO-9"], n.Centros[1].Lineas.Select(l => l.ActividadCodigo));
        Assert.Equal("Centro 02.01", n.Centros[1].Nombre);
    }

    [Fact]
    public void Consolidacion_SoloMesesDelPeriodoQueCuentan()
    {
        var entrada = new[]
        {
            J("OEI.01", "AEI.01.01", "01.02", "AO-1", 1, A),
            J("OEI.01", "AEI.01.01", "01.02", "AO-1", 2, EstadoSeguimiento.Enviado),
            J("OEI.01", "AEI.01.01", "01.02", "AO-1", 3, EstadoSeguimiento.Observado),
            J("OEI.01", "AEI.01.01", "01.02", "AO-1", 4, null),
            J("OEI.01", "AEI.01.01", "01.02", "AO-1", 7, A),
            J("OEI.01", "AEI.01.01", "01.02", "AO-1", 5, A, logros: null),
        };
        Assert.Equal([1], Meses(ConsolidacionNarrativa.Consolidar(Periodo.Semestre(1), entrada, [], mostrarEnviados: false)));
        Assert.Equal([1, 2], Meses(ConsolidacionNarrativa.Consolidar(Periodo.Semestre(1), entrada, [], mostrarEnviados: true)));
        Assert.Equal([1, 7], Meses(ConsolidacionNarrativa.Consolidar(Periodo.Anual, entrada, [], mostrarEnviados: false)));
        Assert.Equal([7], Meses(ConsolidacionNarrativa.Consolidar(Periodo.Trimestre(3), entrada, [], mostrarEnviados: false)));
        Assert.True(ConsolidacionNarrativa.Consolidar(Periodo.Mes(3), entrada, [], mostrarEnviados: true).Vacia);

        static int[] Meses(NarrativaPeriodo n) => n.Oeis.SelectMany(o => o.Lineas).Select(l => l.Mes).ToArray();
    }

    [Fact]
    public void Consolidacion_ResumenesDelPeriodoConSuMesContado()
    {
        var resumenes = new[]
        {
            new ResumenRegistrado("01.02", "Planeamiento", Periodo.Trimestre(1), A, "Primer trimestre bien."),
            new ResumenRegistrado("01.02", "Planeamiento", Periodo.Trimestre(2), EstadoSeguimiento.Observado, "Segundo en revisión."),
            new ResumenRegistrado("02.01", "Comercial", Periodo.Trimestre(3), A, "Tercero."),
        };
        var s1 = ConsolidacionNarrativa.Consolidar(Periodo.Semestre(1), [], resumenes, mostrarEnviados: false);
        Assert.Equal(["Primer trimestre bien."], s1.Resumenes.Select(r => r.Texto));
        Assert.Equal(["01.02"], s1.Centros.Select(c => c.Codigo));
        Assert.False(s1.Vacia);
        Assert.Equal(["Primer trimestre bien.", "Tercero."],
            ConsolidacionNarrativa.Consolidar(Periodo.Anual, [], resumenes, mostrarEnviados: false).Resumenes.Select(r => r.Texto));
    }

    [Fact]
    public void Redaccion_UnMismoTextoSeCitaUnaVezConCadaActividadYMes()
    {
        var n = ConsolidacionNarrativa.Consolidar(Periodo.Anual,
        [
            J("OEI.01", "AEI.01.01", "01.02", "AO-1", 2, A, logros: null, dificultades: "Falta de personal"),
            J("OEI.01", "AEI.01.01", "01.02", "AO-1", 3, A, logros: null, dificultades: "Falta de personal"),
            J("OEI.01", "AEI.01.01", "01.02", "AO-1", 4, A, logros: null, dificultades: "Lluvias"),
            J("OEI.01", "AEI.01.01", "01.02", "AO-2", 1, A, logros: null, dificultades: "Lluvias"),
            J("OEI.01", "AEI.01.01", "01.02", "AO-2", 2, A, logros: null, dificultades: "Lluvias"),
            J("OEI.01", "AEI.01.01", "01.02", "AO-2", 3, A, logros: null, dificultades: "Lluvias"),
            J("OEI.01", "AEI.01.01", "01.02", "AO-2", 5, A, logros: null, dificultades: "Lluvias"),
            J("OEI.01", "AEI.01.02", "02.01", "AO-5", 1, A, logros: null, dificultades: "Falta de\npersonal"),
        ], [], mostrarEnviados: false);
        var p = RedaccionNarrativa.Justificaciones(n.Oeis[0]);
        Assert.Equal("Dificultades: AO-1 (01.02, febrero y marzo), AO-5 (02.01, enero): «Falta de personal»; AO-1 (01.02, abril), AO-2 (01.02, enero a marzo y mayo): «Lluvias».",
            Assert.Single(p, x => x.StartsWith("Dificultades", StringComparison.Ordinal)));
        Assert.StartsWith("Los centros de costo justificaron la ejecución de 3 actividades del OEI.01 en 8 meses-actividad", p[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Redaccion_CitaCadaJustificacionConActividadCentroYMes()
    {
        var n = ConsolidacionNarrativa.Consolidar(Periodo.Anual,
        [
            J("OEI.01", "AEI.01.01", "01.02", "AO-1", 2, A, logros: "Se capacitó\na 20 personas", dificultades: "Lluvias", medidas: "Reprogramar"),
            J("OEI.01", "AEI.01.02", "02.01", "AO-5", 4, A, logros: null, dificultades: "Falta de personal"),
        ], [new ResumenRegistrado("01.02", "Planeamiento", Periodo.Trimestre(1), A, "El clima\nafectó.")], mostrarEnviados: false);
        var p = RedaccionNarrativa.Justificaciones(n.Oeis[0]);
        Assert.Equal(
        [
            "Los centros de costo justificaron la ejecución de 2 actividades del OEI.01 en 2 meses-actividad del periodo.",
            "Logros: AO-1 (01.02, febrero): «Se capacitó a 20 personas».",
            "Dificultades: AO-1 (01.02, febrero): «Lluvias»; AO-5 (02.01, abril): «Falta de personal».",
            "Medidas correctivas: AO-1 (01.02, febrero): «Reprogramar».",
        ], p);
        Assert.Empty(RedaccionNarrativa.Justificaciones(null));
        Assert.Equal(["Factores que contribuyeron o dificultaron el cumplimiento según el centro de costo 01.02 Planeamiento (I Trimestre): «El clima afectó.»"],
            RedaccionNarrativa.Resumenes(n));
    }
}
