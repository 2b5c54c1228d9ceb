using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Sipoi.Web.Arranque;
using Sipoi.Web.Data;
using Sipoi.Web.Seguridad;
using Sipoi.Web.Tests.Infraestructura;

namespace Sipoi.Web.Tests.Data;

/// <summary>
/// Least privilege (README, "A real deployment"): the web host of every test connects as
/// <see cref="BaseDePrueba.RolApp"/>, migrated and granted by the owner. As that role the audit log is
/// append-only with no way around the trigger, and no DDL is possible anywhere.
/// </summary>
public sealed class PrivilegiosTests(AppDePrueba app) : IClassFixture<AppDePrueba>
{
    private async Task<NpgsqlConnection> ComoAppAsync()
    {
        _ = app.Server;
        var c = new NpgsqlConnection(app.Base.ConexionApp);
        await c.OpenAsync();
        return c;
    }

    private static async Task<object?> EscalarAsync(NpgsqlConnection c, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, c);
        return await cmd.ExecuteScalarAsync();
    }

    [Theory]
    [InlineData("UPDATE registro_auditoria SET usuario = 'otro'", "permission denied for table registro_auditoria")]
    [InlineData("DELETE FROM registro_auditoria", "permission denied for table registro_auditoria")]
    [InlineData("TRUNCATE registro_auditoria", "permission denied for table registro_auditoria")]
    [InlineData("ALTER TABLE registro_auditoria DISABLE TRIGGER registro_auditoria_sin_cambios", "must be owner of table registro_auditoria")]
    [InlineData("ALTER TABLE registro_auditoria DISABLE TRIGGER ALL", "must be owner of table registro_auditoria")]
    [InlineData("DROP TRIGGER registro_auditoria_sin_cambios ON registro_auditoria", "must be owner of relation registro_auditoria")]
    [InlineData("CREATE TRIGGER otro BEFORE INSERT ON registro_auditoria FOR EACH ROW EXECUTE FUNCTION registro_auditoria_solo_agregar()",
        "permission denied for table registro_auditoria")]
    [InlineData("SET session_replication_role = replica", "permission denied to set parameter \"session_replication_role\"")]
    [InlineData("SET ROLE sipoi_prueba_propietario", "permission denied to set role \"sipoi_prueba_propietario\"")]
    [InlineData("SET SESSION AUTHORIZATION sipoi_prueba_propietario", "permission denied to set session authorization \"sipoi_prueba_propietario\"")]
    [InlineData("DROP TABLE registro_auditoria", "must be owner of table registro_auditoria")]
    [InlineData("CREATE TABLE copia_auditoria (id int)", "permission denied for schema public")]
    [InlineData("ALTER TABLE actividad ADD COLUMN x int", "must be owner of table actividad")]
    [InlineData("TRUNCATE avance_mensual", "permission denied for table avance_mensual")]
    [InlineData("DELETE FROM \"__EFMigrationsHistory\"", "permission denied for table __EFMigrationsHistory")]
    [InlineData("CREATE FUNCTION public.f() RETURNS int LANGUAGE sql AS 'SELECT 1'", "permission denied for schema public")]
    public async Task ComoRolDeLaApp_SeRechaza(string sql, string mensaje)
    {
        await using var c = await ComoAppAsync();
        var antes = (long)(await EscalarAsync(c, "SELECT count(*) FROM registro_auditoria"))!;
        Assert.True(antes > 0, "la carga de la demostración debió auditarse");
        await using var cmd = new NpgsqlCommand(sql, c);
        var e = await Assert.ThrowsAsync<PostgresException>(() => cmd.ExecuteNonQueryAsync());
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, e.SqlState);
        Assert.Equal(mensaje, e.MessageText);
        Assert.Equal(antes, (long)(await EscalarAsync(c, "SELECT count(*) FROM registro_auditoria"))!);
        Assert.Equal("origin", await EscalarAsync(c, "SHOW session_replication_role"));
    }

    [Fact]
    public async Task RolDeLaApp_SoloTieneElDmlQueNecesita()
    {
        await using var c = await ComoAppAsync();
        Assert.Equal(BaseDePrueba.RolApp, await EscalarAsync(c, "SELECT current_user::text"));
        Assert.Equal(false, await EscalarAsync(c,
            "SELECT rolsuper OR rolcreaterole OR rolcreatedb OR rolbypassrls OR rolreplication FROM pg_roles WHERE rolname = current_user"));
        Assert.Equal(0L, await EscalarAsync(c, "SELECT count(*) FROM pg_class WHERE relowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)"));
        Assert.Equal(false, await EscalarAsync(c, "SELECT has_schema_privilege('public', 'CREATE') OR has_database_privilege(current_database(), 'CREATE')"));
        // Every table: read; none: TRUNCATE, REFERENCES, TRIGGER. Tables from later migrations are covered too.
        var tablas = await TablasAsync(c);
        Assert.Contains("registro_auditoria", tablas);
        Assert.Contains("clave_proteccion_datos", tablas);
        Assert.True(tablas.Count > 20);
        foreach (var t in tablas)
        {
            Assert.True((bool)(await EscalarAsync(c, $"SELECT has_table_privilege('public.\"{t}\"', 'SELECT')"))!, t);
            Assert.False((bool)(await EscalarAsync(c, $"SELECT has_table_privilege('public.\"{t}\"', 'TRUNCATE, REFERENCES, TRIGGER')"))!, t);
            var escribe = t != "__EFMigrationsHistory" && !PrivilegiosApp.TablasSoloAgregar.Contains(t);
            Assert.Equal(escribe, (bool)(await EscalarAsync(c, $"SELECT has_table_privilege('public.\"{t}\"', 'UPDATE')"))!);
            Assert.Equal(escribe, (bool)(await EscalarAsync(c, $"SELECT has_table_privilege('public.\"{t}\"', 'DELETE')"))!);
            Assert.Equal(t != "__EFMigrationsHistory", (bool)(await EscalarAsync(c, $"SELECT has_table_privilege('public.\"{t}\"', 'INSERT')"))!);
        }
    }

    private static async Task<List<string>> TablasAsync(NpgsqlConnection c)
    {
        var tablas = new List<string>();
        await using var cmd = new NpgsqlCommand("SELECT relname::text FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' ORDER BY 1", c);
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) tablas.Add(r.GetString(0));
        return tablas;
    }

    [Fact]
    public async Task TablaDeUnaMigracionFutura_RecibeElDmlPorPrivilegiosPorDefecto()
    {
        await using (var propietario = new NpgsqlConnection(app.Base.Conexion))
        {
            await propietario.OpenAsync();
            await EscalarAsync(propietario, "CREATE TABLE prueba_futura (id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, texto text)");
        }
        try
        {
            await using var c = await ComoAppAsync();
            Assert.Equal(1, await EscalarAsync(c, "INSERT INTO prueba_futura (texto) VALUES ('a') RETURNING id"));
            await EscalarAsync(c, "UPDATE prueba_futura SET texto = 'b'");
            await EscalarAsync(c, "DELETE FROM prueba_futura");
            var e = await Assert.ThrowsAsync<PostgresException>(() => EscalarAsync(c, "TRUNCATE prueba_futura"));
            Assert.Equal("permission denied for table prueba_futura", e.MessageText);
        }
        finally
        {
            await using var propietario = new NpgsqlConnection(app.Base.Conexion);
            await propietario.OpenAsync();
            await EscalarAsync(propietario, "DROP TABLE prueba_futura");
        }
    }

    /// <summary>The app as that role through a real save, submission, approval, audit, evaluation and report.</summary>
    [Fact]
    public async Task App_FuncionaConElRolRestringido()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SipoiDbContext>();
            Assert.Equal(BaseDePrueba.RolApp, await db.Database.SqlQuery<string>($"SELECT current_user::text AS \"Value\"").SingleAsync());
        }
        app.Reloj.Fijar(2024, 2, 5);
        const string correo = "privilegios0204@prueba.demo";
        await app.OperadorDeAsync(correo, "02.04");
        var operador = await ConTokenAsync(correo);
        const string url = "/api/v1/e/EMSAPUNO/seguimiento/2024/1/02.04";
        var guardado = await operador.PutAsJsonAsync(url, new
        {
            version = "0",
            actividades = new[] { new { codigo = "FP07-01", ejecutadoFisico = 1m }, new { codigo = "FP07-04", ejecutadoFisico = 1m } },
        });
        Assert.True(guardado.StatusCode == HttpStatusCode.OK, await guardado.Content.ReadAsStringAsync());
        var enviado = await operador.PostAsync(url + "/enviar", null);
        Assert.True(enviado.StatusCode == HttpStatusCode.OK, await enviado.Content.ReadAsStringAsync());
        var planificador = await ConTokenAsync(AppDePrueba.Planificador);
        Assert.Equal(HttpStatusCode.OK, (await planificador.PostAsync(url + "/aprobar", null)).StatusCode);

        await using (var db = app.Base.ContextoApp())
        {
            Assert.Equal(2, await db.Auditoria.CountAsync(a => a.Tabla == "avance_mensual" && a.Usuario == correo));
            Assert.True(await db.Auditoria.AnyAsync(a => a.Tabla == "seguimiento_mensual" && a.Accion == Sipoi.Domain.Seguimiento.AccionAuditada.Aprobacion
                && a.Usuario == AppDePrueba.Planificador));
        }
        var web = await app.ComoAsync(AppDePrueba.Planificador);
        var evaluacion = await web.GetAsync("/e/EMSAPUNO/evaluacion/2024?periodo=T1");
        Assert.Equal(HttpStatusCode.OK, evaluacion.StatusCode);
        var reporte = await web.GetAsync("/e/EMSAPUNO/reportes/2024/presupuesto.xlsx");
        Assert.Equal(HttpStatusCode.OK, reporte.StatusCode);
        Assert.True((await reporte.Content.ReadAsByteArrayAsync()).Length > 1000);
    }

    private async Task<HttpClient> ConTokenAsync(string correo)
    {
        await using var db = app.Base.ContextoApp();
        var usuario = await db.Users.SingleAsync(u => u.UserName == correo);
        var (token, secreto) = TokenApi.Crear(usuario, "privilegios", DateTimeOffset.UtcNow);
        db.TokensApi.Add(token);
        await db.SaveChangesAsync();
        var http = app.ClienteAnonimo();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secreto);
        return http;
    }

    /// <summary>A restricted role alone cannot migrate: it says which connection to configure, and changes nothing.</summary>
    [Fact]
    public async Task UnaSolaCadenaConElRolRestringido_NoMigraYLoDice()
    {
        await using var nueva = await BaseDePrueba.CrearAsync();
        var soloApp = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Sipoi"] = nueva.ConexionApp }).Build();
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => BaseDeDatos.MigrarAsync(soloApp));
        Assert.StartsWith($"Hay migraciones pendientes y el rol «{BaseDePrueba.RolApp}» de ConnectionStrings:Sipoi no puede aplicarlas", e.Message);
        Assert.Contains("ConnectionStrings:SipoiMigracion", e.Message);

        // Migrated by the owner, the same single connection then starts: nothing is pending.
        var ambas = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Sipoi"] = nueva.ConexionApp,
            ["ConnectionStrings:SipoiMigracion"] = nueva.Conexion,
        }).Build();
        await BaseDeDatos.MigrarAsync(ambas);
        await BaseDeDatos.MigrarAsync(soloApp);
        await using var db = nueva.ContextoApp();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }
}
