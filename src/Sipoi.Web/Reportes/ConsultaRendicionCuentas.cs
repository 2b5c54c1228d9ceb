using Microsoft.EntityFrameworkCore;
using Sipoi.Interop.Reportes;
using Sipoi.Web.Data;
using Sipoi.Web.Evaluacion;

namespace Sipoi.Web.Reportes;

/// <summary>
/// The semester evaluation of a government plan and what the accountability report prints: the domain's evaluation of
/// the plan's targets (<see cref="EvaluacionPlanGobierno"/>) and, next to each objective, the AEIs of the POI that serve
/// it with the evaluation engine's figures for the same semester (<see cref="ConsultaEvaluacion"/>; never recomputed).
/// </summary>
public static class ConsultaRendicionCuentas
{
    /// <summary>An AEI that serves an objective, with the engine's value for the semester (null when it has no activity with a target).</summary>
    public sealed record AeiAlineada(string Codigo, string Enunciado, string Via, ResultadoAei? Resultado);

    /// <summary>The POI side of an objective: its AEIs, and its alignments to another PEI as text.</summary>
    public sealed record PoiDelObjetivo(IReadOnlyList<AeiAlineada> Aeis, IReadOnlyList<string> FueraDelPei);

    public sealed record Datos(Entidad Entidad, PlanGobierno Plan, int Anio, int Semestre, EsquemaBandas Bandas,
        IReadOnlyList<ResultadoDimensionPlan> Dimensiones, string? PeiCodigo, IReadOnlyDictionary<int, PoiDelObjetivo> Poi)
    {
        public string NombreSemestre => ValorMetaPlan.NombreSemestre(Anio, Semestre);
        /// <summary>Whether some target of the plan has a district breakdown (the report prints the district table then).</summary>
        public bool ConDistritos => Dimensiones.SelectMany(d => d.Objetivos).SelectMany(o => o.Metas).Any(m => m.Distritos.Count > 0);
    }

    /// <summary>Null when the entity or the plan does not exist, or the semester is not 1 or 2.</summary>
    public static async Task<Datos?> CargarAsync(SipoiDbContext db, string codigoEntidad, int planId, int anio, int semestre, CancellationToken ct)
    {
        if (semestre is not (1 or 2)) return null;
        var e = await db.Entidades.AsNoTracking().SingleOrDefaultAsync(x => x.Codigo == codigoEntidad, ct);
        if (e is null) return null;
        var plan = await db.PlanesGobierno.AsNoTracking()
            .Include(p => p.Elementos).ThenInclude(x => x.Alineamientos)
            .Include(p => p.Elementos).ThenInclude(x => x.Distritos)
            .Include(p => p.Elementos).ThenInclude(x => x.Valores)
            .AsSplitQuery().SingleOrDefaultAsync(p => p.Id == planId && p.EntidadId == e.Id, ct);
        if (plan is null) return null;
        var bandas = ConfiguracionEvaluacion.Desde(e.Configuracion).Bandas;
        var dimensiones = EvaluacionPlanGobierno.Evaluar(plan, anio, semestre, bandas);

        // The POI of the year, when there is one: the engine's run for the semester.
        var poi = new Dictionary<int, PoiDelObjetivo>();
        string? peiCodigo = null;
        if (await ConsultaEvaluacion.ContextoAsync(db, codigoEntidad, anio, ct) is { } contexto)
        {
            var resultado = await ConsultaEvaluacion.EvaluarAsync(db, contexto, anio, Periodo.Semestre(semestre), ct: ct);
            var peis = await db.Peis.AsNoTracking().Include(x => x.Oeis).ThenInclude(o => o.Aeis).AsSplitQuery()
                .Where(x => x.EntidadId == e.Id).ToListAsync(ct);
            var pei = peis.Single(x => x.Id == contexto.PeiId);
            peiCodigo = pei.Codigo;
            var porAei = resultado.Oeis.SelectMany(o => o.Aeis).ToDictionary(a => a.Codigo, StringComparer.Ordinal);
            foreach (var o in plan.ObjetivosEnOrden())
            {
                var s = o.AeisQueLoSirven(pei, peis);
                poi[o.Id] = new PoiDelObjetivo(
                    [.. s.Aeis.Select(a => new AeiAlineada(a.Aei.Codigo, a.Aei.Enunciado, a.PorOei is { } x ? $"por el {x.Codigo}" : "alineada directamente",
                        porAei.GetValueOrDefault(a.Aei.Codigo)))],
                    s.FueraDelPei);
            }
        }
        return new Datos(e, plan, anio, semestre, bandas, dimensiones, peiCodigo, poi);
    }

    /// <summary>The accountability report's model: the same figures as the evaluation page.</summary>
    public static RendicionCuentas Informe(Datos d) =>
        RendicionCuentas.Desde(d.Entidad.Nombre, d.Plan, d.Anio, d.Semestre, d.Bandas, d.Dimensiones,
            id => d.PeiCodigo is null ? null
                : d.Poi.TryGetValue(id, out var p) ? [.. p.Aeis.Select(a => new AeiRendicion(a.Codigo, a.Enunciado, a.Resultado?.Conteo.ConMeta ?? 0,
                    a.Resultado?.Conteo.Cumplidas ?? 0, a.Resultado?.Valor, a.Resultado?.Banda))] : []);

    /// <summary>"docx" or "xlsx": the report's file with its Spanish name; null for another format.</summary>
    public static ArchivoReporte? Archivo(Datos d, string? formato)
    {
        var informe = Informe(d);
        using var ms = new MemoryStream();
        var nombre = $"rendicion-cuentas-{d.Entidad.Codigo}-{d.Anio}-s{d.Semestre}".ToLowerInvariant();
        switch (formato)
        {
            case "docx":
                RendicionCuentasWord.Escribir(informe, ms);
                return new ArchivoReporte(ms.ToArray(), nombre + ".docx", SolicitudReporte.MimeDocx);
            case "xlsx":
                RendicionCuentasExcel.Escribir(informe, ms);
                return new ArchivoReporte(ms.ToArray(), nombre + ".xlsx", SolicitudReporte.MimeXlsx);
            default:
                return null;
        }
    }
}
