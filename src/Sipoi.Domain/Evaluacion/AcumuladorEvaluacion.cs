using Sipoi.Domain.Periodos;

namespace Sipoi.Domain.Evaluacion;

/// <summary>
/// Evaluates one entity for one period, fed one activity at a time (rows can come straight
/// from a data reader; the 12-month arrays may be reused between calls). Only a compact row per
/// activity is kept, so thousands of entities can be evaluated one after another.
/// <see cref="Resultado"/> sums in activity-code order, so the result does not depend on the
/// order the rows arrive in (decimal sums round in their last digit, and rounding depends on order).
/// </summary>
public sealed class AcumuladorEvaluacion
{
    private readonly EstructuraPei _pei;
    private readonly ConfiguracionEvaluacion _configuracion;
    private readonly int _anio;
    private readonly Periodo _periodo;
    private readonly bool _incluirActividades;

    private readonly Dictionary<string, int> _indiceAeis = new(StringComparer.Ordinal);
    private readonly string[] _codigosAeis;
    private readonly List<FichaEvaluable> _fichas = [];
    private readonly int _fichasDeclaradas;
    private readonly Dictionary<string, int> _indiceFichas = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _indiceCentros = new(StringComparer.Ordinal);
    private readonly List<string> _centros = [];

    private string[] _codigos = new string[256];
    private Fila[] _filas = new Fila[256];
    private int _cantidad;

    // Rows usually arrive grouped by cost centre: remember the last lookup.
    private string? _ultimoCentro;
    private int _ultimoCentroIndice;

    // Only the period's figures are kept; E and Ea are derived when the result is computed.
    private struct Fila
    {
        public decimal Programado;
        public decimal? Ejecutado;
        public decimal Peso;
        public int Aei;
        public int Centro;
        public int Ficha;
    }

    /// <param name="fichas">Fichas de proceso with gerencia and weight. A ficha an activity names but this list lacks weighs 1 and has no gerencia.</param>
    /// <param name="incluirActividades">False skips the per-activity list of the result (aggregates only).</param>
    public AcumuladorEvaluacion(EstructuraPei pei, ConfiguracionEvaluacion configuracion, int anio, Periodo periodo,
        IReadOnlyList<FichaEvaluable>? fichas = null, bool incluirActividades = true)
    {
        _pei = pei;
        _configuracion = configuracion;
        _anio = anio;
        _periodo = periodo;
        _incluirActividades = incluirActividades;

        var codigos = new List<string>();
        foreach (var oei in pei.Oeis)
            foreach (var aei in oei.Aeis)
            {
                if (!_indiceAeis.TryAdd(aei.Codigo, codigos.Count))
                    throw new ArgumentException($"La AEI {aei.Codigo} figura más de una vez en el PEI.", nameof(pei));
                codigos.Add(aei.Codigo);
            }
        _codigosAeis = [.. codigos];

        foreach (var f in fichas ?? [])
        {
            if (f.Peso <= 0) throw new ArgumentException($"El peso de la ficha {f.Codigo} debe ser mayor que cero.", nameof(fichas));
            if (!_indiceFichas.TryAdd(f.Codigo, _fichas.Count))
                throw new ArgumentException($"La ficha {f.Codigo} figura más de una vez.", nameof(fichas));
            _fichas.Add(f);
        }
        _fichasDeclaradas = _fichas.Count;
    }

    public int Anio => _anio;
    public Periodo Periodo => _periodo;

    /// <summary>Number of activities fed so far.</summary>
    public int Cantidad => _cantidad;

    public void Agregar(ActividadEvaluable a) =>
        Agregar(a.Codigo, a.AeiCodigo, a.CentroCostoCodigo, a.FichaCodigo, a.Comportamiento, a.Peso, a.Programado, a.Ejecutado);

    /// <summary>Feeds an activity's 12 months; they are rolled up by <paramref name="comportamiento"/> for the period.</summary>
    public void Agregar(string codigo, string aeiCodigo, string centroCostoCodigo, string? fichaCodigo,
        Comportamiento comportamiento, decimal peso, IReadOnlyList<decimal> programado, IReadOnlyList<decimal?> ejecutado) =>
        AgregarValoresDelPeriodo(codigo, aeiCodigo, centroCostoCodigo, fichaCodigo, peso,
            Agregacion.Programado(comportamiento, programado, _periodo),
            Agregacion.Ejecutado(comportamiento, ejecutado, _periodo));

    /// <summary>Feeds an activity whose programmed and executed values for the period are already rolled up.</summary>
    public void AgregarValoresDelPeriodo(string codigo, string aeiCodigo, string centroCostoCodigo, string? fichaCodigo,
        decimal peso, decimal programado, decimal? ejecutado)
    {
        ArgumentNullException.ThrowIfNull(codigo);
        if (peso <= 0) throw new ArgumentException($"El peso de la actividad {codigo} debe ser mayor que cero.", nameof(peso));
        if (_cantidad == _filas.Length)
        {
            Array.Resize(ref _filas, _filas.Length * 2);
            Array.Resize(ref _codigos, _codigos.Length * 2);
        }
        _codigos[_cantidad] = codigo;
        _filas[_cantidad] = new Fila
        {
            Aei = IndiceAei(codigo, aeiCodigo),
            Centro = IndiceCentro(centroCostoCodigo),
            Ficha = fichaCodigo is null ? -1 : IndiceFicha(fichaCodigo),
            Peso = peso,
            Programado = programado,
            Ejecutado = ejecutado,
        };
        _cantidad++;
    }

