using Sipoi.Domain.Informes;
using Sipoi.Domain.Periodos;
using static Sipoi.Domain.Tests.Informes.EvaluacionPoiTests;

namespace Sipoi.Domain.Tests.Informes;

public sealed class RecomendacionTests
{
    private static readonly DateOnly Plazo = new(2024, 10, 31);

    private static Recomendacion Nueva(EvaluacionPoi origen, int numero = 1) =>
        new(origen, numero, "Baja ejecución del OEI.03", "Reprogramar las metas del OEI.03", "Taller de reprogramación", 7, Plazo);

    [Fact]
    public void CamposObligatorios_YPlazoDentroDeLosDosAniosSiguientes()
    {
        var s1 = Eval(1, 2024, Periodo.Semestre(1));
        Rechazo.Con(() => _ = new Recomendacion(s1, 1, " ", "x", "y", 7, Plazo), "El campo aspecto de mejora es obligatorio.");
        Rechazo.Con(() => _ = new Recomendacion(s1, 1, "x", "x", "y", 0, Plazo), "Elija la unidad responsable.");
        Rechazo.Con(() => _ = new Recomendacion(s1, 1, "x", "x", "y", 7, new DateOnly(2023, 12, 31)), "El plazo 31/12/2023 debe caer entre 2024 y 2026.");
        Rechazo.Con(() => _ = new Recomendacion(s1, 1, "x", "x", "y", 7, new DateOnly(2027, 1, 1)), "El plazo 01/01/2027 debe caer entre 2024 y 2026.");
        Rechazo.Con(() => _ = new Recomendacion(s1, 1, new string('a', Recomendacion.LargoMaximoTexto + 1), "x", "y", 7, Plazo), "El campo aspecto de mejora admite hasta 500 caracteres (tiene 2,001).");
        Assert.Equal(new DateOnly(2026, 12, 31), new Recomendacion(s1, 1, "x", "x", "y", 7, new DateOnly(2026, 12, 31)).Plazo);
    }

    [Fact]
    public void EvaluacionPublicada_NoAdmiteNuevasNiCambiadas()
    {
        var s1 = Eval(1, 2024, Periodo.Semestre(1));
        var r = Nueva(s1);
        s1.Publicar(null, "planificador", DateTimeOffset.UtcNow, 90, null, [Archivo()]);
        Assert.Contains("ya está publicada", Assert.Throws<ReglaDominioException>(() => Nueva(s1, 2)).Message);
        Rechazo.Con(() => r.Actualizar(s1, "otro", "otro", "otro", 7, Plazo), "La evaluación I Semestre 2024 ya está publicada: no se puede modificar sus recomendaciones.");
        Assert.Equal("Baja ejecución del OEI.03", r.AspectoMejora);
    }

    [Fact]
    public void Seguimiento_SoloEnUnaEvaluacionPosteriorYNoPublicada()
    {
        var s1 = Eval(1, 2024, Periodo.Semestre(1));
        var s2 = Eval(2, 2024, Periodo.Semestre(2));
        var anterior = Eval(3, 2023, Periodo.Anual);
        var r = Nueva(s1);
        Assert.Contains("posterior", Assert.Throws<ReglaDominioException>(() => r.RegistrarSeguimiento(s1, s1, EstadoRecomendacion.EnProceso, null)).Message);
        Rechazo.Con(() => r.RegistrarSeguimiento(s1, anterior, EstadoRecomendacion.EnProceso, null), "La recomendación 1 de la evaluación I Semestre 2024 se sigue en una evaluación posterior, no en la evaluación Anual 2023.");
        r.RegistrarSeguimiento(s1, s2, EstadoRecomendacion.EnProceso, "Avance parcial");
        r.RegistrarSeguimiento(s1, s2, EstadoRecomendacion.Implementada, null);
        var fila = Assert.Single(r.Seguimiento);
        Assert.Equal(EstadoRecomendacion.Implementada, fila.Estado);
        Assert.Null(fila.Comentario);

        s2.Publicar(null, "planificador", DateTimeOffset.UtcNow, 90, null, [Archivo()]);
        Rechazo.Con(() => r.RegistrarSeguimiento(s1, s2, EstadoRecomendacion.Pendiente, null), "La evaluación II Semestre 2024 ya está publicada: no se puede modificar el seguimiento de recomendaciones.");
        Assert.Equal(EstadoRecomendacion.Implementada, Assert.Single(r.Seguimiento).Estado);
    }

    [Fact]
    public void NoImplementada_ExigeComentario()
    {
        var s1 = Eval(1, 2024, Periodo.Semestre(1));
        var anual = Eval(2, 2024, Periodo.Anual);
        var r = Nueva(s1);
        var e = Assert.Throws<ReglaDominioException>(() => r.RegistrarSeguimiento(s1, anual, EstadoRecomendacion.NoImplementada, "  "));
        Assert.Contains("Recomendación 1", e.Message);
        Assert.Empty(r.Seguimiento);
        r.RegistrarSeguimiento(s1, anual, EstadoRecomendacion.NoImplementada, "Sin presupuesto asignado");
        Assert.Equal("Sin presupuesto asignado", r.Seguimiento[0].Comentario);
    }

    [Fact]
    public void EstadoAl_TomaElUltimoSeguimientoHastaEsaEvaluacion()
    {
        var s1 = Eval(1, 2024, Periodo.Semestre(1));
        var s2 = Eval(2, 2024, Periodo.Semestre(2));
        var anual = Eval(3, 2024, Periodo.Anual);
        var s1Siguiente = Eval(4, 2025, Periodo.Semestre(1));
        var orden = new[] { s1, s2, anual, s1Siguiente }.ToDictionary(e => e.Id, e => e.Orden);
        var r = Nueva(s1);
        // Recorded out of order: the status "as of" an evaluation depends on the evaluations' order, not on the recording order.
        r.RegistrarSeguimiento(s1, s1Siguiente, EstadoRecomendacion.Implementada, null);
        r.RegistrarSeguimiento(s1, s2, EstadoRecomendacion.EnProceso, null);

        Assert.Equal(EstadoRecomendacion.Pendiente, r.EstadoAl(s1.Orden, orden));
        Assert.Equal(EstadoRecomendacion.EnProceso, r.EstadoAl(s2.Orden, orden));
        Assert.Equal(EstadoRecomendacion.EnProceso, r.EstadoAl(anual.Orden, orden));
        Assert.Equal(EstadoRecomendacion.Implementada, r.EstadoAl(s1Siguiente.Orden, orden));
    }

    [Theory]
    [InlineData(EstadoRecomendacion.Pendiente, "2024-11-01", true)]
    [InlineData(EstadoRecomendacion.EnProceso, "2024-11-01", true)]
    [InlineData(EstadoRecomendacion.Pendiente, "2024-10-31", false)]
    [InlineData(EstadoRecomendacion.Implementada, "2025-01-01", false)]
    [InlineData(EstadoRecomendacion.NoImplementada, "2025-01-01", false)]
    public void Vencida_PlazoPasadoSinCerrar(EstadoRecomendacion estado, string hoy, bool vencida) =>
        Assert.Equal(vencida, Recomendacion.Vencida(Plazo, estado, DateOnly.Parse(hoy, System.Globalization.CultureInfo.InvariantCulture)));
}
