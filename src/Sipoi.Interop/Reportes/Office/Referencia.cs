using System.Globalization;
using System.Text;

namespace Sipoi.Interop.Reportes.Office;

/// <summary>A1-style references (rows and columns are 1-based everywhere in this folder).</summary>
internal static class Referencia
{
    public static string Columna(int columna)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(columna, 1);
        var sb = new StringBuilder();
        while (columna > 0)
        {
            var r = (columna - 1) % 26;
            sb.Insert(0, (char)('A' + r));
            columna = (columna - 1) / 26;
        }
        return sb.ToString();
    }

    public static string Celda(int fila, int columna) => Columna(columna) + fila.ToString(CultureInfo.InvariantCulture);

    public static string Rango(int fila1, int col1, int fila2, int col2) => $"{Celda(fila1, col1)}:{Celda(fila2, col2)}";

    public static string Absoluta(int fila, int columna) =>
        $"${Columna(columna)}${fila.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>A sheet name as a formula prefix: always quoted, apostrophes doubled.</summary>
    public static string Hoja(string nombre) => "'" + nombre.Replace("'", "''", StringComparison.Ordinal) + "'";
}

/// <summary>Excel's rules for sheet names: at most 31 characters, none of <c>[]:*?/\</c>, unique ignoring case.</summary>
internal static class NombreHoja
{
    private const int Maximo = 31;

    public static string Limpiar(string nombre)
    {
        var sb = new StringBuilder();
        foreach (var c in nombre)
            sb.Append(c is '[' or ']' or ':' or '*' or '?' or '/' or '\\' || char.IsControl(c) ? ' ' : c);
        var limpio = string.Join(' ', sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)).Trim('\'');
        if (limpio.Length > Maximo) limpio = limpio[..Maximo].TrimEnd();
        return limpio.Length == 0 ? "Hoja" : limpio;
    }

    public static string Unico(string nombre, IEnumerable<string> existentes)
    {
        var usados = new HashSet<string>(existentes, StringComparer.OrdinalIgnoreCase);
        var baseNombre = Limpiar(nombre);
        if (!usados.Contains(baseNombre)) return baseNombre;
        for (var n = 2; ; n++)
        {
            var sufijo = $" ({n.ToString(CultureInfo.InvariantCulture)})";
            var candidato = (baseNombre.Length + sufijo.Length > Maximo ? baseNombre[..(Maximo - sufijo.Length)].TrimEnd() : baseNombre) + sufijo;
            if (!usados.Contains(candidato)) return candidato;
        }
    }
}
