using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Arranque;
using Sipoi.Web.Auditoria;
using Sipoi.Web.Data;
using Sipoi.Web.Evaluacion;
using Sipoi.Web.Informes;
using Sipoi.Web.Presentacion;
using Sipoi.Web.Seguimiento;

namespace Sipoi.Web.Intercambio;

/// <summary>
/// SYNTHETIC progress for the demo entity (EMSAPUNO 2024), so a first `./sipoi run` shows dashboards,
/// evaluations and the transparency page with figures instead of 0.00 % everywhere. The figures are
/// INVENTED (fixed seed, same on every first run), never EMSAPUNO's real execution; everything is written
/// by the user <see cref="Autor"/>. It goes through the same services the monthly grid and the evaluation
/// pages use (register, submit, approve/observe; register, recommend, publish, follow up), so every
/// domain rule applies, and all of it is one transaction. Only with Sipoi:DemoConAvance (passed by
/// `./sipoi run`, never by the tests' default host) and only right after the demo entity was loaded.
/// The choices are in docs/demo-avance.md.
/// </summary>
public static class AvanceDemo
{
    public const string Autor = "demo-sintetico";
    public const int Anio = 2024;
    public const int Semilla = 20240101;
    /// <summary>January to this month are registered, submitted and approved for every cost centre.</summary>
    public const int UltimoMesAprobado = 10;
    /// <summary>Registered for every centre; submitted by some (<see cref="EnviaEnRevision"/>), observed for one.</summary>
    public const int MesEnRevision = 11;
    /// <summary>The centre whose November the planning office observes: the demo Operador's, so that user has something to correct.</summary>
    public const string CentroObservado = DatosDemo.CentroOperador;
    public const string DocumentoS1 = "Informe N.º 001-2024-EMSAPUNO/OPP (sintético, de demostración)";

    public const string ObservacionNoviembre =
        "Datos sintéticos de demostración: revise las justificaciones de las actividades por debajo de la tolerancia y adjunte la evidencia del mes.";

    /// <summary>
    /// Which centres submit November: those in even positions of the code order (0, 2, 4 …), plus the observed
    /// one (submitted, then observed); the others keep November as a saved draft.
    /// </summary>
    public static bool EnviaEnRevision(int posicionEnOrdenDeCodigo, string codigoCentro) =>
        codigoCentro == CentroObservado || posicionEnOrdenDeCodigo % 2 == 0;

    /// <summary>A Peru-time moment (UTC−5) as UTC: what the workflow stamps on rows.</summary>
    public static DateTimeOffset En(int mes, int dia, int hora = 10) => En(Anio, mes, dia, hora);

    /// <inheritdoc cref="En(int, int, int)"/>
    public static DateTimeOffset En(int anio, int mes, int dia, int hora) =>
        new DateTimeOffset(anio, mes, dia, hora, 0, 0, TimeSpan.FromHours(-5)).ToUniversalTime();

    /// <summary>The month's last day at 10:00 in Peru: when the synthetic operator saves (and submits) its grid.</summary>
    internal static DateTimeOffset FinDe(int anio, int mes) => En(anio, mes, DateTime.DaysInMonth(anio, mes), 10);

    private static DateTimeOffset FinDe(int mes) => FinDe(Anio, mes);

