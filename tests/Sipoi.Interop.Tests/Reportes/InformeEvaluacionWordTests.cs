using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Sipoi.Domain.Evaluacion;
using Sipoi.Domain.Periodos;
using Sipoi.Interop.Evaluacion;
using Sipoi.Interop.Reportes;
using C = DocumentFormat.OpenXml.Drawing.Charts;

namespace Sipoi.Interop.Tests.Reportes;

public class InformeEvaluacionWordTests
{
    private static readonly Dictionary<string, string> Nombres = new(DatosReportes.Denominaciones)
    {
        ["IND.01.1"] = "Porcentaje de expedientes atendidos en plazo",
        ["IND.02.1"] = "Toneladas de residuos valorizados",
    };

    internal static (InformeEvaluacion Informe, ResultadoEvaluacion Anual) Ejemplo()
    {
        var anual = DatosReportes.Evaluar(Periodo.Anual);
        var s1 = DatosReportes.Evaluar(Periodo.Semestre(1));
        var s2 = DatosReportes.Evaluar(Periodo.Semestre(2));
        var informe = InformeEvaluacion.Desde(DatosReportes.Entidad, anual, Nombres,
            new Dictionary<string, string> { ["AEI.01.01"] = "En implementación", ["AEI.01.02"] = "En implementación" }) with
        {
            Responsable = "Oficina de Planeamiento y Presupuesto",
            LugarFecha = "Ayacucho, enero de 2025",
            Mision = "Promover el desarrollo integral y sostenible de la provincia con servicios públicos de calidad.",
            Lineamientos = ["Gestión orientada a resultados", "Transparencia y rendición de cuentas"],
            RecomendacionesAnteriores =
            [
                new("Registro tardío del avance", "Registrar el avance dentro del plazo", "Recordatorio mensual a los centros de costo",
                    "Oficina de Planeamiento y Presupuesto", "31/03/2024", "Implementada", true, "Se emitió el memorando múltiple N.º 012"),
                new("Metas sobreestimadas", "Revisar la programación de metas", "Taller de programación",
                    "01 GERENCIA MUNICIPAL; 03.01 GERENCIA DE OBRAS; Entidad externa: Gobierno Regional de Ayacucho",
                    "30/06/2024", "En proceso", false, OeiAei: "OEI.01 — Mejorar la calidad de los servicios"),
            ],
            Anexos = TablasSeguimiento.Desde(DatosReportes.Entidad, DatosReportes.Denominaciones, anual, s1, s2),
        };
        return (informe, anual);
    }

    [Fact]
    public void Informe_AeiSinDatos_SeListaComoSinInformacionNoComoCritica()
    {
        // DatosReportes measures its indicators for the year only: in the II semester every AEI has an expected value and
        // no obtained value — a data gap, never a critical AEI (DOMAIN.md §5).
        var s2 = DatosReportes.Evaluar(Periodo.Semestre(2));
        var informe = InformeEvaluacion.Desde(DatosReportes.Entidad, s2, Nombres);
        using var d = new Docx(s => InformeEvaluacionWord.Escribir(informe, s));
        var seccion = string.Join(" ", d.Seccion("4.2 AEI críticas").Select(e => e.InnerText));
        Assert.Contains("No se identificaron AEI críticas en el periodo", seccion);
        Assert.Contains("AEI.01.02 «Servicio de agua continuo para la población urbana»: sin información", seccion);
        var estado = d.TablaTras("Estado de implementación de las AEI");
        Assert.Equal("Sin información", estado.Single(r => r[0] == "AEI.01.02")[6]);
        Assert.DoesNotContain(RedaccionInforme.ResumenEjecutivo(informe), p => p.Contains("AEI crítica", StringComparison.Ordinal) && !p.StartsWith("No se", StringComparison.Ordinal));
    }