    private int IndiceAei(string actividad, string codigo)
    {
        if (codigo is null || !_indiceAeis.TryGetValue(codigo, out var i))
            throw new ArgumentException($"La actividad {actividad} está vinculada a la AEI «{codigo}», que no está en el PEI.");
        return i;
    }

    private int IndiceCentro(string codigo)
    {
        ArgumentNullException.ThrowIfNull(codigo);
        if (string.Equals(codigo, _ultimoCentro, StringComparison.Ordinal)) return _ultimoCentroIndice;
        if (!_indiceCentros.TryGetValue(codigo, out var i))
        {
            i = _centros.Count;
            _indiceCentros.Add(codigo, i);
            _centros.Add(codigo);
        }
        _ultimoCentro = codigo;
        _ultimoCentroIndice = i;
        return i;
    }

    private int IndiceFicha(string codigo)
    {
        if (!_indiceFichas.TryGetValue(codigo, out var i))
        {
            i = _fichas.Count;
            _indiceFichas.Add(codigo, i);
            _fichas.Add(new FichaEvaluable(codigo, null));
        }
        return i;
    }

    /// <summary>Computes the evaluation from everything fed so far. May be called again after feeding more.</summary>
    public ResultadoEvaluacion Resultado()
    {
        Array.Sort(_codigos, _filas, 0, _cantidad, StringComparer.Ordinal);
        for (var i = 1; i < _cantidad; i++)
            if (string.Equals(_codigos[i], _codigos[i - 1], StringComparison.Ordinal))
                throw new ArgumentException($"La actividad {_codigos[i]} figura más de una vez.");

        var bandas = _configuracion.Bandas;
        var mediaAei = new MediaPonderada[_codigosAeis.Length];
        var conteoAei = new Contador[_codigosAeis.Length];
        var mediaCentro = new MediaPonderada[_centros.Count];
        var conteoCentro = new Contador[_centros.Count];
        var mediaFicha = new MediaPonderada[_fichas.Count];
        var conteoFicha = new Contador[_fichas.Count];
        var total = new Contador();
        var actividades = _incluirActividades ? new ResultadoActividad[_cantidad] : [];

        for (var i = 0; i < _cantidad; i++)
        {
            ref readonly var f = ref _filas[i];
            var e = Ejecucion.Evaluar(f.Programado, f.Ejecutado);
            total.Agregar(e);
            conteoAei[f.Aei].Agregar(e);
            conteoCentro[f.Centro].Agregar(e);
            if (f.Ficha >= 0) conteoFicha[f.Ficha].Agregar(e);
            if (e.Ajustada is { } ea)
            {
                mediaAei[f.Aei].Agregar(ea);
                mediaCentro[f.Centro].Agregar(ea);
                if (f.Ficha >= 0) mediaFicha[f.Ficha].Agregar(ea, f.Peso);
            }
            if (_incluirActividades)
                actividades[i] = new ResultadoActividad(_codigos[i], _codigosAeis[f.Aei], _centros[f.Centro],
                    f.Ficha >= 0 ? _fichas[f.Ficha].Codigo : null, f.Peso, e.Programado, e.Ejecutado, e.Porcentaje,
                    e.Ajustada, e.Estado, e.Banda(bandas));
        }

        var oeis = Oeis(mediaAei, conteoAei, out var igi);
        var (fichas, gerencias) = FichasYGerencias(mediaFicha, conteoFicha);
        return new ResultadoEvaluacion(
            _anio, _periodo, _configuracion, igi, bandas.Clasificar(igi), total.Conteo, oeis,
            Centros(mediaCentro, conteoCentro), actividades,
            EvaluacionEstrategica.Evaluar(_pei, _anio, Logro.Corte(_periodo), bandas),
            fichas, gerencias);
    }

