using Sipoi.Domain.Periodos;
using Sipoi.Domain.Seguimiento;

namespace Sipoi.Domain.Operativo;

/// <summary>
/// What an import (exchange file or Excel workbook) may do to a POI year that already has registered progress.
/// The rule lives here once; the importer applies it. An import keeps every registered month of the activities
/// that remain (matched by code): it never deletes progress, never changes a submitted or approved month's target,
/// and never changes an approved or submitted month's registered values. Anything else is a POI Modificado,
/// drafted and approved in Formulación, never a silent side effect of loading a file.
/// </summary>
public static class ReimportacionPoi
{
    /// <summary>The texts registered with a month (logros, dificultades, medidas correctivas).</summary>
    public sealed record TextosMes(string? Logros, string? Dificultades, string? MedidasCorrectivas)
    {
        public bool Vacia => Logros is null && Dificultades is null && MedidasCorrectivas is null;
    }

    /// <summary>A month an activity has registered (a row exists, even with empty values).</summary>
    public sealed record MesRegistrado(decimal? Fisico, decimal? Financiero, TextosMes Justificacion);

    /// <summary>An activity of the POI in the database: its target in force and what it registered.</summary>
    public sealed record ActividadActual(string Codigo, string CentroCosto, decimal[] Programado,
        IReadOnlyDictionary<int, MesRegistrado> Meses, bool TieneOtroAvance)
    {
        /// <summary>Months, financial amounts by genérica or evidence files: anything an import must not lose.</summary>
        public bool TieneAvance => Meses.Count > 0 || TieneOtroAvance;
    }

    /// <summary>An activity as the import brings it; <see cref="Indice"/> is its position (for the file's own addresses).</summary>
    public sealed record ActividadImportada(int Indice, string Codigo, string CentroCosto, decimal[] Programado,
        decimal?[] Ejecutado, decimal?[] FinancieroEjecutado, IReadOnlyDictionary<int, TextosMes> Justificaciones);

    /// <summary>
    /// One reason to refuse the import. <see cref="Indice"/>, <see cref="Mes"/> and <see cref="Campo"/> (ejecutado,
    /// financieroEjecutado, justificaciones, programado) let the caller name its own address (a JSON path).
    /// </summary>
    public sealed record Problema(string Mensaje, int? Indice = null, int? Mes = null, string? Campo = null)
    {
        public override string ToString() => Mensaje;
    }

    public const string ComoCambiarlo = "Para cambiarlo registre un POI Modificado en Formulación.";

    /// <summary>Months whose target and values no import may change: the office already has them (submitted) or closed them (approved).</summary>
    public static bool MesCerrado(EstadoSeguimiento estado) => estado is EstadoSeguimiento.Enviado or EstadoSeguimiento.Validado or EstadoSeguimiento.Aprobado;

    /// <summary>
    /// Every reason why <paramref name="importadas"/> cannot replace <paramref name="actuales"/>; empty when it can.
    /// <paramref name="estado"/> gives the workflow state of a cost centre's month (Pendiente when it has none).
    /// </summary>
    public static IReadOnlyList<Problema> Verificar(IReadOnlyList<ActividadActual> actuales, IReadOnlyList<ActividadImportada> importadas,
        Func<string, int, EstadoSeguimiento> estado)
    {
        var problemas = new List<Problema>();
        var porCodigo = importadas.GroupBy(a => a.Codigo, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var existentes = actuales.ToDictionary(a => a.Codigo, StringComparer.Ordinal);
        foreach (var a in actuales.Where(a => a.TieneAvance).OrderBy(a => a.Codigo, StringComparer.Ordinal))
        {
            if (!porCodigo.TryGetValue(a.Codigo, out var nueva))
            {
                problemas.Add(new($"La actividad {a.Codigo} tiene avance registrado{MesesTexto(a)} y no figura en lo que se importa: " +
                                  $"una importación no puede retirarla. {ComoCambiarlo}"));
                continue;
            }
            if (nueva.CentroCosto != a.CentroCosto)
                problemas.Add(new($"La actividad {a.Codigo} tiene avance registrado en el centro de costo {a.CentroCosto}: una importación no puede " +
                                  $"pasarla al centro {nueva.CentroCosto}. {ComoCambiarlo}", nueva.Indice, null, "centroCosto"));
        }
        foreach (var n in importadas)
        {
            existentes.TryGetValue(n.Codigo, out var a);
            for (var mes = 1; mes <= 12; mes++)
            {
                var e = estado(a?.CentroCosto ?? n.CentroCosto, mes);
                if (!MesCerrado(e)) continue;
                var cual = $"el seguimiento de {Meses.Nombre(mes).ToLowerInvariant()} del centro {a?.CentroCosto ?? n.CentroCosto} está {e.Nombre().ToLowerInvariant()}";
                var metaAntes = a?.Programado[mes - 1] ?? 0;
                if (n.Programado[mes - 1] != metaAntes)
                    problemas.Add(new($"La actividad {n.Codigo}, {Meses.Nombre(mes).ToLowerInvariant()}: la meta cambiaría de {Num(metaAntes)} a " +
                                      $"{Num(n.Programado[mes - 1])}, pero {cual}; una importación no cambia la meta de un mes enviado o aprobado. {ComoCambiarlo}",
                        n.Indice, mes, "programado"));
                MesRegistrado? antes = null;
                a?.Meses.TryGetValue(mes, out antes);
                if (n.Ejecutado[mes - 1] is { } fisico && fisico != antes?.Fisico)
                    problemas.Add(Valor(n, mes, "ejecutado", "la ejecución física registrada", antes?.Fisico, fisico, cual));
                if (n.FinancieroEjecutado[mes - 1] is { } soles && soles != antes?.Financiero)
                    problemas.Add(Valor(n, mes, "financieroEjecutado", "el monto ejecutado registrado", antes?.Financiero, soles, cual));
                if (n.Justificaciones.TryGetValue(mes, out var j) && j != (antes?.Justificacion ?? new TextosMes(null, null, null)))
                    problemas.Add(new($"La actividad {n.Codigo}, {Meses.Nombre(mes).ToLowerInvariant()}: la justificación difiere de la registrada, " +
                                      $"pero {cual}; una importación no cambia un mes enviado o aprobado.", n.Indice, mes, "justificaciones"));
            }
        }
        return problemas;
    }

    private static Problema Valor(ActividadImportada n, int mes, string campo, string que, decimal? antes, decimal nuevo, string cual) =>
        new($"La actividad {n.Codigo}, {Meses.Nombre(mes).ToLowerInvariant()}: {que} es {(antes is { } v ? Num(v) : "vacía")} y lo importado trae " +
            $"{Num(nuevo)}, pero {cual}; una importación no cambia un mes enviado o aprobado.", n.Indice, mes, campo);

    private static string MesesTexto(ActividadActual a) => a.Meses.Count == 0
        ? ""
        : " (" + string.Join(", ", a.Meses.Keys.Order().Select(m => Meses.Nombre(m).ToLowerInvariant())) + ")";

    private static string Num(decimal v) => v.ToString("#,0.####", System.Globalization.CultureInfo.InvariantCulture);
}
