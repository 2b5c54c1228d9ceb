using Sipoi.Domain.Organizacion;

namespace Sipoi.Domain.Tests.Organizacion;

/// <summary>The one rule "the organisation chart stays a tree" (Jerarquia.Ciclo), asked by the entity and by the exchange reader.</summary>
public sealed class JerarquiaTests
{
    private static readonly Dictionary<string, string?> Arbol = new()
    {
        ["01"] = null,
        ["01.01"] = "01",
        ["01.01.01"] = "01.01",
        ["02"] = null,
    };

    private static string? PadreDe(string c) => Arbol.GetValueOrDefault(c);

    [Fact]
    public void Ciclo_BajoUnaRamaAjena_NoHay() =>
        Assert.Null(Jerarquia.Ciclo("02", "01.01.01", PadreDe));

    [Fact]
    public void Ciclo_BajoSuPropioDescendiente_DevuelveLaCadenaCompleta() =>
        Assert.Equal(["01", "01.01.01", "01.01", "01"], Jerarquia.Ciclo("01", "01.01.01", PadreDe));

    [Fact]
    public void Ciclo_SuPropioPadre_EsUnCicloDeUno() =>
        Assert.Equal(["02", "02"], Jerarquia.Ciclo("02", "02", PadreDe));

    [Fact]
    public void Ciclo_MasArribaQueNoPasaPorElCentro_NoEsSuyo()
    {
        var conCiclo = new Dictionary<string, string?> { ["A"] = "B", ["B"] = "A" };
        Assert.Null(Jerarquia.Ciclo("C", "A", c => conCiclo.GetValueOrDefault(c)));
    }

    [Fact]
    public void Ciclo_PadreDesconocido_NoHay() =>
        Assert.Null(Jerarquia.Ciclo("02", "99", PadreDe));
}
