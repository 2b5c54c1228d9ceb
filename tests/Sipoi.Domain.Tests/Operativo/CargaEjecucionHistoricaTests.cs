using Sipoi.Domain.Operativo;
using Sipoi.Domain.Seguimiento;

namespace Sipoi.Domain.Tests.Operativo;

public class CargaEjecucionHistoricaTests
{
    [Theory]
    [InlineData(EstadoSeguimiento.Pendiente)]
    [InlineData(EstadoSeguimiento.Observado)]
    public void MesAbierto_TomaElValorDelLibro(EstadoSeguimiento estado)
    {
        Assert.Equal(CargaEjecucionHistorica.Resultado.Cargar, CargaEjecucionHistorica.Decidir(estado, 250m, 300m));
        Assert.Equal(CargaEjecucionHistorica.Resultado.Cargar, CargaEjecucionHistorica.Decidir(estado, null, 0m));
    }

    [Theory]
    [InlineData(EstadoSeguimiento.Enviado)]
    [InlineData(EstadoSeguimiento.Validado)]
    [InlineData(EstadoSeguimiento.Aprobado)]
    public void MesCerrado_ConElMismoValorQuedaIgual_ConOtroSeRechaza(EstadoSeguimiento estado)
    {
        Assert.Equal(CargaEjecucionHistorica.Resultado.YaEsta, CargaEjecucionHistorica.Decidir(estado, 300m, 300m));
        Assert.Equal(CargaEjecucionHistorica.Resultado.YaEsta, CargaEjecucionHistorica.Decidir(estado, 21.3333m, 21.33333m)); // 4 decimals kept
        Assert.Equal(CargaEjecucionHistorica.Resultado.Rechazar, CargaEjecucionHistorica.Decidir(estado, 300m, 301m));
        Assert.Equal(CargaEjecucionHistorica.Resultado.Rechazar, CargaEjecucionHistorica.Decidir(estado, null, 0m));
    }

    [Fact]
    public void Motivo_NombraActividadMesCentroYEstado()
    {
        Assert.Equal("La actividad FP22-01, enero: el libro trae 2, pero el seguimiento de enero del centro 01.02 está aprobado y tiene 1; " +
                     "una carga de ejecución histórica no cambia un mes enviado o aprobado.",
            CargaEjecucionHistorica.Motivo("FP22-01", "01.02", 1, EstadoSeguimiento.Aprobado, 1m, 2m));
        Assert.Equal("La actividad X, marzo: el libro trae 1,234.5, pero el seguimiento de marzo del centro 01 está enviado y no tiene ejecución registrada; " +
                     "una carga de ejecución histórica no cambia un mes enviado o aprobado.",
            CargaEjecucionHistorica.Motivo("X", "01", 3, EstadoSeguimiento.Enviado, null, 1234.5m));
    }

    [Fact]
    public void ValorNegativo_SeRechaza() =>
        Rechazo.Con(() => CargaEjecucionHistorica.Decidir(EstadoSeguimiento.Pendiente, null, -1m), "La ejecución no puede ser negativa.");
}
