using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Sipoi.Interop.Archivos;
using Sipoi.Web.Data;

namespace Sipoi.Web.Informes;

/// <summary>
/// The signed official documents (issue 14, item 4): upload for a published evaluation or an approved POI version —
/// a real PDF or .docx by content, at most <see cref="DocumentoOficial.TamanoMaximo"/>, the PDF's signatures verified
/// (<see cref="FirmasPdf"/>) — and the lists the evaluation, POI and public pages show. Uploading supersedes the
/// document of the same format in force, which stays listed. The published figures and frozen files never change.
/// </summary>
public static class DocumentosOficiales
{
    /// <summary>One document as the pages list it (without its bytes), with its signatures in signing order.</summary>
    public sealed record Listado(int Id, FormatoDocumentoOficial Formato, string Nombre, long Tamano, string Huella, string NumeroDocumento,
        string SubidoPor, DateTimeOffset SubidoEn, DateTimeOffset? ReemplazadoEn, int? PublicacionEvaluacion, int? EvaluacionId,
        int? PoiVersionId, IReadOnlyList<FirmaDocumento> Firmas)
    {
        public bool Vigente => ReemplazadoEn is null;

        public string ResumenFirmas => Formato == FormatoDocumentoOficial.Docx
            ? "Documento Word editable (las firmas se verifican en el PDF)"
            : FirmaDocumento.Resumen(Firmas.Select(f => f.Estado).ToList());

        public string Descripcion => Formato == FormatoDocumentoOficial.Pdf ? "Documento oficial firmado (PDF)" : "Documento oficial editable (Word)";
    }

    /// <summary>What an upload brings: the name the browser sent and the bytes (read only when within the limit).</summary>
    public sealed record Recibido(string Nombre, byte[] Contenido);

    /// <summary>Reads the uploaded file, refusing a missing or too large one before reading it.</summary>
    public static async Task<Recibido> RecibirAsync(IFormFile? archivo, CancellationToken ct)
    {
        if (archivo is null || archivo.Length == 0)
            throw new ReglaDominioException("Elija el archivo del documento oficial: el PDF firmado o el Word (.docx).");
        if (archivo.Length > DocumentoOficial.TamanoMaximo)
            throw new ReglaDominioException(
                $"El archivo «{Evidencia.SanearNombre(archivo.FileName)}» supera {DocumentoOficial.TamanoMaximo / (1024 * 1024)} MB, el máximo para un documento oficial.");
        using var m = new MemoryStream((int)archivo.Length);
        await archivo.CopyToAsync(m, ct);
        return new Recibido(archivo.FileName, m.ToArray());
    }

    /// <summary>
    /// The format by name and content (a real PDF or Word document, never by extension alone), the safe name, the
    /// SHA-256 and, for a PDF, its signatures. Refuses anything else with a Spanish message naming the file.
    /// </summary>
    public static (FormatoDocumentoOficial Formato, string Nombre, string Huella, List<FirmaDocumento> Firmas) Examinar(int entidadId, Recibido r)
    {
        var nombre = Evidencia.SanearNombre(r.Nombre);
        var extension = Path.GetExtension(nombre).ToLowerInvariant();
        if (extension is not (".pdf" or ".docx"))
            throw new ReglaDominioException($"El documento oficial debe ser un PDF o un Word (.docx): «{nombre}» no se aceptó.");
        var v = ContenidoEvidencia.Validar(nombre, r.Contenido, r.Contenido.LongLength, DocumentoOficial.TamanoMaximo);
        if (!v.Valido) throw new ReglaDominioException(v.Error!);
        var formato = v.Tipo == TipoEvidencia.Pdf ? FormatoDocumentoOficial.Pdf : FormatoDocumentoOficial.Docx;
        var huella = Convert.ToHexStringLower(SHA256.HashData(r.Contenido));
        var firmas = formato == FormatoDocumentoOficial.Pdf
            ? FirmasPdf.Verificar(r.Contenido).Firmas
                .Select(f => new FirmaDocumento(entidadId, f.Estado, f.Firmante, f.Organizacion, f.FechaFirma, f.FechaDeAtributo,
                    f.CadenaVerificada, f.CubreTodoElArchivo, f.Subfiltro, f.Detalle)).ToList()
            : [];
        return (formato, v.NombreSeguro, huella, firmas);
    }

