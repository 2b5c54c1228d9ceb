namespace Sipoi.Web.PlanesGobierno;

/// <summary>
/// One evidence file of a plan target's semester value, stored in the database like the monthly evidence
/// (<see cref="Seguimiento.ArchivoEvidencia"/>) and the PEI indicators' (<see cref="Peis.EvidenciaIndicador"/>): same
/// accepted types, size limit and content check (<see cref="Sipoi.Interop.Archivos.ContenidoEvidencia.Validar"/>) before it gets here.
/// </summary>
public sealed class EvidenciaMetaPlan
{
    public long Id { get; private set; }
    public int EntidadId { get; private set; }
    public int ValorMetaPlanId { get; private set; }
    public string Nombre { get; private set; } = null!;
    public TipoEvidencia Tipo { get; private set; }
    public long Tamano { get; private set; }
    public byte[] Contenido { get; private set; } = null!;
    public string SubidoPor { get; private set; } = null!;
    public DateTimeOffset SubidoEn { get; private set; }

    private EvidenciaMetaPlan() { }

    public EvidenciaMetaPlan(ValorMetaPlan valor, string nombre, TipoEvidencia tipo, byte[] contenido, string subidoPor, DateTimeOffset subidoEn)
    {
        if (contenido.Length == 0) throw new ReglaDominioException("El archivo está vacío.");
        EntidadId = valor.EntidadId;
        Valor = valor;
        Nombre = nombre;
        Tipo = tipo;
        Tamano = contenido.Length;
        Contenido = contenido;
        SubidoPor = subidoPor;
        SubidoEn = subidoEn;
    }

    /// <summary>The value it supports; set when created with a value not saved yet, so both go in one SaveChanges.</summary>
    public ValorMetaPlan? Valor { get; private set; }

    public string Mime => Tipo.Mime();
}
