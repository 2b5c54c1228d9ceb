using Sipoi.Domain.Informes;
using Sipoi.Domain.Periodos;

namespace Sipoi.Domain.Tests.Periodos;

public class PeriodoTests
{
    [Fact]
    public void Seleccionables_MesesTrimestresSemestresAnualYAcumulados()
    {
        Assert.Equal(
            [
                "M01", "M02", "M03", "M04", "M05", "M06", "M07", "M08", "M09", "M10", "M11", "M12",
                "T1", "T2", "T3", "T4", "S1", "S2", "ANUAL",
                "A01", "A02", "A03", "A04", "A05", "A06", "A07", "A08", "A09", "A10", "A11", "A12",
            ],
            Periodo.Seleccionables.Select(p => p.Codigo));
    }

    [Fact]
    public void PeriodosDeEvaluacion_EnElOrdenDeLosSeleccionables()
    {
        Assert.Equal(["T1", "T2", "T3", "T4", "S1", "S2", "ANUAL"], EvaluacionPoi.PeriodosPermitidos.Select(p => p.Codigo));
        var posiciones = EvaluacionPoi.PeriodosPermitidos.Select(p => Periodo.Seleccionables.ToList().IndexOf(p)).ToList();
        Assert.Equal(posiciones.Order(), posiciones);
    }

    [Fact]
    public void NoValido_NombraLoEscritoYLosCodigosEnElMismoOrden()
    {
        Assert.Equal("Periodo no válido: «T5». Use M01…M12, T1…T4, S1, S2, ANUAL o A01…A12.", Periodo.NoValido("T5"));
        Assert.Equal("Periodo no válido: «M01». Use T1…T4, S1, S2 o ANUAL.", Periodo.NoValido(" M01 ", EvaluacionPoi.PeriodosPermitidos));
        Assert.Equal("Periodo no válido: «». Use ANUAL.", Periodo.NoValido(null, [Periodo.Anual]));
    }

    [Fact]
    public void Parse_CodigoDesconocido_DiceElMensajeUnico()
    {
        var e = Assert.Throws<FormatException>(() => Periodo.Parse("M13"));
        Assert.Equal("Periodo no válido: «M13». Use M01…M12, T1…T4, S1, S2, ANUAL o A01…A12.", e.Message);
    }
}
