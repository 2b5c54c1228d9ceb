using Sipoi.Domain.Formulacion;
using Sipoi.Domain.Operativo;
using Sipoi.Domain.Periodos;

namespace Sipoi.Domain.Tests.Formulacion;

public class ProgramacionTests
{
    private static readonly decimal[] Trimestral = [1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0];

    private static PropuestaProgramacion Propuesta(Comportamiento c, decimal anual, decimal[] meses, int? inicio = 1, int? fin = 12,
        params FinancieroGenerica[] financiero) => new(c, 1, anual, meses, financiero, inicio, fin);

    [Fact]
    public void MesesYAnual_Coinciden_SinProblemas() =>
        Assert.Empty(Propuesta(Comportamiento.Suma, 4, Trimestral).Problemas("A-01"));

    [Theory]
    [InlineData("suma", 5, "La meta anual 5 no coincide con los meses (suma = 4)")]
    [InlineData("promedio", 4, "La meta anual 4 no coincide con los meses (promedio = 1)")]
    [InlineData("maximo", 4, "La meta anual 4 no coincide con los meses (máximo = 1)")]
    public void MesesYAnual_NoCoinciden_SeRechazaSegunElComportamiento(string comportamiento, decimal anual, string mensaje)
    {
        _ = ComportamientoTexto.TryParse(comportamiento, out var c);
        var p = Assert.Single(Propuesta(c, anual, Trimestral).Problemas("A-01"));
        Assert.Equal("MetaAnual", p.Campo);
        Assert.StartsWith("Actividad A-01: " + mensaje, p.Mensaje);
    }

    [Fact]
    public void Promedio_PresionEnTodosLosMeses_Anual21()
    {
        var meses = Enumerable.Repeat(21m, 12).ToArray();
        Assert.Empty(Propuesta(Comportamiento.Promedio, 21, meses).Problemas("A-02"));
        var (trimestres, anual) = PropuestaProgramacion.Subtotales(Comportamiento.Promedio, meses);
        Assert.Equal([21m, 21m, 21m, 21m], trimestres);
        Assert.Equal(21m, anual);
    }

    [Fact]
    public void Ultimo_CatalogoHasta100_SubtotalesPorTrimestre()
    {
        decimal[] meses = [0, 0, 25, 0, 0, 50, 0, 0, 75, 0, 0, 100];
        Assert.Empty(Propuesta(Comportamiento.Ultimo, 100, meses).Problemas("A-03"));
        Assert.Equal([25m, 50m, 75m, 100m], PropuestaProgramacion.Subtotales(Comportamiento.Ultimo, meses).Trimestres);
    }

    [Fact]
    public void MetaFueraDelPeriodoDeEjecucion_SeRechazaPorMes()
    {
        var p = Propuesta(Comportamiento.Suma, 4, Trimestral, inicio: 3, fin: 12).Problemas("A-01");
        var x = Assert.Single(p);
        Assert.Equal("Fisico[0]", x.Campo);
        Assert.Contains("enero: tiene meta pero la actividad va de marzo a diciembre", x.Mensaje);
    }

    [Fact]
    public void SinMetas_NegativasYGenericasMal_SeListanTodas()
    {
        Assert.Contains(Propuesta(Comportamiento.Suma, 0, new decimal[12]).Problemas("A-01"), p => p.Mensaje.Contains("al menos un mes"));
        decimal[] negativa = [1, -1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        var p = Propuesta(Comportamiento.Suma, 0, negativa, 1, 12,
            new FinancieroGenerica("2.3", new decimal[12]), new FinancieroGenerica("2.3", new decimal[12]), new FinancieroGenerica("bienes", new decimal[12]))
            .Problemas("A-01");
        Assert.Contains(p, x => x.Campo == "Fisico[1]" && x.Mensaje.Contains("no puede ser negativa"));
        Assert.Contains(p, x => x.Campo == "Financiero[1].Generica" && x.Mensaje.Contains("aparece dos veces"));
        Assert.Contains(p, x => x.Campo == "Financiero[2].Generica" && x.Mensaje.Contains("«bienes» no es válida"));
    }

    [Fact]
    public void Reprogramar_GuardaGenericasYTotalMensual()
    {
        var p = new ProgramacionActividad(1, 2, 3, Comportamiento.Suma, 1, Trimestral);
        var g23 = new decimal[12]; g23[0] = 1000; g23[3] = 500;
        var g26 = new decimal[12]; g26[0] = 250;
        p.Reprogramar(Comportamiento.Maximo, 2, Trimestral, [new("2.3", g23), new("2.6", g26)]);
        Assert.Equal(Comportamiento.Maximo, p.Comportamiento);
        Assert.Equal(2, p.Peso);
        Assert.Equal(1250m, p.ProgramadoFinanciero()[0]);
        Assert.Equal(500m, p.ProgramadoFinanciero()[3]);
        Assert.Equal(3, p.Financiera.Count);
        var porGenerica = p.FinancieroPorGenerica();
        Assert.Equal(["2.3", "2.6"], porGenerica.Select(g => g.Generica));
        // Dropping 2.6 removes its rows; months are updated in place (still 12).
        p.Reprogramar(Comportamiento.Suma, 1, Trimestral, [new("2.3", g23)]);
        Assert.Equal(2, p.Financiera.Count);
        Assert.Equal(12, p.Metas.Count);
        Assert.Equal(1000m, p.ProgramadoFinanciero()[0]);
    }

    [Fact]
    public void CopiarPara_LlevaMetasGenericasYProyeccionesSoloSiSePide()
    {
        var p = new ProgramacionActividad(1, 2, 3, Comportamiento.Suma, 1, Trimestral);
        var g = new decimal[12]; g[5] = 80;
        p.Reprogramar(Comportamiento.Suma, 1, Trimestral, [new("2.3", g)]);
        p.Proyectar([(2026, 5, 100), (2027, 6, 120)]);
        var copia = p.CopiarPara(9, 10, conProyecciones: true);
        Assert.Equal((9, 10), (copia.ActividadId, copia.PoiVersionId));
        Assert.Equal(Trimestral, copia.ProgramadoFisico());
        Assert.Equal(80m, Assert.Single(copia.Financiera).Monto);
        Assert.Equal(2, copia.Proyecciones.Count);
        Assert.Empty(p.CopiarPara(9, 11, conProyecciones: false).Proyecciones);
    }
}
