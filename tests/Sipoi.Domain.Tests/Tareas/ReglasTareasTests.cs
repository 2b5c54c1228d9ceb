using Sipoi.Domain.Calendario;
using Sipoi.Domain.Formulacion;
using Sipoi.Domain.Informes;
using Sipoi.Domain.Organizacion;
using Sipoi.Domain.Seguimiento;
using Sipoi.Domain.Tareas;
using static Sipoi.Domain.Tests.Seguimiento.Datos;

namespace Sipoi.Domain.Tests.Tareas;

public class ReglasTareasTests
{
    private static readonly HashSet<(int, string)> NingunaPublicada = [];

    private static MesDeCentro Mes(int mes, SeguimientoMensual? s = null, string centro = "01.02") =>
        new(centro, "Planeamiento", new MesDelAnio(2024, mes), s);

    private static SeguimientoMensual Observado(int mes)
    {
        var s = Enviado(mes);
        s.Observar("Falta el sustento", "planificador", En(2024, mes + 1, 2));
        return s;
    }

    private static IReadOnlyList<HitoCalendario> Hitos(int anio) =>
        CronogramaEntidad.Habitual(anio, Config).Select(d => new HitoCalendario(1, anio, d)).ToList();

    [Fact]
    public void UrgenciaDe_VencidaProximaEnPlazo()
    {
        var hoy = Dia(2024, 2, 5);
        Assert.Equal(Urgencia.Vencida, ReglasTareas.UrgenciaDe(Dia(2024, 2, 4), hoy));
        Assert.Equal(Urgencia.Proxima, ReglasTareas.UrgenciaDe(hoy, hoy));
        Assert.Equal(Urgencia.Proxima, ReglasTareas.UrgenciaDe(Dia(2024, 2, 12), hoy));
        Assert.Equal(Urgencia.EnPlazo, ReglasTareas.UrgenciaDe(Dia(2024, 2, 13), hoy));
        Assert.Equal(Urgencia.SinPlazo, ReglasTareas.UrgenciaDe(null, hoy));
    }

    [Fact]
    public void Operador_MesesEnSusManosConSuPlazo()
    {
        var hoy = Dia(2024, 3, 5);
        var tareas = ReglasTareas.DelOperador([Mes(1), Mes(2, Observado(2)), Mes(3), Mes(4), Mes(5, Enviado(5))], [], [], Config, hoy);
        // January closed on 10/02 without being sent; February observed (deadline 10/03); March begun (deadline 10/04); April not begun.
        Assert.Equal(
        [
            (ClaseTarea.MesVencido, Urgencia.Vencida, (DateOnly?)Dia(2024, 2, 10), 1),
            (ClaseTarea.CorregirObservado, Urgencia.Proxima, Dia(2024, 3, 10), 2),
            (ClaseTarea.RegistrarMes, Urgencia.EnPlazo, Dia(2024, 4, 10), 3),
        ], tareas.Select(t => (t.Clase, t.Urgencia, t.Plazo, t.Mes!.Value)));
        Assert.Equal("Registrar y enviar marzo de 2024 — 01.02 Planeamiento", tareas[2].Texto);
        Assert.Equal("Enero de 2024 sin enviar: el plazo venció; pida la reapertura a la Oficina de Planeamiento — 01.02 Planeamiento", tareas[0].Texto);
    }

    [Fact]
    public void Operador_MesReabierto_UsaElNuevoPlazo()
    {
        var s = NuevoSeguimiento(1);
        s.Reabrir("Subsanar", Dia(2024, 3, 20), "planificador", En(2024, 3, 1));
        var t = Assert.Single(ReglasTareas.DelOperador([Mes(1, s)], [], [], Config, Dia(2024, 3, 5)));
        Assert.Equal((ClaseTarea.RegistrarMes, Dia(2024, 3, 20)), (t.Clase, t.Plazo!.Value));
    }

    [Fact]
    public void Operador_NadaPendiente_NoTieneTareas()
    {
        var aprobado = Enviado(1);
        aprobado.Aprobar("planificador", En(2024, 2, 2));
        Assert.Empty(ReglasTareas.DelOperador([Mes(1, aprobado), Mes(2, Enviado(2))], [], [], Config, Dia(2024, 3, 1)));
    }

    [Fact]
    public void Operador_PropuestaDelPoi_TieneElPlazoDelCalendario()
    {
        var propuestas = new[]
        {
            new PropuestaCentro(2025, "POI Multianual 2025-2027", "01.02", "Planeamiento", EstadoFormulacion.Borrador),
            new PropuestaCentro(2025, "POI Multianual 2025-2027", "03.01", "Logística", EstadoFormulacion.Enviado),
        };
        var t = Assert.Single(ReglasTareas.DelOperador([], propuestas, Hitos(2024), Config, Dia(2024, 4, 25)));
        Assert.Equal((ClaseTarea.PropuestaPoi, Urgencia.Proxima, Dia(2024, 4, 30)), (t.Clase, t.Urgencia, t.Plazo!.Value));
        Assert.Equal("Enviar la propuesta del POI 2025 («POI Multianual 2025-2027») — 01.02 Planeamiento", t.Texto);
        // Without a calendar the task stays, without a deadline.
        Assert.Null(Assert.Single(ReglasTareas.DelOperador([], propuestas, [], Config, Dia(2024, 4, 25))).Plazo);
    }

