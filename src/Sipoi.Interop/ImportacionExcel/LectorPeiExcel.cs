using System.Globalization;
using System.Text.RegularExpressions;
using Sipoi.Domain;
using Sipoi.Interop.Archivos;
using Sipoi.Interop.Intercambio;
using Sipoi.Interop.Reportes.Office;

namespace Sipoi.Interop.ImportacionExcel;

/// <summary>Either the PEI the workbook describes (no error at all) or every error found, never both.</summary>
public sealed record ResultadoPeiExcel
{
    public PeiDto? Pei { get; }
    public IReadOnlyList<ErrorExcel> Errores { get; }
    public bool EsValido => Errores.Count == 0;

    internal ResultadoPeiExcel(PeiDto? pei, IReadOnlyList<ErrorExcel> errores)
    {
        Pei = errores.Count == 0 ? pei : null;
        Errores = errores;
    }
}

/// <summary>
/// Reads a PEI from the SIPOI workbook (what <c>Reportes/PeiExcel</c> writes, docs/importacion-excel.md «PEI»): sheet
/// «Datos del PEI» (code, name, start and end year, mission, vision as label / value rows) and sheet «PEI», one row per
/// indicator in the layout of the POI's «Acciones Estratégicas Institucionales e indicadores» table: an OEI or AEI row
/// (type, code, statement, its OEI, priority, responsible unit) followed by rows with the code blank for its further
/// indicators. Columns are found by their heading; each «Logro esperado AAAA» column is a year. The result is the exchange
/// model's PEI part (<see cref="PeiDto"/>), so the web applies it with the domain's rules. Every error names sheet, row and column.
/// </summary>
public static partial class LectorPeiExcel
{
    public const string HojaDatos = "Datos del PEI", HojaPei = "PEI";

    /// <summary>Labels of sheet «Datos del PEI», in order (column A; the value in column B).</summary>
    public static IReadOnlyList<string> Datos { get; } = ["Código", "Nombre", "Año de inicio", "Año de fin", "Misión", "Visión"];

    /// <summary>Headings of sheet «PEI» before the years, in order; then one «Logro esperado AAAA» per year of the PEI.</summary>
    public static IReadOnlyList<string> Encabezados { get; } =
    [
        "Tipo", "Código", "Objetivo Estratégico Institucional / Acción Estratégica Institucional", "OEI", "Prioridad",
        "Unidad orgánica responsable", "Código del indicador", "Indicador", "Unidad de medida", "Sentido", "Método de cálculo",
        "Fuente de datos", "Centro de costo responsable", "Año línea base", "Valor línea base", "Máximo permisible", "Mínimo permisible",
    ];

    public static string EncabezadoAnio(int anio) => "Logro esperado " + anio.ToString(CultureInfo.InvariantCulture);

    private enum Rol
    {
        Tipo, Codigo, Enunciado, Oei, Prioridad, Responsable, CodigoIndicador, Indicador, Unidad, Sentido, Metodo, Fuente, Centro,
        AnioLineaBase, ValorLineaBase, Maximo, Minimo,
    }

    private static readonly Dictionary<string, Rol> Sinonimos = new(StringComparer.Ordinal)
    {
        ["tipo"] = Rol.Tipo,
        ["codigo"] = Rol.Codigo,
        ["objetivo estrategico institucional / accion estrategica institucional"] = Rol.Enunciado,
        ["objetivo / accion"] = Rol.Enunciado,
        ["enunciado"] = Rol.Enunciado,
        ["oei"] = Rol.Oei,
        ["oei al que pertenece"] = Rol.Oei,
        ["prioridad"] = Rol.Prioridad,
        ["unidad organica responsable"] = Rol.Responsable,
        ["responsable"] = Rol.Responsable,
        ["codigo del indicador"] = Rol.CodigoIndicador,
        ["codigo indicador"] = Rol.CodigoIndicador,
        ["indicador"] = Rol.Indicador,
        ["unidad de medida"] = Rol.Unidad,
        ["sentido"] = Rol.Sentido,
        ["sentido esperado"] = Rol.Sentido,
        ["metodo de calculo"] = Rol.Metodo,
        ["fuente de datos"] = Rol.Fuente,
        ["fuente"] = Rol.Fuente,
        ["centro de costo responsable"] = Rol.Centro,
        ["ano linea base"] = Rol.AnioLineaBase,
        ["linea base ano"] = Rol.AnioLineaBase,
        ["valor linea base"] = Rol.ValorLineaBase,
        ["linea base valor"] = Rol.ValorLineaBase,
        ["linea base"] = Rol.ValorLineaBase,
        ["maximo permisible"] = Rol.Maximo,
        ["minimo permisible"] = Rol.Minimo,
    };

