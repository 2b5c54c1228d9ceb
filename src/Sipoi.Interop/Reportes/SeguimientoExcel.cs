using System.Globalization;
using Sipoi.Domain.Evaluacion;
using Sipoi.Interop.Evaluacion;
using Sipoi.Interop.Reportes.Office;

namespace Sipoi.Interop.Reportes;

/// <summary>
/// Writes the monitoring tables (.xlsx), one sheet each: OEI y AEI (with the IGI row), centros de costo,
/// ejecución por AEI, indicadores por desempeño, logro de las AEI. The band is written as text on
/// its colour, never as colour alone.
/// </summary>
public static class SeguimientoExcel
{
    public static void Escribir(TablasSeguimiento tablas, Stream destino)
    {
        ArgumentNullException.ThrowIfNull(tablas);
        var libro = new LibroExcel();
        var subtitulo = $"Periodo evaluado: {tablas.Periodo} {tablas.Anio.ToString(CultureInfo.InvariantCulture)}";
        var pie = $"{tablas.Entidad} — Seguimiento del POI {tablas.Anio.ToString(CultureInfo.InvariantCulture)} — {tablas.Periodo}";
        foreach (var t in tablas.Tablas())
            TablaExcel.Escribir(libro, t, tablas.Entidad, subtitulo, pie);
        libro.Guardar(destino);
    }
}

/// <summary>The monitoring tables as neutral tables, shared by the workbook and the Word annexes.</summary>
internal static class TablasSeguimientoDatos
{
    public static IReadOnlyList<TablaDatos> Construir(TablasSeguimiento s) =>
        [OeiAei(s), Centros(s), Aeis(s), Bandas(s), Logros(s)];

    private static string Umbrales(EsquemaBandas b) =>
        $"Desempeño: {b.Texto(Banda.Bajo)} (menos de {FormatoNumero.Porcentaje(b.MedioDesde)}), " +
        $"{b.Texto(Banda.Medio)} (desde {FormatoNumero.Porcentaje(b.MedioDesde)}), {b.Texto(Banda.Alto)} (desde {FormatoNumero.Porcentaje(b.AltoDesde)}).";

    private static TablaDatos OeiAei(TablasSeguimiento s)
    {
        ColumnaDatos[] cols =
        [
            new("Código", 12), new("Denominación", 52), new("Prioridad", 10, true), new("N.º AO", 8, true),
            .. ColumnaTrimestre(s), new("I Semestre", 12, true), new("II Semestre", 12, true), new("Anual", 12, true), new($"Desempeño ({s.Periodo})", 22),
        ];
        var filas = new List<FilaDatos>();
        foreach (var o in s.Oeis)
        {
            filas.Add(Semestres(s, o.Oei, resaltada: true));
            foreach (var a in o.Aeis) filas.Add(Semestres(s, a, resaltada: false));
        }
        return new TablaDatos("OEI y AEI", "EJECUCIÓN DE LAS ACTIVIDADES OPERATIVAS POR OEI Y AEI", cols, filas)
        {
            Total = s.Igi is { } igi ? Semestres(s, igi, resaltada: true) : null,
            Nota = "Ejecución: promedio de la ejecución ajustada (tope 100 %) de las AO con meta en el periodo; " +
                   "OEI: promedio de sus AEI ponderado por prioridad (peso n − p + 1); IGI: promedio de los OEI ponderado por prioridad. " +
                   "N.º AO: actividades con meta en el periodo evaluado. " + Umbrales(s.Bandas),
        };
    }

    private static FilaDatos Semestres(TablasSeguimiento s, FilaSemestres f, bool resaltada) => new(
    [
        ValorDatos.Texto(f.Codigo),
        ValorDatos.Texto(f.Denominacion),
        f.Prioridad is { } p ? ValorDatos.Entero(p) : ValorDatos.Texto("", true),
        ValorDatos.Entero(f.Actividades),
        .. ValorTrimestre(s, f),
        ValorDatos.Porcentaje(f.Semestre1, entero: s.PorcentajesEnteros),
        ValorDatos.Porcentaje(f.Semestre2, entero: s.PorcentajesEnteros),
        ValorDatos.Porcentaje(f.Anual, entero: s.PorcentajesEnteros),
        ValorDatos.Banda(s.Bandas, f.Banda),
    ], resaltada);

