using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Npgsql;
using Sipoi.Web.Auditoria;
using Sipoi.Web.Avisos;
using Sipoi.Web.Data;

namespace Sipoi.Web.Seguimiento;

/// <summary>What an operator sends for one activity (the grid's row or the API's item): the values as typed.</summary>
/// <param name="Version">The activity's month row version the sender read (0: no row); null when unknown (API).</param>
public sealed record EntradaAvance(string Codigo, string? Fisico, string? Financiero, string? Logros, string? Dificultades,
    string? MedidasCorrectivas, uint? Version = null);

public enum TipoResultado
{
    /// <summary>Done (saved, submitted, reviewed), or nothing to do.</summary>
    Hecho,
    /// <summary>Some value is invalid: nothing was saved; <see cref="ResultadoSeguimiento.Problemas"/> names row and field.</summary>
    Invalido,
    /// <summary>The values were saved as a draft but the month was not submitted; the problems say why.</summary>
    NoEnviado,
    /// <summary>A workflow rule refused the operation (deadline, state, missing reason): nothing changed.</summary>
    Rechazado,
    /// <summary>Someone else changed the month since the sender read it: nothing changed.</summary>
    Conflicto,
}

public sealed record ResultadoSeguimiento(TipoResultado Tipo, string Mensaje, IReadOnlyList<ProblemaSeguimiento> Problemas,
    ConflictoSeguimiento? Conflicto = null)
{
    public bool Exito => Tipo == TipoResultado.Hecho;

    internal static ResultadoSeguimiento Hecho(string mensaje) => new(TipoResultado.Hecho, mensaje, []);
    internal static ResultadoSeguimiento Rechazado(string mensaje) => new(TipoResultado.Rechazado, mensaje, []);
}

/// <summary>The other change a conflict shows: who and when, the month's version now, and the activities whose values differ.</summary>
public sealed record ConflictoSeguimiento(string Descripcion, uint VersionActual, IReadOnlyList<ValoresActuales> Cambios);

/// <summary>An activity's month as it is in the database now (after the other person's change).</summary>
public sealed record ValoresActuales(string Codigo, uint Version, decimal? Fisico, decimal? Financiero, string? Logros, string? Dificultades,
    string? MedidasCorrectivas);

public enum AccionRevision { Aprobar, Observar, Reabrir, Validar, ObservarJefatura }

/// <summary>
/// The monthly monitoring operations the grid and the API share. Each one: asks the domain (every rule
/// is there), saves everything in one SaveChanges (one transaction with its audit rows), and turns
/// a concurrent change into a <see cref="TipoResultado.Conflicto"/> instead of overwriting it.
/// Permissions are the caller's (PermisosSeguimiento), checked before calling.
/// </summary>
public static class RegistroSeguimiento
{
    public const string Tabla = "seguimiento_mensual";

