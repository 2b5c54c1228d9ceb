using System.Net;
using Microsoft.EntityFrameworkCore;
using Sipoi.Domain.Periodos;
using Sipoi.Interop.Evaluacion;
using Sipoi.Web.Informes;
using Sipoi.Web.Tests.Infraestructura;
using static Sipoi.Web.Tests.Reportes.AvanceDePrueba;

namespace Sipoi.Web.Tests.Informes;

/// <summary>
/// Evaluations of any period (a quarter through the registry, the Word report, publication and the public page) and
/// the republication of a published evaluation, through the pages as a planner and the public use them.
/// </summary>
public sealed class RepublicacionTests(AppDePrueba app) : IClassFixture<AppDePrueba>
{
    private const string Raiz = "/e/EMSAPUNO/evaluaciones";

    private static async Task<HttpResponseMessage> RegistrarEvaluacionAsync(HttpClient http, string periodo)
    {
        var f = await Formulario.LeerAsync(http, Raiz, "registrar");
        f.Campos["anio"] = "2024";
        f.Campos["periodo"] = periodo;
        return await f.EnviarAsync(http);
    }

    private static async Task<HttpResponseMessage> PublicarAsync(HttpClient http, string periodo, string? documento)
    {
        var p = await Formulario.LeerAsync(http, $"{Raiz}/2024/{periodo}", "publicar");
        p.Campos["Documento"] = documento ?? "";
        return await p.EnviarYConfirmarAsync(http, "confirmar-publicar");
    }

    private static async Task<string> ErrorAsync(HttpResponseMessage r)
    {
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        return Formulario.Leer(await r.Content.ReadAsStringAsync()).GetElementById("error")?.TextContent
            ?? throw new Xunit.Sdk.XunitException("La página no muestra el error.");
    }

