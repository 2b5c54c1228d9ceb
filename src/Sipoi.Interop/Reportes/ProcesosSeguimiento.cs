using Sipoi.Domain.Evaluacion;
using Sipoi.Domain.Organizacion;
using Sipoi.Interop.Evaluacion;
using Sipoi.Interop.Reportes.Office;

namespace Sipoi.Interop.Reportes;

/// <summary>
/// Fichas de proceso and gerencias by the entity's weighted process method (DOMAIN.md §5), in the period columns of the
/// monitoring tables. Only an entity evaluated with <see cref="MetodoEvaluacion.Ponderado"/> has them (<see cref="Desde"/>
/// is null otherwise), so an entity with the national method shows no empty section. The workbook, the monitoring page,
/// the Word report and its annexes all lay out <see cref="Tablas"/>.
/// </summary>
/// <param name="Periodo">The evaluated period as a heading ("II Semestre").</param>
public sealed record ProcesosSeguimiento(string Periodo, EsquemaBandas Bandas)
{
    public const string HojaFichas = "Fichas de proceso";
    public const string HojaGerencias = "Gerencias";

    /// <summary>The evaluated quarter's name when the period is a quarter: its own column comes first.</summary>
    public string? Trimestre { get; init; }

    /// <summary>By gerencia (in the engine's order, fichas without a gerencia last), then as the fichas are listed.</summary>
    public IReadOnlyList<FilaFichaProceso> Fichas { get; init; } = [];

    public IReadOnlyList<FilaGerencia> Gerencias { get; init; } = [];

