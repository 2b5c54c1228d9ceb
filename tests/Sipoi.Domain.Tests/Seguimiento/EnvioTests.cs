using Sipoi.Domain.Seguimiento;
using static Sipoi.Domain.Tests.Seguimiento.Datos;

namespace Sipoi.Domain.Tests.Seguimiento;

public class EnvioTests
{
    private static IReadOnlyList<ProblemaSeguimiento> Verificar(params ActividadDelMes[] actividades) =>
        ReglasEnvio.Verificar(Enero2024, actividades, Config);

    [Fact]
    public void Envio_ConTodoRegistradoDentroDeTolerancia_NoTieneProblemas() =>
        Assert.Empty(Verificar(Ao("AO-01", 10, 10), Ao("AO-02", 4, 4.5m), Ao("AO-03", 0, null), Ao("AO-04", 0, 0)));

    [Fact]
    public void Envio_ActividadConMetaSinRegistro_FaltaLaEjecucionFisica()
    {
        var p = Assert.Single(Verificar(Ao("AO-01", 10, null)));
        Assert.Equal(CampoAvance.EjecutadoFisico, p.Campo);
        Assert.Equal("Actividad AO-01, enero de 2024: falta registrar la ejecución física (meta del mes: 10).", p.Mensaje);
    }

    [Fact]
    public void Envio_ActividadSinMetaNiRegistro_NoSeExige() =>
        Assert.Empty(Verificar(Ao("AO-01", 0, null, metaAnual: 12)));

    [Fact]
    public void Envio_FueraDeTolerancia_ExigeLogrosDificultadesYMedidas()
    {
        var problemas = Verificar(Ao("AO-01", 10, 7));
        Assert.Equal([CampoAvance.Logros, CampoAvance.Dificultades, CampoAvance.MedidasCorrectivas], problemas.Select(p => p.Campo));
        Assert.All(problemas, p => Assert.Equal("AO-01", p.CodigoActividad));
        Assert.Equal("Actividad AO-01, enero de 2024: faltan los logros: la ejecución es 70.00 % de la meta, debajo de la tolerancia de 85 %.",
            problemas[0].Mensaje);
    }

    [Fact]
    public void Envio_SobreEjecucion_TambienSeJustifica() =>
        Assert.Equal(3, Verificar(Ao("AO-01", 10, 12)).Count);

    [Fact]
    public void Envio_EjecucionNoProgramada_ExigeJustificacion()
    {
        var problemas = Verificar(Ao("AO-01", 0, 2, metaAnual: 12));
        Assert.Equal(3, problemas.Count);
        Assert.Contains("hay ejecución no programada (el mes no tiene meta)", problemas[0].Mensaje);
    }

    [Fact]
    public void Envio_CeroRegistradoContraUnaMeta_EsCeroPorCientoYSeJustifica() =>
        Assert.Equal(3, Verificar(Ao("AO-01", 10, 0)).Count);

    [Fact]
    public void Envio_TextosEnBlanco_NoCuentanComoJustificacion()
    {
        var problemas = Verificar(Ao("AO-01", 10, 7, "  ", "Lluvias", "\t"));
        Assert.Equal([CampoAvance.Logros, CampoAvance.MedidasCorrectivas], problemas.Select(p => p.Campo));
    }

    [Fact]
    public void Envio_Justificado_NoTieneProblemas() =>
        Assert.Empty(Verificar(Justificada("AO-01", 10, 7), Justificada("AO-02", 0, 3)));

    [Fact]
    public void Enviar_SinJustificacionFueraDeTolerancia_SeRechazaConTodosLosProblemas()
    {
        var s = NuevoSeguimiento();
        ActividadDelMes[] actividades =
        [
            Ao("AO-01", 10, 7),                 // 3 missing texts
            Ao("AO-02", 5, null),               // not registered
            Ao("AO-03", 10, -4),                // negative: corrected first, tolerance not judged yet
            Justificada("AO-04", 10, 7),        // fine
            Ao("AO-05", 0, 1, "Se hizo", null, "Seguir"), // unprogrammed: dificultades missing
        ];
        var problemas = s.ProblemasParaEnviar(actividades, Config);
        Assert.Equal(
            ["AO-01:Logros", "AO-01:Dificultades", "AO-01:MedidasCorrectivas", "AO-02:EjecutadoFisico",
             "AO-03:EjecutadoFisico", "AO-05:Dificultades"],
            problemas.Select(p => $"{p.CodigoActividad}:{p.Campo}"));

        var e = Rechazo.Con(() => s.Enviar(actividades, Config, "operador", En(2024, 2, 5)), "No se puede enviar el seguimiento de enero de 2024; corrija lo siguiente:");
        Assert.StartsWith("No se puede enviar el seguimiento de enero de 2024; corrija lo siguiente:\n", e.Message);
        Assert.All(problemas, p => Assert.Contains(p.Mensaje, e.Message));
        Assert.Equal(EstadoSeguimiento.Pendiente, s.Estado);
    }

    [Fact]
    public void Enviar_ConTodoEnRegla_PasaAEnviadoYGuardaQuienYCuando()
    {
        var s = NuevoSeguimiento();
        var ahora = En(2024, 2, 5);
        s.Enviar([Ao("AO-01", 10, 10), Justificada("AO-02", 10, 3)], Config, "operador", ahora);
        Assert.Equal(EstadoSeguimiento.Enviado, s.Estado);
        Assert.Equal("operador", s.EnviadoPor);
        Assert.Equal(ahora, s.EnviadoEn);
    }

    [Fact]
    public void Enviar_SinActividadesConMeta_SePermite()
    {
        var s = NuevoSeguimiento();
        s.Enviar([Ao("AO-01", 0, null, metaAnual: 5)], Config, "operador", En(2024, 2, 1));
        Assert.Equal(EstadoSeguimiento.Enviado, s.Estado);
    }

    [Fact]
    public void Enviar_AntesDelUltimoDiaDelMes_SeRechaza()
    {
        var s = NuevoSeguimiento();
        var e = Rechazo.Con(() => s.Enviar([], Config, "operador", En(2024, 1, 30)), "El seguimiento de enero de 2024 se envía desde el último día del mes (31/01/2024).");
        Assert.Equal("El seguimiento de enero de 2024 se envía desde el último día del mes (31/01/2024).", e.Message);
        s.Enviar([], Config, "operador", En(2024, 1, 31));
        Assert.Equal(EstadoSeguimiento.Enviado, s.Estado);
    }

    [Fact]
    public void Enviar_DespuesDelPlazo_SeRechazaConLaFechaDeCierre()
    {
        var s = NuevoSeguimiento();
        s.Enviar([], Config, "operador", En(2024, 2, 10, hora: 23)); // deadline day, late evening in Lima: still open
        var t = NuevoSeguimiento();
        var e = Rechazo.Con(() => t.Enviar([], Config, "operador", En(2024, 2, 11, hora: 0)), "El plazo para registrar enero de 2024 venció el 10/02/2024.");
        Assert.Equal("El plazo para registrar enero de 2024 venció el 10/02/2024.", e.Message);
    }

    [Fact]
    public void Enviar_SinUsuario_SeRechaza() =>
        Rechazo.Con(() => NuevoSeguimiento().Enviar([], Config, " ", En(2024, 2, 1)), "La operación debe registrar el usuario que la hace.");
}
