using System.Globalization;
using Sipoi.Domain.Presupuesto;
using Sipoi.Interop.Reportes.Office;

namespace Sipoi.Interop.Reportes;

/// <summary>
/// Writes the budget summary (.xlsx): sheets Ingresos, Egresos (amount and % share, TOTAL as a SUM
/// formula) and Por centro de costo (goods, services, total).
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
        return
        [
            PorGenerica("Ingresos", $"PRESUPUESTO DE INGRESOS AÑO {anio}", "Ingresos", "TOTAL INGRESOS", r.Ingresos, r.Fuente),
            PorGenerica("Egresos", $"PRESUPUESTO DE EGRESOS AÑO {anio}", "Egresos", "TOTAL EGRESOS", r.Egresos, r.Fuente),
            PorCentro(r, anio),
        ];
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
