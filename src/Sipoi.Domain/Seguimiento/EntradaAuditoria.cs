using System.Globalization;

namespace Sipoi.Domain.Seguimiento;

/// <summary>
/// What was done to a row. Alta/Cambio/Baja/Importacion are the web layer's generic codes
/// (Sipoi.Web.Auditoria); the workflow actions have their own so the trail reads as the office speaks.
/// </summary>
public enum AccionAuditada { Alta, Cambio, Baja, Importacion, Envio, Observacion, Aprobacion, Reapertura, Validacion }

public static class AccionAuditadaTexto
{
    /// <summary>The code stored in registro_auditoria.accion: "alta", "cambio", "envio", …</summary>
    public static string Codigo(this AccionAuditada a) => Enum.IsDefined(a)
        ? a.ToString().ToLowerInvariant()
        : throw new ArgumentOutOfRangeException(nameof(a));
}

/// <summary>
/// One line of the append-only audit trail: who changed which field of which row, from what to what.
/// Values are text, written with <see cref="Valor"/> so every writer formats them the same way.
/// The constructor validates; nothing else happens here.
/// </summary>
public sealed record EntradaAuditoria
{
    public const int LargoMaximoUsuario = 256;
    /// <summary>Table and column names are PostgreSQL identifiers: 63 characters at most.</summary>
    public const int LargoMaximoTabla = 63;
    public const int LargoMaximoClave = 200;
    public const int LargoMaximoCampo = 63;

    public long Id { get; private set; }
    /// <summary>The entity the row belongs to; null for rows of no entity (roles, users without one).</summary>
    public int? EntidadId { get; private set; }
    public string Usuario { get; private set; } = null!;
    public DateTimeOffset Momento { get; private set; }
    /// <summary>The table (or domain entity) changed, e.g. "avance_mensual".</summary>
    public string Tabla { get; private set; } = null!;
    /// <summary>The row's key as text, e.g. "4711" or "centro=12;mes=1".</summary>
    public string Clave { get; private set; } = null!;
    /// <summary>The column changed; null for an action on the whole row (alta, envío, aprobación …).</summary>
    public string? Campo { get; private set; }
    public string? ValorAnterior { get; private set; }
    public string? ValorNuevo { get; private set; }
    public AccionAuditada Accion { get; private set; }

    private EntradaAuditoria() { }

    public EntradaAuditoria(int? entidadId, string usuario, DateTimeOffset momento, string tabla, string clave,
        string? campo, string? valorAnterior, string? valorNuevo, AccionAuditada accion)
    {
        if (!Enum.IsDefined(accion)) throw new ReglaDominioException($"Acción de auditoría no válida: {accion}.");
        EntidadId = entidadId;
        Usuario = Requerido(usuario, "usuario", LargoMaximoUsuario);
        Momento = momento;
        Tabla = Requerido(tabla, "tabla", LargoMaximoTabla);
        Clave = Requerido(clave, "clave", LargoMaximoClave);
        Campo = string.IsNullOrWhiteSpace(campo) ? null : Requerido(campo, "campo", LargoMaximoCampo);
        ValorAnterior = valorAnterior;
        ValorNuevo = valorNuevo;
        Accion = accion;
        if (accion == AccionAuditada.Cambio)
        {
            if (Campo is null) throw new ReglaDominioException("Un cambio auditado debe indicar el campo.");
            if (valorAnterior == valorNuevo) throw new ReglaDominioException($"El campo {Campo} no cambió; no hay nada que auditar.");
        }
        if (accion == AccionAuditada.Alta && valorAnterior is not null)
            throw new ReglaDominioException("Un alta no tiene valor anterior.");
        if (accion == AccionAuditada.Baja && valorNuevo is not null)
            throw new ReglaDominioException("Una baja no tiene valor nuevo.");
    }

    /// <summary>A value as the trail stores it: invariant culture, dates ISO 8601, null stays null.</summary>
    /// <summary>
    /// The one way every audit writer formats a value: culture-free, 12.5 (not a column's 12.5000),
    /// true/false, dates as ISO 8601.
    /// </summary>
    public static string? Valor(object? valor) => valor switch
    {
        null => null,
        string s => s,
        decimal d => d.ToString("0.############################", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToString("O", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        Enum e => e.ToString(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => valor.ToString(),
    };

    private static string Requerido(string? valor, string campo, int largo)
    {
        if (string.IsNullOrWhiteSpace(valor)) throw new ReglaDominioException($"La entrada de auditoría requiere {campo}.");
        var v = valor.Trim();
        return v.Length <= largo ? v : throw new ReglaDominioException($"El {campo} de la auditoría no puede pasar de {largo} caracteres.");
    }
}
