using System.Globalization;
using Sipoi.Domain.Estrategia;
using Sipoi.Interop.ImportacionExcel;
using Sipoi.Interop.Intercambio;
using Sipoi.Interop.Reportes.Office;

namespace Sipoi.Interop.Reportes;

/// <summary>
/// The PEI workbook of the Excel import (docs/importacion-excel.md, «PEI»): sheet «Datos del PEI» and sheet «PEI» in the
/// layout <see cref="LectorPeiExcel"/> reads, so a downloaded PEI imports back unchanged. Obtained values are not written:
/// they are registered in SIPOI, never imported from this workbook.
/// </summary>
public static class PeiExcel
{
    public static void Escribir(string entidad, PeiDto pei, Stream destino)
    {
        ArgumentNullException.ThrowIfNull(pei);
        var libro = new LibroExcel();
        var inicio = pei.Inicio ?? pei.Fin ?? 0;
        var fin = pei.Fin ?? inicio;
        var pie = $"{entidad} — {pei.Codigo}";
        TablaExcel.Escribir(libro, Datos(pei), entidad, "Una fila por dato; el valor en la columna B.", pie);
        var hoja = TablaExcel.Escribir(libro, Tabla(pei, inicio, fin), entidad,
            "Una fila por indicador. La fila del OEI o de la AEI lleva su tipo, código y enunciado; sus demás indicadores van en las filas siguientes con el código en blanco.",
            pie);
        hoja.Inmovilizar(TablaExcel.FilaEncabezado, 3);
        libro.Guardar(destino);
    }

    // Years are written as text: a number format would show 2,024.
    /// <summary>The empty template: the PEI's data to fill and two example rows (an OEI and one of its AEIs) to replace.</summary>
    public static void EscribirPlantilla(string entidad, int inicio, int fin, Stream destino)
    {
        var anios = Enumerable.Range(inicio, fin - inicio + 1).ToList();
        var ejemplo = new PeiDto
        {
            Codigo = $"PEI-{inicio}-{fin}",
            Nombre = $"Plan Estratégico Institucional {inicio}-{fin}",
            Inicio = inicio,
            Fin = fin,
            Oei =
            [
                new OeiDto
                {
                    Codigo = "OEI.01",
                    Enunciado = "Ejemplo: mejorar el acceso de la población a los servicios de la entidad",
                    Prioridad = 1,
                    Indicadores =
                    [
                        new IndicadorDto
                        {
                            Codigo = "IND.OEI.01.01", Nombre = "Ejemplo: porcentaje de población atendida", Unidad = "Porcentaje",
                            LineaBase = new LineaBaseDto { Anio = inicio - 1, Valor = 60 },
                            LogrosEsperados = anios.Select((a, i) => (a, 62m + 2 * i)).ToDictionary(x => x.a, x => x.Item2),
                            MetodoCalculo = "Población atendida / población total × 100", Fuente = "Registros administrativos",
                        },
                    ],
                    Aei =
                    [
                        new AeiDto
                        {
                            Codigo = "AEI.01.01", Enunciado = "Ejemplo: servicios ampliados en beneficio de la población", Prioridad = 1,
                            Responsable = "Gerencia de Operaciones",
                            Indicadores =
                            [
                                new IndicadorDto
                                {
                                    Codigo = "IND.AEI.01.01.01", Nombre = "Ejemplo: número de conexiones nuevas", Unidad = "Número",
                                    LogrosEsperados = anios.ToDictionary(a => a, _ => 1500m),
                                },
                            ],
                        },
                    ],
                },
            ],
        };
        Escribir(entidad, ejemplo, destino);
    }

    private static TablaDatos Datos(PeiDto pei)
    {
        static FilaDatos Fila(string etiqueta, ValorDatos valor) => new([ValorDatos.Texto(etiqueta), valor]);
        var d = LectorPeiExcel.Datos;
        return new TablaDatos(LectorPeiExcel.HojaDatos, "DATOS DEL PLAN ESTRATÉGICO INSTITUCIONAL", [new("Dato", 18), new("Valor", 90)],
        [
            Fila(d[0], ValorDatos.Texto(pei.Codigo)),
            Fila(d[1], ValorDatos.Texto(pei.Nombre)),
            Fila(d[2], ValorDatos.Texto(pei.Inicio?.ToString(CultureInfo.InvariantCulture))),
            Fila(d[3], ValorDatos.Texto(pei.Fin?.ToString(CultureInfo.InvariantCulture))),
            Fila(d[4], ValorDatos.Texto(pei.Mision)),
            Fila(d[5], ValorDatos.Texto(pei.Vision)),
        ]);
    }

