using Sipoi.Domain.Formulacion;
using Sipoi.Domain.Operativo;
using Sipoi.Domain.Periodos;

namespace Sipoi.Domain.Tests.Formulacion;

public class ConsistenciaYDiferenciaTests
{
    [Fact]
    public void Consistencia_ListaCadaCentroConSuDiferencia_YSoloBloqueaElExceso()
    {
        var filas = ConsistenciaPresupuestal.Verificar(
            new Dictionary<string, decimal> { ["01.02"] = 125_000m, ["02.01"] = 80_000m, ["03.01"] = 10_000m, ["04.01"] = 50_000m },
            new Dictionary<string, decimal> { ["01.02"] = 100_000m, ["02.01"] = 100_000m, ["04.01"] = 50_000m, ["05.01"] = 7_000m },
            new Dictionary<string, string> { ["01.02"] = "PLANEAMIENTO" });
        Assert.Equal(["01.02", "02.01", "03.01", "04.01", "05.01"], filas.Select(f => f.Centro));
        Assert.Equal(SituacionTecho.Excede, filas[0].Situacion);
        Assert.Equal(-25_000m, filas[0].Diferencia);
        Assert.Equal("El centro de costo 01.02 programa S/ 125,000.00 y su techo es S/ 100,000.00: excede en S/ 25,000.00.", filas[0].Mensaje);
        Assert.Equal(SituacionTecho.Saldo, filas[1].Situacion);
        Assert.Equal(20_000m, filas[1].Diferencia);
        Assert.Equal(SituacionTecho.SinTecho, filas[2].Situacion);
        Assert.Equal(SituacionTecho.Igual, filas[3].Situacion);
        Assert.Equal(SituacionTecho.Saldo, filas[4].Situacion);
        Assert.Equal(0m, filas[4].Programado);
        Assert.Single(ConsistenciaPresupuestal.Bloqueos(filas));
        Assert.False(ConsistenciaPresupuestal.Exigible(TipoVersionPoi.Multianual));
        Assert.True(ConsistenciaPresupuestal.Exigible(TipoVersionPoi.Anual));
        Assert.True(ConsistenciaPresupuestal.Exigible(TipoVersionPoi.Modificado));
    }

    private static ActividadEnVersion A(string codigo, decimal[] fisico, decimal[]? soles = null, Comportamiento c = Comportamiento.Suma) =>
        new(codigo, "Actividad " + codigo, "01.02", c, 1, fisico, soles ?? new decimal[12]);

    [Fact]
    public void Diferencia_AgregadasRetiradasYCeldasCambiadas()
    {
        decimal[] base1 = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];
        decimal[] cambiada = [1, 1, 1, 1, 1, 1, 0, 0, 2, 1, 1, 1];
        var soles = new decimal[12]; soles[0] = 100;
        var d = DiferenciaVersiones.Comparar(
            [A("X-01", base1), A("X-02", base1), A("X-03", base1), A("X-04", base1)],
            [A("X-01", base1), A("X-02", cambiada), A("X-04", base1, soles), A("X-05", base1)]);
        Assert.Equal(["X-05"], d.Agregadas.Select(f => f.Codigo));
        Assert.Equal(["X-03"], d.Retiradas.Select(f => f.Codigo));
        Assert.Equal(["X-02", "X-04"], d.Modificadas.Select(f => f.Codigo));
        Assert.Equal(1, d.SinCambio);
        var x2 = d.Modificadas.First();
        Assert.Equal([7, 8, 9], x2.MesesFisico.Order());
        Assert.Equal(12m, x2.Antes!.MetaAnual);
        Assert.Equal(11m, x2.Despues!.MetaAnual);
        Assert.Equal([1], d.Modificadas.Last().MesesFinanciero);
        Assert.Empty(d.Modificadas.Last().MesesFisico);
    }

    [Fact]
    public void Diferencia_CambioDeComportamiento_EsModificada()
    {
        decimal[] m = [21, 21, 21, 21, 21, 21, 21, 21, 21, 21, 21, 21];
        var d = DiferenciaVersiones.Comparar([A("P", m)], [A("P", m, c: Comportamiento.Promedio)]);
        var f = Assert.Single(d.Modificadas);
        Assert.True(f.CambioComportamiento);
        Assert.Equal(252m, f.Antes!.MetaAnual);
        Assert.Equal(21m, f.Despues!.MetaAnual);
    }
}
