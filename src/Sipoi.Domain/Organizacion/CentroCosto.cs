using Sipoi.Domain.Seguimiento;

namespace Sipoi.Domain.Organizacion;

/// <summary>An executing unit (unidad ejecutora) of the entity; cost centres hang from it.</summary>
public sealed class UnidadEjecutora
{
    public int Id { get; private set; }
    public int EntidadId { get; private set; }
    public string Codigo { get; private set; } = null!;
    public string Nombre { get; private set; } = null!;

    private UnidadEjecutora() { }

    public UnidadEjecutora(int entidadId, string codigo, string nombre)
    {
        EntidadId = entidadId;
        Codigo = Texto.Requerido(codigo, "código", ClaseTexto.Codigo);
        Nombre = Texto.Requerido(nombre, "nombre");
    }

    /// <summary>The code does not change (reports print it; a wrong one is removed and created again while unused).</summary>
    public void Renombrar(string nombre) => Nombre = Texto.Requerido(nombre, "nombre");

    /// <summary>
    /// Refuses removing the unit while cost centres belong to it (<paramref name="centrosQueLaUsan"/>, their codes): their
    /// activities and reports would lose their executing unit.
    /// </summary>
    public void VerificarQuitar(IEnumerable<string> centrosQueLaUsan)
    {
        var centros = centrosQueLaUsan.Order(StringComparer.Ordinal).ToList();
        if (centros.Count > 0)
            throw new ReglaDominioException(
                $"No se puede quitar la unidad ejecutora {Codigo}: la usan los centros de costo {Redaccion.Lista(centros)}. " +
                "Asigne esos centros a otra unidad en Administración → Organigrama primero.");
    }
}

/// <summary>A cost centre (unidad orgánica) in the entity's tree, with its hierarchical code (03.01.04.05).</summary>
public sealed class CentroCosto
{
    public int Id { get; private set; }
    public int EntidadId { get; private set; }
    public int? UnidadEjecutoraId { get; private set; }
    public int? PadreId { get; private set; }
    public string Codigo { get; private set; } = null!;
    public string Nombre { get; private set; } = null!;
    public string? Responsable { get; private set; }
    /// <summary>True for a gerencia that groups fichas de proceso (weighted process method).</summary>
    public bool EsGerencia { get; private set; }
    /// <summary>
    /// False once the entity closed or merged the office: it leaves the lists where new work is assigned
    /// (users, formulation, ceilings, parents) but keeps its history — activities, monitoring and evaluations
    /// of past years read it as before. Never deleted.
    /// </summary>
    public bool Activo { get; private set; } = true;

    private CentroCosto() { }

    public CentroCosto(int entidadId, string codigo, string nombre, int? padreId = null, string? responsable = null, bool esGerencia = false, int? unidadEjecutoraId = null)
    {
        EntidadId = entidadId;
        Codigo = Texto.Requerido(codigo, "código", ClaseTexto.Codigo);
        UnidadEjecutoraId = unidadEjecutoraId;
        Actualizar(nombre, padreId, responsable, esGerencia);
    }

    public void Actualizar(string nombre, int? padreId, string? responsable, bool esGerencia)
    {
        Nombre = Texto.Requerido(nombre, "nombre");
        if (padreId == Id && Id != 0) throw new ReglaDominioException($"El centro de costo {Codigo} no puede ser su propio padre.");
        PadreId = padreId;
        Responsable = Texto.Opcional(responsable, "responsable");
        EsGerencia = esGerencia;
    }

