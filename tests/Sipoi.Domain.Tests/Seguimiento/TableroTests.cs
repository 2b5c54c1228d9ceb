using Sipoi.Domain.Seguimiento;
using static Sipoi.Domain.Tests.Seguimiento.Datos;

namespace Sipoi.Domain.Tests.Seguimiento;

public class TableroTests
{
    private static readonly DateOnly Plazo = Dia(2024, 2, 10);

    [Theory]
    [InlineData(EstadoSeguimiento.Pendiente, 10, EstadoTablero.Pendiente)]
    [InlineData(EstadoSeguimiento.Pendiente, 11, EstadoTablero.Atrasado)]
    [InlineData(EstadoSeguimiento.Observado, 10, EstadoTablero.Observado)]
    [InlineData(EstadoSeguimiento.Observado, 11, EstadoTablero.Atrasado)]
    [InlineData(EstadoSeguimiento.Enviado, 11, EstadoTablero.Enviado)]
    [InlineData(EstadoSeguimiento.Aprobado, 11, EstadoTablero.Aprobado)]
    [InlineData(EstadoSeguimiento.Enviado, 5, EstadoTablero.Enviado)]
    public void Tablero_AtrasadoEsNoEnviadoNiAprobadoConElPlazoVencido(EstadoSeguimiento estado, int diaFebrero, EstadoTablero esperado) =>
        Assert.Equal(esperado, TableroEntregas.Estado(estado, Plazo, Dia(2024, 2, diaFebrero)));

    [Fact]
    public void Tablero_MesSinSeguimientoTodaviaEsPendienteYLuegoAtrasado()
    {
        Assert.Equal(EstadoTablero.Pendiente, TableroEntregas.Estado(Enero2024, null, Config, Dia(2024, 2, 10)));
        Assert.Equal(EstadoTablero.Atrasado, TableroEntregas.Estado(Enero2024, null, Config, Dia(2024, 2, 11)));
    }

    [Fact]
    public void Tablero_ReaperturaQuitaElAtraso()
    {
        var s = NuevoSeguimiento();
        Assert.Equal(EstadoTablero.Atrasado, s.EstadoTablero(Config, Dia(2024, 2, 12)));
        s.Reabrir("Corte de energía", Dia(2024, 2, 20), "planificador", En(2024, 2, 12));
        Assert.Equal(EstadoTablero.Pendiente, s.EstadoTablero(Config, Dia(2024, 2, 12)));
        Assert.Equal(EstadoTablero.Pendiente, TableroEntregas.Estado(Enero2024, s, Config, Dia(2024, 2, 20)));
        Assert.Equal(EstadoTablero.Atrasado, TableroEntregas.Estado(Enero2024, s, Config, Dia(2024, 2, 21)));
    }

    [Fact]
    public void Tablero_TieneCodigosEnMinusculas() =>
        Assert.Equal(["pendiente", "enviado", "observado", "aprobado", "atrasado", "validado"], Enum.GetValues<EstadoTablero>().Select(e => e.Codigo()));
}
