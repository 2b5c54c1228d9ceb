using Sipoi.Domain.Seguimiento;
using static Sipoi.Domain.Tests.Seguimiento.Datos;

namespace Sipoi.Domain.Tests.Seguimiento;

public class FlujoSeguimientoTests
{
    [Fact]
    public void Seguimiento_NacePendiente()
    {
        var s = NuevoSeguimiento();
        Assert.Equal(EstadoSeguimiento.Pendiente, s.Estado);
        Assert.Equal(Enero2024, s.MesDelAnio);
        Assert.Null(s.DescribirUltimoCambio());
    }

    [Fact]
    public void Seguimiento_MesFueraDeRango_SeRechaza() =>
        Rechazo.Con(() => _ = new SeguimientoMensual(1, 3, 2024, 7, 13), "Mes no válido: 13.");

    [Fact]
    public void Aprobar_UnEnviado_LoDejaAprobado()
    {
        var s = Enviado();
        s.Aprobar("planificador", En(2024, 2, 15));
        Assert.Equal(EstadoSeguimiento.Aprobado, s.Estado);
        Assert.Equal("planificador", s.RevisadoPor);
        Assert.Equal(En(2024, 2, 15), s.RevisadoEn);
    }

    [Fact]
    public void Aprobar_DespuesDelPlazo_SePermite()
    {
        var s = Enviado();
        s.Aprobar("planificador", En(2024, 6, 1));
        Assert.Equal(EstadoSeguimiento.Aprobado, s.Estado);
    }

    [Fact]
    public void Aprobar_UnPendiente_SeRechaza()
    {
        var e = Rechazo.Con(() => NuevoSeguimiento().Aprobar("planificador", En(2024, 2, 5)), "No se puede aprobar el seguimiento de enero de 2024: está pendiente; solo se aprueba uno enviado.");
        Assert.Equal("No se puede aprobar el seguimiento de enero de 2024: está pendiente; solo se aprueba uno enviado.", e.Message);
    }

    [Fact]
    public void Observar_UnEnviado_LoDevuelveConLaObservacion()
    {
        var s = Enviado();
        s.Observar("  Adjunte el acta de la reunión.  ", "planificador", En(2024, 2, 3));
        Assert.Equal(EstadoSeguimiento.Observado, s.Estado);
        Assert.Equal("Adjunte el acta de la reunión.", s.Observacion);
        Assert.Equal("planificador", s.RevisadoPor);
    }

    [Fact]
    public void Observar_SinTexto_SeRechaza()
    {
        var s = Enviado();
        var e = Rechazo.Con(() => s.Observar(" ", "planificador", En(2024, 2, 3)), "Para observar el seguimiento de enero de 2024 escriba la observación.");
        Assert.Equal("Para observar el seguimiento de enero de 2024 escriba la observación.", e.Message);
        Assert.Equal(EstadoSeguimiento.Enviado, s.Estado);
    }

    [Fact]
    public void Observar_UnPendiente_SeRechaza() =>
        Rechazo.Con(() => NuevoSeguimiento().Observar("Falta el acta", "planificador", En(2024, 2, 3)), "No se puede observar el seguimiento de enero de 2024: está pendiente; solo se observa uno enviado.");

    [Fact]
    public void Observado_ElOperadorCorrigeYReenvia()
    {
        var s = Enviado();
        s.Observar("Falta el acta", "planificador", En(2024, 2, 3));
        Assert.True(s.EsEditable(Config, Dia(2024, 2, 4)));
        s.Enviar([Justificada("AO-01", 10, 5)], Config, "operador", En(2024, 2, 6));
        Assert.Equal(EstadoSeguimiento.Enviado, s.Estado);
        s.Aprobar("planificador", En(2024, 2, 7));
        Assert.Equal(EstadoSeguimiento.Aprobado, s.Estado);
    }

