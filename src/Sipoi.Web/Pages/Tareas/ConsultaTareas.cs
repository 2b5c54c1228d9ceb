using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Data;
using Sipoi.Web.Seguridad;

namespace Sipoi.Web.Pages.Tareas;

/// <summary>
/// Loads what the task rules (<see cref="ReglasTareas"/>) read for a user of an entity, with one query per list
/// (never one per centre or month), and asks them. Which tasks, their urgency and order are the domain's.
/// Months: the POIs of this year and the previous one (December closes in January); drafts: every POI version in
/// Borrador; calendar: the cycles whose milestones can still be due (two years back to next year); heads of a centre
/// (JefaturaCentro, with the entity's ValidacionJefatura): the centres they head.
/// </summary>
public static class ConsultaTareas
{
    public static async Task<IReadOnlyList<Tarea>> CargarAsync(SipoiDbContext db, ClaimsPrincipal u, Entidad e, DateOnly hoy, CancellationToken ct)
    {
        var operador = u.IsInRole(Roles.Operador);
        var planificador = u.IsInRole(Roles.Planificador);
        var informado = u.IsInRole(Roles.Administrador) || u.IsInRole(Roles.Consulta);
        var hitos = await db.HitosCalendario.AsNoTracking()
            .Where(h => h.EntidadId == e.Id && h.Anio >= hoy.Year - 2 && h.Anio <= hoy.Year + 1).ToListAsync(ct);
        var tareas = new List<Tarea>();
        // The centres whose submissions this user validates as head of their parent (JefaturaCentro.CentroQueValida), any role.
        var jefaturas = e.Configuracion.ValidacionJefatura
            ? await db.Jefaturas.AsNoTracking().Where(j => j.UsuarioId == u.Id() && j.EntidadId == e.Id).Select(j => j.CentroCostoId).ToListAsync(ct)
            : [];
        if (operador || planificador || jefaturas.Count > 0)
        {
            var meses = await MesesAsync(db, e, hoy, ct);
            if (jefaturas.Count > 0)
                tareas.AddRange(ReglasTareas.DeLaJefatura(meses.Where(m => jefaturas.Contains(m.PadreId ?? m.CentroId)).Select(m => m.Mes), e.Configuracion, hoy));
            if (operador || planificador)
            {
                // An Operador's own centres; a user who also plans sees the whole entity for its planning tasks.
                var propios = operador
                    ? await db.UsuariosCentroCosto.AsNoTracking().Where(x => x.UsuarioId == u.Id()).Select(x => x.CentroCostoId).ToListAsync(ct)
                    : [];
                var propuestas = await PropuestasAsync(db, e, ct);
                if (operador)
                    tareas.AddRange(ReglasTareas.DelOperador(meses.Where(m => propios.Contains(m.CentroId)).Select(m => m.Mes),
                        propuestas.Where(p => propios.Contains(p.CentroId)).Select(p => p.Propuesta), hitos, e.Configuracion, hoy));
                if (planificador)
                {
                    var revisadas = propuestas.Where(p => p.Participa).ToList();
                    var versiones = propuestas.GroupBy(p => (p.Propuesta.AnioPoi, p.Propuesta.Version))
                        .Select(g => new VersionPorAprobar(g.Key.AnioPoi, g.Key.Version, g.Count(p => p.Participa),
                            g.Count(p => p.Participa && p.Propuesta.Estado != EstadoFormulacion.Aceptado)))
                        .ToList();
                    var publicadas = (await db.Evaluaciones.AsNoTracking().Where(x => x.EntidadId == e.Id && x.Estado == EstadoEvaluacionPoi.Publicada)
                        .Select(x => new { x.Anio, x.PeriodoCodigo }).ToListAsync(ct)).Select(x => (x.Anio, x.PeriodoCodigo)).ToHashSet();
                    tareas.AddRange(ReglasTareas.DelPlanificador(meses.Select(m => m.Mes), revisadas.Select(p => p.Propuesta), versiones,
                        await RecomendacionesAsync(db, e, ct), hitos, publicadas, e.Configuracion, hoy));
                }
            }
        }
        if (informado) tareas.AddRange(ReglasTareas.Proximos(hitos, hoy));
        return ReglasTareas.Ordenar(tareas.Distinct());
    }

    /// <summary><paramref name="PadreId"/>: the parent centre, whose head validates this centre's months (null at the root: its own head).</summary>
    private sealed record MesCentro(int CentroId, int? PadreId, MesDeCentro Mes);

    /// <summary><paramref name="Participa"/>: the centre has programming in the draft or has touched it (what the planner reviews).</summary>
    private sealed record PropuestaDe(int CentroId, PropuestaCentro Propuesta, bool Participa);

