using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Sipoi.Web.Presentacion;

/// <summary>
/// The one way a page paints a performance band: <c>&lt;banda valor="@x.Banda" esquema="@r.Bandas" /&gt;</c> writes
/// <c>&lt;span class="banda bajo"&gt;Bajo — Esfuérzate más&lt;/span&gt;</c>, with the entity's label (and legend) in words
/// so the colour never speaks alone, and a missing band as <c>&lt;span class="banda nd"&gt;ND&lt;/span&gt;</c>
/// (<see cref="BandaTexto.NoDisponible"/>, the only "no value" text).
/// Optional: <c>cifra="@Formato.Porcentaje(v)"</c> puts the figure first ("66.67 % · Bajo"); <c>motivo="…"</c> says
/// why there is no band ("ND · Sin registro"). Which band an activity gets is the domain's
/// (<see cref="EjecucionPeriodo.Banda"/>), not the page's. Registered for every page in <c>Pages/_ViewImports.cshtml</c>.
/// </summary>
[HtmlTargetElement("banda", TagStructure = TagStructure.WithoutEndTag)]
public sealed class BandaTagHelper : TagHelper
{
    public Banda? Valor { get; set; }

    public EsquemaBandas Esquema { get; set; } = EsquemaBandas.Nacional;

    public string? Cifra { get; set; }

    public string? Motivo { get; set; }

    /// <summary>The CSS class after "banda": bajo, medio, alto or nd (sipoi.css colours them; tablero.js reads them).</summary>
    public static string Clase(Banda? banda) => banda is { } b ? b.Codigo() : "nd";

    /// <summary>The band in words: the entity's label with its legend, or ND.</summary>
    public static string Texto(EsquemaBandas esquema, Banda? banda) => banda is { } b ? esquema.Texto(b) : BandaTexto.NoDisponible;

    /// <summary>"66.67 % · Bajo" or "ND" (no figure is shown twice when there is no value).</summary>
    public static string Rotulo(EsquemaBandas esquema, Banda? banda, string? cifra, string? motivo = null) =>
        banda is null
            ? motivo is { Length: > 0 } m ? $"{BandaTexto.NoDisponible} · {m}" : BandaTexto.NoDisponible
            : cifra is { Length: > 0 } c ? $"{c} · {Texto(esquema, banda)}" : Texto(esquema, banda);

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "span";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "banda " + Clase(Valor));
        output.Content.SetContent(Rotulo(Esquema, Valor, Cifra, Motivo));
    }
}
