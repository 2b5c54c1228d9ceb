using System.Globalization;
using Sipoi.Domain.Evaluacion;
using Sipoi.Domain.Organizacion;
using Sipoi.Domain.Periodos;
using Sipoi.Domain.Presupuesto;
using Sipoi.Interop.Evaluacion;
using Sipoi.Interop.Reportes.Office;

namespace Sipoi.Interop.Reportes;

/// <summary>
/// Writes the POI document (.docx, editable) in the order of the reference POI's table of contents: cover, contents,
/// presentation, 1 institutional framework, 2 institutional philosophy, 3 strategic orientation, 4 budget framework,
/// 5 evaluation methodology, 6 POI matrix (the fichas de proceso), 7 conclusions, 8 recommendations, 9 annexes (the
/// matrices, in a landscape section). A text the office has not written prints a bracketed placeholder saying where
/// to write it in SIPOI, so the draft is never silently incomplete.
/// </summary>
public static class DocumentoPoiWord
{
    public const string Presentacion = "Presentación";
    public const string MarcoInstitucional = "1. Marco institucional";
    public const string Filosofia = "2. Filosofía institucional";
    public const string Orientacion = "3. Orientación estratégica";
    public const string MarcoPresupuestario = "4. Marco presupuestario";
    public const string Metodologia = "5. Metodología de evaluación del POI";
    public const string MatrizDelPoi = "6. Matriz POI";
    public const string Conclusiones = "7. Conclusiones";
    public const string Recomendaciones = "8. Recomendaciones";
    public const string Anexos = "9. Anexos";

    /// <summary>Under the matrices: what the quarter columns are (their headers are short so they never wrap).</summary>
    public const string NotaMatrices = "En las matrices, T1, T2, T3 y T4 son los subtotales del I, II, III y IV trimestre; Anual, el total del año.";

    /// <summary>The sections in order (the contents page lists them).</summary>
    public static IReadOnlyList<string> Secciones { get; } =
        [Presentacion, MarcoInstitucional, Filosofia, Orientacion, MarcoPresupuestario, Metodologia, MatrizDelPoi, Conclusiones, Recomendaciones, Anexos];

    /// <summary>"[Pendiente: escriba «Presentación» en SIPOI — Administración › Textos institucionales.]"</summary>
    public static string Pendiente(CampoTexto campo, string ruta) => $"[Pendiente: escriba «{campo.Etiqueta}» en SIPOI — {ruta}.]";

    public static void Escribir(DocumentoPoi documento, Stream destino)
    {
        ArgumentNullException.ThrowIfNull(documento);
        DocumentoWord.Escribir(destino, $"{documento.Entidad} — Plan Operativo Institucional {documento.Anio.ToString(CultureInfo.InvariantCulture)}",
            doc => new Redactor(doc, documento).Todo());
    }

    private sealed class Redactor(DocumentoWord doc, DocumentoPoi d)
    {
        private const string Sombra = "F2F2F2";
        private int _cuadros;
        private string Anio => d.Anio.ToString(CultureInfo.InvariantCulture);
        private EsquemaBandas B => d.Bandas;

        public void Todo()
        {
            Portada();
            doc.Encabezado(1, Presentacion);
            Parrafos(ContenidoTextos.Campo("presentacion"));
            Institucional();
            FilosofiaInstitucional();
            OrientacionEstrategica();
            Presupuesto();
            MetodologiaEvaluacion();
            Fichas();
            doc.Encabezado(1, Conclusiones);
            Lista(ContenidoTextos.Campo("conclusiones"));
            doc.Encabezado(1, Recomendaciones);
            Lista(ContenidoTextos.Campo("recomendaciones"));
            Matrices();
        }

        private void Portada()
        {
            for (var n = 0; n < 5; n++) doc.Parrafo("");
            doc.Titulo(d.NombreEntidad);
            doc.Titulo($"Plan Operativo Institucional {Anio}");
            if (d.Version is not null) doc.Titulo(d.Version, "Subtitle");
            doc.Titulo($"Alineado al {d.PeriodoPei}", "Subtitle");
            for (var n = 0; n < 6; n++) doc.Parrafo("");
            doc.Titulo(d.Aprobacion ?? "Documento para aprobación", "Subtitle");
            doc.SaltoPagina();
            doc.Titulo("Contenido", "Subtitle");
            foreach (var s in Secciones) doc.Item("", s);
            doc.SaltoPagina();
        }

