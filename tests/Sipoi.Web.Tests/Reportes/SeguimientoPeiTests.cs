using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Sipoi.Domain.Estrategia;
using Sipoi.Domain.Periodos;
using Sipoi.Interop.Reportes;
using Sipoi.Web.Cli;
using Sipoi.Web.Reportes;
using Sipoi.Web.Tests.Infraestructura;
using static Sipoi.Web.Tests.Reportes.AvanceDePrueba;

namespace Sipoi.Web.Tests.Reportes;

/// <summary>
/// The Anexo B-7 (CEPLAN's PEI follow-up annex) of the demo entity, downloaded from the reports page and written by
/// `sipoi reporte --tipo seguimiento-pei`: every indicator of the PEI, its cells against the evaluation engine's run.
/// One indicator gets a baseline, a responsible centre with an executing unit and a validated 2024 value; another a
/// value its centre registered that the planning office has not validated (it must read ND, as in the evaluation).
/// </summary>
public sealed class SeguimientoPeiTests(AppDePrueba app) : IClassFixture<AppDePrueba>, IDisposable
{
    private const string Base = "/e/EMSAPUNO/reportes/2024/";
    private const string Hoja = SeguimientoPeiExcel.NombreHoja;
    private const string Validado = "IND.AEI.01.01.01";
    // PEI 2023-2025: LOGRO ESPERADO H–J, VALOR OBTENIDO K–M, AVANCE N–P, UE Q, UNIDAD ORGANICA R; 2024 is the middle column.
    private const string Logro2024 = "I", Obtenido2024 = "L", Avance2024 = "O", ColUe = "Q", ColUnidad = "R";

    private readonly string _carpeta = Directory.CreateTempSubdirectory("sipoi-anexo-b7-").FullName;

    public void Dispose() => Directory.Delete(_carpeta, recursive: true);

    private static readonly SemaphoreSlim Preparacion = new(1, 1);

    /// <summary>Arranges the two indicators once per database (idempotent); returns the code of the unvalidated one.</summary>
    private async Task<string> PrepararAsync()
    {
        await RegistrarAsync(app);
        await Preparacion.WaitAsync();
        try
        {
            await using var db = app.Base.Contexto();
            var entidad = await db.Entidades.SingleAsync(e => e.Codigo == Entidad);
            var indicadores = await db.Indicadores.Include(i => i.Valores).Where(i => i.EntidadId == entidad.Id)
                .OrderBy(i => i.Codigo).ToListAsync();
            var validado = indicadores.Single(i => i.Codigo == Validado);
            var sinValidar = indicadores.First(i => i.Codigo != Validado && i.LogroEsperado(Anio) is > 0);
            if (validado.ValorObtenido(Anio) is null)
            {
                var ue = new Sipoi.Domain.Organizacion.UnidadEjecutora(entidad.Id, "000001", "EMSAPUNO S.A.");
                db.UnidadesEjecutoras.Add(ue);
                await db.SaveChangesAsync();
                var centro = await db.CentrosCosto.Where(c => c.EntidadId == entidad.Id).OrderBy(c => c.Codigo).FirstAsync();
                centro.AsignarUnidadEjecutora(ue);
                validado.Actualizar(validado.Nombre, validado.Unidad, validado.Sentido, 2022, 10m, validado.Fuente, validado.MetodoCalculo,
                    centro.Id, validado.MaximoPermisible, validado.MinimoPermisible);
                validado.RegistrarValorObtenido(Anio, PeriodoIndicador.Anual, 9.5m);
                sinValidar.RegistrarValorDelResponsable(Anio, PeriodoIndicador.Anual, 5m);
                await db.SaveChangesAsync();
            }
            return sinValidar.Codigo;
        }
        finally
        {
            Preparacion.Release();
        }
    }

