using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sipoi.Domain.Informes;
using Sipoi.Domain.Periodos;
using Sipoi.Web.Informes;
using Sipoi.Web.Tests.Infraestructura;
using static Sipoi.Web.Tests.Reportes.AvanceDePrueba;

namespace Sipoi.Web.Tests.Informes;

/// <summary>
/// Registering evaluations, the recommendations matrix with its follow-up, and publication, through the pages
/// as a planner uses them (forms read from the page, antiforgery included).
/// </summary>
public sealed class EvaluacionesTests(AppDePrueba app) : IClassFixture<AppDePrueba>
{
    private const string Raiz = "/e/EMSAPUNO/evaluaciones";

    private async Task<HttpResponseMessage> RegistrarEvaluacionAsync(HttpClient http, int anio, string periodo)
    {
        var f = await Formulario.LeerAsync(http, Raiz, "registrar");
        f.Campos["anio"] = anio.ToString(System.Globalization.CultureInfo.InvariantCulture);
        f.Campos["periodo"] = periodo;
        return await f.EnviarAsync(http);
    }

    private async Task<HttpResponseMessage> RecomendarAsync(HttpClient http, string url, string texto, string? plazo = "2024-10-31", string centro = "01.02")
    {
        var f = await Formulario.LeerAsync(http, url, "recomendacion");
        f.Campos["AspectoMejora"] = "Ejecución baja en " + texto;
        f.Campos["Texto"] = texto;
        f.Campos["AccionClave"] = "Reunión de reprogramación con las unidades";
        f.Campos["Unidades"] = (await CentroIdAsync(centro)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        f.Campos["Plazo"] = plazo ?? "";
        return await f.EnviarAsync(http);
    }

    private async Task<int> CentroIdAsync(string codigo)
    {
        await using var db = app.Base.Contexto();
        return await db.CentrosCosto.Where(c => c.Codigo == codigo).Select(c => c.Id).SingleAsync();
    }

    private async Task<(int Evaluaciones, int Recomendaciones, int Seguimientos, int Archivos)> ContarAsync()
    {
        await using var db = app.Base.Contexto();
        return (await db.Evaluaciones.CountAsync(), await db.Recomendaciones.CountAsync(), await db.SeguimientosRecomendacion.CountAsync(),
            await db.ArchivosPublicados.CountAsync());
    }

    private static async Task<string> ErrorAsync(HttpResponseMessage r)
    {
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        return Formulario.Leer(await r.Content.ReadAsStringAsync()).GetElementById("error")?.TextContent
            ?? throw new Xunit.Sdk.XunitException("La página no muestra el error.");
    }

    [Fact]
    public async Task Flujo_RecomendarSeguirEnLaEvaluacionSiguienteYPublicar()
    {
        await RegistrarAsync(app);
        var http = await app.ComoAsync(AppDePrueba.Planificador);

        var r = await RegistrarEvaluacionAsync(http, 2024, "S1");
        if (r.StatusCode == HttpStatusCode.OK) Assert.Fail(await ErrorAsync(r));
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal($"{Raiz}/2024/S1", r.Headers.Location!.OriginalString);
        var antes = await ContarAsync();
        Assert.Contains("ya está registrada", await ErrorAsync(await RegistrarEvaluacionAsync(http, 2024, "S1")));
        Assert.Equal(antes, await ContarAsync());

        // Recommendations of S1: a bad one is refused with its message and saves nothing.
        Assert.Contains("plazo", (await ErrorAsync(await RecomendarAsync(http, $"{Raiz}/2024/S1", "Sin plazo", plazo: null))).ToLowerInvariant());
        Assert.Contains("entre 2024 y 2026", await ErrorAsync(await RecomendarAsync(http, $"{Raiz}/2024/S1", "Plazo lejano", plazo: "2030-01-01")));
        Assert.Equal(antes, await ContarAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await RecomendarAsync(http, $"{Raiz}/2024/S1", "Reprogramar metas del OEI.03")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await RecomendarAsync(http, $"{Raiz}/2024/S1", "Capacitar a los operadores en el registro")).StatusCode);

        // A form left open in another tab, posted after publication below.
        var tardia = await Formulario.LeerAsync(http, $"{Raiz}/2024/S1", "recomendacion");
        tardia.Campos["AspectoMejora"] = tardia.Campos["Texto"] = tardia.Campos["AccionClave"] = "Tarde";
        tardia.Campos["Unidades"] = (await CentroIdAsync("01.02")).ToString(System.Globalization.CultureInfo.InvariantCulture);
        tardia.Campos["Plazo"] = "2024-12-31";

        // Published S1: its files are frozen from approved months, and it refuses further recommendations.
        var p = await Formulario.LeerAsync(http, $"{Raiz}/2024/S1", "publicar");
        p.Campos["Documento"] = "Informe N.º 012-2024-EMSAPUNO/OPP";
        Assert.Equal(HttpStatusCode.Redirect, (await p.EnviarYConfirmarAsync(http, "confirmar-publicar")).StatusCode);
        var motor = await MotorAsync(app, Periodo.Semestre(1));
        await using (var db = app.Base.Contexto())
        {
            var s1 = await db.Evaluaciones.Include(e => e.Archivos).SingleAsync(e => e.Anio == 2024 && e.PeriodoCodigo == "S1");
            Assert.True(s1.Publicada);
            Assert.Equal(motor.Igi, s1.Igi);
            Assert.Equal(motor.BandaIgi, s1.BandaIgi);
            Assert.Equal([RegistroEvaluaciones.ArchivoJson, RegistroEvaluaciones.ArchivoInforme, RegistroEvaluaciones.ArchivoSeguimiento],
                s1.Archivos.Select(a => a.Nombre).Order(StringComparer.Ordinal));
            using var json = JsonDocument.Parse(s1.Archivos.Single(a => a.Nombre == RegistroEvaluaciones.ArchivoJson).Contenido);
            Assert.Equal(motor.Igi, json.RootElement.GetProperty("igi").GetDecimal());
            Assert.Equal("S1", json.RootElement.GetProperty("periodo").GetString());
            var informe = s1.Archivos.Single(a => a.Nombre == RegistroEvaluaciones.ArchivoInforme).Contenido;
            using var docx = new Docx(s => s.Write(informe));
            var recomendaciones = string.Join("\n", docx.Seccion(Sipoi.Interop.Reportes.InformeEvaluacionWord.Recomendaciones).Select(e => e.InnerText));
            Assert.Contains("Reprogramar metas del OEI.03. Acción clave: Reunión de reprogramación con las unidades.", recomendaciones);
        }
        var descarga = await http.GetAsync($"{Raiz}/2024/S1?handler=Archivo&nombre=informe.docx");
        Assert.Equal(HttpStatusCode.OK, descarga.StatusCode);
        Assert.Equal("POI-2024-EMSAPUNO-evaluacion-S1-informe.docx", descarga.Content.Headers.ContentDisposition!.FileNameStar);
        antes = await ContarAsync();
        Assert.Contains("ya está publicada", await ErrorAsync(await tardia.EnviarAsync(http)));
        Assert.Equal(antes, await ContarAsync());

        // The annual evaluation follows them up: one invalid row refuses the whole save.
        Assert.Equal(HttpStatusCode.Redirect, (await RegistrarEvaluacionAsync(http, 2024, "ANUAL")).StatusCode);
        var s = await Formulario.LeerAsync(http, $"{Raiz}/2024/ANUAL", "seguimiento");
        Assert.Equal("Pendiente", s.Campos["Seguimiento[0].Estado"]);
        s.Campos["Seguimiento[0].Estado"] = nameof(EstadoRecomendacion.Implementada);
        s.Campos["Seguimiento[1].Estado"] = nameof(EstadoRecomendacion.NoImplementada);
        var error = await ErrorAsync(await s.EnviarAsync(http));
        Assert.Contains("recomendación 2", error);
        Assert.Contains("explique", error);
        Assert.Equal(antes.Seguimientos, (await ContarAsync()).Seguimientos);
        s.Campos["Seguimiento[1].Comentario"] = "No se asignó presupuesto para la capacitación";
        Assert.Equal(HttpStatusCode.Redirect, (await s.EnviarAsync(http)).StatusCode);
        Assert.Equal(antes.Seguimientos + 2, (await ContarAsync()).Seguimientos);

        // The annual report's follow-up table shows them as of the annual evaluation.
        var word = await http.GetAsync("/e/EMSAPUNO/reportes/2024/informe.docx?periodo=ANUAL");
        Assert.Equal(HttpStatusCode.OK, word.StatusCode);
        var bytes = await word.Content.ReadAsByteArrayAsync();
        using (var docx = new Docx(st => st.Write(bytes)))
        {
            var tabla = docx.TablaTras("Seguimiento de las recomendaciones de evaluaciones anteriores");
            Assert.Equal(["OEI/AEI", "Aspecto de mejora", "Recomendación", "Acción clave", "Unidad(es) responsable(s)", "Plazo", "Estado", "Comentario"], tabla[0]);
            Assert.Equal(3, tabla.Count);
            Assert.Equal("Reprogramar metas del OEI.03", tabla[1][2]);
            Assert.Equal("31/10/2024", tabla[1][5]);
            Assert.Equal("Implementada", tabla[1][6]);
            Assert.Equal(["No implementada", "No se asignó presupuesto para la capacitación"], tabla[2].Skip(6));
            Assert.Contains("OFICINA DE PLANEAMIENTO", tabla[1][4]);
        }

        // The matrix page and its Excel file show the status as of the latest follow-up, with its history.
        app.Reloj.Fijar(2025, 1, 15);
        try
        {
            var matriz = Formulario.Leer(await (await http.GetAsync("/e/EMSAPUNO/recomendaciones")).Content.ReadAsStringAsync());
            var filas = matriz.QuerySelectorAll("#matriz tbody tr").ToList();
            Assert.Equal(2, filas.Count);
            Assert.Equal("Evaluación I Semestre 2024", filas[0].Children[0].TextContent);
            Assert.Equal("Implementada", filas[0].Children[8].TextContent.Trim());
            Assert.Equal("Anual 2024: Implementada", filas[0].Children[10].TextContent);
            var xlsx = await http.GetAsync("/e/EMSAPUNO/recomendaciones?handler=Excel");
            Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
            var contenido = await xlsx.Content.ReadAsByteArrayAsync();
            using var libro = new Xlsx(st => st.Write(contenido));
            var fila = libro.Fila("Recomendaciones", "E", "Capacitar a los operadores en el registro");
            Assert.Equal("No implementada", libro.Texto("Recomendaciones", $"I{fila}"));
            Assert.Equal(2, libro.Numero("Recomendaciones", $"B{fila}"));
            Assert.Equal("31/10/2024", libro.Texto("Recomendaciones", $"H{fila}"));
        }
        finally { app.Reloj.Real(); }
    }