        private void Institucional()
        {
            doc.Encabezado(1, MarcoInstitucional);
            doc.Encabezado(2, "1.1 Naturaleza de la entidad");
            Parrafos(ContenidoTextos.Campo("naturaleza"));
            doc.Encabezado(2, "1.2 Reseña histórica");
            Parrafos(ContenidoTextos.Campo("resenaHistorica"));
            doc.Encabezado(2, "1.3 Estructura orgánica");
            Parrafos(ContenidoTextos.Campo("estructuraOrganica"));
            if (d.Organigrama.Count > 0)
            {
                Cuadro($"Estructura orgánica de {d.Entidad} (centros de costo)");
                doc.TablaTexto(["Código", "Unidad orgánica", "Responsable"], [16, 58, 26],
                    d.Organigrama.Select(n => (IReadOnlyList<CeldaWord>)
                    [
                        new(n.Codigo, Negrita: n.Nivel == 0),
                        new(new string('\u00A0', 4 * n.Nivel) + n.Nombre, Negrita: n.Nivel == 0, Relleno: n.Nivel == 0 ? Sombra : null),
                        new(n.Responsable ?? ""),
                    ]));
                doc.Parrafo("Fuente: organigrama de centros de costo registrado en SIPOI; cada nivel de sangría es una dependencia del nivel anterior.");
            }
            doc.Encabezado(2, "1.4 Base legal");
            Lista(ContenidoTextos.Campo("baseLegal"));
        }

        private void FilosofiaInstitucional()
        {
            doc.Encabezado(1, Filosofia);
            doc.Encabezado(2, "2.1 Misión y visión");
            doc.ParrafoConEtiqueta("Misión: ", d.Mision ?? $"[Pendiente: registre la misión en el {d.PeriodoPei} (SIPOI — PEI).]");
            doc.ParrafoConEtiqueta("Visión: ", d.Vision ?? $"[Pendiente: registre la visión en el {d.PeriodoPei} (SIPOI — PEI).]");
            doc.Parrafo($"Fuente: Plan Estratégico Institucional ({d.PeriodoPei}).");
            doc.Encabezado(2, "2.2 Valores");
            Lista(ContenidoTextos.Campo("valores"));
            doc.Encabezado(2, "2.3 Principios");
            Lista(ContenidoTextos.Campo("principios"));
            doc.Encabezado(2, "2.4 Políticas");
            Lista(ContenidoTextos.Campo("politicas"));
            doc.Encabezado(2, "2.5 Lineamientos");
            Lista(ContenidoTextos.Campo("lineamientos"));
        }

        private void OrientacionEstrategica()
        {
            doc.Encabezado(1, Orientacion);
            doc.Encabezado(2, "3.1 Objetivos estratégicos institucionales");
            if (d.Oeis.Count == 0) doc.Parrafo($"El {d.PeriodoPei} no tiene objetivos estratégicos registrados en SIPOI.");
            else
            {
                Cuadro("Objetivos estratégicos institucionales");
                doc.TablaTexto(["Código", "Objetivo estratégico institucional"], [16, 84],
                    d.Oeis.Select(o => (IReadOnlyList<CeldaWord>)[new(o.Codigo), new(o.Enunciado)]));
            }
            doc.Encabezado(2, "3.2 Acciones estratégicas institucionales e indicadores");
            if (d.Oeis.Count == 0) return;
            Cuadro("Acciones estratégicas institucionales e indicadores");
            doc.TablaTexto(["Código", "Objetivo estratégico institucional / Acción estratégica institucional", "Indicador", "Unidad de medida",
                    $"Logro esperado año {Anio}", "Unidad orgánica responsable"], [13, 25, 24, 10, 12, 16], FilasEstrategicas());
            doc.Parrafo($"Fuente: Plan Estratégico Institucional ({d.PeriodoPei}); logro esperado del año {Anio} registrado en SIPOI.");
        }

