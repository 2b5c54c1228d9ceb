namespace Sipoi.Web.Seguimiento;

/// <summary>
/// What every evidence file kept in the database has, whatever value it supports: the monthly evidence
/// (<see cref="ArchivoEvidencia"/>), a PEI indicator's (<see cref="Peis.EvidenciaIndicador"/>) and a government plan
/// target's (<see cref="PlanesGobierno.EvidenciaMetaPlan"/>). Each keeps its own table (evidencia, evidencia_indicador,
/// evidencia_meta_plan); this base is not an EF entity, so its properties map as columns of each table (no schema change).
/// The bytes arrive already checked by <see cref="Sipoi.Interop.Archivos.ContenidoEvidencia.Validar"/>.
/// </summary>
public abstract class ArchivoGuardado
{
    public long Id { get; private set; }
    public int EntidadId { get; protected set; }
    /// <summary>The sanitised name (<see cref="ResultadoEvidencia.NombreSeguro"/>), unique among the files of the value it supports.</summary>
    public string Nombre { get; private set; } = null!;
    public TipoEvidencia Tipo { get; private set; }
    public long Tamano { get; private set; }
    public byte[] Contenido { get; private set; } = null!;
    public string SubidoPor { get; private set; } = null!;
    public DateTimeOffset SubidoEn { get; private set; }

    /// <summary>For EF.</summary>
    protected ArchivoGuardado() { }

    protected ArchivoGuardado(int entidadId, string nombre, TipoEvidencia tipo, byte[] contenido, string subidoPor, DateTimeOffset subidoEn)
    {
        if (contenido.Length == 0) throw new ReglaDominioException("El archivo está vacío.");
        EntidadId = entidadId;
        Nombre = nombre;
        Tipo = tipo;
        Tamano = contenido.Length;
        Contenido = contenido;
        SubidoPor = subidoPor;
        SubidoEn = subidoEn;
    }

    public string Mime => Tipo.Mime();
}
