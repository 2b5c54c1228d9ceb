namespace Sipoi.Domain.Estrategia;

public enum NivelPlanGobierno { Dimension, Problema, Objetivo, Intervencion, Meta }

/// <summary>A territorial plan the PEI aligns to: a mayor's Plan de Gobierno or a PDLC.</summary>
public sealed partial class PlanGobierno
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
        EntidadId = entidadId;
        Actualizar(nombre, tipo, inicio, fin);
    }

    public void Actualizar(string nombre, string tipo, int inicio, int fin)
    {
        if (fin < inicio) throw new ReglaDominioException("El plan termina antes de empezar.");
        Nombre = Texto.Requerido(nombre, "nombre");
        Tipo = Texto.Requerido(tipo, "tipo");
        Inicio = inicio;
        Fin = fin;
    }

    /// <summary>The levels a node may hang from (null: the root of the chain).</summary>
    public static IReadOnlyList<NivelPlanGobierno?> PadresPermitidos(NivelPlanGobierno nivel) => nivel switch
    {
        NivelPlanGobierno.Dimension => [null],
        NivelPlanGobierno.Problema => [NivelPlanGobierno.Dimension],
        // Some plans state objectives straight under the dimension, without a problem.
        NivelPlanGobierno.Objetivo => [NivelPlanGobierno.Problema, NivelPlanGobierno.Dimension],
        // Programa → proyecto → actividad nest inside each other.
        NivelPlanGobierno.Intervencion => [NivelPlanGobierno.Objetivo, NivelPlanGobierno.Intervencion],
        NivelPlanGobierno.Meta => [NivelPlanGobierno.Objetivo, NivelPlanGobierno.Intervencion],
        _ => throw new ArgumentOutOfRangeException(nameof(nivel)),
    };

    public static IReadOnlyList<string> TiposIntervencion { get; } = ["programa", "proyecto", "actividad"];

    /// <summary>Adds a node under <paramref name="padre"/> (null for a dimension), enforcing the chain's order.</summary>
    public ElementoPlanGobierno AgregarElemento(ElementoPlanGobierno? padre, NivelPlanGobierno nivel, string descripcion, string? codigo = null,
        string? tipoIntervencion = null, decimal? metaValor = null, string? metaUnidad = null)
    {
        if (padre is not null && !Elementos.Contains(padre)) throw new ReglaDominioException("El elemento superior no pertenece a este plan.");
        if (!PadresPermitidos(nivel).Contains(padre?.Nivel))
            throw new ReglaDominioException(padre is null
                ? $"Un elemento de nivel {nivel.Nombre()} debe ir debajo de: {string.Join(" o ", PadresPermitidos(nivel).Select(n => n?.Nombre()))}."
                : $"Un elemento de nivel {nivel.Nombre()} no puede ir debajo de un elemento de nivel {padre.Nivel.Nombre()}.");
        codigo = string.IsNullOrWhiteSpace(codigo) ? null : codigo.Trim();
        if (codigo is not null && Elementos.Any(e => e.Codigo == codigo)) throw new ReglaDominioException($"El código {codigo} ya existe en este plan.");
        if (nivel == NivelPlanGobierno.Intervencion && !TiposIntervencion.Contains(tipoIntervencion ?? ""))
            throw new ReglaDominioException("Indique si la intervención es un programa, un proyecto o una actividad.");
        if (nivel != NivelPlanGobierno.Intervencion) tipoIntervencion = null;
        if (nivel != NivelPlanGobierno.Meta && (metaValor is not null || !string.IsNullOrWhiteSpace(metaUnidad)))
            throw new ReglaDominioException("El valor y la unidad de la meta solo se indican en elementos de nivel Meta.");
        var e = new ElementoPlanGobierno(EntidadId, Id, padre?.Id, nivel, descripcion, codigo, tipoIntervencion, metaValor,
            string.IsNullOrWhiteSpace(metaUnidad) ? null : metaUnidad.Trim());
        Elementos.Add(e);
        return e;
    }

    /// <summary>
    /// Corrects a node: its description, code (unique in the plan), kind of intervention and target value/unit, under the
    /// same rules as <see cref="AgregarElemento"/>. Level and parent stay: moving a node would re-read its children's chain.
    /// </summary>
    public void EditarElemento(ElementoPlanGobierno elemento, string descripcion, string? codigo = null,
        string? tipoIntervencion = null, decimal? metaValor = null, string? metaUnidad = null)
    {
        if (!Elementos.Contains(elemento)) throw new ReglaDominioException("El elemento no pertenece a este plan.");
        codigo = string.IsNullOrWhiteSpace(codigo) ? null : codigo.Trim();
        if (codigo is not null && Elementos.Any(e => e != elemento && e.Codigo == codigo)) throw new ReglaDominioException($"El código {codigo} ya existe en este plan.");
        if (elemento.Nivel == NivelPlanGobierno.Intervencion && !TiposIntervencion.Contains(tipoIntervencion ?? ""))
            throw new ReglaDominioException("Indique si la intervención es un programa, un proyecto o una actividad.");
        if (elemento.Nivel != NivelPlanGobierno.Intervencion) tipoIntervencion = null;
        if (elemento.Nivel != NivelPlanGobierno.Meta && (metaValor is not null || !string.IsNullOrWhiteSpace(metaUnidad)))
            throw new ReglaDominioException("El valor y la unidad de la meta solo se indican en elementos de nivel Meta.");
        elemento.Corregir(descripcion, codigo, tipoIntervencion, metaValor, string.IsNullOrWhiteSpace(metaUnidad) ? null : metaUnidad.Trim());
    }

    /// <summary>
    /// Takes a node out of the plan. Refused while other nodes hang from it or while it is aligned to an OEI or AEI: the
    /// chain and the execution view would otherwise lose data without anyone deciding it (remove those first).
    /// </summary>
    public void QuitarElemento(ElementoPlanGobierno elemento)
    {
        if (!Elementos.Contains(elemento)) throw new ReglaDominioException("El elemento no pertenece a este plan.");
        var nombre = $"{elemento.Nivel.Nombre()} «{elemento.Descripcion}»";
        var hijos = Elementos.Where(e => elemento.Id != 0 && e.PadreId == elemento.Id).ToList();
        if (hijos.Count > 0)
            throw new ReglaDominioException(
                $"No se puede quitar {nombre}: tiene {hijos.Count} {(hijos.Count == 1 ? "elemento" : "elementos")} debajo " +
                $"({Redaccion.Lista(hijos.Select(h => $"{h.Nivel.Nombre()} «{h.Descripcion}»"))}). Quítelos primero.");
        if (elemento.Alineamientos.Count > 0)
            throw new ReglaDominioException(
                $"No se puede quitar {nombre}: está alineado a {elemento.Alineamientos.Count} OEI o AEI del PEI. Quite primero sus alineamientos.");
        Elementos.Remove(elemento);
    }

    /// <summary>
    /// The plan's objectives in reading order: by the path of their ancestors (<see cref="Ruta"/>), then code,
    /// then the order they were registered in.
    /// </summary>
    public IReadOnlyList<ElementoPlanGobierno> ObjetivosEnOrden()
    {
        // The elements by id once for the whole sort, not once per objective.
        var porId = PorId();
        return [.. Elementos.Where(x => x.Nivel == NivelPlanGobierno.Objetivo)
            .OrderBy(x => ClaveDeOrden(x, porId), StringComparer.Ordinal).ThenBy(x => x.Id)];
    }

    private Dictionary<int, ElementoPlanGobierno> PorId() => Elementos.Where(x => x.Id != 0).ToDictionary(x => x.Id);

    /// <summary>
    /// Where an element goes in the plan's order: its ancestors' and its own codes from the root, each number compared as
    /// a number (4.2 before 4.10); an element without a code by its description, after the coded ones of its level.
    /// So dimension 4.1 comes before 4.3 whatever their names.
    /// </summary>
    private static string ClaveDeOrden(ElementoPlanGobierno elemento, Dictionary<int, ElementoPlanGobierno> porId)
    {
        var partes = new List<string> { Parte(elemento) };
        for (var p = elemento.PadreId; p is { } id && porId.TryGetValue(id, out var padre); p = padre.PadreId)
            partes.Insert(0, Parte(padre));
        return string.Join("\u0001", partes);

        static string Parte(ElementoPlanGobierno e) => e.Codigo is { Length: > 0 } c
            ? "0" + string.Join(".", c.Split('.').Select(s => s.All(char.IsAsciiDigit) && s.Length is > 0 and <= 9 ? s.PadLeft(9, '0') : s))
            : "1" + e.Descripcion;
    }

    /// <summary>"Dimensión: Dimensión social › Problema: …": the element's ancestors, for its heading (empty for a root).</summary>
    public string Ruta(ElementoPlanGobierno elemento)
    {
        var porId = PorId();
        var partes = new List<string>();
        for (var p = elemento.PadreId; p is { } id && porId.TryGetValue(id, out var padre); p = padre.PadreId)
            partes.Insert(0, $"{padre.Nivel.Nombre()}: {padre.Descripcion}");
        return string.Join(" › ", partes);
    }
}

