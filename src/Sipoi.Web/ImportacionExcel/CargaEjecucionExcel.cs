using Microsoft.EntityFrameworkCore;
using Sipoi.Interop.ImportacionExcel;
using Sipoi.Web.Auditoria;
using Sipoi.Web.Data;
using Sipoi.Web.Intercambio;

namespace Sipoi.Web.ImportacionExcel;

/// <summary>What a history load did, or every reason it did nothing (<see cref="Errores"/>).</summary>
/// <param name="MesesCargados">Activity-months that took the workbook's value (and are approved now).</param>
/// <param name="MesesSinCambio">Activity-months already closed with the same value: left as they were.</param>
public sealed record ResultadoCargaEjecucion(IReadOnlyList<string> Errores, int Actividades, int MesesCargados, int MesesSinCambio)
{
    public bool Exito => Errores.Count == 0;

    public static ResultadoCargaEjecucion Fallo(IReadOnlyList<string> errores) => new(errores, 0, 0, 0);
}

/// <summary>
/// «Cargar ejecución histórica»: an office's execution table (Interop/ImportacionExcel/LectorEjecucionExcel) loaded as the
/// executed months of an existing POI year, all or nothing. Each month follows the domain's rule
/// (<see cref="CargaEjecucionHistorica"/>): a closed month (submitted or approved) is never changed — the same value is
/// left as it is, a different one refuses the whole load, listing every such month; any other month takes the value and
/// its cost centre's month enters approved. Every value written is audited old → new by the audit interceptor
/// (avance_mensual), with one summary row naming the file. README.md in this folder.
/// </summary>
public static class CargaEjecucionExcel
{
    public static async Task<ResultadoCargaEjecucion> CargarAsync(SipoiDbContext db, string codigoEntidad, int anio, Stream archivo, string nombreArchivo,
        CancellationToken ct)
    {
        var entidad = await db.Entidades.AsNoTracking().SingleOrDefaultAsync(e => e.Codigo == codigoEntidad, ct);
        if (entidad is null) return ResultadoCargaEjecucion.Fallo([$"No existe la entidad «{codigoEntidad}»."]);
        var poiId = await db.Pois.Where(p => p.EntidadId == entidad.Id && p.Anio == anio).Select(p => (int?)p.Id).SingleOrDefaultAsync(ct);
        var doc = poiId is null ? null : await ExportadorPlan.ExportarAsync(db, codigoEntidad, anio, ct);
        if (poiId is null || doc is null)
            return ResultadoCargaEjecucion.Fallo([$"La entidad no tiene POI {anio}: la ejecución histórica se carga sobre un POI existente; importe antes su programación (matriz en Excel o archivo de intercambio)."]);

        var lectura = LectorEjecucionExcel.Leer(archivo, new ContextoEjecucionExcel
        {
            Anio = anio,
            Actividades = doc.Poi.Actividades,
            CentrosCosto = doc.CentrosCosto,
        });
        if (!lectura.EsValido) return ResultadoCargaEjecucion.Fallo(lectura.Errores.Select(e => e.ToString()).ToList());

        return await db.UnidadAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            try
            {
                var codigos = lectura.Filas.Select(f => f.Codigo).ToList();
                var actividades = await db.Actividades.Include(a => a.Avances)
                    .Where(a => a.PoiId == poiId && codigos.Contains(a.Codigo)).ToDictionaryAsync(a => a.Codigo, StringComparer.OrdinalIgnoreCase, ct);
                var centros = await db.CentrosCosto.AsNoTracking().Where(c => c.EntidadId == entidad.Id).ToDictionaryAsync(c => c.Id, c => c.Codigo, ct);
                var seguimientos = await db.Seguimientos.Where(s => s.PoiId == poiId).ToDictionaryAsync(s => (s.CentroCostoId, s.Mes), ct);

                var rechazos = new List<string>();
                var cargar = new List<(ActividadOperativa Actividad, int Mes, decimal Valor)>();
                var sinCambio = 0;
                foreach (var fila in lectura.Filas)
                {
                    var act = actividades[fila.Codigo];
                    for (var mes = 1; mes <= 12; mes++)
                    {
                        if (fila.Ejecutado[mes - 1] is not { } valor) continue;
                        var estado = seguimientos.TryGetValue((act.CentroCostoId, mes), out var s) ? s.Estado : EstadoSeguimiento.Pendiente;
                        var actual = act.AvanceDe(mes)?.EjecutadoFisico;
                        switch (CargaEjecucionHistorica.Decidir(estado, actual, valor))
                        {
                            case CargaEjecucionHistorica.Resultado.Cargar:
                                cargar.Add((act, mes, Math.Round(valor, CargaEjecucionHistorica.Decimales)));
                                break;
                            case CargaEjecucionHistorica.Resultado.YaEsta:
                                sinCambio++;
                                break;
                            default:
                                rechazos.Add($"Hoja '{fila.Hoja}', fila {fila.Fila}: " +
                                             CargaEjecucionHistorica.Motivo(act.Codigo, centros[act.CentroCostoId], mes, estado, actual, valor));
                                break;
                        }
                    }
                }
                if (rechazos.Count > 0)
                {
                    await tx.RollbackAsync(ct);
                    db.ChangeTracker.Clear();
                    return ResultadoCargaEjecucion.Fallo(rechazos);
                }

                var (autor, ahora) = InterceptorAuditoria.AutorYMomento(db);
                var cargadas = cargar.Select(x => x.Actividad.Codigo).Distinct(StringComparer.Ordinal).Count();
                InterceptorAuditoria.RegistrarOperacion(db, entidad.Id, "avance_mensual", $"{entidad.Codigo} {anio}", AccionAuditada.Importacion,
                    $"Ejecución histórica del libro «{nombreArchivo}»: {Plural.Conteo(cargar.Count, "mes", "meses")} de {Plural.Conteo(cargadas, "actividad", "actividades")} " +
                    $"{(cargar.Count == 1 ? "cargado y aprobado" : "cargados y aprobados")}" +
                    (sinCambio == 0 ? "." : sinCambio == 1 ? "; 1 mes ya aprobado con el mismo valor queda igual." : $"; {sinCambio} meses ya aprobados con el mismo valor quedan igual."));
                foreach (var (act, mes, valor) in cargar)
                    act.FijarAvance(mes, valor, act.AvanceDe(mes)?.EjecutadoFinanciero);
                // The loaded months enter approved, per cost centre (what evaluation and reports read).
                foreach (var (centro, mes) in cargar.Select(x => (x.Actividad.CentroCostoId, x.Mes)).Distinct().OrderBy(x => x.CentroCostoId).ThenBy(x => x.Mes))
                {
                    if (seguimientos.TryGetValue((centro, mes), out var s)) s.FijarPorImportacion(EstadoSeguimiento.Aprobado, autor, ahora);
                    else db.Seguimientos.Add(SeguimientoMensual.AprobadoPorImportacion(entidad.Id, poiId.Value, anio, centro, mes, autor, ahora));
                }
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                db.ChangeTracker.Clear();
                return new ResultadoCargaEjecucion([], cargadas, cargar.Count, sinCambio);
            }
            catch (Exception e) when (e is ReglaDominioException or DbUpdateException)
            {
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                return ResultadoCargaEjecucion.Fallo([$"No se cargó nada: {e.Message}"]);
            }
        });
    }
}
