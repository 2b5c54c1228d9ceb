using Sipoi.Domain.Estrategia;

namespace Sipoi.Domain.Informes;

public enum EstadoRecomendacion { Pendiente, EnProceso, Implementada, NoImplementada }

public static class EstadosRecomendacion
{
    public static string Nombre(this EstadoRecomendacion e) => e switch
    {
        EstadoRecomendacion.Pendiente => "Pendiente",
        EstadoRecomendacion.EnProceso => "En proceso",
        EstadoRecomendacion.Implementada => "Implementada",
        EstadoRecomendacion.NoImplementada => "No implementada",
        _ => throw new ArgumentOutOfRangeException(nameof(e)),
    };

    public static IReadOnlyList<EstadoRecomendacion> Todos { get; } = Enum.GetValues<EstadoRecomendacion>();
}

/// <summary>
/// What the office types for a recommendation. <paramref name="Unidades"/>: the responsible cost centres (repeated ids count
/// once); <paramref name="EntidadExterna"/>: an outside body responsible ("SUNASS"); at least one of the two.
/// <paramref name="OeiId"/> or <paramref name="AeiId"/> (not both): what it concerns, in the evaluated POI's PEI.
/// </summary>
public sealed record DatosRecomendacion(string AspectoMejora, string Texto, string AccionClave, IReadOnlyCollection<int> Unidades,
    string? EntidadExterna, DateOnly Plazo, int? OeiId = null, int? AeiId = null);

/// <summary>
/// One row of the recommendations matrix (matriz de compromisos, DOMAIN.md §6.6): issued by an evaluation,
/// owned by one or several units (cost centres) and/or an outside body, with a deadline, optionally about one
/// OEI or AEI of the evaluated POI's PEI (§6.4), and followed up in each later evaluation
/// (<see cref="SeguimientoRecomendacion"/>). Its text can change only while the issuing evaluation is
/// unpublished; its status only through a later evaluation's follow-up.
/// </summary>
public sealed class Recomendacion
{
    public const int LargoMaximoTexto = 2000;

    public int Id { get; private set; }
    public int EntidadId { get; private set; }
    /// <summary>The evaluation that issued it.</summary>
    public int EvaluacionId { get; private set; }
    /// <summary>Order within the issuing evaluation: 1, 2, 3…</summary>
    public int Numero { get; private set; }
    public string AspectoMejora { get; private set; } = null!;
    public string Texto { get; private set; } = null!;
    public string AccionClave { get; private set; } = null!;
    /// <summary>The OEI it concerns (null: none, or an AEI).</summary>
    public int? OeiId { get; private set; }
    /// <summary>The AEI it concerns (null: none, or an OEI).</summary>
    public int? AeiId { get; private set; }
    /// <summary>Responsible units: cost centres of the entity (units, offices, gerencias), none when only an outside body is.</summary>
    public List<ResponsableRecomendacion> Responsables { get; private set; } = [];
    /// <summary>An outside body responsible for it ("Gobierno Regional de Puno", "SUNASS"), alone or beside the units.</summary>
    public string? EntidadExterna { get; private set; }
    public DateOnly Plazo { get; private set; }
    public List<SeguimientoRecomendacion> Seguimiento { get; private set; } = [];

    private Recomendacion() { }

    /// <param name="pei">The evaluated POI's PEI with its OEI and AEI (null: the POI has none loaded, so no OEI/AEI can be chosen).</param>
    public Recomendacion(EvaluacionPoi origen, int numero, DatosRecomendacion datos, Pei? pei)
    {
        origen.VerificarEditable("sus recomendaciones");
        if (numero < 1) throw new ReglaDominioException("El número de la recomendación debe ser 1 o mayor.");
        EntidadId = origen.EntidadId;
        EvaluacionId = origen.Id;
        Numero = numero;
        Actualizar(origen, datos, pei);
    }

