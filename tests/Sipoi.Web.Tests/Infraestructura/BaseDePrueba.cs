using Microsoft.EntityFrameworkCore;
using Npgsql;
using Sipoi.Web.Arranque;
using Sipoi.Web.Data;

namespace Sipoi.Web.Tests.Infraestructura;

/// <summary>
/// A fresh PostgreSQL database for one test class, on the throwaway cluster `./sipoi test` starts
/// (its server connection comes in SIPOI_TEST_CONEXION). Dropped when the class finishes.
/// </summary>
public sealed class BaseDePrueba : IAsyncDisposable
{
    public string Conexion { get; }
    private readonly string _servidor;
    private readonly string _nombre;

    private BaseDePrueba(string servidor, string nombre, string conexion)
    {
        _servidor = servidor;
        _nombre = nombre;
        Conexion = conexion;
    }

    public static async Task<BaseDePrueba> CrearAsync()
    {
        var servidor = Environment.GetEnvironmentVariable("SIPOI_TEST_CONEXION");
        if (string.IsNullOrWhiteSpace(servidor))
            throw new InvalidOperationException("Falta SIPOI_TEST_CONEXION: ejecute las pruebas con ./sipoi test, que arranca un PostgreSQL temporal.");
        var nombre = "sipoi_t_" + Guid.NewGuid().ToString("N")[..12];
        await using (var c = new NpgsqlConnection(servidor))
        {
            await c.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {nombre}", c);
            await cmd.ExecuteNonQueryAsync();
        }
        var conexion = new NpgsqlConnectionStringBuilder(servidor) { Database = nombre }.ConnectionString;
        return new BaseDePrueba(servidor, nombre, conexion);
    }

    public SipoiDbContext Contexto() => new(new DbContextOptionsBuilder<SipoiDbContext>()
        .UseNpgsql(Conexion).ConfigureWarnings(BaseDeDatos.Advertencias).Options);

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var c = new NpgsqlConnection(_servidor);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_nombre} WITH (FORCE)", c);
        await cmd.ExecuteNonQueryAsync();
    }
}
