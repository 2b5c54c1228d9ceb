using DocumentFormat.OpenXml;
using Sipoi.Domain.Evaluacion;
using Sipoi.Domain.Organizacion;
using Sipoi.Domain.Periodos;
using Sipoi.Interop.Reportes;

namespace Sipoi.Interop.Tests.Reportes;

/// <summary>The POI document (DocumentoPoiWord): valid, in the reference POI's order, every figure from its model.</summary>
public class DocumentoPoiWordTests
{
    private static ActividadMatriz Actividad(string numero, string nombre, params decimal[] meses) =>
        ActividadMatriz.Desde(numero, nombre, "Actividad", "Trámite Documentario", 1, 12, meses.Sum(), Comportamiento.Suma, meses);

    internal static DocumentoPoi Ejemplo() => new("EMPRESA MUNICIPAL DE SANEAMIENTO BÁSICO DE PUNO S.A.", "EMSAPUNO S.A.", 2024, "PEI 2023 - 2025")
    {
        Version = "POI Anual 2024",
        Aprobacion = "Aprobado con Resolución de Gerencia General N.° 114-2023-EMSAPUNO/GG del 28/12/2023",
        Textos = new ContenidoTextos
        {
            Presentacion = "El POI es un instrumento de gestión de corto plazo.\nSe alinea al PEI 2023-2025.",
            BaseLegal = "Ley N.° 26887, Ley General de Sociedades.\nDecreto Legislativo N.° 1280.",
            Valores = "Integridad\nCompromiso\nTrabajo en equipo",
            FuenteFinanciamiento = "Recursos Directamente Recaudados",
            Conclusiones = "El POI 2024 se elaboró en el marco del PEI 2023-2025.",
        },
        Mision = "Gestionamos los servicios básicos de agua potable.",
        Vision = "Ser una empresa moderna y eficaz.",
        Organigrama =
        [
            new("01", "GERENCIA GENERAL", 0, "Luis Aguilar"),
            new("01.02", "OFICINA DE PLANEAMIENTO Y DESARROLLO EMPRESARIAL", 1),
            new("02", "GERENCIA COMERCIAL", 0),
        ],
        Oeis =
        [
            new("OEI.01", "Garantizar la gestión integral del agua potable",
                [new("IND.OEI.01", "Continuidad del servicio", "h/d", 11m, "Gerencia de Operaciones")],
                [
                    new("AEI.01.01", "Asegurar la continuidad del servicio",
                        [new("IND.01.01.1", "Continuidad promedio Puno", "h/d", 11m, "Gerencia de Operaciones"),
                         new("IND.01.01.2", "Continuidad promedio Desaguadero", "h/d", 5m, null)]),
                    new("AEI.01.02", "Optimizar la presión del servicio", [new("IND.01.02.1", "Presión promedio Puno", "m.c.a.", 21.5m, null)]),
                ]),
            new("OEI.02", "Mejorar el acceso a los servicios", [],
                [new("AEI.02.01", "Ampliar la cobertura del servicio de agua potable", [new("IND.02.01.1", "Cobertura de agua potable", "%", 92.6m, "Gerencia Comercial")])]),
        ],
        Presupuesto = PresupuestoExcelTests.Ejemplo(),
        Metodo = MetodoEvaluacion.Ponderado,
        Bandas = EsquemaBandas.Emsapuno,
        Matriz = new MatrizPoi("EMSAPUNO S.A.", 2024, "PEI 2023 - 2025",
        [
            new HojaMatrizPoi("FP 06", "Secretaría General",
                [new("OEI.04", "Posicionar a EMSAPUNO S.A.", "AEI.04.04", "Fortalecer la imagen institucional", "Encuesta de sugerencias", "%", 75m)],
                [Actividad("01", "Recepción y distribución de documentos", 330, 330, 330, 330, 330, 330, 330, 330, 330, 330, 330, 330),
                 Actividad("02", "Eliminación de series documentales", 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0) with { Grupo = "I. Actividades de gestión documental" }])
            {
                FichaProceso = "FP 06 TRÁMITE DOCUMENTARIO Y ARCHIVO",
                ResponsableProceso = "Área Funcional de Administración Documental",
                Gerencia = "Gerencia General",
            },
            new HojaMatrizPoi("02", "02 GERENCIA COMERCIAL", [], [Actividad("01", "Campañas de cobranza", 0, 0, 2, 0, 0, 2, 0, 0, 2, 0, 0, 2)]),
        ]),
    };

    private static Docx Abrir(DocumentoPoi d, string? muestra = null) => new(s => DocumentoPoiWord.Escribir(d, s), muestra);

