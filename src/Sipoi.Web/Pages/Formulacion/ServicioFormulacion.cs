using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Data;

namespace Sipoi.Web.Pages.Formulacion;

public sealed record ResultadoFormulacion(bool Exito, string Mensaje, IReadOnlyList<ProblemaProgramacion> Problemas)
{
    internal static ResultadoFormulacion Hecho(string mensaje) => new(true, mensaje, []);
    internal static ResultadoFormulacion Rechazado(string mensaje) => new(false, mensaje, []);
    internal static ResultadoFormulacion Invalido(string mensaje, IEnumerable<ProblemaProgramacion> problemas) => new(false, mensaje, problemas.ToList());
    internal static ResultadoFormulacion Invalido(string mensaje, IEnumerable<string> problemas) =>
        new(false, mensaje, problemas.Select(p => new ProblemaProgramacion("", p)).ToList());
}

/// <summary>What the confirmation of an approval shows (<see cref="ServicioFormulacion.ResumenAprobacionAsync"/>).</summary>
/// <param name="Metas">Monthly physical targets other than zero.</param>
/// <param name="Vigente">The version in force it replaces; null for a POI's first approval.</param>
public sealed record ResumenAprobacion(string Etiqueta, string Documento, DateOnly Fecha, int Actividades, int Metas,
    string? Vigente, int ActividadesVigente, int MetasVigente);

/// <summary>
/// The drafting operations (README.md in this folder). Each one asks the domain, then writes
/// everything in one transaction, or nothing: any problem comes back with its field and changes
/// nothing. Permissions are the caller's (PermisosFormulacion), checked before calling.
/// </summary>
public static class ServicioFormulacion
{
    /// <summary>A new year's POI under the PEI that covers it, with its first version (Multianual or Anual) open for drafting.</summary>
    public static async Task<ResultadoFormulacion> CrearPoiAsync(SipoiDbContext db, ContextoFormulacion ctx, TipoVersionPoi tipo, CancellationToken ct)
    {
        if (ctx.Poi is not null) return ResultadoFormulacion.Rechazado($"El POI {ctx.Anio} ya existe.");
        if (tipo == TipoVersionPoi.Modificado) return ResultadoFormulacion.Rechazado("Un POI nuevo empieza como Multianual o Anual.");
        var peis = await db.Peis.AsNoTracking().Where(p => p.EntidadId == ctx.Entidad.Id && p.Inicio <= ctx.Anio && p.Fin >= ctx.Anio)
            .OrderByDescending(p => p.Inicio).ToListAsync(ct);
        if (peis.Count == 0) return ResultadoFormulacion.Rechazado($"Ningún PEI de la entidad cubre el año {ctx.Anio}; registre o amplíe el PEI primero.");
        var poi = new Poi(ctx.Entidad.Id, ctx.Anio, peis[0].Id);
        var version = poi.AbrirVersion(tipo, null);
        db.Pois.Add(poi);
        await db.SaveChangesAsync(ct);
        return ResultadoFormulacion.Hecho($"Se creó el POI {ctx.Anio} ({peis[0].Codigo}) con la versión «{version.Etiqueta}» en borrador.");
    }

