using Sipoi.Domain.Seguimiento;
using static Sipoi.Domain.Tests.Seguimiento.Datos;

namespace Sipoi.Domain.Tests.Seguimiento;

public class RegistroAvanceTests
{
    [Fact]
    public void RegistrarAvance_GuardaValoresYJustificacionLimpios()
    {
        var ao = Actividad();
        var s = NuevoSeguimiento();
        var avance = ao.RegistrarAvance(s, Config, Programacion(10), new DatosAvance(7, 1500.5m, " Se hizo ", "", "Reforzar"), "operador", En(2024, 2, 3));
        Assert.Equal(7m, avance.EjecutadoFisico);
        Assert.Equal(1500.5m, avance.EjecutadoFinanciero);
        Assert.Equal("Se hizo", avance.Logros);
        Assert.Null(avance.Dificultades);
        Assert.Equal("Reforzar", avance.MedidasCorrectivas);
        Assert.Same(avance, ao.AvanceDe(1));
        Assert.Equal(AccionAuditada.Cambio, s.UltimaAccion);
        Assert.Equal("operador", s.UltimoCambioPor);
    }

    [Fact]
    public void RegistrarAvance_CorrigeElMismoMes()
    {
        var ao = Actividad();
        var s = NuevoSeguimiento();
        ao.RegistrarAvance(s, Config, Programacion(10), new DatosAvance(7), "operador", En(2024, 2, 3));
        ao.RegistrarAvance(s, Config, Programacion(10), new DatosAvance(9), "operador", En(2024, 2, 4));
        Assert.Equal(9m, Assert.Single(ao.Avances).EjecutadoFisico);
    }

    [Fact]
    public void RegistrarAvance_SinJustificacion_SeGuardaComoBorrador()
    {
        var ao = Actividad();
        ao.RegistrarAvance(NuevoSeguimiento(), Config, Programacion(10), new DatosAvance(2), "operador", En(2024, 2, 3));
        Assert.Equal(2m, ao.AvanceDe(1)!.EjecutadoFisico);
    }

    [Fact]
    public void RegistrarAvance_ValorAbsurdo_SeRechazaSinTocarElAvance()
    {
        var ao = Actividad();
        var s = NuevoSeguimiento();
        ao.RegistrarAvance(s, Config, Programacion(10), new DatosAvance(7), "operador", En(2024, 2, 3));
        var e = Rechazo.Con(() => ao.RegistrarAvance(s, Config, Programacion(10), new DatosAvance(5000, -1), "operador", En(2024, 2, 4)), "la ejecución física 5,000 no es razonable: supera 100 veces la meta del mes (10).");
        Assert.Equal(
            "Actividad AO-01, enero de 2024: la ejecución física 5,000 no es razonable: supera 100 veces la meta del mes (10).\n" +
            "Actividad AO-01, enero de 2024: el monto ejecutado no puede ser negativo.", e.Message);
        Assert.Equal(7m, ao.AvanceDe(1)!.EjecutadoFisico);
    }

    [Fact]
    public void RegistrarAvance_UnidadPorcentaje_NoPasaDeCien()
    {
        var ao = Actividad(unidad: "%");
        var e = Rechazo.Con(() => ao.RegistrarAvance(NuevoSeguimiento(), Config, Programacion(100), new DatosAvance(120), "operador", En(2024, 2, 3)), "la ejecución física 120 no es razonable: la unidad de medida es un porcentaje (%) y no puede pasar de 100.");
        Assert.Contains("la unidad de medida es un porcentaje (%) y no puede pasar de 100", e.Message);
    }

    [Fact]
    public void RegistrarAvance_DespuesDelPlazo_SeRechaza()
    {
        var e = Rechazo.Con(() => Actividad().RegistrarAvance(NuevoSeguimiento(), Config, Programacion(10), new DatosAvance(7), "operador", En(2024, 2, 11)), "El plazo para registrar enero de 2024 venció el 10/02/2024.");
        Assert.Equal("El plazo para registrar enero de 2024 venció el 10/02/2024.", e.Message);
    }

