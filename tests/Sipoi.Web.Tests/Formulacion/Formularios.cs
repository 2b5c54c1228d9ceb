using System.Globalization;
using System.Net;
using Sipoi.Web.Tests.Infraestructura;

namespace Sipoi.Web.Tests.Formulacion;

/// <summary>The drafting pages' forms as a browser posts them (selects carry their selected option).</summary>
internal static class Formularios
{
    public static string Base(int anio) => $"/e/EMSAPUNO/formulacion/{anio}";
    public static string Centro(int anio, string centro) => $"{Base(anio)}/centro/{centro}";
    public static string Actividad(int anio, string centro, string? codigo = null) =>
        $"{Centro(anio, centro)}/actividad" + (codigo is null ? "" : "?codigo=" + Uri.EscapeDataString(codigo));

    public static async Task<Formulario> LeerAsync(HttpClient http, string url, string id)
    {
        var f = await Formulario.LeerAsync(http, url, id);
        foreach (var s in f.Elemento.QuerySelectorAll("select[name]"))
        {
            var opcion = s.QuerySelector("option[selected]") ?? s.QuerySelector("option");
            f.Campos[s.GetAttribute("name")!] = opcion?.GetAttribute("value") ?? "";
        }
        return f;
    }

    /// <summary>Reads the page's form <paramref name="id"/>, changes it and posts it; returns the answer (no redirect followed).</summary>
    public static async Task<HttpResponseMessage> EnviarAsync(HttpClient http, string url, string id, Action<Dictionary<string, string>>? cambios = null,
        string? boton = null)
    {
        var f = await LeerAsync(http, url, id);
        cambios?.Invoke(f.Campos);
        return await f.EnviarAsync(http, boton is null ? null : f.Accion(boton));
    }

    /// <summary>
    /// Approves the draft as the office does: the approval form, then its confirmation summary (#confirmar-aprobar-version);
    /// a refusal comes back as the page with its errors.
    /// </summary>
    public static async Task<HttpResponseMessage> AprobarAsync(HttpClient http, int anio, string documento, string fecha)
    {
        var f = await LeerAsync(http, Base(anio), "aprobar-version");
        f.Campos["Documento"] = documento;
        f.Campos["Fecha"] = fecha;
        return await f.EnviarYConfirmarAsync(http, "confirmar-aprobar-version");
    }

    public static void Actividad(Dictionary<string, string> c, string codigo, string nombre, string aei, string comportamiento, string metaAnual,
        decimal[] meses, string unidad = "Informe")
    {
        c["Entrada.Codigo"] = codigo;
        c["Entrada.Nombre"] = nombre;
        c["Entrada.Aei"] = aei;
        c["Entrada.UnidadMedida"] = unidad;
        c["Entrada.Comportamiento"] = comportamiento;
        c["Entrada.MetaAnual"] = metaAnual;
        Meses(c, meses);
    }

    public static void Meses(Dictionary<string, string> c, decimal[] meses)
    {
        for (var m = 0; m < 12; m++) c[$"Entrada.Fisico[{m}]"] = meses[m] == 0 ? "" : meses[m].ToString(CultureInfo.InvariantCulture);
    }

    public static void Generica(Dictionary<string, string> c, int fila, string generica, decimal[] montos)
    {
        c[$"Entrada.Financiero[{fila}].Generica"] = generica;
        for (var m = 0; m < 12; m++) c[$"Entrada.Financiero[{fila}].Montos[{m}]"] = montos[m] == 0 ? "" : montos[m].ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Only the antiforgery token of a page the user may open (every page has the log-out form): a valid but empty post.</summary>
    public static async Task<FormUrlEncodedContent> TokenAsync(HttpClient http, string url)
    {
        var doc = Formulario.Leer(await (await http.GetAsync(url)).Content.ReadAsStringAsync());
        var token = doc.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        return new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
    }

    public static async Task<string> TextoAsync(HttpResponseMessage r) => Formulario.Leer(await r.Content.ReadAsStringAsync()).Body!.TextContent;

    public static void Redirige(HttpResponseMessage r, string? a = null)
    {
        Assert.True(r.StatusCode == HttpStatusCode.Redirect, $"Se esperaba una redirección y llegó {(int)r.StatusCode}: " +
            (r.Content.ReadAsStringAsync().Result is var html && Formulario.Leer(html).GetElementById("errores") is { } e ? e.TextContent : ""));
        if (a is not null) Assert.Equal(a, r.Headers.Location!.OriginalString);
    }
}
