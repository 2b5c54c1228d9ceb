using System.Text.RegularExpressions;

namespace Sipoi.Domain.Presupuesto;

/// <summary>
/// Where an amount of the year's budget sits: funding source, expenditure genérica ("2.3") and, when the entity
/// knows it, the cost centre and the activity (their codes, which stay the same across POI versions). A code deeper
/// than the genérica ("2.3.1.5.1") is kept at its genérica: the budget through the year is followed by fuente and
/// genérica, as the MEF's "Consulta amigable" shows it.
/// </summary>
public sealed partial record ClavePresupuestal
{
    public int Fuente { get; }
    public string Generica { get; }
    public string? Centro { get; }
    public string? Actividad { get; }

    private ClavePresupuestal(int fuente, string generica, string? centro, string? actividad)
    {
        Fuente = fuente;
        Generica = generica;
        Centro = centro;
        Actividad = actividad;
    }

    public static ClavePresupuestal Crear(int fuente, string generica, string? centro = null, string? actividad = null) =>
        new(FuentesFinanciamiento.Verificar(fuente), GenericaDeGasto(generica),
            Texto.Opcional(centro, "centro de costo", ClaseTexto.Codigo),
            Texto.Opcional(actividad, "actividad", ClaseTexto.Codigo));

    /// <summary>The genérica of an expenditure code ("2.3.1.5 " → "2.3"); refuses what is not an expenditure code.</summary>
    public static string GenericaDeGasto(string? codigo)
    {
        var limpio = (codigo ?? "").Replace(" ", "", StringComparison.Ordinal).Trim('.');
        if (!CodigoGasto().IsMatch(limpio))
            throw new ReglaDominioException(
                $"Genérica «{codigo?.Trim()}»: no es una genérica de gasto del clasificador (2.1 a 2.8, por ejemplo 2.3).", "generica");
        return string.Join('.', limpio.Split('.').Take(2));
    }

    /// <summary>"fuente 1 Recursos Ordinarios, genérica 2.3": how messages name the pair.</summary>
    public string Rotulo => RotuloDe(Fuente, Generica);

    public static string RotuloDe(int fuente, string generica) => $"fuente {FuentesFinanciamiento.Rotulo(fuente)}, genérica {generica}";

    private static readonly string[] NombresGenerica =
    [
        "Personal y obligaciones sociales", "Pensiones y otras prestaciones sociales", "Bienes y servicios", "Donaciones y transferencias",
        "Otros gastos", "Adquisición de activos no financieros", "Adquisición de activos financieros", "Servicio de la deuda pública",
    ];

    /// <summary>The genérica's name in the expenditure classifier ("2.3" → "Bienes y servicios").</summary>
    public static string NombreGenerica(string generica) =>
        generica.Length == 3 && generica[2] is >= '1' and <= '8' ? NombresGenerica[generica[2] - '1'] : generica;

    [GeneratedRegex(@"^2\.[1-8](\.\d{1,3})*$")]
    private static partial Regex CodigoGasto();
}
