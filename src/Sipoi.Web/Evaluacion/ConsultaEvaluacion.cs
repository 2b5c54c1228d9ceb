using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Data;

namespace Sipoi.Web.Evaluacion;

/// <summary>
/// Reads what the engine needs for one entity and POI year (the version in force) and evaluates it.
/// The monthly rows are streamed straight from one SQL query into the engine's accumulator: no
/// entity graph is materialised, so a national run evaluates entity after entity in constant memory.
/// </summary>
public static class ConsultaEvaluacion
{
    public sealed record Contexto(int EntidadId, string Codigo, string Nombre, ConfiguracionEntidad Configuracion, int PoiVersionId, int PeiId);

    public static async Task<Contexto?> ContextoAsync(SipoiDbContext db, string codigoEntidad, int anio, CancellationToken ct = default)
    {
        // One round trip (entity joined with its POI of the year and the POI's versions).
        var fila = await (
            from e in db.Entidades.AsNoTracking()
            join p in db.Pois.AsNoTracking().Include(p => p.Versiones) on e.Id equals p.EntidadId
            where e.Codigo == codigoEntidad && p.Anio == anio
            select new { e, p }).SingleOrDefaultAsync(ct);
        if (fila?.p.VersionVigente is not { } v) return null;
        return new Contexto(fila.e.Id, fila.e.Codigo, fila.e.Nombre, fila.e.Configuracion, v.Id, fila.p.PeiId);
    }

    /// <summary>
    /// The evaluation context of every entity with a POI in the year, for national runs: one query
    /// instead of two per entity. Holds a few ids per entity, never their monthly data.
    /// </summary>
    public static async Task<List<Contexto>> ContextosAsync(SipoiDbContext db, int anio, CancellationToken ct = default)
    {
        var filas = await (
            from e in db.Entidades.AsNoTracking()
            join p in db.Pois.AsNoTracking().Include(p => p.Versiones) on e.Id equals p.EntidadId
            where p.Anio == anio
            orderby e.Codigo
            select new { e, p }).ToListAsync(ct);
        return filas.Where(x => x.p.VersionVigente is not null)
            .Select(x => new Contexto(x.e.Id, x.e.Codigo, x.e.Nombre, x.e.Configuracion, x.p.VersionVigente!.Id, x.p.PeiId))
            .ToList();
    }

    public static async Task<ResultadoEvaluacion?> EvaluarAsync(SipoiDbContext db, string codigoEntidad, int anio, Periodo periodo,
        MetodoEvaluacion? metodo = null, bool incluirActividades = true, CancellationToken ct = default)
    {
        var contexto = await ContextoAsync(db, codigoEntidad, anio, ct);
        return contexto is null ? null : await EvaluarAsync(db, contexto, anio, periodo, metodo, incluirActividades, ct);
    }

    public static async Task<ResultadoEvaluacion> EvaluarAsync(SipoiDbContext db, Contexto c, int anio, Periodo periodo,
        MetodoEvaluacion? metodo = null, bool incluirActividades = true, CancellationToken ct = default)
    {
        ResultadoEvaluacion? resultado = null;
        await foreach (var (_, r) in EvaluarVariasAsync(db, [c], anio, periodo, metodo, incluirActividades, ct: ct))
            resultado = r;
        return resultado!;
    }

    /// <summary>
    /// Evaluates several entities (national runs, consolidation), yielding each result as soon as its
    /// entity is read, in the order given. The entities go to PostgreSQL in batches of
    /// <paramref name="porLote"/>: one round trip per batch, the same prepared statements as for one
    /// entity, consumed by one reader while the server is still producing the next entities' rows.
    /// Only one entity's data is in memory at a time. The connection is busy until the enumeration
    /// ends: do not query <paramref name="db"/> inside the loop.
    /// </summary>
    public static async IAsyncEnumerable<(Contexto Contexto, ResultadoEvaluacion Resultado)> EvaluarVariasAsync(
        SipoiDbContext db, IEnumerable<Contexto> contextos, int anio, Periodo periodo, MetodoEvaluacion? metodo = null,
        bool incluirActividades = true, int porLote = 25, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await foreach (var (c, r) in LeerYEvaluarAsync(db, contextos, anio, [periodo], metodo, incluirActividades, porLote, ct))
            yield return (c, r[0]);
    }

