using System.Net;
using Microsoft.EntityFrameworkCore;
using Sipoi.Domain.Evaluacion;
using Sipoi.Domain.Operativo;
using Sipoi.Domain.Periodos;
using Sipoi.Web.Evaluacion;
using Sipoi.Web.Informes;
using Sipoi.Web.Presentacion;
using Sipoi.Web.Tests.Infraestructura;
using static Sipoi.Web.Tests.Reportes.AvanceDePrueba;

namespace Sipoi.Web.Tests.Informes;

/// <summary>
/// The public page shows approved and published data only: an approved POI (never a draft year or a draft
/// version), published evaluations (never one in preparation) with files frozen from approved months, even when
/// the entity shows submitted months internally.
/// </summary>
public sealed class TransparenciaTests(AppDePrueba app) : IClassFixture<AppDePrueba>, IDisposable
{
    private readonly SemaphoreSlim _preparado = new(1, 1);

    public void Dispose() => _preparado.Dispose();
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<AppDePrueba, object> Hecho = new();

    /// <summary>
    /// Once per class: the report progress (Jan–Aug approved), September submitted but not approved with the entity
    /// set to show submitted months, a draft POI 2025, a draft v2 of 2024, S1 published and S2 registered only.
    /// </summary>
    private async Task PrepararAsync()
    {
        await _preparado.WaitAsync();
        try
        {
            if (Hecho.TryGetValue(app, out _)) return;
            await RegistrarAsync(app);
            await using var db = app.Base.Contexto();
            var entidad = await db.Entidades.SingleAsync(e => e.Codigo == Entidad);
            entidad.Configurar(entidad.Configuracion with { MostrarEnviados = true });
            var poi = await db.Pois.Include(p => p.Versiones).SingleAsync(p => p.Anio == Anio);
            foreach (var centro in await db.Actividades.Where(a => a.PoiId == poi.Id).Select(a => a.CentroCostoId).Distinct().ToListAsync())
                db.Seguimientos.Add(Seguimientos.Enviado(entidad, poi.Id, Anio, centro, 9));
            poi.AgregarVersion(TipoVersionPoi.Modificado, "POI Modificado v2 (borrador)", "Reprogramación en trámite");
            var borrador = new Poi(entidad.Id, 2025, poi.PeiId);
            borrador.AgregarVersion(TipoVersionPoi.Multianual, "Multianual 2025 (borrador)");
            db.Pois.Add(borrador);
            await db.SaveChangesAsync();

            var s1 = await RegistroEvaluaciones.RegistrarAsync(db, entidad.Id, Anio, Periodo.Semestre(1), default);
            await RegistroEvaluaciones.PublicarAsync(db, s1, "Informe N.º 012-2024-OPP", "planificador", DateTimeOffset.UtcNow, default);
            var s2 = await RegistroEvaluaciones.RegistrarAsync(db, entidad.Id, Anio, Periodo.Semestre(2), default);
            await RegistroEvaluaciones.PublicarAsync(db, await RegistroEvaluaciones.RegistrarAsync(db, entidad.Id, Anio, Periodo.Anual, default),
                null, "planificador", DateTimeOffset.UtcNow, default, confirmarIncompleta: true, motivoIncompleta: "Cierre de año"); // Sep–Dec unapproved
            _ = s2;
            Hecho.Add(app, new object());
        }
        finally { _preparado.Release(); }
    }

    private async Task<ResultadoEvaluacion> EvaluarAsync(Periodo periodo, bool enviados)
    {
        await using var db = app.Base.Contexto();
        var c = (await ConsultaEvaluacion.ContextoAsync(db, Entidad, Anio))!;
        return await ConsultaEvaluacion.EvaluarAsync(db, c with { Configuracion = c.Configuracion with { MostrarEnviados = enviados } }, Anio, periodo);
    }

    [Fact]
    public async Task Publicacion_CongelaSoloMesesAprobadosAunqueLaEntidadMuestreLosEnviados()
    {
        await PrepararAsync();
        var aprobados = await EvaluarAsync(Periodo.Anual, enviados: false);
        var conEnviados = await EvaluarAsync(Periodo.Anual, enviados: true);
        Assert.NotEqual(aprobados.Igi, conEnviados.Igi); // September's submitted values do change the figures…
        await using var db = app.Base.Contexto();
        var anual = await db.Evaluaciones.SingleAsync(e => e.Anio == Anio && e.PeriodoCodigo == "ANUAL");
        Assert.Equal(aprobados.Igi, anual.Igi); // …but what was published counts approved months only.

        var doc = Formulario.Leer(await (await app.ClienteAnonimo().GetAsync("/transparencia/EMSAPUNO")).Content.ReadAsStringAsync());
        var seccion = doc.GetElementById("evaluacion-2024-ANUAL")!;
        Assert.Contains(Formato.Porcentaje(aprobados.Igi), seccion.QuerySelector(".igi")!.TextContent);
        var filas = seccion.QuerySelectorAll("table:not(.metodo-ponderado) tbody tr").ToList();
        Assert.Equal(aprobados.Oeis.Select(o => o.Codigo), filas.Select(f => f.Children[0].TextContent));
        Assert.Equal(aprobados.Oeis.Select(o => Formato.Porcentaje(o.Valor)), filas.Select(f => f.Children[2].TextContent));
        Assert.Equal(aprobados.Oeis.Select(o => o.Banda is { } b ? aprobados.Bandas.Texto(b) : "ND"),
            filas.Select(f => f.Children[3].TextContent));
    }

