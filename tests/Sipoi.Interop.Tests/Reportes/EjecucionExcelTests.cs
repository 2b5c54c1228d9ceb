using Sipoi.Domain.Evaluacion;
using Sipoi.Domain.Periodos;
using Sipoi.Interop.Reportes;

namespace Sipoi.Interop.Tests.Reportes;

public class EjecucionExcelTests
{
    private const string Hoja = "Ejecución al III Trimestre";

    internal static TablaEjecucion Ejemplo(int corte = 9) => new(DatosReportes.Entidad, 2024, corte,
        DatosReportes.Actividades.Select(a => FilaEjecucion.Desde(
            a.CentroNombre, a.ActividadPresupuestal, a.Evaluable.Codigo, a.Nombre, a.Unidad,
            Agregacion.Programado(a.Evaluable.Comportamiento, a.Evaluable.Programado, Periodo.Anual),
            a.Evaluable.Comportamiento, a.Evaluable.Programado, a.Evaluable.Ejecutado, corte)).ToList())
    {
        Subtitulo = "Unidad ejecutora 001",
    };

    [Fact]
    public void Ejecucion_EsValida()
    {
        using var x = new Xlsx(s => EjecucionExcel.Escribir(Ejemplo(), s), "ejecucion-iii-trimestre.xlsx");
        Assert.Empty(x.Errores());
        Assert.Empty(x.Errores(DocumentFormat.OpenXml.FileFormatVersions.Office2007));
        Assert.Equal([Hoja], x.Hojas);
        Assert.Equal("EJECUCIÓN DEL PLAN OPERATIVO INSTITUCIONAL 2024 AL III TRIMESTRE", x.Texto(Hoja, "A2"));
    }

    [Fact]
    public void Ejecucion_MuestraMesesHastaElCorteTrimestresCerradosYAcumulado()
    {
        using var x = new Xlsx(s => EjecucionExcel.Escribir(Ejemplo(), s));
        // F meta, then 9 months × (Prog., Ejec.) G..X, 3 quarters Y..AD, acumulado AE..AG.
        Assert.Equal("Meta física anual", x.Texto(Hoja, "F5"));
        Assert.Equal("Enero", x.Texto(Hoja, "G5"));
        Assert.Equal("Prog.", x.Texto(Hoja, "G6"));
        Assert.Equal("Ejec.", x.Texto(Hoja, "H6"));
        Assert.Equal("Setiembre", x.Texto(Hoja, "W5"));
        Assert.Equal("I Trimestre", x.Texto(Hoja, "Y5"));
        Assert.Equal("III Trimestre", x.Texto(Hoja, "AC5"));
        Assert.Equal("Acumulado a setiembre", x.Texto(Hoja, "AE5"));
        Assert.Equal("% Avance", x.Texto(Hoja, "AG6"));
        Assert.Null(x.Celda(Hoja, "AH5"));

        // AO-002 (row 8): March 1/1; June programmed, not registered (blank, not 0).
        Assert.Equal("AO-002", x.Texto(Hoja, "C8"));
        Assert.Equal(1, x.Numero(Hoja, "K8"));
        Assert.Equal(1, x.Numero(Hoja, "L8"));
        Assert.Equal(1, x.Numero(Hoja, "Q8"));
        Assert.Null(x.Celda(Hoja, "R8")!.CellValue);
        Assert.Equal(0, x.Numero(Hoja, "H8")); // January: registered 0

        // Quarters and cumulative come from the domain rule (promedio for AO-003).
        var ao3 = DatosReportes.Actividades[2].Evaluable;
        var acumulado = Ejecucion.Evaluar(ao3.Comportamiento, ao3.Programado, ao3.Ejecutado, Periodo.AcumuladoAl(9));
        Assert.Equal(21, x.Numero(Hoja, "Y9"));
        Assert.Equal(20, x.Numero(Hoja, "Z9"));
        Assert.Equal(21, x.Numero(Hoja, "AE9"));
        Assert.Equal((double)acumulado.Porcentaje!.Value, x.Numero(Hoja, "AG9"), 10);
        Assert.Equal("#,##0.00\" %\"", x.FormatoNumero(Hoja, "AG9"));
        Assert.Equal("#,##0", x.FormatoNumero(Hoja, "G7"));
    }

    [Fact]
    public void Ejecucion_FilaTotalEsFormulaSumaConValorCalculado()
    {
        using var x = new Xlsx(s => EjecucionExcel.Escribir(Ejemplo(), s));
        Assert.Equal("TOTAL", x.Texto(Hoja, "A11"));
        Assert.Equal("SUM(F7:F10)", x.Formula(Hoja, "F11"));
        Assert.Equal(120 + 4 + 21 + 60, x.Numero(Hoja, "F11"));
        Assert.Equal("SUM(G7:G10)", x.Formula(Hoja, "G11"));
        Assert.Equal(10 + 0 + 21 + 5, x.Numero(Hoja, "G11"));
        // Executed in the I quarter: 30 + 1 + 20 (promedio) + 18.
        Assert.Equal("SUM(Z7:Z10)", x.Formula(Hoja, "Z11"));
        Assert.Equal(30 + 1 + 20 + 18, x.Numero(Hoja, "Z11"));
        // Percentages are not summed.
        Assert.Null(x.Celda(Hoja, "AG11")!.CellValue);
        Assert.True(x.Negrita(Hoja, "F11"));
    }

    [Fact]
    public void Ejecucion_InmovilizaEncabezadoYActividadYRepiteEncabezadoAlImprimir()
    {
        using var x = new Xlsx(s => EjecucionExcel.Escribir(Ejemplo(), s));
        var panel = x.Panel(Hoja)!;
        Assert.Equal(6, panel.VerticalSplit!.Value);
        Assert.Equal(4, panel.HorizontalSplit!.Value);
        Assert.Equal("'Ejecución al III Trimestre'!$5:$6", x.TitulosImpresion(Hoja));
    }

    [Fact]
    public void Ejecucion_CorteEnMesSinCerrarTrimestreNoMuestraElTrimestreAbierto()
    {
        using var x = new Xlsx(s => EjecucionExcel.Escribir(Ejemplo(8), s));
        const string hoja = "Ejecución al mes de agosto";
        Assert.Equal([hoja], x.Hojas);
        Assert.Equal("EJECUCIÓN DEL PLAN OPERATIVO INSTITUCIONAL 2024 AL MES DE AGOSTO", x.Texto(hoja, "A2"));
        Assert.Equal("Agosto", x.Texto(hoja, "U5"));
        Assert.Equal("I Trimestre", x.Texto(hoja, "W5"));
        Assert.Equal("II Trimestre", x.Texto(hoja, "Y5"));
        Assert.Equal("Acumulado a agosto", x.Texto(hoja, "AA5"));
        Assert.Empty(x.Errores());
    }

    [Fact]
    public void Ejecucion_SinFilasEscribeTotalEnCero()
    {
        using var x = new Xlsx(s => EjecucionExcel.Escribir(new TablaEjecucion("X", 2024, 3, []), s));
        Assert.Empty(x.Errores());
        Assert.Equal(0, x.Numero("Ejecución al I Trimestre", "F7"));
    }
}