    /// <summary>
    /// Saves all the rows at once, all or nothing; with <paramref name="enviar"/> also submits the month
    /// (the values are kept as a draft when the submission finds problems).
    /// </summary>
    /// <param name="versionEsperada">The month's version the sender read (<see cref="MesSeguimiento.Version"/>).</param>
    /// <param name="resumenPeriodo">
    /// The period summary typed on the grid of a quarter's last month (blank removes it); null leaves the stored one as it is
    /// (the API, and the other months).
    /// </param>
    public static async Task<ResultadoSeguimiento> GuardarAsync(SipoiDbContext db, MesSeguimiento m, uint versionEsperada,
        IReadOnlyList<EntradaAvance> entradas, bool enviar, string usuario, DateTimeOffset ahora, CancellationToken ct,
        string? resumenPeriodo = null)
    {
        if (m.SoloLectura && (enviar || resumenPeriodo is not null))
            throw new InvalidOperationException("Un mes leído sin seguimiento solo sirve para guardar valores: cárguelo con seguimiento para enviar o cambiar el resumen.");
        if (m.MotivoNoEditable(Plazos.Hoy(ahora)) is { } motivo) return ResultadoSeguimiento.Rechazado(motivo);
        if (m.Version != versionEsperada) return await ConflictoAsync(db, m, entradas, ct);

        var (datos, problemas) = Leer(m, entradas);
        var cambioResumen = resumenPeriodo is not null && ResumenPeriodo.PeriodoQueCierra(m.Mes) is not null
                            && resumenPeriodo.Trim() != (m.Resumen?.Texto ?? "");
        if (cambioResumen && !string.IsNullOrWhiteSpace(resumenPeriodo) && ResumenPeriodo.Problema(m.MesDelAnio, resumenPeriodo) is { } pr)
            problemas.Add(pr);
        if (problemas.Count > 0)
            return new ResultadoSeguimiento(TipoResultado.Invalido,
                $"No se guardó nada: corrija {(problemas.Count == 1 ? "el siguiente problema" : $"los {problemas.Count} problemas siguientes")}.", problemas);

        var cambiadas = 0;
        try
        {
            foreach (var (fila, d) in datos)
            {
                if (fila.Registrado(m.Mes) == d) continue;
                if (m.SoloLectura) AdjuntarAntesDeCambiar(db, m, fila);
                var avance = fila.Actividad.RegistrarAvance(m.Seguimiento, m.Configuracion, fila.Programacion, d, usuario, ahora);
                if (m.SoloLectura && db.Entry(avance).State == EntityState.Detached)
                {
                    // A month the activity had no row for: a new row of this activity.
                    var nueva = db.Avances.Add(avance);
                    nueva.Property(a => a.ActividadId).CurrentValue = fila.Actividad.Id;
                }
                cambiadas++;
            }
        }
        catch (ReglaDominioException e)
        {
            // Checked above already; a rule the checks missed still leaves nothing half-applied.
            db.ChangeTracker.Clear();
            return ResultadoSeguimiento.Rechazado(e.Message);
        }

        if (cambioResumen) CambiarResumen(db, m, resumenPeriodo!, usuario, ahora);

        IReadOnlyList<ProblemaSeguimiento> problemasEnvio = [];
        string? rechazoEnvio = null;
        var enviado = false;
        // Quarterly rhythm: the submission sends the quarter's three months together (EnvioTrimestral), all or nothing.
        var trimestral = enviar && m.Configuracion.Ritmo == RitmoReporte.Trimestral;
        if (trimestral) (problemasEnvio, rechazoEnvio, enviado) = await EnviarTrimestreAsync(db, m, usuario, ahora, ct);
        if (enviar && !trimestral)
        {
            var actividades = m.Actividades();
            problemasEnvio = m.Seguimiento.ProblemasParaEnviar(actividades, m.Configuracion, m.Resumen?.Texto);
            if (problemasEnvio.Count == 0)
            {
                try
                {
                    m.Seguimiento.Enviar(actividades, m.Configuracion, m.Resumen?.Texto, usuario, ahora);
                    enviado = true;
                    InterceptorAuditoria.RegistrarOperacion(db, m.Entidad.Id, Tabla, Clave(m), AccionAuditada.Envio,
                        $"Seguimiento de {m.MesDelAnio.Nombre} del centro de costo {m.Centro.Codigo} enviado a revisión.");
                }
                catch (ReglaDominioException e) { rechazoEnvio = e.Message; }
            }
        }

        if (cambiadas > 0 || enviado || cambioResumen)
        {
            if (!await GuardarCambiosAsync(db, m, versionEsperada, ct)) return await ConflictoAsync(db, m, entradas, ct);
        }

        var guardado = cambiadas switch
        {
            0 when cambioResumen => "Se guardó el resumen del periodo.",
            0 => "No había valores nuevos que guardar.",
            1 => "Se guardó 1 actividad.",
            _ => $"Se guardaron {cambiadas} actividades.",
        };
        if (!enviar) return ResultadoSeguimiento.Hecho(guardado);
        if (enviado && trimestral)
            return ResultadoSeguimiento.Hecho($"{(cambiadas > 0 ? guardado + " " : "")}El seguimiento del {m.MesDelAnio.NombreTrimestre} se envió a revisión.");
        if (trimestral && problemasEnvio.Count > 0)
            return new ResultadoSeguimiento(TipoResultado.NoEnviado,
                $"{(cambiadas > 0 ? guardado + " Pero el" : "El")} {m.MesDelAnio.NombreTrimestre} no se envió: corrija " +
                $"{(problemasEnvio.Count == 1 ? "lo siguiente" : $"los {problemasEnvio.Count} problemas siguientes")} (de los tres meses).", problemasEnvio);
        if (enviado) return ResultadoSeguimiento.Hecho($"{(cambiadas > 0 ? guardado + " " : "")}El seguimiento de {m.MesDelAnio.Nombre} se envió a revisión.");
        var antes = cambiadas > 0 ? guardado + " Pero el" : "El";
        return problemasEnvio.Count > 0
            ? new ResultadoSeguimiento(TipoResultado.NoEnviado,
                $"{antes} mes no se envió: corrija {(problemasEnvio.Count == 1 ? "lo siguiente" : $"los {problemasEnvio.Count} problemas siguientes")}.", problemasEnvio)
            : new ResultadoSeguimiento(TipoResultado.NoEnviado, $"{antes} mes no se envió: {rechazoEnvio}", []);
    }

