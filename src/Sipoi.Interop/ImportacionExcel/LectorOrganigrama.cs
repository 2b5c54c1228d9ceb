using System.Text.RegularExpressions;
using Sipoi.Domain;
using Sipoi.Domain.Organizacion;
using Sipoi.Interop.Archivos;
using Sipoi.Interop.Reportes.Office;

namespace Sipoi.Interop.ImportacionExcel;

/// <summary>A centre the entity already has, as the reader needs it: its code, its parent's code (null: top) and whether it is active.</summary>
public sealed record CentroDelOrganigrama(string Codigo, string? Padre, bool Activo);

/// <summary>What the reader checks the file against: the entity's centres and the codes of its unidades ejecutoras.</summary>
public sealed record ContextoOrganigrama(IReadOnlyList<CentroDelOrganigrama> Centros, IReadOnlyCollection<string> UnidadesEjecutoras);

/// <summary>
/// One centre of the file. <see cref="UnidadEjecutora"/> and <see cref="Responsable"/> mean something only when the file has
/// that column (<see cref="ResultadoOrganigrama.TieneUnidadEjecutora"/>, <see cref="ResultadoOrganigrama.TieneResponsable"/>):
/// a blank cell of a present column clears the value, an absent column leaves it as it is.
/// </summary>
public sealed record FilaOrganigrama(int Fila, string Codigo, string Nombre, string? Padre, string? UnidadEjecutora, string? Responsable);

/// <summary>Either every centre of the file (no error at all) or every error found, never both.</summary>
public sealed record ResultadoOrganigrama
{
    public IReadOnlyList<FilaOrganigrama> Filas { get; }
    public IReadOnlyList<ErrorExcel> Errores { get; }
    public bool TieneUnidadEjecutora { get; }
    public bool TieneResponsable { get; }
    public bool EsValido => Errores.Count == 0;

    internal ResultadoOrganigrama(IReadOnlyList<FilaOrganigrama> filas, IReadOnlyList<ErrorExcel> errores, bool tieneUnidad, bool tieneResponsable)
    {
        Filas = errores.Count == 0 ? filas : [];
        Errores = errores;
        TieneUnidadEjecutora = tieneUnidad;
        TieneResponsable = tieneResponsable;
    }
}

/// <summary>
/// Reads the organisation chart from a workbook: one row per cost centre with its code, name and the code of the centre it
/// depends on (blank: top of the tree), optionally its unidad ejecutora (code) and its responsible. The sheet is «Organigrama»
/// (or the first visible one); the heading row is found by its text in the first ten rows, so a title above it is fine.
/// Every bad row is named (row, column, reason) and every error is listed at once: no code, a code twice in the file, a
/// parent neither in the file nor in the entity, a parent that is inactive, a cycle (with its chain), a text beyond
/// <see cref="LimitesTexto"/>, a unidad ejecutora the entity does not have. Pure: the web layer applies the result.
/// Layout: docs/importacion-excel.md, «Organigrama».
/// </summary>
public static partial class LectorOrganigrama
{
    public const string Hoja = "Organigrama";

    /// <summary>The headings SIPOI writes (template and export), in order.</summary>
    public static IReadOnlyList<string> Encabezados { get; } = ["Código", "Nombre", "Depende de (código)", "Unidad ejecutora (código)", "Responsable"];

    private enum Campo { Codigo, Nombre, Padre, Unidad, Responsable }

    private static readonly (Campo Campo, string Titulo, string[] Nombres)[] Columnas =
    [
        (Campo.Codigo, "código", ["codigo", "codigo del centro", "codigo del centro de costo", "codigo de la unidad organica", "cod"]),
        (Campo.Nombre, "nombre", ["nombre", "nombre del centro", "nombre del centro de costo", "centro de costo", "unidad organica", "denominacion"]),
        (Campo.Padre, "depende de", ["depende de", "codigo del padre", "codigo padre", "padre", "unidad superior", "codigo de la unidad superior"]),
        (Campo.Unidad, "unidad ejecutora", ["unidad ejecutora", "codigo de la unidad ejecutora", "ue"]),
        (Campo.Responsable, "responsable", ["responsable", "jefe", "responsable del centro"]),
    ];

