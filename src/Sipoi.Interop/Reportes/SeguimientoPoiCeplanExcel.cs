using System.Globalization;
using Sipoi.Domain.Evaluacion;
using Sipoi.Domain.Periodos;
using Sipoi.Interop.Reportes.Office;

namespace Sipoi.Interop.Reportes;

/// <summary>
/// Writes the «Reporte de seguimiento del Plan Operativo Institucional» of the Aplicativo CEPLAN V.01 (first semester,
/// docs/formatos-ceplan.md §2) as one landscape sheet with the application's columns: OBJETIVO ESTRATEGICO / ACCION
/// ESTRATÉGICA / ACTIVIDAD OPERATIVA · NIVEL DE PRIORIDAD · UNIDAD MEDIDA · TIPO DE AGREGACIÓN · PROG./EJE. · FISICO (one
/// column per month, AVANCE ACUMULADO., AVANCE % ACUMULADO) · FINANCIERO (one column per month, AVANCE ACUMULADO); the
/// AEI lines under each block and the summary figures at the end.
/// </summary>
public static class SeguimientoPoiCeplanExcel
{
    public const string NombreHoja = "Seguimiento POI";
    public const string Titulo = "REPORTE DE SEGUIMIENTO DEL PLAN OPERATIVO INSTITUCIONAL";
    public const string Truncados = "PORCENTAJE DE AVANCES TRUNCADOS AL 100%";

    /// <summary>The notes under the sheet: how SIPOI fills what the application computes (docs/formatos-ceplan.md).</summary>
    public static readonly IReadOnlyList<string> Notas =
    [
        "(i) Forman parte del reporte las AO de la versión vigente del POI con meta física anual mayor a cero; la ejecución es la que cuenta en SIPOI (meses aprobados, o también enviados si la entidad los muestra).",
        "(ii) AVANCE ACUMULADO según el TIPO DE AGREGACIÓN: 'Acumulado Anual' suma los meses; 'Acumulado Mensual' toma el último mes; 'No Acumulado' se señala con '-'. En lo financiero se suman los meses.",
        "(iii) AVANCE % ACUMULADO = ejecución acumulada / programación acumulada × 100; en 'No Acumulado', el promedio de ejecución / programación × 100 de los meses con meta.",
        "(iv) 'S.I.': seguimiento incompleto, un mes con meta cuyo plazo (último día del mes siguiente) venció sin ejecución registrada.",
        "(v) 'S.P.': sin programación física en el periodo.",
        "(vi) EJECUCIÓN FÍSICA POR AEI = promedio del AVANCE % ACUMULADO de sus AO; sin valor si alguna está en S.I.; no entran las AO con '-' ni S.P.",
        "(vii) PROMEDIO DE EJECUCIÓN FÍSICA = promedio de la EJECUCIÓN FÍSICA POR AEI. NIVEL DE PRIORIDAD: el número de prioridad registrado en SIPOI (1 = la más alta).",
    ];

    internal const int ColActividad = 1, ColPrioridad = 2, ColUnidad = 3, ColTipo = 4, ColProgEje = 5, ColPrimerMes = 6;

