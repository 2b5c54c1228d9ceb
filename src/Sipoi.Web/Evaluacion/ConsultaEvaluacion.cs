using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Sipoi.Domain.Evaluacion;
using Sipoi.Domain.Organizacion;
using Sipoi.Domain.Periodos;
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
        var e = await db.Entidades.AsNoTracking().SingleOrDefaultAsync(x => x.Codigo == codigoEntidad, ct);
        if (e is null) return null;
        var poi = await db.Pois.AsNoTracking().Include(p => p.Versiones).SingleOrDefaultAsync(p => p.EntidadId == e.Id && p.Anio == anio, ct);
        if (poi?.VersionVigente is not { } v) return null;
        return new Contexto(e.Id, e.Codigo, e.Nombre, e.Configuracion, v.Id, poi.PeiId);
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
        var pei = await EstructuraAsync(db, c.PeiId, ct);
        var fichas = await db.Fichas.AsNoTracking().Where(f => f.EntidadId == c.EntidadId)
            .Select(f => new FichaEvaluable(f.Codigo, f.Gerencia, f.Peso)).ToListAsync(ct);
        var config = ConfiguracionEvaluacion.Desde(metodo is { } m ? c.Configuracion with { Metodo = m } : c.Configuracion);
        var acumulador = new AcumuladorEvaluacion(pei, config, anio, periodo, fichas, incluirActividades);
        await LeerActividadesAsync(db, c.PoiVersionId, acumulador, ct);
        return acumulador.Resultado();
    }

    /// <summary>The PEI's OEI → AEI → indicators with their values, as the engine's snapshot.</summary>
    public static async Task<EstructuraPei> EstructuraAsync(SipoiDbContext db, int peiId, CancellationToken ct)
    {
        var oeis = await db.Oeis.AsNoTracking().Where(o => o.PeiId == peiId)
            .Include(o => o.Indicadores).ThenInclude(i => i.Valores)
            .Include(o => o.Aeis).ThenInclude(a => a.Indicadores).ThenInclude(i => i.Valores)
            .AsSplitQuery().ToListAsync(ct);
        return new EstructuraPei(oeis.OrderBy(o => o.Prioridad).Select(o => new OeiPei(o.Codigo, o.Prioridad,
            o.Aeis.OrderBy(a => a.Prioridad).Select(a => new AeiPei(a.Codigo, a.Prioridad) { Indicadores = a.Indicadores.Select(Indicador).ToList() }).ToList())
        {
            Indicadores = o.Indicadores.Select(Indicador).ToList(),
        }).ToList());
    }

    private static IndicadorPei Indicador(Domain.Estrategia.Indicador i) => new(i.Codigo, i.Sentido)
    {
        Valores = i.Valores.Select(v => new MedicionIndicador(v.Anio, v.Periodo, v.LogroEsperado, v.ValorObtenido)).ToList(),
        MaximoPermisible = i.MaximoPermisible,
        MinimoPermisible = i.MinimoPermisible,
    };

    // One row per activity and month, in activity order; the 12 rows of an activity are folded into
    // two reused arrays and handed to the accumulator.
    private const string SqlMeses = """
        SELECT a.id, a.codigo, ae.codigo, cc.codigo, f.codigo, p.comportamiento, p.peso, m.mes, m.fisico, v.ejecutado_fisico
          FROM programacion p
          JOIN actividad a ON a.id = p.actividad_id
          JOIN aei ae ON ae.id = a.aei_id
          JOIN centro_costo cc ON cc.id = a.centro_costo_id
          LEFT JOIN ficha_proceso f ON f.id = a.ficha_id
          JOIN meta_mensual m ON m.programacion_id = p.id
          LEFT JOIN avance_mensual v ON v.actividad_id = a.id AND v.mes = m.mes
         WHERE p.poi_version_id = @version
         ORDER BY a.id, m.mes
        """;

    private static async Task LeerActividadesAsync(SipoiDbContext db, int poiVersionId, AcumuladorEvaluacion acumulador, CancellationToken ct)
    {
        var conexion = db.Database.GetDbConnection();
        var abierta = conexion.State == System.Data.ConnectionState.Open;
        if (!abierta) await conexion.OpenAsync(ct);
        try
        {
            await using var cmd = conexion.CreateCommand();
            cmd.CommandText = SqlMeses;
            var p = cmd.CreateParameter();
            p.ParameterName = "version";
            p.Value = poiVersionId;
            cmd.Parameters.Add(p);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            var programado = new decimal[12];
            var ejecutado = new decimal?[12];
            int? actual = null;
            (string Codigo, string Aei, string Centro, string? Ficha, Comportamiento Comp, decimal Peso) fila = default;
            while (await r.ReadAsync(ct))
            {
                var id = r.GetInt32(0);
                if (id != actual)
                {
                    if (actual is not null) Entregar(acumulador, fila, programado, ejecutado);
                    actual = id;
                    Array.Clear(programado);
                    Array.Clear(ejecutado);
                    ComportamientoTexto.TryParse(r.GetString(5).ToLowerInvariant(), out var comp);
                    fila = (r.GetString(1), r.GetString(2), r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4), comp, r.GetDecimal(6));
                }
                var mes = r.GetInt32(7);
                programado[mes - 1] = r.GetDecimal(8);
                ejecutado[mes - 1] = r.IsDBNull(9) ? null : r.GetDecimal(9);
            }
            if (actual is not null) Entregar(acumulador, fila, programado, ejecutado);
        }
        finally
        {
            if (!abierta) await conexion.CloseAsync();
        }
    }

    private static void Entregar(AcumuladorEvaluacion acumulador,
        (string Codigo, string Aei, string Centro, string? Ficha, Comportamiento Comp, decimal Peso) f, decimal[] programado, decimal?[] ejecutado) =>
        acumulador.Agregar(f.Codigo, f.Aei, f.Centro, f.Ficha, f.Comp, f.Peso, programado, ejecutado);
}
