using Sipoi.Domain.Evaluacion;
using Sipoi.Domain.Periodos;

namespace Sipoi.Domain.Informes;

public enum EstadoEvaluacionPoi { EnElaboracion, Publicada }

/// <summary>
/// One evaluation of a POI year that the planning office registers (I Semestre, II Semestre, Anual):
/// the anchor of the recommendations it issues and of the follow-up of earlier ones, and the unit the
/// office publishes. Publishing freezes it: its files and IGI are stored as they were at that moment,
/// so the transparency page never changes after the fact (see <see cref="ArchivoPublicado"/>).
/// </summary>
public sealed partial class EvaluacionPoi
{
    public const int LargoMaximoDocumento = 200;

    /// <summary>The periods an evaluation report covers (DOMAIN.md §6.4): the semesters and the year.</summary>
    public static IReadOnlyList<Periodo> PeriodosPermitidos { get; } = [Periodo.Semestre(1), Periodo.Semestre(2), Periodo.Anual];

    public int Id { get; private set; }
    public int EntidadId { get; private set; }
    public int Anio { get; private set; }
    /// <summary>S1, S2 or ANUAL (<see cref="Periodo.Codigo"/>).</summary>
    public string PeriodoCodigo { get; private set; } = null!;
    public EstadoEvaluacionPoi Estado { get; private set; }
    /// <summary>The document that approves or remits the report: "Informe N.º 012-2024-EMSAPUNO/OPP".</summary>
    public string? Documento { get; private set; }
    public DateTimeOffset? PublicadaEn { get; private set; }
    public string? PublicadaPor { get; private set; }
    /// <summary>IGI and its band as published (null: nothing had a target).</summary>
    public decimal? Igi { get; private set; }
    public Banda? BandaIgi { get; private set; }
    public List<ArchivoPublicado> Archivos { get; private set; } = [];

    private EvaluacionPoi() { }

    public EvaluacionPoi(int entidadId, int anio, Periodo periodo)
    {
        if (anio is < 2000 or > 2100) throw new ReglaDominioException($"Año no válido: {anio}.");
        if (!PeriodosPermitidos.Contains(periodo))
            throw new ReglaDominioException($"Una evaluación del POI es semestral o anual (S1, S2 o ANUAL), no {periodo.Nombre.ToLowerInvariant()}.");
        EntidadId = entidadId;
        Anio = anio;
        PeriodoCodigo = periodo.Codigo;
        Estado = EstadoEvaluacionPoi.EnElaboracion;
    }

    public Periodo Periodo => Periodo.Parse(PeriodoCodigo);

    public bool Publicada => Estado == EstadoEvaluacionPoi.Publicada;

    /// <summary>"Evaluación I Semestre 2024".</summary>
    public string Nombre => NombreDe(Anio, Periodo);

    public static string NombreDe(int anio, Periodo periodo) => $"Evaluación {periodo.Nombre} {anio}";

    /// <summary>"evaluación I Semestre 2024", inside a sentence (the period keeps its capitals).</summary>
    public string NombreEnFrase => $"evaluación {Periodo.Nombre} {Anio}";

    /// <summary>Chronological order of evaluations: 2023 Anual &lt; 2024 S1 &lt; 2024 S2 &lt; 2024 Anual.</summary>
    public int Orden => OrdenDe(Anio, Periodo);

    public static int OrdenDe(int anio, Periodo periodo)
    {
        var i = PeriodosPermitidos.ToList().IndexOf(periodo);
        if (i < 0) throw new ReglaDominioException($"Periodo de evaluación no válido: {periodo.Codigo}.");
        return anio * 10 + i + 1;
    }

    /// <summary>
    /// Publishes the evaluation with its files, as generated now from approved data only. Once published it
    /// does not change: a correction is a later evaluation (or a new registration after the office withdraws it
    /// by a documented act, which SIPOI leaves to the database administrator on purpose).
    /// </summary>
    public void Publicar(string? documento, string usuario, DateTimeOffset cuando, decimal? igi, Banda? bandaIgi,
        IReadOnlyList<ArchivoPublicado> archivos)
    {
        if (Publicada) throw new ReglaDominioException($"La {NombreEnFrase} ya fue publicada el {PublicadaEn:dd/MM/yyyy}.");
        if (archivos.Count == 0) throw new ReglaDominioException("Una evaluación se publica con sus archivos.");
        var doc = string.IsNullOrWhiteSpace(documento) ? null : documento.Trim();
        if (doc is { Length: > LargoMaximoDocumento })
            throw new ReglaDominioException($"El documento admite hasta {LargoMaximoDocumento} caracteres.");
        Documento = doc;
        PublicadaPor = Texto.Requerido(usuario, "usuario");
        PublicadaEn = cuando;
        Igi = igi;
        BandaIgi = bandaIgi;
        Archivos.AddRange(archivos);
        Estado = EstadoEvaluacionPoi.Publicada;
    }

    /// <summary>Refuses a change to what belongs to a published evaluation.</summary>
    public void VerificarEditable(string que)
    {
        if (Publicada) throw new ReglaDominioException($"La {NombreEnFrase} ya está publicada: no se puede modificar {que}.");
    }
}

/// <summary>A file of a published evaluation, stored as generated at publication (the frozen public copy).</summary>
public sealed class ArchivoPublicado
{
    public int Id { get; private set; }
    public int EntidadId { get; private set; }
    public int EvaluacionId { get; private set; }
    /// <summary>"informe.docx", "seguimiento.xlsx", "evaluacion.json".</summary>
    public string Nombre { get; private set; } = null!;
    public string Mime { get; private set; } = null!;
    public byte[] Contenido { get; private set; } = null!;
    public long Tamano { get; private set; }

    private ArchivoPublicado() { }

    public ArchivoPublicado(int entidadId, string nombre, string mime, byte[] contenido)
    {
        EntidadId = entidadId;
        Nombre = Texto.Requerido(nombre, nameof(nombre));
        Mime = Texto.Requerido(mime, nameof(mime));
        if (contenido.Length == 0) throw new ReglaDominioException($"El archivo {nombre} está vacío.");
        Contenido = contenido;
        Tamano = contenido.Length;
    }
}
