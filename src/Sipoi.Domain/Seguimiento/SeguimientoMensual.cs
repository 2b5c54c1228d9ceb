using System.Globalization;
using Sipoi.Domain.Informes;
using Sipoi.Domain.Organizacion;

namespace Sipoi.Domain.Seguimiento;

/// <summary>
/// The monthly monitoring of one cost centre: its workflow state, the last review, the reopening
/// in force, and who changed it last (what a concurrency-conflict message shows). The activities'
/// values live in <see cref="Operativo.AvanceMensual"/>; every change to them goes through
/// <see cref="Operativo.ActividadOperativa.RegistrarAvance"/>, which asks this month first.
/// Roles are the web layer's business: here the operator submits and the planning office
/// observes, approves and reopens.
/// </summary>
public sealed class SeguimientoMensual
{
    public const int LargoMaximoObservacion = 4000;

    public long Id { get; private set; }
    public int EntidadId { get; private set; }
    public int PoiId { get; private set; }
    public int Anio { get; private set; }
    public int CentroCostoId { get; private set; }
    public int Mes { get; private set; }
    public EstadoSeguimiento Estado { get; private set; }
    /// <summary>The planning office's last observation; kept after re-submission as the history of the review.</summary>
    public string? Observacion { get; private set; }
    public string? EnviadoPor { get; private set; }
    public DateTimeOffset? EnviadoEn { get; private set; }
    /// <summary>Who observed or approved last.</summary>
    public string? RevisadoPor { get; private set; }
    public DateTimeOffset? RevisadoEn { get; private set; }
    public Reapertura? Reapertura { get; private set; }
    /// <summary>The head of the parent centre who validated the month (<see cref="ConfiguracionEntidad.ValidacionJefatura"/>), and when.</summary>
    public string? ValidadoPor { get; private set; }
    public DateTimeOffset? ValidadoEn { get; private set; }
    public AccionAuditada? UltimaAccion { get; private set; }
    public string? UltimoCambioPor { get; private set; }
    public DateTimeOffset? UltimoCambioEn { get; private set; }

    private SeguimientoMensual() { }

    public SeguimientoMensual(int entidadId, int poiId, int anio, int centroCostoId, int mes)
    {
        var m = new MesDelAnio(anio, mes); // validates year and month
        EntidadId = entidadId;
        PoiId = poiId;
        Anio = m.Anio;
        CentroCostoId = centroCostoId;
        Mes = m.Mes;
        Estado = EstadoSeguimiento.Pendiente;
    }

    /// <summary>
    /// A month whose execution arrived in an exchange file (sipoi-intercambio/1): the sending office
    /// already closed and reviewed it, so it enters as Aprobado (what evaluation and reports read) and
    /// stays read-only like any approved month. The import is its last action.
    /// </summary>
    public static SeguimientoMensual AprobadoPorImportacion(int entidadId, int poiId, int anio, int centroCostoId, int mes,
        string usuario, DateTimeOffset ahora)
    {
        var s = new SeguimientoMensual(entidadId, poiId, anio, centroCostoId, mes);
        var quien = Usuario(usuario);
        s.Estado = EstadoSeguimiento.Aprobado;
        s.RevisadoPor = quien;
        s.RevisadoEn = ahora;
        s.Anotar(AccionAuditada.Importacion, quien, ahora);
        return s;
    }

    /// <summary>
    /// A month whose state arrives in an exchange file (<c>poi.seguimiento</c>): the copy counts what the original
    /// counts. An approved month never changes by import (<see cref="Operativo.ReimportacionPoi"/>): it is refused here too.
    /// </summary>
    public static SeguimientoMensual PorImportacion(int entidadId, int poiId, int anio, int centroCostoId, int mes, EstadoSeguimiento estado,
        string usuario, DateTimeOffset ahora)
    {
        var s = new SeguimientoMensual(entidadId, poiId, anio, centroCostoId, mes);
        s.FijarPorImportacion(estado, usuario, ahora);
        return s;
    }

