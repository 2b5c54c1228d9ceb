namespace Sipoi.Domain.Periodos;

/// <summary>How the months of an activity add up into a period (DOMAIN.md §2, "measure behaviour").</summary>
public enum Comportamiento
{
    /// <summary>Annual = sum of the months (reports, connections, samples).</summary>
    Suma,
    /// <summary>Annual = mean of the months that have a value (pressure 21 m.c.a. every month → 21).</summary>
    Promedio,
    /// <summary>Annual = the last month that has a value (a catalogue reaching 100 %).</summary>
    Ultimo,
    /// <summary>Annual = the highest month.</summary>
    Maximo,
}

public static class ComportamientoTexto
{
    public static string Codigo(this Comportamiento c) => c switch
    {
        Comportamiento.Suma => "suma",
        Comportamiento.Promedio => "promedio",
        Comportamiento.Ultimo => "ultimo",
        Comportamiento.Maximo => "maximo",
        _ => throw new ArgumentOutOfRangeException(nameof(c)),
    };

    public static string Nombre(this Comportamiento c) => c switch
    {
        Comportamiento.Suma => "Suma",
        Comportamiento.Promedio => "Promedio",
        Comportamiento.Ultimo => "Último valor",
        Comportamiento.Maximo => "Máximo",
        _ => throw new ArgumentOutOfRangeException(nameof(c)),
    };

    public static bool TryParse(string? codigo, out Comportamiento comportamiento)
    {
        switch (codigo)
        {
            case "suma": comportamiento = Comportamiento.Suma; return true;
            case "promedio": comportamiento = Comportamiento.Promedio; return true;
            case "ultimo": comportamiento = Comportamiento.Ultimo; return true;
            case "maximo": comportamiento = Comportamiento.Maximo; return true;
            default: comportamiento = Comportamiento.Suma; return false;
        }
    }
}
