using System.Collections.Concurrent;
using System.Diagnostics;

namespace Sipoi.Web.Reportes;

/// <summary>
/// Converts an office file to PDF with LibreOffice headless (`soffice` or `libreoffice` on PATH; shared
/// STACK.md). Each conversion runs in its own temporary folder with a time limit; at most two run at once,
/// each with its own LibreOffice profile (one profile cannot serve two processes), reused between
/// conversions because creating a profile costs seconds.
/// </summary>
public static class ConversorPdf
{
    public static TimeSpan Limite { get; set; } = TimeSpan.FromSeconds(90);

    private static readonly Lazy<string?> Ejecutable = new(() => Buscar("soffice") ?? Buscar("libreoffice"));
    private static readonly SemaphoreSlim Turnos = new(2, 2);
    private static readonly ConcurrentBag<string> Perfiles = [];
    private static readonly ConcurrentDictionary<string, bool> Creados = new();

    // A profile is LibreOffice's settings folder (about 0.5 MB): the ones this process made go when it ends.
    static ConversorPdf() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        foreach (var perfil in Creados.Keys) Borrar(perfil);
    };

    private static void Borrar(string carpeta)
    {
        try { Directory.Delete(carpeta, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>True when LibreOffice is installed on this server.</summary>
    public static bool Disponible => Ejecutable.Value is not null;

    public static async Task<byte[]> ConvertirAsync(byte[] contenido, string extension, CancellationToken ct)
    {
        var soffice = Ejecutable.Value ?? throw new InvalidOperationException("LibreOffice (soffice) no está instalado en este servidor.");
        await Turnos.WaitAsync(ct);
        if (!Perfiles.TryTake(out var perfil))
        {
            perfil = Path.Combine(Path.GetTempPath(), "sipoi-libreoffice-" + Guid.NewGuid().ToString("N"));
            Creados[perfil] = true;
        }
        var carpeta = Directory.CreateTempSubdirectory("sipoi-pdf-").FullName;
        var perfilSano = true;
        try
        {
            var entrada = Path.Combine(carpeta, "documento." + extension);
            await File.WriteAllBytesAsync(entrada, contenido, ct);
            var inicio = new ProcessStartInfo(soffice)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = carpeta,
            };
            foreach (var a in new[] { "-env:UserInstallation=" + new Uri(perfil + "/").AbsoluteUri, "--headless", "--norestore", "--nolockcheck",
                         "--convert-to", "pdf", "--outdir", carpeta, entrada })
                inicio.ArgumentList.Add(a);
            using var proceso = Process.Start(inicio) ?? throw new InvalidOperationException("No se pudo iniciar LibreOffice.");
            var salida = proceso.StandardOutput.ReadToEndAsync(ct);
            var errores = proceso.StandardError.ReadToEndAsync(ct);
            using var limite = CancellationTokenSource.CreateLinkedTokenSource(ct);
            limite.CancelAfter(Limite);
            try
            {
                await proceso.WaitForExitAsync(limite.Token);
            }
            catch (OperationCanceledException)
            {
                proceso.Kill(entireProcessTree: true);
                perfilSano = false;
                ct.ThrowIfCancellationRequested();
                throw new TimeoutException($"LibreOffice no terminó la conversión a PDF en {Limite.TotalSeconds:0} s.");
            }
            var pdf = Path.Combine(carpeta, "documento.pdf");
            if (proceso.ExitCode != 0 || !File.Exists(pdf))
                throw new InvalidOperationException($"LibreOffice no generó el PDF (código {proceso.ExitCode}): {(await errores).Trim()} {(await salida).Trim()}");
            return await File.ReadAllBytesAsync(pdf, ct);
        }
        finally
        {
            Borrar(carpeta);
            // A killed LibreOffice may leave its profile locked: that one is dropped, not reused.
            if (perfilSano) Perfiles.Add(perfil);
            else
            {
                Borrar(perfil);
                Creados.TryRemove(perfil, out _);
            }
            Turnos.Release();
        }
    }

    private static string? Buscar(string programa)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var ruta = Path.Combine(dir, programa);
            if (File.Exists(ruta)) return ruta;
        }
        return null;
    }
}