        /// <summary>One row per indicator (OEI's, then each AEI's); the code and statement only on the first row of each.</summary>
        private IEnumerable<IReadOnlyList<CeldaWord>> FilasEstrategicas()
        {
            foreach (var o in d.Oeis)
            {
                foreach (var fila in Filas(o.Codigo, o.Enunciado, o.Indicadores, true)) yield return fila;
                foreach (var a in o.Aeis)
                    foreach (var fila in Filas(a.Codigo, a.Enunciado, a.Indicadores, false)) yield return fila;
            }
        }

        private static IEnumerable<IReadOnlyList<CeldaWord>> Filas(string codigo, string enunciado, IReadOnlyList<IndicadorDocumento> indicadores, bool oei)
        {
            var relleno = oei ? Sombra : null;
            if (indicadores.Count == 0)
            {
                yield return [new(codigo, Negrita: oei, Relleno: relleno), new(enunciado, Negrita: oei, Relleno: relleno),
                    new("", Relleno: relleno), new("", Relleno: relleno), new("", Relleno: relleno), new("", Relleno: relleno)];
                yield break;
            }
            for (var k = 0; k < indicadores.Count; k++)
            {
                var i = indicadores[k];
                yield return
                [
                    new(k == 0 ? codigo : "", Negrita: oei, Relleno: relleno), new(k == 0 ? enunciado : "", Negrita: oei, Relleno: relleno),
                    new(i.Nombre, Relleno: relleno), new(i.UnidadMedida ?? "", Centrado: true, Relleno: relleno),
                    new(i.LogroEsperado is { } v ? Cantidad(v) : "—", Derecha: true, Relleno: relleno), new(i.Responsable ?? "", Relleno: relleno),
                ];
            }
        }

        private void Presupuesto()
        {
            doc.Encabezado(1, MarcoPresupuestario);
            var fuente = d.Textos.FuenteFinanciamiento is { } f ? f : Pendiente(ContenidoTextos.Campo("fuenteFinanciamiento"), d.RutaTextos);
            if (d.Presupuesto is not { } r || (r.Ingresos.Count == 0 && r.Egresos.Count == 0))
            {
                doc.Parrafo(d.Presupuesto?.Fuente ?? $"La entidad no tiene presupuesto registrado en SIPOI para el año {Anio}.");
                doc.ParrafoConEtiqueta("Fuente de financiamiento: ", fuente);
                return;
            }
            var ingresos = r.Ingresos.Sum(l => l.Monto);
            var egresos = r.Egresos.Sum(l => l.Monto);
            doc.Parrafo($"El presupuesto de ingresos de {d.Entidad} para el año fiscal {Anio} asciende a {FormatoNumero.Soles(ingresos)} " +
                        $"y el de egresos a {FormatoNumero.Soles(egresos)}, distribuidos por genérica como muestran los cuadros siguientes.");
            doc.ParrafoConEtiqueta("Fuente de financiamiento: ", fuente);
            TablaPresupuesto($"Presupuesto de ingresos año {Anio}", "Ingresos", "TOTAL INGRESOS", r.Ingresos, r.Fuente);
            TablaPresupuesto($"Presupuesto de egresos año {Anio}", "Egresos", "TOTAL EGRESOS", r.Egresos, r.Fuente);
            if (r.CentrosCosto.Count == 0)
            {
                // No per-unit figures: the note says why instead of an empty table.
                doc.Parrafo(r.NotaCentrosCosto ?? $"No hay bienes ni servicios programados por unidad orgánica para el año {Anio}.");
                return;
            }
            Cuadro($"Presupuesto por unidad orgánica año {Anio} (bienes y servicios)");
            var filas = r.CentrosCosto.Select(c => (IReadOnlyList<CeldaWord>)
            [
                new(c.Codigo), new(c.Nombre), new(FormatoNumero.Numero(c.Bienes), Derecha: true),
                new(FormatoNumero.Numero(c.Servicios), Derecha: true), new(FormatoNumero.Numero(c.Total), Derecha: true),
            ]).ToList();
            filas.Add(
            [
                new("TOTAL", Negrita: true, Relleno: Sombra), new("", Relleno: Sombra),
                new(FormatoNumero.Numero(r.CentrosCosto.Sum(c => c.Bienes)), Derecha: true, Negrita: true, Relleno: Sombra),
                new(FormatoNumero.Numero(r.CentrosCosto.Sum(c => c.Servicios)), Derecha: true, Negrita: true, Relleno: Sombra),
                new(FormatoNumero.Numero(r.CentrosCosto.Sum(c => c.Total)), Derecha: true, Negrita: true, Relleno: Sombra),
            ]);
            doc.TablaTexto(["Código", "Unidad orgánica", "Bienes (S/)", "Servicios (S/)", "Total (S/)"], [13, 42, 15, 15, 15], filas);
            if (r.NotaCentrosCosto is not null) doc.Parrafo(r.NotaCentrosCosto);
        }

