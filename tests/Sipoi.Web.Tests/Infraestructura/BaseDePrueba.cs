using Microsoft.EntityFrameworkCore;
using Npgsql;
using Sipoi.Web.Arranque;
using Sipoi.Web.Data;

namespace Sipoi.Web.Tests.Infraestructura;

/// <summary>
/// A fresh PostgreSQL database for one test class, on the throwaway cluster `./sipoi test` starts
/// (its server connection comes in SIPOI_TEST_CONEXION). Dropped when the class finishes.
/// As in a real deployment, the database belongs to an owner role (<see cref="Propietario"/>, which
/// migrates: <see cref="Conexion"/>) and the app's host connects as a role with only DML
/// (<see cref="RolApp"/>: <see cref="ConexionApp"/>), so every web test runs under the app's real grants.
/// </summary>
public sealed class BaseDePrueba : IAsyncDisposable
{
    public const string Propietario = "sipoi_prueba_propietario";
    public const string RolApp = "sipoi_prueba_app";

    /// <summary>The owner's connection: migrations, and tests arranging or inspecting data directly.</summary>
    public string Conexion { get; }

    /// <summary>The app's restricted role on the same database (the web host's ConnectionStrings:Sipoi).</summary>
    public string ConexionApp { get; }

    public string Nombre => _nombre;
    private readonly string _servidor;
    private readonly string _nombre;
    private static readonly SemaphoreSlim RolesCreados = new(1, 1);
    private static bool _roles;

    private BaseDePrueba(string servidor, string nombre, string conexion, string conexionApp)
    {
        _servidor = servidor;
        _nombre = nombre;
        Conexion = conexion;
        ConexionApp = conexionApp;
    }

    public static async Task<BaseDePrueba> CrearAsync()
    {
        var servidor = Environment.GetEnvironmentVariable("SIPOI_TEST_CONEXION");
        if (string.IsNullOrWhiteSpace(servidor))
            throw new InvalidOperationException("Falta SIPOI_TEST_CONEXION: ejecute las pruebas con ./sipoi test, que arranca un PostgreSQL temporal.");
        var nombre = "sipoi_t_" + Guid.NewGuid().ToString("N")[..12];
        await CrearRolesAsync(servidor);
        await using (var c = new NpgsqlConnection(servidor))
        {
            await c.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {nombre} OWNER {Propietario}", c);
            await cmd.ExecuteNonQueryAsync();
        }
        var conexion = new NpgsqlConnectionStringBuilder(servidor) { Database = nombre, Username = Propietario }.ConnectionString;
        var conexionApp = new NpgsqlConnectionStringBuilder(servidor) { Database = nombre, Username = RolApp }.ConnectionString;
        return new BaseDePrueba(servidor, nombre, conexion, conexionApp);
    }

    /// <summary>
    /// The two roles, once per cluster (the test cluster trusts its socket, so they need no password). Other test
    /// processes may create them at the same moment: "already exists" is success.
    /// </summary>
    private static async Task CrearRolesAsync(string servidor)
    {
        await RolesCreados.WaitAsync();
        try
        {
            if (_roles) return;
            await using var c = new NpgsqlConnection(servidor);
            await c.OpenAsync();
            foreach (var rol in new[] { Propietario, RolApp })
            {
                await using var existe = new NpgsqlCommand($"SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{rol}')", c);
                if ((bool)(await existe.ExecuteScalarAsync())!) continue;
                try
                {
                    await using var crear = new NpgsqlCommand($"CREATE ROLE {rol} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE", c);
                    await crear.ExecuteNonQueryAsync();
                }
                catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateObject or PostgresErrorCodes.UniqueViolation) { }
            }
            _roles = true;
        }
        finally { RolesCreados.Release(); }
    }

    /// <summary>A context as the app's restricted role.</summary>
    public SipoiDbContext ContextoApp() => new(new DbContextOptionsBuilder<SipoiDbContext>()
        .UseNpgsql(ConexionApp).ConfigureWarnings(BaseDeDatos.Advertencias).Options);

    public SipoiDbContext Contexto() => new(new DbContextOptionsBuilder<SipoiDbContext>()
        .UseNpgsql(Conexion).ConfigureWarnings(BaseDeDatos.Advertencias).Options);

    /// <summary>
    /// Runs <paramref name="accion"/> with the database's guard of approved programming off (migration 0031: no UPDATE of an
    /// approved version's programming or targets, no DELETE while the version stays): for tests that build what no SIPOI path
    /// can — a damaged version, targets set by hand under an approved one — as a restore of such data would. On again after.
    /// </summary>
    public async Task SinGuardaDeProgramacionAprobadaAsync(Func<Task> accion)
    {
        async Task FijarAsync(string orden)
        {
            await using var c = new NpgsqlConnection(Conexion);
            await c.OpenAsync();
            await using var cmd = new NpgsqlCommand(
                $"ALTER TABLE programacion {orden} TRIGGER programacion_aprobada_sin_actualizar, {orden} TRIGGER programacion_aprobada_sin_borrar; " +
                $"ALTER TABLE meta_mensual {orden} TRIGGER meta_mensual_aprobada_sin_actualizar, {orden} TRIGGER meta_mensual_aprobada_sin_borrar", c);
            await cmd.ExecuteNonQueryAsync();
        }
        await FijarAsync("DISABLE");
        try { await accion(); }
        finally { await FijarAsync("ENABLE"); }
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var c = new NpgsqlConnection(_servidor);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_nombre} WITH (FORCE)", c);
        await cmd.ExecuteNonQueryAsync();
    }
}
