using System.Net;
using Microsoft.EntityFrameworkCore;
using Sipoi.Domain.Periodos;
using Sipoi.Domain.Seguimiento;
using Sipoi.Interop.Intercambio;
using Sipoi.Web.Evaluacion;
using Sipoi.Web.Intercambio;
using Sipoi.Web.Tests.Infraestructura;

namespace Sipoi.Web.Tests.Seguimiento;

/// <summary>
/// Evaluation and reports read approved months only (DOMAIN.md §4); an entity may also count submitted
/// ones, and then says so. Imported execution enters approved.
/// </summary>
public sealed class DatosAprobadosTests(AppDePrueba app) : IClassFixture<AppDePrueba>
{
    private const string Codigo = "FP08-10";   // 03.01, 90 "N° medidor" per month

    private async Task<Sipoi.Domain.Evaluacion.ResultadoActividad> AbrilAsync()
    {
        await using var db = app.Base.Contexto();
        var r = await ConsultaEvaluacion.EvaluarAsync(db, "EMSAPUNO", 2024, Periodo.Mes(4));
        return r!.Actividades.Single(a => a.Codigo == Codigo);
    }

    private async Task CambiarAsync(Func<Sipoi.Web.Data.SipoiDbContext, Task> cambio)
    {
        await using var db = app.Base.Contexto();
        await cambio(db);
        await db.SaveChangesAsync();
    }

    private async Task MostrarEnviadosAsync(bool mostrar) => await CambiarAsync(async db =>
    {
        var e = await db.Entidades.SingleAsync(x => x.Codigo == "EMSAPUNO");
        e.Configurar(e.Configuracion with { MostrarEnviados = mostrar });
    });

    [Fact]
    public async Task Evaluacion_CuentaSoloMesesAprobados_OEnviadosSiLaEntidadLoPide()
    {
        await CambiarAsync(async db =>
        {
            var a = await db.Actividades.Include(x => x.Avances).SingleAsync(x => x.Codigo == Codigo);
            a.FijarAvance(4, 45m, null);
        });
        // Registered but not submitted: not counted.
        var pendiente = await AbrilAsync();
        Assert.Null(pendiente.Ejecutado);
        Assert.Equal(Sipoi.Domain.Evaluacion.EstadoEjecucion.SinRegistro, pendiente.Estado);

        int poi = 0, centro = 0;
        await CambiarAsync(async db =>
        {
            var e = await db.Entidades.SingleAsync(x => x.Codigo == "EMSAPUNO");
            var a = await db.Actividades.SingleAsync(x => x.Codigo == Codigo);
            (poi, centro) = (a.PoiId, a.CentroCostoId);
            db.Seguimientos.Add(Seguimientos.Enviado(e, a.PoiId, 2024, a.CentroCostoId, 4));
        });
        Assert.Null((await AbrilAsync()).Ejecutado);

        // The entity shows submitted months: counted, and the evaluation page says the figures include them.
        await MostrarEnviadosAsync(true);
        var conEnviados = await AbrilAsync();
        Assert.Equal(45m, conEnviados.Ejecutado);
        Assert.Equal(50m, conEnviados.Ejecucion);
        var pagina = await (await app.ComoAsync(AppDePrueba.Consulta)).GetAsync("/e/EMSAPUNO/evaluacion/2024?periodo=M04");
        var doc = Formulario.Leer(await pagina.Content.ReadAsStringAsync());
        Assert.Contains("incluyen datos enviados sin aprobar", doc.GetElementById("incluye-enviados")!.TextContent);
        Assert.Contains("03.01", doc.GetElementById("incluye-enviados")!.TextContent);
        // The cost centre's own row is marked too.
        var marca = Assert.Single(doc.QuerySelectorAll(".nota-enviados"));
        Assert.Equal("03.01", marca.Closest("tr")!.Children[0].TextContent.Trim());
        // Another period without submitted months carries no note.
        var enero = Formulario.Leer(await (await (await app.ComoAsync(AppDePrueba.Consulta)).GetAsync("/e/EMSAPUNO/evaluacion/2024?periodo=M01")).Content.ReadAsStringAsync());
        Assert.Null(enero.GetElementById("incluye-enviados"));

        // Approved: counted with the default setting, and no note.
        await MostrarEnviadosAsync(false);
        await CambiarAsync(async db =>
        {
            var s = await db.Seguimientos.SingleAsync(x => x.PoiId == poi && x.CentroCostoId == centro && x.Mes == 4);
            s.Aprobar("planificador.prueba", Seguimientos.En(2024, 5, 2));
        });
        Assert.Equal(45m, (await AbrilAsync()).Ejecutado);
        var aprobada = Formulario.Leer(await (await (await app.ComoAsync(AppDePrueba.Consulta)).GetAsync("/e/EMSAPUNO/evaluacion/2024?periodo=M04")).Content.ReadAsStringAsync());
        Assert.Null(aprobada.GetElementById("incluye-enviados"));
    }

