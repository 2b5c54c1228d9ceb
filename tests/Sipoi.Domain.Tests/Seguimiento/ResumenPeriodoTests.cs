using Sipoi.Domain.Seguimiento;
using static Sipoi.Domain.Tests.Seguimiento.Datos;

namespace Sipoi.Domain.Tests.Seguimiento;

public class ResumenPeriodoTests
{
    [Fact]
    public void PeriodoQueCierra_SoloMarzoJunioSetiembreYDiciembre()
    {
        Assert.Equal(["T1", "T2", "T3", "T4"], new[] { 3, 6, 9, 12 }.Select(m => ResumenPeriodo.PeriodoQueCierra(m)!.Value.Codigo));
        Assert.All(new[] { 1, 2, 4, 5, 7, 8, 10, 11 }, m => Assert.Null(ResumenPeriodo.PeriodoQueCierra(m)));
    }

    [Fact]
    public void EnvioDeMarzo_SinResumen_SeRechazaConSuMensaje()
    {
        var s = NuevoSeguimiento(mes: 3);
        var e = Rechazo.Con(() => s.Enviar([], Config, "  ", "operador", En(2024, 3, 31)),
            "Marzo de 2024 cierra el I Trimestre: falta el resumen del periodo (factores que contribuyeron o dificultaron el cumplimiento).");
        Assert.Equal(EstadoSeguimiento.Pendiente, s.Estado);
        var p = Assert.Single(s.ProblemasParaEnviar([], Config, null));
        Assert.Equal(ResumenPeriodo.Campo, p.Campo);
        Assert.Equal("", p.CodigoActividad);
        Assert.Contains("No se puede enviar el seguimiento de marzo de 2024", e.Message);
    }

    [Fact]
    public void EnvioDeJunio_NombraTrimestreYSemestre() =>
        Assert.Contains("cierra el II Trimestre y el I Semestre",
            Assert.Single(NuevoSeguimiento(mes: 6).ProblemasParaEnviar([], Config, null)).Mensaje);

    [Fact]
    public void EnvioDeMarzo_ConResumen_SeAcepta()
    {
        var s = NuevoSeguimiento(mes: 3);
        s.Enviar([], Config, "Se cumplió gracias a la campaña de verano.", "operador", En(2024, 3, 31));
        Assert.Equal(EstadoSeguimiento.Enviado, s.Estado);
    }

    [Fact]
    public void EnvioDeEnero_NoPideResumen() =>
        Assert.Empty(NuevoSeguimiento(mes: 1).ProblemasParaEnviar([], Config, null));

    [Fact]
    public void Resumen_EnUnMesQueNoCierraTrimestre_SeRechaza() =>
        Rechazo.Con(() => _ = new ResumenPeriodo(1, 3, 2024, 7, 4, "Texto", "operador", En(2024, 4, 30)),
            "Abril no cierra un trimestre");

    [Fact]
    public void Resumen_GuardaElTrimestreYElTextoRecortado()
    {
        var r = new ResumenPeriodo(1, 3, 2024, 7, 9, "  Lluvias retrasaron las obras.  ", "operador", En(2024, 9, 30));
        Assert.Equal("T3", r.PeriodoCodigo);
        Assert.Equal(9, r.Mes);
        Assert.Equal("Lluvias retrasaron las obras.", r.Texto);
        Rechazo.Con(() => r.Escribir(new string('x', 4001), "operador", En(2024, 9, 30)), "el resumen del periodo admite hasta 4,000 caracteres");
        Assert.Equal("Lluvias retrasaron las obras.", r.Texto);
    }
}
