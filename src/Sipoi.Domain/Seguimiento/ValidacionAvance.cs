using System.Globalization;
using System.Text;
using Sipoi.Domain.Organizacion;

namespace Sipoi.Domain.Seguimiento;

/// <summary>
/// Checks the values of one registration (see README.md, "Valores"). The web layer parses the
/// text; this decides which decimals are acceptable.
/// </summary>
public static partial class ValidacionAvance
{
    /// <summary>A value more than this many times its target is taken as a typing error.</summary>
    public const decimal FactorAbsurdo = 100m;

    /// <summary>Physical values keep up to 4 decimals (what the database stores).</summary>
    public const int DecimalesFisico = 4;

    /// <summary>Soles keep céntimos only.</summary>
    public const int DecimalesFinanciero = 2;

    /// <summary>The largest value the database stores (numeric(18,4): 14 integer digits).</summary>
    public const decimal ValorMaximo = 99_999_999_999_999.9999m;

    /// <summary>Length of the logros, dificultades and medidas correctivas columns.</summary>
    public const int LargoMaximoTexto = 4000;

    /// <summary>
    /// Reads a number as the offices type it: dot for decimals, optional comma thousands
    /// ("17,009,620.80", "1234.5", "-3"). Blank is "not registered" (null). Anything else, including
    /// a decimal comma ("12,5" — ambiguous with thousands), is a problem naming activity, month and field.
    /// A negative number is read, so <see cref="Validar"/> can say it is negative.
    /// </summary>
    public static (decimal? Valor, ProblemaSeguimiento? Problema) Leer(string? texto, string codigoActividad, MesDelAnio mes, string campo)
    {
        if (string.IsNullOrWhiteSpace(texto)) return (null, null);
        var t = texto.Trim();
        if (NumeroEscrito.TryLeer(t, out var v)) return (v, null);
        return (null, new ProblemaSeguimiento(codigoActividad, campo,
            $"Actividad {codigoActividad}, {mes.Nombre}: {CampoAvance.Nombre(campo)} «{t}» no es un número (use punto decimal, por ejemplo 1,234.50)."));
    }

    /// <summary>All problems of the values and texts of one registration; empty when it can be saved.</summary>
    public static IReadOnlyList<ProblemaSeguimiento> Validar(ActividadDelMes actividad, MesDelAnio mes)
    {
        var problemas = new List<ProblemaSeguimiento>();
        var a = actividad.Avance;
        if (a.Fisico is { } f)
        {
            var limite = LimiteFisico(actividad.MetaMes, actividad.MetaAnual, actividad.UnidadMedida);
            var detalle = Valor(f, DecimalesFisico, "la ejecución física", "negativa") ?? (limite is { } l && f > l
                ? $"la ejecución física {CifraEnMensaje.Numero(f)} no es razonable: {Razon(actividad.MetaMes, actividad.MetaAnual, actividad.UnidadMedida)}."
                : null);
            if (detalle is not null) problemas.Add(ProblemaSeguimiento.De(actividad, mes, CampoAvance.EjecutadoFisico, detalle));
        }
        if (a.Financiero is { } s)
        {
            var limite = Limite(actividad.MetaFinancieraMes, actividad.MetaFinancieraAnual);
            var detalle = Valor(s, DecimalesFinanciero, "el monto ejecutado", "negativo") ?? (limite is { } l && s > l
                ? $"el monto ejecutado S/ {CifraEnMensaje.Numero(s)} no es razonable: supera {FactorAbsurdo:0} veces lo programado " +
                  (actividad.MetaFinancieraMes > 0
                      ? $"en el mes (S/ {CifraEnMensaje.Numero(actividad.MetaFinancieraMes)})."
                      : $"en el año (S/ {CifraEnMensaje.Numero(actividad.MetaFinancieraAnual)}) y el mes no tiene programación.")
                : null);
            if (detalle is not null) problemas.Add(ProblemaSeguimiento.De(actividad, mes, CampoAvance.EjecutadoFinanciero, detalle));
        }
        Texto(actividad, mes, CampoAvance.Logros, a.Logros, problemas);
        Texto(actividad, mes, CampoAvance.Dificultades, a.Dificultades, problemas);
        Texto(actividad, mes, CampoAvance.MedidasCorrectivas, a.MedidasCorrectivas, problemas);
        return problemas;
    }

    /// <summary>
    /// The highest physical value accepted: 100 for a percentage unit; otherwise 100 × the month's
    /// target, or 100 × the annual target when the month has none; null (only <see cref="ValorMaximo"/>)
    /// when the activity has no target at all.
    /// </summary>
    public static decimal? LimiteFisico(decimal metaMes, decimal metaAnual, string? unidadMedida) =>
        EsPorcentaje(unidadMedida) ? 100m : Limite(metaMes, metaAnual);

