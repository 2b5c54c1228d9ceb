using Sipoi.Domain.Evaluacion;
using Sipoi.Domain.Periodos;
using Sipoi.Domain.Seguimiento;

namespace Sipoi.Domain.Informes;

public enum EstadoEvaluacionPoi { EnElaboracion, Publicada }

/// <summary>
/// One evaluation of a POI year that the planning office registers (a quarter, a semester or the year):
/// the anchor of the recommendations it issues and of the follow-up of earlier ones, and the unit the
/// office publishes. Publishing freezes it: its files and IGI are stored as they were at that moment,
/// so the transparency page never changes after the fact (see <see cref="ArchivoPublicado"/>).
/// </summary>
public sealed partial class EvaluacionPoi
{
    public const int LargoMaximoDocumento = 200;

    public const int LargoMaximoMotivo = 1000;

    /// <summary>
    /// The periods an evaluation covers: the quarters (the Huamanga directive's quarterly evaluation), the semesters
    /// and the year (DOMAIN.md §6.4), in the order every selector shows them (<see cref="Periodo.Seleccionables"/>).
    /// </summary>
    public static IReadOnlyList<Periodo> PeriodosPermitidos { get; } = [.. Periodo.Trimestres, Periodo.Semestre(1), Periodo.Semestre(2), Periodo.Anual];

    /// <summary>
    /// The chronological order of the evaluations of one year: by the month the period ends, and among periods ending
    /// the same month the shorter first (it is written first, the longer one takes it in):
    /// T1 &lt; T2 &lt; S1 &lt; T3 &lt; T4 &lt; S2 &lt; ANUAL.
    /// </summary>
    public static IReadOnlyList<Periodo> OrdenCronologico { get; } =
        [.. PeriodosPermitidos.OrderBy(p => p.Hasta).ThenBy(p => p.Hasta - p.Desde)];

    public int Id { get; private set; }
    public int EntidadId { get; private set; }
    public int Anio { get; private set; }
    /// <summary>T1…T4, S1, S2 or ANUAL (<see cref="Periodo.Codigo"/>).</summary>
    public string PeriodoCodigo { get; private set; } = null!;
    public EstadoEvaluacionPoi Estado { get; private set; }
    /// <summary>The document that approves or remits the report: "Informe N.º 012-2024-EMSAPUNO/OPP".</summary>
    public string? Documento { get; private set; }
    public DateTimeOffset? PublicadaEn { get; private set; }
    public string? PublicadaPor { get; private set; }
    /// <summary>IGI and its band as published (null: nothing had a target).</summary>
    public decimal? Igi { get; private set; }
    public Banda? BandaIgi { get; private set; }
    /// <summary>Files of every publication (<see cref="ArchivoPublicado.Publicacion"/>): the current one and the superseded ones.</summary>
    public List<ArchivoPublicado> Archivos { get; private set; } = [];
    /// <summary>Number of the publication in force: 0 unpublished, 1 the first, 2 the first republication…</summary>
    public int Publicacion { get; private set; }
    /// <summary>Why the planning office started the republication in progress (null: none in progress).</summary>
    public string? RepublicacionMotivo { get; private set; }
    public string? RepublicacionIniciadaPor { get; private set; }
    public DateTimeOffset? RepublicacionIniciadaEn { get; private set; }
    /// <summary>The earlier publications a republication superseded, each as it was published.</summary>
    public List<PublicacionReemplazada> Reemplazadas { get; private set; } = [];

    private EvaluacionPoi() { }

    public EvaluacionPoi(int entidadId, int anio, Periodo periodo)
    {
        if (anio is < 2000 or > 2100) throw new ReglaDominioException($"Año no válido: {anio}.");
        if (!PeriodosPermitidos.Contains(periodo))
            throw new ReglaDominioException(Periodo.NoValido(periodo.Codigo, PeriodosPermitidos));
        EntidadId = entidadId;
        Anio = anio;
        PeriodoCodigo = periodo.Codigo;
        Estado = EstadoEvaluacionPoi.EnElaboracion;
    }

    public Periodo Periodo => Periodo.Parse(PeriodoCodigo);

    public bool Publicada => Estado == EstadoEvaluacionPoi.Publicada;

    /// <summary>Published, with a corrected republication started and not yet published: the publication in force still stands.</summary>
    public bool EnRepublicacion => Publicada && RepublicacionMotivo is not null;

    /// <summary>Its recommendations, follow-up and publication may change: unpublished, or a republication in progress.</summary>
    public bool Editable => !Publicada || EnRepublicacion;

    /// <summary>"Evaluación I Semestre 2024".</summary>
    public string Nombre => NombreDe(Anio, Periodo);

    public static string NombreDe(int anio, Periodo periodo) => $"Evaluación {periodo.Nombre} {anio}";

    /// <summary>"evaluación I Semestre 2024", inside a sentence (the period keeps its capitals).</summary>
    public string NombreEnFrase => $"evaluación {Periodo.Nombre} {Anio}";

    /// <summary>Chronological order of evaluations (<see cref="OrdenCronologico"/>): 2023 Anual &lt; 2024 T1 &lt; 2024 T2 &lt; 2024 S1 … &lt; 2024 Anual.</summary>
    public int Orden => OrdenDe(Anio, Periodo);

    public static int OrdenDe(int anio, Periodo periodo)
    {
        var i = OrdenCronologico.ToList().IndexOf(periodo);
        if (i < 0) throw new ReglaDominioException(Periodo.NoValido(periodo.Codigo, PeriodosPermitidos));
        return anio * 10 + i + 1;
    }

    /// <summary>The evaluation's period contains the month (the month's figures are part of what it published).</summary>
    public bool Contiene(int anio, int mes) => Anio == anio && Periodo.Contiene(mes);