    // Widths in characters; a year column is wide enough for «Logro esperado» on one line (the bold heading wrapped to three lines was clipped).
    private static readonly double[] Anchos = [7, 14, 42, 10, 10, 22, 16, 34, 13, 13, 24, 18, 14, 11, 12, 12, 12];

    private static TablaDatos Tabla(PeiDto pei, int inicio, int fin)
    {
        var anios = fin >= inicio && inicio > 0 ? Enumerable.Range(inicio, fin - inicio + 1).ToList() : [];
        var columnas = LectorPeiExcel.Encabezados.Select((t, i) => new ColumnaDatos(t, Anchos[i], i >= 13))
            .Concat(anios.Select(a => new ColumnaDatos(LectorPeiExcel.EncabezadoAnio(a), 15, true))).ToList();
        var filas = new List<FilaDatos>();
        void Objetivo(string tipo, string codigo, string enunciado, string? oei, int prioridad, string? responsable, IReadOnlyList<IndicadorDto> indicadores)
        {
            var cabeza = new List<ValorDatos>
            {
                ValorDatos.Texto(tipo, centrado: true), ValorDatos.Texto(codigo), ValorDatos.Texto(enunciado), ValorDatos.Texto(oei),
                ValorDatos.Entero(prioridad), ValorDatos.Texto(responsable),
            };
            var vacia = Enumerable.Repeat(ValorDatos.Texto(""), cabeza.Count).ToList();
            if (indicadores.Count == 0) filas.Add(new FilaDatos([.. cabeza, .. Enumerable.Repeat(ValorDatos.Texto(""), columnas.Count - cabeza.Count)], Resaltada: tipo == "OEI"));
            for (var i = 0; i < indicadores.Count; i++)
                filas.Add(new FilaDatos([.. (i == 0 ? cabeza : vacia), .. Indicador(indicadores[i], anios)], Resaltada: tipo == "OEI" && i == 0));
        }
        foreach (var o in pei.Oei)
        {
            Objetivo("OEI", o.Codigo, o.Enunciado, null, o.Prioridad, null, o.Indicadores);
            foreach (var a in o.Aei) Objetivo("AEI", a.Codigo, a.Enunciado, o.Codigo, a.Prioridad, a.Responsable, a.Indicadores);
        }
        var titulo = $"OBJETIVOS Y ACCIONES ESTRATÉGICAS INSTITUCIONALES E INDICADORES — {pei.Codigo} ({inicio.ToString(CultureInfo.InvariantCulture)}–{fin.ToString(CultureInfo.InvariantCulture)})";
        return new TablaDatos(LectorPeiExcel.HojaPei, titulo, columnas, filas);
    }

    private static IEnumerable<ValorDatos> Indicador(IndicadorDto i, IReadOnlyList<int> anios)
    {
        static ValorDatos Numero(decimal? v) => v is { } x ? ValorDatos.Numero(x, x == decimal.Truncate(x) ? FormatoDatos.Entero : FormatoDatos.Decimal) : ValorDatos.Texto("");
        yield return ValorDatos.Texto(i.Codigo);
        yield return ValorDatos.Texto(i.Nombre);
        yield return ValorDatos.Texto(i.Unidad);
        yield return ValorDatos.Texto(SentidoTexto.Codigo(i.Sentido));
        yield return ValorDatos.Texto(i.MetodoCalculo);
        yield return ValorDatos.Texto(i.Fuente);
        yield return ValorDatos.Texto(i.CentroCostoResponsable);
        yield return ValorDatos.Texto(i.LineaBase?.Anio.ToString(CultureInfo.InvariantCulture), centrado: true);
        yield return Numero(i.LineaBase?.Valor);
        yield return Numero(i.MaximoPermisible);
        yield return Numero(i.MinimoPermisible);
        foreach (var a in anios) yield return Numero(i.LogrosEsperados.TryGetValue(a, out var v) ? v : null);
    }
}
