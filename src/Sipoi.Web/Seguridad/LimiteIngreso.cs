using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Sipoi.Web.Seguridad;

/// <summary>
/// Failed log-ins slow down instead of locking the account (a lock anyone who knows an e-mail address could
/// trigger). Two token buckets of ASP.NET Core rate limiting count failures, not attempts, so an office behind
/// one address where everybody types the right password is never slowed: per account, 5 failures and then
/// one more every 30 seconds; per client address, 20 failures and then one more every 6 seconds. A correct
/// password never spends a token. When either bucket is empty the log-in is refused with 429 before the
/// password is even checked. The buckets live in this web node's memory: with several nodes each counts on
/// its own (an attacker spread over N nodes gets N times the rate), and a restart forgets them.
/// </summary>
public sealed class LimiteIngreso : IDisposable
{
    public const string Politica = "ingreso";
    public const string Mensaje = "Demasiados intentos fallidos de ingreso. Espere un momento e intente de nuevo; " +
        "si olvidó su contraseña, pida al administrador de su entidad que la restablezca.";

    private readonly PartitionedRateLimiter<string> _porCuenta;
    private readonly PartitionedRateLimiter<string> _porCliente;

    public LimiteIngreso(OpcionesLimiteIngreso opciones)
    {
        _porCuenta = Cubetas(opciones.FallosPorCuenta, opciones.ReposicionCuenta);
        _porCliente = Cubetas(opciones.FallosPorCliente, opciones.ReposicionCliente);
    }

    private static PartitionedRateLimiter<string> Cubetas(int fallos, TimeSpan reposicion) =>
        PartitionedRateLimiter.Create<string, string>(clave => RateLimitPartition.GetTokenBucketLimiter(clave, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = fallos,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = reposicion,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    /// <summary>The client's address as the server sees it (after the forwarded-headers middleware, when a proxy is configured).</summary>
    public static string Cliente(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "desconocido";

    private static string Cuenta(string correo) => correo.Trim().ToUpperInvariant();

    /// <summary>
    /// Whether the client may still try: a whole token is left. Asked through the statistics, which spend nothing
    /// (a 0-permit acquire would answer yes for the fraction of a token the bucket refills every few milliseconds).
    /// </summary>
    public bool ClientePuede(string cliente) => QuedaUno(_porCliente, cliente);

    public bool CuentaPuede(string correo) => QuedaUno(_porCuenta, Cuenta(correo));

    private static bool QuedaUno(PartitionedRateLimiter<string> cubetas, string clave) => cubetas.GetStatistics(clave) is not { } e || e.CurrentAvailablePermits >= 1;

    /// <summary>A wrong password (or an unknown account) spends one token of each bucket.</summary>
    public void RegistrarFallo(string correo, string cliente)
    {
        _porCuenta.AttemptAcquire(Cuenta(correo)).Dispose();
        _porCliente.AttemptAcquire(cliente).Dispose();
    }

    /// <summary>
    /// The middleware's view of the client bucket for the log-in POST: it refuses (429) a client that has no
    /// failure left before model binding, antiforgery or hashing run, so a flood costs little. It never spends.
    /// </summary>
    internal RateLimiter VistaCliente(string cliente) => new Vista(this, cliente);

    private sealed class Vista(LimiteIngreso limite, string cliente) : RateLimiter
    {
        // Stateless (the counts live in the bucket): the middleware may drop and rebuild it whenever it likes.
        public override TimeSpan? IdleDuration => TimeSpan.MaxValue;
        public override RateLimiterStatistics? GetStatistics() => null;

        protected override RateLimitLease AttemptAcquireCore(int permitCount) => new Permiso(limite.ClientePuede(cliente));

        protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
            ValueTask.FromResult(AttemptAcquireCore(permitCount));
    }

    private sealed class Permiso(bool concedido) : RateLimitLease
    {
        public override bool IsAcquired => concedido;
        public override IEnumerable<string> MetadataNames => [];
        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }

    public void Dispose()
    {
        _porCuenta.Dispose();
        _porCliente.Dispose();
    }
}

/// <summary>The bucket sizes; tests may lower them, deployments normally keep these.</summary>
public sealed record OpcionesLimiteIngreso
{
    public int FallosPorCuenta { get; init; } = 5;
    public TimeSpan ReposicionCuenta { get; init; } = TimeSpan.FromSeconds(30);
    public int FallosPorCliente { get; init; } = 20;
    public TimeSpan ReposicionCliente { get; init; } = TimeSpan.FromSeconds(6);
}

/// <summary>The rate-limiting middleware's policy for the log-in page: only its POST, partitioned by client address.</summary>
public sealed class PoliticaIngreso(LimiteIngreso limite) : IRateLimiterPolicy<string>
{
    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => null;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        if (!HttpMethods.IsPost(httpContext.Request.Method)) return RateLimitPartition.GetNoLimiter("");
        var cliente = LimiteIngreso.Cliente(httpContext);
        return RateLimitPartition.Get(cliente, limite.VistaCliente);
    }
}