    [Fact]
    public void Documento_EsValidoYTieneLasSeccionesDelPoiDeReferenciaEnOrden()
    {
        using var d = Abrir(Ejemplo(), "documento-poi.docx");
        Assert.Empty(d.Errores());
        Assert.Empty(d.Errores(FileFormatVersions.Office2007));
        Assert.Equal(DocumentoPoiWord.Secciones, d.Encabezados.Where(h => h.Nivel == 1).Select(h => h.Texto).ToList());
        Assert.Equal(["1.1 Naturaleza de la entidad", "1.2 Reseña histórica", "1.3 Estructura orgánica", "1.4 Base legal"],
            d.Encabezados.SkipWhile(h => h.Texto != DocumentoPoiWord.MarcoInstitucional).Skip(1).TakeWhile(h => h.Nivel == 2).Select(h => h.Texto).ToList());
        var portada = d.Parrafos.Take(20).ToList();
        Assert.Contains("EMPRESA MUNICIPAL DE SANEAMIENTO BÁSICO DE PUNO S.A.", portada);
        Assert.Contains("Plan Operativo Institucional 2024", portada);
        Assert.Contains("Aprobado con Resolución de Gerencia General N.° 114-2023-EMSAPUNO/GG del 28/12/2023", portada);
    }

    [Fact]
    public void TextoFaltante_ImprimeUnRecordatorioQueDiceDondeEscribirlo_YLosEscritosSeImprimen()
    {
        using var d = Abrir(Ejemplo());
        var naturaleza = d.Seccion("1.1 Naturaleza de la entidad").Select(e => e.InnerText).ToList();
        Assert.Equal(["[Pendiente: escriba «Naturaleza de la entidad» en SIPOI — Administración › Textos institucionales.]"], naturaleza);
        Assert.Equal(["El POI es un instrumento de gestión de corto plazo.", "Se alinea al PEI 2023-2025."],
            d.Seccion(DocumentoPoiWord.Presentacion).Select(e => e.InnerText).ToList());
        Assert.Equal(["Integridad", "Compromiso", "Trabajo en equipo"], d.Seccion("2.2 Valores").Select(e => e.InnerText.TrimStart('–', '\t')).ToList());
        Assert.Contains("[Pendiente: escriba «Recomendaciones del POI»", string.Concat(d.Seccion(DocumentoPoiWord.Recomendaciones).Select(e => e.InnerText)));
        Assert.Contains("Misión: Gestionamos los servicios básicos de agua potable.", d.Seccion("2.1 Misión y visión").Select(e => e.InnerText));
    }

    [Fact]
    public void OrientacionEstrategica_UnaFilaPorIndicadorDelPei_ConSuLogroEsperadoYResponsable()
    {
        var ejemplo = Ejemplo();
        using var d = Abrir(ejemplo);
        var filas = d.TablaTras("Acciones estratégicas institucionales e indicadores").Skip(1).ToList();
        var indicadores = ejemplo.Oeis.SelectMany(o => o.Indicadores.Concat(o.Aeis.SelectMany(a => a.Indicadores))).ToList();
        Assert.Equal(indicadores.Select(i => i.Nombre), filas.Where(f => f[2].Length > 0).Select(f => f[2]));
        Assert.Equal(["OEI.01", "Garantizar la gestión integral del agua potable", "Continuidad del servicio", "h/d", "11", "Gerencia de Operaciones"], filas[0]);
        Assert.Equal(["", "", "Continuidad promedio Desaguadero", "h/d", "5", ""], filas[2]);
        Assert.Equal(["AEI.01.02", "Optimizar la presión del servicio", "Presión promedio Puno", "m.c.a.", "21.50", ""], filas[3]);
        // An OEI without its own indicators still has its line.
        Assert.Equal(["OEI.02", "Mejorar el acceso a los servicios", "", "", "", ""], filas[4]);
        Assert.Contains("Logro esperado año 2024", d.TablaTras("Acciones estratégicas institucionales e indicadores")[0]);
    }

    [Fact]
    public void MarcoPresupuestario_IngresosYEgresosPorGenericaConSuParticipacionYFuente()
    {
        using var d = Abrir(Ejemplo());
        var ingresos = d.TablaTras("Presupuesto de ingresos año 2024");
        Assert.Equal(["1.3 Venta de Bienes y Servicios", "17,337,130.00", "62.81 %"], ingresos[1]);
        Assert.Equal(["1.9 Saldo de Balance", "10,175,661.00", "36.87 %"], ingresos[3]);
        Assert.Equal(["TOTAL INGRESOS", "27,601,391.00", "100.00 %"], ingresos[^1]);
        var egresos = d.TablaTras("Presupuesto de egresos año 2024");
        Assert.Equal(["2.3 Bienes y Servicios", "11,525,503.00", "41.76 %"], egresos[3]);
        Assert.Equal(["2.6 Adquisición de activos No Financieros", "5,872,872.00", "21.28 %"], egresos[5]);
        var seccion = d.Seccion(DocumentoPoiWord.MarcoPresupuestario).Select(e => e.InnerText).ToList();
        Assert.Contains("Fuente de financiamiento: Recursos Directamente Recaudados", seccion);
        var centros = d.TablaTras("Presupuesto por unidad orgánica");
        Assert.Equal(["TOTAL", "", "57,700.50", "128,300.30", "186,000.80"], centros[^1]);
    }

