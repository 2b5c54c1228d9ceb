using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Sipoi.Web.Data;

namespace Sipoi.Web.Seguimiento;

/// <summary>
/// A cost centre's programming (with its monthly targets) in the POI version in force, as every month read and save needs it.
/// An approved version's programming never changes: approval is one-way (<c>PoiVersion.Aprobar</c>), the Formulación pages
/// write only the draft, an import replaces a year's versions by new rows with new ids, and the database refuses to update
/// an approved version's programming or targets, or to delete them while the version stays (migration 0031). So, read once,
/// it is kept in this node's memory, keyed by the database, the version's id and its row version (xmin: any write of the
/// version row, a re-created row after a restore, changes it), and the centre. A draft in force (a POI with no approved
/// version yet) is read every time.
/// </summary>
/// <remarks>
/// The programming and the targets were the two costliest of the month's nine statements (docs/benchmarks.md, «Sixth
/// session»). Nothing here can be stale on another node: what is kept never changes while its key exists. The objects are
/// shared by concurrent requests and nobody writes them (they are never tracked; the month only reads its targets).
/// Bounded: at most <see cref="ActividadesEnMemoria"/> activities' programming (about 1 KB each), the least used dropped first.
/// </remarks>
public static class ProgramacionDelCentro
{
    /// <summary>How many activities' programming a node keeps (setting <c>Sipoi:Seguimiento:ActividadesEnMemoria</c>; 0 turns it off).</summary>
    public static int ActividadesEnMemoria { get; set; } = 50_000;

    private static readonly Lazy<MemoryCache> Memoria = new(() => new MemoryCache(new MemoryCacheOptions
    {
        SizeLimit = Math.Max(1, ActividadesEnMemoria),
        CompactionPercentage = 0.25,
    }));

    private readonly record struct Clave(string Base, int Version, uint Sello, int Centro);

    /// <summary>
    /// The programming of centre <paramref name="centroId"/> in <paramref name="version"/>, by activity id. <paramref name="sello"/>
    /// is the version row's xmin read with it (null: not known, never kept).
    /// </summary>
    public static async Task<IReadOnlyDictionary<int, ProgramacionActividad>> LeerAsync(SipoiDbContext db, PoiVersion version, uint? sello,
        int centroId, CancellationToken ct)
    {
        var conservar = version.Estado == EstadoVersionPoi.Aprobada && sello is not null && ActividadesEnMemoria > 0;
        var clave = conservar ? new Clave(db.Database.GetConnectionString() ?? "", version.Id, sello!.Value, centroId) : default;
        if (conservar && Memoria.Value.TryGetValue(clave, out IReadOnlyDictionary<int, ProgramacionActividad>? guardada)) return guardada!;

        // The programming of the version (never tracked: nothing here changes it), then its targets by their parents' ids.
        var programaciones = new Dictionary<int, ProgramacionActividad>();
        var porId = new Dictionary<int, ProgramacionActividad>();
        await foreach (var p in Programaciones.Para(db)(db, version.Id, centroId).WithCancellation(ct))
        {
            programaciones[p.ActividadId] = p;
            porId[p.Id] = p;
        }
        await foreach (var meta in Metas.Para(db)(db, porId.Keys.ToList()).WithCancellation(ct))
            if (porId.TryGetValue(meta.ProgramacionId, out var p)) p.Metas.Add(meta);
        if (conservar)
            Memoria.Value.Set(clave, (IReadOnlyDictionary<int, ProgramacionActividad>)programaciones,
                new MemoryCacheEntryOptions { Size = Math.Max(1, programaciones.Count) });
        return programaciones;
    }

    private static readonly ConsultaCompilada<Func<SipoiDbContext, int, int, IAsyncEnumerable<ProgramacionActividad>>> Programaciones = new(() =>
        EF.CompileAsyncQuery((SipoiDbContext db, int version, int centro) =>
            db.Programaciones.AsNoTracking()
                .Where(p => p.PoiVersionId == version && db.Actividades.Any(a => a.Id == p.ActividadId && a.CentroCostoId == centro))));

    private static readonly ConsultaCompilada<Func<SipoiDbContext, List<int>, IAsyncEnumerable<MetaMensual>>> Metas = new(() =>
        EF.CompileAsyncQuery((SipoiDbContext db, List<int> programaciones) =>
            db.MetasMensuales.AsNoTracking().Where(m => programaciones.Contains(m.ProgramacionId))));
}
