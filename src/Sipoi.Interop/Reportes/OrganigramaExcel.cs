using Sipoi.Interop.ImportacionExcel;
using Sipoi.Interop.Reportes.Office;

namespace Sipoi.Interop.Reportes;

/// <summary>One cost centre as the organisation-chart workbook writes it (codes, never ids).</summary>
public sealed record CentroOrganigramaExcel(string Codigo, string Nombre, string? Padre, string? UnidadEjecutora, string? Responsable);

/// <summary>
/// The organisation chart as a workbook in the layout <see cref="LectorOrganigrama"/> reads (sheet «Organigrama», headings
/// <see cref="LectorOrganigrama.Encabezados"/> in row 5, every code written as text so «01.10» keeps its zeros): the template
/// with two example rows, and the entity's current chart, which loaded back changes nothing (docs/importacion-excel.md, «Organigrama»).
/// </summary>
public static class OrganigramaExcel
{
    private static readonly ColumnaDatos[] Columnas =
        [.. LectorOrganigrama.Encabezados.Select((t, i) => new ColumnaDatos(t, i switch { 1 => 50, 4 => 30, _ => 16 }))];

    public static IReadOnlyList<CentroOrganigramaExcel> Ejemplo { get; } =
    [
        new("01", "GERENCIA GENERAL", null, null, "Gerente general"),
        new("01.01", "OFICINA DE PLANEAMIENTO Y PRESUPUESTO", "01", null, null),
    ];

    /// <summary>The template: the headings and two example rows to replace with the entity's centres.</summary>
    public static void EscribirPlantilla(string entidad, Stream destino) =>
        Escribir(entidad, Ejemplo, destino, "ORGANIGRAMA (PLANTILLA)",
            "Una fila por centro de costo. Código y nombre obligatorios; «Depende de» en blanco = centro superior; unidad ejecutora y responsable opcionales. " +
            "Reemplace las dos filas de ejemplo.");

    /// <summary>The entity's current chart, inactive centres included, in code order.</summary>
    public static void EscribirActual(string entidad, IEnumerable<CentroOrganigramaExcel> centros, Stream destino) =>
        Escribir(entidad, [.. centros.OrderBy(c => c.Codigo, StringComparer.Ordinal)], destino, "ORGANIGRAMA",
            "Cargar este libro sin cambios no cambia nada; corrija nombres o «Depende de» o agregue filas y cárguelo en Organigrama → Cargar desde Excel.");

    private static void Escribir(string entidad, IReadOnlyList<CentroOrganigramaExcel> centros, Stream destino, string titulo, string subtitulo)
    {
        ArgumentNullException.ThrowIfNull(destino);
        var libro = new LibroExcel();
        var filas = centros.Select(c => new FilaDatos(
            [ValorDatos.Texto(c.Codigo), ValorDatos.Texto(c.Nombre), ValorDatos.Texto(c.Padre), ValorDatos.Texto(c.UnidadEjecutora), ValorDatos.Texto(c.Responsable)])).ToList();
        TablaExcel.Escribir(libro, new TablaDatos(LectorOrganigrama.Hoja, titulo, Columnas, filas), entidad, subtitulo, $"{entidad} — Organigrama");
        libro.Guardar(destino);
    }
}
