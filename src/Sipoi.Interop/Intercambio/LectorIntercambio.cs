using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Sipoi.Domain;
using Sipoi.Domain.Estrategia;
using Sipoi.Domain.Operativo;
using Sipoi.Domain.Organizacion;
using Sipoi.Domain.Periodos;
using Sipoi.Domain.Seguimiento;

namespace Sipoi.Interop.Intercambio;

/// <summary>
/// Reads and validates a <c>sipoi-intercambio/1</c> file. Every rule of docs/intercambio.md is checked and
/// every error is reported at once, each naming its JSON path; a file with any error yields no document.
/// Unknown members are ignored so that newer files (which may add fields) still load.
/// </summary>
public static partial class LectorIntercambio
{
    /// <summary>More errors than this are summarised in one last entry "… y N errores más".</summary>
    public const int MaximoErrores = 200;

    // Strict JSON: the // comments in EXCHANGE.md are explanations, not part of the format.
    private static readonly JsonDocumentOptions Opciones = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 64,
    };

    public static ResultadoLectura Leer(Stream entrada)
    {
        ArgumentNullException.ThrowIfNull(entrada);
        using var copia = new MemoryStream();
        entrada.CopyTo(copia);
        return Leer(copia.GetBuffer().AsMemory(0, (int)copia.Length));
    }

    public static ResultadoLectura Leer(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Leer(Encoding.UTF8.GetBytes(json));
    }

    public static ResultadoLectura Leer(ReadOnlyMemory<byte> utf8)
    {
        if (utf8.Span.StartsWith("\uFEFF"u8)) utf8 = utf8[3..];
        if (ErrorDeCodificacion(utf8.Span) is { } codificacion) return ResultadoLectura.ConErrores([codificacion]);
        if (utf8.Span.Trim(" \t\r\n"u8).IsEmpty) return ResultadoLectura.ConErrores([new ErrorIntercambio("", "el archivo está vacío")]);

        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(utf8, Opciones);
        }
        catch (JsonException ex)
        {
            return ResultadoLectura.ConErrores([ErrorDeSintaxis(ex, utf8.Span)]);
        }

        using (json)
        {
            var lectura = new Lectura();
            lectura.TextosValidos(json.RootElement, "");
            if (lectura.Errores.Count > 0) return ResultadoLectura.ConErrores(lectura.Errores);
            var documento = new Lector(lectura).Documento(json.RootElement);
            return documento is not null && lectura.Errores.Count == 0
                ? ResultadoLectura.Valido(documento)
                : ResultadoLectura.ConErrores(lectura.Errores);
        }
    }

    private static ErrorIntercambio? ErrorDeCodificacion(ReadOnlySpan<byte> bytes)
    {
        if (System.Text.Unicode.Utf8.IsValid(bytes)) return null;
        var valido = bytes.Length;
        try
        {
            _ = new UTF8Encoding(false, true).GetCharCount(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            valido = Math.Max(0, ex.Index);
        }
        var linea = bytes[..Math.Min(valido, bytes.Length)].Count((byte)'\n') + 1;
        return new("", $"el archivo no está codificado en UTF-8 (primer byte no válido en la línea {linea})");
    }

    private static ErrorIntercambio ErrorDeSintaxis(JsonException ex, ReadOnlySpan<byte> bytes)
    {
        var numeroLinea = (int)(ex.LineNumber ?? 0);
        var posicion = (int)(ex.BytePositionInLine ?? 0);

        // Locate the line the parser stopped on; columns count characters, not UTF-8 bytes.
        var inicio = 0;
        for (var n = 0; n < numeroLinea && inicio < bytes.Length; n++)
        {
            var salto = bytes[inicio..].IndexOf((byte)'\n');
            inicio = salto < 0 ? bytes.Length : inicio + salto + 1;
        }
        var resto = bytes[inicio..];
        var fin = resto.IndexOf((byte)'\n');
        var linea = Encoding.UTF8.GetString(fin < 0 ? resto : resto[..fin]).TrimEnd('\r');
        var columna = Encoding.UTF8.GetCharCount(resto[..Math.Min(posicion, fin < 0 ? resto.Length : fin)]);

        var donde = $"JSON no válido en la línea {numeroLinea + 1}, columna {columna + 1}";
        var antes = linea[..Math.Min(columna, linea.Length)].TrimEnd();
        var aqui = columna < linea.Length ? linea[columna] : '\0';
        var motivo =
            inicio + posicion >= bytes.Length || bytes[(inicio + Math.Min(posicion, resto.Length))..].Trim(" \t\r\n"u8).IsEmpty
                ? "el archivo termina antes de cerrar todos sus objetos y listas"
            : aqui == '/' ? "los comentarios (//) no forman parte del formato"
            : aqui is '}' or ']' && antes.EndsWith(',') ? $"sobra la coma antes de «{aqui}»"
            : aqui == '\'' ? "los textos van entre comillas dobles"
            : $"cerca de «{Fragmento(linea, columna)}»";
        return new("", $"{donde}: {motivo}");
    }

    private static string Fragmento(string linea, int columna)
    {
        var desde = Math.Max(0, columna - 25);
        var hasta = Math.Min(linea.Length, columna + 25);
        return (desde > 0 ? "…" : "") + linea[desde..hasta].Trim() + (hasta < linea.Length ? "…" : "");
    }

    [GeneratedRegex("^[1-9][0-9]{3}$")]
    private static partial Regex Anio();

    [GeneratedRegex("^[1-9][0-9]{3}-S[12]$")]
    private static partial Regex Semestre();

    /// <summary>One reading: builds the model while recording codes and references, resolves them at the end.</summary>
    private sealed class Lector(Lectura l)
    {
        private readonly List<(string Ruta, string Codigo)> centros = [], fichas = [], oeis = [], aeis = [],
            indicadores = [], actividades = [];
        private readonly List<(string Ruta, string Codigo)> refCentros = [], refFichas = [], refAeis = [];
        private readonly List<(string Ruta, string Codigo, string? Padre)> jerarquia = [];

        public DocumentoIntercambio? Documento(JsonElement raiz)
        {
            if (raiz.ValueKind != JsonValueKind.Object)
            {
                l.Error("", $"el documento debe ser un objeto JSON, no {Lectura.Describir(raiz)}");
                return null;
            }
            var o = l.ComoObjeto(raiz, "")!.Value;
            if (!Formato(o)) return null;

            var entidad = Entidad(o.Hijo("entidad", obligatorio: true));
            var configuracion = o.Hijo("configuracion") is { } c ? Configuracion(c) : null;
            var centrosCosto = o.Lista("centrosCosto").Select(x => CentroCosto(x.Valor, x.Ruta)).ToList();
            var listaFichas = o.Lista("fichas").Select(x => Ficha(x.Valor, x.Ruta)).ToList();
            var pei = Pei(o.Hijo("pei", obligatorio: true));
            var poi = Poi(o.Hijo("poi", obligatorio: true));
            Resolver();

            if (l.Errores.Count > 0 || entidad is null || pei is null || poi is null) return null;
            return new DocumentoIntercambio
            {
                Entidad = entidad,
                Configuracion = configuracion,
                CentrosCosto = centrosCosto.OfType<CentroCostoDto>().ToList(),
                Fichas = listaFichas.OfType<FichaDto>().ToList(),
                Pei = pei,
                Poi = poi,
            };
        }

        private bool Formato(Objeto o)
        {
            var esperado = DocumentoIntercambio.Formato;
            if (o.Crudo("formato") is not { } v)
            {
                l.Error("formato", $"se esperaba «{esperado}» (falta el campo)");
                return true;
            }
            if (v.ValueKind == JsonValueKind.String && v.GetString() == esperado) return true;
            // Another format (or version) has other rules: checking it against ours would only add noise.
            l.Error("formato", $"se esperaba «{esperado}», no {Lectura.Describir(v)}");
            return false;
        }

        private EntidadDto? Entidad(Objeto? e)
        {
            if (e is not { } o) return null;
            var codigo = o.Texto("codigo", obligatorio: true, ClaseTexto.Codigo);
            var nombre = o.Texto("nombre", obligatorio: true);
            var tipo = o.Texto("tipo");
            var siglas = o.Texto("siglas", clase: ClaseTexto.Codigo);
            var vision = o.Texto("vision", clase: ClaseTexto.TextoLargo);
            if (codigo is null || nombre is null) return null;
            return new EntidadDto { Codigo = codigo, Nombre = nombre, Tipo = tipo, Siglas = siglas, Vision = vision };
        }

        private ConfiguracionDto Configuracion(Objeto o)
        {
            var metodo = o.Codigo<MetodoEvaluacion>("metodo", CodigosIntercambio.TryParse, CodigosIntercambio.Aceptados<MetodoEvaluacion>());
            BandasDto? bandas = null;
            if (o.Hijo("bandas") is { } b)
            {
                var medio = b.Numero("medioDesde", obligatorio: true);
                var alto = b.Numero("altoDesde", obligatorio: true);
                if (medio is { } m && alto is { } a) bandas = new BandasDto { MedioDesde = m, AltoDesde = a };
            }
            var etiquetas = Textos(o.Hijo("etiquetasBandas"));
            var leyendas = Textos(o.Hijo("leyendasBandas"));
            var configuracion = new ConfiguracionDto
            {
                Metodo = metodo,
                Bandas = bandas,
                EtiquetasBandas = etiquetas,
                LeyendasBandas = leyendas,
                ToleranciaInferior = o.Numero("toleranciaInferior"),
                ToleranciaSuperior = o.Numero("toleranciaSuperior"),
                DiasCierre = o.Entero("diasCierre"),
                MostrarEnviados = o.Logico("mostrarEnviados"),
            };
            ReglasDeConfiguracion(o, configuracion);
            return configuracion;
        }

        /// <summary>
        /// The entity's rules for its settings are the domain's (<see cref="ConfiguracionEntidad.Validar"/>): the
        /// members the file gives are checked over the defaults, and each problem of a member the file has is
        /// reported at its path. Members the file leaves out keep the entity's settings on import, unknown here.
        /// </summary>
        private void ReglasDeConfiguracion(Objeto o, ConfiguracionDto c)
        {
            var candidata = ConfiguracionEntidad.PorDefecto().Con(c);
            foreach (var problema in candidata.Validar())
            {
                var ruta = Lectura.Hijo(o.Ruta, problema.Campo);
                if (Presente(o, problema.Campo)) l.Error(ruta, problema.Detalle.TrimEnd('.'));
            }
        }

        private static bool Presente(Objeto o, string clave)
        {
            var partes = clave.Split('.');
            return partes.Length == 1
                ? o.Tiene(partes[0])
                : o.Crudo(partes[0]) is { ValueKind: JsonValueKind.Object } h && h.TryGetProperty(partes[1], out _);
        }

        private static TextosBandasDto? Textos(Objeto? t)
        {
            if (t is not { } o) return null;
            var bajo = o.Texto("bajo", obligatorio: true);
            var medio = o.Texto("medio", obligatorio: true);
            var alto = o.Texto("alto", obligatorio: true);
            return bajo is null || medio is null || alto is null ? null : new TextosBandasDto { Bajo = bajo, Medio = medio, Alto = alto };
        }

        private CentroCostoDto? CentroCosto(JsonElement e, string ruta)
        {
            if (l.ComoObjeto(e, ruta) is not { } o) return null;
            var codigo = o.Texto("codigo", obligatorio: true, ClaseTexto.Codigo);
            var nombre = o.Texto("nombre", obligatorio: true);
            var padre = Referencia(o, "padre", refCentros);
            var responsable = o.Texto("responsable");
            var gerencia = o.Logico("gerencia");
            // Known by its code even when another member is wrong, so references to it do not cascade into errors.
            if (codigo is not null)
            {
                centros.Add((ruta, codigo));
                jerarquia.Add((ruta, codigo, padre));
            }
            if (codigo is null || nombre is null) return null;
            return new CentroCostoDto { Codigo = codigo, Nombre = nombre, Padre = padre, Responsable = responsable, Gerencia = gerencia ?? false };
        }

        private FichaDto? Ficha(JsonElement e, string ruta)
        {
            if (l.ComoObjeto(e, ruta) is not { } o) return null;
            var codigo = o.Texto("codigo", obligatorio: true, ClaseTexto.Codigo);
            var nombre = o.Texto("nombre", obligatorio: true);
            var gerencia = o.Texto("gerencia");
            var centroCosto = Referencia(o, "centroCosto", refCentros);
            var responsable = o.Texto("responsable");
            var objetivo = o.Texto("objetivo", clase: ClaseTexto.TextoLargo);
            var aei = new List<string>();
            foreach (var (valor, r) in o.Lista("aei"))
            {
                if (l.ComoTexto(valor, r, ClaseTexto.Codigo) is not { } a) continue;
                refAeis.Add((r, a));
                aei.Add(a);
            }
            var peso = Peso(o);
            if (codigo is not null) fichas.Add((ruta, codigo));
            if (codigo is null || nombre is null) return null;
            return new FichaDto
            {
                Codigo = codigo,
                Nombre = nombre,
                Gerencia = gerencia,
                CentroCosto = centroCosto,
                Responsable = responsable,
                Objetivo = objetivo,
                Aei = aei,
                Peso = peso,
            };
        }

        private PeiDto? Pei(Objeto? p)
        {
            if (p is not { } o) return null;
            var codigo = o.Texto("codigo", obligatorio: true, ClaseTexto.Codigo);
            var inicio = o.Entero("inicio");
            var fin = o.Entero("fin");
            var mision = o.Texto("mision", clase: ClaseTexto.TextoLargo);
            var nombre = o.Texto("nombre");
            var vision = o.Texto("vision", clase: ClaseTexto.TextoLargo);
            var estado = o.Codigo<EstadoPei>("estado", CodigosIntercambio.TryParse, CodigosIntercambio.Aceptados<EstadoPei>());
            var oei = o.Lista("oei").Select(x => (x.Ruta, Dto: Oei(x.Valor, x.Ruta))).ToList();
            PrioridadesUnicas(oei.Select(x => (x.Ruta, x.Dto?.Prioridad)));
            if (codigo is null) return null;
            return new PeiDto
            {
                Codigo = codigo,
                Inicio = inicio,
                Fin = fin,
                Mision = mision,
                Nombre = nombre,
                Vision = vision,
                Estado = estado,
                Oei = oei.Select(x => x.Dto).OfType<OeiDto>().ToList(),
            };
        }

        private OeiDto? Oei(JsonElement e, string ruta)
        {
            if (l.ComoObjeto(e, ruta) is not { } o) return null;
            var codigo = o.Texto("codigo", obligatorio: true, ClaseTexto.Codigo);
            var enunciado = o.Texto("enunciado", obligatorio: true);
            var prioridad = Prioridad(o, obligatorio: true);
            var listaIndicadores = o.Lista("indicadores").Select(x => Indicador(x.Valor, x.Ruta)).ToList();
            var aei = o.Lista("aei").Select(x => (x.Ruta, Dto: Aei(x.Valor, x.Ruta))).ToList();
            PrioridadesUnicas(aei.Select(x => (x.Ruta, x.Dto?.Prioridad)));
            if (codigo is not null) oeis.Add((ruta, codigo));
            if (codigo is null || enunciado is null || prioridad is null) return null;
            return new OeiDto
            {
                Codigo = codigo,
                Enunciado = enunciado,
                Prioridad = prioridad.Value,
                Indicadores = listaIndicadores.OfType<IndicadorDto>().ToList(),
                Aei = aei.Select(x => x.Dto).OfType<AeiDto>().ToList(),
            };
        }

        private AeiDto? Aei(JsonElement e, string ruta)
        {
            if (l.ComoObjeto(e, ruta) is not { } o) return null;
            var codigo = o.Texto("codigo", obligatorio: true, ClaseTexto.Codigo);
            var enunciado = o.Texto("enunciado", obligatorio: true);
            var prioridad = Prioridad(o, obligatorio: true);
            var responsable = o.Texto("responsable");
            var listaIndicadores = o.Lista("indicadores").Select(x => Indicador(x.Valor, x.Ruta)).ToList();
            if (codigo is not null) aeis.Add((ruta, codigo));
            if (codigo is null || enunciado is null || prioridad is null) return null;
            return new AeiDto
            {
                Codigo = codigo,
                Enunciado = enunciado,
                Prioridad = prioridad.Value,
                Responsable = responsable,
                Indicadores = listaIndicadores.OfType<IndicadorDto>().ToList(),
            };
        }

        private IndicadorDto? Indicador(JsonElement e, string ruta)
        {
            if (l.ComoObjeto(e, ruta) is not { } o) return null;
            var codigo = o.Texto("codigo", obligatorio: true, ClaseTexto.Codigo);
            var nombre = o.Texto("nombre", obligatorio: true);
            var unidad = o.Texto("unidad");
            var sentido = o.Codigo<Sentido>("sentido", CodigosIntercambio.TryParse, CodigosIntercambio.Aceptados<Sentido>());
            LineaBaseDto? lineaBase = null;
            if (o.Hijo("lineaBase") is { } lb)
            {
                var anio = lb.Entero("anio", obligatorio: true);
                var valor = lb.Numero("valor", obligatorio: true);
                if (anio is not null && valor is not null) lineaBase = new LineaBaseDto { Anio = anio.Value, Valor = valor.Value };
            }
            var logros = PorAnio(o, "logrosEsperados");
            var obtenidos = PorAnio(o, "valoresObtenidos");
            var fuente = o.Texto("fuente");
            var metodo = o.Texto("metodoCalculo", clase: ClaseTexto.TextoLargo);
            var responsable = Referencia(o, "centroCostoResponsable", refCentros);
            var maximo = o.Numero("maximoPermisible");
            var minimo = o.Numero("minimoPermisible");
            var semestres = PorSemestre(o, "valoresObtenidosSemestre");
            if (codigo is not null) indicadores.Add((ruta, codigo));
            if (codigo is null || nombre is null) return null;
            return new IndicadorDto
            {
                Codigo = codigo,
                Nombre = nombre,
                Unidad = unidad,
                Sentido = sentido ?? Sentido.Ascendente,
                LineaBase = lineaBase,
                LogrosEsperados = logros,
                ValoresObtenidos = obtenidos,
                Fuente = fuente,
                MetodoCalculo = metodo,
                CentroCostoResponsable = responsable,
                MaximoPermisible = maximo,
                MinimoPermisible = minimo,
                ValoresObtenidosSemestre = semestres,
            };
        }

        // A null value means "no value that year" and is read as absent.
        private SortedDictionary<int, decimal> PorAnio(Objeto o, string nombre)
        {
            var valores = new SortedDictionary<int, decimal>();
            foreach (var (clave, valor, ruta) in o.Miembros(nombre))
            {
                if (!Anio().IsMatch(clave))
                {
                    l.Error(o.RutaDe(nombre), $"la clave «{clave}» no es un año de cuatro dígitos");
                    continue;
                }
                if (valor.ValueKind != JsonValueKind.Null && l.ComoNumero(valor, ruta) is { } v) valores[int.Parse(clave, System.Globalization.CultureInfo.InvariantCulture)] = v;
            }
            return valores;
        }

        private SortedDictionary<string, decimal> PorSemestre(Objeto o, string nombre)
        {
            var valores = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
            foreach (var (clave, valor, ruta) in o.Miembros(nombre))
            {
                if (!Semestre().IsMatch(clave))
                {
                    l.Error(o.RutaDe(nombre), $"la clave «{clave}» no es un semestre AAAA-S1 o AAAA-S2");
                    continue;
                }
                if (valor.ValueKind != JsonValueKind.Null && l.ComoNumero(valor, ruta) is { } v) valores[clave] = v;
            }
            return valores;
        }

        private PoiDto? Poi(Objeto? p)
        {
            if (p is not { } o) return null;
            var anio = o.Entero("anio", obligatorio: true);
            var version = o.Texto("version");
            var tipoVersion = o.Codigo<TipoVersionPoi>("tipoVersion", CodigosIntercambio.TryParse, CodigosIntercambio.Aceptados<TipoVersionPoi>());
            var motivo = o.Texto("motivo", clase: ClaseTexto.TextoLargo);
            AprobacionDto? aprobacion = null;
            if (o.Hijo("aprobacion") is { } a)
            {
                var documento = a.Texto("documento", obligatorio: true);
                var fecha = a.Fecha("fecha", obligatorio: true);
                if (documento is not null && fecha is not null) aprobacion = new AprobacionDto { Documento = documento, Fecha = fecha.Value };
            }
            PresupuestoDto? presupuesto = null;
            if (o.Hijo("presupuesto") is { } pr)
            {
                presupuesto = new PresupuestoDto
                {
                    Ingresos = pr.Lista("ingresos").Select(x => Partida(x.Valor, x.Ruta)).OfType<PartidaPresupuestalDto>().ToList(),
                    Egresos = pr.Lista("egresos").Select(x => Partida(x.Valor, x.Ruta)).OfType<PartidaPresupuestalDto>().ToList(),
                };
            }
            var lista = o.Lista("actividades").Select(x => Actividad(x.Valor, x.Ruta)).ToList();
            var seguimiento = o.Tomar("seguimiento", false, out _) ? Seguimiento(o) : null;
            if (anio is null) return null;
            return new PoiDto
            {
                Anio = anio.Value,
                Version = version,
                TipoVersion = tipoVersion ?? TipoVersionPoi.Anual,
                Motivo = motivo,
                Aprobacion = aprobacion,
                Presupuesto = presupuesto,
                Actividades = lista.OfType<ActividadDto>().ToList(),
                Seguimiento = seguimiento,
            };
        }

        /// <summary><c>poi.seguimiento</c>: one entry per cost centre and month at most.</summary>
        private List<SeguimientoDto> Seguimiento(Objeto poi)
        {
            var lista = new List<SeguimientoDto>();
            var vistos = new Dictionary<(string, int), string>();
            foreach (var (valor, ruta) in poi.Lista("seguimiento"))
            {
                if (l.ComoObjeto(valor, ruta) is not { } o) continue;
                var centro = Referencia(o, "centroCosto", refCentros, obligatorio: true);
                var mes = Mes(o, "mes", obligatorio: true);
                var estado = o.Codigo<EstadoSeguimiento>("estado", CodigosIntercambio.TryParse, CodigosIntercambio.Aceptados<EstadoSeguimiento>());
                if (estado is null && !o.Tomar("estado", true, out _)) continue;
                if (centro is null || mes is null || estado is null) continue;
                if (vistos.TryGetValue((centro, mes.Value), out var primera))
                {
                    l.Error(ruta, $"el centro de costo «{centro}» y el mes {mes} ya figuran en {primera}");
                    continue;
                }
                vistos[(centro, mes.Value)] = ruta;
                lista.Add(new SeguimientoDto { CentroCosto = centro, Mes = mes.Value, Estado = estado.Value });
            }
            return lista;
        }

        /// <summary><c>justificaciones</c> of an activity: one entry per month at most; null when an entry is wrong.</summary>
        private List<JustificacionDto>? Justificaciones(Objeto actividad)
        {
            var lista = new List<JustificacionDto>();
            var vistos = new Dictionary<int, string>();
            var completa = true;
            foreach (var (valor, ruta) in actividad.Lista("justificaciones"))
            {
                if (l.ComoObjeto(valor, ruta) is not { } o)
                {
                    completa = false;
                    continue;
                }
                var mes = Mes(o, "mes", obligatorio: true);
                var logros = o.Texto("logros");
                var dificultades = o.Texto("dificultades");
                var medidas = o.Texto("medidasCorrectivas");
                if (mes is null)
                {
                    completa = false;
                    continue;
                }
                if (vistos.TryGetValue(mes.Value, out var primera))
                {
                    l.Error(o.RutaDe("mes"), $"el mes {mes} ya tiene justificación en {primera}");
                    completa = false;
                    continue;
                }
                vistos[mes.Value] = ruta;
                lista.Add(new JustificacionDto { Mes = mes.Value, Logros = logros, Dificultades = dificultades, MedidasCorrectivas = medidas });
            }
            return completa ? lista.OrderBy(j => j.Mes).ToList() : null;
        }

        private PartidaPresupuestalDto? Partida(JsonElement e, string ruta)
        {
            if (l.ComoObjeto(e, ruta) is not { } o) return null;
            var codigo = o.Texto("codigo", obligatorio: true, ClaseTexto.Codigo);
            var nombre = o.Texto("nombre");
            var monto = o.Numero("monto", obligatorio: true);
            return codigo is null || monto is null ? null : new PartidaPresupuestalDto { Codigo = codigo, Nombre = nombre, Monto = monto.Value };
        }

        private ActividadDto? Actividad(JsonElement e, string ruta)
        {
            if (l.ComoObjeto(e, ruta) is not { } o) return null;
            var codigo = o.Texto("codigo", obligatorio: true, ClaseTexto.Codigo);
            var tipo = o.Codigo<TipoActividad>("tipo", CodigosIntercambio.TryParse, CodigosIntercambio.Aceptados<TipoActividad>());
            var nombre = o.Texto("nombre", obligatorio: true);
            var centroCosto = Referencia(o, "centroCosto", refCentros, obligatorio: true);
            var aei = Referencia(o, "aei", refAeis, obligatorio: true);
            var ficha = Referencia(o, "ficha", refFichas);
            var unidad = o.Texto("unidadMedida");
            var comportamiento = o.Codigo<Comportamiento>("comportamiento", ComportamientoTexto.TryParse,
                CodigosIntercambio.Lista(Enum.GetValues<Comportamiento>().Select(c => c.Codigo()).ToList()));
            var comportamientoLeido = comportamiento is not null || !o.Tomar("comportamiento", false, out _);
            var peso = Peso(o);
            var programado = Metas(o.Meses("programado", obligatorio: true, admiteNull: false));
            var ejecutado = o.Meses("ejecutado", obligatorio: true, admiteNull: true);
            var finProgramado = o.Tomar("financieroProgramado", false, out _)
                ? Metas(o.Meses("financieroProgramado", obligatorio: false, admiteNull: false))
                : new decimal[12];
            var finEjecutado = o.Tomar("financieroEjecutado", false, out _)
                ? o.Meses("financieroEjecutado", obligatorio: false, admiteNull: true)
                : new decimal?[12];
            var responsable = o.Texto("responsable");
            var mesInicio = Mes(o, "mesInicio");
            var mesFin = Mes(o, "mesFin");
            if (ActividadOperativa.VerificarMeses(mesInicio, mesFin) is { } meses) l.Error(o.RutaDe("mesInicio"), meses);
            var categoria = o.Texto("categoriaPresupuestal");
            var producto = o.Texto("producto");
            var actividadPresupuestal = o.Texto("actividadPresupuestal");
            var cui = o.Texto("cui", clase: ClaseTexto.Codigo);
            var prioridad = Prioridad(o, obligatorio: false);
            var numero = o.Texto("numero", clase: ClaseTexto.Codigo);
            var grupo = o.Texto("grupo");
            var metaAnual = o.Numero("metaAnual");
            if (metaAnual is { } meta && programado is not null && comportamientoLeido)
            {
                var c = comportamiento ?? Comportamiento.Suma;
                var anual = Agregacion.Programado(c, programado, Periodo.Anual);
                if (meta != anual)
                    l.Error(o.RutaDe("metaAnual"),
                        $"{Lectura.Num(meta)} no coincide con el valor anual de programado ({Lectura.Num(anual)}, comportamiento «{c.Codigo()}»)");
            }
            var porGenerica = PorGenerica(o, finProgramado);
            var justificaciones = Justificaciones(o);

            if (codigo is not null) actividades.Add((ruta, codigo));
            if (codigo is null || nombre is null || centroCosto is null || aei is null || !comportamientoLeido
                || programado is null || ejecutado is null || finProgramado is null || finEjecutado is null || porGenerica is null
                || justificaciones is null)
                return null;
            return new ActividadDto
            {
                Codigo = codigo,
                Tipo = tipo ?? TipoActividad.AO,
                Nombre = nombre,
                CentroCosto = centroCosto,
                Aei = aei,
                Ficha = ficha,
                UnidadMedida = unidad,
                Comportamiento = comportamiento ?? Comportamiento.Suma,
                Peso = peso,
                Programado = programado,
                Ejecutado = ejecutado,
                FinancieroProgramado = finProgramado,
                FinancieroEjecutado = finEjecutado,
                Responsable = responsable,
                MesInicio = mesInicio,
                MesFin = mesFin,
                CategoriaPresupuestal = categoria,
                Producto = producto,
                ActividadPresupuestal = actividadPresupuestal,
                Cui = cui,
                Prioridad = prioridad,
                Numero = numero,
                Grupo = grupo,
                MetaAnual = metaAnual,
                FinancieroPorGenerica = porGenerica,
                Justificaciones = justificaciones,
            };
        }

        /// <summary>The split by genérica; null when an entry is wrong. Its monthly sums must equal the total.</summary>
        private List<FinancieroGenericaDto>? PorGenerica(Objeto o, decimal[]? total)
        {
            var lista = new List<FinancieroGenericaDto>();
            var codigos = new List<(string Ruta, string Codigo)>();
            var completa = true;
            foreach (var (valor, ruta) in o.Lista("financieroPorGenerica"))
            {
                if (l.ComoObjeto(valor, ruta) is not { } g)
                {
                    completa = false;
                    continue;
                }
                var generica = g.Texto("generica", obligatorio: true, ClaseTexto.Codigo);
                var programado = Metas(g.Meses("programado", obligatorio: true, admiteNull: false));
                var ejecutado = g.Tomar("ejecutado", false, out _)
                    ? g.Meses("ejecutado", obligatorio: false, admiteNull: true)
                    : new decimal?[12];
                if (generica is not null) codigos.Add((ruta, generica));
                if (generica is null || programado is null || ejecutado is null)
                {
                    completa = false;
                    continue;
                }
                lista.Add(new FinancieroGenericaDto { Generica = generica, Programado = programado, Ejecutado = ejecutado });
            }
            CodigosUnicos(codigos, "generica", "genérica", "repetida");
            if (!completa) return null;

            if (lista.Count > 0 && total is not null)
            {
                var diferencias = Enumerable.Range(0, 12)
                    .Select(m => (Mes: m, Suma: lista.Sum(g => g.Programado[m])))
                    .Where(x => x.Suma != total[x.Mes])
                    .Select(x => $"{Meses.Nombre(x.Mes + 1).ToLowerInvariant()} {Lectura.Num(x.Suma)} ≠ {Lectura.Num(total[x.Mes])}")
                    .ToList();
                if (diferencias.Count > 0)
                    l.Error(o.RutaDe("financieroPorGenerica"),
                        $"la suma por genérica no coincide con financieroProgramado ({string.Join("; ", diferencias)})");
            }
            return lista;
        }

        private static decimal[]? Metas(decimal?[]? meses) => meses?.Select(m => m ?? 0).ToArray();

        private int? Mes(Objeto o, string nombre, bool obligatorio = false)
        {
            var v = o.Entero(nombre, obligatorio);
            if (v is null or (>= 1 and <= 12)) return v;
            l.Error(o.RutaDe(nombre), $"el mes debe estar entre 1 y 12 (es {v})");
            return null;
        }

        private decimal Peso(Objeto o)
        {
            var v = o.Numero("peso");
            if (v is > 0 or null) return v ?? 1;
            l.Error(o.RutaDe("peso"), $"debe ser mayor que 0 (es {Lectura.Num(v.Value)})");
            return 1;
        }

        private int? Prioridad(Objeto o, bool obligatorio)
        {
            var v = o.Entero("prioridad", obligatorio);
            if (v is null or >= 1) return v;
            l.Error(o.RutaDe("prioridad"), $"la prioridad debe ser 1 o mayor (es {v})");
            return null;
        }

        private string? Referencia(Objeto o, string nombre, List<(string Ruta, string Codigo)> referencias, bool obligatorio = false)
        {
            var codigo = o.Texto(nombre, obligatorio, ClaseTexto.Codigo);
            if (codigo is not null) referencias.Add((o.RutaDe(nombre), codigo));
            return codigo;
        }

        private void PrioridadesUnicas(IEnumerable<(string Ruta, int? Prioridad)> elementos)
        {
            var vistas = new Dictionary<int, string>();
            foreach (var (ruta, prioridad) in elementos)
            {
                if (prioridad is not { } p) continue;
                if (vistas.TryGetValue(p, out var primera))
                    l.Error($"{ruta}.prioridad", $"prioridad {p} repetida (también en {primera})");
                else
                    vistas[p] = ruta;
            }
        }

        private Dictionary<string, string> CodigosUnicos(List<(string Ruta, string Codigo)> elementos,
            string campo = "codigo", string que = "código", string repetido = "repetido")
        {
            var vistos = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (ruta, codigo) in elementos)
            {
                if (vistos.TryGetValue(codigo, out var primera))
                    l.Error($"{ruta}.{campo}", $"{que} «{codigo}» {repetido} (también en {primera})");
                else
                    vistos[codigo] = ruta;
            }
            return vistos;
        }

        private void Resolver()
        {
            var centrosPorCodigo = CodigosUnicos(centros);
            var fichasPorCodigo = CodigosUnicos(fichas);
            CodigosUnicos(oeis);
            var aeisPorCodigo = CodigosUnicos(aeis);
            CodigosUnicos(indicadores);
            CodigosUnicos(actividades);

            foreach (var (ruta, codigo) in refCentros)
                if (!centrosPorCodigo.ContainsKey(codigo)) l.Error(ruta, $"el centro de costo «{codigo}» no existe en centrosCosto");
            foreach (var (ruta, codigo) in refFichas)
                if (!fichasPorCodigo.ContainsKey(codigo)) l.Error(ruta, $"la ficha «{codigo}» no existe en fichas");
            foreach (var (ruta, codigo) in refAeis)
                if (!aeisPorCodigo.ContainsKey(codigo)) l.Error(ruta, $"la AEI «{codigo}» no existe en el PEI");

            Ciclos(centrosPorCodigo);
        }

        /// <summary>A cost centre may not be its own ancestor; each cycle is reported once, at its first member.</summary>
        private void Ciclos(Dictionary<string, string> centrosPorCodigo)
        {
            var padres = jerarquia.Where(c => centrosPorCodigo[c.Codigo] == c.Ruta).ToDictionary(c => c.Codigo, c => c.Padre);
            var orden = jerarquia.Select((c, i) => (c.Codigo, i)).GroupBy(x => x.Codigo).ToDictionary(g => g.Key, g => g.First().i);
            foreach (var (ruta, codigo, padre) in jerarquia)
            {
                if (centrosPorCodigo[codigo] != ruta) continue;
                if (Jerarquia.Ciclo(codigo, padre, c => padres.GetValueOrDefault(c)) is not { } ciclo) continue;
                if (ciclo.Any(c => orden[c] < orden[codigo])) continue;
                l.Error($"{ruta}.padre", $"la jerarquía forma un ciclo ({string.Join(" → ", ciclo)})");
            }
        }
    }
}
