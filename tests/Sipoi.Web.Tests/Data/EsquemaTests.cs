using Microsoft.EntityFrameworkCore;
using Npgsql;
using Sipoi.Web.Tests.Infraestructura;

namespace Sipoi.Web.Tests.Data;

/// <summary>The hand-written SQL migrations must build exactly the schema the EF model describes.</summary>
public sealed class EsquemaTests
{
    [Fact]
    public async Task Migraciones_CreanElMismoEsquemaQueElModelo()
    {
        await using var migrada = await BaseDePrueba.CrearAsync();
        await using var modelo = await BaseDePrueba.CrearAsync();
        await using (var db = migrada.Contexto()) await db.Database.MigrateAsync();
        await using (var db = modelo.Contexto()) await db.Database.EnsureCreatedAsync();

        var a = await DescribirAsync(migrada.Conexion);
        var b = await DescribirAsync(modelo.Conexion);
        Assert.NotEmpty(b);
        Assert.Equal(b.Except(a).ToList(), Array.Empty<string>());
        Assert.Equal(a.Except(b).ToList(), Array.Empty<string>());
    }

    [Fact]
    public async Task Migraciones_SonIdempotentes()
    {
        await using var bd = await BaseDePrueba.CrearAsync();
        await using (var db = bd.Contexto()) await db.Database.MigrateAsync();
        await using (var db = bd.Contexto())
        {
            await db.Database.MigrateAsync();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        }
    }

    private static async Task<List<string>> DescribirAsync(string conexion)
    {
        const string sql = """
            SELECT 'col ' || table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' ||
                   coalesce(character_maximum_length::text, '') || ' ' || coalesce(numeric_precision::text, '') || ',' || coalesce(numeric_scale::text, '')
              FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '__EFMigrationsHistory'
            UNION ALL
            SELECT 'idx ' || indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '__EFMigrationsHistory'
            UNION ALL
            SELECT 'con ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
              FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '"__EFMigrationsHistory"'
               AND contype <> 't'
            """;
        // contype 't': a constraint trigger (0031's, refusing changes to an approved version's programming) is a trigger, which
        // the EF model does not describe, like the audit log's plain triggers.
        var filas = new List<string>();
        await using var c = new NpgsqlConnection(conexion);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, c);
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) filas.Add(r.GetString(0));
        return filas.Order(StringComparer.Ordinal).ToList();
    }
}