    /// <summary>
    /// Publishes the evaluation with its files, as generated now from approved data only. Once published it
    /// does not change: a correction is a republication (<see cref="IniciarRepublicacion"/>), which, published
    /// here, supersedes the publication in force — that one is kept as it was (<see cref="Reemplazadas"/>, with its files).
    /// </summary>
    public void Publicar(string? documento, string usuario, DateTimeOffset cuando, decimal? igi, Banda? bandaIgi,
        IReadOnlyList<ArchivoPublicado> archivos)
    {
        if (Publicada && !EnRepublicacion) throw new ReglaDominioException($"La {NombreEnFrase} ya fue publicada el {PublicadaEn:dd/MM/yyyy}.");
        if (archivos.Count == 0) throw new ReglaDominioException("Una evaluación se publica con sus archivos.");
        var doc = string.IsNullOrWhiteSpace(documento) ? null : documento.Trim();
        if (doc is { Length: > LargoMaximoDocumento })
            throw new ReglaDominioException($"El documento admite hasta {LargoMaximoDocumento} caracteres.");
        var quien = Texto.Requerido(usuario, "usuario");
        if (EnRepublicacion)
        {
            Reemplazadas.Add(new PublicacionReemplazada(this, cuando));
            RepublicacionMotivo = null;
            RepublicacionIniciadaPor = null;
            RepublicacionIniciadaEn = null;
        }
        Documento = doc;
        PublicadaPor = quien;
        PublicadaEn = cuando;
        Igi = igi;
        BandaIgi = bandaIgi;
        Publicacion++;
        foreach (var a in archivos) a.Publicacion = Publicacion;
        Archivos.AddRange(archivos);
        Estado = EstadoEvaluacionPoi.Publicada;
    }

    /// <summary>
    /// The planning office starts a corrected republication of the published evaluation (reason required). Until it is
    /// published, the publication in force stays on the public page unchanged; meanwhile the evaluation's
    /// recommendations and follow-up may be corrected, and the months of its period may be reopened.
    /// </summary>
    public void IniciarRepublicacion(string? motivo, string usuario, DateTimeOffset ahora)
    {
        if (!Publicada)
            throw new ReglaDominioException($"La {NombreEnFrase} aún no está publicada: se corrige y se publica, sin republicación.");
        if (EnRepublicacion)
            throw new ReglaDominioException(
                $"La {NombreEnFrase} ya tiene una republicación en curso, iniciada el {Plazos.Fecha(Plazos.Hoy(RepublicacionIniciadaEn!.Value))} por {RepublicacionIniciadaPor}.");
        if (string.IsNullOrWhiteSpace(motivo))
            throw new ReglaDominioException($"Para republicar la {NombreEnFrase} indique el motivo de la corrección.");
        var m = motivo.Trim();
        if (m.Length > LargoMaximoMotivo)
            throw new ReglaDominioException($"El motivo de la republicación no puede pasar de {LargoMaximoMotivo} caracteres.");
        RepublicacionIniciadaPor = Texto.Requerido(usuario, "usuario");
        RepublicacionIniciadaEn = ahora;
        RepublicacionMotivo = m;
    }

    /// <summary>Refuses a change to what belongs to a published evaluation (allowed again while a republication is in progress).</summary>
    public void VerificarEditable(string que)
    {
        if (!Editable) throw new ReglaDominioException($"La {NombreEnFrase} ya está publicada: no se puede modificar {que}.");
    }
}

/// <summary>
/// A publication of an evaluation that a republication superseded, kept exactly as it was published (its files stay
/// in <see cref="ArchivoPublicado"/> under its <see cref="Numero"/>), with when and why it was superseded.
/// </summary>
public sealed class PublicacionReemplazada
{
    public int Id { get; private set; }
    public int EntidadId { get; private set; }
    public int EvaluacionId { get; private set; }
    /// <summary>Its <see cref="EvaluacionPoi.Publicacion"/> number: 1 the first publication…</summary>
    public int Numero { get; private set; }
    public string? Documento { get; private set; }
    public DateTimeOffset PublicadaEn { get; private set; }
    public string PublicadaPor { get; private set; } = null!;
    public decimal? Igi { get; private set; }
    public Banda? BandaIgi { get; private set; }
    /// <summary>When the republication that superseded it was published.</summary>
    public DateTimeOffset ReemplazadaEn { get; private set; }
    /// <summary>The reason the planning office gave when it started the republication.</summary>
    public string MotivoRepublicacion { get; private set; } = null!;
    public string RepublicacionIniciadaPor { get; private set; } = null!;
    public DateTimeOffset RepublicacionIniciadaEn { get; private set; }

    private PublicacionReemplazada() { }

    internal PublicacionReemplazada(EvaluacionPoi e, DateTimeOffset reemplazadaEn)
    {
        EntidadId = e.EntidadId;
        EvaluacionId = e.Id;
        Numero = e.Publicacion;
        Documento = e.Documento;
        PublicadaEn = e.PublicadaEn!.Value;
        PublicadaPor = e.PublicadaPor!;
        Igi = e.Igi;
        BandaIgi = e.BandaIgi;
        ReemplazadaEn = reemplazadaEn;
        MotivoRepublicacion = e.RepublicacionMotivo!;
        RepublicacionIniciadaPor = e.RepublicacionIniciadaPor!;
        RepublicacionIniciadaEn = e.RepublicacionIniciadaEn!.Value;
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
    /// <summary>The publication it belongs to (<see cref="EvaluacionPoi.Publicacion"/>), set when published.</summary>
    public int Publicacion { get; internal set; }

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
