using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Sipoi.Domain.Periodos;
using Sipoi.Web.Data;
using Sipoi.Web.Evaluacion;

namespace Sipoi.Benchmarks;

public sealed record OpcionesMedicion(int Anio = 2024, string Prefijo = "BENCH", int RepeticionesA = 31, int RepeticionesB = 3, int Paralelo = 2, int PorLote = 25);

/// <summary>
/// Times the evaluation (through <see cref="ConsultaEvaluacion"/>, the app's only DB→engine path)
/// against the "floor": one plain PostgreSQL GROUP BY over the same monthly rows.
/// Every measure: warm-up until the JIT has settled (see <see cref="Cronometro"/>), then N timed runs; best and median are reported.
/// </summary>
public static class Medicion
{
    private const string SqlPisoUna = """
        SELECT a.aei_id, sum(m.fisico), sum(v.ejecutado_fisico)
          FROM programacion p
          JOIN actividad a ON a.id = p.actividad_id
          JOIN meta_mensual m ON m.programacion_id = p.id
          LEFT JOIN avance_mensual v ON v.actividad_id = a.id AND v.mes = m.mes
         WHERE p.poi_version_id = @version
         GROUP BY a.aei_id
        """;

    private const string SqlPisoTodas = """
        SELECT a.entidad_id, a.aei_id, sum(m.fisico), sum(v.ejecutado_fisico)
          FROM programacion p
          JOIN actividad a ON a.id = p.actividad_id
          JOIN meta_mensual m ON m.programacion_id = p.id
          LEFT JOIN avance_mensual v ON v.actividad_id = a.id AND v.mes = m.mes
         GROUP BY a.entidad_id, a.aei_id
        """;

    private static async Task<long> LeerTodoAsync(NpgsqlConnection cx, string sql, int? version = null)
    {
        await using var cmd = new NpgsqlCommand(sql, cx) { CommandTimeout = 0 };
        if (version is { } v) cmd.Parameters.AddWithValue("version", v);
        await using var r = await cmd.ExecuteReaderAsync();
        long filas = 0;
        while (await r.ReadAsync())
        {
            _ = r.IsDBNull(r.FieldCount - 1) ? 0m : r.GetDecimal(r.FieldCount - 1);
            filas++;
        }
        return filas;
    }

    private static async Task<decimal?> EvaluarUnaAsync(DbContextOptions<SipoiDbContext> opciones, string codigo, int anio)
    {
        await using var db = new SipoiDbContext(opciones);
        var contexto = await ConsultaEvaluacion.ContextoAsync(db, codigo, anio)
            ?? throw new InvalidOperationException($"La entidad {codigo} no tiene POI {anio}.");
        var r = await ConsultaEvaluacion.EvaluarAsync(db, contexto, anio, Periodo.Anual, metodo: null, incluirActividades: false);
        return r.Igi;
    }

