using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Sipoi.Benchmarks;
using Sipoi.Domain.Evaluacion;
using Sipoi.Domain.Periodos;
using Sipoi.Domain.Seguimiento;
using Sipoi.Web.Evaluacion;
using Sipoi.Web.Tests.Infraestructura;

namespace Sipoi.Web.Tests.Evaluacion;

/// <summary>
/// The fast DB→engine path (<see cref="ConsultaEvaluacion"/>: prepared command, months that count sent
/// once per cost centre, batches of entities) gives exactly what a plain EF reading of the same rows
/// gives, for generated entities whose monitoring is partly approved, partly submitted, partly missing.
/// </summary>
public sealed class ConsultaEvaluacionTests : IAsyncLifetime
{
    private BaseDePrueba _base = null!;
    private static readonly OpcionesGenerador Opciones = new(Entidades: 3, Actividades: 24, Aei: 6, Oei: 3, Meses: 9, CentrosCosto: 5, LoteEntidades: 2);
    private static readonly Periodo[] Periodos = [Periodo.Anual, Periodo.Parse("T1"), Periodo.Mes(5), Periodo.Parse("A07"), Periodo.Parse("S2")];

    public async Task InitializeAsync()
    {
        _base = await BaseDePrueba.CrearAsync();
        await Generador.GenerarAsync(_base.Conexion, Opciones);
        // Monitoring states that must not count (or count only when submitted months are shown):
        // February and May submitted in some cost centres, July observed, August missing in others.
        await using var cx = new NpgsqlConnection(_base.Conexion);
        await cx.OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            UPDATE seguimiento_mensual SET estado = 'Enviado' WHERE mes IN (2, 5) AND centro_costo_id % 2 = 0;
            UPDATE seguimiento_mensual SET estado = 'Observado' WHERE mes = 7 AND centro_costo_id % 3 <> 0;
            DELETE FROM seguimiento_mensual WHERE mes = 8 AND centro_costo_id % 3 = 0;
            """, cx);
        Assert.True(await cmd.ExecuteNonQueryAsync() > 0);
    }

    public async Task DisposeAsync() => await _base.DisposeAsync();

    private async Task<List<string>> CodigosAsync()
    {
        await using var db = _base.Contexto();
        return await db.Entidades.OrderBy(e => e.Codigo).Select(e => e.Codigo).ToListAsync();
    }

    private async Task MostrarEnviadosAsync(bool mostrar)
    {
        await using var db = _base.Contexto();
        foreach (var e in await db.Entidades.ToListAsync()) e.Configurar(e.Configuracion with { MostrarEnviados = mostrar });
        await db.SaveChangesAsync();
    }

    private static string Json(ResultadoEvaluacion r) => JsonSerializer.Serialize(r);

    /// <summary>
    /// Each activity's programmed and executed values for the period, read through EF entity by entity
    /// and rolled up by the domain's one rule: a month's execution counts when its cost centre's
    /// monitoring of the activity's POI for that month is approved (or submitted, when shown).
    /// </summary>
    private async Task<Dictionary<string, (decimal Programado, decimal? Ejecutado)>> ReferenciaAsync(ConsultaEvaluacion.Contexto c, Periodo periodo)
    {
        await using var db = _base.Contexto();
        var programaciones = await db.Programaciones.AsNoTracking().Include(p => p.Metas)
            .Where(p => p.PoiVersionId == c.PoiVersionId).ToListAsync();
        var ids = programaciones.Select(p => p.ActividadId).ToList();
        var actividades = await db.Actividades.AsNoTracking().Include(a => a.Avances).Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id);
        var poiIds = actividades.Values.Select(a => a.PoiId).Distinct().ToList();
        var cuentan = (await db.Seguimientos.AsNoTracking().Where(s => poiIds.Contains(s.PoiId)).ToListAsync())
            .Where(s => s.Estado == EstadoSeguimiento.Aprobado || (c.Configuracion.MostrarEnviados && s.Estado == EstadoSeguimiento.Enviado))
            .Select(s => (s.PoiId, s.CentroCostoId, s.Mes)).ToHashSet();
        var esperado = new Dictionary<string, (decimal, decimal?)>();
        foreach (var p in programaciones)
        {
            var a = actividades[p.ActividadId];
            var metas = p.Metas.OrderBy(m => m.Mes).Select(m => m.Fisico).ToArray();
            var ejecutado = new decimal?[12];
            foreach (var v in a.Avances)
                if (cuentan.Contains((a.PoiId, a.CentroCostoId, v.Mes))) ejecutado[v.Mes - 1] = v.EjecutadoFisico;
            esperado[a.Codigo] = (Agregacion.Programado(p.Comportamiento, metas, periodo), Agregacion.Ejecutado(p.Comportamiento, ejecutado, periodo));
        }
        return esperado;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task CadaActividad_RecibeLosMesesQueCuentan(bool mostrarEnviados)
    {
        await MostrarEnviadosAsync(mostrarEnviados);
        var comparadas = 0;
        var conEjecucion = 0;
        foreach (var codigo in await CodigosAsync())
        {
            await using var db = _base.Contexto();
            var c = (await ConsultaEvaluacion.ContextoAsync(db, codigo, Opciones.Anio))!;
            Assert.Equal(mostrarEnviados, c.Configuracion.MostrarEnviados);
            foreach (var periodo in Periodos)
            {
                var esperado = await ReferenciaAsync(c, periodo);
                var r = await ConsultaEvaluacion.EvaluarAsync(db, c, Opciones.Anio, periodo);
                Assert.Equal(esperado.Count, r.Actividades.Count);
                foreach (var a in r.Actividades)
                {
                    Assert.Equal(esperado[a.Codigo], (a.Programado, a.Ejecutado));
                    comparadas++;
                    if (a.Ejecutado is not null) conEjecucion++;
                }
            }
        }
        Assert.Equal(3 * 24 * Periodos.Length, comparadas);
        Assert.True(conEjecucion > comparadas / 2);
    }

    [Fact]
    public async Task Enviados_CambianElResultadoSoloSiLaEntidadLosMuestra()
    {
        var codigo = (await CodigosAsync())[0];
        async Task<decimal?> SemestreAsync()
        {
            await using var db = _base.Contexto();
            var r = await ConsultaEvaluacion.EvaluarAsync(db, codigo, Opciones.Anio, Periodo.Parse("S1"));
            return r!.Actividades.Where(a => a.Ejecutado is not null).Sum(a => a.Ejecutado);
        }
        await MostrarEnviadosAsync(false);
        var aprobados = await SemestreAsync();
        await MostrarEnviadosAsync(true);
        var conEnviados = await SemestreAsync();
        Assert.NotEqual(aprobados, conEnviados);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(25)]
    public async Task PorLotes_DaLoMismoQueEntidadPorEntidad(int porLote)
    {
        await MostrarEnviadosAsync(false);
        List<ConsultaEvaluacion.Contexto> contextos;
        await using (var db = _base.Contexto())
            contextos = await ConsultaEvaluacion.ContextosAsync(db, Opciones.Anio);
        Assert.Equal(3, contextos.Count);
        // Reversed, so the order of the results follows the order given, not the ids.
        contextos.Reverse();
        var periodo = Periodo.Parse("A09");
        var unaPorUna = new List<string>();
        foreach (var c in contextos)
        {
            await using var db = _base.Contexto();
            unaPorUna.Add(Json(await ConsultaEvaluacion.EvaluarAsync(db, c, Opciones.Anio, periodo)));
        }
        var porLotes = new List<string>();
        await using (var db = _base.Contexto())
            await foreach (var (c, r) in ConsultaEvaluacion.EvaluarVariasAsync(db, contextos, Opciones.Anio, periodo, porLote: porLote))
            {
                Assert.Same(contextos[porLotes.Count], c);
                porLotes.Add(Json(r));
            }
        Assert.Equal(unaPorUna, porLotes);
        Assert.Equal(3, unaPorUna.Distinct().Count());
    }

    [Fact]
    public async Task UnLote_PreparaSeisSentenciasNoSeisPorEntidad()
    {
        await using var db = _base.Contexto();
        var contextos = await ConsultaEvaluacion.ContextosAsync(db, Opciones.Anio);
        await db.Database.OpenConnectionAsync();
        var n = 0;
        await foreach (var _ in ConsultaEvaluacion.EvaluarVariasAsync(db, contextos, Opciones.Anio, Periodo.Anual, porLote: 3)) n++;
        Assert.Equal(3, n);
        await foreach (var _ in ConsultaEvaluacion.EvaluarVariasAsync(db, contextos, Opciones.Anio, Periodo.Anual, porLote: 2)) n++;
        Assert.Equal(6, n);
        await using var cmd = db.Database.GetDbConnection().CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM pg_prepared_statements";
        Assert.Equal(6L, Convert.ToInt64(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task ComandoPreparado_DaSiempreLoMismo()
    {
        // PostgreSQL switches a prepared statement to a generic plan after five executions: the
        // sixth and later ones must give what the first (freshly prepared) one gave.
        var codigo = (await CodigosAsync())[1];
        var resultados = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            await using var db = _base.Contexto();
            resultados.Add(Json((await ConsultaEvaluacion.EvaluarAsync(db, codigo, Opciones.Anio, Periodo.Parse("A09")))!));
        }
        Assert.Single(resultados.Distinct());
        // …and the same as a connection that never prepared it (no pooling: a new physical connection).
        var sinPool = new NpgsqlConnectionStringBuilder(_base.Conexion) { Pooling = false }.ConnectionString;
        await using var otra = new Sipoi.Web.Data.SipoiDbContext(Generador.OpcionesDb(sinPool));
        Assert.Equal(resultados[0], Json((await ConsultaEvaluacion.EvaluarAsync(otra, codigo, Opciones.Anio, Periodo.Parse("A09")))!));
    }

    [Fact]
    public async Task ActividadSinSusDoceMetas_DaUnErrorQueLaNombra()
    {
        var codigo = (await CodigosAsync())[0];
        string actividad;
        await using (var db = _base.Contexto())
        {
            var c = (await ConsultaEvaluacion.ContextoAsync(db, codigo, Opciones.Anio))!;
            var p = await db.Programaciones.Where(x => x.PoiVersionId == c.PoiVersionId).OrderBy(x => x.Id).FirstAsync();
            actividad = await db.Actividades.Where(a => a.Id == p.ActividadId).Select(a => a.Codigo).SingleAsync();
            // Damaged data no SIPOI path writes (the database refuses it since migration 0031), as a bad restore could bring.
            await _base.SinGuardaDeProgramacionAprobadaAsync(async () =>
                Assert.Equal(1, await db.Database.ExecuteSqlAsync($"DELETE FROM meta_mensual WHERE programacion_id = {p.Id} AND mes = 4")));
        }
        await using var otro = _base.Contexto();
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => ConsultaEvaluacion.EvaluarAsync(otro, codigo, Opciones.Anio, Periodo.Anual));
        Assert.Equal($"La actividad {actividad} tiene 11 metas mensuales en la versión; se esperan 12.", e.Message);
    }
}
