using Sipoi.Domain.Operativo;

namespace Sipoi.Domain.Informes;

/// <summary>The official document's file kind: the signed PDF, or the edited Word file.</summary>
public enum FormatoDocumentoOficial { Pdf, Docx }

/// <summary>What one embedded signature proves (checked by Sipoi.Interop's FirmasPdf when the file is uploaded).</summary>
public enum EstadoFirma
{
    /// <summary>The signed bytes hash to what the signer signed, and the signature covers the whole file.</summary>
    Valida,
    /// <summary>Intact, but bytes were added after it (an incremental update: another signature, an annotation, an edit).</summary>
    ModificadoDespues,
    /// <summary>The signed bytes do not match the signature: the document was altered, or the signature is forged.</summary>
    IntegridadFallida,
    /// <summary>The signature cannot be checked: no signer certificate, unreadable CMS, a ByteRange outside the file, an unknown subfilter.</summary>
    NoVerificable,
}

/// <summary>
/// The document an office signs and publishes (issue 14, item 4): the final PDF and/or the edited .docx of a
/// published evaluation or of an approved POI version, uploaded by the planning office with the number of the
/// resolution or document that approves it. It never changes the published figures (those stay in the
/// evaluation's frozen files). Uploading another one of the same format supersedes the one in force, which stays
/// listed with the date it was superseded — nothing is silently lost. See src/Sipoi.Web/Informes/README.md.
/// </summary>
public sealed class DocumentoOficial
{
    public const long TamanoMaximo = 20L * 1024 * 1024;
    public const int LargoMaximoNumero = 200;
    public const int LargoMaximoNombre = 120;

    public int Id { get; private set; }
    public int EntidadId { get; private set; }
    /// <summary>The published evaluation it belongs to, or null when it is a POI version's.</summary>
    public int? EvaluacionId { get; private set; }
    /// <summary>The evaluation's publication number when it was uploaded (<see cref="EvaluacionPoi.Publicacion"/>).</summary>
    public int? PublicacionEvaluacion { get; private set; }
    /// <summary>The approved POI version it belongs to, or null when it is an evaluation's.</summary>
    public int? PoiVersionId { get; private set; }
    public FormatoDocumentoOficial Formato { get; private set; }
    /// <summary>The uploaded file's name, made safe.</summary>
    public string Nombre { get; private set; } = null!;
    public string Mime { get; private set; } = null!;
    public byte[] Contenido { get; private set; } = null!;
    public long Tamano { get; private set; }
    /// <summary>SHA-256 of the file, lower-case hex: the page shows it so a reader can compare a copy.</summary>
    public string Huella { get; private set; } = null!;
    /// <summary>"Resolución de Gerencia General N.º 045-2024-EMSAPUNO/GG".</summary>
    public string NumeroDocumento { get; private set; } = null!;
    public string SubidoPor { get; private set; } = null!;
    public DateTimeOffset SubidoEn { get; private set; }
    /// <summary>When a later upload of the same format superseded it (null: in force).</summary>
    public DateTimeOffset? ReemplazadoEn { get; private set; }
    public string? ReemplazadoPor { get; private set; }
    /// <summary>The signatures found in the PDF at upload, in signing order (empty: unsigned, or a .docx).</summary>
    public List<FirmaDocumento> Firmas { get; private set; } = [];

    private DocumentoOficial() { }