    /// <summary>Uploads the official document of a published evaluation; supersedes the one of the same format in force.</summary>
    public static async Task<DocumentoOficial> SubirDeEvaluacionAsync(SipoiDbContext db, EvaluacionPoi evaluacion, Recibido recibido,
        string? numeroDocumento, string usuario, DateTimeOffset ahora, CancellationToken ct)
    {
        var (formato, nombre, huella, firmas) = Examinar(evaluacion.EntidadId, recibido);
        var nuevo = DocumentoOficial.DeEvaluacion(evaluacion, formato, nombre, recibido.Contenido, huella, numeroDocumento,
            usuario, ahora, firmas);
        var existentes = await db.DocumentosOficiales.Where(d => d.EvaluacionId == evaluacion.Id && d.ReemplazadoEn == null).ToListAsync(ct);
        return await GuardarAsync(db, existentes, nuevo, ct);
    }

    /// <summary>Uploads the official document of an approved POI version; supersedes the one of the same format in force.</summary>
    public static async Task<DocumentoOficial> SubirDePoiAsync(SipoiDbContext db, PoiVersion version, int anio, Recibido recibido,
        string? numeroDocumento, string usuario, DateTimeOffset ahora, CancellationToken ct)
    {
        var (formato, nombre, huella, firmas) = Examinar(version.EntidadId, recibido);
        var nuevo = DocumentoOficial.DePoi(version, anio, formato, nombre, recibido.Contenido, huella, numeroDocumento, usuario, ahora, firmas);
        var existentes = await db.DocumentosOficiales.Where(d => d.PoiVersionId == version.Id && d.ReemplazadoEn == null).ToListAsync(ct);
        return await GuardarAsync(db, existentes, nuevo, ct);
    }

    /// <summary>The superseding and the new row in one SaveChanges: both or neither (the interceptor audits both).</summary>
    private static async Task<DocumentoOficial> GuardarAsync(SipoiDbContext db, List<DocumentoOficial> existentes, DocumentoOficial nuevo, CancellationToken ct)
    {
        DocumentoOficial.Reemplazar(existentes, nuevo);
        db.DocumentosOficiales.Add(nuevo);
        await db.SaveChangesAsync(ct);
        return nuevo;
    }

    /// <summary>Every official document (in force and superseded) of the entity's given evaluations and POI versions, newest first.</summary>
    public static async Task<List<Listado>> ListarAsync(SipoiDbContext db, int entidadId, IReadOnlyCollection<int> evaluaciones,
        IReadOnlyCollection<int> versiones, CancellationToken ct)
    {
        var filas = await db.DocumentosOficiales.AsNoTracking()
            .Where(d => d.EntidadId == entidadId && ((d.EvaluacionId != null && evaluaciones.Contains(d.EvaluacionId.Value))
                                                     || (d.PoiVersionId != null && versiones.Contains(d.PoiVersionId.Value))))
            .OrderByDescending(d => d.SubidoEn).ThenByDescending(d => d.Id)
            .Select(d => new
            {
                d.Id,
                d.Formato,
                d.Nombre,
                d.Tamano,
                d.Huella,
                d.NumeroDocumento,
                d.SubidoPor,
                d.SubidoEn,
                d.ReemplazadoEn,
                d.PublicacionEvaluacion,
                d.EvaluacionId,
                d.PoiVersionId,
                d.Firmas,
            }).ToListAsync(ct);
        return filas.Select(d => new Listado(d.Id, d.Formato, d.Nombre, d.Tamano, d.Huella, d.NumeroDocumento, d.SubidoPor, d.SubidoEn,
            d.ReemplazadoEn, d.PublicacionEvaluacion, d.EvaluacionId, d.PoiVersionId, d.Firmas.OrderBy(f => f.Numero).ToList())).ToList();
    }

    /// <summary>One document's bytes for download, of the given entity only.</summary>
    public static Task<DocumentoOficial?> BuscarAsync(SipoiDbContext db, int entidadId, int id, CancellationToken ct) =>
        db.DocumentosOficiales.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id && d.EntidadId == entidadId, ct);

    /// <summary>"POI-2024-EMSAPUNO-evaluacion-S1-oficial-informe-firmado.pdf" / "POI-2024-EMSAPUNO-v2-oficial-poi.pdf".</summary>
    public static string NombreDescarga(string entidad, int anio, string clave, string nombre) =>
        $"POI-{anio}-{Sipoi.Web.Reportes.SolicitudReporte.ParaArchivo(entidad)}-{clave}-oficial-{nombre}";
}