    [Fact]
    public void Planificador_RevisaEnviadosYVeAtrasados()
    {
        var tareas = ReglasTareas.DelPlanificador([Mes(1, Enviado(1)), Mes(1, null, "03.01"), Mes(2)], [], [], [], Hitos(2024),
            NingunaPublicada, Config, Dia(2024, 2, 20));
        Assert.Equal(
        [
            (ClaseTarea.CentroAtrasado, "03.01", Urgencia.Vencida),
            (ClaseTarea.RevisarMes, "01.02", Urgencia.SinPlazo),
        ], tareas.Select(t => (t.Clase, t.Centro!, t.Urgencia)));
        Assert.Equal("Centro atrasado: 03.01 Planeamiento no envió enero de 2024", tareas[0].Texto);
    }

    [Fact]
    public void Planificador_PropuestasVersionesYRecomendaciones()
    {
        var hoy = Dia(2024, 12, 20);
        var propuestas = new[]
        {
            new PropuestaCentro(2025, "POI 2025", "01.02", "Planeamiento", EstadoFormulacion.Enviado),
            new PropuestaCentro(2025, "POI 2025", "03.01", "Logística", EstadoFormulacion.Aceptado),
        };
        var recomendaciones = new[]
        {
            new RecomendacionAbierta(1, "Evaluación I Semestre 2024", 2024, "S1", "01.02", "Capacitar", Dia(2024, 12, 1), EstadoRecomendacion.EnProceso),
            new RecomendacionAbierta(2, "Evaluación I Semestre 2024", 2024, "S1", "01.02", "Publicar", Dia(2025, 1, 10), EstadoRecomendacion.Pendiente),
            new RecomendacionAbierta(3, "Evaluación I Semestre 2024", 2024, "S1", "01.02", "Lejana", Dia(2025, 6, 30), EstadoRecomendacion.Pendiente),
            new RecomendacionAbierta(4, "Evaluación I Semestre 2024", 2024, "S1", "01.02", "Hecha", Dia(2024, 11, 1), EstadoRecomendacion.Implementada),
        };
        var tareas = ReglasTareas.DelPlanificador([], propuestas, [new VersionPorAprobar(2025, "POI 2025", 2, 1)], recomendaciones, Hitos(2024),
            new HashSet<(int, string)> { (2024, "T1"), (2024, "S1"), (2024, "T3") }, Config, hoy);
        Assert.Equal(
        [
            ClaseTarea.Recomendacion, // 01/12, overdue
            ClaseTarea.AceptarPropuesta, ClaseTarea.AprobarVersion, // 31/12, the "aprobación del POI 2025" milestone
            ClaseTarea.Recomendacion, // 10/01/2025
        ], tareas.Select(t => t.Clase));
        Assert.Equal("Recomendación 1 de la Evaluación I Semestre 2024 (01.02): Capacitar — vencida", tareas[0].Texto);
        Assert.Equal("Aprobar la versión «POI 2025» del POI 2025 (falta aceptar 1 centro de costo)", tareas[2].Texto);
        Assert.Equal(Dia(2024, 12, 31), tareas[2].Plazo);
    }

    [Fact]
    public void Planificador_EvaluacionVencePorElCalendarioHastaPublicarse()
    {
        var hitos = Hitos(2024);
        // 30/06: the first semester has not ended; the I Trimestre evaluation (due 30/04) is late.
        var tareas = ReglasTareas.DelPlanificador([], [], [], [], hitos, NingunaPublicada, Config, Dia(2024, 6, 30));
        var t = Assert.Single(tareas);
        Assert.Equal((ClaseTarea.Evaluacion, "T1", Urgencia.Vencida, Dia(2024, 4, 30)), (t.Clase, t.Referencia!, t.Urgencia, t.Plazo!.Value));
        Assert.Equal("Elaborar y publicar la evaluación I Trimestre 2024 («Evaluación I Trimestre»)", t.Texto);
        // 01/07: the semester ended, its evaluation is due on 31/07; the published T1 is no longer a task.
        var julio = ReglasTareas.DelPlanificador([], [], [], [], hitos, new HashSet<(int, string)> { (2024, "T1") }, Config, Dia(2024, 7, 1));
        Assert.Equal(("S1", Urgencia.EnPlazo), (Assert.Single(julio).Referencia!, julio[0].Urgencia));
    }

