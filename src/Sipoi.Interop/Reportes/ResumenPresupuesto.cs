using Sipoi.Domain.Operativo;

namespace Sipoi.Interop.Reportes;

/// <summary>
/// Budget summary (DOMAIN.md §6.5): income and expenditure by genérica with their share of the
/// total (Cuadros N.º 2 and 3 of a POI), and the directive's "cuadro resumen" per cost centre.
/// </summary>
public sealed record ResumenPresupuesto(string Entidad, int Anio, IReadOnlyList<LineaResumen> Ingresos, IReadOnlyList<LineaResumen> Egresos)
{
    public IReadOnlyList<CostoCentroCosto> CentrosCosto { get; init; } = [];

    /// <summary>Printed under the tables: "Fuente: Presupuesto Institucional de Apertura año fiscal 2024."</summary>
    public string? Fuente { get; init; }

    /// <summary>
    /// Printed under the per-cost-centre table instead of <see cref="Fuente"/>: its own source, or why the
    /// table is empty ("no financial programming registered") so an empty table is never read as zero.
    /// </summary>
    public string? NotaCentrosCosto { get; init; }

    /// <summary>
    /// The directive's per-unit summary of the activities' needs (código / detalle de insumos o servicios / costo), one
    /// per cost centre with needs registered; empty when no activity has any (the sheet is then left out).
    /// </summary>
    public IReadOnlyList<NecesidadesCentro> Necesidades { get; init; } = [];

    /// <summary>PIA, PIM, certified and accrued by fuente/genérica, per centre and per activity; null when the year has none loaded.</summary>
    public EjecucionPresupuestalResumen? Ejecucion { get; init; }
}

/// <summary>A cost centre's needs summed by code and detail (<see cref="ResumenNecesidades"/>).</summary>
public sealed record NecesidadesCentro(string Codigo, string Nombre, ResumenNecesidades Resumen);

/// <summary>One genérica: "1.3", "Venta de Bienes y Servicios", amount in soles.</summary>
public sealed record LineaResumen(string Codigo, string Nombre, decimal Monto);

/// <summary>A cost centre's goods and services (soles).</summary>
public sealed record CostoCentroCosto(string Codigo, string Nombre, decimal Bienes, decimal Servicios)
{
    public decimal Total => Bienes + Servicios;
}