    [Fact]
    public async Task PaginaPublica_SinSesion_SoloPoiAprobadoYEvaluacionesPublicadas()
    {
        await PrepararAsync();
        var http = app.ClienteAnonimo();
        var indice = await http.GetAsync("/transparencia");
        Assert.Equal(HttpStatusCode.OK, indice.StatusCode);
        Assert.Contains("/transparencia/EMSAPUNO", await indice.Content.ReadAsStringAsync());

        var r = await http.GetAsync("/transparencia/EMSAPUNO");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var html = await r.Content.ReadAsStringAsync();
        var doc = Formulario.Leer(html);
        var pois = doc.QuerySelectorAll("#pois tbody tr").ToList();
        var poi = Assert.Single(pois);
        Assert.Equal(["2024", "Anual", "RGG N.º 114-2023-EMSAPUNO/GG", "28/12/2023"], poi.Children.Take(4).Select(c => c.TextContent));
        // No draft POI version is published (the evaluations' generated files are labelled drafts, beside their official document).
        Assert.DoesNotContain("borrador", doc.GetElementById("pois")!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("2025", doc.GetElementById("pois")!.TextContent);
        Assert.Equal(["evaluacion-2024-ANUAL", "evaluacion-2024-S1"], doc.QuerySelectorAll("section.evaluacion-publicada").Select(s => s.Id!));
        Assert.Null(doc.GetElementById("evaluacion-2024-S2"));

        // The draft year, an unknown report type and the unpublished evaluation's files are not reachable.
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/transparencia/EMSAPUNO?handler=Poi&anio=2025&tipo=matriz")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/transparencia/EMSAPUNO?handler=Poi&anio=2024&tipo=ejecucion")).StatusCode);
        int s2;
        await using (var db = app.Base.Contexto())
            s2 = await db.Evaluaciones.Where(e => e.PeriodoCodigo == "S2").Select(e => e.Id).SingleAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/transparencia/EMSAPUNO?handler=Archivo&id={s2}&nombre=informe.docx")).StatusCode);
        // The office's own pages stay behind the log-in.
        Assert.Equal(HttpStatusCode.Redirect, (await http.GetAsync("/e/EMSAPUNO/evaluaciones")).StatusCode);
    }

    [Fact]
    public async Task Descargas_PublicasSonLosArchivosCongeladosYLaMatrizDeLaVersionAprobada()
    {
        await PrepararAsync();
        var http = app.ClienteAnonimo();
        var doc = Formulario.Leer(await (await http.GetAsync("/transparencia/EMSAPUNO")).Content.ReadAsStringAsync());
        var enlaces = doc.GetElementById("evaluacion-2024-S1")!.QuerySelectorAll("a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(3, enlaces.Count);
        await using var db = app.Base.Contexto();
        var s1 = await db.Evaluaciones.Include(e => e.Archivos).SingleAsync(e => e.PeriodoCodigo == "S1");
        foreach (var enlace in enlaces)
        {
            var r = await http.GetAsync(enlace);
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            var bytes = await r.Content.ReadAsByteArrayAsync();
            Assert.Contains(s1.Archivos, a => a.Contenido.SequenceEqual(bytes) && a.Mime == r.Content.Headers.ContentType!.MediaType);
        }

        // The matrix comes from the approved version, not from the newer draft v2 (which programs nothing).
        var matriz = await http.GetAsync("/transparencia/EMSAPUNO?handler=Poi&anio=2024&tipo=matriz");
        Assert.Equal(HttpStatusCode.OK, matriz.StatusCode);
        var contenido = await matriz.Content.ReadAsByteArrayAsync();
        using var libro = new Xlsx(s => s.Write(contenido));
        var actividades = await db.Actividades.CountAsync(a => db.Pois.Any(p => p.Id == a.PoiId && p.Anio == Anio));
        Assert.DoesNotContain("Sin actividades", libro.Hojas); // what the draft v2 would give
        Assert.True(libro.Hojas.Count > 1);
        Assert.True(actividades > 200);
        var aprobada = await db.PoiVersiones.Where(v => v.Estado == EstadoVersionPoi.Aprobada).Select(v => v.Id).SingleAsync();
        Assert.Equal(actividades, await db.Programaciones.CountAsync(p => p.PoiVersionId == aprobada));
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/transparencia/EMSAPUNO?handler=Poi&anio=2024&tipo=presupuesto")).StatusCode);
    }
}
