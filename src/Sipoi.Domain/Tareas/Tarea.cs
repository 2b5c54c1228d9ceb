using System.Globalization;
using Sipoi.Domain.Calendario;
using Sipoi.Domain.Formulacion;
using Sipoi.Domain.Informes;
using Sipoi.Domain.Organizacion;
using Sipoi.Domain.Seguimiento;

namespace Sipoi.Domain.Tareas;

/// <summary>What a task asks; the web turns each kind into its page's link.</summary>
public enum ClaseTarea
{
    RegistrarMes, CorregirObservado, MesVencido, PropuestaPoi,
    RevisarMes, CentroAtrasado, AceptarPropuesta, AprobarVersion, Recomendacion, Evaluacion, DefinirCalendario,
    Hito,
}

/// <summary>How pressing a task is; the list is ordered by it (Vencida first).</summary>
public enum Urgencia { Vencida, Proxima, EnPlazo, SinPlazo }

/// <summary>
/// One thing a user must act on now. <see cref="Anio"/>, <see cref="Mes"/>, <see cref="Centro"/> and
/// <see cref="Referencia"/> (a period code, a version label, a recommendation number) are what its link needs.
/// </summary>
public sealed record Tarea(ClaseTarea Clase, string Texto, DateOnly? Plazo, Urgencia Urgencia, int Anio,
    int? Mes = null, string? Centro = null, string? Referencia = null)
{
    public string TextoUrgencia => Urgencia switch
    {
        Urgencia.Vencida => "Vencida",
        Urgencia.Proxima => "Vence pronto",
        Urgencia.EnPlazo => "En plazo",
        _ => "Sin plazo",
    };
}

/// <summary>A cost centre's month as the task rules read it (no row yet: null <see cref="Seguimiento"/>).</summary>
public sealed record MesDeCentro(string Centro, string NombreCentro, MesDelAnio Mes, SeguimientoMensual? Seguimiento);

/// <summary>A cost centre's programming in a draft POI version (Borrador when it has no row yet).</summary>
public sealed record PropuestaCentro(int AnioPoi, string Version, string Centro, string NombreCentro, EstadoFormulacion Estado);

/// <summary>A draft POI version waiting for approval: how many centres take part in it and how many are still not accepted.</summary>
public sealed record VersionPorAprobar(int AnioPoi, string Version, int Centros, int CentrosSinAceptar);

/// <summary>A recommendation with its status as of the latest evaluation that followed it up.</summary>
public sealed record RecomendacionAbierta(int Numero, string Evaluacion, int AnioEvaluacion, string PeriodoEvaluacion, string Centro,
    string AccionClave, DateOnly Plazo, EstadoRecomendacion Estado);

/// <summary>
/// The rules that decide what is a task for each role, how urgent it is and in what order the landing page lists
/// them (README.md in this folder). Pure: the caller loads the data and passes today's date in Peru.
/// </summary>
public static class ReglasTareas
{
    /// <summary>A deadline this close (in calendar days) makes a task "vence pronto".</summary>
    public const int DiasDeAviso = 7;

    /// <summary>A recommendation appears this many days before its deadline; a calendar milestone too.</summary>
    public const int DiasDeAnticipacion = 30;

    public static Urgencia UrgenciaDe(DateOnly? plazo, DateOnly hoy) => plazo switch
    {
        null => Urgencia.SinPlazo,
        { } p when Plazos.Vencido(p, hoy) => Urgencia.Vencida,
        { } p when p.DayNumber - hoy.DayNumber <= DiasDeAviso => Urgencia.Proxima,
        _ => Urgencia.EnPlazo,
    };