    [Fact]
    public void Enviar_UnEnviado_SeRechaza()
    {
        var e = Rechazo.Con(() => Enviado().Enviar([], Config, "operador", En(2024, 2, 2)), "No se puede enviar el seguimiento de enero de 2024: está enviado; solo se envía uno pendiente u observado.");
        Assert.Equal("No se puede enviar el seguimiento de enero de 2024: está enviado; solo se envía uno pendiente u observado.", e.Message);
    }

    [Fact]
    public void Aprobado_EsDeSoloLectura()
    {
        var s = Enviado();
        s.Aprobar("planificador", En(2024, 2, 3));
        Assert.Equal("El seguimiento de enero de 2024 está aprobado y es de solo lectura.", s.MotivoNoEditable(Config, Dia(2024, 2, 4)));
        Rechazo.Con(() => s.Enviar([], Config, "operador", En(2024, 2, 4)), "No se puede enviar el seguimiento de enero de 2024: está aprobado; solo se envía uno pendiente u observado.");
        Rechazo.Con(() => s.Observar("Corregir", "planificador", En(2024, 2, 4)), "No se puede observar el seguimiento de enero de 2024: está aprobado; solo se observa uno enviado.");
        Rechazo.Con(() => s.Aprobar("planificador", En(2024, 2, 4)), "No se puede aprobar el seguimiento de enero de 2024: está aprobado; solo se aprueba uno enviado.");
        Rechazo.Con(() => s.Reabrir("Corregir", Dia(2024, 3, 1), "planificador", En(2024, 2, 4)), "No se puede reabrir el seguimiento de enero de 2024: está aprobado; solo se reabre uno pendiente u observado.");
    }

    [Fact]
    public void Enviado_NoSeEditaMientrasSeRevisa() =>
        Assert.Equal("El seguimiento de enero de 2024 fue enviado y está en revisión; no se puede modificar.",
            Enviado().MotivoNoEditable(Config, Dia(2024, 2, 4)));

    [Fact]
    public void Pendiente_SeEditaDesdeElPrimerDiaDelMesHastaElPlazo()
    {
        var s = NuevoSeguimiento();
        Assert.Equal("Aún no se puede registrar enero de 2024: el mes no ha comenzado.", s.MotivoNoEditable(Config, Dia(2023, 12, 31)));
        Assert.True(s.EsEditable(Config, Dia(2024, 1, 1)));
        Assert.True(s.EsEditable(Config, Dia(2024, 2, 10)));
        Assert.Equal("El plazo para registrar enero de 2024 venció el 10/02/2024.", s.MotivoNoEditable(Config, Dia(2024, 2, 11)));
        var e = Rechazo.Con(() => s.AsegurarEditable(Config, Dia(2024, 2, 11)), "El plazo para registrar enero de 2024 venció el 10/02/2024.");
        Assert.Equal("El plazo para registrar enero de 2024 venció el 10/02/2024.", e.Message);
    }

    [Fact]
    public void Reabrir_DespuesDelPlazo_PermiteEditarYEnviarHastaElNuevoPlazo()
    {
        var s = NuevoSeguimiento();
        var r = s.Reabrir("Corte de energía en la oficina", Dia(2024, 2, 20), "planificador", En(2024, 2, 12));
        Assert.Same(r, s.Reapertura);
        Assert.Equal(Dia(2024, 2, 20), s.PlazoVigente(Config));
        Assert.Equal(Dia(2024, 2, 10), s.PlazoRegular(Config));
        Assert.True(s.EsEditable(Config, Dia(2024, 2, 20)));
        Assert.Equal("El plazo para registrar enero de 2024 venció el 20/02/2024.", s.MotivoNoEditable(Config, Dia(2024, 2, 21)));
        s.Enviar([], Config, "operador", En(2024, 2, 19));
        Assert.Equal(EstadoSeguimiento.Enviado, s.Estado);
    }

    [Fact]
    public void Reabrir_SinMotivo_SeRechaza()
    {
        var s = NuevoSeguimiento();
        var e = Rechazo.Con(() => s.Reabrir("", Dia(2024, 2, 20), "planificador", En(2024, 2, 12)), "Para reabrir un mes indique el motivo de la reapertura.");
        Assert.Equal("Para reabrir un mes indique el motivo de la reapertura.", e.Message);
        Assert.Null(s.Reapertura);
    }

