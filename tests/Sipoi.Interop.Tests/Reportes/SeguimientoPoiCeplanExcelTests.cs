using Sipoi.Domain.Periodos;
using Sipoi.Interop.Reportes;

namespace Sipoi.Interop.Tests.Reportes;

/// <summary>
/// The application's POI follow-up report (first semester) against the columns and rules confirmed in
/// docs/formatos-ceplan.md §2, with the first activity of the published IGP report (programmed 1 in May, executed 0;
/// financial 4,777.70 then 4,736.30 × 4 then 0 = 23,722.90).
/// </summary>
public class SeguimientoPoiCeplanExcelTests
{
    private const string Hoja = SeguimientoPoiCeplanExcel.NombreHoja;
    private static readonly DateOnly Hoy = new(2024, 7, 15);

    private static decimal[] Meses(params decimal[] primeros) => [.. primeros, .. new decimal[12 - primeros.Length]];
    private static decimal?[] Ejecutado(params decimal?[] primeros) => [.. primeros, .. new decimal?[12 - primeros.Length]];

    private static ActividadCeplan Ao(string aei, string codigo, Comportamiento c, decimal[] fisico, decimal?[] ejecutado, int? prioridad = 1,
        decimal[]? financiero = null, decimal?[]? financieroEjecutado = null) =>
        new("OEI.01", "INCREMENTAR EL CONOCIMIENTO CIENTIFICO", aei, aei == "AEI.01.01" ? "INVESTIGACIONES DE CALIDAD" : "ESTUDIOS DE PELIGRO",
            codigo, "ANÁLISIS Y EVALUACIÓN " + codigo, prioridad, "INFORME TECNICO", c, fisico, ejecutado,
            financiero ?? new decimal[12], financieroEjecutado ?? new decimal?[12]);

    private static readonly decimal[] FinancieroIgp = Meses(4777.70m, 4736.30m, 4736.30m, 4736.30m, 4736.30m, 0);

    internal static SeguimientoPoiCeplan Ejemplo() => SeguimientoPoiCeplan.Desde("INSTITUTO GEOFISICO DEL PERU", 2024, Periodo.Semestre(1),
    [
        Ao("AEI.01.01", "AOI584", Comportamiento.Suma, Meses(0, 0, 0, 0, 1, 0), Ejecutado(0, 0, 0, 0, 0, 0),
            financiero: FinancieroIgp, financieroEjecutado: FinancieroIgp.Select(v => (decimal?)v).ToArray()),
        Ao("AEI.01.01", "AOI585", Comportamiento.Suma, Meses(2, 2), Ejecutado(2, 3, 0, 0, 0, 0), prioridad: 2),
        Ao("AEI.01.01", "AOI586", Comportamiento.Promedio, Meses(10, 10, 10, 10, 10, 10), Ejecutado(10, 5, 10, 10, 10, 10)),
        Ao("AEI.01.01", "AOI587", Comportamiento.Suma, Meses(0, 0, 0, 0, 0, 0, 4), Ejecutado()),
        Ao("AEI.01.01", "AOI588", Comportamiento.Suma, Meses(), Ejecutado()),
        Ao("AEI.01.02", "AOI590", Comportamiento.Ultimo, Meses(0, 0, 3), Ejecutado(0, 0, null), prioridad: null),
    ], Hoy);

    [Fact]
    public void SeguimientoPoi_EsValido()
    {
        using var x = new Xlsx(s => SeguimientoPoiCeplanExcel.Escribir(Ejemplo(), s), "seguimiento-poi-ceplan.xlsx");
        Assert.Empty(x.Errores());
        Assert.Empty(x.Errores(DocumentFormat.OpenXml.FileFormatVersions.Office2007));
        Assert.Equal([Hoja], x.Hojas);
    }

