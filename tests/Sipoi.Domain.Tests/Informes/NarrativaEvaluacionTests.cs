using Sipoi.Domain.Informes;
using Sipoi.Domain.Periodos;

namespace Sipoi.Domain.Tests.Informes;

public class NarrativaEvaluacionTests
{
    private static readonly DateTimeOffset Ahora = new(2024, 7, 15, 10, 0, 0, TimeSpan.FromHours(-5));

    private static EntradaNarrativa Analisis(string oei, string? texto, string borrador = "Borrador") =>
        new(SeccionNarrativa.AnalisisOei, oei, texto, borrador);

    [Fact]
    public void Guardar_SoloGuardaLoQueDifiereDelBorrador()
    {
        var ev = new EvaluacionPoi(1, 2024, Periodo.Semestre(1));
        var c = NarrativaEvaluacion.Guardar(ev, [],
        [
            Analisis("OEI.01", "Texto de la oficina\r\n\r\nSegundo párrafo  "),
            Analisis("OEI.02", "Borrador\r\n"),
            Analisis("OEI.03", "   "),
            new(SeccionNarrativa.Conclusiones, "", "Conclusión 1\nConclusión 2", "Conclusión 1"),
        ]);
        Assert.Equal(["OEI.01:Texto de la oficina\n\nSegundo párrafo", ":Conclusión 1\nConclusión 2"],
            c.Nuevos.Select(t => $"{t.OeiCodigo}:{t.Texto}"));
        Assert.Equal(2, c.Total);

        // Back to the draft drops the office's text; another text changes it in place.
        var otra = NarrativaEvaluacion.Guardar(ev, c.Nuevos, [Analisis("OEI.01", "Borrador"), new(SeccionNarrativa.Conclusiones, "", "Otra", "X")]);
        Assert.Equal(["OEI.01"], otra.Quitados.Select(t => t.OeiCodigo));
        Assert.Equal(1, otra.Modificados);
        Assert.Equal("Otra", c.Nuevos[1].Texto);
    }

    [Fact]
    public void Guardar_UnaSeccionInvalida_RechazaTodoYNombraLaSeccion()
    {
        var ev = new EvaluacionPoi(1, 2024, Periodo.Anual);
        var actual = NarrativaEvaluacion.Guardar(ev, [], [Analisis("OEI.01", "Primero")]).Nuevos;
        Rechazo.Con(() => NarrativaEvaluacion.Guardar(ev, actual,
        [
            Analisis("OEI.01", "Cambiado"),
            new(SeccionNarrativa.Recomendaciones, "", new string('x', TextoNarrativa.LargoMaximo + 1), "b"),
        ]), "Las recomendaciones: admite hasta 20,000 caracteres (tiene 20,001).");
        Assert.Equal("Primero", actual[0].Texto);
        Rechazo.Con(() => NarrativaEvaluacion.Guardar(ev, [], [Analisis("OEI.01", "a"), Analisis("OEI.01", "b")]),
            "El análisis del OEI.01 viene más de una vez.");
    }

    [Fact]
    public void Guardar_EvaluacionPublicada_SeRechaza()
    {
        var ev = new EvaluacionPoi(1, 2024, Periodo.Semestre(1));
        ev.Publicar(null, "planificador", Ahora, 90m, null, [new ArchivoPublicado(1, "informe.docx", "application/x", [1])]);
        Rechazo.Con(() => NarrativaEvaluacion.Guardar(ev, [], [Analisis("OEI.01", "Tarde")]),
            "La evaluación I Semestre 2024 ya está publicada: no se puede modificar su redacción.");
    }

    [Fact]
    public void Lineas_SonLosParrafosNoVacios() =>
        Assert.Equal(["Uno", "Dos"], NarrativaEvaluacion.Lineas("  Uno \r\n\r\n Dos\n"));
}
