using Sipoi.Domain.Periodos;
using Sipoi.Interop.Reportes;

namespace Sipoi.Interop.Tests.Reportes;

public class MatrizPoiExcelTests
{
    private static decimal[] M(params decimal[] v) => v;

    // Two fichas of the EMSAPUNO POI 2024 (reference matrix), plus a "promedio" activity.
    internal static MatrizPoi Ejemplo() => new("EMSAPUNO S.A.", 2024, "PEI 2023 - 2025",
    [
        new HojaMatrizPoi("FP 06", "Secretaría General",
            [new("OEI.04", "Posicionar a EMSAPUNO S.A. como una empresa sostenible a nivel de la región",
                 "AEI.04.04", "Fortalecer la imagen institucional enfocado al cliente interno y externo",
                 "Encuesta de Sugerencias Internas y Comunicaciones", "%", 75)],
            [
                ActividadMatriz.Desde("01", "Recepción y distribución de documentos generados o ingresados a la entidad", "Actividad",
                    "Trámite Documentario", 1, 12, 3960, Comportamiento.Suma, M(330, 330, 330, 330, 330, 330, 330, 330, 330, 330, 330, 330)),
                ActividadMatriz.Desde("06", "Implementación de Directiva Interna", "Actividad", "Archivo Central", 1, 12, 2,
                    Comportamiento.Suma, M(0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0)),
                ActividadMatriz.Desde("07", "Presión promedio en la red", "m.c.a.", "Operaciones", 1, 12, 21.5m,
                    Comportamiento.Promedio, M(21, 21, 22, 21, 21, 22, 21, 21, 22, 21, 22, 23)),
            ])
        {
            FichaProceso = "FP 06 TRÁMITE DOCUMENTARIO Y ARCHIVO",
            ResponsableProceso = "Área Funcional de Administración Documental y Archivo Administrativo",
            ObjetivoProceso = "Planificar, organizar, ejecutar y supervisar el proceso de trámite y archivo documentario de EMSAPUNO S.A., " +
                              "con el propósito de asegurar la conservación y disponibilidad de la documentación.",
        },
        new HojaMatrizPoi("FP 24", "Oficina de Asesoría y Defensa Legal",
            [
                new("OEI.04", "Posicionar a EMSAPUNO S.A. como una empresa sostenible a nivel de la región",
                    "AEI.04.01", "Integración de localidades al ámbito de la EPS", "Número de localidades integradas a la EPS", "#", 1),
                new("OEI.04", "Posicionar a EMSAPUNO S.A. como una empresa sostenible a nivel de la región",
                    "AEI.04.03", "Mejorar la condición de Gobernabilidad y Gobernanza de la EPS", "Implementación del Código de Buen Gobierno Corporativo - CBGC", "%", 90),
            ],
            [
                ActividadMatriz.Desde("01", "Atención de consultas legales", "Doc.", "OADL", 1, 12, 120, Comportamiento.Suma,
                    M(10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10)),
            ])
        {
            FichaProceso = "FP 24 ASESORÍA Y DEFENSA LEGAL",
            ResponsableProceso = "Jefe de la Oficina de Asesoría y Defensa Legal - OADL",
        },
    ]);

    [Fact]
    public void Matriz_EsValidaYTieneUnaHojaPorFicha()
    {
        using var x = new Xlsx(s => MatrizPoiExcel.Escribir(Ejemplo(), s), "matriz-poi.xlsx");
        Assert.Empty(x.Errores());
        Assert.Empty(x.Errores(DocumentFormat.OpenXml.FileFormatVersions.Office2007));
        Assert.Equal(["FP 06", "FP 24"], x.Hojas);
    }

