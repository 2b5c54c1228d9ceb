using Sipoi.Domain.Formulacion;
using Sipoi.Domain.Seguimiento;

namespace Sipoi.Domain.Avisos;

/// <summary>A notice's subject and body, in Spanish, without its links (added when it is sent, <see cref="RedaccionAvisos.ConEnlaces"/>).</summary>
public sealed record MensajeAviso(string Asunto, string Cuerpo);

/// <summary>
/// The texts of every notice. Each says what happened, to which month, centre or evaluation, and what to do by when;
/// it carries only what the recipient already sees in SIPOI (its own centre's month and observation, its own
/// recommendations, a published evaluation), never another centre's figures.
/// </summary>
public static class RedaccionAvisos
{
    public const int LargoMaximoAsunto = 300;

    public static MensajeAviso MesObservado(MesDelAnio mes, string centro, string observacion, DateOnly plazo, bool vencido) => new(
        Asunto($"SIPOI: seguimiento de {mes.Nombre} observado — {centro}"),
        $"La oficina de planeamiento observó el seguimiento de {mes.Nombre} del centro de costo {centro}.\n\n" +
        $"Observación: {observacion}\n\n" +
        (vencido
            ? $"El plazo venció el {Plazos.Fecha(plazo)}: para corregirlo, la oficina de planeamiento debe reabrir el mes con un nuevo plazo."
            : $"Corrija lo observado y envíe el mes de nuevo hasta el {Plazos.Fecha(plazo)}."));

    public static MensajeAviso MesReabierto(MesDelAnio mes, string centro, string motivo, DateOnly nuevoPlazo) => new(
        Asunto($"SIPOI: seguimiento de {mes.Nombre} reabierto hasta el {Plazos.Fecha(nuevoPlazo)} — {centro}"),
        $"La oficina de planeamiento reabrió el seguimiento de {mes.Nombre} del centro de costo {centro}.\n\n" +
        $"Motivo: {motivo}\n\n" +
        $"Nuevo plazo: {Plazos.Fecha(nuevoPlazo)}. Registre y envíe el mes hasta esa fecha.");

    /// <param name="meses">The months that share the deadline (one, or a quarter's).</param>
    public static MensajeAviso PlazoProximo(IReadOnlyList<MesDelAnio> meses, string centro, DateOnly plazo, DateOnly hoy)
    {
        var cuales = Meses(meses);
        return new(
            Asunto($"SIPOI: el plazo del seguimiento de {cuales} vence el {Plazos.Fecha(plazo)} — {centro}"),
            $"El plazo para registrar y enviar el seguimiento de {cuales} del centro de costo {centro} vence el {Plazos.Fecha(plazo)} " +
            $"({Faltan(plazo, hoy)}) y todavía no se ha enviado a la oficina de planeamiento.");
    }

    public static MensajeAviso PlazoVencido(IReadOnlyList<MesDelAnio> meses, string centro, DateOnly plazo)
    {
        var cuales = Meses(meses);
        return new(
            Asunto($"SIPOI: venció el plazo del seguimiento de {cuales} — {centro}"),
            $"El plazo para registrar y enviar el seguimiento de {cuales} del centro de costo {centro} venció el {Plazos.Fecha(plazo)} " +
            "y no se ha enviado. Para registrarlo ahora, la oficina de planeamiento debe reabrir el mes con un nuevo plazo.");
    }

    /// <param name="evaluacion">"Evaluación I Semestre 2024".</param>
    /// <param name="responsables">Its units and outside body: "01.02 OFICINA DE PLANEAMIENTO; 05 GERENCIA COMERCIAL; Entidad externa: SUNASS".</param>
    public static MensajeAviso Recomendacion(int numero, string evaluacion, string texto, string accionClave, string responsables, DateOnly plazo,
        MomentoPlazo momento, DateOnly hoy) => new(
        Asunto(momento == MomentoPlazo.Proximo
            ? $"SIPOI: la recomendación {numero} de la {evaluacion} vence el {Plazos.Fecha(plazo)}"
            : $"SIPOI: venció el plazo de la recomendación {numero} de la {evaluacion}"),
        $"La recomendación {numero} de la {evaluacion}, a cargo de {responsables}, " +
        (momento == MomentoPlazo.Proximo ? $"vence el {Plazos.Fecha(plazo)} ({Faltan(plazo, hoy)})" : $"venció el {Plazos.Fecha(plazo)}") +
        " y no figura como implementada.\n\n" +
        $"Recomendación: {texto}\nAcción clave: {accionClave}\n\n" +
        "Informe su avance a la oficina de planeamiento, que lo registra en el seguimiento de recomendaciones.");

