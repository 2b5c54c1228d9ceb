namespace Sipoi.Interop.Intercambio;

/// <summary>A unidad orgánica; <see cref="Padre"/> is the code of its parent (null at the top).</summary>
public sealed record CentroCostoDto
{
    public required string Codigo { get; init; }
    public required string Nombre { get; init; }
    public string? Padre { get; init; }
    public string? Responsable { get; init; }
    /// <summary>True when the unit is a gerencia used to group fichas (weighted process method).</summary>
    public bool Gerencia { get; init; }
}

/// <summary>A ficha de proceso (ISO 9001 process sheet) that groups activities.</summary>
public sealed record FichaDto
{
    public required string Codigo { get; init; }
    public required string Nombre { get; init; }
    /// <summary>The gerencia as text ("Gerencia General"), as EXCHANGE.md writes it.</summary>
    public string? Gerencia { get; init; }
    /// <summary>Code of the cost centre that owns the ficha.</summary>
    public string? CentroCosto { get; init; }
    /// <summary>"Responsable del Proceso".</summary>
    public string? Responsable { get; init; }
    /// <summary>"Objetivo del Proceso".</summary>
    public string? Objetivo { get; init; }
    /// <summary>AEI codes declared in the ficha's header.</summary>
    public IReadOnlyList<string> Aei { get; init; } = [];
    /// <summary>Weight inside its gerencia for the weighted process method (1 when the file omits it).</summary>
    public decimal Peso { get; init; } = 1;
}
