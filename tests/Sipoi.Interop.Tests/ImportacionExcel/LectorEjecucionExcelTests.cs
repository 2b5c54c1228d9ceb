using Sipoi.Interop.ImportacionExcel;
using Sipoi.Interop.Intercambio;
using Sipoi.Interop.Reportes;

namespace Sipoi.Interop.Tests.ImportacionExcel;

/// <summary>The execution table reader: SIPOI's own table and the published layout, columns by their headings, errors in Spanish at their cell.</summary>
public class LectorEjecucionExcelTests
{
    private static readonly decimal?[] Ejecutado = [300, 310, 330, 335, 320, 330, 0, 340, 330, null, null, null];

    private static ContextoEjecucionExcel Contexto(DocumentoIntercambio demo) =>
        new() { Anio = 2024, Actividades = demo.Poi.Actividades, CentrosCosto = demo.CentrosCosto };

    private static string Errores(ResultadoEjecucionExcel r) => string.Join("\n", r.Errores);

    [Fact]
    public void TablaQueEscribeSipoi_SeLeePorSusTitulos_YDevuelveLosMesesEjecutados()
    {
        var demo = ImportacionExcelLectorTests.Demo();
        var actividades = demo.Poi.Actividades.Where(a => a.Codigo is "FP06-01" or "FP09-01" or "FP22-02").ToList();
        var ejecutados = new Dictionary<string, decimal?[]>
        {
            ["FP06-01"] = Ejecutado,
            ["FP09-01"] = [98.5m, 99, 97.25m, 100, 100, 100, 96, 95, 97, null, null, null], // promedio: quarters are means
            ["FP22-02"] = [null, null, 5, null, null, 2, null, null, null, null, null, null],
        };
        var filas = actividades.Select(a => FilaEjecucion.Desde($"{a.CentroCosto} CENTRO", "Gestión administrativa", a.Codigo, a.Nombre,
            a.UnidadMedida ?? "", a.MetaAnual!.Value, a.Comportamiento, a.Programado, ejecutados[a.Codigo], 9)).ToList();
        var ms = new MemoryStream();
        EjecucionExcel.Escribir(new TablaEjecucion("EMSAPUNO S.A.", 2024, 9, filas), ms);
        ms.Position = 0;

        var r = LectorEjecucionExcel.Leer(ms, Contexto(demo));

        Assert.True(r.EsValido, Errores(r));
        Assert.Equal(["Ejecución al III Trimestre"], r.Hojas);
        Assert.Equal(["FP06-01", "FP22-02", "FP09-01"], r.Filas.Select(f => f.Codigo)); // the POI's order, as the table lists them
        foreach (var f in r.Filas) Assert.Equal(ejecutados[f.Codigo], f.Ejecutado);
        Assert.Equal(7, r.Filas[0].Fila); // heading rows 5 and 6
    }

    /// <summary>
    /// The layout offices publish: cost centre, budget activity, activity, unit, annual target, then the twelve programmed
    /// months, the twelve executed months, then programmed/executed per quarter — in one heading row, no code column.
    /// </summary>
    private static LibroDePrueba.Hoja Publicada(LibroDePrueba libro, params object?[][] filas)
    {
        var hoja = libro.NuevaHoja("Ejecución POI 2024");
        hoja.Fila("A1", "EJECUCIÓN DEL POI 2024 — SECRETARÍA GENERAL");
        string[] meses = ["Ene", "Feb", "Mar", "Abr", "May", "Jun", "Jul", "Ago", "Set", "Oct", "Nov", "Dic"];
        hoja.Fila("A3", ["Centro de Costo", "Actividad Presupuestal", "Actividad Operativa", "Unidad de Medida", "Meta Anual", .. meses, .. meses,
            "I Trim. Prog.", "I Trim. Ejec.", "II Trim. Prog.", "II Trim. Ejec.", "III Trim. Prog.", "III Trim. Ejec.", "IV Trim. Prog.", "IV Trim. Ejec."]);
        for (var i = 0; i < filas.Length; i++) hoja.Fila($"A{4 + i}", filas[i]);
        return hoja;
    }

    private static object?[] FilaPublicada(string centro, string nombre, decimal[] programado, IEnumerable<object?> ejecutado, decimal?[] trimestres) =>
        [centro, "5001434 Gestión administrativa", nombre, "Actividad", programado.Sum(), .. programado.Cast<object?>(), .. ejecutado,
            .. trimestres.Cast<object?>()];

    private static IEnumerable<object?> E(params object?[] v) => v;

    private static readonly decimal[] Programado0601 = [330, 330, 330, 330, 330, 330, 330, 330, 330, 330, 330, 330];
    private const string Nombre0601 = "Recepción y distribución de documentos generados o ingresados a la entidad";

    [Fact]
    public void VariantePublicada_ConCentroYActividadPresupuestal_ProgramadosLuegoEjecutados()
    {
        var demo = ImportacionExcelLectorTests.Demo();
        var libro = new LibroDePrueba();
        Publicada(libro,
            FilaPublicada("01.01 SECRETARÍA GENERAL", Nombre0601, Programado0601, Ejecutado.Cast<object?>(), [990, 940, 990, 985, 990, 670, 990, null]),
            ["", "", "TOTAL", "", 3960, .. Enumerable.Repeat<object?>(330, 12), .. Enumerable.Repeat<object?>(null, 12)]);

        var r = LectorEjecucionExcel.Leer(libro.Guardar(), Contexto(demo));

        Assert.True(r.EsValido, Errores(r));
        var fila = Assert.Single(r.Filas); // the TOTAL row is not an activity
        Assert.Equal(("FP06-01", 4), (fila.Codigo, fila.Fila));
        Assert.Equal(Ejecutado, fila.Ejecutado);
    }

