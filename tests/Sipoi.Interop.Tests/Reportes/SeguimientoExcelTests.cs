using Sipoi.Domain.Evaluacion;
using Sipoi.Domain.Periodos;
using Sipoi.Interop.Evaluacion;
using Sipoi.Interop.Reportes;

namespace Sipoi.Interop.Tests.Reportes;

public class SeguimientoExcelTests
{
    internal static (TablasSeguimiento Tablas, ResultadoEvaluacion Anual, ResultadoEvaluacion S1, ResultadoEvaluacion S2) Ejemplo()
    {
        var anual = DatosReportes.Evaluar(Periodo.Anual);
        var s1 = DatosReportes.Evaluar(Periodo.Semestre(1));
        var s2 = DatosReportes.Evaluar(Periodo.Semestre(2));
        return (TablasSeguimiento.Desde(DatosReportes.Entidad, DatosReportes.Denominaciones, anual, s1, s2), anual, s1, s2);
    }

    [Fact]
    public void Seguimiento_EsValidoConUnaHojaPorTabla()
    {
        var (t, _, _, _) = Ejemplo();
        using var x = new Xlsx(s => SeguimientoExcel.Escribir(t, s), "seguimiento-anual.xlsx");
        Assert.Empty(x.Errores());
        Assert.Empty(x.Errores(DocumentFormat.OpenXml.FileFormatVersions.Office2007));
        Assert.Equal(["OEI y AEI", "Centros de costo", "Ejecución por AEI", "Indicadores por desempeño", "Logro de AEI"], x.Hojas);
        foreach (var h in x.Hojas)
        {
            Assert.Equal(5, (int)x.Panel(h)!.VerticalSplit!.Value);
            Assert.Equal($"'{h}'!$5:$5", x.TitulosImpresion(h));
            Assert.True(x.Negrita(h, "A5"));
        }
    }

    [Fact]
    public void Seguimiento_OeiAeiTraeSemestresAnualEIgiDelMotor()
    {
        var (t, anual, s1, s2) = Ejemplo();
        using var x = new Xlsx(s => SeguimientoExcel.Escribir(t, s));
        const string h = "OEI y AEI";
        Assert.Equal("Código", x.Texto(h, "A5"));
        Assert.Equal("Desempeño (Anual)", x.Texto(h, "H5"));

        Assert.Equal("OEI.01", x.Texto(h, "A6"));
        Assert.Equal("Mejorar la gestión del territorio provincial", x.Texto(h, "B6"));
        Assert.Equal(1, x.Numero(h, "C6"));
        Assert.Equal(anual.Oeis[0].Conteo.ConMeta, x.Numero(h, "D6"));
        Assert.Equal((double)s1.Oeis[0].Valor!.Value, x.Numero(h, "E6"), 10);
        Assert.Equal((double)s2.Oeis[0].Valor!.Value, x.Numero(h, "F6"), 10);
        Assert.Equal((double)anual.Oeis[0].Valor!.Value, x.Numero(h, "G6"), 10);
        Assert.Equal("#,##0.00\" %\"", x.FormatoNumero(h, "G6"));
        Assert.Equal(anual.Bandas.Texto(anual.Oeis[0].Banda!.Value), x.Texto(h, "H6"));

        Assert.Equal("AEI.01.01", x.Texto(h, "A7"));
        Assert.Equal((double)anual.Oeis[0].Aeis[0].Valor!.Value, x.Numero(h, "G7"), 10);

        var igi = x.Fila(h, "A", "IGI");
        Assert.Equal(11, igi); // 2 OEI + 3 AEI rows after the header
        Assert.Equal((double)s1.Igi!.Value, x.Numero(h, $"E{igi}"), 10);
        Assert.Equal((double)s2.Igi!.Value, x.Numero(h, $"F{igi}"), 10);
        Assert.Equal((double)anual.Igi!.Value, x.Numero(h, $"G{igi}"), 10);
        Assert.Equal(anual.Conteo.ConMeta, x.Numero(h, $"D{igi}"));
        Assert.True(x.Negrita(h, $"G{igi}"));
    }

