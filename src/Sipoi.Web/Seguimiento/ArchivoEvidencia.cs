
namespace Sipoi.Web.Seguimiento;

/// <summary>
/// One evidence file of an activity's month, stored in the database (bytea, the common part in <see cref="ArchivoGuardado"/>): it commits and backs up
/// with the values it supports, and needs no shared folder between app servers. The bytes arrive
/// already checked by <see cref="Sipoi.Interop.Archivos.ContenidoEvidencia.Validar"/>; this only keeps them.
/// </summary>
public sealed class ArchivoEvidencia : ArchivoGuardado
{
    public int ActividadId { get; private set; }
    public int Mes { get; private set; }

    private ArchivoEvidencia() { }

    public ArchivoEvidencia(int entidadId, int actividadId, int mes, string nombre, TipoEvidencia tipo, byte[] contenido,
        string subidoPor, DateTimeOffset subidoEn)
        : base(entidadId, nombre, tipo, contenido, subidoPor, subidoEn)
    {
        if (mes is < 1 or > 12) throw new ReglaDominioException($"Mes no válido: {mes}.");
        ActividadId = actividadId;
        Mes = mes;
    }

    /// <summary>"acta.pdf" → "acta (2).pdf" while the name is taken in the activity's month.</summary>
    public static string NombreLibre(string nombre, IReadOnlyCollection<string> ocupados)
    {
        if (!ocupados.Contains(nombre, StringComparer.OrdinalIgnoreCase)) return nombre;
        var punto = nombre.LastIndexOf('.');
        var (raiz, ext) = punto > 0 ? (nombre[..punto], nombre[punto..]) : (nombre, "");
        for (var n = 2; ; n++)
        {
            var sufijo = $" ({n})";
            var recorte = Math.Min(raiz.Length, Evidencia.LargoMaximoNombre - ext.Length - sufijo.Length);
            var candidato = raiz[..recorte] + sufijo + ext;
            if (!ocupados.Contains(candidato, StringComparer.OrdinalIgnoreCase)) return candidato;
        }
    }
}
