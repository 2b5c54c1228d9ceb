using Sipoi.Domain.Organizacion;

namespace Sipoi.Domain.Seguimiento;

/// <summary>One month of a quarter as the quarterly submission sees it: its workflow row and the centre's activities that month.</summary>
public sealed record MesDelTrimestre(SeguimientoMensual Seguimiento, IReadOnlyList<ActividadDelMes> Actividades);

/// <summary>
/// The quarterly rhythm (<see cref="RitmoReporte.Trimestral"/>, DOMAIN.md §3): a cost centre registers and saves each month,
/// but submits the quarter's three months together, from the quarter's last month, all or nothing; every problem of the
/// three months is listed at once. Values and states stay per month.
/// </summary>
public static class EnvioTrimestral
{
    /// <summary>The refusal when a month of a quarterly entity is submitted on its own.</summary>
    public static string MensajeMesSuelto(MesDelAnio mes) => mes.EsCierreDeTrimestre
        ? $"El seguimiento de {mes.Nombre} se envía junto con los otros meses del {mes.NombreTrimestre}: envíe el trimestre completo."
        : $"El seguimiento de {mes.Nombre} no se puede enviar solo: la entidad reporta por trimestre; guarde sus valores y envíe el " +
          $"{mes.NombreTrimestre} completo desde {mes.CierreDelTrimestre.Nombre}.";

    /// <summary>The months of the quarter still in the operator's hands (Pendiente or Observado): what a submission sends.</summary>
    public static IReadOnlyList<MesDelTrimestre> PorEnviar(IReadOnlyList<MesDelTrimestre> meses) =>
        meses.Where(m => m.Seguimiento.Estado is EstadoSeguimiento.Pendiente or EstadoSeguimiento.Observado).ToList();

    /// <summary>Every problem that would stop the quarter's submission, month by month (each message names its month).</summary>
    public static IReadOnlyList<ProblemaSeguimiento> Problemas(IReadOnlyList<MesDelTrimestre> meses, ConfiguracionEntidad configuracion) =>
        PorEnviar(meses).SelectMany(m => m.Seguimiento.ProblemasParaEnviar(m.Actividades, configuracion)).ToList();

    /// <summary>
    /// As <see cref="Problemas(IReadOnlyList{MesDelTrimestre}, ConfiguracionEntidad)"/>, also requiring the centre's summary of the
    /// quarter (<see cref="ResumenPeriodo.Problema"/>, asked of the quarter's last month): what the grid and the API submit.
    /// </summary>
    public static IReadOnlyList<ProblemaSeguimiento> Problemas(IReadOnlyList<MesDelTrimestre> meses, ConfiguracionEntidad configuracion,
        string? resumenPeriodo)
    {
        var problemas = Problemas(meses, configuracion).ToList();
        if (meses.Count > 0 && ResumenPeriodo.Problema(meses[^1].Seguimiento.MesDelAnio, resumenPeriodo) is { } p) problemas.Add(p);
        return problemas;
    }

    /// <summary>
    /// Submits the quarter of <paramref name="desde"/> (which must be its last month): the months of <paramref name="meses"/> still
    /// Pendiente or Observado become Enviado together; months already submitted, validated or approved stay as they are.
    /// Refused, and nothing changes, when the entity reports monthly, <paramref name="desde"/> is not the quarter's last month,
    /// the quarter has not ended, a month is past its deadline in force, or any activity of any month has a problem (all listed).
    /// </summary>
    /// <returns>The months submitted.</returns>
    public static IReadOnlyList<MesDelAnio> Enviar(MesDelAnio desde, IReadOnlyList<MesDelTrimestre> meses, ConfiguracionEntidad configuracion,
        string usuario, DateTimeOffset ahora) =>
        Enviar(desde, meses, configuracion, usuario, ahora, () => Problemas(meses, configuracion));

    /// <summary>As the other overload, also requiring the centre's summary of the quarter (what the grid and the API submit).</summary>
    public static IReadOnlyList<MesDelAnio> Enviar(MesDelAnio desde, IReadOnlyList<MesDelTrimestre> meses, ConfiguracionEntidad configuracion,
        string? resumenPeriodo, string usuario, DateTimeOffset ahora) =>
        Enviar(desde, meses, configuracion, usuario, ahora, () => Problemas(meses, configuracion, resumenPeriodo));

