using System.Globalization;
using Sipoi.Domain.Evaluacion;
using Sipoi.Interop.Evaluacion;
using Sipoi.Interop.Reportes.Office;

namespace Sipoi.Interop.Reportes;

/// <summary>
/// Writes the evaluation report (.docx, editable) in the national structure of DOMAIN.md §6.4: cover with report number,
/// office, place, date and signature blocks; 1 executive summary (with the lists of OEI and AEI); 2 institutional
/// priorities (normative framework, mission, guidelines, values, OEIs by priority, scope); 3 analysis of each OEI;
/// 4 performance valuation (AEIs per band per OEI); 5 implementation of the AEIs (each AEI once, operational tables per
/// OEI and by cost centre); 6 follow-up of earlier recommendations; 7 conclusions; 8 recommendations; annexes.
/// Charts are native Word charts; every figure they show is also in a table next to them.
/// </summary>
public static partial class InformeEvaluacionWord
{
    public const string Resumen = "1. Resumen ejecutivo";
    public const string Prioridades = "2. Prioridades institucionales";
    public const string AnalisisOei = "3. Análisis del cumplimiento de los objetivos estratégicos institucionales (OEI)";
    public const string Valoracion = "4. Valoración del desempeño";
    public const string ImplementacionAei = "5. Implementación de las acciones estratégicas institucionales (AEI)";
    public const string SeguimientoRecomendaciones = "6. Seguimiento de las recomendaciones de evaluaciones anteriores";
    public const string Conclusiones = "7. Conclusiones";
    public const string Recomendaciones = "8. Recomendaciones";
    public const string Anexos = "Anexos";

    public const string Alcance = "2.6 Alcance de la evaluación";
    public const string AeisPorBanda = "4.1 AEI por nivel de desempeño y OEI";

    /// <summary>The line printed for an entity text the office has not registered yet.</summary>
    public const string FaltaMarcoNormativo = "[Registre el marco normativo en Administración › Textos institucionales]";
    public const string FaltaMision = "[Registre la misión institucional en el PEI de la entidad en SIPOI]";
    public const string FaltaLineamientos = "[Registre los lineamientos institucionales en Administración › Textos institucionales]";
    public const string FaltaValores = "[Registre los valores institucionales en Administración › Textos institucionales]";

    /// <summary>A blank line to fill in by hand.</summary>
    public const string Linea = "____________________";

    public static void Escribir(InformeEvaluacion informe, Stream destino)
    {
        ArgumentNullException.ThrowIfNull(informe);
        var anio = informe.Anio.ToString(CultureInfo.InvariantCulture);
        DocumentoWord.Escribir(destino, $"{informe.Entidad} — Evaluación del POI {anio}, {informe.Periodo}",
            doc => new Redactor(doc, informe).Todo());
    }

    private sealed class Redactor(DocumentoWord doc, InformeEvaluacion i)
    {
        private int _cuadros;
        private int _graficos;
        private EsquemaBandas B => i.Bandas;
        private string PeriodoAnio => $"{i.Periodo} {i.Anio.ToString(CultureInfo.InvariantCulture)}";

        public void Todo()
        {
            Portada();
            ResumenEjecutivo();
            PrioridadesInstitucionales();
            AnalisisDeOei();
            ValoracionDesempeno();
            MetodoPonderado(doc, i, "4.3", Cuadro);
            ImplementacionDeAei();
            Seguimiento();
            Lista(Conclusiones, i.Conclusiones ?? RedaccionInforme.Conclusiones(i));
            Lista(Recomendaciones, i.Recomendaciones ?? RedaccionInforme.Recomendaciones(i));
            AnexosSeguimiento();
        }

        private void Portada()
        {
            for (var n = 0; n < 4; n++) doc.Parrafo("");
            doc.Titulo(i.Entidad);
            doc.Titulo(i.Titulo, "Subtitle");
            doc.Titulo($"Periodo evaluado: {PeriodoAnio}", "Subtitle");
            if (i.Completitud is { Completa: false } c) doc.Titulo($"Periodo incompleto: {c.Frase}", "Subtitle");
            doc.Parrafo("");
            doc.Titulo(i.Numero ?? $"Informe N.° {Linea}", "Subtitle");
            doc.Titulo(i.Responsable ?? $"Órgano responsable: {Linea}", "Subtitle");
            var fecha = i.Fecha is { } f ? f.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : "___/___/______";
            doc.Titulo($"{i.Lugar ?? Linea}, {fecha}", "Subtitle");
            for (var n = 0; n < 3; n++) doc.Parrafo("");
            Firmas();
            doc.SaltoPagina();
        }

