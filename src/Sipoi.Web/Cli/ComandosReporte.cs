using Microsoft.EntityFrameworkCore;
using Sipoi.Interop.Reportes;
using Sipoi.Web.Data;
using Sipoi.Web.Reportes;

namespace Sipoi.Web.Cli;

public static partial class LineaDeComandos
{
    /// <summary>Every report type the command accepts, from the one list of types (a new type cannot be left out).</summary>
    private static string TiposReporte => string.Join(", ", Enum.GetValues<TipoReporte>().Select(SolicitudReporte.Codigo)) + ", consolidado o rendicion-cuentas";

    /// <summary>
    /// sipoi reporte --entidad C --anio Y --tipo matriz|matriz-centros|ejecucion|seguimiento|seguimiento-pei|seguimiento-poi|presupuesto|informe|poi [--periodo P] [--hasta-mes N]
    /// [--numero "Informe N.° 001-2024-OPP"] --salida F
    /// — the same files the web offers; an informe whose --salida ends in .pdf is converted by LibreOffice.
    /// sipoi reporte --tipo consolidado --anio Y [--periodo P] [--entidades A,B] --salida F.xlsx
    /// sipoi reporte --tipo rendicion-cuentas --entidad C --anio Y --semestre 1|2 [--plan ID] --salida F.docx|F.xlsx
    /// </summary>
    private static async Task<int> ReporteAsync(Argumentos a, SipoiDbContext db, TextWriter salida, CancellationToken ct)
    {
        var codigoTipo = a.Requerida("tipo");
        if (codigoTipo == "consolidado") return await ConsolidadoAsync(a, db, ct);
        if (codigoTipo == "rendicion-cuentas") return await RendicionCuentasAsync(a, db, ct);
        if (!SolicitudReporte.TryTipo(codigoTipo, out var tipo))
            throw new ErrorCli($"tipo de reporte no válido «{codigoTipo}»: use {TiposReporte}.");
        var entidad = a.Requerida("entidad");
        var anio = a.Entero("anio");
        var periodo = a.Opcion("periodo");
        var hastaMes = a.Opcion("hasta-mes");
        var numero = a.Opcion("numero");
        var archivo = a.Requerida("salida");
        a.SinSobrantes();
        if (SolicitudReporte.Leer(tipo, periodo, hastaMes, estricto: true, out var solicitud, numero) is { } error) throw new ErrorCli(error);
        // The cover's date is the generation date (the publication date for a published report).
        solicitud = solicitud with { Fecha = GeneradorReportes.UsaFecha(tipo) ? Plazos.Hoy(DateTimeOffset.UtcNow) : null };

        var extension = Path.GetExtension(archivo).TrimStart('.').ToLowerInvariant();
        var admitidas = tipo switch
        {
            TipoReporte.Informe => new[] { "docx", "pdf" },
            TipoReporte.Poi => ["docx", "pdf"],
            _ => ["xlsx"],
        };
        if (!admitidas.Contains(extension))
            throw new ErrorCli($"el archivo de salida del reporte {SolicitudReporte.Codigo(tipo)} debe terminar en .{string.Join(" o .", admitidas)}: «{archivo}».");
        ComprobarCarpeta(archivo);

        var datos = await DatosReporte.CargarAsync(db, entidad, anio, ct)
            ?? throw new ErrorCli($"no hay POI {anio} de la entidad «{entidad}» (vea ./sipoi entidades).");
        ArchivoReporte generado;
        if (extension == "pdf")
        {
            if (!ConversorPdf.Disponible)
                throw new ErrorCli("no se puede generar PDF: LibreOffice (soffice) no está instalado. Instálelo (apt-get install -y libreoffice-writer-nogui) o pida el informe en .docx.");
            try
            {
                generado = (await GeneradorReportes.GenerarPdfAsync(db, datos, solicitud, ct))!;
            }
            catch (Exception e) when (e is TimeoutException or InvalidOperationException)
            {
                throw new ErrorCli("la conversión a PDF falló: " + e.Message);
            }
        }
        else generado = await GeneradorReportes.GenerarAsync(db, datos, solicitud, centros: null, ct);

        await File.WriteAllBytesAsync(archivo, generado.Contenido, ct);
        await Console.Error.WriteLineAsync($"Reporte {SolicitudReporte.Codigo(tipo)} de {datos.Entidad.Codigo} {anio} escrito en {archivo} ({generado.Contenido.Length:N0} bytes).");
        return 0;
    }