    /// <summary>
    /// One entity evaluated for several periods from one read of its data (the dashboard's month-by-month trend: one
    /// round trip instead of one per month); the results in the order of <paramref name="periodos"/>.
    /// </summary>
    public static async Task<IReadOnlyList<ResultadoEvaluacion>> EvaluarPeriodosAsync(SipoiDbContext db, Contexto c, int anio,
        IReadOnlyList<Periodo> periodos, bool incluirActividades = true, CancellationToken ct = default)
    {
        IReadOnlyList<ResultadoEvaluacion> resultados = [];
        await foreach (var (_, r) in LeerYEvaluarAsync(db, [c], anio, periodos, null, incluirActividades, 1, ct)) resultados = r;
        return resultados;
    }

    private static async IAsyncEnumerable<(Contexto Contexto, IReadOnlyList<ResultadoEvaluacion> Resultados)> LeerYEvaluarAsync(
        SipoiDbContext db, IEnumerable<Contexto> contextos, int anio, IReadOnlyList<Periodo> periodos, MetodoEvaluacion? metodo,
        bool incluirActividades, int porLote, [EnumeratorCancellation] CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(porLote, 1);
        var conexion = db.Database.GetDbConnection();
        var abierta = conexion.State == System.Data.ConnectionState.Open;
        if (!abierta) await conexion.OpenAsync(ct);
        try
        {
            foreach (var lote in contextos.Chunk(porLote))
            {
                // Per entity, the PEI, its codes, the months that count and the monthly rows come as six result sets.
                await using var batch = conexion.CreateBatch();
                foreach (var c in lote)
                    foreach (var sql in SqlEvaluacion)
                    {
                        var cmd = batch.CreateBatchCommand();
                        cmd.CommandText = sql;
                        Parametro(cmd, "pei", c.PeiId);
                        Parametro(cmd, "entidad", c.EntidadId);
                        Parametro(cmd, "version", c.PoiVersionId);
                        // The one reader of what counts (EjecucionQueCuenta) names the states; the rule itself is the domain's.
                        Parametro(cmd, "estados", EjecucionQueCuenta.EstadosSql(c.Configuracion));
                        batch.BatchCommands.Add(cmd);
                    }
                // Prepared on the physical connection: Npgsql keeps the statements across pooled opens,
                // so after the first time PostgreSQL neither parses nor plans them again.
                await batch.PrepareAsync(ct);
                await using var r = await batch.ExecuteReaderAsync(ct);
                for (var i = 0; i < lote.Length; i++)
                {
                    if (i > 0) await r.NextResultAsync(ct);
                    yield return (lote[i], await LeerEntidadAsync(r, lote[i], anio, periodos, metodo, incluirActividades, ct));
                }
            }
        }
        finally
        {
            if (!abierta) await conexion.CloseAsync();
        }
    }

