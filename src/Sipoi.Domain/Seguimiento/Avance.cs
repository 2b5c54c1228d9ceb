using System.Globalization;
using Sipoi.Domain.Operativo;

namespace Sipoi.Domain.Seguimiento;

/// <summary>
/// What an operator types for one activity and month. Values already parsed by the web layer:
/// null means "not registered"; texts are trimmed and a blank text counts as absent.
/// </summary>
public sealed record DatosAvance(
    decimal? Fisico,
    decimal? Financiero = null,
    string? Logros = null,
    string? Dificultades = null,
    string? MedidasCorrectivas = null)
{
    public static DatosAvance Vacio { get; } = new((decimal?)null);

    public DatosAvance Normalizado() => this with
    {
        Logros = Limpio(Logros),
        Dificultades = Limpio(Dificultades),
        MedidasCorrectivas = Limpio(MedidasCorrectivas),
    };

    private static string? Limpio(string? texto) => string.IsNullOrWhiteSpace(texto) ? null : texto.Trim();
}

/// <summary>
/// One activity in one month as monitoring judges it: its targets (from the POI version in force)
/// and what was registered. The snapshot the submission check and the value check read.
/// </summary>
public sealed record ActividadDelMes(
    string Codigo,
    string? UnidadMedida,
    decimal MetaMes,
    decimal MetaAnual,
    DatosAvance Avance,
    decimal MetaFinancieraMes = 0,
    decimal MetaFinancieraAnual = 0)
{
    public bool TieneMeta => MetaMes > 0;

    /// <summary>
    /// Snapshot of an activity for <paramref name="mes"/> from its programming in force; with
    /// <paramref name="avance"/> null it reads what the activity has registered for the month.
    /// </summary>
    public static ActividadDelMes De(ActividadOperativa actividad, ProgramacionActividad programacion, int mes, DatosAvance? avance = null)
    {
        if (mes is < 1 or > 12) throw new ReglaDominioException($"Mes no válido: {mes}.");
        var fisico = programacion.ProgramadoFisico();
        var financiero = programacion.ProgramadoFinanciero();
        avance ??= actividad.AvanceDe(mes) is { } a
            ? new DatosAvance(a.EjecutadoFisico, a.EjecutadoFinanciero, a.Logros, a.Dificultades, a.MedidasCorrectivas)
            : DatosAvance.Vacio;
        return new ActividadDelMes(actividad.Codigo, actividad.UnidadMedida, fisico[mes - 1], programacion.MetaAnual,
            avance.Normalizado(), financiero[mes - 1], financiero.Sum());
    }
}

/// <summary>The fields of a month's registration, named as <see cref="AvanceMensual"/>'s properties so a form can map them.</summary>
public static class CampoAvance
{
    public const string EjecutadoFisico = nameof(AvanceMensual.EjecutadoFisico);
    public const string EjecutadoFinanciero = nameof(AvanceMensual.EjecutadoFinanciero);
    public const string Logros = nameof(AvanceMensual.Logros);
    public const string Dificultades = nameof(AvanceMensual.Dificultades);
    public const string MedidasCorrectivas = nameof(AvanceMensual.MedidasCorrectivas);

    /// <summary>How the field is called in a message.</summary>
    public static string Nombre(string campo) => campo switch
    {
        EjecutadoFisico => "la ejecución física",
        EjecutadoFinanciero => "el monto ejecutado (S/)",
        Logros => "los logros",
        Dificultades => "las dificultades",
        MedidasCorrectivas => "las medidas correctivas",
        _ => campo,
    };
}

/// <summary>One thing that stops a registration or a submission: which activity, which field, and the message for the user.</summary>
public sealed record ProblemaSeguimiento(string CodigoActividad, string Campo, string Mensaje)
{
    public override string ToString() => Mensaje;

    internal static ProblemaSeguimiento De(ActividadDelMes a, MesDelAnio mes, string campo, string detalle) =>
        new(a.Codigo, campo, $"Actividad {a.Codigo}, {mes.Nombre}: {detalle}");
}

/// <summary>
/// Figures inside the domain's refusal messages. The domain depends on nothing, so it cannot reach the display
/// formatter (<c>Sipoi.Interop.Evaluacion.FormatoNumero</c>); a message keeps up to 4 decimals because it
/// repeats what the user typed, not a rounded report figure.
/// </summary>
internal static class CifraEnMensaje
{
    private static readonly CultureInfo Invariante = CultureInfo.InvariantCulture;

    /// <summary>Numbers as the offices write them: 17,009,620.8.</summary>
    public static string Numero(decimal v) => v.ToString("#,0.####", Invariante);

    public static string Porcentaje(decimal v) => v.ToString("#,0.00", Invariante) + " %";
}