        /// <summary>Lines by genérica with their share (<see cref="LineaPresupuesto.Participacion"/>) and the TOTAL row at 100 %.</summary>
        private void TablaPresupuesto(string titulo, string columna, string total, IReadOnlyList<LineaResumen> lineas, string? fuente)
        {
            Cuadro(titulo);
            var suma = lineas.Sum(l => l.Monto);
            var filas = lineas.Select(l => (IReadOnlyList<CeldaWord>)
            [
                new($"{l.Codigo} {l.Nombre}"), new(FormatoNumero.Numero(l.Monto), Derecha: true),
                new(FormatoNumero.Porcentaje(LineaPresupuesto.Participacion(l.Monto, suma)), Derecha: true),
            ]).ToList();
            filas.Add(
            [
                new(total, Negrita: true, Relleno: Sombra), new(FormatoNumero.Numero(suma), Derecha: true, Negrita: true, Relleno: Sombra),
                new(FormatoNumero.Porcentaje(LineaPresupuesto.Participacion(suma, suma)), Derecha: true, Negrita: true, Relleno: Sombra),
            ]);
            doc.TablaTexto([columna, "Importe (S/)", "%"], [60, 22, 18], filas);
            if (fuente is not null) doc.Parrafo(fuente);
        }

        private void MetodologiaEvaluacion()
        {
            doc.Encabezado(1, Metodologia);
            doc.Parrafo("La oficina de planeamiento realiza el seguimiento y la evaluación de la ejecución del POI con el avance que cada centro de " +
                        "costo registra en SIPOI y que la oficina aprueba; solo los meses aprobados cuentan para la evaluación.");
            doc.Parrafo("La ejecución de cada actividad operativa en un periodo es el valor ejecutado entre el programado, por cien " +
                        "(E = ejecutado / programado × 100); para los promedios se considera como máximo 100 %. Una actividad sin meta en el " +
                        "periodo no entra en los promedios.");
            if (d.Metodo == MetodoEvaluacion.Ponderado)
                doc.Parrafo("El nivel de cumplimiento de cada ficha de proceso es el promedio ponderado de los porcentajes de cumplimiento de " +
                            "sus actividades (con el peso de cada actividad; iguales si no se indica otro), y el nivel de cumplimiento de cada " +
                            "gerencia es el promedio ponderado del resultado de las fichas de proceso que la conforman.");
            else
                doc.Parrafo("La ejecución de cada acción estratégica institucional (AEI) es el promedio simple de sus actividades con meta en el " +
                            "periodo; la de cada objetivo estratégico institucional (OEI), el promedio ponderado de sus AEI con peso n − p + 1 " +
                            "(n: número de AEI del OEI; p: prioridad de la AEI), y el Índice de Gestión Institucional (IGI), el promedio " +
                            "ponderado de los OEI con peso N − p + 1. El logro de cada indicador compara el valor obtenido con el logro esperado.");
            doc.Parrafo("Los resultados se presentan con un semáforo: una escala de 0 a 100 % dividida en tres niveles, cada uno con su color:");
            Cuadro("Metodología de evaluación — semáforo");
            doc.TablaTexto(["Criterio de análisis", "Nivel de cumplimiento", "Situación", "Calificación"], [22, 34, 18, 26],
            [
                Nivel(Banda.Alto, "Verde"), Nivel(Banda.Medio, "Amarillo"), Nivel(Banda.Bajo, "Rojo"),
            ]);
        }

        private IReadOnlyList<CeldaWord> Nivel(Banda b, string color) =>
        [
            new(B.Etiqueta(b), Negrita: true), new(RedaccionInforme.Rango(B, b)),
            new(color, Centrado: true, Negrita: true, Relleno: DocumentoWord.ColorBanda(b)), new(B.Leyenda(b) ?? "—"),
        ];