    /// <summary>Reads one entity's six result sets (the reader is on the first) and evaluates it for each period.</summary>
    private static async Task<IReadOnlyList<ResultadoEvaluacion>> LeerEntidadAsync(DbDataReader r, Contexto c, int anio, IReadOnlyList<Periodo> periodos,
        MetodoEvaluacion? metodo, bool incluirActividades, CancellationToken ct)
    {
        var config = ConfiguracionEvaluacion.Desde(metodo is { } m ? c.Configuracion with { Metodo = m } : c.Configuracion);
        var (pei, aeis) = await LeerEstructuraAsync(r, ct);
        await r.NextResultAsync(ct);
        var centros = new Dictionary<int, string>();
        while (await r.ReadAsync(ct)) centros[r.GetInt32(0)] = r.GetString(1);
        await r.NextResultAsync(ct);
        var fichas = new Dictionary<int, FichaEvaluable>();
        while (await r.ReadAsync(ct))
            fichas[r.GetInt32(0)] = new FichaEvaluable(r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetDecimal(3));
        await r.NextResultAsync(ct);
        var mesesQueCuentan = new MesesContados();
        while (await r.ReadAsync(ct)) mesesQueCuentan.Agregar(r.GetInt32(0), r.GetInt32(1));
        await r.NextResultAsync(ct);
        var acumuladores = periodos.Select(p => new AcumuladorEvaluacion(pei, config, anio, p, fichas.Values.ToList(), incluirActividades)).ToList();
        await LeerActividadesAsync(r, acumuladores, aeis, centros, fichas, mesesQueCuentan, ct);
        return acumuladores.Select(a => a.Resultado()).ToList();
    }

    /// <summary>
    /// The cost centres (codes) whose submitted, not yet approved months within
    /// <paramref name="periodo"/> are counted because the entity shows submitted months; empty when it
    /// does not. The page marks those figures "incluye datos enviados sin aprobar".
    /// </summary>
    public static async Task<IReadOnlySet<string>> CentrosConEnviadosAsync(SipoiDbContext db, Contexto c, int anio, Periodo periodo,
        CancellationToken ct = default)
    {
        if (!c.Configuracion.MostrarEnviados) return new HashSet<string>();
        var poiId = await db.PoiVersiones.AsNoTracking().Where(v => v.Id == c.PoiVersionId).Select(v => v.PoiId).SingleAsync(ct);
        var codigos = await (
            from s in db.Seguimientos.AsNoTracking()
            join cc in db.CentrosCosto on s.CentroCostoId equals cc.Id
            where s.PoiId == poiId && s.Anio == anio && (s.Estado == EstadoSeguimiento.Enviado || s.Estado == EstadoSeguimiento.Validado) && s.Mes >= periodo.Desde && s.Mes <= periodo.Hasta
            select cc.Codigo).Distinct().ToListAsync(ct);
        return codigos.ToHashSet(StringComparer.Ordinal);
    }

    // One entity's statements, in the order LeerEntidadAsync reads them; each gets the parameters it names.
    private static readonly string[] SqlEvaluacion =
    [
        """
        SELECT o.id, o.codigo, o.prioridad, a.id, a.codigo, a.prioridad
          FROM oei o LEFT JOIN aei a ON a.oei_id = o.id
         WHERE o.pei_id = @pei
         ORDER BY o.prioridad, a.prioridad
        """,
        """
        SELECT i.id, i.oei_id, i.aei_id, i.codigo, i.sentido, i.maximo_permisible, i.minimo_permisible,
               v.anio, v.periodo, v.logro_esperado, v.valor_obtenido, v.estado
          FROM indicador i
          JOIN oei o ON o.id = i.oei_id
          LEFT JOIN valor_indicador v ON v.indicador_id = i.id
         WHERE o.pei_id = @pei
        UNION ALL
        SELECT i.id, i.oei_id, i.aei_id, i.codigo, i.sentido, i.maximo_permisible, i.minimo_permisible,
               v.anio, v.periodo, v.logro_esperado, v.valor_obtenido, v.estado
          FROM indicador i
          JOIN aei a ON a.id = i.aei_id
          JOIN oei o ON o.id = a.oei_id
          LEFT JOIN valor_indicador v ON v.indicador_id = i.id
         WHERE o.pei_id = @pei
         ORDER BY 1, 8, 9
        """,
        """
        SELECT id, codigo FROM centro_costo WHERE entidad_id = @entidad
        """,
        // Fichas are "declared" in the order they were listed (the export's order, by id): without ORDER BY the
        // fichas and gerencias of the JSON would follow the rows' physical order, which a restore may change.
        """
        SELECT id, codigo, gerencia, peso FROM ficha_proceso WHERE entidad_id = @entidad ORDER BY id
        """,
        """
        SELECT s.centro_costo_id, s.mes
          FROM seguimiento_mensual s
          JOIN poi_version pv ON pv.poi_id = s.poi_id
         WHERE pv.id = @version
           AND s.estado = ANY(@estados)
        """,
        $"""
        SELECT a.id, a.codigo, a.aei_id, a.centro_costo_id, a.ficha_id, p.comportamiento, p.peso,
               ARRAY(SELECT m.fisico FROM meta_mensual m WHERE m.programacion_id = p.id ORDER BY m.mes),
               x.meses, x.valores
          FROM programacion p
          JOIN actividad a ON a.id = p.actividad_id
          LEFT JOIN LATERAL (SELECT array_agg(v.mes) AS meses, array_agg(v.ejecutado_fisico) AS valores
                               FROM avance_mensual v WHERE v.actividad_id = a.id) x ON true
         WHERE p.poi_version_id = @version
         ORDER BY a.id
        """,
    ];

