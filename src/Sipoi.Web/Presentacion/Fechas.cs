using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Sipoi.Web.Presentacion;

/// <summary>
/// How a date is written and read on every page: dd/mm/aaaa, as Peruvian offices write it, in a plain text
/// box (a browser's date picker follows the browser's language: mm/dd/yyyy in an en-US one). Every
/// <see cref="DateOnly"/> a form or a filter posts is read here, through <see cref="LectorFechas"/>, so one
/// wrong date always gets the same Spanish message naming its field.
/// </summary>
public static class Fechas
{
    /// <summary>What a date box shows while empty.</summary>
    public const string Indicacion = "dd/mm/aaaa";

    // Day and month with or without their leading zero; the ISO form only for links written by older pages and bookmarks.
    private static readonly string[] Formatos = ["d/M/yyyy", "yyyy-MM-dd"];

    /// <summary>"22/07/2024"; empty when there is no date.</summary>
    public static string Texto(DateOnly? fecha) => fecha is { } f ? Plazos.Fecha(f) : "";

    /// <summary>A date box's value: what the user typed when it was wrong (to correct it), else the date as dd/mm/aaaa.</summary>
    public static string Valor(ModelStateDictionary estado, string campo, DateOnly? fecha) =>
        estado.TryGetValue(campo, out var e) && e.Errors.Count > 0 ? e.AttemptedValue ?? "" : Texto(fecha);

    /// <summary>Reads "22/07/2024" (or "2024-07-22"); false for anything else, "31/02/2026" included.</summary>
    public static bool TryLeer(string? texto, out DateOnly fecha)
    {
        fecha = default;
        return !string.IsNullOrWhiteSpace(texto)
            && DateOnly.TryParseExact(texto.Trim(), Formatos, CultureInfo.InvariantCulture, DateTimeStyles.None, out fecha);
    }

    /// <summary>«La fecha «31/02/2026» no es válida para Fecha de aprobación: escríbala como dd/mm/aaaa (por ejemplo 27/12/2024).»</summary>
    public static string NoValida(string texto, string campo) =>
        $"La fecha «{texto.Trim()}» no es válida para {campo}: escríbala como {Indicacion} (por ejemplo 27/12/2024).";
}

/// <summary>
/// Binds every <see cref="DateOnly"/> and <c>DateOnly?</c> of a page from dd/mm/aaaa (<see cref="Fechas.TryLeer"/>). A
/// wrong date leaves the property empty and puts <see cref="Fechas.NoValida"/> in the model state under the field's name,
/// so the page shows it next to the field and in the summary; an empty box is simply no date (required is the page's rule).
/// </summary>
public sealed class LectorFechas : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext contexto)
    {
        var valor = contexto.ValueProvider.GetValue(contexto.ModelName);
        if (valor == ValueProviderResult.None) return Task.CompletedTask;
        contexto.ModelState.SetModelValue(contexto.ModelName, valor);
        var texto = valor.FirstValue;
        if (string.IsNullOrWhiteSpace(texto))
        {
            if (contexto.ModelMetadata.IsReferenceOrNullableType) contexto.Result = ModelBindingResult.Success(null);
            return Task.CompletedTask;
        }
        if (Fechas.TryLeer(texto, out var fecha))
        {
            contexto.Result = ModelBindingResult.Success(fecha);
            return Task.CompletedTask;
        }
        var campo = contexto.ModelMetadata.DisplayName ?? contexto.ModelMetadata.Name ?? contexto.ModelName;
        contexto.ModelState.TryAddModelError(contexto.ModelName, Fechas.NoValida(texto, campo));
        return Task.CompletedTask;
    }

    public sealed class Proveedor : IModelBinderProvider
    {
        public IModelBinder? GetBinder(ModelBinderProviderContext contexto) =>
            contexto.Metadata.UnderlyingOrModelType == typeof(DateOnly) ? new LectorFechas() : null;
    }
}
