using System.Globalization;
using Sipoi.Domain.Periodos;
using Sipoi.Interop.Reportes.Office;

namespace Sipoi.Interop.Reportes;

/// <summary>
/// Writes the POI matrix (.xlsx): one sheet per <see cref="HojaMatrizPoi"/>, laid out as the
/// reference POI: title, header lines, alignment table, then the activity table with the 12 months,
/// the 4 quarter subtotals (shaded) and the annual quantity. Group headings ("I. Actividades de Gestión
/// Presupuestal") are rows above their activities; after the annual quantity, narrow import columns (Código, AEI,
/// Comportamiento, Centro de costo, Ficha, Grupo) carry what the reference POI leaves implicit, so the workbook imports
/// back as the same POI (ImportacionExcel/LectorPoiExcel; README.md).
/// </summary>
public static class MatrizPoiExcel
{
    // Columns of the activity table; the header block and alignment table share them.
    private const int ColNumero = 1, ColNombre = 2, ColUnidad = 3, ColResponsable = 4, ColInicio = 5, ColFin = 6, ColMeta = 7;
    private const int ColPrimerMes = 8;
    private const int ColAnual = ColPrimerMes + 16;
    private const int Ultima = ColAnual;

    /// <summary>
    /// The import columns after "Cantidad Anual programada": what identifies each activity beyond the reference POI's
    /// columns. A sheet gets those some activity of it has a value for, side by side from column Y.
    /// </summary>
    private static readonly (string Titulo, double Ancho, Func<ActividadMatriz, string?> Valor)[] ColumnasImportacion =
    [
        ("Código", 15, a => a.Codigo),
        ("AEI", 10, a => a.AeiCodigo),
        ("Comportamiento", 11, a => a.Comportamiento?.Nombre()),
        ("Centro de costo", 9, a => a.CentroCosto),
        ("Ficha", 7, a => a.Ficha),
        // The group again on each row: a cost-centre sheet mixes fichas, and an activity without group may follow a heading.
        ("Grupo", 24, a => a.Grupo),
    ];

    public static void Escribir(MatrizPoi matriz, Stream destino)
    {
        ArgumentNullException.ThrowIfNull(matriz);
        var libro = new LibroExcel();
        foreach (var h in matriz.Hojas) EscribirHoja(libro, matriz, h);
        libro.Guardar(destino);
    }

    /// <summary>Column of month <paramref name="mes"/> (each quarter is 3 months then its subtotal).</summary>
    internal static int ColumnaMes(int mes) => ColPrimerMes + (mes - 1) + (mes - 1) / 3;

    internal static int ColumnaTrimestre(int trimestre) => ColPrimerMes + 4 * trimestre - 1;

    private static void EscribirHoja(LibroExcel libro, MatrizPoi m, HojaMatrizPoi h)
    {
        foreach (var a in h.Actividades) Validar(a);
        var hoja = libro.Hoja(h.Codigo);
        hoja.Pie = $"{m.Entidad} — POI {m.Anio.ToString(CultureInfo.InvariantCulture)} — {h.FichaProceso ?? h.UnidadOrganica}";

        hoja.Ancho(ColNumero, 7);
        hoja.Ancho(ColNombre, 44);
        hoja.Ancho(ColUnidad, 13);
        hoja.Ancho(ColResponsable, 17);
        hoja.Ancho(ColInicio, 10);
        hoja.Ancho(ColFin, 11);
        hoja.Ancho(ColMeta, 9);
        for (var mes = 1; mes <= 12; mes++) hoja.Ancho(ColumnaMes(mes), 6.5);
        for (var t = 1; t <= 4; t++) hoja.Ancho(ColumnaTrimestre(t), 9.5);
        hoja.Ancho(ColAnual, 11);
        var importacion = ColumnasImportacion.Where(c => h.Actividades.Any(a => c.Valor(a) is not null))
            .Select((c, i) => (Columna: ColAnual + 1 + i, c.Titulo, c.Valor)).ToList();
        foreach (var (columna, titulo, _) in importacion) hoja.Ancho(columna, ColumnasImportacion.Single(c => c.Titulo == titulo).Ancho);

        var fila = 1;
        hoja.Combinar(fila, 1, fila, Ultima, m.Entidad, EstiloCelda.Titulo);
        hoja.Alto(fila++, 20);
        hoja.Combinar(fila, 1, fila, Ultima, m.Titulo, EstiloCelda.Subtitulo);
        fila++;
        hoja.Combinar(fila, 1, fila, Ultima, $"AÑO {m.Anio.ToString(CultureInfo.InvariantCulture)}", EstiloCelda.Subtitulo);
        fila += 2;

        Linea(hoja, ref fila, "Periodo del PEI", m.PeriodoPei);
        Linea(hoja, ref fila, "Unidad Orgánica", h.UnidadOrganica);
        Linea(hoja, ref fila, "Ficha de Proceso", h.FichaProceso);
        Linea(hoja, ref fila, "Responsable del Proceso", h.ResponsableProceso);
        Linea(hoja, ref fila, "Objetivo del Proceso", h.ObjetivoProceso);
        fila++;

        if (h.Alineamiento.Count > 0)
        {
            EscribirAlineamiento(hoja, m.Anio, h.Alineamiento, fila);
            fila += h.Alineamiento.Count + 2;
        }

        var encabezado = fila;
        EscribirEncabezado(hoja, encabezado, importacion);
        fila = encabezado + 2;
        string? grupo = null;
        foreach (var a in h.Actividades)
        {
            // A group heading row each time the group changes, as the reference POI prints it (and the import reads it back).
            if (a.Grupo is not null && a.Grupo != grupo)
            {
                hoja.Combinar(fila, ColNumero, fila, Ultima, a.Grupo, EstiloCelda.Etiqueta);
                hoja.AltoParaTexto(fila, a.Grupo, hoja.AnchoDe(ColNumero, Ultima));
                fila++;
            }
            grupo = a.Grupo ?? grupo;
            EscribirActividad(hoja, fila++, a, importacion);
        }
        if (h.Actividades.Count == 0)
            hoja.Combinar(fila, 1, fila, Ultima, "Sin actividades operativas programadas.", EstiloCelda.Nota);

        hoja.Inmovilizar(encabezado + 1, ColNombre);
        hoja.TitulosImpresion(encabezado, encabezado + 1);
    }

