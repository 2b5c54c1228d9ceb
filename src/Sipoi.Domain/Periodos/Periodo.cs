using System.Globalization;

namespace Sipoi.Domain.Periodos;

public enum TipoPeriodo { Mes, Acumulado, Trimestre, Semestre, Anual }

/// <summary>
/// A span of months of the fiscal year. Every period the offices use is a contiguous range
/// of months, so a period is fully described by its first and last month.
/// </summary>
public readonly record struct Periodo
{
    public TipoPeriodo Tipo { get; }
    public int Numero { get; }
    public int Desde { get; }
    public int Hasta { get; }

    private Periodo(TipoPeriodo tipo, int numero, int desde, int hasta)
    {
        Tipo = tipo;
        Numero = numero;
        Desde = desde;
        Hasta = hasta;
    }

    public static Periodo Mes(int mes) => new(TipoPeriodo.Mes, ValidarMes(mes), mes, mes);
    public static Periodo AcumuladoAl(int mes) => new(TipoPeriodo.Acumulado, ValidarMes(mes), 1, mes);
    public static Periodo Anual { get; } = new(TipoPeriodo.Anual, 0, 1, 12);

    public static Periodo Trimestre(int n) => n is >= 1 and <= 4
        ? new(TipoPeriodo.Trimestre, n, 3 * n - 2, 3 * n)
        : throw new ArgumentOutOfRangeException(nameof(n), n, "El trimestre va de 1 a 4.");

    public static Periodo Semestre(int n) => n is 1 or 2
        ? new(TipoPeriodo.Semestre, n, 6 * n - 5, 6 * n)
        : throw new ArgumentOutOfRangeException(nameof(n), n, "El semestre es 1 o 2.");

    public static IReadOnlyList<Periodo> Trimestres { get; } = [Trimestre(1), Trimestre(2), Trimestre(3), Trimestre(4)];

    /// <summary>
    /// Every period a screen offers, in the one order every selector and message uses: months, quarters,
    /// semesters, the year, then accumulated to a month — the order DOMAIN.md §5 lists them ("month, quarter,
    /// semester, year, or cumulative to a month"). A screen that offers fewer (an evaluation: T1…T4, S1, S2, ANUAL)
    /// keeps this order.
    /// </summary>
    public static IReadOnlyList<Periodo> Seleccionables { get; } =
    [
        .. Enumerable.Range(1, 12).Select(Mes), .. Trimestres, Semestre(1), Semestre(2), Anual,
        .. Enumerable.Range(1, 12).Select(AcumuladoAl),
    ];

    /// <summary>
    /// The one message for a period code that is unknown or not offered here, naming what was typed and the
    /// codes allowed (runs of one kind shortened: «M01…M12»): "Periodo no válido: «T5». Use M01…M12, T1…T4,
    /// S1, S2, ANUAL o A01…A12."
    /// </summary>
    public static string NoValido(string? codigo, IReadOnlyList<Periodo>? permitidos = null)
    {
        var partes = new List<string>();
        var lista = permitidos ?? Seleccionables;
        for (var i = 0; i < lista.Count;)
        {
            var j = i;
            while (j + 1 < lista.Count && lista[j + 1].Tipo == lista[i].Tipo) j++;
            if (j - i >= 2) partes.Add($"{lista[i].Codigo}…{lista[j].Codigo}");
            else for (var k = i; k <= j; k++) partes.Add(lista[k].Codigo);
            i = j + 1;
        }
        var codigos = partes.Count > 1 ? string.Join(", ", partes.Take(partes.Count - 1)) + " o " + partes[^1] : string.Concat(partes);
        return $"Periodo no válido: «{codigo?.Trim()}». Use {codigos}.";
    }

    public bool Contiene(int mes) => mes >= Desde && mes <= Hasta;

    /// <summary>The code used by the command line and the exchange output: M01…M12, A01…A12, T1…T4, S1, S2, ANUAL.</summary>
    public string Codigo => Tipo switch
    {
        TipoPeriodo.Mes => $"M{Numero:00}",
        TipoPeriodo.Acumulado => $"A{Numero:00}",
        TipoPeriodo.Trimestre => $"T{Numero}",
        TipoPeriodo.Semestre => $"S{Numero}",
        _ => "ANUAL",
    };

    public string Nombre => Tipo switch
    {
        TipoPeriodo.Mes => Meses.Nombre(Numero),
        TipoPeriodo.Acumulado => $"Acumulado a {Meses.Nombre(Numero).ToLower(CultureInfo.GetCultureInfo("es-PE"))}",
        TipoPeriodo.Trimestre => $"{Romano(Numero)} Trimestre",
        TipoPeriodo.Semestre => $"{Romano(Numero)} Semestre",
        _ => "Anual",
    };

    public override string ToString() => Codigo;

    public static bool TryParse(string? codigo, out Periodo periodo)
    {
        periodo = Anual;
        if (string.IsNullOrWhiteSpace(codigo)) return false;
        var c = codigo.Trim().ToUpperInvariant();
        if (c == "ANUAL") return true;
        if (c.Length < 2 || !int.TryParse(c.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return false;
        switch (c[0])
        {
            case 'M' when c.Length == 3 && n is >= 1 and <= 12: periodo = Mes(n); return true;
            case 'A' when c.Length == 3 && n is >= 1 and <= 12: periodo = AcumuladoAl(n); return true;
            case 'T' when c.Length == 2 && n is >= 1 and <= 4: periodo = Trimestre(n); return true;
            case 'S' when c.Length == 2 && n is 1 or 2: periodo = Semestre(n); return true;
            default: return false;
        }
    }

    public static Periodo Parse(string codigo) => TryParse(codigo, out var p) ? p : throw new FormatException(NoValido(codigo));

    private static int ValidarMes(int mes) => mes is >= 1 and <= 12
        ? mes
        : throw new ArgumentOutOfRangeException(nameof(mes), mes, "El mes va de 1 a 12.");

    private static string Romano(int n) => n switch { 1 => "I", 2 => "II", 3 => "III", 4 => "IV", _ => n.ToString(CultureInfo.InvariantCulture) };
}

public static class Meses
{
    private static readonly string[] Nombres =
        ["Enero", "Febrero", "Marzo", "Abril", "Mayo", "Junio", "Julio", "Agosto", "Setiembre", "Octubre", "Noviembre", "Diciembre"];

    private static readonly string[] Iniciales = ["E", "F", "M", "A", "M", "J", "J", "A", "S", "O", "N", "D"];

    public static string Nombre(int mes) => Nombres[mes - 1];
    public static string Inicial(int mes) => Iniciales[mes - 1];

    public static bool TryParse(string? nombre, out int mes)
    {
        mes = 0;
        if (string.IsNullOrWhiteSpace(nombre)) return false;
        var n = nombre.Trim();
        if (n.Equals("Septiembre", StringComparison.OrdinalIgnoreCase)) { mes = 9; return true; }
        var i = Array.FindIndex(Nombres, x => x.Equals(n, StringComparison.OrdinalIgnoreCase));
        mes = i + 1;
        return i >= 0;
    }
}
