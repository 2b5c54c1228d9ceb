using System.Globalization;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Sipoi.Domain.Periodos;
using Sipoi.Web.Cli;
using Sipoi.Web.Intercambio;
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
        Assert.Equal("Error: tipo de reporte no válido «grafico»: use matriz, ejecucion, seguimiento, presupuesto, informe, matriz-centros, poi, seguimiento-pei, seguimiento-poi, consolidado o rendicion-cuentas.",
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
    [InlineData("--tipo", "rendicion-cuentas", "--entidad", "EMSAPUNO", "--anio", "2022", "--semestre", "1", "--salida", "x.pdf")]
    [InlineData("--tipo", "rendicion-cuentas", "--entidad", "NOEXISTE", "--anio", "2022", "--semestre", "1", "--salida", "x.xlsx")]
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

    private async Task<(int Codigo, string Errores)> EjecutarConErroresAsync(params string[] args)
    {
        await RegistrarAsync(app);
        var configuracion = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Sipoi"] = app.Base.Conexion })
            .Build();
        var errores = new StringWriter();
        var rc = await LineaDeComandos.EjecutarAsync(["reporte", .. args], new StringWriter(), configuracion, errores: errores);
        return (rc, errores.ToString().Trim());
    }

    private async Task<int> PlanDemoAsync()
    {
        await RegistrarAsync(app);
        await using var db = app.Base.Contexto();
        return await db.PlanesGobierno.Where(p => p.Nombre == PlanGobiernoDemo.Nombre).Select(p => p.Id).SingleAsync();
    }

    /// <summary>Every cell of every sheet as text, by sheet and reference.</summary>
    private static Dictionary<string, string?> Celdas(Xlsx x) =>
        x.Hojas.SelectMany(h => x.Hoja(h).Descendants<Cell>().Select(c => (Clave: $"{h}!{c.CellReference}", Valor: x.Texto(h, c.CellReference!))))
            .ToDictionary(c => c.Clave, c => c.Valor);

    [Fact]
    public async Task RendicionCuentas_ElMismoLibroQueLaPaginaDeEvaluacion()
    {
        var plan = await PlanDemoAsync();
        // Without --plan: the entity's only plan covering 2022 (the demo plan 2019-2022).
        Assert.Equal(0, await EjecutarAsync("--tipo", "rendicion-cuentas", "--entidad", Entidad, "--anio", "2022", "--semestre", "1", "--salida", Archivo("r.xlsx")));
        Assert.Equal(0, await EjecutarAsync("--tipo", "rendicion-cuentas", "--entidad", Entidad, "--anio", "2022", "--semestre", "1",
            "--plan", plan.ToString(CultureInfo.InvariantCulture), "--salida", Archivo("r.docx")));
        var http = await app.ComoAsync(AppDePrueba.Consulta);
        var web = await http.GetByteArrayAsync($"/e/{Entidad}/plan-gobierno/{plan}/evaluacion/2022?semestre=1&handler=Informe&formato=xlsx");
        using var cli = new Xlsx(s => s.Write(File.ReadAllBytes(Archivo("r.xlsx"))));
        using var pagina = new Xlsx(s => s.Write(web));
        Assert.Empty(cli.Errores());
        Assert.Equal(pagina.Hojas, cli.Hojas);
        Assert.Equal(Celdas(pagina), Celdas(cli));
        Assert.Contains(Celdas(cli).Values, v => v?.Contains("Vida digna y saludable.", StringComparison.Ordinal) == true);
        using var d = new Docx(s => s.Write(File.ReadAllBytes(Archivo("r.docx"))));
        Assert.Empty(d.Errores());
        Assert.Contains(d.Parrafos, t => t.Contains("Vida digna y saludable.", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("2024", "1", null, "Error: ningún Plan de Gobierno de EMSAPUNO cubre 2024: {plan} «Plan de Gobierno Municipal de la Provincia de Puno 2019 – 2022» (2019–2022).")]
    [InlineData("2024", "1", "{plan}", "Error: el Plan de Gobierno {plan} «Plan de Gobierno Municipal de la Provincia de Puno 2019 – 2022» cubre 2019–2022: --anio 2024 está fuera.")]
    [InlineData("2022", "1", "999999", "Error: --plan «999999» no es un Plan de Gobierno de EMSAPUNO: use {plan} «Plan de Gobierno Municipal de la Provincia de Puno 2019 – 2022» (2019–2022).")]
    [InlineData("2022", "3", null, "Error: --semestre «3» no es válido: use 1 (enero–junio) o 2 (julio–diciembre).")]
    public async Task RendicionCuentas_PlanOSemestreNoValido_NombraLosPlanes(string anio, string semestre, string? plan, string mensaje)
    {
        var id = (await PlanDemoAsync()).ToString(CultureInfo.InvariantCulture);
        string[] args = ["--tipo", "rendicion-cuentas", "--entidad", Entidad, "--anio", anio, "--semestre", semestre, "--salida", Archivo("r.xlsx")];
        if (plan is not null) args = [.. args, "--plan", plan.Replace("{plan}", id, StringComparison.Ordinal)];
        var (rc, errores) = await EjecutarConErroresAsync(args);
        Assert.Equal(1, rc);
        Assert.Equal(mensaje.Replace("{plan}", id, StringComparison.Ordinal), errores);
        Assert.Empty(Directory.GetFiles(_carpeta));
    }
}
