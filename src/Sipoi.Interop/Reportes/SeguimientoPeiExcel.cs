using System.Globalization;
using Sipoi.Domain.Evaluacion;
using Sipoi.Interop.Reportes.Office;

namespace Sipoi.Interop.Reportes;

/// <summary>
/// Writes the PEI follow-up annex (Anexo B-7 of the Aplicativo CEPLAN V.01) as one sheet with the application's
/// columns: COD. · INDICADOR · PARAMETRO DE MEDICION · LINEA BASE (Año, Valor) · VALOR ACTUAL (Año, Valor) ·
/// LOGRO ESPERADO, VALOR OBTENIDO and AVANCE (%) per PEI year · UE · UNIDAD ORGANICA RESPONSABLE.
/// The application repeats the header above each block (a web page); the sheet prints it once, frozen and repeated
/// on every printed page, and keeps each block's heading row.
/// </summary>
public static class SeguimientoPeiExcel
{
    public const string NombreHoja = "Anexo B-7";
    public const string TituloAnexo = "Anexo B-7";
    public const string Titulo = "SEGUIMIENTO DEL PLAN ESTRATÉGICO INSTITUCIONAL (PEI)";
    public const string NotaTruncado = "NOTA : El porcentaje de avance de los indicadores ha sido truncado en 100 %";
    public const string NotaLogroCero = "(*): Avance porcentual no calculado debido a que el logro esperado es cero";
    public const string NotaSipoi = "Valor obtenido: solo los valores validados por la oficina de planeamiento (ND: no disponible). " +
                                    "SIPOI no registra el valor actual del indicador: esas columnas quedan en blanco.";

    internal const int ColCodigo = 1, ColIndicador = 2, ColParametro = 3, ColLineaBase = 4, ColValorActual = 6, ColPrimerAnio = 8;

