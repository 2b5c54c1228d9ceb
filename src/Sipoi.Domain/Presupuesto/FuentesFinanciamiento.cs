namespace Sipoi.Domain.Presupuesto;

/// <summary>
/// The MEF's "fuente de financiamiento" classifier (the code the SIAF and the open budget data carry in
/// FUENTE_FINANCIAMIENTO): 1 Recursos Ordinarios, 2 Recursos Directamente Recaudados, 3 Recursos por Operaciones
/// Oficiales de Crédito, 4 Donaciones y Transferencias, 5 Recursos Determinados.
/// </summary>
public static class FuentesFinanciamiento
{
    private static readonly string[] Nombres =
    [
        "Recursos Ordinarios",
        "Recursos Directamente Recaudados",
        "Recursos por Operaciones Oficiales de Crédito",
        "Donaciones y Transferencias",
        "Recursos Determinados",
    ];

    public static IEnumerable<int> Codigos => Enumerable.Range(1, Nombres.Length);

    public static bool Existe(int codigo) => codigo >= 1 && codigo <= Nombres.Length;

    public static string Nombre(int codigo) =>
        Existe(codigo) ? Nombres[codigo - 1] : throw new ArgumentOutOfRangeException(nameof(codigo));

    /// <summary>"1 Recursos Ordinarios": how messages and reports name a source.</summary>
    public static string Rotulo(int codigo) => $"{codigo} {Nombre(codigo)}";

    public static int Verificar(int codigo) => Existe(codigo)
        ? codigo
        : throw new ReglaDominioException(
            $"Fuente de financiamiento {codigo}: no existe; use 1 a {Nombres.Length} ({string.Join(", ", Codigos.Select(Rotulo))}).",
            "fuente");
}
