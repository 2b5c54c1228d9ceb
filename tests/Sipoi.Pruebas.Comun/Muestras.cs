namespace Sipoi.Pruebas.Comun;

/// <summary>
/// Set SIPOI_REPORTES_MUESTRAS to a folder to keep the files the tests write, to open them in
/// Excel or LibreOffice by hand (nothing is written otherwise).
/// </summary>
public static class Muestras
{
    public static void Guardar(string? nombre, MemoryStream contenido)
    {
        var carpeta = Environment.GetEnvironmentVariable("SIPOI_REPORTES_MUESTRAS");
        if (string.IsNullOrWhiteSpace(nombre) || string.IsNullOrWhiteSpace(carpeta)) return;
        Directory.CreateDirectory(carpeta);
        File.WriteAllBytes(Path.Combine(carpeta, nombre), contenido.ToArray());
    }
}