        /// <summary>Elaborado / revisado / aprobado por: a line to sign on, then the name and position (blank lines when not known).</summary>
        private void Firmas()
        {
            Firma[] firmas = [i.Firmas.ElaboradoPor, i.Firmas.RevisadoPor, i.Firmas.AprobadoPor];
            doc.TablaTexto(["Elaborado por", "Revisado por", "Aprobado por"], [1, 1, 1],
            [
                firmas.Select(_ => new CeldaWord("")).ToList(),
                firmas.Select(_ => new CeldaWord(Linea, Centrado: true)).ToList(),
                firmas.Select(f => new CeldaWord(f.Nombre ?? $"Nombre: {Linea}", Centrado: true, Negrita: f.Nombre is not null)).ToList(),
                firmas.Select(f => new CeldaWord(f.Cargo ?? $"Cargo: {Linea}", Centrado: true)).ToList(),
            ]);
        }

        private void ResumenEjecutivo()
        {
            doc.Encabezado(1, Resumen);
            if (i.Completitud is { Completa: false } c)
                doc.ParrafoConEtiqueta("Nota sobre la completitud: ", CompletitudReporte.Nota(c, i.MotivoIncompleta));
            foreach (var p in i.ResumenEjecutivo ?? RedaccionInforme.ResumenEjecutivo(i)) doc.Parrafo(p);

            Cuadro($"Resultados generales — {PeriodoAnio}");
            var criticas = RedaccionInforme.Criticas(i).Count;
            doc.TablaTexto(["Concepto", "Resultado", "Desempeño"], [55, 20, 25],
            [
                [new("Índice de Gestión Institucional (IGI)", Negrita: true), new(i.Porcentaje(i.Igi), Derecha: true, Negrita: true), Banda(i.BandaIgi, false)],
                [new("Actividades operativas e inversiones del POI"), new(FormatoNumero.Entero(i.Actividades.Total), Derecha: true), new("")],
                [new("Actividades con meta en el periodo"), new(FormatoNumero.Entero(i.Actividades.ConMeta), Derecha: true), new("")],
                [new("Actividades con ejecución ≥ 100 %"), new(FormatoNumero.Entero(i.Actividades.Cumplidas), Derecha: true), new("")],
                [new("Actividades con meta sin registro de avance"), new(FormatoNumero.Entero(i.Actividades.SinRegistro), Derecha: true), new("")],
                [new("AEI con desempeño crítico"), new(FormatoNumero.Entero(criticas), Derecha: true), new("")],
                [new("AEI sin información"), new(FormatoNumero.Entero(RedaccionInforme.SinInformacion(i).Count), Derecha: true), new("")],
            ]);
            doc.Parrafo(Umbrales());
            if (i.Oeis.Count == 0) return;

            Cuadro($"Objetivos estratégicos institucionales — {PeriodoAnio}");
            doc.TablaTexto(["Código", "Objetivo estratégico institucional", "Ejecución operativa", "Desempeño", "Logro", "Desempeño"],
                [10, 36, 12, 15, 11, 16],
                i.Oeis.Select(o => (IReadOnlyList<CeldaWord>)
                [
                    new(o.Codigo), new(o.Enunciado), new(Pct(o.Ejecucion, "—"), Derecha: true), Banda(o.BandaEjecucion, false),
                    new(Pct(o.Logro), Derecha: true), Banda(o.BandaLogro, true),
                ]));
            var aeis = i.Oeis.SelectMany(o => o.Aeis).ToList();
            if (aeis.Count == 0) return;
            Cuadro($"Acciones estratégicas institucionales — {PeriodoAnio}");
            doc.TablaTexto(["Código", "Acción estratégica institucional", "Ejecución operativa", "Logro", "Desempeño"],
                [12, 46, 13, 12, 17],
                aeis.Select(a => (IReadOnlyList<CeldaWord>)
                [
                    new(a.Codigo), new(a.Enunciado), new(Pct(a.Ejecucion, "—"), Derecha: true), new(Pct(a.Logro), Derecha: true), BandaAei(a),
                ]));
            doc.Parrafo("Ejecución operativa: promedio de la ejecución ajustada (tope 100 %) de las actividades con meta en el periodo; " +
                        "en el OEI, promedio de sus AEI ponderado por prioridad. Logro: promedio del avance (tope 100 %) de sus indicadores. " +
                        "El desempeño de la AEI es el de su logro; «Sin información»: sin valores obtenidos validados cuando correspondía medir (no se considera crítica).");
        }