    private ResultadoOei[] Oeis(MediaPonderada[] mediaAei, Contador[] conteoAei, out decimal? igi)
    {
        var bandas = _configuracion.Bandas;
        var oeis = new ResultadoOei[_pei.Oeis.Count];
        var nOei = Ponderacion.ElementosParaPesos(oeis.Length, PrioridadMaxima(_pei.Oeis, o => o.Prioridad));
        var mediaIgi = new MediaPonderada();
        var k = 0;
        for (var o = 0; o < oeis.Length; o++)
        {
            var oei = _pei.Oeis[o];
            var aeis = new ResultadoAei[oei.Aeis.Count];
            var nAei = Ponderacion.ElementosParaPesos(aeis.Length, PrioridadMaxima(oei.Aeis, a => a.Prioridad));
            var mediaOei = new MediaPonderada();
            var conteoOei = new Contador();
            for (var a = 0; a < aeis.Length; a++, k++)
            {
                var aei = oei.Aeis[a];
                var peso = Ponderacion.PesoPorPrioridad(nAei, aei.Prioridad);
                var valor = mediaAei[k].Valor;
                // An AEI without any activity with a target is left out; the others keep their weights.
                if (valor is { } v) mediaOei.Agregar(v, peso);
                conteoOei.Sumar(conteoAei[k]);
                aeis[a] = new ResultadoAei(aei.Codigo, oei.Codigo, aei.Prioridad, peso, valor, bandas.Clasificar(valor), conteoAei[k].Conteo);
            }
            var pesoOei = Ponderacion.PesoPorPrioridad(nOei, oei.Prioridad);
            if (mediaOei.Valor is { } vo) mediaIgi.Agregar(vo, pesoOei);
            oeis[o] = new ResultadoOei(oei.Codigo, oei.Prioridad, pesoOei, mediaOei.Valor, bandas.Clasificar(mediaOei.Valor),
                conteoOei.Conteo, aeis);
        }
        igi = mediaIgi.Valor;
        return oeis;
    }

    private ResultadoCentroCosto[] Centros(MediaPonderada[] media, Contador[] conteo)
    {
        var orden = new int[_centros.Count];
        for (var i = 0; i < orden.Length; i++) orden[i] = i;
        var codigos = _centros.ToArray();
        Array.Sort(codigos, orden, StringComparer.Ordinal);
        var centros = new ResultadoCentroCosto[orden.Length];
        for (var j = 0; j < orden.Length; j++)
        {
            var i = orden[j];
            var valor = media[i].Valor;
            centros[j] = new ResultadoCentroCosto(codigos[j], valor, _configuracion.Bandas.Clasificar(valor), conteo[i].Conteo);
        }
        return centros;
    }

    private (ResultadoFicha[], ResultadoGerencia[]) FichasYGerencias(MediaPonderada[] mediaFicha, Contador[] conteoFicha)
    {
        if (_fichas.Count == 0) return ([], []);
        var bandas = _configuracion.Bandas;

        // Declared fichas keep their listed order; fichas only named by activities follow, by code,
        // so the order never depends on the order of the rows.
        var orden = new int[_fichas.Count];
        var claves = new string[_fichas.Count];
        for (var i = 0; i < orden.Length; i++)
        {
            orden[i] = i;
            claves[i] = _fichas[i].Codigo;
        }
        Array.Sort(claves, orden, _fichasDeclaradas, orden.Length - _fichasDeclaradas, StringComparer.Ordinal);

        var fichas = new ResultadoFicha[orden.Length];
        var indiceGerencias = new Dictionary<string, int>(StringComparer.Ordinal);
        var nombres = new List<string>();
        var medias = new MediaPonderada[orden.Length];
        var conteos = new Contador[orden.Length];
        var cantidades = new int[orden.Length];
        for (var j = 0; j < orden.Length; j++)
        {
            var i = orden[j];
            var ficha = _fichas[i];
            var valor = mediaFicha[i].Valor;
            fichas[j] = new ResultadoFicha(ficha.Codigo, ficha.Gerencia, ficha.Peso, valor, bandas.Clasificar(valor), conteoFicha[i].Conteo);
            if (ficha.Gerencia is not { } g) continue;
            if (!indiceGerencias.TryGetValue(g, out var k))
            {
                k = nombres.Count;
                indiceGerencias.Add(g, k);
                nombres.Add(g);
            }
            cantidades[k]++;
            conteos[k].Sumar(conteoFicha[i]);
            // A ficha without any activity with a target has no value and is left out of its gerencia.
            if (valor is { } v) medias[k].Agregar(v, ficha.Peso);
        }

        var gerencias = new ResultadoGerencia[nombres.Count];
        for (var k = 0; k < gerencias.Length; k++)
            gerencias[k] = new ResultadoGerencia(nombres[k], medias[k].Valor, bandas.Clasificar(medias[k].Valor),
                cantidades[k], medias[k].Cantidad, conteos[k].Conteo);
        return (fichas, gerencias);
    }

    private static int PrioridadMaxima<T>(IReadOnlyList<T> lista, Func<T, int> prioridad)
    {
        var max = 0;
        foreach (var x in lista) max = Math.Max(max, prioridad(x));
        return max;
    }

    private struct Contador
    {
        public int Total, ConMeta, Cumplidas, SinRegistro, NoProgramadas;

        public void Agregar(in EjecucionPeriodo e)
        {
            Total++;
            if (e.TieneMeta) ConMeta++;
            if (e.Cumplida) Cumplidas++;
            if (e.Estado == EstadoEjecucion.SinRegistro) SinRegistro++;
            if (e.Estado == EstadoEjecucion.EjecucionNoProgramada) NoProgramadas++;
        }

        public void Sumar(in Contador c)
        {
            Total += c.Total;
            ConMeta += c.ConMeta;
            Cumplidas += c.Cumplidas;
            SinRegistro += c.SinRegistro;
            NoProgramadas += c.NoProgramadas;
        }

        public readonly ConteoActividades Conteo => new(Total, ConMeta, Cumplidas, SinRegistro, NoProgramadas);
    }
}
