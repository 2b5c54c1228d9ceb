using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Data;
using Sipoi.Web.Informes;
using Sipoi.Web.Seguimiento;

namespace Sipoi.Web.Avisos;

/// <summary>
/// The periodic scan: deadlines close or passed (every centre's months, read as the monitoring board reads them) and
/// recommendations due. What is due is the domain's (<see cref="ReglasAvisos"/>); each notice goes in under its key with
/// ON CONFLICT DO NOTHING, so running the scan again, or on several nodes at once, queues nothing twice.
/// </summary>
public static class EscanerAvisos
{
    /// <returns>How many notices were queued now.</returns>
    public static async Task<int> EscanearAsync(SipoiDbContext db, DateTimeOffset ahora, int diasAntes, CancellationToken ct)
    {
        ReglasAvisos.ValidarDiasAntes(diasAntes);
        var hoy = Plazos.Hoy(ahora);
        var avisos = new List<AvisoCorreo>();
        foreach (var e in await db.Entidades.AsNoTracking().OrderBy(e => e.Id).ToListAsync(ct))
        {
            var centros = await db.CentrosCosto.AsNoTracking().Where(c => c.EntidadId == e.Id)
                .Select(c => new { c.Id, c.Codigo, c.Nombre }).ToListAsync(ct);
            var operadores = new Dictionary<int, List<int>>();
            async Task<List<int>> OperadoresAsync(int centroId) => operadores.TryGetValue(centroId, out var l) ? l
                : operadores[centroId] = await ColaAvisos.DestinatariosAsync(db, e.Id, DestinoAviso.OperadoresDelCentro, centroId, ahora, ct);

            // December's deadline falls in January: the previous year is still scanned.
            foreach (var anio in new[] { hoy.Year - 1, hoy.Year })
            {
                if (await EstadoEntregas.CargarAsync(db, e, anio, null, hoy, ct) is not { } entregas) continue;
                var poiId = await db.Pois.Where(p => p.EntidadId == e.Id && p.Anio == anio).Select(p => p.Id).SingleAsync(ct);
                foreach (var fila in entregas.Filas)
                {
                    var centro = centros.Single(c => c.Codigo == fila.Codigo);
                    var debidos = fila.Meses
                        .Select(c => (Celda: c, Tipo: ReglasAvisos.AvisoDeSeguimiento(c.Estado, c.Plazo, hoy, diasAntes)))
                        .Where(x => x.Tipo is not null)
                        // Months sharing a deadline (a quarter) make one notice.
                        .GroupBy(x => (Tipo: x.Tipo!.Value, x.Celda.Plazo));
                    foreach (var g in debidos)
                    {
                        var meses = g.Select(x => new MesDelAnio(anio, x.Celda.Mes)).ToList();
                        var nombre = ColaAvisos.NombreCentro(centro.Codigo, centro.Nombre);
                        var mensaje = g.Key.Tipo == TipoAviso.PlazoProximo
                            ? RedaccionAvisos.PlazoProximo(meses, nombre, g.Key.Plazo, hoy)
                            : RedaccionAvisos.PlazoVencido(meses, nombre, g.Key.Plazo);
                        var ruta = ColaAvisos.RutaSeguimiento(e.Codigo, anio, meses.Min(m => m.Mes), centro.Codigo);
                        foreach (var u in await OperadoresAsync(centro.Id))
                            avisos.Add(new AvisoCorreo(e.Id, u, g.Key.Tipo, ClavesAviso.DePlazo(g.Key.Tipo, poiId, centro.Id, g.Key.Plazo, u),
                                mensaje, ColaAvisos.PaginaSeguimiento, ruta, ahora));
                    }
                }
            }

            avisos.AddRange(await DelCalendarioAsync(db, e, hoy, diasAntes, ahora, OperadoresAsync, ct));

            var recomendaciones = await db.Recomendaciones.AsNoTracking().Include(r => r.Seguimiento).Include(r => r.Responsables).AsSplitQuery()
                .Where(r => r.EntidadId == e.Id).OrderBy(r => r.Id).ToListAsync(ct);
            if (recomendaciones.Count == 0) continue;
            var ordenes = await RegistroEvaluaciones.OrdenesAsync(db, e.Id, ct);
            var evaluaciones = (await db.Evaluaciones.AsNoTracking().Where(v => v.EntidadId == e.Id).ToListAsync(ct)).ToDictionary(v => v.Id);
            foreach (var r in recomendaciones)
            {
                var estado = Recomendacion.EstadoDe(r.Seguimiento.Where(s => ordenes.ContainsKey(s.EvaluacionId)).MaxBy(s => ordenes[s.EvaluacionId]));
                if (ReglasAvisos.AvisoDeRecomendacion(r.Plazo, estado, hoy, diasAntes) is not { } momento) continue;
                // Every responsible unit's operators, once each; an outside body has no one to notify in SIPOI.
                var responsables = centros.Where(c => r.Unidades.Contains(c.Id)).ToList();
                var mensaje = RedaccionAvisos.Recomendacion(r.Numero, evaluaciones[r.EvaluacionId].Nombre, r.Texto, r.AccionClave,
                    NombresRecomendacion.Responsables(responsables.Select(c => ColaAvisos.NombreCentro(c.Codigo, c.Nombre)), r.EntidadExterna),
                    r.Plazo, momento, hoy);
                var ruta = new Dictionary<string, string> { ["entidad"] = e.Codigo };
                var usuarios = new List<int>();
                foreach (var c in responsables) usuarios.AddRange(await OperadoresAsync(c.Id));
                foreach (var u in usuarios.Distinct())
                    avisos.Add(new AvisoCorreo(e.Id, u, TipoAviso.Recomendacion, ClavesAviso.DeRecomendacion(r.Id, momento, r.Plazo, u),
                        mensaje, ColaAvisos.PaginaRecomendaciones, ruta, ahora));
            }
        }
        return await ColaAvisos.EncolarSinRepetirAsync(db, avisos, ct);
    }

