using System.Globalization;

namespace Sipoi.Domain.Informes;

/// <summary>The parts of the report's narrative the planning office writes in SIPOI.</summary>
public enum SeccionNarrativa
{
    /// <summary>The analysis of one OEI (report section 3), keyed by the OEI's code.</summary>
    AnalisisOei,
    /// <summary>Conclusions (section 6): one per line.</summary>
    Conclusiones,
    /// <summary>Recommendations (section 7): one per line.</summary>
    Recomendaciones,
}

/// <summary>
/// One text the planning office wrote for an evaluation's report. Only texts that differ from the draft are kept: where
/// the office wrote nothing (or left the draft as it was) the report drafts the text again from the current figures.
/// </summary>
public sealed class TextoNarrativa
{
    /// <summary>A report section is longer than a monitoring paragraph: an OEI's analysis quotes its centres' justifications.</summary>
    public const int LargoMaximo = 20_000;

    public int Id { get; private set; }
    public int EntidadId { get; private set; }
    public int EvaluacionId { get; private set; }
    public SeccionNarrativa Seccion { get; private set; }
    /// <summary>The OEI's code for <see cref="SeccionNarrativa.AnalisisOei"/>; empty for the other sections.</summary>
    public string OeiCodigo { get; private set; } = "";
    public string Texto { get; private set; } = null!;

    private TextoNarrativa() { }

    internal TextoNarrativa(EvaluacionPoi evaluacion, SeccionNarrativa seccion, string oeiCodigo, string texto)
    {
        EntidadId = evaluacion.EntidadId;
        EvaluacionId = evaluacion.Id;
        Seccion = seccion;
        OeiCodigo = oeiCodigo;
        Texto = texto;
    }

    internal void Cambiar(string texto) => Texto = texto;
}

/// <summary>What the editor sends for one section: the text in the box and the draft it started from.</summary>
public sealed record EntradaNarrativa(SeccionNarrativa Seccion, string OeiCodigo, string? Texto, string Borrador)
{
    /// <summary>"el análisis del OEI.01", "las conclusiones": how a message names the section.</summary>
    public string Nombre => Seccion switch
    {
        SeccionNarrativa.AnalisisOei => $"el análisis del {OeiCodigo}",
        SeccionNarrativa.Conclusiones => "las conclusiones",
        _ => "las recomendaciones",
    };
}

/// <summary>The changes one save makes: rows to add and rows to remove (changed rows are changed in place).</summary>
public sealed record CambiosNarrativa(IReadOnlyList<TextoNarrativa> Nuevos, IReadOnlyList<TextoNarrativa> Quitados, int Modificados)
{
    public int Total => Nuevos.Count + Quitados.Count + Modificados;
}

/// <summary>
/// The planning office's narrative of an evaluation (per-OEI analysis, conclusions, recommendations): saved whole or
/// not at all, and read-only once the evaluation is published (the published report is frozen).
/// </summary>
public static class NarrativaEvaluacion
{
    /// <summary>
    /// Applies every section at once. A blank text, or one equal to its draft, drops the office's text (the report
    /// drafts it again). Any invalid section refuses the whole save; the message names each section.
    /// </summary>
    public static CambiosNarrativa Guardar(EvaluacionPoi evaluacion, IReadOnlyList<TextoNarrativa> actuales, IReadOnlyList<EntradaNarrativa> entradas)
    {
        evaluacion.VerificarEditable("su redacción");
        var errores = new List<string>();
        var vistas = new HashSet<(SeccionNarrativa, string)>();
        foreach (var e in entradas)
        {
            if ((e.Seccion == SeccionNarrativa.AnalisisOei) == string.IsNullOrWhiteSpace(e.OeiCodigo))
                errores.Add($"Sección no válida: {e.Seccion} {e.OeiCodigo}.");
            else if (!vistas.Add((e.Seccion, e.OeiCodigo)))
                errores.Add($"{Primera(e.Nombre)} viene más de una vez.");
            else if (Problema(e.Texto) is { } p)
                errores.Add($"{Primera(e.Nombre)}: {p}.");
        }
        if (errores.Count > 0) throw new ReglaDominioException(string.Join(" ", errores));

        var nuevos = new List<TextoNarrativa>();
        var quitados = new List<TextoNarrativa>();
        var modificados = 0;
        foreach (var e in entradas)
        {
            var actual = actuales.FirstOrDefault(t => t.Seccion == e.Seccion && t.OeiCodigo == e.OeiCodigo);
            var texto = Normalizar(e.Texto);
            if (texto is null || texto == Normalizar(e.Borrador))
            {
                if (actual is not null) quitados.Add(actual);
            }
            else if (actual is null) nuevos.Add(new TextoNarrativa(evaluacion, e.Seccion, e.OeiCodigo, texto));
            else if (actual.Texto != texto)
            {
                actual.Cambiar(texto);
                modificados++;
            }
        }
        return new CambiosNarrativa(nuevos, quitados, modificados);
    }

    /// <summary>Line endings as \n, each line trimmed at its end, blank lines at both ends dropped; null when blank.</summary>
    public static string? Normalizar(string? texto)
    {
        if (string.IsNullOrWhiteSpace(texto)) return null;
        var lineas = texto.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n').Select(l => l.TrimEnd());
        return string.Join("\n", lineas).Trim('\n', ' ', '\t');
    }

    /// <summary>The non-blank lines of a text: the report's paragraphs, or the items of a list section.</summary>
    public static IReadOnlyList<string> Lineas(string? texto) =>
        Normalizar(texto) is { } t ? t.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList() : [];

    private static string? Problema(string? texto)
    {
        if (texto is null) return null;
        foreach (var c in texto)
            if (char.IsControl(c) && c is not ('\n' or '\r' or '\t'))
                return $"contiene un carácter de control (U+{((int)c).ToString("X4", CultureInfo.InvariantCulture)}), que no se admite";
        var largo = Normalizar(texto)?.Length ?? 0;
        return largo > TextoNarrativa.LargoMaximo
            ? $"admite hasta {TextoNarrativa.LargoMaximo.ToString("#,0", CultureInfo.InvariantCulture)} caracteres (tiene {largo.ToString("#,0", CultureInfo.InvariantCulture)})"
            : null;
    }

    private static string Primera(string s) => char.ToUpperInvariant(s[0]) + s[1..];
}
