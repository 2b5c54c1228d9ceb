
namespace Sipoi.Web.Intercambio;

/// <summary>An import refused as a whole, with every reason (<see cref="ReimportacionPoi"/>).</summary>
public sealed class ImportacionRechazadaException(IReadOnlyList<string> errores) : Exception(string.Join("\n", errores))
{
    public IReadOnlyList<string> Errores { get; } = errores;
}
