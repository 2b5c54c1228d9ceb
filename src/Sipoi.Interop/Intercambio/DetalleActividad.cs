using Sipoi.Domain.Operativo;

namespace Sipoi.Interop.Intercambio;

/// <summary>An activity's indicator: "indicador": { "enunciado": "…", "tipo": "proceso" | "insumo" }.</summary>
public sealed record IndicadorActividadDto
{
    public required string Enunciado { get; init; }
    public required TipoIndicadorActividad Tipo { get; init; }
}

/// <summary>One line of an activity's needs: clasificador code (optional), detail, quantity and unit cost in soles.</summary>
public sealed record NecesidadDto
{
    public string? Codigo { get; init; }
    public required string Detalle { get; init; }
    public required decimal Cantidad { get; init; }
    public required decimal CostoUnitario { get; init; }
}

/// <summary>The exchange codes of <see cref="TipoIndicadorActividad"/> and the domain record a DTO stands for.</summary>
public static class DetalleIntercambio
{
    public static string Codigo(this TipoIndicadorActividad t) => t == TipoIndicadorActividad.Proceso ? "proceso" : "insumo";

    public static bool TryParse(string? codigo, out TipoIndicadorActividad t)
    {
        t = codigo == "insumo" ? TipoIndicadorActividad.Insumo : TipoIndicadorActividad.Proceso;
        return codigo is "proceso" or "insumo";
    }

    public static DetalleActividad Detalle(ActividadDto a) => new(a.Indicador?.Enunciado, a.Indicador?.Tipo, a.ElementosCriticos,
        a.Necesidades.Select(n => new Necesidad(n.Codigo, n.Detalle, n.Cantidad, n.CostoUnitario)).ToList());
}
