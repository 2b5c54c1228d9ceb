using System.Globalization;
using Sipoi.Interop.Reportes.Office;

namespace Sipoi.Interop.Reportes;

/// <summary>
/// Writes the execution table (.xlsx, one sheet). The TOTAL row holds <c>SUM</c> formulas so the
/// sheet stays live when an office edits it, each with its value already computed here.
/// </summary>
public static class EjecucionExcel
{
    private const int ColCentro = 1, ColPresupuestal = 2, ColCodigo = 3, ColActividad = 4, ColUnidad = 5, ColMeta = 6;
    internal const int FilaEncabezado = 5;

    public static void Escribir(TablaEjecucion tabla, Stream destino)
    {
        ArgumentNullException.ThrowIfNull(tabla);
        if (tabla.MesCorte is < 1 or > 12)
            throw new ArgumentException($"El mes de corte va de 1 a 12 (llegó {tabla.MesCorte}).", nameof(tabla));
        foreach (var f in tabla.Filas) Validar(f);

        var libro = new LibroExcel();
        var hoja = libro.Hoja($"Ejecución al {tabla.NombreCorte}");
        var anio = tabla.Anio.ToString(CultureInfo.InvariantCulture);
        hoja.Pie = $"{tabla.Entidad} — Ejecución del POI {anio} al {tabla.NombreCorte}";

        var columnas = Columnas(tabla);
        var ultima = columnas[^1].Columna;

        hoja.Combinar(1, 1, 1, ultima, tabla.Entidad, EstiloCelda.Titulo);
        hoja.Alto(1, 20);
        hoja.Combinar(2, 1, 2, ultima,
            $"EJECUCIÓN DEL PLAN OPERATIVO INSTITUCIONAL {anio} AL {tabla.NombreCorte.ToUpper(CultureInfo.GetCultureInfo("es-PE"))}",
            EstiloCelda.Subtitulo);
        if (tabla.Subtitulo is not null) hoja.Combinar(3, 1, 3, ultima, tabla.Subtitulo, EstiloCelda.Subtitulo);
        if (tabla.Completitud is { Completa: false } incompleta)
        {
            var nota = CompletitudReporte.Nota(incompleta, tabla.MotivoIncompleta) + $" Detalle en la hoja «{CompletitudReporte.Hoja}».";
            hoja.Combinar(4, 1, 4, ultima, nota, EstiloCelda.Nota);
            hoja.Alto(4, 30);
        }

        hoja.Ancho(ColCentro, 22);
        hoja.Ancho(ColPresupuestal, 20);
        hoja.Ancho(ColCodigo, 10);
        hoja.Ancho(ColActividad, 40);
        hoja.Ancho(ColUnidad, 12);
        hoja.Ancho(ColMeta, 10);

        var enc = FilaEncabezado;
        void Vertical(int col, string texto) => hoja.Combinar(enc, col, enc + 1, col, texto, EstiloCelda.Encabezado);
        Vertical(ColCentro, "Centro de costo");
        Vertical(ColPresupuestal, "Actividad presupuestal");
        Vertical(ColCodigo, "Código");
        Vertical(ColActividad, "Actividad operativa");
        Vertical(ColUnidad, "Unidad de medida");
        Vertical(ColMeta, "Meta física anual");
        foreach (var grupo in columnas.Skip(1).GroupBy(c => c.Datos.Grupo))
        {
            var cols = grupo.ToList();
            hoja.Combinar(enc, cols[0].Columna, enc, cols[^1].Columna, grupo.Key, EstiloCelda.Encabezado);
            foreach (var c in cols)
            {
                hoja.Texto(enc + 1, c.Columna, c.Datos.Titulo, EstiloCelda.Encabezado);
                hoja.Ancho(c.Columna, c.Ancho);
            }
        }
        hoja.Alto(enc, 30);
        hoja.Alto(enc + 1, 18);

        var primera = enc + 2;
        var fila = primera;
        foreach (var f in tabla.Filas)
        {
            hoja.Texto(fila, ColCentro, f.CentroCosto, EstiloCelda.Celda);
            hoja.Texto(fila, ColPresupuestal, f.ActividadPresupuestal, EstiloCelda.Celda);
            hoja.Texto(fila, ColCodigo, f.Codigo, EstiloCelda.CeldaCentrada);
            hoja.Texto(fila, ColActividad, f.Actividad, EstiloCelda.Celda);
            hoja.Texto(fila, ColUnidad, f.UnidadMedida, EstiloCelda.CeldaCentrada);
            var decimales = columnas.Where(c => !c.Datos.EsPorcentaje).Any(c => c.Datos.Valor(f) is { } v && Cantidades.TieneDecimales(v));
            foreach (var (columna, _, c) in columnas)
                hoja.Numero(fila, columna, c.Valor(f),
                    c.EsPorcentaje ? EstiloCelda.Porcentaje : c.Resaltado ? Cantidades.Resaltado(decimales) : Cantidades.Estilo(decimales));
            hoja.AltoParaTexto(fila, f.Actividad, hoja.AnchoDe(ColActividad));
            hoja.AltoParaTexto(fila, f.CentroCosto, hoja.AnchoDe(ColCentro));
            hoja.AltoParaTexto(fila, f.ActividadPresupuestal, hoja.AnchoDe(ColPresupuestal));
            fila++;
        }

        // TOTAL: what the offices print, a plain column sum. The percentage is not summed.
        var total = fila;
        hoja.Combinar(total, ColCentro, total, ColUnidad, "TOTAL", EstiloCelda.TotalTexto);
        foreach (var (columna, _, c) in columnas)
        {
            if (c.EsPorcentaje)
            {
                hoja.Estilo(total, columna, EstiloCelda.TotalPorcentaje);
                continue;
            }
            var valores = tabla.Filas.Select(c.Valor).ToList();
            var suma = tabla.Total(c)!.Value;
            var estilo = Cantidades.Total(valores.Any(v => v is { } x && Cantidades.TieneDecimales(x)));
            if (tabla.Filas.Count == 0) hoja.Numero(total, columna, 0, estilo);
            else hoja.Formula(total, columna, $"SUM({Referencia.Rango(primera, columna, total - 1, columna)})", suma, estilo);
        }

        hoja.Inmovilizar(enc + 1, ColActividad);
        hoja.TitulosImpresion(enc, enc + 1);
        if (tabla.Completitud is { Completa: false } faltan)
            TablaExcel.Escribir(libro, CompletitudReporte.Tabla(faltan, tabla.MotivoIncompleta), tabla.Entidad, tabla.Subtitulo, hoja.Pie ?? "");
        libro.Guardar(destino);
    }

    /// <summary>The model's numeric columns (<see cref="TablaEjecucion.Columnas"/>) placed from column F on, with their widths.</summary>
    private static IReadOnlyList<(int Columna, double Ancho, ColumnaEjecucion Datos)> Columnas(TablaEjecucion t) =>
        t.Columnas.Select((c, i) => (ColMeta + i, c.Mensual ? 9d : 10d, c)).ToList();

    private static void Validar(FilaEjecucion f)
    {
        if (f.Programado.Count != 12 || f.Ejecutado.Count != 12)
            throw new ArgumentException($"La actividad {f.Codigo} debe traer 12 meses programados y 12 ejecutados.");
        if (f.ProgramadoTrimestre.Count != 4 || f.EjecutadoTrimestre.Count != 4)
            throw new ArgumentException($"La actividad {f.Codigo} debe traer 4 trimestres programados y 4 ejecutados.");
    }
}