    /// <summary>
    /// The calendar's notices (issue 13 item 9): evaluation and formulation milestones N days away or due today, to the
    /// planners; for the proposals milestone, also the operators of each active centre whose proposal in a draft version of
    /// the POI formulated is still Borrador/Observado (a centre without a proposal row is Borrador, as in the tasks).
    /// </summary>
    private static async Task<List<AvisoCorreo>> DelCalendarioAsync(SipoiDbContext db, Entidad e, DateOnly hoy, int diasAntes,
        DateTimeOffset ahora, Func<int, Task<List<int>>> operadoresAsync, CancellationToken ct)
    {
        var avisos = new List<AvisoCorreo>();
        var antes = hoy.AddDays(diasAntes);
        var hitos = await db.HitosCalendario.AsNoTracking().Where(h => h.EntidadId == e.Id && (h.Fecha == hoy || h.Fecha == antes))
            .OrderBy(h => h.Fecha).ThenBy(h => h.Id).ToListAsync(ct);
        if (hitos.Count == 0) return avisos;
        var planificadores = await ColaAvisos.DestinatariosAsync(db, e.Id, DestinoAviso.Planificadores, null, ahora, ct);
        foreach (var h in hitos)
        {
            if (ReglasAvisos.AvisoDeHito(h.Tipo, h.Fecha, hoy, diasAntes) is not { } dia) continue;
            var mensaje = RedaccionAvisos.HitoCalendario(h.Nombre, h.Anio, h.Fechas, h.Fecha, hoy);
            var ruta = new Dictionary<string, string> { ["entidad"] = e.Codigo, ["anio"] = h.Anio.ToString(CultureInfo.InvariantCulture) };
            foreach (var u in planificadores)
                avisos.Add(new AvisoCorreo(e.Id, u, TipoAviso.HitoCalendario, ClavesAviso.DeHito(TipoAviso.HitoCalendario, h.Id, dia, h.Fecha, u),
                    mensaje, ColaAvisos.PaginaCalendario, ruta, ahora));
            if (h.Etapa != EtapaFormulacion.PropuestaCentros) continue;

            var anioPoi = h.Anio + 1;
            var borradores = await (from v in db.PoiVersiones.AsNoTracking()
                                    join p in db.Pois on v.PoiId equals p.Id
                                    where p.EntidadId == e.Id && p.Anio == anioPoi && v.Estado == EstadoVersionPoi.Borrador
                                    select v.Id).ToListAsync(ct);
            if (borradores.Count == 0) continue;
            var estados = await db.FormulacionesCentro.AsNoTracking().Where(f => borradores.Contains(f.PoiVersionId))
                .Select(f => new { f.PoiVersionId, f.CentroCostoId, f.Estado }).ToListAsync(ct);
            var centros = await db.CentrosCosto.AsNoTracking().Where(c => c.EntidadId == e.Id && c.Activo).OrderBy(c => c.Codigo)
                .Select(c => new { c.Id, c.Codigo, c.Nombre }).ToListAsync(ct);
            var rutaPoi = new Dictionary<string, string> { ["entidad"] = e.Codigo, ["anio"] = anioPoi.ToString(CultureInfo.InvariantCulture) };
            foreach (var c in centros)
            {
                // One notice per centre even with several draft versions: the most pressing state (one in the centre's hands).
                var pendiente = borradores
                    .Select(b => estados.FirstOrDefault(x => x.PoiVersionId == b && x.CentroCostoId == c.Id)?.Estado ?? EstadoFormulacion.Borrador)
                    .Select(est => (Estado: est, Dia: ReglasAvisos.AvisoDePropuesta(est, h.Fecha, hoy, diasAntes)))
                    .FirstOrDefault(x => x.Dia is not null);
                if (pendiente.Dia is not { } diaPropuesta) continue;
                var texto = RedaccionAvisos.PropuestaPendiente(anioPoi, ColaAvisos.NombreCentro(c.Codigo, c.Nombre), pendiente.Estado, h.Fecha, hoy);
                foreach (var u in await operadoresAsync(c.Id))
                    avisos.Add(new AvisoCorreo(e.Id, u, TipoAviso.PropuestaPendiente,
                        ClavesAviso.DeHito(TipoAviso.PropuestaPendiente, h.Id, diaPropuesta, h.Fecha, u, c.Id), texto, ColaAvisos.PaginaFormulacion, rutaPoi, ahora));
            }
        }
        return avisos;
    }
}
