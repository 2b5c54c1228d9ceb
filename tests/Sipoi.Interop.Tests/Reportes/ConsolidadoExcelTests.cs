using Sipoi.Domain.Evaluacion;
using Sipoi.Domain.Periodos;
using Sipoi.Interop.Reportes;

namespace Sipoi.Interop.Tests.Reportes;

public class ConsolidadoExcelTests
{
    private static Consolidado Ejemplo()
    {
        var r = DatosReportes.Evaluar(Periodo.Anual);
        var otra = Evaluador.Evaluar(DatosReportes.Pei, new ConfiguracionEvaluacion(EsquemaBandas.Emsapuno), 2024, Periodo.Anual,
            DatosReportes.Actividades.Select(a => a.Evaluable with { Ejecutado = new decimal?[12] }));
        return new Consolidado(2024, "Anual",
        [
            EntidadConsolidada.Desde("MPE", "MUNICIPALIDAD PROVINCIAL DE EJEMPLO", r, DatosReportes.Denominaciones),
            EntidadConsolidada.Desde("EPS", "EPS DE EJEMPLO", otra, DatosReportes.Denominaciones),
        ]);
    }

    [Fact]
    public void Consolidado_UnaFilaPorEntidadYPorOeiConLaBandaDeCadaEntidad()
    {
        var c = Ejemplo();
        using var x = new Xlsx(s => ConsolidadoExcel.Escribir(c, s), "consolidado.xlsx");
        Assert.Empty(x.Errores());
        Assert.Empty(x.Errores(DocumentFormat.OpenXml.FileFormatVersions.Office2007));
        Assert.Equal(["IGI por entidad", "OEI por entidad"], x.Hojas);
        Assert.Equal("MPE", x.Texto("IGI por entidad", "A6"));
        Assert.Equal((double)c.Entidades[0].Igi!.Value, x.Numero("IGI por entidad", "D6"), 10);
        Assert.Equal(EsquemaBandas.Nacional.Texto(c.Entidades[0].BandaIgi!.Value), x.Texto("IGI por entidad", "E6"));
        // Nothing registered: 0 %, judged by that entity's own legend.
        Assert.Equal(0, x.Numero("IGI por entidad", "D7"));
        Assert.Equal("Bajo — Esfuérzate más", x.Texto("IGI por entidad", "E7"));
        Assert.Equal("OEI.02", x.Texto("OEI por entidad", "B7"));
        Assert.Equal("Reducir la vulnerabilidad ambiental de la provincia", x.Texto("OEI por entidad", "C7"));
        Assert.Equal((double)c.Entidades[0].Oeis[1].Valor!.Value, x.Numero("OEI por entidad", "F7"), 10);
        Assert.Equal("EPS", x.Texto("OEI por entidad", "A8"));
    }
}