    [Fact]
    public void Informe_EsValidoYTieneLasSeccionesEnOrden()
    {
        var (informe, _) = Ejemplo();
        using var d = new Docx(s => InformeEvaluacionWord.Escribir(informe, s), "informe-evaluacion-anual.docx");
        Assert.Empty(d.Errores());
        Assert.Empty(d.Errores(DocumentFormat.OpenXml.FileFormatVersions.Office2007));
        var h1 = d.Encabezados.Where(h => h.Nivel == 1).Select(h => h.Texto).ToList();
        Assert.Equal(
        [
            InformeEvaluacionWord.Resumen, InformeEvaluacionWord.Prioridades, InformeEvaluacionWord.AnalisisOei,
            InformeEvaluacionWord.ImplementacionAei, InformeEvaluacionWord.SeguimientoRecomendaciones,
            InformeEvaluacionWord.Conclusiones, InformeEvaluacionWord.Recomendaciones, InformeEvaluacionWord.Anexos,
        ], h1);
        Assert.Contains((2, "3.1 OEI.01: Mejorar la gestión del territorio provincial"), d.Encabezados);
        Assert.Contains((2, "4.2 AEI críticas"), d.Encabezados);
        Assert.Contains(DatosReportes.Entidad, d.Parrafos.Take(10));
        Assert.Contains("Periodo evaluado: Anual 2024", d.Parrafos.Take(10));
    }

    [Fact]
    public void Informe_ResumenEjecutivoDaElIgiYLosOei()
    {
        var (informe, anual) = Ejemplo();
        using var d = new Docx(s => InformeEvaluacionWord.Escribir(informe, s));
        var resumen = string.Join("\n", d.Seccion(InformeEvaluacionWord.Resumen).OfType<Paragraph>().Select(p => p.InnerText));
        var igi = FormatoNumero.Porcentaje(anual.Igi);
        Assert.Equal("82.28 %", igi);
        Assert.Contains($"El Índice de Gestión Institucional (IGI) alcanzó {igi}, que corresponde a un nivel de desempeño Medio.", resumen);
        Assert.Contains($"el OEI.01 obtuvo {FormatoNumero.Porcentaje(anual.Oeis[0].Valor)} (Bajo)", resumen);
        Assert.Contains("De 4 actividades operativas e inversiones del POI, 4 tuvieron meta física en el periodo; 2 de ellas alcanzaron o superaron su meta (ejecución ≥ 100 %).", resumen);
        Assert.Contains("Se identificó una AEI crítica: AEI.01.02.", resumen);

        var general = d.TablaTras("Resultados generales");
        Assert.Equal(["Índice de Gestión Institucional (IGI)", igi, "Medio"], general[1]);
    }

    [Fact]
    public void Informe_AnalisisDeOeiTieneTablaDeIndicadores()
    {
        var (informe, _) = Ejemplo();
        using var d = new Docx(s => InformeEvaluacionWord.Escribir(informe, s));
        var t = d.TablaTras("Indicadores del OEI.01");
        Assert.Equal(["Indicador", "Logro esperado", "Valor obtenido", "Avance", "Desempeño"], t[0]);
        Assert.Equal(["Porcentaje de expedientes atendidos en plazo", "100", "94.27", "94.27 %", "Medio"], t[1]);
        var oei2 = d.TablaTras("Indicadores del OEI.02");
        Assert.Equal(["Toneladas de residuos valorizados", "50", "—", "ND", "ND"], oei2[1]);
        var texto = string.Join(" ", d.Seccion("3.1 OEI.01: Mejorar la gestión del territorio provincial").Select(e => e.InnerText));
        Assert.Contains("registró 94.27 frente a un logro esperado de 100 (94.27 %)", texto);
    }

