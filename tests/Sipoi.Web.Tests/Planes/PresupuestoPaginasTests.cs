using System.Net;
using Microsoft.EntityFrameworkCore;
using Sipoi.Domain.Evaluacion;
using Sipoi.Domain.Operativo;
using Sipoi.Domain.Periodos;
using Sipoi.Domain.Seguimiento;
using Sipoi.Web.Evaluacion;
using Sipoi.Web.Reportes;
using Sipoi.Web.Tests.Infraestructura;

namespace Sipoi.Web.Tests.Planes;

/// <summary>Budget pages (Pages/Presupuesto/README.md): the same model as the .xlsx, and financial next to physical execution.</summary>
public sealed class PresupuestoPaginasTests(AppDePrueba app) : IClassFixture<AppDePrueba>
{
    private const string Url = "/e/EMSAPUNO/presupuesto/2024";

    private async Task<Interop.Reportes.ResumenPresupuesto> ModeloAsync()
    {
        await using var db = app.Base.Contexto();
        var d = (await DatosReporte.CargarAsync(db, "EMSAPUNO", 2024, CancellationToken.None))!;
        return await ConstructorReportes.PresupuestoAsync(db, d, CancellationToken.None);
    }

    private static List<string[]> Filas(AngleSharp.Html.Dom.IHtmlDocument doc, string selector) =>
        doc.QuerySelectorAll(selector).Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray()).ToList();

    [Fact]
    public async Task IngresosYEgresos_SonLosDelModeloDelExcelConSuParticipacion()
    {
        var modelo = await ModeloAsync();
        var doc = await Paginas.LeerAsync(await app.ComoAsync(AppDePrueba.Consulta), Url);
        foreach (var (id, lineas) in new[] { ("ingresos", modelo.Ingresos), ("egresos", modelo.Egresos) })
        {
            Assert.NotEmpty(lineas);
            var suma = lineas.Sum(l => l.Monto);
            var filas = Filas(doc, $"#{id} tbody tr");
            Assert.Equal(lineas.Select(l => new[] { l.Codigo, l.Nombre, Cifra.Numero2(l.Monto), Cifra.Porcentaje(l.Monto / suma * 100) }), filas);
            Assert.Equal([Cifra.Numero2(suma), "100.00 %"], Filas(doc, $"#{id} tfoot tr").Single()[1..]);
        }
        // EMSAPUNO's PIA 2024 as the POI prints it (Cuadro N.º 2).
        Assert.Equal("27,601,391.00", Filas(doc, "#ingresos tfoot tr").Single()[1]);
    }

    [Fact]
    public async Task CostoPorCentro_EsElDelModeloYElExcel()
    {
        await using (var db = app.Base.Contexto())
        {
            var a = await db.Actividades.SingleAsync(x => x.Codigo == "FP06-01");
            var p = await db.Programaciones.Include(x => x.Financiera).SingleAsync(x => x.ActividadId == a.Id);
            p.Financiera.Add(new ProgramacionFinanciera(a.EntidadId, "2.3.1", 1, 1200.5m));
            p.Financiera.Add(new ProgramacionFinanciera(a.EntidadId, "2.3.2", 2, 800m));
            await db.SaveChangesAsync();
        }
        var modelo = await ModeloAsync();
        Assert.NotEmpty(modelo.CentrosCosto);
        var doc = await Paginas.LeerAsync(await app.ComoAsync(AppDePrueba.Planificador), Url);
        Assert.Equal(modelo.CentrosCosto.Select(c => new[] { c.Codigo, c.Nombre, Cifra.Numero2(c.Bienes), Cifra.Numero2(c.Servicios), Cifra.Numero2(c.Total) }),
            Filas(doc, "#por-centro tbody tr"));
        Assert.Equal(Cifra.Numero2(modelo.CentrosCosto.Sum(c => c.Total)), Filas(doc, "#por-centro tfoot tr").Single()[^1]);
        Assert.Equal(modelo.NotaCentrosCosto, doc.GetElementById("nota-centros")!.TextContent);
    }

    [Fact]
    public async Task EjecucionFinanciera_CuentaSoloMesesAprobadosYVaJuntoALaFisicaDelMotor()
    {
        string centro;
        await using (var db = app.Base.Contexto())
        {
            var a = await db.Actividades.SingleAsync(x => x.Codigo == "FP28-01");
            centro = await db.CentrosCosto.Where(c => c.Id == a.CentroCostoId).Select(c => c.Codigo).SingleAsync();
            var poi = await db.Pois.Include(p => p.Versiones).SingleAsync(p => p.Id == a.PoiId);
            var version = poi.VersionVigente!.Id;
            // S/ 1,000 programmed every month for this activity, nothing for the others of its centre (set by hand under the
            // approved version: the database's guard off for it).
            await app.Base.SinGuardaDeProgramacionAprobadaAsync(() => db.Database.ExecuteSqlAsync($"""
                UPDATE meta_mensual m SET financiero = CASE WHEN p.actividad_id = {a.Id} THEN 1000 ELSE 0 END
                  FROM programacion p JOIN actividad x ON x.id = p.actividad_id
                 WHERE m.programacion_id = p.id AND p.poi_version_id = {version} AND x.centro_costo_id = {a.CentroCostoId}
                """));
            var act = await db.Actividades.Include(x => x.Avances).SingleAsync(x => x.Id == a.Id);
            var metas = await db.MetasMensuales.Where(m => db.Programaciones.Any(p => p.Id == m.ProgramacionId && p.ActividadId == a.Id && p.PoiVersionId == version))
                .ToDictionaryAsync(m => m.Mes, m => m.Fisico);
            act.FijarAvance(1, metas[1], 1000m);
            act.FijarAvance(2, metas[2], 500m);
            act.FijarAvance(3, metas[3], 900m);   // month 3 is not approved: it must not count
            db.Seguimientos.Add(SeguimientoMensual.AprobadoPorImportacion(a.EntidadId, poi.Id, 2024, a.CentroCostoId, 1, "prueba", DateTimeOffset.UtcNow));
            db.Seguimientos.Add(SeguimientoMensual.AprobadoPorImportacion(a.EntidadId, poi.Id, 2024, a.CentroCostoId, 2, "prueba", DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }
        var http = await app.ComoAsync(AppDePrueba.Consulta);
        var doc = await Paginas.LeerAsync(http, Url + "?periodo=T1");
        Assert.Equal("I Trimestre", doc.GetElementById("periodo")!.TextContent);
        var fila = doc.QuerySelector($"#ejecucion-centros tr[data-centro='{centro}']")!;
        Assert.Equal("3,000.00", fila.QuerySelector(".programado")!.TextContent);
        Assert.Equal("1,500.00", fila.QuerySelector(".ejecutado")!.TextContent);
        Assert.Equal("50.00 %", fila.QuerySelector(".financiera")!.TextContent);

        ResultadoEvaluacion motor;
        await using (var db = app.Base.Contexto()) motor = (await ConsultaEvaluacion.EvaluarAsync(db, "EMSAPUNO", 2024, Periodo.Trimestre(1)))!;
        foreach (var c in motor.CentrosCosto)
            Assert.Equal(Cifra.Porcentaje(c.Valor), doc.QuerySelector($"#ejecucion-centros tr[data-centro='{c.Codigo}'] .fisica")!.TextContent);
        Assert.NotNull(motor.CentrosCosto.Single(c => c.Codigo == centro).Valor);

        // The year: 12,000 programmed, still only the approved 1,500.
        var anual = (await Paginas.LeerAsync(http, Url)).QuerySelector($"#ejecucion-centros tr[data-centro='{centro}']")!;
        Assert.Equal("12,000.00", anual.QuerySelector(".programado")!.TextContent);
        Assert.Equal("1,500.00", anual.QuerySelector(".ejecutado")!.TextContent);
        Assert.Equal("12.50 %", anual.QuerySelector(".financiera")!.TextContent);
    }

    [Theory]
    [InlineData(AppDePrueba.Operador)]
    [InlineData(AppDePrueba.Consulta)]
    public async Task PaginaDePresupuesto_SeLeeSinEditarYAvisaUnPeriodoInvalido(string usuario)
    {
        var http = await app.ComoAsync(usuario);
        var doc = await Paginas.LeerAsync(http, Url);
        Assert.DoesNotContain(doc.QuerySelectorAll("form[method=post]"), f => f.GetAttribute("action")?.Contains("salir", StringComparison.OrdinalIgnoreCase) != true);
        await Rechazo.EnRespuestaAsync(await http.GetAsync(Url + "?periodo=X9"), HttpStatusCode.BadRequest, "Periodo no válido");
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/e/EMSAPUNO/presupuesto/1999")).StatusCode);
    }
}
