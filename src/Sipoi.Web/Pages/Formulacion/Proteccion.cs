using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Data;

namespace Sipoi.Web.Pages.Formulacion;

/// <summary>
/// What a reprogramming must respect in a POI, read once: the approved version in force's targets,
/// each activity's executed months and each cost centre's monitoring states. Asks
/// <see cref="Reprogramacion"/> (the rule lives there). Without an approved version the draft is
/// itself what is in force, and nothing earlier binds it.
/// </summary>
public sealed class Proteccion
{
    private readonly Dictionary<int, MetasActividad> _vigente = [];
    private readonly Dictionary<int, decimal?[]> _ejecutado = [];
    private readonly Dictionary<int, Dictionary<int, EstadoSeguimiento>> _seguimiento = [];
    private readonly Dictionary<int, (string Codigo, int Centro)> _actividades = [];

    public bool Activa { get; private init; }

    public static async Task<Proteccion> CargarAsync(SipoiDbContext db, ContextoFormulacion ctx, CancellationToken ct)
    {
        if (ctx.Poi is not { } poi || ctx.Aprobada is not { } vigente || ctx.Borrador is null) return new Proteccion { Activa = false };
        var p = new Proteccion { Activa = true };
        var programas = await db.Programaciones.AsNoTracking().Where(x => x.PoiVersionId == vigente.Id)
            .Select(x => new { x.ActividadId, x.Comportamiento, Metas = x.Metas.Select(m => new { m.Mes, m.Fisico }).ToList() })
            .ToListAsync(ct);
        foreach (var x in programas)
        {
            var meses = new decimal[12];
            foreach (var m in x.Metas) meses[m.Mes - 1] = m.Fisico;
            p._vigente[x.ActividadId] = new MetasActividad(x.Comportamiento, meses);
        }
        foreach (var a in await db.Actividades.AsNoTracking().Where(a => a.PoiId == poi.Id).Select(a => new { a.Id, a.Codigo, a.CentroCostoId }).ToListAsync(ct))
            p._actividades[a.Id] = (a.Codigo, a.CentroCostoId);
        foreach (var v in await db.Avances.AsNoTracking().Where(v => v.EjecutadoFisico != null && db.Actividades.Any(a => a.Id == v.ActividadId && a.PoiId == poi.Id))
                     .Select(v => new { v.ActividadId, v.Mes, v.EjecutadoFisico }).ToListAsync(ct))
        {
            if (!p._ejecutado.TryGetValue(v.ActividadId, out var meses)) p._ejecutado[v.ActividadId] = meses = new decimal?[12];
            meses[v.Mes - 1] = v.EjecutadoFisico;
        }
        foreach (var s in await db.Seguimientos.AsNoTracking().Where(s => s.PoiId == poi.Id).Select(s => new { s.CentroCostoId, s.Mes, s.Estado }).ToListAsync(ct))
        {
            if (!p._seguimiento.TryGetValue(s.CentroCostoId, out var estados)) p._seguimiento[s.CentroCostoId] = estados = [];
            estados[s.Mes] = s.Estado;
        }
        return p;
    }

    /// <summary>The protected months of an activity (null id: a new one) of a centre, with their reasons.</summary>
    public IReadOnlyDictionary<int, string> Protegidos(int? actividadId, int centroCostoId)
    {
        if (!Activa) return new Dictionary<int, string>();
        var ejecutado = actividadId is { } id && _ejecutado.TryGetValue(id, out var e) ? e : new decimal?[12];
        return Reprogramacion.MesesProtegidos(ejecutado, _seguimiento.GetValueOrDefault(centroCostoId) ?? []);
    }

    /// <summary>Problems of giving activity <paramref name="actividadId"/> (null: new) the targets <paramref name="nueva"/> (null: removed).</summary>
    public IReadOnlyList<string> Verificar(int? actividadId, string codigo, int centroCostoId, MetasActividad? nueva)
    {
        if (!Activa) return [];
        var vigente = actividadId is { } id ? _vigente.GetValueOrDefault(id) : null;
        return Reprogramacion.Verificar(codigo, vigente, nueva, Protegidos(actividadId, centroCostoId));
    }

    /// <summary>Every problem of a whole draft against the version in force: changed activities, and those it removed.</summary>
    public IReadOnlyList<string> VerificarVersion(IReadOnlyDictionary<int, MetasActividad> borrador)
    {
        if (!Activa) return [];
        var problemas = new List<string>();
        foreach (var id in _vigente.Keys.Union(borrador.Keys).Order())
        {
            if (!_actividades.TryGetValue(id, out var a)) continue;
            problemas.AddRange(Verificar(id, a.Codigo, a.Centro, borrador.GetValueOrDefault(id)));
        }
        return problemas;
    }

    public static async Task<Dictionary<int, MetasActividad>> MetasAsync(SipoiDbContext db, int poiVersionId, CancellationToken ct)
    {
        var filas = await db.Programaciones.AsNoTracking().Where(x => x.PoiVersionId == poiVersionId)
            .Select(x => new { x.ActividadId, x.Comportamiento, Metas = x.Metas.Select(m => new { m.Mes, m.Fisico }).ToList() })
            .ToListAsync(ct);
        return filas.ToDictionary(x => x.ActividadId, x =>
        {
            var meses = new decimal[12];
            foreach (var m in x.Metas) meses[m.Mes - 1] = m.Fisico;
            return new MetasActividad(x.Comportamiento, meses);
        });
    }
}
