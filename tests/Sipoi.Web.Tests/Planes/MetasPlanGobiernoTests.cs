using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Sipoi.Domain.Estrategia;
using Sipoi.Web.Tests.Infraestructura;

namespace Sipoi.Web.Tests.Planes;

/// <summary>
/// Measuring the government plan's targets (Pages/PlanesGobierno/Meta and Evaluacion): the target's data and the semester
/// values with evidence, all or nothing, audited, refusals naming the field; the semester evaluation and its report.
/// </summary>
public sealed class MetasPlanGobiernoTests(AppDePrueba app) : IClassFixture<AppDePrueba>
{
    private const string Base = "/e/EMSAPUNO/plan-gobierno";
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");

    private sealed record Plan(int Id, int Objetivo, int Meta);

    /// <summary>dimensión → objetivo 1.1 → meta 1.1.1 (not measured yet), in a 2023–2026 plan.</summary>
    private async Task<Plan> PlanAsync(string nombre)
    {
        await using var db = app.Base.Contexto();
        var entidad = await db.Entidades.SingleAsync(e => e.Codigo == "EMSAPUNO");
        var plan = new PlanGobierno(entidad.Id, nombre, "Plan de Gobierno", 2023, 2026);
        db.PlanesGobierno.Add(plan);
        await db.SaveChangesAsync();
        var dimension = plan.AgregarElemento(null, NivelPlanGobierno.Dimension, "Dimensión social");
        await db.SaveChangesAsync();
        var objetivo = plan.AgregarElemento(dimension, NivelPlanGobierno.Objetivo, "Ampliar la cobertura de agua", "1.1");
        await db.SaveChangesAsync();
        var meta = plan.AgregarElemento(objetivo, NivelPlanGobierno.Meta, "Cobertura de agua al 95 %", "1.1.1");
        await db.SaveChangesAsync();
        return new Plan(plan.Id, objetivo.Id, meta.Id);
    }

    private static string Url(Plan p) => $"{Base}/{p.Id}/elementos/{p.Meta}/meta";

    private async Task<ElementoPlanGobierno> MetaAsync(Plan p)
    {
        await using var db = app.Base.Contexto();
        return await db.ElementosPlanGobierno.AsNoTracking().Include(e => e.Distritos).Include(e => e.Valores).SingleAsync(e => e.Id == p.Meta);
    }

    private static async Task<HttpResponseMessage> MedicionAsync(HttpClient http, Plan p, params (string Campo, string Valor)[] cambios)
    {
        var f = await Formulario.LeerAsync(http, Url(p), "form-medicion");
        foreach (var (campo, valor) in cambios) f.Campos[campo] = valor;
        return await f.EnviarAsync(http);
    }

    private static readonly (string, string)[] Medicion =
    [
        ("Indicador", "Porcentaje de hogares con agua potable"), ("Unidad", "%"), ("SentidoMeta", "ascendente"),
        ("LineaBaseValor", "80"), ("LineaBaseAnio", "2022"), ("MetaValor", "95"), ("MetaAnio", "2026"),
        ("Distritos[0].Distrito", "Puno"), ("Distritos[0].LineaBase", "85"), ("Distritos[0].Meta", "97"),
        ("Distritos[1].Distrito", "Chucuito"), ("Distritos[1].Meta", "90"),
    ];

    /// <summary>Posts the semester form as a browser does (multipart), with an optional evidence file.</summary>
    private static async Task<HttpResponseMessage> SemestreAsync(HttpClient http, Plan p, int anio, int semestre, (string Nombre, byte[] Contenido)? archivo,
        params (string Campo, string Valor)[] cambios)
    {
        var f = await Formulario.LeerAsync(http, $"{Url(p)}?anio={anio}&semestre={semestre}", "form-semestre");
        return await EnviarSemestreAsync(http, f, archivo, cambios);
    }

    private static async Task<HttpResponseMessage> EnviarSemestreAsync(HttpClient http, Formulario f, (string Nombre, byte[] Contenido)? archivo,
        params (string Campo, string Valor)[] cambios)
    {
        foreach (var (campo, valor) in cambios) f.Campos[campo] = valor;
        var m = new MultipartFormDataContent();
        foreach (var (k, v) in f.Campos) m.Add(new StringContent(v), k);
        if (archivo is { } a) m.Add(new ByteArrayContent(a.Contenido), "evidencia", a.Nombre);
        return await http.PostAsync(f.Elemento.GetAttribute("action"), m);
    }

