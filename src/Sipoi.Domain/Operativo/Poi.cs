namespace Sipoi.Domain.Operativo;

public enum TipoVersionPoi { Multianual, Anual, Modificado }

public enum EstadoVersionPoi { Borrador, Aprobada }

/// <summary>The POI of one entity and year. Its programming lives in versions; execution belongs to the year.</summary>
public sealed class Poi
{
    public int Id { get; private set; }
    public int EntidadId { get; private set; }
    public int Anio { get; private set; }
    public int PeiId { get; private set; }
    public List<PoiVersion> Versiones { get; private set; } = [];

    private Poi() { }

    public Poi(int entidadId, int anio, int peiId)
    {
        if (anio is < 2000 or > 2100) throw new ReglaDominioException($"Año de POI no válido: {anio}.");
        EntidadId = entidadId;
        Anio = anio;
        PeiId = peiId;
    }

    /// <summary>The version evaluation uses: the latest approved one, or else the latest draft.</summary>
    public PoiVersion? VersionVigente =>
        Versiones.Where(v => v.Estado == EstadoVersionPoi.Aprobada).MaxBy(v => v.Numero) ?? Versiones.MaxBy(v => v.Numero);

    public PoiVersion AgregarVersion(TipoVersionPoi tipo, string etiqueta, string? motivo = null)
    {
        var numero = Versiones.Count == 0 ? 1 : Versiones.Max(v => v.Numero) + 1;
        if (tipo == TipoVersionPoi.Modificado && string.IsNullOrWhiteSpace(motivo))
            throw new ReglaDominioException("Un POI modificado requiere el motivo de la modificación.");
        var version = new PoiVersion(EntidadId, numero, tipo, etiqueta, motivo);
        Versiones.Add(version);
        return version;
    }
}

/// <summary>One version of a POI: multianual, anual consistenciado, modificado v2, v3, …</summary>
public sealed class PoiVersion
{
    public int Id { get; private set; }
    public int EntidadId { get; private set; }
    public int PoiId { get; private set; }
    public int Numero { get; private set; }
    public TipoVersionPoi Tipo { get; private set; }
    public string Etiqueta { get; private set; } = null!;
    public string? Motivo { get; private set; }
    public EstadoVersionPoi Estado { get; private set; }
    public string? DocumentoAprobacion { get; private set; }
    public DateOnly? FechaAprobacion { get; private set; }

    private PoiVersion() { }

    internal PoiVersion(int entidadId, int numero, TipoVersionPoi tipo, string etiqueta, string? motivo)
    {
        EntidadId = entidadId;
        Numero = numero;
        Tipo = tipo;
        Etiqueta = Texto.Requerido(etiqueta, nameof(etiqueta));
        Motivo = motivo;
        Estado = EstadoVersionPoi.Borrador;
    }

    /// <summary>Approval needs the approving resolution and its date (e.g. RGG N.º 114-2023-EMSAPUNO/GG, 28/12/2023).</summary>
    public void Aprobar(string documento, DateOnly fecha)
    {
        if (Estado == EstadoVersionPoi.Aprobada) throw new ReglaDominioException($"La versión {Etiqueta} ya está aprobada.");
        DocumentoAprobacion = Texto.Requerido(documento, "documento de aprobación");
        FechaAprobacion = fecha;
        Estado = EstadoVersionPoi.Aprobada;
    }
}