    /// <summary>
    /// The fichas and gerencias of <paramref name="principal"/> (counts and bands of the evaluated period), each period column
    /// (S1, S2, Anual) from whichever run has that period; null when the method is not the weighted one.
    /// </summary>
    /// <param name="nombresFichas">Ficha code → name ("FP 34" → "PLANIFICACIÓN Y PRESUPUESTO").</param>
    public static ProcesosSeguimiento? Desde(IReadOnlyDictionary<string, string> nombresFichas,
        ResultadoEvaluacion principal, params ResultadoEvaluacion[] otros)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.Metodo != MetodoEvaluacion.Ponderado) return null;
        var corridas = new[] { principal }.Concat(otros).ToList();
        var s1 = corridas.FirstOrDefault(r => r.Periodo == Domain.Periodos.Periodo.Semestre(1));
        var s2 = corridas.FirstOrDefault(r => r.Periodo == Domain.Periodos.Periodo.Semestre(2));
        var anual = corridas.FirstOrDefault(r => r.Periodo == Domain.Periodos.Periodo.Anual);
        var trimestre = principal.Periodo.Tipo == Domain.Periodos.TipoPeriodo.Trimestre ? principal : null;

        decimal? Ficha(ResultadoEvaluacion? r, string c) => r?.Fichas.FirstOrDefault(f => f.Codigo == c)?.Valor;
        decimal? Gerencia(ResultadoEvaluacion? r, string n) => r?.Gerencias.FirstOrDefault(g => g.Nombre == n)?.Valor;

        var orden = principal.Gerencias.Select((g, i) => (g.Nombre, i)).ToDictionary(x => x.Nombre, x => x.i, StringComparer.Ordinal);
        var fichas = principal.Fichas
            .Select((f, i) => (f, i))
            .OrderBy(x => x.f.Gerencia is { } g && orden.TryGetValue(g, out var k) ? k : int.MaxValue).ThenBy(x => x.i)
            .Select(x => x.f)
            .Select(f => new FilaFichaProceso(f.Gerencia, f.Codigo, nombresFichas.GetValueOrDefault(f.Codigo, ""),
                f.Conteo.ConMeta, f.Conteo.Cumplidas, Ficha(s1, f.Codigo), Ficha(s2, f.Codigo), Ficha(anual, f.Codigo), f.Banda,
                Ficha(trimestre, f.Codigo))
            { Valor = f.Valor })
            .ToList();
        var gerencias = principal.Gerencias.Select(g => new FilaGerencia(g.Nombre, g.Fichas, g.FichasConValor, g.Conteo.ConMeta,
            Gerencia(s1, g.Nombre), Gerencia(s2, g.Nombre), Gerencia(anual, g.Nombre), g.Banda, Gerencia(trimestre, g.Nombre))
        { Valor = g.Valor }).ToList();

        return new ProcesosSeguimiento(principal.Periodo.Nombre, principal.Bandas)
        {
            Trimestre = trimestre?.Periodo.Nombre,
            Fichas = fichas,
            Gerencias = gerencias,
        };
    }

    /// <summary>"Fichas de proceso" and "Gerencias", as the workbook, the page and the Word report lay them out.</summary>
    public IReadOnlyList<TablaDatos> Tablas() => [TablaFichas(), TablaGerencias()];

    private ColumnaDatos[] Periodos() =>
    [
        .. Trimestre is { } t ? [new ColumnaDatos(t, 12, true)] : Array.Empty<ColumnaDatos>(),
        new("I Semestre", 12, true), new("II Semestre", 12, true), new("Anual", 12, true), new($"Desempeño ({Periodo})", 22),
    ];

    private ValorDatos[] Valores(decimal? trimestre, decimal? s1, decimal? s2, decimal? anual, Banda? banda) =>
    [
        .. Trimestre is null ? Array.Empty<ValorDatos>() : [ValorDatos.Porcentaje(trimestre)],
        ValorDatos.Porcentaje(s1), ValorDatos.Porcentaje(s2), ValorDatos.Porcentaje(anual), ValorDatos.Banda(Bandas, banda),
    ];

    private string Umbrales() =>
        $"Desempeño: {Bandas.Texto(Banda.Bajo)} (menos de {FormatoNumero.Porcentaje(Bandas.MedioDesde)}), " +
        $"{Bandas.Texto(Banda.Medio)} (desde {FormatoNumero.Porcentaje(Bandas.MedioDesde)}), {Bandas.Texto(Banda.Alto)} (desde {FormatoNumero.Porcentaje(Bandas.AltoDesde)}).";

    private TablaDatos TablaFichas()
    {
        ColumnaDatos[] cols = [new("Gerencia", 26), new("Código", 10), new("Ficha de proceso", 40), new("N.º AO con meta", 9, true), .. Periodos()];
        var filas = Fichas.Select(f => new FilaDatos(
        [
            ValorDatos.Texto(f.Gerencia ?? SinGerencia), ValorDatos.Texto(f.Codigo), ValorDatos.Texto(f.Nombre), ValorDatos.Entero(f.Actividades),
            .. Valores(f.ValorTrimestre, f.Semestre1, f.Semestre2, f.Anual, f.Banda),
        ])).ToList();
        return new TablaDatos(HojaFichas, "CUMPLIMIENTO POR FICHA DE PROCESO (MÉTODO PONDERADO DE LA ENTIDAD)", cols, filas)
        {
            Total = new FilaDatos(
            [
                ValorDatos.Texto("TOTAL"), ValorDatos.Texto(""), ValorDatos.Texto(""),
                ValorDatos.SumaColumna(Fichas.Sum(f => f.Actividades), FormatoDatos.Entero),
                .. Periodos().Select(_ => ValorDatos.Texto("")),
            ]),
            Nota = "Cumplimiento de la ficha: promedio de la ejecución ajustada (tope 100 %) de sus AO con meta en el periodo, " +
                   "ponderado por el peso de cada actividad. N.º AO: actividades con meta en el periodo evaluado. " + Umbrales(),
        };
    }

    private TablaDatos TablaGerencias()
    {
        ColumnaDatos[] cols = [new("Gerencia", 40), new("N.º fichas", 9, true), new("Fichas con valor", 9, true), new("N.º AO con meta", 9, true), .. Periodos()];
        var filas = Gerencias.Select(g => new FilaDatos(
        [
            ValorDatos.Texto(g.Nombre), ValorDatos.Entero(g.Fichas), ValorDatos.Entero(g.FichasConValor), ValorDatos.Entero(g.Actividades),
            .. Valores(g.ValorTrimestre, g.Semestre1, g.Semestre2, g.Anual, g.Banda),
        ])).ToList();
        return new TablaDatos(HojaGerencias, "CUMPLIMIENTO POR GERENCIA (MÉTODO PONDERADO DE LA ENTIDAD)", cols, filas)
        {
            Total = new FilaDatos(
            [
                ValorDatos.Texto("TOTAL"),
                ValorDatos.SumaColumna(Gerencias.Sum(g => g.Fichas), FormatoDatos.Entero),
                ValorDatos.SumaColumna(Gerencias.Sum(g => g.FichasConValor), FormatoDatos.Entero),
                ValorDatos.SumaColumna(Gerencias.Sum(g => g.Actividades), FormatoDatos.Entero),
                .. Periodos().Select(_ => ValorDatos.Texto("")),
            ]),
            Nota = "Cumplimiento de la gerencia: promedio de sus fichas de proceso con valor, ponderado por el peso de cada ficha. " + Umbrales(),
        };
    }

    /// <summary>What the gerencia column says of a ficha without one.</summary>
    public const string SinGerencia = "Sin gerencia";
}

/// <summary>
/// A ficha de proceso: activities with a target in the evaluated period and those with E ≥ 100 %, compliance per period
/// column (null: no activity with a target, or no run for that column), band of the evaluated period.
/// </summary>
public sealed record FilaFichaProceso(
    string? Gerencia, string Codigo, string Nombre, int Actividades, int ActividadesCumplidas,
    decimal? Semestre1, decimal? Semestre2, decimal? Anual, Banda? Banda, decimal? ValorTrimestre = null)
{
    /// <summary>The evaluated period's compliance, the one <see cref="Banda"/> classifies.</summary>
    public decimal? Valor { get; init; }
}

/// <summary>A gerencia: its fichas, those with a value, activities with a target in the evaluated period, compliance per period column.</summary>
public sealed record FilaGerencia(
    string Nombre, int Fichas, int FichasConValor, int Actividades,
    decimal? Semestre1, decimal? Semestre2, decimal? Anual, Banda? Banda, decimal? ValorTrimestre = null)
{
    /// <summary>The evaluated period's compliance, the one <see cref="Banda"/> classifies.</summary>
    public decimal? Valor { get; init; }
}