    /// <summary>
    /// A month read without tracking (<see cref="MesSeguimiento.SoloLectura"/>): before the domain changes a row, the row is
    /// attached as it was read, with the version it was read at — the month's workflow row once, and the activity's row of the
    /// month when it has one. So the save writes (and the audit logs, old and new) exactly what changed, guarded by the same
    /// versions, and the change tracker holds the few rows a save touches instead of the ~450 of the month (docs/benchmarks.md).
    /// </summary>
    private static void AdjuntarAntesDeCambiar(SipoiDbContext db, MesSeguimiento m, FilaMes fila)
    {
        if (m.Existe && db.Entry(m.Seguimiento).State == EntityState.Detached) ComoSeLeyo(db.Seguimientos.Attach(m.Seguimiento), m.Version);
        if (fila.Actividad.AvanceDe(m.Mes) is { } avance && db.Entry(avance).State == EntityState.Detached)
            ComoSeLeyo(db.Avances.Attach(avance), fila.VersionAvance);

        static void ComoSeLeyo(EntityEntry fila, uint version)
        {
            var xmin = fila.Property(SipoiDbContext.ColumnaVersion);
            xmin.CurrentValue = version;
            xmin.OriginalValue = version;
        }
    }

    /// <summary>Writes, replaces or (blank) removes the centre's period summary; audited by the interceptor with the month's save.</summary>
    private static void CambiarResumen(SipoiDbContext db, MesSeguimiento m, string texto, string usuario, DateTimeOffset ahora)
    {
        if (string.IsNullOrWhiteSpace(texto))
        {
            if (m.Resumen is not null) db.ResumenesPeriodo.Remove(m.Resumen);
            m.Resumen = null;
        }
        else if (m.Resumen is null)
        {
            m.Resumen = new ResumenPeriodo(m.Entidad.Id, m.PoiId, m.Anio, m.Centro.Id, m.Mes, texto, usuario, ahora);
            db.ResumenesPeriodo.Add(m.Resumen);
        }
        else m.Resumen.Escribir(texto, usuario, ahora);
    }


