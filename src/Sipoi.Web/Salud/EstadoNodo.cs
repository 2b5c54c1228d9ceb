namespace Sipoi.Web.Salud;

/// <summary>
/// What this web node's readiness depends on besides the database: whether the warm-up finished and whether the
/// node is shutting down. One per process (a singleton), written by <see cref="ServicioNodo"/>, read by /salud/listo.
/// </summary>
public sealed class EstadoNodo
{
    private int _calentado;
    private int _cerrando;
    private int _listo = 1;

    /// <summary>The warm-up finished, failed or is switched off: the node may take traffic.</summary>
    public bool Calentado => Volatile.Read(ref _calentado) == 1;

    /// <summary>Shutdown started (ApplicationStopping): the proxy must stop sending, in-flight requests still finish.</summary>
    public bool Cerrando => Volatile.Read(ref _cerrando) == 1;

    internal void MarcarCalentado() => Volatile.Write(ref _calentado, 1);
    internal void MarcarCierre() => Volatile.Write(ref _cerrando, 1);

    /// <summary>Records the readiness just answered; true when it differs from the previous answer (worth a log line).</summary>
    internal bool CambioListo(bool listo) => Interlocked.Exchange(ref _listo, listo ? 1 : 0) != (listo ? 1 : 0);
}
