using Microsoft.EntityFrameworkCore;
using Npgsql;
using Sipoi.Web.Arranque;
using Sipoi.Web.Data;
using Sipoi.Web.Seguridad;

namespace Sipoi.Web.Cli;

/// <summary>
/// The `sipoi` command line. It reads the same configuration as the web app (the private
/// cluster by default, set by the ./sipoi script) and exits non-zero with a message in Spanish
/// on bad input.
/// </summary>
public static partial class LineaDeComandos
{
    private static readonly Dictionary<string, Func<Argumentos, SipoiDbContext, TextWriter, CancellationToken, Task<int>>> Comandos = new()
    {
        ["entidad"] = EntidadAsync,
        ["entidades"] = EntidadesAsync,
        ["esquema-sql"] = EsquemaSqlAsync,
        ["import"] = ImportarAsync,
        ["export"] = ExportarAsync,
        ["evaluate"] = EvaluarAsync,
        ["reporte"] = ReporteAsync,
        ["import-excel"] = ImportarExcelAsync,
        ["publicar"] = PublicarAsync,
        ["usuario"] = UsuarioAsync,
    };

    /// <summary>Commands that work on the database as a whole with the owner's connection, not through the app's context.</summary>
    private static readonly Dictionary<string, Func<Argumentos, IConfiguration, TextWriter, CancellationToken, Task<int>>> ComandosDeBase = new()
    {
        ["migrar"] = MigrarAsync,
        ["respaldo"] = RespaldoAsync,
        ["restaurar"] = RestaurarAsync,
    };

    public static bool EsComando(string[] args) => args.Length > 0 && (Comandos.ContainsKey(args[0]) || ComandosDeBase.ContainsKey(args[0]));

    /// <summary>
    /// The first word when it is neither a command nor `servir` nor an option: the web host's own
    /// arguments (test host, --urls) all start with "-", so any other word is a typo.
    /// </summary>
    public static string? PalabraDesconocida(string[] args) =>
        args.Length > 0 && !EsComando(args) && args[0] != "servir" && !args[0].StartsWith('-') ? args[0] : null;

    /// <param name="errores">Where "Error: …" messages go (standard error by default).</param>
    public static async Task<int> EjecutarAsync(string[] args, TextWriter? salida = null, IConfiguration? configuracion = null, CancellationToken ct = default,
        TextWriter? errores = null)
    {
        salida ??= Console.Out;
        errores ??= Console.Error;
        Argumentos argumentos;
        try
        {
            argumentos = Argumentos.Leer(args.Skip(1));
        }
        catch (ErrorCli e)
        {
            await errores.WriteLineAsync("Error: " + e.Message);
            return 2;
        }

        configuracion ??= new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
        if (ComandosDeBase.TryGetValue(args[0], out var deBase))
        {
            try
            {
                return await deBase(argumentos, configuracion, salida, ct);
            }
            catch (Exception e) when (e is ErrorCli or InvalidOperationException)
            {
                await errores.WriteLineAsync("Error: " + e.Message);
                return 1;
            }
            catch (NpgsqlException e)
            {
                await errores.WriteLineAsync("Error: PostgreSQL rechazó la operación: " + e.Message);
                return 1;
            }
        }
        var services = new ServiceCollection().AddLogging();
        try
        {
            services.AddSipoiDatos(configuracion, "cli:" + Environment.UserName);
            services.AddSipoiCuentas();
        }
        catch (InvalidOperationException e)
        {
            await errores.WriteLineAsync("Error: " + e.Message);
            return 2;
        }
        await using var proveedor = services.BuildServiceProvider();
        await using var scope = proveedor.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SipoiDbContext>();
        try
        {
            // As the owner when ConnectionStrings:SipoiMigracion is set; the command itself runs as the app's role.
            if (args[0] != "esquema-sql") await BaseDeDatos.MigrarAsync(configuracion, ct: ct);
        }
        catch (InvalidOperationException e)
        {
            await errores.WriteLineAsync("Error: " + e.Message);
            return 1;
        }
        try
        {
            return await Comandos[args[0]](argumentos, db, salida, ct);
        }
        catch (ErrorCli e)
        {
            await errores.WriteLineAsync("Error: " + e.Message);
            return 1;
        }
    }

    private static async Task<int> EntidadesAsync(Argumentos a, SipoiDbContext db, TextWriter salida, CancellationToken ct)
    {
        a.SinSobrantes();
        var entidades = await db.Entidades.AsNoTracking().OrderBy(e => e.Codigo).Select(e => new { e.Codigo, e.Nombre }).ToListAsync(ct);
        foreach (var e in entidades) await salida.WriteLineAsync($"{e.Codigo}\t{e.Nombre}");
        return 0;
    }

    /// <summary>Prints the schema EF would create: the starting point when writing the next migration by hand.</summary>
    private static async Task<int> EsquemaSqlAsync(Argumentos a, SipoiDbContext db, TextWriter salida, CancellationToken ct)
    {
        a.SinSobrantes();
        await salida.WriteLineAsync(db.Database.GenerateCreateScript());
        return 0;
    }
}

public sealed class ErrorCli(string mensaje) : Exception(mensaje);

/// <summary>`--nombre valor` options and positional arguments.</summary>
public sealed class Argumentos
{
    /// <summary>Options that take no value.</summary>
    private static readonly HashSet<string> Banderas = ["--reemplazar", "--como-anio-siguiente"];

    private readonly Dictionary<string, string> _opciones = new(StringComparer.Ordinal);
    private readonly List<string> _posicionales = [];
    private readonly HashSet<string> _usadas = [];

    public static Argumentos Leer(IEnumerable<string> args)
    {
        var a = new Argumentos();
        var lista = args.ToList();
        for (var i = 0; i < lista.Count; i++)
        {
            var x = lista[i];
            if (Banderas.Contains(x)) a._opciones[x[2..]] = "";
            else if (x.StartsWith("--", StringComparison.Ordinal))
            {
                if (i + 1 >= lista.Count || lista[i + 1].StartsWith("--", StringComparison.Ordinal))
                    throw new ErrorCli($"la opción {x} necesita un valor.");
                a._opciones[x[2..]] = lista[++i];
            }
            else a._posicionales.Add(x);
        }
        return a;
    }

    public string? Opcion(string nombre)
    {
        _usadas.Add(nombre);
        return _opciones.GetValueOrDefault(nombre);
    }

    public bool Bandera(string nombre) => Opcion(nombre) is not null;

    public string Requerida(string nombre) => Opcion(nombre) ?? throw new ErrorCli($"falta --{nombre}.");

    public int Entero(string nombre) => int.TryParse(Requerida(nombre), out var n)
        ? n
        : throw new ErrorCli($"--{nombre} debe ser un número entero.");

    public string Posicional(int i, string descripcion) => i < _posicionales.Count
        ? _posicionales[i]
        : throw new ErrorCli($"falta {descripcion}.");

    public void SinSobrantes(int posicionales = 0)
    {
        var sobrantes = _opciones.Keys.Where(k => !_usadas.Contains(k)).Select(k => "--" + k)
            .Concat(_posicionales.Skip(posicionales)).ToList();
        if (sobrantes.Count > 0) throw new ErrorCli($"argumento no reconocido: {string.Join(", ", sobrantes)}.");
    }
}