    [Fact]
    public void Matriz_EscribeEncabezadoComoElPoiDeReferencia()
    {
        using var x = new Xlsx(s => MatrizPoiExcel.Escribir(Ejemplo(), s));
        Assert.Equal("EMSAPUNO S.A.", x.Texto("FP 06", "A1"));
        Assert.Equal("PLAN OPERATIVO INSTITUCIONAL - POI", x.Texto("FP 06", "A2"));
        Assert.Equal("AÑO 2024", x.Texto("FP 06", "A3"));
        Assert.Contains("A1:X1", x.Combinadas("FP 06"));
        Assert.True(x.Negrita("FP 06", "A1"));
        var ficha = x.Fila("FP 06", "A", "Ficha de Proceso :");
        Assert.Equal("FP 06 TRÁMITE DOCUMENTARIO Y ARCHIVO", x.Texto("FP 06", $"C{ficha}"));
        var pei = x.Fila("FP 06", "A", "Periodo del PEI :");
        Assert.Equal("PEI 2023 - 2025", x.Texto("FP 06", $"C{pei}"));
        // FP 24 has no process objective: the line is left out.
        Rechazo.Con<Xunit.Sdk.XunitException>(() => x.Fila("FP 24", "A", "Objetivo del Proceso :"), "«Objetivo del Proceso :» no está en la columna A de FP 24");

        var oei = x.Fila("FP 24", "A", "Objetivo Estratégico Institucional");
        Assert.StartsWith("OEI.04 : Posicionar", x.Texto("FP 24", $"A{oei + 1}"));
        Assert.Contains($"A{oei + 1}:B{oei + 2}", x.Combinadas("FP 24")); // one OEI cell over its two AEIs
        Assert.Equal("AEI.04.03 : Mejorar la condición de Gobernabilidad y Gobernanza de la EPS", x.Texto("FP 24", $"C{oei + 2}"));
        Assert.Equal(90, x.Numero("FP 24", $"U{oei + 2}"));
    }

    [Fact]
    public void Matriz_MesesTrimestresYAnualSonNumerosConFormato()
    {
        using var x = new Xlsx(s => MatrizPoiExcel.Escribir(Ejemplo(), s));
        var enc = x.Fila("FP 06", "A", "Número");
        Assert.Equal("Programación Mensual", x.Texto("FP 06", $"H{enc}"));
        Assert.Equal("E", x.Texto("FP 06", $"H{enc + 1}"));
        Assert.Equal("I Trimestre", x.Texto("FP 06", $"K{enc + 1}"));
        Assert.Equal("IV Trimestre", x.Texto("FP 06", $"W{enc + 1}"));
        Assert.Equal("Cantidad Anual programada", x.Texto("FP 06", $"X{enc}"));

        var f = enc + 2;
        Assert.Equal("01", x.Texto("FP 06", $"A{f}"));
        Assert.Equal("Enero", x.Texto("FP 06", $"E{f}"));
        Assert.Equal("Diciembre", x.Texto("FP 06", $"F{f}"));
        Assert.Equal(3960, x.Numero("FP 06", $"G{f}"));
        Assert.Equal(330, x.Numero("FP 06", $"H{f}"));
        Assert.Equal(990, x.Numero("FP 06", $"K{f}"));
        Assert.Equal(3960, x.Numero("FP 06", $"X{f}"));
        Assert.Equal("#,##0", x.FormatoNumero("FP 06", $"H{f}"));
        Assert.True(x.Negrita("FP 06", $"K{f}"));

        // "06": months without a target stay blank, quarters always show (0 included).
        var g = f + 1;
        Assert.Null(x.Celda("FP 06", $"H{g}")!.CellValue);
        Assert.Equal(1, x.Numero("FP 06", $"I{g}"));
        Assert.Equal(1, x.Numero("FP 06", $"K{g}"));
        Assert.Equal(0, x.Numero("FP 06", $"O{g}"));
        Assert.Equal(1, x.Numero("FP 06", $"P{g}"));
        Assert.Equal(2, x.Numero("FP 06", $"X{g}"));

        // "07" (promedio): quarters are means, not sums, and the row takes two decimals.
        var p = g + 1;
        Assert.Equal((double)(64m / 3m), x.Numero("FP 06", $"K{p}"), 10);
        Assert.Equal((double)(258m / 12m), x.Numero("FP 06", $"X{p}"), 10);
        Assert.Equal("#,##0.00", x.FormatoNumero("FP 06", $"K{p}"));
    }

    [Fact]
    public void Matriz_InmovilizaYRepiteElEncabezadoDeLaTabla()
    {
        using var x = new Xlsx(s => MatrizPoiExcel.Escribir(Ejemplo(), s));
        var enc = x.Fila("FP 06", "A", "Número");
        var panel = x.Panel("FP 06")!;
        Assert.Equal(enc + 1, panel.VerticalSplit!.Value);
        Assert.Equal(2, panel.HorizontalSplit!.Value);
        Assert.Equal($"C{enc + 2}", panel.TopLeftCell!.Value);
        Assert.Equal($"'FP 06'!${enc}:${enc + 1}", x.TitulosImpresion("FP 06"));
        var setup = x.Hoja("FP 24").Descendants<DocumentFormat.OpenXml.Spreadsheet.PageSetup>().Single();
        Assert.Equal(DocumentFormat.OpenXml.Spreadsheet.OrientationValues.Landscape, setup.Orientation!.Value);
        Assert.Equal(1u, setup.FitToWidth!.Value);
        Assert.Equal(0u, setup.FitToHeight!.Value);
    }

