using System.Globalization;
using System.Text.RegularExpressions;
using Sipoi.Domain.Operativo;
using Sipoi.Domain.Periodos;
using Sipoi.Interop.Archivos;
using Sipoi.Interop.Intercambio;
using Sipoi.Interop.Reportes.Office;

namespace Sipoi.Interop.ImportacionExcel;

/// <summary>
/// Reads a POI from a workbook in the layout of the reference POI's matrices (what
/// <see cref="Reportes.MatrizPoiExcel"/> writes, or the office's own file): one sheet per ficha de
/// proceso or cost centre, each with its activity table. Every cell is checked and every problem
/// reported at once, each naming sheet, row and column; only a workbook without errors gives a POI.
/// The rules (what maps to what, what is kept, what is refused) are in README.md in this folder.
/// </summary>
public static partial class LectorPoiExcel
{
    /// <summary>The stated totals are compared at the precision the database keeps (4 decimals).</summary>
    private const decimal Tolerancia = 0.00005m;

    private static readonly Comportamiento[] OrdenInferencia = [Comportamiento.Suma, Comportamiento.Promedio, Comportamiento.Ultimo, Comportamiento.Maximo];

    public static ResultadoPoiExcel Leer(Stream archivo, ContextoPoiExcel contexto) => Leer(archivo, contexto, LimitesOffice.Predeterminados);

    /// <summary>Reads under <paramref name="limites"/> (the defaults unless a test wants them tighter): a workbook past one is refused whole.</summary>
    public static ResultadoPoiExcel Leer(Stream archivo, ContextoPoiExcel contexto, LimitesOffice limites)
    {
        ArgumentNullException.ThrowIfNull(archivo);
        ArgumentNullException.ThrowIfNull(contexto);
        ArgumentNullException.ThrowIfNull(limites);
        var libro = LibroLeido.Abrir(archivo, limites, out var problema);
        if (libro is null) return new ResultadoPoiExcel(null, [problema!], [], []);

        var lector = new Lector(contexto);
        var ignoradas = new List<string>(libro.Ignoradas);
        foreach (var hoja in libro.Hojas)
            if (!lector.LeerHoja(hoja)) ignoradas.Add($"{hoja.Nombre} (sin tabla de actividades)");

        if (lector.Hojas.Count == 0 && lector.Errores.Count == 0)
            lector.Errores.Add(new ErrorExcel(null, null, null, null,
                "El libro no tiene ninguna hoja con la tabla de actividades (títulos «Número», «Actividad Operativa» y los 12 meses)."));
        else if (lector.Actividades.Count == 0 && lector.Errores.Count == 0)
            lector.Errores.Add(new ErrorExcel(null, null, null, null,
                "El libro no tiene ninguna actividad: importarlo dejaría el POI vacío."));

        var poi = (contexto.PoiActual ?? new PoiDto { Anio = contexto.Anio }) with { Anio = contexto.Anio, Actividades = lector.Actividades };
        return new ResultadoPoiExcel(poi, lector.Errores, lector.Hojas, ignoradas);
    }

    private sealed partial class Lector(ContextoPoiExcel ctx)
    {
        public List<ErrorExcel> Errores { get; } = [];
        public List<HojaPoiExcel> Hojas { get; } = [];
        public List<ActividadDto> Actividades { get; } = [];