    public static void Escribir(SeguimientoPei anexo, Stream destino)
    {
        ArgumentNullException.ThrowIfNull(anexo);
        var anios = anexo.Anios;
        foreach (var i in anexo.Bloques.SelectMany(b => b.Indicadores))
            if (!i.Valores.Select(v => v.Anio).SequenceEqual(anios))
                throw new ArgumentException($"El indicador {i.Codigo} debe traer un valor por cada año del PEI ({anexo.PeriodoPei}).", nameof(anexo));

        var n = anios.Count;
        int ColLogro(int k) => ColPrimerAnio + k;
        int ColObtenido(int k) => ColPrimerAnio + n + k;
        int ColAvance(int k) => ColPrimerAnio + 2 * n + k;
        var colUe = ColPrimerAnio + 3 * n;
        var colUnidad = colUe + 1;

        var libro = new LibroExcel();
        var hoja = libro.Hoja(NombreHoja);
        hoja.Pie = $"{anexo.Entidad} — Anexo B-7 Seguimiento del PEI {anexo.PeriodoPei}";

        var fila = 1;
        hoja.Texto(fila, ColCodigo, TituloAnexo, EstiloCelda.Etiqueta);
        fila++;
        hoja.Combinar(fila, 1, fila, colUnidad, Titulo, EstiloCelda.Subtitulo);
        fila += 2;
        foreach (var (etiqueta, valor) in new[]
                 {
                     ("Periodo PEI :", anexo.PeriodoPei), ("Nivel de Gobierno :", anexo.NivelGobierno),
                     ("Sector :", anexo.Sector), ("Pliego :", anexo.Pliego),
                 })
        {
            if (valor is null) continue;
            hoja.Combinar(fila, ColCodigo, fila, ColIndicador, etiqueta, EstiloCelda.Etiqueta);
            hoja.Combinar(fila, ColParametro, fila, colUnidad, valor, EstiloCelda.Texto);
            fila++;
        }
        fila++;

        var enc = fila;
        void Vertical(int col, string texto) => hoja.Combinar(enc, col, enc + 1, col, texto, EstiloCelda.Encabezado);
        void Grupo(int desde, int hasta, string texto) => hoja.Combinar(enc, desde, enc, hasta, texto, EstiloCelda.Encabezado);
        Vertical(ColCodigo, "COD.");
        Vertical(ColIndicador, "INDICADOR");
        Vertical(ColParametro, "PARAMETRO DE MEDICION");
        Grupo(ColLineaBase, ColLineaBase + 1, "LINEA BASE");
        Grupo(ColValorActual, ColValorActual + 1, "VALOR ACTUAL");
        foreach (var col in new[] { ColLineaBase, ColValorActual })
        {
            hoja.Texto(enc + 1, col, "Año", EstiloCelda.Encabezado);
            hoja.Texto(enc + 1, col + 1, "Valor", EstiloCelda.Encabezado);
        }
        Grupo(ColLogro(0), ColLogro(n - 1), "LOGRO ESPERADO");
        Grupo(ColObtenido(0), ColObtenido(n - 1), "VALOR OBTENIDO");
        Grupo(ColAvance(0), ColAvance(n - 1), "AVANCE (%)");
        for (var k = 0; k < n; k++)
            foreach (var col in new[] { ColLogro(k), ColObtenido(k), ColAvance(k) })
            {
                hoja.Texto(enc + 1, col, anios[k].ToString(CultureInfo.InvariantCulture), EstiloCelda.Encabezado);
                hoja.Ancho(col, col == ColAvance(k) ? 10 : 9);
            }
        Vertical(colUe, "UE");
        Vertical(colUnidad, "UNIDAD ORGANICA RESPONSABLE");
        hoja.Alto(enc, 30);
        hoja.Alto(enc + 1, 16);

        hoja.Ancho(ColCodigo, 17);
        hoja.Ancho(ColIndicador, 36);
        hoja.Ancho(ColParametro, 12);
        foreach (var col in new[] { ColLineaBase, ColValorActual }) { hoja.Ancho(col, 7); hoja.Ancho(col + 1, 9); }
        hoja.Ancho(colUe, 18);
        hoja.Ancho(colUnidad, 24);

        fila = enc + 2;
        var logroCero = false;
        foreach (var b in anexo.Bloques)
        {
            hoja.Combinar(fila, ColCodigo, fila, colUnidad, b.Titulo, EstiloCelda.TotalTexto);
            hoja.AltoParaTexto(fila, b.Titulo, hoja.AnchoDe(ColCodigo, colUnidad));
            fila++;
            foreach (var i in b.Indicadores)
            {
                var f = i.Ficha;
                hoja.Texto(fila, ColCodigo, i.Codigo, EstiloCelda.Celda);
                hoja.Texto(fila, ColIndicador, f.Nombre, EstiloCelda.Celda);
                hoja.Texto(fila, ColParametro, f.ParametroMedicion, EstiloCelda.CeldaCentrada);
                Anio(fila, ColLineaBase, f.LineaBaseAnio);
                Valor(fila, ColLineaBase + 1, f.LineaBaseAnio is null ? null : f.LineaBaseValor, f.LineaBaseAnio is not null, EstiloCelda.Decimal);
                Anio(fila, ColValorActual, f.ValorActualAnio);
                Valor(fila, ColValorActual + 1, f.ValorActual, f.ValorActualAnio is not null, EstiloCelda.Decimal);
                for (var k = 0; k < n; k++)
                {
                    var v = i.Valores[k];
                    Valor(fila, ColLogro(k), v.LogroEsperado, true, EstiloCelda.Decimal);
                    Valor(fila, ColObtenido(k), v.ValorObtenido, true, EstiloCelda.Decimal);
                    if (v.SinAvancePorLogroCero)
                    {
                        hoja.Texto(fila, ColAvance(k), "(*)", EstiloCelda.CeldaCentrada);
                        logroCero = true;
                    }
                    else Valor(fila, ColAvance(k), v.Avance, true, EstiloCelda.Porcentaje);
                }
                hoja.Texto(fila, colUe, f.UnidadEjecutora, EstiloCelda.Celda);
                hoja.Texto(fila, colUnidad, f.UnidadOrganica, EstiloCelda.Celda);
                hoja.AltoParaTexto(fila, f.Nombre, hoja.AnchoDe(ColIndicador));
                hoja.AltoParaTexto(fila, f.UnidadEjecutora, hoja.AnchoDe(colUe));
                hoja.AltoParaTexto(fila, f.UnidadOrganica, hoja.AnchoDe(colUnidad));
                fila++;
            }
            if (b.Indicadores.Count == 0)
            {
                hoja.Combinar(fila, ColCodigo, fila, colUnidad, "Sin indicadores registrados.", EstiloCelda.Nota);
                fila++;
            }
        }
        if (anexo.Bloques.Count == 0)
        {
            hoja.Combinar(fila, ColCodigo, fila, colUnidad, "El PEI no tiene objetivos registrados.", EstiloCelda.Nota);
            fila++;
        }

        fila++;
        foreach (var nota in logroCero ? new[] { NotaTruncado, NotaLogroCero, NotaSipoi } : [NotaTruncado, NotaSipoi])
        {
            hoja.Combinar(fila, ColCodigo, fila, colUnidad, nota, EstiloCelda.Nota);
            fila++;
        }

        hoja.Inmovilizar(enc + 1, ColIndicador);
        hoja.TitulosImpresion(enc, enc + 1);
        libro.Guardar(destino);

        void Anio(int r, int c, int? anio)
        {
            if (anio is { } a) hoja.Numero(r, c, a, EstiloCelda.CeldaCentrada);
            else hoja.Estilo(r, c, EstiloCelda.CeldaCentrada);
        }

        // ND where the annex prints it (a value that applies but is not available); an empty cell where nothing applies.
        void Valor(int r, int c, decimal? valor, bool aplica, EstiloCelda estilo)
        {
            if (valor is { } x) hoja.Numero(r, c, x, estilo);
            else if (aplica) hoja.Texto(r, c, BandaTexto.NoDisponible, EstiloCelda.CeldaCentrada);
            else hoja.Estilo(r, c, estilo);
        }
    }
}