    private DocumentoOficial(int entidadId, FormatoDocumentoOficial formato, string nombre, byte[] contenido, string huella,
        string? numeroDocumento, string usuario, DateTimeOffset ahora, IReadOnlyList<FirmaDocumento> firmas)
    {
        if (contenido.Length == 0) throw new ReglaDominioException($"El archivo «{nombre}» está vacío.");
        if (contenido.LongLength > TamanoMaximo)
            throw new ReglaDominioException($"El archivo «{nombre}» supera {TamanoMaximo / (1024 * 1024)} MB, el máximo para un documento oficial.");
        if (formato == FormatoDocumentoOficial.Docx && firmas.Count > 0)
            throw new ReglaDominioException("Las firmas se verifican solo en el PDF.");
        EntidadId = entidadId;
        Formato = formato;
        Nombre = Texto.Requerido(nombre, "nombre del archivo");
        if (Nombre.Length > LargoMaximoNombre) Nombre = Nombre[^LargoMaximoNombre..];
        Mime = formato == FormatoDocumentoOficial.Pdf
            ? "application/pdf"
            : "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        Contenido = contenido;
        Tamano = contenido.LongLength;
        Huella = Texto.Requerido(huella, "huella");
        if (string.IsNullOrWhiteSpace(numeroDocumento))
            throw new ReglaDominioException("Indique el número de la resolución o documento que aprueba el documento oficial.");
        NumeroDocumento = numeroDocumento.Trim();
        if (NumeroDocumento.Length > LargoMaximoNumero)
            throw new ReglaDominioException($"El número de la resolución o documento admite hasta {LargoMaximoNumero} caracteres.");
        SubidoPor = Texto.Requerido(usuario, "usuario");
        SubidoEn = ahora;
        var n = 0;
        foreach (var f in firmas) f.Numero = ++n;
        Firmas.AddRange(firmas);
    }

    /// <summary>The official document of a published evaluation (its publication in force, or one being republished).</summary>
    public static DocumentoOficial DeEvaluacion(EvaluacionPoi evaluacion, FormatoDocumentoOficial formato, string nombre, byte[] contenido,
        string huella, string? numeroDocumento, string usuario, DateTimeOffset ahora, IReadOnlyList<FirmaDocumento> firmas)
    {
        if (!evaluacion.Publicada)
            throw new ReglaDominioException($"La {evaluacion.NombreEnFrase} aún no está publicada: publíquela antes de subir su documento oficial firmado.");
        return new DocumentoOficial(evaluacion.EntidadId, formato, nombre, contenido, huella, numeroDocumento, usuario, ahora, firmas)
        {
            EvaluacionId = evaluacion.Id,
            PublicacionEvaluacion = evaluacion.Publicacion,
        };
    }

    /// <summary>The official document of an approved POI version (the POI book approved by resolution).</summary>
    public static DocumentoOficial DePoi(PoiVersion version, int anio, FormatoDocumentoOficial formato, string nombre, byte[] contenido,
        string huella, string? numeroDocumento, string usuario, DateTimeOffset ahora, IReadOnlyList<FirmaDocumento> firmas)
    {
        if (version.Estado != EstadoVersionPoi.Aprobada)
            throw new ReglaDominioException($"La versión {version.Etiqueta} del POI {anio} no está aprobada: su documento oficial se sube después de aprobarla.");
        return new DocumentoOficial(version.EntidadId, formato, nombre, contenido, huella, numeroDocumento,
            usuario, ahora, firmas)
        {
            PoiVersionId = version.Id,
        };
    }

    public bool Vigente => ReemplazadoEn is null;

    /// <summary>
    /// Puts <paramref name="nuevo"/> in force: the document of the same format in force among <paramref name="existentes"/>
    /// (same evaluation or POI version) is marked superseded, and stays stored and listed.
    /// </summary>
    public static void Reemplazar(IEnumerable<DocumentoOficial> existentes, DocumentoOficial nuevo)
    {
        foreach (var d in existentes)
            if (d.Vigente && d.Formato == nuevo.Formato && d.EvaluacionId == nuevo.EvaluacionId && d.PoiVersionId == nuevo.PoiVersionId && d != nuevo)
            {
                d.ReemplazadoEn = nuevo.SubidoEn;
                d.ReemplazadoPor = nuevo.SubidoPor;
            }
    }

