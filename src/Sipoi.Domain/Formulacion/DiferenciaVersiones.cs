using Sipoi.Domain.Periodos;

namespace Sipoi.Domain.Formulacion;

/// <summary>What a POI version programs for one activity, as the comparison reads it.</summary>
public sealed record ActividadEnVersion(string Codigo, string Nombre, string Centro, Comportamiento Comportamiento, decimal Peso,
    IReadOnlyList<decimal> Fisico, IReadOnlyList<decimal> Financiero)
{
    /// <summary>Annual target by the one roll-up rule.</summary>
    public decimal MetaAnual => Agregacion.Programado(Comportamiento, Fisico, Periodo.Anual);
    public decimal TotalFinanciero => Financiero.Sum();
}

public enum TipoCambio { SinCambio, Agregada, Retirada, Modificada }

/// <summary>One activity in the comparison of two versions, with the months whose target changed.</summary>
public sealed record FilaDiferencia(string Codigo, TipoCambio Tipo, ActividadEnVersion? Antes, ActividadEnVersion? Despues)
{
    public ActividadEnVersion Actual => Despues ?? Antes!;

    /// <summary>Months (1–12) whose physical target differs; every month with a target when the activity was added or removed.</summary>
    public IReadOnlySet<int> MesesFisico { get; } = Meses(Antes?.Fisico, Despues?.Fisico);
    public IReadOnlySet<int> MesesFinanciero { get; } = Meses(Antes?.Financiero, Despues?.Financiero);
    public bool CambioComportamiento => Antes is not null && Despues is not null && Antes.Comportamiento != Despues.Comportamiento;
    public bool CambioPeso => Antes is not null && Despues is not null && Antes.Peso != Despues.Peso;

    private static HashSet<int> Meses(IReadOnlyList<decimal>? a, IReadOnlyList<decimal>? b)
    {
        var meses = new HashSet<int>();
        for (var m = 1; m <= 12; m++)
            if ((a?[m - 1] ?? 0) != (b?[m - 1] ?? 0)) meses.Add(m);
        return meses;
    }
}

/// <summary>The side-by-side difference of two versions of a POI: activities added, removed, and changed targets per month.</summary>
public sealed record DiferenciaVersiones(IReadOnlyList<FilaDiferencia> Filas)
{
    public IEnumerable<FilaDiferencia> Agregadas => Filas.Where(f => f.Tipo == TipoCambio.Agregada);
    public IEnumerable<FilaDiferencia> Retiradas => Filas.Where(f => f.Tipo == TipoCambio.Retirada);
    public IEnumerable<FilaDiferencia> Modificadas => Filas.Where(f => f.Tipo == TipoCambio.Modificada);
    public int SinCambio => Filas.Count(f => f.Tipo == TipoCambio.SinCambio);

    /// <summary>Compares by activity code (unique in the POI); rows in the order cost centre, code.</summary>
    public static DiferenciaVersiones Comparar(IEnumerable<ActividadEnVersion> antes, IEnumerable<ActividadEnVersion> despues)
    {
        var a = antes.ToDictionary(x => x.Codigo, StringComparer.Ordinal);
        var d = despues.ToDictionary(x => x.Codigo, StringComparer.Ordinal);
        var filas = a.Keys.Union(d.Keys).Select(codigo =>
        {
            var x = a.GetValueOrDefault(codigo);
            var y = d.GetValueOrDefault(codigo);
            var tipo = (x, y) switch
            {
                (null, _) => TipoCambio.Agregada,
                (_, null) => TipoCambio.Retirada,
                _ => TipoCambio.SinCambio,
            };
            var fila = new FilaDiferencia(codigo, tipo, x, y);
            if (tipo == TipoCambio.SinCambio &&
                (fila.MesesFisico.Count > 0 || fila.MesesFinanciero.Count > 0 || fila.CambioComportamiento || fila.CambioPeso))
                fila = fila with { Tipo = TipoCambio.Modificada };
            return fila;
        });
        return new DiferenciaVersiones(filas
            .OrderBy(f => f.Actual.Centro, StringComparer.Ordinal).ThenBy(f => f.Codigo, StringComparer.Ordinal).ToList());
    }
}