    /// <summary>Sets the state an import brings (see <see cref="PorImportacion"/>); an approved month stays as it is.</summary>
    public void FijarPorImportacion(EstadoSeguimiento estado, string usuario, DateTimeOffset ahora)
    {
        if (Estado == estado) return;
        if (Estado == EstadoSeguimiento.Aprobado)
            throw new ReglaDominioException($"El seguimiento de {MesDelAnio.Nombre} está aprobado: una importación no lo cambia.");
        var quien = Usuario(usuario);
        Estado = estado;
        if (estado == EstadoSeguimiento.Enviado)
        {
            EnviadoPor = quien;
            EnviadoEn = ahora;
        }
        else if (estado == EstadoSeguimiento.Validado)
        {
            ValidadoPor = quien;
            ValidadoEn = ahora;
        }
        else if (estado is EstadoSeguimiento.Aprobado or EstadoSeguimiento.Observado)
        {
            RevisadoPor = quien;
            RevisadoEn = ahora;
        }
        Anotar(AccionAuditada.Importacion, quien, ahora);
    }

    public MesDelAnio MesDelAnio => new(Anio, Mes);

    public DateOnly PlazoRegular(ConfiguracionEntidad configuracion) => Plazos.Cierre(MesDelAnio, configuracion);

    /// <summary>The regular deadline, or the reopening's when later.</summary>
    public DateOnly PlazoVigente(ConfiguracionEntidad configuracion) => Plazos.Vigente(PlazoRegular(configuracion), Reapertura);

    public EstadoTablero EstadoTablero(ConfiguracionEntidad configuracion, DateOnly hoy) =>
        TableroEntregas.Estado(Estado, PlazoVigente(configuracion), hoy);

    /// <summary>Why the operator cannot change the month's values now; null when they can.</summary>
    public string? MotivoNoEditable(ConfiguracionEntidad configuracion, DateOnly hoy)
    {
        var mes = MesDelAnio;
        if (Estado == EstadoSeguimiento.Aprobado) return $"El seguimiento de {mes.Nombre} está aprobado y es de solo lectura.";
        if (Estado == EstadoSeguimiento.Enviado) return $"El seguimiento de {mes.Nombre} fue enviado y está en revisión; no se puede modificar.";
        if (Estado == EstadoSeguimiento.Validado)
            return $"El seguimiento de {mes.Nombre} fue validado por la jefatura y espera la revisión de la Oficina de Planeamiento; no se puede modificar.";
        if (hoy < mes.PrimerDia) return $"Aún no se puede registrar {mes.Nombre}: el mes no ha comenzado.";
        var plazo = PlazoVigente(configuracion);
        return Plazos.Vencido(plazo, hoy) ? Plazos.MensajeVencido(mes, plazo) : null;
    }

    public bool EsEditable(ConfiguracionEntidad configuracion, DateOnly hoy) => MotivoNoEditable(configuracion, hoy) is null;

    public void AsegurarEditable(ConfiguracionEntidad configuracion, DateOnly hoy)
    {
        if (MotivoNoEditable(configuracion, hoy) is { } motivo) throw new ReglaDominioException(motivo);
    }

    /// <summary>Every problem that would stop a submission of these activities (the cost centre's, with their targets in force).</summary>
    public IReadOnlyList<ProblemaSeguimiento> ProblemasParaEnviar(IEnumerable<ActividadDelMes> actividades, ConfiguracionEntidad configuracion) =>
        ReglasEnvio.Verificar(MesDelAnio, actividades, configuracion);

    /// <summary>
    /// Every problem that would stop a submission through the grid: the activities' and, when the month closes a quarter
    /// (March, June, September, December), the centre's period summary (<see cref="ResumenPeriodo.Problema"/>).
    /// </summary>
    public IReadOnlyList<ProblemaSeguimiento> ProblemasParaEnviar(IEnumerable<ActividadDelMes> actividades, ConfiguracionEntidad configuracion,
        string? resumenPeriodo)
    {
        var problemas = ReglasEnvio.Verificar(MesDelAnio, actividades, configuracion).ToList();
        if (ResumenPeriodo.Problema(MesDelAnio, resumenPeriodo) is { } p) problemas.Add(p);
        return problemas;
    }

