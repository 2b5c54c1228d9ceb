using Npgsql;
using Sipoi.Domain.Periodos;
using Sipoi.Web.Data;
using Sipoi.Web.Evaluacion;

namespace Sipoi.Benchmarks;

/// <summary>
/// Where the time of evaluation (a) goes: the context lookup (EF) and the DB→engine read, timed
/// apart on the first generated entity, plus a bare round trip for scale. Same warm-up/best/median
/// rule as <see cref="Medicion"/>. Usage: <c>Sipoi.Benchmarks perfil --conexion "…" [--repeticiones 21]</c>.
/// </summary>
public static class Perfil
{
    public static async Task<int> EjecutarAsync(string conexion, OpcionesMedicion o, TextWriter salida)
    {
        var opciones = Generador.OpcionesDb(conexion);
        string codigo;
        await using (var cx = new NpgsqlConnection(conexion))
        {
            await cx.OpenAsync();
            await using var c = new NpgsqlCommand("SELECT codigo FROM entidad WHERE codigo LIKE @p ORDER BY id LIMIT 1", cx);
            c.Parameters.AddWithValue("p", o.Prefijo + "-%");
            codigo = (string?)await c.ExecuteScalarAsync() ?? throw new InvalidOperationException("No hay entidades generadas.");
        }
        await using (var db = new SipoiDbContext(opciones))
        {
            var contexto = (await ConsultaEvaluacion.ContextoAsync(db, codigo, o.Anio))!;
            var vacia = await Cronometro.TomarAsync(o.RepeticionesA, async () =>
            {
                await using var cx = new NpgsqlConnection(conexion);
                await cx.OpenAsync();
                await using var c = new NpgsqlCommand("SELECT 1", cx);
                await c.ExecuteScalarAsync();
            });
            var ctx = await Cronometro.TomarAsync(o.RepeticionesA, async () =>
            {
                await using var d = new SipoiDbContext(opciones);
                await ConsultaEvaluacion.ContextoAsync(d, codigo, o.Anio);
            });
            var eval = await Cronometro.TomarAsync(o.RepeticionesA, async () =>
            {
                await using var d = new SipoiDbContext(opciones);
                await ConsultaEvaluacion.EvaluarAsync(d, contexto, o.Anio, Periodo.Anual, metodo: null, incluirActividades: false);
            });
            salida.WriteLine($"{codigo}: abrir + SELECT 1 {vacia}   contexto (EF) {ctx}   lectura + motor {eval}");
        }
        return 0;
    }
}