    private static IReadOnlyList<MesDelAnio> Enviar(MesDelAnio desde, IReadOnlyList<MesDelTrimestre> meses, ConfiguracionEntidad configuracion,
        string usuario, DateTimeOffset ahora, Func<IReadOnlyList<ProblemaSeguimiento>> verificar)
    {
        if (configuracion.Ritmo != RitmoReporte.Trimestral)
            throw new ReglaDominioException("La entidad reporta mes a mes: envíe cada mes por separado.");
        if (!desde.EsCierreDeTrimestre) throw new ReglaDominioException(MensajeMesSuelto(desde));
        var esperados = desde.MesesDelTrimestre;
        if (meses.Count != 3 || !meses.Select(m => m.Seguimiento.MesDelAnio).SequenceEqual(esperados)
            || meses.Select(m => m.Seguimiento.CentroCostoId).Distinct().Count() != 1)
            throw new ArgumentException("El envío trimestral necesita los tres meses del trimestre de un mismo centro de costo, en orden.", nameof(meses));

        var porEnviar = PorEnviar(meses);
        if (porEnviar.Count == 0)
            throw new ReglaDominioException($"El {desde.NombreTrimestre} ya fue enviado: no queda ningún mes pendiente u observado.");
        var hoy = Plazos.Hoy(ahora);
        if (hoy < desde.UltimoDia)
            throw new ReglaDominioException($"El {desde.NombreTrimestre} se envía desde el último día del trimestre ({Plazos.Fecha(desde.UltimoDia)}).");
        var vencidos = porEnviar
            .Select(m => (Mes: m.Seguimiento.MesDelAnio, Plazo: m.Seguimiento.PlazoVigente(configuracion)))
            .Where(x => Plazos.Vencido(x.Plazo, hoy))
            .Select(x => Plazos.MensajeVencido(x.Mes, x.Plazo)).ToList();
        if (vencidos.Count > 0) throw new ReglaDominioException(string.Join(" ", vencidos));
        var problemas = verificar();
        if (problemas.Count > 0)
            throw new ReglaDominioException(
                $"No se puede enviar el {desde.NombreTrimestre}; corrija lo siguiente:\n" + string.Join("\n", problemas.Select(p => "- " + p.Mensaje)));
        // Every check of every month passed: each submission below succeeds, so the quarter moves whole.
        foreach (var m in porEnviar) m.Seguimiento.EnviarDentroDelPlazo(m.Actividades, configuracion, usuario, ahora);
        return porEnviar.Select(m => m.Seguimiento.MesDelAnio).ToList();
    }
}

/// <summary>
/// The review of a quarter as a unit (quarterly rhythm): the planning office approves or observes, the head of the parent
/// centre validates or observes, the quarter's submitted months together. Every month is asked first
/// (<see cref="SeguimientoMensual.MotivoNoRevisable"/>): one month that cannot and none changes. Months already past the
/// step (approved, or validated when the head validates) are left as they are.
/// </summary>
public static class RevisionTrimestral
{
    public enum Accion { Aprobar, Observar, Validar, ObservarJefatura }

    /// <summary>The months the action applies to: the submitted ones still waiting for that step.</summary>
    public static IReadOnlyList<SeguimientoMensual> Alcance(IReadOnlyList<SeguimientoMensual> meses, Accion accion) => accion switch
    {
        Accion.Validar or Accion.ObservarJefatura => meses.Where(m => m.Estado == EstadoSeguimiento.Enviado).ToList(),
        _ => meses.Where(m => m.Estado is EstadoSeguimiento.Enviado or EstadoSeguimiento.Validado).ToList(),
    };

    /// <returns>The months reviewed.</returns>
    public static IReadOnlyList<MesDelAnio> Revisar(IReadOnlyList<SeguimientoMensual> meses, Accion accion, string? observacion,
        ConfiguracionEntidad configuracion, string usuario, DateTimeOffset ahora, DateOnly? nuevoPlazo = null)
    {
        if (meses.Count == 0) throw new ArgumentException("Sin meses que revisar.", nameof(meses));
        var trimestre = meses[0].MesDelAnio;
        var alcance = Alcance(meses, accion);
        if (alcance.Count == 0)
            throw new ReglaDominioException(
                $"No hay meses del {trimestre.NombreTrimestre} esperando {(accion is Accion.Validar or Accion.ObservarJefatura ? "la validación de la jefatura" : "la revisión de la Oficina de Planeamiento")}.");
        var codigo = accion switch
        {
            Accion.Aprobar => AccionAuditada.Aprobacion,
            Accion.Observar => AccionAuditada.Observacion,
            _ => AccionAuditada.Validacion,
        };
        var motivos = alcance.Select(m => m.MotivoNoRevisable(codigo, configuracion)).OfType<string>().ToList();
        if (motivos.Count > 0) throw new ReglaDominioException(string.Join(" ", motivos.Distinct()));
        if (accion is Accion.Observar or Accion.ObservarJefatura && string.IsNullOrWhiteSpace(observacion))
            throw new ReglaDominioException($"Para observar el {trimestre.NombreTrimestre} escriba la observación.");
        if (observacion is not null && observacion.Trim().Length > SeguimientoMensual.LargoMaximoObservacion)
            throw new ReglaDominioException($"La observación no puede pasar de {SeguimientoMensual.LargoMaximoObservacion} caracteres.");
        foreach (var m in alcance)
        {
            switch (accion)
            {
                case Accion.Aprobar: m.Aprobar(configuracion, usuario, ahora); break;
                case Accion.Observar: m.Observar(observacion, nuevoPlazo, configuracion, usuario, ahora); break;
                case Accion.Validar: m.ValidarJefatura(configuracion, usuario, ahora); break;
                default: m.ObservarJefatura(observacion, configuracion, usuario, ahora); break;
            }
        }
        return alcance.Select(m => m.MesDelAnio).ToList();
    }
}
