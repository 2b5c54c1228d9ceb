using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure;
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
    /// <summary>The app's connection (ConnectionStrings:Sipoi): a role with only the DML it needs.</summary>
    public const string NombreConexion = "Sipoi";

    /// <summary>
    /// The owner's connection (ConnectionStrings:SipoiMigracion), used only to migrate, grant and back up/restore.
    /// Without it the app's own connection migrates: a single-role deployment, which works but is not least-privilege.
    /// </summary>
    public const string NombreConexionMigracion = "SipoiMigracion";

    /// <summary>
    /// An optional read-only connection (ConnectionStrings:SipoiLectura), e.g. HAProxy's replica port: reports, the public
    /// pages and the dashboard read from it (a context registered under this key, <see cref="Lectura"/>). Unset, they use
    /// ConnectionStrings:Sipoi like everything else. A replica may be a few milliseconds behind the primary.
    /// </summary>
    public const string NombreConexionLectura = "SipoiLectura";

    /// <summary>The key of the reading context: <c>[FromKeyedServices(BaseDeDatos.Lectura)] SipoiDbContext db</c>.</summary>
    public const string Lectura = NombreConexionLectura;

    /// <summary>The provider options every context of the app uses: transient failures retried (<see cref="EstrategiaReintento"/>).</summary>
    public static void Npgsql(NpgsqlDbContextOptionsBuilder o) => o.ExecutionStrategy(d => new EstrategiaReintento(d));

    /// <summary>
    /// Migrations are written by hand as SQL (the EF design-time package does not restore here);
    /// a test checks the migrated schema against the EF model, so the snapshot warning is noise.
    /// </summary>
    public static void Advertencias(WarningsConfigurationBuilder w) =>
        w.Ignore(RelationalEventId.PendingModelChangesWarning);

    public static string? CadenaMigracion(IConfiguration configuration) =>
        configuration.GetConnectionString(NombreConexionMigracion) is { Length: > 0 } c && !string.IsNullOrWhiteSpace(c) ? c : null;

    /// <summary>Applies pending migrations and, when asked (./sipoi run), loads the demo entity once.</summary>
    public static async Task PrepararAsync(IServiceProvider services, IConfiguration configuration, CancellationToken ct = default)
    {
        var registro = services.GetRequiredService<ILoggerFactory>().CreateLogger("Sipoi.BaseDeDatos");
        await MigrarAsync(configuration, registro, ct);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SipoiDbContext>();
        await AdvertirSiNoEsMinimoPrivilegioAsync(db, registro, ct);
        if (configuration.GetValue<bool>("Sipoi:CargarDemo"))
        {
            var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Sipoi.Demo");
            var usuarios = scope.ServiceProvider.GetService<UserManager<Usuario>>();
            var cargada = await DatosDemo.CargarSiFaltaAsync(db, usuarios, ct);
            if (cargada) logger.LogInformation("Datos de demostración cargados: {Entidad}", DatosDemo.CodigoEntidad);
            // Synthetic progress only right after the first load: a database that already had the demo keeps its own data.
            if (cargada && configuration.GetValue<bool>("Sipoi:DemoConAvance"))
            {
                var cronometro = Stopwatch.StartNew();
                await AvanceDemo.GenerarAsync(configuration.GetConnectionString(NombreConexion)!,
                    scope.ServiceProvider.GetRequiredService<TimeProvider>(), ct);
                logger.LogInformation("Avance SINTÉTICO de demostración {Anio} registrado (cifras inventadas, autor {Autor}) en {Segundos:0.0} s",
                    AvanceDemo.Anio, AvanceDemo.Autor, cronometro.Elapsed.TotalSeconds);
            }
            // The current calendar year (docs/demo-avance.md): so every role can act today, not only read 2024.
            if (cargada && configuration.GetValue<bool>("Sipoi:DemoAnioActual"))
            {
                var cronometro = Stopwatch.StartNew();
                var anio = await AnioActualDemo.GenerarAsync(configuration.GetConnectionString(NombreConexion)!,
                    scope.ServiceProvider.GetRequiredService<TimeProvider>(), ct);
                if (anio is not null)
                    logger.LogInformation("POI {Anio} de demostración con avance SINTÉTICO hasta el mes anterior (autor {Autor}) en {Segundos:0.0} s",
                        anio, AvanceDemo.Autor, cronometro.Elapsed.TotalSeconds);
            }
            logger.LogInformation("Usuarios de demostración (solo desarrollo): {Usuarios}; contraseña {Contrasena}",
                string.Join(", ", DatosDemo.Usuarios.Select(u => u.Correo)), DatosDemo.Contrasena);
        }
    }

    /// <summary>
    /// Brings the schema up to date. With an owner's connection (SipoiMigracion) it migrates as the owner and
    /// then grants the app's role what it needs (<see cref="PrivilegiosApp"/>); without it, the app's own
    /// connection migrates only when something is pending, so a restricted app role starts fine on a database
    /// someone already migrated (`./sipoi migrar`) and fails with a clear message when it would need DDL.
    /// </summary>
    public static async Task MigrarAsync(IConfiguration configuration, ILogger? registro = null, CancellationToken ct = default)
    {
        var app = configuration.GetConnectionString(NombreConexion);
        if (string.IsNullOrWhiteSpace(app))
            throw new InvalidOperationException(
                "Falta la cadena de conexión ConnectionStrings:Sipoi (variable ConnectionStrings__Sipoi o appsettings.json). " +
                "Use ./sipoi run para arrancar un PostgreSQL privado.");
        var migracion = CadenaMigracion(configuration);
        if (migracion is null)
        {
            await using var db = Contexto(app);
            if (!(await db.Database.GetPendingMigrationsAsync(ct)).Any()) return;
            try
            {
                await db.Database.MigrateAsync(ct);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
            {
                throw new InvalidOperationException(
                    $"Hay migraciones pendientes y el rol «{Usuario(app)}» de ConnectionStrings:Sipoi no puede aplicarlas ({e.MessageText}). " +
                    "Configure ConnectionStrings:SipoiMigracion con el rol propietario de las tablas, o ejecute ./sipoi migrar con esa cadena.", e);
            }
            return;
        }
        await using (var db = Contexto(migracion)) await db.Database.MigrateAsync(ct);
        var rolApp = Usuario(app);
        if (string.Equals(rolApp, Usuario(migracion), StringComparison.Ordinal))
        {
            registro?.LogWarning("ConnectionStrings:Sipoi y ConnectionStrings:SipoiMigracion usan el mismo rol «{Rol}»: la aplicación no tiene privilegios mínimos (ver README, «A real deployment»).", rolApp);
            return;
        }
        await PrivilegiosApp.OtorgarAsync(migracion, rolApp, ct);
    }

    /// <summary>
    /// The one thing the privileges exist for: the audit log must be append-only for the app itself. An app
    /// connected as a superuser or as the tables' owner could switch the trigger off, so say so at start-up.
    /// </summary>
    private static async Task AdvertirSiNoEsMinimoPrivilegioAsync(SipoiDbContext db, ILogger registro, CancellationToken ct)
    {
        var estado = await db.Database.SqlQuery<EstadoRol>($"""
            SELECT current_user::text AS "Rol",
                   (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS "Superusuario",
                   COALESCE((SELECT pg_has_role(current_user, c.relowner, 'USAGE') FROM pg_class c
                              WHERE c.oid = to_regclass('registro_auditoria')), false) AS "Propietario"
            """).SingleAsync(ct);
        if (estado.Superusuario || estado.Propietario)
            registro.LogWarning(
                "La aplicación se conecta como «{Rol}», {Que}: podría desactivar el disparador del registro de auditoría. " +
                "Configure un rol de aplicación con privilegios mínimos (README, «A real deployment»).",
                estado.Rol, estado.Superusuario ? "superusuario" : "propietario de las tablas");
    }

    private sealed record EstadoRol(string Rol, bool Superusuario, bool Propietario);

    /// <summary>A context for migrating or checking, without the audit interceptor (migrations are SQL, not SaveChanges).</summary>
    private static SipoiDbContext Contexto(string conexion) => new(new DbContextOptionsBuilder<SipoiDbContext>()
        .UseNpgsql(conexion).ConfigureWarnings(Advertencias).Options);

    /// <summary>The role a connection string logs in as (Npgsql defaults to the OS user, as libpq does).</summary>
    public static string Usuario(string conexion) =>
        new NpgsqlConnectionStringBuilder(conexion).Username is { Length: > 0 } u ? u : Environment.UserName;
}