    /// <summary>
    /// An operator's months (of its centres) that have begun and are still in its hands: to register and submit
    /// (Pendiente), to correct (Observado) or past their deadline (Atrasado: only a reopening lets it register);
    /// and its centres' proposals in a draft POI still to submit, with the calendar's deadline for them.
    /// </summary>
    public static IReadOnlyList<Tarea> DelOperador(IEnumerable<MesDeCentro> meses, IEnumerable<PropuestaCentro> propuestas,
        IEnumerable<HitoCalendario> hitos, ConfiguracionEntidad configuracion, DateOnly hoy)
    {
        var tareas = new List<Tarea>();
        foreach (var m in meses.Where(m => hoy >= m.Mes.PrimerDia))
        {
            var plazo = Plazos.Vigente(Plazos.Cierre(m.Mes, configuracion), m.Seguimiento?.Reapertura);
            var centro = $"{m.Centro} {m.NombreCentro}";
            switch (TableroEntregas.Estado(m.Mes, m.Seguimiento, configuracion, hoy))
            {
                case EstadoTablero.Pendiente:
                    tareas.Add(new(ClaseTarea.RegistrarMes, $"Registrar y enviar {m.Mes.Nombre} — {centro}", plazo, UrgenciaDe(plazo, hoy), m.Mes.Anio, m.Mes.Mes, m.Centro));
                    break;
                case EstadoTablero.Observado:
                    tareas.Add(new(ClaseTarea.CorregirObservado, $"Corregir lo observado en {m.Mes.Nombre} y volver a enviar — {centro}", plazo,
                        UrgenciaDe(plazo, hoy), m.Mes.Anio, m.Mes.Mes, m.Centro));
                    break;
                case EstadoTablero.Atrasado:
                    tareas.Add(new(ClaseTarea.MesVencido, $"{Mayuscula(m.Mes.Nombre)} sin enviar: el plazo venció; pida la reapertura a la Oficina de Planeamiento — {centro}",
                        plazo, Urgencia.Vencida, m.Mes.Anio, m.Mes.Mes, m.Centro));
                    break;
            }
        }
        var hitosLista = hitos.ToList();
        foreach (var p in propuestas.Where(p => p.Estado is EstadoFormulacion.Borrador or EstadoFormulacion.Observado))
        {
            var plazo = CronogramaEntidad.PlazoPropuestas(p.AnioPoi, hitosLista)?.Fecha;
            var que = p.Estado == EstadoFormulacion.Observado ? "Corregir y volver a enviar la propuesta observada" : "Enviar la propuesta";
            tareas.Add(new(ClaseTarea.PropuestaPoi, $"{que} del POI {p.AnioPoi} («{p.Version}») — {p.Centro} {p.NombreCentro}", plazo,
                UrgenciaDe(plazo, hoy), p.AnioPoi, Centro: p.Centro, Referencia: p.Version));
        }
        return Ordenar(tareas);
    }

    /// <summary>
    /// The planning office's tasks: submitted months to review, centres past their deadline, proposals to accept,
    /// draft versions to approve, recommendations due within <see cref="DiasDeAnticipacion"/> days or overdue,
    /// evaluations whose period has ended and that are not published yet (by the calendar's milestones), and
    /// defining the calendar of the current year when it has none.
    /// </summary>
    public static IReadOnlyList<Tarea> DelPlanificador(IEnumerable<MesDeCentro> meses, IEnumerable<PropuestaCentro> propuestas,
        IEnumerable<VersionPorAprobar> versiones, IEnumerable<RecomendacionAbierta> recomendaciones, IEnumerable<HitoCalendario> hitos,
        IReadOnlySet<(int Anio, string Periodo)> evaluacionesPublicadas, ConfiguracionEntidad configuracion, DateOnly hoy)
    {
        var tareas = new List<Tarea>();
        var hitosLista = hitos.ToList();
        foreach (var m in meses.Where(m => hoy >= m.Mes.PrimerDia))
        {
            var centro = $"{m.Centro} {m.NombreCentro}";
            switch (TableroEntregas.Estado(m.Mes, m.Seguimiento, configuracion, hoy))
            {
                case EstadoTablero.Enviado:
                    tareas.Add(new(ClaseTarea.RevisarMes, $"Revisar {m.Mes.Nombre} enviado — {centro}", null, Urgencia.SinPlazo, m.Mes.Anio, m.Mes.Mes, m.Centro));
                    break;
                case EstadoTablero.Atrasado:
                    var plazo = Plazos.Vigente(Plazos.Cierre(m.Mes, configuracion), m.Seguimiento?.Reapertura);
                    tareas.Add(new(ClaseTarea.CentroAtrasado, $"Centro atrasado: {centro} no envió {m.Mes.Nombre}", plazo, Urgencia.Vencida,
                        m.Mes.Anio, m.Mes.Mes, m.Centro));
                    break;
            }
        }
        foreach (var p in propuestas.Where(p => p.Estado == EstadoFormulacion.Enviado))
        {
            var plazo = PlazoAprobacion(p.AnioPoi, hitosLista);
            tareas.Add(new(ClaseTarea.AceptarPropuesta, $"Revisar la propuesta del POI {p.AnioPoi} («{p.Version}») — {p.Centro} {p.NombreCentro}", plazo,
                UrgenciaDe(plazo, hoy), p.AnioPoi, Centro: p.Centro, Referencia: p.Version));
        }
        foreach (var v in versiones)
        {
            var plazo = PlazoAprobacion(v.AnioPoi, hitosLista);
            var falta = v.CentrosSinAceptar switch
            {
                _ when v.Centros == 0 => "sin propuestas de los centros todavía",
                0 => "todas las propuestas están aceptadas",
                1 => "falta aceptar 1 centro de costo",
                var n => $"falta aceptar {n.ToString(CultureInfo.InvariantCulture)} centros de costo",
            };
            tareas.Add(new(ClaseTarea.AprobarVersion, $"Aprobar la versión «{v.Version}» del POI {v.AnioPoi} ({falta})", plazo, UrgenciaDe(plazo, hoy),
                v.AnioPoi, Referencia: v.Version));
        }
        foreach (var r in recomendaciones.Where(r => r.Estado is EstadoRecomendacion.Pendiente or EstadoRecomendacion.EnProceso
                     && r.Plazo.DayNumber - hoy.DayNumber <= DiasDeAnticipacion))
        {
            var vencida = Recomendacion.Vencida(r.Plazo, r.Estado, hoy);
            tareas.Add(new(ClaseTarea.Recomendacion,
                $"Recomendación {r.Numero.ToString(CultureInfo.InvariantCulture)} de la {r.Evaluacion} ({r.Centro}): {r.AccionClave} — {(vencida ? "vencida" : "por vencer")}",
                r.Plazo, UrgenciaDe(r.Plazo, hoy), r.AnioEvaluacion, Referencia: r.PeriodoEvaluacion));
        }
        foreach (var h in hitosLista.Where(h => h.Tipo == TipoHito.Evaluacion))
        {
            if (h.Periodo is not { } p || evaluacionesPublicadas.Contains((h.Anio, p.Codigo))) continue;
            // The evaluation is due once its period has ended: before, there is nothing to evaluate.
            if (hoy <= new DateOnly(h.Anio, p.Hasta, 1).AddMonths(1).AddDays(-1)) continue;
            tareas.Add(new(ClaseTarea.Evaluacion, $"Elaborar y publicar la evaluación {p.Nombre} {h.Anio.ToString(CultureInfo.InvariantCulture)} («{h.Nombre}»)",
                h.Fecha, UrgenciaDe(h.Fecha, hoy), h.Anio, Referencia: p.Codigo));
        }
        if (!hitosLista.Any(h => h.Anio == hoy.Year))
            tareas.Add(new(ClaseTarea.DefinirCalendario, $"Definir el calendario {hoy.Year.ToString(CultureInfo.InvariantCulture)} de la entidad (registro, evaluaciones y formulación)",
                null, Urgencia.SinPlazo, hoy.Year));
        return Ordenar(tareas);
    }