    [Fact]
    public void SeguimientoPoi_TieneLaCabeceraYLasColumnasDelAplicativo()
    {
        using var x = new Xlsx(s => SeguimientoPoiCeplanExcel.Escribir(Ejemplo(), s));
        Assert.Equal(SeguimientoPoiCeplanExcel.Titulo, x.Texto(Hoja, "A1"));
        Assert.Equal("Año : 2024", x.Texto(Hoja, "A2"));
        Assert.Equal(["PLIEGO :", "INSTITUTO GEOFISICO DEL PERU"], new[] { "A4", "B4" }.Select(r => x.Texto(Hoja, r)));
        Assert.Equal(["CC:", "Todos"], new[] { "A5", "B5" }.Select(r => x.Texto(Hoja, r)));
        Assert.Equal(SeguimientoPoiCeplanExcel.Truncados, x.Texto(Hoja, "A6"));

        Assert.Equal(["OBJETIVO ESTRATEGICO / ACCION ESTRATÉGICA / ACTIVIDAD OPERATIVA", "NIVEL DE PRIORIDAD", "UNIDAD MEDIDA", "TIPO DE AGREGACIÓN", "PROG./ EJE."],
            new[] { "A8", "B8", "C8", "D8", "E8" }.Select(r => x.Texto(Hoja, r)));
        Assert.Equal("FISICO", x.Texto(Hoja, "F8"));
        Assert.Equal("FINANCIERO", x.Texto(Hoja, "N8"));
        Assert.Equal(["Ene", "Feb", "Mar", "Abr", "May", "Jun", "AVANCE ACUMULADO.", "AVANCE % ACUMULADO", "Ene", "Feb", "Mar", "Abr", "May", "Jun", "AVANCE ACUMULADO"],
            "FGHIJKLMNOPQRST".Select(c => x.Texto(Hoja, $"{c}9")));
        Assert.Null(x.Celda(Hoja, "U9"));
        Assert.Contains("F8:M8", x.Combinadas(Hoja));
        Assert.Contains("N8:T8", x.Combinadas(Hoja));
        Assert.Contains("A8:A9", x.Combinadas(Hoja));
        Assert.Equal($"'{Hoja}'!$8:$9", x.TitulosImpresion(Hoja));
    }

    [Fact]
    public void SeguimientoPoi_CadaAoConFilasProgYEjec_AcumuladoYAvanceSegunTipoDeAgregacion()
    {
        using var x = new Xlsx(s => SeguimientoPoiCeplanExcel.Escribir(Ejemplo(), s));
        Assert.Equal("OEI.01 INCREMENTAR EL CONOCIMIENTO CIENTIFICO", x.Texto(Hoja, "A10"));
        Assert.Equal("AEI.01.01 INVESTIGACIONES DE CALIDAD", x.Texto(Hoja, "A11"));

        // The IGP's first activity: programmed 1 in May, executed 0 → 0 %; financial 23,722.90 programmed and executed.
        var f = x.Fila(Hoja, "A", "AOI584 - ANÁLISIS Y EVALUACIÓN AOI584");
        Assert.Equal(12, f);
        Assert.Equal(["1", "INFORME TECNICO", "Acumulado Anual", "PROG."], new[] { "B", "C", "D", "E" }.Select(c => x.Texto(Hoja, $"{c}{f}")));
        Assert.Equal("EJEC.", x.Texto(Hoja, $"E{f + 1}"));
        Assert.Equal(1d, x.Numero(Hoja, $"J{f}"));
        Assert.Equal(1d, x.Numero(Hoja, $"L{f}"));
        Assert.Equal(0d, x.Numero(Hoja, $"L{f + 1}"));
        Assert.Equal(0d, x.Numero(Hoja, $"M{f}"));
        Assert.Contains($"M{f}:M{f + 1}", x.Combinadas(Hoja));
        Assert.Equal(4777.70, x.Numero(Hoja, $"N{f}"), 2);
        Assert.Equal(23722.90, x.Numero(Hoja, $"T{f}"), 2);
        Assert.Equal(23722.90, x.Numero(Hoja, $"T{f + 1}"), 2);

        // Executed above programmed: truncated at 100.
        f = x.Fila(Hoja, "A", "AOI585 - ANÁLISIS Y EVALUACIÓN AOI585");
        Assert.Equal("2", x.Texto(Hoja, $"B{f}"));
        Assert.Equal(new double[] { 4, 5, 100 }, new[] { $"L{f}", $"L{f + 1}", $"M{f}" }.Select(r => x.Numero(Hoja, r)));

        // 'No Acumulado' (SIPOI's Promedio): '-' in the accumulated columns, the mean of the monthly ratios as the %.
        f = x.Fila(Hoja, "A", "AOI586 - ANÁLISIS Y EVALUACIÓN AOI586");
        Assert.Equal("No Acumulado", x.Texto(Hoja, $"D{f}"));
        Assert.Equal(["-", "-"], new[] { $"L{f}", $"L{f + 1}" }.Select(r => x.Texto(Hoja, r)));
        Assert.Equal(91.67, x.Numero(Hoja, $"M{f}"), 2);

        // Programmed only in the second semester: S.P.; no target in the year: not in the report.
        f = x.Fila(Hoja, "A", "AOI587 - ANÁLISIS Y EVALUACIÓN AOI587");
        Assert.Equal(SeguimientoPoiCeplan.SinProgramacion, x.Texto(Hoja, $"M{f}"));
        Assert.Throws<Xunit.Sdk.XunitException>(() => x.Fila(Hoja, "A", "AOI588 - ANÁLISIS Y EVALUACIÓN AOI588"));

        // AEI.01.01: the mean of 0 and 100 (the 'No Acumulado' and the S.P. activities stay out); the sum of the executed money.
        f = x.Fila(Hoja, "A", "EJECUCIÓN FÍSICA POR AEI.01.01:");
        Assert.Equal(50d, x.Numero(Hoja, $"M{f}"));
        Assert.Equal("EJECUCIÓN FINANCIERA POR AEI.01.01:", x.Texto(Hoja, $"N{f}"));
        Assert.Equal(23722.90, x.Numero(Hoja, $"T{f}"), 2);
    }

