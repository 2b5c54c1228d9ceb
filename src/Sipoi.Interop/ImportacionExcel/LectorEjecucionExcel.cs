using System.Globalization;
using Sipoi.Domain.Periodos;
using Sipoi.Interop.Archivos;
using Sipoi.Interop.Intercambio;
using Sipoi.Interop.Reportes.Office;

namespace Sipoi.Interop.ImportacionExcel;

/// <summary>What the execution reader must know: the POI year the history is for, its activities and the entity's cost centres.</summary>
public sealed record ContextoEjecucionExcel
{
    public required int Anio { get; init; }

    /// <summary>The year's activities as the POI has them (code, name, cost centre, behaviour, monthly targets).</summary>
    public IReadOnlyList<ActividadDto> Actividades { get; init; } = [];

    public IReadOnlyList<CentroCostoDto> CentrosCosto { get; init; } = [];
}

/// <summary>One activity's executed months as the workbook gives them (null: the cell was blank, nothing to load).</summary>
public sealed record EjecucionLeida(string Hoja, int Fila, string Codigo, IReadOnlyList<decimal?> Ejecutado);

/// <summary>Either every activity row of the workbook (no error at all) or every error found, never both.</summary>
public sealed record ResultadoEjecucionExcel
{
    public IReadOnlyList<EjecucionLeida> Filas { get; }
    public IReadOnlyList<ErrorExcel> Errores { get; }
    /// <summary>Sheets read (with an execution table) and left out.</summary>
    public IReadOnlyList<string> Hojas { get; }
    public IReadOnlyList<string> HojasIgnoradas { get; }
    public bool EsValido => Errores.Count == 0;

    internal ResultadoEjecucionExcel(IReadOnlyList<EjecucionLeida> filas, IReadOnlyList<ErrorExcel> errores, IReadOnlyList<string> hojas, IReadOnlyList<string> ignoradas)
    {
        Filas = errores.Count == 0 ? filas : [];
        Errores = errores;
        Hojas = hojas;
        HojasIgnoradas = ignoradas;
    }
}

/// <summary>
/// Reads an execution table in the layout offices publish — per activity its code or name (and optionally cost centre,
/// unit, budget activity, annual target), programmed months, executed months and programmed/executed per quarter — to
/// load its executed months as history. The table SIPOI writes (<see cref="Reportes.EjecucionExcel"/>: each month's
/// "Prog." and "Ejec." side by side) and the published one (twelve programmed months, then twelve executed) are both
/// read: columns are found by their heading text, never by position. Programmed months must be the POI's; a quarter
/// column must agree with its months (by the activity's behaviour). Every error names sheet, row and column.
/// See docs/importacion-excel.md, «Cargar ejecución histórica».
/// </summary>
public static class LectorEjecucionExcel
{
    /// <summary>A quarter printed by an office may be rounded to 2 decimals (a mean of 21, 21 and 22 printed as 21.33).</summary>
    private const decimal ToleranciaTrimestre = 0.005m;

    /// <summary>Programmed months are compared with the POI at the 4 decimals the database keeps.</summary>
    private const decimal ToleranciaMeta = 0.00005m;

    public static ResultadoEjecucionExcel Leer(Stream archivo, ContextoEjecucionExcel contexto) => Leer(archivo, contexto, LimitesOffice.Predeterminados);

    public static ResultadoEjecucionExcel Leer(Stream archivo, ContextoEjecucionExcel contexto, LimitesOffice limites)
    {
        ArgumentNullException.ThrowIfNull(archivo);
        ArgumentNullException.ThrowIfNull(contexto);
        ArgumentNullException.ThrowIfNull(limites);
        var libro = LibroLeido.Abrir(archivo, limites, out var problema);
        if (libro is null) return new ResultadoEjecucionExcel([], [problema!], [], []);

        var errores = new List<ErrorExcel>();
        var filas = new List<EjecucionLeida>();
        var hojas = new List<string>();
        var ignoradas = new List<string>(libro.Ignoradas);
        var vistas = new Dictionary<string, (string Hoja, int Fila)>(StringComparer.OrdinalIgnoreCase);
        foreach (var hoja in libro.Hojas)
        {
            var antes = errores.Count;
            var col = ColumnasEjecucion.Detectar(hoja, errores);
            if (col is null)
            {
                if (errores.Count == antes) ignoradas.Add($"{hoja.Nombre} (sin tabla de ejecución)");
                continue;
            }
            hojas.Add(hoja.Nombre);
            for (var f = col.PrimeraFilaDatos; f <= hoja.UltimaFila; f++)
                if (new FilaEjecucion(contexto, hoja, col, f, errores).Leer() is { } leida)
                {
                    if (vistas.TryGetValue(leida.Codigo, out var previa))
                        errores.Add(new ErrorExcel(hoja.Nombre, f, null, null, previa.Hoja == hoja.Nombre
                            ? $"la actividad {leida.Codigo} ya está en la fila {previa.Fila}."
                            : $"la actividad {leida.Codigo} ya está en la hoja '{previa.Hoja}', fila {previa.Fila}."));
                    else
                    {
                        vistas[leida.Codigo] = (hoja.Nombre, f);
                        filas.Add(leida);
                    }
                }
        }
        if (hojas.Count == 0 && errores.Count == 0)
            errores.Add(new ErrorExcel(null, null, null, null,
                "El libro no tiene ninguna hoja con la tabla de ejecución (títulos «Código» o «Actividad operativa» y los meses ejecutados: «Ejec.» bajo cada mes, o «Ejecutado» sobre Ene … Dic)."));
        else if (filas.Count == 0 && errores.Count == 0)
            errores.Add(new ErrorExcel(null, null, null, null, "El libro no tiene ninguna actividad con meses ejecutados."));
        return new ResultadoEjecucionExcel(filas, errores, hojas, ignoradas);
    }