    [Fact]
    public void Matriz_NombresDeHojaSiguenLasReglasDeExcel()
    {
        var hoja = Ejemplo().Hojas[1];
        var m = Ejemplo() with
        {
            Hojas =
            [
                hoja with { Codigo = "03.01/04 GERENCIA DE ADMINISTRACIÓN Y FINANZAS" },
                hoja with { Codigo = "03.01/04 GERENCIA DE ADMINISTRACIÓN Y FINANZAS" },
                hoja with { Codigo = "O'Brien" },
            ],
        };
        using var x = new Xlsx(s => MatrizPoiExcel.Escribir(m, s));
        Assert.Empty(x.Errores());
        Assert.Equal(["03.01 04 GERENCIA DE ADMINISTRA", "03.01 04 GERENCIA DE ADMINI (2)", "O'Brien"], x.Hojas);
        Assert.StartsWith("'O''Brien'!$", x.TitulosImpresion("O'Brien"));
    }

    [Fact]
    public void Matriz_EscribeLosGruposComoFilasYLasColumnasDeImportacion()
    {
        var ejemplo = Ejemplo();
        var fp06 = ejemplo.Hojas[0];
        var grupo = "I. Actividades de Gestión Documentaria";
        var actividades = fp06.Actividades.Select((a, i) => a with
        {
            Codigo = "FP06-0" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            AeiCodigo = "AEI.04.04",
            CentroCosto = "01.01",
            Ficha = "FP 06",
            Grupo = i < 2 ? grupo : null,
        }).ToList();
        var m = ejemplo with { Hojas = [fp06 with { Actividades = actividades }, ejemplo.Hojas[1]] };
        using var x = new Xlsx(s => MatrizPoiExcel.Escribir(m, s), "matriz-poi-importable.xlsx");
        Assert.Empty(x.Errores());
        Assert.Empty(x.Errores(DocumentFormat.OpenXml.FileFormatVersions.Office2007));

        var enc = x.Fila("FP 06", "A", "Número");
        Assert.Equal(["Código", "AEI", "Comportamiento", "Centro de costo", "Ficha", "Grupo"],
            new[] { "Y", "Z", "AA", "AB", "AC", "AD" }.Select(c => x.Texto("FP 06", $"{c}{enc}")));
        // The group heading is a row of its own, over the reference POI's columns, before its first activity only.
        var g = x.Fila("FP 06", "A", grupo);
        Assert.Equal(enc + 2, g);
        Assert.Contains($"A{g}:X{g}", x.Combinadas("FP 06"));
        Assert.True(x.Negrita("FP 06", $"A{g}"));
        Assert.Equal("01", x.Texto("FP 06", $"A{g + 1}"));
        Assert.Equal("06", x.Texto("FP 06", $"A{g + 2}"));
        Assert.Equal("07", x.Texto("FP 06", $"A{g + 3}"));
        Assert.Equal(["FP06-01", "AEI.04.04", "Suma", "01.01", "FP 06", grupo],
            new[] { "Y", "Z", "AA", "AB", "AC", "AD" }.Select(c => x.Texto("FP 06", $"{c}{g + 1}")));
        Assert.Equal("Promedio", x.Texto("FP 06", $"AA{g + 3}"));
        Assert.Null(x.Texto("FP 06", $"AD{g + 3}")); // no group: blank, the heading above does not reach it
        Assert.Equal(3960, x.Numero("FP 06", $"X{g + 1}"));

        // A sheet whose activities carry none of them gets only those it has (the behaviour, from ActividadMatriz.Desde).
        var enc24 = x.Fila("FP 24", "A", "Número");
        Assert.Equal("Comportamiento", x.Texto("FP 24", $"Y{enc24}"));
        Assert.Null(x.Texto("FP 24", $"Z{enc24}"));
    }

    [Fact]
    public void Matriz_RechazaUnaActividadSinDoceMeses()
    {
        var m = new MatrizPoi("X", 2024, "PEI", [new HojaMatrizPoi("FP 1", "U", [], [new("01", "A", "u", "r", 1, 12, 1, [1m], [1m, 0, 0, 0], 1)])]);
        Rechazo.Con<ArgumentException>(() => MatrizPoiExcel.Escribir(m, new MemoryStream()), "La actividad 01 debe traer 12 meses y trae 1.");
    }
}
