using System.Globalization;
using Sipoi.Domain.Evaluacion;
using Sipoi.Domain.Periodos;

namespace Sipoi.Interop.Reportes;

/// <summary>
/// The execution table up to a cut-off month (DOMAIN.md §6.2, "Ejecución al III Trimestre"):
/// one row per activity with its monthly programmed/executed values up to
/// <paramref name="MesCorte"/>, the quarters closed by then, the cumulative figures and a TOTAL row.
/// </summary>
public sealed record TablaEjecucion(string Entidad, int Anio, int MesCorte, IReadOnlyList<FilaEjecucion> Filas)
{
    /// <summary>A line under the title, e.g. the unidad ejecutora or the POI version.</summary>
    public string? Subtitulo { get; init; }

    /// <summary>Which centre-months the figures do not count yet; an incomplete period gets a note and a list (null: not said).</summary>
    public Sipoi.Domain.Seguimiento.Completitud? Completitud { get; init; }

    /// <summary>Why an incomplete period was published anyway (a published file only).</summary>
    public string? MotivoIncompleta { get; init; }

    /// <summary>What follows "Ejecución al": "III Trimestre" when the cut closes a quarter, otherwise "mes de agosto".</summary>
    public string NombreCorte => MesCorte % 3 == 0
        ? Periodo.Trimestre(MesCorte / 3).Nombre
        : "mes de " + Meses.Nombre(MesCorte).ToLower(CultureInfo.GetCultureInfo("es-PE"));

    /// <summary>Quarters shown: those fully closed by the cut-off month.</summary>
    public int TrimestresCerrados => MesCorte / 3;

    /// <summary>
    /// The numeric columns after the activity's texts, in order, with what each takes from a row: the annual target, months
    /// 1…cut-off (programmed, executed), the quarters closed by the cut, then "Acumulado a &lt;mes&gt;" programmed, executed and
    /// % avance. The workbook and the page both lay their columns out from this list.
    /// </summary>
    public IReadOnlyList<ColumnaEjecucion> Columnas
    {
        get
        {
            var lista = new List<ColumnaEjecucion> { new("", "Meta física anual", f => f.MetaAnual) };
            for (var mes = 1; mes <= MesCorte; mes++)
            {
                var m = mes;
                lista.Add(new(Meses.Nombre(m), "Prog.", f => f.Programado[m - 1]) { Mensual = true });
                lista.Add(new(Meses.Nombre(m), "Ejec.", f => f.Ejecutado[m - 1]) { Mensual = true });
            }
            for (var tri = 1; tri <= TrimestresCerrados; tri++)
            {
                var q = tri;
                var nombre = Periodo.Trimestre(q).Nombre;
                lista.Add(new(nombre, "Prog.", f => f.ProgramadoTrimestre[q - 1]) { Resaltado = true });
                lista.Add(new(nombre, "Ejec.", f => f.EjecutadoTrimestre[q - 1]) { Resaltado = true });
            }
            var acumulado = $"Acumulado a {Meses.Nombre(MesCorte).ToLower(CultureInfo.GetCultureInfo("es-PE"))}";
            lista.Add(new(acumulado, "Prog.", f => f.ProgramadoAcumulado) { Resaltado = true });
            lista.Add(new(acumulado, "Ejec.", f => f.EjecutadoAcumulado) { Resaltado = true });
            lista.Add(new(acumulado, "% Avance", f => f.Avance) { EsPorcentaje = true });
            return lista;
        }
    }

    /// <summary>The TOTAL row's value of a column: what the offices print, a plain column sum; null for the percentage, never summed.</summary>
    public decimal? Total(ColumnaEjecucion columna)
    {
        ArgumentNullException.ThrowIfNull(columna);
        return columna.EsPorcentaje ? null : Filas.Sum(f => columna.Valor(f) ?? 0);
    }
}

/// <summary>
/// One numeric column of the execution table: its group heading ("Enero", "III Trimestre", "Acumulado a setiembre"; empty for
/// the annual target), its own heading and its value in a row. Quarters and cumulative figures are shaded; the percentage is
/// never summed in the TOTAL row.
/// </summary>
public sealed record ColumnaEjecucion(string Grupo, string Titulo, Func<FilaEjecucion, decimal?> Valor)
{
    public bool Mensual { get; init; }
    public bool Resaltado { get; init; }
    public bool EsPorcentaje { get; init; }
}

/// <summary>
/// One activity. Monthly lists have 12 entries (the writer shows those up to the cut); quarter lists 4.
/// Executed null means "not registered" and is left blank; a registered 0 is written as 0.
/// Quarter and cumulative figures are rolled up by the activity's behaviour — use <see cref="Desde"/>.
/// </summary>
/// <param name="Avance">Raw E of the cumulative period (may exceed 100); null without a target.</param>
public sealed record FilaEjecucion(
    string CentroCosto, string ActividadPresupuestal, string Codigo, string Actividad, string UnidadMedida,
    decimal MetaAnual,
    IReadOnlyList<decimal> Programado, IReadOnlyList<decimal?> Ejecutado,
    IReadOnlyList<decimal> ProgramadoTrimestre, IReadOnlyList<decimal?> EjecutadoTrimestre,
    decimal ProgramadoAcumulado, decimal? EjecutadoAcumulado, decimal? Avance)
{
    /// <summary>
    /// Builds the row with the domain rules: quarters and "acumulado al mes" by
    /// <see cref="Agregacion"/>, the percentage by <see cref="Ejecucion.Evaluar(Comportamiento, IReadOnlyList{decimal}, IReadOnlyList{decimal?}, Periodo)"/>.
    /// </summary>
    public static FilaEjecucion Desde(
        string centroCosto, string actividadPresupuestal, string codigo, string actividad, string unidadMedida,
        decimal metaAnual, Comportamiento comportamiento,
        IReadOnlyList<decimal> programado, IReadOnlyList<decimal?> ejecutado, int mesCorte)
    {
        var acumulado = Ejecucion.Evaluar(comportamiento, programado, ejecutado, Periodo.AcumuladoAl(mesCorte));
        return new FilaEjecucion(
            centroCosto, actividadPresupuestal, codigo, actividad, unidadMedida, metaAnual,
            programado, ejecutado,
            Periodo.Trimestres.Select(t => Agregacion.Programado(comportamiento, programado, t)).ToArray(),
            Periodo.Trimestres.Select(t => Agregacion.Ejecutado(comportamiento, ejecutado, t)).ToArray(),
            acumulado.Programado, acumulado.Ejecutado, acumulado.Porcentaje);
    }
}
