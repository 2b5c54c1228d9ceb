using Sipoi.Domain.Periodos;

namespace Sipoi.Domain.Tests.Periodos;

public class AgregacionTests
{
    private static decimal[] Meses(params decimal[] m)
    {
        var r = new decimal[12];
        m.CopyTo(r, 0);
        return r;
    }

    private static decimal?[] Registrado(params decimal?[] m)
    {
        var r = new decimal?[12];
        m.CopyTo(r, 0);
        return r;
    }

    [Fact]
    public void Suma_ElPeriodoSumaSusMeses()
    {
        var p = Meses(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        Assert.Equal(78m, Agregacion.Programado(Comportamiento.Suma, p, Periodo.Anual));
        Assert.Equal(15m, Agregacion.Programado(Comportamiento.Suma, p, Periodo.Trimestre(2)));
        Assert.Equal(57m, Agregacion.Programado(Comportamiento.Suma, p, Periodo.Semestre(2)));
        Assert.Equal(10m, Agregacion.Programado(Comportamiento.Suma, p, Periodo.AcumuladoAl(4)));
        Assert.Equal(9m, Agregacion.Programado(Comportamiento.Suma, p, Periodo.Mes(9)));
    }

    [Fact]
    public void Promedio_MetaEsLaMediaDeLosMesesConMeta()
    {
        var p = Meses(21, 21, 21, 0, 0, 21);
        Assert.Equal(21m, Agregacion.Programado(Comportamiento.Promedio, p, Periodo.Anual));
        Assert.Equal(0m, Agregacion.Programado(Comportamiento.Promedio, p, Periodo.Trimestre(3)));
    }

    [Fact]
    public void Promedio_EjecutadoEsLaMediaDeLosMesesRegistradosIncluidoElCero()
    {
        var e = Registrado(20, null, 0, 22);
        Assert.Equal(14m, Agregacion.Ejecutado(Comportamiento.Promedio, e, Periodo.Anual));
    }

    [Fact]
    public void Promedio_MesesEjecutadosSinMetaEntranEnLaMediaEjecutada()
    {
        // README "Decision": target 21 in Jan–Jun only, 20 observed every month → 21 programmed, 20 executed.
        var p = Meses(21, 21, 21, 21, 21, 21);
        var e = Registrado(20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20);
        Assert.Equal(21m, Agregacion.Programado(Comportamiento.Promedio, p, Periodo.Anual));
        Assert.Equal(20m, Agregacion.Ejecutado(Comportamiento.Promedio, e, Periodo.Anual));
        var e2 = Registrado(20, 20, 20, 20, 20, 20, 26, 26, 26, 26, 26, 26);
        Assert.Equal(23m, Agregacion.Ejecutado(Comportamiento.Promedio, e2, Periodo.Anual));
        Assert.Equal(0m, Agregacion.Programado(Comportamiento.Promedio, p, Periodo.Semestre(2)));
    }

    [Fact]
    public void Ultimo_TomaElUltimoMesConValor()
    {
        var p = Meses(0, 0, 25, 0, 0, 50, 0, 0, 75, 0, 0, 100);
        Assert.Equal(100m, Agregacion.Programado(Comportamiento.Ultimo, p, Periodo.Anual));
        Assert.Equal(50m, Agregacion.Programado(Comportamiento.Ultimo, p, Periodo.Semestre(1)));
        var e = Registrado(null, null, 30, null, null, 45);
        Assert.Equal(45m, Agregacion.Ejecutado(Comportamiento.Ultimo, e, Periodo.Anual));
        Assert.Equal(30m, Agregacion.Ejecutado(Comportamiento.Ultimo, e, Periodo.Trimestre(1)));
    }

    [Fact]
    public void Maximo_TomaElMesMasAlto()
    {
        Assert.Equal(9m, Agregacion.Programado(Comportamiento.Maximo, Meses(3, 9, 4), Periodo.Anual));
        Assert.Equal(7m, Agregacion.Ejecutado(Comportamiento.Maximo, Registrado(7, null, 2), Periodo.Anual));
        Assert.Equal(0m, Agregacion.Ejecutado(Comportamiento.Maximo, Registrado(0, null, 0), Periodo.Anual));
    }

    [Theory]
    [InlineData(Comportamiento.Suma)]
    [InlineData(Comportamiento.Promedio)]
    [InlineData(Comportamiento.Ultimo)]
    [InlineData(Comportamiento.Maximo)]
    public void SinMesesRegistrados_ElEjecutadoEsNulo(Comportamiento c)
    {
        Assert.Null(Agregacion.Ejecutado(c, Registrado(5), Periodo.Trimestre(2)));
        Assert.Equal(0m, Agregacion.Programado(c, Meses(5), Periodo.Trimestre(2)));
    }

    [Fact]
    public void RegistradoEnCero_EsUnValorYNoUnVacio() =>
        Assert.Equal(0m, Agregacion.Ejecutado(Comportamiento.Suma, Registrado(0), Periodo.Mes(1)));

    [Fact]
    public void Meses_SeExigenDoce()
    {
        Rechazo.Con<ArgumentException>(() => Agregacion.Programado(Comportamiento.Suma, new decimal[11], Periodo.Anual), "Se esperan 12 meses y llegaron 11.");
        Rechazo.Con<ArgumentException>(() => Agregacion.Ejecutado(Comportamiento.Suma, new decimal?[13], Periodo.Anual), "Se esperan 12 meses y llegaron 13.");
    }

    [Theory]
    [InlineData("M01", 1, 1)]
    [InlineData("m12", 12, 12)]
    [InlineData("A09", 1, 9)]
    [InlineData("T1", 1, 3)]
    [InlineData("T4", 10, 12)]
    [InlineData("S1", 1, 6)]
    [InlineData("S2", 7, 12)]
    [InlineData("ANUAL", 1, 12)]
    public void Periodo_CodigoDaSuRangoDeMeses(string codigo, int desde, int hasta)
    {
        var p = Periodo.Parse(codigo);
        Assert.Equal(desde, p.Desde);
        Assert.Equal(hasta, p.Hasta);
        Assert.Equal(codigo.ToUpperInvariant(), p.Codigo);
    }

    [Theory]
    [InlineData("M13")]
    [InlineData("M1")]
    [InlineData("T5")]
    [InlineData("S3")]
    [InlineData("A00")]
    [InlineData("")]
    [InlineData("X1")]
    public void Periodo_CodigoInvalido_SeRechaza(string codigo)
    {
        Assert.False(Periodo.TryParse(codigo, out _));
        Rechazo.Con<FormatException>(() => Periodo.Parse(codigo), $"Periodo no válido: «{codigo}». Use M01…M12, T1…T4, S1, S2, ANUAL o A01…A12.");
    }

    [Fact]
    public void Periodo_NombresEnCastellano()
    {
        Assert.Equal("III Trimestre", Periodo.Trimestre(3).Nombre);
        Assert.Equal("Setiembre", Periodo.Mes(9).Nombre);
        Assert.Equal("Acumulado a setiembre", Periodo.AcumuladoAl(9).Nombre);
        Assert.Equal("Anual", Periodo.Anual.Nombre);
    }
}
