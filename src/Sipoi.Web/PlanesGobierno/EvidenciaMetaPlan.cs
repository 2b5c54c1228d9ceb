using Sipoi.Web.Seguimiento;

namespace Sipoi.Web.PlanesGobierno;

/// <summary>
/// One evidence file of a plan target's semester value, stored in the database like the monthly evidence
/// (<see cref="ArchivoEvidencia"/>, common part in <see cref="ArchivoGuardado"/>) and the PEI indicators' (<see cref="Peis.EvidenciaIndicador"/>): same
/// accepted types, size limit and content check (<see cref="Sipoi.Interop.Archivos.ContenidoEvidencia.Validar"/>) before it gets here.
/// </summary>
public sealed class EvidenciaMetaPlan : ArchivoGuardado
{
    public int ValorMetaPlanId { get; private set; }

    private EvidenciaMetaPlan() { }

    public EvidenciaMetaPlan(ValorMetaPlan valor, string nombre, TipoEvidencia tipo, byte[] contenido, string subidoPor, DateTimeOffset subidoEn)
        : base(valor.EntidadId, nombre, tipo, contenido, subidoPor, subidoEn) => Valor = valor;

    /// <summary>The value it supports; set when created with a value not saved yet, so both go in one SaveChanges.</summary>
    public ValorMetaPlan? Valor { get; private set; }
}
