using System.Diagnostics.CodeAnalysis;
using Sipoi.Domain;

namespace Sipoi.Interop.Intercambio;

/// <summary>One rule the file breaks: the JSON path (<c>poi.actividades[17].programado</c>) and a Spanish message.</summary>
public sealed record ErrorIntercambio(string Ruta, string Mensaje)
{
    /// <summary>"ruta: mensaje", the form shown to the user (just the message when there is no path).</summary>
    public override string ToString() => Ruta.Length == 0 ? Mensaje : $"{Ruta}: {Mensaje}";
}

/// <summary>Either a valid document or every error found (never both).</summary>
public sealed record ResultadoLectura
{
    public DocumentoIntercambio? Documento { get; }

    /// <summary>
    /// At most <see cref="LectorIntercambio.MaximoErrores"/> errors, followed when there were more by one
    /// entry without path "… y N errores más".
    /// </summary>
    public IReadOnlyList<ErrorIntercambio> Errores { get; }

    /// <summary>How many errors were found in total (including those left out of <see cref="Errores"/>).</summary>
    public int TotalErrores { get; }

    [MemberNotNullWhen(true, nameof(Documento))]
    public bool EsValido => Documento is not null;

    private ResultadoLectura(DocumentoIntercambio? documento, IReadOnlyList<ErrorIntercambio> errores, int total)
    {
        Documento = documento;
        Errores = errores;
        TotalErrores = total;
    }

    internal static ResultadoLectura Valido(DocumentoIntercambio documento) => new(documento, [], 0);

    internal static ResultadoLectura ConErrores(IReadOnlyList<ErrorIntercambio> errores)
    {
        var max = LectorIntercambio.MaximoErrores;
        if (errores.Count <= max) return new(null, errores, errores.Count);
        var recortados = errores.Take(max).Append(new ErrorIntercambio("", $"… y {Plural.Conteo(errores.Count - max, "error", "errores")} más")).ToList();
        return new(null, recortados, errores.Count);
    }
}