    public static ResultadoOrganigrama Leer(Stream archivo, ContextoOrganigrama contexto)
    {
        ArgumentNullException.ThrowIfNull(archivo);
        ArgumentNullException.ThrowIfNull(contexto);
        var libro = LibroLeido.Abrir(archivo, LimitesOffice.Predeterminados, out var problema);
        if (libro is null) return new([], [problema!], false, false);
        var hoja = libro.Hojas.FirstOrDefault(h => TextoExcel.Normalizar(h.Nombre) == "organigrama") ?? libro.Hojas.FirstOrDefault();
        if (hoja is null) return new([], [new(null, null, null, null, "El libro no tiene hojas visibles.")], false, false);
        if (Encabezado(hoja) is not var (fEnc, cols))
            return new([], [new(hoja.Nombre, null, null, null,
                "no se encontró la fila de encabezados en las diez primeras filas: debe tener al menos «Código» y «Nombre» " +
                "(y «Depende de (código)» para el padre). Descargue la plantilla para ver el formato.")], false, false);

        var errores = new List<ErrorExcel>();
        var filas = new List<FilaOrganigrama>();
        var filaDe = new Dictionary<string, int>(StringComparer.Ordinal);
        var tieneUnidad = cols.ContainsKey(Campo.Unidad);
        var tieneResponsable = cols.ContainsKey(Campo.Responsable);
        var unidades = contexto.UnidadesEjecutoras.ToHashSet(StringComparer.Ordinal);
        for (var f = fEnc + 1; f <= hoja.UltimaFila; f++)
        {
            if (!cols.Values.Any(c => hoja.TieneValor(f, c))) continue; // blank row
            var antes = errores.Count;
            void Error(Campo campo, string mensaje) =>
                errores.Add(new(hoja.Nombre, f, Referencia.Columna(cols[campo]), Columnas.Single(c => c.Campo == campo).Titulo, mensaje));

            var codigo = Codigo(hoja, f, cols, Campo.Codigo, Error);
            if (codigo is null && errores.Count == antes) Error(Campo.Codigo, "falta el código del centro de costo.");
            if (codigo is not null && filaDe.TryGetValue(codigo, out var otra))
            {
                Error(Campo.Codigo, $"el código {codigo} ya está en la fila {otra}: cada centro de costo va en una sola fila.");
                codigo = null;
            }
            else if (codigo is not null) filaDe[codigo] = f;

            var nombre = Texto(hoja, f, cols[Campo.Nombre], ClaseTexto.Nombre, c => Error(Campo.Nombre, c));
            if (nombre is null && !errores.Skip(antes).Any(e => e.Titulo == "nombre")) Error(Campo.Nombre, "falta el nombre del centro de costo.");
            var padre = cols.ContainsKey(Campo.Padre) ? Codigo(hoja, f, cols, Campo.Padre, Error) : null;
            string? unidad = null, responsable = null;
            if (tieneUnidad)
            {
                unidad = Codigo(hoja, f, cols, Campo.Unidad, Error);
                if (unidad is not null && !unidades.Contains(unidad))
                    Error(Campo.Unidad, unidades.Count == 0
                        ? $"la entidad no tiene la unidad ejecutora {unidad} (no tiene ninguna): créela en Administración → Unidades ejecutoras o deje la celda en blanco."
                        : $"la entidad no tiene la unidad ejecutora {unidad}; las suyas son {Redaccion.Lista(unidades.Order(StringComparer.Ordinal))}.");
            }
            if (tieneResponsable) responsable = Texto(hoja, f, cols[Campo.Responsable], ClaseTexto.Nombre, c => Error(Campo.Responsable, c));
            if (codigo is not null && nombre is not null) filas.Add(new(f, codigo, nombre, padre, unidad, responsable));
        }
        if (filas.Count == 0 && errores.Count == 0)
            errores.Add(new(hoja.Nombre, fEnc, null, null, "no hay centros de costo debajo de los encabezados."));
        VerificarPadres(hoja, cols, filas, contexto, errores);
        return new(filas, [.. errores.OrderBy(e => e.Fila ?? 0)], tieneUnidad, tieneResponsable);
    }

