using System.Globalization;
using System.Text.RegularExpressions;
using Sipoi.Domain;
using Sipoi.Domain.Operativo;
using Sipoi.Domain.Organizacion;
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

    private sealed class Lector(ContextoPoiExcel ctx)
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

        /// <summary>
        /// One activity row, read in the order of its cells' dependencies: name, number and code (which find the
        /// current activity the row replaces), cost centre and AEI, months and stated totals, descriptive columns,
        /// dates. Every problem is reported at its cell; the row gives an activity only when it reported none.
        /// </summary>
        private sealed class FilaActividad(Lector lector, ContextoPoiExcel ctx, HojaLeida hoja, Columnas col, int f, FichaDto? ficha, string? centroHoja)
        {
            private readonly int _errores = lector.Errores.Count;
            private readonly string? _claveHoja = ficha?.Codigo ?? centroHoja;
            private string? _textoNombre, _nombre, _numero, _codigo, _centro, _aei, _unidad, _responsable, _grupo;
            private ActividadDto? _actual;
            private readonly decimal[] _meses = new decimal[12];
            private bool _mesesOk = true;
            private decimal? _meta, _anual;
            private readonly decimal?[] _trimestres = new decimal?[5];
            private Comportamiento? _explicito;
            private Comportamiento _comportamiento;
            private int? _inicio, _fin;

            public ActividadDto? Leer(IReadOnlyList<string> aeisDeclaradas, string? grupo, bool hayGrupos)
            {
                LeerNombre();
                LeerNumero();
                Identificar();
                LeerCentro();
                LeerAei(aeisDeclaradas);
                LeerMeses();
                LeerTotales();
                ElegirComportamiento();
                if (_mesesOk) ComprobarTotales();
                LeerDescripcion(grupo);
                LeerFechas();
                ComprobarCodigoUnico();
                if (lector.Errores.Count > _errores || _nombre is null || _codigo is null || _centro is null || _aei is null) return null;
                return Dto(hayGrupos);
            }

            private void Error(Columna? c, string mensaje) =>
                lector.Errores.Add(new ErrorExcel(hoja.Nombre, f, c is null ? null : Referencia.Columna(c.Numero), c?.Titulo, mensaje));

            // Every text the row gives is checked against the domain's limits (LimitesTexto) at its cell.
            private string? Revisado(string? texto, Columna? c, ClaseTexto clase)
            {
                if (texto is null) return null;
                var t = UnaLinea(texto);
                if (LimitesTexto.Problema(t, clase) is not { } problema) return t;
                Error(c, problema + ".");
                return null;
            }

            private void LeerNombre()
            {
                _textoNombre = hoja.Texto(f, col[Rol.Nombre]!.Numero);
                _nombre = Revisado(_textoNombre, col[Rol.Nombre], ClaseTexto.Nombre);
                if (_textoNombre is null) Error(col[Rol.Nombre], "falta el nombre de la actividad.");
            }

            private void LeerNumero()
            {
                if (col[Rol.Numero] is not { } cNum || hoja.Valor(f, cNum.Numero) is not { } vNum) return;
                if (vNum.Tipo == TipoValor.Numero && decimal.TryParse(vNum.Crudo, NumberStyles.Float, CultureInfo.InvariantCulture, out var dn) && dn == decimal.Truncate(dn))
                    _numero = ((long)dn).ToString("00", CultureInfo.InvariantCulture);
                else if (vNum.Tipo == TipoValor.Texto && Revisado(vNum.Crudo.Trim(), cNum, ClaseTexto.Codigo) is { Length: > 0 } tn)
                    _numero = tn.Length == 1 && char.IsDigit(tn[0]) ? "0" + tn : tn;
                else if (vNum.Tipo != TipoValor.Texto) Error(cNum, $"«{vNum.Mostrado}» no es un número de actividad.");
            }

            /// <summary>The current activity the row replaces (by its code, else by sheet and number), and the row's code.</summary>
            private void Identificar()
            {
                var codigoCelda = col[Rol.Codigo] is { } cCod ? Revisado(hoja.Texto(f, cCod.Numero), cCod, ClaseTexto.Codigo) : null;
                _actual = codigoCelda is not null
                    ? lector._porCodigo.GetValueOrDefault(codigoCelda)
                    : _numero is not null && _claveHoja is not null ? lector._porNumero.GetValueOrDefault((Clave(_claveHoja), Clave(_numero))) : null;
                if (col[Rol.Numero] is null) _numero = _actual?.Numero;
                if (codigoCelda is null && _numero is null && _textoNombre is not null && lector.Errores.Count == _errores)
                    Error(col[Rol.Numero] ?? col[Rol.Codigo], "falta el número de la actividad.");

                _codigo = codigoCelda ?? _actual?.Codigo
                          ?? (_claveHoja is not null && _numero is not null ? $"{_claveHoja.Replace(" ", "", StringComparison.Ordinal)}-{_numero}" : null);
            }

            // Cost centre and AEI: the row's own column, else the current activity, else what the sheet declares.
            private void LeerCentro()
            {
                if (col[Rol.Centro] is { } cCen && hoja.Texto(f, cCen.Numero) is { } tCen)
                {
                    _centro = lector.Centro(tCen);
                    if (_centro is null) Error(cCen, $"«{Recortar(tCen)}» no es un centro de costo de la entidad.");
                }
                else _centro = _actual?.CentroCosto ?? centroHoja;
                if (_centro is not null && CentroCosto.MotivoSinActividadNueva(_centro, !ctx.CentrosInactivos.Contains(_centro), _actual?.CentroCosto == _centro) is { } inactivo)
                    Error(col[Rol.Centro] ?? col[Rol.Nombre], inactivo + ".");
            }

            private void LeerAei(IReadOnlyList<string> aeisDeclaradas)
            {
                if (col[Rol.Aei] is { } cAei && hoja.Texto(f, cAei.Numero) is { } tAei)
                {
                    _aei = TextoExcel.CodigoAlInicio(tAei, ctx.Aeis);
                    if (_aei is null) Error(cAei, $"«{Recortar(tAei)}» no es una AEI del PEI de la entidad.");
                }
                else if (_actual is not null) _aei = _actual.Aei;
                else if (aeisDeclaradas.Distinct(StringComparer.Ordinal).Count() == 1) _aei = aeisDeclaradas[0];
                else if (centroHoja is not null) // an unknown sheet is reported once, not on every row
                    Error(col[Rol.Aei], aeisDeclaradas.Count == 0
                        ? "no se sabe a qué AEI pertenece la actividad: la hoja no declara ninguna. Añada una columna «AEI» con el código de cada actividad."
                        : $"no se sabe a qué AEI pertenece la actividad: la hoja declara {string.Join(" y ", aeisDeclaradas.Distinct(StringComparer.Ordinal))}. " +
                          "Añada una columna «AEI» con el código de cada actividad.");
            }

            // Months, then the stated totals checked against them by the activity's behaviour.
            private void LeerMeses()
            {
                for (var m = 1; m <= 12; m++)
                {
                    var c = col.Meses[m]!;
                    var (v, e) = NumeroCelda.Leer(hoja.Valor(f, c.Numero));
                    if (e is not null)
                    {
                        Error(c, e);
                        _mesesOk = false;
                    }
                    _meses[m - 1] = v ?? 0;
                }
            }

            private void LeerTotales()
            {
                _meta = Declarado(col[Rol.Meta]);
                _anual = Declarado(col[Rol.Anual]);
                for (var t = 1; t <= 4; t++)
                    if (col.Trimestres[t] is { } c) _trimestres[t] = Declarado(c);
            }

            private decimal? Declarado(Columna? c)
            {
                if (c is null) return null;
                var (v, e) = NumeroCelda.Leer(hoja.Valor(f, c.Numero));
                if (e is not null) Error(c, e);
                return v;
            }

            private void ElegirComportamiento()
            {
                if (col[Rol.Comportamiento] is { } cCom && hoja.Texto(f, cCom.Numero) is { } tCom)
                {
                    _explicito = LeerComportamiento(tCom);
                    if (_explicito is null) Error(cCom, $"«{Recortar(tCom)}» no es un comportamiento: use suma, promedio, último o máximo.");
                }
                else _explicito = _actual?.Comportamiento;
                var declarados = new[] { _meta, _anual }.OfType<decimal>().ToList();
                _comportamiento = _explicito
                                  ?? OrdenInferencia.FirstOrDefault(c => declarados.All(d => Coincide(c, _meses, d)), Comportamiento.Suma);
            }

            private void ComprobarTotales()
            {
                foreach (var (rol, valor) in new[] { (Rol.Meta, _meta), (Rol.Anual, _anual) })
                {
                    if (valor is not { } v || Coincide(_comportamiento, _meses, v)) continue;
                    var mensaje = ProgramacionActividad.VerificarMetaAnual(_comportamiento, _meses, v)!;
                    Error(col[rol], _explicito is null
                        ? mensaje + " Tampoco es su promedio, su último valor ni su máximo; corrija los meses o el total."
                        : mensaje);
                }
                for (var t = 1; t <= 4; t++)
                {
                    if (_trimestres[t] is not { } q) continue;
                    var calculado = Agregacion.Programado(_comportamiento, _meses, Periodo.Trimestre(t));
                    if (Math.Abs(calculado - q) > Tolerancia)
                        Error(col.Trimestres[t], $"el subtotal {Numero(q)} no coincide con los meses del trimestre " +
                                                 $"({_comportamiento.Nombre().ToLowerInvariant()} = {Numero(calculado)}).");
                }
            }

            private void LeerDescripcion(string? grupo)
            {
                _unidad = col[Rol.Unidad] is { } cUni ? Revisado(Texto(hoja, f, cUni, null), cUni, ClaseTexto.Nombre) : _actual?.UnidadMedida;
                _responsable = col[Rol.Responsable] is { } cRes ? Revisado(Texto(hoja, f, cRes, null), cRes, ClaseTexto.Nombre) : _actual?.Responsable;
                _grupo = grupo is not null ? Revisado(grupo, col[Rol.Nombre], ClaseTexto.Nombre) : null;
            }

            private void LeerFechas()
            {
                (_inicio, _fin) = (Mes(hoja, f, col[Rol.Inicio], _actual?.MesInicio, Error), Mes(hoja, f, col[Rol.Fin], _actual?.MesFin, Error));
                if (ActividadOperativa.VerificarMeses(_inicio, _fin) is { } desorden) Error(col[Rol.Fin], desorden + ".");
            }

            private void ComprobarCodigoUnico()
            {
                if (_codigo is null) return;
                if (lector._codigos.TryGetValue(_codigo, out var previa))
                    Error(col[Rol.Codigo] ?? col[Rol.Numero], previa.Hoja == hoja.Nombre
                        ? $"el código {_codigo} se repite: ya está en la fila {previa.Fila}."
                        : $"el código {_codigo} se repite: ya está en la hoja '{previa.Hoja}', fila {previa.Fila}.");
                else lector._codigos[_codigo] = (hoja.Nombre, f);
            }

            private ActividadDto Dto(bool hayGrupos) => new()
            {
                Codigo = _codigo!,
                Tipo = _actual?.Tipo ?? TipoActividad.AO,
                Nombre = _nombre!,
                CentroCosto = _centro!,
                Aei = _aei!,
                Ficha = ficha?.Codigo,
                UnidadMedida = _unidad,
                Comportamiento = _comportamiento,
                Peso = _actual?.Peso ?? 1,
                Programado = _meses,
                // A workbook carries targets only: the replaced POI's progress does not survive (README.md).
                Ejecutado = new decimal?[12],
                FinancieroProgramado = _actual?.FinancieroProgramado ?? new decimal[12],
                FinancieroEjecutado = new decimal?[12],
                Responsable = _responsable,
                MesInicio = _inicio,
                MesFin = _fin,
                CategoriaPresupuestal = _actual?.CategoriaPresupuestal,
                Producto = _actual?.Producto,
                ActividadPresupuestal = _actual?.ActividadPresupuestal,
                Cui = _actual?.Cui,
                Prioridad = _actual?.Prioridad,
                Numero = _numero,
                Grupo = hayGrupos ? _grupo : _actual?.Grupo,
                MetaAnual = _meta ?? _anual ?? Agregacion.Programado(_comportamiento, _meses, Periodo.Anual),
                FinancieroPorGenerica = _actual?.FinancieroPorGenerica.Select(g => g with { Ejecutado = new decimal?[12] }).ToList() ?? [],
            };
        }

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
                        && int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) is var anio && anio != ctx.Anio)
                        Errores.Add(new ErrorExcel(hoja.Nombre, f, Referencia.Columna(c), null,
                            $"la hoja es del año {anio.ToString(CultureInfo.InvariantCulture)} y se está importando el POI {ctx.Anio.ToString(CultureInfo.InvariantCulture)}."));
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
