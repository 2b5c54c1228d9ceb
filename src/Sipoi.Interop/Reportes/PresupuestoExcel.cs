using System.Globalization;
using Sipoi.Domain.Presupuesto;
using Sipoi.Interop.Reportes.Office;

namespace Sipoi.Interop.Reportes;

/// <summary>
/// Writes the budget summary (.xlsx): sheets Ingresos, Egresos (amount and % share, TOTAL as a SUM
/// formula), Por centro de costo (goods, services, total) and, when activities registered needs, Necesidades
/// (the directive's "cuadro resumen" per unit: código / detalle de insumos o servicios / costo).
/// </summary>
public static class PresupuestoExcel
{
    public static void Escribir(ResumenPresupuesto resumen, Stream destino)
    {
        ArgumentNullException.ThrowIfNull(resumen);
        var libro = new LibroExcel();
        var anio = resumen.Anio.ToString(CultureInfo.InvariantCulture);
        var pie = $"{resumen.Entidad} — Presupuesto {anio}";
        var subtitulo = "En soles (S/)";
        foreach (var t in Construir(resumen))
            TablaExcel.Escribir(libro, t, resumen.Entidad, subtitulo, pie);
        libro.Guardar(destino);
    }

    internal static IReadOnlyList<TablaDatos> Construir(ResumenPresupuesto r)
    {
        var anio = r.Anio.ToString(CultureInfo.InvariantCulture);
        List<TablaDatos> tablas =
        [
            PorGenerica("Ingresos", $"PRESUPUESTO DE INGRESOS AÑO {anio}", "Ingresos", "TOTAL INGRESOS", r.Ingresos, r.Fuente),
            PorGenerica("Egresos", $"PRESUPUESTO DE EGRESOS AÑO {anio}", "Egresos", "TOTAL EGRESOS", r.Egresos, r.Fuente),
            PorCentro(r, anio),
        ];
        if (r.Necesidades.Count > 0) tablas.Add(Necesidades(r, anio));
        if (r.Ejecucion is { Vacio: false } e)
        {
            tablas.Add(Ejecucion("PIM por fuente", $"PIA, PIM Y EJECUCIÓN POR FUENTE Y GENÉRICA AÑO {anio}", ["Fuente de financiamiento", "Genérica"], e.PorFuenteGenerica, e.Nota));
            tablas.Add(Ejecucion("PIM por centro", $"EJECUCIÓN FINANCIERA CONTRA EL PIM POR CENTRO DE COSTO AÑO {anio}", ["Código", "Centro de costo"], e.PorCentro, e.Nota));
            tablas.Add(Ejecucion("PIM por actividad", $"EJECUCIÓN FINANCIERA CONTRA EL PIM POR ACTIVIDAD AÑO {anio}", ["Código", "Actividad operativa"], e.PorActividad, e.Nota));
        }
        return tablas;
    }

    /// <summary>
    /// The budget through the year: PIA, modifications, PIM, certified, accrued and % accrued of the PIM. The first two columns
    /// are the group (fuente and genérica, or code and name); the row without code is what is not allocated to a centre or activity.
    /// </summary>
    private static TablaDatos Ejecucion(string hoja, string titulo, string[] grupo, IReadOnlyList<FilaEjecucionPresupuestal> filas, string nota)
    {
        ColumnaDatos[] cols =
        [
            new(grupo[0], 22), new(grupo[1], 40), new("PIA (S/)", 16, true), new("Modificaciones (S/)", 16, true), new("PIM (S/)", 16, true),
            new("Certificado (S/)", 16, true), new("Devengado (S/)", 16, true), new("% devengado / PIM", 12, true),
        ];
        var datos = filas.Select(f => new FilaDatos(
        [
            ValorDatos.Texto(f.Grupo ?? f.Codigo ?? ""), ValorDatos.Texto(f.Nombre),
            ValorDatos.Numero(f.Saldo.Pia, FormatoDatos.Decimal), ValorDatos.Numero(f.Saldo.Modificaciones, FormatoDatos.Decimal),
            ValorDatos.Numero(f.Saldo.Pim, FormatoDatos.Decimal), ValorDatos.Numero(f.Saldo.Certificado, FormatoDatos.Decimal),
            ValorDatos.Numero(f.Saldo.Devengado, FormatoDatos.Decimal), ValorDatos.Porcentaje(f.Saldo.PorcentajeDevengado),
        ])).ToList();
        var total = filas.Aggregate(SaldoPresupuestal.Cero, (a, f) => a + f.Saldo);
        return new TablaDatos(hoja, titulo, cols, datos)
        {
            Total = new FilaDatos(
            [
                ValorDatos.Texto("TOTAL"), ValorDatos.Texto(""),
                ValorDatos.SumaColumna(total.Pia, FormatoDatos.Decimal), ValorDatos.SumaColumna(total.Modificaciones, FormatoDatos.Decimal),
                ValorDatos.SumaColumna(total.Pim, FormatoDatos.Decimal), ValorDatos.SumaColumna(total.Certificado, FormatoDatos.Decimal),
                ValorDatos.SumaColumna(total.Devengado, FormatoDatos.Decimal), ValorDatos.Porcentaje(total.PorcentajeDevengado),
            ]),
            Nota = nota,
        };
    }

