using Sipoi.Domain.Periodos;
using Sipoi.Domain.Seguimiento;

namespace Sipoi.Domain.Tests.Seguimiento;

public class CompletitudTests
{
    private static readonly CentroEsperado A = new("01.01", "Gerencia General");
    private static readonly CentroEsperado B = new("01.02", "Oficina de Planeamiento");

    private static IEnumerable<EstadoMesCentro> Meses(string centro, int desde, int hasta, EstadoSeguimiento estado) =>
        Enumerable.Range(desde, hasta - desde + 1).Select(m => new EstadoMesCentro(centro, m, estado));

    [Fact]
    public void Completitud_AnualConNoviembreYDiciembreSinAprobar_ListaEsosMesesPorCentro()
    {
        var estados = Meses("01.01", 1, 10, EstadoSeguimiento.Aprobado)
            .Concat(Meses("01.02", 1, 10, EstadoSeguimiento.Aprobado))
            .Append(new EstadoMesCentro("01.02", 11, EstadoSeguimiento.Enviado))
            .Append(new EstadoMesCentro("01.01", 12, EstadoSeguimiento.Observado));

        var c = Completitud.Calcular(Periodo.Anual, [B, A], estados, mostrarEnviados: false);

        Assert.False(c.Completa);
        Assert.Equal(24, c.MesesCentro);
        Assert.Equal(4, c.MesesCentroFaltantes);
        Assert.Equal(20, c.MesesCentroContados);
        Assert.Equal(
        [
            new MesCentroFaltante("01.01", "Gerencia General", 11, EstadoSeguimiento.Pendiente),
            new MesCentroFaltante("01.02", "Oficina de Planeamiento", 11, EstadoSeguimiento.Enviado),
            new MesCentroFaltante("01.01", "Gerencia General", 12, EstadoSeguimiento.Observado),
            new MesCentroFaltante("01.02", "Oficina de Planeamiento", 12, EstadoSeguimiento.Pendiente),
        ], c.Faltantes);
        Assert.Equal("Faltan 4 de 24 meses-centro por aprobar: noviembre (2 centros), diciembre (2 centros).", c.Frase);
    }

    [Fact]
    public void Completitud_SoloCuentaLosMesesDelPeriodo()
    {
        var estados = Meses("01.01", 1, 6, EstadoSeguimiento.Aprobado).Concat(Meses("01.02", 1, 5, EstadoSeguimiento.Aprobado));

        var s1 = Completitud.Calcular(Periodo.Semestre(1), [A, B], estados, false);
        var t1 = Completitud.Calcular(Periodo.Trimestre(1), [A, B], estados, false);
        var m6 = Completitud.Calcular(Periodo.Mes(6), [A, B], estados, false);
        var a03 = Completitud.Calcular(Periodo.AcumuladoAl(3), [A, B], estados, false);

        Assert.Equal((12, 1), (s1.MesesCentro, s1.MesesCentroFaltantes));
        Assert.Equal("Falta 1 de 12 meses-centro por aprobar: junio (1 centro).", s1.Frase);
        Assert.True(t1.Completa);
        Assert.Equal("Los 6 meses-centro del periodo están aprobados.", t1.Frase);
        Assert.Equal(new MesCentroFaltante("01.02", "Oficina de Planeamiento", 6, EstadoSeguimiento.Pendiente), Assert.Single(m6.Faltantes));
        Assert.True(a03.Completa);
    }

    [Fact]
    public void Completitud_CentroSinFilasDeSeguimiento_CuentaTodosSusMesesComoPendientes()
    {
        var c = Completitud.Calcular(Periodo.Trimestre(4), [A, B], Meses("01.01", 10, 12, EstadoSeguimiento.Aprobado), false);

        Assert.Equal([10, 11, 12], c.Faltantes.Select(f => f.Mes));
        Assert.All(c.Faltantes, f => Assert.Equal(("01.02", EstadoSeguimiento.Pendiente, "pendiente"), (f.CentroCodigo, f.Estado, f.EstadoCodigo)));
        Assert.Equal("Faltan 3 de 6 meses-centro por aprobar: octubre (1 centro), noviembre (1 centro), diciembre (1 centro).", c.Frase);
    }

    [Fact]
    public void Completitud_ConMostrarEnviados_ElEnviadoCuentaYElObservadoNo()
    {
        var estados = new[]
        {
            new EstadoMesCentro("01.01", 1, EstadoSeguimiento.Enviado),
            new EstadoMesCentro("01.02", 1, EstadoSeguimiento.Observado),
        };

        var conEnviados = Completitud.Calcular(Periodo.Mes(1), [A, B], estados, mostrarEnviados: true);
        var soloAprobados = Completitud.Calcular(Periodo.Mes(1), [A, B], estados, mostrarEnviados: false);

        Assert.Equal(["01.02"], conEnviados.Faltantes.Select(f => f.CentroCodigo));
        Assert.Equal("Falta 1 de 2 meses-centro por enviar: enero (1 centro).", conEnviados.Frase);
        Assert.Equal(["01.01", "01.02"], soloAprobados.Faltantes.Select(f => f.CentroCodigo));
        Assert.Equal(EstadoSeguimiento.Enviado, soloAprobados.Faltantes[0].Estado);
    }

    [Fact]
    public void Completitud_EstadosDeCentrosSinActividades_NoSeEsperanNiSeCuentan()
    {
        var estados = new[] { new EstadoMesCentro("09.99", 1, EstadoSeguimiento.Pendiente), new EstadoMesCentro("01.01", 1, EstadoSeguimiento.Aprobado) };

        var c = Completitud.Calcular(Periodo.Mes(1), [A], estados, false);

        Assert.True(c.Completa);
        Assert.Equal("El único mes-centro del periodo está aprobado.", c.Frase);
    }

    [Fact]
    public void Completitud_SinCentrosConActividades_EsCompletaYLoDice()
    {
        var c = Completitud.Calcular(Periodo.Anual, [], [], false);

        Assert.True(c.Completa);
        Assert.Equal(0, c.MesesCentro);
        Assert.Equal("El periodo no tiene centros de costo con actividades que evaluar.", c.Frase);
    }

    [Fact]
    public void Completitud_CifrasGrandes_ConSeparadorDeMiles()
    {
        var centros = Enumerable.Range(1, 100).Select(i => new CentroEsperado($"{i:000}", $"Centro {i}")).ToList();

        var c = Completitud.Calcular(Periodo.Anual, centros, [], false);

        Assert.StartsWith("Faltan 1,200 de 1,200 meses-centro por aprobar: enero (100 centros), febrero (100 centros)", c.Frase);
    }
}
