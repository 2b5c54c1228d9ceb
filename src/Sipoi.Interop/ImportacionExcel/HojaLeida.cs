namespace Sipoi.Interop.ImportacionExcel;

/// <summary>The kind of value a cell holds (<see cref="ValorCelda"/>).</summary>
internal enum TipoValor { Texto, Numero, Logico, Error, FormulaSinValor }

/// <summary>Where a text came from: shared strings are counted once, when the table is read, not on every cell using them.</summary>
internal enum OrigenTexto { Celda, Compartido }

/// <summary>
/// What a cell holds, as a spreadsheet shows it: text (shared or inline strings, formula text results),
/// a number (its stored invariant text), a boolean, an error (#DIV/0!) or a formula saved without its value.
/// </summary>
internal readonly record struct ValorCelda(TipoValor Tipo, string Crudo, OrigenTexto Origen = OrigenTexto.Celda)
{
    public string Mostrado => Crudo.Length <= 60 ? Crudo : Crudo[..59] + "…";
}

/// <summary>One sheet read into memory: its cells by (row, column), 1-based, and its merged ranges.</summary>
internal sealed class HojaLeida(string nombre, Dictionary<(int Fila, int Columna), ValorCelda> celdas, List<(int F1, int C1, int F2, int C2)> combinadas)
{
    public string Nombre { get; } = nombre;
    public int UltimaFila { get; } = celdas.Count == 0 ? 0 : celdas.Keys.Max(k => k.Fila);
    public int UltimaColumna { get; } = celdas.Count == 0 ? 0 : celdas.Keys.Max(k => k.Columna);
    public IReadOnlyList<(int F1, int C1, int F2, int C2)> Combinadas => combinadas;

    public ValorCelda? Valor(int fila, int columna) => celdas.TryGetValue((fila, columna), out var v) ? v : null;

    /// <summary>The cell's text when it holds text (trimmed; empty text counts as no value).</summary>
    public string? Texto(int fila, int columna) =>
        Valor(fila, columna) is { Tipo: TipoValor.Texto } v && !string.IsNullOrWhiteSpace(v.Crudo) ? v.Crudo.Trim() : null;

    /// <summary>Whether the cell holds anything (blank text does not count).</summary>
    public bool TieneValor(int fila, int columna) =>
        Valor(fila, columna) is { } v && (v.Tipo != TipoValor.Texto || !string.IsNullOrWhiteSpace(v.Crudo));

    /// <summary>The value of a merged range's first cell, for any cell of the range.</summary>
    public ValorCelda? ValorCombinado(int fila, int columna)
    {
        if (Valor(fila, columna) is { } v && (v.Tipo != TipoValor.Texto || v.Crudo.Length > 0)) return v;
        foreach (var (f1, c1, f2, c2) in combinadas)
            if (fila >= f1 && fila <= f2 && columna >= c1 && columna <= c2) return Valor(f1, c1);
        return null;
    }
}
