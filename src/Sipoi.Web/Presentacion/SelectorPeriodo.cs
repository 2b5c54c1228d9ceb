
namespace Sipoi.Web.Presentacion;

/// <summary>
/// What <c>Pages/Shared/_SelectorPeriodo.cshtml</c> draws: the periods offered (by default every
/// <see cref="Periodo.Seleccionables"/>, always in that order) and the one shown as chosen (none: the first).
/// </summary>
public sealed record SelectorPeriodo(Periodo? Elegido, IReadOnlyList<Periodo>? Periodos = null)
{
    public IReadOnlyList<Periodo> Opciones => Periodos ?? Periodo.Seleccionables;

    /// <summary>The heading of a group of options of one kind.</summary>
    public static string Grupo(TipoPeriodo tipo) => tipo switch
    {
        TipoPeriodo.Mes => "Meses",
        TipoPeriodo.Trimestre => "Trimestres",
        TipoPeriodo.Semestre => "Semestres",
        TipoPeriodo.Anual => "Año",
        _ => "Acumulado al mes",
    };
}