    public static async Task GenerarAsync(string conexion, TimeProvider reloj, CancellationToken ct = default)
    {
        // An own context whose audit interceptor names the synthetic author (outside a request the app's says "sistema").
        await using var db = new SipoiDbContext(new DbContextOptionsBuilder<SipoiDbContext>()
            .UseNpgsql(conexion).ConfigureWarnings(BaseDeDatos.Advertencias)
            .AddInterceptors(new InterceptorAuditoria(null, reloj, Autor)).Options);
        await using var transaccion = await db.Database.BeginTransactionAsync(ct);

        var entidad = await db.Entidades.AsNoTracking().SingleAsync(e => e.Codigo == DatosDemo.CodigoEntidad, ct);
        var plan = await PlanificarAsync(db, entidad, Anio, Semilla, MesEnRevision, ct);
        var centros = plan.Select(p => p.Value.Centro).Distinct().Order(StringComparer.Ordinal).ToList();

        InterceptorAuditoria.RegistrarOperacion(db, entidad.Id, "avance_mensual", $"{entidad.Codigo} {Anio}", AccionAuditada.Importacion,
            $"Avance SINTÉTICO de demostración (semilla {Semilla}): cifras inventadas, no son la ejecución real de {entidad.Codigo}.");
        await db.SaveChangesAsync(ct);

        for (var mes = 1; mes <= MesEnRevision; mes++)
        {
            for (var i = 0; i < centros.Count; i++)
            {
                var centro = centros[i];
                var enviar = mes <= UltimoMesAprobado || EnviaEnRevision(i, centro);
                await RegistrarMesAsync(db, Anio, centro, mes, plan, enviar, ct);
                if (mes <= UltimoMesAprobado)
                    await RevisarAsync(db, Anio, centro, mes, AccionRevision.Aprobar, null, FinDe(mes).AddDays(1), ct);
                else if (centro == CentroObservado)
                    await RevisarAsync(db, Anio, centro, mes, AccionRevision.Observar, ObservacionNoviembre, FinDe(mes).AddDays(2), ct);
            }
            if (mes == 6) await EvaluacionSemestralAsync(db, entidad, ct);
        }
        await EvaluacionAnualAsync(db, entidad, ct);
        await transaccion.CommitAsync(ct);
    }

    /// <summary>One activity's synthetic month: what the operator "types".</summary>
    public sealed record ValorDemo(decimal? Fisico, decimal? Financiero, string? Logros, string? Dificultades, string? Medidas);

    public sealed record PlanActividad(string Centro, IReadOnlyDictionary<int, ValorDemo> Meses);

    /// <summary>Reads the programming in force of <paramref name="anio"/> and draws every activity's months (pure <see cref="Planificar"/>).</summary>
    internal static async Task<Dictionary<string, PlanActividad>> PlanificarAsync(SipoiDbContext db, Entidad entidad, int anio, int semilla, int hastaMes,
        CancellationToken ct)
    {
        var poi = await db.Pois.AsNoTracking().Include(p => p.Versiones).SingleAsync(p => p.EntidadId == entidad.Id && p.Anio == anio, ct);
        var version = poi.VersionVigente ?? throw new InvalidOperationException($"El POI {anio} de demostración no tiene versión vigente.");
        var programaciones = await db.Programaciones.AsNoTracking().Include(p => p.Metas)
            .Where(p => p.PoiVersionId == version.Id).ToDictionaryAsync(p => p.ActividadId, ct);
        var centros = await db.CentrosCosto.AsNoTracking().Where(c => c.EntidadId == entidad.Id).ToDictionaryAsync(c => c.Id, c => c.Codigo, ct);
        var actividades = await db.Actividades.AsNoTracking().Where(a => a.PoiId == poi.Id)
            .Select(a => new { a.Id, a.Codigo, a.UnidadMedida, a.CentroCostoId }).ToListAsync(ct);
        var gasto = await db.LineasPresupuesto.AsNoTracking()
            .Where(l => l.EntidadId == entidad.Id && l.Anio == anio && l.Tipo == TipoLineaPresupuesto.Egreso)
            .SumAsync(l => l.Monto, ct);
        var entradas = actividades.Where(a => programaciones.ContainsKey(a.Id))
            .Select(a => new ActividadAPlanificar(a.Codigo, centros[a.CentroCostoId], a.UnidadMedida, programaciones[a.Id].ProgramadoFisico()))
            .ToList();
        return Planificar(entradas, gasto, entidad.Configuracion, semilla, hastaMes);
    }

    public sealed record ActividadAPlanificar(string Codigo, string Centro, string? UnidadMedida, decimal[] Programado);

    private enum Perfil { Cumple, Bajo, Sobre, Cero }

