using Microsoft.AspNetCore.Mvc;

namespace Sipoi.Web.Pages;

/// <summary>
/// Links to pages are generated from the route in each page's <c>@page</c> directive, never typed: routing escapes
/// the values, and a changed route cannot leave a dead link behind (EnlacesTests guards it).
/// </summary>
public static class Enlaces
{
    /// <summary>
    /// The URL of <paramref name="pagina"/> (and its handler) for these route values. A value the route refuses fails
    /// here, loudly, instead of rendering a form without its action.
    /// </summary>
    public static string Pagina(this IUrlHelper url, string pagina, string? handler, object valores) =>
        url.Page(pagina, handler, valores) ?? throw new InvalidOperationException($"No se pudo generar el enlace a la página {pagina}.");
}