        private void PrioridadesInstitucionales()
        {
            doc.Encabezado(1, Prioridades);
            TextoEntidad("2.1 Marco normativo", i.MarcoNormativo, FaltaMarcoNormativo, items: false);
            TextoEntidad("2.2 Misión", i.Mision, FaltaMision, items: false);
            TextoEntidad("2.3 Lineamientos institucionales", i.Lineamientos, FaltaLineamientos, items: true);
            TextoEntidad("2.4 Valores institucionales", i.Valores, FaltaValores, items: true);

            doc.Encabezado(2, "2.5 Objetivos estratégicos institucionales por prioridad");
            if (i.Oeis.Count == 0) doc.Parrafo("No hay OEI registrados.");
            else
            {
                doc.Parrafo("Los objetivos estratégicos institucionales se evalúan en el orden de prioridad aprobado en el PEI; " +
                            "el peso de cada objetivo en el IGI es N − p + 1, donde N es el número de OEI y p su prioridad.");
                Cuadro("Objetivos estratégicos institucionales por prioridad");
                doc.TablaTexto(["Prioridad", "Código", "Objetivo estratégico institucional", "Peso"], [12, 14, 62, 12],
                    i.Oeis.OrderBy(o => o.Prioridad).Select(o => (IReadOnlyList<CeldaWord>)
                    [
                        new(FormatoNumero.Entero(o.Prioridad), Centrado: true), new(o.Codigo), new(o.Enunciado),
                        new(o.Peso > 0 ? FormatoNumero.Entero(o.Peso) : "", Centrado: true),
                    ]));
            }

            doc.Encabezado(2, Alcance);
            var alcance = AeisDelAlcance(i);
            doc.Parrafo($"La evaluación analiza las AEI de prioridad 1 y 2 de cada OEI y las AEI críticas (desempeño {B.Etiqueta(Domain.Evaluacion.Banda.Bajo)}, " +
                        $"{RedaccionInforme.Rango(i, Domain.Evaluacion.Banda.Bajo)} de logro): {FormatoNumero.Entero(alcance.Count)} de " +
                        $"{FormatoNumero.Entero(i.Oeis.Sum(o => o.Aeis.Count))} AEI.");
            if (alcance.Count == 0) return;
            Cuadro($"Alcance de la evaluación — {PeriodoAnio}");
            doc.TablaTexto(["OEI", "AEI", "Acción estratégica institucional", "Prioridad", "Motivo", "Logro", "Desempeño"],
                [9, 11, 33, 9, 13, 10, 15],
                alcance.Select(x => (IReadOnlyList<CeldaWord>)
                [
                    new(x.Oei), new(x.Aei.Codigo), new(x.Aei.Enunciado), new(FormatoNumero.Entero(x.Aei.Prioridad), Centrado: true),
                    new(x.Motivo, Centrado: true), new(Pct(x.Aei.Logro), Derecha: true), BandaAei(x.Aei),
                ]));
        }

