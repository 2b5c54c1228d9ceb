using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Sipoi.Domain.Periodos;
using Sipoi.Web.Cli;
using Sipoi.Web.Tests.Infraestructura;
using static Sipoi.Web.Tests.Reportes.AvanceDePrueba;

namespace Sipoi.Web.Tests.Informes;

public sealed class CliPublicarTests(AppDePrueba app) : IClassFixture<AppDePrueba>
{
    private async Task<(int Codigo, string Salida)> EjecutarAsync(params string[] args)
    {
        await RegistrarAsync(app);
        var configuracion = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Sipoi"] = app.Base.Conexion })
            .Build();
        var salida = new StringWriter();
        var codigo = await LineaDeComandos.EjecutarAsync(["publicar", .. args], salida, configuracion);
        return (codigo, salida.ToString());
    }

    [Fact]
    public async Task Publicar_RegistraYPublica_UnaSolaVez()
    {
        var (codigo, salida) = await EjecutarAsync("--entidad", Entidad, "--anio", "2024", "--periodo", "S1", "--documento", "Informe N.º 1-2024");
        Assert.Equal(0, codigo);
        Assert.Contains("/transparencia/EMSAPUNO", salida);
        await using (var db = app.Base.Contexto())
        {
            var e = await db.Evaluaciones.Include(x => x.Archivos).SingleAsync(x => x.PeriodoCodigo == "S1");
            Assert.True(e.Publicada);
            Assert.Equal("Informe N.º 1-2024", e.Documento);
            Assert.Equal(3, e.Archivos.Count);
            Assert.Equal((await MotorAsync(app, Periodo.Semestre(1))).Igi, e.Igi);
        }
        // A second run refuses (published evaluations do not change) and leaves it as it was.
        Assert.Equal(1, (await EjecutarAsync("--entidad", Entidad, "--anio", "2024", "--periodo", "S1")).Codigo);
        await using var db2 = app.Base.Contexto();
        Assert.Equal(3, await db2.ArchivosPublicados.CountAsync(a => db2.Evaluaciones.Any(e => e.Id == a.EvaluacionId && e.PeriodoCodigo == "S1")));
    }

    [Fact]
    public async Task Publicar_UnTrimestre()
    {
        // The test data leaves months of the quarter unapproved: the command needs the reason to publish it.
        var (codigo, salida) = await EjecutarAsync("--entidad", Entidad, "--anio", "2024", "--periodo", "T3",
            "--confirmar-incompleta", "Publicación de prueba con meses por aprobar.");
        Assert.Equal(0, codigo);
        Assert.Contains("Publicada la evaluación III Trimestre 2024 de EMSAPUNO", salida);
        await using var db = app.Base.Contexto();
        var e = await db.Evaluaciones.Include(x => x.Archivos).SingleAsync(x => x.Anio == 2024 && x.PeriodoCodigo == "T3");
        Assert.True(e.Publicada);
        Assert.Equal((await MotorAsync(app, Periodo.Trimestre(3))).Igi, e.Igi);
        using var docx = new Docx(s => s.Write(e.Archivos.Single(a => a.Nombre == "informe.docx").Contenido));
        Assert.Contains("Periodo evaluado: III Trimestre 2024", docx.Parrafos.Take(10));
    }

    [Theory]
    [InlineData("A06")]
    [InlineData("X")]
    public async Task Publicar_PeriodoNoValido(string periodo) =>
        Assert.Equal(1, (await EjecutarAsync("--entidad", Entidad, "--anio", "2024", "--periodo", periodo)).Codigo);

    [Fact]
    public async Task Publicar_EntidadOAnioInexistentes()
    {
        Assert.Equal(1, (await EjecutarAsync("--entidad", "NOEXISTE", "--anio", "2024", "--periodo", "S2")).Codigo);
        Assert.Equal(1, (await EjecutarAsync("--entidad", Entidad, "--anio", "2019", "--periodo", "S2")).Codigo);
        await using var db = app.Base.Contexto();
        Assert.False(await db.Evaluaciones.AnyAsync(e => e.Anio == 2019));
    }
}
