using System.Globalization;
using System.Text;

namespace Sipoi.Domain.Seguimiento;

/// <summary>The file types accepted as evidence of a month's execution.</summary>
public enum TipoEvidencia { Pdf, Png, Jpeg, Docx, Xlsx, Pptx, Doc, Xls, Ppt, Odt, Ods, Odp }

public static class TipoEvidenciaTexto
{
    public static string Nombre(this TipoEvidencia t) => t switch
    {
        TipoEvidencia.Pdf => "PDF",
        TipoEvidencia.Png => "imagen PNG",
        TipoEvidencia.Jpeg => "imagen JPEG",
        TipoEvidencia.Docx => "documento de Word (DOCX)",
        TipoEvidencia.Xlsx => "hoja de Excel (XLSX)",
        TipoEvidencia.Pptx => "presentación de PowerPoint (PPTX)",
        TipoEvidencia.Doc => "documento de Word 97-2003 (DOC)",
        TipoEvidencia.Xls => "hoja de Excel 97-2003 (XLS)",
        TipoEvidencia.Ppt => "presentación de PowerPoint 97-2003 (PPT)",
        TipoEvidencia.Odt => "documento de texto OpenDocument (ODT)",
        TipoEvidencia.Ods => "hoja de cálculo OpenDocument (ODS)",
        TipoEvidencia.Odp => "presentación OpenDocument (ODP)",
        _ => throw new ArgumentOutOfRangeException(nameof(t)),
    };

    /// <summary>The Content-Type to serve the file with.</summary>
    public static string Mime(this TipoEvidencia t) => t switch
    {
        TipoEvidencia.Pdf => "application/pdf",
        TipoEvidencia.Png => "image/png",
        TipoEvidencia.Jpeg => "image/jpeg",
        TipoEvidencia.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        TipoEvidencia.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        TipoEvidencia.Pptx => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        TipoEvidencia.Doc => "application/msword",
        TipoEvidencia.Xls => "application/vnd.ms-excel",
        TipoEvidencia.Ppt => "application/vnd.ms-powerpoint",
        TipoEvidencia.Odt => "application/vnd.oasis.opendocument.text",
        TipoEvidencia.Ods => "application/vnd.oasis.opendocument.spreadsheet",
        TipoEvidencia.Odp => "application/vnd.oasis.opendocument.presentation",
        _ => throw new ArgumentOutOfRangeException(nameof(t)),
    };
}

/// <summary>The verdict on an uploaded file: its type and safe name, or a message for the user.</summary>
public sealed record ResultadoEvidencia(TipoEvidencia? Tipo, string NombreSeguro, string? Error)
{
    public bool Valido => Error is null;
    public string? Mime => Tipo?.Mime();
}

/// <summary>
/// Which files are accepted as evidence (the types, their names, at most 10 MB) and how their names are made safe;
/// see README.md, "Evidencias". Whether the bytes are what the name claims is Sipoi.Interop's ContenidoEvidencia:
/// reading containers is file handling, not a domain rule.
/// </summary>
public static class Evidencia
{
    public const long LimitePorDefecto = 10L * 1024 * 1024;
    public const int LargoMaximoNombre = 120;

    private static readonly Dictionary<string, TipoEvidencia> PorExtension = new(StringComparer.Ordinal)
    {
        ["pdf"] = TipoEvidencia.Pdf,
        ["png"] = TipoEvidencia.Png,
        ["jpg"] = TipoEvidencia.Jpeg,
        ["jpeg"] = TipoEvidencia.Jpeg,
        ["docx"] = TipoEvidencia.Docx,
        ["xlsx"] = TipoEvidencia.Xlsx,
        ["pptx"] = TipoEvidencia.Pptx,
        ["doc"] = TipoEvidencia.Doc,
        ["xls"] = TipoEvidencia.Xls,
        ["ppt"] = TipoEvidencia.Ppt,
        ["odt"] = TipoEvidencia.Odt,
        ["ods"] = TipoEvidencia.Ods,
        ["odp"] = TipoEvidencia.Odp,
    };

    /// <summary>"PDF, PNG, JPG, …": the list the messages and the upload form show.</summary>
    public static string ExtensionesAceptadas { get; } =
        string.Join(", ", PorExtension.Keys.Select(e => e.ToUpperInvariant()));