    /// <summary>One row: the activity it names, its programmed months checked against the POI, its executed months, its quarters checked.</summary>
    private sealed class FilaEjecucion(ContextoEjecucionExcel ctx, HojaLeida hoja, ColumnasEjecucion col, int f, List<ErrorExcel> errores)
    {
        private readonly int _antes = errores.Count;

        private void Error(ColumnaEjecucion? c, string mensaje) =>
            errores.Add(new ErrorExcel(hoja.Nombre, f, c is null ? null : Referencia.Columna(c.Numero), c?.Titulo, mensaje));

        public EjecucionLeida? Leer()
        {
            var codigo = col.Codigo is { } cc ? hoja.Texto(f, cc.Numero) : null;
            var nombre = col.Nombre is { } cn ? hoja.Texto(f, cn.Numero) : null;
            var centro = col.Centro is { } ce ? hoja.Texto(f, ce.Numero) : null;
            var numeros = col.Cantidades.Any(c => hoja.TieneValor(f, c.Numero));
            if (!numeros)
                return null; // blank, a group heading ("I. Actividades de …") or a note: nothing to load
            if (EsTotal(codigo) || EsTotal(nombre) || EsTotal(centro) || col.Textos.Any(c => EsTotal(hoja.Texto(f, c.Numero))))
                return null; // the office's TOTAL row
            if (Actividad(codigo, nombre, centro) is not { } a) return null;

            var programado = new decimal?[12];
            var ejecutado = new decimal?[12];
            for (var m = 1; m <= 12; m++)
            {
                if (col.Programado[m] is { } cp)
                {
                    var (v, e) = NumeroCelda.Leer(hoja.Valor(f, cp.Numero));
                    if (e is not null) Error(cp, e);
                    programado[m - 1] = v ?? 0;
                    if (e is null && Math.Abs((v ?? 0) - a.Programado[m - 1]) > ToleranciaMeta)
                        Error(cp, $"la meta programada de {Mes(m)} es {Numero(v ?? 0)} en el libro y {Numero(a.Programado[m - 1])} en el POI {Anio()} " +
                                  $"(actividad {a.Codigo}); la ejecución se carga sobre las metas del POI: corrija el libro o registre antes un POI Modificado.");
                }
                if (col.Ejecutado[m] is { } cj)
                {
                    var (v, e) = NumeroCelda.Leer(hoja.Valor(f, cj.Numero));
                    if (e is not null) Error(cj, e.Replace("las metas son 0 o más", "la ejecución es 0 o más", StringComparison.Ordinal));
                    ejecutado[m - 1] = v;
                }
            }
            if (errores.Count == _antes) ComprobarTrimestres(a, ejecutado);
            return errores.Count == _antes ? new EjecucionLeida(hoja.Nombre, f, a.Codigo, ejecutado) : null;
        }

