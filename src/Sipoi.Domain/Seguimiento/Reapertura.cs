namespace Sipoi.Domain.Seguimiento;

/// <summary>
/// The planning office reopened one cost centre's month after (or before) its deadline: who, when,
/// why and until when. A value: a new reopening replaces it; the audit trail keeps the earlier ones.
/// </summary>
public sealed record Reapertura
{
    public const int LargoMaximoMotivo = 1000;

    public string Motivo { get; private set; } = null!;
    public DateOnly NuevoPlazo { get; private set; }
    public string Usuario { get; private set; } = null!;
    public DateTimeOffset Fecha { get; private set; }

    private Reapertura() { }

    /// <summary>Validates a new reopening: reason and user required, the new deadline after today (Peru).</summary>
    public static Reapertura Crear(string? motivo, DateOnly nuevoPlazo, string? usuario, DateTimeOffset ahora)
    {
        if (string.IsNullOrWhiteSpace(motivo))
            throw new ReglaDominioException("Para reabrir un mes indique el motivo de la reapertura.");
        if (motivo.Trim().Length > LargoMaximoMotivo)
            throw new ReglaDominioException($"El motivo de la reapertura no puede pasar de {LargoMaximoMotivo} caracteres.");
        if (string.IsNullOrWhiteSpace(usuario))
            throw new ReglaDominioException("La reapertura debe registrar el usuario que la hace.");
        var hoy = Plazos.Hoy(ahora);
        if (nuevoPlazo <= hoy)
            throw new ReglaDominioException($"El nuevo plazo ({Plazos.Fecha(nuevoPlazo)}) debe ser posterior a hoy ({Plazos.Fecha(hoy)}).");
        return new Reapertura { Motivo = motivo.Trim(), NuevoPlazo = nuevoPlazo, Usuario = usuario.Trim(), Fecha = ahora };
    }
}