    /// <summary>
    /// The template of the budget import (docs/importacion-excel.md, «Presupuesto del año»): sheet «Presupuesto» with the
    /// headings the reader looks for and sheet «Modificaciones», both empty, each with a note saying what goes in it.
    /// </summary>
    public static void EscribirPlantilla(string entidad, int anio, Stream destino)
    {
        var libro = new LibroExcel();
        var a = anio.ToString(CultureInfo.InvariantCulture);
        var presupuesto = new TablaDatos(ImportacionExcel.LectorPresupuesto.HojaPresupuesto, $"PRESUPUESTO {a} POR FUENTE Y GENÉRICA",
            ImportacionExcel.LectorPresupuesto.EncabezadosPresupuesto.Select((t, i) => new ColumnaDatos(t, i < 4 ? 16 : 14, i >= 4)).ToArray(), []);
        var modificaciones = new TablaDatos(ImportacionExcel.LectorPresupuesto.HojaModificaciones, $"MODIFICACIONES PRESUPUESTARIAS {a}",
            ImportacionExcel.LectorPresupuesto.EncabezadosModificaciones.Select((t, i) => new ColumnaDatos(t, i == 0 ? 44 : 16, i == 6)).ToArray(), []);
        // What goes in each sheet is said above the headings: a note below them would sit where the rows are typed.
        TablaExcel.Escribir(libro, presupuesto, entidad,
            "Soles. Una fila por fuente (1 a 5) y genérica (2.1 a 2.8); centro de costo y actividad (códigos) opcionales; PIA obligatorio; PIM opcional.",
            $"{entidad} — Plantilla de presupuesto {a}");
        TablaExcel.Escribir(libro, modificaciones, entidad,
            "Soles. Documento que la aprueba, fecha dd/mm/aaaa del año, fuente, genérica, centro y actividad opcionales, monto (+ habilita, − anula).",
            $"{entidad} — Plantilla de presupuesto {a}");
        libro.Guardar(destino);
    }