    /// <summary>
    /// The synthetic figures, January to <paramref name="hastaMes"/> (<see cref="MesEnRevision"/> for 2024), from the seed alone: activities in code order,
    /// each with a profile (most 90–110 % of each month's target, some under-achievers at 55–84 %, some above
    /// tolerance at 116–135 %, a few at zero all year), a few with execution in a month without target, soles
    /// executed from the year's expenditure budget, and the justification texts wherever the tolerance rule
    /// (<see cref="Justificacion"/>) asks for them.
    /// </summary>
    public static Dictionary<string, PlanActividad> Planificar(IReadOnlyList<ActividadAPlanificar> actividades, decimal gastoAnual,
        ConfiguracionEntidad configuracion, int semilla = Semilla, int hastaMes = MesEnRevision)
    {
        var azar = new Random(semilla);
        var ordenadas = actividades.OrderBy(a => a.Codigo, StringComparer.Ordinal).ToList();
        // Devengado runs below budget; spread over activities and months before each activity's own weight.
        var baseMensual = ordenadas.Count == 0 ? 0m : gastoAnual * 0.9m / 12m / ordenadas.Count;
        var plan = new Dictionary<string, PlanActividad>(StringComparer.Ordinal);
        foreach (var a in ordenadas)
        {
            var sorteo = azar.NextDouble();
            var perfil = sorteo < 0.04 ? Perfil.Cero : sorteo < 0.19 ? Perfil.Bajo : sorteo < 0.27 ? Perfil.Sobre : Perfil.Cumple;
            var peso = 0.3m + 1.4m * (decimal)azar.NextDouble();
            var sinMeta = Enumerable.Range(1, hastaMes).Where(m => a.Programado[m - 1] == 0).ToList();
            int? mesNoProgramado = sinMeta.Count > 0 && perfil != Perfil.Cero && azar.NextDouble() < 0.12 ? sinMeta[azar.Next(sinMeta.Count)] : null;
            var meses = new Dictionary<int, ValorDemo>();
            for (var mes = 1; mes <= hastaMes; mes++)
            {
                var meta = a.Programado[mes - 1];
                decimal? fisico = null;
                if (meta > 0)
                {
                    var factor = perfil switch
                    {
                        Perfil.Cero => 0m,
                        Perfil.Bajo => Entre(azar, 0.55m, 0.84m),
                        Perfil.Sobre => Entre(azar, 1.16m, 1.35m),
                        _ => Entre(azar, 0.90m, 1.10m),
                    };
                    fisico = Redondear(meta * factor, meta, a.UnidadMedida);
                }
                else if (mes == mesNoProgramado)
                {
                    var conMeta = a.Programado.Count(p => p > 0);
                    var tipico = conMeta == 0 ? 1m : a.Programado.Sum() / conMeta / 2m;
                    fisico = Math.Max(Redondear(tipico, tipico, a.UnidadMedida), 1m);
                }
                if (fisico is null) continue;
                decimal? financiero = perfil == Perfil.Cero ? null
                    : decimal.Round(baseMensual * peso * Entre(azar, 0.80m, 1.05m), 2, MidpointRounding.AwayFromZero);
                var motivo = Justificacion.Motivo(meta, fisico, configuracion);
                var (logros, dificultades, medidas) = Textos(motivo, perfil, azar);
                meses[mes] = new ValorDemo(fisico, financiero, logros, dificultades, medidas);
            }
            plan[a.Codigo] = new PlanActividad(a.Centro, meses);
        }
        return plan;
    }

    private static decimal Entre(Random azar, decimal desde, decimal hasta) => desde + (hasta - desde) * (decimal)azar.NextDouble();

    /// <summary>Counts stay whole when the target is whole; percentages never pass 100; otherwise two decimals.</summary>
    private static decimal Redondear(decimal valor, decimal meta, string? unidad)
    {
        if (ValidacionAvance.EsPorcentaje(unidad)) return Math.Min(100m, decimal.Round(valor, 2, MidpointRounding.AwayFromZero));
        return meta == decimal.Truncate(meta)
            ? decimal.Round(valor, 0, MidpointRounding.AwayFromZero)
            : decimal.Round(valor, 2, MidpointRounding.AwayFromZero);
    }

