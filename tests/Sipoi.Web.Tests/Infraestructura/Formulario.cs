using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Sipoi.Web.Tests.Infraestructura;

/// <summary>
/// A form read from a page as a browser sees it (every named input, textarea and select, with its
/// value), ready to be changed and posted: tests post what the page really offers, antiforgery token included.
/// </summary>
public sealed class Formulario
{
    public IHtmlDocument Pagina { get; }
    public IElement Elemento { get; }
    public Dictionary<string, string> Campos { get; }

    private Formulario(IHtmlDocument pagina, IElement elemento, Dictionary<string, string> campos)
    {
        Pagina = pagina;
        Elemento = elemento;
        Campos = campos;
    }

    public static IHtmlDocument Leer(string html) => new HtmlParser().ParseDocument(html);

    public static async Task<Formulario> LeerAsync(HttpClient http, string url, string id)
    {
        var r = await http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        return De(Leer(await r.Content.ReadAsStringAsync()), id);
    }

    public static Formulario De(IHtmlDocument pagina, string id)
    {
        var form = pagina.GetElementById(id) ?? throw new InvalidOperationException($"La página no tiene el formulario #{id}.");
        var campos = new Dictionary<string, string>();
        // Fields inside the form and fields outside it that name it (form="id"), as the browser collects them.
        var elementos = form.QuerySelectorAll("input[name], textarea[name], select[name]")
            .Concat(pagina.QuerySelectorAll($"[form='{id}'][name]"));
        foreach (var e in elementos)
        {
            var nombre = e.GetAttribute("name")!;
            var tipo = e.GetAttribute("type");
            if (tipo is "submit" or "file" or "button") continue;
            if (tipo is "checkbox" or "radio" && !e.HasAttribute("checked")) continue;
            campos[nombre] = e.LocalName switch
            {
                "textarea" => e.TextContent,
                // A select sends its selected option, or its first one, as a browser does.
                "select" => (e.QuerySelector("option[selected]") ?? e.QuerySelector("option")) is { } o ? o.GetAttribute("value") ?? o.TextContent : "",
                _ => e.GetAttribute("value") ?? "",
            };
        }
        return new Formulario(pagina, form, campos);
    }

    /// <summary>The index i of the row whose Filas[i].Codigo is <paramref name="codigo"/>.</summary>
    public int Fila(string codigo) =>
        int.Parse(Campos.Single(c => c.Key.EndsWith(".Codigo", StringComparison.Ordinal) && c.Value == codigo).Key.Split('[', ']')[1],
            System.Globalization.CultureInfo.InvariantCulture);

    public Formulario Poner(string codigo, string campo, string valor)
    {
        Campos[$"Filas[{Fila(codigo)}].{campo}"] = valor;
        return this;
    }

    public string Valor(string codigo, string campo) => Campos[$"Filas[{Fila(codigo)}].{campo}"];

    /// <summary>Posts to the form's action, or to a button's formaction (the handler).</summary>
    public Task<HttpResponseMessage> EnviarAsync(HttpClient http, string? accion = null) =>
        http.PostAsync(accion ?? Elemento.GetAttribute("action"), new FormUrlEncodedContent(Campos));

    /// <summary>
    /// Posts the form and, when the answer is the confirmation step of an irreversible action (a page with the form
    /// <paramref name="confirmacion"/>), posts that confirmation too, as the user pressing «Sí, …» does. A refusal
    /// (no confirmation form) comes back as it is.
    /// </summary>
    public async Task<HttpResponseMessage> EnviarYConfirmarAsync(HttpClient http, string confirmacion, string? accion = null)
    {
        var r = await EnviarAsync(http, accion);
        if (r.StatusCode != HttpStatusCode.OK) return r;
        var pagina = Leer(await r.Content.ReadAsStringAsync());
        return pagina.GetElementById(confirmacion) is null ? r : await De(pagina, confirmacion).EnviarAsync(http);
    }

    /// <summary>The formaction of the button with that id ("guardar", "enviar").</summary>
    public string Accion(string boton) =>
        Pagina.GetElementById(boton)?.GetAttribute("formaction") ?? throw new InvalidOperationException($"La página no tiene el botón #{boton}.");
}
