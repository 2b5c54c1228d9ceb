using Sipoi.Domain.Avisos;
using Sipoi.Domain.Calendario;
using Sipoi.Domain.Formulacion;
using Sipoi.Domain.Informes;
using Sipoi.Domain.Organizacion;
using Sipoi.Domain.Seguimiento;

namespace Sipoi.Domain.Tests.Avisos;

public class ReglasAvisosTests
{
    private static readonly DateOnly Plazo = new(2024, 2, 10);
    private static DateOnly Febrero(int dia) => new(2024, 2, dia);

    [Theory]
    [InlineData(6, null)]                         // 4 days before: too early with N = 3
    [InlineData(7, MomentoPlazo.Proximo)]         // N days before
    [InlineData(10, MomentoPlazo.Proximo)]        // the deadline day is still open
    [InlineData(11, MomentoPlazo.Vencido)]        // the day after
    [InlineData(17, MomentoPlazo.Vencido)]        // a week after
    [InlineData(18, null)]                        // older: no notice about long-closed months
    public void Momento_ProximoDesdeNDiasAntesYVencidoDuranteUnaSemana(int dia, MomentoPlazo? esperado) =>
        Assert.Equal(esperado, ReglasAvisos.Momento(Plazo, Febrero(dia), 3));

    [Theory]
    [InlineData(EstadoTablero.Pendiente, 8, TipoAviso.PlazoProximo)]
    [InlineData(EstadoTablero.Observado, 9, TipoAviso.PlazoProximo)]
    [InlineData(EstadoTablero.Atrasado, 12, TipoAviso.PlazoVencido)]
    [InlineData(EstadoTablero.Enviado, 8, null)]
    [InlineData(EstadoTablero.Aprobado, 8, null)]
    [InlineData(EstadoTablero.Enviado, 12, null)]
    [InlineData(EstadoTablero.Pendiente, 1, null)]
    public void AvisoDeSeguimiento_SoloParaMesesEnManosDelOperador(EstadoTablero estado, int dia, TipoAviso? esperado) =>
        Assert.Equal(esperado, ReglasAvisos.AvisoDeSeguimiento(estado, Plazo, Febrero(dia), 3));

    [Fact]
    public void AvisoDeSeguimiento_UsaElEstadoDelTableroConElPlazoVigente()
    {
        // A reopened month: the deadline in force is the new one, so the notice follows it (never a deadline computed here).
        var mes = new MesDelAnio(2024, 1);
        var config = ConfiguracionEntidad.PorDefecto();
        var hoy = Febrero(12);
        var plazo = Plazos.Vigente(Plazos.Cierre(mes, config), null);
        Assert.Equal(TipoAviso.PlazoVencido, ReglasAvisos.AvisoDeSeguimiento(TableroEntregas.Estado(mes, null, config, hoy), plazo, hoy, 3));
    }

    [Theory]
    [InlineData(EstadoRecomendacion.Pendiente, 8, MomentoPlazo.Proximo)]
    [InlineData(EstadoRecomendacion.EnProceso, 11, MomentoPlazo.Vencido)]
    [InlineData(EstadoRecomendacion.Implementada, 8, null)]
    [InlineData(EstadoRecomendacion.NoImplementada, 11, null)]
    [InlineData(EstadoRecomendacion.Pendiente, 1, null)]
    public void AvisoDeRecomendacion_NoParaLasCerradas(EstadoRecomendacion estado, int dia, MomentoPlazo? esperado) =>
        Assert.Equal(esperado, ReglasAvisos.AvisoDeRecomendacion(Plazo, estado, Febrero(dia), 3));

    [Fact]
    public void DiasAntes_FueraDeRangoSeRechaza()
    {
        Rechazo.Con(() => ReglasAvisos.ValidarDiasAntes(61), "Sipoi:Avisos:DiasAntesDelPlazo va de 0 a 60 días; se indicó 61.");
        Rechazo.Con(() => ReglasAvisos.ValidarDiasAntes(-1), "se indicó -1.");
        Assert.Equal(0, ReglasAvisos.ValidarDiasAntes(0));
    }