        /// <summary>An entity text under its heading: one paragraph (or item) per line, or the placeholder when not registered.</summary>
        private void TextoEntidad(string titulo, string? texto, string falta, bool items)
        {
            doc.Encabezado(2, titulo);
            var lineas = (texto ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
            if (lineas.Count == 0) doc.Parrafo(falta);
            else if (items && lineas.Count > 1) foreach (var l in lineas) doc.Item("–", l);
            else foreach (var l in lineas) doc.Parrafo(l);
        }

        /// <summary>The AEIs the evaluation analyses: priority 1–2 of each OEI and the critical ones, in PEI order, each once.</summary>
        internal static List<(string Oei, AeiInforme Aei, string Motivo)> AeisDelAlcance(InformeEvaluacion i) =>
            i.Oeis.SelectMany(o => o.Aeis.Where(a => a.Prioridad <= 2 || a.Critica).Select(a =>
                (o.Codigo, a, a.Prioridad <= 2 && a.Critica ? "Prioridad y crítica" : a.Prioridad <= 2 ? $"Prioridad {a.Prioridad.ToString(CultureInfo.InvariantCulture)}" : "Crítica")))
            .ToList();

        private void AnalisisDeOei()
        {
            doc.Encabezado(1, AnalisisOei);
            doc.Parrafo("Para cada OEI se compara el valor obtenido de sus indicadores con el logro esperado del periodo. " +
                        "El avance se muestra sin tope; para el promedio del OEI se considera como máximo 100 %.");
            var n = 0;
            foreach (var o in i.Oeis)
            {
                doc.Encabezado(2, $"3.{(++n).ToString(CultureInfo.InvariantCulture)} {o.Codigo}: {o.Enunciado}");
                if (o.Indicadores.Count > 0)
                {
                    Cuadro($"Indicadores del {o.Codigo} — {PeriodoAnio}");
                    TablaIndicadores(o.Indicadores);
                }
                // The office's analysis (or the drafted one that includes the centres' justifications) replaces the figures' paragraph.
                if (o.Analisis is { } analisis)
                    foreach (var p in analisis.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)) doc.Parrafo(p);
                else doc.Parrafo(RedaccionInforme.AnalisisOei(i, o));
            }
        }

        /// <summary>Indicator / expected / obtained / avance / desempeño / the unit that reports it.</summary>
        private void TablaIndicadores(IReadOnlyList<IndicadorInforme> indicadores) =>
            doc.TablaTexto(["Indicador", "Logro esperado", "Valor obtenido", "Avance", "Desempeño", "Unidad que reporta"], [32, 11, 11, 10, 16, 20],
                indicadores.Select(x => (IReadOnlyList<CeldaWord>)
                [
                    new(x.UnidadMedida is { Length: > 0 } u ? $"{x.Nombre} ({u})" : x.Nombre),
                    new(Valor(x.LogroEsperado), Derecha: true),
                    new(Valor(x.ValorObtenido), Derecha: true),
                    new(Pct(x.Avance), Derecha: true),
                    Banda(x.Banda, true),
                    new(x.UnidadReporta ?? "—"),
                ]));