    /// <summary>The evaluated quarter's own column, first among the periods, when the period is a quarter.</summary>
    private static ColumnaDatos[] ColumnaTrimestre(TablasSeguimiento s) => s.Trimestre is { } t ? [new(t, 12, true)] : [];

    private static ValorDatos[] ValorTrimestre(TablasSeguimiento s, FilaSemestres f) =>
        s.Trimestre is null ? [] : [ValorDatos.Porcentaje(f.ValorTrimestre, entero: s.PorcentajesEnteros)];

    private static TablaDatos Centros(TablasSeguimiento s)
    {
        ColumnaDatos[] cols =
        [
            new("Código", 14), new("Centro de costo", 48), new("N.º AO", 8, true),
            .. ColumnaTrimestre(s), new("I Semestre", 12, true), new("II Semestre", 12, true), new("Anual", 12, true), new($"Desempeño ({s.Periodo})", 22),
        ];
        var filas = s.CentrosCosto.Select(c => new FilaDatos(
        [
            ValorDatos.Texto(c.Codigo), ValorDatos.Texto(c.Denominacion), ValorDatos.Entero(c.Actividades),
            .. ValorTrimestre(s, c), ValorDatos.Porcentaje(c.Semestre1, entero: s.PorcentajesEnteros), ValorDatos.Porcentaje(c.Semestre2, entero: s.PorcentajesEnteros), ValorDatos.Porcentaje(c.Anual, entero: s.PorcentajesEnteros),
            ValorDatos.Banda(s.Bandas, c.Banda),
        ])).ToList();
        return new TablaDatos("Centros de costo", "EJECUCIÓN DE LAS ACTIVIDADES OPERATIVAS POR CENTRO DE COSTO", cols, filas)
        {
            Total = new FilaDatos(
            [
                ValorDatos.Texto("TOTAL"), ValorDatos.Texto(""), ValorDatos.SumaColumna(s.CentrosCosto.Sum(c => c.Actividades), FormatoDatos.Entero),
                .. s.Trimestre is null ? Array.Empty<ValorDatos>() : [ValorDatos.Texto("")],
                ValorDatos.Texto(""), ValorDatos.Texto(""), ValorDatos.Texto(""), ValorDatos.Texto(""),
            ]),
            Nota = "Ejecución del centro de costo: promedio simple de la ejecución ajustada de sus AO con meta en el periodo. " + Umbrales(s.Bandas),
        };
    }

    private static TablaDatos Aeis(TablasSeguimiento s)
    {
        ColumnaDatos[] cols =
        [
            new("OEI", 10), new("AEI", 12), new("Denominación", 52), new("N.º AO con meta", 10, true),
            new("N.º AO con ejecución ≥ 100 %", 12, true), new("Ejecución promedio ajustada", 14, true), new("Desempeño", 22),
        ];
        var filas = s.Aeis.Select(a => new FilaDatos(
        [
            ValorDatos.Texto(a.OeiCodigo), ValorDatos.Texto(a.Codigo), ValorDatos.Texto(a.Denominacion),
            ValorDatos.Entero(a.Actividades), ValorDatos.Entero(a.ActividadesCumplidas),
            ValorDatos.Porcentaje(a.EjecucionPromedio, entero: s.PorcentajesEnteros), ValorDatos.Banda(s.Bandas, a.Banda),
        ])).ToList();
        return new TablaDatos("Ejecución por AEI", $"ACTIVIDADES OPERATIVAS POR AEI — {s.Periodo.ToUpper(CultureInfo.GetCultureInfo("es-PE"))}", cols, filas)
        {
            Total = new FilaDatos(
            [
                ValorDatos.Texto("TOTAL"), ValorDatos.Texto(""), ValorDatos.Texto(""),
                ValorDatos.SumaColumna(s.Aeis.Sum(a => a.Actividades), FormatoDatos.Entero),
                ValorDatos.SumaColumna(s.Aeis.Sum(a => a.ActividadesCumplidas), FormatoDatos.Entero),
                ValorDatos.Texto(""), ValorDatos.Texto(""),
            ]),
            Nota = Umbrales(s.Bandas),
        };
    }