    /// <summary>sipoi reporte --tipo consolidado --anio Y [--periodo P] [--entidades A,B] --salida F.xlsx (every entity when --entidades is absent).</summary>
    private static async Task<int> ConsolidadoAsync(Argumentos a, SipoiDbContext db, CancellationToken ct)
    {
        var anio = a.Entero("anio");
        var codigoPeriodo = a.Opcion("periodo") ?? "ANUAL";
        if (!Periodo.TryParse(codigoPeriodo, out var periodo))
            throw new ErrorCli(Periodo.NoValido(codigoPeriodo));
        var entidades = a.Opcion("entidades");
        var archivo = a.Requerida("salida");
        a.SinSobrantes();
        if (!archivo.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
            throw new ErrorCli($"el archivo de salida del consolidado debe terminar en .xlsx: «{archivo}».");
        ComprobarCarpeta(archivo);
        var codigos = ConsultaConsolidado.Codigos(entidades);
        if (entidades is not null && codigos is null) throw new ErrorCli("--entidades está vacío: escriba códigos separados por comas.");
        var (consolidado, sinPoi) = await ConsultaConsolidado.ConstruirAsync(db, anio, periodo, codigos, ct);
        if (sinPoi.Count > 0)
            throw new ErrorCli($"sin POI {anio} (o inexistente): {string.Join(", ", sinPoi)} (vea ./sipoi entidades).");
        if (consolidado.Entidades.Count == 0) throw new ErrorCli($"ninguna entidad tiene POI {anio}.");
        await using (var s = File.Create(archivo)) ConsolidadoExcel.Escribir(consolidado, s);
        await Console.Error.WriteLineAsync($"Consolidado de {consolidado.Entidades.Count} entidad(es), {anio} {periodo.Codigo}, escrito en {archivo}.");
        return 0;
    }

    /// <summary>
    /// sipoi reporte --tipo rendicion-cuentas --entidad C --anio Y --semestre 1|2 [--plan ID] --salida F.docx|F.xlsx: the
    /// government plan's accountability report, the same file as the evaluation page's «Descargar». The plan is the one
    /// whose number the page's address shows (…/plan-gobierno/{ID}/…, also listed in the error below); without --plan, the
    /// entity's only plan covering --anio.
    /// </summary>
    private static async Task<int> RendicionCuentasAsync(Argumentos a, SipoiDbContext db, CancellationToken ct)
    {
        var entidad = a.Requerida("entidad");
        var anio = a.Entero("anio");
        var semestre = a.Requerida("semestre") switch
        {
            "1" => 1,
            "2" => 2,
            var x => throw new ErrorCli($"--semestre «{x}» no es válido: use 1 (enero–junio) o 2 (julio–diciembre)."),
        };
        var codigoPlan = a.Opcion("plan");
        var archivo = a.Requerida("salida");
        a.SinSobrantes();
        var extension = Path.GetExtension(archivo).TrimStart('.').ToLowerInvariant();
        if (extension is not ("docx" or "xlsx"))
            throw new ErrorCli($"el archivo de salida del reporte rendicion-cuentas debe terminar en .docx o .xlsx: «{archivo}».");
        ComprobarCarpeta(archivo);

        var e = await db.Entidades.AsNoTracking().SingleOrDefaultAsync(x => x.Codigo == entidad, ct)
            ?? throw new ErrorCli($"no existe la entidad «{entidad}» (vea ./sipoi entidades).");
        var planes = await db.PlanesGobierno.AsNoTracking().Where(p => p.EntidadId == e.Id).OrderBy(p => p.Inicio).ThenBy(p => p.Id)
            .Select(p => new { p.Id, p.Nombre, p.Inicio, p.Fin }).ToListAsync(ct);
        if (planes.Count == 0) throw new ErrorCli($"la entidad «{entidad}» no tiene Plan de Gobierno.");
        var lista = string.Join("; ", planes.Select(p => $"{p.Id} «{p.Nombre}» ({p.Inicio}–{p.Fin})"));
        int planId;
        if (codigoPlan is not null)
        {
            if (!int.TryParse(codigoPlan, out planId) || planes.All(p => p.Id != planId))
                throw new ErrorCli($"--plan «{codigoPlan}» no es un Plan de Gobierno de {entidad}: use {lista}.");
        }
        else
        {
            var cubren = planes.Where(p => p.Inicio <= anio && anio <= p.Fin).ToList();
            if (cubren.Count != 1)
                throw new ErrorCli(cubren.Count == 0
                    ? $"ningún Plan de Gobierno de {entidad} cubre {anio}: {lista}."
                    : $"más de un Plan de Gobierno de {entidad} cubre {anio}: indique --plan ({lista}).");
            planId = cubren[0].Id;
        }
        var plan = planes.Single(p => p.Id == planId);
        if (anio < plan.Inicio || anio > plan.Fin)
            throw new ErrorCli($"el Plan de Gobierno {plan.Id} «{plan.Nombre}» cubre {plan.Inicio}–{plan.Fin}: --anio {anio} está fuera.");
        var datos = await ConsultaRendicionCuentas.CargarAsync(db, entidad, planId, anio, semestre, ct)
            ?? throw new ErrorCli($"no se pudo leer el Plan de Gobierno {planId}.");
        var generado = ConsultaRendicionCuentas.Archivo(datos, extension)!;
        await File.WriteAllBytesAsync(archivo, generado.Contenido, ct);
        await Console.Error.WriteLineAsync($"Rendición de cuentas del Plan de Gobierno {planId} de {entidad}, {datos.NombreSemestre}, escrita en {archivo} ({generado.Contenido.Length:N0} bytes).");
        return 0;
    }

    private static void ComprobarCarpeta(string archivo)
    {
        var carpeta = Path.GetDirectoryName(Path.GetFullPath(archivo));
        if (carpeta is not null && !Directory.Exists(carpeta)) throw new ErrorCli($"no existe la carpeta {carpeta}.");
    }
}
