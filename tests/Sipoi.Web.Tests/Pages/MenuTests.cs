using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Tests.Infraestructura;

namespace Sipoi.Web.Tests.Pages;

/// <summary>
/// One menu on every page (issue 15, item 1): grouped by what people do, the current page marked, the year links there
/// even on pages without a year in the route, and no link the role may not open; breadcrumbs on deep pages.
/// </summary>
public sealed class MenuTests(AppDePrueba app) : IClassFixture<AppDePrueba>
{
    private static readonly string[] GruposDeTodos = ["Planificar", "Seguimiento", "Evaluar", "Reportes"];

    /// <summary>Pages every role opens: with a year in the route, without one, and outside any entity.</summary>
    private static string[] Paginas(int anio) =>
    [
        "/e/EMSAPUNO", "/e/EMSAPUNO/pei", "/e/EMSAPUNO/plan-gobierno", "/e/EMSAPUNO/recomendaciones",
        $"/e/EMSAPUNO/poi/{anio}/centros", $"/e/EMSAPUNO/seguimiento/{anio}/tablero", $"/e/EMSAPUNO/evaluacion/{anio}",
        $"/e/EMSAPUNO/tablero/{anio}", $"/e/EMSAPUNO/calendario/{anio}", "/", "/cuenta/contrasena",
    ];

    /// <summary>The pages only some roles open, and the groups each role sees.</summary>
    public static TheoryData<string, string[], string[]> Roles => new()
    {
        { AppDePrueba.Administrador, ["/e/EMSAPUNO/administracion", "/e/EMSAPUNO/auditoria", "/e/EMSAPUNO/importar-excel", "/e/EMSAPUNO/evaluaciones"], [.. GruposDeTodos, "Administrar"] },
        { AppDePrueba.Planificador, ["/e/EMSAPUNO/auditoria", "/e/EMSAPUNO/importar-excel", "/e/EMSAPUNO/evaluaciones"], [.. GruposDeTodos, "Administrar"] },
        { AppDePrueba.Operador, [], GruposDeTodos },
        { AppDePrueba.Consulta, ["/e/EMSAPUNO/evaluaciones"], GruposDeTodos },
    };

    /// <summary>Links no role but these may see (the pages answer 403 to the others).</summary>
    private static (string Url, string[] Pueden)[] Restringidos(int anio) =>
    [
        ("/e/EMSAPUNO/administracion", [AppDePrueba.Administrador]),
        ("/e/EMSAPUNO/auditoria", [AppDePrueba.Administrador, AppDePrueba.Planificador]),
        ("/e/EMSAPUNO/importar-excel", [AppDePrueba.Administrador, AppDePrueba.Planificador]),
        ("/e/EMSAPUNO/evaluaciones", [AppDePrueba.Administrador, AppDePrueba.Planificador, AppDePrueba.Consulta]),
        ($"/e/EMSAPUNO/presupuesto/{anio}/cargar", [AppDePrueba.Administrador, AppDePrueba.Planificador]),
        ($"/e/EMSAPUNO/presupuesto/{anio}/modificaciones", [AppDePrueba.Administrador, AppDePrueba.Planificador]),
    ];

    private async Task<int> AnioVigenteAsync()
    {
        await using var db = app.Base.Contexto();
        return await db.Pois.Where(p => db.Entidades.Any(e => e.Id == p.EntidadId && e.Codigo == "EMSAPUNO")).MaxAsync(p => p.Anio);
    }

    private static async Task<IHtmlDocument> LeerAsync(HttpClient http, string url)
    {
        var r = await http.GetAsync(url);
        Assert.True(r.StatusCode == HttpStatusCode.OK, $"{url}: {(int)r.StatusCode}");
        return new HtmlParser().ParseDocument(await r.Content.ReadAsStringAsync());
    }

    private static IElement Menu(IHtmlDocument doc, string url)
    {
        var menu = doc.QuerySelectorAll("nav#menu-principal").ToList();
        Assert.True(menu.Count == 1, $"{url}: {menu.Count} menús principales");
        Assert.Equal("Menú principal", menu[0].GetAttribute("aria-label"));
        return menu[0];
    }

