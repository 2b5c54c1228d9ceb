namespace Sipoi.Domain.Estrategia;

public enum NivelPlanGobierno { Dimension, Problema, Objetivo, Intervencion, Meta }

/// <summary>A territorial plan the PEI aligns to: a mayor's Plan de Gobierno or a PDLC.</summary>
public sealed class PlanGobierno
{
    public int Id { get; private set; }
    public int EntidadId { get; private set; }
    public string Nombre { get; private set; } = null!;
    public string Tipo { get; private set; } = null!;
    public int Inicio { get; private set; }
    public int Fin { get; private set; }
    public List<ElementoPlanGobierno> Elementos { get; private set; } = [];

    private PlanGobierno() { }

    public PlanGobierno(int entidadId, string nombre, string tipo, int inicio, int fin)
    {
        if (fin < inicio) throw new ReglaDominioException("El plan termina antes de empezar.");
        EntidadId = entidadId;
        Nombre = Texto.Requerido(nombre, nameof(nombre));
        Tipo = Texto.Requerido(tipo, nameof(tipo));
        Inicio = inicio;
        Fin = fin;
    }
}

/// <summary>
/// One node of the plan's chain dimensión → problema → objetivo → programa/proyecto/actividad → meta.
/// </summary>
public sealed class ElementoPlanGobierno
{
    public int Id { get; private set; }
    public int EntidadId { get; private set; }
    public int PlanGobiernoId { get; private set; }
    public int? PadreId { get; private set; }
    public NivelPlanGobierno Nivel { get; private set; }
    public string? Codigo { get; private set; }
    public string Descripcion { get; private set; } = null!;
    /// <summary>For an intervention: programa, proyecto or actividad.</summary>
    public string? TipoIntervencion { get; private set; }
    public decimal? MetaValor { get; private set; }
    public string? MetaUnidad { get; private set; }
    public List<AlineamientoPlanGobierno> Alineamientos { get; private set; } = [];

    private ElementoPlanGobierno() { }

    public ElementoPlanGobierno(int entidadId, int planGobiernoId, int? padreId, NivelPlanGobierno nivel, string descripcion,
        string? codigo = null, string? tipoIntervencion = null, decimal? metaValor = null, string? metaUnidad = null)
    {
        EntidadId = entidadId;
        PlanGobiernoId = planGobiernoId;
        PadreId = padreId;
        Nivel = nivel;
        Descripcion = Texto.Requerido(descripcion, nameof(descripcion));
        Codigo = codigo;
        TipoIntervencion = tipoIntervencion;
        MetaValor = metaValor;
        MetaUnidad = metaUnidad;
    }
}

/// <summary>Links a plan objective to the OEI or AEI that serve it.</summary>
public sealed class AlineamientoPlanGobierno
{
    public int Id { get; private set; }
    public int EntidadId { get; private set; }
    public int ElementoPlanGobiernoId { get; private set; }
    public int? OeiId { get; private set; }
    public int? AeiId { get; private set; }

    private AlineamientoPlanGobierno() { }

    public AlineamientoPlanGobierno(int entidadId, int? oeiId, int? aeiId)
    {
        if (oeiId is null == aeiId is null) throw new ReglaDominioException("Un alineamiento apunta a un OEI o a una AEI, no a ambos.");
        EntidadId = entidadId;
        OeiId = oeiId;
        AeiId = aeiId;
    }
}