    private async Task<Xlsx> BajarAsync(string usuario, string? muestra = null)
    {
        var r = await (await app.ComoAsync(usuario)).GetAsync(Base + "seguimiento-pei.xlsx");
        Assert.Equal(System.Net.HttpStatusCode.OK, r.StatusCode);
        Assert.Equal(SolicitudReporte.MimeXlsx, r.Content.Headers.ContentType?.MediaType);
        Assert.Equal("POI-2024-EMSAPUNO-seguimiento-pei.xlsx",
            r.Content.Headers.ContentDisposition?.FileNameStar ?? r.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var bytes = await r.Content.ReadAsByteArrayAsync();
        return new Xlsx(s => s.Write(bytes), muestra);
    }

    private static void IgualOnd(Xlsx x, string celda, decimal? esperado)
    {
        if (esperado is { } v) Assert.Equal((double)v, x.Numero(Hoja, celda), 10);
        else Assert.Equal("ND", x.Texto(Hoja, celda));
    }

    [Fact]
    public async Task AnexoB7_DescargaConCadaIndicadorComoElMotor()
    {
        var sinValidar = await PrepararAsync();
        using var x = await BajarAsync(AppDePrueba.Consulta, "web-anexo-b7-seguimiento-pei.xlsx");
        Assert.Empty(x.Errores());
        Assert.Equal([Hoja], x.Hojas);
        Assert.Equal("SEGUIMIENTO DEL PLAN ESTRATÉGICO INSTITUCIONAL (PEI)", x.Texto(Hoja, "A2"));
        Assert.Equal("2023 - 2025", x.Texto(Hoja, "C4"));
        await using var db = app.Base.Contexto();
        Assert.Equal(await db.Entidades.Where(e => e.Codigo == Entidad).Select(e => e.Nombre).SingleAsync(), x.Texto(Hoja, "C5"));
        Assert.Equal(["2023", "2024", "2025"], new[] { "H8", "I8", "J8" }.Select(c => x.Texto(Hoja, c)));

        // Every indicator of the PEI once, its 2024 figures those of the engine's annual run (the evaluation's own SQL read).
        var motor = await MotorAsync(app, Periodo.Anual);
        Assert.NotEmpty(motor.Estrategico.Indicadores);
        foreach (var r in motor.Estrategico.Indicadores)
        {
            var fila = x.Fila(Hoja, "A", r.Codigo);
            IgualOnd(x, $"{Logro2024}{fila}", r.LogroEsperado);
            IgualOnd(x, $"{Obtenido2024}{fila}", r.ValorObtenido);
            IgualOnd(x, $"{Avance2024}{fila}", r.AvanceAjustado);
        }
        var codigos = motor.Estrategico.Indicadores.Select(r => r.Codigo).ToHashSet(StringComparer.Ordinal);
        var filas = Enumerable.Range(9, 200).Count(f => x.Texto(Hoja, $"A{f}") is { } t && codigos.Contains(t));
        Assert.Equal(codigos.Count, filas);

        // The arranged indicator: baseline, validated value, avance and the responsible centre with its executing unit.
        var v = x.Fila(Hoja, "A", Validado);
        Assert.Equal(2022, x.Numero(Hoja, $"D{v}"));
        Assert.Equal(10, x.Numero(Hoja, $"E{v}"));
        Assert.Equal(9.5, x.Numero(Hoja, $"{Obtenido2024}{v}"));
        Assert.Equal(9.5 / 11 * 100, x.Numero(Hoja, $"{Avance2024}{v}"), 10);
        var centro = await db.CentrosCosto.Where(c => db.Entidades.Any(e => e.Id == c.EntidadId && e.Codigo == Entidad))
            .OrderBy(c => c.Codigo).FirstAsync();
        Assert.Equal("000001-EMSAPUNO S.A.", x.Texto(Hoja, $"{ColUe}{v}"));
        Assert.Equal($"{centro.Codigo}-{centro.Nombre}", x.Texto(Hoja, $"{ColUnidad}{v}"));
        // A value the centre registered and the office has not validated does not count: ND, as in the evaluation.
        Assert.Equal("ND", x.Texto(Hoja, $"{Obtenido2024}{x.Fila(Hoja, "A", sinValidar)}"));
    }

    /// <summary>
    /// The application's POI follow-up report (first semester): each activity's months are its programming and the
    /// execution that counts (January–June are approved by the test progress), with its priority and tipo de agregación.
    /// </summary>
    [Fact]
    public async Task SeguimientoPoi_DescargaConLosMesesDeCadaActividad()
    {
        await RegistrarAsync(app);
        await using (var db0 = app.Base.Contexto())
        {
            // One activity with a target gets a priority (the demo registers none).
            var vigente = (await Sipoi.Web.Evaluacion.ConsultaEvaluacion.ContextoAsync(db0, Entidad, Anio))!.PoiVersionId;
            var primera = await db0.Programaciones.Where(p => p.PoiVersionId == vigente && p.Metas.Sum(m => m.Fisico) > 0)
                .OrderBy(p => p.ActividadId).Select(p => p.ActividadId).FirstAsync();
            await db0.Actividades.Where(a => a.Id == primera).ExecuteUpdateAsync(u => u.SetProperty(a => a.Prioridad, 2));
        }
        var r = await (await app.ComoAsync(AppDePrueba.Consulta)).GetAsync(Base + "seguimiento-poi.xlsx");
        Assert.Equal(System.Net.HttpStatusCode.OK, r.StatusCode);
        Assert.Equal("POI-2024-EMSAPUNO-seguimiento-poi-S1.xlsx",
            r.Content.Headers.ContentDisposition?.FileNameStar ?? r.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var bytes = await r.Content.ReadAsByteArrayAsync();
        using var x = new Xlsx(s => s.Write(bytes), "web-seguimiento-poi-ceplan.xlsx");
        Assert.Empty(x.Errores());
        const string hoja = SeguimientoPoiCeplanExcel.NombreHoja;
        Assert.Equal("Año : 2024", x.Texto(hoja, "A2"));

        await using var db = app.Base.Contexto();
        var version = (await Sipoi.Web.Evaluacion.ConsultaEvaluacion.ContextoAsync(db, Entidad, Anio))!.PoiVersionId;
        var vigentes = (await (from pr in db.Programaciones.Include(p => p.Metas)
                               join a in db.Actividades on pr.ActividadId equals a.Id
                               where pr.PoiVersionId == version
                               select new { a.Codigo, a.Nombre, a.Prioridad, pr.Comportamiento, pr.Metas }).ToListAsync())
            .Where(a => a.Metas.Sum(m => m.Fisico) > 0).ToList();
        Assert.NotEmpty(vigentes);
        foreach (var a in vigentes)
        {
            var f = x.Fila(hoja, "A", $"{a.Codigo} - {a.Nombre}");
            Assert.Equal(a.Prioridad?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", x.Texto(hoja, $"B{f}") ?? "");
            Assert.Equal(SeguimientoPoiCeplan.TipoAgregacion(a.Comportamiento), x.Texto(hoja, $"D{f}"));
            for (var mes = 1; mes <= 6; mes++)
            {
                var meta = a.Metas.SingleOrDefault(m => m.Mes == mes);
                Assert.Equal((double)(meta?.Fisico ?? 0), x.Numero(hoja, $"{(char)('F' + mes - 1)}{f}"), 6);
                Assert.Equal((double)(meta?.Financiero ?? 0), x.Numero(hoja, $"{(char)('N' + mes - 1)}{f}"), 6);
            }
        }
        Assert.Contains(vigentes, a => a.Prioridad == 2);
    }

    [Fact]
    public async Task AnexoB7_LaPaginaDeReportesLoOfrece()
    {
        await PrepararAsync();
        var html = await (await app.ComoAsync(AppDePrueba.Planificador)).GetStringAsync(Base.TrimEnd('/'));
        var doc = new HtmlParser().ParseDocument(html);
        var seccion = doc.QuerySelectorAll("section.reporte")
            .Single(s => s.QuerySelector("h2")?.TextContent == SolicitudReporte.Nombre(TipoReporte.SeguimientoPei));
        Assert.Equal(Base + "seguimiento-pei.xlsx", seccion.QuerySelector("form[method=get]")?.GetAttribute("action"));
        Assert.Contains("PEI-2023-2025", seccion.TextContent);
    }

    [Fact]
    public async Task AnexoB7_PorLineaDeComandos()
    {
        await PrepararAsync();
        var configuracion = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Sipoi"] = app.Base.Conexion })
            .Build();
        var archivo = Path.Combine(_carpeta, "anexo-b7.xlsx");
        Assert.Equal(0, await LineaDeComandos.EjecutarAsync(
            ["reporte", "--entidad", Entidad, "--anio", "2024", "--tipo", "seguimiento-pei", "--salida", archivo], new StringWriter(), configuracion));
        using var x = new Xlsx(s => s.Write(File.ReadAllBytes(archivo)));
        Assert.Empty(x.Errores());
        Assert.Equal(9.5, x.Numero(Hoja, $"{Obtenido2024}{x.Fila(Hoja, "A", Validado)}"));

        // The period option belongs to other reports: refused, as for every report that does not use it.
        Assert.Equal(1, await LineaDeComandos.EjecutarAsync(
            ["reporte", "--entidad", Entidad, "--anio", "2024", "--tipo", "seguimiento-pei", "--periodo", "S1", "--salida", archivo],
            new StringWriter(), configuracion));
    }
}