    [Fact]
    public void Seguimiento_BandaSeEscribeComoTextoConColor()
    {
        var (t, anual, _, _) = Ejemplo();
        using var x = new Xlsx(s => SeguimientoExcel.Escribir(t, s));
        const string h = "Logro de AEI";
        // AEI.01.02: descending indicator 10 expected, 20 obtained → 50 % → Bajo, critical.
        var f = x.Fila(h, "B", "AEI.01.02");
        Assert.Equal(50, x.Numero(h, $"F{f}"), 10);
        Assert.Equal("Bajo", x.Texto(h, $"G{f}"));
        Assert.Equal("FFFFC7CE", x.Relleno(h, $"G{f}"));
        Assert.Equal("Sí", x.Texto(h, $"H{f}"));
        var alto = x.Fila(h, "B", "AEI.01.01");
        Assert.Equal("Alto", x.Texto(h, $"G{alto}"));
        Assert.Equal("FFC6EFCE", x.Relleno(h, $"G{alto}"));
        Assert.Equal("No", x.Texto(h, $"H{alto}"));
        Assert.Equal(anual.Estrategico.Aeis.Count, x.Hoja(h).Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().Count(r => r.RowIndex! >= 6 && r.RowIndex! < 6 + anual.Estrategico.Aeis.Count));
    }

    [Fact]
    public void Seguimiento_AeiSinDatosDiceSinInformacionNoCritica()
    {
        // DatosReportes measures the year only: in the II semester no AEI has an obtained value — a data gap, not critical.
        var s2 = DatosReportes.Evaluar(Periodo.Semestre(2));
        var t = TablasSeguimiento.Desde(DatosReportes.Entidad, DatosReportes.Denominaciones, s2);
        using var x = new Xlsx(s => SeguimientoExcel.Escribir(t, s));
        const string h = "Logro de AEI";
        var f = x.Fila(h, "B", "AEI.01.02");
        Assert.Equal("Sin información", x.Texto(h, $"H{f}"));
    }

    [Fact]
    public void Seguimiento_CentrosYAeiCuentanActividades()
    {
        var (t, anual, _, _) = Ejemplo();
        using var x = new Xlsx(s => SeguimientoExcel.Escribir(t, s));
        const string c = "Centros de costo";
        Assert.Equal("01.01", x.Texto(c, "A6"));
        Assert.Equal("GERENCIA DE DESARROLLO URBANO", x.Texto(c, "B6"));
        Assert.Equal(2, x.Numero(c, "C6"));
        Assert.Equal((double)anual.CentrosCosto[0].Valor!.Value, x.Numero(c, "F6"), 10);
        Assert.Equal("SUM(C6:C7)", x.Formula(c, "C8"));
        Assert.Equal(4, x.Numero(c, "C8"));

        const string a = "Ejecución por AEI";
        var f = x.Fila(a, "B", "AEI.02.01");
        Assert.Equal(1, x.Numero(a, $"D{f}"));
        Assert.Equal(1, x.Numero(a, $"E{f}")); // 120 % counts as met
        Assert.Equal(100, x.Numero(a, $"F{f}"), 10); // adjusted: capped at 100
    }

    [Fact]
    public void Seguimiento_IndicadoresPorBandaConTotalesFormula()
    {
        var (t, _, _, _) = Ejemplo();
        using var x = new Xlsx(s => SeguimientoExcel.Escribir(t, s));
        const string h = "Indicadores por desempeño";
        Assert.Equal("Bajo", x.Texto(h, "C5"));
        Assert.Equal("ND", x.Texto(h, "F5"));
        // OEI.01: own 94.27 (Medio), AEI.01.01 100 (Alto), AEI.01.02 50 (Bajo).
        Assert.Equal("OEI.01", x.Texto(h, "A6"));
        Assert.Equal([1, 1, 1, 0], new[] { "C6", "D6", "E6", "F6" }.Select(r => x.Numero(h, r)));
        Assert.Equal("SUM(C6:F6)", x.Formula(h, "G6"));
        Assert.Equal(3, x.Numero(h, "G6"));
        // OEI.02: own ND (no value obtained), AEI.02.01 90 (Medio).
        Assert.Equal([0, 1, 0, 1], new[] { "C7", "D7", "E7", "F7" }.Select(r => x.Numero(h, r)));
        Assert.Equal("TOTAL", x.Texto(h, "A8"));
        Assert.Equal("SUM(D6:D7)", x.Formula(h, "D8"));
        Assert.Equal(2, x.Numero(h, "D8"));
        Assert.Equal("SUM(G6:G7)", x.Formula(h, "G8"));
        Assert.Equal(5, x.Numero(h, "G8"));
    }

