using System.Diagnostics;
using Microsoft.Extensions.Options;
using Sipoi.Web.Arranque;

namespace Sipoi.Web.Salud;

/// <summary>
/// The life of a web node around its readiness (docs/despliegue.md, «Varios nodos web»): at start, after the database
/// is migrated, the shared key ring is made sure of (<see cref="Nodos.AsegurarClavesAsync"/>); once the app serves,
/// the warm-up runs in the background and /salud/listo answers 503 until it ends; when shutdown starts, readiness turns
/// 503 at once, the node keeps serving for Sipoi:Nodo:SegundosDeRetiro so a probing proxy notices, then the server
/// closes its listener and lets in-flight requests finish (HostOptions.ShutdownTimeout, Sipoi:Nodo:SegundosDeCierre).
/// </summary>
public sealed class ServicioNodo(EstadoNodo estado, IOptions<OpcionesNodo> opciones, IServiceProvider servicios,
    IHostApplicationLifetime vida, ILogger<ServicioNodo> log) : IHostedLifecycleService, IDisposable
{
    private readonly CancellationTokenSource _parar = new();
    private Task _precalentamiento = Task.CompletedTask;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        vida.ApplicationStopping.Register(estado.MarcarCierre);
        await Nodos.AsegurarClavesAsync(servicios, cancellationToken);
    }

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        if (!opciones.Value.Precalentar) estado.MarcarCalentado();
        else _precalentamiento = Task.Run(() => PrecalentarAsync(_parar.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    private async Task PrecalentarAsync(CancellationToken ct)
    {
        var cronometro = Stopwatch.StartNew();
        try
        {
            var que = await Precalentamiento.EjecutarAsync(servicios, ct);
            log.LogInformation("Precalentamiento terminado en {Segundos:0.00} s ({Que}).", cronometro.Elapsed.TotalSeconds, que ?? "sin POI que evaluar");
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
        catch (Exception e)
        {
            // A failed warm-up only costs the first request its time: the node still becomes ready.
            log.LogWarning(e, "Falló el precalentamiento; el nodo queda listo sin él.");
        }
        finally { estado.MarcarCalentado(); }
    }

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        estado.MarcarCierre();
        if (opciones.Value.SegundosDeRetiro is > 0 and var s)
        {
            log.LogInformation("Cierre: /salud/listo responde 503; se sigue atendiendo {Segundos} s antes de cerrar.", s);
            try { await Task.Delay(TimeSpan.FromSeconds(s), cancellationToken); }
            catch (OperationCanceledException) { }
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // A host stopped by StopApplication is stopped again when disposed: the second time there is nothing left to do.
        try { await _parar.CancelAsync(); }
        catch (ObjectDisposedException) { return; }
        try { await _precalentamiento.WaitAsync(cancellationToken); }
        catch (OperationCanceledException) { }
    }

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _parar.Dispose();
}
