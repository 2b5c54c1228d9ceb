using System.Globalization;
using System.Text;
using Sipoi.Interop.Reportes;
using Sipoi.Web.Data;
using Sipoi.Web.Entidades;

namespace Sipoi.Web.Reportes;

/// <summary>
/// The downloadable reports of DOMAIN.md §6 per POI year (the recommendations matrix spans years: Pages/Informes).
/// <see cref="MatrizPorCentro"/> is the POI matrix grouped by cost centre, the workbook of the page /poi/{año}/centros.
/// </summary>
public enum TipoReporte { Matriz, Ejecucion, Seguimiento, Presupuesto, Informe, MatrizPorCentro, Poi, SeguimientoPei, SeguimientoPoi }

/// <summary>A generated file: bytes, the Spanish download name and its MIME type.</summary>
public sealed record ArchivoReporte(byte[] Contenido, string Nombre, string Mime);

/// <summary>
/// One report with its options, validated the same way for the web and the command line.
/// <see cref="Periodo"/> applies to the monitoring tables and the evaluation report (T1…T4, S1, S2 or ANUAL);
/// <see cref="HastaMes"/> to the execution table.
/// </summary>
public sealed record SolicitudReporte(TipoReporte Tipo, Periodo Periodo, int HastaMes)
{
    /// <summary>The evaluation report's number on its cover ("Informe N.° 001-2024-OPP"); null: a blank line to fill in.</summary>
    public string? Numero { get; init; }

    /// <summary>The generation date: on the evaluation report's cover (null: a blank line); for the POI follow-up report, which months' deadlines passed.</summary>
    public DateOnly? Fecha { get; init; }

    public const int LargoMaximoNumero = 80;

    public const string MimeXlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string MimeDocx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string MimePdf = "application/pdf";

    /// <summary>Code used in URLs and in `sipoi reporte --tipo`.</summary>
    public static string Codigo(TipoReporte t) => t switch
    {
        TipoReporte.Matriz => "matriz",
        TipoReporte.Ejecucion => "ejecucion",
        TipoReporte.Seguimiento => "seguimiento",
        TipoReporte.Presupuesto => "presupuesto",
        TipoReporte.Informe => "informe",
        TipoReporte.MatrizPorCentro => "matriz-centros",
        TipoReporte.Poi => "poi",
        TipoReporte.SeguimientoPei => "seguimiento-pei",
        TipoReporte.SeguimientoPoi => "seguimiento-poi",
        _ => throw new ArgumentOutOfRangeException(nameof(t)),
    };

    public static bool TryTipo(string? codigo, out TipoReporte tipo)
    {
        foreach (var t in Enum.GetValues<TipoReporte>())
            if (string.Equals(Codigo(t), codigo?.Trim(), StringComparison.OrdinalIgnoreCase)) { tipo = t; return true; }
        tipo = default;
        return false;
    }

    public static string Nombre(TipoReporte t) => t switch
    {
        TipoReporte.Matriz => "Matriz del POI por ficha de proceso o centro de costo",
        TipoReporte.Ejecucion => "Ejecución física hasta un mes de corte",
        TipoReporte.Seguimiento => "Tablas de seguimiento (OEI/AEI, centros de costo, IGI, indicadores)",
        TipoReporte.Presupuesto => "Resumen del presupuesto (ingresos, egresos, bienes y servicios por centro de costo)",
        TipoReporte.Informe => "Informe de evaluación del POI",
        TipoReporte.MatrizPorCentro => "Matriz del POI por centro de costo",
        TipoReporte.Poi => "Documento del POI para su aprobación",
        TipoReporte.SeguimientoPei => "Anexo B-7: seguimiento del PEI (formato del aplicativo CEPLAN V.01)",
        TipoReporte.SeguimientoPoi => "Reporte de seguimiento del POI, I semestre (formato del aplicativo CEPLAN V.01)",
        _ => throw new ArgumentOutOfRangeException(nameof(t)),
    };

