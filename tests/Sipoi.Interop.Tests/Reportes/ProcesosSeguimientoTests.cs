using Sipoi.Domain.Evaluacion;
using Sipoi.Domain.Organizacion;
using Sipoi.Domain.Periodos;
using Sipoi.Interop.Evaluacion;
using Sipoi.Interop.Reportes;

namespace Sipoi.Interop.Tests.Reportes;

/// <summary>
/// The entity's own method (weighted process method, DOMAIN.md §5) in the monitoring workbook and the Word report: the
/// same small entity as <see cref="DatosReportes"/>, its activities grouped in three fichas of two gerencias, evaluated by
/// the real engine; every figure is checked against the engine's own fichas and gerencias.
/// </summary>
public class ProcesosSeguimientoTests
{
    private const string Urbano = "Gerencia de Desarrollo Urbano";
    private const string Servicios = "Gerencia de Servicios Públicos";

    private static readonly IReadOnlyList<FichaEvaluable> Fichas =
    [
        new("FP 01", Urbano), new("FP 02", Servicios, 2m), new("FP 03", Servicios),
    ];

    internal static readonly IReadOnlyDictionary<string, string> NombresFichas = new Dictionary<string, string>
    {
        ["FP 01"] = "LICENCIAS Y CONTROL URBANO",
        ["FP 02"] = "AGUA POTABLE",
        ["FP 03"] = "EDUCACIÓN AMBIENTAL",
    };

    private static readonly Dictionary<string, string> FichaDe = new() { ["AO-001"] = "FP 01", ["AO-002"] = "FP 01", ["AO-003"] = "FP 02", ["AO-004"] = "FP 03" };

    private static readonly ConfiguracionEvaluacion Ponderado = new(new EsquemaBandas(80m, 91m)
    {
        LeyendaBajo = "Esfuérzate más",
        LeyendaMedio = "Falta poco",
        LeyendaAlto = "Lo lograste",
    }, MetodoEvaluacion.Ponderado);

    internal static ResultadoEvaluacion Evaluar(Periodo periodo, ConfiguracionEvaluacion? configuracion = null) =>
        Evaluador.Evaluar(DatosReportes.Pei, configuracion ?? Ponderado, 2024, periodo,
            DatosReportes.Actividades.Select(a => a.Evaluable with { FichaCodigo = FichaDe[a.Evaluable.Codigo] }), Fichas);

    internal static (TablasSeguimiento Tablas, ResultadoEvaluacion Anual, ResultadoEvaluacion S1, ResultadoEvaluacion S2) Ejemplo()
    {
        var anual = Evaluar(Periodo.Anual);
        var s1 = Evaluar(Periodo.Semestre(1));
        var s2 = Evaluar(Periodo.Semestre(2));
        return (TablasSeguimiento.Desde(DatosReportes.Entidad, DatosReportes.Denominaciones, NombresFichas, anual, s1, s2), anual, s1, s2);
    }

    [Fact]
    public void Procesos_MetodoNacionalNoTieneFichasNiGerencias()
    {
        var ceplan = Evaluar(Periodo.Anual, Ponderado with { Metodo = MetodoEvaluacion.Ceplan });
        Assert.NotEmpty(ceplan.Fichas); // the engine computes them anyway; the reports leave them out
        Assert.Null(ProcesosSeguimiento.Desde(NombresFichas, ceplan));
        var t = TablasSeguimiento.Desde(DatosReportes.Entidad, DatosReportes.Denominaciones, NombresFichas, ceplan);
        Assert.Null(t.Procesos);
        using var x = new Xlsx(s => SeguimientoExcel.Escribir(t, s));
        Assert.Equal(["OEI y AEI", "Centros de costo", "Ejecución por AEI", "Indicadores por desempeño", "Logro de AEI"], x.Hojas);
    }

