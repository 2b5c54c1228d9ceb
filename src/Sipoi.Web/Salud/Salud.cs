using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sipoi.Web.Data;

namespace Sipoi.Web.Salud;

/// <summary>
/// The two probes of a web node, anonymous, never cached, a word of plain text each:
/// GET /salud/vivo — the process answers (no database: a restart would not help a database outage);
/// GET /salud/listo — the node may take traffic: warm-up done, not shutting down, the database reachable and every
/// migration of this build applied; 503 otherwise, with the reason.
/// </summary>
public static class SaludNodo
{
    public const string RutaVivo = "/salud/vivo";
    public const string RutaListo = "/salud/listo";

    /// <summary>A probe's path: exempt from the https redirect behind a proxy (Arranque/Cabeceras.cs).</summary>
    public static bool EsSonda(PathString ruta) => ruta.Equals(RutaVivo, StringComparison.OrdinalIgnoreCase) || ruta.Equals(RutaListo, StringComparison.OrdinalIgnoreCase);

    public static IEndpointRouteBuilder MapSipoiSalud(this IEndpointRouteBuilder app)
    {
        app.MapGet(RutaVivo, (HttpContext c) => Responder(c, StatusCodes.Status200OK, "vivo")).AllowAnonymous();
        app.MapGet(RutaListo, ListoAsync).AllowAnonymous();
        return app;
    }

    private static async Task ListoAsync(HttpContext c, EstadoNodo estado, IOptions<OpcionesNodo> opciones, ILogger<EstadoNodo> log)
    {
        var motivo = estado.Cerrando ? "cerrando"
            : !estado.Calentado ? "precalentando"
            : await MotivoBaseDeDatosAsync(c.RequestServices, TimeSpan.FromSeconds(opciones.Value.SegundosMaximosBaseDeDatos), c.RequestAborted);
        if (estado.CambioListo(motivo is null))
        {
            if (motivo is null) log.LogInformation("Nodo listo para recibir solicitudes.");
            else log.LogWarning("Nodo no listo: {Motivo}.", motivo);
        }
        await Responder(c, motivo is null ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable,
            motivo is null ? "listo" : "no listo: " + motivo);
    }

    /// <summary>Null when the database answers and nothing is pending; else why not, in a few words.</summary>
    private static async Task<string?> MotivoBaseDeDatosAsync(IServiceProvider servicios, TimeSpan maximo, CancellationToken abortada)
    {
        using var limite = CancellationTokenSource.CreateLinkedTokenSource(abortada);
        limite.CancelAfter(maximo);
        try
        {
            var db = servicios.GetRequiredService<SipoiDbContext>();
            var pendientes = (await db.Database.GetPendingMigrationsAsync(limite.Token)).Count();
            return pendientes == 0 ? null : $"{pendientes} {(pendientes == 1 ? "migración pendiente" : "migraciones pendientes")}";
        }
        catch (Exception e) when (e is DbException or TimeoutException or OperationCanceledException or InvalidOperationException
                                      && !abortada.IsCancellationRequested)
        {
            return "base de datos inaccesible";
        }
    }

    private static Task Responder(HttpContext c, int codigo, string texto)
    {
        c.Response.StatusCode = codigo;
        c.Response.Headers.CacheControl = "no-store";
        c.Response.ContentType = "text/plain; charset=utf-8";
        return c.Response.WriteAsync(texto, c.RequestAborted);
    }
}
