using Sipoi.Domain.Evaluacion;
using Sipoi.Domain.Organizacion;

namespace Sipoi.Domain.Tests.Evaluacion;

public class BandasTests
{
    [Theory]
    [InlineData("0", Banda.Bajo)]
    [InlineData("74.999", Banda.Bajo)]
    [InlineData("75", Banda.Medio)]
    [InlineData("94.999", Banda.Medio)]
    [InlineData("95", Banda.Alto)]
    [InlineData("100", Banda.Alto)]
    public void BandasNacionales_Bajo75Medio95Alto(string valor, Banda banda) =>
        Assert.Equal(banda, EsquemaBandas.Nacional.Clasificar(decimal.Parse(valor, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("79.99", Banda.Bajo)]
    [InlineData("80", Banda.Medio)]
    [InlineData("90.99", Banda.Medio)]
    [InlineData("91", Banda.Alto)]
    public void BandasEmsapuno_Bajo80Medio91Alto(string valor, Banda banda) =>
        Assert.Equal(banda, EsquemaBandas.Emsapuno.Clasificar(decimal.Parse(valor, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Bandas_SeClasificaElValorSinRedondear() =>
        Assert.Equal(Banda.Medio, Bandas.Clasificar(94.996m, 75, 95));

    [Fact]
    public void ND_NoTieneBanda() => Assert.Null(EsquemaBandas.Nacional.Clasificar((decimal?)null));

    [Fact]
    public void BandasEmsapuno_LlevanSuCalificacion()
    {
        var b = EsquemaBandas.Emsapuno;
        Assert.Equal("Bajo — Esfuérzate más", b.Texto(Banda.Bajo));
        Assert.Equal("Medio — Falta poco", b.Texto(Banda.Medio));
        Assert.Equal("Alto — Lo lograste", b.Texto(Banda.Alto));
        Assert.Equal("Alto", EsquemaBandas.Nacional.Texto(Banda.Alto));
    }

    [Fact]
    public void Bandas_CodigosEnMinusculas()
    {
        Assert.Equal("bajo", Banda.Bajo.Codigo());
        Assert.Equal("medio", Banda.Medio.Codigo());
        Assert.Equal("alto", Banda.Alto.Codigo());
    }

    [Fact]
    public void Bandas_UmbralMedioMayorQueAlto_SeRechaza() =>
        Rechazo.Con<ArgumentException>(() => _ = new EsquemaBandas(96, 95), "El umbral Medio (96) no puede superar al umbral Alto (95).");

    [Fact]
    public void Configuracion_SeTomaDeLaEntidad()
    {
        var entidad = ConfiguracionEntidad.PorDefecto() with
        {
            Metodo = MetodoEvaluacion.Ponderado,
            BandaMedioDesde = 80,
            BandaAltoDesde = 91,
            LeyendaAlto = "Lo lograste",
        };
        var c = ConfiguracionEvaluacion.Desde(entidad);
        Assert.Equal(MetodoEvaluacion.Ponderado, c.Metodo);
        Assert.Equal(80m, c.Bandas.MedioDesde);
        Assert.Equal(91m, c.Bandas.AltoDesde);
        Assert.Equal("Alto — Lo lograste", c.Bandas.Texto(Banda.Alto));
        Assert.Equal(75m, ConfiguracionEvaluacion.PorDefecto.Bandas.MedioDesde);
        Assert.Equal(95m, ConfiguracionEvaluacion.PorDefecto.Bandas.AltoDesde);
    }
}