    [Fact]
    public void Informe_ImplementacionDeAeiMarcaLasCriticasConTextoYColor()
    {
        var (informe, anual) = Ejemplo();
        using var d = new Docx(s => InformeEvaluacionWord.Escribir(informe, s));
        var estado = d.TablaTras("Estado de implementación de las AEI");
        var fila = estado.Single(r => r[0] == "AEI.01.02");
        Assert.Equal(["AEI.01.02", "Servicio de agua continuo para la población urbana", "En implementación",
            FormatoNumero.Porcentaje(anual.Oeis[0].Aeis[1].Valor), "50.00 %", "Bajo", "Sí"], fila);
        Assert.Equal("—", estado.Single(r => r[0] == "AEI.02.01")[2]);

        var criticas = string.Join(" ", d.Seccion("4.2 AEI críticas").Select(e => e.InnerText));
        Assert.Contains("AEI.01.02 «Servicio de agua continuo para la población urbana»: logro 50.00 % (Bajo)", criticas);

        var cuerpo = d.Doc.MainDocumentPart!.Document.Body!;
        var celdaBajo = cuerpo.Descendants<TableRow>()
            .First(r => r.Elements<TableCell>().First().InnerText == "AEI.01.02" && r.Elements<TableCell>().Count() == 7)
            .Elements<TableCell>().ElementAt(5);
        Assert.Equal("Bajo", celdaBajo.InnerText);
        Assert.Equal("FFC7CE", Docx.Relleno(celdaBajo));
    }

    [Fact]
    public void Informe_SeguimientoDeRecomendaciones_ConOeiAeiYUnidadesResponsables()
    {
        var (informe, _) = Ejemplo();
        using var d = new Docx(s => InformeEvaluacionWord.Escribir(informe, s));
        Assert.Empty(d.Errores());
        var tabla = d.Seccion(InformeEvaluacionWord.SeguimientoRecomendaciones).OfType<Table>().Single();
        var c = Docx.Celdas(tabla);
        Assert.Equal(["OEI/AEI", "Aspecto de mejora", "Recomendación", "Acción clave", "Unidad(es) responsable(s)", "Plazo", "Estado", "Comentario"], c[0]);
        Assert.Equal("", c[1][0]);
        Assert.Equal("Implementada", c[1][6]);
        Assert.Equal(["OEI.01 — Mejorar la calidad de los servicios", "Metas sobreestimadas", "Revisar la programación de metas", "Taller de programación",
            "01 GERENCIA MUNICIPAL; 03.01 GERENCIA DE OBRAS; Entidad externa: Gobierno Regional de Ayacucho", "30/06/2024", "En proceso", ""], c[2]);
    }

    [Fact]
    public void Informe_ConclusionesYRecomendacionesSeRedactanDeLosDatos()
    {
        var (informe, anual) = Ejemplo();
        using var d = new Docx(s => InformeEvaluacionWord.Escribir(informe, s));
        var conclusiones = d.Seccion(InformeEvaluacionWord.Conclusiones).Select(e => e.InnerText).ToList();
        Assert.StartsWith("1.", conclusiones[0]);
        Assert.Contains($"IGI de {FormatoNumero.Porcentaje(anual.Igi)}", conclusiones[0]);
        Assert.Contains(conclusiones, c => c.Contains("La AEI crítica es AEI.01.02", StringComparison.Ordinal));
        Assert.Contains(conclusiones, c => c.Contains("1 indicador de OEI no cuenta con valor obtenido (ND)", StringComparison.Ordinal));
        Assert.Contains(conclusiones, c => c.Contains("1 se encuentra pendiente de atención", StringComparison.Ordinal));
        var recomendaciones = d.Seccion(InformeEvaluacionWord.Recomendaciones).Select(e => e.InnerText).ToList();
        Assert.Contains(recomendaciones, r => r.Contains("A la unidad responsable de la AEI.01.02", StringComparison.Ordinal));
        Assert.Contains(recomendaciones, r => r.Contains("Portal de Transparencia", StringComparison.Ordinal));
    }

    [Fact]
    public void Informe_TextosDeLaOficinaReemplazanLosRedactados()
    {
        var (informe, _) = Ejemplo();
        informe = informe with { Conclusiones = ["Conclusión escrita por la oficina."], ResumenEjecutivo = ["Resumen propio."] };
        using var d = new Docx(s => InformeEvaluacionWord.Escribir(informe, s));
        Assert.Equal(["1.\tConclusión escrita por la oficina.".Replace("\t", "", StringComparison.Ordinal)],
            d.Seccion(InformeEvaluacionWord.Conclusiones).Select(e => e.InnerText));
        Assert.Equal("Resumen propio.", d.Seccion(InformeEvaluacionWord.Resumen).First().InnerText);
    }

