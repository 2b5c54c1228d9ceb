using Microsoft.EntityFrameworkCore;
using Sipoi.Domain.Periodos;
using Sipoi.Interop.Intercambio;
using Sipoi.Web.Informes;
using Sipoi.Web.Intercambio;

namespace Sipoi.Web.Tests.Intercambio;

/// <summary>
/// The exchange file carries the justifications (EXCHANGE.md, <c>justificaciones</c>): export → import under another code
/// keeps every activity's texts of every month and the centres' period summaries, and the copy's consolidated narrative equals the original's.
/// </summary>
public sealed class JustificacionesIdaYVueltaTests(AppConAvanceDemo app) : IClassFixture<AppConAvanceDemo>
{
    private const int Anio = AvanceDemo.Anio;

    [Fact]
    public async Task JustificacionesYResumenes_ExportarEImportar_LleganIgualYConsolidanIgual()
    {
        const string copia = "COPIAJ";
        DocumentoIntercambio exportado;
        await using (var db = app.Base.Contexto())
            exportado = (await ExportadorPlan.ExportarAsync(db, DatosDemo.CodigoEntidad, Anio))!;
        var enArchivo = exportado.Poi.Actividades.Sum(a => a.Justificaciones.Count);
        Assert.True(enArchivo > 0, "La demostración debe tener justificaciones.");

        var lectura = LectorIntercambio.Leer(EscritorIntercambio.EscribirTexto(exportado with { Entidad = exportado.Entidad with { Codigo = copia } }));
        Assert.True(lectura.EsValido, string.Join("\n", lectura.Errores));
        await using (var db = app.Base.Contexto())
        {
            var r = await ImportadorPlan.ImportarAsync(db, lectura.Documento);
            Assert.True(r.Exito, string.Join("\n", r.Errores));
        }

        await using var bd = app.Base.Contexto();
        var original = await TextosAsync(bd, DatosDemo.CodigoEntidad);
        Assert.Equal(enArchivo, original.Count);
        Assert.Equal(original, await TextosAsync(bd, copia));

        // The centres' period summaries travel too (poi.resumenesPeriodo).
        Assert.NotEmpty(exportado.Poi.ResumenesPeriodo);
        var resumenes = await ResumenesAsync(bd, DatosDemo.CodigoEntidad);
        Assert.Equal(exportado.Poi.ResumenesPeriodo.Count, resumenes.Count);
        Assert.Equal(resumenes, await ResumenesAsync(bd, copia));

        foreach (var periodo in new[] { Periodo.Trimestre(1), Periodo.Semestre(2), Periodo.Anual })
        {
            var a = await ConsolidadoAsync(bd, DatosDemo.CodigoEntidad, periodo);
            Assert.NotEmpty(a);
            Assert.Equal(a, await ConsolidadoAsync(bd, copia, periodo));
        }
    }

    /// <summary>Every justification of the entity's POI year as "activity|month|logros|dificultades|medidas", ordered.</summary>
    private static async Task<List<string>> TextosAsync(Sipoi.Web.Data.SipoiDbContext db, string entidad) =>
        (await (from v in db.Avances
                join a in db.Actividades on v.ActividadId equals a.Id
                join p in db.Pois on a.PoiId equals p.Id
                join e in db.Entidades on p.EntidadId equals e.Id
                where e.Codigo == entidad && p.Anio == Anio && (v.Logros != null || v.Dificultades != null || v.MedidasCorrectivas != null)
                select new { a.Codigo, v.Mes, v.Logros, v.Dificultades, v.MedidasCorrectivas }).ToListAsync())
        .Select(x => $"{x.Codigo}|{x.Mes}|{x.Logros}|{x.Dificultades}|{x.MedidasCorrectivas}").Order(StringComparer.Ordinal).ToList();

    private static async Task<List<string>> ResumenesAsync(Sipoi.Web.Data.SipoiDbContext db, string entidad) =>
        (await (from r in db.ResumenesPeriodo
                join c in db.CentrosCosto on r.CentroCostoId equals c.Id
                join p in db.Pois on r.PoiId equals p.Id
                join e in db.Entidades on p.EntidadId equals e.Id
                where e.Codigo == entidad && p.Anio == Anio
                select new { c.Codigo, r.PeriodoCodigo, r.Texto }).ToListAsync())
        .Select(x => $"{x.Codigo}|{x.PeriodoCodigo}|{x.Texto}").Order(StringComparer.Ordinal).ToList();

    private static async Task<List<string>> ConsolidadoAsync(Sipoi.Web.Data.SipoiDbContext db, string entidad, Periodo periodo)
    {
        var e = await db.Entidades.AsNoTracking().SingleAsync(x => x.Codigo == entidad);
        var n = await NarrativaInforme.CargarAsync(db, e.Id, Anio, periodo, e.Configuracion, default);
        return n.Oeis.SelectMany(o => o.Aeis.SelectMany(a => a.Lineas.Select(l =>
            $"{o.Codigo}|{a.Codigo}|{l.ActividadCodigo}|{l.CentroCodigo}|{l.Mes}|{l.Logros}|{l.Dificultades}|{l.MedidasCorrectivas}"))).ToList();
    }
}
