namespace Sipoi.Domain;

internal static class Texto
{
    public static string Requerido(string? valor, string campo) =>
        string.IsNullOrWhiteSpace(valor) ? throw new ReglaDominioException($"El campo {campo} es obligatorio.") : valor.Trim();
}

/// <summary>A business rule refused an operation; the message is meant for the user, in Spanish.</summary>
public sealed class ReglaDominioException(string mensaje) : Exception(mensaje);
