using Microsoft.EntityFrameworkCore;
using Sipoi.Domain;
using Sipoi.Domain.Estrategia;
using Sipoi.Domain.Operativo;
using Sipoi.Domain.Organizacion;
using Sipoi.Domain.Presupuesto;
using Sipoi.Domain.Seguimiento;
using Sipoi.Interop.Intercambio;
using Sipoi.Web.Auditoria;
using Sipoi.Web.Data;

namespace Sipoi.Web.Intercambio;

public sealed record ResultadoImportacion(bool Exito, IReadOnlyList<string> Errores, string? Entidad = null, int? Anio = null, int Actividades = 0)
{
    public static ResultadoImportacion Fallo(IEnumerable<string> errores) => new(false, errores.ToList());
}

/// <summary>
/// Loads a <c>sipoi-intercambio/1</c> file into the database, all or nothing (one transaction).
/// What it replaces and what it merges (docs/intercambio.md, "Importing"):
/// - the entity, its cost centres, fichas and PEI are merged by code (updated or added; never
///   deleted, since other years may use them);
/// - the POI of the file's year is replaced whole: versions, activities, programming, execution,
///   the year's monitoring (workflow states, evidence) and budget lines. Months with execution in
///   the file enter as approved.
/// The audit log gets one row for the import (who loaded which entity and year), not one per row.
/// </summary>
public static class ImportadorPlan
{
    public static async Task<ResultadoImportacion> ImportarAsync(SipoiDbContext db, Stream json, CancellationToken ct = default)
    {
        var lectura = LectorIntercambio.Leer(json);
        if (!lectura.EsValido) return ResultadoImportacion.Fallo(lectura.Errores.Select(e => e.ToString()));
        return await ImportarAsync(db, lectura.Documento, ct);
    }