    /// <summary>
    /// The planning office approves, observes (text required; a new deadline too when the deadline has passed) or reopens
    /// (reason and new deadline) the month — an approved month as well, unless a published evaluation contains it and no
    /// republication of it has been started (<see cref="SeguimientoMensual.ReabrirAprobado"/>).
    /// </summary>
    /// <param name="soloVerificar">Checks every rule and answers as if done, but saves nothing (the page's confirmation step); the
    /// month in <paramref name="m"/> is left changed in memory, so the caller clears the context and loads it again.</param>
    public static async Task<ResultadoSeguimiento> RevisarAsync(SipoiDbContext db, MesSeguimiento m, AccionRevision accion, string? texto,
        DateOnly? nuevoPlazo, uint? versionEsperada, string usuario, DateTimeOffset ahora, CancellationToken ct, bool soloVerificar = false)
    {
        if (versionEsperada is { } v && v != m.Version) return await ConflictoAsync(db, m, [], ct);
        if (m.Configuracion.Ritmo == RitmoReporte.Trimestral && accion is AccionRevision.Aprobar or AccionRevision.Observar
                or AccionRevision.Validar or AccionRevision.ObservarJefatura)
            return await RevisarTrimestreAsync(db, m, accion, texto, nuevoPlazo, usuario, ahora, ct);
        var s = m.Seguimiento;
        string detalle;
        AccionAuditada codigo;
        try
        {
            switch (accion)
            {
                case AccionRevision.Aprobar:
                    s.Aprobar(m.Configuracion, usuario, ahora);
                    (codigo, detalle) = (AccionAuditada.Aprobacion, $"Seguimiento de {m.MesDelAnio.Nombre} del centro de costo {m.Centro.Codigo} aprobado.");
                    break;
                case AccionRevision.Observar:
                    s.Observar(texto, nuevoPlazo, m.Configuracion, usuario, ahora);
                    (codigo, detalle) = (AccionAuditada.Observacion, $"Observado: {s.Observacion}");
                    break;
                case AccionRevision.Validar:
                    s.ValidarJefatura(m.Configuracion, usuario, ahora);
                    (codigo, detalle) = (AccionAuditada.Validacion, $"Seguimiento de {m.MesDelAnio.Nombre} del centro de costo {m.Centro.Codigo} validado por la jefatura.");
                    break;
                case AccionRevision.ObservarJefatura:
                    s.ObservarJefatura(texto, m.Configuracion, usuario, ahora);
                    (codigo, detalle) = (AccionAuditada.Observacion, $"Observado por la jefatura: {s.Observacion}");
                    break;
                default:
                    if (nuevoPlazo is not { } plazo) return ResultadoSeguimiento.Rechazado("Para reabrir un mes indique el nuevo plazo.");
                    var r = s.Estado == EstadoSeguimiento.Aprobado
                        ? s.ReabrirAprobado(texto, plazo, await EvaluacionesQueContienenAsync(db, m, ct), usuario, ahora)
                        : s.Reabrir(texto, plazo, usuario, ahora);
                    (codigo, detalle) = (AccionAuditada.Reapertura, $"Reabierto hasta el {Plazos.Fecha(r.NuevoPlazo)}: {r.Motivo}");
                    break;
            }
        }
        catch (ReglaDominioException e)
        {
            return ResultadoSeguimiento.Rechazado(e.Message);
        }
        if (soloVerificar) return ResultadoSeguimiento.Hecho(detalle);
        InterceptorAuditoria.RegistrarOperacion(db, m.Entidad.Id, Tabla, Clave(m), codigo, detalle);
        // Observed / reopened: the operators' e-mail notices, saved in the same transaction (Avisos/README.md).
        await ColaAvisos.AlRevisarAsync(db, m, accion, ahora, ct);
        if (!await GuardarCambiosAsync(db, m, m.Version, ct)) return await ConflictoAsync(db, m, [], ct);
        return ResultadoSeguimiento.Hecho(accion switch
        {
            AccionRevision.Aprobar => $"Se aprobó el seguimiento de {m.MesDelAnio.Nombre} del centro de costo {m.Centro.Codigo}.",
            AccionRevision.Observar or AccionRevision.ObservarJefatura =>
                $"Se observó el seguimiento de {m.MesDelAnio.Nombre}; vuelve al centro de costo {m.Centro.Codigo}.",
            AccionRevision.Validar =>
                $"Se validó el seguimiento de {m.MesDelAnio.Nombre} del centro de costo {m.Centro.Codigo}; pasa a la Oficina de Planeamiento.",
            _ => $"Se reabrió {m.MesDelAnio.Nombre} para el centro de costo {m.Centro.Codigo} hasta el {Plazos.Fecha(m.Plazo)}.",
        });
    }

    /// <summary>The entity's evaluations of the month's year whose period contains the month (what may block reopening it).</summary>
    public static async Task<List<EvaluacionPoi>> EvaluacionesQueContienenAsync(SipoiDbContext db, MesSeguimiento m, CancellationToken ct) =>
        (await db.Evaluaciones.AsNoTracking().Where(e => e.EntidadId == m.Entidad.Id && e.Anio == m.Anio).ToListAsync(ct))
            .Where(e => e.Contiene(m.Anio, m.Mes)).ToList();