    private static void Linea(HojaExcel hoja, ref int fila, string etiqueta, string? valor)
    {
        if (valor is null) return;
        hoja.Combinar(fila, 1, fila, ColNombre, etiqueta + " :", EstiloCelda.Etiqueta);
        hoja.Combinar(fila, ColUnidad, fila, Ultima, valor, EstiloCelda.Texto);
        hoja.AltoParaTexto(fila, valor, hoja.AnchoDe(ColUnidad, Ultima));
        fila++;
    }

    private static void EscribirAlineamiento(HojaExcel hoja, int anio, IReadOnlyList<AlineamientoMatriz> lineas, int fila)
    {
        // OEI | AEI | Indicador | Unidad | Meta, spread over the activity table's columns.
        (int Desde, int Hasta)[] cols = [(1, 2), (3, 6), (7, 16), (17, 20), (21, Ultima)];
        string[] titulos = ["Objetivo Estratégico Institucional", "Acción Estratégica Institucional", "Indicador", "Unidad de Medida",
            $"Meta año {anio.ToString(CultureInfo.InvariantCulture)}"];
        for (var i = 0; i < cols.Length; i++) hoja.Combinar(fila, cols[i].Desde, fila, cols[i].Hasta, titulos[i], EstiloCelda.Encabezado);
        hoja.Alto(fila, 30);

        var primera = fila + 1;
        for (var i = 0; i < lineas.Count; i++)
        {
            var l = lineas[i];
            var f = primera + i;
            var aei = $"{l.AeiCodigo} : {l.AeiEnunciado}";
            hoja.Combinar(f, cols[1].Desde, f, cols[1].Hasta, aei, EstiloCelda.Celda);
            hoja.Combinar(f, cols[2].Desde, f, cols[2].Hasta, l.Indicador, EstiloCelda.Celda);
            hoja.Combinar(f, cols[3].Desde, f, cols[3].Hasta, l.UnidadMedida, EstiloCelda.CeldaCentrada);
            hoja.CombinarNumero(f, cols[4].Desde, f, cols[4].Hasta, l.Meta,
                Cantidades.Estilo(l.Meta is { } meta && Cantidades.TieneDecimales(meta)));
            hoja.AltoParaTexto(f, aei, hoja.AnchoDe(cols[1].Desde, cols[1].Hasta));
            hoja.AltoParaTexto(f, l.Indicador, hoja.AnchoDe(cols[2].Desde, cols[2].Hasta));
        }

        // As printed, one OEI cell spans the consecutive lines of its AEIs.
        var inicio = 0;
        for (var i = 1; i <= lineas.Count; i++)
        {
            if (i < lineas.Count && lineas[i].OeiCodigo == lineas[inicio].OeiCodigo) continue;
            var oei = $"{lineas[inicio].OeiCodigo} : {lineas[inicio].OeiEnunciado}";
            hoja.Combinar(primera + inicio, cols[0].Desde, primera + i - 1, cols[0].Hasta, oei, EstiloCelda.Celda);
            if (i - inicio == 1) hoja.AltoParaTexto(primera + inicio, oei, hoja.AnchoDe(cols[0].Desde, cols[0].Hasta));
            inicio = i;
        }
    }