        private readonly Dictionary<string, (string Hoja, int Fila)> _codigos = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, ActividadDto> _porCodigo = (ctx.PoiActual?.Actividades ?? [])
            .GroupBy(a => a.Codigo, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<(string, string), ActividadDto> _porNumero = (ctx.PoiActual?.Actividades ?? [])
            .GroupBy(a => (Clave(a.Ficha ?? a.CentroCosto), Clave(a.Numero ?? a.Codigo)))
            .ToDictionary(g => g.Key, g => g.First());

        private static string Clave(string s) => TextoExcel.Normalizar(s).Replace(" ", "", StringComparison.Ordinal);

        /// <summary>False when the sheet has no activity table (it is then left out, not an error).</summary>
        public bool LeerHoja(HojaLeida hoja)
        {
            var erroresAntes = Errores.Count;
            var col = Columnas.Detectar(hoja, Errores);
            if (col is null) return Errores.Count > erroresAntes;

            var encabezado = Encabezado(hoja, col.FilaTitulos);
            ComprobarAnio(hoja, col.FilaTitulos);
            var (ficha, centro) = FichaYCentro(hoja, encabezado);
            var aeisHoja = AeisDeAlineamiento(hoja, col.FilaTitulos);
            var aeisDeclaradas = aeisHoja.Count > 0 ? aeisHoja : ficha?.Aei.ToList() ?? [];

            var n = 0;
            string? grupo = null;
            var hayGrupos = false;
            for (var f = col.PrimeraFilaDatos; f <= hoja.UltimaFila; f++)
            {
                var numero = hoja.Valor(f, col[Rol.Numero]?.Numero ?? 0);
                var nombre = col[Rol.Nombre] is { } cn ? hoja.Texto(f, cn.Numero) : null;
                var datos = col.Todas.Where(c => c.Rol is not (Rol.Numero or Rol.Nombre)).Any(c => hoja.TieneValor(f, c.Numero));
                var textoNumero = numero is { } vn ? vn.Crudo.Trim() : null;
                if (!datos && nombre is null && string.IsNullOrEmpty(textoNumero)) continue;
                var rotulo = nombre ?? textoNumero ?? "";
                if (Total().IsMatch(TextoExcel.Normalizar(rotulo)) || Total().IsMatch(TextoExcel.Normalizar(textoNumero))) continue;
                if (!datos)
                {
                    // A heading such as "I. Actividades de Gestión Presupuestal" (or the writer's "Sin actividades…").
                    grupo = string.Join(' ', rotulo.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
                    hayGrupos = true;
                    continue;
                }
                if (Actividad(hoja, col, f, ficha, centro, aeisDeclaradas, hayGrupos ? grupo : null, hayGrupos) is { } a)
                {
                    Actividades.Add(a);
                    n++;
                }
            }
            Hojas.Add(new HojaPoiExcel(hoja.Nombre, ficha?.Codigo, centro, n));
            return true;
        }

        private ActividadDto? Actividad(HojaLeida hoja, Columnas col, int f, FichaDto? ficha, string? centroHoja,
            IReadOnlyList<string> aeisDeclaradas, string? grupo, bool hayGrupos) =>
            new FilaActividad(this, ctx, hoja, col, f, ficha, centroHoja).Leer(aeisDeclaradas, grupo, hayGrupos);

        /// <summary>A descriptive column: the sheet's value when the column is there (blank = none), else the current activity's.</summary>
        private static string? Texto(HojaLeida hoja, int f, Columna? c, string? actual) =>
            c is null ? actual : hoja.ValorCombinado(f, c.Numero) is { } v && v.Crudo.Trim() is { Length: > 0 } t ? t : null;

        private static int? Mes(HojaLeida hoja, int f, Columna? c, int? actual, Action<Columna?, string> error)
        {
            if (c is null) return actual;
            if (hoja.ValorCombinado(f, c.Numero) is not { } v) return null;
            if (LeerMes(v) is { } mes) return mes;
            if (v.Tipo == TipoValor.Texto && string.IsNullOrWhiteSpace(v.Crudo)) return null;
            error(c, $"«{v.Mostrado}» no es un mes: escriba Enero … Diciembre, su abreviatura (Ene) o su número (1 … 12).");
            return null;
        }

        /// <summary>The cost centre a text names by code ("01.02", "01.02 OFICINA …") or by its exact name.</summary>
        private string? Centro(string texto) =>
            TextoExcel.CodigoAlInicio(texto, ctx.CentrosCosto.Select(c => c.Codigo))
            ?? ctx.CentrosCosto.FirstOrDefault(c => TextoExcel.Normalizar(c.Nombre) == TextoExcel.Normalizar(texto))?.Codigo;

        /// <summary>"Ficha de Proceso :" and "Unidad Orgánica :" lines above the table: value and where it is.</summary>
        private static Dictionary<string, (string Valor, int Fila, int Columna)> Encabezado(HojaLeida hoja, int hasta)
        {
            var lineas = new Dictionary<string, (string, int, int)>(StringComparer.Ordinal);
            for (var f = 1; f < hasta; f++)
                for (var c = 1; c <= hoja.UltimaColumna; c++)
                {
                    if (hoja.Texto(f, c) is not { } t) continue;
                    var n = TextoExcel.Normalizar(t);
                    var clave = n.StartsWith("ficha de proceso", StringComparison.Ordinal) ? "ficha"
                        : n.StartsWith("unidad organica", StringComparison.Ordinal) ? "unidad" : null;
                    if (clave is null || lineas.ContainsKey(clave)) continue;
                    var dosPuntos = t.IndexOf(':', StringComparison.Ordinal);
                    if (dosPuntos >= 0 && t[(dosPuntos + 1)..].Trim() is { Length: > 0 } resto)
                    {
                        lineas[clave] = (resto, f, c);
                        break;
                    }
                    for (var d = c + 1; d <= hoja.UltimaColumna; d++)
                        if (hoja.Texto(f, d) is { } valor)
                        {
                            lineas[clave] = (valor, f, d);
                            break;
                        }
                    break;
                }
            return lineas;
        }

        private void ComprobarAnio(HojaLeida hoja, int hasta)
        {
            for (var f = 1; f < hasta; f++)
                for (var c = 1; c <= hoja.UltimaColumna; c++)
                    if (hoja.Texto(f, c) is { } t && Anio().Match(TextoExcel.Normalizar(t)) is { Success: true } m
                        && int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) is var anio && anio != (ctx.AnioLibro ?? ctx.Anio))
                        Errores.Add(new ErrorExcel(hoja.Nombre, f, Referencia.Columna(c), null, MensajeAnio(anio)));
        }

        private string MensajeAnio(int anioHoja)
        {
            string A(int x) => x.ToString(CultureInfo.InvariantCulture);
            if (ctx.AnioLibro is { } libro && libro != ctx.Anio)
                return $"la hoja es del año {A(anioHoja)}; para importarla como POI {A(ctx.Anio)} (año siguiente) el libro debe ser del {A(libro)}.";
            return anioHoja == ctx.Anio - 1
                ? $"la hoja es del año {A(anioHoja)} y se está importando el POI {A(ctx.Anio)}: para empezar el POI {A(ctx.Anio)} con el libro del año anterior, elija «como año siguiente»."
                : $"la hoja es del año {A(anioHoja)} y se está importando el POI {A(ctx.Anio)}.";
        }

        /// <summary>
        /// The sheet's ficha (from "Ficha de Proceso :") and cost centre (the ficha's, else "Unidad Orgánica :",
        /// else the sheet's name read as a ficha or centre code). Unknown codes are errors naming the cell.
        /// </summary>
        private (FichaDto? Ficha, string? Centro) FichaYCentro(HojaLeida hoja, Dictionary<string, (string Valor, int Fila, int Columna)> enc)
        {
            FichaDto? ficha = null;
            if (enc.TryGetValue("ficha", out var lf))
            {
                var codigo = TextoExcel.CodigoAlInicio(lf.Valor, ctx.Fichas.Select(x => x.Codigo));
                ficha = ctx.Fichas.FirstOrDefault(x => x.Codigo == codigo);
                if (ficha is null)
                {
                    Errores.Add(new ErrorExcel(hoja.Nombre, lf.Fila, Referencia.Columna(lf.Columna), "Ficha de Proceso",
                        $"«{Recortar(lf.Valor)}» no es una ficha de proceso de la entidad ({Lista(ctx.Fichas.Select(x => x.Codigo))})."));
                    return (null, null);
                }
                if (ficha.CentroCosto is not null) return (ficha, ficha.CentroCosto);
            }
            if (enc.TryGetValue("unidad", out var lu))
            {
                var centro = Centro(lu.Valor);
                if (centro is null)
                    Errores.Add(new ErrorExcel(hoja.Nombre, lu.Fila, Referencia.Columna(lu.Columna), "Unidad Orgánica",
                        $"«{Recortar(lu.Valor)}» no es un centro de costo de la entidad: escriba su código y nombre (01.02 OFICINA …) o su nombre exacto."));
                return (ficha, centro);
            }
            if (ficha is not null)
            {
                Errores.Add(new ErrorExcel(hoja.Nombre, lf.Fila, null, null,
                    $"la ficha {ficha.Codigo} no tiene centro de costo en la entidad: añada la línea «Unidad Orgánica : código nombre»."));
                return (ficha, null);
            }
            // No header lines: the sheet's name may be the code ("FP 06", "01.02 Planeamiento").
            var porNombre = TextoExcel.CodigoAlInicio(hoja.Nombre, ctx.Fichas.Select(x => x.Codigo));
            if (ctx.Fichas.FirstOrDefault(x => x.Codigo == porNombre) is { } fn)
            {
                if (fn.CentroCosto is not null) return (fn, fn.CentroCosto);
                Errores.Add(new ErrorExcel(hoja.Nombre, null, null, null,
                    $"la ficha {fn.Codigo} no tiene centro de costo en la entidad: añada la línea «Unidad Orgánica : código nombre»."));
                return (fn, null);
            }
            if (Centro(hoja.Nombre) is { } cn) return (null, cn);
            Errores.Add(new ErrorExcel(hoja.Nombre, null, null, null,
                "no se sabe de qué ficha de proceso o centro de costo es la hoja: escriba «Ficha de Proceso : FP 06 …» o «Unidad Orgánica : 01.02 …» " +
                "encima de la tabla, o ponga el código como nombre de la hoja."));
            return (null, null);
        }

        /// <summary>The AEI codes of the alignment table above the activity table; unknown ones are errors naming the cell.</summary>
        private List<string> AeisDeAlineamiento(HojaLeida hoja, int hasta)
        {
            var aeis = new List<string>();
            for (var f = 1; f < hasta; f++)
                for (var c = 1; c <= hoja.UltimaColumna; c++)
                {
                    if (hoja.Texto(f, c) is not { } t || !AeiCodigo().IsMatch(TextoExcel.Normalizar(t))) continue;
                    if (TextoExcel.CodigoAlInicio(t, ctx.Aeis) is { } a) aeis.Add(a);
                    else Errores.Add(new ErrorExcel(hoja.Nombre, f, Referencia.Columna(c), "Acción Estratégica Institucional",
                        $"«{Recortar(t)}» no es una AEI del PEI de la entidad."));
                }
            return aeis;
        }
    }

