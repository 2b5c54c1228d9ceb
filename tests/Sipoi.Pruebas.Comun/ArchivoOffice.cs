using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace Sipoi.Pruebas.Comun;

/// <summary>Writes an Office file to memory (keeping a sample when asked), re-opens it and validates it.</summary>
public abstract class ArchivoOffice<TDocumento> : IDisposable where TDocumento : OpenXmlPackage
{
    private readonly MemoryStream _ms;
    public TDocumento Doc { get; }

    protected ArchivoOffice(Action<Stream> escribir, string? muestra, Func<Stream, TDocumento> abrir)
    {
        _ms = new MemoryStream();
        escribir(_ms);
        Muestras.Guardar(muestra, _ms);
        _ms.Position = 0;
        Doc = abrir(_ms);
    }

    public void Dispose()
    {
        Doc.Dispose();
        _ms.Dispose();
        GC.SuppressFinalize(this);
    }

    public IReadOnlyList<string> Errores(FileFormatVersions version = FileFormatVersions.Office2010) =>
        new OpenXmlValidator(version).Validate(Doc)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
}
