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
            Numero = "Informe N.° 001-2025-OPP",
            Responsable = "Oficina de Planeamiento y Presupuesto",
            Lugar = "Ayacucho",
            Fecha = new DateOnly(2025, 1, 15),
            Firmas = new FirmasInforme { ElaboradoPor = new Firma("Ana Quispe Mamani", "Especialista en planeamiento") },
            Mision = "Promover el desarrollo integral y sostenible de la provincia con servicios públicos de calidad.",
            Lineamientos = "Gestión orientada a resultados\nTransparencia y rendición de cuentas",
            Valores = "Honestidad\nVocación de servicio",
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
        Assert.Empty(d.Errores());
        var seccion = string.Join(" ", d.Seccion("AEI.01.02: Servicio de agua continuo para la población urbana").Select(e => e.InnerText));
        Assert.Contains("Desempeño: sin información", seccion);
        Assert.DoesNotContain(d.Parrafos, p => p == "Desempeño: Crítico");
        var aeis = d.TablaTras("Acciones estratégicas institucionales —");
        Assert.Equal("Sin información", aeis.Single(r => r[0] == "AEI.01.02")[4]);
        // ND AEIs are counted in the ND column of the valuation, never as Bajo.
        Assert.Equal(["TOTAL", "", "0", "0", "0", "3", "3"], d.TablaTras("AEI por nivel de desempeño y OEI")[^1]);
        Assert.Contains(RedaccionInforme.ResumenEjecutivo(informe), p => p.Contains("ninguna tiene desempeño crítico", StringComparison.Ordinal)
            && p.Contains("3 no cuentan con valores obtenidos validados", StringComparison.Ordinal));
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
            InformeEvaluacionWord.Valoracion, InformeEvaluacionWord.ImplementacionAei, InformeEvaluacionWord.SeguimientoRecomendaciones,
            InformeEvaluacionWord.Conclusiones, InformeEvaluacionWord.Recomendaciones, InformeEvaluacionWord.Anexos,
        ], h1);
        Assert.Equal(["2.1 Marco normativo", "2.2 Misión", "2.3 Lineamientos institucionales", "2.4 Valores institucionales",
            "2.5 Objetivos estratégicos institucionales por prioridad", InformeEvaluacionWord.Alcance],
            d.Encabezados.Where(h => h.Nivel == 2 && h.Texto.StartsWith("2.", StringComparison.Ordinal)).Select(h => h.Texto));
        Assert.Contains((2, "3.1 OEI.01: Mejorar la gestión del territorio provincial"), d.Encabezados);
        Assert.Contains((2, InformeEvaluacionWord.AeisPorBanda), d.Encabezados);
        Assert.Equal(["5.1 Indicadores de las AEI", "5.2 Análisis operativo por OEI", "5.3 Ejecución por centro de costo"],
            d.Encabezados.Where(h => h.Nivel == 2 && h.Texto.StartsWith("5.", StringComparison.Ordinal)).Select(h => h.Texto));
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
        Assert.Contains("De 3 acciones estratégicas institucionales (AEI), 1 tiene desempeño crítico (Bajo, menos de 75.00 % de logro);", resumen);
        // The paragraphs count the critical AEIs; the code is printed in the tables, not listed again in prose.
        Assert.DoesNotContain("AEI.01.02", resumen);

        var general = d.TablaTras("Resultados generales");
        Assert.Equal(["Índice de Gestión Institucional (IGI)", igi, "Medio"], general[1]);
    }

    [Fact]
    public void Informe_ResumenListaCadaOeiYCadaAeiConValorYDesempeno()
    {
        var (informe, anual) = Ejemplo();
        using var d = new Docx(s => InformeEvaluacionWord.Escribir(informe, s));
        var oeis = d.TablaTras("Objetivos estratégicos institucionales — Anual 2024");
        Assert.Equal(["Código", "Objetivo estratégico institucional", "Ejecución operativa", "Desempeño", "Logro", "Desempeño"], oeis[0]);
        Assert.Equal(anual.Oeis.Select(o => o.Codigo), oeis.Skip(1).Select(r => r[0]));
        Assert.Equal(["OEI.01", "Mejorar la gestión del territorio provincial", FormatoNumero.Porcentaje(anual.Oeis[0].Valor), "Bajo", "94.27 %", "Medio"], oeis[1]);

        var aeis = d.TablaTras("Acciones estratégicas institucionales — Anual 2024");
        Assert.Equal(["AEI.01.01", "AEI.01.02", "AEI.02.01"], aeis.Skip(1).Select(r => r[0]));
        Assert.Equal(["AEI.01.02", "Servicio de agua continuo para la población urbana", FormatoNumero.Porcentaje(anual.Oeis[0].Aeis[1].Valor), "50.00 %", "Bajo"], aeis[2]);
        Assert.Equal("Alto", aeis[1][4]);
        Assert.Equal("Medio", aeis[3][4]);
    }

    [Fact]
    public void Informe_AnalisisDeOeiTieneTablaDeIndicadores()
    {
        var (informe, _) = Ejemplo();
        using var d = new Docx(s => InformeEvaluacionWord.Escribir(informe, s));
        var t = d.TablaTras("Indicadores del OEI.01");
        Assert.Equal(["Indicador", "Logro esperado", "Valor obtenido", "Avance", "Desempeño", "Unidad que reporta"], t[0]);
        Assert.Equal(["Porcentaje de expedientes atendidos en plazo", "100", "94.27", "94.27 %", "Medio", "—"], t[1]);
        var oei2 = d.TablaTras("Indicadores del OEI.02");
        Assert.Equal(["Toneladas de residuos valorizados", "50", "—", "ND", "ND", "—"], oei2[1]);
        var texto = string.Join(" ", d.Seccion("3.1 OEI.01: Mejorar la gestión del territorio provincial").Select(e => e.InnerText));
        Assert.Contains("registró 94.27 frente a un logro esperado de 100 (94.27 %)", texto);
    }

    [Fact]
    public void Informe_CadaAeiUnaVezYCriticoSoloEnLaBandaRoja()
    {
        var (informe, anual) = Ejemplo();
        informe = informe with
        {
            Oeis = informe.Oeis.Select(o => o with
            {
                Aeis = o.Aeis.Select(a => a with { Indicadores = a.Indicadores.Select(x => x with { UnidadReporta = "01.01 Gerencia de Desarrollo Urbano" }).ToList() }).ToList(),
            }).ToList(),
        };
        using var d = new Docx(s => InformeEvaluacionWord.Escribir(informe, s));
        foreach (var a in anual.Estrategico.Aeis)
        {
            // One heading per AEI in the whole document, and "Desempeño: Crítico" exactly where the engine's band is red.
            var titulo = $"{a.Codigo}: {DatosReportes.Denominaciones[a.Codigo]}";
            Assert.Single(d.Encabezados, h => h.Texto == titulo);
            var seccion = d.Seccion(titulo).Select(e => e.InnerText).ToList();
            Assert.Equal(a.Banda == Banda.Bajo, seccion.Contains("Desempeño: Crítico"));
        }
        Assert.Single(d.Parrafos, p => p == "Desempeño: Crítico");
        var seccion0102 = d.Seccion("AEI.01.02: Servicio de agua continuo para la población urbana");
        var t = Docx.Celdas(seccion0102.OfType<Table>().Single());
        Assert.Equal(["IND.01.02.1", "10", "20", "50.00 %", "Bajo", "01.01 Gerencia de Desarrollo Urbano"], t[1]);
        Assert.Contains("Desempeño: Alto", d.Seccion("AEI.01.01: Licencias y autorizaciones oportunas para la población").Select(e => e.InnerText));

        var cuerpo = d.Doc.MainDocumentPart!.Document.Body!;
        var celdaBajo = cuerpo.Descendants<TableRow>().First(r => r.Elements<TableCell>().First().InnerText == "IND.01.02.1").Elements<TableCell>().ElementAt(4);
        Assert.Equal("Bajo", celdaBajo.InnerText);
        Assert.Equal("FFC7CE", Docx.Relleno(celdaBajo));
    }

    [Fact]
    public void Informe_PortadaTieneNumeroOficinaLugarFechaYFirmas()
    {
        var (informe, _) = Ejemplo();
        using var d = new Docx(s => InformeEvaluacionWord.Escribir(informe, s), "informe-portada.docx");
        var portada = d.Parrafos.Take(20).ToList();
        Assert.Contains("Informe de evaluación de implementación del POI 2024 — Anual", portada);
        Assert.Contains("Informe N.° 001-2025-OPP", portada);
        Assert.Contains("Oficina de Planeamiento y Presupuesto", portada);
        Assert.Contains("Ayacucho, 15/01/2025", portada);
        var firmas = Docx.Celdas(d.Doc.MainDocumentPart!.Document.Body!.Elements<Table>().First());
        Assert.Equal(["Elaborado por", "Revisado por", "Aprobado por"], firmas[0]);
        Assert.Equal(["Ana Quispe Mamani", $"Nombre: {InformeEvaluacionWord.Linea}", $"Nombre: {InformeEvaluacionWord.Linea}"], firmas[3]);
        Assert.Equal(["Especialista en planeamiento", $"Cargo: {InformeEvaluacionWord.Linea}", $"Cargo: {InformeEvaluacionWord.Linea}"], firmas[4]);

        // Nothing known: blank lines to fill in by hand, never an invented value.
        var vacio = informe with { Numero = null, Responsable = null, Lugar = null, Fecha = null, Firmas = new FirmasInforme() };
        using var v = new Docx(s => InformeEvaluacionWord.Escribir(vacio, s));
        Assert.Empty(v.Errores());
        var p = v.Parrafos.Take(20).ToList();
        Assert.Contains($"Informe N.° {InformeEvaluacionWord.Linea}", p);
        Assert.Contains($"Órgano responsable: {InformeEvaluacionWord.Linea}", p);
        Assert.Contains($"{InformeEvaluacionWord.Linea}, ___/___/______", p);
    }

    [Fact]
    public void Informe_TextosInstitucionalesOMarcadorParaRegistrarlos()
    {
        var (informe, _) = Ejemplo();
        using var d = new Docx(s => InformeEvaluacionWord.Escribir(informe, s));
        Assert.Equal([InformeEvaluacionWord.FaltaMarcoNormativo], d.Seccion("2.1 Marco normativo").Select(e => e.InnerText));
        Assert.Equal([informe.Mision!], d.Seccion("2.2 Misión").Select(e => e.InnerText));
        Assert.Equal(["–Gestión orientada a resultados", "–Transparencia y rendición de cuentas"], d.Seccion("2.3 Lineamientos institucionales").Select(e => e.InnerText));
        Assert.Equal(["–Honestidad", "–Vocación de servicio"], d.Seccion("2.4 Valores institucionales").Select(e => e.InnerText));

        var otro = informe with { MarcoNormativo = "Ley N.° 27972, Ley Orgánica de Municipalidades.", Mision = null, Lineamientos = null, Valores = null };
        using var o = new Docx(s => InformeEvaluacionWord.Escribir(otro, s));
        Assert.Equal(["Ley N.° 27972, Ley Orgánica de Municipalidades."], o.Seccion("2.1 Marco normativo").Select(e => e.InnerText));
        Assert.Equal([InformeEvaluacionWord.FaltaMision], o.Seccion("2.2 Misión").Select(e => e.InnerText));
        Assert.Equal([InformeEvaluacionWord.FaltaLineamientos], o.Seccion("2.3 Lineamientos institucionales").Select(e => e.InnerText));
        Assert.Equal([InformeEvaluacionWord.FaltaValores], o.Seccion("2.4 Valores institucionales").Select(e => e.InnerText));
    }

    [Fact]
    public void Informe_AlcanceSonLasAeiDePrioridad1y2MasLasCriticas()
    {
        var (informe, _) = Ejemplo();
        // OEI.02 gets two more AEIs: priority 3 in the green band (left out) and priority 4 in the red band (critical: in).
        var oei2 = informe.Oeis[1];
        informe = informe with
        {
            Oeis =
            [
                informe.Oeis[0],
                oei2 with
                {
                    Aeis =
                    [
                        .. oei2.Aeis,
                        new AeiInforme("AEI.02.02", "Gestión de residuos sólidos", 3) { Logro = 98m, BandaLogro = Banda.Alto },
                        new AeiInforme("AEI.02.03", "Fiscalización ambiental", 4) { Logro = 40m, BandaLogro = Banda.Bajo, Critica = true },
                    ],
                },
            ],
        };
        using var d = new Docx(s => InformeEvaluacionWord.Escribir(informe, s));
        Assert.Empty(d.Errores());
        var t = d.TablaTras("Alcance de la evaluación");
        Assert.Equal(["OEI", "AEI", "Acción estratégica institucional", "Prioridad", "Motivo", "Logro", "Desempeño"], t[0]);
        Assert.Equal(["AEI.01.01", "AEI.01.02", "AEI.02.01", "AEI.02.03"], t.Skip(1).Select(r => r[1]));
        Assert.Equal(["OEI.01", "AEI.01.02", "Servicio de agua continuo para la población urbana", "2", "Prioridad y crítica", "50.00 %", "Bajo"], t[2]);
        Assert.Equal(["OEI.02", "AEI.02.03", "Fiscalización ambiental", "4", "Crítica", "40.00 %", "Bajo"], t[4]);
        Assert.Contains(d.Seccion(InformeEvaluacionWord.Alcance).Select(e => e.InnerText), p => p.EndsWith(": 4 de 5 AEI.", StringComparison.Ordinal));
    }

    [Fact]
    public void Informe_ValoracionCuentaLasAeiPorBandaYOeiConTotalIgualAlNumeroDeAei()
    {
        var (informe, anual) = Ejemplo();
        using var d = new Docx(s => InformeEvaluacionWord.Escribir(informe, s));
        var t = d.TablaTras("AEI por nivel de desempeño y OEI");
        Assert.Equal(["OEI", "Denominación", "Bajo", "Medio", "Alto", "ND", "Total AEI"], t[0]);
        Assert.Equal(["OEI.01", "Mejorar la gestión del territorio provincial", "1", "0", "1", "0", "2"], t[1]);
        Assert.Equal(["OEI.02", "Reducir la vulnerabilidad ambiental de la provincia", "0", "1", "0", "0", "1"], t[2]);
        var total = t[^1];
        Assert.Equal("TOTAL", total[0]);
        Assert.Equal(anual.Oeis.Sum(o => o.Aeis.Count).ToString(System.Globalization.CultureInfo.InvariantCulture), total[6]);
        Assert.Equal(anual.Estrategico.Aeis.Count(a => a.Banda == Banda.Bajo).ToString(System.Globalization.CultureInfo.InvariantCulture), total[2]);
    }

    [Fact]
    public void Informe_TablasOperativasPorOeiYPorCentroDeCosto()
    {
        var (informe, anual) = Ejemplo();
        using var d = new Docx(s => InformeEvaluacionWord.Escribir(informe, s));
        var oei1 = d.TablaTras("Ejecución de las AEI del OEI.01");
        Assert.Equal(["AEI", "Prioridad", "Peso", "AO con meta", "AO ≥ 100 %", "Ejecución promedio ajustada", "Desempeño"], oei1[0]);
        var o = anual.Oeis[0];
        Assert.Equal(["OEI.01 (ponderado)", "1", FormatoNumero.Entero(o.Peso), FormatoNumero.Entero(o.Conteo.ConMeta),
            FormatoNumero.Entero(o.Conteo.Cumplidas), FormatoNumero.Porcentaje(o.Valor), "Bajo"], oei1[^1]);

        var centros = d.TablaTras("Ejecución de las actividades operativas por centro de costo");
        Assert.Equal(["Código", "Centro de costo", "N.º AO con meta", "Ejecución", "Desempeño"], centros[0]);
        Assert.Equal(anual.CentrosCosto.Select(c => c.Codigo), centros.Skip(1).Select(r => r[0]));
        var c0 = anual.CentrosCosto[0];
        Assert.Equal([c0.Codigo, DatosReportes.Denominaciones[c0.Codigo], FormatoNumero.Entero(c0.Conteo.ConMeta), FormatoNumero.Porcentaje(c0.Valor),
            anual.Bandas.Texto(c0.Banda!.Value)], centros[1]);
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
        Assert.Contains(conclusiones, c => c.Contains("1 AEI tiene desempeño crítico", StringComparison.Ordinal));
        Assert.Contains(conclusiones, c => c.Contains("1 indicador de OEI no cuenta con valor obtenido (ND)", StringComparison.Ordinal));
        Assert.Contains(conclusiones, c => c.Contains("1 se encuentra pendiente de atención", StringComparison.Ordinal));
        var recomendaciones = d.Seccion(InformeEvaluacionWord.Recomendaciones).Select(e => e.InnerText).ToList();
        Assert.Contains(recomendaciones, r => r.Contains("A las unidades responsables de la AEI con desempeño crítico (AEI.01.02)", StringComparison.Ordinal));
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
        Assert.Contains("De 3 acciones estratégicas institucionales (AEI), 1 tiene desempeño crítico (Bajo, menos de 80.00 % de logro); " +
                        "el detalle figura en el cuadro de las AEI y en la sección de implementación de las AEI.", resumen);
    }

    [Fact]
    public void Redaccion_DosOeiConCifrasDistintasTienenParrafosDistintos()
    {
        var (informe, anual) = Ejemplo();
        var a = informe.Oeis[0];
        // The same statement and AEIs, different figures: the paragraph must follow the figures.
        var b = a with { Codigo = "OEI.09", Ejecucion = 97.5m, BandaEjecucion = Banda.Alto, ActividadesConMeta = 7, ActividadesCumplidas = 6 };
        var textoA = RedaccionInforme.AnalisisOei(informe, a);
        var textoB = RedaccionInforme.AnalisisOei(informe, b);
        Assert.NotEqual(textoA, textoB);
        Assert.Contains($"ejecución ponderada de {FormatoNumero.Porcentaje(anual.Oeis[0].Valor)} (Bajo): 1 de 3 actividades con meta alcanzó o superó el 100 %", textoA);
        Assert.Contains("ejecución ponderada de 97.50 % (Alto): 6 de 7 actividades con meta alcanzaron o superaron el 100 %", textoB);
        // Best and worst AEI by achievement, named with their values.
        Assert.Contains("La AEI de mayor logro es la AEI.01.01 «Licencias y autorizaciones oportunas para la población» (100.00 %) " +
                        "y la de menor, la AEI.01.02 «Servicio de agua continuo para la población urbana» (50.00 %).", textoA);
        Assert.Contains("alcanzó un logro de 94.27 % en 1 indicador, con desempeño Medio.", textoA);
        Assert.NotEqual(RedaccionInforme.AnalisisOei(informe, informe.Oeis[0]), RedaccionInforme.AnalisisOei(informe, informe.Oeis[1]));
    }

    [Fact]
    public void Informe_PorcentajesEnterosSoloCambianLoQueSeMuestra()
    {
        var (informe, anual) = Ejemplo();
        using var d = new Docx(s => InformeEvaluacionWord.Escribir(informe with { PorcentajesEnteros = true }, s), "informe-porcentajes-enteros.docx");
        Assert.Empty(d.Errores());
        Assert.Equal("82 %", d.TablaTras("Resultados generales")[1][1]);
        Assert.Equal(["Porcentaje de expedientes atendidos en plazo", "100", "94.27", "94 %", "Medio", "—"], d.TablaTras("Indicadores del OEI.01")[1]);
        Assert.Contains(d.Parrafos, p => p.Contains("El Índice de Gestión Institucional (IGI) alcanzó 82 %", StringComparison.Ordinal));
        Assert.DoesNotContain(d.Parrafos.Where(p => !p.StartsWith("Ejecución: promedio", StringComparison.Ordinal)), p => p.Contains("82.28", StringComparison.Ordinal));
        // The chart keeps the exact values (display only).
        var ejecucion = d.Doc.MainDocumentPart!.ChartParts.Single(g => g.ChartSpace.Descendants<C.BarGrouping>().Single().Val!.Value == C.BarGroupingValues.Clustered);
        var primero = decimal.Parse(ejecucion.ChartSpace.Descendants<C.Values>().Single().Descendants<C.NumericPoint>().First().NumericValue!.Text,
            System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(Math.Round(anual.Oeis[0].Valor!.Value, 10), Math.Round(primero, 10));
    }
}
