namespace Sipoi.Domain.Evaluacion;

/// <summary>How weights are chosen (see README.md in this folder).</summary>
public static class Ponderacion
{
    /// <summary>
    /// Weight of an element of priority <paramref name="prioridad"/> among <paramref name="n"/>:
    /// w = n − p + 1, so priority 1 weighs most and priority n weighs 1.
    /// </summary>
    public static int PesoPorPrioridad(int n, int prioridad)
    {
        if (n < 1) throw new ArgumentOutOfRangeException(nameof(n), n, "Debe haber al menos un elemento.");
        if (prioridad < 1 || prioridad > n)
            throw new ArgumentOutOfRangeException(nameof(prioridad), prioridad, $"La prioridad va de 1 a {n}.");
        return n - prioridad + 1;
    }

    /// <summary>
    /// The n used for a group: the number of its elements, or its highest priority when the
    /// priorities have gaps (1, 2, 4), so every element keeps a positive weight and the order of
    /// importance is kept. With priorities 1…n (the normal case) it is just the count.
    /// </summary>
    public static int ElementosParaPesos(int cantidad, int prioridadMaxima) => Math.Max(cantidad, prioridadMaxima);
}

/// <summary>
/// A running weighted mean Σ(w·v) / Σw. A simple mean is the same with every weight 1, so both
/// averages of DOMAIN.md §5 go through this one type. Mutable on purpose: keep it in an array
/// or a local and call <see cref="Agregar"/> on it in place.
/// </summary>
public struct MediaPonderada
{
    private decimal _suma;
    private decimal _pesos;
    private decimal _minimo;
    private decimal _maximo;

    public int Cantidad { readonly get; private set; }

    /// <summary>
    /// The mean, or null when nothing was added (a group with no value). The products w·v may
    /// round in decimal's 28th–29th digit; a mean always lies between the smallest and the largest
    /// value, so the quotient is kept inside them (a single value, or equal values, come back exact).
    /// </summary>
    public readonly decimal? Valor => Cantidad == 0 ? null : Math.Clamp(_suma / _pesos, _minimo, _maximo);

    public void Agregar(decimal valor, decimal peso = 1m)
    {
        if (peso <= 0) throw new ArgumentOutOfRangeException(nameof(peso), peso, "El peso debe ser mayor que cero.");
        if (Cantidad == 0 || valor < _minimo) _minimo = valor;
        if (Cantidad == 0 || valor > _maximo) _maximo = valor;
        _suma += valor * peso;
        _pesos += peso;
        Cantidad++;
    }

    public static decimal? De(ReadOnlySpan<decimal> valores)
    {
        var m = new MediaPonderada();
        foreach (var v in valores) m.Agregar(v);
        return m.Valor;
    }

    public static decimal? De(ReadOnlySpan<decimal> valores, ReadOnlySpan<decimal> pesos)
    {
        if (valores.Length != pesos.Length) throw new ArgumentException("Cada valor necesita su peso.");
        var m = new MediaPonderada();
        for (var i = 0; i < valores.Length; i++) m.Agregar(valores[i], pesos[i]);
        return m.Valor;
    }
}