    [Fact]
    public async Task Publicar_SinVersionAprobadaDelPoi_SeRechazaYNoCambiaNada()
    {
        await using (var db = app.Base.Contexto())
        {
            var poi2024 = await db.Pois.SingleAsync(p => p.Anio == 2024);
            var poi = new Sipoi.Domain.Operativo.Poi(poi2024.EntidadId, 2026, poi2024.PeiId);
            poi.AgregarVersion(Sipoi.Domain.Operativo.TipoVersionPoi.Anual, "Anual (borrador)");
            db.Pois.Add(poi);
            await db.SaveChangesAsync();
        }
        var http = await app.ComoAsync(AppDePrueba.Planificador);
        Assert.Equal(HttpStatusCode.Redirect, (await RegistrarEvaluacionAsync(http, 2026, "S1")).StatusCode);
        var antes = await ContarAsync();
        var p = await Formulario.LeerAsync(http, $"{Raiz}/2026/S1", "publicar");
        Assert.Contains("no tiene una versión aprobada", await ErrorAsync(await p.EnviarAsync(http)));
        Assert.Equal(antes, await ContarAsync());
        await using var db2 = app.Base.Contexto();
        Assert.False((await db2.Evaluaciones.SingleAsync(e => e.Anio == 2026)).Publicada);
    }

