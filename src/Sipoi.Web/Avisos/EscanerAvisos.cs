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

            var recomendaciones = await db.Recomendaciones.AsNoTracking().Include(r => r.Seguimiento).Where(r => r.EntidadId == e.Id)
                .OrderBy(r => r.Id).ToListAsync(ct);
            if (recomendaciones.Count == 0) continue;
            var ordenes = await RegistroEvaluaciones.OrdenesAsync(db, e.Id, ct);
            var evaluaciones = (await db.Evaluaciones.AsNoTracking().Where(v => v.EntidadId == e.Id).ToListAsync(ct)).ToDictionary(v => v.Id);
            foreach (var r in recomendaciones)
            {
                var estado = Recomendacion.EstadoDe(r.Seguimiento.Where(s => ordenes.ContainsKey(s.EvaluacionId)).MaxBy(s => ordenes[s.EvaluacionId]));
                if (ReglasAvisos.AvisoDeRecomendacion(r.Plazo, estado, hoy, diasAntes) is not { } momento) continue;
                var centro = centros.Single(c => c.Id == r.CentroCostoId);
                var mensaje = RedaccionAvisos.Recomendacion(r.Numero, evaluaciones[r.EvaluacionId].Nombre, r.Texto, r.AccionClave,
                    ColaAvisos.NombreCentro(centro.Codigo, centro.Nombre), r.Plazo, momento, hoy);
                var ruta = new Dictionary<string, string> { ["entidad"] = e.Codigo };
                foreach (var u in await OperadoresAsync(centro.Id))
                    avisos.Add(new AvisoCorreo(e.Id, u, TipoAviso.Recomendacion, ClavesAviso.DeRecomendacion(r.Id, momento, r.Plazo, u),
                        mensaje, ColaAvisos.PaginaRecomendaciones, ruta, ahora));
            }
        }
        return await ColaAvisos.EncolarSinRepetirAsync(db, avisos, ct);
    }
}