    /// <summary>
    /// Hangs the centre under <paramref name="padre"/> (null: a root of the tree). The parent must belong to the
    /// same entity and must not be the centre itself nor one of its descendants — the tree stays a tree.
    /// <paramref name="centrosDeLaEntidad"/> is the whole current tree, used to walk up from the new parent.
    /// </summary>
    public void MoverBajo(CentroCosto? padre, IEnumerable<CentroCosto> centrosDeLaEntidad)
    {
        if (padre is null)
        {
            PadreId = null;
            return;
        }
        if (padre.EntidadId != EntidadId)
            throw new ReglaDominioException($"El centro de costo {padre.Codigo} no pertenece a la entidad del centro {Codigo}.");
        if (ReferenceEquals(padre, this) || (Id != 0 && padre.Id == Id))
            throw new ReglaDominioException($"El centro de costo {Codigo} no puede ser su propio padre.");
        // Keeping the parent it already has is allowed (an inactive centre under an inactive parent can still be renamed).
        if (!padre.Activo && padre.Id != PadreId)
            throw new ReglaDominioException($"El centro de costo {padre.Codigo} está inactivo: no puede elegirse como «depende de» del centro {Codigo}.");
        // A centre not yet saved (Id 0) is nobody's parent, so it cannot close a cycle.
        if (Id != 0)
        {
            var guardados = centrosDeLaEntidad.Where(c => c.Id != 0).ToList();
            var codigoDe = guardados.ToDictionary(c => c.Id, c => c.Codigo);
            var padreDe = guardados.ToDictionary(c => c.Codigo, c => c.PadreId is { } p ? codigoDe.GetValueOrDefault(p) : null, StringComparer.Ordinal);
            if (Jerarquia.Ciclo(Codigo, padre.Codigo, c => padreDe.GetValueOrDefault(c)) is not null)
                throw new ReglaDominioException(
                    $"El centro de costo {Codigo} no puede quedar bajo {padre.Codigo}, que depende de él: se formaría un ciclo en el organigrama.");
        }
        PadreId = padre.Id;
    }

    /// <summary>The executing unit the centre belongs to (null: none), of the same entity.</summary>
    public void AsignarUnidadEjecutora(UnidadEjecutora? unidad)
    {
        if (unidad is not null && unidad.EntidadId != EntidadId)
            throw new ReglaDominioException($"La unidad ejecutora {unidad.Codigo} no pertenece a la entidad del centro {Codigo}.");
        UnidadEjecutoraId = unidad?.Id;
    }

    /// <summary>
    /// Retires the centre. Refused while it still has active child centres (they would hang from a closed office)
    /// or activities in a POI version not yet approved — a draft in formulation would otherwise be approved with
    /// work assigned to an office that no longer exists. Activities of approved versions are history and do not
    /// block. <paramref name="centrosDeLaEntidad"/> is the whole current tree; <paramref name="enFormulacion"/>
    /// the centre's activities per non-approved version, counted by the caller.
    /// </summary>
    public void Desactivar(IEnumerable<CentroCosto> centrosDeLaEntidad, IEnumerable<ActividadesEnFormulacion> enFormulacion)
    {
        if (!Activo) throw new ReglaDominioException($"El centro de costo {Codigo} ya está inactivo.");
        var hijos = centrosDeLaEntidad.Where(c => c.Activo && Id != 0 && c.PadreId == Id).Select(c => c.Codigo).Order(StringComparer.Ordinal).ToList();
        if (hijos.Count > 0)
            throw new ReglaDominioException(
                $"No se puede desactivar el centro de costo {Codigo}: aún tiene centros activos que dependen de él ({string.Join(", ", hijos)}). " +
                "Muévalos bajo otro centro o desactívelos primero.");
        var pendientes = enFormulacion.Where(f => f.Actividades > 0).ToList();
        if (pendientes.Count > 0)
            throw new ReglaDominioException(
                $"No se puede desactivar el centro de costo {Codigo}: tiene actividades en una versión del POI aún no aprobada (" +
                string.Join("; ", pendientes.Select(f => $"{f.Actividades} en «{f.Version}» del POI {f.Anio}")) +
                "). Retírelas de la versión en borrador o páselas a otro centro primero.");
        Activo = false;
    }

    /// <summary>Puts the centre back in use; refused while its parent is inactive (reactivate the parent first, or move the centre).</summary>
    public void Reactivar(IEnumerable<CentroCosto> centrosDeLaEntidad)
    {
        if (Activo) throw new ReglaDominioException($"El centro de costo {Codigo} ya está activo.");
        if (PadreId is { } p && centrosDeLaEntidad.FirstOrDefault(c => c.Id == p) is { Activo: false } padre)
            throw new ReglaDominioException(
                $"No se puede reactivar el centro de costo {Codigo}: depende de {padre.Codigo}, que está inactivo. Reactive primero {padre.Codigo}.");
        Activo = true;
    }

