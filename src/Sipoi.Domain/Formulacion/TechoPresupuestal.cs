namespace Sipoi.Domain.Formulacion;

/// <summary>
/// The budget ceiling (techo presupuestal) of a cost centre for a year: what the opening budget (PIA)
/// assigns it, in soles. The POI Anual is consistent with the PIA when no centre programs more than its ceiling.
/// </summary>
public sealed class TechoPresupuestal
{
    public int Id { get; private set; }
    public int EntidadId { get; private set; }
    public int Anio { get; private set; }
    public int CentroCostoId { get; private set; }
    public decimal Monto { get; private set; }

    private TechoPresupuestal() { }

    public TechoPresupuestal(int entidadId, int anio, int centroCostoId, decimal monto)
    {
        if (anio is < 2000 or > 2100) throw new ReglaDominioException($"Año no válido: {anio}.");
        EntidadId = entidadId;
        Anio = anio;
        CentroCostoId = centroCostoId;
        Actualizar(monto);
    }

    public void Actualizar(decimal monto)
    {
        if (monto < 0) throw new ReglaDominioException("El techo presupuestal no puede ser negativo.");
        Monto = monto;
    }

    /// <summary>
    /// An inactive cost centre keeps the ceiling it had (history) and may lose it, but gets no new or changed one
    /// (<paramref name="actual"/>: its ceiling now, null when none). Null when the amount may be set, else the reason
    /// in lower case, after the centre the caller names.
    /// </summary>
    public static string? MotivoCentroInactivo(bool activo, decimal? actual, decimal monto) =>
        activo || actual == monto ? null : "está inactivo; no se le asigna techo presupuestal";
}

public enum SituacionTecho { SinTecho, Excede, Igual, Saldo }

/// <summary>One cost centre in the budget check: its ceiling, what its activities program, and the difference.</summary>
public sealed record ConsistenciaCentro(string Centro, string Nombre, decimal? Techo, decimal Programado)
{
    /// <summary>Ceiling minus programmed: negative when the centre programs more than it has.</summary>
    public decimal? Diferencia => Techo - Programado;

    public SituacionTecho Situacion => Techo switch
    {
        null => SituacionTecho.SinTecho,
        { } t when Programado > t => SituacionTecho.Excede,
        { } t when Programado == t => SituacionTecho.Igual,
        _ => SituacionTecho.Saldo,
    };

    public string Mensaje => Situacion switch
    {
        SituacionTecho.SinTecho => $"El centro de costo {Centro} programa S/ {Soles(Programado)} y no tiene techo presupuestal asignado.",
        SituacionTecho.Excede => $"El centro de costo {Centro} programa S/ {Soles(Programado)} y su techo es S/ {Soles(Techo!.Value)}: excede en S/ {Soles(-Diferencia!.Value)}.",
        SituacionTecho.Igual => $"El centro de costo {Centro} programa exactamente su techo (S/ {Soles(Programado)}).",
        _ => $"El centro de costo {Centro} programa S/ {Soles(Programado)} de un techo de S/ {Soles(Techo!.Value)}: quedan S/ {Soles(Diferencia!.Value)} sin programar.",
    };

    private static string Soles(decimal v) => v.ToString("#,0.00", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// The check of a POI version against the opening budget, per cost centre: programmed financial total
/// (all genéricas, the 12 months) against the centre's ceiling. Only exceeding blocks an approval;
/// an unprogrammed balance and a centre without ceiling are listed for the office to judge.
/// </summary>
public static class ConsistenciaPresupuestal
{
    /// <param name="programado">Programmed soles per centre code (any centre with activities).</param>
    /// <param name="techos">Ceiling per centre code (any centre with a ceiling, programmed or not).</param>
    /// <param name="nombres">Name per centre code.</param>
    public static IReadOnlyList<ConsistenciaCentro> Verificar(IReadOnlyDictionary<string, decimal> programado,
        IReadOnlyDictionary<string, decimal> techos, IReadOnlyDictionary<string, string> nombres) =>
        programado.Keys.Union(techos.Keys)
            .Order(StringComparer.Ordinal)
            .Select(c => new ConsistenciaCentro(c, nombres.GetValueOrDefault(c, c), techos.TryGetValue(c, out var t) ? t : null,
                programado.GetValueOrDefault(c)))
            .ToList();

    /// <summary>Whether a version of this type must fit its ceilings to be approved: the Anual and every Modificado (the Multianual precedes the PIA).</summary>
    public static bool Exigible(Operativo.TipoVersionPoi tipo) => tipo != Operativo.TipoVersionPoi.Multianual;

    public static IEnumerable<string> Bloqueos(IEnumerable<ConsistenciaCentro> filas) =>
        filas.Where(f => f.Situacion == SituacionTecho.Excede).Select(f => f.Mensaje);
}