    // The executed values come as two arrays of the same aggregation, months and values paired by position (no ORDER BY:
    // both aggregates see the rows in the same order, and the reader places each value by its month). Two array
    // transitions per registered month instead of twelve filtered aggregates (`min(v) FILTER (WHERE mes = m)`, 12 filter
    // evaluations per row: docs/benchmarks.md, fifth session). The targets, one row for every month, come as
    // `ARRAY(SELECT … ORDER BY mes)`: the index on (programación, mes) already gives that order; a missing month shows as an
    // array shorter than 12.

    private static void Parametro(DbBatchCommand cmd, string nombre, object valor)
    {
        if (!cmd.CommandText.Contains("@" + nombre, StringComparison.Ordinal)) return;
        var p = cmd.CreateParameter();
        p.ParameterName = nombre;
        p.Value = valor;
        cmd.Parameters.Add(p);
    }

    /// <summary>Reads the PEI as the engine's snapshot (OEI → AEI → indicators with their values); returns AEI codes by id too.</summary>
    private static async Task<(EstructuraPei Pei, Dictionary<int, string> Aeis)> LeerEstructuraAsync(DbDataReader r, CancellationToken ct)
    {
        var oeis = new List<(int Id, string Codigo, int Prioridad, List<(int Id, string Codigo, int Prioridad)> Aeis)>();
        var aeis = new Dictionary<int, string>();
        while (await r.ReadAsync(ct))
        {
            var id = r.GetInt32(0);
            if (oeis.Count == 0 || oeis[^1].Id != id) oeis.Add((id, r.GetString(1), r.GetInt32(2), []));
            if (r.IsDBNull(3)) continue;
            oeis[^1].Aeis.Add((r.GetInt32(3), r.GetString(4), r.GetInt32(5)));
            aeis[r.GetInt32(3)] = r.GetString(4);
        }
        await r.NextResultAsync(ct);
        var deOei = new Dictionary<int, List<IndicadorPei>>();
        var deAei = new Dictionary<int, List<IndicadorPei>>();
        var valores = new List<MedicionIndicador>();
        (int Id, int? Oei, int? Aei, string Codigo, Sentido Sentido, decimal? Max, decimal? Min)? actual = null;
        void Cerrar()
        {
            if (actual is not { } i) return;
            var indicador = new IndicadorPei(i.Codigo, i.Sentido) { Valores = valores.ToList(), MaximoPermisible = i.Max, MinimoPermisible = i.Min };
            var destino = i.Aei is { } a ? deAei : deOei;
            var clave = i.Aei ?? i.Oei!.Value;
            if (!destino.TryGetValue(clave, out var lista)) destino[clave] = lista = [];
            lista.Add(indicador);
            valores.Clear();
        }
        while (await r.ReadAsync(ct))
        {
            var id = r.GetInt32(0);
            if (actual?.Id != id)
            {
                Cerrar();
                actual = (id, r.IsDBNull(1) ? null : r.GetInt32(1), r.IsDBNull(2) ? null : r.GetInt32(2), r.GetString(3),
                    Enum.Parse<Sentido>(r.GetString(4)), r.IsDBNull(5) ? null : r.GetDecimal(5), r.IsDBNull(6) ? null : r.GetDecimal(6));
            }
            // Only a validated obtained value counts (ValorIndicador.QueCuenta); the expected value always does.
            if (!r.IsDBNull(7))
                valores.Add(new MedicionIndicador(r.GetInt32(7), (PeriodoIndicador)r.GetInt32(8),
                    r.IsDBNull(9) ? null : r.GetDecimal(9),
                    ValorIndicador.QueCuenta(Enum.Parse<EstadoValorIndicador>(r.GetString(11)), r.IsDBNull(10) ? null : r.GetDecimal(10))));
        }
        Cerrar();
        var pei = new EstructuraPei(oeis.Select(o => new OeiPei(o.Codigo, o.Prioridad,
            o.Aeis.Select(a => new AeiPei(a.Codigo, a.Prioridad) { Indicadores = deAei.GetValueOrDefault(a.Id) ?? [] }).ToList())
        {
            Indicadores = deOei.GetValueOrDefault(o.Id) ?? [],
        }).ToList());
        return (pei, aeis);
    }

