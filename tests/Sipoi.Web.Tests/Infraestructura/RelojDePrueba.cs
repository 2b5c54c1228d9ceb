namespace Sipoi.Web.Tests.Infraestructura;

/// <summary>
/// The app's clock in tests: the real time until a test fixes "now" (the demo POI is 2024, so a test
/// about deadlines says which day of 2024 it is). Replaces TimeProvider in the app's services.
/// </summary>
public sealed class RelojDePrueba : TimeProvider
{
    private DateTimeOffset? _fijo;

    public override DateTimeOffset GetUtcNow() => _fijo ?? System.GetUtcNow();

    /// <summary>Fixes "now" at <paramref name="hora"/> o'clock of that day in Peru (UTC−5).</summary>
    public void Fijar(int anio, int mes, int dia, int hora = 10) => _fijo = Seguimientos.En(anio, mes, dia, hora);

    public void Fijar(DateTimeOffset momento) => _fijo = momento.ToUniversalTime();

    public void Avanzar(TimeSpan t) => _fijo = GetUtcNow() + t;

    public void Real() => _fijo = null;
}
