using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Intercambio;
using Sipoi.Web.Tests.Infraestructura;

namespace Sipoi.Web.Tests.Pages;

/// <summary>
/// Links to pages come from the routes in the <c>@page</c> directives (asp-page, Url.Page, RedirectToPage), never from
/// typed strings: routing escapes the values, and a changed route cannot leave a dead link (issue 12).
/// </summary>
public sealed partial class EnlacesTests(AppDePrueba app) : IClassFixture<AppDePrueba>
{
    /// <summary>Ways of typing a page URL by hand; each hit is reported as file:line.</summary>
    private static readonly (string Nombre, Regex Patron)[] Escritas =
    [
        ("URL literal en href/action", LiteralEnAtributo()),
        ("URL armada en href/action", ExpresionEnAtributo()),
        ("ruta interpolada", RutaInterpolada()),
        ("redirección a una ruta escrita", RedireccionEscrita()),
        ("ruta /e/ escrita", RutaEntidad()),
    ];

    /// <summary>Lines that are routes, not links: the public API's route templates (docs/api.md).</summary>
    private static readonly (string Archivo, string Texto)[] Permitidas =
    [
        ("src/Sipoi.Web/Api/ApiSeguimiento.cs", "api.MapGroup(\"/e/{entidad}/seguimiento/{anio:int}/{mes:int}/{centro}\")"),
    ];

