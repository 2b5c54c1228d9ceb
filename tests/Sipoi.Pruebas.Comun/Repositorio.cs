namespace Sipoi.Pruebas.Comun;

/// <summary>Where the repository is, for tests that read its sources or run its scripts.</summary>
public static class Repositorio
{
    /// <summary>The folder holding Sipoi.slnx, found upwards from the test binaries.</summary>
    public static string Raiz()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "Sipoi.slnx"))) return d.FullName;
        throw new InvalidOperationException($"No se encontró Sipoi.slnx por encima de {AppContext.BaseDirectory}.");
    }
}
