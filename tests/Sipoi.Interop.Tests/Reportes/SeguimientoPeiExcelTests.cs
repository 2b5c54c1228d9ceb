using Sipoi.Domain.Estrategia;
using Sipoi.Domain.Evaluacion;
using Sipoi.Interop.Reportes;

namespace Sipoi.Interop.Tests.Reportes;

/// <summary>
/// The Anexo B-7 workbook against the columns confirmed in docs/formatos-ceplan.md, with the figures of the published
/// IGP annex (LE 32 / VO 35 prints 100; LE 35 / VO 32 prints 91.43) run through the engine.
/// </summary>
public class SeguimientoPeiExcelTests
{
    private const string Hoja = SeguimientoPeiExcel.NombreHoja;

    private static MedicionIndicador Anual(int anio, decimal? le, decimal? vo) => new(anio, PeriodoIndicador.Anual, le, vo);

    internal static EstructuraPei Pei { get; } = new(
    [
        new OeiPei("OEI.02", 2, [new AeiPei("AEI.02.01", 1)])
        {
            Indicadores = [new IndicadorPei("IND.01.OEI.02", Sentido.Ascendente) { Valores = [Anual(2020, 0, 5), Anual(2021, 10, 4)] }],
        },
        new OeiPei("OEI.01", 1,
        [
            new AeiPei("AEI.01.01", 1)
            {
                Indicadores = [new IndicadorPei("IND.01.AEI.01.01", Sentido.Ascendente) { Valores = [Anual(2020, 7, 7), Anual(2021, 8, 7)] }],
            },
        ])
        {
            Indicadores =
            [
                new IndicadorPei("IND.01.OEI.01", Sentido.Ascendente)
                {
                    Valores = [Anual(2020, 32, 35), Anual(2021, 35, 32), Anual(2022, 38, null), Anual(2023, 41, null), Anual(2024, 44, null)],
                },
            ],
        },
    ]);

    private static readonly Dictionary<string, string> Denominaciones = new()
    {
        ["OEI.01"] = "INCREMENTAR EL CONOCIMIENTO CIENTIFICO",
        ["AEI.01.01"] = "INVESTIGACIONES EN CIENCIAS DE LA TIERRA",
        ["OEI.02"] = "FORTALECER LA GESTION INSTITUCIONAL",
        ["AEI.02.01"] = "GESTION POR PROCESOS",
    };

    private static readonly Dictionary<string, FichaIndicadorPei> Fichas = new()
    {
        ["IND.01.OEI.01"] = new("numero de investigaciones cientificas transferidas", "Número", 2017, 23m, "000084-INSTITUTO GEOFISICO DEL PERU", "05.01-DIRECCIÓN CIENTÍFICA"),
        ["IND.01.AEI.01.01"] = new("numero de investigaciones en ciencias de la tierra", "Número"),
        ["IND.01.OEI.02"] = new("porcentaje de procesos mejorados", "Porcentaje", 2019, null),
    };

    internal static SeguimientoPei Ejemplo() =>
        SeguimientoPei.Desde("IGP", "INSTITUTO GEOFISICO DEL PERU", 2020, 2025, Pei, Denominaciones, Fichas);

    [Fact]
    public void AnexoB7_EsValido()
    {
        using var x = new Xlsx(s => SeguimientoPeiExcel.Escribir(Ejemplo(), s), "anexo-b7-seguimiento-pei.xlsx");
        Assert.Empty(x.Errores());
        Assert.Empty(x.Errores(DocumentFormat.OpenXml.FileFormatVersions.Office2007));
        Assert.Equal([Hoja], x.Hojas);
    }