    /// <summary>
    /// The quarter of <paramref name="m"/> (its last month) submitted whole: loads the other two months tracked in the same context, asks
    /// <see cref="EnvioTrimestral"/> (the problems of the three months together, then the submission) and writes one audit row per month.
    /// The caller saves everything in one SaveChanges; a refusal changes nothing.
    /// </summary>
    private static async Task<(IReadOnlyList<ProblemaSeguimiento> Problemas, string? Rechazo, bool Enviado)> EnviarTrimestreAsync(SipoiDbContext db,
        MesSeguimiento m, string usuario, DateTimeOffset ahora, CancellationToken ct)
    {
        if (!m.MesDelAnio.EsCierreDeTrimestre) return ([], EnvioTrimestral.MensajeMesSuelto(m.MesDelAnio), false);
        var meses = await TrimestreAsync(db, m, ct);
        var delTrimestre = meses.Select(x => new MesDelTrimestre(x.Seguimiento, x.Actividades())).ToList();
        var problemas = EnvioTrimestral.Problemas(delTrimestre, m.Configuracion, m.Resumen?.Texto);
        if (problemas.Count > 0) return (problemas, null, false);
        IReadOnlyList<MesDelAnio> enviados;
        try { enviados = EnvioTrimestral.Enviar(m.MesDelAnio, delTrimestre, m.Configuracion, m.Resumen?.Texto, usuario, ahora); }
        catch (ReglaDominioException e) { return ([], e.Message, false); }
        foreach (var x in meses.Where(x => enviados.Contains(x.MesDelAnio)))
        {
            // The quarter's own month is added by GuardarCambiosAsync; the other two are added here when they had no row yet.
            if (x != m && !x.Existe) db.Seguimientos.Add(x.Seguimiento);
            InterceptorAuditoria.RegistrarOperacion(db, m.Entidad.Id, Tabla, Clave(x), AccionAuditada.Envio,
                $"Seguimiento de {x.MesDelAnio.Nombre} del centro de costo {x.Centro.Codigo} enviado a revisión con el {x.MesDelAnio.NombreTrimestre}.");
        }
        return ([], null, true);
    }

    /// <summary>The quarter's review as a unit (<see cref="RevisionTrimestral"/>): every submitted month of the quarter, all or nothing.</summary>
    private static async Task<ResultadoSeguimiento> RevisarTrimestreAsync(SipoiDbContext db, MesSeguimiento m, AccionRevision accion, string? texto,
        DateOnly? nuevoPlazo, string usuario, DateTimeOffset ahora, CancellationToken ct)
    {
        var meses = await TrimestreAsync(db, m, ct);
        var tipo = accion switch
        {
            AccionRevision.Aprobar => RevisionTrimestral.Accion.Aprobar,
            AccionRevision.Observar => RevisionTrimestral.Accion.Observar,
            AccionRevision.Validar => RevisionTrimestral.Accion.Validar,
            _ => RevisionTrimestral.Accion.ObservarJefatura,
        };
        IReadOnlyList<MesDelAnio> revisados;
        try { revisados = RevisionTrimestral.Revisar(meses.Select(x => x.Seguimiento).ToList(), tipo, texto, m.Configuracion, usuario, ahora, nuevoPlazo); }
        catch (ReglaDominioException e)
        {
            db.ChangeTracker.Clear();
            return ResultadoSeguimiento.Rechazado(e.Message);
        }
        var trimestre = m.MesDelAnio.NombreTrimestre;
        var (codigo, verbo) = tipo switch
        {
            RevisionTrimestral.Accion.Aprobar => (AccionAuditada.Aprobacion, "aprobado"),
            RevisionTrimestral.Accion.Validar => (AccionAuditada.Validacion, "validado por la jefatura"),
            _ => (AccionAuditada.Observacion, "observado"),
        };
        foreach (var x in meses.Where(x => revisados.Contains(x.MesDelAnio)))
            InterceptorAuditoria.RegistrarOperacion(db, m.Entidad.Id, Tabla, Clave(x), codigo,
                $"Seguimiento de {x.MesDelAnio.Nombre} del centro de costo {x.Centro.Codigo} {verbo} con el {trimestre}" +
                (codigo == AccionAuditada.Observacion ? $": {x.Seguimiento.Observacion}" : "."));
        // A quarter observed is one notice to its operators (the first observed month's grid is where they answer it).
        if (codigo == AccionAuditada.Observacion
            && meses.FirstOrDefault(x => revisados.Contains(x.MesDelAnio) && x.Seguimiento.Estado == EstadoSeguimiento.Observado) is { } observado)
            await ColaAvisos.AlRevisarAsync(db, observado, AccionRevision.Observar, ahora, ct);
        if (!await GuardarCambiosAsync(db, m, m.Version, ct)) return await ConflictoAsync(db, m, [], ct);
        return ResultadoSeguimiento.Hecho(tipo switch
        {
            RevisionTrimestral.Accion.Aprobar => $"Se aprobó el seguimiento del {trimestre} del centro de costo {m.Centro.Codigo}.",
            RevisionTrimestral.Accion.Validar => $"Se validó el seguimiento del {trimestre} del centro de costo {m.Centro.Codigo}; pasa a la Oficina de Planeamiento.",
            _ => $"Se observó el seguimiento del {trimestre}; vuelve al centro de costo {m.Centro.Codigo}.",
        });
    }

