using System.Text.RegularExpressions;
using Sipoi.Domain.Operativo;
using Sipoi.Domain.Periodos;

namespace Sipoi.Domain.Formulacion;

/// <summary>A problem of a drafted programming, with the form field it belongs to ("MetaAnual", "Fisico[3]", "Financiero[0].Generica").</summary>
public sealed record ProblemaProgramacion(string Campo, string Mensaje);

/// <summary>
/// What a cost centre proposes for one activity in a draft version: behaviour, weight, the annual
/// target it states and the 12 months, the financial programming by genérica, and the months the
/// activity runs. <see cref="Problemas"/> judges it; the months must agree with the stated annual
/// target under the behaviour (<see cref="ProgramacionActividad.VerificarMetaAnual"/>).
/// </summary>
public sealed partial record PropuestaProgramacion(
    Comportamiento Comportamiento,
    decimal Peso,
    decimal MetaAnual,
    IReadOnlyList<decimal> Fisico,
    IReadOnlyList<FinancieroGenerica> Financiero,
    int? MesInicio,
    int? MesFin)
{
    /// <summary>Monthly financial programming, all genéricas added.</summary>
    public decimal[] FinancieroMensual()
    {
        var meses = new decimal[12];
        foreach (var g in Financiero)
            for (var m = 0; m < 12 && m < g.Montos.Count; m++) meses[m] += g.Montos[m];
        return meses;
    }

    public IReadOnlyList<ProblemaProgramacion> Problemas(string codigo)
    {
        var p = new List<ProblemaProgramacion>();
        if (Fisico.Count != 12) throw new ArgumentException($"Se esperan 12 metas mensuales y llegaron {Fisico.Count}.");
        if (Peso <= 0) p.Add(new("Peso", $"Actividad {codigo}: el peso debe ser mayor que cero."));
        if (MesInicio is { } inicio && inicio is < 1 or > 12) p.Add(new("MesInicio", $"Actividad {codigo}: el mes de inicio no es válido."));
        if (MesFin is { } fin && fin is < 1 or > 12) p.Add(new("MesFin", $"Actividad {codigo}: el mes de fin no es válido."));
        if (MesInicio > MesFin) p.Add(new("MesFin", $"Actividad {codigo}: el mes de fin es anterior al de inicio."));
        var negativos = false;
        for (var m = 1; m <= 12; m++)
        {
            var v = Fisico[m - 1];
            if (v < 0)
            {
                negativos = true;
                p.Add(new($"Fisico[{m - 1}]", $"Actividad {codigo}, {Meses.Nombre(m).ToLowerInvariant()}: la meta física no puede ser negativa."));
            }
            else if (v > 0 && (m < (MesInicio ?? 1) || m > (MesFin ?? 12)))
                p.Add(new($"Fisico[{m - 1}]", $"Actividad {codigo}, {Meses.Nombre(m).ToLowerInvariant()}: tiene meta pero la actividad va de " +
                    $"{Meses.Nombre(MesInicio ?? 1).ToLowerInvariant()} a {Meses.Nombre(MesFin ?? 12).ToLowerInvariant()}."));
        }
        if (!negativos)
        {
            if (Fisico.All(v => v == 0)) p.Add(new("Fisico", $"Actividad {codigo}: programe la meta física de al menos un mes."));
            else if (ProgramacionActividad.VerificarMetaAnual(Comportamiento, Fisico, MetaAnual) is { } error)
                p.Add(new("MetaAnual", $"Actividad {codigo}: {error}"));
        }
        var vistas = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Financiero.Count; i++)
        {
            var g = Financiero[i];
            if (!CodigoGenerica().IsMatch(g.Generica))
                p.Add(new($"Financiero[{i}].Generica", $"Actividad {codigo}: la genérica de gasto «{g.Generica}» no es válida (escriba 2.1, 2.3, 2.6 …)."));
            else if (!vistas.Add(g.Generica))
                p.Add(new($"Financiero[{i}].Generica", $"Actividad {codigo}: la genérica {g.Generica} aparece dos veces; use una sola fila por genérica."));
            for (var m = 1; m <= 12 && m <= g.Montos.Count; m++)
                if (g.Montos[m - 1] < 0)
                    p.Add(new($"Financiero[{i}].Montos[{m - 1}]",
                        $"Actividad {codigo}, genérica {g.Generica}, {Meses.Nombre(m).ToLowerInvariant()}: el monto no puede ser negativo."));
        }
        return p;
    }

    /// <summary>Subtotals the form shows: the four quarters and the year, by the behaviour's one roll-up rule.</summary>
    public static (decimal[] Trimestres, decimal Anual) Subtotales(Comportamiento comportamiento, IReadOnlyList<decimal> fisico) =>
        (Periodo.Trimestres.Select(t => Agregacion.Programado(comportamiento, fisico, t)).ToArray(),
         Agregacion.Programado(comportamiento, fisico, Periodo.Anual));

    [GeneratedRegex(@"^\d+(\.\d+)+$", RegexOptions.CultureInvariant)]
    private static partial Regex CodigoGenerica();
}