    [Fact]
    public async Task Medicion_SeGuardaConDistritos_YSeAudita()
    {
        var p = await PlanAsync("Plan para medir");
        var http = await app.ComoAsync(AppDePrueba.Planificador);
        var plan = await Paginas.LeerAsync(http, $"{Base}/{p.Id}");
        Assert.NotNull(plan.QuerySelector($"a[href='{Url(p)}']"));

        var r = await MedicionAsync(http, p, Medicion);
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var meta = await MetaAsync(p);
        Assert.Equal(("Porcentaje de hogares con agua potable", Sentido.Ascendente, 80m, 2022, 95m, 2026),
            (meta.Indicador, meta.Sentido!.Value, meta.LineaBaseValor!.Value, meta.LineaBaseAnio!.Value, meta.MetaValor!.Value, meta.MetaAnio!.Value));
        var distritos = meta.Distritos.OrderBy(d => d.Orden).ToList();
        Assert.Equal(["Puno", "Chucuito"], distritos.Select(d => d.Distrito));
        Assert.Equal((85m, 97m), (distritos[0].LineaBase!.Value, distritos[0].Meta!.Value));
        Assert.Equal(((decimal?)null, 90m), (distritos[1].LineaBase, distritos[1].Meta!.Value));

        await using var db = app.Base.Contexto();
        Assert.True(await db.Auditoria.AnyAsync(a => a.Tabla == "elemento_plan_gobierno" && a.Campo == "indicador"
            && a.ValorNuevo == "Porcentaje de hogares con agua potable" && a.Usuario == AppDePrueba.Planificador));
        Assert.True(await db.Auditoria.AnyAsync(a => a.Tabla == "distrito_meta_plan" && a.Usuario == AppDePrueba.Planificador));
    }

    [Fact]
    public async Task Medicion_DatosInvalidos_SeRechazanNombrandoElCampo_YNadaCambia()
    {
        var p = await PlanAsync("Plan con medición inválida");
        var http = await app.ComoAsync(AppDePrueba.Planificador);
        await Rechazo.EnRespuestaAsync(await MedicionAsync(http, p, [.. Medicion, ("SentidoMeta", "")]), HttpStatusCode.OK,
            "Sentido: indique si el valor debe aumentar o disminuir.");
        await Rechazo.EnRespuestaAsync(await MedicionAsync(http, p, [.. Medicion, ("MetaValor", "noventa")]), HttpStatusCode.OK, "Valor de la meta: ");
        await Rechazo.EnRespuestaAsync(await MedicionAsync(http, p, [.. Medicion, ("MetaValor", "70")]), HttpStatusCode.OK,
            "Meta: el valor debe aumentar, pero la meta (70) es menor que la línea base (80).");
        await Rechazo.EnRespuestaAsync(await MedicionAsync(http, p, [.. Medicion, ("Distritos[1].Meta", "x")]), HttpStatusCode.OK,
            "Distrito Chucuito, meta: ");
        await Rechazo.EnRespuestaAsync(await MedicionAsync(http, p, [.. Medicion, ("MetaAnio", "2030")]), HttpStatusCode.OK,
            "Año de la meta: 2030 está fuera del periodo del plan (2023–2026).");
        var meta = await MetaAsync(p);
        Assert.Null(meta.Indicador);
        Assert.Empty(meta.Distritos);
    }