/// <summary>
/// What the app's login role may do, granted by the owner after every migration (and after a restore):
/// SELECT, INSERT, UPDATE, DELETE on every table of the schema, USAGE on its sequences; on the append-only
/// tables only SELECT and INSERT; on EF's migration history only SELECT. Never TRUNCATE, REFERENCES or
/// TRIGGER, never DDL (the owner keeps CREATE on the schema; PUBLIC has none since PostgreSQL 15). The default
/// privileges give the same to tables a later migration creates, even one applied by hand; the explicit
/// grant then re-applies the append-only revokes, so new tables need no change here unless they are append-only.
/// </summary>
public static class PrivilegiosApp
{
    /// <summary>
    /// Tables the app may only read and append to. A new append-only table is added here. The data-protection keys
    /// (Arranque/Nodos.cs) are only ever added: a new key or a revocation is a new row.
    /// </summary>
    public static readonly IReadOnlyList<string> TablasSoloAgregar = ["registro_auditoria", "clave_proteccion_datos"];

    public static async Task OtorgarAsync(string conexionPropietario, string rolApp, CancellationToken ct = default)
    {
        await using var c = new NpgsqlConnection(conexionPropietario);
        await c.OpenAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        // Two instances starting together would otherwise fail with "tuple concurrently updated" on the same ACLs.
        await using (var bloqueo = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtext('sipoi.privilegios_app'))", c, tx))
            await bloqueo.ExecuteNonQueryAsync(ct);
        var rol = Identificador(rolApp);
        if (!await ExisteRolAsync(c, tx, rolApp, ct))
            throw new InvalidOperationException(
                $"No existe el rol «{rolApp}» de ConnectionStrings:Sipoi: créelo antes de arrancar (README, «A real deployment»).");
        if (await EsMiembroDelPropietarioAsync(c, tx, rolApp, ct))
            throw new InvalidOperationException(
                $"El rol de la aplicación «{rolApp}» es miembro del rol propietario (o superusuario): podría actuar como él. Use un rol sin esa pertenencia.");
        var sql = new List<string>
        {
            // USAGE on the schema: PUBLIC has it on "public" by default, but a schema re-created by a restore would not.
            $"DO $$ BEGIN IF NOT has_schema_privilege('{rolApp.Replace("'", "''")}', 'public', 'USAGE') THEN GRANT USAGE ON SCHEMA public TO {rol}; END IF; END $$",
            $"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {rol}",
            $"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {rol}",
            $"REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM {rol}",
            $"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {rol}",
            $"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {rol}",
            $"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO {rol}",
            $"REVOKE INSERT, UPDATE, DELETE ON TABLE \"__EFMigrationsHistory\" FROM {rol}",
        };
        foreach (var t in TablasSoloAgregar)
            sql.Add($"DO $$ BEGIN IF to_regclass('public.{t}') IS NOT NULL THEN REVOKE UPDATE, DELETE ON TABLE public.{t} FROM {rol}; END IF; END $$");
        foreach (var s in sql)
        {
            await using var cmd = new NpgsqlCommand(s, c, tx);
            await cmd.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
    }

    private static async Task<bool> ExisteRolAsync(NpgsqlConnection c, NpgsqlTransaction tx, string rol, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = @rol)", c, tx);
        cmd.Parameters.AddWithValue("rol", rol);
        return (bool)(await cmd.ExecuteScalarAsync(ct))!;
    }

    /// <summary>True when the app's role could become the owner (SET ROLE) or is a superuser.</summary>
    private static async Task<bool> EsMiembroDelPropietarioAsync(NpgsqlConnection c, NpgsqlTransaction tx, string rol, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(
            "SELECT r.rolsuper OR pg_has_role(@rol, current_user, 'MEMBER') FROM pg_roles r WHERE r.rolname = @rol", c, tx);
        cmd.Parameters.AddWithValue("rol", rol);
        return (bool)(await cmd.ExecuteScalarAsync(ct))!;
    }

    public static string Identificador(string nombre) => "\"" + nombre.Replace("\"", "\"\"") + "\"";
}
