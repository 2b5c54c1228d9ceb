using Sipoi.Domain.Estrategia;
namespace Sipoi.Interop.Intercambio;

public sealed record PeiDto
{
    /// <summary>"PEI-2024-2028", "PEI-2019-2027-Ampliado", …</summary>
    public required string Codigo { get; init; }
    public int? Inicio { get; init; }
    public int? Fin { get; init; }
    public string? Mision { get; init; }
    public string? Nombre { get; init; }
    public string? Vision { get; init; }
    public EstadoPei? Estado { get; init; }
    public IReadOnlyList<OeiDto> Oei { get; init; } = [];
}

public sealed record OeiDto
{
    public required string Codigo { get; init; }
    public required string Enunciado { get; init; }
    /// <summary>1 = most important; unique within the PEI.</summary>
    public required int Prioridad { get; init; }
    public IReadOnlyList<IndicadorDto> Indicadores { get; init; } = [];
    public IReadOnlyList<AeiDto> Aei { get; init; } = [];
}

public sealed record AeiDto
{
    public required string Codigo { get; init; }
    public required string Enunciado { get; init; }
    /// <summary>1 = most important; unique within its OEI.</summary>
    public required int Prioridad { get; init; }
    /// <summary>Responsible unit as text ("Gerencia de Operaciones").</summary>
    public string? Responsable { get; init; }
    public IReadOnlyList<IndicadorDto> Indicadores { get; init; } = [];
}

public sealed record IndicadorDto
{
    /// <summary>Unique within the PEI (over OEI and AEI indicators).</summary>
    public required string Codigo { get; init; }
    public required string Nombre { get; init; }
    /// <summary>número, porcentaje, ratio, tasa, índice, soles, …</summary>
    public string? Unidad { get; init; }
    /// <summary>Ascendente when the file omits it.</summary>
    public Sentido Sentido { get; init; } = Sentido.Ascendente;
    public LineaBaseDto? LineaBase { get; init; }
    /// <summary>Expected value per year (keys are four-digit years).</summary>
    public IReadOnlyDictionary<int, decimal> LogrosEsperados { get; init; } = new Dictionary<int, decimal>();
    /// <summary>Obtained value per year; a year that is absent is not registered.</summary>
    public IReadOnlyDictionary<int, decimal> ValoresObtenidos { get; init; } = new Dictionary<int, decimal>();
    public string? Fuente { get; init; }
    public string? MetodoCalculo { get; init; }
    /// <summary>Code of the responsible cost centre (must exist in centrosCosto).</summary>
    public string? CentroCostoResponsable { get; init; }
    /// <summary>For <see cref="Sentido.NoDefinido"/>.</summary>
    public decimal? MaximoPermisible { get; init; }
    /// <summary>For <see cref="Sentido.NoDefinido"/>.</summary>
    public decimal? MinimoPermisible { get; init; }
    /// <summary>Obtained value per semester, keys "2024-S1" / "2024-S2".</summary>
    public IReadOnlyDictionary<string, decimal> ValoresObtenidosSemestre { get; init; } = new Dictionary<string, decimal>();
}

public sealed record LineaBaseDto
{
    public required int Anio { get; init; }
    public required decimal Valor { get; init; }
}
