using System.Text.RegularExpressions;
using Sipoi.Domain.Periodos;

namespace Sipoi.Interop.ImportacionExcel;

internal enum Rol { Numero, Nombre, Unidad, Responsable, Inicio, Fin, Meta, Mes, Trimestre, Anual, Codigo, Aei, Centro, Comportamiento, Ficha, Grupo }

/// <summary>One recognised column of the activity table: its role, its month or quarter, and the heading to name it by.</summary>
internal sealed record Columna(int Numero, Rol Rol, int Orden, string Titulo);

/// <summary>
/// Finds the activity table's heading (one row, or two when the months sit under a merged
/// "Programación Mensual") and what each column is, by its heading text — so columns may come in
/// any order and unknown ones are ignored. See README.md for the accepted headings.
/// </summary>
internal sealed partial class Columnas
{
    private static readonly string[] Abreviaturas = ["Ene", "Feb", "Mar", "Abr", "May", "Jun", "Jul", "Ago", "Set", "Oct", "Nov", "Dic"];
    private static readonly string[][] NombresMes =
    [
        ["enero", "ene"], ["febrero", "feb"], ["marzo", "mar"], ["abril", "abr"], ["mayo", "may"], ["junio", "jun"],
        ["julio", "jul"], ["agosto", "ago"], ["setiembre", "septiembre", "set", "sep", "sept"], ["octubre", "oct"],
        ["noviembre", "nov"], ["diciembre", "dic"],
    ];
    private const string Iniciales = "efmamjjasond";

    private readonly Dictionary<Rol, Columna> _unicas = [];
    public Columna?[] Meses { get; } = new Columna?[13];
    public Columna?[] Trimestres { get; } = new Columna?[5];

    /// <summary>The heading's first row and the first row after it.</summary>
    public int FilaTitulos { get; private set; }
    public int PrimeraFilaDatos { get; private set; }

    public Columna? this[Rol rol] => _unicas.GetValueOrDefault(rol);

    public IEnumerable<Columna> Todas => _unicas.Values.Concat(Meses.OfType<Columna>()).Concat(Trimestres.OfType<Columna>());

    /// <summary>
    /// The table of <paramref name="hoja"/>, null when the sheet has none (a cover or notes sheet).
    /// A heading found but unusable (months missing or out of order) adds an error and returns null.
    /// </summary>
    public static Columnas? Detectar(HojaLeida hoja, List<ErrorExcel> errores)
    {
        for (var f = 1; f <= hoja.UltimaFila; f++)
        {
            var roles = Enumerable.Range(1, hoja.UltimaColumna).Select(c => Clasificar(hoja.Texto(f, c))).ToList();
            if (!roles.Any(r => r.Rol == Rol.Nombre) || !roles.Any(r => r.Rol is Rol.Numero or Rol.Codigo)) continue;

            // Months in the heading row itself, or in the row under it (merged "Programación Mensual").
            var abajo = Enumerable.Range(1, hoja.UltimaColumna).Select(c => hoja.Texto(f + 1, c)).ToList();
            var dosFilas = Enumerable.Range(1, hoja.UltimaColumna).Count(c => Clasificar(hoja.Texto(f, c)).Rol == Rol.Mes) < 12
                           && abajo.Count(t => Clasificar(t).Rol == Rol.Mes) >= 6;
            var col = new Columnas { FilaTitulos = f, PrimeraFilaDatos = dosFilas ? f + 2 : f + 1 };
            var meses = new List<(int Col, string Titulo, int? Mes, char Inicial)>();
            for (var c = 1; c <= hoja.UltimaColumna; c++)
            {
                var texto = (dosFilas ? abajo[c - 1] : null) ?? (hoja.ValorCombinado(f, c) is { Tipo: TipoValor.Texto } v ? v.Crudo.Trim() : null);
                var (rol, orden) = Clasificar(texto);
                if (rol is not { } r) continue;
                switch (r)
                {
                    case Rol.Mes:
                        var n = TextoExcel.Normalizar(texto);
                        meses.Add((c, texto!, orden == 0 ? null : orden, n[0]));
                        break;
                    case Rol.Trimestre:
                        col.Trimestres[orden] ??= new Columna(c, r, orden, Periodo.Trimestre(orden).Nombre);
                        break;
                    default:
                        col._unicas.TryAdd(r, new Columna(c, r, 0, texto!.Trim().TrimEnd(':').Trim()));
                        break;
                }
            }

            var ok = meses.Count == 12;
            for (var i = 0; ok && i < 12; i++)
                ok = meses[i].Mes is { } m ? m == i + 1 : meses[i].Inicial == Iniciales[i];
            if (!ok)
            {
                errores.Add(new ErrorExcel(hoja.Nombre, dosFilas ? f + 1 : f, null, null,
                    $"los títulos de la tabla de actividades deben tener las 12 columnas de meses en orden (E F M A M J J A S O N D o Ene … Dic); " +
                    $"se encontraron {meses.Count}: {string.Join(" ", meses.Select(x => x.Titulo))}."));
                return null;
            }
            for (var i = 0; i < 12; i++) col.Meses[i + 1] = new Columna(meses[i].Col, Rol.Mes, i + 1, Abreviaturas[i]);
            return col;
        }
        return null;
    }

