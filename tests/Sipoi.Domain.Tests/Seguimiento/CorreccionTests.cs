using Sipoi.Domain.Evaluacion;
using Sipoi.Domain.Informes;
using Sipoi.Domain.Periodos;
using Sipoi.Domain.Seguimiento;
using static Sipoi.Domain.Tests.Seguimiento.Datos;

namespace Sipoi.Domain.Tests.Seguimiento;

/// <summary>Corrections (issue 13 item 7): reopening an approved month, and observing a month whose deadline has passed.</summary>
public class CorreccionTests
{
    private static SeguimientoMensual Aprobado(int mes = 5)
    {
        var s = Enviado(mes);
        s.Aprobar("planificador", En(2024, mes + 1, 2));
        return s;
    }

    private static EvaluacionPoi Publicada(Periodo periodo, DateTimeOffset cuando)
    {
        var e = new EvaluacionPoi(1, 2024, periodo);
        e.Publicar(null, "planificador", cuando, 90m, Banda.Alto, [new ArchivoPublicado(1, "evaluacion.json", "application/json", [0x7b, 0x7d])]);
        return e;
    }

    [Fact]
    public void ReabrirAprobado_VuelveAlOperadorConMotivoYNuevoPlazo()
    {
        var s = Aprobado();
        var r = s.ReabrirAprobado("  Corregir el avance de la AO-03 ", Dia(2024, 8, 10), [], "jefe.opp", En(2024, 8, 1));
        Assert.Equal(EstadoSeguimiento.Observado, s.Estado);
        Assert.Equal("Corregir el avance de la AO-03", r.Motivo);
        Assert.Equal(Dia(2024, 8, 10), s.PlazoVigente(Config));
        Assert.Equal("Mes reabierto: Corregir el avance de la AO-03", s.Observacion);
        Assert.True(s.EsEditable(Config, Dia(2024, 8, 5)));
        Assert.Equal(EstadoTablero.Observado, s.EstadoTablero(Config, Dia(2024, 8, 5)));
        Assert.StartsWith("Reabierto por jefe.opp el 01/08/2024", s.DescribirUltimoCambio());
    }

    [Fact]
    public void ReabrirAprobado_SinMotivoOConPlazoPasado_SeRechazaYSigueAprobado()
    {
        var s = Aprobado();
        Rechazo.Con(() => s.ReabrirAprobado(" ", Dia(2024, 8, 10), [], "jefe.opp", En(2024, 8, 1)), "Para reabrir un mes indique el motivo de la reapertura.");
        Rechazo.Con(() => s.ReabrirAprobado("Corregir", Dia(2024, 8, 1), [], "jefe.opp", En(2024, 8, 1)),
            "El nuevo plazo (01/08/2024) debe ser posterior a hoy (01/08/2024).");
        Assert.Equal(EstadoSeguimiento.Aprobado, s.Estado);
    }

    [Fact]
    public void ReabrirAprobado_UnMesNoAprobado_SeRechaza() =>
        Rechazo.Con(() => Enviado(5).ReabrirAprobado("Corregir", Dia(2024, 8, 10), [], "jefe.opp", En(2024, 8, 1)),
            "No se puede reabrir la aprobación del seguimiento de mayo de 2024: está enviado; solo se reabre así uno aprobado.");

    [Fact]
    public void ReabrirAprobado_DentroDeUnaEvaluacionPublicada_SoloTrasIniciarSuRepublicacion()
    {
        var s = Aprobado(5);
        var t2 = Publicada(Periodo.Trimestre(2), En(2024, 7, 15));
        var t3 = Publicada(Periodo.Trimestre(3), En(2024, 10, 15));   // does not contain May
        var enElaboracion = new EvaluacionPoi(1, 2024, Periodo.Semestre(1));
        Rechazo.Con(() => s.ReabrirAprobado("Corregir", Dia(2024, 8, 10), [t3, t2, enElaboracion], "jefe.opp", En(2024, 8, 1)),
            "No se puede reabrir mayo de 2024: está dentro de la evaluación II Trimestre 2024, publicada el 15/07/2024. " +
            "Inicie primero la republicación de la evaluación II Trimestre 2024.");
        Assert.Equal(EstadoSeguimiento.Aprobado, s.Estado);

        t2.IniciarRepublicacion("Corrección de mayo", "jefe.opp", En(2024, 7, 30));
        s.ReabrirAprobado("Corregir", Dia(2024, 8, 10), [t3, t2, enElaboracion], "jefe.opp", En(2024, 8, 1));
        Assert.Equal(EstadoSeguimiento.Observado, s.Estado);
    }

    [Fact]
    public void ReabrirAprobado_EvaluacionDeOtraEntidadOAnio_NoBloquea()
    {
        var s = Aprobado(5);
        var otraEntidad = new EvaluacionPoi(2, 2024, Periodo.Anual);
        otraEntidad.Publicar(null, "x", En(2025, 1, 20), 1m, Banda.Bajo, [new ArchivoPublicado(2, "evaluacion.json", "application/json", [0x7b])]);
        var otroAnio = Publicada(Periodo.Anual, En(2024, 1, 20));
        typeof(EvaluacionPoi).GetProperty(nameof(EvaluacionPoi.Anio))!.SetValue(otroAnio, 2023);
        Assert.Null(s.BloqueadoPorPublicacion([otraEntidad, otroAnio]));
    }

    [Fact]
    public void ObservarVencido_SinNuevoPlazo_SeRechazaYNoCambia()
    {
        var s = Enviado(1);   // regular deadline 10/02/2024
        Rechazo.Con(() => s.Observar("Adjunte el acta.", null, Config, "planificador", En(2024, 2, 20)),
            "El plazo de enero de 2024 venció el 10/02/2024: al observarlo indique el nuevo plazo para subsanar la observación.");
        Assert.Equal(EstadoSeguimiento.Enviado, s.Estado);
    }

    [Fact]
    public void ObservarVencido_ConNuevoPlazo_VuelveAlOperadorSinQuedarAtrasado()
    {
        var s = Enviado(1);
        s.Observar("Adjunte el acta.", Dia(2024, 2, 27), Config, "planificador", En(2024, 2, 20));
        Assert.Equal(EstadoSeguimiento.Observado, s.Estado);
        Assert.Equal("Adjunte el acta.", s.Observacion);
        Assert.Equal(Dia(2024, 2, 27), s.PlazoVigente(Config));
        Assert.Equal("Subsanar la observación del 20/02/2024.", s.Reapertura!.Motivo);
        Assert.Equal(EstadoTablero.Observado, s.EstadoTablero(Config, Dia(2024, 2, 25)));
        Assert.True(s.EsEditable(Config, Dia(2024, 2, 25)));
    }

    [Fact]
    public void ObservarAntesDelPlazo_ElNuevoPlazoEsOpcional()
    {
        var s = Enviado(1);
        s.Observar("Adjunte el acta.", null, Config, "planificador", En(2024, 2, 5));
        Assert.Equal(EstadoSeguimiento.Observado, s.Estado);
        Assert.Null(s.Reapertura);
        Rechazo.Con(() => Enviado(1).Observar("Adjunte el acta.", Dia(2024, 2, 20), Config, "planificador", En(2024, 2, 21)),
            "El nuevo plazo (20/02/2024) debe ser posterior a hoy (21/02/2024).");
    }
}