    private static readonly string[] LogrosBajo =
    [
        "Se atendieron los casos prioritarios del mes.",
        "Se avanzó con el personal disponible y se priorizaron las tareas críticas.",
        "Se completó parte de la meta; el resto queda programado para el mes siguiente.",
    ];
    private static readonly string[] DificultadesBajo =
    [
        "Demora en la atención de requerimientos de bienes y servicios.",
        "Personal con licencia y vacaciones durante el mes.",
        "Falta de materiales e insumos por retraso del proveedor.",
    ];
    private static readonly string[] MedidasBajo =
    [
        "Reprogramar el saldo en los meses siguientes y hacer seguimiento semanal.",
        "Coordinar con Logística la atención oportuna de los requerimientos.",
        "Redistribuir las tareas en el equipo y priorizar lo pendiente.",
    ];
    private static readonly string[] LogrosSobre =
    [
        "Se superó la meta por mayor demanda de los usuarios.",
        "Se atendieron solicitudes acumuladas de meses anteriores.",
        "Campaña de atención con apoyo de otras áreas.",
    ];

    private static (string? Logros, string? Dificultades, string? Medidas) Textos(MotivoJustificacion motivo, Perfil perfil, Random azar) =>
        motivo switch
        {
            MotivoJustificacion.BajoTolerancia when perfil == Perfil.Cero => (
                "Sin avance en el mes.",
                "La actividad está a la espera de la aprobación del expediente y de la asignación presupuestal.",
                "Gestionar la aprobación ante la Gerencia y reprogramar la meta en la próxima modificación del POI."),
            MotivoJustificacion.BajoTolerancia => (Uno(LogrosBajo, azar), Uno(DificultadesBajo, azar), Uno(MedidasBajo, azar)),
            MotivoJustificacion.SobreTolerancia => (Uno(LogrosSobre, azar),
                "La meta del mes quedó corta frente a la demanda real.",
                "Evaluar el ajuste de la meta en la próxima modificación del POI."),
            MotivoJustificacion.EjecucionNoProgramada => (
                "Se atendió un requerimiento no previsto en la programación.",
                "El mes no tenía meta programada.",
                "Incluir la actividad del mes en la próxima modificación del POI."),
            _ => (null, null, null),
        };

    private static string Uno(string[] opciones, Random azar) => opciones[azar.Next(opciones.Length)];

    private static string? Texto(decimal? v) => v?.ToString("0.####", CultureInfo.InvariantCulture);

    private static async Task<MesSeguimiento> CargarAsync(SipoiDbContext db, int anio, string centro, int mes, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        return await MesSeguimiento.CargarAsync(db, DatosDemo.CodigoEntidad, anio, mes, centro, ct)
            ?? throw new InvalidOperationException($"No se encontró el seguimiento de demostración del centro {centro}, mes {mes}.");
    }

    /// <summary>The operator's grid: every activity of the centre saved at once (and submitted when asked) on the month's last day.</summary>
    internal static async Task RegistrarMesAsync(SipoiDbContext db, int anio, string centro, int mes, Dictionary<string, PlanActividad> plan, bool enviar,
        CancellationToken ct)
    {
        var m = await CargarAsync(db, anio, centro, mes, ct);
        var entradas = m.Filas.Select(f =>
        {
            var v = plan.TryGetValue(f.Actividad.Codigo, out var p) ? p.Meses.GetValueOrDefault(mes) : null;
            return new EntradaAvance(f.Actividad.Codigo, Texto(v?.Fisico), Texto(v?.Financiero), v?.Logros, v?.Dificultades, v?.Medidas, f.VersionAvance);
        }).ToList();
        // A quarter's last month is submitted with the centre's period summary (Seguimiento/README.md).
        var resumen = enviar && ResumenPeriodo.PeriodoQueCierra(mes) is { } t
            ? $"Resumen sintético del {t.Nombre} (datos de demostración, no son de EMSAPUNO)."
            : null;
        Exigir(await RegistroSeguimiento.GuardarAsync(db, m, m.Version, entradas, enviar, Autor, FinDe(anio, mes), ct, resumen), centro, mes);
    }

