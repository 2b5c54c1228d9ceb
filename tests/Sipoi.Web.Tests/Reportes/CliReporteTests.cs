using Microsoft.Extensions.Configuration;
using Sipoi.Domain.Periodos;
using Sipoi.Web.Cli;
using Sipoi.Web.Reportes;
using Sipoi.Web.Tests.Infraestructura;
using static Sipoi.Web.Tests.Reportes.AvanceDePrueba;

namespace Sipoi.Web.Tests.Reportes;

/// <summary>`sipoi reporte` writes the same files as the web and refuses bad input with a non-zero exit code.</summary>
public sealed class CliReporteTests(AppDePrueba app) : IClassFixture<AppDePrueba>, IDisposable
{
    private readonly string _carpeta = Directory.CreateTempSubdirectory("sipoi-cli-reporte-").FullName;

    public void Dispose() => Directory.Delete(_carpeta, recursive: true);

    private async Task<int> EjecutarAsync(params string[] args)
    {
        await RegistrarAsync(app);
        var configuracion = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Sipoi"] = app.Base.Conexion })
            .Build();
        return await LineaDeComandos.EjecutarAsync(["reporte", .. args], new StringWriter(), configuracion);
    }

    private string Archivo(string nombre) => Path.Combine(_carpeta, nombre);

    [Theory]
    [InlineData("matriz", "matriz.xlsx")]
    [InlineData("matriz-centros", "matriz-centros.xlsx")]
    [InlineData("presupuesto", "presupuesto.xlsx")]
    [InlineData("informe", "informe.docx")]
    public async Task Reporte_EscribeElArchivo(string tipo, string nombre)
    {
        Assert.Equal(0, await EjecutarAsync("--entidad", Entidad, "--anio", "2024", "--tipo", tipo, "--salida", Archivo(nombre)));
        Assert.True(new FileInfo(Archivo(nombre)).Length > 1000);
    }

    [Fact]
    public async Task Reporte_EjecucionHastaMes_ComoLaWeb()
    {
        Assert.Equal(0, await EjecutarAsync("--entidad", Entidad, "--anio", "2024", "--tipo", "ejecucion", "--hasta-mes", "9", "--salida", Archivo("e.xlsx")));
        using var x = new Xlsx(s => s.Write(File.ReadAllBytes(Archivo("e.xlsx"))));
        const string hoja = "Ejecución al III Trimestre";
        var motor = await MotorAsync(app, Periodo.AcumuladoAl(9));
        var total = x.Fila(hoja, "A", "TOTAL");
        Assert.Equal((double)motor.Actividades.Sum(a => a.Ejecutado ?? 0), x.Numero(hoja, $"AF{total}"), 6);
    }

    [Fact]
    public async Task Reporte_SeguimientoPorPeriodo()
    {
        Assert.Equal(0, await EjecutarAsync("--entidad", Entidad, "--anio", "2024", "--tipo", "seguimiento", "--periodo", "S2", "--salida", Archivo("s.xlsx")));
        using var x = new Xlsx(s => s.Write(File.ReadAllBytes(Archivo("s.xlsx"))));
        var s2 = await MotorAsync(app, Periodo.Semestre(2));
        Assert.Equal((double)s2.Igi!.Value, x.Numero("OEI y AEI", $"F{x.Fila("OEI y AEI", "A", "IGI")}"), 10);
    }

    [Fact]
    public async Task Reporte_InformePdf_ConLibreOffice()
    {
        var rc = await EjecutarAsync("--entidad", Entidad, "--anio", "2024", "--tipo", "informe", "--periodo", "S1", "--salida", Archivo("i.pdf"));
        if (!ConversorPdf.Disponible)
        {
            Assert.Equal(1, rc);
            return;
        }
        Assert.Equal(0, rc);
        Assert.Equal("%PDF"u8.ToArray(), File.ReadAllBytes(Archivo("i.pdf"))[..4]);
    }