    /// <summary>The three months of <paramref name="m"/>'s quarter, <paramref name="m"/> itself among them, loaded tracked in the same context.</summary>
    private static async Task<IReadOnlyList<MesSeguimiento>> TrimestreAsync(SipoiDbContext db, MesSeguimiento m, CancellationToken ct)
    {
        var meses = new List<MesSeguimiento>();
        foreach (var md in m.MesDelAnio.MesesDelTrimestre)
            meses.Add(md.Mes == m.Mes ? m : await MesSeguimiento.CargarAsync(db, m.Entidad.Codigo, m.Anio, md.Mes, m.Centro.Codigo, ct)
                ?? throw new InvalidOperationException($"No se pudo leer {md.Nombre} del centro de costo {m.Centro.Codigo}."));
        return meses;
    }

    /// <summary>"poi=3, centro=01.02, mes=1": the month's key in the audit log (readable before the row has an id).</summary>
    public static string Clave(MesSeguimiento m) =>
        $"poi={m.PoiId.ToString(CultureInfo.InvariantCulture)}, centro={m.Centro.Codigo}, mes={m.Mes.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Parses and checks every row with the domain's reader and checks; returns the data and all problems.</summary>
    private static (List<(FilaMes Fila, DatosAvance Datos)> Datos, List<ProblemaSeguimiento> Problemas) Leer(MesSeguimiento m,
        IReadOnlyList<EntradaAvance> entradas)
    {
        var porCodigo = m.Filas.ToDictionary(f => f.Actividad.Codigo, StringComparer.Ordinal);
        var vistas = new HashSet<string>(StringComparer.Ordinal);
        var datos = new List<(FilaMes, DatosAvance)>();
        var problemas = new List<ProblemaSeguimiento>();
        var mes = m.MesDelAnio;
        foreach (var e in entradas)
        {
            if (!porCodigo.TryGetValue(e.Codigo ?? "", out var fila))
            {
                problemas.Add(new ProblemaSeguimiento(e.Codigo ?? "", CampoActividad,
                    $"La actividad «{e.Codigo}» no es del centro de costo {m.Centro.Codigo} en el POI vigente de {m.Anio}."));
                continue;
            }
            if (!vistas.Add(fila.Actividad.Codigo))
            {
                problemas.Add(new ProblemaSeguimiento(fila.Actividad.Codigo, CampoActividad, $"La actividad {fila.Actividad.Codigo} viene más de una vez."));
                continue;
            }
            var (fisico, p1) = ValidacionAvance.Leer(e.Fisico, fila.Actividad.Codigo, mes, CampoAvance.EjecutadoFisico);
            var (financiero, p2) = ValidacionAvance.Leer(e.Financiero, fila.Actividad.Codigo, mes, CampoAvance.EjecutadoFinanciero);
            if (p1 is not null) problemas.Add(p1);
            if (p2 is not null) problemas.Add(p2);
            var d = new DatosAvance(fisico, financiero, e.Logros, e.Dificultades, e.MedidasCorrectivas).Normalizado();
            // A field that did not parse is null here, so it is not reported twice.
            problemas.AddRange(ValidacionAvance.Validar(fila.DelMes(m.Mes, d), mes));
            datos.Add((fila, d));
        }
        return (datos, problemas);
    }

    /// <summary>The field name of a problem about the row itself (unknown or repeated activity).</summary>
    public const string CampoActividad = "Actividad";