        /// <summary>Each quarter printed must be what its months give under the activity's behaviour (Agregacion, as the writer computes it).</summary>
        private void ComprobarTrimestres(ActividadDto a, decimal?[] ejecutado)
        {
            for (var t = 1; t <= 4; t++)
            {
                var trimestre = Periodo.Trimestre(t);
                var meses = $"{Mes(3 * t - 2)}, {Mes(3 * t - 1)} y {Mes(3 * t)}";
                var regla = a.Comportamiento.Nombre().ToLowerInvariant();
                if (col.ProgramadoTrimestre[t] is { } cp && Declarado(cp) is { } p)
                {
                    var calculado = Agregacion.Programado(a.Comportamiento, a.Programado, trimestre);
                    if (Math.Abs(calculado - p) > ToleranciaTrimestre)
                        Error(cp, $"el {trimestre.Nombre} programado dice {Numero(p)}, pero sus meses ({meses}) dan {Numero(calculado)} ({regla}).");
                }
                // Only when the table has the quarter's three executed months: otherwise there is nothing to compare with.
                if (col.EjecutadoTrimestre[t] is { } cj && Declarado(cj) is { } x
                    && Enumerable.Range(3 * t - 2, 3).All(m => col.Ejecutado[m] is not null))
                {
                    var calculado = Agregacion.Ejecutado(a.Comportamiento, ejecutado, trimestre);
                    if (calculado is null || Math.Abs(calculado.Value - x) > ToleranciaTrimestre)
                        Error(cj, $"el {trimestre.Nombre} ejecutado dice {Numero(x)}, pero sus meses ({meses}) dan " +
                                  (calculado is { } c ? $"{Numero(c)} ({regla})." : "nada: no tienen ejecución registrada."));
                }
            }
        }

        private decimal? Declarado(ColumnaEjecucion c)
        {
            var (v, e) = NumeroCelda.Leer(hoja.Valor(f, c.Numero), limitarDecimales: false);
            if (e is not null) Error(c, e);
            return v;
        }

        /// <summary>The POI activity the row names: by its code; without a code column, by its name (within its cost centre when the table says it).</summary>
        private ActividadDto? Actividad(string? codigo, string? nombre, string? centro)
        {
            string? codigoCentro = null;
            if (centro is not null)
            {
                codigoCentro = TextoExcel.CodigoAlInicio(centro, ctx.CentrosCosto.Select(c => c.Codigo))
                    ?? ctx.CentrosCosto.FirstOrDefault(c => TextoExcel.Normalizar(c.Nombre) == TextoExcel.Normalizar(centro))?.Codigo;
                if (codigoCentro is null)
                {
                    Error(col.Centro, $"«{Recortar(centro)}» no es un centro de costo de la entidad.");
                    return null;
                }
            }
            ActividadDto? a;
            if (col.Codigo is not null)
            {
                if (codigo is null)
                {
                    Error(col.Codigo, "falta el código de la actividad.");
                    return null;
                }
                a = ctx.Actividades.FirstOrDefault(x => string.Equals(x.Codigo, codigo, StringComparison.OrdinalIgnoreCase));
                if (a is null)
                {
                    Error(col.Codigo, $"«{Recortar(codigo)}» no es una actividad del POI {Anio()}.");
                    return null;
                }
            }
            else
            {
                if (nombre is null)
                {
                    Error(col.Nombre, "falta el nombre de la actividad.");
                    return null;
                }
                var clave = TextoExcel.Normalizar(nombre);
                var candidatas = ctx.Actividades.Where(x => TextoExcel.Normalizar(x.Nombre) == clave
                                                            && (codigoCentro is null || x.CentroCosto == codigoCentro)).ToList();
                if (candidatas.Count != 1)
                {
                    Error(col.Nombre, candidatas.Count == 0
                        ? $"«{Recortar(nombre)}» no es una actividad del POI {Anio()}" + (codigoCentro is null ? "." : $" en el centro de costo {codigoCentro}.")
                        : $"«{Recortar(nombre)}» está {candidatas.Count} veces en el POI {Anio()} ({string.Join(", ", candidatas.Select(x => x.Codigo))}): " +
                          "añada la columna «Código» para decir cuál es.");
                    return null;
                }
                a = candidatas[0];
            }
            if (codigoCentro is not null && a.CentroCosto != codigoCentro)
            {
                Error(col.Centro, $"la actividad {a.Codigo} es del centro de costo {a.CentroCosto} en el POI {Anio()}, no del {codigoCentro}.");
                return null;
            }
            return a;
        }

        private string Anio() => ctx.Anio.ToString(CultureInfo.InvariantCulture);
    }

    private static bool EsTotal(string? texto) =>
        TextoExcel.Normalizar(texto) is "total" or "sub total" or "subtotal" or "total general";

    private static string Mes(int m) => Meses.Nombre(m).ToLower(CultureInfo.GetCultureInfo("es-PE"));

    private static string Numero(decimal v) => v.ToString("#,0.####", CultureInfo.InvariantCulture);

    private static string Recortar(string s) => s.Length <= 60 ? s.Trim() : s[..59].Trim() + "…";
}