    private static void EscribirEncabezado(HojaExcel hoja, int fila, IReadOnlyList<(int Columna, string Titulo, Func<ActividadMatriz, string?> Valor)> importacion)
    {
        void Vertical(int col, string texto) => hoja.Combinar(fila, col, fila + 1, col, texto, EstiloCelda.Encabezado);
        Vertical(ColNumero, "Número");
        Vertical(ColNombre, "Actividad Operativa / Inversiones");
        Vertical(ColUnidad, "Unidad de Medida");
        Vertical(ColResponsable, "Responsable");
        Vertical(ColInicio, "Fecha de inicio");
        Vertical(ColFin, "Fecha de finalización");
        Vertical(ColMeta, "Meta");
        hoja.Combinar(fila, ColPrimerMes, fila, ColAnual - 1, "Programación Mensual", EstiloCelda.Encabezado);
        Vertical(ColAnual, "Cantidad Anual programada");
        foreach (var (columna, titulo, _) in importacion) Vertical(columna, titulo);
        for (var mes = 1; mes <= 12; mes++) hoja.Texto(fila + 1, ColumnaMes(mes), Meses.Inicial(mes), EstiloCelda.Encabezado);
        for (var t = 1; t <= 4; t++) hoja.Texto(fila + 1, ColumnaTrimestre(t), Periodo.Trimestre(t).Nombre, EstiloCelda.Encabezado);
        hoja.Alto(fila, 18);
        hoja.Alto(fila + 1, 30);
    }

    private static void EscribirActividad(HojaExcel hoja, int fila, ActividadMatriz a,
        IReadOnlyList<(int Columna, string Titulo, Func<ActividadMatriz, string?> Valor)> importacion)
    {
        var decimales = Cantidades.TieneDecimales(a.Meses) || Cantidades.TieneDecimales(a.Trimestres)
                        || Cantidades.TieneDecimales(a.MetaAnual) || Cantidades.TieneDecimales(a.Anual);
        var estilo = Cantidades.Estilo(decimales);
        hoja.Texto(fila, ColNumero, a.Numero, EstiloCelda.CeldaCentrada);
        hoja.Texto(fila, ColNombre, a.Nombre, EstiloCelda.Celda);
        hoja.Texto(fila, ColUnidad, a.UnidadMedida, EstiloCelda.CeldaCentrada);
        hoja.Texto(fila, ColResponsable, a.Responsable, EstiloCelda.Celda);
        hoja.Texto(fila, ColInicio, Meses.Nombre(a.MesInicio), EstiloCelda.CeldaCentrada);
        hoja.Texto(fila, ColFin, Meses.Nombre(a.MesFin), EstiloCelda.CeldaCentrada);
        hoja.Numero(fila, ColMeta, a.MetaAnual, estilo);
        // A month without a target is left blank, as the offices print it; quarters always show.
        for (var mes = 1; mes <= 12; mes++)
            hoja.Numero(fila, ColumnaMes(mes), a.Meses[mes - 1] == 0 ? null : a.Meses[mes - 1], estilo);
        for (var t = 1; t <= 4; t++)
            hoja.Numero(fila, ColumnaTrimestre(t), a.Trimestres[t - 1], Cantidades.Resaltado(decimales));
        hoja.Numero(fila, ColAnual, a.Anual, Cantidades.Resaltado(decimales));
        foreach (var (columna, titulo, valor) in importacion)
        {
            var texto = valor(a);
            hoja.Texto(fila, columna, texto, titulo == "Grupo" ? EstiloCelda.Celda : EstiloCelda.CeldaCentrada);
            hoja.AltoParaTexto(fila, texto, hoja.AnchoDe(columna));
        }
        hoja.AltoParaTexto(fila, a.Nombre, hoja.AnchoDe(ColNombre));
        hoja.AltoParaTexto(fila, a.Responsable, hoja.AnchoDe(ColResponsable));
        hoja.AltoParaTexto(fila, a.UnidadMedida, hoja.AnchoDe(ColUnidad));
    }

    private static void Validar(ActividadMatriz a)
    {
        if (a.Meses.Count != 12)
            throw new ArgumentException($"La actividad {a.Numero} debe traer 12 meses y trae {a.Meses.Count}.");
        if (a.Trimestres.Count != 4)
            throw new ArgumentException($"La actividad {a.Numero} debe traer 4 trimestres y trae {a.Trimestres.Count}.");
        if (a.MesInicio is < 1 or > 12 || a.MesFin is < 1 or > 12)
            throw new ArgumentException($"La actividad {a.Numero} tiene un mes de inicio o fin fuera de 1–12.");
    }
}