    /// <summary>Opens the next version as a copy of the approved one in force (its programming; the activities are the year's).</summary>
    public static async Task<ResultadoFormulacion> AbrirVersionAsync(SipoiDbContext db, ContextoFormulacion ctx, TipoVersionPoi tipo, string? motivo,
        CancellationToken ct)
    {
        if (ctx.Poi is not { } poi) return ResultadoFormulacion.Rechazado($"No existe el POI {ctx.Anio}.");
        var origen = ctx.Aprobada;
        PoiVersion version;
        try { version = poi.AbrirVersion(tipo, motivo); }
        catch (ReglaDominioException e) { return ResultadoFormulacion.Rechazado(e.Message); }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        if (origen is not null)
        {
            var programas = await db.Programaciones.Include(p => p.Metas).Include(p => p.Financiera).Include(p => p.Proyecciones).Include(p => p.ElementosCriticos).Include(p => p.Necesidades)
                .AsSplitQuery().AsNoTracking().Where(p => p.PoiVersionId == origen.Id).ToListAsync(ct);
            foreach (var p in programas)
                db.Programaciones.Add(p.CopiarPara(p.ActividadId, version.Id, conProyecciones: tipo == TipoVersionPoi.Multianual));
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
        return ResultadoFormulacion.Hecho($"Se abrió la versión «{version.Etiqueta}» en borrador" +
            (origen is null ? "." : $", con la programación de «{origen.Etiqueta}» como punto de partida."));
    }

    /// <summary>Creates or changes one activity of the centre in the draft version; the rules are the domain's (GuardadoActividad).</summary>
    /// <param name="codigoExistente">The code of the activity being edited; null for a new one.</param>
    public static async Task<ResultadoFormulacion> GuardarActividadAsync(SipoiDbContext db, ContextoFormulacion ctx, CentroCosto centro,
        string? codigoExistente, EntradaActividad entrada, CancellationToken ct)
    {
        if (ctx.Poi is not { } poi || ctx.Borrador is not { } borrador)
            return ResultadoFormulacion.Rechazado($"El POI {ctx.Anio} no tiene una versión en borrador; la Oficina de Planeamiento debe abrirla.");
        // Texts the domain refuses stop here, before any of them reaches a query.
        if (entrada.ProblemasDeTexto() is { Count: > 0 } textos)
            return ResultadoFormulacion.Invalido("No se guardó la actividad; corrija lo siguiente:", textos);
        var (codigo, nueva) = ((codigoExistente ?? entrada.Codigo ?? "").Trim(), codigoExistente is null);
        var actividad = codigo.Length == 0 ? null : await db.Actividades.SingleOrDefaultAsync(a => a.PoiId == poi.Id && a.Codigo == codigo, ct);
        var delCodigo = actividad is null ? null : new ActividadDelCodigo(actividad.CentroCostoId,
            await db.Programaciones.AnyAsync(p => p.PoiVersionId == borrador.Id && p.ActividadId == actividad.Id, ct));
        if (GuardadoActividad.MotivoCentroInactivo(centro, nueva, delCodigo) is { } inactivo) return ResultadoFormulacion.Rechazado(inactivo);
        if ((await EstadoCentroAsync(db, borrador, centro, ct)).MotivoNoEditable(centro.Codigo) is { } no) return ResultadoFormulacion.Rechazado(no);
        if (!nueva && actividad is null) return ResultadoFormulacion.Rechazado($"No existe la actividad {codigo} en el POI {ctx.Anio}.");
        if (!nueva && await HuellaActualAsync(db, borrador, centro, codigo, ct) is { } huella && huella != entrada.Huella)
            return ResultadoFormulacion.Rechazado($"Otra persona guardó cambios en la actividad {codigo} mientras usted la editaba; " +
                "no se guardó nada. Vuelva a abrir la actividad para ver la versión actual y aplique de nuevo sus cambios.");

        var lectura = entrada.Leer(ctx.Anio, borrador.Tipo == TipoVersionPoi.Multianual);
        var problemas = lectura.Problemas.ToList();
        if (codigo.Length > 0 && GuardadoActividad.ProblemaCodigo(codigo, ctx.Anio, centro.Id, nueva, delCodigo) is { } enUso) problemas.Add(enUso);
        Aei? aei = null;
        if (!string.IsNullOrWhiteSpace(entrada.Aei) && GuardadoActividad.ProblemaAei(codigo, entrada.Aei, await PeiAsync(db, poi, ct), out aei) is { } ajena)
            problemas.Add(ajena);
        var ficha = await FichaAsync(db, ctx, codigo, entrada.Ficha, problemas, ct);
        if (problemas.Count == 0 && lectura.Propuesta is { } propuesta)
            problemas.AddRange((await Proteccion.CargarAsync(db, ctx, ct)).Verificar(actividad?.Id, codigo, centro.Id,
                new MetasActividad(propuesta.Comportamiento, propuesta.Fisico)).Select(m => new ProblemaProgramacion("Fisico", m)));
        if (problemas.Count > 0 || lectura.Propuesta is not { } p)
            return ResultadoFormulacion.Invalido($"No se guardó la actividad {codigo}; corrija lo siguiente:", problemas);
        try
        {
            await GuardarAsync(db, ctx, poi, borrador, centro, actividad, codigo, entrada.Nombre!, aei!.Id, lectura with { Datos = lectura.Datos with { FichaId = ficha } }, p, ct);
        }
        catch (ReglaDominioException e)
        {
            db.ChangeTracker.Clear();
            return ResultadoFormulacion.Invalido($"No se guardó la actividad {codigo}; corrija lo siguiente:", [e.Message]);
        }
        // The needs against the financial programming are reported, never refused (README.md, "Indicator, critical elements and needs").
        var aviso = DetalleActividad.ComparacionConProgramacion(codigo, lectura.Detalle.TotalNecesidades, p.FinancieroMensual().Sum(), lectura.Detalle.Necesidades.Count);
        return ResultadoFormulacion.Hecho($"Se guardó la actividad {codigo} en «{borrador.Etiqueta}»." + (aviso is null ? "" : $" Aviso: {aviso}"));
    }

    /// <summary>The PEI the POI uses, with its OEIs and AEIs (an activity's AEI must be one of them).</summary>
    private static Task<Pei> PeiAsync(SipoiDbContext db, Poi poi, CancellationToken ct) =>
        db.Peis.AsNoTracking().Include(x => x.Oeis).ThenInclude(o => o.Aeis).AsSplitQuery().SingleAsync(x => x.Id == poi.PeiId, ct);

    /// <summary>The ficha de proceso typed (null when none), or a problem when the entity has no ficha with that code.</summary>
    private static async Task<int?> FichaAsync(SipoiDbContext db, ContextoFormulacion ctx, string codigo, string? texto, List<ProblemaProgramacion> problemas,
        CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(texto)) return null;
        var ficha = await db.Fichas.AsNoTracking().Where(f => f.EntidadId == ctx.Entidad.Id && f.Codigo == texto.Trim())
            .Select(f => (int?)f.Id).SingleOrDefaultAsync(ct);
        if (ficha is null) problemas.Add(new("Ficha", $"Actividad {codigo}: la ficha de proceso «{texto.Trim()}» no existe."));
        return ficha;
    }

