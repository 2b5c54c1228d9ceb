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
/// One row of the recommendations matrix (matriz de compromisos, DOMAIN.md §6.6): issued by an evaluation,
/// owned by a unit (cost centre) with a deadline, and followed up in each later evaluation
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
    /// <summary>Responsible unit: one of the entity's cost centres (units, offices, gerencias).</summary>
    public int CentroCostoId { get; private set; }
    public DateOnly Plazo { get; private set; }
    public List<SeguimientoRecomendacion> Seguimiento { get; private set; } = [];

    private Recomendacion() { }

    public Recomendacion(EvaluacionPoi origen, int numero, string aspectoMejora, string texto, string accionClave, int centroCostoId, DateOnly plazo)
    {
        origen.VerificarEditable("sus recomendaciones");
        if (numero < 1) throw new ReglaDominioException("El número de la recomendación debe ser 1 o mayor.");
        EntidadId = origen.EntidadId;
        EvaluacionId = origen.Id;
        Numero = numero;
        Actualizar(origen, aspectoMejora, texto, accionClave, centroCostoId, plazo);
    }

    public void Actualizar(EvaluacionPoi origen, string aspectoMejora, string texto, string accionClave, int centroCostoId, DateOnly plazo)
    {
        if (origen.Id != EvaluacionId) throw new ArgumentException("La evaluación no es la que emitió la recomendación.", nameof(origen));
        origen.VerificarEditable("sus recomendaciones");
        AspectoMejora = Limitado(aspectoMejora, "aspecto de mejora");
        Texto = Limitado(texto, "recomendación");
        AccionClave = Limitado(accionClave, "acción clave");
        if (centroCostoId <= 0) throw new ReglaDominioException("Elija la unidad responsable.");
        CentroCostoId = centroCostoId;
        var fin = origen.Anio + 2;
        if (plazo.Year < origen.Anio || plazo.Year > fin)
            throw new ReglaDominioException($"El plazo {plazo:dd/MM/yyyy} debe caer entre {origen.Anio} y {fin}.");
        Plazo = plazo;
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