    /// <summary>The responsible cost centres' ids, in the order they were added.</summary>
    public IReadOnlyList<int> Unidades => [.. Responsables.Select(r => r.CentroCostoId)];

    public void Actualizar(EvaluacionPoi origen, DatosRecomendacion datos, Pei? pei)
    {
        ArgumentNullException.ThrowIfNull(datos);
        if (origen.Id != EvaluacionId) throw new ArgumentException("La evaluación no es la que emitió la recomendación.", nameof(origen));
        origen.VerificarEditable("sus recomendaciones");
        var aspecto = Limitado(datos.AspectoMejora, "aspecto de mejora");
        var texto = Limitado(datos.Texto, "recomendación");
        var accion = Limitado(datos.AccionClave, "acción clave");
        var externa = Sipoi.Domain.Texto.Opcional(datos.EntidadExterna, "entidad externa responsable");
        var unidades = (datos.Unidades ?? []).Distinct().ToList();
        if (unidades.Any(u => u <= 0)) throw new ReglaDominioException("La unidad responsable elegida no es válida.", "unidades responsables");
        if (unidades.Count == 0 && externa is null)
            throw new ReglaDominioException("Elija al menos una unidad responsable o escriba la entidad externa responsable.", "unidades responsables");
        VerificarObjetivo(origen, datos.OeiId, datos.AeiId, pei);
        var fin = origen.Anio + 2;
        if (datos.Plazo.Year < origen.Anio || datos.Plazo.Year > fin)
            throw new ReglaDominioException($"El plazo {datos.Plazo:dd/MM/yyyy} debe caer entre {origen.Anio} y {fin}.", "plazo");
        AspectoMejora = aspecto;
        Texto = texto;
        AccionClave = accion;
        EntidadExterna = externa;
        OeiId = datos.OeiId;
        AeiId = datos.AeiId;
        Plazo = datos.Plazo;
        // Only the units that changed are removed or added, so the audit log shows what changed.
        Responsables.RemoveAll(r => !unidades.Contains(r.CentroCostoId));
        foreach (var u in unidades.Where(u => Responsables.All(r => r.CentroCostoId != u)))
            Responsables.Add(new ResponsableRecomendacion(EntidadId, u));
    }

    private static void VerificarObjetivo(EvaluacionPoi origen, int? oeiId, int? aeiId, Pei? pei)
    {
        if (oeiId is not null && aeiId is not null)
            throw new ReglaDominioException("Elija un OEI o una AEI para la recomendación, no ambos.", "OEI/AEI");
        if (oeiId is { } o && pei?.Oeis.Any(x => x.Id == o) != true)
            throw new ReglaDominioException($"El OEI elegido no es del PEI del POI {origen.Anio}.", "OEI/AEI");
        if (aeiId is { } a && pei?.Aeis.Any(x => x.Id == a) != true)
            throw new ReglaDominioException($"La AEI elegida no es del PEI del POI {origen.Anio}.", "OEI/AEI");
    }

    /// <summary>
    /// Records the status of this recommendation as of a later evaluation (one row per evaluation, replaced
    /// while that evaluation is unpublished). "No implementada" needs a comment explaining why.
    /// </summary>
    public SeguimientoRecomendacion RegistrarSeguimiento(EvaluacionPoi origen, EvaluacionPoi evaluacion, EstadoRecomendacion estado, string? comentario)
    {
        if (origen.Id != EvaluacionId) throw new ArgumentException("La evaluación no es la que emitió la recomendación.", nameof(origen));
        if (evaluacion.EntidadId != EntidadId) throw new ArgumentException("La evaluación es de otra entidad.", nameof(evaluacion));
        if (evaluacion.Orden <= origen.Orden)
            throw new ReglaDominioException($"La recomendación {Numero} de la {origen.NombreEnFrase} se sigue en una evaluación posterior, no en la {evaluacion.NombreEnFrase}.");
        evaluacion.VerificarEditable("el seguimiento de recomendaciones");
        var c = string.IsNullOrWhiteSpace(comentario) ? null : comentario.Trim();
        if (c is { Length: > LargoMaximoTexto }) throw new ReglaDominioException($"El comentario admite hasta {LargoMaximoTexto} caracteres.");
        if (estado == EstadoRecomendacion.NoImplementada && c is null)
            throw new ReglaDominioException($"Recomendación {Numero}: explique en el comentario por qué no se implementó.");
        var fila = Seguimiento.SingleOrDefault(s => s.EvaluacionId == evaluacion.Id);
        if (fila is null)
        {
            fila = new SeguimientoRecomendacion(EntidadId, evaluacion.Id, estado, c);
            Seguimiento.Add(fila);
        }
        else fila.Cambiar(estado, c);
        return fila;
    }