    /// <summary>"Sin firma digital", or the worst state of the signatures in words (the page never relies on colour alone).</summary>
    public string ResumenFirmas => Formato == FormatoDocumentoOficial.Docx
        ? "Documento Word editable (las firmas se verifican en el PDF)"
        : FirmaDocumento.Resumen(Firmas.Select(f => f.Estado).ToList());
}

/// <summary>One signature of an official PDF as checked at upload: signer, signing time, integrity and chain apart.</summary>
public sealed class FirmaDocumento
{
    public const int LargoMaximoTexto = 300;

    public int Id { get; private set; }
    public int EntidadId { get; private set; }
    public int DocumentoOficialId { get; private set; }
    /// <summary>1 the first signature in the file (the first to sign).</summary>
    public int Numero { get; internal set; }
    public EstadoFirma Estado { get; private set; }
    public string? Firmante { get; private set; }
    public string? Organizacion { get; private set; }
    public DateTimeOffset? FechaFirma { get; private set; }
    /// <summary>The date is the signed attribute signingTime (true) or only the dictionary's /M (claimed, not signed).</summary>
    public bool FechaDeAtributo { get; private set; }
    public bool CadenaVerificada { get; private set; }
    public bool CubreTodoElArchivo { get; private set; }
    public string Subfiltro { get; private set; } = null!;
    public string? Detalle { get; private set; }

    private FirmaDocumento() { }

    public FirmaDocumento(int entidadId, EstadoFirma estado, string? firmante, string? organizacion, DateTimeOffset? fechaFirma,
        bool fechaDeAtributo, bool cadenaVerificada, bool cubreTodoElArchivo, string subfiltro, string? detalle)
    {
        EntidadId = entidadId;
        Estado = estado;
        Firmante = Recortar(firmante);
        Organizacion = Recortar(organizacion);
        FechaFirma = fechaFirma;
        FechaDeAtributo = fechaDeAtributo;
        CadenaVerificada = cadenaVerificada;
        CubreTodoElArchivo = cubreTodoElArchivo;
        Subfiltro = Recortar(subfiltro) ?? "";
        Detalle = Recortar(detalle);
    }

    private static string? Recortar(string? s) =>
        string.IsNullOrWhiteSpace(s) ? null : s.Trim() is var t && t.Length > LargoMaximoTexto ? t[..LargoMaximoTexto] : s.Trim();

    public string EstadoEnPalabras => Palabras(Estado, Detalle);

    public string CadenaEnPalabras => PalabrasCadena(CadenaVerificada);

    public static string Palabras(EstadoFirma estado, string? detalle) => estado switch
    {
        EstadoFirma.Valida => "Firma válida: el documento no cambió desde que se firmó",
        EstadoFirma.ModificadoDespues => "Firmado; modificado después de firmar (se añadió contenido después de esta firma)",
        EstadoFirma.IntegridadFallida => "Firma no válida: el contenido firmado fue alterado",
        _ => "Firma no verificable" + (detalle is null ? "" : ": " + detalle),
    };

    public static string PalabrasCadena(bool verificada) => verificada
        ? "Cadena de certificación verificada"
        : "Cadena no verificada (la raíz del certificado no es de confianza en este servidor)";

    /// <summary>One line for a document: "Sin firma digital", or the worst state among its signatures.</summary>
    public static string Resumen(IReadOnlyList<EstadoFirma> estados)
    {
        if (estados.Count == 0) return "Sin firma digital";
        if (estados.Contains(EstadoFirma.IntegridadFallida)) return "Firma no válida: el documento fue alterado después de firmarse";
        if (estados.Contains(EstadoFirma.NoVerificable)) return "Tiene firmas que no se pudieron verificar";
        return estados[^1] == EstadoFirma.Valida
            ? (estados.Count == 1 ? "Firmado digitalmente; firma válida" : $"Firmado digitalmente; {estados.Count} firmas válidas")
            : "Firmado; modificado después de firmar";
    }
}