    [Fact]
    public async Task Semestre_ValorNotaDistritoYEvidencia_TodoONada_YLaEvaluacionLoMuestra()
    {
        app.Reloj.Fijar(2024, 8, 15);
        var p = await PlanAsync("Plan para evaluar");
        var http = await app.ComoAsync(AppDePrueba.Planificador);
        Assert.Equal(HttpStatusCode.Redirect, (await MedicionAsync(http, p, Medicion)).StatusCode);

        // A fake PDF refuses the whole form: no value, no district value, no file.
        await Rechazo.EnRespuestaAsync(await SemestreAsync(http, p, 2024, 1, ("acta.pdf", Encoding.ASCII.GetBytes("no es un pdf")),
            ("Valor", "86"), ("Nota", "Nuevas conexiones en Alto Puno."), ("ValoresDistrito[0].Valor", "91")), HttpStatusCode.OK, "Evidencia del I semestre 2024: ");
        Assert.Empty((await MetaAsync(p)).Valores);
        await Rechazo.EnRespuestaAsync(await SemestreAsync(http, p, 2024, 1, null, ("Valor", "86"), ("ValoresDistrito[1].Valor", "mucho")), HttpStatusCode.OK,
            "Distrito Chucuito, valor obtenido del I semestre 2024: ");
        Assert.Empty((await MetaAsync(p)).Valores);
        await Rechazo.EnRespuestaAsync(await SemestreAsync(http, p, 2025, 1, null, ("Valor", "86")), HttpStatusCode.OK,
            "El I semestre 2025 aún no empieza: no tiene valor obtenido que registrar.");

        var r = await SemestreAsync(http, p, 2024, 1, ("acta.pdf", Pdf), ("Valor", "86"), ("Nota", "Nuevas conexiones en Alto Puno."), ("ValoresDistrito[0].Valor", "91"));
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var meta = await MetaAsync(p);
        var total = meta.Valor(2024, 1)!;
        Assert.Equal((86m, "Nuevas conexiones en Alto Puno."), (total.Valor, total.Nota));
        Assert.Equal(91m, meta.Valor(2024, 1, "Puno")!.Valor);
        Assert.Null(meta.Valor(2024, 1, "Chucuito"));
        await using (var db = app.Base.Contexto())
        {
            var e = await db.EvidenciasMetaPlan.SingleAsync(x => x.ValorMetaPlanId == total.Id);
            Assert.Equal("acta.pdf", e.Nombre);
            Assert.True(await db.Auditoria.AnyAsync(a => a.Tabla == "valor_meta_plan" && a.Usuario == AppDePrueba.Planificador));
            var descarga = await http.GetAsync($"{Url(p)}?handler=Evidencia&archivo={e.Id}");
            Assert.Equal(Pdf, await descarga.Content.ReadAsByteArrayAsync());
        }
        // A value with evidence is not erased.
        await Rechazo.EnRespuestaAsync(await SemestreAsync(http, p, 2024, 1, null, ("Valor", ""), ("Nota", ""), ("ValoresDistrito[0].Valor", "")), HttpStatusCode.OK,
            "Valor obtenido del I semestre 2024: tiene 1 archivo de evidencia; no se borra un valor con evidencia.");

        // Two people with the same form: the second save is refused.
        var f1 = await Formulario.LeerAsync(http, $"{Url(p)}?anio=2024&semestre=1", "form-semestre");
        var f2 = await Formulario.LeerAsync(http, $"{Url(p)}?anio=2024&semestre=1", "form-semestre");
        Assert.Equal(HttpStatusCode.Redirect, (await EnviarSemestreAsync(http, f1, null, ("Valor", "87"))).StatusCode);
        await Rechazo.EnRespuestaAsync(await EnviarSemestreAsync(http, f2, null, ("Valor", "88")), HttpStatusCode.OK,
            "Otra persona cambió el valor del I semestre 2024 mientras usted editaba");
        Assert.Equal(87m, (await MetaAsync(p)).Valor(2024, 1)!.Valor);

        // The semester evaluation: (87 − 80) / (95 − 80) = 46.67 %; the district Puno (91 − 85) / (97 − 85) = 50 %.
        var pagina = await Paginas.LeerAsync(http, $"{Base}/{p.Id}/evaluacion/2024?semestre=1");
        var fila = pagina.QuerySelector($"tr[data-meta='{p.Meta}']")!;
        Assert.Equal("46.67 %", fila.QuerySelector(".logro")!.TextContent.Trim());
        Assert.Contains("Nuevas conexiones en Alto Puno.", fila.TextContent, StringComparison.Ordinal);
        Assert.Contains("50.00 %", pagina.QuerySelector("tr[data-distrito='Puno']")!.TextContent, StringComparison.Ordinal);

        var docx = await http.GetAsync($"{Base}/{p.Id}/evaluacion/2024?semestre=1&handler=Informe&formato=docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Content.Headers.ContentType!.MediaType);
        using (var d = new Docx(s => s.Write(docx.Content.ReadAsByteArrayAsync().Result)))
        {
            Assert.Empty(d.Errores());
            Assert.Contains(d.Parrafos, t => t.Contains("Nuevas conexiones en Alto Puno.", StringComparison.Ordinal));
        }
        var xlsx = await http.GetAsync($"{Base}/{p.Id}/evaluacion/2024?semestre=1&handler=Informe&formato=xlsx");
        using var x = new Xlsx(s => s.Write(xlsx.Content.ReadAsByteArrayAsync().Result));
        Assert.Empty(x.Errores());
        Assert.Equal(87, x.Numero("Metas", "G6"));
    }

    [Fact]
    public async Task Consulta_LeeLaMetaPeroNoLaEdita()
    {
        var p = await PlanAsync("Plan para leer");
        var http = await app.ComoAsync(AppDePrueba.Consulta);
        var pagina = await Paginas.LeerAsync(http, Url(p));
        Assert.Null(pagina.GetElementById("form-medicion"));
        var r = await Paginas.PostarConTokenAsync(http, Url(p), $"{Url(p)}?handler=Medicion", Medicion);
        Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode);
        Assert.Null((await MetaAsync(p)).Indicador);
    }
}