    /// <summary>Every centre × month of the recent POIs whose version in force programs the centre.</summary>
    private static async Task<List<MesCentro>> MesesAsync(SipoiDbContext db, Entidad e, DateOnly hoy, CancellationToken ct)
    {
        var pois = await db.Pois.AsNoTracking().Include(p => p.Versiones)
            .Where(p => p.EntidadId == e.Id && p.Anio >= hoy.Year - 1 && p.Anio <= hoy.Year).ToListAsync(ct);
        var vigentes = pois.Where(p => p.VersionVigente is not null).ToDictionary(p => p.VersionVigente!.Id, p => p);
        if (vigentes.Count == 0) return [];
        var versionIds = vigentes.Keys.ToList();
        var centros = await (from p in db.Programaciones.AsNoTracking()
                             where versionIds.Contains(p.PoiVersionId)
                             join a in db.Actividades on p.ActividadId equals a.Id
                             join c in db.CentrosCosto on a.CentroCostoId equals c.Id
                             select new { p.PoiVersionId, c.Id, c.PadreId, c.Codigo, c.Nombre }).Distinct().ToListAsync(ct);
        var poiIds = pois.Select(p => p.Id).ToList();
        var seguimientos = (await db.Seguimientos.AsNoTracking().Where(s => poiIds.Contains(s.PoiId)).ToListAsync(ct))
            .ToDictionary(s => (s.PoiId, s.CentroCostoId, s.Mes));
        return [.. centros.SelectMany(c =>
        {
            var poi = vigentes[c.PoiVersionId];
            return Enumerable.Range(1, 12).Select(mes => new MesCentro(c.Id, c.PadreId,
                new MesDeCentro(c.Codigo, c.Nombre, new MesDelAnio(poi.Anio, mes), seguimientos.GetValueOrDefault((poi.Id, c.Id, mes)))));
        })];
    }

    /// <summary>
    /// Each active centre's proposal in each draft POI version (Borrador when the centre changed nothing yet): every
    /// active centre may have to propose (an operator is reminded), but the version waits only for the centres that
    /// have programming in it or have started their proposal.
    /// </summary>
    private static async Task<List<PropuestaDe>> PropuestasAsync(SipoiDbContext db, Entidad e, CancellationToken ct)
    {
        var borradores = await (from v in db.PoiVersiones.AsNoTracking()
                                join p in db.Pois on v.PoiId equals p.Id
                                where p.EntidadId == e.Id && v.Estado == EstadoVersionPoi.Borrador
                                select new { v.Id, p.Anio, v.Etiqueta }).ToListAsync(ct);
        if (borradores.Count == 0) return [];
        var ids = borradores.Select(b => b.Id).ToList();
        var estados = await db.FormulacionesCentro.AsNoTracking().Where(f => ids.Contains(f.PoiVersionId))
            .Select(f => new { f.PoiVersionId, f.CentroCostoId, f.Estado }).ToListAsync(ct);
        var programados = (await (from p in db.Programaciones.AsNoTracking()
                                  where ids.Contains(p.PoiVersionId)
                                  join a in db.Actividades on p.ActividadId equals a.Id
                                  select new { p.PoiVersionId, a.CentroCostoId }).Distinct().ToListAsync(ct))
            .Select(x => (x.PoiVersionId, x.CentroCostoId)).ToHashSet();
        var centros = await db.CentrosCosto.AsNoTracking().Where(c => c.EntidadId == e.Id && c.Activo)
            .Select(c => new { c.Id, c.Codigo, c.Nombre }).ToListAsync(ct);
        return [.. from b in borradores
                   from c in centros
                   let fila = estados.FirstOrDefault(x => x.PoiVersionId == b.Id && x.CentroCostoId == c.Id)
                   select new PropuestaDe(c.Id, new PropuestaCentro(b.Anio, b.Etiqueta, c.Codigo, c.Nombre, fila?.Estado ?? EstadoFormulacion.Borrador),
                       fila is not null || programados.Contains((b.Id, c.Id)))];
    }

    /// <summary>Every recommendation with its status after its latest follow-up.</summary>
    private static async Task<List<RecomendacionAbierta>> RecomendacionesAsync(SipoiDbContext db, Entidad e, CancellationToken ct)
    {
        var evaluaciones = await db.Evaluaciones.AsNoTracking().Where(x => x.EntidadId == e.Id)
            .Select(x => new { x.Id, x.Anio, x.PeriodoCodigo }).ToListAsync(ct);
        if (evaluaciones.Count == 0) return [];
        var orden = evaluaciones.ToDictionary(x => x.Id, x => EvaluacionPoi.OrdenDe(x.Anio, Periodo.Parse(x.PeriodoCodigo)));
        var porId = evaluaciones.ToDictionary(x => x.Id);
        var codigos = await db.CentrosCosto.AsNoTracking().Where(c => c.EntidadId == e.Id).ToDictionaryAsync(c => c.Id, c => c.Codigo, ct);
        var filas = await db.Recomendaciones.AsNoTracking().Include(r => r.Seguimiento).Include(r => r.Responsables).AsSplitQuery()
            .Where(r => r.EntidadId == e.Id).ToListAsync(ct);
        return [.. filas.Select(r =>
        {
            var ev = porId[r.EvaluacionId];
            var periodo = Periodo.Parse(ev.PeriodoCodigo);
            // Every responsible unit by its code, then the outside body: "01.02, 03.01, SUNASS".
            var responsables = string.Join(", ", r.Unidades.Select(u => codigos.GetValueOrDefault(u, "")).Order(StringComparer.Ordinal)
                .Concat(r.EntidadExterna is { } x ? [x] : []));
            return new RecomendacionAbierta(r.Numero, EvaluacionPoi.NombreDe(ev.Anio, periodo), ev.Anio, ev.PeriodoCodigo, responsables, r.AccionClave,
                r.Plazo, r.EstadoAl(int.MaxValue, orden));
        })];
    }
}
