using System.Diagnostics;
using System.Runtime.Versioning;

namespace Sipoi.Web.Tests.Cli;

/// <summary>
/// <c>./sipoi run</c> under a service manager (issue 15, item 7): SIGTERM — what <c>systemctl stop</c> sends — stops
/// the app and then the private PostgreSQL cluster, as Ctrl-C does. Before, the script stopped PostgreSQL and left the
/// app running without its database.
/// <para>
/// The script runs for real against a throwaway data folder: a real private cluster is created, started and must
/// be stopped. Only the web executable is replaced, by a small process that records the signal it gets, through a
/// <c>dotnet</c> first on the PATH and an up-to-date build marker: building and starting the real app takes
/// minutes, and what is tested here is the script's handling of the signal, not ASP.NET Core's own shutdown.
/// </para>
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class SenalTerminarTests
{
    private const string AppFalsa = """
        #!/usr/bin/env bash
        # Stands in for `dotnet Sipoi.Web.dll …`: `migrar` succeeds; `servir` waits and records the signal that stops it.
        case "${2:-}" in
          migrar) exit 0 ;;
          servir)
            trap 'echo TERM > "$SIPOI_PRUEBA_MARCA"; exit 0' TERM
            trap 'echo INT > "$SIPOI_PRUEBA_MARCA"; exit 0' INT
            echo $$ > "$SIPOI_PRUEBA_MARCA.pid"
            while :; do sleep 0.1; done ;;
          *) echo "orden inesperada: $*" >&2; exit 9 ;;
        esac
        """;

    private const UnixFileMode Rwxrxrx = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    [Fact]
    public async Task Run_ConSigterm_DetieneLaAppYDespuesElClusterPrivado()
    {
        var raiz = Repositorio.Raiz();
        var tmp = Directory.CreateTempSubdirectory("sipoi-sigterm-").FullName;
        // The cluster runs as the postgres user when the tests run as root: it must reach its folder.
        File.SetUnixFileMode(tmp, Rwxrxrx);
        var datos = Path.Combine(tmp, "datos");
        var falsos = Path.Combine(tmp, "bin-falso");
        var marca = Path.Combine(tmp, "senal");
        Process? script = null;
        try
        {
            Directory.CreateDirectory(falsos);
            var dotnet = Path.Combine(falsos, "dotnet");
            await File.WriteAllTextAsync(dotnet, AppFalsa.Replace("\r\n", "\n") + "\n");
            File.SetUnixFileMode(dotnet, Rwxrxrx);
            // A build newer than every source: the script does not publish.
            Directory.CreateDirectory(Path.Combine(datos, "bin"));
            await File.WriteAllTextAsync(Path.Combine(datos, "bin", "Sipoi.Web.dll"), "");

            var inicio = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = tmp };
            inicio.ArgumentList.Add(Path.Combine(raiz, "sipoi"));
            inicio.ArgumentList.Add("run");
            inicio.Environment["PATH"] = falsos + ":" + Environment.GetEnvironmentVariable("PATH");
            inicio.Environment["SIPOI_DATOS"] = datos;
            inicio.Environment["SIPOI_PUERTO"] = "5999";
            inicio.Environment["SIPOI_PG_FSYNC"] = "off";
            inicio.Environment["SIPOI_PRUEBA_MARCA"] = marca;
            inicio.Environment.Remove("ConnectionStrings__Sipoi");
            inicio.Environment.Remove("ConnectionStrings__SipoiMigracion");
            script = Process.Start(inicio)!;
            var errores = script.StandardError.ReadToEndAsync();
            _ = script.StandardOutput.ReadToEndAsync();

            var limite = Stopwatch.StartNew();
            while (!File.Exists(marca + ".pid") && !script.HasExited && limite.Elapsed < TimeSpan.FromSeconds(90)) await Task.Delay(100);
            Assert.True(File.Exists(marca + ".pid"), "La aplicación no arrancó: " + (script.HasExited ? await errores : "(sigue esperando)"));
            var app = int.Parse((await File.ReadAllTextAsync(marca + ".pid")).Trim(), System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(File.Exists(Path.Combine(datos, "pg", "postmaster.pid")), "El PostgreSQL privado no está en marcha.");

            await EnviarAsync("TERM", script.Id);
            using (var espera = new CancellationTokenSource(TimeSpan.FromSeconds(60))) await script.WaitForExitAsync(espera.Token);

            Assert.Equal(0, script.ExitCode);
            Assert.Equal("TERM", (await File.ReadAllTextAsync(marca)).Trim());
            Assert.False(Vive(app), "La aplicación siguió corriendo tras SIGTERM.");
            Assert.False(File.Exists(Path.Combine(datos, "pg", "postmaster.pid")), "PostgreSQL siguió corriendo tras SIGTERM.");
            var log = await errores;
            var (detieneApp, detieneCluster) = (log.IndexOf("deteniendo SIPOI", StringComparison.Ordinal), log.IndexOf("deteniendo PostgreSQL", StringComparison.Ordinal));
            Assert.True(detieneApp >= 0 && detieneApp < detieneCluster, log);
        }
        finally
        {
            if (script is { HasExited: false }) script.Kill(entireProcessTree: true);
            if (File.Exists(Path.Combine(datos, "pg", "postmaster.pid")))
            {
                // Whatever the assertions said, no cluster outlives the test.
                var pid = (await File.ReadAllLinesAsync(Path.Combine(datos, "pg", "postmaster.pid")))[0];
                await EnviarAsync("INT", int.Parse(pid, System.Globalization.CultureInfo.InvariantCulture));
                for (var i = 0; i < 100 && File.Exists(Path.Combine(datos, "pg", "postmaster.pid")); i++) await Task.Delay(100);
            }
            Directory.Delete(tmp, recursive: true);
        }
    }

    private static async Task EnviarAsync(string senal, int pid)
    {
        using var kill = Process.Start("kill", ["-" + senal, pid.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        await kill.WaitForExitAsync();
    }

    private static bool Vive(int pid)
    {
        try
        {
            using var p = Process.GetProcessById(pid);
            return !p.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