        private void Fichas()
        {
            doc.Encabezado(1, MatrizDelPoi);
            var hojas = d.Matriz?.Hojas ?? [];
            var fichas = hojas.Where(h => h.FichaProceso is not null).ToList();
            var centros = hojas.Where(h => h.FichaProceso is null).ToList();
            if (fichas.Count > 0)
            {
                doc.Parrafo($"Las actividades operativas del POI {Anio} se programan por procesos: cada ficha de proceso reúne las actividades " +
                            "de un proceso, su responsable y los objetivos estratégicos institucionales a los que contribuye.");
                Cuadro("Fichas de proceso");
                doc.TablaTexto(["Ficha", "Proceso", "Área responsable", "Gerencia", "Objetivos estratégicos institucionales alineados"],
                    [9, 21, 24, 17, 29],
                    fichas.Select(h => (IReadOnlyList<CeldaWord>)
                    [
                        new(h.Codigo), new(NombreFicha(h)), new(h.ResponsableProceso ?? h.UnidadOrganica), new(h.Gerencia ?? ""),
                        new(string.Join("\n", h.Alineamiento.Select(a => (a.OeiCodigo, a.OeiEnunciado)).Distinct().Select(o => $"{o.OeiCodigo} {o.OeiEnunciado}"))),
                    ]));
            }
            if (centros.Count > 0)
                doc.Parrafo(fichas.Count > 0
                    ? $"Las actividades sin ficha de proceso se programan por centro de costo: {RedaccionInforme.Lista(centros.Select(h => h.UnidadOrganica))}."
                    : $"Las actividades operativas del POI {Anio} se programan por centro de costo ({centros.Count.ToString(CultureInfo.InvariantCulture)} matrices).");
            if (hojas.Count == 0) doc.Parrafo($"El POI {Anio} no tiene actividades operativas registradas.");
            else doc.Parrafo("La matriz del POI de cada ficha de proceso o centro de costo, con sus metas mensuales y subtotales trimestrales, " +
                             "figura en los anexos.");
        }

        /// <summary>"FP 06 TRÁMITE DOCUMENTARIO" → "TRÁMITE DOCUMENTARIO".</summary>
        private static string NombreFicha(HojaMatrizPoi h) =>
            h.FichaProceso!.StartsWith(h.Codigo + " ", StringComparison.Ordinal) ? h.FichaProceso[(h.Codigo.Length + 1)..] : h.FichaProceso;

        private void Matrices()
        {
            if (d.Matriz is not { Hojas.Count: > 0 } m)
            {
                doc.Encabezado(1, Anexos);
                doc.Parrafo("Sin anexos: el POI no tiene actividades operativas registradas.");
                return;
            }
            doc.SeccionHorizontal();
            doc.Encabezado(1, Anexos);
            var n = 0;
            foreach (var h in m.Hojas)
            {
                doc.Encabezado(2, $"Anexo {(++n).ToString(CultureInfo.InvariantCulture)}. Matriz POI — {h.Titulo}");
                doc.ParrafoConEtiqueta("Periodo del PEI: ", m.PeriodoPei);
                doc.ParrafoConEtiqueta("Unidad orgánica: ", h.UnidadOrganica);
                if (h.FichaProceso is not null) doc.ParrafoConEtiqueta("Ficha de proceso: ", h.FichaProceso);
                if (h.ResponsableProceso is not null) doc.ParrafoConEtiqueta("Responsable del proceso: ", h.ResponsableProceso);
                if (h.ObjetivoProceso is not null) doc.ParrafoConEtiqueta("Objetivo del proceso: ", h.ObjetivoProceso);
                if (h.Alineamiento.Count > 0)
                    doc.TablaTexto(["Objetivo estratégico institucional", "Acción estratégica institucional", "Indicador", "Unidad de medida", $"Meta año {Anio}"],
                        [30, 30, 26, 8, 6],
                        h.Alineamiento.Select(a => (IReadOnlyList<CeldaWord>)
                        [
                            new($"{a.OeiCodigo}: {a.OeiEnunciado}"), new($"{a.AeiCodigo}: {a.AeiEnunciado}"), new(a.Indicador),
                            new(a.UnidadMedida, Centrado: true), new(a.Meta is { } v ? Cantidad(v) : "", Derecha: true),
                        ]), "TextoMatriz");
                Cuadro($"Matriz POI {Anio} — {h.Titulo}");
                doc.TablaTexto(EncabezadosMatriz, ProporcionesMatriz, FilasMatriz(h), "TextoMatriz");
            }
            doc.Parrafo(NotaMatrices);
        }