    /// <summary>As <see cref="Enviar(IEnumerable{ActividadDelMes}, ConfiguracionEntidad, string, DateTimeOffset)"/>, also requiring the period summary of a quarter's last month.</summary>
    public void Enviar(IEnumerable<ActividadDelMes> actividades, ConfiguracionEntidad configuracion, string? resumenPeriodo, string usuario,
        DateTimeOffset ahora) =>
        Enviar(usuario, ahora, () => ProblemasParaEnviar(actividades, configuracion, resumenPeriodo), configuracion);

    /// <summary>
    /// Pendiente/Observado → Enviado. Refused while the month has not reached its last day, after the
    /// deadline in force, or when any activity has a problem (all listed in the message, one per line;
    /// call <see cref="ProblemasParaEnviar(IEnumerable{ActividadDelMes}, ConfiguracionEntidad)"/> first to show them by field).
    /// </summary>
    public void Enviar(IEnumerable<ActividadDelMes> actividades, ConfiguracionEntidad configuracion, string usuario, DateTimeOffset ahora) =>
        Enviar(usuario, ahora, () => ProblemasParaEnviar(actividades, configuracion), configuracion);

    private void Enviar(string usuario, DateTimeOffset ahora, Func<IReadOnlyList<ProblemaSeguimiento>> verificar, ConfiguracionEntidad configuracion)
    {
        // With the quarterly rhythm a month is submitted only with its quarter (EnvioTrimestral), never alone.
        if (configuracion.Ritmo == RitmoReporte.Trimestral) throw new ReglaDominioException(EnvioTrimestral.MensajeMesSuelto(MesDelAnio));
        EnviarDentroDelPlazo(verificar, usuario, ahora, configuracion);
    }

    /// <summary>The submission's own checks (state, month ended, deadline, problems) without the rhythm's: the quarter submits each month through here.</summary>
    internal void EnviarDentroDelPlazo(IEnumerable<ActividadDelMes> actividades, ConfiguracionEntidad configuracion, string usuario, DateTimeOffset ahora) =>
        EnviarDentroDelPlazo(() => ProblemasParaEnviar(actividades, configuracion), usuario, ahora, configuracion);

    private void EnviarDentroDelPlazo(Func<IReadOnlyList<ProblemaSeguimiento>> verificar, string usuario, DateTimeOffset ahora, ConfiguracionEntidad configuracion)
    {
        var quien = Usuario(usuario);
        Exigir(AccionAuditada.Envio, EstadoSeguimiento.Pendiente, EstadoSeguimiento.Observado);
        var hoy = Plazos.Hoy(ahora);
        var mes = MesDelAnio;
        if (hoy < mes.UltimoDia)
            throw new ReglaDominioException($"El seguimiento de {mes.Nombre} se envía desde el último día del mes ({Plazos.Fecha(mes.UltimoDia)}).");
        var plazo = PlazoVigente(configuracion);
        if (Plazos.Vencido(plazo, hoy)) throw new ReglaDominioException(Plazos.MensajeVencido(mes, plazo));
        var problemas = verificar();
        if (problemas.Count > 0)
            throw new ReglaDominioException(
                $"No se puede enviar el seguimiento de {mes.Nombre}; corrija lo siguiente:\n" + string.Join("\n", problemas.Select(p => "- " + p.Mensaje)));
        Estado = EstadoSeguimiento.Enviado;
        EnviadoPor = quien;
        EnviadoEn = ahora;
        Anotar(AccionAuditada.Envio, quien, ahora);
    }

