using Sipoi.Domain.Seguimiento;
using static Sipoi.Domain.Tests.Seguimiento.Datos;

namespace Sipoi.Domain.Tests.Seguimiento;

public class ValidacionAvanceTests
{
    private static IReadOnlyList<ProblemaSeguimiento> Validar(ActividadDelMes a) => ValidacionAvance.Validar(a, Enero2024);

    [Fact]
    public void Valores_Razonables_NoTienenProblemas()
    {
        Assert.Empty(Validar(Ao("AO-01", 10, 9.5m, financiero: 1500.50m, metaFinMes: 2000)));
        Assert.Empty(Validar(Ao("AO-01", 10, 0)));
        Assert.Empty(Validar(Ao("AO-01", 10, null)));
    }

    [Fact]
    public void EjecucionFisica_Negativa_SeRechazaNombrandoActividadYMes()
    {
        var p = Assert.Single(Validar(Ao("AO-01", 10, -1)));
        Assert.Equal("AO-01", p.CodigoActividad);
        Assert.Equal(CampoAvance.EjecutadoFisico, p.Campo);
        Assert.Equal("Actividad AO-01, enero de 2024: la ejecución física no puede ser negativa.", p.Mensaje);
    }

    [Fact]
    public void MontoEjecutado_Negativo_SeRechaza()
    {
        var p = Assert.Single(Validar(Ao("AO-01", 10, 10, financiero: -0.01m)));
        Assert.Equal(CampoAvance.EjecutadoFinanciero, p.Campo);
        Assert.Contains("el monto ejecutado no puede ser negativo", p.Mensaje);
    }

    [Fact]
    public void EjecucionFisica_MasDeCienVecesLaMetaDelMes_SeRechazaPorAbsurda()
    {
        Assert.Empty(Validar(Ao("AO-01", 10, 1000)));
        var p = Assert.Single(Validar(Ao("AO-01", 10, 1000.5m)));
        Assert.Equal("Actividad AO-01, enero de 2024: la ejecución física 1,000.5 no es razonable: supera 100 veces la meta del mes (10).", p.Mensaje);
    }

    [Fact]
    public void EjecucionFisica_SinMetaEnElMes_SeComparaConLaMetaAnual()
    {
        Assert.Empty(Validar(Ao("AO-01", 0, 1200, metaAnual: 12)));
        var p = Assert.Single(Validar(Ao("AO-01", 0, 1201, metaAnual: 12)));
        Assert.Contains("supera 100 veces la meta anual (12) y el mes no tiene meta", p.Mensaje);
    }

    [Fact]
    public void EjecucionFisica_SinNingunaMeta_SoloTieneElMaximoAlmacenable()
    {
        Assert.Empty(Validar(Ao("AO-01", 0, 1_000_000, metaAnual: 0)));
        Assert.Null(ValidacionAvance.LimiteFisico(0, 0, "Informe"));
        var p = Assert.Single(Validar(Ao("AO-01", 0, 100_000_000_000_000m, metaAnual: 0)));
        Assert.Contains("excede el máximo admitido", p.Mensaje);
    }

    [Theory]
    [InlineData("%")]
    [InlineData("Porcentaje")]
    [InlineData("porcentaje (%)")]
    [InlineData("% de avance")]
    [InlineData("PORCENTAJE")]
    public void UnidadPorcentaje_NoPasaDeCien(string unidad)
    {
        Assert.True(ValidacionAvance.EsPorcentaje(unidad));
        Assert.Empty(Validar(Ao("AO-01", 90, 100, unidad: unidad)));
        var p = Assert.Single(Validar(Ao("AO-01", 90, 100.01m, unidad: unidad)));
        Assert.Contains("es un porcentaje", p.Mensaje);
        Assert.Contains("no puede pasar de 100", p.Mensaje);
    }

    [Theory]
    [InlineData("Informe")]
    [InlineData("Soles")]
    [InlineData(null)]
    public void OtrasUnidades_NoSonPorcentaje(string? unidad) =>
        Assert.False(ValidacionAvance.EsPorcentaje(unidad));

    [Fact]
    public void EjecucionFisica_AdmiteHastaCuatroDecimales()
    {
        Assert.Empty(Validar(Ao("AO-01", 10, 1.2345m)));
        Assert.Empty(Validar(Ao("AO-01", 10, 1.50000m))); // trailing zeros are not decimals
        var p = Assert.Single(Validar(Ao("AO-01", 10, 1.23456m)));
        Assert.Contains("la ejecución física admite hasta 4 decimales", p.Mensaje);
    }

