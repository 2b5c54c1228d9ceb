using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Data;
using Sipoi.Web.ImportacionExcel;
using Sipoi.Web.Informes;
using Sipoi.Web.Seguridad;

namespace Sipoi.Web.Presentacion;

/// <summary>A link of the main menu or of the breadcrumbs: the page (asp-page) and its route values.</summary>
public sealed record EnlaceMenu(string Texto, string Pagina, IDictionary<string, string> Ruta)
{
    /// <summary>"page" on the link to the page shown, "true" on the section holding a deeper page, null elsewhere.</summary>
    public string? Actual { get; init; }
}

/// <summary>A labelled group of the main menu (Planificar, Seguimiento, Evaluar, Reportes, Administrar).</summary>
public sealed record GrupoMenu(string Id, string Nombre, IReadOnlyList<EnlaceMenu> Enlaces);

/// <summary>
/// The one menu of every page (Pages/Shared/_Layout.cshtml, issue 15 item 1), grouped by what people do, and the
/// breadcrumbs of deep pages. Each link is shown only to the roles its page lets in, with the same checks the
/// pages make (Politicas, PermisosInformes, ImportacionPoiExcel.PuedeImportar).
/// </summary>
public static class MenuPrincipal
{
    /// <summary>The entity's current POI year when a page names none: the latest year with a POI, as the entity home page lists first.</summary>
    public static Task<int?> AnioVigenteAsync(SipoiDbContext db, string codigoEntidad, CancellationToken ct = default) =>
        (from p in db.Pois.AsNoTracking()
         join e in db.Entidades.AsNoTracking() on p.EntidadId equals e.Id
         where e.Codigo == codigoEntidad
         select (int?)p.Anio).MaxAsync(ct);

    /// <summary>The entity home link, shown before the groups.</summary>
    public static EnlaceMenu Inicio(string entidad, string? paginaActual) =>
        Marcar(new EnlaceMenu("Inicio", "/Entidades/Inicio", Ruta(entidad)), paginaActual);

    /// <summary>
    /// The groups for this user inside <paramref name="entidad"/>; the year links need <paramref name="anio"/>
    /// (none when the entity has no POI yet). Empty groups are left out.
    /// </summary>
    public static IReadOnlyList<GrupoMenu> Grupos(ClaimsPrincipal u, string entidad, int? anio, string? paginaActual)
    {
        var e = Ruta(entidad);
        var ea = anio is { } a ? Ruta(entidad, a) : null;
        var grupos = new List<GrupoMenu>
        {
            Grupo("planificar", "Planificar",
                new EnlaceMenu("PEI", "/Peis/Index", e),
                new EnlaceMenu("Plan de Gobierno", "/PlanesGobierno/Index", e),
                ea is null ? null : new EnlaceMenu("Formulación", "/Formulacion/Index", ea),
                ea is null ? null : new EnlaceMenu("POI por centro", "/Pois/PorCentro", ea),
                ea is null ? null : new EnlaceMenu("POI por ficha", "/Pois/PorFicha", ea),
                ea is null ? null : new EnlaceMenu("Presupuesto", "/Presupuesto/Index", ea)),
            Grupo("seguimiento", "Seguimiento",
                ea is null ? null : new EnlaceMenu("Seguimiento", "/Seguimiento/Tablero", ea),
                ea is null ? null : new EnlaceMenu("Calendario", "/Calendario/Index", ea)),
            Grupo("evaluar", "Evaluar",
                ea is null ? null : new EnlaceMenu("Evaluación", "/Evaluacion/Index", ea),
                PermisosInformes.PuedeLeer(u) ? new EnlaceMenu("Informes", "/Informes/Evaluaciones", e) : null,
                new EnlaceMenu("Recomendaciones", "/Informes/Recomendaciones", e)),
            Grupo("reportes", "Reportes",
                ea is null ? null : new EnlaceMenu("Reportes", "/Reportes/Index", ea),
                ea is null ? null : new EnlaceMenu("Tablero", "/Tablero/Index", ea)),
            Grupo("administrar", "Administrar",
                u.IsInRole(Roles.Administrador) ? new EnlaceMenu("Administración", "/Administracion/Index", e) : null,
                u.IsInRole(Roles.Administrador) ? new EnlaceMenu("Cargar organigrama", "/Administracion/OrganigramaCargar", e) : null,
                u.VeAuditoria() ? new EnlaceMenu("Auditoría", "/Auditoria/Index", e) : null,
                u.PuedeImportar() ? new EnlaceMenu("Importar Excel", "/ImportacionExcel/Index", e) : null),
        };
        return [.. grupos.Where(g => g.Enlaces.Count > 0)
            .Select(g => g with { Enlaces = [.. g.Enlaces.Select(x => Marcar(x, paginaActual))] })];
    }

    /// <summary>
    /// The menu page a deeper page belongs to (its section): marked aria-current="true" when the page itself is not in the menu.
    /// </summary>
    public static string? Seccion(string? pagina) => pagina switch
    {
        null => null,
        "/Pois/Actividad" => "/Pois/PorCentro",
        "/Pois/Ejecucion" or "/Reportes/Pdf" or "/Reportes/Descargar" => "/Reportes/Index",
        "/Informes/Detalle" or "/Informes/Narrativa" or "/Informes/DocumentoOficial" => "/Informes/Evaluaciones",
        _ when pagina.StartsWith("/Seguimiento/", StringComparison.Ordinal) => "/Seguimiento/Tablero",
        _ => Carpeta(pagina) switch
        {
            "Peis" => "/Peis/Index",
            "PlanesGobierno" => "/PlanesGobierno/Index",
            "Formulacion" => "/Formulacion/Index",
            "Evaluacion" => "/Evaluacion/Index",
            "Administracion" => "/Administracion/Index",
            _ => null,
        },
    };

