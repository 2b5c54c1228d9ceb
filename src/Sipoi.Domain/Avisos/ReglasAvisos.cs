using System.Globalization;
using Sipoi.Domain.Calendario;
using Sipoi.Domain.Formulacion;
using Sipoi.Domain.Informes;
using Sipoi.Domain.Seguimiento;

namespace Sipoi.Domain.Avisos;

/// <summary>Where a deadline stands for a notice: closing soon, or passed a short while ago.</summary>
public enum MomentoPlazo { Proximo, Vencido }

/// <summary>Which day of a calendar milestone a notice is for: N days before its date, or the date itself.</summary>
public enum DiaHito { Antes, Hoy }

/// <summary>
/// When the periodic scan queues a deadline notice (README.md in this folder). The deadlines themselves are never
/// computed here: the caller passes the deadline in force (<see cref="Plazos.Vigente"/>) and the board state
/// (<see cref="TableroEntregas"/>), so a change of the closing rule (a quarterly rhythm) reaches the notices unchanged.
/// </summary>
public static class ReglasAvisos
{
    /// <summary>Default of <c>Sipoi:Avisos:DiasAntesDelPlazo</c>: warn 3 days before a deadline.</summary>
    public const int DiasAntesPorDefecto = 3;
    public const int DiasAntesMaximo = 60;

    /// <summary>
    /// An overdue notice is queued only during the week after the deadline: the first scan of a database with years of
    /// history (or after a long stop) must not mail about months that closed long ago.
    /// </summary>
    public const int DiasVencidoMaximo = 7;

    public static int ValidarDiasAntes(int dias) => dias is < 0 or > DiasAntesMaximo
        ? throw new ReglaDominioException($"Sipoi:Avisos:DiasAntesDelPlazo va de 0 a {DiasAntesMaximo} días; se indicó {dias}.")
        : dias;

    /// <summary>
    /// Proximo from <paramref name="diasAntes"/> days before the deadline through the deadline day itself (still open);
    /// Vencido from the day after, for <see cref="DiasVencidoMaximo"/> days; otherwise nothing.
    /// </summary>
    public static MomentoPlazo? Momento(DateOnly plazo, DateOnly hoy, int diasAntes)
    {
        var faltan = plazo.DayNumber - hoy.DayNumber;
        if (faltan >= 0) return faltan <= diasAntes ? MomentoPlazo.Proximo : null;
        return -faltan <= DiasVencidoMaximo ? MomentoPlazo.Vencido : null;
    }

    /// <summary>
    /// The deadline notice of a centre's month, if one is due today: only for a month still in the operator's hands
    /// (pendiente, observado, atrasado); a submitted or approved month needs nothing from the centre.
    /// </summary>
    public static TipoAviso? AvisoDeSeguimiento(EstadoTablero estado, DateOnly plazoVigente, DateOnly hoy, int diasAntes)
    {
        if (estado is EstadoTablero.Enviado or EstadoTablero.Aprobado) return null;
        return Momento(plazoVigente, hoy, diasAntes) switch
        {
            MomentoPlazo.Proximo when estado != EstadoTablero.Atrasado => TipoAviso.PlazoProximo,
            MomentoPlazo.Vencido when estado == EstadoTablero.Atrasado => TipoAviso.PlazoVencido,
            _ => null,
        };
    }

    /// <summary>A recommendation's notice, if one is due today: not for one implemented or closed as not implemented.</summary>
    public static MomentoPlazo? AvisoDeRecomendacion(DateOnly plazo, EstadoRecomendacion estado, DateOnly hoy, int diasAntes) =>
        estado is EstadoRecomendacion.Implementada or EstadoRecomendacion.NoImplementada ? null : Momento(plazo, hoy, diasAntes);

    /// <summary>
    /// A calendar milestone's notice to the planners, if one is due today: only evaluation and formulation milestones
    /// (registration deadlines are the operators' <see cref="TipoAviso.PlazoProximo"/>; "otro" marks nothing to do), exactly
    /// <paramref name="diasAntes"/> days before its date or on the date itself (with N = 0, once on the date).
    /// </summary>
    public static DiaHito? AvisoDeHito(TipoHito tipo, DateOnly fecha, DateOnly hoy, int diasAntes) =>
        tipo is TipoHito.Evaluacion or TipoHito.Formulacion ? DiaDeHito(fecha, hoy, diasAntes) : null;

