using System.Text.RegularExpressions;

namespace Sipoi.Interop.ImportacionExcel;

/// <summary>One recognised column of an execution table and the heading to name it by ("Mar Ejec.", "I Trimestre Prog.").</summary>
internal sealed record ColumnaEjecucion(int Numero, string Titulo);

/// <summary>
/// The heading of an execution table (one row, or two: a group over its sub-headings, merged or not) and what each column
/// is, by its text: code, activity name, cost centre, the other descriptive columns, each month programmed or executed,
/// each quarter programmed or executed. A month's kind is read from its heading ("Prog." / "Ejec.", "Programado" /
/// "Ejecutado" over the months); a month named twice without it is programmed the first time and executed the second —
/// the published layout, programmed months then executed months. Cumulative and percentage columns are left out.
/// </summary>
internal sealed partial class ColumnasEjecucion
{
    private static readonly string[][] NombresMes =
    [
        ["enero", "ene"], ["febrero", "feb"], ["marzo", "mar"], ["abril", "abr"], ["mayo", "may"], ["junio", "jun"],
        ["julio", "jul"], ["agosto", "ago"], ["setiembre", "septiembre", "set", "sep", "sept"], ["octubre", "oct"],
        ["noviembre", "nov"], ["diciembre", "dic"],
    ];
    private static readonly string[] Abreviaturas = ["Ene", "Feb", "Mar", "Abr", "May", "Jun", "Jul", "Ago", "Set", "Oct", "Nov", "Dic"];

    private enum Clase { Programado, Ejecutado }

    public ColumnaEjecucion? Codigo { get; private set; }
    public ColumnaEjecucion? Nombre { get; private set; }
    public ColumnaEjecucion? Centro { get; private set; }
    /// <summary>Descriptive columns (unit, budget activity, annual target…): only looked at for a TOTAL row.</summary>
    public List<ColumnaEjecucion> Textos { get; } = [];
    public ColumnaEjecucion?[] Programado { get; } = new ColumnaEjecucion?[13];
    public ColumnaEjecucion?[] Ejecutado { get; } = new ColumnaEjecucion?[13];
    public ColumnaEjecucion?[] ProgramadoTrimestre { get; } = new ColumnaEjecucion?[5];
    public ColumnaEjecucion?[] EjecutadoTrimestre { get; } = new ColumnaEjecucion?[5];
    public int PrimeraFilaDatos { get; private set; }

    /// <summary>Month and quarter columns: a row with a value in none of them has nothing to load.</summary>
    public IEnumerable<ColumnaEjecucion> Cantidades =>
        Programado.Concat(Ejecutado).Concat(ProgramadoTrimestre).Concat(EjecutadoTrimestre).OfType<ColumnaEjecucion>();

    /// <summary>The execution table of <paramref name="hoja"/>; null when it has none. A heading found but unusable adds an error.</summary>
    public static ColumnasEjecucion? Detectar(HojaLeida hoja, List<ErrorExcel> errores)
    {
        for (var f = 1; f <= hoja.UltimaFila; f++)
        {
            // A heading row names the code or the activity and holds no number (a data row always has some).
            var identidad = Enumerable.Range(1, hoja.UltimaColumna).Any(c => Identidad(Texto(hoja, f, c)) is "codigo" or "nombre");
            if (!identidad || SinNumeros(hoja, f) is false) continue;
            var arriba = Enumerable.Range(1, hoja.UltimaColumna).Select(c => Texto(hoja, f, c)).ToList();
            var abajo = Enumerable.Range(1, hoja.UltimaColumna).Select(c => hoja.Texto(f + 1, c)).ToList();
            // Two heading rows when the row below names months, quarters or their kinds; otherwise one.
            var dosFilas = SinNumeros(hoja, f + 1) && abajo.Any(t => t is not null && Palabras(t).Count() <= 3
                                                                   && (MesDe(t) is not null || Tipo(t) is not null || TrimestreDe(t) is not null));
            var col = new ColumnasEjecucion { PrimeraFilaDatos = dosFilas ? f + 2 : f + 1 };
            var meses = new List<(int Columna, int Mes, Clase? Clase, string Texto)>();
            for (var c = 1; c <= hoja.UltimaColumna; c++)
            {
                var t1 = arriba[c - 1];
                var t2 = dosFilas ? abajo[c - 1] : null;
                var todo = string.Join(" ", new[] { t1, t2 }.OfType<string>());
                if (todo.Length == 0) continue;
                var n = TextoExcel.Normalizar(todo);
                if (n.Contains("acumulado", StringComparison.Ordinal) || n.Contains("avance", StringComparison.Ordinal) || n.Contains('%')) continue;
                var mes = MesDe(t1) ?? MesDe(t2) ?? MesDe(todo);
                var trimestre = TrimestreDe(t1) ?? TrimestreDe(t2);
                var clase = Tipo(t1) ?? Tipo(t2) ?? Tipo(todo);
                var titulo = string.Join(" ", new[] { t1, t2 }.OfType<string>().Select(x => x.Trim().TrimEnd(':').Trim()));
                if (trimestre is { } q)
                {
                    var arr = clase == Clase.Ejecutado ? col.EjecutadoTrimestre : col.ProgramadoTrimestre;
                    if (clase is null && col.ProgramadoTrimestre[q] is not null) arr = col.EjecutadoTrimestre;
                    arr[q] ??= new ColumnaEjecucion(c, titulo);
                }
                else if (mes is { } m) meses.Add((c, m, clase, titulo));
                else
                    switch (Identidad(t1 ?? t2))
                    {
                        case "codigo": col.Codigo ??= new ColumnaEjecucion(c, titulo); break;
                        case "nombre": col.Nombre ??= new ColumnaEjecucion(c, titulo); break;
                        case "centro": col.Centro ??= new ColumnaEjecucion(c, titulo); break;
                        case "texto": col.Textos.Add(new ColumnaEjecucion(c, titulo)); break;
                    }
            }
            if (meses.Count == 0) continue; // a POI matrix (E F M …) or another table: not an execution table

            var problemas = new List<string>();
            foreach (var porMes in meses.GroupBy(x => x.Mes))
            {
                var lista = porMes.ToList();
                var sinClase = 0;
                foreach (var x in lista)
                {
                    // Without "Prog."/"Ejec.": the first is programmed, the second executed (programmed months, then executed).
                    var clase = x.Clase ?? (sinClase++ == 0 && lista.Count > 1 ? Clase.Programado : lista.Count > 1 ? Clase.Ejecutado : (Clase?)null);
                    if (clase is null)
                    {
                        problemas.Add($"la columna {Reportes.Office.Referencia.Columna(x.Columna)} («{x.Texto}») no dice si es programado o ejecutado");
                        continue;
                    }
                    var arr = clase == Clase.Ejecutado ? col.Ejecutado : col.Programado;
                    if (arr[x.Mes] is { } previa)
                        problemas.Add($"{Abreviaturas[x.Mes - 1]} {(clase == Clase.Ejecutado ? "ejecutado" : "programado")} está en las columnas " +
                                      $"{Reportes.Office.Referencia.Columna(previa.Numero)} y {Reportes.Office.Referencia.Columna(x.Columna)}");
                    else arr[x.Mes] = new ColumnaEjecucion(x.Columna, $"{Abreviaturas[x.Mes - 1]} {(clase == Clase.Ejecutado ? "Ejec." : "Prog.")}");
                }
            }
            if (col.Ejecutado.All(x => x is null)) problemas.Add("no tiene ninguna columna de meses ejecutados («Ejec.» bajo el mes, o «Ejecutado» sobre Ene … Dic)");
            if (problemas.Count > 0)
            {
                errores.Add(new ErrorExcel(hoja.Nombre, f, null, null, $"los títulos de la tabla de ejecución no se entienden: {string.Join("; ", problemas)}."));
                return null;
            }
            return col;
        }
        return null;
    }

