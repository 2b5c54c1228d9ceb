using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sipoi.Web.Intercambio;
using Sipoi.Web.Seguridad;
using Sipoi.Web.Tests.Infraestructura;
using Xunit.Abstractions;

namespace Sipoi.Web.Tests.Seguridad;

/// <summary>
/// The authorization matrix, generated from the app's own route table: every Razor page handler and every
/// /api/v1 endpoint × every persona (the four roles, a national administrator, anonymous, an API token) × two
/// entities (the persona's own and another). A new page or endpoint is in the matrix without anyone adding it,
/// and the test fails until its route has an expectation rule (<see cref="ReglaDe"/>).
/// Writes are sent only where they must be refused (another entity, anonymous, a role that may not write
/// there), so the matrix never changes data; allowed reads are sent and must not be refused nor fail.
/// </summary>
public sealed class MatrizAutorizacionTests(DosEntidades fixture, ITestOutputHelper salida) : IClassFixture<DosEntidades>
{
    private readonly AppDePrueba _app = fixture.App;
    private const string Propia = DatosDemo.CodigoEntidad;
    private const string Otra = DosEntidades.OtraEntidad;

    public enum Persona { Administrador, Planificador, Operador, Consulta, Nacional, Anonimo, Token }

    /// <summary>What a route expects. <paramref name="Lectores"/>/<paramref name="Escritores"/> are roles of the entity (null: anyone signed in).</summary>
    private sealed record Regla(Tipo Clase, string[]? Lectores = null, string[] Escritores = null!);

    private enum Tipo
    {
        /// <summary>Anyone, anonymous included (log-in, log-out, error, transparency). Only GET is sent.</summary>
        Publica,
        /// <summary>Any signed-in user, no entity in the route (home, own account pages).</summary>
        Sesion,
        /// <summary>National administrators only (consolidated report).</summary>
        Nacional,
        /// <summary>/e/{entidad}/…: the entity rule, then roles.</summary>
        Entidad,
        /// <summary>/api/v1/…: a personal token only, then the entity rule and roles.</summary>
        Api,
    }

    private static readonly string[] Todos = [.. Roles.Todos];
    private static readonly string[] Nadie = [];
    private static readonly string[] Gestion = [Roles.Administrador, Roles.Planificador];
    private static readonly string[] Registro = [Roles.Operador, Roles.Planificador];

