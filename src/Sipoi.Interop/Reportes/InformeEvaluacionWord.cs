using System.Globalization;
using DocumentFormat.OpenXml.Wordprocessing;
using Sipoi.Domain.Evaluacion;
using Sipoi.Interop.Evaluacion;
using Sipoi.Interop.Reportes.Office;

namespace Sipoi.Interop.Reportes;

/// <summary>
/// Writes the evaluation report (.docx, editable): cover, 1 executive summary, 2 institutional
/// priorities, 3 analysis of each OEI, 4 implementation of the AEIs, 5 follow-up of earlier
/// recommendations, 6 conclusions, 7 recommendations, and the monitoring tables as annexes.
/// Charts are native Word charts; every figure they show is also in a table next to them.
/// </summary>
public static class InformeEvaluacionWord
{
    public const string Resumen = "1. Resumen ejecutivo";
    public const string Prioridades = "2. Prioridades institucionales";
    public const string AnalisisOei = "3. Análisis del cumplimiento de los objetivos estratégicos institucionales (OEI)";
    public const string ImplementacionAei = "4. Implementación de las acciones estratégicas institucionales (AEI)";
    public const string SeguimientoRecomendaciones = "5. Seguimiento de las recomendaciones de evaluaciones anteriores";
    public const string Conclusiones = "6. Conclusiones";
    public const string Recomendaciones = "7. Recomendaciones";
    public const string Anexos = "Anexos";

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
            ImplementacionDeAei();
            Seguimiento();
            Lista(Conclusiones, i.Conclusiones ?? RedaccionInforme.Conclusiones(i));
            Lista(Recomendaciones, i.Recomendaciones ?? RedaccionInforme.Recomendaciones(i));
            AnexosSeguimiento();
        }

        private void Portada()
        {
            for (var n = 0; n < 6; n++) doc.Parrafo("");
            doc.Titulo(i.Entidad);
            doc.Titulo(i.Titulo, "Subtitle");
            doc.Titulo($"Periodo evaluado: {PeriodoAnio}", "Subtitle");
            if (i.Completitud is { Completa: false } c) doc.Titulo($"Periodo incompleto: {c.Frase}", "Subtitle");
            for (var n = 0; n < 8; n++) doc.Parrafo("");
            if (i.Responsable is not null) doc.Titulo(i.Responsable, "Subtitle");
            if (i.LugarFecha is not null) doc.Titulo(i.LugarFecha, "Subtitle");
            doc.SaltoPagina();
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
                [new("Índice de Gestión Institucional (IGI)", Negrita: true), new(RedaccionInforme.P(i.Igi), Derecha: true, Negrita: true), Banda(i.BandaIgi, false)],
                [new("Actividades operativas e inversiones del POI"), new(FormatoNumero.Entero(i.Actividades.Total), Derecha: true), new("")],
                [new("Actividades con meta en el periodo"), new(FormatoNumero.Entero(i.Actividades.ConMeta), Derecha: true), new("")],
                [new("Actividades con ejecución ≥ 100 %"), new(FormatoNumero.Entero(i.Actividades.Cumplidas), Derecha: true), new("")],
                [new("Actividades con meta sin registro de avance"), new(FormatoNumero.Entero(i.Actividades.SinRegistro), Derecha: true), new("")],
                [new("AEI críticas"), new(FormatoNumero.Entero(criticas), Derecha: true), new("")],
                [new("AEI sin información"), new(FormatoNumero.Entero(RedaccionInforme.SinInformacion(i).Count), Derecha: true), new("")],
            ]);
            doc.Parrafo(Umbrales());
        }

        private void PrioridadesInstitucionales()
        {
            doc.Encabezado(1, Prioridades);
            if (i.Mision is not null) doc.ParrafoConEtiqueta("Misión: ", i.Mision);
            if (i.Lineamientos.Count > 0)
            {
                doc.Parrafo("Lineamientos institucionales:", JustificationValues.Left, negrita: true);
                foreach (var l in i.Lineamientos) doc.Item("–", l);
            }
            if (i.Oeis.Count == 0) return;
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
                    doc.TablaTexto(["Indicador", "Logro esperado", "Valor obtenido", "Avance", "Desempeño"], [42, 14, 14, 12, 18],
                        o.Indicadores.Select(x => (IReadOnlyList<CeldaWord>)
                        [
                            new(x.UnidadMedida is { Length: > 0 } u ? $"{x.Nombre} ({u})" : x.Nombre),
                            new(Valor(x.LogroEsperado), Derecha: true),
                            new(Valor(x.ValorObtenido), Derecha: true),
                            new(RedaccionInforme.P(x.Avance), Derecha: true),
                            Banda(x.Banda, true),
                        ]));
                }
                // The office's analysis (or the drafted one that includes the centres' justifications) replaces the figures' paragraph.
                if (o.Analisis is { } analisis)
                    foreach (var p in analisis.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)) doc.Parrafo(p);
                else doc.Parrafo(RedaccionInforme.AnalisisOei(i, o));
            }

            if (i.Graficos && i.DistribucionBandas.Count > 0)
            {
                doc.Encabezado(2, $"3.{(++n).ToString(CultureInfo.InvariantCulture)} Indicadores por nivel de desempeño");
                var d = i.DistribucionBandas;
                Grafico($"Indicadores por nivel de desempeño y OEI — {PeriodoAnio}");
                doc.Anadir(GraficoWord.Columnas(doc, "Indicadores por nivel de desempeño y OEI", d.Select(x => x.Codigo).ToList(),
                [
                    new(B.Etiqueta(Domain.Evaluacion.Banda.Alto), d.Select(x => SinCero(x.Alto)).ToList(), Colores.BarraAlto),
                    new(B.Etiqueta(Domain.Evaluacion.Banda.Medio), d.Select(x => SinCero(x.Medio)).ToList(), Colores.BarraMedio),
                    new(B.Etiqueta(Domain.Evaluacion.Banda.Bajo), d.Select(x => SinCero(x.Bajo)).ToList(), Colores.BarraBajo),
                    new("ND", d.Select(x => SinCero(x.Nd)).ToList(), Colores.BarraNd),
                ], apiladas: true, formatoValores: "0", maximo: null, leyenda: true));
                Cuadro($"Indicadores por nivel de desempeño y OEI — {PeriodoAnio}");
                doc.TablaTexto(["OEI", B.Etiqueta(Domain.Evaluacion.Banda.Alto), B.Etiqueta(Domain.Evaluacion.Banda.Medio),
                        B.Etiqueta(Domain.Evaluacion.Banda.Bajo), "ND", "Total"], [20, 16, 16, 16, 16, 16],
                    d.Select(x => (IReadOnlyList<CeldaWord>)
                    [
                        new(x.Codigo), new(FormatoNumero.Entero(x.Alto), Derecha: true), new(FormatoNumero.Entero(x.Medio), Derecha: true),
                        new(FormatoNumero.Entero(x.Bajo), Derecha: true), new(FormatoNumero.Entero(x.Nd), Derecha: true),
                        new(FormatoNumero.Entero(x.Total), Derecha: true, Negrita: true),
                    ]));
                doc.Parrafo("Cada OEI cuenta sus indicadores y los de sus AEI; ND: sin logro esperado o sin valor obtenido registrado.");
            }
        }

        private void ImplementacionDeAei()
        {
            doc.Encabezado(1, ImplementacionAei);
            var aeis = i.Oeis.SelectMany(o => o.Aeis).ToList();

            doc.Encabezado(2, "4.1 Estado de implementación de las AEI");
            if (aeis.Count == 0) doc.Parrafo("No hay AEI registradas.");
            else
            {
                Cuadro($"Estado de implementación de las AEI — {PeriodoAnio}");
                doc.TablaTexto(["AEI", "Denominación", "Estado", "Ejecución operativa", "Logro", "Desempeño del logro", "Crítica"],
                    [12, 30, 13, 12, 11, 13, 9],
                    aeis.Select(a => (IReadOnlyList<CeldaWord>)
                    [
                        new(a.Codigo), new(a.Enunciado), new(a.Estado ?? "—", Centrado: true),
                        new(FormatoNumero.Porcentaje(a.Ejecucion), Derecha: true),
                        new(RedaccionInforme.P(a.Logro), Derecha: true),
                        Banda(a.BandaLogro, true),
                        new(a.Critica ? "Sí" : a.SinInformacion ? "Sin información" : "No", Centrado: true, Negrita: a.Critica),
                    ]));
                doc.Parrafo("Ejecución operativa: promedio de la ejecución ajustada de las actividades de la AEI con meta en el periodo. " +
                            "Logro: promedio del avance (tope 100 %) de los indicadores de la AEI.");
            }

            doc.Encabezado(2, "4.2 AEI críticas");
            var criticas = RedaccionInforme.Criticas(i);
            if (criticas.Count == 0)
                doc.Parrafo($"No se identificaron AEI críticas en el periodo (desempeño {B.Etiqueta(Domain.Evaluacion.Banda.Bajo)}).");
            else
            {
                doc.Parrafo($"Se consideran críticas las AEI con desempeño {B.Etiqueta(Domain.Evaluacion.Banda.Bajo)} ({RedaccionInforme.Rango(B, Domain.Evaluacion.Banda.Bajo)}):");
                foreach (var a in criticas)
                    doc.Item("–", $"{a.Codigo} «{a.Enunciado}»: logro {RedaccionInforme.P(a.Logro)}" +
                                  (a.BandaLogro is { } b ? $" ({B.Etiqueta(b)})" : "") +
                                  $"; ejecución operativa {FormatoNumero.Porcentaje(a.Ejecucion)}.");
            }
            // DOMAIN.md §5: an AEI without validated data is a gap to chase, listed apart, never critical.
            var sinInformacion = RedaccionInforme.SinInformacion(i);
            if (sinInformacion.Count > 0)
            {
                doc.Parrafo("AEI sin información (no se cuenta con valores obtenidos validados de sus indicadores cuando correspondía medir; " +
                            "no se consideran críticas):");
                foreach (var a in sinInformacion)
                    doc.Item("–", $"{a.Codigo} «{a.Enunciado}»: sin información; ejecución operativa {FormatoNumero.Porcentaje(a.Ejecucion)}.");
            }

            doc.Encabezado(2, "4.3 Análisis operativo por OEI");
            if (i.Graficos && i.Oeis.Count > 0)
            {
                Grafico($"Ejecución de las actividades operativas por OEI — {PeriodoAnio} (%)");
                doc.Anadir(GraficoWord.Columnas(doc, "Ejecución de las actividades operativas por OEI (%)", i.Oeis.Select(o => o.Codigo).ToList(),
                [
                    new SerieGrafico("Ejecución (%)", i.Oeis.Select(o => o.Ejecucion).ToList(), Colores.BarraNeutra)
                    {
                        ColoresPorPunto = i.Oeis.Select(o => ColorBarra(o.BandaEjecucion)).ToList(),
                    },
                ], apiladas: false, formatoValores: "0.00", maximo: 100, leyenda: false));
                doc.Parrafo($"El color de cada barra indica su nivel de desempeño (rojo: {B.Etiqueta(Domain.Evaluacion.Banda.Bajo)}, " +
                            $"amarillo: {B.Etiqueta(Domain.Evaluacion.Banda.Medio)}, verde: {B.Etiqueta(Domain.Evaluacion.Banda.Alto)}); " +
                            "los valores y su desempeño figuran en los cuadros siguientes.");
            }
            foreach (var o in i.Oeis)
            {
                doc.Encabezado(3, $"{o.Codigo}: {FormatoNumero.Porcentaje(o.Ejecucion)}" + (o.BandaEjecucion is { } be ? $" ({B.Etiqueta(be)})" : ""));
                doc.Parrafo(RedaccionInforme.AnalisisOperativo(i, o));
                if (o.Aeis.Count == 0) continue;
                Cuadro($"Ejecución de las AEI del {o.Codigo} — {PeriodoAnio}");
                var filas = o.Aeis.Select(a => (IReadOnlyList<CeldaWord>)
                [
                    new(a.Codigo), new(FormatoNumero.Entero(a.Prioridad), Centrado: true), new(a.Peso > 0 ? FormatoNumero.Entero(a.Peso) : "", Centrado: true),
                    new(FormatoNumero.Entero(a.ActividadesConMeta), Derecha: true), new(FormatoNumero.Entero(a.ActividadesCumplidas), Derecha: true),
                    new(FormatoNumero.Porcentaje(a.Ejecucion), Derecha: true), Banda(a.BandaEjecucion, false),
                ]).ToList();
                filas.Add(
                [
                    new(o.Codigo, Negrita: true, Relleno: "F2F2F2"), new(FormatoNumero.Entero(o.Prioridad), Centrado: true, Negrita: true, Relleno: "F2F2F2"),
                    new(o.Peso > 0 ? FormatoNumero.Entero(o.Peso) : "", Centrado: true, Negrita: true, Relleno: "F2F2F2"),
                    new(FormatoNumero.Entero(o.ActividadesConMeta), Derecha: true, Negrita: true, Relleno: "F2F2F2"),
                    new(FormatoNumero.Entero(o.ActividadesCumplidas), Derecha: true, Negrita: true, Relleno: "F2F2F2"),
                    new(FormatoNumero.Porcentaje(o.Ejecucion), Derecha: true, Negrita: true, Relleno: "F2F2F2"), Banda(o.BandaEjecucion, false),
                ]);
                doc.TablaTexto(["Código", "Prioridad", "Peso", "AO con meta", "AO ≥ 100 %", "Ejecución", "Desempeño"], [15, 12, 9, 13, 13, 15, 23], filas);
            }
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

        private CeldaWord Banda(Banda? b, bool estrategica) => b is { } x
            ? new CeldaWord(B.Texto(x), Centrado: true, Negrita: true, Relleno: DocumentoWord.ColorBanda(x))
            : estrategica ? new CeldaWord("ND", Centrado: true, Negrita: true, Relleno: DocumentoWord.ColorBanda(null)) : new CeldaWord("—", Centrado: true);

        private string Umbrales() =>
            $"Desempeño: {B.Texto(Domain.Evaluacion.Banda.Bajo)} ({RedaccionInforme.Rango(B, Domain.Evaluacion.Banda.Bajo)}), " +
            $"{B.Texto(Domain.Evaluacion.Banda.Medio)} ({RedaccionInforme.Rango(B, Domain.Evaluacion.Banda.Medio)}), " +
            $"{B.Texto(Domain.Evaluacion.Banda.Alto)} ({RedaccionInforme.Rango(B, Domain.Evaluacion.Banda.Alto)}).";

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
