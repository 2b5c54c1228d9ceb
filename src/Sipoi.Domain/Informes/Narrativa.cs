using System.Globalization;
using Sipoi.Domain.Periodos;
using Sipoi.Domain.Seguimiento;

namespace Sipoi.Domain.Informes;

/// <summary>
/// One activity's justification of one month as registered (<see cref="Operativo.AvanceMensual"/>), with where the
/// activity sits (OEI → AEI, cost centre) and the workflow state of its centre's month (null: never touched).
/// </summary>
public sealed record JustificacionRegistrada(
    string OeiCodigo,
    string AeiCodigo,
    string CentroCodigo,
    string CentroNombre,
    string ActividadCodigo,
    string ActividadNombre,
    int Mes,
    EstadoSeguimiento? EstadoMes,
    string? Logros,
    string? Dificultades,
    string? MedidasCorrectivas);

/// <summary>A centre's period summary as stored (<see cref="ResumenPeriodo"/>) with the state of the month that carries it.</summary>
public sealed record ResumenRegistrado(string CentroCodigo, string CentroNombre, Periodo Trimestre, EstadoSeguimiento? EstadoMes, string Texto);

/// <summary>One justification in the consolidation: activity, centre, month and the three texts (any may be null).</summary>
public sealed record LineaNarrativa(string ActividadCodigo, string ActividadNombre, string CentroCodigo, int Mes,
    string? Logros, string? Dificultades, string? MedidasCorrectivas)
{
    public string NombreMes => Meses.Nombre(Mes);
}

public sealed record NarrativaAei(string Codigo, IReadOnlyList<LineaNarrativa> Lineas);

public sealed record NarrativaOei(string Codigo, IReadOnlyList<NarrativaAei> Aeis)
{
    public IEnumerable<LineaNarrativa> Lineas => Aeis.SelectMany(a => a.Lineas);
}

public sealed record NarrativaCentro(string Codigo, string Nombre, IReadOnlyList<LineaNarrativa> Lineas, IReadOnlyList<ResumenRegistrado> Resumenes);

/// <summary>The justifications and period summaries of a period, by OEI → AEI and by cost centre.</summary>
public sealed record NarrativaPeriodo(Periodo Periodo, IReadOnlyList<NarrativaOei> Oeis, IReadOnlyList<NarrativaCentro> Centros)
{
    public bool Vacia => Oeis.Count == 0 && Centros.All(c => c.Resumenes.Count == 0);
    public IEnumerable<ResumenRegistrado> Resumenes => Centros.SelectMany(c => c.Resumenes);
}

/// <summary>
/// Consolidates what the centres wrote (justifications per activity and month, period summaries) for any period, counting
/// only the months the evaluation counts (<see cref="MesesQueCuentan"/>): a justification of a month still in the
/// centre's hands may change, and the evaluation's figures leave that month out too. See README.md, "Narrativa".
/// </summary>
public static class ConsolidacionNarrativa
{
    public static NarrativaPeriodo Consolidar(Periodo periodo, IEnumerable<JustificacionRegistrada> justificaciones,
        IEnumerable<ResumenRegistrado> resumenes, bool mostrarEnviados)
    {
        bool Cuenta(int mes, EstadoSeguimiento? estado) =>
            periodo.Contiene(mes) && estado is { } e && MesesQueCuentan.Cuenta(e, mostrarEnviados);

        var validas = justificaciones
            .Where(j => Cuenta(j.Mes, j.EstadoMes) && (j.Logros ?? j.Dificultades ?? j.MedidasCorrectivas) is not null)
            .OrderBy(j => j.ActividadCodigo, StringComparer.Ordinal).ThenBy(j => j.Mes)
            .ToList();
        static LineaNarrativa Linea(JustificacionRegistrada j) =>
            new(j.ActividadCodigo, j.ActividadNombre, j.CentroCodigo, j.Mes, j.Logros, j.Dificultades, j.MedidasCorrectivas);

        var oeis = validas.GroupBy(j => j.OeiCodigo).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new NarrativaOei(g.Key, g.GroupBy(j => j.AeiCodigo).OrderBy(a => a.Key, StringComparer.Ordinal)
                .Select(a => new NarrativaAei(a.Key, a.Select(Linea).ToList())).ToList()))
            .ToList();