    public static async Task<int> EjecutarAsync(string conexion, OpcionesMedicion o, TextWriter salida)
    {
        var opciones = Generador.OpcionesDb(conexion);
        await using var cx = new NpgsqlConnection(conexion);
        await cx.OpenAsync();
        await using (var c = new NpgsqlCommand("VACUUM ANALYZE", cx) { CommandTimeout = 0 })
        {
            var r = Stopwatch.StartNew();
            await c.ExecuteNonQueryAsync();
            salida.WriteLine($"VACUUM ANALYZE: {r.Elapsed.TotalSeconds:F1} s");
        }

        // Only the codes are kept for the national run (a few bytes per entity), never their data.
        var codigos = new List<string>();
        int primeraVersion = 0;
        await using (var c = new NpgsqlCommand("""
            SELECT e.codigo, v.id FROM entidad e JOIN poi p ON p.entidad_id = e.id AND p.anio = @anio
              JOIN poi_version v ON v.poi_id = p.id
             WHERE e.codigo LIKE @prefijo ORDER BY e.id
            """, cx))
        {
            c.Parameters.AddWithValue("anio", o.Anio);
            c.Parameters.AddWithValue("prefijo", o.Prefijo + "-%");
            await using var r = await c.ExecuteReaderAsync();
            while (await r.ReadAsync())
            {
                if (codigos.Count == 0) primeraVersion = r.GetInt32(1);
                codigos.Add(r.GetString(0));
            }
        }
        if (codigos.Count == 0) { salida.WriteLine($"No hay entidades {o.Prefijo}-… con POI {o.Anio}: ejecute primero 'generar'."); return 2; }

        long metasTotal, avancesTotal;
        int aos, aeis, oeis;
        await using (var c = new NpgsqlCommand("""
            SELECT (SELECT count(*) FROM meta_mensual), (SELECT count(*) FROM avance_mensual),
                   (SELECT count(*) FROM programacion WHERE poi_version_id = @v),
                   (SELECT count(*) FROM aei WHERE entidad_id = (SELECT entidad_id FROM poi_version WHERE id = @v)),
                   (SELECT count(*) FROM oei WHERE entidad_id = (SELECT entidad_id FROM poi_version WHERE id = @v))
            """, cx))
        {
            c.Parameters.AddWithValue("v", primeraVersion);
            await using var r = await c.ExecuteReaderAsync();
            await r.ReadAsync();
            (metasTotal, avancesTotal, aos, aeis, oeis) = (r.GetInt64(0), r.GetInt64(1), (int)r.GetInt64(2), (int)r.GetInt64(3), (int)r.GetInt64(4));
        }
        salida.WriteLine($"Datos: {codigos.Count:N0} entidades, {metasTotal:N0} metas mensuales, {avancesTotal:N0} avances mensuales; entidad (a) = {codigos[0]}: {aos} AO / {aeis} AEI / {oeis} OEI");
        salida.WriteLine($"Máquina: {Environment.ProcessorCount} núcleos, .NET {Environment.Version}, GC {(System.Runtime.GCSettings.IsServerGC ? "servidor" : "estación")}");

        // Floor and evaluation in turns, so that a burst of load on a shared machine falls on both.
        // --repeticiones 0 skips (a): repeated measuring of (b) alone on a kept database.
        Tiempos? pisoA = null, evalA = null;
        if (o.RepeticionesA > 0)
        {
            decimal? igiA = null;
            var a = await Cronometro.TomarAlternadasAsync(o.RepeticionesA, Cronometro.CalentamientoPorDefecto,
                [() => LeerTodoAsync(cx, SqlPisoUna, primeraVersion), async () => igiA = await EvaluarUnaAsync(opciones, codigos[0], o.Anio)]);
            (pisoA, evalA) = (a[0], a[1]);
            salida.WriteLine($"(a) piso {pisoA}   evaluación {evalA}   IGI {igiA:F2}");
            salida.WriteLine($"    {o.RepeticionesA} corridas alternadas piso/evaluación tras {evalA.Calentamiento} de calentamiento ({evalA.SegundosCalentamiento:F1} s, JIT {(evalA.JitAsentado ? "asentado" : "NO asentado")}); la primera evaluación del proceso (JIT en frío) tomó {Cronometro.Formato(evalA.Primera)}");
        }

        var pisoB = await Cronometro.TomarAsync(o.RepeticionesB, () => LeerTodoAsync(cx, SqlPisoTodas));
        salida.WriteLine($"(b) piso {pisoB}");

        var igis = new decimal?[codigos.Count];
        var muestras = new List<string>();
        var proceso = Process.GetCurrentProcess();
        long asignadoAntes = 0, asignadoUltimo = 0;
        async Task EvaluarTodas()
        {
            var hechas = 0;
            lock (muestras) muestras.Clear();   // the samples of the last run are kept
            asignadoAntes = GC.GetTotalAllocatedBytes();
            // A national run reads every entity's context in one query (a few ids each), then streams
            // the entities' rows through the same statements as (a).
            List<ConsultaEvaluacion.Contexto> contextos;
            await using (var db = new SipoiDbContext(opciones))
                contextos = (await ConsultaEvaluacion.ContextosAsync(db, o.Anio)).Where(c => c.Codigo.StartsWith(o.Prefijo + "-", StringComparison.Ordinal)).ToList();
            if (contextos.Count != codigos.Count) throw new InvalidOperationException($"Se esperaban {codigos.Count} contextos y hay {contextos.Count}.");
            // The national path: each worker streams its share of the entities through
            // ConsultaEvaluacion.EvaluarVariasAsync (batches of PorLote entities per round trip, dealt
            // round-robin to the workers), keeping one entity's data at a time.
            var indices = Enumerable.Range(0, contextos.Count).ToArray();
            var lotes = indices.Chunk(o.PorLote).ToArray();
            await Parallel.ForEachAsync(Enumerable.Range(0, o.Paralelo), new ParallelOptions { MaxDegreeOfParallelism = o.Paralelo }, async (w, _) =>
            {
                var mias = lotes.Where((_, k) => k % o.Paralelo == w).SelectMany(l => l).ToList();
                await using var db = new SipoiDbContext(opciones);
                var j = 0;
                await foreach (var (_, r) in ConsultaEvaluacion.EvaluarVariasAsync(db, mias.Select(i => contextos[i]), o.Anio, Periodo.Anual,
                                   metodo: null, incluirActividades: false, porLote: o.PorLote, ct: CancellationToken.None))
                {
                    igis[mias[j++]] = r.Igi;
                    var n = Interlocked.Increment(ref hechas);
                    if (n % Math.Max(1, codigos.Count / 4) == 0)
                        lock (muestras) muestras.Add($"{n,6:N0} entidades: working set {Environment.WorkingSet / 1048576.0,7:F1} MiB, heap {GC.GetTotalMemory(false) / 1048576.0,7:F1} MiB");
                }
            });
            asignadoUltimo = GC.GetTotalAllocatedBytes() - asignadoAntes;
        }
        var evalB = await Cronometro.TomarAsync(o.RepeticionesB, EvaluarTodas);
        proceso.Refresh();
        var conIgi = igis.Count(x => x is >= 0 and <= 100);
        salida.WriteLine($"(b) evaluación {evalB}   ({o.Paralelo} en paralelo, lotes de {o.PorLote}, {conIgi:N0}/{codigos.Count:N0} con IGI entre 0 y 100, IGI medio {igis.Average(x => x ?? 0):F2})");

        salida.WriteLine();
        salida.WriteLine("| medida | piso PostgreSQL (mejor / mediana) | evaluación (mejor / mediana) | razón eval/piso (mediana) | meta |");
        salida.WriteLine("|---|---|---|---|---|");
        if (pisoA is not null && evalA is not null) Fila(salida, $"(a) 1 entidad, {aos} AO / {aeis} AEI / {oeis} OEI", pisoA, evalA, 1.5);
        Fila(salida, $"(b) {codigos.Count:N0} entidades", pisoB, evalB, 1.2);
        salida.WriteLine();
        salida.WriteLine("Memoria durante la última corrida (b):");
        foreach (var m in muestras) salida.WriteLine("  " + m);
        salida.WriteLine($"  asignado por el GC en una corrida (b): {asignadoUltimo / 1048576.0:N0} MiB ({asignadoUltimo / (double)codigos.Count / 1024:N0} KiB por entidad)");
        salida.WriteLine($"  pico de working set del proceso: {proceso.PeakWorkingSet64 / 1048576.0:F1} MiB; working set final {Environment.WorkingSet / 1048576.0:F1} MiB");
        return 0;
    }

    private static void Fila(TextWriter s, string nombre, Tiempos piso, Tiempos eval, double meta)
    {
        var razon = eval.Mediana / piso.Mediana;
        s.WriteLine($"| {nombre} | {piso} | {eval} | {razon:F2}× | ≤ {meta:0.0}× {(razon <= meta ? "cumple" : "NO cumple")} |");
    }
}