    /// <summary>Stated total and months agree under the behaviour (the domain's check; a stored double's last digits aside).</summary>
    private static bool Coincide(Comportamiento c, decimal[] meses, decimal declarado) =>
        ProgramacionActividad.VerificarMetaAnual(c, meses, declarado) is null
        || Math.Abs(Agregacion.Programado(c, meses, Periodo.Anual) - declarado) <= Tolerancia;

    private static Comportamiento? LeerComportamiento(string texto) => TextoExcel.Normalizar(texto) switch
    {
        "suma" => Comportamiento.Suma,
        "promedio" => Comportamiento.Promedio,
        "ultimo" or "ultimo valor" => Comportamiento.Ultimo,
        "maximo" => Comportamiento.Maximo,
        _ => null,
    };

    private static readonly string[] Abreviaturas = ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "set", "oct", "nov", "dic"];

    /// <summary>A month as offices write it: Enero, Ene, Setiembre/Septiembre/Sep, 1 … 12, or a date (its month).</summary>
    private static int? LeerMes(ValorCelda v)
    {
        if (v.Tipo == TipoValor.Numero && double.TryParse(v.Crudo, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            if (d == Math.Floor(d) && d is >= 1 and <= 12) return (int)d;
            // A date typed into the cell is stored as its serial number (days since 1900).
            if (d is >= 367 and < 2958466) return DateTime.FromOADate(d).Month;
            return null;
        }
        if (v.Tipo != TipoValor.Texto) return null;
        var s = TextoExcel.Normalizar(v.Crudo);
        if (Meses.TryParse(s, out var mes)) return mes;
        if (s is "sep" or "sept") return 9;
        var i = Array.IndexOf(Abreviaturas, s);
        if (i >= 0) return i + 1;
        if (int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 12) return n;
        if (DateTime.TryParseExact(s, ["d/M/yyyy", "dd/MM/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var fecha))
            return fecha.Month;
        return null;
    }

    /// <summary>
    /// A cell's text on one line: a line break typed in the cell (Alt+Enter) or a tab is how offices wrap a
    /// long name, and it reads as one space. Other control characters stay, for the domain to refuse.
    /// </summary>
    private static string UnaLinea(string texto) => SaltosDeLinea().Replace(texto, " ");

    private static string Numero(decimal v) => v.ToString("#,0.####", CultureInfo.InvariantCulture);

    private static string Recortar(string s) => s.Length <= 60 ? s.Trim() : s[..59].Trim() + "…";

    private static string Lista(IEnumerable<string> codigos)
    {
        var l = codigos.ToList();
        return l.Count == 0 ? "la entidad no tiene fichas" : l.Count <= 12 ? string.Join(", ", l) : string.Join(", ", l.Take(12)) + ", …";
    }

    // "TOTAL", "Sub total", "Total general": the office's sum row, never an activity ("Total de conexiones" is one).
    [GeneratedRegex(@"^(sub ?)?total( general)?$")]
    private static partial Regex Total();

    [GeneratedRegex(@"[ ]*[\r\n\t]+[ ]*")]
    private static partial Regex SaltosDeLinea();

    [GeneratedRegex(@"^ano\s+(\d{4})$")]
    private static partial Regex Anio();

    [GeneratedRegex(@"^aei\s*[.\s]*\d")]
    private static partial Regex AeiCodigo();
}