    private static string Ruta(string url) => url.Split('?')[0];

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Menu_EnCadaPaginaConSusGruposYLaPaginaActualMarcada(string usuario, string[] propias, string[] grupos)
    {
        var anio = await AnioVigenteAsync();
        var http = await app.ComoAsync(usuario);
        var enlaces = new HashSet<string>(StringComparer.Ordinal);
        foreach (var url in Paginas(anio).Concat(propias))
        {
            var menu = Menu(await LeerAsync(http, url), url);
            // The groups, each labelled by its visible title.
            var rotulos = menu.QuerySelectorAll("[role=group]")
                .Select(g => menu.Owner!.GetElementById(g.GetAttribute("aria-labelledby")!)!.TextContent.Trim()).ToList();
            Assert.Equal(grupos, rotulos);
            var hrefs = menu.QuerySelectorAll("a").Select(a => a.GetAttribute("href")!).ToList();
            // The year links are there on every page, with the entity's current POI year when the page has none.
            Assert.Contains($"/e/EMSAPUNO/seguimiento/{anio}/tablero", hrefs);
            Assert.Contains($"/e/EMSAPUNO/tablero/{anio}", hrefs);
            Assert.Contains($"/e/EMSAPUNO/formulacion/{anio}", hrefs);
            // The evaluation of the entity's government plan, for every role (the demo plan 2019-2022 ended: its last year).
            Assert.Contains(hrefs, h => h.StartsWith("/e/EMSAPUNO/plan-gobierno/", StringComparison.Ordinal) && h.EndsWith("/evaluacion/2022", StringComparison.Ordinal));
            // The page shown is marked once, and only when the menu opens it.
            var actuales = menu.QuerySelectorAll("a[aria-current=page]").Select(a => a.GetAttribute("href")).ToList();
            if (hrefs.Contains(Ruta(url))) Assert.Equal([Ruta(url)], actuales);
            else Assert.Empty(actuales);
            foreach (var (restringido, pueden) in Restringidos(anio))
                Assert.True(hrefs.Contains(restringido) == pueden.Contains(usuario),
                    $"{usuario} en {url}: el enlace {restringido} {(pueden.Contains(usuario) ? "falta" : "no le corresponde")}");
            enlaces.UnionWith(hrefs);
        }
        // Every link the menu gives the role opens for it.
        foreach (var enlace in enlaces)
            Assert.True((await http.GetAsync(enlace)).StatusCode == HttpStatusCode.OK, $"{usuario}: {enlace} no abre");
    }

    [Fact]
    public async Task Menu_SinSesionSoloLoPublico()
    {
        var doc = new HtmlParser().ParseDocument(await (await app.ClienteAnonimo().GetAsync("/transparencia")).Content.ReadAsStringAsync());
        var menu = doc.QuerySelector("nav#menu-principal")!;
        Assert.Equal(["Inicio", "Transparencia", "Ingresar"], menu.QuerySelectorAll("a").Select(a => a.TextContent.Trim()));
        Assert.Equal("Transparencia", Assert.Single(menu.QuerySelectorAll("a[aria-current=page]")).TextContent.Trim());
        Assert.Empty(menu.QuerySelectorAll("a[href*='/e/']"));
    }

    [Fact]
    public async Task PaginaProfunda_MarcaSuSeccionYMuestraLaRutaDeNavegacion()
    {
        var http = await app.ComoAsync(AppDePrueba.Administrador);
        var doc = await LeerAsync(http, "/e/EMSAPUNO/administracion/usuarios/nuevo");
        var menu = Menu(doc, "nuevo usuario");
        Assert.Empty(menu.QuerySelectorAll("a[aria-current=page]"));
        Assert.Equal(["/e/EMSAPUNO/administracion"], menu.QuerySelectorAll("a[aria-current=true]").Select(a => a.GetAttribute("href")));
        var ruta = doc.QuerySelector("nav[aria-label='Ruta de navegación']")!;
        Assert.Equal(["/e/EMSAPUNO", "/e/EMSAPUNO/administracion", "/e/EMSAPUNO/administracion/usuarios"],
            ruta.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.StartsWith("Nuevo usuario", ruta.QuerySelector("li[aria-current=page]")!.TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SeguimientoDelMes_RutaHastaElTableroDelAnio()
    {
        var anio = await AnioVigenteAsync();
        var http = await app.ComoAsync(AppDePrueba.Planificador);
        var doc = await LeerAsync(http, $"/e/EMSAPUNO/seguimiento/{anio}/3");
        Assert.Equal(["/e/EMSAPUNO", $"/e/EMSAPUNO/seguimiento/{anio}/tablero"],
            doc.QuerySelectorAll("nav[aria-label='Ruta de navegación'] a").Select(a => a.GetAttribute("href")));
        Assert.Equal([$"/e/EMSAPUNO/seguimiento/{anio}/tablero"],
            Menu(doc, "mes").QuerySelectorAll("a[aria-current=true]").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task PaginaDelMenu_SinRutaDeNavegacion()
    {
        var http = await app.ComoAsync(AppDePrueba.Planificador);
        Assert.Null((await LeerAsync(http, "/e/EMSAPUNO/pei")).QuerySelector("nav[aria-label='Ruta de navegación']"));
    }
}