        /// <summary>
        /// The matrices' header. The quarters are "T1"…"T4" (the note under the matrices names them): "I Trim." wrapped to three
        /// lines in the 6.5-point landscape table, and a column wide enough for it would squeeze the activity's name.
        /// </summary>
        private static readonly string[] EncabezadosMatriz =
        [
            "N°", "Actividad operativa / inversión", "Unidad de medida", "Responsable", "Inicio", "Fin", "Meta",
            "E", "F", "M", "T1", "A", "M", "J", "T2", "J", "A", "S", "T3", "O", "N", "D", "T4", "Anual",
        ];

        /// <summary>Column widths (proportions of the landscape width): each quarter as wide as the year, so "12,000" fits on one line.</summary>
        private static readonly double[] ProporcionesMatriz =
            [3, 18, 6.5, 9.4, 6.6, 6.6, 5, 3.2, 3.2, 3.2, 4.6, 3.2, 3.2, 3.2, 4.6, 3.2, 3.2, 3.2, 4.6, 3.2, 3.2, 3.2, 4.6, 4.6];

        /// <summary>
        /// Each activity as the reference POI prints it: months without a target empty, each quarter's subtotal (rolled
        /// up by the model, never here) shaded after its three months, the annual quantity last; a group line before
        /// the activities of each group ("I. Actividades de Gestión Presupuestal").
        /// </summary>
        private static IEnumerable<IReadOnlyList<CeldaWord>> FilasMatriz(HojaMatrizPoi h)
        {
            if (h.Actividades.Count == 0)
            {
                yield return [new(""), new("Sin actividades operativas programadas.")];
                yield break;
            }
            string? grupo = null;
            foreach (var a in h.Actividades)
            {
                if (a.Grupo is { } g && g != grupo)
                {
                    grupo = g;
                    yield return [new("", Relleno: Sombra), new(g, Negrita: true, Relleno: Sombra), .. Enumerable.Repeat(new CeldaWord("", Relleno: Sombra), 22)];
                }
                var fila = new List<CeldaWord>
                {
                    new(a.Numero, Centrado: true), new(a.Nombre), new(a.UnidadMedida), new(a.Responsable),
                    new(Meses.Nombre(a.MesInicio)), new(Meses.Nombre(a.MesFin)), new(Cantidad(a.MetaAnual), Derecha: true),
                };
                for (var t = 0; t < 4; t++)
                {
                    for (var k = 0; k < 3; k++)
                    {
                        var mes = a.Meses[3 * t + k];
                        fila.Add(new(mes == 0 ? "" : Cantidad(mes), Derecha: true));
                    }
                    fila.Add(new(Cantidad(a.Trimestres[t]), Derecha: true, Negrita: true, Relleno: Sombra));
                }
                fila.Add(new(Cantidad(a.Anual), Derecha: true, Negrita: true, Relleno: Sombra));
                yield return fila;
            }
        }

        /// <summary>The text's paragraphs, or the placeholder saying where to write it.</summary>
        private void Parrafos(CampoTexto campo)
        {
            var lineas = ContenidoTextos.Lineas(campo.Leer(d.Textos));
            if (lineas.Count == 0) doc.Parrafo(Pendiente(campo, d.RutaTextos));
            foreach (var l in lineas) doc.Parrafo(l);
        }

        /// <summary>One item per line of the text, or the placeholder.</summary>
        private void Lista(CampoTexto campo)
        {
            var lineas = ContenidoTextos.Lineas(campo.Leer(d.Textos));
            if (lineas.Count == 0) doc.Parrafo(Pendiente(campo, d.RutaTextos));
            foreach (var l in lineas) doc.Item("–", l);
        }

        private void Cuadro(string texto) => doc.Leyenda($"Cuadro N.° {(++_cuadros).ToString(CultureInfo.InvariantCulture)}. {texto}");

        /// <summary>Whole values without decimals (3,960), others with two (92.60).</summary>
        private static string Cantidad(decimal v) => v == decimal.Truncate(v) ? FormatoNumero.Numero(v, 0) : FormatoNumero.Numero(v);
    }
}