    /// <summary>Writes the activity and its programming in the draft, in one transaction; the entities refuse what breaks their rules.</summary>
    private static async Task GuardarAsync(SipoiDbContext db, ContextoFormulacion ctx, Poi poi, PoiVersion borrador, CentroCosto centro,
        ActividadOperativa? actividad, string codigo, string nombre, int aeiId, EntradaActividad.Lectura lectura, PropuestaProgramacion p, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (actividad is null)
        {
            actividad = new ActividadOperativa(ctx.Entidad.Id, poi.Id, codigo, lectura.Tipo, nombre, centro.Id, aeiId, lectura.Datos);
            db.Actividades.Add(actividad);
        }
        else
        {
            var enAprobada = await db.Programaciones.AnyAsync(x => x.ActividadId == actividad.Id &&
                db.PoiVersiones.Any(v => v.Id == x.PoiVersionId && v.Estado == EstadoVersionPoi.Aprobada), ct);
            actividad.Actualizar(nombre, lectura.Tipo, aeiId, lectura.Datos, enAprobada);
        }
        await db.SaveChangesAsync(ct);
        var programa = await db.Programaciones.Include(x => x.Metas).Include(x => x.Financiera).Include(x => x.Proyecciones).Include(x => x.ElementosCriticos).Include(x => x.Necesidades).AsSplitQuery()
            .SingleOrDefaultAsync(x => x.PoiVersionId == borrador.Id && x.ActividadId == actividad.Id, ct);
        if (programa is null)
        {
            programa = new ProgramacionActividad(ctx.Entidad.Id, actividad.Id, borrador.Id, p.Comportamiento, p.Peso, p.Fisico, p.FinancieroMensual());
            db.Programaciones.Add(programa);
        }
        programa.Reprogramar(p.Comportamiento, p.Peso, p.Fisico, p.Financiero);
        programa.Proyectar(borrador.Tipo == TipoVersionPoi.Multianual ? lectura.Proyecciones : []);
        programa.Detallar(lectura.Detalle, codigo);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>The fingerprint of the activity as stored now in the draft (null when the draft does not program it).</summary>
    private static async Task<string?> HuellaActualAsync(SipoiDbContext db, PoiVersion borrador, CentroCosto centro, string codigo, CancellationToken ct)
    {
        var fila = (await ConsultaFormulacion.ActividadesAsync(db, borrador.Id, centro.Id, ct, codigo)).SingleOrDefault();
        return fila is null ? null : EntradaActividad.HuellaDe(EntradaActividad.Desde(fila.Actividad, fila.Programacion, fila.AeiCodigo, fila.FichaCodigo));
    }

    /// <summary>
    /// Removes an activity from the draft version (cancelled). The activity row itself goes only when
    /// nothing else refers to it: no other version programs it and it has no execution.
    /// </summary>
    public static async Task<ResultadoFormulacion> RetirarActividadAsync(SipoiDbContext db, ContextoFormulacion ctx, CentroCosto centro, string codigo,
        CancellationToken ct)
    {
        if (ctx.Poi is not { } poi || ctx.Borrador is not { } borrador)
            return ResultadoFormulacion.Rechazado($"El POI {ctx.Anio} no tiene una versión en borrador.");
        var estado = await EstadoCentroAsync(db, borrador, centro, ct);
        if (estado.MotivoNoEditable(centro.Codigo) is { } no) return ResultadoFormulacion.Rechazado(no);
        var actividad = await db.Actividades.Include(a => a.Avances).Include(a => a.AvancesFinancieros)
            .SingleOrDefaultAsync(a => a.PoiId == poi.Id && a.Codigo == codigo && a.CentroCostoId == centro.Id, ct);
        var programa = actividad is null ? null
            : await db.Programaciones.SingleOrDefaultAsync(x => x.PoiVersionId == borrador.Id && x.ActividadId == actividad.Id, ct);
        if (actividad is null || programa is null) return ResultadoFormulacion.Rechazado($"La actividad {codigo} no está en «{borrador.Etiqueta}».");
        var problemas = (await Proteccion.CargarAsync(db, ctx, ct)).Verificar(actividad.Id, codigo, centro.Id, null);
        if (problemas.Count > 0) return ResultadoFormulacion.Invalido($"No se retiró la actividad {codigo}:", problemas);
        db.Programaciones.Remove(programa);
        var enOtras = await db.Programaciones.AnyAsync(x => x.ActividadId == actividad.Id && x.PoiVersionId != borrador.Id, ct);
        var conEvidencias = await db.Evidencias.AnyAsync(e => e.ActividadId == actividad.Id, ct);
        if (!enOtras && !conEvidencias && actividad.Avances.Count == 0 && actividad.AvancesFinancieros.Count == 0) db.Actividades.Remove(actividad);
        await db.SaveChangesAsync(ct);
        return ResultadoFormulacion.Hecho($"Se retiró la actividad {codigo} de «{borrador.Etiqueta}».");
    }

    /// <summary>
    /// Starts the centre's draft from last year's activities: those of the previous year's approved
    /// version in force, with their programming, under the same codes. Codes already in this POI are
    /// skipped; an AEI the current PEI lacks stops the whole copy (nothing is copied).
    /// </summary>
    public static async Task<ResultadoFormulacion> CopiarAnioAnteriorAsync(SipoiDbContext db, ContextoFormulacion ctx, CentroCosto centro,
        CancellationToken ct)
    {
        if (ctx.Poi is not { } poi || ctx.Borrador is not { } borrador)
            return ResultadoFormulacion.Rechazado($"El POI {ctx.Anio} no tiene una versión en borrador.");
        // Every copied activity is new to the draft.
        if (GuardadoActividad.MotivoCentroInactivo(centro, nueva: true, actual: null) is { } inactivo) return ResultadoFormulacion.Rechazado(inactivo);
        var estado = await EstadoCentroAsync(db, borrador, centro, ct);
        if (estado.MotivoNoEditable(centro.Codigo) is { } no) return ResultadoFormulacion.Rechazado(no);
        var anterior = await db.Pois.AsNoTracking().Include(p => p.Versiones)
            .SingleOrDefaultAsync(p => p.EntidadId == ctx.Entidad.Id && p.Anio == ctx.Anio - 1, ct);
        var fuente = anterior?.Versiones.Where(v => v.Estado == EstadoVersionPoi.Aprobada).MaxBy(v => v.Numero);
        if (anterior is null || fuente is null)
            return ResultadoFormulacion.Rechazado($"El POI {ctx.Anio - 1} no tiene una versión aprobada de la cual copiar.");

        var actividades = await db.Actividades.AsNoTracking()
            .Where(a => a.PoiId == anterior.Id && a.CentroCostoId == centro.Id && db.Programaciones.Any(p => p.ActividadId == a.Id && p.PoiVersionId == fuente.Id))
            .OrderBy(a => a.Codigo).ToListAsync(ct);
        if (actividades.Count == 0)
            return ResultadoFormulacion.Rechazado($"El centro de costo {centro.Codigo} no tenía actividades en «{fuente.Etiqueta}» de {ctx.Anio - 1}.");
        var existentes = (await db.Actividades.AsNoTracking().Where(a => a.PoiId == poi.Id).Select(a => a.Codigo).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var aeisAntes = await db.Aeis.AsNoTracking().Where(a => db.Oeis.Any(o => o.Id == a.OeiId && o.PeiId == anterior.PeiId))
            .ToDictionaryAsync(a => a.Id, a => a.Codigo, ct);
        var aeisAhora = await db.Aeis.AsNoTracking().Where(a => db.Oeis.Any(o => o.Id == a.OeiId && o.PeiId == poi.PeiId))
            .ToDictionaryAsync(a => a.Codigo, a => a.Id, StringComparer.Ordinal, ct);
        var copiar = actividades.Where(a => !existentes.Contains(a.Codigo)).ToList();
        var problemas = copiar.Where(a => !aeisAhora.ContainsKey(aeisAntes.GetValueOrDefault(a.AeiId, "")))
            .Select(a => $"Actividad {a.Codigo}: su AEI {aeisAntes.GetValueOrDefault(a.AeiId, "?")} no existe en el PEI de {ctx.Anio}.").ToList();
        if (problemas.Count > 0) return ResultadoFormulacion.Invalido("No se copió nada; corrija lo siguiente:", problemas);
        if (copiar.Count == 0)
            return ResultadoFormulacion.Hecho($"{(actividades.Count == 1 ? "La actividad" : $"Las {actividades.Count} actividades")} de {ctx.Anio - 1} ya {(actividades.Count == 1 ? "está" : "están")} en el POI {ctx.Anio}; no se copió nada.");

        var ids = copiar.Select(a => a.Id).ToList();
        var programas = await db.Programaciones.AsNoTracking().Include(p => p.Metas).Include(p => p.Financiera).Include(p => p.ElementosCriticos).Include(p => p.Necesidades).AsSplitQuery()
            .Where(p => p.PoiVersionId == fuente.Id && ids.Contains(p.ActividadId)).ToDictionaryAsync(p => p.ActividadId, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var nuevas = copiar.Select(a => (Antes: a, Nueva: new ActividadOperativa(ctx.Entidad.Id, poi.Id, a.Codigo, a.Tipo, a.Nombre, centro.Id,
            aeisAhora[aeisAntes[a.AeiId]], new DatosActividad(a.FichaId, a.Numero, a.Grupo, a.UnidadMedida, a.Responsable, a.MesInicio, a.MesFin,
                a.CategoriaPresupuestal, a.Producto, a.ActividadPresupuestal, a.Cui, a.Prioridad)))).ToList();
        db.Actividades.AddRange(nuevas.Select(n => n.Nueva));
        await db.SaveChangesAsync(ct);
        foreach (var (antes, nueva) in nuevas)
            db.Programaciones.Add(programas[antes.Id].CopiarPara(nueva.Id, borrador.Id, conProyecciones: false));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        var omitidas = actividades.Count - copiar.Count;
        return ResultadoFormulacion.Hecho($"{(copiar.Count == 1 ? "Se copió 1 actividad" : $"Se copiaron {copiar.Count} actividades")} de «{fuente.Etiqueta}» ({ctx.Anio - 1})" +
            (omitidas == 1 ? "; 1 ya existía y se dejó como estaba." : omitidas > 0 ? $"; {omitidas} ya existían y se dejaron como estaban." : "."));
    }

    /// <summary>The centre submits its draft: every activity is checked again (months, range, protected months).</summary>
    public static async Task<ResultadoFormulacion> EnviarAsync(SipoiDbContext db, ContextoFormulacion ctx, CentroCosto centro, string usuario,
        DateTimeOffset ahora, CancellationToken ct)
    {
        if (ctx.Borrador is not { } borrador) return ResultadoFormulacion.Rechazado($"El POI {ctx.Anio} no tiene una versión en borrador.");
        var estado = await EstadoCentroAsync(db, borrador, centro, ct);
        var filas = await ConsultaFormulacion.ActividadesAsync(db, borrador.Id, centro.Id, ct);
        var proteccion = await Proteccion.CargarAsync(db, ctx, ct);
        var problemas = new List<string>();
        foreach (var f in filas)
        {
            var p = f.Programacion;
            var propuesta = new PropuestaProgramacion(p.Comportamiento, p.Peso, p.MetaAnual, p.ProgramadoFisico(), p.FinancieroPorGenerica(),
                f.Actividad.MesInicio, f.Actividad.MesFin);
            problemas.AddRange(propuesta.Problemas(f.Actividad.Codigo).Select(x => x.Mensaje));
            problemas.AddRange(proteccion.Verificar(f.Actividad.Id, f.Actividad.Codigo, centro.Id, new MetasActividad(p.Comportamiento, p.ProgramadoFisico())));
        }
        try { estado.Enviar(centro.Codigo, filas.Count, problemas, usuario, ahora); }
        catch (ReglaDominioException e) { return ResultadoFormulacion.Invalido(e.Message.Split('\n')[0], problemas.Count > 0 ? problemas : []); }
        await db.SaveChangesAsync(ct);
        return ResultadoFormulacion.Hecho($"La programación del centro de costo {centro.Codigo} se envió a la Oficina de Planeamiento.");
    }

    /// <summary>The planning office accepts a submitted centre, or observes it back with a reason.</summary>
    public static async Task<ResultadoFormulacion> RevisarAsync(SipoiDbContext db, ContextoFormulacion ctx, CentroCosto centro, bool aceptar,
        string? motivo, string usuario, DateTimeOffset ahora, CancellationToken ct)
    {
        if (ctx.Borrador is not { } borrador) return ResultadoFormulacion.Rechazado($"El POI {ctx.Anio} no tiene una versión en borrador.");
        var estado = await EstadoCentroAsync(db, borrador, centro, ct);
        try
        {
            if (aceptar) estado.Aceptar(centro.Codigo, usuario, ahora);
            else estado.Observar(centro.Codigo, motivo, usuario, ahora);
        }
        catch (ReglaDominioException e) { return ResultadoFormulacion.Rechazado(e.Message); }
        await db.SaveChangesAsync(ct);
        return ResultadoFormulacion.Hecho(aceptar
            ? $"Se aceptó la programación del centro de costo {centro.Codigo}."
            : $"Se observó la programación del centro de costo {centro.Codigo}; vuelve al centro para que la corrija.");
    }

    /// <summary>Every reason the draft cannot be approved now; empty when it can.</summary>
    public static async Task<IReadOnlyList<string>> ProblemasParaAprobarAsync(SipoiDbContext db, ContextoFormulacion ctx, CancellationToken ct)
    {
        if (ctx.Borrador is not { } borrador) return [$"El POI {ctx.Anio} no tiene una versión en borrador."];
        var problemas = new List<string>();
        var centros = await (from f in db.FormulacionesCentro.AsNoTracking()
                             join c in db.CentrosCosto on f.CentroCostoId equals c.Id
                             where f.PoiVersionId == borrador.Id && f.Estado != EstadoFormulacion.Aceptado
                             orderby c.Codigo
                             select new { c.Codigo, f.Estado }).ToListAsync(ct);
        problemas.AddRange(centros.Select(c =>
            $"El centro de costo {c.Codigo} está {c.Estado.Nombre().ToLowerInvariant()}: la Oficina de Planeamiento debe aceptar su programación."));
        if (ConsistenciaPresupuestal.Exigible(borrador.Tipo))
            problemas.AddRange(ConsistenciaPresupuestal.Bloqueos(await ConsultaFormulacion.ConsistenciaAsync(db, ctx, borrador.Id, null, ct)));
        var proteccion = await Proteccion.CargarAsync(db, ctx, ct);
        problemas.AddRange(proteccion.VerificarVersion(await Proteccion.MetasAsync(db, borrador.Id, ct)));
        if (!await db.Programaciones.AnyAsync(p => p.PoiVersionId == borrador.Id, ct))
            problemas.Add($"«{borrador.Etiqueta}» no tiene actividades.");
        return problemas;
    }

    /// <summary>Why the draft cannot be approved with that document and date; null when it can (nothing is changed).</summary>
    public static async Task<ResultadoFormulacion?> RevisarAprobacionAsync(SipoiDbContext db, ContextoFormulacion ctx, string? documento, DateOnly? fecha,
        CancellationToken ct)
    {
        if (ctx.Borrador is not { } borrador) return ResultadoFormulacion.Rechazado($"El POI {ctx.Anio} no tiene una versión en borrador.");
        var problemas = new List<string>();
        if (string.IsNullOrWhiteSpace(documento)) problemas.Add("Escriba el documento de aprobación (por ejemplo RGG N.º 114-2023-EMSAPUNO/GG).");
        if (fecha is null) problemas.Add("Escriba la fecha del documento de aprobación.");
        problemas.AddRange(await ProblemasParaAprobarAsync(db, ctx, ct));
        return problemas.Count > 0 ? ResultadoFormulacion.Invalido($"No se aprobó «{borrador.Etiqueta}»; corrija lo siguiente:", problemas) : null;
    }

    /// <summary>What approving the draft does, for the confirmation step: the version it puts in force and the one it replaces.</summary>
    public static async Task<ResumenAprobacion> ResumenAprobacionAsync(SipoiDbContext db, ContextoFormulacion ctx, string documento, DateOnly fecha,
        CancellationToken ct)
    {
        var borrador = ctx.Borrador ?? throw new InvalidOperationException("Sin versión en borrador.");
        async Task<(int Actividades, int Metas)> ContarAsync(int version) => (
            await db.Programaciones.CountAsync(p => p.PoiVersionId == version, ct),
            await db.Programaciones.Where(p => p.PoiVersionId == version).SelectMany(p => p.Metas).CountAsync(m => m.Fisico != 0, ct));
        var (actividades, metas) = await ContarAsync(borrador.Id);
        var vigente = ctx.Aprobada;
        var (actividadesVigente, metasVigente) = vigente is null ? (0, 0) : await ContarAsync(vigente.Id);
        return new ResumenAprobacion(borrador.Etiqueta, documento.Trim(), fecha, actividades, metas, vigente?.Etiqueta, actividadesVigente, metasVigente);
    }

    /// <summary>Approves the consolidated draft with its resolution and date; it becomes the version in force.</summary>
    public static async Task<ResultadoFormulacion> AprobarAsync(SipoiDbContext db, ContextoFormulacion ctx, string? documento, DateOnly? fecha,
        CancellationToken ct)
    {
        if (await RevisarAprobacionAsync(db, ctx, documento, fecha, ct) is { } rechazo) return rechazo;
        var borrador = ctx.Borrador!;
        borrador.Aprobar(documento!, fecha!.Value);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone approved (or changed) the version after this page read it: the row version (xmin) refuses the write,
            // so the first approval's document and date stay as they were.
            return ResultadoFormulacion.Rechazado(
                $"Otra persona aprobó o cambió «{borrador.Etiqueta}» mientras usted la revisaba; no se cambió nada. Recargue la página.");
        }
        return ResultadoFormulacion.Hecho($"Se aprobó «{borrador.Etiqueta}» con {documento!.Trim()}; es la versión vigente del POI {ctx.Anio}.");
    }

    /// <summary>Sets the ceilings of the year, all or none. An empty amount removes the centre's ceiling.</summary>
    public static async Task<ResultadoFormulacion> GuardarTechosAsync(SipoiDbContext db, ContextoFormulacion ctx,
        IReadOnlyList<(string Centro, string? Monto)> techos, CancellationToken ct)
    {
        var centros = await db.CentrosCosto.AsNoTracking().Where(c => c.EntidadId == ctx.Entidad.Id)
            .ToDictionaryAsync(c => c.Codigo, c => (c.Id, c.Activo), ct);
        var actuales = await db.TechosPresupuestales.Where(t => t.EntidadId == ctx.Entidad.Id && t.Anio == ctx.Anio).ToDictionaryAsync(t => t.CentroCostoId, ct);
        var problemas = new List<ProblemaProgramacion>();
        var cambios = new List<(int Centro, decimal? Monto)>();
        for (var i = 0; i < techos.Count; i++)
        {
            var (codigo, texto) = techos[i];
            if (!centros.TryGetValue(codigo, out var centro)) { problemas.Add(new($"Techos[{i}]", $"Fila {i + 1}: el centro de costo {codigo} no existe.")); continue; }
            var id = centro.Id;
            if (string.IsNullOrWhiteSpace(texto)) { cambios.Add((id, null)); continue; }
            if (!NumeroEscrito.TryLeer(texto, out var monto) || monto < 0)
                problemas.Add(new($"Techos[{i}]", $"Centro de costo {codigo}: el techo «{texto.Trim()}» no es un monto válido (use punto decimal, por ejemplo 120,000.00)."));
            else if (TechoPresupuestal.MotivoCentroInactivo(centro.Activo, actuales.GetValueOrDefault(id)?.Monto, monto) is { } inactivo)
                problemas.Add(new($"Techos[{i}]", $"Centro de costo {codigo}: {inactivo}."));
            else cambios.Add((id, monto));
        }
        if (problemas.Count > 0) return ResultadoFormulacion.Invalido("No se guardaron los techos; corrija lo siguiente:", problemas);
        foreach (var (id, monto) in cambios)
        {
            var actual = actuales.GetValueOrDefault(id);
            if (monto is not { } m) { if (actual is not null) db.TechosPresupuestales.Remove(actual); }
            else if (actual is null) db.TechosPresupuestales.Add(new TechoPresupuestal(ctx.Entidad.Id, ctx.Anio, id, m));
            else if (actual.Monto != m) actual.Actualizar(m);
        }
        await db.SaveChangesAsync(ct);
        return ResultadoFormulacion.Hecho($"Se guardaron los techos presupuestales de {ctx.Anio}.");
    }

    /// <summary>The centre's review row in the draft (tracked), a new Borrador one when the centre never changed anything.</summary>
    private static async Task<FormulacionCentro> EstadoCentroAsync(SipoiDbContext db, PoiVersion borrador, CentroCosto centro, CancellationToken ct)
    {
        var estado = await db.FormulacionesCentro.SingleOrDefaultAsync(f => f.PoiVersionId == borrador.Id && f.CentroCostoId == centro.Id, ct);
        if (estado is not null) return estado;
        estado = new FormulacionCentro(borrador.EntidadId, borrador.Id, centro.Id);
        db.FormulacionesCentro.Add(estado);
        return estado;
    }
}
