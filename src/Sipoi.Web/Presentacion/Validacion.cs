using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Sipoi.Web.Presentacion;

/// <summary>
/// The app's own validation, in Spanish, instead of the browser's: model binding says what was wrong and in
/// which field (its <c>[Display(Name)]</c>), dates are read as dd/mm/aaaa (<see cref="LectorFechas"/>), and no
/// form asks the browser to check anything (<see cref="FormularioSinValidacionNavegador"/>): its bubbles speak
/// the browser's language, and every rule is checked on the server anyway.
/// </summary>
public static class Validacion
{
    public static IMvcBuilder AddSipoiValidacion(this IMvcBuilder mvc) => mvc.AddMvcOptions(o =>
    {
        o.ModelBinderProviders.Insert(0, new LectorFechas.Proveedor());
        var m = o.ModelBindingMessageProvider;
        m.SetAttemptedValueIsInvalidAccessor((valor, campo) => $"El valor «{valor}» no es válido para {campo}.");
        m.SetNonPropertyAttemptedValueIsInvalidAccessor(valor => $"El valor «{valor}» no es válido.");
        m.SetUnknownValueIsInvalidAccessor(campo => $"El valor escrito no es válido para {campo}.");
        m.SetNonPropertyUnknownValueIsInvalidAccessor(() => "El valor escrito no es válido.");
        m.SetValueIsInvalidAccessor(valor => $"El valor «{valor}» no es válido.");
        m.SetValueMustBeANumberAccessor(campo => $"{campo} debe ser un número.");
        m.SetNonPropertyValueMustBeANumberAccessor(() => "Debe ser un número.");
        m.SetValueMustNotBeNullAccessor(valor => $"Falta el valor «{valor}».");
        m.SetMissingBindRequiredValueAccessor(campo => $"Falta el valor de {campo}.");
        m.SetMissingKeyOrValueAccessor(() => "Falta un valor.");
        m.SetMissingRequestBodyRequiredValueAccessor(() => "Falta el contenido de la solicitud.");
    });
}

/// <summary>
/// Adds <c>novalidate</c> to every form: <c>required</c>, <c>maxlength</c> and <c>min</c> stay in the markup for
/// assistive technology, but the browser does not stop the post with its own (English, in an en-US browser) bubble;
/// the server answers with the page's Spanish message next to the field.
/// </summary>
[HtmlTargetElement("form")]
public sealed class FormularioSinValidacionNavegador : TagHelper
{
    // After the framework's form tag helper (order 0), which might rewrite the tag.
    public override int Order => 10;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (!output.Attributes.ContainsName("novalidate")) output.Attributes.Add(new TagHelperAttribute("novalidate"));
    }
}

/// <summary>
/// <c>&lt;error-campo para="Fecha" /&gt;</c>: the model state's messages for that field, next to it (nothing when it
/// has none). The summary at the top of the form (<c>_ResumenValidacion</c>) lists the same messages.
/// </summary>
[HtmlTargetElement("error-campo", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ErrorCampoTagHelper : TagHelper
{
    public string Para { get; set; } = "";

    [ViewContext, HtmlAttributeNotBound]
    public ViewContext Vista { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var errores = Vista.ViewData.ModelState.TryGetValue(Para, out var e) ? e.Errors.Select(x => x.ErrorMessage).Where(m => m.Length > 0).ToList() : [];
        if (errores.Count == 0)
        {
            output.SuppressOutput();
            return;
        }
        output.TagName = "span";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "error-celda");
        output.Attributes.SetAttribute("id", $"error-{Para}");
        output.Content.SetContent(string.Join(" ", errores));
    }
}
