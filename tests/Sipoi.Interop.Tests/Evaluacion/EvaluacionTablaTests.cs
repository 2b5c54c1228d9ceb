using Sipoi.Domain.Evaluacion;
using Sipoi.Domain.Organizacion;
using Sipoi.Interop.Evaluacion;

namespace Sipoi.Interop.Tests.Evaluacion;

public class EvaluacionTablaTests
{
    [Theory]
    [InlineData("17009620.8", "17,009,620.80")]
    [InlineData("94.275", "94.28")]
    [InlineData("94.2749", "94.27")]
    [InlineData("0", "0.00")]
    [InlineData("-1234.5", "-1,234.50")]
    public void Numero_ConSeparadorDeMilesYDosDecimales(string valor, string texto) =>
        Assert.Equal(texto, FormatoNumero.Numero(decimal.Parse(valor, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Porcentaje_ConSignoYSinValor()
    {
        Assert.Equal("94.27 %", FormatoNumero.Porcentaje(94.2712m));
        Assert.Equal("—", FormatoNumero.Porcentaje(null));
        Assert.Equal("ND", FormatoNumero.Porcentaje(null, "ND"));
    }

    [Fact]
    public void Tabla_TieneEncabezadosEnCastellanoYBandaJuntoACadaValor()
    {
        var texto = EvaluacionTabla.Formatear(EvaluacionJsonTests.Ejemplo(), "300549", "MUNICIPALIDAD PROVINCIAL DE CAJAMARCA");
        Assert.Contains("Entidad: 300549 MUNICIPALIDAD PROVINCIAL DE CAJAMARCA", texto);
        Assert.Contains("Periodo: Anual (ANUAL)", texto);
        Assert.Contains("EJECUCIÓN POR OEI Y AEI", texto);
        Assert.Contains("EJECUCIÓN POR CENTRO DE COSTO", texto);
        Assert.Contains("EJECUCIÓN POR ACTIVIDAD", texto);
        Assert.Contains("AVANCE DE LOS INDICADORES", texto);
        Assert.Contains("17,009,620.80", texto);
        Assert.Matches(@"OEI\.01\s+1\s+2\s+3\s+2\s+99\.00 %\s+Alto", texto);
        Assert.Matches(@"AEI\.01\.03\s+3\s+1\s+1\s+0\s+94\.00 %\s+Medio", texto);
        Assert.Matches(@"AO4 .*62\.22 %\s+62\.22 %\s+Bajo\s+Con meta", texto);
        // A target with nothing registered counts as 0 % but has no band (EjecucionPeriodo.Banda): not painted Bajo.
        Assert.Matches(@"AO6 .*17,009,620\.80\s+—\s+0\.00 %\s+0\.00 %\s+Sin registro", texto);
        Assert.DoesNotMatch(@"AO6 .*Bajo", texto);
        Assert.Matches(@"AEI\.02\.01\s+OEI\.02\s+2\s+1\s+62\.50 %\s+Bajo\s+Sí", texto);
        Assert.Matches(@"IND\.AEI\.02\.01\.02 .*ND\s+ND", texto);
        Assert.DoesNotContain("FICHA DE PROCESO", texto);
    }

    [Fact]
    public void Tabla_MetodoPonderadoMuestraFichasYGerenciasConLeyenda()
    {
        var texto = EvaluacionTabla.Formatear(EvaluacionJsonTests.Ejemplo(MetodoEvaluacion.Ponderado, EsquemaBandas.Emsapuno), "EMSAPUNO");
        Assert.Contains("CUMPLIMIENTO POR FICHA DE PROCESO", texto);
        Assert.Contains("CUMPLIMIENTO POR GERENCIA", texto);
        Assert.Matches(@"FP 34\s+Gerencia General\s+2\.00\s+2\s+2\s+100\.00 %\s+Alto — Lo lograste", texto);
        Assert.Matches(@"Gerencia de Operaciones\s+1\s+1\s+94\.00 %\s+Alto — Lo lograste", texto);
    }
}
