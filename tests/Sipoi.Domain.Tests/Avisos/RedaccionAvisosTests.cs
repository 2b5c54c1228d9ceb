using Sipoi.Domain.Avisos;
using Sipoi.Domain.Formulacion;
using Sipoi.Domain.Seguimiento;

namespace Sipoi.Domain.Tests.Avisos;

public class RedaccionAvisosTests
{
    private const string Centro = "01.02 OFICINA DE PLANEAMIENTO";
    private static readonly MesDelAnio Enero = new(2024, 1);

    [Fact]
    public void MesObservado_DiceQueCorregirYHastaCuando()
    {
        var m = RedaccionAvisos.MesObservado(Enero, Centro, "Adjunte el acta.", new DateOnly(2024, 2, 10), vencido: false);
        Assert.Equal("SIPOI: seguimiento de enero de 2024 observado — 01.02 OFICINA DE PLANEAMIENTO", m.Asunto);
        Assert.Contains("Observación: Adjunte el acta.", m.Cuerpo);
        Assert.Contains("envíe el mes de nuevo hasta el 10/02/2024.", m.Cuerpo);
        var tarde = RedaccionAvisos.MesObservado(Enero, Centro, "Adjunte el acta.", new DateOnly(2024, 2, 10), vencido: true);
        Assert.Contains("El plazo venció el 10/02/2024: para corregirlo, la oficina de planeamiento debe reabrir el mes", tarde.Cuerpo);
    }

    [Fact]
    public void MesReabierto_ConMotivoYNuevoPlazo()
    {
        var m = RedaccionAvisos.MesReabierto(Enero, Centro, "Subsanar la observación", new DateOnly(2024, 3, 1));
        Assert.Equal("SIPOI: seguimiento de enero de 2024 reabierto hasta el 01/03/2024 — 01.02 OFICINA DE PLANEAMIENTO", m.Asunto);
        Assert.Contains("Motivo: Subsanar la observación", m.Cuerpo);
    }

    [Fact]
    public void Plazo_NombraLosMesesQueCompartenElPlazo()
    {
        var trimestre = new[] { new MesDelAnio(2024, 3), new MesDelAnio(2024, 1), new MesDelAnio(2024, 2) };
        var m = RedaccionAvisos.PlazoProximo(trimestre, Centro, new DateOnly(2024, 4, 10), new DateOnly(2024, 4, 7));
        Assert.Equal("SIPOI: el plazo del seguimiento de enero de 2024, febrero de 2024 y marzo de 2024 vence el 10/04/2024 — 01.02 OFICINA DE PLANEAMIENTO",
            m.Asunto);
        Assert.Contains("(quedan 3 días)", m.Cuerpo);
        Assert.Contains("(hoy es el último día)", RedaccionAvisos.PlazoProximo([Enero], Centro, new DateOnly(2024, 2, 10), new DateOnly(2024, 2, 10)).Cuerpo);
        var v = RedaccionAvisos.PlazoVencido([Enero], Centro, new DateOnly(2024, 2, 10));
        Assert.Equal("SIPOI: venció el plazo del seguimiento de enero de 2024 — 01.02 OFICINA DE PLANEAMIENTO", v.Asunto);
        Assert.Contains("venció el 10/02/2024 y no se ha enviado", v.Cuerpo);
    }

    [Fact]
    public void Recomendacion_ProximaOVencida()
    {
        var p = RedaccionAvisos.Recomendacion(2, "Evaluación I Semestre 2024", "Actualizar el catastro", "Contratar la brigada", Centro,
            new DateOnly(2024, 9, 30), MomentoPlazo.Proximo, new DateOnly(2024, 9, 29));
        Assert.Equal("SIPOI: la recomendación 2 de la Evaluación I Semestre 2024 vence el 30/09/2024", p.Asunto);
        Assert.Contains("vence el 30/09/2024 (queda 1 día) y no figura como implementada", p.Cuerpo);
        Assert.Contains("Acción clave: Contratar la brigada", p.Cuerpo);
        var v = RedaccionAvisos.Recomendacion(2, "Evaluación I Semestre 2024", "Actualizar el catastro", "Contratar la brigada", Centro,
            new DateOnly(2024, 9, 30), MomentoPlazo.Vencido, new DateOnly(2024, 10, 2));
        Assert.Equal("SIPOI: venció el plazo de la recomendación 2 de la Evaluación I Semestre 2024", v.Asunto);
    }

    [Fact]
    public void EvaluacionPublicada_YEnlaces()
    {
        var m = RedaccionAvisos.EvaluacionPublicada("Evaluación I Semestre 2024", "EMSAPUNO S.A.", new DateOnly(2024, 7, 20), " Informe 012-2024 ");
        Assert.Equal("SIPOI: se publicó la Evaluación I Semestre 2024 de EMSAPUNO S.A.", m.Asunto);
        Assert.Contains("el 20/07/2024 (documento: Informe 012-2024).", m.Cuerpo);
        var cuerpo = RedaccionAvisos.ConEnlaces(m.Cuerpo, "https://x/e/A/evaluaciones/2024/S1", "https://x/cuenta/avisos");
        Assert.Contains("Ingrese a SIPOI para atenderlo: https://x/e/A/evaluaciones/2024/S1", cuerpo);
        Assert.Contains("Para elegir qué avisos recibe: https://x/cuenta/avisos", cuerpo);
    }

    [Fact]
    public void Asunto_LargoSeRecorta()
    {
        var m = RedaccionAvisos.MesObservado(Enero, new string('C', 400), "x", new DateOnly(2024, 2, 10), false);
        Assert.Equal(RedaccionAvisos.LargoMaximoAsunto, m.Asunto.Length);
        Assert.EndsWith("…", m.Asunto);
    }

    [Fact]
    public void HitoCalendario_NombraElHitoYCuantoFalta()
    {
        var m = RedaccionAvisos.HitoCalendario("Evaluación I Semestre", 2024, "31/07/2024", new DateOnly(2024, 7, 31), new DateOnly(2024, 7, 28));
        Assert.Equal("SIPOI: el hito «Evaluación I Semestre» del calendario 2024 vence el 31/07/2024", m.Asunto);
        Assert.Contains("(31/07/2024) vence el 31/07/2024 (quedan 3 días)", m.Cuerpo);
        var hoy = RedaccionAvisos.HitoCalendario("Evaluación I Semestre", 2024, "31/07/2024", new DateOnly(2024, 7, 31), new DateOnly(2024, 7, 31));
        Assert.Equal("SIPOI: hoy vence el hito «Evaluación I Semestre» del calendario 2024", hoy.Asunto);
        Assert.Contains("(hoy es el último día)", hoy.Cuerpo);
    }

    [Fact]
    public void PropuestaPendiente_DiceElEstadoYElPlazo()
    {
        var m = RedaccionAvisos.PropuestaPendiente(2025, "04.02 LOGÍSTICA", EstadoFormulacion.Observado,
            new DateOnly(2024, 4, 30), new DateOnly(2024, 4, 27));
        Assert.Equal("SIPOI: el plazo de la propuesta del POI 2025 vence el 30/04/2024 — 04.02 LOGÍSTICA", m.Asunto);
        Assert.Contains("vence el 30/04/2024 (quedan 3 días) y la propuesta está observada.", m.Cuerpo);
    }
}