    [Fact]
    public void Procesos_LibroTraeFichasYGerenciasConLosValoresDelMotor()
    {
        var (t, anual, s1, s2) = Ejemplo();
        using var x = new Xlsx(s => SeguimientoExcel.Escribir(t, s), "seguimiento-ponderado-anual.xlsx");
        Assert.Empty(x.Errores());
        Assert.Empty(x.Errores(DocumentFormat.OpenXml.FileFormatVersions.Office2007));
        Assert.Equal(["OEI y AEI", "Centros de costo", "Ejecución por AEI", "Indicadores por desempeño", "Logro de AEI",
            ProcesosSeguimiento.HojaFichas, ProcesosSeguimiento.HojaGerencias], x.Hojas);

        const string f = ProcesosSeguimiento.HojaFichas;
        Assert.Equal(["Gerencia", "Código", "Ficha de proceso", "N.º AO con meta", "I Semestre", "II Semestre", "Anual", "Desempeño (Anual)"],
            new[] { "A", "B", "C", "D", "E", "F", "G", "H" }.Select(c => x.Texto(f, $"{c}5")));
        Assert.Equal($"'{f}'!$5:$5", x.TitulosImpresion(f));
        // Rows by gerencia: FP 01 (Urbano), then FP 02 and FP 03 (Servicios).
        Assert.Equal(6, x.Fila(f, "B", "FP 01"));
        Assert.Equal(7, x.Fila(f, "B", "FP 02"));
        Assert.Equal(8, x.Fila(f, "B", "FP 03"));
        foreach (var (codigo, fila) in new[] { ("FP 01", 6), ("FP 02", 7), ("FP 03", 8) })
        {
            var motor = anual.Fichas.Single(x => x.Codigo == codigo);
            Assert.Equal(motor.Gerencia, x.Texto(f, $"A{fila}"));
            Assert.Equal(NombresFichas[codigo], x.Texto(f, $"C{fila}"));
            Assert.Equal(motor.Conteo.ConMeta, x.Numero(f, $"D{fila}"));
            Assert.Equal((double)s1.Fichas.Single(x => x.Codigo == codigo).Valor!.Value, x.Numero(f, $"E{fila}"), 10);
            Assert.Equal((double)s2.Fichas.Single(x => x.Codigo == codigo).Valor!.Value, x.Numero(f, $"F{fila}"), 10);
            Assert.Equal((double)motor.Valor!.Value, x.Numero(f, $"G{fila}"), 10);
            Assert.Equal("#,##0.00\" %\"", x.FormatoNumero(f, $"G{fila}"));
            Assert.Equal(anual.Bandas.Texto(motor.Banda!.Value), x.Texto(f, $"H{fila}"));
        }
        // FP 02: AO-003 averages 20 of 21 m.c.a. → 95.24 % → Alto with 80/91, written with the entity's legend on green.
        Assert.Equal("Alto — Lo lograste", x.Texto(f, "H7"));
        Assert.Equal("FFC6EFCE", x.Relleno(f, "H7"));
        Assert.Equal("TOTAL", x.Texto(f, "A9"));
        Assert.Equal("SUM(D6:D8)", x.Formula(f, "D9"));
        Assert.Equal(anual.Fichas.Sum(x => x.Conteo.ConMeta), x.Numero(f, "D9"));

        const string g = ProcesosSeguimiento.HojaGerencias;
        Assert.Equal(["Gerencia", "N.º fichas", "Fichas con valor", "N.º AO con meta", "I Semestre", "II Semestre", "Anual", "Desempeño (Anual)"],
            new[] { "A", "B", "C", "D", "E", "F", "G", "H" }.Select(c => x.Texto(g, $"{c}5")));
        var servicios = x.Fila(g, "A", Servicios);
        var motorServicios = anual.Gerencias.Single(x => x.Nombre == Servicios);
        Assert.Equal(2, x.Numero(g, $"B{servicios}"));
        Assert.Equal(motorServicios.Conteo.ConMeta, x.Numero(g, $"D{servicios}"));
        Assert.Equal((double)s1.Gerencias.Single(x => x.Nombre == Servicios).Valor!.Value, x.Numero(g, $"E{servicios}"), 10);
        Assert.Equal((double)motorServicios.Valor!.Value, x.Numero(g, $"G{servicios}"), 10);
        // The gerencia weighs FP 02 twice: (2·95.24 + 1·100) / 3, not the simple mean of its two fichas.
        var fp02 = anual.Fichas.Single(x => x.Codigo == "FP 02").Valor!.Value;
        var fp03 = anual.Fichas.Single(x => x.Codigo == "FP 03").Valor!.Value;
        Assert.Equal((double)((2 * fp02 + fp03) / 3), x.Numero(g, $"G{servicios}"), 10);
        Assert.Equal(anual.Bandas.Texto(motorServicios.Banda!.Value), x.Texto(g, $"H{servicios}"));
    }

