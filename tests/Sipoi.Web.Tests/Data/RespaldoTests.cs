using Microsoft.Extensions.Configuration;
using Npgsql;
using Sipoi.Web.Cli;
using Sipoi.Web.Intercambio;
using Sipoi.Web.Tests.Infraestructura;
using Sipoi.Web.Tests.Intercambio;

namespace Sipoi.Web.Tests.Data;

/// <summary>
/// `sipoi respaldo` / `sipoi restaurar` (docs/respaldo.md): a copy of the demo with its synthetic progress, restored
/// into a fresh database, evaluates byte for byte the same; a non-empty target is refused unless --reemplazar.
/// </summary>
public sealed class RespaldoTests(AppConAvanceDemo app) : IClassFixture<AppConAvanceDemo>, IDisposable
{
    private readonly string _carpeta = Directory.CreateTempSubdirectory("sipoi-respaldo-").FullName;

    public void Dispose() => Directory.Delete(_carpeta, recursive: true);

    private static IConfiguration Configuracion(BaseDePrueba b) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Sipoi"] = b.ConexionApp,
            ["ConnectionStrings:SipoiMigracion"] = b.Conexion,
        }).Build();

    private static async Task<(int Codigo, string Salida, string Errores)> CliAsync(BaseDePrueba b, params string[] args)
    {
        var salida = new StringWriter();
        var errores = new StringWriter();
        var codigo = await LineaDeComandos.EjecutarAsync(args, salida, Configuracion(b), errores: errores);
        return (codigo, salida.ToString(), errores.ToString());
    }

    private static readonly string[][] Evaluaciones =
    [
        ["--periodo", "S1"], ["--periodo", "ANUAL"], ["--periodo", "A11"], ["--periodo", "T3"],
        ["--periodo", "ANUAL", "--metodo", "ponderado"], ["--periodo", "S2", "--metodo", "ceplan"],
    ];

    private static async Task<List<string>> EvaluarAsync(BaseDePrueba b)
    {
        var jsons = new List<string>();
        foreach (var e in Evaluaciones)
        {
            var (codigo, salida, errores) = await CliAsync(b, ["evaluate", "--entidad", DatosDemo.CodigoEntidad, "--anio", "2024", "--formato", "json", .. e]);
            Assert.True(codigo == 0, errores);
            jsons.Add(salida);
        }
        return jsons;
    }

    private async Task<string> RespaldarAsync()
    {
        var archivo = Path.Combine(_carpeta, "sipoi.dump");
        var (codigo, salida, errores) = await CliAsync(app.Base, "respaldo", "--salida", archivo);
        Assert.True(codigo == 0, errores);
        Assert.StartsWith($"Copia de seguridad de la base «{app.Base.Nombre}» escrita en {archivo}", salida);
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(archivo));
        return archivo;
    }

    private static async Task<long> ContarAsync(string conexion, string sql)
    {
        await using var c = new NpgsqlConnection(conexion);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, c);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task RestaurarEnUnaBaseNueva_DaLaMismaEvaluacionByteAByte()
    {
        var antes = await EvaluarAsync(app.Base);
        Assert.Contains("\"fichas\"", antes[4]);
        var archivo = await RespaldarAsync();

        await using var destino = await BaseDePrueba.CrearAsync();
        var (codigo, salida, errores) = await CliAsync(destino, "restaurar", archivo);
        Assert.True(codigo == 0, errores);
        Assert.StartsWith($"Copia sipoi.dump restaurada en la base «{destino.Nombre}»", salida);
        Assert.EndsWith($"privilegios del rol de la aplicación «{BaseDePrueba.RolApp}» aplicados.", salida.TrimEnd());

        var despues = await EvaluarAsync(destino);
        for (var i = 0; i < antes.Count; i++) Assert.Equal(antes[i], despues[i]);
        const string auditoria = "SELECT count(*) FROM registro_auditoria";
        Assert.Equal(await ContarAsync(app.Base.Conexion, auditoria), await ContarAsync(destino.ConexionApp, auditoria));

        // The restored objects belong to the restoring owner, and the app's role got back only its grants.
        Assert.Equal(0, await ContarAsync(destino.Conexion,
            "SELECT count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relowner <> (SELECT oid FROM pg_roles WHERE rolname = current_user)"));
        await using var c = new NpgsqlConnection(destino.ConexionApp);
        await c.OpenAsync();
        await using var borrar = new NpgsqlCommand("DELETE FROM registro_auditoria", c);
        var e = await Assert.ThrowsAsync<PostgresException>(() => borrar.ExecuteNonQueryAsync());
        Assert.Equal("permission denied for table registro_auditoria", e.MessageText);
        // The trigger came back with the copy: even the owner cannot rewrite the log.
        await using var p = new NpgsqlConnection(destino.Conexion);
        await p.OpenAsync();
        await using var cambiar = new NpgsqlCommand("UPDATE registro_auditoria SET usuario = 'otro'", p);
        Assert.Contains("solo admite INSERT", (await Assert.ThrowsAsync<PostgresException>(() => cambiar.ExecuteNonQueryAsync())).MessageText);
    }

    [Fact]
    public async Task BaseNoVacia_SeRechazaSinReemplazar_YConReemplazarQuedaComoLaCopia()
    {
        var archivo = await RespaldarAsync();
        await using var destino = await BaseDePrueba.CrearAsync();
        // A SIPOI database already in use, plus a table of someone else's that must survive a refused restore.
        await using (var db = destino.Contexto()) await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.MigrateAsync(db.Database);
        await using (var c = new NpgsqlConnection(destino.Conexion))
        {
            await c.OpenAsync();
            await using var cmd = new NpgsqlCommand("CREATE TABLE marca (x int); INSERT INTO marca VALUES (1)", c);
            await cmd.ExecuteNonQueryAsync();
        }
        var tablas = await ContarAsync(destino.Conexion, "SELECT count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p', 'v', 'm', 'f')");

        var (codigo, salida, errores) = await CliAsync(destino, "restaurar", archivo);
        Assert.Equal(1, codigo);
        Assert.Equal("", salida);
        Assert.Equal($"Error: la base de datos «{destino.Nombre}» no está vacía ({tablas} tablas u objetos); " +
            "use --reemplazar para borrar su contenido y restaurar la copia.", errores.Trim());
        Assert.Equal(1, await ContarAsync(destino.Conexion, "SELECT count(*) FROM marca"));

        // A file that is not a copy changes nothing either.
        var falso = Path.Combine(_carpeta, "no-es-copia.dump");
        await File.WriteAllTextAsync(falso, "hola");
        (codigo, _, errores) = await CliAsync(destino, "restaurar", falso, "--reemplazar");
        Assert.Equal(1, codigo);
        Assert.Equal($"Error: «{falso}» no es una copia de seguridad de SIPOI (formato personalizado de pg_dump, ./sipoi respaldo).", errores.Trim());
        Assert.Equal(1, await ContarAsync(destino.Conexion, "SELECT count(*) FROM marca"));

        (codigo, _, errores) = await CliAsync(destino, "restaurar", archivo, "--reemplazar");
        Assert.True(codigo == 0, errores);
        Assert.Equal(0, await ContarAsync(destino.Conexion, "SELECT count(*) FROM pg_class WHERE relname = 'marca'"));
        Assert.Equal(await EvaluarAsync(app.Base), await EvaluarAsync(destino));
    }

    [Fact]
    public async Task Respaldo_NoSobrescribeSinReemplazar()
    {
        var archivo = Path.Combine(_carpeta, "existente.dump");
        await File.WriteAllTextAsync(archivo, "anterior");
        var (codigo, _, errores) = await CliAsync(app.Base, "respaldo", "--salida", archivo);
        Assert.Equal(1, codigo);
        Assert.Equal($"Error: el archivo «{archivo}» ya existe; use --reemplazar para sobrescribirlo.", errores.Trim());
        Assert.Equal("anterior", await File.ReadAllTextAsync(archivo));
    }
}