    [Fact]
    public void SeguimientoPoi_MesConMetaYPlazoVencidoSinSeguimiento_EsSIYLaAeiQuedaSinValor()
    {
        using var x = new Xlsx(s => SeguimientoPoiCeplanExcel.Escribir(Ejemplo(), s));
        var f = x.Fila(Hoja, "A", "AOI590 - ANÁLISIS Y EVALUACIÓN AOI590");
        Assert.Equal("Acumulado Mensual", x.Texto(Hoja, $"D{f}"));
        Assert.Equal("", x.Texto(Hoja, $"B{f}") ?? "");
        Assert.Equal(SeguimientoPoiCeplan.SeguimientoIncompleto, x.Texto(Hoja, $"M{f}"));
        f = x.Fila(Hoja, "A", "EJECUCIÓN FÍSICA POR AEI.01.02:");
        Assert.Equal(SeguimientoPoiCeplan.SeguimientoIncompleto, x.Texto(Hoja, $"M{f}"));

        // March's deadline is 30/04: before it, the same activity is not S.I. (0 % with nothing executed yet).
        var antes = SeguimientoPoiCeplan.Desde("IGP", 2024, Periodo.Semestre(1),
            [Ao("AEI.01.02", "AOI590", Comportamiento.Ultimo, Meses(0, 0, 3), Ejecutado(0, 0, null))], new DateOnly(2024, 4, 30));
        Assert.Equal(0, antes.Oeis[0].Aeis[0].Actividades[0].Avance);
        Assert.Equal(new DateOnly(2024, 4, 30), SeguimientoPoiCeplan.Plazo(2024, 3));
    }

    [Fact]
    public void SeguimientoPoi_CifrasFinalesDelPoi()
    {
        var r = Ejemplo();
        Assert.Equal(50, r.PromedioFisico);
        Assert.Equal(Math.Round(550m / 6, 2), Math.Round(r.Mediana!.Value, 2));
        Assert.Equal(4, r.ConInformacionCompleta);
        Assert.Equal(1, r.ConInformacionIncompleta);

        using var x = new Xlsx(s => SeguimientoPoiCeplanExcel.Escribir(r, s));
        var f = x.Fila(Hoja, "N", "PROMEDIO DE EJECUCIÓN FÍSICA (%)");
        Assert.Equal(["MEDIANA DEL AV% DEL POI", "TOTAL DE PROGRAMACIÓN FINANCIERA", "TOTAL DE EJECUCIÓN FINANCIERA", "AO CON INFORMACIÓN COMPLETA", "AO CON INFORMACIÓN INCOMPLETA"],
            Enumerable.Range(f + 1, 5).Select(k => x.Texto(Hoja, $"N{k}")));
        Assert.Equal(50d, x.Numero(Hoja, $"T{f}"));
        Assert.Equal(23722.90, x.Numero(Hoja, $"T{f + 2}"), 2);
        Assert.Equal(4d, x.Numero(Hoja, $"T{f + 4}"));
        Assert.Equal(1d, x.Numero(Hoja, $"T{f + 5}"));
        Assert.Equal(SeguimientoPoiCeplanExcel.Notas[0], x.Texto(Hoja, $"A{f + 7}"));
    }
}
