using System.Globalization;
using Sipoi.Interop.Reportes.Office;

namespace Sipoi.Interop.Reportes;

/// <summary>Writes the consolidation (.xlsx): sheet "IGI por entidad" and sheet "OEI por entidad" (one row per entity and OEI).</summary>
public static class ConsolidadoExcel
{
    public static void Escribir(Consolidado c, Stream destino)
    {
        ArgumentNullException.ThrowIfNull(c);
        var libro = new LibroExcel();
        var anio = c.Anio.ToString(CultureInfo.InvariantCulture);
        var subtitulo = $"Periodo evaluado: {c.Periodo} {anio}";
        var pie = $"Consolidado POI {anio} — {c.Periodo}";
        foreach (var t in Construir(c)) TablaExcel.Escribir(libro, t, "CONSOLIDADO DE ENTIDADES", subtitulo, pie);
        libro.Guardar(destino);
    }

    internal static IReadOnlyList<TablaDatos> Construir(Consolidado c)
    {
        const string nota = "Cada entidad se evalúa con su propio PEI, su POI vigente y sus umbrales de desempeño. " +
                            "Los porcentajes no se suman ni se promedian entre entidades.";
        ColumnaDatos[] colsIgi = [new("Código", 14), new("Entidad", 48), new("AO con meta", 11, true), new("IGI", 12, true), new("Desempeño", 24)];
        var igi = new TablaDatos("IGI por entidad", "ÍNDICE DE GESTIÓN INSTITUCIONAL POR ENTIDAD", colsIgi,
            c.Entidades.Select(e => new FilaDatos(
            [
                ValorDatos.Texto(e.Codigo), ValorDatos.Texto(e.Nombre), ValorDatos.Entero(e.ActividadesConMeta),
                ValorDatos.Porcentaje(e.Igi), ValorDatos.Banda(e.Bandas, e.BandaIgi),
            ])).ToList())
        {
            Nota = nota,
        };
        ColumnaDatos[] colsOei =
        [
            new("Entidad", 14), new("OEI", 10), new("Enunciado", 52), new("Prioridad", 10, true), new("AO con meta", 11, true),
            new("Ejecución", 12, true), new("Desempeño", 24),
        ];
        var oeis = new TablaDatos("OEI por entidad", "EJECUCIÓN POR OBJETIVO ESTRATÉGICO INSTITUCIONAL Y ENTIDAD", colsOei,
            c.Entidades.SelectMany(e => e.Oeis.Select(o => new FilaDatos(
            [
                ValorDatos.Texto(e.Codigo), ValorDatos.Texto(o.Codigo), ValorDatos.Texto(o.Enunciado), ValorDatos.Entero(o.Prioridad),
                ValorDatos.Entero(o.ActividadesConMeta), ValorDatos.Porcentaje(o.Valor), ValorDatos.Banda(e.Bandas, o.Banda),
            ]))).ToList())
        {
            Nota = nota,
        };
        return [igi, oeis];
    }
}
