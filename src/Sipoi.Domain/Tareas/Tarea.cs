using System.Globalization;
using Sipoi.Domain.Calendario;
using Sipoi.Domain.Formulacion;
using Sipoi.Domain.Informes;
using Sipoi.Domain.Organizacion;
using Sipoi.Domain.Periodos;
using Sipoi.Domain.Seguimiento;

namespace Sipoi.Domain.Tareas;

/// <summary>What a task asks; the web turns each kind into its page's link.</summary>
public enum ClaseTarea
{
    RegistrarMes, CorregirObservado, MesVencido, PropuestaPoi,
    ValidarMes, RevisarMes, CentroAtrasado, AceptarPropuesta, AprobarVersion, Recomendacion, Evaluacion, DefinirCalendario,
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

/// <summary>
/// A recommendation with its status as of the latest evaluation that followed it up. <see cref="Centro"/>: its
/// responsibles as the task names them, the units' codes then the outside body ("01.02, 03.01, SUNASS").
/// </summary>
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
    /// with the quarterly rhythm, months 1–2 of a quarter are "registrar" tasks until the quarter's last month begins, and from
    /// then on the quarter is one task (submitted from its last month with the summary of the period);
    /// and its centres' proposals in a draft POI still to submit, with the calendar's deadline for them.
    /// </summary>
    public static IReadOnlyList<Tarea> DelOperador(IEnumerable<MesDeCentro> meses, IEnumerable<PropuestaCentro> propuestas,
        IEnumerable<HitoCalendario> hitos, ConfiguracionEntidad configuracion, DateOnly hoy)
    {
        var tareas = new List<Tarea>();
        foreach (var g in Grupos(meses, configuracion, hoy))
        {
            var atrasados = g.Meses.Where(m => m.Estado == EstadoTablero.Atrasado).ToList();
            if (atrasados.Count > 0)
            {
                // Only a reopening (per month) lets the centre register: the link opens the first late month.
                var que = g.Trimestral ? $"{Mayuscula(g.Nombre)} sin enviar ({Lista(atrasados)})" : $"{Mayuscula(g.Nombre)} sin enviar";
                tareas.Add(new(ClaseTarea.MesVencido, $"{que}: el plazo venció; pida la reapertura a la Oficina de Planeamiento — {g.NombreCentro}",
                    atrasados.Min(m => m.Plazo), Urgencia.Vencida, g.Anio, atrasados[0].Mes.Mes.Mes, g.Centro));
            }
            var enSusManos = g.Meses.Where(m => m.Estado is EstadoTablero.Pendiente or EstadoTablero.Observado).ToList();
            if (enSusManos.Count == 0) continue;
            if (g.Trimestral && hoy < g.Cierre.PrimerDia)
            {
                // Months 1–2 of a quarter whose last month has not begun: saved one by one, submitted later with the quarter.
                foreach (var m in enSusManos)
                    tareas.Add(new(ClaseTarea.RegistrarMes,
                        $"Registrar {m.Mes.Mes.Nombre} (se envía con el {Periodo.Trimestre(g.Cierre.Trimestre).Nombre} desde {MesMinuscula(g.Cierre.Mes)}) — {g.NombreCentro}",
                        m.Plazo, UrgenciaDe(m.Plazo, hoy), g.Anio, m.Mes.Mes.Mes, g.Centro));
                continue;
            }
            // A month, or the whole quarter from its last month on (one submission, its summary of the period required).
            var plazo = enSusManos.Min(m => m.Plazo);
            var resumen = g.Trimestral ? " con el resumen del periodo" : "";
            var observado = enSusManos.Any(m => m.Estado == EstadoTablero.Observado);
            tareas.Add(observado
                ? new(ClaseTarea.CorregirObservado, $"Corregir lo observado en {g.Nombre} y volver a enviar{resumen} — {g.NombreCentro}", plazo,
                    UrgenciaDe(plazo, hoy), g.Anio, g.Mes, g.Centro)
                : new(ClaseTarea.RegistrarMes, $"Registrar y enviar {g.Nombre}{resumen} — {g.NombreCentro}", plazo, UrgenciaDe(plazo, hoy), g.Anio,
                    g.Mes, g.Centro));
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
    /// The planning office's tasks: submitted months to review (per quarter with the quarterly rhythm; with the head's validation,
    /// the months the head validated), centres past their deadline, proposals to accept,
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
        foreach (var g in Grupos(meses, configuracion, hoy))
        {
            // With the head's validation the office reviews what the head validated; a month still Enviado waits for the head
            // (its task is the head's, DeLaJefatura) and is not listed here. Without it, Enviado and Validado (validated before the
            // setting was turned off) are both to review.
            var revisar = g.Meses.Where(m => m.Estado == EstadoTablero.Validado
                || m.Estado == EstadoTablero.Enviado && !configuracion.ValidacionJefatura).ToList();
            if (revisar.Count > 0)
                tareas.Add(new(ClaseTarea.RevisarMes,
                    $"Revisar {g.Nombre} {(configuracion.ValidacionJefatura ? "validado por la jefatura" : "enviado")} — {g.NombreCentro}", null,
                    Urgencia.SinPlazo, g.Anio, g.Trimestral ? g.Mes : revisar[^1].Mes.Mes.Mes, g.Centro));
            var atrasados = g.Meses.Where(m => m.Estado == EstadoTablero.Atrasado).ToList();
            if (atrasados.Count > 0)
                tareas.Add(new(ClaseTarea.CentroAtrasado,
                    $"Centro atrasado: {g.NombreCentro} no envió {g.Nombre}{(g.Trimestral && atrasados.Count < 3 ? $" ({Lista(atrasados)})" : "")}",
                    atrasados.Min(m => m.Plazo), Urgencia.Vencida, g.Anio, atrasados[0].Mes.Mes.Mes, g.Centro));
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
    /// The head of a parent centre's tasks (<see cref="ConfiguracionEntidad.ValidacionJefatura"/>): each submitted month — or quarter,
    /// with the quarterly rhythm — of the centres it validates (<paramref name="meses"/>, chosen by the caller), to validate or
    /// observe. None when the entity does not ask for the head's validation. No deadline: the regular one binds the centre.
    /// </summary>
    public static IReadOnlyList<Tarea> DeLaJefatura(IEnumerable<MesDeCentro> meses, ConfiguracionEntidad configuracion, DateOnly hoy)
    {
        if (!configuracion.ValidacionJefatura) return [];
        var tareas = new List<Tarea>();
        foreach (var g in Grupos(meses, configuracion, hoy))
        {
            var enviados = g.Meses.Where(m => m.Estado == EstadoTablero.Enviado).ToList();
            if (enviados.Count > 0)
                tareas.Add(new(ClaseTarea.ValidarMes, $"Validar {g.Nombre} — {g.NombreCentro}", null, Urgencia.SinPlazo, g.Anio,
                    g.Trimestral ? g.Mes : enviados[^1].Mes.Mes.Mes, g.Centro));
        }
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

    /// <summary>A begun month of a centre with its board state and deadline in force (THE deadline: <see cref="Plazos.Cierre(MesDelAnio, ConfiguracionEntidad)"/>).</summary>
    private sealed record MesEnTablero(MesDeCentro Mes, EstadoTablero Estado, DateOnly Plazo);

    /// <summary>
    /// What one task is about: a centre's month, or with the quarterly rhythm a centre's quarter (submitted and reviewed as one,
    /// from its last month, <see cref="Cierre"/>). <see cref="Meses"/>: its begun months, in order.
    /// </summary>
    private sealed record Grupo(string Centro, string NombreCentro, MesDelAnio Cierre, bool Trimestral, IReadOnlyList<MesEnTablero> Meses)
    {
        public int Anio => Cierre.Anio;

        /// <summary>The month the link opens for the quarter: its last one, where the quarter is submitted.</summary>
        public int Mes => Cierre.Mes;

        /// <summary>"enero de 2024", or "el I trimestre de 2024 (enero a marzo)" (the grid's own words).</summary>
        public string Nombre => Trimestral ? "el " + Cierre.NombreTrimestre : Cierre.Nombre;
    }

    /// <summary>The begun months grouped per centre and month, or per centre and quarter when the entity reports by quarter.</summary>
    private static IEnumerable<Grupo> Grupos(IEnumerable<MesDeCentro> meses, ConfiguracionEntidad configuracion, DateOnly hoy)
    {
        var trimestral = configuracion.Ritmo == RitmoReporte.Trimestral;
        return meses.Where(m => hoy >= m.Mes.PrimerDia)
            .Select(m => new MesEnTablero(m, TableroEntregas.Estado(m.Mes, m.Seguimiento, configuracion, hoy),
                Plazos.Vigente(Plazos.Cierre(m.Mes, configuracion), m.Seguimiento?.Reapertura)))
            .GroupBy(m => (m.Mes.Centro, m.Mes.Mes.Anio, Clave: trimestral ? m.Mes.Mes.Trimestre : m.Mes.Mes.Mes))
            .Select(g =>
            {
                var orden = g.OrderBy(m => m.Mes.Mes.Mes).ToList();
                var primero = orden[0].Mes;
                return new Grupo(primero.Centro, $"{primero.Centro} {primero.NombreCentro}",
                    trimestral ? primero.Mes.CierreDelTrimestre : primero.Mes, trimestral, orden);
            });
    }

    /// <summary>"enero", "enero y febrero", "enero, febrero y marzo".</summary>
    private static string Lista(IReadOnlyList<MesEnTablero> meses) => Redaccion.Lista(meses.Select(m => MesMinuscula(m.Mes.Mes.Mes)));

    /// <summary>Accepting proposals and approving the version of POI N are due by the "aprobación del POI" milestone of cycle N−1.</summary>
    private static DateOnly? PlazoAprobacion(int anioPoi, IEnumerable<HitoCalendario> hitos) =>
        hitos.FirstOrDefault(h => h.Anio == anioPoi - 1 && h.Etapa == EtapaFormulacion.AprobacionPoi)?.Fecha;

    private static string MesMinuscula(int mes) => Meses.Nombre(mes).ToLower(CultureInfo.GetCultureInfo("es-PE"));

    private static string Mayuscula(string s) => s.Length == 0 ? s : char.ToUpper(s[0], CultureInfo.GetCultureInfo("es-PE")) + s[1..];
}
