using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL;
using Sipoi.Web.Auditoria;
using Sipoi.Web.Data;

namespace Sipoi.Web.Arranque;

/// <summary>
/// Retries what failed for a transient reason (the connection dropped, the primary was lost and Patroni promoted the
/// replica, the server is starting or shutting down, a write reached a read-only node): docs/despliegue.md,
/// «Alta disponibilidad (Patroni)». Npgsql's retrying strategy, with three differences:
/// <list type="bullet">
/// <item>The transaction the audit interceptor opens for inserts (their log rows need the generated keys) is
/// retried too: the dead transaction is dropped and a new one opened in its place before the save runs again.
/// The interceptor's log rows of changes are already in the change tracker, so a retried save writes them once,
/// and the rows of inserts are written after the save that succeeded.</item>
/// <item>A transaction the caller opened without wrapping it in <c>CreateExecutionStrategy().ExecuteAsync</c> runs
/// once, as it did before retries existed (EF would refuse it): only the caller knows what to repeat. Units of several
/// saves that should be retried go through <see cref="Reintento.UnidadAsync{T}"/>, which starts each retry from the database.</item>
/// <item>Errors that are transient on a replicated cluster but not for Npgsql are added
/// (<see cref="CodigosAdicionales"/>).</item>
/// </list>
/// A retry is idempotent because every save carries its version token (xmin) or hits a unique key: when the first
/// attempt did commit but its answer was lost, the retry finds the row changed and reports a conflict instead of
/// writing twice.
/// </summary>
public sealed class EstrategiaReintento(ExecutionStrategyDependencies dependencias)
    : NpgsqlRetryingExecutionStrategy(dependencias, Reintentos, EsperaMaxima, CodigosAdicionales)
{
    /// <summary>
    /// Eight retries, the waits growing up to <see cref="EsperaMaxima"/>, cover about 30 s: longer than a Patroni
    /// failover (ttl 10 s in deploy/ha) plus HAProxy noticing the new leader.
    /// </summary>
    public const int Reintentos = 8;

    public static readonly TimeSpan EsperaMaxima = TimeSpan.FromSeconds(5);

    /// <summary>
    /// 57P01/57P02: the server terminated the session (shutdown, pg_terminate_backend, a crash); 25006: a write reached
    /// a node that is (still) a read-only replica, before HAProxy moved the write port to the new leader.
    /// </summary>
    public static readonly string[] CodigosAdicionales =
        [PostgresErrorCodes.AdminShutdown, PostgresErrorCodes.CrashShutdown, PostgresErrorCodes.ReadOnlySqlTransaction];

    public override async Task<TResult> ExecuteAsync<TState, TResult>(TState state,
        Func<DbContext, TState, CancellationToken, Task<TResult>> operation,
        Func<DbContext, TState, CancellationToken, Task<ExecutionResult<TResult>>>? verifySucceeded,
        CancellationToken cancellationToken = default)
    {
        var db = Dependencies.CurrentContext.Context;
        if (Current is not null || db.Database.CurrentTransaction is not { } tx)
            return await base.ExecuteAsync(state, operation, verifySucceeded, cancellationToken);
        if (db is SipoiDbContext { PendienteAuditoria: { } p } sipoi && ReferenceEquals(p.Transaccion, tx))
            return await ConTransaccionDeAuditoriaAsync(sipoi, p, state, operation, cancellationToken);
        return await operation(db, state, cancellationToken);
    }

    public override TResult Execute<TState, TResult>(TState state, Func<DbContext, TState, TResult> operation,
        Func<DbContext, TState, ExecutionResult<TResult>>? verifySucceeded)
    {
        var db = Dependencies.CurrentContext.Context;
        if (Current is not null || db.Database.CurrentTransaction is not { } tx)
            return base.Execute(state, operation, verifySucceeded);
        if (db is SipoiDbContext { PendienteAuditoria: { } p } sipoi && ReferenceEquals(p.Transaccion, tx))
            return ConTransaccionDeAuditoriaAsync(sipoi, p, state, (c, s, _) => Task.FromResult(operation(c, s)), default)
                .GetAwaiter().GetResult();
        return operation(db, state);
    }

    private async Task<TResult> ConTransaccionDeAuditoriaAsync<TState, TResult>(SipoiDbContext db, PendienteAuditoria p, TState state,
        Func<DbContext, TState, CancellationToken, Task<TResult>> operation, CancellationToken ct)
    {
        ExceptionsEncountered.Clear();
        while (true)
        {
            try
            {
                p.Transaccion ??= await db.Database.BeginTransactionAsync(ct);
                return await operation(db, state, ct);
            }
            catch (Exception e) when (CallOnWrappedException(e, ShouldRetryOn))
            {
                ExceptionsEncountered.Add(e);
                var espera = GetNextDelay(e)
                    ?? throw new RetryLimitExceededException(
                        $"La base de datos no respondió después de {MaxRetryCount} reintentos: {e.Message}", e);
                // The transaction died with its connection: dropped here, the next attempt opens its replacement
                // (the interceptor commits whichever is in p.Transaccion).
                if (p.Transaccion is { } muerta)
                {
                    p.Transaccion = null;
                    try { await muerta.DisposeAsync(); }
                    catch (NpgsqlException) { /* the connection is already gone */ }
                    catch (InvalidOperationException) { /* idem */ }
                }
                await Task.Delay(espera, ct);
            }
        }
    }
}