    private static TablaDatos Bandas(TablasSeguimiento s)
    {
        var b = s.Bandas;
        ColumnaDatos[] cols =
        [
            new("OEI", 10), new("Denominación", 52),
            new(b.Texto(Banda.Bajo), 12, true), new(b.Texto(Banda.Medio), 12, true), new(b.Texto(Banda.Alto), 12, true),
            new("ND", 8, true), new("Total", 8, true),
        ];
        var filas = s.IndicadoresPorBanda.Select(o => new FilaDatos(
        [
            ValorDatos.Texto(o.Codigo), ValorDatos.Texto(o.Denominacion),
            ValorDatos.Entero(o.Bajo), ValorDatos.Entero(o.Medio), ValorDatos.Entero(o.Alto), ValorDatos.Entero(o.Nd),
            ValorDatos.SumaFila(o.Total, FormatoDatos.Entero, 2, 5),
        ])).ToList();
        var x = s.IndicadoresPorBanda;
        return new TablaDatos("Indicadores por desempeño", $"NÚMERO DE INDICADORES POR NIVEL DE DESEMPEÑO Y OEI — {s.Periodo.ToUpper(CultureInfo.GetCultureInfo("es-PE"))}", cols, filas)
        {
            Total = new FilaDatos(
            [
                ValorDatos.Texto("TOTAL"), ValorDatos.Texto(""),
                ValorDatos.SumaColumna(x.Sum(o => o.Bajo), FormatoDatos.Entero), ValorDatos.SumaColumna(x.Sum(o => o.Medio), FormatoDatos.Entero),
                ValorDatos.SumaColumna(x.Sum(o => o.Alto), FormatoDatos.Entero), ValorDatos.SumaColumna(x.Sum(o => o.Nd), FormatoDatos.Entero),
                ValorDatos.SumaColumna(x.Sum(o => o.Total), FormatoDatos.Entero),
            ]),
            Nota = "Cada OEI cuenta sus indicadores y los de sus AEI. ND: sin logro esperado o sin valor obtenido registrado. " + Umbrales(b),
        };
    }

    private static TablaDatos Logros(TablasSeguimiento s)
    {
        ColumnaDatos[] cols =
        [
            new("OEI", 10), new("AEI", 12), new("Denominación", 52), new("Indicadores", 11, true), new("Con dato", 9, true),
            new("Logro", 12, true), new("Desempeño", 22), new("Crítica", 16),
        ];
        var filas = s.LogroAeis.Select(a => new FilaDatos(
        [
            ValorDatos.Texto(a.OeiCodigo), ValorDatos.Texto(a.Codigo), ValorDatos.Texto(a.Denominacion),
            ValorDatos.Entero(a.Indicadores), ValorDatos.Entero(a.IndicadoresConDato),
            ValorDatos.Porcentaje(a.Logro, "ND", entero: s.PorcentajesEnteros), ValorDatos.BandaLogro(s.Bandas, a.Banda),
            ValorDatos.Texto(a.Critica ? "Sí" : a.SinInformacion ? "Sin información" : "No", true),
        ])).ToList();
        return new TablaDatos("Logro de AEI", $"LOGRO DE LAS ACCIONES ESTRATÉGICAS INSTITUCIONALES — {s.Periodo.ToUpper(CultureInfo.GetCultureInfo("es-PE"))}", cols, filas)
        {
            Nota = "Logro: promedio simple del avance (tope 100 %) de los indicadores de la AEI con dato. " +
                   "Crítica: desempeño bajo. Sin información: sin valor obtenido validado cuando correspondía medir " +
                   "(un dato por conseguir, no se cuenta como crítica). " + Umbrales(s.Bandas),
        };
    }
}