        private void ValoracionDesempeno()
        {
            doc.Encabezado(1, Valoracion);
            doc.Encabezado(2, AeisPorBanda);
            var d = i.AeisPorBanda;
            doc.Parrafo("Número de AEI de cada OEI en cada nivel de desempeño de su logro (promedio del avance de sus indicadores). " +
                        "ND: AEI sin valor obtenido para el periodo (sin información), que no se cuentan como críticas.");
            Cuadro($"AEI por nivel de desempeño y OEI — {PeriodoAnio}");
            var filas = d.Select(x => (IReadOnlyList<CeldaWord>)
            [
                new(x.Codigo), new(x.Denominacion), new(FormatoNumero.Entero(x.Bajo), Derecha: true), new(FormatoNumero.Entero(x.Medio), Derecha: true),
                new(FormatoNumero.Entero(x.Alto), Derecha: true), new(FormatoNumero.Entero(x.Nd), Derecha: true),
                new(FormatoNumero.Entero(x.Total), Derecha: true, Negrita: true),
            ]).ToList();
            const string gris = "F2F2F2";
            filas.Add(
            [
                new("TOTAL", Negrita: true, Relleno: gris), new("", Relleno: gris),
                new(FormatoNumero.Entero(d.Sum(x => x.Bajo)), Derecha: true, Negrita: true, Relleno: gris),
                new(FormatoNumero.Entero(d.Sum(x => x.Medio)), Derecha: true, Negrita: true, Relleno: gris),
                new(FormatoNumero.Entero(d.Sum(x => x.Alto)), Derecha: true, Negrita: true, Relleno: gris),
                new(FormatoNumero.Entero(d.Sum(x => x.Nd)), Derecha: true, Negrita: true, Relleno: gris),
                new(FormatoNumero.Entero(d.Sum(x => x.Total)), Derecha: true, Negrita: true, Relleno: gris),
            ]);
            doc.TablaTexto(["OEI", "Denominación", B.Etiqueta(Domain.Evaluacion.Banda.Bajo), B.Etiqueta(Domain.Evaluacion.Banda.Medio),
                B.Etiqueta(Domain.Evaluacion.Banda.Alto), "ND", "Total AEI"], [11, 41, 10, 10, 10, 8, 10], filas);
            doc.Parrafo(Umbrales());

            if (i.DistribucionBandas.Count == 0) return;
            var bandas = i.DistribucionBandas;
            doc.Encabezado(2, "4.2 Indicadores por nivel de desempeño y OEI");
            if (i.Graficos)
            {
                Grafico($"Indicadores por nivel de desempeño y OEI — {PeriodoAnio}");
                doc.Anadir(GraficoWord.Columnas(doc, "Indicadores por nivel de desempeño y OEI", bandas.Select(x => x.Codigo).ToList(),
                [
                    new(B.Etiqueta(Domain.Evaluacion.Banda.Alto), bandas.Select(x => SinCero(x.Alto)).ToList(), Colores.BarraAlto),
                    new(B.Etiqueta(Domain.Evaluacion.Banda.Medio), bandas.Select(x => SinCero(x.Medio)).ToList(), Colores.BarraMedio),
                    new(B.Etiqueta(Domain.Evaluacion.Banda.Bajo), bandas.Select(x => SinCero(x.Bajo)).ToList(), Colores.BarraBajo),
                    new("ND", bandas.Select(x => SinCero(x.Nd)).ToList(), Colores.BarraNd),
                ], apiladas: true, formatoValores: "0", maximo: null, leyenda: true));
            }
            Cuadro($"Indicadores por nivel de desempeño y OEI — {PeriodoAnio}");
            doc.TablaTexto(["OEI", B.Etiqueta(Domain.Evaluacion.Banda.Alto), B.Etiqueta(Domain.Evaluacion.Banda.Medio),
                    B.Etiqueta(Domain.Evaluacion.Banda.Bajo), "ND", "Total"], [20, 16, 16, 16, 16, 16],
                bandas.Select(x => (IReadOnlyList<CeldaWord>)
                [
                    new(x.Codigo), new(FormatoNumero.Entero(x.Alto), Derecha: true), new(FormatoNumero.Entero(x.Medio), Derecha: true),
                    new(FormatoNumero.Entero(x.Bajo), Derecha: true), new(FormatoNumero.Entero(x.Nd), Derecha: true),
                    new(FormatoNumero.Entero(x.Total), Derecha: true, Negrita: true),
                ]));
            doc.Parrafo("Cada OEI cuenta sus indicadores y los de sus AEI; ND: sin logro esperado o sin valor obtenido registrado.");
        }

