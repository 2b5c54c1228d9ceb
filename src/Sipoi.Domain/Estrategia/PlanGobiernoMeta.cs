using Sipoi.Domain.Evaluacion;

namespace Sipoi.Domain.Estrategia;

/// <summary>
/// What a target (Meta) of the plan measures: its indicator, the direction it must move, baseline and target, and an
/// optional breakdown by district (the Puno plan asks for "indicadores cualitativos y cuantitativos distritales").
/// </summary>
public sealed record MedicionMeta(string? Indicador, string? Unidad, Sentido Sentido, decimal? LineaBaseValor, int? LineaBaseAnio,
    decimal? MetaValor, int? MetaAnio, IReadOnlyList<DistritoMeta> Distritos);

/// <summary>One district of a target's breakdown, with its own baseline and target (both optional).</summary>
public sealed record DistritoMeta(string Distrito, decimal? LineaBase, decimal? Meta);

public sealed partial class ElementoPlanGobierno
{
    /// <summary>The indicator statement of a target ("Cobertura de participación ciudadana").</summary>
    public string? Indicador { get; private set; }
    /// <summary>Whether the value must go up (Ascendente) or down (Descendente); null while the target is not measured.</summary>
    public Sentido? Sentido { get; private set; }
    public decimal? LineaBaseValor { get; private set; }
    public int? LineaBaseAnio { get; private set; }
    public int? MetaAnio { get; private set; }
    public List<DistritoMetaPlan> Distritos { get; private set; } = [];
    public List<ValorMetaPlan> Valores { get; private set; } = [];

    /// <summary>A target with indicator, direction, target value and year: it can take obtained values.</summary>
    public bool Medible => Nivel == NivelPlanGobierno.Meta && Sentido is not null && MetaValor is not null && MetaAnio is not null;

    /// <summary>The obtained value of a semester: the whole target (<paramref name="distrito"/> null) or one district.</summary>
    public ValorMetaPlan? Valor(int anio, int semestre, string? distrito = null) =>
        Valores.FirstOrDefault(v => v.Anio == anio && v.Semestre == semestre && string.Equals(v.Distrito, distrito, StringComparison.Ordinal));

    /// <summary>Raw achievement of the target in a semester (<see cref="LogroMetaPlan.Avance"/>); null is ND.</summary>
    public decimal? Avance(int anio, int semestre) =>
        Sentido is { } s ? LogroMetaPlan.Avance(s, LineaBaseValor, MetaValor, Valor(anio, semestre)?.Valor) : null;

    internal void FijarMedicion(MedicionMeta m, string indicador, string? unidad)
    {
        Indicador = indicador;
        MetaUnidad = unidad;
        Sentido = m.Sentido;
        LineaBaseValor = m.LineaBaseValor;
        LineaBaseAnio = m.LineaBaseAnio;
        MetaValor = m.MetaValor;
        MetaAnio = m.MetaAnio;
        foreach (var d in Distritos.Where(d => m.Distritos.All(n => !Igual(n.Distrito, d.Distrito))).ToList()) Distritos.Remove(d);
        for (var i = 0; i < m.Distritos.Count; i++)
        {
            var n = m.Distritos[i];
            var d = Distritos.FirstOrDefault(x => Igual(x.Distrito, n.Distrito));
            if (d is null) Distritos.Add(new DistritoMetaPlan(EntidadId, n.Distrito.Trim(), i + 1, n.LineaBase, n.Meta));
            else d.Corregir(n.Distrito.Trim(), i + 1, n.LineaBase, n.Meta);
        }
    }

    internal static bool Igual(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}

/// <summary>One district of a target's breakdown (its order is the order the office typed them in).</summary>
public sealed class DistritoMetaPlan
{
    public int Id { get; private set; }
    public int EntidadId { get; private set; }
    public int ElementoPlanGobiernoId { get; private set; }
    public string Distrito { get; private set; } = null!;
    public int Orden { get; private set; }
    public decimal? LineaBase { get; private set; }
    public decimal? Meta { get; private set; }

    private DistritoMetaPlan() { }

    internal DistritoMetaPlan(int entidadId, string distrito, int orden, decimal? lineaBase, decimal? meta)
    {
        EntidadId = entidadId;
        Corregir(distrito, orden, lineaBase, meta);
    }