    [Fact]
    public void MarcoPresupuestario_SinCifrasPorUnidad_ExplicaPorQueEnVezDeUnCuadroVacio()
    {
        const string nota = "Las actividades del POI 2024 no tienen programación financiera por genérica registrada en SIPOI.";
        var presupuesto = PresupuestoExcelTests.Ejemplo() with { CentrosCosto = [], NotaCentrosCosto = nota };
        using var d = Abrir(Ejemplo() with { Presupuesto = presupuesto });
        Assert.Empty(d.Errores());
        var seccion = d.Seccion(DocumentoPoiWord.MarcoPresupuestario).Select(e => e.InnerText).ToList();
        Assert.Equal(nota, seccion[^1]);
        Assert.DoesNotContain(seccion, t => t.Contains("Presupuesto por unidad orgánica", StringComparison.Ordinal));
    }

    [Fact]
    public void Metodologia_SemaforoConLasBandasYLeyendasDeLaEntidad_YElMetodoPonderado()
    {
        using var d = Abrir(Ejemplo());
        var semaforo = d.TablaTras("Metodología de evaluación — semáforo");
        Assert.Equal(["Alto", "91.00 % o más", "Verde", "Lo lograste"], semaforo[1]);
        Assert.Equal(["Medio", "de 80.00 % a menos de 91.00 %", "Amarillo", "Falta poco"], semaforo[2]);
        Assert.Equal("Rojo", semaforo[3][2]);
        Assert.Contains(d.Seccion(DocumentoPoiWord.Metodologia), p => p.InnerText.Contains("promedio ponderado del resultado de las fichas de proceso", StringComparison.Ordinal));
        using var nacional = Abrir(Ejemplo() with { Metodo = MetodoEvaluacion.Ceplan, Bandas = EsquemaBandas.Nacional });
        Assert.Equal(["Bajo", "menos de 75.00 %", "Rojo", "—"], nacional.TablaTras("Metodología de evaluación — semáforo")[3]);
        Assert.Contains(nacional.Seccion(DocumentoPoiWord.Metodologia), p => p.InnerText.Contains("Índice de Gestión Institucional (IGI)", StringComparison.Ordinal));
    }

    [Fact]
    public void Fichas_ListaConGerenciaYOei_YLasMatricesEnAnexosConSubtotalesTrimestrales()
    {
        using var d = Abrir(Ejemplo());
        var fichas = d.TablaTras("Fichas de proceso");
        Assert.Equal(2, fichas.Count);
        Assert.Equal(["FP 06", "TRÁMITE DOCUMENTARIO Y ARCHIVO", "Área Funcional de Administración Documental", "Gerencia General", "OEI.04 Posicionar a EMSAPUNO S.A."], fichas[1]);
        Assert.Contains(d.Seccion(DocumentoPoiWord.MatrizDelPoi), p => p.InnerText.Contains("se programan por centro de costo: 02 GERENCIA COMERCIAL", StringComparison.Ordinal));

        Assert.Equal(["Anexo 1. Matriz POI — FP 06 TRÁMITE DOCUMENTARIO Y ARCHIVO", "Anexo 2. Matriz POI — 02 GERENCIA COMERCIAL"],
            d.Encabezados.Where(h => h.Nivel == 2 && h.Texto.StartsWith("Anexo", StringComparison.Ordinal)).Select(h => h.Texto).ToList());
        var matriz = d.TablaTras("Matriz POI 2024 — FP 06");
        Assert.Equal(24, matriz[0].Count);
        // Short quarter headers, so they do not wrap in the landscape table; the note under the matrices names them.
        Assert.Equal(["E", "F", "M", "T1", "A", "M", "J", "T2", "J", "A", "S", "T3", "O", "N", "D", "T4", "Anual"], matriz[0].Skip(7));
        Assert.Equal(DocumentoPoiWord.NotaMatrices, d.Parrafos.Last(p => p.Length > 0));
        Assert.Equal(["01", "Recepción y distribución de documentos", "Actividad", "Trámite Documentario", "Enero", "Diciembre", "3,960",
            "330", "330", "330", "990", "330", "330", "330", "990", "330", "330", "330", "990", "330", "330", "330", "990", "3,960"], matriz[1]);
        Assert.Equal("I. Actividades de gestión documental", matriz[2][1]);
        Assert.Equal(["02", "Eliminación de series documentales"], matriz[3].Take(2));
        Assert.Equal(["", "1", "", "1", "", "", "", "0"], matriz[3].Skip(7).Take(8));
        Assert.Equal("1", matriz[3][^1]);
    }
}
