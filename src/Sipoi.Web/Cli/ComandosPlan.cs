using Sipoi.Interop.Evaluacion;
using Sipoi.Interop.Intercambio;
using Sipoi.Web.Data;
using Sipoi.Web.Evaluacion;
using Sipoi.Web.Intercambio;

namespace Sipoi.Web.Cli;

public static partial class LineaDeComandos
{
    /// <summary>sipoi import ARCHIVO — all or nothing; every error names its JSON path.</summary>
    private static async Task<int> ImportarAsync(Argumentos a, SipoiDbContext db, TextWriter salida, CancellationToken ct)
    {
        var archivo = a.Posicional(0, "el archivo a importar (sipoi import ARCHIVO)");
        a.SinSobrantes(1);
        if (!File.Exists(archivo)) throw new ErrorCli($"no existe el archivo {archivo}.");
        await using var s = File.OpenRead(archivo);
        var r = await ImportadorPlan.ImportarAsync(db, s, ct);
        if (!r.Exito)
        {
            await Console.Error.WriteLineAsync($"No se importó nada: {archivo} tiene {r.Errores.Count} error(es):");
            foreach (var e in r.Errores) await Console.Error.WriteLineAsync("  " + e);
            return 1;
        }
        await salida.WriteLineAsync($"Importado: entidad {r.Entidad}, POI {r.Anio}, {r.Actividades} actividades.");
        return 0;
    }

    /// <summary>sipoi export --entidad C --anio Y [--salida F] — standard output when no file is given.</summary>
    private static async Task<int> ExportarAsync(Argumentos a, SipoiDbContext db, TextWriter salida, CancellationToken ct)
    {
        var entidad = a.Requerida("entidad");
        var anio = a.Entero("anio");
        var archivo = a.Opcion("salida");
        a.SinSobrantes();
        var doc = await ExportadorPlan.ExportarAsync(db, entidad, anio, ct)
            ?? throw new ErrorCli($"no hay POI {anio} de la entidad «{entidad}» (vea ./sipoi entidades).");
        if (archivo is null)
        {
            await salida.WriteAsync(EscritorIntercambio.EscribirTexto(doc));
            return 0;
        }
        await using (var s = File.Create(archivo)) EscritorIntercambio.Escribir(doc, s);
        await Console.Error.WriteLineAsync($"Exportado a {archivo}.");
        return 0;
    }

    /// <summary>sipoi evaluate --entidad C --anio Y --periodo P [--formato json|tabla] [--metodo ceplan|ponderado]</summary>
    private static async Task<int> EvaluarAsync(Argumentos a, SipoiDbContext db, TextWriter salida, CancellationToken ct)
    {
        var entidad = a.Requerida("entidad");
        var anio = a.Entero("anio");
        var codigoPeriodo = a.Requerida("periodo");
        if (!Periodo.TryParse(codigoPeriodo, out var periodo))
            throw new ErrorCli(Periodo.NoValido(codigoPeriodo));
        var formato = a.Opcion("formato") ?? "json";
        if (formato is not ("json" or "tabla")) throw new ErrorCli($"formato no válido «{formato}»: use json o tabla.");
        MetodoEvaluacion? metodo = a.Opcion("metodo") switch
        {
            null => null,
            "ceplan" => MetodoEvaluacion.Ceplan,
            "ponderado" => MetodoEvaluacion.Ponderado,
            var m => throw new ErrorCli($"método no válido «{m}»: use ceplan o ponderado."),
        };
        a.SinSobrantes();
        var contexto = await ConsultaEvaluacion.ContextoAsync(db, entidad, anio, ct)
            ?? throw new ErrorCli($"no hay POI {anio} de la entidad «{entidad}» (vea ./sipoi entidades).");
        var resultado = await ConsultaEvaluacion.EvaluarAsync(db, contexto, anio, periodo, metodo, incluirActividades: true, ct: ct);
        var completitud = await ConsultaCompletitud.CalcularAsync(db, contexto, periodo, ct: ct);
        if (formato == "json") await salida.WriteLineAsync(EvaluacionJson.ComoTexto(resultado, contexto.Codigo, completitud: completitud));
        else await salida.WriteAsync(EvaluacionTabla.Formatear(resultado, contexto.Codigo, contexto.Nombre));
        return 0;
    }
}