    internal void Corregir(string distrito, int orden, decimal? lineaBase, decimal? meta)
    {
        Distrito = Texto.Requerido(distrito, "distrito");
        Orden = orden;
        LineaBase = lineaBase;
        Meta = meta;
    }
}

/// <summary>
/// The value a target reached by the end of a semester (the indicator's level then, not what was added in it): for the
/// whole target (<see cref="Distrito"/> null, with the qualitative note) or for one district of its breakdown.
/// </summary>
public sealed class ValorMetaPlan
{
    public int Id { get; private set; }
    public int EntidadId { get; private set; }
    public int ElementoPlanGobiernoId { get; private set; }
    public int Anio { get; private set; }
    /// <summary>1 (January–June) or 2 (July–December).</summary>
    public int Semestre { get; private set; }
    public string? Distrito { get; private set; }
    public decimal Valor { get; internal set; }
    /// <summary>The qualitative note of the semester (only on the whole target's value).</summary>
    public string? Nota { get; internal set; }

    private ValorMetaPlan() { }

    internal ValorMetaPlan(int entidadId, int anio, int semestre, string? distrito, decimal valor)
    {
        EntidadId = entidadId;
        Anio = anio;
        Semestre = semestre;
        Distrito = distrito;
        Valor = valor;
    }

    /// <summary>"I semestre 2024", "II semestre 2024".</summary>
    public static string NombreSemestre(int anio, int semestre) => $"{(semestre == 1 ? "I" : "II")} semestre {anio}";
}

/// <summary>
/// Achievement of a plan target (README of Pages/PlanesGobierno, "Logro de una meta"). With a baseline LB different from
/// the target M, it is the share of the way from the baseline to the target that was covered:
/// increase <c>A = (VO − LB) / (M − LB) × 100</c>; decrease <c>A = (LB − VO) / (LB − M) × 100</c>. Without a baseline it is
/// DOMAIN.md §5's indicator achievement (<see cref="Logro.Avance"/>: VO / M × 100 or M / VO × 100). ND (null) when the
/// value or the target is missing. A is shown raw (it may exceed 100, or be negative when the value moved away from the
/// target); the band and every mean use the capped <c>min(A, 100)</c>, as for the PEI indicators.
/// </summary>
public static class LogroMetaPlan
{
    public static decimal? Avance(Sentido sentido, decimal? lineaBase, decimal? meta, decimal? obtenido)
    {
        if (obtenido is not { } vo || meta is not { } m) return null;
        if (lineaBase is not { } lb || lb == m) return Logro.Avance(sentido, m, vo);
        return sentido == Sentido.Descendente ? (lb - vo) * 100m / (lb - m) : (vo - lb) * 100m / (m - lb);
    }
}

public sealed partial class PlanGobierno
{
    /// <summary>
    /// Sets what a target measures: indicator, unit, direction, baseline (value and year, both or none), target value and
    /// year (within the plan's years), and the district breakdown (names unique; a district with values stays).
    /// Every refusal names the field.
    /// </summary>
    public void DefinirMedicion(ElementoPlanGobierno meta, MedicionMeta m)
    {
        if (!Elementos.Contains(meta)) throw new ReglaDominioException("El elemento no pertenece a este plan.");
        if (meta.Nivel != NivelPlanGobierno.Meta)
            throw new ReglaDominioException("Solo las metas del plan tienen indicador, línea base y valores obtenidos.");
        var indicador = Texto.Requerido(m.Indicador, "indicador", ClaseTexto.TextoLargo);
        var unidad = Texto.Opcional(m.Unidad, "unidad de medida");
        if (m.Sentido == Estrategia.Sentido.NoDefinido)
            throw new ReglaDominioException("Sentido: indique si el valor debe aumentar o disminuir.", "sentido");
        if (m.MetaValor is not { } valor) throw new ReglaDominioException("El campo valor de la meta es obligatorio.", "valor de la meta");
        if (m.MetaAnio is not { } anio) throw new ReglaDominioException("El campo año de la meta es obligatorio.", "año de la meta");
        if (anio < Inicio || anio > Fin)
            throw new ReglaDominioException($"Año de la meta: {anio} está fuera del periodo del plan ({Inicio}–{Fin}).", "año de la meta");
        if (m.LineaBaseValor is null != m.LineaBaseAnio is null)
            throw new ReglaDominioException("Línea base: indique el valor y el año, o deje ambos vacíos.", "línea base");
        if (m.LineaBaseAnio is { } lbAnio && lbAnio > anio)
            throw new ReglaDominioException($"Año de la línea base: {lbAnio} es posterior al año de la meta ({anio}).", "año de la línea base");
        ComprobarSentido(m.Sentido, m.LineaBaseValor, valor, "Meta");
        var vistos = new List<string>();
        foreach (var d in m.Distritos)
        {
            var nombre = Texto.Requerido(d.Distrito, "distrito").Trim();
            if (vistos.Any(v => ElementoPlanGobierno.Igual(v, nombre)))
                throw new ReglaDominioException($"Distrito {nombre}: está repetido en el desglose.", "distrito");
            vistos.Add(nombre);
            if (d.LineaBase is { } dlb && d.Meta is { } dm) ComprobarSentido(m.Sentido, dlb, dm, $"Distrito {nombre}, meta");
        }
        var quitados = meta.Distritos.Where(d => vistos.All(v => !ElementoPlanGobierno.Igual(v, d.Distrito))).Select(d => d.Distrito).ToList();
        var conValores = quitados.Where(q => meta.Valores.Any(v => v.Distrito == q)).ToList();
        if (conValores.Count > 0)
            throw new ReglaDominioException(
                $"No se puede quitar del desglose {(conValores.Count == 1 ? "el distrito" : "los distritos")} {Redaccion.Lista(conValores)}: " +
                "tiene valores obtenidos registrados. Bórrelos primero.", "distrito");
        meta.FijarMedicion(m, indicador, unidad);
    }

