namespace Sipoi.Interop.Tests;

/// <summary>
/// A refusal test names the rule that refuses: the exception's type alone would pass when another rule
/// refused first, so the message must carry the rule's own Spanish words.
/// </summary>
public static class Rechazo
{
    /// <summary>Runs <paramref name="accion"/>, expects a <typeparamref name="TExcepcion"/> whose message contains <paramref name="mensaje"/>.</summary>
    public static TExcepcion Con<TExcepcion>(Action accion, string mensaje) where TExcepcion : Exception
    {
        var e = Assert.Throws<TExcepcion>(accion);
        Assert.Contains(mensaje, e.Message, StringComparison.Ordinal);
        return e;
    }
}