        private void ImplementacionDeAei()
        {
            doc.Encabezado(1, ImplementacionAei);
            var aeis = i.Oeis.SelectMany(o => o.Aeis).ToList();

            doc.Encabezado(2, "5.1 Indicadores de las AEI");
            if (aeis.Count == 0) doc.Parrafo("No hay AEI registradas.");
            foreach (var a in aeis)
            {
                doc.Encabezado(3, $"{a.Codigo}: {a.Enunciado}");
                var datos = $"Prioridad {FormatoNumero.Entero(a.Prioridad)}" + (a.Estado is { } est ? $"; estado: {est}" : "") +
                            $"; logro: {Pct(a.Logro)}; ejecución operativa: {Pct(a.Ejecucion, "sin actividades con meta")}.";
                doc.Parrafo(datos);
                if (a.Indicadores.Count > 0) TablaIndicadores(a.Indicadores);
                // DOMAIN.md §5: "Desempeño: Crítico" only in the red band; ND is a data gap, never critical.
                if (a.Critica) doc.ParrafoConEtiqueta("Desempeño: ", "Crítico");
                else if (a.SinInformacion) doc.ParrafoConEtiqueta("Desempeño: ", "sin información (no se cuenta con valores obtenidos validados; no se considera crítica)");
                else if (a.BandaLogro is { } b) doc.ParrafoConEtiqueta("Desempeño: ", RedaccionInforme.Nivel(B, b));
                else doc.ParrafoConEtiqueta("Desempeño: ", "ND (sin medición prevista para el periodo)");
            }

            doc.Encabezado(2, "5.2 Análisis operativo por OEI");
            if (i.Graficos && i.Oeis.Count > 0)
            {
                Grafico($"Ejecución de las actividades operativas por OEI — {PeriodoAnio} (%)");
                doc.Anadir(GraficoWord.Columnas(doc, "Ejecución de las actividades operativas por OEI (%)", i.Oeis.Select(o => o.Codigo).ToList(),
                [
                    new SerieGrafico("Ejecución (%)", i.Oeis.Select(o => o.Ejecucion).ToList(), Colores.BarraNeutra)
                    {
                        ColoresPorPunto = i.Oeis.Select(o => ColorBarra(o.BandaEjecucion)).ToList(),
                    },
                ], apiladas: false, formatoValores: i.PorcentajesEnteros ? "0" : "0.00", maximo: 100, leyenda: false));
                doc.Parrafo($"El color de cada barra indica su nivel de desempeño (rojo: {B.Etiqueta(Domain.Evaluacion.Banda.Bajo)}, " +
                            $"amarillo: {B.Etiqueta(Domain.Evaluacion.Banda.Medio)}, verde: {B.Etiqueta(Domain.Evaluacion.Banda.Alto)}); " +
                            "los valores y su desempeño figuran en los cuadros siguientes.");
            }
            foreach (var o in i.Oeis)
            {
                doc.Encabezado(3, $"{o.Codigo}: {Pct(o.Ejecucion, "—")}" + (o.BandaEjecucion is { } be ? $" ({B.Etiqueta(be)})" : ""));
                doc.Parrafo(RedaccionInforme.AnalisisOperativo(i, o));
                if (o.Aeis.Count == 0) continue;
                Cuadro($"Ejecución de las AEI del {o.Codigo} — {PeriodoAnio}");
                var filas = o.Aeis.Select(a => (IReadOnlyList<CeldaWord>)
                [
                    new(a.Codigo), new(FormatoNumero.Entero(a.Prioridad), Centrado: true), new(a.Peso > 0 ? FormatoNumero.Entero(a.Peso) : "", Centrado: true),
                    new(FormatoNumero.Entero(a.ActividadesConMeta), Derecha: true), new(FormatoNumero.Entero(a.ActividadesCumplidas), Derecha: true),
                    new(Pct(a.Ejecucion, "—"), Derecha: true), Banda(a.BandaEjecucion, false),
                ]).ToList();
                const string gris = "F2F2F2";
                filas.Add(
                [
                    new($"{o.Codigo} (ponderado)", Negrita: true, Relleno: gris), new(FormatoNumero.Entero(o.Prioridad), Centrado: true, Negrita: true, Relleno: gris),
                    new(o.Peso > 0 ? FormatoNumero.Entero(o.Peso) : "", Centrado: true, Negrita: true, Relleno: gris),
                    new(FormatoNumero.Entero(o.ActividadesConMeta), Derecha: true, Negrita: true, Relleno: gris),
                    new(FormatoNumero.Entero(o.ActividadesCumplidas), Derecha: true, Negrita: true, Relleno: gris),
                    new(Pct(o.Ejecucion, "—"), Derecha: true, Negrita: true, Relleno: gris), Banda(o.BandaEjecucion, false),
                ]);
                doc.TablaTexto(["AEI", "Prioridad", "Peso", "AO con meta", "AO ≥ 100 %", "Ejecución promedio ajustada", "Desempeño"],
                    [17, 11, 8, 12, 12, 17, 23], filas);
            }

            doc.Encabezado(2, "5.3 Ejecución por centro de costo");
            if (i.CentrosCosto.Count == 0)
            {
                doc.Parrafo("No hay centros de costo con actividades en el periodo.");
                return;
            }
            Cuadro($"Ejecución de las actividades operativas por centro de costo — {PeriodoAnio}");
            doc.TablaTexto(["Código", "Centro de costo", "N.º AO con meta", "Ejecución", "Desempeño"], [14, 46, 12, 13, 15],
                i.CentrosCosto.Select(c => (IReadOnlyList<CeldaWord>)
                [
                    new(c.Codigo), new(c.Nombre), new(FormatoNumero.Entero(c.ActividadesConMeta), Derecha: true),
                    new(Pct(c.Ejecucion, "—"), Derecha: true), Banda(c.Banda, false),
                ]));
            doc.Parrafo("Ejecución del centro de costo: promedio simple de la ejecución ajustada (tope 100 %) de sus actividades con meta en el periodo.");
        }