    /// <summary>
    /// The expectation for a route pattern. Every route of the app must match one; a new area under /e/{entidad}
    /// needs its line here (who reads, who writes), which is the point.
    /// </summary>
    private static Regla? ReglaDe(string patron)
    {
        var p = "/" + patron.TrimStart('/');
        switch (p)
        {
            case "/cuenta/ingresar" or "/cuenta/salir" or "/Error" or "/transparencia" or "/transparencia/{entidad}":
                return new Regla(Tipo.Publica);
            // A web node's probes (Salud/): a proxy or orchestrator asks them without signing in.
            case "/salud/vivo" or "/salud/listo":
                return new Regla(Tipo.Publica);
            case "/" or "/Index" or "/cuenta/contrasena" or "/cuenta/tokens" or "/cuenta/avisos":
                return new Regla(Tipo.Sesion, Escritores: Todos);
            case "/consolidado/{anio:int?}":
                return new Regla(Tipo.Nacional, Escritores: Nadie);
            // Creating an entity with its first administrator: national administrators only (writes are not sent).
            case "/entidades/nueva":
                return new Regla(Tipo.Nacional, Escritores: Nadie);
            case "/api/v1/yo":
                return new Regla(Tipo.Api, Escritores: Nadie);
        }
        if (p.StartsWith("/api/v1/e/{entidad}/seguimiento/", StringComparison.Ordinal)) return new Regla(Tipo.Api, Escritores: Registro);
        if (!p.StartsWith("/e/{entidad}", StringComparison.Ordinal)) return null;
        // Edit forms: only who may save them opens them.
        if (p is "/e/{entidad}/pei/editar" or "/e/{entidad}/pei/importar" or "/e/{entidad}/importar-excel" || p.StartsWith("/e/{entidad}/pei/{pei}/", StringComparison.Ordinal))
            return new Regla(Tipo.Entidad, Gestion, Gestion);
        if (p == "/e/{entidad}/formulacion/{anio:int}/centro/{centro}/actividad") return new Regla(Tipo.Entidad, Registro, Registro);
        // The year's budget lines by genérica: edited by the planning office, like the PEI and the plans.
        if (p == "/e/{entidad}/presupuesto/{anio:int}/lineas") return new Regla(Tipo.Entidad, Gestion, Gestion);
        if (p is "/e/{entidad}/presupuesto/{anio:int}/cargar" or "/e/{entidad}/presupuesto/{anio:int}/modificaciones") return new Regla(Tipo.Entidad, Gestion, Gestion);
        // Correcting or removing a government plan node: the plan's editors (the planning office) only.
        if (p == "/e/{entidad}/plan-gobierno/{id:int}/elementos/{elemento:int}") return new Regla(Tipo.Entidad, Gestion, Gestion);
        // The texts the POI document and the evaluation report print are the planning office's, like the documents themselves.
        if (p == "/e/{entidad}/administracion/textos") return new Regla(Tipo.Entidad, Gestion, Gestion);
        if (p == "/e/{entidad}/administracion/centros/cargar") return new Regla(Tipo.Entidad, [Roles.Administrador], [Roles.Administrador]);
        var area = p["/e/{entidad}".Length..].TrimStart('/').Split('/')[0];
        return area switch
        {
            "" or "poi" or "evaluacion" or "tablero" or "presupuesto" or "reportes" => new Regla(Tipo.Entidad, Todos, Nadie),
            "administracion" => new Regla(Tipo.Entidad, [Roles.Administrador], [Roles.Administrador]),
            "auditoria" => new Regla(Tipo.Entidad, Gestion, Nadie),
            "pei" or "plan-gobierno" or "importar-excel" or "evaluaciones" or "recomendaciones" => new Regla(Tipo.Entidad, Todos, Gestion),
            "seguimiento" or "formulacion" => new Regla(Tipo.Entidad, Todos, Registro),
            "calendario" => new Regla(Tipo.Entidad, Todos, [Roles.Planificador]),
            // The signed official documents: read like the evaluations in preparation (not an Operador), uploaded by the planning office.
            "documentos-oficiales" => new Regla(Tipo.Entidad, [Roles.Administrador, Roles.Planificador, Roles.Consulta], Gestion),
            _ => null,
        };
    }

    private sealed record Operacion(string Patron, RoutePattern Ruta, string Metodo, string? Handler, Regla Regla);

    /// <summary>Every (route, HTTP method, page handler) of the running app.</summary>
    private async Task<(List<Operacion> Operaciones, List<string> SinRegla)> OperacionesAsync()
    {
        var fuente = _app.Services.GetRequiredService<EndpointDataSource>();
        var cargador = _app.Services.GetRequiredService<PageLoader>();
        var operaciones = new List<Operacion>();
        var sinRegla = new List<string>();
        foreach (var e in fuente.Endpoints.OfType<RouteEndpoint>())
        {
            var patron = "/" + (e.RoutePattern.RawText ?? "").TrimStart('/');
            var pares = new List<(string Metodo, string? Handler)>();
            if (e.Metadata.GetMetadata<PageActionDescriptor>() is { } pagina)
            {
                var compilada = await cargador.LoadAsync(pagina, e.Metadata);
                pares.AddRange(compilada.HandlerMethods.Select(h => (h.HttpMethod.ToUpperInvariant(), h.Name)));
                if (pares.Count == 0) pares.Add(("GET", null));
            }
            else if (e.Metadata.GetMetadata<IHttpMethodMetadata>() is { } metodos)
                pares.AddRange(metodos.HttpMethods.Select(m => (m, (string?)null)));
            else continue;

            if (ReglaDe(patron) is not { } regla)
            {
                sinRegla.Add(patron);
                continue;
            }
            foreach (var (metodo, handler) in pares.Distinct())
                operaciones.Add(new Operacion(patron, e.RoutePattern, metodo, handler, regla));
        }
        return (operaciones.DistinctBy(o => (o.Patron, o.Metodo, o.Handler)).ToList(), sinRegla);
    }

