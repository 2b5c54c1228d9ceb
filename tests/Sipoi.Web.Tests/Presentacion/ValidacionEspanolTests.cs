using System.Net;
using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Tests.Infraestructura;

namespace Sipoi.Web.Tests.Presentacion;

/// <summary>
/// The app's own validation, in Spanish, naming the field (Presentacion/Validacion.cs, Presentacion/Fechas.cs): no form asks
/// the browser to validate, dates are typed as dd/mm/aaaa and a wrong one is refused by the server with nothing saved.
/// </summary>
public sealed class ValidacionEspanolTests(AppDePrueba app) : IClassFixture<AppDePrueba>
{
    private const string Raiz = "/e/EMSAPUNO/evaluaciones";
    private const string Evaluacion = Raiz + "/2024/T3";

    private async Task<HttpClient> PlanificadorConEvaluacionAsync()
    {
        var http = await app.ComoAsync(AppDePrueba.Planificador);
        if ((await http.GetAsync(Evaluacion)).StatusCode == HttpStatusCode.NotFound)
        {
            var f = await Formulario.LeerAsync(http, Raiz, "registrar");
            f.Campos["anio"] = "2024";
            f.Campos["periodo"] = "T3";
            Assert.Equal(HttpStatusCode.Redirect, (await f.EnviarAsync(http)).StatusCode);
        }
        return http;
    }

    private async Task<Formulario> RecomendacionAsync(HttpClient http, string plazo)
    {
        var f = await Formulario.LeerAsync(http, Evaluacion, "recomendacion");
        f.Campos["AspectoMejora"] = "Ejecución baja";
        f.Campos["Texto"] = "Reprogramar metas";
        f.Campos["AccionClave"] = "Reunión con las unidades";
        await using var db = app.Base.Contexto();
        f.Campos["Unidades"] = (await db.CentrosCosto.Where(c => c.Codigo == "01.02").Select(c => c.Id).SingleAsync())
            .ToString(System.Globalization.CultureInfo.InvariantCulture);
        f.Campos["Plazo"] = plazo;
        return f;
    }

    private async Task<int> RecomendacionesAsync()
    {
        await using var db = app.Base.Contexto();
        return await db.Recomendaciones.CountAsync();
    }

    [Fact]
    public async Task FechaImposible_SeRechazaNombrandoElCampo_YNoGuardaNada()
    {
        var http = await PlanificadorConEvaluacionAsync();
        var antes = await RecomendacionesAsync();
        var r = await (await RecomendacionAsync(http, "31/02/2026")).EnviarAsync(http);
        var mensaje = "La fecha «31/02/2026» no es válida para Plazo: escríbala como dd/mm/aaaa (por ejemplo 27/12/2024).";
        await Rechazo.EnRespuestaAsync(r, HttpStatusCode.OK, mensaje);
        var pagina = Formulario.Leer(await r.Content.ReadAsStringAsync());
        // Next to the field, which keeps what was typed so it can be corrected.
        Assert.Equal(mensaje, pagina.GetElementById("error-Plazo")?.TextContent);
        Assert.Equal("31/02/2026", pagina.GetElementById("Plazo")?.GetAttribute("value"));
        Assert.Equal(antes, await RecomendacionesAsync());
    }

    [Fact]
    public async Task FechaObligatoriaVacia_PideElPlazoNombrandoElCampo_YNoGuardaNada()
    {
        var http = await PlanificadorConEvaluacionAsync();
        var antes = await RecomendacionesAsync();
        await Rechazo.EnRespuestaAsync(await (await RecomendacionAsync(http, " ")).EnviarAsync(http), HttpStatusCode.OK,
            "Indique el plazo de la recomendación (dd/mm/aaaa).");
        Assert.Equal(antes, await RecomendacionesAsync());
    }

    [Fact]
    public async Task FechaDdMmAaaa_SeGuardaYSeMuestraIgual()
    {
        var http = await PlanificadorConEvaluacionAsync();
        var f = await RecomendacionAsync(http, "5/11/2024");
        f.Campos["Texto"] = "Plazo con día de un dígito";
        Assert.Equal(HttpStatusCode.Redirect, (await f.EnviarAsync(http)).StatusCode);
        await using (var db = app.Base.Contexto())
            Assert.Equal(new DateOnly(2024, 11, 5), (await db.Recomendaciones.SingleAsync(x => x.Texto == "Plazo con día de un dígito")).Plazo);
        var pagina = Formulario.Leer(await (await http.GetAsync(Evaluacion)).Content.ReadAsStringAsync());
        Assert.Contains(pagina.QuerySelectorAll("#emitidas tbody tr"), tr => tr.TextContent.Contains("Plazo con día de un dígito") && tr.TextContent.Contains("05/11/2024"));
    }

    [Fact]
    public async Task FiltroDeAuditoria_FechaImposible_MensajeNombraElCampo()
    {
        var http = await app.ComoAsync(AppDePrueba.Administrador);
        var r = await http.GetAsync("/e/EMSAPUNO/auditoria?desde=31%2F02%2F2026&hasta=01%2F01%2F2099");
        await Rechazo.EnRespuestaAsync(r, HttpStatusCode.OK, "La fecha «31/02/2026» no es válida para Desde");
        var pagina = Formulario.Leer(await r.Content.ReadAsStringAsync());
        Assert.NotNull(pagina.GetElementById("error-desde"));
        Assert.Null(pagina.GetElementById("error-hasta"));
    }

    [Theory]
    [InlineData(Evaluacion, AppDePrueba.Planificador)]
    [InlineData("/e/EMSAPUNO/formulacion/2024", AppDePrueba.Planificador)]
    [InlineData("/e/EMSAPUNO/auditoria", AppDePrueba.Administrador)]
    [InlineData("/e/EMSAPUNO/seguimiento/2024/3?centro=01.02", AppDePrueba.Planificador)]
    public async Task Formularios_NoUsanLaValidacionNiElCalendarioDelNavegador(string url, string usuario)
    {
        var http = usuario == AppDePrueba.Planificador ? await PlanificadorConEvaluacionAsync() : await app.ComoAsync(usuario);
        var r = await http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var pagina = Formulario.Leer(await r.Content.ReadAsStringAsync());
        var formularios = pagina.QuerySelectorAll("form");
        Assert.NotEmpty(formularios);
        Assert.All(formularios, f => Assert.True(f.HasAttribute("novalidate"), f.OuterHtml[..Math.Min(120, f.OuterHtml.Length)]));
        Assert.Empty(pagina.QuerySelectorAll("input[type=date]"));
    }
}