    [Fact]
    public void Reabrir_ConPlazoPasado_SeRechaza() =>
        Rechazo.Con(() => NuevoSeguimiento().Reabrir("Corte de energía", Dia(2024, 2, 11), "planificador", En(2024, 2, 12)), "El nuevo plazo (11/02/2024) debe ser posterior a hoy (12/02/2024).");

    [Fact]
    public void Reabrir_UnEnviado_SeRechaza()
    {
        var e = Rechazo.Con(() => Enviado().Reabrir("Corregir", Dia(2024, 3, 1), "planificador", En(2024, 2, 12)), "No se puede reabrir el seguimiento de enero de 2024: está enviado; solo se reabre uno pendiente u observado.");
        Assert.Contains("solo se reabre uno pendiente u observado", e.Message);
    }

    [Fact]
    public void Observado_DespuesDelPlazo_RequiereReaperturaParaCorregir()
    {
        var s = Enviado();
        s.Observar("Falta el acta", "planificador", En(2024, 2, 14));
        Assert.False(s.EsEditable(Config, Dia(2024, 2, 14)));
        Rechazo.Con(() => s.Enviar([], Config, "operador", En(2024, 2, 14)), "El plazo para registrar enero de 2024 venció el 10/02/2024.");
        s.Reabrir("Subsanar la observación", Dia(2024, 2, 21), "planificador", En(2024, 2, 14));
        Assert.Equal(EstadoSeguimiento.Observado, s.Estado);
        s.Enviar([], Config, "operador", En(2024, 2, 20));
        Assert.Equal(EstadoSeguimiento.Enviado, s.Estado);
    }

    [Fact]
    public void Reabrir_OtraVez_ReemplazaLaReapertura()
    {
        var s = NuevoSeguimiento();
        s.Reabrir("Primera", Dia(2024, 2, 20), "planificador", En(2024, 2, 12));
        s.Reabrir("Segunda", Dia(2024, 2, 25), "jefe.opp", En(2024, 2, 21));
        Assert.Equal("Segunda", s.Reapertura!.Motivo);
        Assert.Equal("jefe.opp", s.Reapertura.Usuario);
        Assert.Equal(Dia(2024, 2, 25), s.PlazoVigente(Config));
    }

    [Fact]
    public void UltimoCambio_DiceQuienYCuandoParaUnConflicto()
    {
        var s = Enviado();
        s.Aprobar("mrojas", new DateTimeOffset(2024, 2, 12, 14, 15, 0, TimeSpan.Zero));
        Assert.Equal(AccionAuditada.Aprobacion, s.UltimaAccion);
        Assert.Equal("mrojas", s.UltimoCambioPor);
        Assert.Equal("Aprobado por mrojas el 12/02/2024 09:15", s.DescribirUltimoCambio());
    }

    [Fact]
    public void AprobadoPorImportacion_EntraAprobadoYDeSoloLectura()
    {
        var s = SeguimientoMensual.AprobadoPorImportacion(1, 3, 2024, 7, 1, "cli:opp", new DateTimeOffset(2024, 3, 1, 15, 0, 0, TimeSpan.Zero));
        Assert.Equal(EstadoSeguimiento.Aprobado, s.Estado);
        Assert.Equal(AccionAuditada.Importacion, s.UltimaAccion);
        Assert.Equal("Importado por cli:opp el 01/03/2024 10:00", s.DescribirUltimoCambio());
        Assert.Equal("El seguimiento de enero de 2024 está aprobado y es de solo lectura.", s.MotivoNoEditable(Config, Dia(2024, 2, 5)));
        Rechazo.Con(() => s.Reabrir("Corregir", Dia(2024, 3, 20), "planificador", En(2024, 3, 2)), "No se puede reabrir el seguimiento de enero de 2024: está aprobado; solo se reabre uno pendiente u observado.");
    }
}