    /// <param name="evaluacion">"Evaluación I Semestre 2024".</param>
    public static MensajeAviso EvaluacionPublicada(string evaluacion, string entidad, DateOnly publicadaEl, string? documento) => new(
        Asunto($"SIPOI: se publicó la {evaluacion} de {entidad}"),
        $"La oficina de planeamiento publicó la {evaluacion} de {entidad} el {Plazos.Fecha(publicadaEl)}" +
        (string.IsNullOrWhiteSpace(documento) ? "" : $" (documento: {documento.Trim()})") +
        ". El informe, los cuadros de seguimiento y los datos publicados quedan también en la página de transparencia de la entidad.");

    /// <param name="hito">The milestone's name ("Evaluación I Semestre").</param>
    /// <param name="fechas">"del 01/04/2025 al 30/04/2025" or "31/07/2025" (<c>HitoCalendario.Fechas</c>).</param>
    public static MensajeAviso HitoCalendario(string hito, int ciclo, string fechas, DateOnly fecha, DateOnly hoy) => new(
        Asunto(fecha == hoy
            ? $"SIPOI: hoy vence el hito «{hito}» del calendario {ciclo}"
            : $"SIPOI: el hito «{hito}» del calendario {ciclo} vence el {Plazos.Fecha(fecha)}"),
        $"El hito «{hito}» del calendario {ciclo} de la entidad ({fechas}) vence el {Plazos.Fecha(fecha)} ({Faltan(fecha, hoy)}).\n\n" +
        "Revise en el calendario lo que corresponde a esa fecha.");

    public static MensajeAviso PropuestaPendiente(int anioPoi, string centro, EstadoFormulacion estado, DateOnly plazo, DateOnly hoy) => new(
        Asunto(plazo == hoy
            ? $"SIPOI: hoy vence el plazo de la propuesta del POI {anioPoi} — {centro}"
            : $"SIPOI: el plazo de la propuesta del POI {anioPoi} vence el {Plazos.Fecha(plazo)} — {centro}"),
        $"El plazo para que el centro de costo {centro} envíe su propuesta del POI {anioPoi} vence el {Plazos.Fecha(plazo)} " +
        $"({Faltan(plazo, hoy)}) y la propuesta está {(estado == EstadoFormulacion.Observado ? "observada" : "en borrador")}.\n\n" +
        "Complete la propuesta y envíela a la oficina de planeamiento.");

    /// <summary>The body as sent: the text, the link to act and the link to choose which notices to receive.</summary>
    public static string ConEnlaces(string cuerpo, string enlace, string enlacePreferencias) =>
        $"{cuerpo}\n\nIngrese a SIPOI para atenderlo: {enlace}\n\n" +
        $"—\nAviso automático de SIPOI; no responda este correo. Para elegir qué avisos recibe: {enlacePreferencias}\n";

    /// <summary>"enero de 2024", "enero de 2024, febrero de 2024 y marzo de 2024".</summary>
    public static string Meses(IReadOnlyList<MesDelAnio> meses)
    {
        if (meses.Count == 0) throw new ArgumentException("Se necesita al menos un mes.", nameof(meses));
        var nombres = meses.OrderBy(m => m.Anio).ThenBy(m => m.Mes).Select(m => m.Nombre).ToList();
        return nombres.Count == 1 ? nombres[0] : $"{string.Join(", ", nombres[..^1])} y {nombres[^1]}";
    }

    private static string Faltan(DateOnly plazo, DateOnly hoy) => (plazo.DayNumber - hoy.DayNumber) switch
    {
        0 => "hoy es el último día",
        1 => "queda 1 día",
        var n => $"quedan {n} días",
    };

    private static string Asunto(string texto) => texto.Length <= LargoMaximoAsunto ? texto : texto[..(LargoMaximoAsunto - 1)] + "…";
}
