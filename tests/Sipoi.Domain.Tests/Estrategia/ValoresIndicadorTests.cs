using Sipoi.Domain.Estrategia;

namespace Sipoi.Domain.Tests.Estrategia;

/// <summary>Obtained values registered by the responsible centre, validated or observed by the planning office.</summary>
public sealed class ValoresIndicadorTests
{
    private static Indicador Nuevo()
    {
        var i = new Indicador(1, "IND.01", "Cobertura de agua potable", "Porcentaje", Sentido.Ascendente, centroCostoResponsableId: 5);
        i.FijarLogroEsperado(2024, 100);
        return i;
    }

    [Fact]
    public void ValorDelResponsable_EsperaValidacionYNoCuenta()
    {
        var i = Nuevo();
        Assert.True(i.RegistrarValorDelResponsable(2024, PeriodoIndicador.Semestre1, 45));
        var m = i.Medicion(2024, PeriodoIndicador.Semestre1)!;
        Assert.Equal(EstadoValorIndicador.Registrado, m.Estado);
        Assert.Equal(45m, m.ValorObtenido);
        Assert.Null(m.ValorQueCuenta);

        i.ValidarValor(2024, PeriodoIndicador.Semestre1);
        Assert.Equal(45m, m.ValorQueCuenta);
    }

    [Fact]
    public void ValorDeLaOficina_QuedaValidadoAlInstante()
    {
        var i = Nuevo();
        i.RegistrarValorObtenido(2024, PeriodoIndicador.Anual, 80);
        Assert.Equal(EstadoValorIndicador.Validado, i.Medicion(2024, PeriodoIndicador.Anual)!.Estado);
        Assert.Equal(80m, i.Medicion(2024, PeriodoIndicador.Anual)!.ValorQueCuenta);
    }

    [Fact]
    public void ValorSinCambio_ConservaSuEstado()
    {
        var i = Nuevo();
        i.RegistrarValorDelResponsable(2024, PeriodoIndicador.Anual, 70);
        // The office re-saving the indicator's form with the same number does not validate it on the side.
        i.RegistrarValorObtenido(2024, PeriodoIndicador.Anual, 70);
        Assert.Equal(EstadoValorIndicador.Registrado, i.Medicion(2024, PeriodoIndicador.Anual)!.Estado);

        i.ValidarValor(2024, PeriodoIndicador.Anual);
        Assert.False(i.RegistrarValorDelResponsable(2024, PeriodoIndicador.Anual, 70));
        Assert.Equal(EstadoValorIndicador.Validado, i.Medicion(2024, PeriodoIndicador.Anual)!.Estado);

        Assert.True(i.RegistrarValorDelResponsable(2024, PeriodoIndicador.Anual, 75));
        Assert.Equal(EstadoValorIndicador.Registrado, i.Medicion(2024, PeriodoIndicador.Anual)!.Estado);
    }

    [Fact]
    public void Observar_GuardaElComentarioYLaEvidenciaNuevaLoDevuelveAlaOficina()
    {
        var i = Nuevo();
        i.RegistrarValorDelResponsable(2024, PeriodoIndicador.Semestre2, 60);
        i.ObservarValor(2024, PeriodoIndicador.Semestre2, "Adjunte el reporte del SUNASS");
        var m = i.Medicion(2024, PeriodoIndicador.Semestre2)!;
        Assert.Equal(EstadoValorIndicador.Observado, m.Estado);
        Assert.Equal("Adjunte el reporte del SUNASS", m.Observacion);
        Assert.Null(m.ValorQueCuenta);

        Assert.True(i.RegistrarValorDelResponsable(2024, PeriodoIndicador.Semestre2, 60, conEvidenciaNueva: true));
        Assert.Equal(EstadoValorIndicador.Registrado, m.Estado);
        Assert.Null(m.Observacion);
    }

    [Fact]
    public void Observar_SinComentario_SeRechaza()
    {
        var i = Nuevo();
        i.RegistrarValorDelResponsable(2024, PeriodoIndicador.Anual, 60);
        Rechazo.Con<ReglaDominioException>(() => i.ObservarValor(2024, PeriodoIndicador.Anual, "  "),
            "Indicador IND.01, año 2024: escriba el comentario de la observación.");
    }

    [Fact]
    public void Validar_SinValorRegistrado_SeRechaza() =>
        Rechazo.Con<ReglaDominioException>(() => Nuevo().ValidarValor(2024, PeriodoIndicador.Semestre1),
            "Indicador IND.01, I semestre 2024: no hay valor obtenido registrado que revisar.");

    [Fact]
    public void LeerValor_Ilegible_NombraIndicadorYCelda()
    {
        Assert.Equal((1234.5m, null), Indicador.LeerValor("1,234.50", "IND.01", 2024, PeriodoIndicador.Anual));
        Assert.Equal((null, null), Indicador.LeerValor(" ", "IND.01", 2024, PeriodoIndicador.Anual));
        var (_, error) = Indicador.LeerValor("doce", "IND.01", 2024, PeriodoIndicador.Semestre2);
        Assert.StartsWith("Indicador IND.01, II semestre 2024: «doce» no es un número", error, StringComparison.Ordinal);
    }
}