    public static async Task<ResultadoImportacion> ImportarAsync(SipoiDbContext db, DocumentoIntercambio doc, CancellationToken ct = default)
    {
        var estrategia = db.Database.CreateExecutionStrategy();
        return await estrategia.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            db.AuditoriaSuspendida = true;
            try
            {
                var entidad = await GuardarEntidadAsync(db, doc, ct);
                var centros = await GuardarCentrosAsync(db, entidad.Id, doc.CentrosCosto, ct);
                var (pei, aeis) = await GuardarPeiAsync(db, entidad.Id, doc.Pei, centros, ct);
                var fichas = await GuardarFichasAsync(db, entidad.Id, doc.Fichas, centros, aeis, ct);
                await ReemplazarPoiAsync(db, entidad.Id, pei.Id, doc.Poi, centros, aeis, fichas, ct);
                InterceptorAuditoria.RegistrarOperacion(db, entidad.Id, "poi", $"{entidad.Codigo} {doc.Poi.Anio}", AccionAuditada.Importacion,
                    $"Archivo sipoi-intercambio/1: PEI {doc.Pei.Codigo}, {doc.Poi.Actividades.Count} actividades, {doc.CentrosCosto.Count} centros de costo.");
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                db.ChangeTracker.Clear();
                return new ResultadoImportacion(true, [], entidad.Codigo, doc.Poi.Anio, doc.Poi.Actividades.Count);
            }
            catch (ReglaDominioException e)
            {
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                return ResultadoImportacion.Fallo([e.Message]);
            }
            catch (DbUpdateException e)
            {
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                return ResultadoImportacion.Fallo(["La base de datos rechazó la importación: " + (e.InnerException?.Message ?? e.Message)]);
            }
            finally
            {
                db.AuditoriaSuspendida = false;
            }
        });
    }

    /// <summary>
    /// Replaces one POI year with <paramref name="poi"/>, all or nothing, against the entity's cost centres, fichas
    /// and the AEIs of PEI <paramref name="peiId"/> as they are (the Excel import: a workbook carries the POI only).
    /// The same replacement as a whole exchange file, with one audit row saying <paramref name="descripcion"/>.
    /// </summary>
    public static async Task<ResultadoImportacion> ReemplazarPoiAsync(SipoiDbContext db, int entidadId, int peiId, PoiDto poi, string descripcion,
        CancellationToken ct = default)
    {
        var estrategia = db.Database.CreateExecutionStrategy();
        return await estrategia.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            db.AuditoriaSuspendida = true;
            try
            {
                var codigo = await db.Entidades.Where(e => e.Id == entidadId).Select(e => e.Codigo).SingleAsync(ct);
                var centros = await db.CentrosCosto.Where(c => c.EntidadId == entidadId).ToDictionaryAsync(c => c.Codigo, ct);
                var aeis = await db.Aeis.Where(a => db.Oeis.Any(o => o.Id == a.OeiId && o.PeiId == peiId)).ToDictionaryAsync(a => a.Codigo, ct);
                var fichas = await db.Fichas.Where(f => f.EntidadId == entidadId).ToDictionaryAsync(f => f.Codigo, ct);
                await ReemplazarPoiAsync(db, entidadId, peiId, poi, centros, aeis, fichas, ct);
                InterceptorAuditoria.RegistrarOperacion(db, entidadId, "poi", $"{codigo} {poi.Anio}", AccionAuditada.Importacion, descripcion);
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                db.ChangeTracker.Clear();
                return new ResultadoImportacion(true, [], codigo, poi.Anio, poi.Actividades.Count);
            }
            catch (Exception e) when (e is ReglaDominioException or DbUpdateException or KeyNotFoundException)
            {
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                return ResultadoImportacion.Fallo([e switch
                {
                    ReglaDominioException => e.Message,
                    // A code the workbook was checked against disappeared meanwhile.
                    KeyNotFoundException => "Los centros de costo, fichas o AEI de la entidad cambiaron durante la importación; vuelva a intentarlo.",
                    _ => "La base de datos rechazó la importación: " + (e.InnerException?.Message ?? e.Message),
                }]);
            }
            finally
            {
                db.AuditoriaSuspendida = false;
            }
        });
    }

    private static async Task<Entidad> GuardarEntidadAsync(SipoiDbContext db, DocumentoIntercambio doc, CancellationToken ct)
    {
        var d = doc.Entidad;
        var entidad = await db.Entidades.SingleOrDefaultAsync(e => e.Codigo == d.Codigo, ct);
        if (entidad is null)
        {
            entidad = new Entidad(d.Codigo, d.Nombre, d.Tipo, d.Siglas, d.Vision);
            db.Entidades.Add(entidad);
        }
        else entidad.Actualizar(d.Nombre, d.Tipo, d.Siglas, d.Vision);

        if (doc.Configuracion is { } c)
        {
            var nueva = entidad.Configuracion.Con(c);
            var errores = nueva.Validar().ToList();
            if (errores.Count > 0)
                throw new ReglaDominioException(string.Join("; ", errores.Select(e => $"configuracion.{e.Campo}: {e.Detalle.TrimEnd('.')}")));
            entidad.Configurar(nueva);
        }
        await db.SaveChangesAsync(ct);
        return entidad;
    }

    private static async Task<Dictionary<string, CentroCosto>> GuardarCentrosAsync(SipoiDbContext db, int entidadId, IReadOnlyList<CentroCostoDto> dtos, CancellationToken ct)
    {
        var centros = await db.CentrosCosto.Where(c => c.EntidadId == entidadId).ToDictionaryAsync(c => c.Codigo, ct);
        foreach (var d in dtos)
        {
            if (!centros.TryGetValue(d.Codigo, out var c))
            {
                c = new CentroCosto(entidadId, d.Codigo, d.Nombre, responsable: d.Responsable, esGerencia: d.Gerencia);
                db.CentrosCosto.Add(c);
                centros[d.Codigo] = c;
            }
        }
        await db.SaveChangesAsync(ct);
        // Parents second: a child may come before its parent in the file.
        foreach (var d in dtos)
            centros[d.Codigo].Actualizar(d.Nombre, d.Padre is null ? null : centros[d.Padre].Id, d.Responsable, d.Gerencia);
        await db.SaveChangesAsync(ct);
        return centros;
    }

    private static async Task<(Pei Pei, Dictionary<string, Aei> Aeis)> GuardarPeiAsync(
        SipoiDbContext db, int entidadId, PeiDto d, Dictionary<string, CentroCosto> centros, CancellationToken ct)
    {
        var pei = await db.Peis.Include(p => p.Oeis).ThenInclude(o => o.Aeis).ThenInclude(a => a.Indicadores).ThenInclude(i => i.Valores)
            .Include(p => p.Oeis).ThenInclude(o => o.Indicadores).ThenInclude(i => i.Valores)
            .AsSplitQuery()
            .SingleOrDefaultAsync(p => p.EntidadId == entidadId && p.Codigo == d.Codigo, ct);
        var inicio = d.Inicio ?? d.Fin ?? 0;
        var fin = d.Fin ?? d.Inicio ?? 0;
        var estado = d.Estado ?? EstadoPei.RegistroIniciado;
        if (pei is null)
        {
            pei = new Pei(entidadId, d.Codigo, inicio, fin, d.Nombre, d.Mision, d.Vision, estado);
            db.Peis.Add(pei);
        }
        else
        {
            pei.Actualizar(d.Nombre, inicio, fin, d.Mision, d.Vision, estado);
            // Priorities may be swapped by the file: move the current ones out of the way first so the
            // unique index never sees two equal values in between.
            foreach (var o in pei.Oeis)
            {
                o.Actualizar(o.Enunciado, o.Prioridad + 100000);
                foreach (var a in o.Aeis) a.Actualizar(a.Enunciado, a.Prioridad + 100000, a.Responsable);
            }
            await db.SaveChangesAsync(ct);
        }

        var indicadoresExistentes = pei.Oeis.SelectMany(o => o.Indicadores.Concat(o.Aeis.SelectMany(a => a.Indicadores))).ToDictionary(i => i.Codigo);
        foreach (var od in d.Oei)
        {
            var oei = pei.Oeis.FirstOrDefault(o => o.Codigo == od.Codigo);
            if (oei is null) oei = pei.AgregarOei(od.Codigo, od.Enunciado, od.Prioridad);
            else oei.Actualizar(od.Enunciado, od.Prioridad);
            foreach (var id in od.Indicadores)
                GuardarIndicador(entidadId, id, indicadoresExistentes, centros, oei.Indicadores);
            foreach (var ad in od.Aei)
            {
                var aei = oei.Aeis.FirstOrDefault(a => a.Codigo == ad.Codigo);
                if (aei is null) aei = oei.AgregarAei(ad.Codigo, ad.Enunciado, ad.Prioridad, ad.Responsable);
                else aei.Actualizar(ad.Enunciado, ad.Prioridad, ad.Responsable);
                foreach (var id in ad.Indicadores)
                    GuardarIndicador(entidadId, id, indicadoresExistentes, centros, aei.Indicadores);
            }
        }
        RenumerarHuerfanos(pei, d);
        await db.SaveChangesAsync(ct);
        return (pei, pei.Oeis.SelectMany(o => o.Aeis).ToDictionary(a => a.Codigo));
    }

    /// <summary>OEI/AEI kept from an earlier import but absent from this file go after the file's priorities.</summary>
    private static void RenumerarHuerfanos(Pei pei, PeiDto d)
    {
        var siguienteOei = d.Oei.Count == 0 ? 1 : d.Oei.Max(o => o.Prioridad) + 1;
        foreach (var o in pei.Oeis.Where(o => o.Prioridad > 100000).OrderBy(o => o.Prioridad))
            o.Actualizar(o.Enunciado, siguienteOei++);
        foreach (var o in pei.Oeis)
        {
            var od = d.Oei.FirstOrDefault(x => x.Codigo == o.Codigo);
            var siguiente = od is null || od.Aei.Count == 0 ? 1 : od.Aei.Max(a => a.Prioridad) + 1;
            foreach (var a in o.Aeis.Where(a => a.Prioridad > 100000).OrderBy(a => a.Prioridad))
                a.Actualizar(a.Enunciado, siguiente++, a.Responsable);
        }
    }

    private static void GuardarIndicador(int entidadId, IndicadorDto d, Dictionary<string, Indicador> existentes,
        Dictionary<string, CentroCosto> centros, List<Indicador> destino)
    {
        int? responsable = d.CentroCostoResponsable is null ? null : centros[d.CentroCostoResponsable].Id;
        if (existentes.TryGetValue(d.Codigo, out var ind))
        {
            ind.Actualizar(d.Nombre, d.Unidad, d.Sentido, d.LineaBase?.Anio, d.LineaBase?.Valor, d.Fuente, d.MetodoCalculo,
                responsable, d.MaximoPermisible, d.MinimoPermisible);
            if (!destino.Contains(ind))
                throw new ReglaDominioException($"El indicador {d.Codigo} ya pertenece a otro objetivo o acción del PEI.");
        }
        else
        {
            ind = new Indicador(entidadId, d.Codigo, d.Nombre, d.Unidad, d.Sentido, d.LineaBase?.Anio, d.LineaBase?.Valor,
                d.Fuente, d.MetodoCalculo, responsable, d.MaximoPermisible, d.MinimoPermisible);
            destino.Add(ind);
            existentes[d.Codigo] = ind;
        }
        foreach (var (anio, valor) in d.LogrosEsperados) ind.FijarLogroEsperado(anio, valor);
        foreach (var (anio, valor) in d.ValoresObtenidos) ind.RegistrarValorObtenido(anio, PeriodoIndicador.Anual, valor);
        foreach (var (clave, valor) in d.ValoresObtenidosSemestre)
        {
            // Keys were validated by the reader as "AAAA-S1" / "AAAA-S2".
            var anio = int.Parse(clave.AsSpan(0, 4), System.Globalization.CultureInfo.InvariantCulture);
            ind.RegistrarValorObtenido(anio, clave.EndsWith('1') ? PeriodoIndicador.Semestre1 : PeriodoIndicador.Semestre2, valor);
        }
    }

    private static async Task<Dictionary<string, FichaProceso>> GuardarFichasAsync(SipoiDbContext db, int entidadId, IReadOnlyList<FichaDto> dtos,
        Dictionary<string, CentroCosto> centros, Dictionary<string, Aei> aeis, CancellationToken ct)
    {
        var fichas = await db.Fichas.Include(f => f.Aeis).Where(f => f.EntidadId == entidadId).ToDictionaryAsync(f => f.Codigo, ct);
        foreach (var d in dtos)
        {
            int? centro = d.CentroCosto is null ? null : centros[d.CentroCosto].Id;
            if (!fichas.TryGetValue(d.Codigo, out var f))
            {
                f = new FichaProceso(entidadId, d.Codigo, d.Nombre, d.Gerencia, centro, d.Responsable, d.Objetivo, d.Peso);
                db.Fichas.Add(f);
                fichas[d.Codigo] = f;
            }
            else f.Actualizar(d.Nombre, d.Gerencia, centro, d.Responsable, d.Objetivo, d.Peso);
            foreach (var a in d.Aei) f.AlinearA(aeis[a].Id);
        }
        await db.SaveChangesAsync(ct);
        return fichas;
    }

    private static async Task ReemplazarPoiAsync(SipoiDbContext db, int entidadId, int peiId, PoiDto d,
        Dictionary<string, CentroCosto> centros, Dictionary<string, Aei> aeis, Dictionary<string, FichaProceso> fichas, CancellationToken ct)
    {
        await EliminarPoiAsync(db, entidadId, d.Anio, ct);

        var poi = new Poi(entidadId, d.Anio, peiId);
        var tipo = d.TipoVersion;
        var version = poi.AgregarVersion(tipo, d.Version ?? NombreVersion(tipo), d.Motivo ?? (tipo == TipoVersionPoi.Modificado ? "Importado" : null));
        if (d.Aprobacion is { } ap) version.Aprobar(ap.Documento, ap.Fecha);
        db.Pois.Add(poi);
        if (d.Presupuesto is { } p)
        {
            foreach (var l in p.Ingresos) db.LineasPresupuesto.Add(new LineaPresupuesto(entidadId, d.Anio, TipoLineaPresupuesto.Ingreso, l.Codigo, l.Nombre ?? l.Codigo, l.Monto));
            foreach (var l in p.Egresos) db.LineasPresupuesto.Add(new LineaPresupuesto(entidadId, d.Anio, TipoLineaPresupuesto.Egreso, l.Codigo, l.Nombre ?? l.Codigo, l.Monto));
        }
        await db.SaveChangesAsync(ct);

        var actividades = new List<(ActividadOperativa Actividad, ActividadDto Dto)>(d.Actividades.Count);
        foreach (var a in d.Actividades)
        {
            var datos = new DatosActividad(a.Ficha is null ? null : fichas[a.Ficha].Id, a.Numero, a.Grupo, a.UnidadMedida, a.Responsable,
                a.MesInicio, a.MesFin, a.CategoriaPresupuestal, a.Producto, a.ActividadPresupuestal, a.Cui, a.Prioridad);
            var act = new ActividadOperativa(entidadId, poi.Id, a.Codigo, a.Tipo, a.Nombre, centros[a.CentroCosto].Id, aeis[a.Aei].Id, datos);
            for (var mes = 1; mes <= 12; mes++)
            {
                if (a.Ejecutado[mes - 1] is not null || a.FinancieroEjecutado[mes - 1] is not null)
                    act.FijarAvance(mes, a.Ejecutado[mes - 1], a.FinancieroEjecutado[mes - 1]);
            }
            foreach (var g in a.FinancieroPorGenerica)
                for (var mes = 1; mes <= 12; mes++)
                    if (g.Ejecutado[mes - 1] is { } monto) act.FijarAvanceFinanciero(g.Generica, mes, monto);
            db.Actividades.Add(act);
            actividades.Add((act, a));
        }
        // Execution that arrives in a file was closed and reviewed by the sending office: its months
        // enter approved (Seguimiento/README.md), which is what evaluation and reports read.
        var (autor, ahora) = InterceptorAuditoria.AutorYMomento(db);
        foreach (var (centro, mes) in actividades
                     .SelectMany(x => x.Actividad.Avances.Select(v => (x.Actividad.CentroCostoId, v.Mes)))
                     .Distinct().OrderBy(x => x.CentroCostoId).ThenBy(x => x.Mes))
            db.Seguimientos.Add(SeguimientoMensual.AprobadoPorImportacion(entidadId, poi.Id, d.Anio, centro, mes, autor, ahora));
        await db.SaveChangesAsync(ct);

        foreach (var (act, a) in actividades)
        {
            var prog = new ProgramacionActividad(entidadId, act.Id, version.Id, a.Comportamiento, a.Peso, a.Programado, a.FinancieroProgramado);
            foreach (var g in a.FinancieroPorGenerica)
                for (var mes = 1; mes <= 12; mes++)
                    if (g.Programado[mes - 1] != 0) prog.Financiera.Add(new ProgramacionFinanciera(entidadId, g.Generica, mes, g.Programado[mes - 1]));
            db.Programaciones.Add(prog);
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Removes a POI year whole. Set-based deletes: a municipality's year is ~4,000 monthly rows.</summary>
    internal static async Task EliminarPoiAsync(SipoiDbContext db, int entidadId, int anio, CancellationToken ct)
    {
        var poiId = await db.Pois.Where(p => p.EntidadId == entidadId && p.Anio == anio).Select(p => (int?)p.Id).SingleOrDefaultAsync(ct);
        await db.LineasPresupuesto.Where(l => l.EntidadId == entidadId && l.Anio == anio).ExecuteDeleteAsync(ct);
        if (poiId is null) return;
        var actividades = db.Actividades.Where(a => a.PoiId == poiId);
        var programaciones = db.Programaciones.Where(p => actividades.Any(a => a.Id == p.ActividadId));
        // The year's monitoring goes with it: workflow states and evidence belong to the replaced activities.
        await db.Evidencias.Where(ev => actividades.Any(a => a.Id == ev.ActividadId)).ExecuteDeleteAsync(ct);
        await db.Seguimientos.Where(s => s.PoiId == poiId).ExecuteDeleteAsync(ct);
        await db.ProgramacionesFinancieras.Where(f => programaciones.Any(p => p.Id == f.ProgramacionId)).ExecuteDeleteAsync(ct);
        await db.MetasMensuales.Where(m => programaciones.Any(p => p.Id == m.ProgramacionId)).ExecuteDeleteAsync(ct);
        await programaciones.ExecuteDeleteAsync(ct);
        await db.Avances.Where(av => actividades.Any(a => a.Id == av.ActividadId)).ExecuteDeleteAsync(ct);
        await db.AvancesFinancieros.Where(av => actividades.Any(a => a.Id == av.ActividadId)).ExecuteDeleteAsync(ct);
        await actividades.ExecuteDeleteAsync(ct);
        await db.PoiVersiones.Where(v => v.PoiId == poiId).ExecuteDeleteAsync(ct);
        await db.Pois.Where(p => p.Id == poiId).ExecuteDeleteAsync(ct);
    }

    internal static string NombreVersion(TipoVersionPoi tipo) => tipo switch
    {
        TipoVersionPoi.Multianual => "Multianual",
        TipoVersionPoi.Modificado => "Modificado",
        _ => "Anual",
    };
}
