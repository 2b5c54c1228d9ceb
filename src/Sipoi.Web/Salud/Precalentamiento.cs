using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Data;
using Sipoi.Web.Evaluacion;
using Sipoi.Web.Informes;

namespace Sipoi.Web.Salud;

/// <summary>
/// What the first evaluation of a fresh process used to pay for (1.7 s: EF compiling the queries, the engine's code
/// jitted, the connection pool empty), paid once at start instead: the newest POI year in the database (the demo's,
/// or the first entity's) is read and evaluated the way the evaluation page does it. Only reads; nothing is saved.
/// </summary>
public static class Precalentamiento
{
    /// <summary>Which entity and year were evaluated ("EMSAPUNO 2026"), or null when the database has no POI yet.</summary>
    public static async Task<string?> EjecutarAsync(IServiceProvider servicios, CancellationToken ct)
    {
        await using var scope = servicios.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SipoiDbContext>();
        var poi = await (
            from p in db.Pois.AsNoTracking()
            join e in db.Entidades.AsNoTracking() on p.EntidadId equals e.Id
            orderby p.Anio descending, e.Id
            select new { e.Codigo, p.Anio }).FirstOrDefaultAsync(ct);
        if (poi is null || await ConsultaEvaluacion.ContextoAsync(db, poi.Codigo, poi.Anio, ct) is not { } c) return null;
        var periodo = Periodo.Anual;
        await ConsultaEvaluacion.EvaluarAsync(db, c, poi.Anio, periodo, ct: ct);
        await ConsultaEvaluacion.CentrosConEnviadosAsync(db, c, poi.Anio, periodo, ct);
        await ConsultaCompletitud.CalcularAsync(db, c, periodo, ct: ct);
        await NarrativaInforme.CargarAsync(db, c.EntidadId, poi.Anio, periodo, c.Configuracion, ct);
        return $"{poi.Codigo} {poi.Anio}";
    }
}