    /// <summary>
    /// The status as of an evaluation: the follow-up recorded in it or, failing that, the latest one recorded in
    /// an earlier evaluation; Pendiente when never followed up. <paramref name="orden"/> maps evaluation ids to
    /// <see cref="EvaluacionPoi.Orden"/>.
    /// </summary>
    public SeguimientoRecomendacion? SeguimientoAl(int ordenEvaluacion, IReadOnlyDictionary<int, int> orden) =>
        Seguimiento.Where(s => orden.TryGetValue(s.EvaluacionId, out var o) && o <= ordenEvaluacion)
            .MaxBy(s => orden[s.EvaluacionId]);

    public EstadoRecomendacion EstadoAl(int ordenEvaluacion, IReadOnlyDictionary<int, int> orden) =>
        EstadoDe(SeguimientoAl(ordenEvaluacion, orden));

    /// <summary>The status a follow-up records; a recommendation never followed up is Pendiente.</summary>
    public static EstadoRecomendacion EstadoDe(SeguimientoRecomendacion? seguimiento) =>
        seguimiento?.Estado ?? EstadoRecomendacion.Pendiente;

    /// <summary>Past its deadline without being implemented (the matrix flags it).</summary>
    public static bool Vencida(DateOnly plazo, EstadoRecomendacion estado, DateOnly hoy) =>
        hoy > plazo && estado is not (EstadoRecomendacion.Implementada or EstadoRecomendacion.NoImplementada);

    private static string Limitado(string? valor, string campo)
    {
        var v = Sipoi.Domain.Texto.Requerido(valor, campo);
        return v.Length > LargoMaximoTexto ? throw new ReglaDominioException($"El campo {campo} admite hasta {LargoMaximoTexto} caracteres.") : v;
    }
}

/// <summary>One responsible unit (cost centre) of a recommendation.</summary>
public sealed class ResponsableRecomendacion
{
    public int EntidadId { get; private set; }
    public int RecomendacionId { get; private set; }
    public int CentroCostoId { get; private set; }

    private ResponsableRecomendacion() { }

    internal ResponsableRecomendacion(int entidadId, int centroCostoId)
    {
        EntidadId = entidadId;
        CentroCostoId = centroCostoId;
    }
}

/// <summary>The status of a recommendation as recorded in one later evaluation.</summary>
public sealed class SeguimientoRecomendacion
{
    public int Id { get; private set; }
    public int EntidadId { get; private set; }
    public int RecomendacionId { get; private set; }
    public int EvaluacionId { get; private set; }
    public EstadoRecomendacion Estado { get; private set; }
    public string? Comentario { get; private set; }

    private SeguimientoRecomendacion() { }

    internal SeguimientoRecomendacion(int entidadId, int evaluacionId, EstadoRecomendacion estado, string? comentario)
    {
        EntidadId = entidadId;
        EvaluacionId = evaluacionId;
        Cambiar(estado, comentario);
    }

    internal void Cambiar(EstadoRecomendacion estado, string? comentario)
    {
        Estado = estado;
        Comentario = comentario;
    }
}