    [Fact]
    public void Seguimiento_SinCorridaDeUnSemestreDejaLaColumnaVacia()
    {
        var s1 = DatosReportes.Evaluar(Periodo.Semestre(1));
        var t = TablasSeguimiento.Desde(DatosReportes.Entidad, DatosReportes.Denominaciones, s1);
        Assert.Equal("I Semestre", t.Periodo);
        using var x = new Xlsx(s => SeguimientoExcel.Escribir(t, s));
        Assert.Equal((double)s1.Igi!.Value, x.Numero("OEI y AEI", "E11"), 10);
        Assert.Equal("—", x.Texto("OEI y AEI", "F11"));
        Assert.Equal("—", x.Texto("OEI y AEI", "G11"));
    }
    [Fact]
    public void Seguimiento_DeUnTrimestre_TraeSuPropiaColumnaAntesDeLosSemestres()
    {
        var t2 = DatosReportes.Evaluar(Periodo.Trimestre(2));
        var s1 = DatosReportes.Evaluar(Periodo.Semestre(1));
        var t = TablasSeguimiento.Desde(DatosReportes.Entidad, DatosReportes.Denominaciones, t2, s1);
        Assert.Equal(("II Trimestre", "II Trimestre"), (t.Periodo, t.Trimestre));
        using var x = new Xlsx(s => SeguimientoExcel.Escribir(t, s));
        Assert.Empty(x.Errores());
        const string h = "OEI y AEI";
        Assert.Equal(["II Trimestre", "I Semestre", "II Semestre", "Anual", "Desempeño (II Trimestre)"],
            new[] { "E5", "F5", "G5", "H5", "I5" }.Select(c => x.Texto(h, c)));
        Assert.Equal((double)t2.Oeis[0].Valor!.Value, x.Numero(h, "E6"), 10);
        Assert.Equal((double)s1.Oeis[0].Valor!.Value, x.Numero(h, "F6"), 10);
        Assert.Equal("—", x.Texto(h, "G6"));
        var igi = x.Fila(h, "A", "IGI");
        Assert.Equal((double)t2.Igi!.Value, x.Numero(h, $"E{igi}"), 10);
        Assert.Equal((double)s1.Igi!.Value, x.Numero(h, $"F{igi}"), 10);
        const string c = "Centros de costo";
        Assert.Equal("II Trimestre", x.Texto(c, "D5"));
        Assert.Equal((double)t2.CentrosCosto[0].Valor!.Value, x.Numero(c, "D6"), 10);
        // A semester's tables have no quarter column.
        Assert.Null(TablasSeguimiento.Desde(DatosReportes.Entidad, DatosReportes.Denominaciones, s1).Trimestre);
    }

    [Fact]
    public void Seguimiento_PorcentajesEnteros_RedondeaSoloLaPresentacion()
    {
        var (t, anual, _, _) = Ejemplo();
        using var x = new Xlsx(s => SeguimientoExcel.Escribir(t with { PorcentajesEnteros = true }, s), "seguimiento-porcentajes-enteros.xlsx");
        Assert.Empty(x.Errores());
        const string h = "OEI y AEI";
        // The cell keeps the engine's exact value; only its number format shows a whole number.
        Assert.Equal((double)anual.Oeis[0].Valor!.Value, x.Numero(h, "G6"), 10);
        Assert.Equal("#,##0\" %\"", x.FormatoNumero(h, "G6"));
        var igi = x.Fila(h, "A", "IGI");
        Assert.Equal((double)anual.Igi!.Value, x.Numero(h, $"G{igi}"), 10);
        Assert.Equal("#,##0\" %\"", x.FormatoNumero(h, $"G{igi}"));
        Assert.Equal("#,##0\" %\"", x.FormatoNumero("Logro de AEI", "F6"));
        // Counts keep their own format.
        Assert.Equal("#,##0", x.FormatoNumero(h, "D6"));
        // The Word annexes print the same tables rounded.
        var (informe, _) = InformeEvaluacionWordTests.Ejemplo();
        using var d = new Docx(s => InformeEvaluacionWord.Escribir(informe with { Anexos = t with { PorcentajesEnteros = true } }, s));
        var oei = Docx.Celdas(d.Seccion(InformeEvaluacionWord.Anexos).OfType<DocumentFormat.OpenXml.Wordprocessing.Table>().First());
        Assert.Equal(FormatoNumero.Porcentaje(anual.Igi, decimales: 0), oei.Single(r => r[0] == "IGI")[6]);
        Assert.Equal("82 %", oei.Single(r => r[0] == "IGI")[6]);
    }
}