    /// <summary>Parents: known (file or entity), active when they change, and no cycle in the tree the load would leave.</summary>
    private static void VerificarPadres(HojaLeida hoja, Dictionary<Campo, int> cols, List<FilaOrganigrama> filas, ContextoOrganigrama contexto,
        List<ErrorExcel> errores)
    {
        if (!cols.TryGetValue(Campo.Padre, out var colPadre)) return;
        var letra = Referencia.Columna(colPadre);
        var existentes = contexto.Centros.ToDictionary(c => c.Codigo, StringComparer.Ordinal);
        var enArchivo = filas.ToDictionary(r => r.Codigo, StringComparer.Ordinal);
        // The tree after the load: the file's parent for its centres, the current one for the others.
        string? PadreDe(string codigo) => enArchivo.TryGetValue(codigo, out var r) ? r.Padre : existentes.GetValueOrDefault(codigo)?.Padre;
        var ciclos = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in filas)
        {
            if (r.Padre is not { } padre) continue;
            void Error(string m) => errores.Add(new(hoja.Nombre, r.Fila, letra, "depende de", m));
            if (!enArchivo.ContainsKey(padre) && !existentes.ContainsKey(padre))
            {
                Error($"el centro {padre} del que depende {r.Codigo} no está en el archivo ni en el organigrama de la entidad.");
                continue;
            }
            var actual = existentes.GetValueOrDefault(r.Codigo);
            if (existentes.GetValueOrDefault(padre) is { Activo: false } && actual?.Padre != padre)
            {
                Error($"el centro de costo {padre} está inactivo: no puede elegirse como «depende de» del centro {r.Codigo}. " +
                      $"Reactívelo en Administración → Organigrama o elija otro centro.");
                continue;
            }
            if (Jerarquia.Ciclo(r.Codigo, padre, PadreDe) is { } cadena)
            {
                // One message per cycle, at the first of its rows in the file.
                var clave = string.Join(" ", cadena.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
                if (ciclos.Add(clave))
                    Error($"se formaría un ciclo en el organigrama: {string.Join(" → ", cadena)}. Un centro no puede depender de sí mismo ni de uno que depende de él.");
            }
        }
    }

    /// <summary>A code cell: text (trimmed, within <see cref="LimitesTexto.Codigo"/>), never a number (Excel drops the zeros of «01.10»).</summary>
    private static string? Codigo(HojaLeida hoja, int f, Dictionary<Campo, int> cols, Campo campo, Action<Campo, string> error)
    {
        if (!cols.TryGetValue(campo, out var c)) return null;
        switch (hoja.Valor(f, c))
        {
            case null:
                return null;
            case { Tipo: TipoValor.Numero } v:
                error(campo, $"el código está guardado como número ({v.Mostrado}) y Excel quita sus ceros («01.10» queda 1.1): " +
                             "dé a la columna formato de texto y escriba el código otra vez, o antepóngale un apóstrofo ('01.10).");
                return null;
            case { Tipo: TipoValor.Texto }:
                return Texto(hoja, f, c, ClaseTexto.Codigo, m => error(campo, m));
            case var v:
                error(campo, $"«{v.Value.Mostrado}» no es un código: escriba el código como texto.");
                return null;
        }
    }

    /// <summary>A text cell: line breaks and tabs typed in the cell read as one space; checked against the domain's limits.</summary>
    private static string? Texto(HojaLeida hoja, int f, int c, ClaseTexto clase, Action<string> error)
    {
        var v = hoja.Valor(f, c);
        if (v is null) return null;
        if (v.Value.Tipo != TipoValor.Texto)
        {
            if (v.Value.Tipo == TipoValor.Numero && clase == ClaseTexto.Nombre) return v.Value.Crudo;
            error($"«{v.Value.Mostrado}» no es un texto.");
            return null;
        }
        var t = SaltosYTabulaciones().Replace(v.Value.Crudo, " ").Trim();
        if (t.Length == 0) return null;
        if (LimitesTexto.Problema(t, clase) is { } p)
        {
            error(p + ".");
            return null;
        }
        return t;
    }

    /// <summary>The heading row (the first of the first ten with «código» and «nombre») and each field's column.</summary>
    private static (int Fila, Dictionary<Campo, int> Columnas)? Encabezado(HojaLeida hoja)
    {
        for (var f = 1; f <= Math.Min(10, hoja.UltimaFila); f++)
        {
            var cols = new Dictionary<Campo, int>();
            for (var c = 1; c <= hoja.UltimaColumna; c++)
            {
                if (hoja.Texto(f, c) is not { } t) continue;
                var clave = TextoExcel.Normalizar(Parentesis().Replace(t, " "));
                foreach (var (campo, _, nombres) in Columnas)
                    if (nombres.Contains(clave, StringComparer.Ordinal)) cols.TryAdd(campo, c);
            }
            if (cols.ContainsKey(Campo.Codigo) && cols.ContainsKey(Campo.Nombre)) return (f, cols);
        }
        return null;
    }

    [GeneratedRegex(@"\([^)]*\)")]
    private static partial Regex Parentesis();

    [GeneratedRegex(@"[\r\n\t]+")]
    private static partial Regex SaltosYTabulaciones();
}