    [Fact]
    public void Planificador_SinCalendarioDelAnio_DebeDefinirlo()
    {
        var t = Assert.Single(ReglasTareas.DelPlanificador([], [], [], [], [], NingunaPublicada, Config, Dia(2025, 1, 6)));
        Assert.Equal((ClaseTarea.DefinirCalendario, 2025), (t.Clase, t.Anio));
    }

    [Fact]
    public void Proximos_HitosEnCursoOPorVenir()
    {
        var tareas = ReglasTareas.Proximos(Hitos(2024), Dia(2024, 4, 5));
        // Same date (30/04): by name.
        Assert.Equal(["Registro de avances I Trimestre", "Evaluación I Trimestre", "Formulación POI 2025: propuesta de los centros", "Registro de avances II Trimestre"],
            tareas.Select(t => t.Texto[..t.Texto.IndexOf(" (", StringComparison.Ordinal)]));
        Assert.Equal("Registro de avances I Trimestre (del 01/01/2024 al 10/04/2024)", tareas[0].Texto);
    }
}

public class ReglasTareasTrimestralesTests
{
    private static readonly ConfiguracionEntidad Trimestral = Config with { Ritmo = RitmoReporte.Trimestral };
    private static readonly ConfiguracionEntidad ConJefatura = Config with { ValidacionJefatura = true };

    private static MesDeCentro Mes(int mes, SeguimientoMensual? s = null, string centro = "01.02") =>
        new(centro, "Planeamiento", new MesDelAnio(2024, mes), s);

    private static SeguimientoMensual Observado(int mes)
    {
        var s = Enviado(mes);
        s.Observar("Falta el sustento", "planificador", En(2024, 4, 2));
        return s;
    }

    private static SeguimientoMensual Validado(int mes, ConfiguracionEntidad config)
    {
        var s = Enviado(mes);
        s.ValidarJefatura(config, "gerente", En(2024, mes + 1, 1));
        return s;
    }

    [Fact]
    public void Operador_Trimestral_MesesUnoYDosSeRegistranYElTrimestreEsUnaTareaDesdeSuUltimoMes()
    {
        var cierre = Plazos.Cierre(new MesDelAnio(2024, 3), Trimestral);
        Assert.Equal(Dia(2024, 4, 10), cierre);
        var febrero = ReglasTareas.DelOperador([Mes(1), Mes(2), Mes(3)], [], [], Trimestral, Dia(2024, 2, 5));
        Assert.Equal(
        [
            (ClaseTarea.RegistrarMes, "Registrar enero de 2024 (se envía con el I Trimestre desde marzo) — 01.02 Planeamiento", 1),
            (ClaseTarea.RegistrarMes, "Registrar febrero de 2024 (se envía con el I Trimestre desde marzo) — 01.02 Planeamiento", 2),
        ], febrero.Select(t => (t.Clase, t.Texto, t.Mes!.Value)));
        Assert.All(febrero, t => Assert.Equal((cierre, Urgencia.EnPlazo), (t.Plazo!.Value, t.Urgencia)));

        // From March on, the three months are one task: the quarter, submitted from March with the summary of the period.
        var t = Assert.Single(ReglasTareas.DelOperador([Mes(1), Mes(2), Mes(3)], [], [], Trimestral, Dia(2024, 4, 5)));
        Assert.Equal((ClaseTarea.RegistrarMes, 3, cierre, Urgencia.Proxima), (t.Clase, t.Mes!.Value, t.Plazo!.Value, t.Urgencia));
        Assert.Equal("Registrar y enviar el I trimestre de 2024 (enero a marzo) con el resumen del periodo — 01.02 Planeamiento", t.Texto);
        // Monthly, each month is a "registrar y enviar" task with its own deadline.
        Assert.Equal([(ClaseTarea.RegistrarMes, Dia(2024, 2, 10)), (ClaseTarea.RegistrarMes, Dia(2024, 3, 10))],
            ReglasTareas.DelOperador([Mes(1), Mes(2), Mes(3)], [], [], Config, Dia(2024, 2, 5)).Select(x => (x.Clase, x.Plazo!.Value)));
    }

