using System.Diagnostics;
using Microsoft.Extensions.Options;
using Sipoi.Web.Data;

namespace Sipoi.Web.Avisos;

/// <summary>
/// The background loop of a web node: every Sipoi:Avisos:SegundosEntreEnvios it sends what is pending, and every
/// Sipoi:Avisos:MinutosEntreRevisiones it scans deadlines and recommendations. Every node may run it: the outbox's
/// unique keys and row locks make that safe. An error is logged and the loop goes on.
/// </summary>
public sealed class ServicioAvisos(IServiceScopeFactory scopes, IOptions<OpcionesAvisos> opciones, TimeProvider reloj, ILogger<ServicioAvisos> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = opciones.Value;
        if (o.SegundosEntreEnvios <= 0) return;
        if (!o.CorreoConfigurado)
            log.LogWarning("Los avisos por correo quedan en cola: falta configurar {Faltan}.", string.Join(", ", o.Faltantes()));
        var revision = Stopwatch.StartNew();
        var primera = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                if (primera || revision.Elapsed >= TimeSpan.FromMinutes(o.MinutosEntreRevisiones))
                {
                    var db = scope.ServiceProvider.GetRequiredService<SipoiDbContext>();
                    var nuevos = await EscanerAvisos.EscanearAsync(db, reloj.GetUtcNow(), o.DiasAntesDelPlazo, stoppingToken);
                    if (nuevos > 0) log.LogInformation("Revisión de plazos: {Nuevos} avisos nuevos en cola.", nuevos);
                    (primera, revision) = (false, Stopwatch.StartNew());
                }
                await scope.ServiceProvider.GetRequiredService<EnvioAvisos>().EnviarPendientesAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogError(e, "Falló una vuelta del envío de avisos; se reintenta en la siguiente.");
            }
            try { await Task.Delay(TimeSpan.FromSeconds(o.SegundosEntreEnvios), stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }
}

public static class RegistroAvisos
{
    /// <summary>Options (Sipoi:UrlPublica, Sipoi:Avisos, Sipoi:Correo), the sender and the background loop.</summary>
    public static IServiceCollection AddSipoiAvisos(this IServiceCollection services)
    {
        services.AddOptions<OpcionesAvisos>().Configure<IConfiguration>((o, c) =>
        {
            c.GetSection("Sipoi:Avisos").Bind(o);
            c.GetSection("Sipoi:Correo").Bind(o.Correo);
            o.UrlPublica = c["Sipoi:UrlPublica"];
        }).Validate(o => o.DiasAntesDelPlazo is >= 0 and <= ReglasAvisos.DiasAntesMaximo,
            $"Sipoi:Avisos:DiasAntesDelPlazo va de 0 a {ReglasAvisos.DiasAntesMaximo} días.");
        services.AddScoped<EnvioAvisos>();
        services.AddHostedService<ServicioAvisos>();
        return services;
    }
}