    [Fact]
    public void Claves_UnaPorPlazoCentroYUsuario()
    {
        var a = ClavesAviso.DePlazo(TipoAviso.PlazoProximo, 3, 7, Plazo, 11);
        Assert.Equal("PlazoProximo:poi=3:centro=7:plazo=2024-02-10:usuario=11", a);
        Assert.Equal(a, ClavesAviso.DePlazo(TipoAviso.PlazoProximo, 3, 7, Plazo, 11));
        // A reopening's new deadline is a new notice; another user or kind too.
        Assert.NotEqual(a, ClavesAviso.DePlazo(TipoAviso.PlazoProximo, 3, 7, Plazo.AddDays(5), 11));
        Assert.NotEqual(a, ClavesAviso.DePlazo(TipoAviso.PlazoProximo, 3, 7, Plazo, 12));
        Assert.NotEqual(a, ClavesAviso.DePlazo(TipoAviso.PlazoVencido, 3, 7, Plazo, 11));
        Assert.NotEqual(ClavesAviso.DeRecomendacion(5, MomentoPlazo.Proximo, Plazo, 11), ClavesAviso.DeRecomendacion(5, MomentoPlazo.Vencido, Plazo, 11));
        var t = new DateTimeOffset(2024, 2, 5, 15, 0, 0, TimeSpan.Zero);
        // Each event is its own notice: observing twice warns twice.
        Assert.NotEqual(ClavesAviso.DeEvento(TipoAviso.MesObservado, "x", t, 1), ClavesAviso.DeEvento(TipoAviso.MesObservado, "x", t.AddSeconds(1), 1));
        Assert.True(ClavesAviso.DeEvento(TipoAviso.MesObservado, new string('x', 400), t, 1).Length <= ClavesAviso.LargoMaximo);
    }

    [Fact]
    public void Reintentos_EsperasCrecientesHastaSeisHorasSinRendirse()
    {
        Assert.Equal(TimeSpan.FromMinutes(1), Reintentos.Espera(1));
        Assert.Equal(TimeSpan.FromMinutes(5), Reintentos.Espera(2));
        Assert.Equal(TimeSpan.FromMinutes(15), Reintentos.Espera(3));
        Assert.Equal(TimeSpan.FromHours(1), Reintentos.Espera(4));
        Assert.Equal(TimeSpan.FromHours(3), Reintentos.Espera(5));
        Assert.Equal(TimeSpan.FromHours(6), Reintentos.Espera(6));
        Assert.Equal(TimeSpan.FromHours(6), Reintentos.Espera(500));
        var t = new DateTimeOffset(2024, 2, 5, 15, 0, 0, TimeSpan.Zero);
        Assert.Equal(t.AddMinutes(5), Reintentos.ProximoIntento(2, t));
    }

    [Fact]
    public void Destino_OperadoresDelCentroOPlanificadoresYConsulta()
    {
        Assert.Equal(DestinoAviso.PlanificadoresYConsulta, TipoAviso.EvaluacionPublicada.Destino());
        Assert.Equal(DestinoAviso.Planificadores, TipoAviso.HitoCalendario.Destino());
        foreach (var t in new[] { TipoAviso.MesObservado, TipoAviso.MesReabierto, TipoAviso.PlazoProximo, TipoAviso.PlazoVencido, TipoAviso.Recomendacion,
                     TipoAviso.PropuestaPendiente })
            Assert.Equal(DestinoAviso.OperadoresDelCentro, t.Destino());
        Assert.Equal([TipoAviso.EvaluacionPublicada, TipoAviso.HitoCalendario], TiposAviso.ParaRoles(operador: false, planificador: true, consulta: false));
        Assert.Equal([TipoAviso.EvaluacionPublicada], TiposAviso.ParaRoles(operador: false, planificador: false, consulta: true));
        Assert.DoesNotContain(TipoAviso.EvaluacionPublicada, TiposAviso.ParaRoles(operador: true, planificador: false, consulta: false));
        Assert.Contains(TipoAviso.PropuestaPendiente, TiposAviso.ParaRoles(operador: true, planificador: false, consulta: false));
        Assert.Empty(TiposAviso.ParaRoles(false, false, false));
        // Every kind fits the enum column (varchar(20)).
        Assert.All(TiposAviso.Todos, t => Assert.True(t.ToString().Length <= 20, t.ToString()));
    }