public static class NivelPlanGobiernoTexto
{
    public static string Nombre(this NivelPlanGobierno n) => n switch
    {
        NivelPlanGobierno.Dimension => "Dimensión",
        NivelPlanGobierno.Problema => "Problema",
        NivelPlanGobierno.Objetivo => "Objetivo",
        NivelPlanGobierno.Intervencion => "Programa / proyecto / actividad",
        NivelPlanGobierno.Meta => "Meta",
        _ => throw new ArgumentOutOfRangeException(nameof(n)),
    };
}

/// <summary>
/// One node of the plan's chain dimensión → problema → objetivo → programa/proyecto/actividad → meta.
/// A Meta node also carries its measurement (PlanGobiernoMeta.cs).
/// </summary>
public sealed partial class ElementoPlanGobierno
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

    /// <summary>Aligns this plan objective to an OEI or an AEI of the PEI; each one once.</summary>
    public AlineamientoPlanGobierno Alinear(int? oeiId, int? aeiId)
    {
        if (Nivel != NivelPlanGobierno.Objetivo) throw new ReglaDominioException("Solo los objetivos del plan se alinean a un OEI o a una AEI.");
        if (Alineamientos.Any(a => a.OeiId == oeiId && a.AeiId == aeiId))
            throw new ReglaDominioException("Ese OEI o AEI ya está alineado a este objetivo.");
        var a = new AlineamientoPlanGobierno(EntidadId, oeiId, aeiId);
        Alineamientos.Add(a);
        return a;
    }

    /// <summary>
    /// The AEIs of <paramref name="pei"/> — the PEI the POI of the year uses — that serve this objective: each AEI
    /// aligned to it, and every AEI of an aligned OEI by priority; each AEI once, reached the first way the
    /// alignments (in the order they were made) lead to it. An alignment to an OEI or AEI of another PEI of the
    /// entity (<paramref name="peisDeLaEntidad"/>, e.g. an updated PEI) brings nothing: codes repeat between PEIs
    /// and mean different things, so it is never matched by code, only listed as «AEI.01.01 (PEI-2019-2023)».
    /// </summary>
    public AeisDelObjetivo AeisQueLoSirven(Pei pei, IEnumerable<Pei> peisDeLaEntidad)
    {
        var otros = peisDeLaEntidad.Where(p => p.Id != pei.Id).ToList();
        var sirven = new List<AeiQueSirve>();
        var fuera = new List<string>();
        void Sumar(Aei aei, Oei? porOei)
        {
            if (sirven.All(s => s.Aei.Codigo != aei.Codigo)) sirven.Add(new AeiQueSirve(aei, porOei));
        }
        foreach (var al in Alineamientos.OrderBy(x => x.Id))
        {
            if (al.AeiId is { } aeiId)
            {
                if (pei.Aeis.FirstOrDefault(a => a.Id == aeiId) is { } aei) Sumar(aei, null);
                else if (otros.FirstOrDefault(p => p.Aeis.Any(a => a.Id == aeiId)) is { } otro)
                    fuera.Add($"{otro.Aeis.First(a => a.Id == aeiId).Codigo} ({otro.Codigo})");
            }
            else if (al.OeiId is { } oeiId)
            {
                if (pei.Oeis.FirstOrDefault(o => o.Id == oeiId) is { } oei)
                    foreach (var aei in oei.Aeis.OrderBy(a => a.Prioridad)) Sumar(aei, oei);
                else if (otros.FirstOrDefault(p => p.Oeis.Any(o => o.Id == oeiId)) is { } otro)
                    fuera.Add($"{otro.Oeis.First(o => o.Id == oeiId).Codigo} ({otro.Codigo})");
            }
        }
        return new AeisDelObjetivo(sirven, fuera);
    }

    /// <summary>Only through <see cref="PlanGobierno.EditarElemento"/>, which checks the plan's rules first.</summary>
    internal void Corregir(string descripcion, string? codigo, string? tipoIntervencion, decimal? metaValor, string? metaUnidad)
    {
        Descripcion = Texto.Requerido(descripcion, "descripción", ClaseTexto.TextoLargo);
        Codigo = Texto.Opcional(codigo, "código", ClaseTexto.Codigo);
        TipoIntervencion = tipoIntervencion;
        MetaValor = metaValor;
        MetaUnidad = Texto.Opcional(metaUnidad, "unidad de la meta");
    }

    public ElementoPlanGobierno(int entidadId, int planGobiernoId, int? padreId, NivelPlanGobierno nivel, string descripcion,
        string? codigo = null, string? tipoIntervencion = null, decimal? metaValor = null, string? metaUnidad = null)
    {
        EntidadId = entidadId;
        PlanGobiernoId = planGobiernoId;
        PadreId = padreId;
        Nivel = nivel;
        Descripcion = Texto.Requerido(descripcion, "descripción", ClaseTexto.TextoLargo);
        Codigo = Texto.Opcional(codigo, "código", ClaseTexto.Codigo);
        TipoIntervencion = tipoIntervencion;
        MetaValor = metaValor;
        MetaUnidad = Texto.Opcional(metaUnidad, "unidad de la meta");
    }
}

/// <summary>An AEI that serves a plan objective: aligned directly (<see cref="PorOei"/> null) or through its aligned OEI.</summary>
public sealed record AeiQueSirve(Aei Aei, Oei? PorOei);

/// <summary>What <see cref="ElementoPlanGobierno.AeisQueLoSirven"/> decides: the AEIs of the POI's PEI, and the alignments to other PEIs as text.</summary>
public sealed record AeisDelObjetivo(IReadOnlyList<AeiQueSirve> Aeis, IReadOnlyList<string> FueraDelPei);

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