    [Fact]
    public void MontoEjecutado_AdmiteSoloCentimos()
    {
        Assert.Empty(Validar(Ao("AO-01", 10, 10, financiero: 12.34m)));
        var p = Assert.Single(Validar(Ao("AO-01", 10, 10, financiero: 12.345m)));
        Assert.Contains("el monto ejecutado admite hasta 2 decimales", p.Mensaje);
    }

    [Fact]
    public void MontoEjecutado_MasDeCienVecesLoProgramado_SeRechaza()
    {
        Assert.Empty(Validar(Ao("AO-01", 10, 10, financiero: 100_000, metaFinMes: 1000)));
        Assert.Contains("supera 100 veces lo programado en el mes (S/ 1,000)",
            Assert.Single(Validar(Ao("AO-01", 10, 10, financiero: 100_000.01m, metaFinMes: 1000))).Mensaje);
        Assert.Contains("en el año (S/ 500) y el mes no tiene programación",
            Assert.Single(Validar(Ao("AO-01", 10, 10, financiero: 50_001, metaFinAnual: 500))).Mensaje);
        Assert.Empty(Validar(Ao("AO-01", 10, 10, financiero: 9_999_999)));
    }

    [Fact]
    public void Textos_ConCaracteresDeControl_SeRechazan_SaltosDeLineaSeAdmiten()
    {
        var problemas = Validar(Ao("AO-01", 10, 5, "Logro\0 con nulo", "Primera línea.\r\n\tSegunda.", "ok"));
        var p = Assert.Single(problemas);
        Assert.Equal(CampoAvance.Logros, p.Campo);
        Assert.Equal("Actividad AO-01, enero de 2024: el texto de los logros contiene un carácter de control (U+0000, posición 6), " +
            "que no se admite; solo se admiten saltos de línea y tabulaciones.", p.Mensaje);
    }

    [Fact]
    public void Textos_MasLargosQueLaColumna_SeRechazan()
    {
        var largo = new string('x', ValidacionAvance.LargoMaximoTexto + 1);
        var problemas = Validar(Ao("AO-01", 10, 5, largo, "ok", largo));
        Assert.Equal([CampoAvance.Logros, CampoAvance.MedidasCorrectivas], problemas.Select(p => p.Campo));
        Assert.Contains("los logros no pueden pasar de 4000 caracteres", problemas[0].Mensaje);
    }

    [Fact]
    public void Validar_DevuelveTodosLosProblemasDeLaActividad()
    {
        var problemas = Validar(Ao("AO-01", 10, -1, financiero: -2));
        Assert.Equal([CampoAvance.EjecutadoFisico, CampoAvance.EjecutadoFinanciero], problemas.Select(p => p.Campo));
    }
}

public class LecturaNumeroTests
{
    [Theory]
    [InlineData("12", 12)]
    [InlineData(" 12.5 ", 12.5)]
    [InlineData("17,009,620.80", 17009620.80)]
    [InlineData("1234567", 1234567)]
    [InlineData("0", 0)]
    [InlineData("-3", -3)]
    public void Leer_NumeroComoLoEscribenLasOficinas(string texto, decimal esperado)
    {
        var (valor, problema) = ValidacionAvance.Leer(texto, "AO-01", Datos.Enero2024, CampoAvance.EjecutadoFisico);
        Assert.Null(problema);
        Assert.Equal(esperado, valor);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Leer_EnBlanco_EsSinRegistro(string? texto) =>
        Assert.Equal((null, null), ValidacionAvance.Leer(texto, "AO-01", Datos.Enero2024, CampoAvance.EjecutadoFisico));

    [Theory]
    [InlineData("doce")]
    [InlineData("12,5")]
    [InlineData("1,23,456")]
    [InlineData("1.234,50")]
    [InlineData("12 5")]
    [InlineData("1e3")]
    [InlineData("12%")]
    [InlineData("--1")]
    public void Leer_TextoNoNumerico_SeRechazaNombrandoActividadMesYCampo(string texto)
    {
        var (valor, problema) = ValidacionAvance.Leer(texto, "AO-01", Datos.Enero2024, CampoAvance.EjecutadoFinanciero);
        Assert.Null(valor);
        Assert.NotNull(problema);
        Assert.Equal(CampoAvance.EjecutadoFinanciero, problema.Campo);
        Assert.Equal($"Actividad AO-01, enero de 2024: el monto ejecutado (S/) «{texto}» no es un número (use punto decimal, por ejemplo 1,234.50).", problema.Mensaje);
    }
}