    private static bool SinNumeros(HojaLeida hoja, int f) =>
        !Enumerable.Range(1, hoja.UltimaColumna).Any(c => hoja.Valor(f, c) is { Tipo: TipoValor.Numero or TipoValor.FormulaSinValor });

    /// <summary>The heading text of a cell, a merged range's for any of its cells.</summary>
    private static string? Texto(HojaLeida hoja, int f, int c) =>
        hoja.ValorCombinado(f, c) is { Tipo: TipoValor.Texto } v && !string.IsNullOrWhiteSpace(v.Crudo) ? v.Crudo.Trim() : null;

    private static string? Identidad(string? titulo)
    {
        var s = TextoExcel.Normalizar(titulo);
        if (s.Length == 0) return null;
        if (s.StartsWith("codigo", StringComparison.Ordinal) || s is "cod" or "cod.") return "codigo";
        if (s.Contains("centro de costo", StringComparison.Ordinal) || s.Contains("unidad organica", StringComparison.Ordinal)) return "centro";
        if (s.Contains("presupuestal", StringComparison.Ordinal) || s.StartsWith("unidad", StringComparison.Ordinal) || s.StartsWith("meta", StringComparison.Ordinal)
            || s.StartsWith("responsable", StringComparison.Ordinal) || s.StartsWith("numero", StringComparison.Ordinal) || s is "n°" or "nº" or "nro" or "item")
            return "texto";
        if (s.Contains("actividad", StringComparison.Ordinal)) return "nombre";
        return null;
    }

    /// <summary>The month a heading names by one of its words ("Enero", "Ene", "Ene Ejec."); initials (E F M) are not enough here.</summary>
    private static int? MesDe(string? titulo)
    {
        foreach (var palabra in Palabras(titulo))
            for (var m = 0; m < 12; m++)
                if (NombresMes[m].Contains(palabra)) return m + 1;
        return null;
    }

    private static Clase? Tipo(string? titulo)
    {
        foreach (var p in Palabras(titulo))
        {
            if (p.StartsWith("prog", StringComparison.Ordinal) || p is "p" or "meta" or "metas") return Clase.Programado;
            if (p.StartsWith("ejec", StringComparison.Ordinal) || p is "e" or "real" or "logro" or "logrado") return Clase.Ejecutado;
        }
        return null;
    }

    private static int? TrimestreDe(string? titulo)
    {
        var s = TextoExcel.Normalizar(titulo);
        foreach (var r in new[] { Trimestre(), TrimestreDespues() })
            if (r.Match(s) is { Success: true } m)
                return m.Groups["n"].Value switch { "i" or "1" => 1, "ii" or "2" => 2, "iii" or "3" => 3, _ => 4 };
        return null;
    }

    private static IEnumerable<string> Palabras(string? titulo) =>
        TextoExcel.Normalizar(titulo).Split([' ', '.', '-', '/', '(', ')', ':'], StringSplitOptions.RemoveEmptyEntries);

    // "I Trimestre", "1er trimestre", "II Trim" — optionally followed by its kind ("I Trimestre Prog.").
    [GeneratedRegex(@"^(?<n>iv|iii|ii|i|1|2|3|4)\s*(er|do|ro|to|°|º)?\.?\s*(trimestre|trim)\b")]
    private static partial Regex Trimestre();

    // "Trimestre I", "Trim. 2", "T4"
    [GeneratedRegex(@"^(trimestre|trim\.?|t)\s*(?<n>iv|iii|ii|i|1|2|3|4)\b")]
    private static partial Regex TrimestreDespues();
}