    [Fact]
    public void TrimestreQueNoCuadraConSusMeses_EsErrorQueNombraFilaYColumna()
    {
        var demo = ImportacionExcelLectorTests.Demo();
        var libro = new LibroDePrueba();
        Publicada(libro, FilaPublicada("01.01", Nombre0601, Programado0601, Ejecutado.Cast<object?>(), [990, 940, 990, 985, 990, 680, 990, null]));

        var r = LectorEjecucionExcel.Leer(libro.Guardar(), Contexto(demo));

        Assert.Empty(r.Filas);
        Assert.Equal(["Hoja 'Ejecución POI 2024', fila 4, columna AI (III Trim. Ejec.): el III Trimestre ejecutado dice 680, pero sus meses " +
                      "(julio, agosto y setiembre) dan 670 (suma)."], r.Errores.Select(e => e.ToString()));
    }

    [Fact]
    public void ErroresDeCeldas_EnEspanol_NombranHojaFilaYColumna_YNoDevuelvenNada()
    {
        var demo = ImportacionExcelLectorTests.Demo();
        var libro = new LibroDePrueba();
        var otraMeta = (decimal[])Programado0601.Clone();
        otraMeta[2] = 300;
        Publicada(libro,
            FilaPublicada("01.01", Nombre0601, otraMeta, E(300, "abc", null, null, null, null, null, null, null, null, null, null), [null, null, null, null, null, null, null, null]),
            FilaPublicada("01.01", "Actividad que no existe", Programado0601, Ejecutado.Cast<object?>(), [null, null, null, null, null, null, null, null]),
            FilaPublicada("01.02", Nombre0601, Programado0601, Ejecutado.Cast<object?>(), [null, null, null, null, null, null, null, null]),
            FilaPublicada("01.01", "Implementación de Directiva Interna", [0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0], E(0, -1, null, null, null, null, null, null, null, null, null, null),
                [null, null, null, null, null, null, null, null]));

        var r = LectorEjecucionExcel.Leer(libro.Guardar(), Contexto(demo));

        Assert.Empty(r.Filas);
        Assert.Equal(
        [
            "Hoja 'Ejecución POI 2024', fila 4, columna S (Feb Ejec.): «abc» no es un número.",
            "Hoja 'Ejecución POI 2024', fila 4, columna H (Mar Prog.): la meta programada de marzo es 300 en el libro y 330 en el POI 2024 (actividad FP06-01); " +
            "la ejecución se carga sobre las metas del POI: corrija el libro o registre antes un POI Modificado.",
            "Hoja 'Ejecución POI 2024', fila 5, columna C (Actividad Operativa): «Actividad que no existe» no es una actividad del POI 2024 en el centro de costo 01.01.",
            "Hoja 'Ejecución POI 2024', fila 6, columna C (Actividad Operativa): «Recepción y distribución de documentos generados o ingresad…» " +
            "no es una actividad del POI 2024 en el centro de costo 01.02.",
            "Hoja 'Ejecución POI 2024', fila 7, columna S (Feb Ejec.): «-1» es negativo; la ejecución es 0 o más.",
        ], r.Errores.Select(e => e.ToString()));
    }

    [Fact]
    public void MesSinDecirSiEsProgramadoOEjecutado_YLibroSinTabla_SeRechazan()
    {
        var demo = ImportacionExcelLectorTests.Demo();
        var libro = new LibroDePrueba();
        libro.NuevaHoja("Hoja1").Fila("A2", "Código", "Actividad", "Ene", "Feb");
        var r = LectorEjecucionExcel.Leer(libro.Guardar(), Contexto(demo));
        Assert.Equal("Hoja 'Hoja1', fila 2: los títulos de la tabla de ejecución no se entienden: la columna C («Ene») no dice si es programado o ejecutado; " +
                     "la columna D («Feb») no dice si es programado o ejecutado; no tiene ninguna columna de meses ejecutados («Ejec.» bajo el mes, o «Ejecutado» sobre Ene … Dic).",
            Assert.Single(r.Errores).ToString());

        // The POI matrix (months E F M …, no executed months) is not an execution table.
        var matriz = LectorEjecucionExcel.Leer(MatrizIdaYVueltaTests.Matriz(demo), Contexto(demo));
        Assert.StartsWith("El libro no tiene ninguna hoja con la tabla de ejecución", Assert.Single(matriz.Errores).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void DosFilasDeTitulos_ProgramadoYEjecutadoSobreLosMeses_ConCodigo()
    {
        var demo = ImportacionExcelLectorTests.Demo();
        var libro = new LibroDePrueba();
        string[] meses = ["Enero", "Febrero", "Marzo"];
        var hoja = libro.NuevaHoja("Ejecucion");
        hoja.Fila("A4", "Código", "Actividad Operativa", "Programado", null, null, "Ejecutado", null, null)
            .Combinar("A4:A5").Combinar("B4:B5").Combinar("C4:E4").Combinar("F4:H4");
        hoja.Fila("C5", [.. meses, .. meses]);
        hoja.Fila("A6", "fp06-06", "Implementación de Directiva Interna", 0, 1, 0, 0, 1, null);
        var r = LectorEjecucionExcel.Leer(libro.Guardar(), Contexto(demo));

        Assert.True(r.EsValido, Errores(r));
        var fila = Assert.Single(r.Filas);
        Assert.Equal("FP06-06", fila.Codigo);
        Assert.Equal([0m, 1m, null, null, null, null, null, null, null, null, null, null], fila.Ejecutado);
    }
}