    internal static async Task RevisarAsync(SipoiDbContext db, int anio, string centro, int mes, AccionRevision accion, string? texto, DateTimeOffset ahora,
        CancellationToken ct)
    {
        var m = await CargarAsync(db, anio, centro, mes, ct);
        Exigir(await RegistroSeguimiento.RevisarAsync(db, m, accion, texto, null, m.Version, Autor, ahora, ct), centro, mes);
    }

    private static void Exigir(ResultadoSeguimiento r, string centro, int mes)
    {
        if (!r.Exito)
            throw new InvalidOperationException($"El avance de demostración del centro {centro}, mes {mes}, fue rechazado: {r.Mensaje}\n"
                + string.Join("\n", r.Problemas.Select(p => p.Mensaje)));
    }

    /// <summary>
    /// I Semestre: registered and published in July, with two recommendations drafted from its own figures (the
    /// cost centre with the lowest execution, and the planning office on timely justification).
    /// </summary>
    private static async Task EvaluacionSemestralAsync(SipoiDbContext db, Entidad entidad, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var periodo = Periodo.Semestre(1);
        var evaluacion = await RegistroEvaluaciones.RegistrarAsync(db, entidad.Id, Anio, periodo, ct);
        var resultado = await ConsultaEvaluacion.EvaluarAsync(db, entidad.Codigo, Anio, periodo, ct: ct)
            ?? throw new InvalidOperationException($"No se pudo evaluar el POI {Anio} de demostración.");
        var centros = await db.CentrosCosto.AsNoTracking().Where(c => c.EntidadId == entidad.Id).ToDictionaryAsync(c => c.Codigo, ct);
        var masBajo = resultado.CentrosCosto.Where(c => c.Valor is not null).OrderBy(c => c.Valor).ThenBy(c => c.Codigo, StringComparer.Ordinal).First();
        var planeamiento = centros[DatosDemo.CentroOperador];
        await RegistroEvaluaciones.AgregarRecomendacionAsync(db, evaluacion, new DatosRecomendacion(
            $"Ejecución física baja en {centros[masBajo.Codigo].Nombre} ({Formato.Porcentaje(masBajo.Valor)} en el I Semestre).",
            "Revisar la programación de las actividades con ejecución por debajo de la tolerancia y reprogramar las metas que no se cumplirán.",
            "Reunión mensual de seguimiento con la unidad y propuesta de modificación del POI.",
            [centros[masBajo.Codigo].Id], null, new DateOnly(Anio, 9, 30)), ct);
        await RegistroEvaluaciones.AgregarRecomendacionAsync(db, evaluacion, new DatosRecomendacion(
            "Justificaciones del seguimiento mensual poco específicas.",
            "Exigir logros, dificultades y medidas correctivas concretas, con evidencia adjunta, antes de aprobar cada mes.",
            "Difundir una guía breve de llenado del seguimiento a todos los centros de costo.",
            [planeamiento.Id], null, new DateOnly(Anio, 12, 31)), ct);
        await RegistroEvaluaciones.PublicarAsync(db, evaluacion, DocumentoS1, Autor, En(7, 22), ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>Anual: registered (not published: the year is not closed) with the follow-up of the I Semestre recommendations.</summary>
    private static async Task EvaluacionAnualAsync(SipoiDbContext db, Entidad entidad, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var anual = await RegistroEvaluaciones.RegistrarAsync(db, entidad.Id, Anio, Periodo.Anual, ct);
        var anteriores = await RegistroEvaluaciones.AnterioresAsync(db, entidad.Id, anual.Orden, ct, seguimiento: false);
        var filas = anteriores.Select(x => x.Recomendacion.Numero switch
        {
            1 => (x.Recomendacion.Id, EstadoRecomendacion.Implementada,
                (string?)"Se realizaron las reuniones mensuales y las metas se reprogramaron en la modificación del POI (dato sintético)."),
            _ => (x.Recomendacion.Id, EstadoRecomendacion.EnProceso,
                (string?)"La guía de llenado está en revisión; se difundirá con el seguimiento de diciembre (dato sintético)."),
        }).ToList();
        await RegistroEvaluaciones.GuardarSeguimientoAsync(db, anual, filas, ct);
        db.ChangeTracker.Clear();
    }
}
