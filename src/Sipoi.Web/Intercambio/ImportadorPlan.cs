using Microsoft.EntityFrameworkCore;
using Sipoi.Interop.Intercambio;
using Sipoi.Web.Auditoria;
using Sipoi.Web.Data;

namespace Sipoi.Web.Intercambio;

/// <summary>
/// Loads a <c>sipoi-intercambio/1</c> file into the database, all or nothing (one transaction).
/// What it replaces and what it merges (docs/intercambio.md, "Importing"):
/// - the entity, its cost centres, fichas and PEI are merged by code (updated or added; never
///   deleted, since other years may use them);
/// - the POI of the file's year gets the file's version, programming and budget lines; its activities are
///   matched by code. Registered progress is never lost (<see cref="ReimportacionPoi"/>): every registered
///   month, justification, evidence and monthly workflow state of the activities that remain is kept; an
///   import that would drop an activity with progress, move it, or change a submitted or approved month
///   is refused whole. Months with execution in a file without <c>poi.seguimiento</c> enter as approved.
/// The audit log gets one summary row per import and, over existing data, every changed or deleted value.
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
        return await db.UnidadAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            // A new entity or year replaces nothing: its rows go under the import's summary row. Over existing data,
            // every value the import changes or deletes is logged (old → new) by the audit interceptor.
            var codigo = doc.Entidad.Codigo;
            var entidadNueva = !await db.Entidades.AnyAsync(e => e.Codigo == codigo, ct);
            db.AuditoriaSuspendida = entidadNueva;
            db.AuditoriaSinAltas = entidadNueva || !await db.Pois.AnyAsync(p => p.Anio == doc.Poi.Anio && db.Entidades.Any(e => e.Id == p.EntidadId && e.Codigo == codigo), ct);
            try
            {
                var entidad = await GuardarEntidadAsync(db, doc, ct);
                var centros = await GuardarCentrosAsync(db, entidad.Id, doc.CentrosCosto, ct);
                var (pei, aeis) = await GuardarPeiAsync(db, entidad.Id, doc.Pei, centros, ct);
                var fichas = await GuardarFichasAsync(db, entidad.Id, doc.Fichas, centros, aeis, ct);
                db.AuditoriaSuspendida = false;
                await ReemplazarPoiAsync(db, entidad.Id, pei.Id, doc.Poi, centros, aeis, fichas, rutasJson: true, ct);
                InterceptorAuditoria.RegistrarOperacion(db, entidad.Id, "poi", $"{entidad.Codigo} {doc.Poi.Anio}", AccionAuditada.Importacion,
                    $"Archivo sipoi-intercambio/1: PEI {doc.Pei.Codigo}, {Plural.Conteo(doc.Poi.Actividades.Count, "actividad", "actividades")}, " +
                    $"{Plural.Conteo(doc.CentrosCosto.Count, "centro de costo", "centros de costo")}.");
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                db.ChangeTracker.Clear();
                return new ResultadoImportacion(true, [], entidad.Codigo, doc.Poi.Anio, doc.Poi.Actividades.Count);
            }
            catch (ImportacionRechazadaException e)
            {
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                return ResultadoImportacion.Fallo(e.Errores);
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
                db.AuditoriaSinAltas = false;
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
        return await db.UnidadAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            // As for an exchange file: a new year's rows go under the summary row; whatever is replaced is logged value by value.
            db.AuditoriaSinAltas = !await db.Pois.AnyAsync(p => p.EntidadId == entidadId && p.Anio == poi.Anio, ct);
            try
            {
                var codigo = await db.Entidades.Where(e => e.Id == entidadId).Select(e => e.Codigo).SingleAsync(ct);
                var centros = await db.CentrosCosto.Where(c => c.EntidadId == entidadId).ToDictionaryAsync(c => c.Codigo, ct);
                var aeis = await db.Aeis.Where(a => db.Oeis.Any(o => o.Id == a.OeiId && o.PeiId == peiId)).ToDictionaryAsync(a => a.Codigo, ct);
                var fichas = await db.Fichas.Where(f => f.EntidadId == entidadId).ToDictionaryAsync(f => f.Codigo, ct);
                await ReemplazarPoiAsync(db, entidadId, peiId, poi, centros, aeis, fichas, rutasJson: false, ct);
                InterceptorAuditoria.RegistrarOperacion(db, entidadId, "poi", $"{codigo} {poi.Anio}", AccionAuditada.Importacion, descripcion);
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                db.ChangeTracker.Clear();
                return new ResultadoImportacion(true, [], codigo, poi.Anio, poi.Actividades.Count);
            }
            catch (ImportacionRechazadaException e)
            {
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                return ResultadoImportacion.Fallo(e.Errores);
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
                db.AuditoriaSinAltas = false;
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
        // A file without entidad.textos (older files) keeps the entity's texts; one with it replaces them whole.
        if (d.Textos is { } textos)
        {
            var fila = await db.TextosInstitucionales.SingleOrDefaultAsync(t => t.EntidadId == entidad.Id, ct);
            if (fila is null) db.TextosInstitucionales.Add(fila = new TextosInstitucionales(entidad.Id));
            fila.Guardar(textos);
            await db.SaveChangesAsync(ct);
        }
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

    internal static async Task ReemplazarPoiAsync(SipoiDbContext db, int entidadId, int peiId, PoiDto d,
        Dictionary<string, CentroCosto> centros, Dictionary<string, Aei> aeis, Dictionary<string, FichaProceso> fichas, bool rutasJson,
        CancellationToken ct)
    {
        var (autor, ahora) = InterceptorAuditoria.AutorYMomento(db);
        var poi = await db.Pois.Include(p => p.Versiones).SingleOrDefaultAsync(p => p.EntidadId == entidadId && p.Anio == d.Anio, ct);
        var codigoCentro = centros.Values.ToDictionary(c => c.Id, c => c.Codigo);
        var actuales = new List<ActividadOperativa>();
        var seguimientos = new Dictionary<(int Centro, int Mes), SeguimientoMensual>();
        if (poi is null)
        {
            poi = new Poi(entidadId, d.Anio, peiId);
            db.Pois.Add(poi);
        }
        else
        {
            actuales = await db.Actividades.Include(a => a.Avances).Include(a => a.AvancesFinancieros).Where(a => a.PoiId == poi.Id)
                .AsSplitQuery().ToListAsync(ct);
            seguimientos = (await db.Seguimientos.Where(s => s.PoiId == poi.Id).ToListAsync(ct)).ToDictionary(s => (s.CentroCostoId, s.Mes));
            var versiones = poi.Versiones.Select(v => v.Id).ToList();
            var programaciones = await db.Programaciones.Include(p => p.Metas).Include(p => p.Financiera).Include(p => p.ElementosCriticos).Include(p => p.Necesidades)
                .Where(p => versiones.Contains(p.PoiVersionId)).AsSplitQuery().ToListAsync(ct);
            VerificarReimportacion(d, actuales, programaciones.Where(p => p.PoiVersionId == poi.VersionVigente?.Id).ToDictionary(p => p.ActividadId),
                seguimientos, codigoCentro, await ConEvidenciaAsync(db, actuales, ct), rutasJson);
            await VerificarProyeccionesAsync(db, d.Anio, programaciones, actuales, ct);
            await VerificarDocumentosOficialesAsync(db, d.Anio, versiones, ct);

            // What the import replaces goes through the change tracker, so the audit log keeps every old value.
            db.Programaciones.RemoveRange(programaciones);
            db.FormulacionesCentro.RemoveRange(await db.FormulacionesCentro.Where(f => versiones.Contains(f.PoiVersionId)).ToListAsync(ct));
            db.PoiVersiones.RemoveRange(poi.Versiones);
            db.LineasPresupuesto.RemoveRange(await db.LineasPresupuesto.Where(l => l.EntidadId == entidadId && l.Anio == d.Anio).ToListAsync(ct));
            // Activities that leave have no progress (checked above); one that moves to another centre is recreated there.
            var quedan = d.Actividades.ToDictionary(a => a.Codigo, a => a.CentroCosto, StringComparer.Ordinal);
            foreach (var a in actuales.Where(a => !quedan.TryGetValue(a.Codigo, out var c) || c != codigoCentro[a.CentroCostoId]).ToList())
            {
                db.Actividades.Remove(a);
                actuales.Remove(a);
            }
            if (poi.PeiId != peiId) poi.ReasignarPei(peiId);
            await db.SaveChangesAsync(ct);
            poi.Versiones.Clear();
        }

        RechazarNuevasEnCentrosInactivos(d, centros, actuales, rutasJson);

        var tipo = d.TipoVersion;
        var version = poi.AgregarVersion(tipo, d.Version ?? NombreVersion(tipo), d.Motivo ?? (tipo == TipoVersionPoi.Modificado ? "Importado" : null));
        if (d.Aprobacion is { } ap) version.Aprobar(ap.Documento, ap.Fecha);
        if (d.Presupuesto is { } p)
        {
            foreach (var l in p.Ingresos) db.LineasPresupuesto.Add(new LineaPresupuesto(entidadId, d.Anio, TipoLineaPresupuesto.Ingreso, l.Codigo, l.Nombre ?? l.Codigo, l.Monto));
            foreach (var l in p.Egresos) db.LineasPresupuesto.Add(new LineaPresupuesto(entidadId, d.Anio, TipoLineaPresupuesto.Egreso, l.Codigo, l.Nombre ?? l.Codigo, l.Monto));
        }
        await db.SaveChangesAsync(ct);

        var existentes = actuales.ToDictionary(a => a.Codigo, StringComparer.Ordinal);
        var actividades = new List<(ActividadOperativa Actividad, ActividadDto Dto)>(d.Actividades.Count);
        foreach (var a in d.Actividades)
        {
            var datos = new DatosActividad(a.Ficha is null ? null : fichas[a.Ficha].Id, a.Numero, a.Grupo, a.UnidadMedida, a.Responsable,
                a.MesInicio, a.MesFin, a.CategoriaPresupuestal, a.Producto, a.ActividadPresupuestal, a.Cui, a.Prioridad);
            if (existentes.TryGetValue(a.Codigo, out var act))
                act.Actualizar(a.Nombre, a.Tipo, aeis[a.Aei].Id, datos, enVersionAprobada: false);
            else
            {
                act = new ActividadOperativa(entidadId, poi.Id, a.Codigo, a.Tipo, a.Nombre, centros[a.CentroCosto].Id, aeis[a.Aei].Id, datos);
                db.Actividades.Add(act);
            }
            // A closed month keeps what it has (the check above refused any difference); elsewhere the file's values
            // replace the registered ones, and a month the file leaves empty keeps what was registered.
            bool Cerrado(int mes) => seguimientos.TryGetValue((act.CentroCostoId, mes), out var s) && ReimportacionPoi.MesCerrado(s.Estado);
            var justificaciones = a.Justificaciones.ToDictionary(j => j.Mes);
            for (var mes = 1; mes <= 12; mes++)
            {
                var fisico = a.Ejecutado[mes - 1];
                var financiero = a.FinancieroEjecutado[mes - 1];
                var justificacion = justificaciones.GetValueOrDefault(mes);
                if ((fisico is null && financiero is null && justificacion is null) || Cerrado(mes)) continue;
                var antes = act.AvanceDe(mes);
                var avance = act.FijarAvance(mes, fisico ?? antes?.EjecutadoFisico, financiero ?? antes?.EjecutadoFinanciero);
                if (justificacion is not null)
                {
                    var texto = new DatosAvance(null, null, justificacion.Logros, justificacion.Dificultades, justificacion.MedidasCorrectivas).Normalizado();
                    avance.Justificar(texto.Logros, texto.Dificultades, texto.MedidasCorrectivas);
                }
            }
            foreach (var g in a.FinancieroPorGenerica)
                for (var mes = 1; mes <= 12; mes++)
                    if (g.Ejecutado[mes - 1] is { } monto && !Cerrado(mes)) act.FijarAvanceFinanciero(g.Generica, mes, monto);
            actividades.Add((act, a));
        }
        await db.SaveChangesAsync(ct);

        var aprobadosAntes = seguimientos.Where(x => x.Value.Estado == EstadoSeguimiento.Aprobado).Select(x => x.Key).ToHashSet();
        if (d.Seguimiento is { } estados)
        {
            // The file says where each month is in the workflow, so the copy counts what the original counts.
            // An approved month stays approved; a month the file does not list keeps its state (or none: pendiente).
            foreach (var e in estados)
            {
                var centro = centros[e.CentroCosto].Id;
                if (seguimientos.TryGetValue((centro, e.Mes), out var s))
                {
                    if (s.Estado != EstadoSeguimiento.Aprobado) s.FijarPorImportacion(e.Estado, autor, ahora);
                }
                else db.Seguimientos.Add(SeguimientoMensual.PorImportacion(entidadId, poi.Id, d.Anio, centro, e.Mes, e.Estado, autor, ahora));
            }
        }
        else
        {
            // A file without states (the format before poi.seguimiento, or a workbook): execution that arrives in it was
            // closed and reviewed by the sending office, so its months enter approved (Seguimiento/README.md);
            // months with a state keep it.
            var conValores = actividades
                .SelectMany(x => Enumerable.Range(1, 12)
                    .Where(m => x.Dto.Ejecutado[m - 1] is not null || x.Dto.FinancieroEjecutado[m - 1] is not null)
                    .Select(m => (x.Actividad.CentroCostoId, Mes: m)))
                .Distinct().Where(x => !seguimientos.ContainsKey(x)).OrderBy(x => x.CentroCostoId).ThenBy(x => x.Mes);
            foreach (var (centro, mes) in conValores)
                db.Seguimientos.Add(SeguimientoMensual.AprobadoPorImportacion(entidadId, poi.Id, d.Anio, centro, mes, autor, ahora));
        }
        await db.SaveChangesAsync(ct);

        if (d.ResumenesPeriodo.Count > 0)
        {
            // The centres' period summaries: a summary whose quarter's last month was already approved here stays as it is,
            // as an approved month does.
            var resumenesActuales = await db.ResumenesPeriodo.Where(x => x.PoiId == poi.Id).ToListAsync(ct);
            foreach (var dtoResumen in d.ResumenesPeriodo)
            {
                var idCentro = centros[dtoResumen.CentroCosto].Id;
                var mesCierre = Periodo.Parse(dtoResumen.Periodo).Hasta;
                var actual = resumenesActuales.FirstOrDefault(x => x.CentroCostoId == idCentro && x.PeriodoCodigo == dtoResumen.Periodo);
                if (actual is null)
                    db.ResumenesPeriodo.Add(new ResumenPeriodo(entidadId, poi.Id, d.Anio, idCentro, mesCierre, dtoResumen.Texto, autor, ahora));
                else if (actual.Texto != dtoResumen.Texto && !aprobadosAntes.Contains((idCentro, mesCierre)))
                    actual.Escribir(dtoResumen.Texto, autor, ahora);
            }
            await db.SaveChangesAsync(ct);
        }

        foreach (var (act, a) in actividades)
        {
            var prog = new ProgramacionActividad(entidadId, act.Id, version.Id, a.Comportamiento, a.Peso, a.Programado, a.FinancieroProgramado);
            foreach (var g in a.FinancieroPorGenerica)
                for (var mes = 1; mes <= 12; mes++)
                    if (g.Programado[mes - 1] != 0) prog.Financiera.Add(new ProgramacionFinanciera(entidadId, g.Generica, mes, g.Programado[mes - 1]));
            prog.Detallar(DetalleIntercambio.Detalle(a), a.Codigo);
            db.Programaciones.Add(prog);
        }
        await db.SaveChangesAsync(ct);
    }

    private static async Task<HashSet<int>> ConEvidenciaAsync(SipoiDbContext db, List<ActividadOperativa> actividades, CancellationToken ct)
    {
        var ids = actividades.Select(a => a.Id).ToList();
        return (await db.Evidencias.AsNoTracking().Where(ev => ids.Contains(ev.ActividadId)).Select(ev => ev.ActividadId).Distinct().ToListAsync(ct)).ToHashSet();
    }

    /// <summary>
    /// Asks the domain whether the import may replace a year with registered progress (<see cref="ReimportacionPoi"/>) and
    /// refuses the whole import with every reason, each under its JSON path when the import is an exchange file.
    /// </summary>
    /// <summary>
    /// The domain's rule "an inactive centre gets no new activity" (CentroCosto.MotivoSinActividadNueva) for the
    /// exchange file, which carries no centre state: an activity the centre already had may stay, a new one is refused
    /// (the Excel reader checks the same rule at its sheet and row before reaching here).
    /// </summary>
    private static void RechazarNuevasEnCentrosInactivos(PoiDto d, Dictionary<string, CentroCosto> centros,
        List<ActividadOperativa> actuales, bool rutasJson)
    {
        var suyas = actuales.Select(a => (a.Codigo, a.CentroCostoId)).ToHashSet();
        var errores = new List<string>();
        for (var i = 0; i < d.Actividades.Count; i++)
        {
            var a = d.Actividades[i];
            if (!centros.TryGetValue(a.CentroCosto, out var centro)) continue;
            if (CentroCosto.MotivoSinActividadNueva(centro.Codigo, centro.Activo, suyas.Contains((a.Codigo, centro.Id))) is not { } motivo) continue;
            errores.Add(rutasJson ? $"poi.actividades[{i}].centroCosto: {motivo}" : $"Actividad {a.Codigo}: {motivo}");
        }
        if (errores.Count > 0) throw new ImportacionRechazadaException(errores);
    }

    private static void VerificarReimportacion(PoiDto d, List<ActividadOperativa> actuales, Dictionary<int, ProgramacionActividad> vigentes,
        Dictionary<(int Centro, int Mes), SeguimientoMensual> seguimientos, Dictionary<int, string> codigoCentro, HashSet<int> conEvidencia, bool rutasJson)
    {
        static ReimportacionPoi.TextosMes Texto(string? logros, string? dificultades, string? medidas)
        {
            var t = new DatosAvance(null, null, logros, dificultades, medidas).Normalizado();
            return new(t.Logros, t.Dificultades, t.MedidasCorrectivas);
        }
        var registradas = actuales.Select(a => new ReimportacionPoi.ActividadActual(a.Codigo, codigoCentro[a.CentroCostoId],
            vigentes.TryGetValue(a.Id, out var p) ? p.ProgramadoFisico() : new decimal[12],
            a.Avances.ToDictionary(v => v.Mes, v => new ReimportacionPoi.MesRegistrado(v.EjecutadoFisico, v.EjecutadoFinanciero,
                Texto(v.Logros, v.Dificultades, v.MedidasCorrectivas))),
            a.AvancesFinancieros.Count > 0 || conEvidencia.Contains(a.Id))).ToList();
        var importadas = d.Actividades.Select((a, i) => new ReimportacionPoi.ActividadImportada(i, a.Codigo, a.CentroCosto, a.Programado,
            a.Ejecutado, a.FinancieroEjecutado, a.Justificaciones.ToDictionary(j => j.Mes, j => Texto(j.Logros, j.Dificultades, j.MedidasCorrectivas)))).ToList();
        var centroId = codigoCentro.ToDictionary(x => x.Value, x => x.Key, StringComparer.Ordinal);
        var problemas = ReimportacionPoi.Verificar(registradas, importadas, (centro, mes) =>
            centroId.TryGetValue(centro, out var id) && seguimientos.TryGetValue((id, mes), out var s) ? s.Estado : EstadoSeguimiento.Pendiente);
        if (problemas.Count == 0) return;
        throw new ImportacionRechazadaException(problemas.Select(x => rutasJson ? RutaJson(x) + x.Mensaje : x.Mensaje).ToList());
    }

    /// <summary>
    /// The multiannual projections (targets of the following years, Formulación) hang from the programming this import
    /// replaces, and the exchange file does not carry them: the database would delete them with their programming, outside
    /// the audit log. Refused whole, naming the activities, until they are handled in Formulación.
    /// </summary>
    private static async Task VerificarProyeccionesAsync(SipoiDbContext db, int anio, List<ProgramacionActividad> programaciones,
        List<ActividadOperativa> actuales, CancellationToken ct)
    {
        var ids = programaciones.Select(p => p.Id).ToList();
        var conProyeccion = (await db.ProyeccionesMultianuales.AsNoTracking().Where(x => ids.Contains(x.ProgramacionId))
            .Select(x => x.ProgramacionId).Distinct().ToListAsync(ct)).ToHashSet();
        if (conProyeccion.Count == 0) return;
        var codigoDe = actuales.ToDictionary(a => a.Id, a => a.Codigo);
        var codigos = programaciones.Where(p => conProyeccion.Contains(p.Id)).Select(p => codigoDe.GetValueOrDefault(p.ActividadId, "?"))
            .Distinct().Order(StringComparer.Ordinal).ToList();
        throw new ImportacionRechazadaException([
            $"El POI {anio} tiene proyecciones multianuales (metas de los años siguientes) en " +
            $"{(codigos.Count == 1 ? "la actividad" : "las actividades")} {Redaccion.Lista(codigos)}: " +
            "el archivo de intercambio no las lleva y la importación las borraría. No se importó nada. " +
            "Para cambiar la programación registre un POI Modificado en Formulación."]);
    }

    /// <summary>
    /// The signed official documents of an approved POI version (Informes) hang from the versions this import replaces: the
    /// database would delete them with their version, outside the audit log. Refused whole, naming the versions.
    /// </summary>
    private static async Task VerificarDocumentosOficialesAsync(SipoiDbContext db, int anio, List<int> versiones, CancellationToken ct)
    {
        var etiquetas = await db.DocumentosOficiales.AsNoTracking()
            .Where(x => x.PoiVersionId != null && versiones.Contains(x.PoiVersionId.Value))
            .Select(x => db.PoiVersiones.Where(v => v.Id == x.PoiVersionId).Select(v => v.Etiqueta).First())
            .Distinct().ToListAsync(ct);
        if (etiquetas.Count == 0) return;
        throw new ImportacionRechazadaException([
            $"El POI {anio} tiene documentos oficiales firmados de {(etiquetas.Count == 1 ? "la versión" : "las versiones")} " +
            $"{Redaccion.Lista(etiquetas.Order(StringComparer.Ordinal).Select(e => $"«{e}»"))}: la importación reemplazaría esas versiones y los " +
            "borraría. No se importó nada. Para cambiar la programación registre un POI Modificado en Formulación."]);
    }

    private static string RutaJson(ReimportacionPoi.Problema p)
    {
        if (p.Indice is not { } i || p.Campo is not { } campo) return "";
        var ruta = $"poi.actividades[{i}].{campo}";
        return p.Mes is not { } mes ? ruta + ": "
            : campo == "justificaciones" ? $"{ruta} (mes {mes}): "
            : $"{ruta}[{mes - 1}]: ";
    }

    internal static string NombreVersion(TipoVersionPoi tipo) => tipo switch
    {
        TipoVersionPoi.Multianual => "Multianual",
        TipoVersionPoi.Modificado => "Modificado",
        _ => "Anual",
    };
}