    /// <summary>Enviado → Observado, with the planning office's observation (required); the month goes back to the operator.</summary>
    public void Observar(string? observacion, string usuario, DateTimeOffset ahora)
    {
        var quien = Usuario(usuario);
        Exigir(AccionAuditada.Observacion, EstadoSeguimiento.Enviado, EstadoSeguimiento.Validado);
        if (string.IsNullOrWhiteSpace(observacion))
            throw new ReglaDominioException($"Para observar el seguimiento de {MesDelAnio.Nombre} escriba la observación.");
        var texto = observacion.Trim();
        if (texto.Length > LargoMaximoObservacion)
            throw new ReglaDominioException($"La observación no puede pasar de {LargoMaximoObservacion} caracteres.");
        Estado = EstadoSeguimiento.Observado;
        Observacion = texto;
        RevisadoPor = quien;
        RevisadoEn = ahora;
        Anotar(AccionAuditada.Observacion, quien, ahora);
    }

    /// <summary>Enviado → Aprobado; from then on the month is read-only.</summary>
    public void Aprobar(string usuario, DateTimeOffset ahora)
    {
        var quien = Usuario(usuario);
        Exigir(AccionAuditada.Aprobacion, EstadoSeguimiento.Enviado, EstadoSeguimiento.Validado);
        Estado = EstadoSeguimiento.Aprobado;
        RevisadoPor = quien;
        RevisadoEn = ahora;
        Anotar(AccionAuditada.Aprobacion, quien, ahora);
    }

    /// <summary>
    /// The planning office gives the operator a new deadline (reason required, date after today).
    /// Only a month still in the operator's hands (Pendiente or Observado) is reopened: a submitted
    /// month is observed instead, and an approved one stays read-only. The state does not change.
    /// </summary>
    public Reapertura Reabrir(string? motivo, DateOnly nuevoPlazo, string usuario, DateTimeOffset ahora)
    {
        var quien = Usuario(usuario);
        Exigir(AccionAuditada.Reapertura, EstadoSeguimiento.Pendiente, EstadoSeguimiento.Observado);
        Reapertura = Reapertura.Crear(motivo, nuevoPlazo, quien, ahora);
        Anotar(AccionAuditada.Reapertura, quien, ahora);
        return Reapertura;
    }

    /// <summary>
    /// Observar with the deadline in mind: when the deadline in force has passed, the observation must bring a new
    /// deadline (strictly after today), recorded as a reopening ("Subsanar la observación …"), so the month goes back
    /// to the operator instead of turning "atrasado" with no way out. Before the deadline the new one is optional.
    /// </summary>
    public void Observar(string? observacion, DateOnly? nuevoPlazo, ConfiguracionEntidad configuracion, string usuario, DateTimeOffset ahora)
    {
        var quien = Usuario(usuario);
        if (MotivoNoRevisable(AccionAuditada.Observacion, configuracion) is { } motivo) throw new ReglaDominioException(motivo);
        var plazo = PlazoVigente(configuracion);
        Reapertura? reapertura = null;
        if (nuevoPlazo is { } nuevo)
            reapertura = Reapertura.Crear($"Subsanar la observación del {Plazos.Fecha(Plazos.Hoy(ahora))}.", nuevo, quien, ahora);
        else if (Plazos.Vencido(plazo, Plazos.Hoy(ahora)))
            throw new ReglaDominioException(
                $"El plazo de {MesDelAnio.Nombre} venció el {Plazos.Fecha(plazo)}: al observarlo indique el nuevo plazo para subsanar la observación.");
        Observar(observacion, quien, ahora);
        if (reapertura is not null) Reapertura = reapertura;
    }