    [Fact]
    public void Procesos_TrimestreTraeSuColumnaPrimero()
    {
        var t2 = Evaluar(Periodo.Trimestre(2));
        var s1 = Evaluar(Periodo.Semestre(1));
        var p = ProcesosSeguimiento.Desde(NombresFichas, t2, s1)!;
        Assert.Equal("II Trimestre", p.Trimestre);
        var fichas = p.Tablas()[0];
        Assert.Equal(["Gerencia", "Código", "Ficha de proceso", "N.º AO con meta", "II Trimestre", "I Semestre", "II Semestre", "Anual", "Desempeño (II Trimestre)"],
            fichas.Columnas.Select(c => c.Titulo));
        var fp01 = p.Fichas.Single(f => f.Codigo == "FP 01");
        Assert.Equal(t2.Fichas.Single(f => f.Codigo == "FP 01").Valor, fp01.ValorTrimestre);
        Assert.Equal(fp01.ValorTrimestre, fp01.Valor);
        Assert.Equal(s1.Fichas.Single(f => f.Codigo == "FP 01").Valor, fp01.Semestre1);
        Assert.Null(fp01.Semestre2); // no S2 run for a cut in June
        Assert.Null(fp01.Anual);
        Assert.All(fichas.Filas, f => Assert.Equal(fichas.Columnas.Count, f.Celdas.Count));
        Assert.Equal(fichas.Columnas.Count, fichas.Total!.Celdas.Count);
    }

    [Fact]
    public void Procesos_InformeTraeLaSeccionConGerenciasYFichas()
    {
        var (t, anual, _, _) = Ejemplo();
        var (informe, _) = InformeEvaluacionWordTests.Ejemplo();
        informe = informe with { Bandas = anual.Bandas, Anexos = t, Procesos = t.Procesos };
        using var d = new Docx(s => InformeEvaluacionWord.Escribir(informe, s), "informe-ponderado-anual.docx");
        Assert.Empty(d.Errores());
        Assert.Empty(d.Errores(DocumentFormat.OpenXml.FileFormatVersions.Office2007));
        var titulo = $"4.3 {InformeEvaluacionWord.TituloMetodoPonderado}";
        Assert.Contains((2, titulo), d.Encabezados);

        var gerencias = d.TablaTras("Cumplimiento por gerencia — Anual 2024");
        Assert.Equal(["Gerencia", "N.º fichas", "Fichas con valor", "N.º AO con meta", "I Semestre", "II Semestre", "Anual", "Desempeño (Anual)"], gerencias[0]);
        var servicios = gerencias.Single(r => r[0] == Servicios);
        var motor = anual.Gerencias.Single(g => g.Nombre == Servicios);
        Assert.Equal(FormatoNumero.Porcentaje(motor.Valor), servicios[6]);
        Assert.Equal(anual.Bandas.Texto(motor.Banda!.Value), servicios[7]);

        var fichas = d.TablaTras("Cumplimiento por ficha de proceso — Anual 2024");
        Assert.Equal(["FP 01", "FP 02", "FP 03"], fichas.Skip(1).Take(3).Select(r => r[1]));
        var fp02 = fichas.Single(r => r[1] == "FP 02");
        Assert.Equal("AGUA POTABLE", fp02[2]);
        Assert.Equal(FormatoNumero.Porcentaje(anual.Fichas.Single(f => f.Codigo == "FP 02").Valor), fp02[6]);
        Assert.Equal("Alto — Lo lograste", fp02[7]);
        Assert.Equal("TOTAL", fichas[^1][0]);

        // The sentence names the fichas in the red band, or says there are none.
        var texto = string.Join(" ", d.Seccion(titulo).Select(e => e.InnerText));
        var bajas = anual.Fichas.Where(f => f.Banda == Banda.Bajo).ToList();
        if (bajas.Count == 0) Assert.Contains("ninguna está en desempeño Bajo", texto);
        else Assert.All(bajas, f => Assert.Contains(f.Codigo, texto));
    }

    [Fact]
    public void Procesos_InformeDeMetodoNacionalNoTraeLaSeccion()
    {
        var (informe, _) = InformeEvaluacionWordTests.Ejemplo();
        Assert.Null(informe.Procesos);
        using var d = new Docx(s => InformeEvaluacionWord.Escribir(informe, s));
        Assert.DoesNotContain(d.Encabezados, h => h.Texto.Contains(InformeEvaluacionWord.TituloMetodoPonderado, StringComparison.Ordinal));
        Assert.DoesNotContain(d.Parrafos, p => p.Contains("ficha", StringComparison.OrdinalIgnoreCase));
    }
}