    /// <summary>What a heading names; for a month, its number when the name says it (0 for a bare initial); for a quarter, its number.</summary>
    private static (Rol? Rol, int Orden) Clasificar(string? titulo)
    {
        var s = TextoExcel.Normalizar(titulo);
        if (s.Length == 0) return (null, 0);
        if (s.Length == 1 && Iniciales.Contains(s[0], StringComparison.Ordinal)) return (Rol.Mes, 0);
        for (var m = 0; m < 12; m++)
            if (NombresMes[m].Contains(s)) return (Rol.Mes, m + 1);
        if (Trimestre().Match(s) is { Success: true } t) return (Rol.Trimestre, Romano(t.Groups["n"].Value));
        if (TrimestreDespues().Match(s) is { Success: true } t2) return (Rol.Trimestre, Romano(t2.Groups["n"].Value));
        if (s.Contains("centro de costo", StringComparison.Ordinal) || s.Contains("unidad organica", StringComparison.Ordinal)) return (Rol.Centro, 0);
        if (s is "ficha" or "ficha de proceso" or "codigo de ficha" or "codigo ficha") return (Rol.Ficha, 0);
        if (s is "grupo" or "grupo de actividades") return (Rol.Grupo, 0);
        if (s.StartsWith("unidad", StringComparison.Ordinal) || s is "u.m" or "um" or "u. m") return (Rol.Unidad, 0);
        if (s == "aei" || s.StartsWith("aei ", StringComparison.Ordinal) || s.StartsWith("codigo aei", StringComparison.Ordinal)
            || s.StartsWith("accion estrategica", StringComparison.Ordinal)) return (Rol.Aei, 0);
        if (s.StartsWith("comportamiento", StringComparison.Ordinal)) return (Rol.Comportamiento, 0);
        if (s.StartsWith("codigo", StringComparison.Ordinal) || s is "cod" or "cod.") return (Rol.Codigo, 0);
        if (s.StartsWith("numero", StringComparison.Ordinal) || s is "n°" or "nº" or "no" or "nro" or "n.°" or "n.º" or "num" or "item" or "#")
            return (Rol.Numero, 0);
        if (s.StartsWith("responsable", StringComparison.Ordinal)) return (Rol.Responsable, 0);
        if (s.Contains("inicio", StringComparison.Ordinal)) return (Rol.Inicio, 0);
        if (s.Contains("finaliza", StringComparison.Ordinal) || s.Contains("termino", StringComparison.Ordinal) || s is "fin" or "fecha fin" or "fecha de fin")
            return (Rol.Fin, 0);
        if (s == "meta" || s.StartsWith("meta fisica", StringComparison.Ordinal) || s == "meta anual") return (Rol.Meta, 0);
        if (s.Contains("anual", StringComparison.Ordinal) || s is "total" or "total programado") return (Rol.Anual, 0);
        if (s.Contains("actividad", StringComparison.Ordinal)) return (Rol.Nombre, 0);
        return (null, 0);
    }

    private static int Romano(string n) => n switch { "i" or "1" => 1, "ii" or "2" => 2, "iii" or "3" => 3, _ => 4 };

    // "I Trimestre", "1er trimestre", "II Trim", "IV T"
    [GeneratedRegex(@"^(?<n>iv|iii|ii|i|1|2|3|4)\s*(er|do|ro|to|°|º)?\.?\s*(trimestre|trim|t)$")]
    private static partial Regex Trimestre();

    // "Trimestre I", "Trim. 2", "T4"
    [GeneratedRegex(@"^(trimestre|trim\.?|t)\s*(?<n>iv|iii|ii|i|1|2|3|4)$")]
    private static partial Regex TrimestreDespues();
}
