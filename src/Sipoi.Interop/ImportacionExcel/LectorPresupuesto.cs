using System.Globalization;
using System.Text;
using Sipoi.Domain;
using Sipoi.Domain.Presupuesto;
using Sipoi.Interop.Archivos;

namespace Sipoi.Interop.ImportacionExcel;

/// <summary>One row of the budget table: its key, PIA, optional PIM and the months' certified and accrued amounts.</summary>
public sealed record FilaPresupuestoLeida(int Fila, ClavePresupuestal Clave, decimal Pia, decimal? Pim, decimal? CertificadoAnual,
    IReadOnlyList<decimal> Certificado, IReadOnlyList<decimal> Devengado);

/// <summary>One row of the «Modificaciones» sheet.</summary>
public sealed record ModificacionLeida(int Fila, ClavePresupuestal Clave, string Documento, DateOnly Fecha, decimal Monto);

/// <summary>Either every row of the file (no error at all) or every error found, never both.</summary>
public sealed record ResultadoPresupuesto
{
    public IReadOnlyList<FilaPresupuestoLeida> Filas { get; }
    public IReadOnlyList<ModificacionLeida> Modificaciones { get; }
    public IReadOnlyList<ErrorExcel> Errores { get; }
    /// <summary>"libro de Excel" or "CSV".</summary>
    public string Formato { get; }
    public bool TienePim { get; }
    public bool EsValido => Errores.Count == 0;

    internal ResultadoPresupuesto(IReadOnlyList<FilaPresupuestoLeida> filas, IReadOnlyList<ModificacionLeida> mods, IReadOnlyList<ErrorExcel> errores,
        string formato, bool tienePim)
    {
        Filas = errores.Count == 0 ? filas : [];
        Modificaciones = errores.Count == 0 ? mods : [];
        Errores = errores;
        Formato = formato;
        TienePim = tienePim;
    }
}

