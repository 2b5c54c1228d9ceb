using Sipoi.Domain.Evaluacion;

namespace Sipoi.Domain.Tests.Evaluacion;

public class PonderacionTests
{
    [Theory]
    [InlineData(3, 1, 3)]
    [InlineData(3, 2, 2)]
    [InlineData(3, 3, 1)]
    [InlineData(4, 1, 4)]
    [InlineData(9, 9, 1)]
    [InlineData(1, 1, 1)]
    public void PesoPorPrioridad_EsNMenosPMasUno(int n, int p, int peso) =>
        Assert.Equal(peso, Ponderacion.PesoPorPrioridad(n, p));

    [Theory]
    [InlineData(3, 0, "La prioridad va de 1 a 3.")]
    [InlineData(3, 4, "La prioridad va de 1 a 3.")]
    [InlineData(0, 1, "Debe haber al menos un elemento.")]
    public void PesoPorPrioridad_FueraDeRango_SeRechaza(int n, int p, string mensaje) =>
        Rechazo.Con<ArgumentOutOfRangeException>(() => Ponderacion.PesoPorPrioridad(n, p), mensaje);

    [Fact]
    public void PrioridadesConHuecos_UsanLaPrioridadMaximaComoN()
    {
        Assert.Equal(3, Ponderacion.ElementosParaPesos(3, 3));
        Assert.Equal(4, Ponderacion.ElementosParaPesos(3, 4));
    }

    [Fact]
    public void MediaPonderada_EjemploPrioridades123_Da99()
    {
        decimal[] valores = [100, 100, 94];
        decimal[] pesos = [Ponderacion.PesoPorPrioridad(3, 1), Ponderacion.PesoPorPrioridad(3, 2), Ponderacion.PesoPorPrioridad(3, 3)];
        Assert.Equal(99m, MediaPonderada.De(valores, pesos));
    }

    [Fact]
    public void MediaPonderada_EjemploPrioridades1234_Da98YNo98Coma75()
    {
        decimal[] valores = [95, 100, 100, 100];
        decimal[] pesos = [4, 3, 2, 1];
        Assert.Equal(98m, MediaPonderada.De(valores, pesos));
        Assert.Equal(98.75m, MediaPonderada.De(valores));
    }

    [Fact]
    public void MediaSimple_EsMediaPonderadaConPesoUno()
    {
        decimal[] valores = [62.5m, 35.96m, 18.78m];
        Assert.Equal(39.08m, Datos.R2(MediaPonderada.De(valores)));
        Assert.Equal(MediaPonderada.De(valores, [1, 1, 1]), MediaPonderada.De(valores));
    }

    [Fact]
    public void MediaPonderada_SinValores_NoTieneValor()
    {
        var m = new MediaPonderada();
        Assert.Null(m.Valor);
        Assert.Equal(0, m.Cantidad);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void MediaPonderada_PesoNoPositivo_SeRechaza(int peso)
    {
        var m = new MediaPonderada();
        Rechazo.Con<ArgumentOutOfRangeException>(() => m.Agregar(50, peso), "El peso debe ser mayor que cero.");
    }

    [Fact]
    public void MediaPonderada_DeUnSoloValorOValoresIguales_EsEseValorExacto()
    {
        var v = 7000m / 120m; // 58.333… with every digit decimal holds
        var m = new MediaPonderada();
        m.Agregar(v, 2);
        Assert.Equal(v, m.Valor);
        m.Agregar(v, 3);
        Assert.Equal(v, m.Valor);
    }
}
