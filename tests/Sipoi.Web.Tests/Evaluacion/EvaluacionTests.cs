using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Sipoi.Domain.Periodos;
using Sipoi.Web.Cli;
using Sipoi.Web.Evaluacion;
using Sipoi.Web.Tests.Infraestructura;

namespace Sipoi.Web.Tests.Evaluacion;

/// <summary>The page and the command line show the numbers of the one engine, for the demo entity with progress registered.</summary>
public sealed class EvaluacionTests(AppDePrueba app) : IClassFixture<AppDePrueba>
{
    private static readonly SemaphoreSlim Avance = new(1, 1);
    private static bool _registrado;

    /// <summary>
    /// Registers January–March progress for every activity (90 % of target for even ids, 110 % for odd
    /// ones) and approves those months for every cost centre: evaluation reads approved months only.
    /// </summary>
    private async Task RegistrarAvanceAsync()
    {
        await Avance.WaitAsync();
        try
        {
            if (_registrado) return;
            await using var db = app.Base.Contexto();
            var actividades = await db.Actividades.Include(a => a.Avances).ToListAsync();
            var metas = await db.Programaciones.Include(p => p.Metas).ToDictionaryAsync(p => p.ActividadId);
            foreach (var a in actividades)
                for (var mes = 1; mes <= 3; mes++)
                {
                    var meta = metas[a.Id].Metas.Single(m => m.Mes == mes).Fisico;
                    a.FijarAvance(mes, meta * (a.Id % 2 == 0 ? 0.9m : 1.1m), null);
                }
            var entidad = await db.Entidades.SingleAsync(e => e.Codigo == "EMSAPUNO");
            foreach (var centro in actividades.Select(a => (a.PoiId, a.CentroCostoId)).Distinct())
                for (var mes = 1; mes <= 3; mes++)
                    db.Seguimientos.Add(Seguimientos.Aprobado(entidad, centro.PoiId, 2024, centro.CentroCostoId, mes));
            await db.SaveChangesAsync();
            _registrado = true;
        }
        finally { Avance.Release(); }
    }

    private async Task<Sipoi.Domain.Evaluacion.ResultadoEvaluacion> MotorAsync(string periodo)
    {
        await using var db = app.Base.Contexto();
        return (await ConsultaEvaluacion.EvaluarAsync(db, "EMSAPUNO", 2024, Periodo.Parse(periodo)))!;
    }

    [Fact]
    public async Task Pagina_MuestraElIgiYLosOeiDelMotor()
    {
        await RegistrarAvanceAsync();
        var motor = await MotorAsync("T1");
        Assert.NotNull(motor.Igi);
        Assert.InRange(motor.Igi!.Value, 90m, 100m);
        var r = await (await app.ComoAsync(AppDePrueba.Consulta)).GetAsync("/e/EMSAPUNO/evaluacion/2024?periodo=T1");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var doc = new HtmlParser().ParseDocument(await r.Content.ReadAsStringAsync());
        Assert.Contains(Cifra.Porcentaje(motor.Igi), doc.QuerySelector(".igi")!.TextContent);
        foreach (var o in motor.Oeis)
        {
            var fila = doc.QuerySelectorAll("tr.nivel-oei").First(tr => tr.Children[0].TextContent == o.Codigo);
            Assert.Equal(Cifra.Porcentaje(o.Valor), fila.Children[6].TextContent.Trim());
            // The band is written out, not only coloured.
            Assert.False(string.IsNullOrWhiteSpace(fila.Children[7].TextContent));
        }
    }

    [Fact]
    public async Task Pagina_CadaOeiYAeiConSuNombre()
    {
        var r = await (await app.ComoAsync(AppDePrueba.Consulta)).GetAsync("/e/EMSAPUNO/evaluacion/2024");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var doc = new HtmlParser().ParseDocument(await r.Content.ReadAsStringAsync());
        await using var db = app.Base.Contexto();
        var entidad = await db.Entidades.SingleAsync(e => e.Codigo == "EMSAPUNO");
        var nombres = (await db.Oeis.Where(o => o.EntidadId == entidad.Id).Select(o => new { o.Codigo, o.Enunciado }).ToListAsync())
            .Concat(await db.Aeis.Where(a => a.EntidadId == entidad.Id).Select(a => new { a.Codigo, a.Enunciado }).ToListAsync())
            .ToDictionary(x => x.Codigo, x => x.Enunciado);
        // The operational view: code, then the statement, in every OEI and AEI row.
        var filas = doc.QuerySelectorAll("tr.nivel-oei, tr.nivel-aei").Where(tr => tr.Children.Length == 8).ToList();
        Assert.NotEmpty(filas);
        Assert.All(filas, tr => Assert.Equal(nombres[tr.Children[0].TextContent.Trim()], tr.Children[1].TextContent.Trim()));
        // The strategic view: each AEI with its statement too.
        var aeis = doc.QuerySelectorAll("table").Single(t => t.QuerySelector("thead th")?.TextContent == "AEI").QuerySelectorAll("tbody tr").ToList();
        Assert.NotEmpty(aeis);
        Assert.All(aeis, tr => Assert.Equal(nombres[tr.Children[0].TextContent.Trim()], tr.Children[1].TextContent.Trim()));
    }

    [Fact]
    public async Task Cli_EvaluateJson_DaLosMismosValoresQueElMotor()
    {
        await RegistrarAvanceAsync();
        var motor = await MotorAsync("A03");
        var salida = new StringWriter();
        var rc = await LineaDeComandos.EjecutarAsync(["evaluate", "--entidad", "EMSAPUNO", "--anio", "2024", "--periodo", "A03", "--formato", "json"], salida, Configuracion());
        Assert.Equal(0, rc);
        using var json = JsonDocument.Parse(salida.ToString());
        var raiz = json.RootElement;
        Assert.Equal("sipoi-evaluacion/1", raiz.GetProperty("formato").GetString());
        Assert.Equal("A03", raiz.GetProperty("periodo").GetString());
        Assert.Equal(motor.Igi, raiz.GetProperty("igi").GetDecimal());
        Assert.Equal(motor.Oeis.Count, raiz.GetProperty("oei").GetArrayLength());
        Assert.Equal(motor.Actividades.Count, raiz.GetProperty("actividades").GetArrayLength());
    }

    [Theory]
    [InlineData("--periodo", "T5")]
    [InlineData("--anio", "dos mil")]
    public async Task Cli_EntradaInvalida_SaleConErrorSinCambiarNada(string opcion, string valor)
    {
        var args = new List<string> { "evaluate", "--entidad", "EMSAPUNO", "--anio", "2024", "--periodo", "T1" };
        args[args.IndexOf(opcion) + 1] = valor;
        var rc = await LineaDeComandos.EjecutarAsync([.. args], new StringWriter(), Configuracion());
        Assert.NotEqual(0, rc);
    }

    [Fact]
    public async Task Cli_Entidades_UnaLineaPorEntidadConTabulador()
    {
        var salida = new StringWriter();
        Assert.Equal(0, await LineaDeComandos.EjecutarAsync(["entidades"], salida, Configuracion()));
        Assert.Equal("EMSAPUNO\tEMPRESA MUNICIPAL DE SANEAMIENTO BÁSICO DE PUNO S.A.", salida.ToString().TrimEnd());
    }

    private IConfiguration Configuracion() => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Sipoi"] = app.Base.Conexion })
        .Build();
}