    /// <summary>
    /// Reads and checks the options; returns the Spanish message of the first problem, or null.
    /// Absent options take their defaults (period ANUAL, cut-off month 12); an option the report does not use is refused
    /// when <paramref name="estricto"/> (the command line), ignored otherwise (a web form may send every field).
    /// </summary>
    public static string? Leer(TipoReporte tipo, string? periodo, string? hastaMes, bool estricto, out SolicitudReporte solicitud, string? numero = null)
    {
        solicitud = new SolicitudReporte(tipo, Periodo.Anual, 12);
        var usaPeriodo = tipo is TipoReporte.Seguimiento or TipoReporte.Informe;
        var usaMes = tipo == TipoReporte.Ejecucion;
        if (estricto && !usaPeriodo && !string.IsNullOrWhiteSpace(periodo))
            return $"el reporte {Codigo(tipo)} no usa periodo (solo seguimiento e informe).";
        if (estricto && !usaMes && !string.IsNullOrWhiteSpace(hastaMes))
            return $"el reporte {Codigo(tipo)} no usa mes de corte (solo ejecucion).";

        var p = Periodo.Anual;
        if (usaPeriodo && !string.IsNullOrWhiteSpace(periodo))
        {
            if (!Periodo.TryParse(periodo, out p) || !ConstructorReportes.PeriodosEvaluacion.Contains(p))
                return Periodo.NoValido(periodo, ConstructorReportes.PeriodosEvaluacion);
        }
        var mes = 12;
        if (usaMes && !string.IsNullOrWhiteSpace(hastaMes))
        {
            if (!int.TryParse(hastaMes, NumberStyles.None, CultureInfo.InvariantCulture, out mes) || mes is < 1 or > 12)
                return $"mes de corte no válido «{hastaMes}»: use un número de 1 a 12.";
        }
        numero = string.IsNullOrWhiteSpace(numero) ? null : numero.Trim();
        if (numero is not null)
        {
            if (estricto && tipo != TipoReporte.Informe) return $"el reporte {Codigo(tipo)} no usa número de informe (solo informe).";
            if (numero.Length > LargoMaximoNumero) return $"número de informe demasiado largo: admite hasta {LargoMaximoNumero} caracteres (tiene {numero.Length}).";
            if (numero.Any(char.IsControl)) return "el número de informe no admite saltos de línea ni caracteres de control.";
        }
        // The application's POI follow-up report is confirmed for the first semester only (docs/formatos-ceplan.md).
        if (tipo == TipoReporte.SeguimientoPoi) p = Periodo.Semestre(1);
        solicitud = new SolicitudReporte(tipo, p, mes) { Numero = tipo == TipoReporte.Informe ? numero : null };
        return null;
    }

    /// <summary>"POI-2024-EMSAPUNO-matriz.xlsx", "POI-2024-EMSAPUNO-ejecucion-a-setiembre.xlsx", "POI-2024-EMSAPUNO-informe-evaluacion-S1.docx".</summary>
    public string NombreArchivo(string entidad, int anio, string extension)
    {
        var detalle = Tipo switch
        {
            TipoReporte.Ejecucion => "ejecucion-a-" + Meses.Nombre(HastaMes).ToLowerInvariant(),
            TipoReporte.Seguimiento => "seguimiento-" + Periodo.Codigo,
            TipoReporte.Informe => "informe-evaluacion-" + Periodo.Codigo,
            TipoReporte.SeguimientoPoi => "seguimiento-poi-" + Periodo.Codigo,
            _ => Codigo(Tipo),
        };
        return $"POI-{anio.ToString(CultureInfo.InvariantCulture)}-{ParaArchivo(entidad)}-{detalle}.{extension}";
    }

    /// <summary>Keeps letters, digits, '-' and '_' of an entity code, so the name is safe on every system.</summary>
    public static string ParaArchivo(string texto)
    {
        var sb = new StringBuilder(texto.Length);
        foreach (var c in texto.Normalize(NormalizationForm.FormD))
        {
            if (c < 128 && (char.IsLetterOrDigit(c) || c is '-' or '_')) sb.Append(c);
            else if (c is ' ' or '.' or '/') sb.Append('-');
        }
        return sb.Length == 0 ? "entidad" : sb.ToString();
    }
}

