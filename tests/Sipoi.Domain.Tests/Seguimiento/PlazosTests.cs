using Sipoi.Domain.Organizacion;
using Sipoi.Domain.Seguimiento;
using static Sipoi.Domain.Tests.Seguimiento.Datos;

namespace Sipoi.Domain.Tests.Seguimiento;

public class PlazosTests
{
    [Fact]
    public void Cierre_EsDiezDiasDespuesDelFinDeMes()
    {
        Assert.Equal(Dia(2024, 2, 10), Plazos.Cierre(Enero2024, Config));
        Assert.Equal(Dia(2024, 3, 10), Plazos.Cierre(new MesDelAnio(2024, 2), Config)); // 29 Feb 2024 + 10
        Assert.Equal(Dia(2025, 1, 10), Plazos.Cierre(new MesDelAnio(2024, 12), Config));
    }

    [Fact]
    public void Cierre_UsaLosDiasDeCierreDeLaEntidad()
    {
        var config = Config with { DiasCierre = 5 };
        Assert.Equal(Dia(2024, 2, 5), Plazos.Cierre(Enero2024, config));
        Assert.Equal(Dia(2024, 1, 31), Plazos.Cierre(Enero2024, 0));
    }

    [Fact]
    public void Cierre_DiasNegativos_SeRechaza() =>
        Rechazo.Con(() => Plazos.Cierre(Enero2024, -1), "Los días de cierre van de 0 a 366.");

    [Fact]
    public void Vencido_ElDiaDelPlazoTodaviaEstaAbierto()
    {
        Assert.False(Plazos.Vencido(Dia(2024, 2, 10), Dia(2024, 2, 10)));
        Assert.True(Plazos.Vencido(Dia(2024, 2, 10), Dia(2024, 2, 11)));
    }

    [Fact]
    public void Hoy_EsLaFechaDePeru()
    {
        // 03:00 UTC on 11 Feb is still 10 Feb in Lima.
        Assert.Equal(Dia(2024, 2, 10), Plazos.Hoy(new DateTimeOffset(2024, 2, 11, 3, 0, 0, TimeSpan.Zero)));
        Assert.Equal(Dia(2024, 2, 11), Plazos.Hoy(new DateTimeOffset(2024, 2, 11, 5, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void MensajeVencido_NombraMesYFecha() =>
        Assert.Equal("El plazo para registrar enero de 2024 venció el 10/02/2024.", Plazos.MensajeVencido(Enero2024, Dia(2024, 2, 10)));

    [Fact]
    public void Vigente_LaReaperturaSoloAlargaElPlazo()
    {
        var r = Reapertura.Crear("Corte de luz", Dia(2024, 2, 20), "opp", En(2024, 2, 12));
        Assert.Equal(Dia(2024, 2, 20), Plazos.Vigente(Dia(2024, 2, 10), r));
        Assert.Equal(Dia(2024, 2, 25), Plazos.Vigente(Dia(2024, 2, 25), r));
        Assert.Equal(Dia(2024, 2, 10), Plazos.Vigente(Dia(2024, 2, 10), null));
    }

    [Fact]
    public void MesDelAnio_ConoceSusDiasYSuNombre()
    {
        var m = new MesDelAnio(2024, 9);
        Assert.Equal(Dia(2024, 9, 1), m.PrimerDia);
        Assert.Equal(Dia(2024, 9, 30), m.UltimoDia);
        Assert.Equal("setiembre de 2024", m.Nombre);
    }

    [Theory]
    [InlineData(2024, 0, "Mes no válido: 0.")]
    [InlineData(2024, 13, "Mes no válido: 13.")]
    [InlineData(1999, 1, "Año no válido: 1999.")]
    public void MesDelAnio_FueraDeRango_SeRechaza(int anio, int mes, string mensaje) =>
        Rechazo.Con(() => _ = new MesDelAnio(anio, mes), mensaje);

    [Fact]
    public void Reapertura_SinMotivo_SeRechaza()
    {
        var e = Rechazo.Con(() => Reapertura.Crear("  ", Dia(2024, 2, 20), "opp", En(2024, 2, 12)), "Para reabrir un mes indique el motivo de la reapertura.");
        Assert.Contains("motivo", e.Message);
    }

    [Fact]
    public void Reapertura_ConPlazoHoyOPasado_SeRechaza()
    {
        var e = Rechazo.Con(() => Reapertura.Crear("Corte de luz", Dia(2024, 2, 12), "opp", En(2024, 2, 12)), "El nuevo plazo (12/02/2024) debe ser posterior a hoy (12/02/2024).");
        Assert.Equal("El nuevo plazo (12/02/2024) debe ser posterior a hoy (12/02/2024).", e.Message);
    }

    [Fact]
    public void Reapertura_GuardaQuienCuandoYPorQue()
    {
        var ahora = En(2024, 2, 12);
        var r = Reapertura.Crear("  Corte de luz  ", Dia(2024, 2, 20), " opp ", ahora);
        Assert.Equal("Corte de luz", r.Motivo);
        Assert.Equal("opp", r.Usuario);
        Assert.Equal(ahora, r.Fecha);
        Assert.Equal(Dia(2024, 2, 20), r.NuevoPlazo);
    }

    [Fact]
    public void ConfiguracionPorDefecto_CierraALosDiezDias() =>
        Assert.Equal(10, ConfiguracionEntidad.PorDefecto().DiasCierre);
}