    // One row per activity with its months packed: 12 targets and 12 executed values (null where nothing
    // was registered). Packing is plain SQL; every roll-up stays in the domain. A month's execution
    // counts only when its cost centre's monitoring of that month is approved (DOMAIN.md §4), or
    // submitted when the entity shows submitted months (ConfiguracionEntidad.MostrarEnviados):
    // those months come once per cost centre (the result set before this one) into MesesContados, instead
    // of PostgreSQL looking the monitoring up again for every activity and month.
    private static async Task LeerActividadesAsync(DbDataReader r, IReadOnlyList<AcumuladorEvaluacion> acumuladores,
        Dictionary<int, string> aeis, Dictionary<int, string> centros, Dictionary<int, FichaEvaluable> fichas,
        MesesContados mesesQueCuentan, CancellationToken ct)
    {
        var programado = new decimal[12];
        var ejecutado = new decimal?[12];
        while (await r.ReadAsync(ct))
        {
            var codigo = r.GetString(1);
            var metas = r.GetFieldValue<decimal[]>(7);
            if (metas.Length != 12)
                throw new InvalidOperationException($"La actividad {codigo} tiene {Plural.Conteo(metas.Length, "meta mensual", "metas mensuales")} en la versión; se esperan 12.");
            metas.CopyTo(programado, 0);
            var centro = r.GetInt32(3);
            Array.Clear(ejecutado);
            if (mesesQueCuentan.Alguno(centro) && !r.IsDBNull(8))
            {
                var meses = r.GetFieldValue<int[]>(8);
                var valores = r.GetFieldValue<decimal?[]>(9);
                for (var i = 0; i < meses.Length; i++)
                    if (mesesQueCuentan.Cuenta(centro, meses[i])) ejecutado[meses[i] - 1] = valores[i];
            }
            var (aei, ficha, comportamiento, peso) =
                (aeis[r.GetInt32(2)], r.IsDBNull(4) ? null : fichas[r.GetInt32(4)].Codigo, Enum.Parse<Comportamiento>(r.GetString(5)), r.GetDecimal(6));
            foreach (var acumulador in acumuladores)
                acumulador.Agregar(codigo, aei, centros[centro], ficha, comportamiento, peso, programado, ejecutado);
        }
    }
}
