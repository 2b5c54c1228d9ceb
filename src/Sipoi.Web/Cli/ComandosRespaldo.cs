using System.Diagnostics;
using Npgsql;
using Sipoi.Web.Arranque;

namespace Sipoi.Web.Cli;

/// <summary>
/// `sipoi migrar`, `sipoi respaldo --salida F` and `sipoi restaurar F [--reemplazar]`: the database as a whole,
/// with the owner's connection (ConnectionStrings:SipoiMigracion; the app's when there is only one). Copies are
/// pg_dump's custom format, made and read by the tools of the PostgreSQL installation (SIPOI_PG_BIN, set by
/// ./sipoi, else the PATH, else the newest /usr/lib/postgresql/*/bin). See docs/respaldo.md.
/// </summary>
public static partial class LineaDeComandos
{
    private static async Task<int> MigrarAsync(Argumentos a, IConfiguration configuracion, TextWriter salida, CancellationToken ct)
    {
        a.SinSobrantes();
        await BaseDeDatos.MigrarAsync(configuracion, ct: ct);
        await salida.WriteLineAsync(DescribirPrivilegios(configuracion, "Base de datos al día"));
        return 0;
    }

    private static async Task<int> RespaldoAsync(Argumentos a, IConfiguration configuracion, TextWriter salida, CancellationToken ct)
    {
        var destino = Path.GetFullPath(a.Requerida("salida"));
        var reemplazar = a.Bandera("reemplazar");
        a.SinSobrantes();
        var conexion = ConexionPropietario(configuracion);
        if (File.Exists(destino) && !reemplazar)
            throw new ErrorCli($"el archivo «{destino}» ya existe; use --reemplazar para sobrescribirlo.");
        if (Path.GetDirectoryName(destino) is { } carpeta && !Directory.Exists(carpeta))
            throw new ErrorCli($"no existe la carpeta «{carpeta}».");
        // Written aside and renamed when complete: a failed copy never replaces a good one under the same name.
        var parcial = destino + ".parcial";
        var pgDump = Proceso(HerramientaPg("pg_dump"), conexion, "--format=custom", "--no-password", "--file", parcial);
        var (codigo, errores) = await EjecutarAsync(pgDump, ct);
        if (codigo != 0)
        {
            File.Delete(parcial);
            throw new ErrorCli($"pg_dump falló (código {codigo}): {errores.Trim()}");
        }
        // The copy holds every row, password hashes included: readable by its owner only.
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(parcial, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.Move(parcial, destino, overwrite: true);
        var bytes = new FileInfo(destino).Length;
        await salida.WriteLineAsync(
            $"Copia de seguridad de la base «{new NpgsqlConnectionStringBuilder(conexion).Database}» escrita en {destino} ({bytes / 1024.0 / 1024.0:0.0} MB).");
        return 0;
    }

    private static async Task<int> RestaurarAsync(Argumentos a, IConfiguration configuracion, TextWriter salida, CancellationToken ct)
    {
        var archivo = Path.GetFullPath(a.Posicional(0, "el archivo de la copia de seguridad"));
        var reemplazar = a.Bandera("reemplazar");
        a.SinSobrantes(1);
        var conexion = ConexionPropietario(configuracion);
        if (!File.Exists(archivo)) throw new ErrorCli($"no existe el archivo «{archivo}».");
        await using (var f = File.OpenRead(archivo))
        {
            var cabecera = new byte[5];
            if (await f.ReadAtLeastAsync(cabecera, 5, throwOnEndOfStream: false, ct) < 5 || "PGDMP"u8.SequenceEqual(cabecera) is false)
                throw new ErrorCli($"«{archivo}» no es una copia de seguridad de SIPOI (formato personalizado de pg_dump, ./sipoi respaldo).");
        }
        var nombreBase = new NpgsqlConnectionStringBuilder(conexion).Database;
        var objetos = await ContarObjetosAsync(conexion, ct);
        if (objetos > 0 && !reemplazar)
            throw new ErrorCli($"la base de datos «{nombreBase}» no está vacía ({objetos} tablas u objetos); " +
                "use --reemplazar para borrar su contenido y restaurar la copia.");

        // One transaction for the emptying and the whole restore: psql stops at the first error and nothing is
        // left half done (the old content stays). Ownership and grants are not restored (the target may use other
        // role names): the objects belong to the restoring owner and the app's grants are applied afterwards.
        var pgRestore = Proceso(HerramientaPg("pg_restore"), conexion, "--no-owner", "--no-privileges", "--file", "-", archivo);
        pgRestore.RedirectStandardOutput = true;
        var psql = Proceso(HerramientaPg("psql"), conexion, "-X", "-q", "--no-password", "-v", "ON_ERROR_STOP=1", "--single-transaction", "-f", "-");
        psql.RedirectStandardInput = true;
        psql.RedirectStandardOutput = true;
        psql.StandardInputEncoding = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        using var lector = Process.Start(pgRestore) ?? throw new ErrorCli("no se pudo iniciar pg_restore.");
        using var escritor = Process.Start(psql) ?? throw new ErrorCli("no se pudo iniciar psql.");
        var erroresLector = lector.StandardError.ReadToEndAsync(ct);
        var erroresEscritor = escritor.StandardError.ReadToEndAsync(ct);
        var descarte = escritor.StandardOutput.BaseStream.CopyToAsync(Stream.Null, ct);
        try
        {
            if (reemplazar) await escritor.StandardInput.WriteAsync(SqlVaciar);
            await escritor.StandardInput.FlushAsync(ct);
            await lector.StandardOutput.BaseStream.CopyToAsync(escritor.StandardInput.BaseStream, ct);
        }
        catch (IOException)
        {
            // psql stopped at an error and closed its input: its own message says why.
        }
        finally
        {
            try { escritor.StandardInput.Close(); } catch (IOException) { }
        }
        await Task.WhenAll(lector.WaitForExitAsync(ct), escritor.WaitForExitAsync(ct));
        await descarte;
        if (lector.ExitCode != 0)
            throw new ErrorCli($"pg_restore no pudo leer «{archivo}» (código {lector.ExitCode}): {(await erroresLector).Trim()}; la base no cambió.");
        if (escritor.ExitCode != 0)
            throw new ErrorCli($"la restauración falló y la base no cambió (psql, código {escritor.ExitCode}): {(await erroresEscritor).Trim()}");

        // A copy from an older version is brought up to date, and the app's role gets its privileges back.
        await BaseDeDatos.MigrarAsync(configuracion, ct: ct);
        await salida.WriteLineAsync(DescribirPrivilegios(configuracion,
            $"Copia {Path.GetFileName(archivo)} restaurada en la base «{nombreBase}» ({await ContarObjetosAsync(conexion, ct)} tablas u objetos)"));
        return 0;
    }

    /// <summary>Drops everything in the schema "public" (tables with their sequences and triggers, views, functions, types).</summary>
    private const string SqlVaciar = """
        DO $$
        DECLARE o record;
        BEGIN
          FOR o IN SELECT c.relname, c.relkind FROM pg_class c
                    WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
                    ORDER BY c.relkind = 'S' LOOP
            EXECUTE format('DROP %s IF EXISTS public.%I CASCADE',
              CASE o.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'f' THEN 'FOREIGN TABLE'
                             WHEN 'S' THEN 'SEQUENCE' ELSE 'TABLE' END, o.relname);
          END LOOP;
          FOR o IN SELECT p.oid::regprocedure AS firma FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace LOOP
            EXECUTE format('DROP ROUTINE IF EXISTS %s CASCADE', o.firma);
          END LOOP;
          FOR o IN SELECT t.typname FROM pg_type t
                    WHERE t.typnamespace = 'public'::regnamespace AND t.typtype IN ('e', 'd', 'r') LOOP
            EXECUTE format('DROP TYPE IF EXISTS public.%I CASCADE', o.typname);
          END LOOP;
        END $$;

        """;

    private static async Task<long> ContarObjetosAsync(string conexion, CancellationToken ct)
    {
        await using var c = new NpgsqlConnection(conexion);
        await c.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand(
            "SELECT count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p', 'v', 'm', 'f')", c);
        return (long)(await cmd.ExecuteScalarAsync(ct))!;
    }

    private static string ConexionPropietario(IConfiguration configuracion) =>
        BaseDeDatos.CadenaMigracion(configuracion)
        ?? (configuracion.GetConnectionString(BaseDeDatos.NombreConexion) is { Length: > 0 } c && !string.IsNullOrWhiteSpace(c) ? c : null)
        ?? throw new ErrorCli("falta la cadena de conexión ConnectionStrings:SipoiMigracion (o ConnectionStrings:Sipoi).");

    private static string DescribirPrivilegios(IConfiguration configuracion, string inicio)
    {
        var app = BaseDeDatos.Usuario(configuracion.GetConnectionString(BaseDeDatos.NombreConexion)!);
        return BaseDeDatos.CadenaMigracion(configuracion) is { } m && BaseDeDatos.Usuario(m) != app
            ? $"{inicio}; privilegios del rol de la aplicación «{app}» aplicados."
            : $"{inicio} (una sola cadena de conexión: el rol «{app}» no tiene privilegios mínimos).";
    }

    /// <summary>A PostgreSQL client tool: the same installation ./sipoi uses, else the PATH, else the newest under /usr/lib/postgresql.</summary>
    internal static string HerramientaPg(string nombre)
    {
        if (Environment.GetEnvironmentVariable("SIPOI_PG_BIN") is { Length: > 0 } bin)
            return File.Exists(Path.Combine(bin, nombre)) ? Path.Combine(bin, nombre)
                : throw new ErrorCli($"no se encontró {nombre} en SIPOI_PG_BIN={bin}.");
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            if (File.Exists(Path.Combine(dir, nombre))) return Path.Combine(dir, nombre);
        var instalada = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => (Version: int.TryParse(Path.GetFileName(d), out var v) ? v : -1, Ruta: Path.Combine(d, "bin", nombre)))
                .Where(x => File.Exists(x.Ruta)).OrderByDescending(x => x.Version).Select(x => x.Ruta).FirstOrDefault()
            : null;
        return instalada ?? throw new ErrorCli(
            $"no se encontró {nombre}: instale el cliente de PostgreSQL (paquete postgresql-client) o defina SIPOI_PG_BIN.");
    }