    /// <summary>
    /// The planning office reopens an APPROVED month to correct it (reason and new deadline required): Aprobado →
    /// Observado, the reason as the observation, so the month goes back to the operator; its values' old figures stay
    /// in the audit trail as the operator changes them. A month inside a published evaluation (the evaluation's period
    /// contains it) is refused until a republication of that evaluation has been started: what was published does
    /// not change behind the public's back (<see cref="EvaluacionPoi.IniciarRepublicacion"/>).
    /// </summary>
    public Reapertura ReabrirAprobado(string? motivo, DateOnly nuevoPlazo, IEnumerable<EvaluacionPoi> evaluaciones, string usuario, DateTimeOffset ahora)
    {
        var quien = Usuario(usuario);
        var mes = MesDelAnio;
        if (Estado != EstadoSeguimiento.Aprobado)
            throw new ReglaDominioException(
                $"No se puede reabrir la aprobación del seguimiento de {mes.Nombre}: está {Estado.Nombre().ToLowerInvariant()}; solo se reabre así uno aprobado.");
        if (BloqueadoPorPublicacion(evaluaciones) is { } publicada)
            throw new ReglaDominioException(
                $"No se puede reabrir {mes.Nombre}: está dentro de la {publicada.NombreEnFrase}, publicada el {Plazos.Fecha(Plazos.Hoy(publicada.PublicadaEn!.Value))}. " +
                $"Inicie primero la republicación de la {publicada.NombreEnFrase}.");
        var reapertura = Reapertura.Crear(motivo, nuevoPlazo, quien, ahora);
        Reapertura = reapertura;
        Estado = EstadoSeguimiento.Observado;
        Observacion = $"Mes reabierto: {reapertura.Motivo}";
        RevisadoPor = quien;
        RevisadoEn = ahora;
        Anotar(AccionAuditada.Reapertura, quien, ahora);
        return reapertura;
    }

    /// <summary>The earliest published evaluation (of this entity) whose period contains this month and has no republication in progress; null when none.</summary>
    public EvaluacionPoi? BloqueadoPorPublicacion(IEnumerable<EvaluacionPoi> evaluaciones) =>
        evaluaciones.Where(e => e.EntidadId == EntidadId && e.Publicada && !e.EnRepublicacion && e.Contiene(Anio, Mes))
            .MinBy(e => e.Orden);

    /// <summary>
    /// The planning office approves under the entity's settings: with <see cref="ConfiguracionEntidad.ValidacionJefatura"/>
    /// only a month the head of the parent centre validated; otherwise a submitted (or validated) one.
    /// </summary>
    public void Aprobar(ConfiguracionEntidad configuracion, string usuario, DateTimeOffset ahora)
    {
        if (MotivoNoRevisable(AccionAuditada.Aprobacion, configuracion) is { } motivo) throw new ReglaDominioException(motivo);
        Aprobar(usuario, ahora);
    }

    /// <summary>The planning office observes under the entity's settings: with the head's validation on, only a validated month.</summary>
    public void Observar(string? observacion, ConfiguracionEntidad configuracion, string usuario, DateTimeOffset ahora) =>
        Observar(observacion, null, configuracion, usuario, ahora);

    /// <summary>
    /// Enviado → Validado: the head of the parent centre (the gerencia, the directive's "inmediato superior") checked the
    /// submission; only then does the planning office review it. Only when the entity has <see cref="ConfiguracionEntidad.ValidacionJefatura"/>.
    /// Who is the head is the web layer's business.
    /// </summary>
    public void ValidarJefatura(ConfiguracionEntidad configuracion, string usuario, DateTimeOffset ahora)
    {
        var quien = Usuario(usuario);
        if (MotivoNoRevisable(AccionAuditada.Validacion, configuracion) is { } motivo) throw new ReglaDominioException(motivo);
        Estado = EstadoSeguimiento.Validado;
        ValidadoPor = quien;
        ValidadoEn = ahora;
        Anotar(AccionAuditada.Validacion, quien, ahora);
    }

    /// <summary>Enviado → Observado by the head of the parent centre (text required): the month goes back to the operator before reaching the planning office.</summary>
    public void ObservarJefatura(string? observacion, ConfiguracionEntidad configuracion, string usuario, DateTimeOffset ahora)
    {
        if (MotivoNoRevisable(AccionAuditada.Validacion, configuracion) is { } motivo)
            throw new ReglaDominioException(motivo.Replace("validar", "observar", StringComparison.Ordinal));
        Observar(observacion, usuario, ahora);
    }

