namespace Sipoi.Domain.Organizacion;

/// <summary>
/// The rule "the organisation chart stays a tree", written once: hanging a centre under a parent must not make the
/// centre its own ancestor. The entity asks it when a centre moves (<see cref="CentroCosto.MoverBajo"/>), the exchange
/// file's reader asks it over the file's centres before any entity exists; each reports the cycle at its own address.
/// </summary>
public static class Jerarquia
{
    /// <summary>
    /// The chain <paramref name="codigo"/> → <paramref name="padre"/> → … → <paramref name="codigo"/> when hanging the
    /// centre under <paramref name="padre"/> closes a cycle, or null when the tree stays a tree. <paramref name="padreDe"/>
    /// gives every other centre's parent code (null: a root or an unknown code). A cycle further up that does not pass
    /// through <paramref name="codigo"/> is not this centre's: null, so it is reported once, at its own members.
    /// </summary>
    public static IReadOnlyList<string>? Ciclo(string codigo, string? padre, Func<string, string?> padreDe)
    {
        var camino = new List<string> { codigo };
        var vistos = new HashSet<string>(StringComparer.Ordinal) { codigo };
        for (var actual = padre; actual is not null; actual = padreDe(actual))
        {
            camino.Add(actual);
            if (string.Equals(actual, codigo, StringComparison.Ordinal)) return camino;
            if (!vistos.Add(actual)) return null;
        }
        return null;
    }
}