/// <summary>
/// Reads the year's budget by fuente and genérica from the SIPOI template (.xlsx: sheet «Presupuesto», optional sheet
/// «Modificaciones») or from the MEF's open data CSV «Presupuesto y ejecución de gasto» (columns ANO_EJE,
/// FUENTE_FINANCIAMIENTO, GENERICA, MONTO_PIA, MONTO_PIM, MONTO_CERTIFICADO, MONTO_DEVENGADO_ENERO…). Columns are found by
/// their heading (the template's words or the MEF's names), never by position; rows with the same key are added (the MEF
/// file has one row per específica and meta). Every error names sheet, row and column. docs/importacion-excel.md.
/// </summary>
public static class LectorPresupuesto
{
    /// <summary>January to December, as the template and the MEF write them (the MEF writes both «setiembre» and «septiembre»).</summary>
    public static readonly string[] Meses = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "setiembre", "octubre", "noviembre", "diciembre"];

    public const string HojaPresupuesto = "Presupuesto", HojaModificaciones = "Modificaciones";

    /// <summary>The template's headings of sheet «Presupuesto», in order.</summary>
    public static IReadOnlyList<string> EncabezadosPresupuesto { get; } =
        ["Fuente", "Genérica", "Centro de costo", "Actividad", "PIA", "PIM",
         .. Meses.Select(m => "Certificado " + m), .. Meses.Select(m => "Devengado " + m)];

    public static IReadOnlyList<string> EncabezadosModificaciones { get; } = ["Documento", "Fecha", "Fuente", "Genérica", "Centro de costo", "Actividad", "Monto"];

    /// <summary>Rows beyond this are refused: a filtered MEF file of one entity has a few thousand.</summary>
    public const int FilasMaximas = 100_000;

    public static ResultadoPresupuesto Leer(Stream archivo, int anio)
    {
        ArgumentNullException.ThrowIfNull(archivo);
        using var ms = new MemoryStream();
        archivo.CopyTo(ms);
        var bytes = ms.ToArray();
        if (ZipAcotado.PareceZip(bytes))
        {
            var libro = LibroLeido.Abrir(new MemoryStream(bytes), LimitesOffice.Predeterminados, out var problema);
            if (libro is null) return new([], [], [problema!], "libro de Excel", false);
            var errores = new List<ErrorExcel>();
            var hoja = libro.Hojas.FirstOrDefault(h => TextoExcel.Normalizar(h.Nombre) == "presupuesto") ?? libro.Hojas.FirstOrDefault();
            if (hoja is null) return new([], [], [new(null, null, null, null, "El libro no tiene hojas visibles.")], "libro de Excel", false);
            var (filas, tienePim) = LeerPresupuesto(hoja, anio, errores);
            var mods = new List<ModificacionLeida>();
            if (libro.Hojas.FirstOrDefault(h => TextoExcel.Normalizar(h.Nombre) == "modificaciones") is { } hm)
                mods = LeerModificaciones(hm, anio, errores);
            return new(filas, mods, errores, "libro de Excel", tienePim);
        }
        var (tabla, error) = Csv.Leer(bytes, FilasMaximas);
        if (tabla is null) return new([], [], [new(null, null, null, null, error!)], "CSV", false);
        var err = new List<ErrorExcel>();
        var (f, pim) = LeerPresupuesto(tabla, anio, err);
        return new(f, [], err, "CSV", pim);
    }

    private static string Clave(string encabezado) => TextoExcel.Normalizar(encabezado.Replace('_', ' ')).Replace("septiembre", "setiembre", StringComparison.Ordinal);

    /// <summary>The header row (the first of the first ten with a «fuente» and a «genérica» heading) and each heading's column.</summary>
    private static (int Fila, Dictionary<string, int> Columnas)? Encabezado(HojaLeida hoja, params string[] requeridos)
    {
        for (var f = 1; f <= Math.Min(10, hoja.UltimaFila); f++)
        {
            var cols = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var c = 1; c <= hoja.UltimaColumna; c++)
                if (hoja.Texto(f, c) is { } t) cols.TryAdd(Clave(t), c);
            if (requeridos.All(r => Buscar(cols, r) is not null)) return (f, cols);
        }
        return null;
    }

    private static readonly Dictionary<string, string[]> Sinonimos = new(StringComparer.Ordinal)
    {
        ["fuente"] = ["fuente", "fuente financiamiento", "fuente de financiamiento"],
        ["generica"] = ["generica", "generica de gasto"],
        ["centro"] = ["centro de costo", "centro"],
        ["actividad"] = ["actividad", "actividad operativa"],
        ["pia"] = ["pia", "monto pia"],
        ["pim"] = ["pim", "monto pim"],
        ["certificado"] = ["certificado", "certificado anual", "monto certificado", "monto certificado anual"],
        ["anio"] = ["ano eje", "ano", "anio"],
        ["tipo"] = ["tipo transaccion"],
        ["documento"] = ["documento"],
        ["fecha"] = ["fecha"],
        ["monto"] = ["monto"],
    };

    private static int? Buscar(Dictionary<string, int> cols, string campo)
    {
        var nombres = Sinonimos.TryGetValue(campo, out var s) ? s : [campo, "monto " + campo];
        foreach (var n in nombres)
            if (cols.TryGetValue(n, out var c)) return c;
        return null;
    }

    private static string Letra(int columna)
    {
        var s = "";
        for (var n = columna; n > 0; n = (n - 1) / 26) s = (char)('A' + (n - 1) % 26) + s;
        return s;
    }

    private static (List<FilaPresupuestoLeida>, bool) LeerPresupuesto(HojaLeida hoja, int anio, List<ErrorExcel> errores)
    {
        var filas = new List<FilaPresupuestoLeida>();
        if (Encabezado(hoja, "fuente", "generica") is not var (fEnc, cols))
        {
            errores.Add(new(NombreHoja(hoja), null, null, null,
                "no se encontró la fila de encabezados: debe tener al menos «Fuente» y «Genérica» (o FUENTE_FINANCIAMIENTO y GENERICA del archivo del MEF), y «PIA» o MONTO_PIA."));
            return (filas, false);
        }
        if (Buscar(cols, "pia") is null)
        {
            errores.Add(new(NombreHoja(hoja), fEnc, null, null, "falta la columna «PIA» (MONTO_PIA en el archivo del MEF)."));
            return (filas, false);
        }
        var certMes = Meses.Select(m => Buscar(cols, "certificado " + m)).ToArray();
        var devMes = Meses.Select(m => Buscar(cols, "devengado " + m)).ToArray();
        var colPim = Buscar(cols, "pim");
        var colCertAnual = Buscar(cols, "certificado");
        for (var f = fEnc + 1; f <= hoja.UltimaFila; f++)
        {
            var antes = errores.Count;
            void Error(int col, string titulo, string m) => errores.Add(new(NombreHoja(hoja), f, Letra(col), titulo, m));
            if (Buscar(cols, "tipo") is { } ct && hoja.Texto(f, ct) is { } tipo && tipo.Trim() != "2") continue; // ingresos
            var cF = Buscar(cols, "fuente")!.Value;
            var cG = Buscar(cols, "generica")!.Value;
            if (!hoja.TieneValor(f, cF) && !hoja.TieneValor(f, cG)) continue; // blank row
            if (Buscar(cols, "anio") is { } ca && LeerTexto(hoja, f, ca) is { } a && a != anio.ToString(CultureInfo.InvariantCulture))
            {
                Error(ca, "año", $"la fila es del año {a}; el archivo se carga en el presupuesto {anio}.");
                continue;
            }
            var fuente = Fuente(LeerTexto(hoja, f, cF));
            if (fuente is null) Error(cF, "fuente", $"«{LeerTexto(hoja, f, cF)}» no es una fuente de financiamiento; use 1 a 5 ({string.Join(", ", FuentesFinanciamiento.Codigos.Select(FuentesFinanciamiento.Rotulo))}).");
            var generica = Generica(LeerTexto(hoja, f, cG));
            var centro = Buscar(cols, "centro") is { } cc ? LeerTexto(hoja, f, cc) : null;
            var actividad = Buscar(cols, "actividad") is { } cact ? LeerTexto(hoja, f, cact) : null;
            ClavePresupuestal? clave = null;
            if (fuente is not null)
            {
                try
                {
                    clave = ClavePresupuestal.Crear(fuente.Value, generica ?? "", centro, actividad);
                }
                catch (ReglaDominioException e)
                {
                    Error(e.Campo == "fuente" ? cF : cG, e.Campo == "fuente" ? "fuente" : "genérica", e.Message);
                }
            }
            decimal Monto(int? col, string titulo)
            {
                if (col is not { } c) return 0;
                var (v, problema) = NumeroCelda.Leer(hoja.Valor(f, c));
                if (problema is not null) Error(c, titulo, problema.Replace("las metas son 0 o más", "los montos son 0 o más", StringComparison.Ordinal));
                return v ?? 0;
            }
            var pia = Monto(Buscar(cols, "pia"), "PIA");
            decimal? pim = colPim is { } cp ? Monto(cp, "PIM") : null;
            decimal? certAnual = colCertAnual is { } cca ? Monto(cca, "certificado") : null;
            var cert = certMes.Select((c, i) => Monto(c, "certificado " + Meses[i])).ToArray();
            var dev = devMes.Select((c, i) => Monto(c, "devengado " + Meses[i])).ToArray();
            if (errores.Count == antes && clave is not null) filas.Add(new(f, clave, pia, pim, certAnual, cert, dev));
        }
        if (filas.Count == 0 && errores.Count == 0) errores.Add(new(NombreHoja(hoja), null, null, null, "no tiene filas de presupuesto debajo de los encabezados."));
        return (filas, colPim is not null);
    }

    /// <summary>A CSV has no sheet: its errors say row and column only.</summary>
    private static string? NombreHoja(HojaLeida hoja) => hoja.Nombre.Length == 0 ? null : hoja.Nombre;

    private static List<ModificacionLeida> LeerModificaciones(HojaLeida hoja, int anio, List<ErrorExcel> errores)
    {
        var mods = new List<ModificacionLeida>();
        if (Encabezado(hoja, "documento", "fecha", "fuente", "generica", "monto") is not var (fEnc, cols))
        {
            errores.Add(new(hoja.Nombre, null, null, null, "no se encontró la fila de encabezados: Documento, Fecha, Fuente, Genérica, Centro de costo, Actividad, Monto."));
            return mods;
        }
        for (var f = fEnc + 1; f <= hoja.UltimaFila; f++)
        {
            var antes = errores.Count;
            void Error(int col, string titulo, string m) => errores.Add(new(hoja.Nombre, f, Letra(col), titulo, m));
            int cD = Buscar(cols, "documento")!.Value, cFe = Buscar(cols, "fecha")!.Value, cF = Buscar(cols, "fuente")!.Value,
                cG = Buscar(cols, "generica")!.Value, cM = Buscar(cols, "monto")!.Value;
            if (!hoja.TieneValor(f, cD) && !hoja.TieneValor(f, cM)) continue;
            var documento = LeerTexto(hoja, f, cD);
            if (documento is null) Error(cD, "documento", "falta el documento que aprueba la modificación (por ejemplo «Resolución de Alcaldía N.° 045-2024-MPP»).");
            var fecha = Fecha(hoja.Valor(f, cFe));
            if (fecha is null) Error(cFe, "fecha", $"«{hoja.Valor(f, cFe)?.Mostrado}» no es una fecha dd/mm/aaaa.");
            else if (fecha.Value.Year != anio) Error(cFe, "fecha", $"{fecha:dd/MM/yyyy} no es del año {anio}.");
            var fuente = Fuente(LeerTexto(hoja, f, cF));
            if (fuente is null) Error(cF, "fuente", $"«{LeerTexto(hoja, f, cF)}» no es una fuente de financiamiento; use 1 a 5.");
            var (monto, problema) = hoja.Valor(f, cM) is { Tipo: TipoValor.Numero } v
                ? (decimal.Parse(v.Crudo, NumberStyles.Float, CultureInfo.InvariantCulture), null)
                : NumeroEscrito.Leer(LeerTexto(hoja, f, cM)?.Replace('−', '-'));
            if (problema is not null || monto is null or 0) Error(cM, "monto", problema ?? "falta el monto (positivo si habilita, negativo si anula).");
            ClavePresupuestal? clave = null;
            try
            {
                if (fuente is not null)
                    clave = ClavePresupuestal.Crear(fuente.Value, Generica(LeerTexto(hoja, f, cG)) ?? "",
                        Buscar(cols, "centro") is { } cc ? LeerTexto(hoja, f, cc) : null, Buscar(cols, "actividad") is { } ca ? LeerTexto(hoja, f, ca) : null);
            }
            catch (ReglaDominioException e)
            {
                Error(cG, "genérica", e.Message);
            }
            if (errores.Count == antes && clave is not null) mods.Add(new(f, clave, documento!, fecha!.Value, Math.Round(monto!.Value, 4)));
        }
        return mods;
    }

    private static string? LeerTexto(HojaLeida hoja, int f, int c) => hoja.Valor(f, c) switch
    {
        { Tipo: TipoValor.Texto } v when !string.IsNullOrWhiteSpace(v.Crudo) => v.Crudo.Trim(),
        { Tipo: TipoValor.Numero } v => v.Crudo.Trim(),
        _ => null,
    };

    /// <summary>"1", "01", "1 Recursos Ordinarios", "RECURSOS ORDINARIOS" → 1.</summary>
    public static int? Fuente(string? texto)
    {
        if (string.IsNullOrWhiteSpace(texto)) return null;
        var t = texto.Trim();
        var digitos = new string(t.TakeWhile(char.IsAsciiDigit).ToArray());
        if (digitos.Length > 0)
            return int.TryParse(digitos, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && FuentesFinanciamiento.Existe(n) ? n : null;
        var nombre = TextoExcel.Normalizar(t);
        foreach (var c in FuentesFinanciamiento.Codigos)
            if (TextoExcel.Normalizar(FuentesFinanciamiento.Nombre(c)) == nombre) return c;
        return nombre == "recursos por operaciones oficiales de credito" || nombre == "rooc" ? 3 : null;
    }

    /// <summary>"2.3", "2.3 Bienes y servicios", "2.3.1.5" and the MEF's single digit «3» (with TIPO_TRANSACCION 2) → an expenditure code.</summary>
    public static string? Generica(string? texto)
    {
        if (string.IsNullOrWhiteSpace(texto)) return null;
        var codigo = texto.Trim().Split(' ', 2)[0];
        return codigo.Length == 1 && char.IsAsciiDigit(codigo[0]) ? "2." + codigo : codigo;
    }

    private static DateOnly? Fecha(ValorCelda? celda)
    {
        if (celda is not { } c) return null;
        if (c.Tipo == TipoValor.Numero && double.TryParse(c.Crudo, NumberStyles.Float, CultureInfo.InvariantCulture, out var serie) && serie is > 0 and < 2958466)
            return DateOnly.FromDateTime(DateTime.FromOADate(serie));
        return DateOnly.TryParseExact(c.Crudo.Trim(), ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
    }

    /// <summary>A CSV as the MEF publishes it (UTF-8 with or without BOM, or Latin-1; comma, semicolon or pipe; fields in double quotes).</summary>
    private static class Csv
    {
        public static (HojaLeida? Tabla, string? Error) Leer(byte[] bytes, int filasMaximas)
        {
            string texto;
            try
            {
                texto = new UTF8Encoding(false, true).GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                texto = Encoding.Latin1.GetString(bytes);
            }
            texto = texto.TrimStart('\uFEFF');
            if (texto.Contains('\0', StringComparison.Ordinal))
                return (null, "El archivo no es un libro de Excel .xlsx ni un CSV de texto.");
            var primera = texto.Split('\n', 2)[0];
            var sep = new[] { ',', ';', '|', '\t' }.MaxBy(s => primera.Count(ch => ch == s));
            var celdas = new Dictionary<(int, int), ValorCelda>();
            int fila = 1, col = 1;
            var campo = new StringBuilder();
            var comillas = false;
            void Cerrar()
            {
                if (campo.Length > 0) celdas[(fila, col)] = new ValorCelda(TipoValor.Texto, campo.ToString());
                campo.Clear();
            }
            for (var i = 0; i < texto.Length; i++)
            {
                var ch = texto[i];
                if (comillas)
                {
                    if (ch == '"' && i + 1 < texto.Length && texto[i + 1] == '"') { campo.Append('"'); i++; }
                    else if (ch == '"') comillas = false;
                    else campo.Append(ch);
                }
                else if (ch == '"' && campo.Length == 0) comillas = true;
                else if (ch == sep) { Cerrar(); col++; }
                else if (ch == '\n')
                {
                    Cerrar();
                    if (++fila > filasMaximas + 1)
                        return (null, $"El archivo tiene más de {filasMaximas.ToString("#,0", CultureInfo.InvariantCulture)} filas: fíltrelo a las filas de la entidad (SEC_EJEC) antes de cargarlo.");
                    col = 1;
                }
                else if (ch != '\r') campo.Append(ch);
            }
            Cerrar();
            return (new HojaLeida("", celdas, []), null);
        }
    }
}
