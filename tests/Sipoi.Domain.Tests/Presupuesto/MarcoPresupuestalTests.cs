using Sipoi.Domain.Presupuesto;

namespace Sipoi.Domain.Tests.Presupuesto;

public class MarcoPresupuestalTests
{
    private static readonly DateOnly Hoy = new(2024, 8, 15);
    private static ClavePresupuestal Clave(int fuente = 2, string generica = "2.3", string? centro = null, string? actividad = null) =>
        ClavePresupuestal.Crear(fuente, generica, centro, actividad);

    [Fact]
    public void FuentesFinanciamiento_SonLasCincoDelClasificador()
    {
        Assert.Equal([1, 2, 3, 4, 5], FuentesFinanciamiento.Codigos);
        Assert.Equal("1 Recursos Ordinarios", FuentesFinanciamiento.Rotulo(1));
        Assert.Equal("2 Recursos Directamente Recaudados", FuentesFinanciamiento.Rotulo(2));
        Assert.Equal("5 Recursos Determinados", FuentesFinanciamiento.Rotulo(5));
        Rechazo.Con(() => Clave(fuente: 6), "Fuente de financiamiento 6: no existe; use 1 a 5");
    }

    [Theory]
    [InlineData("2.3", "2.3")]
    [InlineData(" 2.3.1.5.1 ", "2.3")]
    [InlineData("2.6.", "2.6")]
    public void Clave_GuardaLaGenericaDelCodigo(string codigo, string generica) => Assert.Equal(generica, Clave(generica: codigo).Generica);

    [Theory]
    [InlineData("1.3")]
    [InlineData("2.9")]
    [InlineData("23")]
    [InlineData("")]
    public void Clave_RechazaLoQueNoEsGenericaDeGasto(string codigo) =>
        Rechazo.Con(() => Clave(generica: codigo), "no es una genérica de gasto del clasificador");

    [Fact]
    public void Pim_EsPiaMasModificaciones_YElPorcentajeDevengadoSeMideContraElPim()
    {
        var creditos = new[] { new CreditoPresupuestario(1, 2024, Clave(centro: "01.02"), 1000m), new CreditoPresupuestario(1, 2024, Clave(centro: "01.03"), 500m) };
        var mods = new[]
        {
            new ModificacionPresupuestaria(1, 2024, Clave(), "Resolución de Alcaldía N.° 045-2024-MPP", new(2024, 3, 1), 700m, Hoy),
            new ModificacionPresupuestaria(1, 2024, Clave(centro: "01.03"), "Resolución de Alcaldía N.° 050-2024-MPP", new(2024, 4, 1), -200m, Hoy),
        };
        var ejec = new[]
        {
            new EjecucionPresupuestal(1, 2024, 1, Clave(centro: "01.02"), 300m, 100m),
            new EjecucionPresupuestal(1, 2024, 7, Clave(centro: "01.02"), 300m, 300m),
        };

        var s = MarcoPresupuestal.Resumir(creditos, mods, ejec, c => (c.Fuente, c.Generica))[(2, "2.3")];
        Assert.Equal(1500m, s.Pia);
        Assert.Equal(500m, s.Modificaciones);
        Assert.Equal(2000m, s.Pim);
        Assert.Equal(600m, s.Certificado);
        Assert.Equal(400m, s.Devengado);
        Assert.Equal(20m, s.PorcentajeDevengado);
        Assert.Equal(1600m, s.SaldoPorDevengar);

        var alPrimerTrimestre = MarcoPresupuestal.Resumir(creditos, mods, ejec, c => c.Fuente, hastaMes: 3)[2];
        Assert.Equal(100m, alPrimerTrimestre.Devengado);

        var porCentro = MarcoPresupuestal.Resumir(creditos, mods, ejec, c => c.Centro ?? "");
        Assert.Equal(1000m, porCentro["01.02"].Pim);
        Assert.Equal(300m, porCentro["01.03"].Pim);
        Assert.Equal(700m, porCentro[""].Pim);
        Assert.Null(new SaldoPresupuestal(0, 0, 0, 0).PorcentajeDevengado);
    }

