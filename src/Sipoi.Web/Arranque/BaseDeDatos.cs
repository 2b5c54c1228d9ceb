using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Sipoi.Web.Data;
using Sipoi.Web.Intercambio;
using Sipoi.Web.Seguridad;

namespace Sipoi.Web.Arranque;

/// <summary>
/// Prepares the database when the app starts, before it serves requests (a hosted service, so
/// the test host runs it too).
/// </summary>
public sealed class PreparacionBaseDeDatos(IServiceProvider services, IConfiguration configuration) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => BaseDeDatos.PrepararAsync(services, configuration, cancellationToken);
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

public static class BaseDeDatos
{
    /// <summary>
    /// Migrations are written by hand as SQL (the EF design-time package does not restore here);
    /// a test checks the migrated schema against the EF model, so the snapshot warning is noise.
    /// </summary>
    public static void Advertencias(WarningsConfigurationBuilder w) =>
        w.Ignore(RelationalEventId.PendingModelChangesWarning);

    /// <summary>Applies pending migrations and, when asked (./sipoi run), loads the demo entity once.</summary>
    public static async Task PrepararAsync(IServiceProvider services, IConfiguration configuration, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SipoiDbContext>();
        await db.Database.MigrateAsync(ct);
        if (configuration.GetValue<bool>("Sipoi:CargarDemo"))
        {
            var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Sipoi.Demo");
            var usuarios = scope.ServiceProvider.GetService<UserManager<Usuario>>();
            var cargada = await DatosDemo.CargarSiFaltaAsync(db, usuarios, ct);
            if (cargada) logger.LogInformation("Datos de demostración cargados: {Entidad}", DatosDemo.CodigoEntidad);
            // Synthetic progress only right after the first load: a database that already had the demo keeps its own data.
            if (cargada && configuration.GetValue<bool>("Sipoi:DemoConAvance"))
            {
                await AvanceDemo.GenerarAsync(configuration.GetConnectionString("Sipoi")!,
                    scope.ServiceProvider.GetRequiredService<TimeProvider>(), ct);
                logger.LogInformation("Avance SINTÉTICO de demostración {Anio} registrado (cifras inventadas, autor {Autor})", AvanceDemo.Anio, AvanceDemo.Autor);
            }
            logger.LogInformation("Usuarios de demostración (solo desarrollo): {Usuarios}; contraseña {Contrasena}",
                string.Join(", ", DatosDemo.Usuarios.Select(u => u.Correo)), DatosDemo.Contrasena);
        }
    }
}