    [Fact]
    public void Operador_Trimestral_ObservadoYVencidoPorTrimestre()
    {
        // The quarter observed as one: one task to correct it and submit it again from March; April belongs to the II Trimestre.
        var tareas = ReglasTareas.DelOperador([Mes(1, Observado(1)), Mes(2, Observado(2)), Mes(3, Observado(3)), Mes(4)], [], [], Trimestral,
            Dia(2024, 4, 5));
        Assert.Equal(
        [
            (ClaseTarea.CorregirObservado, "Corregir lo observado en el I trimestre de 2024 (enero a marzo) y volver a enviar con el resumen del periodo — 01.02 Planeamiento",
                3, (DateOnly?)Dia(2024, 4, 10)),
            (ClaseTarea.RegistrarMes, "Registrar abril de 2024 (se envía con el II Trimestre desde junio) — 01.02 Planeamiento", 4, Dia(2024, 7, 10)),
        ], tareas.Select(t => (t.Clase, t.Texto, t.Mes!.Value, t.Plazo)));

        // Past the quarter's deadline: one overdue task for the quarter, naming its months, linked to the first one (reopened per month).
        var vencido = Assert.Single(ReglasTareas.DelOperador([Mes(1), Mes(2, Enviado(2)), Mes(3)], [], [], Trimestral, Dia(2024, 4, 11)),
            x => x.Clase == ClaseTarea.MesVencido);
        Assert.Equal((1, Dia(2024, 4, 10), Urgencia.Vencida), (vencido.Mes!.Value, vencido.Plazo!.Value, vencido.Urgencia));
        Assert.Equal("El I trimestre de 2024 (enero a marzo) sin enviar (enero y marzo): el plazo venció; pida la reapertura a la Oficina de Planeamiento — 01.02 Planeamiento",
            vencido.Texto);
    }

    [Fact]
    public void Planificador_Trimestral_RevisaYVeAtrasadosPorTrimestre()
    {
        var tareas = ReglasTareas.DelPlanificador(
            [Mes(1, Enviado(1)), Mes(2, Enviado(2)), Mes(3, Enviado(3)), Mes(4), Mes(1, null, "03.01"), Mes(2, null, "03.01"), Mes(3, null, "03.01")],
            [], [], [], [], NingunaPublicada, Trimestral, Dia(2024, 4, 20));
        Assert.Equal(
        [
            (ClaseTarea.CentroAtrasado, "Centro atrasado: 03.01 Planeamiento no envió el I trimestre de 2024 (enero a marzo)", 1),
            (ClaseTarea.RevisarMes, "Revisar el I trimestre de 2024 (enero a marzo) enviado — 01.02 Planeamiento", 3),
        ], tareas.Where(t => t.Clase != ClaseTarea.DefinirCalendario).Select(t => (t.Clase, t.Texto, t.Mes!.Value)));
    }

    private static readonly HashSet<(int, string)> NingunaPublicada = [];

    [Fact]
    public void ConJefatura_LaOficinaRevisaLoValidadoYElJefeValidaLoEnviado()
    {
        MesDeCentro[] meses = [Mes(1, Enviado(1)), Mes(2, Validado(2, ConJefatura))];
        var oficina = ReglasTareas.DelPlanificador(meses, [], [], [], [], NingunaPublicada, ConJefatura, Dia(2024, 3, 5))
            .Where(t => t.Clase == ClaseTarea.RevisarMes).ToList();
        Assert.Equal(("Revisar febrero de 2024 validado por la jefatura — 01.02 Planeamiento", 2), (Assert.Single(oficina).Texto, oficina[0].Mes!.Value));
        var jefe = Assert.Single(ReglasTareas.DeLaJefatura(meses, ConJefatura, Dia(2024, 3, 5)));
        Assert.Equal((ClaseTarea.ValidarMes, "Validar enero de 2024 — 01.02 Planeamiento", 1, (DateOnly?)null),
            (jefe.Clase, jefe.Texto, jefe.Mes!.Value, jefe.Plazo));

        // Without the setting the head has nothing to do and the office reviews both.
        Assert.Empty(ReglasTareas.DeLaJefatura(meses, Config, Dia(2024, 3, 5)));
        Assert.Equal([1, 2], ReglasTareas.DelPlanificador(meses, [], [], [], [], NingunaPublicada, Config, Dia(2024, 3, 5))
            .Where(t => t.Clase == ClaseTarea.RevisarMes).Select(t => t.Mes!.Value));
    }

    [Fact]
    public void ConJefatura_Trimestral_ElJefeValidaElTrimestre()
    {
        var config = Trimestral with { ValidacionJefatura = true };
        var t = Assert.Single(ReglasTareas.DeLaJefatura([Mes(1, Enviado(1)), Mes(2, Enviado(2)), Mes(3, Enviado(3)), Mes(4)], config, Dia(2024, 4, 5)));
        Assert.Equal(("Validar el I trimestre de 2024 (enero a marzo) — 01.02 Planeamiento", 3), (t.Texto, t.Mes!.Value));
        // Enviado months wait for the head: the office has nothing to review yet.
        Assert.DoesNotContain(ReglasTareas.DelPlanificador([Mes(1, Enviado(1)), Mes(2, Enviado(2)), Mes(3, Enviado(3))], [], [], [], [], NingunaPublicada,
            config, Dia(2024, 4, 5)), x => x.Clase == ClaseTarea.RevisarMes);
    }
}
