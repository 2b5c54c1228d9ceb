using Microsoft.EntityFrameworkCore;
using Sipoi.Interop.Reportes;
using Sipoi.Web.Data;
using Sipoi.Web.Evaluacion;

namespace Sipoi.Web.Reportes;

/// <summary>
/// Consolidation across entities: one engine run per entity (the national path of
/// <see cref="ConsultaEvaluacion.ContextosAsync"/> and <see cref="ConsultaEvaluacion.EvaluarVariasAsync"/>), aggregates only.
/// </summary>
public static class ConsultaConsolidado
{
    /// <summary>Parses "A,B, C" into distinct codes; null or blank means every entity.</summary>
    public static IReadOnlyList<string>? Codigos(string? entidades) => string.IsNullOrWhiteSpace(entidades)
        ? null
        : entidades.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>
    /// The consolidation of <paramref name="codigos"/> (null: every entity with a POI in the year), in the order given
    /// (or by code). <c>SinPoi</c> lists the requested codes without a POI that year (or that do not exist).
    /// </summary>
    public static async Task<(Consolidado Consolidado, IReadOnlyList<string> SinPoi)> ConstruirAsync(
        SipoiDbContext db, int anio, Periodo periodo, IReadOnlyList<string>? codigos, CancellationToken ct)
    {
        var contextos = await ConsultaEvaluacion.ContextosAsync(db, anio, ct);
        var porCodigo = contextos.ToDictionary(c => c.Codigo, StringComparer.Ordinal);
        var elegidos = codigos is null ? contextos : codigos.Where(porCodigo.ContainsKey).Select(c => porCodigo[c]).ToList();
        var sinPoi = codigos is null ? [] : codigos.Where(c => !porCodigo.ContainsKey(c)).ToList();

        var peis = elegidos.Select(c => c.PeiId).Distinct().ToList();
        var enunciados = (await db.Oeis.AsNoTracking().Where(o => peis.Contains(o.PeiId)).Select(o => new { o.PeiId, o.Codigo, o.Enunciado }).ToListAsync(ct))
            .GroupBy(o => o.PeiId).ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, string>)g.ToDictionary(o => o.Codigo, o => o.Enunciado, StringComparer.Ordinal));
        var siglas = await db.Entidades.AsNoTracking().Where(e => elegidos.Select(c => c.EntidadId).Contains(e.Id))
            .ToDictionaryAsync(e => e.Id, e => e.NombreCorto, ct);

        var entidades = new List<EntidadConsolidada>();
        await foreach (var (c, r) in ConsultaEvaluacion.EvaluarVariasAsync(db, elegidos, anio, periodo, incluirActividades: false, ct: ct))
        {
            entidades.Add(EntidadConsolidada.Desde(c.Codigo, siglas.GetValueOrDefault(c.EntidadId) ?? c.Nombre, r,
                enunciados.GetValueOrDefault(c.PeiId) ?? new Dictionary<string, string>()));
        }
        return (new Consolidado(anio, periodo.Nombre, entidades), sinPoi);
    }

    public static string NombreArchivo(int anio, Periodo periodo) => $"POI-{anio}-consolidado-{periodo.Codigo}.xlsx";
}