    /// <summary>
    /// The rule "an inactive centre gets no new activity", for every path that assigns one (formulation form,
    /// Excel import): null when the centre may have it — it is active, or the activity was already its own
    /// (<paramref name="yaEraSuya"/>: a draft copied from the approved version may still be corrected) —, else
    /// the reason, in lower case so each reader puts its address first.
    /// </summary>
    public static string? MotivoSinActividadNueva(string codigo, bool activo, bool yaEraSuya) =>
        activo || yaEraSuya
            ? null
            : $"el centro de costo {codigo} está inactivo: no recibe actividades nuevas. " +
              $"Asígnela a otro centro o reactive {codigo} en Administración → Organigrama";

    /// <summary>Depth in the tree as written in the code: "03" is 1, "03.01.04" is 3.</summary>
    public int Nivel => Codigo.Split('.').Length;
}

/// <summary>How many activities a centre has in one POI version that is not yet approved (what blocks its deactivation).</summary>
public sealed record ActividadesEnFormulacion(int Anio, string Version, int Actividades);

/// <summary>An ISO 9001 process sheet ("FP 34 PLANIFICACIÓN Y PRESUPUESTO") grouping activities under a gerencia.</summary>
public sealed class FichaProceso
{
    public int Id { get; private set; }
    public int EntidadId { get; private set; }
    public string Codigo { get; private set; } = null!;
    public string Nombre { get; private set; } = null!;
    public string? Gerencia { get; private set; }
    public int? CentroCostoId { get; private set; }
    public string? Responsable { get; private set; }
    public string? Objetivo { get; private set; }
    /// <summary>Weight of the ficha inside its gerencia for the weighted process method.</summary>
    public decimal Peso { get; private set; } = 1;
    public List<FichaAei> Aeis { get; private set; } = [];

    private FichaProceso() { }

    public FichaProceso(int entidadId, string codigo, string nombre, string? gerencia, int? centroCostoId, string? responsable, string? objetivo, decimal peso = 1)
    {
        EntidadId = entidadId;
        Codigo = Texto.Requerido(codigo, "código", ClaseTexto.Codigo);
        Actualizar(nombre, gerencia, centroCostoId, responsable, objetivo, peso);
    }

    public void Actualizar(string nombre, string? gerencia, int? centroCostoId, string? responsable, string? objetivo, decimal peso)
    {
        if (peso <= 0) throw new ReglaDominioException($"El peso de la ficha debe ser mayor que cero (es {CifraEnMensaje.Numero(peso)}).", "peso");
        Nombre = Texto.Requerido(nombre, "nombre");
        Gerencia = Texto.Opcional(gerencia, "gerencia");
        CentroCostoId = centroCostoId;
        Responsable = Texto.Opcional(responsable, "responsable");
        Objetivo = Texto.Opcional(objetivo, "objetivo", ClaseTexto.TextoLargo);
        Peso = peso;
    }

    public void AlinearA(int aeiId)
    {
        if (Aeis.All(a => a.AeiId != aeiId)) Aeis.Add(new FichaAei(EntidadId, aeiId));
    }

    /// <summary>
    /// Refuses removing the ficha while activities point at it (<paramref name="actividadesPorAnio"/>: how many per POI year,
    /// any version): an approved POI's matrix and its weighted evaluation would lose their process.
    /// </summary>
    public void VerificarQuitar(IEnumerable<(int Anio, int Actividades)> actividadesPorAnio)
    {
        var usos = actividadesPorAnio.Where(u => u.Actividades > 0).OrderBy(u => u.Anio).ToList();
        if (usos.Count > 0)
            throw new ReglaDominioException(
                $"No se puede quitar la ficha de proceso {Codigo}: la usan actividades del POI ({Redaccion.Lista(usos.Select(u => $"{u.Actividades} en {u.Anio}"))}). " +
                "Una ficha usada por un POI se conserva para que su matriz y su evaluación no cambien.");
    }
}

/// <summary>An AEI a ficha declares in its header (alignment of the process to the PEI).</summary>
public sealed class FichaAei
{
    public int EntidadId { get; private set; }
    public int FichaId { get; private set; }
    public int AeiId { get; private set; }

    private FichaAei() { }

    public FichaAei(int entidadId, int aeiId)
    {
        EntidadId = entidadId;
        AeiId = aeiId;
    }
}