    /// <summary>Real values of each entity for the route parameters: the demo and its copy under another code.</summary>
    private async Task<Dictionary<string, Dictionary<string, string>>> ValoresAsync()
    {
        await using var db = _app.Base.Contexto();
        var valores = new Dictionary<string, Dictionary<string, string>>();
        foreach (var codigo in new[] { Propia, Otra })
        {
            var e = await db.Entidades.SingleAsync(x => x.Codigo == codigo);
            var centro = await db.CentrosCosto.SingleAsync(c => c.EntidadId == e.Id && c.Codigo == DatosDemo.CentroOperador);
            string Texto(int n) => n.ToString(CultureInfo.InvariantCulture);
            valores[codigo] = new Dictionary<string, string>
            {
                ["entidad"] = codigo,
                ["anio"] = "2024",
                ["mes"] = "6",
                ["centro"] = centro.Codigo,
                ["codigo"] = await db.Actividades.Where(a => a.CentroCostoId == centro.Id).OrderBy(a => a.Codigo).Select(a => a.Codigo).FirstAsync(),
                ["pei"] = await db.Peis.Where(p => p.EntidadId == e.Id).OrderBy(p => p.Id).Select(p => p.Codigo).FirstAsync(),
                ["periodo"] = "ANUAL",
                ["destino"] = "poi",
                ["trabajo"] = "0",
                ["archivo"] = "matriz.xlsx",
                ["usuarios/id"] = Texto(await db.Users.Where(u => u.EntidadId == e.Id && !u.EsAdministradorNacional).OrderBy(u => u.Id).Select(u => u.Id).FirstAsync()),
                ["centros/id"] = Texto(centro.Id),
                ["plan-gobierno/id"] = Texto(await db.PlanesGobierno.Where(p => p.EntidadId == e.Id).OrderBy(p => p.Id).Select(p => p.Id).FirstOrDefaultAsync()),
                ["elementos/elemento"] = Texto(await db.ElementosPlanGobierno.Where(x => x.EntidadId == e.Id).OrderBy(x => x.Id).Select(x => x.Id).FirstOrDefaultAsync()),
                ["unidades-ejecutoras/id"] = Texto(await db.UnidadesEjecutoras.Where(u => u.EntidadId == e.Id).OrderBy(u => u.Id).Select(u => u.Id).FirstOrDefaultAsync()),
                ["fichas/id"] = Texto(await db.Fichas.Where(f => f.EntidadId == e.Id).OrderBy(f => f.Id).Select(f => f.Id).FirstOrDefaultAsync()),
                ["id"] = "1",
            };
        }
        return valores;
    }

    private static string Url(RoutePattern ruta, Dictionary<string, string> valores)
    {
        var sb = new StringBuilder();
        string? anterior = null;
        foreach (var segmento in ruta.PathSegments)
        {
            sb.Append('/');
            foreach (var parte in segmento.Parts)
            {
                if (parte is RoutePatternLiteralPart l) sb.Append(l.Content);
                else if (parte is RoutePatternParameterPart p)
                {
                    var valor = valores.GetValueOrDefault($"{anterior}/{p.Name}") ?? valores.GetValueOrDefault(p.Name)
                        ?? throw new InvalidOperationException($"No hay valor de prueba para {{{p.Name}}} en {ruta.RawText}.");
                    sb.Append(Uri.EscapeDataString(valor));
                }
            }
            anterior = segmento.Parts is [RoutePatternLiteralPart lit] ? lit.Content : null;
        }
        return sb.Length == 0 ? "/" : sb.ToString();
    }

