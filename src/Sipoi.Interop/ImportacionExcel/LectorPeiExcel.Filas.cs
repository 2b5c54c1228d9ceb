using System.Globalization;
using Sipoi.Domain;
using Sipoi.Domain.Estrategia;
using Sipoi.Interop.Intercambio;
using Sipoi.Interop.Reportes.Office;

namespace Sipoi.Interop.ImportacionExcel;

public static partial class LectorPeiExcel
{
    /// <summary>Sheet «PEI»: the heading, then each row as an OEI, an AEI or one more indicator of the row above.</summary>
    private sealed class Lectura(HojaLeida hoja, int? inicio, int? fin, List<ErrorExcel> errores)
    {
        private readonly Dictionary<Rol, (int Numero, string Titulo)> _col = [];
        private readonly List<(int Anio, int Numero, string Titulo)> _anios = [];

        private sealed class Objetivo(string tipo, string codigo, int fila)
        {
            public string Tipo { get; } = tipo;
            public string Codigo { get; } = codigo;
            public int Fila { get; } = fila;
            public string? Enunciado { get; set; }
            public int? Prioridad { get; set; }
            public int? FilaPrioridad { get; set; }
            public string? Oei { get; set; }
            public string? Responsable { get; set; }
            public List<IndicadorDto> Indicadores { get; } = [];
        }

        private readonly List<Objetivo> _objetivos = [];
        private readonly Dictionary<string, Objetivo> _porCodigo = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _indicadores = new(StringComparer.Ordinal);
        private int _fila;

        public List<OeiDto> Leer()
        {
            var enc = Encabezado();
            if (enc is null)
            {
                errores.Add(new(hoja.Nombre, null, null, null,
                    "no se encontró la fila de encabezados: debe tener al menos «Código», «Objetivo Estratégico Institucional / Acción Estratégica Institucional» e «Indicador». Descargue la plantilla."));
                return [];
            }
            Objetivo? actual = null, ultimoOei = null;
            for (_fila = enc.Value + 1; _fila <= hoja.UltimaFila; _fila++)
            {
                if (!_col.Values.Select(c => c.Numero).Concat(_anios.Select(a => a.Numero)).Any(c => hoja.TieneValor(_fila, c))) continue;
                var tipoTexto = TextoCelda(Rol.Tipo, ClaseTexto.Codigo);
                var codigo = TextoCelda(Rol.Codigo, ClaseTexto.Codigo);
                if (codigo is not null)
                {
                    var tipo = Tipo(tipoTexto, codigo);
                    if (tipo is null)
                    {
                        actual = null;
                        continue;
                    }
                    actual = ObjetivoDeLaFila(tipo, codigo, ultimoOei);
                    if (actual is { Tipo: "OEI" }) ultimoOei = actual;
                }
                else if (tipoTexto is not null || TextoCelda(Rol.Enunciado, ClaseTexto.Nombre) is not null)
                {
                    Error(Rol.Codigo, "escriba el código del OEI o de la AEI de esta fila.");
                    actual = null;
                    continue;
                }
                else if (actual is null)
                {
                    Error(Rol.Codigo, "la fila tiene un indicador pero ningún OEI o AEI encima: escriba el código del OEI o de la AEI.");
                    continue;
                }
                if (actual is not null && Indicador() is { } ind) actual.Indicadores.Add(ind);
            }
            return Arbol();
        }

        private int? Encabezado()
        {
            for (var f = 1; f <= Math.Min(15, hoja.UltimaFila); f++)
            {
                _col.Clear();
                _anios.Clear();
                for (var c = 1; c <= hoja.UltimaColumna; c++)
                {
                    if (hoja.Texto(f, c) is not { } t) continue;
                    var n = TextoExcel.Normalizar(t);
                    if (Sinonimos.TryGetValue(n, out var rol)) _col.TryAdd(rol, (c, t));
                    else if (ColumnaAnio().Match(n) is { Success: true } m)
                        _anios.Add((int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), c, t));
                }
                if (_col.ContainsKey(Rol.Codigo) && _col.ContainsKey(Rol.Enunciado) && _col.ContainsKey(Rol.Indicador)) return f;
            }
            return null;
        }

