namespace Sipoi.Domain.Formulacion;

/// <summary>Drafting workflow of one cost centre in one POI version: Borrador → Enviado → Aceptado, or Enviado → Observado → Enviado …</summary>
public enum EstadoFormulacion { Borrador, Enviado, Observado, Aceptado }

public static class EstadoFormulacionTexto
{
    public static string Nombre(this EstadoFormulacion e) => e switch
    {
        EstadoFormulacion.Borrador => "Borrador",
        EstadoFormulacion.Enviado => "Enviado",
        EstadoFormulacion.Observado => "Observado",
        EstadoFormulacion.Aceptado => "Aceptado",
        _ => throw new ArgumentOutOfRangeException(nameof(e)),
    };

    public static string Codigo(this EstadoFormulacion e) => e.ToString().ToLowerInvariant();
}

/// <summary>
/// A cost centre's programming in a draft POI version, as the planning office reviews it: the centre
/// drafts (Borrador) and submits (Enviado); the office observes it back with a reason (Observado) or
/// accepts it (Aceptado). Only Borrador and Observado can be edited. The row exists from the centre's
/// first change in the version: a centre that changed nothing keeps what the version copied.
/// </summary>
public sealed class FormulacionCentro
{
    public const int LargoMaximoObservacion = 4000;

    public int Id { get; private set; }
    public int EntidadId { get; private set; }
    public int PoiVersionId { get; private set; }
    public int CentroCostoId { get; private set; }
    public EstadoFormulacion Estado { get; private set; }
    /// <summary>The planning office's last observation; kept after re-submission as the history of the review.</summary>
    public string? Observacion { get; private set; }
    public string? EnviadoPor { get; private set; }
    public DateTimeOffset? EnviadoEn { get; private set; }
    public string? RevisadoPor { get; private set; }
    public DateTimeOffset? RevisadoEn { get; private set; }

    private FormulacionCentro() { }

    public FormulacionCentro(int entidadId, int poiVersionId, int centroCostoId)
    {
        EntidadId = entidadId;
        PoiVersionId = poiVersionId;
        CentroCostoId = centroCostoId;
        Estado = EstadoFormulacion.Borrador;
    }

    public bool Editable => Estado is EstadoFormulacion.Borrador or EstadoFormulacion.Observado;

    /// <summary>Why the centre's programming cannot be changed now; null when it can.</summary>
    public string? MotivoNoEditable(string centro) => Estado switch
    {
        EstadoFormulacion.Enviado => $"La programación del centro de costo {centro} fue enviada y está en revisión; no se puede modificar.",
        EstadoFormulacion.Aceptado => $"La programación del centro de costo {centro} ya fue aceptada por la Oficina de Planeamiento; no se puede modificar.",
        _ => null,
    };

    public void AsegurarEditable(string centro)
    {
        if (MotivoNoEditable(centro) is { } m) throw new ReglaDominioException(m);
    }

    /// <summary>Borrador/Observado → Enviado. A centre submits something: at least one activity, with no problem left.</summary>
    public void Enviar(string centro, int actividades, IReadOnlyCollection<string> problemas, string usuario, DateTimeOffset ahora)
    {
        var quien = Usuario(usuario);
        if (!Editable)
            throw new ReglaDominioException($"No se puede enviar la programación del centro de costo {centro}: está {Estado.Nombre().ToLowerInvariant()}.");
        if (actividades == 0)
            throw new ReglaDominioException($"El centro de costo {centro} no tiene actividades programadas en esta versión; no hay nada que enviar.");
        if (problemas.Count > 0)
            throw new ReglaDominioException($"No se puede enviar la programación del centro de costo {centro}; corrija lo siguiente:\n" +
                string.Join("\n", problemas.Select(p => "- " + p)));
        Estado = EstadoFormulacion.Enviado;
        EnviadoPor = quien;
        EnviadoEn = ahora;
    }

    /// <summary>Enviado → Observado with the planning office's reason (required): back to the centre.</summary>
    public void Observar(string centro, string? motivo, string usuario, DateTimeOffset ahora)
    {
        var quien = Usuario(usuario);
        if (Estado != EstadoFormulacion.Enviado)
            throw new ReglaDominioException($"No se puede observar la programación del centro de costo {centro}: está {Estado.Nombre().ToLowerInvariant()}; solo se observa una enviada.");
        if (string.IsNullOrWhiteSpace(motivo))
            throw new ReglaDominioException($"Para observar la programación del centro de costo {centro} escriba el motivo.");
        var texto = motivo.Trim();
        if (texto.Length > LargoMaximoObservacion)
            throw new ReglaDominioException($"La observación no puede pasar de {LargoMaximoObservacion} caracteres.");
        Estado = EstadoFormulacion.Observado;
        Observacion = texto;
        RevisadoPor = quien;
        RevisadoEn = ahora;
    }

    /// <summary>Enviado → Aceptado: the centre's programming enters the consolidated POI as it is.</summary>
    public void Aceptar(string centro, string usuario, DateTimeOffset ahora)
    {
        var quien = Usuario(usuario);
        if (Estado != EstadoFormulacion.Enviado)
            throw new ReglaDominioException($"No se puede aceptar la programación del centro de costo {centro}: está {Estado.Nombre().ToLowerInvariant()}; solo se acepta una enviada.");
        Estado = EstadoFormulacion.Aceptado;
        RevisadoPor = quien;
        RevisadoEn = ahora;
    }

    private static string Usuario(string? usuario) => string.IsNullOrWhiteSpace(usuario)
        ? throw new ReglaDominioException("La operación debe registrar el usuario que la hace.")
        : usuario.Trim();
}