    /// <summary>
    /// Why a review action (<see cref="AccionAuditada.Aprobacion"/>, <see cref="AccionAuditada.Observacion"/> by the planning office,
    /// <see cref="AccionAuditada.Validacion"/> by the head, who also observes from the same state) cannot be done now; null when it can.
    /// A quarter asks every month first, so it is reviewed all or nothing.
    /// </summary>
    public string? MotivoNoRevisable(AccionAuditada accion, ConfiguracionEntidad configuracion)
    {
        var mes = MesDelAnio.Nombre;
        var estado = Estado.Nombre().ToLowerInvariant();
        var jefatura = configuracion.ValidacionJefatura;
        return accion switch
        {
            AccionAuditada.Validacion when !jefatura =>
                $"No se puede validar el seguimiento de {mes}: la entidad no tiene validación de jefatura; lo revisa directamente la Oficina de Planeamiento.",
            AccionAuditada.Validacion => Estado == EstadoSeguimiento.Enviado
                ? null
                : $"No se puede validar el seguimiento de {mes}: está {estado}; la jefatura solo valida uno enviado.",
            AccionAuditada.Aprobacion or AccionAuditada.Observacion when jefatura && Estado == EstadoSeguimiento.Enviado =>
                $"No se puede {(accion == AccionAuditada.Aprobacion ? "aprobar" : "observar")} el seguimiento de {mes}: falta la validación de la jefatura del centro de costo superior.",
            AccionAuditada.Aprobacion or AccionAuditada.Observacion => Estado is EstadoSeguimiento.Enviado or EstadoSeguimiento.Validado
                ? null
                : $"No se puede {(accion == AccionAuditada.Aprobacion ? "aprobar" : "observar")} el seguimiento de {mes}: está {estado}; " +
                  $"solo se {(accion == AccionAuditada.Aprobacion ? "aprueba" : "observa")} uno enviado{(jefatura ? " y validado por la jefatura" : "")}.",
            _ => throw new ArgumentOutOfRangeException(nameof(accion)),
        };
    }

    /// <summary>Called when an activity's values of this month change (<see cref="Operativo.ActividadOperativa.RegistrarAvance"/>).</summary>
    internal void RegistrarModificacion(string usuario, DateTimeOffset ahora) => Anotar(AccionAuditada.Cambio, Usuario(usuario), ahora);

    /// <summary>"Aprobado por mrojas el 12/02/2024 09:15": the other change a conflict message shows; null when nothing happened yet.</summary>
    public string? DescribirUltimoCambio()
    {
        if (UltimaAccion is not { } accion || UltimoCambioEn is not { } en) return null;
        var verbo = accion switch
        {
            AccionAuditada.Envio => "Enviado",
            AccionAuditada.Observacion => "Observado",
            AccionAuditada.Aprobacion => "Aprobado",
            AccionAuditada.Reapertura => "Reabierto",
            AccionAuditada.Importacion => "Importado",
            AccionAuditada.Validacion => "Validado",
            _ => "Modificado",
        };
        var local = en.ToOffset(Plazos.DesfasePeru);
        return $"{verbo} por {UltimoCambioPor} el {local.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture)}";
    }

    private void Exigir(AccionAuditada accion, params EstadoSeguimiento[] desde)
    {
        if (desde.Contains(Estado)) return;
        var (verbo, requisito) = accion switch
        {
            AccionAuditada.Envio => ("enviar", "solo se envía uno pendiente u observado"),
            AccionAuditada.Observacion => ("observar", "solo se observa uno enviado"),
            AccionAuditada.Aprobacion => ("aprobar", "solo se aprueba uno enviado"),
            _ => ("reabrir", "solo se reabre uno pendiente u observado"),
        };
        throw new ReglaDominioException(
            $"No se puede {verbo} el seguimiento de {MesDelAnio.Nombre}: está {Estado.Nombre().ToLowerInvariant()}; {requisito}.");
    }

    private void Anotar(AccionAuditada accion, string usuario, DateTimeOffset ahora)
    {
        UltimaAccion = accion;
        UltimoCambioPor = usuario;
        UltimoCambioEn = ahora;
    }

    private static string Usuario(string? usuario) => string.IsNullOrWhiteSpace(usuario)
        ? throw new ReglaDominioException("La operación debe registrar el usuario que la hace.")
        : usuario.Trim();
}