    [Fact]
    public void Informe_GraficosSonNativosConLosValoresDelMotor()
    {
        var (informe, anual) = Ejemplo();
        using var d = new Docx(s => InformeEvaluacionWord.Escribir(informe, s));
        var graficos = d.Doc.MainDocumentPart!.ChartParts.ToList();
        Assert.Equal(2, graficos.Count);
        Assert.All(graficos, g => Assert.NotNull(g.EmbeddedPackagePart));

        var ejecucion = graficos.Single(g => g.ChartSpace.Descendants<C.BarGrouping>().Single().Val!.Value == C.BarGroupingValues.Clustered);
        var puntos = ejecucion.ChartSpace.Descendants<C.Values>().Single().Descendants<C.NumericPoint>()
            .Select(p => decimal.Parse(p.NumericValue!.Text, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(anual.Oeis.Select(o => Math.Round(o.Valor!.Value, 10)), puntos.Select(p => Math.Round(p, 10)));
        var categorias = ejecucion.ChartSpace.Descendants<C.CategoryAxisData>().Single().Descendants<C.StringPoint>().Select(p => p.InnerText);
        Assert.Equal(["OEI.01", "OEI.02"], categorias);

        var bandas = graficos.Single(g => g.ChartSpace.Descendants<C.BarGrouping>().Single().Val!.Value == C.BarGroupingValues.Stacked);
        Assert.Equal(["Alto", "Medio", "Bajo", "ND"], bandas.ChartSpace.Descendants<C.SeriesText>().Select(s => s.Descendants<C.StringPoint>().Single().InnerText));
        // The embedded workbook opens and holds the same figures.
        using var libro = SpreadsheetDocument.Open(bandas.EmbeddedPackagePart!.GetStream(), false);
        Assert.Equal("Hoja1", libro.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Single().Name!.Value);
    }

    [Fact]
    public void Informe_SinGraficosNiAnexos()
    {
        var (informe, _) = Ejemplo();
        using var d = new Docx(s => InformeEvaluacionWord.Escribir(informe with { Graficos = false, Anexos = null }, s));
        Assert.Empty(d.Errores());
        Assert.Empty(d.Doc.MainDocumentPart!.ChartParts);
        Assert.DoesNotContain(d.Encabezados, h => h.Texto == InformeEvaluacionWord.Anexos);
    }

    [Fact]
    public void Informe_AnexosTraenLasTablasDeSeguimiento()
    {
        var (informe, anual) = Ejemplo();
        using var d = new Docx(s => InformeEvaluacionWord.Escribir(informe, s));
        var anexos = d.Seccion(InformeEvaluacionWord.Anexos);
        Assert.Equal(5, anexos.OfType<Table>().Count());
        var oei = Docx.Celdas(anexos.OfType<Table>().First());
        Assert.Equal(["Código", "Denominación", "Prioridad", "N.º AO", "I Semestre", "II Semestre", "Anual", "Desempeño (Anual)"], oei[0]);
        var igi = oei.Single(r => r[0] == "IGI");
        Assert.Equal(FormatoNumero.Porcentaje(anual.Igi), igi[6]);
        Assert.Equal("Medio", igi[7]);
        var bandas = Docx.Celdas(anexos.OfType<Table>().ElementAt(3));
        Assert.Equal(["TOTAL", "", "1", "2", "1", "1", "5"], bandas[^1]);
    }

    [Fact]
    public void Redaccion_UsaLaLeyendaDeLaEntidadYSingularPlural()
    {
        var (informe, _) = Ejemplo();
        var emsapuno = informe with { Bandas = EsquemaBandas.Emsapuno, BandaIgi = Banda.Alto, Igi = 94.2712m };
        var resumen = RedaccionInforme.ResumenEjecutivo(emsapuno);
        Assert.Contains("El Índice de Gestión Institucional (IGI) alcanzó 94.27 %, que corresponde a un nivel de desempeño Alto («Lo lograste»).", resumen);
        Assert.Contains("Se identificó una AEI crítica: AEI.01.02.", resumen);
    }
}