    /// <summary>
    /// The domain's rule for an evidence file, before anyone looks at its bytes: an accepted extension, not empty,
    /// within <paramref name="limite"/>. Valid means "admissible as the type its name claims" (<see cref="ResultadoEvidencia.Tipo"/>);
    /// whether the content really is that type is checked by Sipoi.Interop (ContenidoEvidencia), which reads files.
    /// </summary>
    public static ResultadoEvidencia Admitir(string? nombre, long tamano, long limite = LimitePorDefecto)
    {
        if (limite <= 0) throw new ArgumentOutOfRangeException(nameof(limite), limite, "El límite debe ser positivo.");
        var seguro = SanearNombre(nombre);
        var extension = Extension(seguro);
        if (extension.Length == 0)
            return Error(seguro, $"El archivo «{seguro}» no tiene extensión; se aceptan {ExtensionesAceptadas}.");
        if (!PorExtension.TryGetValue(extension, out var esperado))
            return Error(seguro, $"El tipo de archivo «.{extension}» no se acepta como evidencia; se aceptan {ExtensionesAceptadas}.");
        if (tamano <= 0)
            return Error(seguro, $"El archivo «{seguro}» está vacío.");
        if (tamano > limite)
            return Error(seguro, $"El archivo «{seguro}» pesa {Megas(tamano)} y el límite es {Megas(limite)}.");
        return new ResultadoEvidencia(esperado, seguro, null);
    }

    /// <summary>
    /// A name safe to store and to offer for download: last path segment only, no control or
    /// reserved characters, no leading/trailing dots or spaces, not a Windows device name,
    /// lower-case extension, at most <see cref="LargoMaximoNombre"/> characters. Accents stay.
    /// </summary>
    public static string SanearNombre(string? nombre)
    {
        var n = (nombre ?? "").Normalize(NormalizationForm.FormC);
        var corte = n.LastIndexOfAny(['/', '\\']);
        if (corte >= 0) n = n[(corte + 1)..];
        var sb = new StringBuilder(n.Length);
        var espacio = false;
        foreach (var c in n)
        {
            if (char.IsWhiteSpace(c))
            {
                espacio = true;
                continue;
            }
            if (espacio && sb.Length > 0) sb.Append(' ');
            espacio = false;
            sb.Append(char.IsLetterOrDigit(c) || c is '.' or '-' or '_' or '(' or ')' or ',' or '°' or '+' or '&' ? c : '_');
        }
        var limpio = sb.ToString().Trim(' ', '.');
        var punto = limpio.LastIndexOf('.');
        var (base_, extension) = punto > 0
            ? (limpio[..punto].TrimEnd(' ', '.'), limpio[(punto + 1)..].ToLowerInvariant())
            : (limpio, "");
        if (base_.Length == 0) base_ = "evidencia";
        if (EsNombreReservado(base_)) base_ = "_" + base_;
        var sufijo = extension.Length > 0 ? "." + extension : "";
        if (sufijo.Length > 16) sufijo = sufijo[..16];
        var maximo = LargoMaximoNombre - sufijo.Length;
        if (base_.Length > maximo) base_ = base_[..maximo].TrimEnd(' ', '.');
        return base_ + sufijo;
    }

    private static string Extension(string nombre)
    {
        var punto = nombre.LastIndexOf('.');
        return punto > 0 ? nombre[(punto + 1)..].ToLowerInvariant() : "";
    }

    private static bool EsNombreReservado(string base_)
    {
        var b = base_.Split('.')[0].TrimEnd().ToUpperInvariant();
        return b is "CON" or "PRN" or "AUX" or "NUL"
            || (b.Length == 4 && (b.StartsWith("COM", StringComparison.Ordinal) || b.StartsWith("LPT", StringComparison.Ordinal)) && b[3] is >= '1' and <= '9');
    }

    /// <summary>"un PDF", "una hoja de Excel (XLSX)": the type as a message names it.</summary>
    public static string ConArticulo(this TipoEvidencia t) => t switch
    {
        TipoEvidencia.Pdf => "un PDF",
        TipoEvidencia.Png or TipoEvidencia.Jpeg or TipoEvidencia.Xlsx or TipoEvidencia.Xls or TipoEvidencia.Ods
            or TipoEvidencia.Pptx or TipoEvidencia.Ppt or TipoEvidencia.Odp => "una " + t.Nombre(),
        _ => "un " + t.Nombre(),
    };

    private static string Megas(long bytes) =>
        (bytes / (1024m * 1024m)).ToString("#,0.#", CultureInfo.InvariantCulture) + " MB";

    private static ResultadoEvidencia Error(string nombre, string mensaje) => new(null, nombre, mensaje);
}