    /// <summary>A libpq tool connected as the connection string says (host, port, role, database, password or passfile, SSL).</summary>
    private static ProcessStartInfo Proceso(string programa, string conexion, params string[] argumentos)
    {
        var b = new NpgsqlConnectionStringBuilder(conexion);
        var p = new ProcessStartInfo(programa) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var x in argumentos) p.ArgumentList.Add(x);
        void Fijar(string variable, string? valor)
        {
            if (string.IsNullOrEmpty(valor)) p.Environment.Remove(variable);
            else p.Environment[variable] = valor;
        }
        Fijar("PGHOST", b.Host);
        Fijar("PGPORT", b.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Fijar("PGUSER", BaseDeDatos.Usuario(conexion));
        Fijar("PGDATABASE", b.Database);
        Fijar("PGPASSWORD", b.Password);
        if (b.Passfile is { Length: > 0 } pf) Fijar("PGPASSFILE", pf);
        Fijar("PGSSLMODE", b.SslMode switch
        {
            SslMode.Disable => "disable",
            SslMode.Allow => "allow",
            SslMode.Require => "require",
            SslMode.VerifyCA => "verify-ca",
            SslMode.VerifyFull => "verify-full",
            _ => "prefer",
        });
        Fijar("PGAPPNAME", "sipoi");
        return p;
    }

    private static async Task<(int Codigo, string Errores)> EjecutarAsync(ProcessStartInfo inicio, CancellationToken ct)
    {
        using var p = Process.Start(inicio) ?? throw new ErrorCli($"no se pudo iniciar {inicio.FileName}.");
        var errores = p.StandardError.ReadToEndAsync(ct);
        await p.WaitForExitAsync(ct);
        return (p.ExitCode, await errores);
    }
}