    [Fact]
    public void Verificar_RechazaUnPimNegativoNombrandoFuenteYGenerica()
    {
        var creditos = new[] { new CreditoPresupuestario(1, 2024, Clave(fuente: 1, generica: "2.1"), 1000m) };
        var mods = new[] { new ModificacionPresupuestaria(1, 2024, Clave(fuente: 1, generica: "2.1"), "RA 3", new(2024, 5, 2), -1500.5m, Hoy) };
        Rechazo.Con(() => MarcoPresupuestal.Verificar(creditos, mods, []),
            "El PIM de fuente 1 Recursos Ordinarios, genérica 2.1 quedaría en -500.5 (PIA 1,000, modificaciones -1,500.5)");
        MarcoPresupuestal.Verificar(creditos, [mods[0], new ModificacionPresupuestaria(1, 2024, Clave(fuente: 1, generica: "2.1"), "RA 4", new(2024, 5, 3), 500.5m, Hoy)], []);
    }

    [Fact]
    public void Verificar_RechazaDevengadoOCertificadoMayorQueElPim()
    {
        var creditos = new[] { new CreditoPresupuestario(1, 2024, Clave(), 100m) };
        Rechazo.Con(() => MarcoPresupuestal.Verificar(creditos, [], [new EjecucionPresupuestal(1, 2024, 2, Clave(), 100m, 100.01m)]),
            "El devengado de fuente 2 Recursos Directamente Recaudados, genérica 2.3 (100.01) supera su PIM (100).");
        Rechazo.Con(() => MarcoPresupuestal.Verificar(creditos, [], [new EjecucionPresupuestal(1, 2024, 2, Clave(), 150m, 0m)]),
            "El certificado de fuente 2 Recursos Directamente Recaudados, genérica 2.3 (150) supera su PIM (100).");
    }

    [Fact]
    public void Modificacion_FechadaDentroDelAnioYNoFutura_ConDocumentoYMontoDistintoDeCero()
    {
        Rechazo.Con(() => _ = new ModificacionPresupuestaria(1, 2024, Clave(), "RA 1", new(2023, 12, 31), 10m, Hoy),
            "Fecha 31/12/2023: la modificación debe estar fechada dentro de 2024.");
        Rechazo.Con(() => _ = new ModificacionPresupuestaria(1, 2024, Clave(), "RA 1", new(2024, 8, 16), 10m, Hoy),
            "Fecha 16/08/2024: es posterior a hoy (15/08/2024).");
        Rechazo.Con(() => _ = new ModificacionPresupuestaria(1, 2024, Clave(), " ", new(2024, 8, 1), 10m, Hoy), "documento");
        Rechazo.Con(() => _ = new ModificacionPresupuestaria(1, 2024, Clave(), "RA 1", new(2024, 8, 1), 0m, Hoy),
            "Monto: una modificación de 0 no cambia el PIM");
    }

    [Fact]
    public void MontosNegativosYMesFueraDeRango_SeRechazanNombrandoElDato()
    {
        Rechazo.Con(() => _ = new CreditoPresupuestario(1, 2024, Clave(), -1m), "PIA de fuente 2 Recursos Directamente Recaudados, genérica 2.3: no puede ser negativo.");
        Rechazo.Con(() => _ = new EjecucionPresupuestal(1, 2024, 13, Clave(), 0, 0), "Mes 13: debe ser de 1 (enero) a 12 (diciembre).");
        Rechazo.Con(() => _ = new EjecucionPresupuestal(1, 2024, 3, Clave(), 0, -5), "Devengado de fuente 2 Recursos Directamente Recaudados, genérica 2.3, mes 3: no puede ser negativo.");
        Rechazo.Con(() => _ = new EjecucionPresupuestal(1, 2024, 3, Clave(), -5, 0), "Certificado de fuente 2 Recursos Directamente Recaudados, genérica 2.3, mes 3: no puede ser negativo.");
    }
}