        private void Seguimiento()
        {
            doc.Encabezado(1, SeguimientoRecomendaciones);
            if (i.RecomendacionesAnteriores.Count == 0)
            {
                doc.Parrafo("No se registran recomendaciones de evaluaciones anteriores.");
                return;
            }
            Cuadro("Seguimiento de las recomendaciones de evaluaciones anteriores");
            doc.TablaTexto(["OEI/AEI", "Aspecto de mejora", "Recomendación", "Acción clave", "Unidad(es) responsable(s)", "Plazo", "Estado", "Comentario"],
                [11, 11, 14, 11, 13, 14, 16, 10],
                i.RecomendacionesAnteriores.Select(r => (IReadOnlyList<CeldaWord>)
                [
                    new(r.OeiAei), new(r.AspectoMejora), new(r.Recomendacion), new(r.AccionClave), new(r.UnidadResponsable),
                    new(r.Plazo, Centrado: true), new(r.Estado, Centrado: true, Negrita: !r.Atendida), new(r.Comentario ?? ""),
                ]));
        }

        private void Lista(string titulo, IReadOnlyList<string> items)
        {
            doc.Encabezado(1, titulo);
            for (var n = 0; n < items.Count; n++) doc.Item($"{(n + 1).ToString(CultureInfo.InvariantCulture)}.", items[n]);
        }

        private void AnexosSeguimiento()
        {
            if (i.Anexos is null) return;
            doc.SeccionHorizontal();
            doc.Encabezado(1, Anexos);
            var n = 0;
            foreach (var t in TablasSeguimientoDatos.Construir(i.Anexos))
            {
                doc.Encabezado(2, $"Anexo {(++n).ToString(CultureInfo.InvariantCulture)}. {t.Titulo}");
                doc.Tabla(t);
            }
            if (i.Completitud is { Completa: false } c)
            {
                var t = CompletitudReporte.Tabla(c, i.MotivoIncompleta);
                doc.Encabezado(2, $"Anexo {(++n).ToString(CultureInfo.InvariantCulture)}. {t.Titulo}");
                doc.Tabla(t);
            }
        }

        private void Cuadro(string texto) => doc.Leyenda($"Cuadro {(++_cuadros).ToString(CultureInfo.InvariantCulture)}. {texto}");

        private void Grafico(string texto) => doc.Leyenda($"Gráfico {(++_graficos).ToString(CultureInfo.InvariantCulture)}. {texto}");

        private string Pct(decimal? v, string siNulo = "ND") => i.Porcentaje(v, siNulo);

        /// <summary>An AEI's strategic band, "Sin información" when its data was due and is missing.</summary>
        private CeldaWord BandaAei(AeiInforme a) => a.BandaLogro is null && a.SinInformacion
            ? new CeldaWord("Sin información", Centrado: true, Negrita: true, Relleno: DocumentoWord.ColorBanda(null))
            : Banda(a.BandaLogro, true);

        private CeldaWord Banda(Banda? b, bool estrategica) => b is { } x
            ? new CeldaWord(B.Texto(x), Centrado: true, Negrita: true, Relleno: DocumentoWord.ColorBanda(x))
            : estrategica ? new CeldaWord("ND", Centrado: true, Negrita: true, Relleno: DocumentoWord.ColorBanda(null)) : new CeldaWord("—", Centrado: true);

        private string Umbrales() =>
            $"Desempeño: {B.Texto(Domain.Evaluacion.Banda.Bajo)} ({RedaccionInforme.Rango(i, Domain.Evaluacion.Banda.Bajo)}), " +
            $"{B.Texto(Domain.Evaluacion.Banda.Medio)} ({RedaccionInforme.Rango(i, Domain.Evaluacion.Banda.Medio)}), " +
            $"{B.Texto(Domain.Evaluacion.Banda.Alto)} ({RedaccionInforme.Rango(i, Domain.Evaluacion.Banda.Alto)}).";

        private static string ColorBarra(Banda? b) => b switch
        {
            Domain.Evaluacion.Banda.Bajo => Colores.BarraBajo,
            Domain.Evaluacion.Banda.Medio => Colores.BarraMedio,
            Domain.Evaluacion.Banda.Alto => Colores.BarraAlto,
            _ => Colores.BarraNd,
        };

        /// <summary>A stacked bar of 0 would only print a stray "0" label.</summary>
        private static decimal? SinCero(int n) => n == 0 ? null : n;

        private static string Valor(decimal? v) => v is { } x ? (x == decimal.Truncate(x) ? FormatoNumero.Numero(x, 0) : FormatoNumero.Numero(x)) : "—";
    }
}