    /// <summary>
    /// The proposals milestone's notice to a centre's operators, if one is due today: only while the centre's proposal in the
    /// draft version is still in its hands (Borrador, Observado); a sent or accepted proposal needs nothing from it.
    /// </summary>
    public static DiaHito? AvisoDePropuesta(EstadoFormulacion estado, DateOnly fecha, DateOnly hoy, int diasAntes) =>
        estado is EstadoFormulacion.Borrador or EstadoFormulacion.Observado ? DiaDeHito(fecha, hoy, diasAntes) : null;

    private static DiaHito? DiaDeHito(DateOnly fecha, DateOnly hoy, int diasAntes) => (fecha.DayNumber - hoy.DayNumber) switch
    {
        0 => DiaHito.Hoy,
        var n when n == diasAntes => DiaHito.Antes,
        _ => null,
    };
}

/// <summary>
/// The outbox's uniqueness key of a notice: the same notice for the same user is queued at most once, whichever node
/// or scan tries (a unique index). A deadline notice's key carries the deadline, so a reopening with a new deadline
/// warns again; months sharing a deadline (a quarter) share one notice.
/// </summary>
public static class ClavesAviso
{
    public const int LargoMaximo = 300;

    public static string DePlazo(TipoAviso tipo, int poiId, int centroCostoId, DateOnly plazo, int usuarioId) =>
        Armar($"{tipo}:poi={poiId}:centro={centroCostoId}:plazo={Dia(plazo)}:usuario={usuarioId}");

    public static string DeRecomendacion(int recomendacionId, MomentoPlazo momento, DateOnly plazo, int usuarioId) =>
        Armar($"{TipoAviso.Recomendacion}:{momento}:recomendacion={recomendacionId}:plazo={Dia(plazo)}:usuario={usuarioId}");

    /// <summary>A calendar milestone's notice: once per milestone, day kind, date and user (a moved milestone warns again).</summary>
    public static string DeHito(TipoAviso tipo, int hitoId, DiaHito dia, DateOnly fecha, int usuarioId, int? centroCostoId = null) =>
        Armar($"{tipo}:{dia}:hito={hitoId}" + (centroCostoId is { } c ? $":centro={c}" : "") + $":fecha={Dia(fecha)}:usuario={usuarioId}");

    /// <summary>A notice caused by an event (observe, reopen, publish): each event is its own notice.</summary>
    public static string DeEvento(TipoAviso tipo, string objeto, DateTimeOffset instante, int usuarioId) =>
        Armar($"{tipo}:{objeto}:en={instante.UtcTicks.ToString(CultureInfo.InvariantCulture)}:usuario={usuarioId}");

    private static string Dia(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Armar(string clave) => clave.Length <= LargoMaximo ? clave : clave[..LargoMaximo];
}

/// <summary>
/// When a notice whose sending failed is tried again. It is never given up: a mail server down for days only delays the
/// notices (none is lost), and the outbox shows attempts and the last error meanwhile.
/// </summary>
public static class Reintentos
{
    private static readonly TimeSpan[] Esperas =
        [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromHours(1), TimeSpan.FromHours(3)];

    /// <summary>Once the first waits are spent, every 6 hours.</summary>
    public static readonly TimeSpan EsperaMaxima = TimeSpan.FromHours(6);

    /// <summary>The wait after the <paramref name="intentos"/>-th failed attempt (1 → 1 minute, 2 → 5 minutes …).</summary>
    public static TimeSpan Espera(int intentos) => intentos < 1
        ? throw new ArgumentOutOfRangeException(nameof(intentos))
        : intentos <= Esperas.Length ? Esperas[intentos - 1] : EsperaMaxima;

    public static DateTimeOffset ProximoIntento(int intentos, DateTimeOffset ahora) => ahora + Espera(intentos);
}