    /// <summary>May executed as 0 for one "suma" activity: the quarter's own figures then differ from the semester's.</summary>
    private async Task BajarMayoAsync()
    {
        await using var db = app.Base.Contexto();
        var poi = await db.Pois.Include(p => p.Versiones).SingleAsync(p => p.Anio == Anio && db.Entidades.Any(e => e.Id == p.EntidadId && e.Codigo == Entidad));
        var programacion = await db.Programaciones.Include(p => p.Metas)
            .Where(p => p.PoiVersionId == poi.VersionVigente!.Id && p.Comportamiento == Comportamiento.Suma)
            .OrderBy(p => p.ActividadId).ToListAsync();
        var elegida = programacion.First(p => p.Metas.Single(m => m.Mes == 5).Fisico > 0);
        var actividad = await db.Actividades.Include(a => a.Avances).SingleAsync(a => a.Id == elegida.ActividadId);
        actividad.FijarAvance(5, 0m, null);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Trimestre_RegistroInformeWordPublicacionYPaginaPublica()
    {
        await RegistrarAsync(app);
        await BajarMayoAsync();
        var http = await app.ComoAsync(AppDePrueba.Planificador);

        // The registry offers the quarters and registers one.
        var registro = Formulario.Leer(await (await http.GetAsync(Raiz)).Content.ReadAsStringAsync());
        Assert.Equal(["T1", "T2", "T3", "T4", "S1", "S2", "ANUAL"],
            registro.QuerySelectorAll("#registrar select[name=periodo] option").Select(o => o.GetAttribute("value")).Where(v => !string.IsNullOrEmpty(v)));
        var r = await RegistrarEvaluacionAsync(http, "T2");
        if (r.StatusCode == HttpStatusCode.OK) Assert.Fail(await ErrorAsync(r));
        Assert.Equal($"{Raiz}/2024/T2", r.Headers.Location!.OriginalString);
        var detalle = Formulario.Leer(await (await http.GetAsync($"{Raiz}/2024/T2")).Content.ReadAsStringAsync());
        Assert.Equal("Evaluación II Trimestre 2024", detalle.QuerySelector("h1")!.TextContent);

        // The Word report: titled by the quarter, its monitoring tables with the quarter's own figures first.
        var t2 = await MotorAsync(app, Periodo.Trimestre(2));
        var s1 = await MotorAsync(app, Periodo.Semestre(1));
        Assert.NotEqual(t2.Igi, s1.Igi);
        var word = await http.GetAsync("/e/EMSAPUNO/reportes/2024/informe.docx?periodo=T2");
        Assert.Equal(HttpStatusCode.OK, word.StatusCode);
        var bytes = await word.Content.ReadAsByteArrayAsync();
        using (var docx = new Docx(s => s.Write(bytes)))
        {
            Assert.Contains("Periodo evaluado: II Trimestre 2024", docx.Parrafos.Take(10));
            var oei = Docx.Celdas(docx.Seccion(Sipoi.Interop.Reportes.InformeEvaluacionWord.Anexos).OfType<DocumentFormat.OpenXml.Wordprocessing.Table>().First());
            Assert.Equal(["Código", "Denominación", "Prioridad", "N.º AO", "II Trimestre", "I Semestre", "II Semestre", "Anual", "Desempeño (II Trimestre)"], oei[0]);
            var igi = oei.Single(f => f[0] == "IGI");
            Assert.Equal(FormatoNumero.Porcentaje(t2.Igi), igi[4]);
            Assert.Equal(FormatoNumero.Porcentaje(s1.Igi), igi[5]);
            var primerOei = t2.Oeis[0];
            Assert.Equal(FormatoNumero.Porcentaje(primerOei.Valor), oei.Single(f => f[0] == primerOei.Codigo)[4]);
        }
        // The monitoring workbook too.
        var xlsx = await http.GetAsync("/e/EMSAPUNO/reportes/2024/seguimiento.xlsx?periodo=T2");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var libroBytes = await xlsx.Content.ReadAsByteArrayAsync();
        using (var libro = new Xlsx(s => s.Write(libroBytes)))
            Assert.Equal((double)t2.Igi!.Value, libro.Numero("OEI y AEI", $"E{libro.Fila("OEI y AEI", "A", "IGI")}"), 10);

        // Published: the quarter's IGI is frozen and the public page shows it.
        Assert.Equal(HttpStatusCode.Redirect, (await PublicarAsync(http, "T2", "Informe N.º 020-2024-OPP")).StatusCode);
        await using (var db = app.Base.Contexto())
        {
            var ev = await db.Evaluaciones.SingleAsync(e => e.Anio == 2024 && e.PeriodoCodigo == "T2");
            Assert.True(ev.Publicada);
            Assert.Equal(t2.Igi, ev.Igi);
        }
        var publica = Formulario.Leer(await (await app.ClienteAnonimo().GetAsync("/transparencia/EMSAPUNO")).Content.ReadAsStringAsync());
        var seccion = publica.GetElementById("evaluacion-2024-T2")!;
        Assert.Equal("Evaluación II Trimestre 2024", seccion.QuerySelector("h3")!.TextContent);
        Assert.Contains(Sipoi.Web.Presentacion.Formato.Porcentaje(t2.Igi), seccion.QuerySelector(".igi")!.TextContent);
        var enlace = seccion.QuerySelector("a[href*='nombre=informe.docx']")!.GetAttribute("href")!;
        var descarga = await app.ClienteAnonimo().GetAsync(enlace);
        Assert.Equal(HttpStatusCode.OK, descarga.StatusCode);
        Assert.Equal("POI-2024-EMSAPUNO-evaluacion-T2-informe.docx", descarga.Content.Headers.ContentDisposition!.FileNameStar);
    }

    [Fact]
    public async Task Republicacion_AlPublicarseReemplazaYLaPaginaPublicaConservaAmbas()
    {
        await RegistrarAsync(app);
        var http = await app.ComoAsync(AppDePrueba.Planificador);
        try
        {
            app.Reloj.Fijar(2024, 4, 20);
            Assert.Equal(HttpStatusCode.Redirect, (await RegistrarEvaluacionAsync(http, "T1")).StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, (await PublicarAsync(http, "T1", "Informe N.º 010-2024-OPP")).StatusCode);
            // Published: no publish form any more, a republication form instead.
            var publicada = Formulario.Leer(await (await http.GetAsync($"{Raiz}/2024/T1")).Content.ReadAsStringAsync());
            Assert.Null(publicada.GetElementById("publicar"));

            // A republication needs its reason; nothing changes without it.
            app.Reloj.Fijar(2024, 5, 2);
            var rep = await Formulario.LeerAsync(http, $"{Raiz}/2024/T1", "republicar");
            rep.Campos["MotivoRepublicacion"] = " ";
            Assert.Equal("Para republicar la evaluación I Trimestre 2024 indique el motivo de la corrección.", await ErrorAsync(await rep.EnviarAsync(http)));
            rep.Campos["MotivoRepublicacion"] = "Corrección del avance de febrero del centro 01.02";
            Assert.Equal(HttpStatusCode.Redirect, (await rep.EnviarAsync(http)).StatusCode);
            var enCurso = Formulario.Leer(await (await http.GetAsync($"{Raiz}/2024/T1")).Content.ReadAsStringAsync());
            Assert.Equal("Republicación en curso", enCurso.GetElementById("republicacion")!.TextContent);
            Assert.Null(enCurso.GetElementById("republicar"));
            Assert.Contains("Republicación en curso", Formulario.Leer(await (await http.GetAsync(Raiz)).Content.ReadAsStringAsync()).Body!.TextContent);
            // Meanwhile the public page still shows the publication in force, alone.
            var antes = Formulario.Leer(await (await app.ClienteAnonimo().GetAsync("/transparencia/EMSAPUNO")).Content.ReadAsStringAsync());
            Assert.Contains("Publicada el 20/04/2024 · Informe N.º 010-2024-OPP", antes.GetElementById("evaluacion-2024-T1")!.TextContent);
            Assert.Empty(antes.QuerySelectorAll("#evaluacion-2024-T1 .publicacion-reemplazada"));

            app.Reloj.Fijar(2024, 5, 3);
            Assert.Equal(HttpStatusCode.Redirect, (await PublicarAsync(http, "T1", "Informe N.º 015-2024-OPP")).StatusCode);
            var lista = Formulario.Leer(await (await http.GetAsync(Raiz)).Content.ReadAsStringAsync()).Body!.TextContent;
            Assert.Contains("(publicación 2)", lista);
            Assert.DoesNotContain("Republicación en curso", lista);
        }
        finally { app.Reloj.Real(); }

        await using var db = app.Base.Contexto();
        var ev = await db.Evaluaciones.Include(e => e.Archivos).Include(e => e.Reemplazadas).SingleAsync(e => e.Anio == 2024 && e.PeriodoCodigo == "T1");
        Assert.Equal((2, false, "Informe N.º 015-2024-OPP"), (ev.Publicacion, ev.EnRepublicacion, ev.Documento));
        Assert.Equal([1, 1, 1, 2, 2, 2], ev.Archivos.Select(a => a.Publicacion).Order());
        var anterior = Assert.Single(ev.Reemplazadas);
        Assert.Equal(("Informe N.º 010-2024-OPP", "Corrección del avance de febrero del centro 01.02"), (anterior.Documento, anterior.MotivoRepublicacion));

        // The public page: the current publication first, the superseded one marked, both with their files.
        var pagina = Formulario.Leer(await (await app.ClienteAnonimo().GetAsync("/transparencia/EMSAPUNO")).Content.ReadAsStringAsync());
        var seccion = pagina.GetElementById("evaluacion-2024-T1")!;
        Assert.Contains("Publicada el 03/05/2024 · Informe N.º 015-2024-OPP", seccion.QuerySelector(".meta")!.TextContent);
        var vieja = seccion.QuerySelector(".publicacion-reemplazada")!;
        Assert.Equal("evaluacion-2024-T1-publicacion-1", vieja.Id);
        Assert.Contains("Reemplazada el 03/05/2024 por la publicación del 03/05/2024 (Informe N.º 015-2024-OPP)", vieja.TextContent);
        Assert.Contains("publicación del 20/04/2024", vieja.QuerySelector("h4")!.TextContent);
        Assert.Contains("Corrección del avance de febrero del centro 01.02", vieja.TextContent);
        foreach (var (enlace, publicacion) in new[]
                 {
                     (seccion.QuerySelector(".archivos a[href*='nombre=evaluacion.json']")!, 2),
                     (vieja.QuerySelector("a[href*='nombre=evaluacion.json']")!, 1),
                 })
        {
            var descarga = await app.ClienteAnonimo().GetAsync(enlace.GetAttribute("href")!);
            Assert.Equal(HttpStatusCode.OK, descarga.StatusCode);
            Assert.Equal(ev.Archivos.Single(a => a.Publicacion == publicacion && a.Nombre == RegistroEvaluaciones.ArchivoJson).Contenido,
                await descarga.Content.ReadAsByteArrayAsync());
        }

        // Audited: the start of the republication and the superseded publication.
        Assert.True(await db.Auditoria.AnyAsync(a => a.Tabla == "evaluacion_poi" && a.Campo == "republicacion_motivo"
            && a.ValorNuevo == "Corrección del avance de febrero del centro 01.02"));
        Assert.True(await db.Auditoria.AnyAsync(a => a.Tabla == "publicacion_reemplazada"));
        Assert.True(await db.Auditoria.AnyAsync(a => a.Tabla == "evaluacion_poi" && a.Campo == "documento"
            && a.ValorAnterior == "Informe N.º 010-2024-OPP" && a.ValorNuevo == "Informe N.º 015-2024-OPP"));
    }
}
