using Sipoi.Domain.Presupuesto;

namespace Sipoi.Interop.Reportes;

/// <summary>
/// One row of the budget through the year (issue 16 item 3): a fuente/genérica pair, a cost centre or an activity, with its
/// PIA, modifications, PIM, certified and accrued amounts. <see cref="Codigo"/> is null for the row of what is not allocated
/// (amounts loaded without a centre or activity).
/// </summary>
public sealed record FilaEjecucionPresupuestal(string? Grupo, string? Codigo, string Nombre, SaldoPresupuestal Saldo);

/// <summary>The year's budget through the year by fuente/genérica, per centre and per activity, and its notes.</summary>
public sealed record EjecucionPresupuestalResumen(
    IReadOnlyList<FilaEjecucionPresupuestal> PorFuenteGenerica,
    IReadOnlyList<FilaEjecucionPresupuestal> PorCentro,
    IReadOnlyList<FilaEjecucionPresupuestal> PorActividad,
    int Modificaciones,
    string Nota)
{
    public bool Vacio => PorFuenteGenerica.Count == 0;

    public SaldoPresupuestal Total => PorFuenteGenerica.Aggregate(SaldoPresupuestal.Cero, (a, f) => a + f.Saldo);
}