    /// <summary>
    /// Per unit: its lines, then Bienes, Servicios (and Otros when any) and its total, highlighted. Subtotals are plain
    /// values, not SUM formulas: a column SUM would add them twice.
    /// </summary>
    private static TablaDatos Necesidades(ResumenPresupuesto r, string anio)
    {
        ColumnaDatos[] cols = [new("Unidad orgánica", 30), new("Código", 14), new("Detalle de insumos o servicios", 48), new("Costo (S/)", 17, true)];
        var filas = new List<FilaDatos>();
        FilaDatos Subtotal(string unidad, string texto, decimal costo) =>
            new([ValorDatos.Texto(unidad), ValorDatos.Texto(""), ValorDatos.Texto(texto), ValorDatos.Numero(costo, FormatoDatos.Decimal)], Resaltada: true);
        foreach (var c in r.Necesidades)
        {
            var unidad = $"{c.Codigo} {c.Nombre}";
            foreach (var l in c.Resumen.Lineas)
                filas.Add(new([ValorDatos.Texto(unidad), ValorDatos.Texto(l.Codigo ?? ""), ValorDatos.Texto(l.Detalle), ValorDatos.Numero(l.Costo, FormatoDatos.Decimal)]));
            // Subtotal rows carry only the unit's code: its full name in bold wrapped to three clipped lines.
            filas.Add(Subtotal(c.Codigo, "Bienes", c.Resumen.Bienes));
            filas.Add(Subtotal(c.Codigo, "Servicios", c.Resumen.Servicios));
            if (c.Resumen.Otros != 0) filas.Add(Subtotal(c.Codigo, "Otros (sin código de bienes o servicios)", c.Resumen.Otros));
            filas.Add(Subtotal(c.Codigo, "Total", c.Resumen.Total));
        }
        return new TablaDatos("Necesidades", $"CUADRO RESUMEN DE PRESUPUESTO POR UNIDAD ORGÁNICA AÑO {anio}", cols, filas)
        {
            Total = new FilaDatos(
            [
                ValorDatos.Texto("TOTAL"), ValorDatos.Texto(""), ValorDatos.Texto(""),
                ValorDatos.Numero(r.Necesidades.Sum(c => c.Resumen.Total), FormatoDatos.Decimal),
            ]),
            Nota = $"Fuente: necesidades (bienes y servicios) registradas en las actividades del POI {anio}; bienes = 2.3.1, servicios = 2.3.2 del clasificador de gasto.",
        };
    }

    private static TablaDatos PorGenerica(string hoja, string titulo, string encabezado, string total, IReadOnlyList<LineaResumen> lineas, string? fuente)
    {
        ColumnaDatos[] cols = [new("Código", 9), new(encabezado, 48), new("Importe (S/)", 18, true), new("%", 11, true)];
        var suma = lineas.Sum(l => l.Monto);
        var filas = lineas.Select(l => new FilaDatos(
        [
            ValorDatos.Texto(l.Codigo), ValorDatos.Texto(l.Nombre),
            ValorDatos.Numero(l.Monto, FormatoDatos.Decimal),
            ValorDatos.Porcentaje(LineaPresupuesto.Participacion(l.Monto, suma)),
        ])).ToList();
        return new TablaDatos(hoja, titulo, cols, filas)
        {
            Total = new FilaDatos(
            [
                ValorDatos.Texto(total), ValorDatos.Texto(""),
                ValorDatos.SumaColumna(suma, FormatoDatos.Decimal),
                ValorDatos.Porcentaje(LineaPresupuesto.Participacion(suma, suma)),
            ]),
            Nota = fuente,
        };
    }

    private static TablaDatos PorCentro(ResumenPresupuesto r, string anio)
    {
        ColumnaDatos[] cols =
        [
            new("Código", 14), new("Centro de costo", 48), new("Bienes (S/)", 16, true), new("Servicios (S/)", 16, true), new("Total (S/)", 17, true),
        ];
        var filas = r.CentrosCosto.Select(c => new FilaDatos(
        [
            ValorDatos.Texto(c.Codigo), ValorDatos.Texto(c.Nombre),
            ValorDatos.Numero(c.Bienes, FormatoDatos.Decimal), ValorDatos.Numero(c.Servicios, FormatoDatos.Decimal),
            ValorDatos.SumaFila(c.Total, FormatoDatos.Decimal, 2, 3),
        ])).ToList();
        return new TablaDatos("Por centro de costo", $"CUADRO RESUMEN DE PRESUPUESTO POR CENTRO DE COSTO AÑO {anio}", cols, filas)
        {
            // No TOTAL under an empty table: a 0.00 would read as "nothing programmed" when nothing was registered.
            Total = r.CentrosCosto.Count == 0 ? null : new FilaDatos(
            [
                ValorDatos.Texto("TOTAL"), ValorDatos.Texto(""),
                ValorDatos.SumaColumna(r.CentrosCosto.Sum(c => c.Bienes), FormatoDatos.Decimal),
                ValorDatos.SumaColumna(r.CentrosCosto.Sum(c => c.Servicios), FormatoDatos.Decimal),
                ValorDatos.SumaColumna(r.CentrosCosto.Sum(c => c.Total), FormatoDatos.Decimal),
            ]),
            Nota = r.NotaCentrosCosto ?? r.Fuente,
        };
    }
}