    public static void Escribir(SeguimientoPoiCeplan r, Stream destino)
    {
        ArgumentNullException.ThrowIfNull(r);
        var meses = r.Meses;
        var n = meses.Count;
        int ColFisico(int k) => ColPrimerMes + k;
        var colFisicoAcum = ColPrimerMes + n;
        var colAvance = colFisicoAcum + 1;
        int ColFinanciero(int k) => colAvance + 1 + k;
        var colFinancieroAcum = colAvance + 1 + n;
        var ultima = colFinancieroAcum;

        var libro = new LibroExcel();
        var hoja = libro.Hoja(NombreHoja);
        hoja.Pie = $"{r.Pliego} — Reporte de seguimiento del POI {r.Anio.ToString(CultureInfo.InvariantCulture)}";

        var fila = 1;
        hoja.Combinar(fila, 1, fila, ultima, Titulo, EstiloCelda.Subtitulo);
        fila++;
        hoja.Combinar(fila, 1, fila, ultima, $"Año : {r.Anio.ToString(CultureInfo.InvariantCulture)}", EstiloCelda.Etiqueta);
        fila += 2;
        foreach (var (etiqueta, valor) in new[] { ("PLIEGO :", r.Pliego), ("CC:", "Todos") })
        {
            hoja.Texto(fila, ColActividad, etiqueta, EstiloCelda.Etiqueta);
            hoja.Combinar(fila, ColPrioridad, fila, ultima, valor, EstiloCelda.Texto);
            fila++;
        }
        hoja.Combinar(fila, 1, fila, ultima, Truncados, EstiloCelda.Texto);
        fila += 2;

        var enc = fila;
        void Vertical(int col, string texto) => hoja.Combinar(enc, col, enc + 1, col, texto, EstiloCelda.Encabezado);
        Vertical(ColActividad, "OBJETIVO ESTRATEGICO / ACCION ESTRATÉGICA / ACTIVIDAD OPERATIVA");
        Vertical(ColPrioridad, "NIVEL DE PRIORIDAD");
        Vertical(ColUnidad, "UNIDAD MEDIDA");
        Vertical(ColTipo, "TIPO DE AGREGACIÓN");
        Vertical(ColProgEje, "PROG./ EJE.");
        hoja.Combinar(enc, ColFisico(0), enc, colAvance, "FISICO", EstiloCelda.Encabezado);
        hoja.Combinar(enc, ColFinanciero(0), enc, colFinancieroAcum, "FINANCIERO", EstiloCelda.Encabezado);
        for (var k = 0; k < n; k++)
        {
            var mes = Mes(meses[k]);
            hoja.Texto(enc + 1, ColFisico(k), mes, EstiloCelda.Encabezado);
            hoja.Texto(enc + 1, ColFinanciero(k), mes, EstiloCelda.Encabezado);
            hoja.Ancho(ColFisico(k), 7);
            hoja.Ancho(ColFinanciero(k), 11);
        }
        hoja.Texto(enc + 1, colFisicoAcum, "AVANCE ACUMULADO.", EstiloCelda.Encabezado);
        hoja.Texto(enc + 1, colAvance, "AVANCE % ACUMULADO", EstiloCelda.Encabezado);
        hoja.Texto(enc + 1, colFinancieroAcum, "AVANCE ACUMULADO", EstiloCelda.Encabezado);
        hoja.Alto(enc, 20);
        hoja.Alto(enc + 1, 30);
        hoja.Ancho(ColActividad, 34);
        hoja.Ancho(ColPrioridad, 10);
        hoja.Ancho(ColUnidad, 13);
        hoja.Ancho(ColTipo, 13);
        hoja.Ancho(ColProgEje, 7);
        // Wide enough for "AVANCE ACUMULADO." and "AVANCE % ACUMULADO" on two lines (seen in LibreOffice's PDF).
        hoja.Ancho(colFisicoAcum, 12);
        hoja.Ancho(colAvance, 12);
        hoja.Ancho(colFinancieroAcum, 13);

        fila = enc + 2;
        foreach (var o in r.Oeis)
        {
            hoja.Combinar(fila, 1, fila, ultima, o.Titulo, EstiloCelda.TotalTexto);
            fila++;
            foreach (var a in o.Aeis)
            {
                hoja.Combinar(fila, 1, fila, ultima, a.Titulo, EstiloCelda.TotalTexto);
                fila++;
                foreach (var f in a.Actividades)
                {
                    hoja.Combinar(fila, ColActividad, fila + 1, ColActividad, f.Actividad, EstiloCelda.Celda);
                    hoja.Combinar(fila, ColPrioridad, fila + 1, ColPrioridad, f.Origen.Prioridad?.ToString(CultureInfo.InvariantCulture), EstiloCelda.CeldaCentrada);
                    hoja.Combinar(fila, ColUnidad, fila + 1, ColUnidad, f.Origen.UnidadMedida, EstiloCelda.CeldaCentrada);
                    hoja.Combinar(fila, ColTipo, fila + 1, ColTipo, f.TipoAgregacion, EstiloCelda.CeldaCentrada);
                    hoja.Texto(fila, ColProgEje, "PROG.", EstiloCelda.CeldaCentrada);
                    hoja.Texto(fila + 1, ColProgEje, "EJEC.", EstiloCelda.CeldaCentrada);
                    for (var k = 0; k < n; k++)
                    {
                        hoja.Numero(fila, ColFisico(k), f.FisicoProgramado[k], EstiloCelda.Decimal);
                        hoja.Numero(fila + 1, ColFisico(k), f.FisicoEjecutado[k], EstiloCelda.Decimal);
                        hoja.Numero(fila, ColFinanciero(k), f.FinancieroProgramado[k], EstiloCelda.Decimal);
                        hoja.Numero(fila + 1, ColFinanciero(k), f.FinancieroEjecutado[k], EstiloCelda.Decimal);
                    }
                    Acumulado(fila, f.FisicoProgramadoAcumulado, f);
                    Acumulado(fila + 1, f.FisicoEjecutadoAcumulado, f);
                    if (f.Avance is { } v) hoja.CombinarNumero(fila, colAvance, fila + 1, colAvance, v, EstiloCelda.Decimal);
                    else hoja.Combinar(fila, colAvance, fila + 1, colAvance, f.Marca, EstiloCelda.CeldaCentrada);
                    hoja.Numero(fila, colFinancieroAcum, f.FinancieroProgramadoAcumulado, EstiloCelda.Decimal);
                    hoja.Numero(fila + 1, colFinancieroAcum, f.FinancieroEjecutadoAcumulado, EstiloCelda.Decimal);
                    hoja.AltoParaTexto(fila, f.Actividad, hoja.AnchoDe(ColActividad) * 0.5);
                    fila += 2;
                }
                hoja.Combinar(fila, ColActividad, fila, colFisicoAcum, $"EJECUCIÓN FÍSICA POR {a.Codigo}:", EstiloCelda.Etiqueta);
                if (a.EjecucionFisica is { } ef) hoja.Numero(fila, colAvance, ef, EstiloCelda.DecimalResaltado);
                else hoja.Texto(fila, colAvance, SeguimientoPoiCeplan.SeguimientoIncompleto, EstiloCelda.CeldaCentrada);
                hoja.Combinar(fila, ColFinanciero(0), fila, colFinancieroAcum - 1, $"EJECUCIÓN FINANCIERA POR {a.Codigo}:", EstiloCelda.Etiqueta);
                hoja.Numero(fila, colFinancieroAcum, a.EjecucionFinanciera, EstiloCelda.DecimalResaltado);
                fila++;
            }
        }
        if (r.Oeis.Count == 0)
        {
            hoja.Combinar(fila, 1, fila, ultima, "No hay actividades operativas con meta física en el año.", EstiloCelda.Nota);
            fila++;
        }

        fila++;
        foreach (var (etiqueta, valor, estilo) in new (string, decimal?, EstiloCelda)[]
                 {
                     ("PROMEDIO DE EJECUCIÓN FÍSICA (%)", r.PromedioFisico, EstiloCelda.DecimalResaltado),
                     ("MEDIANA DEL AV% DEL POI", r.Mediana, EstiloCelda.DecimalResaltado),
                     ("TOTAL DE PROGRAMACIÓN FINANCIERA", r.TotalProgramadoFinanciero, EstiloCelda.DecimalResaltado),
                     ("TOTAL DE EJECUCIÓN FINANCIERA", r.TotalEjecutadoFinanciero, EstiloCelda.DecimalResaltado),
                     ("AO CON INFORMACIÓN COMPLETA", r.ConInformacionCompleta, EstiloCelda.EnteroResaltado),
                     ("AO CON INFORMACIÓN INCOMPLETA", r.ConInformacionIncompleta, EstiloCelda.EnteroResaltado),
                 })
        {
            hoja.Combinar(fila, ColFinanciero(0), fila, colFinancieroAcum - 1, etiqueta, EstiloCelda.Etiqueta);
            if (valor is { } x) hoja.Numero(fila, colFinancieroAcum, x, estilo);
            else hoja.Texto(fila, colFinancieroAcum, BandaTexto.NoDisponible, EstiloCelda.CeldaCentrada);
            fila++;
        }
        fila++;
        foreach (var nota in Notas)
        {
            hoja.Combinar(fila, 1, fila, ultima, nota, EstiloCelda.Nota);
            hoja.AltoParaTexto(fila, nota, hoja.AnchoDe(1, ultima));
            fila++;
        }

        hoja.Inmovilizar(enc + 1, ColPrioridad);
        hoja.TitulosImpresion(enc, enc + 1);
        libro.Guardar(destino);

        void Acumulado(int r0, decimal? valor, FilaAoCeplan f)
        {
            if (f.SinAcumulado) hoja.Texto(r0, colFisicoAcum, SeguimientoPoiCeplan.NoAcumulado, EstiloCelda.CeldaCentrada);
            else hoja.Numero(r0, colFisicoAcum, valor, EstiloCelda.Decimal);
        }
    }

    /// <summary>"Ene", "Feb" … "Set" … "Dic", as the application heads its month columns.</summary>
    public static string Mes(int mes) => Meses.Nombre(mes)[..3];
}
