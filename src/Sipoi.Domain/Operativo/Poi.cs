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

    /// <summary>An import hangs the year from the PEI its file names; the year's activities and progress stay.</summary>
    public void ReasignarPei(int peiId) => PeiId = peiId;

    /// <summary>The version evaluation uses: the latest approved one, or else the latest draft.</summary>
    public PoiVersion? VersionVigente =>
        Versiones.Where(v => v.Estado == EstadoVersionPoi.Aprobada).MaxBy(v => v.Numero) ?? Versiones.MaxBy(v => v.Numero);

    /// <summary>The version being drafted (at most one at a time); null when every version is approved.</summary>
    public PoiVersion? VersionEnBorrador => Versiones.Where(v => v.Estado == EstadoVersionPoi.Borrador).MaxBy(v => v.Numero);

    /// <summary>
    /// Opens a new version to draft (Formulacion/README.md): one draft at a time; a POI Modificado
    /// needs an approved version to modify and a reason. Labels follow the offices: "POI Multianual
    /// 2025-2027", "POI Anual 2025", "POI Modificado v2", v3 … (the Anual being v1).
    /// </summary>
    public PoiVersion AbrirVersion(TipoVersionPoi tipo, string? motivo)
    {
        if (VersionEnBorrador is { } b)
            throw new ReglaDominioException($"Ya hay una versión en borrador ({b.Etiqueta}); apruébela antes de abrir otra.");
        if (tipo == TipoVersionPoi.Modificado && Versiones.All(v => v.Estado != EstadoVersionPoi.Aprobada))
            throw new ReglaDominioException("Un POI modificado parte de una versión aprobada, y este POI aún no tiene ninguna.");
        if (tipo == TipoVersionPoi.Multianual && Versiones.Any(v => v.Tipo != TipoVersionPoi.Multianual))
            throw new ReglaDominioException("El POI Multianual se formula antes del POI Anual; este POI ya tiene una versión anual o modificada.");
        var etiqueta = tipo switch
        {
            TipoVersionPoi.Multianual => $"POI Multianual {Anio}-{Anio + 2}",
            TipoVersionPoi.Anual => $"POI Anual {Anio}",
            _ => $"POI Modificado v{Versiones.Count(v => v.Tipo == TipoVersionPoi.Modificado) + 2}",
        };
        return AgregarVersion(tipo, etiqueta, string.IsNullOrWhiteSpace(motivo) ? null : motivo.Trim());
    }

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
        Etiqueta = Texto.Requerido(etiqueta, "versión");
        Motivo = Texto.Opcional(motivo, "motivo", ClaseTexto.TextoLargo);
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
