
namespace Sipoi.Web.Auditoria;

/// <summary>registro_auditoria.accion stores the domain's code ("alta", "envio"…); this reads it back.</summary>
public static class Acciones
{
    public static AccionAuditada DeCodigo(string codigo) => Enum.Parse<AccionAuditada>(codigo, ignoreCase: true);
}
