using Sipoi.Domain.Evaluacion;
using Sipoi.Domain.Organizacion;

namespace Sipoi.Interop.Reportes;

/// <summary>
/// The POI document an office approves by resolution (issue 14 item 3): the structure of the reference POI
/// (reference/emsapuno-poi-2024.txt) and of the Huamanga directive's Art. 10 — presentation, institutional framework,
/// institutional philosophy, strategic orientation, budget framework, evaluation methodology, the fichas de proceso,
/// conclusions, recommendations and the POI matrices as annex. Every figure is already computed by the caller
/// (the budget is <see cref="ResumenPresupuesto"/>, the matrices <see cref="MatrizPoi"/>); the writer only lays it out.
/// </summary>
/// <param name="NombreEntidad">The entity's full name, on the cover.</param>
/// <param name="Entidad">As printed on top of tables and the footer ("EMSAPUNO S.A.").</param>
/// <param name="PeriodoPei">"PEI 2023 - 2025".</param>
public sealed record DocumentoPoi(string NombreEntidad, string Entidad, int Anio, string PeriodoPei)
{
    /// <summary>The POI version printed ("POI Anual 2024") and its approval ("Resolución … del 28/12/2023") when it has one.</summary>
    public string? Version { get; init; }
    public string? Aprobacion { get; init; }

    /// <summary>The office's texts; a missing one prints <see cref="DocumentoPoiWord.Pendiente"/>.</summary>
    public ContenidoTextos Textos { get; init; } = ContenidoTextos.Vacio;

    /// <summary>Mission and vision of the PEI the POI serves.</summary>
    public string? Mision { get; init; }
    public string? Vision { get; init; }

    /// <summary>The cost-centre tree in order (parents before children), each with its depth.</summary>
    public IReadOnlyList<NodoOrganigrama> Organigrama { get; init; } = [];

    /// <summary>The PEI's OEIs with their indicators and AEIs (strategic orientation).</summary>
    public IReadOnlyList<OeiDocumento> Oeis { get; init; } = [];

    /// <summary>Income and expenditure by genérica and the per-centre summary, as the budget report builds them.</summary>
    public ResumenPresupuesto? Presupuesto { get; init; }

    public MetodoEvaluacion Metodo { get; init; } = MetodoEvaluacion.Ceplan;
    public EsquemaBandas Bandas { get; init; } = EsquemaBandas.Nacional;

    /// <summary>The POI matrices (one sheet per ficha, or per cost centre): the fichas list and the annex come from it.</summary>
    public MatrizPoi? Matriz { get; init; }

    /// <summary>Where the office fills in the texts, quoted in every placeholder.</summary>
    public string RutaTextos { get; init; } = "Administración › Textos institucionales";
}

/// <summary>One cost centre of the organisation chart; <paramref name="Nivel"/> 0 is a root.</summary>
public sealed record NodoOrganigrama(string Codigo, string Nombre, int Nivel, string? Responsable = null);

public sealed record OeiDocumento(string Codigo, string Enunciado, IReadOnlyList<IndicadorDocumento> Indicadores, IReadOnlyList<AeiDocumento> Aeis);

public sealed record AeiDocumento(string Codigo, string Enunciado, IReadOnlyList<IndicadorDocumento> Indicadores);

/// <summary>An indicator with its expected value for the POI year and the cost centre responsible for it.</summary>
public sealed record IndicadorDocumento(string Codigo, string Nombre, string? UnidadMedida, decimal? LogroEsperado, string? Responsable);