    private enum Esperado { Permitido, Denegado, AlIngreso, NoAutenticado, NoSeEnvia }

    private static string? RolDe(Persona p) => p switch
    {
        Persona.Administrador => Roles.Administrador,
        Persona.Planificador => Roles.Planificador,
        Persona.Operador => Roles.Operador,
        Persona.Consulta or Persona.Nacional or Persona.Token => Roles.Consulta,
        _ => null,
    };

    private static Esperado Esperar(Operacion o, Persona persona, bool entidadPropia)
    {
        var escribe = o.Metodo != "GET";
        var regla = o.Regla;
        var rol = RolDe(persona);
        if (regla.Clase == Tipo.Publica) return escribe ? Esperado.NoSeEnvia : Esperado.Permitido;
        if (regla.Clase == Tipo.Api)
        {
            if (persona != Persona.Token) return Esperado.NoAutenticado;
            if (o.Patron.Contains("{entidad}", StringComparison.Ordinal) && !entidadPropia) return Esperado.Denegado;
            return !escribe ? Esperado.Permitido : regla.Escritores.Contains(rol) ? Esperado.NoSeEnvia : Esperado.Denegado;
        }
        // Pages authenticate with the cookie only: a bearer token is as good as nothing there.
        if (persona is Persona.Anonimo or Persona.Token) return Esperado.AlIngreso;
        switch (regla.Clase)
        {
            case Tipo.Sesion:
                return escribe ? Esperado.NoSeEnvia : Esperado.Permitido;
            case Tipo.Nacional:
                return persona != Persona.Nacional ? Esperado.Denegado : escribe ? Esperado.NoSeEnvia : Esperado.Permitido;
        }
        if (!entidadPropia && persona != Persona.Nacional) return Esperado.Denegado;
        if (escribe) return regla.Escritores.Contains(rol) ? Esperado.NoSeEnvia : Esperado.Denegado;
        return regla.Lectores!.Contains(rol) ? Esperado.Permitido : Esperado.Denegado;
    }

    /// <summary>An Operador reads only its own cost centres: a page of the entity may answer it 403 by content, never 5xx.</summary>
    private static bool Cumple(Esperado esperado, Persona persona, HttpResponseMessage r)
    {
        var codigo = (int)r.StatusCode;
        var destino = r.Headers.Location is { } l ? l.IsAbsoluteUri ? l.PathAndQuery : l.OriginalString : "";
        var alIngreso = r.StatusCode == HttpStatusCode.Redirect && destino.StartsWith("/cuenta/ingresar", StringComparison.Ordinal);
        return esperado switch
        {
            Esperado.Permitido when persona == Persona.Operador => codigo < 500 && codigo != 401 && !alIngreso,
            Esperado.Permitido => codigo < 500 && codigo is not (401 or 403) && !alIngreso,
            Esperado.Denegado => codigo is 403 or 404,
            Esperado.AlIngreso => alIngreso,
            Esperado.NoAutenticado => codigo == 401,
            _ => false,
        };
    }

