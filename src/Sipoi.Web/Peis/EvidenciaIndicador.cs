using Sipoi.Web.Seguimiento;

namespace Sipoi.Web.Peis;

/// <summary>
/// One evidence file of an indicator's obtained value (a year or a semester), stored in the database like the monthly
/// evidence (<see cref="ArchivoEvidencia"/>, common part in <see cref="ArchivoGuardado"/>): same accepted types, size limit and content check
/// (<see cref="Sipoi.Interop.Archivos.ContenidoEvidencia.Validar"/>) before it gets here.
/// </summary>
public sealed class EvidenciaIndicador : ArchivoGuardado
{
    public int ValorIndicadorId { get; private set; }

    private EvidenciaIndicador() { }

    public EvidenciaIndicador(ValorIndicador valor, string nombre, TipoEvidencia tipo, byte[] contenido, string subidoPor, DateTimeOffset subidoEn)
        : base(valor.EntidadId, nombre, tipo, contenido, subidoPor, subidoEn) => Valor = valor;

    /// <summary>The value it supports; set when created with a value not saved yet, so both go in one SaveChanges.</summary>
    public ValorIndicador? Valor { get; private set; }
}