    [Fact]
    public void AnexoB7_TieneLaCabeceraYLasColumnasDelAplicativo()
    {
        using var x = new Xlsx(s => SeguimientoPeiExcel.Escribir(Ejemplo(), s));
        Assert.Equal("Anexo B-7", x.Texto(Hoja, "A1"));
        Assert.Equal("SEGUIMIENTO DEL PLAN ESTRATÉGICO INSTITUCIONAL (PEI)", x.Texto(Hoja, "A2"));
        Assert.Equal("Periodo PEI :", x.Texto(Hoja, "A4"));
        Assert.Equal("2020 - 2025", x.Texto(Hoja, "C4"));
        // Nivel de Gobierno and Sector are not recorded in SIPOI: their lines are not printed.
        Assert.Equal("Pliego :", x.Texto(Hoja, "A5"));
        Assert.Equal("INSTITUTO GEOFISICO DEL PERU", x.Texto(Hoja, "C5"));

        // Two header rows (7 and 8): the confirmed column list, one column per PEI year in each group.
        string?[] grupo = ["COD.", "INDICADOR", "PARAMETRO DE MEDICION", "LINEA BASE", null, "VALOR ACTUAL", null];
        for (var c = 0; c < grupo.Length; c++)
            if (grupo[c] is { } t) Assert.Equal(t, x.Texto(Hoja, $"{(char)('A' + c)}7"));
        Assert.Equal(["Año", "Valor", "Año", "Valor"], new[] { "D8", "E8", "F8", "G8" }.Select(r => x.Texto(Hoja, r)));
        Assert.Equal("LOGRO ESPERADO", x.Texto(Hoja, "H7"));
        Assert.Equal("VALOR OBTENIDO", x.Texto(Hoja, "N7"));
        Assert.Equal("AVANCE (%)", x.Texto(Hoja, "T7"));
        Assert.Equal(["2020", "2021", "2022", "2023", "2024", "2025"], new[] { "H8", "I8", "J8", "K8", "L8", "M8" }.Select(r => x.Texto(Hoja, r)));
        Assert.Equal("2020", x.Texto(Hoja, "N8"));
        Assert.Equal("2025", x.Texto(Hoja, "Y8"));
        Assert.Equal("UE", x.Texto(Hoja, "Z7"));
        Assert.Equal("UNIDAD ORGANICA RESPONSABLE", x.Texto(Hoja, "AA7"));
        Assert.Null(x.Celda(Hoja, "AB7"));
        Assert.Contains("H7:M7", x.Combinadas(Hoja));
        Assert.Contains("A7:A8", x.Combinadas(Hoja));
        Assert.Equal("'Anexo B-7'!$7:$8", x.TitulosImpresion(Hoja));
    }

    [Fact]
    public void AnexoB7_BloquesPorOeiYAeiEnOrdenDeCodigoConPrioridad()
    {
        using var x = new Xlsx(s => SeguimientoPeiExcel.Escribir(Ejemplo(), s));
        Assert.Equal("OEI.01 INCREMENTAR EL CONOCIMIENTO CIENTIFICO (Prioridad:1)", x.Texto(Hoja, "A9"));
        Assert.Equal("IND.01.OEI.01", x.Texto(Hoja, "A10"));
        Assert.Equal("OEI.01 AEI.01.01 INVESTIGACIONES EN CIENCIAS DE LA TIERRA (Prioridad:1)", x.Texto(Hoja, "A11"));
        Assert.Equal("IND.01.AEI.01.01", x.Texto(Hoja, "A12"));
        Assert.Equal("OEI.02 FORTALECER LA GESTION INSTITUCIONAL (Prioridad:2)", x.Texto(Hoja, "A13"));
        Assert.Equal("OEI.02 AEI.02.01 GESTION POR PROCESOS (Prioridad:1)", x.Texto(Hoja, "A15"));
        Assert.Equal("Sin indicadores registrados.", x.Texto(Hoja, "A16"));
        Assert.True(x.Negrita(Hoja, "A9"));
        Assert.Contains("A9:AA9", x.Combinadas(Hoja));
    }

    [Fact]
    public void AnexoB7_ValoresDelMotorConAvanceTruncadoEn100YNd()
    {
        using var x = new Xlsx(s => SeguimientoPeiExcel.Escribir(Ejemplo(), s));
        // IND.01.OEI.01 (row 10): the published annex's figures.
        Assert.Equal("numero de investigaciones cientificas transferidas", x.Texto(Hoja, "B10"));
        Assert.Equal("Número", x.Texto(Hoja, "C10"));
        Assert.Equal(2017, x.Numero(Hoja, "D10"));
        Assert.Equal(23, x.Numero(Hoja, "E10"));
        Assert.Null(x.Celda(Hoja, "F10")!.CellValue); // valor actual: not recorded in SIPOI
        Assert.Equal(32, x.Numero(Hoja, "H10"));
        Assert.Equal(44, x.Numero(Hoja, "L10"));
        Assert.Equal("ND", x.Texto(Hoja, "M10"));
        Assert.Equal(35, x.Numero(Hoja, "N10"));
        Assert.Equal(32, x.Numero(Hoja, "O10"));
        Assert.Equal("ND", x.Texto(Hoja, "P10"));
        var r2021 = EvaluacionEstrategica.Evaluar(Pei.Oeis[1].Indicadores[0], "OEI.01", null, 2021, PeriodoIndicador.Anual, EsquemaBandas.Nacional);
        Assert.Equal(100, x.Numero(Hoja, "T10"));               // 35 / 32: 109.38 % raw, truncated as the annex prints it
        Assert.Equal((double)r2021.AvanceAjustado!.Value, x.Numero(Hoja, "U10"), 10);
        Assert.Equal(91.43, x.Numero(Hoja, "U10"), 2);
        Assert.Equal("#,##0.00\" %\"", x.FormatoNumero(Hoja, "U10"));
        Assert.Equal("#,##0.00", x.FormatoNumero(Hoja, "H10"));
        Assert.Equal("ND", x.Texto(Hoja, "V10"));
        Assert.Equal("000084-INSTITUTO GEOFISICO DEL PERU", x.Texto(Hoja, "Z10"));
        Assert.Equal("05.01-DIRECCIÓN CIENTÍFICA", x.Texto(Hoja, "AA10"));

        // AEI indicator without baseline (row 12): blank year and value; 7/8 → 87.50.
        Assert.Null(x.Celda(Hoja, "D12")!.CellValue);
        Assert.Null(x.Celda(Hoja, "E12")!.CellValue);
        Assert.Equal(87.5, x.Numero(Hoja, "U12"), 10);

        // OEI.02's indicator (row 14): baseline year without value → ND; expected 0 with a value → (*).
        Assert.Equal(2019, x.Numero(Hoja, "D14"));
        Assert.Equal("ND", x.Texto(Hoja, "E14"));
        Assert.Equal(0, x.Numero(Hoja, "H14"));
        Assert.Equal("(*)", x.Texto(Hoja, "T14"));
        Assert.Equal(40, x.Numero(Hoja, "U14"), 10);
    }