    [Fact]
    public void AvisoDeHito_EvaluacionYFormulacionNDiasAntesYElMismoDia()
    {
        var fecha = new DateOnly(2024, 7, 31);
        Assert.Equal(DiaHito.Antes, ReglasAvisos.AvisoDeHito(TipoHito.Evaluacion, fecha, new DateOnly(2024, 7, 28), 3));
        Assert.Equal(DiaHito.Hoy, ReglasAvisos.AvisoDeHito(TipoHito.Formulacion, fecha, fecha, 3));
        // Only those two days: not in between, not after, not long before.
        foreach (var dia in new[] { 27, 29, 30 })
            Assert.Null(ReglasAvisos.AvisoDeHito(TipoHito.Evaluacion, fecha, new DateOnly(2024, 7, dia), 3));
        Assert.Null(ReglasAvisos.AvisoDeHito(TipoHito.Evaluacion, fecha, new DateOnly(2024, 8, 1), 3));
        // Registration deadlines are the operators' deadline notices; "otro" marks nothing to do.
        Assert.Null(ReglasAvisos.AvisoDeHito(TipoHito.Registro, fecha, fecha, 3));
        Assert.Null(ReglasAvisos.AvisoDeHito(TipoHito.Otro, new DateOnly(2024, 7, 28).AddDays(3), new DateOnly(2024, 7, 28), 3));
        // N = 0: once, on the day.
        Assert.Equal(DiaHito.Hoy, ReglasAvisos.AvisoDeHito(TipoHito.Evaluacion, fecha, fecha, 0));
    }

    [Fact]
    public void AvisoDePropuesta_SoloSiSigueEnManosDelCentro()
    {
        var fecha = new DateOnly(2024, 4, 30);
        var antes = new DateOnly(2024, 4, 27);
        Assert.Equal(DiaHito.Antes, ReglasAvisos.AvisoDePropuesta(EstadoFormulacion.Borrador, fecha, antes, 3));
        Assert.Equal(DiaHito.Hoy, ReglasAvisos.AvisoDePropuesta(EstadoFormulacion.Observado, fecha, fecha, 3));
        Assert.Null(ReglasAvisos.AvisoDePropuesta(EstadoFormulacion.Enviado, fecha, antes, 3));
        Assert.Null(ReglasAvisos.AvisoDePropuesta(EstadoFormulacion.Aceptado, fecha, fecha, 3));
        Assert.Null(ReglasAvisos.AvisoDePropuesta(EstadoFormulacion.Borrador, fecha, new DateOnly(2024, 4, 28), 3));
    }

    [Fact]
    public void ClaveDeHito_PorHitoDiaFechaUsuarioYCentro()
    {
        var fecha = new DateOnly(2024, 4, 30);
        Assert.Equal("HitoCalendario:Antes:hito=4:fecha=2024-04-30:usuario=11",
            ClavesAviso.DeHito(TipoAviso.HitoCalendario, 4, DiaHito.Antes, fecha, 11));
        Assert.Equal("PropuestaPendiente:Hoy:hito=4:centro=7:fecha=2024-04-30:usuario=11",
            ClavesAviso.DeHito(TipoAviso.PropuestaPendiente, 4, DiaHito.Hoy, fecha, 11, 7));
        Assert.NotEqual(ClavesAviso.DeHito(TipoAviso.HitoCalendario, 4, DiaHito.Antes, fecha, 11),
            ClavesAviso.DeHito(TipoAviso.HitoCalendario, 4, DiaHito.Hoy, fecha, 11));
        // A milestone moved to another date warns again.
        Assert.NotEqual(ClavesAviso.DeHito(TipoAviso.HitoCalendario, 4, DiaHito.Antes, fecha, 11),
            ClavesAviso.DeHito(TipoAviso.HitoCalendario, 4, DiaHito.Antes, fecha.AddDays(1), 11));
    }
}