    /// <summary>
    /// The pages above a deep page, from the entity home down to its parent (the page itself is the last, unlinked crumb);
    /// empty for the pages the menu opens. <paramref name="valores"/> holds the route and query values of the request.
    /// </summary>
    public static IReadOnlyList<EnlaceMenu> Migas(string? pagina, string entidad, Func<string, string?> valores)
    {
        if (pagina is null) return [];
        var e = Ruta(entidad);
        var anio = valores("anio");
        var ea = anio is null ? null : Con(e, ("anio", anio));
        EnlaceMenu? Enlace(string texto, string destino, IDictionary<string, string>? ruta) => ruta is null ? null : new(texto, destino, ruta);
        EnlaceMenu?[] padres = pagina switch
        {
            "/Seguimiento/Mes" => [Enlace($"Seguimiento {anio}", "/Seguimiento/Tablero", ea)],
            "/Seguimiento/Evidencia" =>
            [
                Enlace($"Seguimiento {anio}", "/Seguimiento/Tablero", ea),
                Enlace(NombreMes(valores("mes")) is { } mes ? $"{mes} {anio}" : "Mes", "/Seguimiento/Mes",
                    ea is null || valores("mes") is not { } m ? null : Con(ea, ("mes", m), ("centro", valores("centro")))),
            ],
            "/Formulacion/Centro" or "/Formulacion/Techos" or "/Formulacion/Diferencias" => [Enlace($"Formulación {anio}", "/Formulacion/Index", ea)],
            "/Formulacion/Actividad" =>
            [
                Enlace($"Formulación {anio}", "/Formulacion/Index", ea),
                Enlace($"Centro {valores("centro")}", "/Formulacion/Centro", ea is null || valores("centro") is not { } c ? null : Con(ea, ("centro", c))),
            ],
            "/Informes/Detalle" or "/Informes/DocumentoOficial" => [Enlace("Informes", "/Informes/Evaluaciones", e)],
            "/Informes/Narrativa" =>
            [
                Enlace("Informes", "/Informes/Evaluaciones", e),
                Enlace(NombrePeriodo(valores("periodo")) is { } p ? $"{p} {anio}" : "Informe", "/Informes/Detalle",
                    ea is null || valores("periodo") is not { } per ? null : Con(ea, ("periodo", per))),
            ],
            "/Administracion/Centro" or "/Administracion/OrganigramaCargar" => [Enlace("Administración", "/Administracion/Index", e), Enlace("Organigrama", "/Administracion/Centros", e)],
            "/Administracion/Usuario" or "/Administracion/NuevoUsuario" =>
                [Enlace("Administración", "/Administracion/Index", e), Enlace("Usuarios", "/Administracion/Usuarios", e)],
            _ when Carpeta(pagina) == "Administracion" && pagina != "/Administracion/Index" => [Enlace("Administración", "/Administracion/Index", e)],
            _ when Carpeta(pagina) == "Peis" && pagina != "/Peis/Index" =>
                [(valores("pei") ?? valores("codigo")) is { } pei ? Enlace($"PEI {pei}", "/Peis/Index", Con(e, ("codigo", pei))) : Enlace("PEI", "/Peis/Index", e)],
            "/PlanesGobierno/Plan" => [Enlace("Plan de Gobierno", "/PlanesGobierno/Index", e)],
            "/PlanesGobierno/Ejecucion" =>
                [Enlace("Plan de Gobierno", "/PlanesGobierno/Index", e), Enlace("Plan", "/PlanesGobierno/Plan", valores("id") is { } id ? Con(e, ("id", id)) : null)],
            "/Pois/Actividad" => [Enlace($"POI {anio} por centro", "/Pois/PorCentro", ea)],
            "/Pois/Ejecucion" or "/Reportes/Pdf" => [Enlace($"Reportes {anio}", "/Reportes/Index", ea)],
            "/Evaluacion/Seguimiento" => [Enlace($"Evaluación {anio}", "/Evaluacion/Index", ea)],
            _ => [],
        };
        var lista = padres.OfType<EnlaceMenu>().ToList();
        return lista.Count == 0 ? [] : [new EnlaceMenu("Inicio", "/Entidades/Inicio", e), .. lista];
    }

    private static GrupoMenu Grupo(string id, string nombre, params EnlaceMenu?[] enlaces) => new(id, nombre, [.. enlaces.OfType<EnlaceMenu>()]);

    private static EnlaceMenu Marcar(EnlaceMenu x, string? paginaActual) =>
        x with { Actual = x.Pagina == paginaActual ? "page" : x.Pagina == Seccion(paginaActual) ? "true" : null };

    private static string? Carpeta(string pagina) => pagina.Split('/', StringSplitOptions.RemoveEmptyEntries) is [var c, _] ? c : null;

    private static Dictionary<string, string> Ruta(string entidad) => new() { ["entidad"] = entidad };

    private static Dictionary<string, string> Ruta(string entidad, int anio) =>
        new() { ["entidad"] = entidad, ["anio"] = anio.ToString(CultureInfo.InvariantCulture) };

    private static Dictionary<string, string> Con(IDictionary<string, string> ruta, params (string Clave, string? Valor)[] mas)
    {
        var r = new Dictionary<string, string>(ruta);
        foreach (var (k, v) in mas)
            if (v is not null) r[k] = v;
        return r;
    }

    private static string? NombreMes(string? mes) =>
        int.TryParse(mes, NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m is >= 1 and <= 12 ? Meses.Nombre(m) : null;

    private static string? NombrePeriodo(string? codigo) => Periodo.TryParse(codigo, out var p) ? p.Nombre : null;
}
