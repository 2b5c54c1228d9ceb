namespace Sipoi.Interop.Reportes.Office;

/// <summary>Draws a <see cref="TablaDatos"/> on its own sheet: title lines, one header row (frozen, repeated when printed), rows, TOTAL.</summary>
internal static class TablaExcel
{
    public const int FilaEncabezado = 5;

    public static HojaExcel Escribir(LibroExcel libro, TablaDatos t, string entidad, string? subtitulo, string pie)
    {
        var hoja = libro.Hoja(t.Nombre);
        hoja.Pie = pie;
        var n = t.Columnas.Count;
        // A narrow table prints better upright.
        hoja.Horizontal = t.Columnas.Sum(c => c.Ancho) > 100;
        for (var c = 0; c < n; c++) hoja.Ancho(c + 1, t.Columnas[c].Ancho);

        hoja.Combinar(1, 1, 1, n, entidad, EstiloCelda.Titulo);
        hoja.Alto(1, 20);
        hoja.Combinar(2, 1, 2, n, t.Titulo, EstiloCelda.Subtitulo);
        hoja.AltoParaTexto(2, t.Titulo, hoja.AnchoDe(1, n));
        if (subtitulo is not null) hoja.Combinar(3, 1, 3, n, subtitulo, EstiloCelda.Subtitulo);

        var enc = FilaEncabezado;
        for (var c = 0; c < n; c++)
        {
            hoja.Texto(enc, c + 1, t.Columnas[c].Titulo, EstiloCelda.Encabezado);
            hoja.AltoParaTexto(enc, t.Columnas[c].Titulo, t.Columnas[c].Ancho);
        }

        var primera = enc + 1;
        var fila = primera;
        foreach (var f in t.Filas) EscribirFila(hoja, t, f, fila++, primera);
        var ultimaDatos = fila - 1;
        if (t.Total is { } total)
        {
            EscribirFila(hoja, t, total with { Resaltada = true }, fila, primera, ultimaDatos);
            // "TOTAL INGRESOS" spans the empty text cells that follow it.
            var hasta = 1;
            while (hasta < total.Celdas.Count && total.Celdas[hasta] is TextoDatos { Contenido: "" }) hasta++;
            if (hasta > 1 && total.Celdas[0] is TextoDatos etiqueta)
                hoja.Combinar(fila, 1, fila, hasta, etiqueta.Contenido, EstiloCelda.TotalTexto);
            fila++;
        }
        if (t.Nota is not null)
        {
            fila++;
            hoja.Combinar(fila, 1, fila, n, t.Nota, EstiloCelda.Nota);
            hoja.AltoParaTexto(fila, t.Nota, hoja.AnchoDe(1, n), 12);
        }

        hoja.Inmovilizar(enc, 0);
        hoja.TitulosImpresion(enc, enc);
        return hoja;
    }

    private static void EscribirFila(HojaExcel hoja, TablaDatos t, FilaDatos f, int fila, int primera, int? ultimaDatos = null)
    {
        for (var c = 0; c < f.Celdas.Count && c < t.Columnas.Count; c++)
        {
            var col = c + 1;
            switch (f.Celdas[c])
            {
                case TextoDatos x:
                    hoja.Texto(fila, col, x.Contenido, f.Resaltada ? EstiloCelda.TotalTexto : x.Centrado ? EstiloCelda.CeldaCentrada : EstiloCelda.Celda);
                    hoja.AltoParaTexto(fila, x.Contenido, t.Columnas[c].Ancho);
                    break;
                case NumeroDatos x:
                    hoja.Numero(fila, col, x.Valor, Estilo(x.Formato, f.Resaltada));
                    break;
                case BandaDatos x:
                    hoja.Texto(fila, col, x.Contenido, x.Valor is null && !x.Nd ? EstiloCelda.CeldaCentrada : Cantidades.Banda(x.Valor));
                    hoja.AltoParaTexto(fila, x.Contenido, t.Columnas[c].Ancho);
                    break;
                case SumaDatos { Desde: { } d, Hasta: { } h } x:
                    hoja.Formula(fila, col, $"SUM({Referencia.Rango(fila, d + 1, fila, h + 1)})", x.Valor, Estilo(x.Formato, f.Resaltada));
                    break;
                case SumaDatos x when ultimaDatos is { } u && u >= primera:
                    hoja.Formula(fila, col, $"SUM({Referencia.Rango(primera, col, u, col)})", x.Valor, Estilo(x.Formato, f.Resaltada));
                    break;
                case SumaDatos x:
                    hoja.Numero(fila, col, x.Valor, Estilo(x.Formato, f.Resaltada));
                    break;
            }
        }
    }

    private static EstiloCelda Estilo(FormatoDatos formato, bool resaltada) => (formato, resaltada) switch
    {
        (FormatoDatos.Entero, false) => EstiloCelda.Entero,
        (FormatoDatos.Decimal, false) => EstiloCelda.Decimal,
        (FormatoDatos.Porcentaje, false) => EstiloCelda.Porcentaje,
        (FormatoDatos.Entero, true) => EstiloCelda.TotalEntero,
        (FormatoDatos.Decimal, true) => EstiloCelda.TotalDecimal,
        (FormatoDatos.PorcentajeEntero, false) => EstiloCelda.PorcentajeEntero,
        (FormatoDatos.PorcentajeEntero, true) => EstiloCelda.TotalPorcentajeEntero,
        _ => EstiloCelda.TotalPorcentaje,
    };
}