    [Fact]
    public async Task Importacion_LaEjecucionDelArchivoEntraAprobadaYReimportarNoDuplica()
    {
        DocumentoIntercambio demo;
        await using (var s = DatosDemo.Abrir()) demo = LectorIntercambio.Leer(s).Documento!;
        // Two activities of different centres with execution in January and February; one more in March.
        var actividades = demo.Poi.Actividades.Select(a => a.Codigo switch
        {
            "FP34-09" => a with { Ejecutado = [150m, 140m, null, null, null, null, null, null, null, null, null, null] },
            "FP08-10" => a with { Ejecutado = [90m, null, 80m, null, null, null, null, null, null, null, null, null] },
            _ => a,
        }).ToList();
        var doc = demo with
        {
            Entidad = demo.Entidad with { Codigo = "IMPORTADA", Nombre = "ENTIDAD IMPORTADA", Siglas = "IMP" },
            Poi = demo.Poi with { Actividades = actividades },
        };
        for (var vez = 1; vez <= 2; vez++)
        {
            await using var db = app.Base.Contexto();
            var r = await ImportadorPlan.ImportarAsync(db, doc);
            Assert.True(r.Exito, string.Join("\n", r.Errores));
        }

        await using (var db = app.Base.Contexto())
        {
            var filas = await (
                from s in db.Seguimientos
                join c in db.CentrosCosto on s.CentroCostoId equals c.Id
                join e in db.Entidades on s.EntidadId equals e.Id
                where e.Codigo == "IMPORTADA"
                orderby c.Codigo, s.Mes
                select new { c.Codigo, s.Mes, s.Estado, s.UltimaAccion }).ToListAsync();
            Assert.Equal([("01.02", 1), ("01.02", 2), ("03.01", 1), ("03.01", 3)], filas.Select(f => (f.Codigo, f.Mes)).ToList());
            Assert.All(filas, f => Assert.Equal(EstadoSeguimiento.Aprobado, f.Estado));
            Assert.All(filas, f => Assert.Equal(AccionAuditada.Importacion, f.UltimaAccion));

            var r = await ConsultaEvaluacion.EvaluarAsync(db, "IMPORTADA", 2024, Periodo.Mes(2));
            Assert.Equal(140m, r!.Actividades.Single(a => a.Codigo == "FP34-09").Ejecutado);
        }

        // An imported (approved) month is read-only on the grid.
        app.Reloj.Fijar(2024, 2, 5);
        var http = await app.ComoAsync(AppDePrueba.Planificador);
        var otra = await http.GetAsync("/e/IMPORTADA/seguimiento/2024/1?centro=01.02");
        Assert.Equal(HttpStatusCode.Forbidden, otra.StatusCode);   // another entity's planner
        await using (var db = app.Base.Contexto())
        {
            var m = await Sipoi.Web.Seguimiento.MesSeguimiento.CargarAsync(db, "IMPORTADA", 2024, 1, "01.02", default);
            Assert.Equal("El seguimiento de enero de 2024 está aprobado y es de solo lectura.", m!.MotivoNoEditable(new DateOnly(2024, 2, 5)));
        }
    }
}