/// <summary>Builds a report model (<see cref="ConstructorReportes"/>) and writes its file with the Interop writer.</summary>
public static class GeneradorReportes
{
    /// <param name="centros">An Operador's cost centres: only the matrix and the execution table are filtered by them.</param>
    public static async Task<ArchivoReporte> GenerarAsync(SipoiDbContext db, DatosReporte d, SolicitudReporte s,
        IReadOnlyCollection<int>? centros, CancellationToken ct)
    {
        var ms = new MemoryStream();
        string extension = "xlsx", mime = SolicitudReporte.MimeXlsx;
        switch (s.Tipo)
        {
            case TipoReporte.Matriz:
                MatrizPoiExcel.Escribir(await ConstructorReportes.MatrizAsync(db, d, centros, ct), ms);
                break;
            case TipoReporte.MatrizPorCentro:
                MatrizPoiExcel.Escribir(await ConstructorReportes.MatrizAsync(db, d, centros, ct, AgrupacionMatriz.CentroCosto), ms);
                break;
            case TipoReporte.Ejecucion:
                EjecucionExcel.Escribir(await ConstructorReportes.EjecucionAsync(db, d, s.HastaMes, centros, ct), ms);
                break;
            case TipoReporte.Seguimiento:
                SeguimientoExcel.Escribir(await ConstructorReportes.SeguimientoAsync(db, d, s.Periodo, ct), ms);
                break;
            case TipoReporte.Presupuesto:
                PresupuestoExcel.Escribir(await ConstructorReportes.PresupuestoAsync(db, d, ct), ms);
                break;
            case TipoReporte.SeguimientoPoi:
                SeguimientoPoiCeplanExcel.Escribir(await ConstructorReportesCeplan.SeguimientoPoiAsync(db, d, s.Periodo,
                    s.Fecha ?? throw new ArgumentException("El reporte de seguimiento del POI necesita la fecha de generación.", nameof(s)), ct), ms);
                break;
            case TipoReporte.SeguimientoPei:
                SeguimientoPeiExcel.Escribir(await ConstructorReportesCeplan.SeguimientoPeiAsync(db, d, ct), ms);
                break;
            case TipoReporte.Informe:
                // The number typed goes into the entity's pattern when it is only the sequence number (PortadaInforme.Numero).
                var portada = await ConsultaTextos.PortadaAsync(db, d.Entidad.Id, ct);
                InformeEvaluacionWord.Escribir(await ConstructorReportes.InformeAsync(db, d, s.Periodo, ct) with { Numero = portada.Numero(s.Numero, d.Anio), Fecha = s.Fecha }, ms);
                extension = "docx";
                mime = SolicitudReporte.MimeDocx;
                break;
            case TipoReporte.Poi:
                DocumentoPoiWord.Escribir(await ConstructorReportes.DocumentoPoiAsync(db, d, ct), ms);
                extension = "docx";
                mime = SolicitudReporte.MimeDocx;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(s));
        }
        return new ArchivoReporte(ms.ToArray(), s.NombreArchivo(d.Entidad.Codigo, d.Anio, extension), mime);
    }

    /// <summary>The reports that have a PDF: the Word documents (evaluation report, POI document), converted by LibreOffice.</summary>
    /// <summary>The reports that need the generation date (<see cref="SolicitudReporte.Fecha"/>).</summary>
    public static bool UsaFecha(TipoReporte t) => t is TipoReporte.Informe or TipoReporte.SeguimientoPoi;

    public static bool TienePdf(TipoReporte t) => t is TipoReporte.Informe or TipoReporte.Poi;

    /// <summary>A Word report (<see cref="TienePdf"/>) as PDF, converted by LibreOffice; null when LibreOffice is not installed.</summary>
    public static async Task<ArchivoReporte?> GenerarPdfAsync(SipoiDbContext db, DatosReporte d, SolicitudReporte s, CancellationToken ct)
    {
        if (!TienePdf(s.Tipo)) throw new ArgumentException("Solo el informe de evaluación y el documento del POI se entregan en PDF.", nameof(s));
        if (!ConversorPdf.Disponible) return null;
        var docx = await GenerarAsync(db, d, s, null, ct);
        var pdf = await ConversorPdf.ConvertirAsync(docx.Contenido, "docx", ct);
        return new ArchivoReporte(pdf, s.NombreArchivo(d.Entidad.Codigo, d.Anio, "pdf"), SolicitudReporte.MimePdf);
    }
}