    /// <summary>
    /// For the administrator and the consulta role, who act on no month: the calendar's milestones under way or
    /// due within <see cref="DiasDeAnticipacion"/> days, so they know what the office is doing.
    /// </summary>
    public static IReadOnlyList<Tarea> Proximos(IEnumerable<HitoCalendario> hitos, DateOnly hoy) => Ordenar(hitos
        .Where(h => h.Fecha >= hoy && (h.Fecha.DayNumber - hoy.DayNumber <= DiasDeAnticipacion || h.FechaInicio is { } i && i <= hoy))
        .Select(h => new Tarea(ClaseTarea.Hito, $"{h.Nombre} ({h.Fechas})", h.Fecha, UrgenciaDe(h.Fecha, hoy), h.Anio, Referencia: h.Referencia)));

    /// <summary>Overdue first, then by deadline (nearest first), then the ones without a deadline; ties by year, month, kind (accept proposals before approving the version) and centre.</summary>
    public static IReadOnlyList<Tarea> Ordenar(IEnumerable<Tarea> tareas) => tareas
        .OrderBy(t => t.Urgencia)
        .ThenBy(t => t.Plazo ?? DateOnly.MaxValue)
        .ThenBy(t => t.Anio).ThenBy(t => t.Mes ?? 0)
        .ThenBy(t => t.Clase)
        .ThenBy(t => t.Centro, StringComparer.Ordinal)
        .ThenBy(t => t.Texto, StringComparer.Ordinal)
        .ToList();

    /// <summary>Accepting proposals and approving the version of POI N are due by the "aprobación del POI" milestone of cycle N−1.</summary>
    private static DateOnly? PlazoAprobacion(int anioPoi, IEnumerable<HitoCalendario> hitos) =>
        hitos.FirstOrDefault(h => h.Anio == anioPoi - 1 && h.Etapa == EtapaFormulacion.AprobacionPoi)?.Fecha;

    private static string Mayuscula(string s) => s.Length == 0 ? s : char.ToUpper(s[0], CultureInfo.GetCultureInfo("es-PE")) + s[1..];
}