        var contados = resumenes.Where(r => Cuenta(r.Trimestre.Hasta, r.EstadoMes) && !string.IsNullOrWhiteSpace(r.Texto))
            .OrderBy(r => r.Trimestre.Numero).ToList();
        var centros = validas.Select(j => (j.CentroCodigo, j.CentroNombre))
            .Concat(contados.Select(r => (r.CentroCodigo, r.CentroNombre)))
            .DistinctBy(c => c.CentroCodigo).OrderBy(c => c.CentroCodigo, StringComparer.Ordinal)
            .Select(c => new NarrativaCentro(c.CentroCodigo, c.CentroNombre,
                validas.Where(j => j.CentroCodigo == c.CentroCodigo).Select(Linea).ToList(),
                contados.Where(r => r.CentroCodigo == c.CentroCodigo).ToList()))
            .ToList();
        return new NarrativaPeriodo(periodo, oeis, centros);
    }
}

/// <summary>
/// Drafts the narrative's sentences from what the centres wrote: a starting point the planning office edits in SIPOI.
/// Quotes the texts as written («…»), each with its activity, centre and month, so the office can trace every claim.
/// </summary>
public static class RedaccionNarrativa
{
    /// <summary>Paragraphs (one per kind of text) on the justifications of an OEI's activities; empty when none.</summary>
    public static IReadOnlyList<string> Justificaciones(NarrativaOei? oei)
    {
        if (oei is null) return [];
        var lineas = oei.Lineas.ToList();
        if (lineas.Count == 0) return [];
        var actividades = lineas.Select(l => l.ActividadCodigo).Distinct().Count();
        var p = new List<string>
        {
            $"Los centros de costo justificaron la ejecución de {Contar(actividades, "actividad", "actividades")} del {oei.Codigo} " +
            $"en {Contar(lineas.Count, "mes-actividad", "meses-actividad")} del periodo.",
        };
        Agregar(p, "Logros", lineas, l => l.Logros);
        Agregar(p, "Dificultades", lineas, l => l.Dificultades);
        Agregar(p, "Medidas correctivas", lineas, l => l.MedidasCorrectivas);
        return p;
    }

    /// <summary>One paragraph per period summary: "Centro 01.02 OFICINA…, I Trimestre: «…»".</summary>
    public static IReadOnlyList<string> Resumenes(NarrativaPeriodo narrativa) =>
        narrativa.Resumenes.Select(r => $"Factores que contribuyeron o dificultaron el cumplimiento según el centro de costo {r.CentroCodigo} {r.CentroNombre} " +
                                        $"({r.Trimestre.Nombre}): «{UnaLinea(r.Texto)}»").ToList();

    /// <summary>
    /// One sentence per kind of text. A text written the same way in several activity-months (an operator repeating the
    /// month's reason, a centre using one sentence for several activities) is quoted once, after every activity-month
    /// that wrote it: "AO-1 (01.02, febrero y marzo), AO-5 (02.01, abril): «Falta de personal»" — each claim stays
    /// traceable and the report does not repeat one sentence page after page.
    /// </summary>
    private static void Agregar(List<string> p, string titulo, IReadOnlyList<LineaNarrativa> lineas, Func<LineaNarrativa, string?> texto)
    {
        var partes = lineas.Where(l => texto(l) is not null)
            .GroupBy(l => UnaLinea(texto(l)!), StringComparer.Ordinal)
            .Select(g =>
            {
                var quienes = g.GroupBy(l => (l.ActividadCodigo, l.CentroCodigo))
                    .Select(a => $"{a.Key.ActividadCodigo} ({a.Key.CentroCodigo}, {Redaccion.Lista(Tramos(a.Select(l => l.Mes).Distinct().Order().ToList()))})");
                return $"{string.Join(", ", quienes)}: «{g.Key}»";
            }).ToList();
        if (partes.Count > 0) p.Add($"{titulo}: {string.Join("; ", partes)}.");
    }

    /// <summary>Months as written: three or more consecutive ones as a span ("enero a octubre"), others one by one.</summary>
    private static List<string> Tramos(IReadOnlyList<int> meses)
    {
        static string M(int m) => Meses.Nombre(m).ToLowerInvariant();
        var r = new List<string>();
        for (var i = 0; i < meses.Count;)
        {
            var j = i;
            while (j + 1 < meses.Count && meses[j + 1] == meses[j] + 1) j++;
            if (j - i >= 2) r.Add($"{M(meses[i])} a {M(meses[j])}");
            else for (var k = i; k <= j; k++) r.Add(M(meses[k]));
            i = j + 1;
        }
        return r;
    }


    /// <summary>A quoted text on one line: the narrative is one paragraph (or one list item) per line.</summary>
    private static string UnaLinea(string texto) =>
        string.Join(" ", texto.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static string Contar(int n, string singular, string plural) =>
        n == 1 ? $"1 {singular}" : $"{n.ToString(CultureInfo.InvariantCulture)} {plural}";
}