    [Fact]
    public void AnexoB7_LaFilaCreceParaLaUnidadEjecutoraLarga()
    {
        // "000084-INSTITUTO GEOFISICO DEL PERU" (35 characters) wraps to two lines in the UE column (18 wide) while the
        // short name fits in one: the row is as tall as the UE text (2 × 13.5 + 2 points), not cut at one line.
        var fichas = new Dictionary<string, FichaIndicadorPei>(Fichas)
        {
            ["IND.01.OEI.01"] = new("investigaciones", "Número", 2017, 23m, "000084-INSTITUTO GEOFISICO DEL PERU", "05.01-DC"),
        };
        var anexo = SeguimientoPei.Desde("IGP", "INSTITUTO GEOFISICO DEL PERU", 2020, 2025, Pei, Denominaciones, fichas);
        using var x = new Xlsx(s => SeguimientoPeiExcel.Escribir(anexo, s));
        var fila = x.Hoja(Hoja).Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().Single(r => r.RowIndex?.Value == 10);
        Assert.Equal("investigaciones", x.Texto(Hoja, "B10"));
        Assert.Equal(2 * 13.5 + 2, fila.Height?.Value);
    }

    [Fact]
    public void AnexoB7_NotasDelAplicativo()
    {
        using var x = new Xlsx(s => SeguimientoPeiExcel.Escribir(Ejemplo(), s));
        Assert.Equal(SeguimientoPeiExcel.NotaTruncado, x.Texto(Hoja, "A18"));
        Assert.Equal(SeguimientoPeiExcel.NotaLogroCero, x.Texto(Hoja, "A19"));
        Assert.Equal(SeguimientoPeiExcel.NotaSipoi, x.Texto(Hoja, "A20"));

        // Without an expected value of zero the "(*)" note is not printed.
        var sinCero = SeguimientoPei.Desde("IGP", "IGP", 2020, 2025,
            new EstructuraPei([Pei.Oeis[1]]), Denominaciones, Fichas);
        using var y = new Xlsx(s => SeguimientoPeiExcel.Escribir(sinCero, s));
        var notas = Enumerable.Range(1, 30).Select(f => y.Texto(Hoja, $"A{f}")).ToList();
        Assert.Contains(SeguimientoPeiExcel.NotaTruncado, notas);
        Assert.DoesNotContain(SeguimientoPeiExcel.NotaLogroCero, notas);
    }

    [Fact]
    public void AnexoB7_ImprimeNivelDeGobiernoYSectorCuandoSeDan()
    {
        var anexo = Ejemplo() with { NivelGobierno = "E - GOBIERNO NACIONAL", Sector = "05 - AMBIENTAL" };
        using var x = new Xlsx(s => SeguimientoPeiExcel.Escribir(anexo, s));
        Assert.Equal(["Periodo PEI :", "Nivel de Gobierno :", "Sector :", "Pliego :"], new[] { "A4", "A5", "A6", "A7" }.Select(r => x.Texto(Hoja, r)));
        Assert.Equal("05 - AMBIENTAL", x.Texto(Hoja, "C6"));
        Assert.Equal("COD.", x.Texto(Hoja, "A9"));
    }

    [Fact]
    public void AnexoB7_RechazaIndicadorSinTodosLosAnios()
    {
        var anexo = Ejemplo();
        var corto = anexo with
        {
            Bloques = [anexo.Bloques[0] with { Indicadores = [anexo.Bloques[0].Indicadores[0] with { Valores = anexo.Bloques[0].Indicadores[0].Valores.Take(2).ToList() }] }],
        };
        var e = Assert.Throws<ArgumentException>(() => SeguimientoPeiExcel.Escribir(corto, new MemoryStream()));
        Assert.StartsWith("El indicador IND.01.OEI.01 debe traer un valor por cada año del PEI (2020 - 2025).", e.Message);
    }
}