        private void Error(Rol rol, string mensaje) => Error(_col.TryGetValue(rol, out var c) ? c : ((int, string)?)null, mensaje);

        private void Error((int Numero, string Titulo)? c, string mensaje) =>
            errores.Add(new(hoja.Nombre, _fila, c is { } x ? Referencia.Columna(x.Numero) : null, c?.Titulo, mensaje));

        /// <summary>The cell's text, one line (or a paragraph for <see cref="ClaseTexto.TextoLargo"/>), checked against the domain's limits.</summary>
        private string? TextoCelda(Rol rol, ClaseTexto clase)
        {
            if (!_col.TryGetValue(rol, out var c) || hoja.Valor(_fila, c.Numero) is not { } v) return null;
            var t = v.Crudo.Trim();
            if (t.Length == 0) return null;
            if (clase != ClaseTexto.TextoLargo) t = string.Join(' ', t.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            if (LimitesTexto.Problema(t, clase) is not { } problema) return t;
            Error(rol, problema + ".");
            return null;
        }

        private decimal? Numero(Rol rol)
        {
            if (!_col.TryGetValue(rol, out var c)) return null;
            var (v, e) = NumeroCelda.Leer(hoja.Valor(_fila, c.Numero));
            if (e is not null) Error(rol, e);
            return v;
        }

        private string? Tipo(string? tipoTexto, string codigo)
        {
            var t = TextoExcel.Normalizar(tipoTexto).ToUpperInvariant();
            if (t.Length == 0)
            {
                // The reference layout has no type column: «OEI. 01», «AEI. 01.01».
                var c = codigo.TrimStart().ToUpperInvariant();
                t = c.StartsWith("OEI", StringComparison.Ordinal) ? "OEI" : c.StartsWith("AEI", StringComparison.Ordinal) ? "AEI" : "";
            }
            if (t is "OEI" or "AEI") return t;
            Error(Rol.Tipo, tipoTexto is null
                ? $"indique si {codigo} es un OEI o una AEI (columna «Tipo»)."
                : $"«{tipoTexto}» no es un tipo: escriba OEI o AEI.");
            return null;
        }

        /// <summary>The objective the row names: a new one, or the same one again (its enunciado blank or equal) for one more indicator.</summary>
        private Objetivo? ObjetivoDeLaFila(string tipo, string codigo, Objetivo? ultimoOei)
        {
            var enunciado = TextoCelda(Rol.Enunciado, ClaseTexto.Nombre);
            var oei = TextoCelda(Rol.Oei, ClaseTexto.Codigo);
            if (_porCodigo.TryGetValue(codigo, out var previo))
            {
                if (previo.Tipo != tipo || (enunciado is not null && enunciado != previo.Enunciado) || _objetivos[^1] != previo)
                {
                    Error(Rol.Codigo, $"el código {codigo} está repetido: ya está en la fila {previo.Fila}. Cada OEI y cada AEI va una sola vez; sus demás indicadores van en las filas siguientes con el código en blanco.");
                    return null;
                }
                return previo;
            }
            var o = new Objetivo(tipo, codigo, _fila) { Enunciado = enunciado };
            if (enunciado is null) Error(Rol.Enunciado, $"escriba el enunciado del {tipo} {codigo}.");
            if (Numero(Rol.Prioridad) is { } p)
            {
                if (p != decimal.Truncate(p) || p < 1 || p > 1000) Error(Rol.Prioridad, $"la prioridad de {codigo} debe ser un número entero de 1 en adelante.");
                else
                {
                    o.Prioridad = (int)p;
                    o.FilaPrioridad = _fila;
                }
            }
            if (tipo == "AEI")
            {
                o.Oei = oei ?? ultimoOei?.Codigo;
                o.Responsable = TextoCelda(Rol.Responsable, ClaseTexto.Nombre);
                if (o.Oei is null) Error(Rol.Oei, $"indique el OEI al que pertenece la AEI {codigo}.");
            }
            else if (oei is not null) Error(Rol.Oei, $"{codigo} es un OEI: la columna «OEI» solo se llena en las filas de AEI.");
            _objetivos.Add(o);
            _porCodigo[codigo] = o;
            return o;
        }

        private IndicadorDto? Indicador()
        {
            var codigo = TextoCelda(Rol.CodigoIndicador, ClaseTexto.Codigo);
            var nombre = TextoCelda(Rol.Indicador, ClaseTexto.Nombre);
            var unidad = TextoCelda(Rol.Unidad, ClaseTexto.Nombre);
            var sentidoTexto = TextoCelda(Rol.Sentido, ClaseTexto.Nombre);
            var metodo = TextoCelda(Rol.Metodo, ClaseTexto.TextoLargo);
            var fuente = TextoCelda(Rol.Fuente, ClaseTexto.Nombre);
            var centro = TextoCelda(Rol.Centro, ClaseTexto.Codigo);
            int? anioBase = null;
            if (_col.TryGetValue(Rol.AnioLineaBase, out var cab))
            {
                var (a, e) = LeerAnio(hoja.Valor(_fila, cab.Numero));
                if (e is not null) Error(Rol.AnioLineaBase, e);
                else if (a is { } x && fin is { } f && x > f) Error(Rol.AnioLineaBase, $"el año de la línea base ({x}) es posterior al fin del PEI ({f}).");
                else anioBase = a;
            }
            var valorBase = Numero(Rol.ValorLineaBase);
            var maximo = Numero(Rol.Maximo);
            var minimo = Numero(Rol.Minimo);
            var logros = new SortedDictionary<int, decimal>();
            foreach (var (anio, col, titulo) in _anios)
            {
                var (v, e) = NumeroCelda.Leer(hoja.Valor(_fila, col));
                if (e is not null) Error((col, titulo), e);
                else if (v is null) continue;
                else if (inicio is { } i && fin is { } f && (anio < i || anio > f))
                    Error((col, titulo), $"el año {anio} está fuera del periodo del PEI ({i}–{f}).");
                else logros[anio] = v.Value;
            }
            var hayDatos = unidad is not null || sentidoTexto is not null || metodo is not null || fuente is not null || centro is not null
                || anioBase is not null || valorBase is not null || maximo is not null || minimo is not null || logros.Count > 0;
            if (codigo is null && nombre is null)
            {
                if (hayDatos) Error(Rol.CodigoIndicador, "la fila tiene datos de un indicador pero no su código ni su nombre.");
                return null;
            }
            if (codigo is null)
            {
                Error(Rol.CodigoIndicador, $"escriba el código del indicador «{nombre}».");
                return null;
            }
            if (nombre is null) Error(Rol.Indicador, $"escriba el nombre del indicador {codigo}.");
            if (_indicadores.TryGetValue(codigo, out var otra))
            {
                Error(Rol.CodigoIndicador, $"el indicador {codigo} está repetido: ya está en la fila {otra}.");
                return null;
            }
            _indicadores[codigo] = _fila;
            var sentido = Sentido.Ascendente;
            if (sentidoTexto is not null && !SentidoTexto.TryParse(TextoExcel.Normalizar(sentidoTexto), out sentido))
                Error(Rol.Sentido, $"«{sentidoTexto}» no es un sentido: escriba ascendente, descendente o no definido.");
            if (sentido == Sentido.NoDefinido && maximo is null && minimo is null)
                Error(Rol.Sentido, $"el indicador {codigo} tiene sentido «no definido»: indique el máximo o el mínimo permisible.");
            if (sentido != Sentido.NoDefinido && (maximo is not null || minimo is not null))
                Error(maximo is not null ? Rol.Maximo : Rol.Minimo, $"el indicador {codigo} es {SentidoTexto.Codigo(sentido)}: el máximo y el mínimo permisibles solo se usan con sentido «no definido».");
            if (maximo < minimo) Error(Rol.Minimo, $"el mínimo permisible del indicador {codigo} es mayor que el máximo.");
            if (valorBase is not null && anioBase is null && !errores.Any(x => x.Fila == _fila && x.Titulo == _col.GetValueOrDefault(Rol.AnioLineaBase).Titulo))
                Error(Rol.AnioLineaBase, $"indique el año de la línea base del indicador {codigo}.");
            if (nombre is null) return null;
            return new IndicadorDto
            {
                Codigo = codigo,
                Nombre = nombre,
                Unidad = unidad,
                Sentido = sentido,
                LineaBase = anioBase is { } ab && valorBase is { } vb ? new LineaBaseDto { Anio = ab, Valor = vb } : null,
                LogrosEsperados = logros,
                Fuente = fuente,
                MetodoCalculo = metodo,
                CentroCostoResponsable = centro,
                MaximoPermisible = maximo,
                MinimoPermisible = minimo,
            };
        }

        /// <summary>OEIs with their AEIs; priorities left blank follow the order of the sheet; every priority checked as the forms do.</summary>
        private List<OeiDto> Arbol()
        {
            var oeis = _objetivos.Where(o => o.Tipo == "OEI").ToList();
            var porOei = oeis.ToDictionary(o => o.Codigo, _ => new List<Objetivo>(), StringComparer.Ordinal);
            foreach (var a in _objetivos.Where(o => o.Tipo == "AEI"))
            {
                if (a.Oei is null) continue;
                if (porOei.TryGetValue(a.Oei, out var lista)) lista.Add(a);
                else
                {
                    _fila = a.Fila;
                    Error(Rol.Oei, _porCodigo.ContainsKey(a.Oei)
                        ? $"la AEI {a.Codigo} pertenece a {a.Oei}, que no es un OEI."
                        : $"la AEI {a.Codigo} pertenece al OEI {a.Oei}, que no está en el libro.");
                }
            }
            var prioridadesOei = Prioridades(oeis, "OEI del PEI");
            return oeis.Select((o, i) =>
            {
                var aeis = porOei[o.Codigo];
                var prioridadesAei = Prioridades(aeis, $"AEI del {o.Codigo}");
                return new OeiDto
                {
                    Codigo = o.Codigo,
                    Enunciado = o.Enunciado ?? "",
                    Prioridad = prioridadesOei[i],
                    Indicadores = o.Indicadores,
                    Aei = aeis.Select((a, j) => new AeiDto
                    {
                        Codigo = a.Codigo,
                        Enunciado = a.Enunciado ?? "",
                        Prioridad = prioridadesAei[j],
                        Responsable = a.Responsable,
                        Indicadores = a.Indicadores,
                    }).ToList(),
                };
            }).ToList();
        }

        private List<int> Prioridades(List<Objetivo> objetivos, string ambito)
        {
            var usadas = objetivos.Where(o => o.Prioridad is not null).Select(o => o.Prioridad!.Value).ToHashSet();
            var siguiente = 1;
            var resultado = new List<int>();
            foreach (var o in objetivos)
            {
                if (o.Prioridad is { } p)
                {
                    resultado.Add(p);
                    continue;
                }
                while (usadas.Contains(siguiente)) siguiente++;
                usadas.Add(siguiente);
                resultado.Add(siguiente);
            }
            if (Pei.VerificarPrioridades(objetivos.Select((o, i) => (o.Codigo, resultado[i])).ToList(), ambito) is { } problema)
            {
                var repetida = objetivos.Where(o => o.Prioridad is not null).GroupBy(o => o.Prioridad).FirstOrDefault(g => g.Count() > 1)?.Last();
                _fila = repetida?.Fila ?? objetivos[0].Fila;
                Error(Rol.Prioridad, problema);
            }
            return resultado;
        }
    }
}
