using Sipoi.Domain.Estrategia;
using Sipoi.Domain.Organizacion;

namespace Sipoi.Domain.Formulacion;

/// <summary>
/// What the POI year already holds under the code a draft saves: the year's activity with that code (its cost
/// centre) and whether the draft version programs it. No activity with that code: no instance (null).
/// </summary>
public sealed record ActividadDelCodigo(int CentroCostoId, bool ProgramadaEnBorrador);

/// <summary>
/// The rules of saving one activity of a cost centre in the draft version that depend on what the POI already
/// holds (Formulacion/README.md in Sipoi.Web). The caller loads and saves; these decide, each once, in the words
/// the form shows. The activity's own rules (months, AEI fixed once approved) stay on <c>ActividadOperativa</c>,
/// the programming's on <see cref="PropuestaProgramacion"/> and <see cref="Reprogramacion"/>.
/// </summary>
public static class GuardadoActividad
{
    /// <summary>
    /// "An inactive centre gets no new activity" (<see cref="CentroCosto.MotivoSinActividadNueva"/>) for the
    /// formulation form: an activity the draft already programs for the centre — copied from the approved version —
    /// may still be corrected; a new one may not, not even under a code the centre had. The sentence, or null.
    /// </summary>
    public static string? MotivoCentroInactivo(CentroCosto centro, bool nueva, ActividadDelCodigo? actual)
    {
        var yaEraSuya = !nueva && actual is { ProgramadaEnBorrador: true } a && a.CentroCostoId == centro.Id;
        return CentroCosto.MotivoSinActividadNueva(centro.Codigo, centro.Activo, yaEraSuya) is { } motivo
            ? char.ToUpperInvariant(motivo[0]) + motivo[1..] + "."
            : null;
    }

    /// <summary>
    /// An activity code is unique in the POI year (the versions share the activity row): refused when another cost
    /// centre's activity has it, or — for a new activity — one of this centre that the draft programs. One of this
    /// centre that the draft does not program (retired from it) is taken back under its code.
    /// </summary>
    public static ProblemaProgramacion? ProblemaCodigo(string codigo, int anio, int centroCostoId, bool nueva, ActividadDelCodigo? actual) => actual switch
    {
        null => null,
        _ when actual.CentroCostoId != centroCostoId =>
            new("Codigo", $"El código {codigo} ya lo usa otra actividad del POI {anio}, de otro centro de costo."),
        { ProgramadaEnBorrador: true } when nueva => new("Codigo", $"El código {codigo} ya lo usa otra actividad de este centro de costo."),
        _ => null,
    };

    /// <summary>
    /// The AEI an activity of a POI names must be one of the PEI that POI uses (<see cref="Pei.AeiParaActividad"/>):
    /// the AEI found, or the problem on the form's AEI field.
    /// </summary>
    public static ProblemaProgramacion? ProblemaAei(string actividad, string aei, Pei peiDelPoi, out Aei? encontrada)
    {
        encontrada = peiDelPoi.AeiParaActividad(aei, out var motivo);
        return motivo is null ? null : new("Aei", $"Actividad {actividad}: {motivo}.");
    }
}