    [Fact]
    public async Task CadaRutaPorCadaPersonaYEntidad_CumpleSuRegla()
    {
        var reloj = Stopwatch.StartNew();
        var (operaciones, sinRegla) = await OperacionesAsync();
        Assert.True(sinRegla.Count == 0, "Rutas sin regla de autorización en la matriz (añádalas a ReglaDe): " + string.Join(", ", sinRegla.Distinct()));
        // The route table really was read: pages, handlers and the API are all there.
        Assert.Contains(operaciones, o => o.Patron == "/e/{entidad}/administracion/usuarios/{id:int}" && o.Handler == "Contrasena");
        Assert.Contains(operaciones, o => o.Patron.StartsWith("/api/v1/e/{entidad}/seguimiento/", StringComparison.Ordinal) && o.Metodo == "PUT");

        var valores = await ValoresAsync();
        var clientes = new Dictionary<Persona, HttpClient>
        {
            [Persona.Administrador] = await _app.ComoAsync(AppDePrueba.Administrador),
            [Persona.Planificador] = await _app.ComoAsync(AppDePrueba.Planificador),
            [Persona.Operador] = await _app.ComoAsync(AppDePrueba.Operador),
            [Persona.Consulta] = await _app.ComoAsync(AppDePrueba.Consulta),
            [Persona.Nacional] = await _app.ComoAsync(DosEntidades.Nacional),
            [Persona.Anonimo] = _app.ClienteAnonimo(),
            [Persona.Token] = await ClienteConTokenAsync(AppDePrueba.Consulta),
        };
        // One antiforgery token per signed-in client (every page's log-out form has one): a refused write must be
        // refused for the rule, not for a missing token.
        var tokens = new Dictionary<Persona, string>();
        foreach (var (persona, http) in clientes.Where(c => c.Key is not (Persona.Anonimo or Persona.Token)))
        {
            var html = await (await http.GetAsync("/")).Content.ReadAsStringAsync();
            tokens[persona] = new HtmlParser().ParseDocument(html).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        }

        var casos = (from o in operaciones
                     from persona in Enum.GetValues<Persona>()
                     from propia in new[] { true, false }
                     let esperado = Esperar(o, persona, propia)
                     where esperado != Esperado.NoSeEnvia
                     // Routes without {entidad} are the same for both entities: sent once.
                     where propia || o.Patron.Contains("{entidad}", StringComparison.Ordinal)
                     select (o, persona, propia, esperado)).ToList();

        var fallos = new ConcurrentBag<string>();
        using var paralelo = new SemaphoreSlim(4);
        await Task.WhenAll(casos.Select(async c =>
        {
            await paralelo.WaitAsync();
            try
            {
                var url = Url(c.o.Ruta, valores[c.propia ? Propia : Otra]);
                if (c.o.Handler is { } h) url += "?handler=" + h;
                using var pedido = new HttpRequestMessage(new HttpMethod(c.o.Metodo), url);
                if (c.o.Metodo != "GET")
                {
                    var campos = tokens.TryGetValue(c.persona, out var t) ? new Dictionary<string, string> { ["__RequestVerificationToken"] = t } : [];
                    pedido.Content = c.o.Regla.Clase == Tipo.Api && c.o.Metodo == "PUT"
                        ? new StringContent("{}", Encoding.UTF8, "application/json")
                        : new FormUrlEncodedContent(campos);
                }
                using var r = await clientes[c.persona].SendAsync(pedido);
                if (!Cumple(c.esperado, c.persona, r))
                    fallos.Add($"{c.persona} {c.o.Metodo} {url}: se esperaba {c.esperado}, respondió {(int)r.StatusCode} {r.Headers.Location}");
            }
            finally
            {
                paralelo.Release();
            }
        }));
        salida.WriteLine($"{operaciones.Count} operaciones, {casos.Count} pedidos en {reloj.Elapsed.TotalSeconds:0.0} s.");
        Assert.True(fallos.IsEmpty, $"{fallos.Count} de {casos.Count} pedidos no cumplen su regla:\n" + string.Join("\n", fallos.Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void UnaRutaNueva_SinRegla_NoPasaInadvertida()
    {
        Assert.Null(ReglaDe("/e/{entidad}/area-nueva"));
        Assert.Null(ReglaDe("/otra-pagina"));
        Assert.Null(ReglaDe("/api/v1/otra"));
        Assert.NotNull(ReglaDe("/e/{entidad}/seguimiento/{anio:int}/{mes:int}"));
    }

    private async Task<HttpClient> ClienteConTokenAsync(string correo)
    {
        await using var db = _app.Base.Contexto();
        var u = await db.Users.SingleAsync(x => x.UserName == correo);
        var (token, secreto) = TokenApi.Crear(u, "matriz", DateTimeOffset.UtcNow);
        db.TokensApi.Add(token);
        await db.SaveChangesAsync();
        var http = _app.ClienteAnonimo();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secreto);
        return http;
    }
}
