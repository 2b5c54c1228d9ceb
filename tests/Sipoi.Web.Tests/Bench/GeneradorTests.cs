using Npgsql;
using Sipoi.Benchmarks;
using Sipoi.Domain.Periodos;
using Sipoi.Web.Evaluacion;
using Sipoi.Web.Tests.Infraestructura;

namespace Sipoi.Web.Tests.Bench;

/// <summary>The benchmark's synthetic-entity generator writes consistent rows the real evaluation path can read.</summary>
public sealed class GeneradorTests : IAsyncLifetime
{
    private BaseDePrueba _base = null!;
    private static readonly OpcionesGenerador Opciones = new(Entidades: 3, Actividades: 20, Aei: 6, Oei: 3, Meses: 9, CentrosCosto: 5, LoteEntidades: 2);

    public async Task InitializeAsync()
    {
        _base = await BaseDePrueba.CrearAsync();
        await Generador.GenerarAsync(_base.Conexion, Opciones);
    }

    public async Task DisposeAsync() => await _base.DisposeAsync();

    private async Task<long> ContarAsync(string sql)
    {
        await using var cx = new NpgsqlConnection(_base.Conexion);
        await cx.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, cx);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Generador_EscribeLasFilasEsperadas()
    {
        Assert.Equal(3, await ContarAsync("SELECT count(*) FROM entidad"));
        Assert.Equal(9, await ContarAsync("SELECT count(*) FROM oei"));
        Assert.Equal(18, await ContarAsync("SELECT count(*) FROM aei"));
        Assert.Equal(60, await ContarAsync("SELECT count(*) FROM actividad"));
        Assert.Equal(60, await ContarAsync("SELECT count(*) FROM programacion"));
        Assert.Equal(60 * 12, await ContarAsync("SELECT count(*) FROM meta_mensual"));
        Assert.Equal(60 * 9, await ContarAsync("SELECT count(*) FROM avance_mensual"));
        // 12 monthly targets per activity, months 1..12.
        Assert.Equal(0, await ContarAsync(
            "SELECT count(*) FROM (SELECT programacion_id FROM meta_mensual GROUP BY programacion_id HAVING count(*) <> 12 OR count(DISTINCT mes) <> 12) x"));
        // Priorities unique per entity and 1..n; every row's entity matches its activity's.
        Assert.Equal(0, await ContarAsync(
            "SELECT count(*) FROM (SELECT entidad_id FROM actividad GROUP BY entidad_id HAVING count(DISTINCT prioridad) <> count(*) OR min(prioridad) <> 1 OR max(prioridad) <> count(*)) x"));
        Assert.Equal(0, await ContarAsync(
            "SELECT count(*) FROM avance_mensual v JOIN actividad a ON a.id = v.actividad_id WHERE a.entidad_id <> v.entidad_id"));
        // Sequences were moved past the explicit ids.
        Assert.True(await ContarAsync("SELECT nextval(pg_get_serial_sequence('meta_mensual', 'id'))") > 720);
    }

    [Fact]
    public async Task Evaluacion_DaUnIgiEntre0Y100PorEntidad()
    {
        await using var db = _base.Contexto();
        var codigos = db.Entidades.OrderBy(e => e.Id).Select(e => e.Codigo).ToList();
        Assert.Equal(3, codigos.Count);
        foreach (var codigo in codigos)
        {
            var contexto = await ConsultaEvaluacion.ContextoAsync(db, codigo, Opciones.Anio);
            Assert.NotNull(contexto);
            var r = await ConsultaEvaluacion.EvaluarAsync(db, contexto, Opciones.Anio, Periodo.Anual, metodo: null, incluirActividades: false);
            Assert.NotNull(r.Igi);
            Assert.InRange(r.Igi.Value, 0m, 100m);
            Assert.Equal(3, r.Oeis.Count);
        }
    }

    [Fact]
    public async Task Generador_EsDeterminista()
    {
        await using var otra = await BaseDePrueba.CrearAsync();
        await Generador.GenerarAsync(otra.Conexion, Opciones);
        const string huella = "SELECT sum(fisico * mes)::text FROM meta_mensual";
        await using var c1 = new NpgsqlConnection(_base.Conexion);
        await using var c2 = new NpgsqlConnection(otra.Conexion);
        await c1.OpenAsync();
        await c2.OpenAsync();
        await using var q1 = new NpgsqlCommand(huella, c1);
        await using var q2 = new NpgsqlCommand(huella, c2);
        Assert.Equal(await q1.ExecuteScalarAsync(), await q2.ExecuteScalarAsync());
    }
}