    [Fact]
    public async Task Reporte_TipoDesconocido_NombraCadaTipoAceptado()
    {
        await RegistrarAsync(app);
        var configuracion = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Sipoi"] = app.Base.Conexion })
            .Build();
        var errores = new StringWriter();
        var rc = await LineaDeComandos.EjecutarAsync(["reporte", "--entidad", Entidad, "--anio", "2024", "--tipo", "grafico", "--salida", Archivo("x.xlsx")],
            new StringWriter(), configuracion, errores: errores);
        Assert.Equal(1, rc);
        Assert.Equal("Error: tipo de reporte no válido «grafico»: use matriz, ejecucion, seguimiento, presupuesto, informe, matriz-centros, poi, seguimiento-pei, seguimiento-poi o consolidado.",
            errores.ToString().Trim());
    }

    [Theory]
    [InlineData("--entidad", "EMSAPUNO", "--anio", "2024", "--tipo", "grafico", "--salida", "x.xlsx")]
    [InlineData("--entidad", "EMSAPUNO", "--anio", "2024", "--tipo", "matriz")]
    [InlineData("--entidad", "NOEXISTE", "--anio", "2024", "--tipo", "matriz", "--salida", "x.xlsx")]
    [InlineData("--entidad", "EMSAPUNO", "--anio", "2031", "--tipo", "matriz", "--salida", "x.xlsx")]
    [InlineData("--entidad", "EMSAPUNO", "--anio", "dos mil", "--tipo", "matriz", "--salida", "x.xlsx")]
    [InlineData("--entidad", "EMSAPUNO", "--anio", "2024", "--tipo", "matriz", "--salida", "x.docx")]
    [InlineData("--entidad", "EMSAPUNO", "--anio", "2024", "--tipo", "matriz", "--periodo", "S1", "--salida", "x.xlsx")]
    [InlineData("--entidad", "EMSAPUNO", "--anio", "2024", "--tipo", "ejecucion", "--hasta-mes", "13", "--salida", "x.xlsx")]
    [InlineData("--entidad", "EMSAPUNO", "--anio", "2024", "--tipo", "seguimiento", "--periodo", "T5", "--salida", "x.xlsx")]
    [InlineData("--entidad", "EMSAPUNO", "--anio", "2024", "--tipo", "informe", "--hasta-mes", "3", "--salida", "x.docx")]
    [InlineData("--entidad", "EMSAPUNO", "--anio", "2024", "--tipo", "matriz", "--salida", "x.xlsx", "--sobra", "1")]
    [InlineData("--tipo", "consolidado", "--anio", "2024", "--entidades", "EMSAPUNO,NOEXISTE", "--salida", "x.xlsx")]
    [InlineData("--tipo", "consolidado", "--anio", "2024", "--periodo", "S3", "--salida", "x.xlsx")]
    public async Task Reporte_ConDatosNoValidos_SaleConUnoSinEscribir(params string[] args)
    {
        var conRuta = args.Select(a => a.StartsWith("x.", StringComparison.Ordinal) ? Archivo(a) : a).ToArray();
        Assert.Equal(1, await EjecutarAsync(conRuta));
        Assert.Empty(Directory.GetFiles(_carpeta));
    }

    [Fact]
    public async Task Reporte_OpcionSinValor_SaleConDos() =>
        Assert.Equal(2, await EjecutarAsync("--entidad", Entidad, "--anio", "2024", "--tipo", "matriz", "--salida"));

    [Fact]
    public async Task Reporte_CarpetaInexistente_SaleConUno() =>
        Assert.Equal(1, await EjecutarAsync("--entidad", Entidad, "--anio", "2024", "--tipo", "matriz", "--salida", Path.Combine(_carpeta, "no", "x.xlsx")));

    [Fact]
    public async Task Reporte_Consolidado_UnaFilaPorEntidadConSuIgi()
    {
        Assert.Equal(0, await EjecutarAsync("--tipo", "consolidado", "--anio", "2024", "--periodo", "S1", "--entidades", Entidad, "--salida", Archivo("c.xlsx")));
        using var x = new Xlsx(s => s.Write(File.ReadAllBytes(Archivo("c.xlsx"))));
        Assert.Empty(x.Errores());
        var s1 = await MotorAsync(app, Periodo.Semestre(1));
        var f = x.Fila("IGI por entidad", "A", Entidad);
        Assert.Equal((double)s1.Igi!.Value, x.Numero("IGI por entidad", $"D{f}"), 10);
        Assert.Equal(s1.Bandas.Texto(s1.BandaIgi!.Value), x.Texto("IGI por entidad", $"E{f}"));
    }
}