    private static void ComprobarSentido(Sentido sentido, decimal? lineaBase, decimal meta, string campo)
    {
        if (lineaBase is not { } lb || lb == meta) return;
        if (sentido == Estrategia.Sentido.Ascendente && meta < lb)
            throw new ReglaDominioException($"{campo}: el valor debe aumentar, pero la meta ({meta:0.####}) es menor que la línea base ({lb:0.####}).", "valor de la meta");
        if (sentido == Estrategia.Sentido.Descendente && meta > lb)
            throw new ReglaDominioException($"{campo}: el valor debe disminuir, pero la meta ({meta:0.####}) es mayor que la línea base ({lb:0.####}).", "valor de la meta");
    }

    /// <summary>
    /// Registers what a target reached by the end of a semester: the whole target's value with its qualitative note, and
    /// the value of each district of its breakdown (null removes it). A null total with no note and no district value
    /// removes the semester. Refused for a target not measured yet, a year outside the plan, a semester that has not
    /// started on <paramref name="hoy"/>, or a district outside the breakdown. Returns the whole target's value (or null).
    /// </summary>
    public ValorMetaPlan? RegistrarSemestre(ElementoPlanGobierno meta, int anio, int semestre, decimal? valor, string? nota,
        IReadOnlyDictionary<string, decimal?> distritos, DateOnly hoy)
    {
        if (!Elementos.Contains(meta)) throw new ReglaDominioException("El elemento no pertenece a este plan.");
        if (!meta.Medible)
            throw new ReglaDominioException($"Meta «{meta.Descripcion}»: defina primero su indicador, sentido, valor y año de la meta.");
        if (semestre is not (1 or 2)) throw new ReglaDominioException("Semestre: elija el I o el II semestre.", "semestre");
        if (anio < Inicio || anio > Fin)
            throw new ReglaDominioException($"Año: {anio} está fuera del periodo del plan ({Inicio}–{Fin}).", "año");
        var nombre = ValorMetaPlan.NombreSemestre(anio, semestre);
        if (hoy < new DateOnly(anio, semestre == 1 ? 1 : 7, 1))
            throw new ReglaDominioException($"El {nombre} aún no empieza: no tiene valor obtenido que registrar.", "semestre");
        foreach (var d in distritos.Keys.Where(k => meta.Distritos.All(x => x.Distrito != k)))
            throw new ReglaDominioException($"Distrito {d}: no está en el desglose de esta meta.", "distrito");
        nota = Texto.Opcional(nota, "nota cualitativa", ClaseTexto.TextoLargo);
        if (valor is null && (nota is not null || distritos.Values.Any(v => v is not null)))
            throw new ReglaDominioException($"Valor obtenido del {nombre}: escríbalo; la nota y los valores por distrito acompañan al valor de la meta.", "valor obtenido");

        var total = Fijar(meta, anio, semestre, null, valor);
        if (total is not null) total.Nota = nota;
        foreach (var d in meta.Distritos) Fijar(meta, anio, semestre, d.Distrito, valor is null ? null : distritos.GetValueOrDefault(d.Distrito));
        return total;
    }

    private static ValorMetaPlan? Fijar(ElementoPlanGobierno meta, int anio, int semestre, string? distrito, decimal? valor)
    {
        var v = meta.Valor(anio, semestre, distrito);
        if (valor is not { } x)
        {
            if (v is not null) meta.Valores.Remove(v);
            return null;
        }
        if (v is null)
        {
            v = new ValorMetaPlan(meta.EntidadId, anio, semestre, distrito, x);
            meta.Valores.Add(v);
        }
        else v.Valor = x;
        return v;
    }
}