    [Fact]
    public async Task Permisos_ConsultaLeeSinCambiar_OperadorNoVeEvaluacionesYSoloSusRecomendaciones()
    {
        var planificador = await app.ComoAsync(AppDePrueba.Planificador);
        if ((await planificador.GetAsync($"{Raiz}/2024/S2")).StatusCode == HttpStatusCode.NotFound)
            Assert.Equal(HttpStatusCode.Redirect, (await RegistrarEvaluacionAsync(planificador, 2024, "S2")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await RecomendarAsync(planificador, $"{Raiz}/2024/S2", "De otra unidad", centro: "01.01")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await RecomendarAsync(planificador, $"{Raiz}/2024/S2", "De planeamiento", centro: "01.02")).StatusCode);

        var consulta = await app.ComoAsync(AppDePrueba.Consulta);
        var pagina = Formulario.Leer(await (await consulta.GetAsync($"{Raiz}/2024/S2")).Content.ReadAsStringAsync());
        Assert.Null(pagina.GetElementById("recomendacion"));
        Assert.Null(pagina.GetElementById("publicar"));
        var antes = await ContarAsync();
        // A valid antiforgery token of the same session (any form carries one): the refusal is the role's, not the token's.
        var campos = Formulario.De(Formulario.Leer(await (await consulta.GetAsync("/cuenta/tokens")).Content.ReadAsStringAsync()), "crear-token").Campos;
        campos["Documento"] = "x";
        var post = await consulta.PostAsync($"{Raiz}/2024/S2?handler=Publicar", new FormUrlEncodedContent(campos));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await consulta.PostAsync(Raiz, new FormUrlEncodedContent(campos))).StatusCode);
        Assert.Equal(antes, await ContarAsync());

        var operador = await app.ComoAsync(AppDePrueba.Operador);
        Assert.Equal(HttpStatusCode.Forbidden, (await operador.GetAsync(Raiz)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await operador.GetAsync($"{Raiz}/2024/S2")).StatusCode);
        var matriz = Formulario.Leer(await (await operador.GetAsync("/e/EMSAPUNO/recomendaciones")).Content.ReadAsStringAsync());
        var textos = matriz.QuerySelectorAll("#matriz tbody tr").Select(f => f.Children[4].TextContent).ToList();
        Assert.Contains("De planeamiento", textos);
        Assert.DoesNotContain("De otra unidad", textos);
    }
}