    public static ResultadoPeiExcel Leer(Stream archivo)
    {
        ArgumentNullException.ThrowIfNull(archivo);
        var libro = LibroLeido.Abrir(archivo, LimitesOffice.Predeterminados, out var problema);
        if (libro is null) return new(null, [problema!]);
        var errores = new List<ErrorExcel>();
        var datos = libro.Hojas.FirstOrDefault(h => TextoExcel.Normalizar(h.Nombre) == "datos del pei");
        var hoja = libro.Hojas.FirstOrDefault(h => TextoExcel.Normalizar(h.Nombre) == "pei");
        if (datos is null)
            errores.Add(new(null, null, null, null, $"Falta la hoja «{HojaDatos}» (código, nombre, año de inicio y año de fin del PEI). Descargue la plantilla."));
        if (hoja is null)
            errores.Add(new(null, null, null, null, $"Falta la hoja «{HojaPei}» con los OEI, AEI e indicadores. Descargue la plantilla."));
        // Every error at once: the sheet that is there is read even when the other is missing.
        var cabecera = datos is null ? new Cabecera(null, null, null, null, null, null) : LeerDatos(datos, errores);
        var oeis = hoja is null ? [] : new Lectura(hoja, cabecera.Inicio, cabecera.Fin, errores).Leer();
        if (cabecera.Codigo is null || hoja is null) return new(null, errores);
        return new(new PeiDto
        {
            Codigo = cabecera.Codigo,
            Nombre = cabecera.Nombre,
            Inicio = cabecera.Inicio,
            Fin = cabecera.Fin,
            Mision = cabecera.Mision,
            Vision = cabecera.Vision,
            Oei = oeis,
        }, errores);
    }

    private sealed record Cabecera(string? Codigo, string? Nombre, int? Inicio, int? Fin, string? Mision, string? Vision);

    private static Cabecera LeerDatos(HojaLeida hoja, List<ErrorExcel> errores)
    {
        var filas = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var f = 1; f <= hoja.UltimaFila; f++)
            if (hoja.Texto(f, 1) is { } t) filas.TryAdd(TextoExcel.Normalizar(t), f);
        void Error(int? fila, int? col, string mensaje) =>
            errores.Add(new(hoja.Nombre, fila, col is { } c ? Referencia.Columna(c) : null, null, mensaje));
        string? Texto(string etiqueta, ClaseTexto clase, bool obligatorio)
        {
            if (!filas.TryGetValue(TextoExcel.Normalizar(etiqueta), out var f))
            {
                if (obligatorio) Error(null, 1, $"falta la fila «{etiqueta}».");
                return null;
            }
            var v = hoja.Valor(f, 2);
            var texto = v is { } x && !string.IsNullOrWhiteSpace(x.Crudo) ? x.Crudo.Trim() : null;
            if (texto is null)
            {
                if (obligatorio) Error(f, 2, $"escriba el valor de «{etiqueta}».");
                return null;
            }
            if (LimitesTexto.Problema(texto, clase) is { } p)
            {
                Error(f, 2, $"«{etiqueta}» {p}.");
                return null;
            }
            return texto;
        }
        int? Anio(string etiqueta)
        {
            if (!filas.TryGetValue(TextoExcel.Normalizar(etiqueta), out var f))
            {
                Error(null, 1, $"falta la fila «{etiqueta}».");
                return null;
            }
            var (a, e) = LeerAnio(hoja.Valor(f, 2));
            if (e is not null || a is null) Error(f, 2, $"«{etiqueta}»: {e ?? "escriba el año (cuatro dígitos)."}");
            return a;
        }
        var codigo = Texto("Código", ClaseTexto.Codigo, obligatorio: true);
        var nombre = Texto("Nombre", ClaseTexto.Nombre, obligatorio: false);
        var inicio = Anio("Año de inicio");
        var fin = Anio("Año de fin");
        if (inicio is { } i && fin is { } x && x < i)
        {
            Error(filas[TextoExcel.Normalizar("Año de fin")], 2, $"el PEI termina ({x}) antes de empezar ({i}).");
            fin = null;
        }
        var mision = Texto("Misión", ClaseTexto.TextoLargo, obligatorio: false);
        var vision = Texto("Visión", ClaseTexto.TextoLargo, obligatorio: false);
        return new(codigo, nombre, inicio, fin, mision, vision);
    }

    /// <summary>A year typed as a number or as text: four digits, 1900 to 2100.</summary>
    private static (int? Anio, string? Error) LeerAnio(ValorCelda? celda)
    {
        var (v, e) = NumeroCelda.Leer(celda);
        if (e is not null) return (null, e);
        if (v is null) return (null, null);
        if (v != decimal.Truncate(v.Value) || v < 1900 || v > 2100)
            return (null, $"«{celda!.Value.Mostrado}» no es un año (cuatro dígitos, de 1900 a 2100).");
        return ((int)v.Value, null);
    }

    [GeneratedRegex(@"^(?:(?:logro esperado|meta)(?: ano| del ano)? )?(\d{4})$")]
    private static partial Regex ColumnaAnio();
}
