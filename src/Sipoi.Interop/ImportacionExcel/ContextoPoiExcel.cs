using Sipoi.Interop.Intercambio;

namespace Sipoi.Interop.ImportacionExcel;

/// <summary>
/// What the reader must know about the entity to turn the names and codes a workbook prints into the
/// codes of the exchange model. A workbook carries only the matrix (README.md in this folder): the
/// entity's cost centres, fichas and PEI must already exist.
/// </summary>
public sealed record ContextoPoiExcel
{
    /// <summary>The POI year being imported; a sheet titled "AÑO …" must say <see cref="AnioLibro"/>.</summary>
    public required int Anio { get; init; }

    /// <summary>
    /// The year the workbook is of: <see cref="Anio"/> (null, the default) when a year's own matrix comes back, the year
    /// before when last year's matrix is imported as the next year's POI (the office starts from it).
    /// </summary>
    public int? AnioLibro { get; init; }

    public IReadOnlyList<CentroCostoDto> CentrosCosto { get; init; } = [];

    /// <summary>
    /// Codes of the cost centres the entity retired. A workbook activity in one of them is refused, unless the
    /// year's current POI already has that activity in that centre: re-importing a year the office worked in
    /// keeps its history, but a retired office gets no new work.
    /// </summary>
    public IReadOnlySet<string> CentrosInactivos { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    public IReadOnlyList<FichaDto> Fichas { get; init; } = [];

    /// <summary>AEI codes of the PEI the POI hangs from.</summary>
    public IReadOnlyList<string> Aeis { get; init; } = [];

    /// <summary>
    /// The entity's current POI of <see cref="Anio"/>, when there is one. An activity of the workbook that
    /// is already in it (same ficha or cost centre and number, or same code) keeps what the matrix does not
    /// print: code, AEI, behaviour, weight, financial programming, budget classification.
    /// The POI's version, approval and budget are kept as well.
    /// </summary>
    public PoiDto? PoiActual { get; init; }

    /// <summary>The context an exchange document describes (its POI counts as current when it is of <paramref name="anio"/>).</summary>
    public static ContextoPoiExcel Desde(DocumentoIntercambio doc, int anio)
    {
        ArgumentNullException.ThrowIfNull(doc);
        return new ContextoPoiExcel
        {
            Anio = anio,
            CentrosCosto = doc.CentrosCosto,
            Fichas = doc.Fichas,
            Aeis = doc.Pei.Oei.SelectMany(o => o.Aei).Select(a => a.Codigo).ToList(),
            PoiActual = doc.Poi.Anio == anio ? doc.Poi : null,
        };
    }
}