    /// <summary>A unit "%", "Porcentaje", "% de avance", "porcentaje (%)": its values cannot pass 100.</summary>
    public static bool EsPorcentaje(string? unidadMedida)
    {
        if (string.IsNullOrWhiteSpace(unidadMedida)) return false;
        if (unidadMedida.Contains('%')) return true;
        return SinTildes(unidadMedida).Contains("porcentaje", StringComparison.OrdinalIgnoreCase);
    }

    private static decimal? Limite(decimal meta, decimal anual) =>
        meta > 0 ? meta * FactorAbsurdo : anual > 0 ? anual * FactorAbsurdo : null;

    private static string Razon(decimal metaMes, decimal metaAnual, string? unidad) =>
        EsPorcentaje(unidad) ? $"la unidad de medida es un porcentaje ({unidad!.Trim()}) y no puede pasar de 100"
        : metaMes > 0 ? $"supera {FactorAbsurdo:0} veces la meta del mes ({CifraEnMensaje.Numero(metaMes)})"
        : $"supera {FactorAbsurdo:0} veces la meta anual ({CifraEnMensaje.Numero(metaAnual)}) y el mes no tiene meta";

    private static string? Valor(decimal v, int decimales, string campo, string negativo)
    {
        if (v < 0) return $"{campo} no puede ser {negativo}.";
        if (v > ValorMaximo) return $"{campo} {CifraEnMensaje.Numero(v)} excede el máximo admitido.";
        if (decimal.Round(v, decimales) != v) return $"{campo} admite hasta {decimales} decimales.";
        return null;
    }

    private static void Texto(ActividadDelMes a, MesDelAnio mes, string campo, string? texto, List<ProblemaSeguimiento> problemas)
    {
        if (texto is { Length: > LargoMaximoTexto })
            problemas.Add(ProblemaSeguimiento.De(a, mes, campo,
                $"{CampoAvance.Nombre(campo)} no pueden pasar de {LargoMaximoTexto} caracteres (tienen {texto.Length.ToString(CultureInfo.InvariantCulture)})."));
        else if (LimitesTexto.Problema(texto, ClaseTexto.TextoLargo) is { } problema)
            problemas.Add(ProblemaSeguimiento.De(a, mes, campo, $"el texto de {CampoAvance.Nombre(campo)} {problema}."));
    }

    private static string SinTildes(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s.Normalize(NormalizationForm.FormD))
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) sb.Append(c);
        return sb.ToString();
    }
}

/// <summary>
/// What a cost centre's month must satisfy before it is submitted (see README.md, "Envío").
/// Returns every problem at once, in the order of the activities given.
/// </summary>
public static class ReglasEnvio
{
    public static IReadOnlyList<ProblemaSeguimiento> Verificar(MesDelAnio mes, IEnumerable<ActividadDelMes> actividades,
        ConfiguracionEntidad configuracion)
    {
        var problemas = new List<ProblemaSeguimiento>();
        foreach (var original in actividades)
        {
            var a = original with { Avance = original.Avance.Normalizado() };
            var deValores = ValidacionAvance.Validar(a, mes);
            problemas.AddRange(deValores);
            // Tolerance is judged on a valid value only: an invalid one is corrected first.
            if (deValores.Any(p => p.Campo == CampoAvance.EjecutadoFisico)) continue;
            if (a.TieneMeta && a.Avance.Fisico is null)
            {
                problemas.Add(ProblemaSeguimiento.De(a, mes, CampoAvance.EjecutadoFisico,
                    $"falta registrar la ejecución física (meta del mes: {CifraEnMensaje.Numero(a.MetaMes)})."));
                continue;
            }
            if (!Justificacion.Requerida(a.MetaMes, a.Avance.Fisico, configuracion)) continue;
            var motivo = Justificacion.Explicacion(a.MetaMes, a.Avance.Fisico, configuracion);
            if (a.Avance.Logros is null) problemas.Add(Falta(a, mes, CampoAvance.Logros, motivo));
            if (a.Avance.Dificultades is null) problemas.Add(Falta(a, mes, CampoAvance.Dificultades, motivo));
            if (a.Avance.MedidasCorrectivas is null) problemas.Add(Falta(a, mes, CampoAvance.MedidasCorrectivas, motivo));
        }
        return problemas;
    }

    private static ProblemaSeguimiento Falta(ActividadDelMes a, MesDelAnio mes, string campo, string motivo) =>
        ProblemaSeguimiento.De(a, mes, campo, $"faltan {CampoAvance.Nombre(campo)}: {motivo}.");
}
