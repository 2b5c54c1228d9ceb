using Sipoi.Domain.Organizacion;
namespace Sipoi.Interop.Intercambio;

/// <summary>
/// One exchange file <c>sipoi-intercambio/1</c>: one entity, its organisation, its PEI and one POI year
/// (shared/EXCHANGE.md §1 plus the extensions of docs/intercambio.md). Plain data mirroring the JSON;
/// <see cref="LectorIntercambio"/> only returns documents that passed every validation rule.
/// Collections are never null (absent in the file = empty).
/// </summary>
public sealed record DocumentoIntercambio
{
    public const string Formato = "sipoi-intercambio/1";

    public required EntidadDto Entidad { get; init; }

    /// <summary>Null when the file has no <c>configuracion</c>: the entity keeps what it has (or the defaults).</summary>
    public ConfiguracionDto? Configuracion { get; init; }

    public IReadOnlyList<CentroCostoDto> CentrosCosto { get; init; } = [];
    public IReadOnlyList<FichaDto> Fichas { get; init; } = [];
    public required PeiDto Pei { get; init; }
    public required PoiDto Poi { get; init; }
}

public sealed record EntidadDto
{
    public required string Codigo { get; init; }
    public required string Nombre { get; init; }
    /// <summary>Free text: "Municipalidad Provincial", "Empresa pública", …</summary>
    public string? Tipo { get; init; }
    public string? Siglas { get; init; }
    public string? Vision { get; init; }
    /// <summary>
    /// <c>entidad.textos</c>: the texts the entity's documents print (<see cref="ContenidoTextos"/>). Null when the file
    /// has none (older files): the importer then keeps the entity's texts.
    /// </summary>
    public ContenidoTextos? Textos { get; init; }
}

/// <summary>
/// Entity settings. Every member is null when the file does not state it; the defaults below are
/// what applies then (an import should keep the entity's current value rather than reset it).
/// </summary>
public sealed record ConfiguracionDto
{
    public const decimal ToleranciaInferiorPredeterminada = 85;
    public const decimal ToleranciaSuperiorPredeterminada = 115;
    public const int DiasCierrePredeterminados = 10;
    public static BandasDto BandasPredeterminadas { get; } = new() { MedioDesde = 75, AltoDesde = 95 };

    public MetodoEvaluacion? Metodo { get; init; }
    /// <summary>Percent thresholds, 0 ≤ medioDesde ≤ altoDesde ≤ 100.</summary>
    public BandasDto? Bandas { get; init; }
    /// <summary>Band names ("Bajo", "Medio", "Alto").</summary>
    public TextosBandasDto? EtiquetasBandas { get; init; }
    /// <summary>Qualification text next to each band name ("Esfuérzate más", …).</summary>
    public TextosBandasDto? LeyendasBandas { get; init; }
    public decimal? ToleranciaInferior { get; init; }
    public decimal? ToleranciaSuperior { get; init; }
    public int? DiasCierre { get; init; }
    /// <summary>Evaluation also counts months submitted and not yet approved (default false: approved only).</summary>
    public bool? MostrarEnviados { get; init; }
    /// <summary>"mensual" (default) or "trimestral": how often the centres submit their monitoring.</summary>
    public RitmoReporte? RitmoReporte { get; init; }
    /// <summary>The head of the parent centre validates each submission before the planning office (default false).</summary>
    public bool? ValidacionJefatura { get; init; }
    /// <summary>The Word evaluation report and the monitoring tables show whole-number percentages (default false: two decimals).</summary>
    public bool? PorcentajesEnteros { get; init; }
}

public static class ConfiguracionIntercambio
{
    /// <summary>
    /// The settings an import leaves: <paramref name="actual"/> with every member the file states replaced.
    /// The reader checks this over the defaults, the importer over the entity's own settings.
    /// </summary>
    public static ConfiguracionEntidad Con(this ConfiguracionEntidad actual, ConfiguracionDto c) => actual with
    {
        Metodo = c.Metodo ?? actual.Metodo,
        BandaMedioDesde = c.Bandas?.MedioDesde ?? actual.BandaMedioDesde,
        BandaAltoDesde = c.Bandas?.AltoDesde ?? actual.BandaAltoDesde,
        EtiquetaBajo = c.EtiquetasBandas?.Bajo ?? actual.EtiquetaBajo,
        EtiquetaMedio = c.EtiquetasBandas?.Medio ?? actual.EtiquetaMedio,
        EtiquetaAlto = c.EtiquetasBandas?.Alto ?? actual.EtiquetaAlto,
        LeyendaBajo = c.LeyendasBandas?.Bajo ?? actual.LeyendaBajo,
        LeyendaMedio = c.LeyendasBandas?.Medio ?? actual.LeyendaMedio,
        LeyendaAlto = c.LeyendasBandas?.Alto ?? actual.LeyendaAlto,
        ToleranciaInferior = c.ToleranciaInferior ?? actual.ToleranciaInferior,
        ToleranciaSuperior = c.ToleranciaSuperior ?? actual.ToleranciaSuperior,
        DiasCierre = c.DiasCierre ?? actual.DiasCierre,
        MostrarEnviados = c.MostrarEnviados ?? actual.MostrarEnviados,
        Ritmo = c.RitmoReporte ?? actual.Ritmo,
        ValidacionJefatura = c.ValidacionJefatura ?? actual.ValidacionJefatura,
        PorcentajesEnteros = c.PorcentajesEnteros ?? actual.PorcentajesEnteros,
    };
}

public sealed record BandasDto
{
    public required decimal MedioDesde { get; init; }
    public required decimal AltoDesde { get; init; }
}

public sealed record TextosBandasDto
{
    public required string Bajo { get; init; }
    public required string Medio { get; init; }
    public required string Alto { get; init; }
}