    [Fact]
    public void Fuentes_NoEscribenUrlsDePaginas()
    {
        var raiz = Repositorio.Raiz();
        var web = Path.Combine(raiz, "src", "Sipoi.Web");
        var usadas = new HashSet<(string, string)>();
        var hallazgos = new List<string>();
        foreach (var archivo in Directory.EnumerateFiles(web, "*.*", SearchOption.AllDirectories)
                     .Where(a => a.EndsWith(".cshtml", StringComparison.Ordinal) || a.EndsWith(".cs", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            var relativo = Path.GetRelativePath(raiz, archivo).Replace('\\', '/');
            if (relativo.Contains("/bin/", StringComparison.Ordinal) || relativo.Contains("/obj/", StringComparison.Ordinal)) continue;
            var lineas = File.ReadAllLines(archivo);
            for (var i = 0; i < lineas.Length; i++)
            {
                var linea = lineas[i];
                // The @page directive is where a page's route is written: the one place it belongs.
                if (linea.TrimStart().StartsWith("@page", StringComparison.Ordinal)) continue;
                var permitida = Permitidas.FirstOrDefault(p => p.Archivo == relativo && linea.Contains(p.Texto, StringComparison.Ordinal));
                if (permitida != default)
                {
                    usadas.Add(permitida);
                    continue;
                }
                foreach (var (nombre, patron) in Escritas)
                    if (patron.IsMatch(linea)) hallazgos.Add($"{relativo}:{i + 1}: {nombre}: {linea.Trim()}");
            }
        }
        Assert.True(hallazgos.Count == 0,
            "Enlaces escritos a mano (use asp-page, Url.Page o RedirectToPage con la ruta de la página):\n" + string.Join("\n", hallazgos));
        // An allowance that no longer matches anything is removed, so the list stays the real exceptions.
        Assert.Empty(Permitidas.Where(p => !usadas.Contains(p)).Select(p => $"{p.Archivo}: {p.Texto}"));
    }

    [Fact]
    public void Guardia_DetectaCadaFormaDeEscribirUnaUrl()
    {
        // Each line below is one way a page URL used to be typed; each must be caught by some pattern.
        string[] escritas =
        [
            "<a href=\"/e/@Model.Entidad.Codigo/pei\">PEI</a>",
            "<a href=\"actividad/@Uri.EscapeDataString(a.Codigo)\">",
            "<a href=\"?codigo=@c\">",
            "<a href=\"@($\"/e/{e}/pei\")\">",
            "<form method=\"post\" action=\"/e/@e/formulacion/@anio?handler=Crear\">",
            "<button formaction=\"/e/x\">",
            "return Redirect($\"/e/{Entidad.Codigo}/administracion/centros\");",
            "return LocalRedirect(\"/cuenta/ingresar\");",
            "var raiz = $\"/transparencia/{Model.Entidad.Codigo}\";",
            "string url = \"/e/\" + codigo;",
        ];
        Assert.All(escritas, l => Assert.Contains(Escritas, e => e.Patron.IsMatch(l)));
        // Generated links, static files, anchors and external addresses are fine.
        string[] generadas =
        [
            "<a asp-page=\"/Peis/Index\" asp-route-entidad=\"@e\">PEI</a>",
            "<link rel=\"stylesheet\" href=\"~/css/sipoi.css\" asp-append-version=\"true\" />",
            "<a href=\"#cc-@g.Key.Codigo\">",
            "<a href=\"https://www.gob.pe\">",
            "<a href=\"@Model.UrlCentro\">",
            "return RedirectToPage(\"/Peis/Index\", new { entidad, codigo = pei });",
        ];
        Assert.All(generadas, l => Assert.DoesNotContain(Escritas, e => e.Patron.IsMatch(l)));
    }

    /// <summary>Main pages of the demo entity, as its administrator (who sees every menu entry).</summary>
    public static readonly string[] Paginas =
    [
        "/",
        "/e/EMSAPUNO",
        "/e/EMSAPUNO/pei",
        "/e/EMSAPUNO/plan-gobierno",
        "/e/EMSAPUNO/tablero/2024",
        "/e/EMSAPUNO/reportes/2024",
        "/e/EMSAPUNO/presupuesto/2024",
        "/e/EMSAPUNO/formulacion/2024",
        "/e/EMSAPUNO/formulacion/2024/centro/01.02",
        "/e/EMSAPUNO/seguimiento/2024/1",
        "/e/EMSAPUNO/seguimiento/2024/2?centro=01.02",
        "/e/EMSAPUNO/evaluaciones",
        "/e/EMSAPUNO/recomendaciones",
        "/e/EMSAPUNO/administracion",
        "/e/EMSAPUNO/administracion/centros",
        "/e/EMSAPUNO/administracion/usuarios",
        "/transparencia",
        "/transparencia/EMSAPUNO",
    ];

    [Fact]
    public async Task PaginasPrincipales_CadaEnlaceInternoLlevaAUnaPagina()
    {
        var http = await app.ComoAsync(AppDePrueba.Administrador);
        var enlaces = new Dictionary<string, string>(StringComparer.Ordinal);
        var fallos = new List<string>();
        foreach (var pagina in Paginas)
        {
            var r = await http.GetAsync(pagina);
            Assert.True(r.StatusCode == HttpStatusCode.OK, $"{pagina}: respondió {(int)r.StatusCode}");
            var doc = new HtmlParser().ParseDocument(await r.Content.ReadAsStringAsync());
            foreach (var a in doc.QuerySelectorAll("a"))
            {
                // A link whose route could not take its values renders without a target: a dead link, not a pass.
                var href = a.GetAttribute("href") ?? "";
                if (href.Length == 0)
                {
                    fallos.Add($"{pagina}: enlace vacío «{a.TextContent.Trim()}»");
                    continue;
                }
                if (href.StartsWith('#') || Uri.TryCreate(href, UriKind.Absolute, out var absoluta) && absoluta.Scheme != Uri.UriSchemeFile) continue;
                var destino = new Uri(new Uri("http://localhost" + pagina), href).PathAndQuery;
                enlaces.TryAdd(destino, pagina);
            }
        }
        Assert.Contains("/e/EMSAPUNO/administracion/usuarios/nuevo", enlaces.Keys);
        foreach (var (destino, origen) in enlaces)
        {
            var r = await http.GetAsync(destino);
            if (r.StatusCode == HttpStatusCode.NotFound || (int)r.StatusCode >= 500)
                fallos.Add($"{destino} (enlazado desde {origen}): respondió {(int)r.StatusCode}");
        }
        Assert.True(fallos.Count == 0, "Enlaces rotos:\n" + string.Join("\n", fallos));
    }

    [Fact]
    public async Task Menu_ConservaLasDireccionesDeSiempre()
    {
        // The generated links are the very URLs the pages had when they were typed (plus the dashboard, in the menu since issue 15).
        app.Reloj.Fijar(2024, 3, 12);
        var http = await app.ComoAsync(AppDePrueba.Administrador);
        var doc = new HtmlParser().ParseDocument(await (await http.GetAsync("/e/EMSAPUNO/tablero/2024")).Content.ReadAsStringAsync());
        var menu = doc.QuerySelectorAll("header a").Select(a => a.GetAttribute("href")).ToList();
        int plan;
        await using (var db = app.Base.Contexto())
            plan = await db.PlanesGobierno.Where(p => p.Nombre == PlanGobiernoDemo.Nombre).Select(p => p.Id).SingleAsync();
        Assert.Equal(
        [
            "/", "/cuenta/contrasena", "/cuenta/tokens", "/cuenta/avisos", "/transparencia",
            // The menu (issue 15), by group: Planificar, Seguimiento, Evaluar, Reportes, Administrar.
            "/e/EMSAPUNO", "/e/EMSAPUNO/pei", "/e/EMSAPUNO/plan-gobierno", "/e/EMSAPUNO/formulacion/2024",
            "/e/EMSAPUNO/poi/2024/centros", "/e/EMSAPUNO/poi/2024/fichas", "/e/EMSAPUNO/presupuesto/2024",
            // Issue 16: the budget load and modifications, and the government plan's evaluation (the demo plan ends in 2022).
            "/e/EMSAPUNO/presupuesto/2024/cargar", "/e/EMSAPUNO/presupuesto/2024/modificaciones",
            "/e/EMSAPUNO/seguimiento/2024/tablero", "/e/EMSAPUNO/calendario/2024",
            "/e/EMSAPUNO/evaluacion/2024", $"/e/EMSAPUNO/plan-gobierno/{plan}/evaluacion/2022", "/e/EMSAPUNO/evaluaciones", "/e/EMSAPUNO/recomendaciones",
            "/e/EMSAPUNO/reportes/2024", "/e/EMSAPUNO/tablero/2024",
            "/e/EMSAPUNO/administracion", "/e/EMSAPUNO/administracion/centros/cargar", "/e/EMSAPUNO/auditoria", "/e/EMSAPUNO/importar-excel",
        ], menu);
        var atrasos = doc.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/e/EMSAPUNO/reportes/2024", atrasos);
        Assert.Contains(atrasos, h => h!.StartsWith("/e/EMSAPUNO/seguimiento/2024/", StringComparison.Ordinal) && h.Contains("?centro=", StringComparison.Ordinal));
    }

    /// <summary>href/action/formaction with a typed URL: anything but a static file (~/), an anchor, an external address or a Razor value.</summary>
    [GeneratedRegex("""\b(href|action|formaction)="(?!~/|#|https?://|mailto:|@)""")]
    private static partial Regex LiteralEnAtributo();

    /// <summary>A URL assembled inline in the attribute: href="@(...)".</summary>
    [GeneratedRegex("""\b(href|action|formaction)="@\(""")]
    private static partial Regex ExpresionEnAtributo();

    /// <summary>An interpolated string that starts with a path: $"/..." or $@"/...".</summary>
    [GeneratedRegex("""(\$@?|@\$)"/""")]
    private static partial Regex RutaInterpolada();

    /// <summary>Redirect("/...") or LocalRedirect("/...") with a typed path.</summary>
    [GeneratedRegex("""Redirect\(\$?"/""")]
    private static partial Regex RedireccionEscrita();

    /// <summary>A string that starts with an entity page's path.</summary>
    [GeneratedRegex("\"/e/")]
    private static partial Regex RutaEntidad();
}
