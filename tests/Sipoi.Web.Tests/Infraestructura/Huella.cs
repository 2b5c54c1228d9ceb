using Npgsql;

namespace Sipoi.Web.Tests.Infraestructura;

/// <summary>
/// A fingerprint of every row an entity owns, in every table with <c>entidad_id</c> (the audit log included), or of
/// the whole database: equal fingerprints before and after a refused import mean it wrote nothing, not even partially.
/// </summary>
public static class Huella
{
    /// <summary>
    /// Rows in every table, table by table: "changes nothing" where a request may legitimately touch a row's content
    /// elsewhere (a session, a key) but must add or remove none.
    /// </summary>
    public static async Task<string> ConteosAsync(string conexion)
    {
        await using var c = new NpgsqlConnection(conexion);
        await c.OpenAsync();
        var partes = new List<string>();
        foreach (var t in await TablasAsync(c))
        {
            await using var cmd = new NpgsqlCommand($"SELECT count(*) FROM \"{t}\"", c);
            partes.Add($"{t}={await cmd.ExecuteScalarAsync()}");
        }
        return string.Join("\n", partes);
    }

    private static async Task<List<string>> TablasAsync(NpgsqlConnection c)
    {
        var tablas = new List<string>();
        await using var cmd = new NpgsqlCommand(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name", c);
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) tablas.Add(r.GetString(0));
        return tablas;
    }

    /// <summary>md5 of every row of every table, table by table.</summary>
    public static async Task<string> DeBaseAsync(string conexion)
    {
        await using var c = new NpgsqlConnection(conexion);
        await c.OpenAsync();
        var partes = new List<string>();
        foreach (var t in await TablasAsync(c))
        {
            await using var cmd = new NpgsqlCommand($"SELECT count(*) || ':' || coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '') FROM \"{t}\" x", c);
            partes.Add($"{t}={await cmd.ExecuteScalarAsync()}");
        }
        return string.Join("\n", partes);
    }

    public static async Task<string> DeEntidadAsync(string conexion, string codigoEntidad)
    {
        await using var c = new NpgsqlConnection(conexion);
        await c.OpenAsync();
        int? entidad;
        await using (var cmd = new NpgsqlCommand("SELECT id FROM entidad WHERE codigo = @c", c))
        {
            cmd.Parameters.AddWithValue("c", codigoEntidad);
            entidad = (int?)await cmd.ExecuteScalarAsync();
        }
        if (entidad is null) return "(sin entidad)";
        var tablas = new List<string>();
        await using (var cmd = new NpgsqlCommand(
            "SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'entidad_id' ORDER BY table_name", c))
        await using (var r = await cmd.ExecuteReaderAsync())
            while (await r.ReadAsync()) tablas.Add(r.GetString(0));
        var partes = new List<string>();
        foreach (var t in tablas)
        {
            await using var cmd = new NpgsqlCommand(
                $"SELECT count(*) || ':' || coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '') FROM \"{t}\" x WHERE entidad_id = @e", c);
            cmd.Parameters.AddWithValue("e", entidad.Value);
            partes.Add($"{t}={await cmd.ExecuteScalarAsync()}");
        }
        await using (var cmd = new NpgsqlCommand("SELECT x::text FROM entidad x WHERE id = @e", c))
        {
            cmd.Parameters.AddWithValue("e", entidad.Value);
            partes.Add($"entidad={await cmd.ExecuteScalarAsync()}");
        }
        return string.Join("\n", partes);
    }
}
