using System.Net;
using Microsoft.EntityFrameworkCore;
using Sipoi.Domain.Operativo;
using Sipoi.Web.Tests.Infraestructura;

namespace Sipoi.Web.Tests.Reportes;

/// <summary>The per-cost-centre budget table from the financial programming of the POI version in force (genérica 2.3 by subgenérica).</summary>
public sealed class PresupuestoTests(AppDePrueba app) : IClassFixture<AppDePrueba>
{
    [Fact]
    public async Task Presupuesto_SumaBienesYServiciosPorCentroYAvisaLo23SinDesagregar()
    {
        string centroA, centroB;
        await using (var db = app.Base.Contexto())
        {
            var a = await db.Actividades.SingleAsync(x => x.Codigo == "FP06-01");
            var b = await db.Actividades.SingleAsync(x => x.Codigo == "FP28-01");
            centroA = await db.CentrosCosto.Where(c => c.Id == a.CentroCostoId).Select(c => c.Codigo).SingleAsync();
            centroB = await db.CentrosCosto.Where(c => c.Id == b.CentroCostoId).Select(c => c.Codigo).SingleAsync();
            var pa = await db.Programaciones.Include(p => p.Financiera).SingleAsync(p => p.ActividadId == a.Id);
            var pb = await db.Programaciones.Include(p => p.Financiera).SingleAsync(p => p.ActividadId == b.Id);
            pa.Financiera.Add(new ProgramacionFinanciera(a.EntidadId, "2.3.1", 1, 100m));
            pa.Financiera.Add(new ProgramacionFinanciera(a.EntidadId, "2.3.1", 2, 50.5m));
            pa.Financiera.Add(new ProgramacionFinanciera(a.EntidadId, "2.3.2", 3, 200m));
            pa.Financiera.Add(new ProgramacionFinanciera(a.EntidadId, "2.3", 4, 30m));
            pa.Financiera.Add(new ProgramacionFinanciera(a.EntidadId, "2.1", 5, 999m));
            pb.Financiera.Add(new ProgramacionFinanciera(b.EntidadId, "2.3.2.1", 6, 75m));
            await db.SaveChangesAsync();
        }
        Assert.True(string.CompareOrdinal(centroA, centroB) < 0);

        var r = await (await app.ComoAsync(AppDePrueba.Planificador)).GetAsync("/e/EMSAPUNO/reportes/2024/presupuesto.xlsx");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var bytes = await r.Content.ReadAsByteArrayAsync();
        using var x = new Xlsx(s => s.Write(bytes));
        Assert.Empty(x.Errores());
        const string hoja = "Por centro de costo";
        Assert.Equal(centroA, x.Texto(hoja, "A6"));
        Assert.Equal(150.5, x.Numero(hoja, "C6"), 10);
        Assert.Equal(200, x.Numero(hoja, "D6"), 10);
        Assert.Equal(350.5, x.Numero(hoja, "E6"), 10);
        Assert.Equal(centroB, x.Texto(hoja, "A7"));
        Assert.Equal(0, x.Numero(hoja, "C7"), 10);
        Assert.Equal(75, x.Numero(hoja, "D7"), 10);
        Assert.Equal("TOTAL", x.Texto(hoja, "A8"));
        Assert.Equal("SUM(E6:E7)", x.Formula(hoja, "E8"));
        Assert.Equal(425.5, x.Numero(hoja, "E8"), 10);
        var nota = x.Texto(hoja, "A10")!;
        Assert.Contains("S/ 30.00 de la genérica 2.3 están registrados sin subgenérica", nota);
        Assert.Contains("bienes = subgenérica 2.3.1", nota);
    }
}
