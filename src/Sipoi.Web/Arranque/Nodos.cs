using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Npgsql;
using Sipoi.Web.Data;
using Sipoi.Web.Salud;

namespace Sipoi.Web.Arranque;

/// <summary>
/// Several web processes behind one proxy (issue 17, item 2; docs/despliegue.md, «Varios nodos web»): the
/// data-protection keys that sign session cookies, antiforgery tokens and reset links live in PostgreSQL (table
/// clave_proteccion_datos) under one application name, so any node reads what another signed and a restart forgets
/// nothing; the health probes (Salud/); a configurable drain on shutdown; the warm-up.
/// </summary>
public static class Nodos
{
    /// <summary>
    /// The data-protection application name. Without it ASP.NET Core isolates apps by their content-root path, so two
    /// nodes installed in different folders would refuse each other's cookies even with the same keys.
    /// </summary>
    public const string NombreAplicacion = "SIPOI";

    public static IServiceCollection AddSipoiNodos(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<OpcionesNodo>(configuration.GetSection(OpcionesNodo.Seccion));
        services.AddOptions<HostOptions>().Configure<IOptions<OpcionesNodo>>((h, n) => h.ShutdownTimeout = TimeSpan.FromSeconds(n.Value.SegundosDeCierre));
        services.AddDataProtection().SetApplicationName(NombreAplicacion).PersistKeysToDbContext<SipoiDbContext>();
        // ASP.NET Core's own key-ring preloader starts before the migration (Identity registered it first) and, on a new
        // database, fails on the missing table; AsegurarClavesAsync loads the ring instead, after the migration.
        foreach (var d in services.Where(d => d.ServiceType == typeof(IHostedService)
                     && d.ImplementationType?.FullName == "Microsoft.AspNetCore.DataProtection.Internal.DataProtectionHostedService").ToList())
            services.Remove(d);
        services.AddSingleton<EstadoNodo>();
        services.AddHostedService<ServicioNodo>();
        return services;
    }

    /// <summary>
    /// Makes sure the key ring has a key before the node serves, one node at a time (a session advisory lock): two
    /// nodes starting on an empty table would otherwise each create a key at their first request, and each would
    /// refuse the other's cookies until its next key-ring refresh (up to 24 h). The second node waits, then reads the
    /// first one's key.
    /// </summary>
    public static async Task AsegurarClavesAsync(IServiceProvider servicios, CancellationToken ct)
    {
        var conexion = servicios.GetRequiredService<IConfiguration>().GetConnectionString(BaseDeDatos.NombreConexion)!;
        await using var c = new NpgsqlConnection(conexion);
        await c.OpenAsync(ct);
        await using (var bloquear = new NpgsqlCommand("SELECT pg_advisory_lock(hashtext('sipoi.claves_proteccion_datos'))", c))
            await bloquear.ExecuteNonQueryAsync(ct);
        try
        {
            // Protecting anything loads the key ring and, when it has no usable key, creates and stores one.
            servicios.GetRequiredService<IDataProtectionProvider>().CreateProtector("Sipoi.Nodos").Protect([1]);
        }
        finally
        {
            await using var soltar = new NpgsqlCommand("SELECT pg_advisory_unlock(hashtext('sipoi.claves_proteccion_datos'))", c);
            await soltar.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }
}