    [Fact]
    public void RegistrarAvance_EnMesReabierto_SePermite()
    {
        var s = NuevoSeguimiento();
        s.Reabrir("Corte de energía", Dia(2024, 2, 20), "planificador", En(2024, 2, 11));
        var avance = Actividad().RegistrarAvance(s, Config, Programacion(10), new DatosAvance(7), "operador", En(2024, 2, 15));
        Assert.Equal(7m, avance.EjecutadoFisico);
    }

    [Fact]
    public void RegistrarAvance_MesEnviadoOAprobado_SeRechaza()
    {
        var s = Enviado();
        Rechazo.Con(() => Actividad().RegistrarAvance(s, Config, Programacion(10), new DatosAvance(7), "operador", En(2024, 2, 3)), "El seguimiento de enero de 2024 fue enviado y está en revisión; no se puede modificar.");
        s.Aprobar("planificador", En(2024, 2, 4));
        var e = Rechazo.Con(() => Actividad().RegistrarAvance(s, Config, Programacion(10), new DatosAvance(7), "operador", En(2024, 2, 5)), "El seguimiento de enero de 2024 está aprobado y es de solo lectura.");
        Assert.Equal("El seguimiento de enero de 2024 está aprobado y es de solo lectura.", e.Message);
    }

    [Fact]
    public void RegistrarAvance_DeOtroCentroDeCosto_SeRechaza() =>
        Rechazo.Con(() => Actividad(centro: 8).RegistrarAvance(NuevoSeguimiento(centro: 7), Config, Programacion(10), new DatosAvance(7), "operador", En(2024, 2, 3)), "La actividad AO-01 no pertenece al centro de costo y POI de este seguimiento.");

    [Fact]
    public void RegistrarAvance_SinUsuario_SeRechaza() =>
        Rechazo.Con(() => Actividad().RegistrarAvance(NuevoSeguimiento(), Config, Programacion(10), new DatosAvance(7), "", En(2024, 2, 3)), "La operación debe registrar el usuario que la hace.");

    [Fact]
    public void ActividadDelMes_LeeMetasYRegistroDeLaActividad()
    {
        var ao = Actividad();
        var s = NuevoSeguimiento(mes: 2);
        ao.RegistrarAvance(s, Config, Programacion(10, 0, 5), new DatosAvance(3, null, "L", "D", "M"), "operador", En(2024, 2, 29));
        var a = ActividadDelMes.De(ao, Programacion(10, 0, 5), 2);
        Assert.Equal("AO-01", a.Codigo);
        Assert.Equal(0m, a.MetaMes);
        Assert.Equal(15m, a.MetaAnual);
        Assert.Equal(new DatosAvance(3, null, "L", "D", "M"), a.Avance);
        Assert.Equal(DatosAvance.Vacio, ActividadDelMes.De(ao, Programacion(10, 0, 5), 1).Avance);
    }

    [Fact]
    public void Enviar_ConLasActividadesRegistradas_UsaSusMetasYRegistros()
    {
        var ao1 = Actividad("AO-01");
        var ao2 = Actividad("AO-02");
        var p1 = Programacion(10);
        var p2 = Programacion(4);
        var s = NuevoSeguimiento();
        ao1.RegistrarAvance(s, Config, p1, new DatosAvance(10), "operador", En(2024, 2, 1));
        ao2.RegistrarAvance(s, Config, p2, new DatosAvance(1), "operador", En(2024, 2, 1));
        ActividadDelMes[] mes = [ActividadDelMes.De(ao1, p1, 1), ActividadDelMes.De(ao2, p2, 1)];

        Assert.Equal(["AO-02:Logros", "AO-02:Dificultades", "AO-02:MedidasCorrectivas"],
            s.ProblemasParaEnviar(mes, Config).Select(p => $"{p.CodigoActividad}:{p.Campo}"));

        ao2.RegistrarAvance(s, Config, p2, new DatosAvance(1, null, "Un informe", "Licencia del analista", "Reprogramar"), "operador", En(2024, 2, 2));
        s.Enviar([ActividadDelMes.De(ao1, p1, 1), ActividadDelMes.De(ao2, p2, 1)], Config, "operador", En(2024, 2, 2));
        Assert.Equal(EstadoSeguimiento.Enviado, s.Estado);
    }
}
