namespace Sipoi.Domain.Periodos;

/// <summary>
/// The one rule for rolling months up into a period (see README.md in this folder).
/// Targets use 0 for "no target that month"; executed values use null for "not registered",
/// while a registered 0 is a real value.
/// </summary>
public static class Agregacion
{
    /// <summary>Programmed value of a period; months with target 0 carry no value.</summary>
    public static decimal Programado(Comportamiento comportamiento, IReadOnlyList<decimal> meses, Periodo periodo)
    {
        Validar(meses.Count);
        decimal suma = 0, maximo = 0, ultimo = 0;
        var conValor = 0;
        for (var m = periodo.Desde; m <= periodo.Hasta; m++)
        {
            var v = meses[m - 1];
            suma += v;
            if (v == 0) continue;
            if (conValor == 0 || v > maximo) maximo = v;
            ultimo = v;
            conValor++;
        }
        return Resultado(comportamiento, suma, conValor, maximo, ultimo) ?? 0;
    }

    /// <summary>Executed value of a period; null when no month of the period was registered.</summary>
    public static decimal? Ejecutado(Comportamiento comportamiento, IReadOnlyList<decimal?> meses, Periodo periodo)
    {
        Validar(meses.Count);
        decimal suma = 0, maximo = 0, ultimo = 0;
        var conValor = 0;
        for (var m = periodo.Desde; m <= periodo.Hasta; m++)
        {
            if (meses[m - 1] is not { } v) continue;
            suma += v;
            if (conValor == 0 || v > maximo) maximo = v;
            ultimo = v;
            conValor++;
        }
        return conValor == 0 ? null : Resultado(comportamiento, suma, conValor, maximo, ultimo);
    }

    private static decimal? Resultado(Comportamiento c, decimal suma, int conValor, decimal maximo, decimal ultimo) => c switch
    {
        Comportamiento.Suma => suma,
        Comportamiento.Promedio => conValor == 0 ? null : suma / conValor,
        Comportamiento.Ultimo => conValor == 0 ? null : ultimo,
        Comportamiento.Maximo => conValor == 0 ? null : maximo,
        _ => throw new ArgumentOutOfRangeException(nameof(c)),
    };

    private static void Validar(int meses)
    {
        if (meses != 12) throw new ArgumentException($"Se esperan 12 meses y llegaron {meses}.");
    }
}