    /// <summary>
    /// Saves with the month row as the concurrency guard: its UPDATE carries "WHERE xmin = version read",
    /// so a save that raced another one fails whole. False when it lost the race (nothing saved).
    /// </summary>
    private static async Task<bool> GuardarCambiosAsync(SipoiDbContext db, MesSeguimiento m, uint versionEsperada, CancellationToken ct)
    {
        if (m.Existe)
        {
            var fila = db.Entry(m.Seguimiento);
            fila.Property<uint>(SipoiDbContext.ColumnaVersion).OriginalValue = versionEsperada;
            // Even when no column of the month changes (same user, same instant), the row is written so its version is checked.
            fila.Property(x => x.UltimoCambioEn).IsModified = true;
        }
        else db.Seguimientos.Add(m.Seguimiento);
        // One scan of the ~450 tracked rows (the month's activities with all their months), not one by the audit interceptor and
        // another by SaveChanges: the changes are detected here and automatic detection is off while saving.
        db.ChangeTracker.DetectChanges();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await db.SaveChangesAsync(ct);
            // The month in memory is now the month saved (the API answers with it instead of reading it again): the row's new
            // version (xmin comes back with the UPDATE/INSERT), and every saved number with the scale the database gives it.
            m.Existe = true;
            m.Version = db.Entry(m.Seguimiento).Property<uint>(SipoiDbContext.ColumnaVersion).CurrentValue;
            // Only the month's rows can have been written here; the other months came from the database.
            foreach (var fila in m.Filas)
                if (fila.Actividad.AvanceDe(m.Mes) is { } avance && db.Entry(avance) is { State: not EntityState.Detached } guardada)
                    EscalaDeLaBase.Igualar(guardada);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg
                                          && pg.TableName is Tabla or "avance_mensual")
        {
            // Two first saves of the same month (or of an activity's month): the unique indexes let only one in.
            db.ChangeTracker.Clear();
            return false;
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = true;
        }
    }

    /// <summary>Reads the month as it is now and lists what differs from what the sender had.</summary>
    private static async Task<ResultadoSeguimiento> ConflictoAsync(SipoiDbContext db, MesSeguimiento m, IReadOnlyList<EntradaAvance> entradas,
        CancellationToken ct)
    {
        var ahora = await db.Seguimientos.AsNoTracking()
            .Where(s => s.PoiId == m.PoiId && s.CentroCostoId == m.Centro.Id && s.Mes == m.Mes)
            .Select(s => new { Seguimiento = s, Version = EF.Property<uint>(s, SipoiDbContext.ColumnaVersion) })
            .SingleOrDefaultAsync(ct);
        var ids = m.Filas.ToDictionary(f => f.Actividad.Id, f => f.Actividad.Codigo);
        var orden = m.Filas.Select((f, i) => (f.Actividad.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var avances = await db.Avances.AsNoTracking()
            .Where(v => ids.Keys.Contains(v.ActividadId) && v.Mes == m.Mes)
            .Select(v => new
            {
                v.ActividadId,
                v.EjecutadoFisico,
                v.EjecutadoFinanciero,
                v.Logros,
                v.Dificultades,
                v.MedidasCorrectivas,
                Version = EF.Property<uint>(v, SipoiDbContext.ColumnaVersion)
            })
            .ToListAsync(ct);
        var enviadas = entradas.Where(e => e.Codigo is not null).GroupBy(e => e.Codigo).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var cambios = new List<ValoresActuales>();
        foreach (var v in avances.OrderBy(v => orden[v.ActividadId]))
        {
            var codigo = ids[v.ActividadId];
            var actual = new ValoresActuales(codigo, v.Version, v.EjecutadoFisico, v.EjecutadoFinanciero, v.Logros, v.Dificultades, v.MedidasCorrectivas);
            // The rows the other person wrote: a different row version than the sender read, or (API, no row
            // versions) values different from the ones sent.
            var distinto = enviadas.TryGetValue(codigo, out var e)
                ? e.Version is { } leida ? leida != v.Version : Difiere(e, actual)
                : false;
            if (distinto) cambios.Add(actual);
        }
        var quien = ahora?.Seguimiento.DescribirUltimoCambio() ?? "otra persona cambió el mes";
        var mensaje = $"Otra persona cambió el seguimiento de {m.MesDelAnio.Nombre} del centro de costo {m.Centro.Codigo} mientras usted lo tenía abierto " +
                      $"({quien}). No se guardó nada de lo suyo: revise los valores actuales y, si corresponde, vuelva a guardar.";
        return new ResultadoSeguimiento(TipoResultado.Conflicto, mensaje, [], new ConflictoSeguimiento(quien, ahora?.Version ?? 0, cambios));
    }

    private static bool Difiere(EntradaAvance e, ValoresActuales v)
    {
        var fisico = NumeroEscrito.Leer(e.Fisico).Valor;
        var financiero = NumeroEscrito.Leer(e.Financiero).Valor;
        return fisico != v.Fisico || financiero != v.Financiero || Texto(e.Logros) != v.Logros || Texto(e.Dificultades) != v.Dificultades
            || Texto(e.MedidasCorrectivas) != v.MedidasCorrectivas;
    }

    private static string? Texto(string? t) => string.IsNullOrWhiteSpace(t) ? null : t.Trim();
}
