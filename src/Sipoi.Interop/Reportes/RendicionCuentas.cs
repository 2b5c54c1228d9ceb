using System.Globalization;
using DocumentFormat.OpenXml.Wordprocessing;
using Sipoi.Domain.Estrategia;
using Sipoi.Domain.Evaluacion;
using Sipoi.Interop.Reportes.Office;

namespace Sipoi.Interop.Reportes;

/// <summary>An AEI of the POI aligned to a plan objective, with the evaluation engine's figures for the semester.</summary>
public sealed record AeiRendicion(string Codigo, string Enunciado, int ConMeta, int Cumplidas, decimal? Valor, Banda? Banda);

/// <summary>One objective of the report: its achievement, its targets' table, their qualitative notes and the aligned POI execution.</summary>
public sealed record ObjetivoRendicion(string Titulo, decimal? Valor, Banda? Banda, TablaDatos Metas, IReadOnlyList<string> Notas, TablaDatos? Poi);

/// <summary>A dimension of the plan with its objectives.</summary>
public sealed record DimensionRendicion(string Titulo, decimal? Valor, Banda? Banda, IReadOnlyList<ObjetivoRendicion> Objetivos);

/// <summary>
/// The accountability report of a government plan for a semester («Informe de rendición de cuentas», the Puno plan's
/// "propuesta de rendición de cuentas": objectives and targets evaluated each semester, qualitative notes, district
/// indicators). Built once from the domain's evaluation (<see cref="EvaluacionPlanGobierno"/>) and written as Word
/// (<see cref="RendicionCuentasWord"/>) and Excel (<see cref="RendicionCuentasExcel"/>) from the same tables.
/// </summary>
public sealed record RendicionCuentas(string Entidad, string Plan, string Semestre, EsquemaBandas Bandas,
    IReadOnlyList<DimensionRendicion> Dimensiones, TablaDatos Metas, TablaDatos? Distritos)
{
    public const string Titulo = "Informe de rendición de cuentas";

    public const string Metodo =
        "Logro de cada meta: con línea base (LB) distinta de la meta (M), el tramo recorrido desde la línea base hacia la meta con el " +
        "valor obtenido al cierre del semestre (VO): si el indicador debe aumentar, (VO − LB) / (M − LB) × 100; si debe disminuir, " +
        "(LB − VO) / (LB − M) × 100. Sin línea base: VO / M × 100 (aumentar) o M / VO × 100 (disminuir). El logro de un objetivo y de " +
        "una dimensión es el promedio simple del logro ajustado (máximo 100 %) de sus metas con dato; ND: no disponible.";

    public string Pie => $"{Entidad} — {Titulo}, {Semestre}";

    /// <summary>The report's model; <paramref name="poi"/> gives, per objective id, the POI's AEIs aligned to it (null: no POI that year).</summary>
    public static RendicionCuentas Desde(string entidad, PlanGobierno plan, int anio, int semestre, EsquemaBandas bandas,
        IReadOnlyList<ResultadoDimensionPlan> dimensiones, Func<int, IReadOnlyList<AeiRendicion>?> poi)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(dimensiones);
        ArgumentNullException.ThrowIfNull(poi);
        var nombreSemestre = ValorMetaPlan.NombreSemestre(anio, semestre);
        var todas = new List<FilaDatos>();
        var distritos = new List<FilaDatos>();
        var secciones = new List<DimensionRendicion>();
        foreach (var d in dimensiones)
        {
            var tituloDimension = d.Dimension is { } x ? Nombre("Dimensión", x) : "Objetivos sin dimensión";
            var objetivos = new List<ObjetivoRendicion>();
            foreach (var o in d.Objetivos)
            {
                var tituloObjetivo = Nombre("Objetivo", o.Objetivo);
                var filas = o.Metas.Select(m => FilaMeta(m, bandas)).ToList();
                todas.AddRange(o.Metas.Select(m => new FilaDatos([ValorDatos.Texto(tituloDimension), ValorDatos.Texto(tituloObjetivo), .. FilaMeta(m, bandas).Celdas,
                    ValorDatos.Texto(m.Nota)])));
                foreach (var m in o.Metas)
                    distritos.AddRange(m.Distritos.Select(r => new FilaDatos([
                        ValorDatos.Texto(Nombre("Meta", m.Meta)), ValorDatos.Texto(r.Distrito),
                        ValorDatos.Numero(r.LineaBase, FormatoDatos.Decimal), ValorDatos.Numero(r.Meta, FormatoDatos.Decimal),
                        ValorDatos.Numero(r.Obtenido, FormatoDatos.Decimal), ValorDatos.Porcentaje(r.Avance, "ND"), ValorDatos.BandaLogro(bandas, r.Banda)])));
                var tabla = new TablaDatos("Metas", $"Metas del objetivo {o.Objetivo.Codigo}".TrimEnd(), ColumnasMeta, filas);
                var notas = o.Metas.Where(m => m.Nota is not null).Select(m => $"{Nombre("Meta", m.Meta)}: {m.Nota}").ToList();
                var aeis = poi(o.Objetivo.Id);
                var tablaPoi = aeis is null ? null : new TablaDatos("POI", $"Ejecución del POI {anio} alineada ({nombreSemestre})", ColumnasPoi,
                    [.. aeis.Select(a => new FilaDatos([ValorDatos.Texto($"{a.Codigo} {a.Enunciado}"), ValorDatos.Entero(a.ConMeta), ValorDatos.Entero(a.Cumplidas),
                        ValorDatos.Porcentaje(a.Valor), ValorDatos.Banda(bandas, a.Banda)]))])
                {
                    Nota = aeis.Count == 0 ? "Sin AEI del PEI alineadas a este objetivo." : null,
                };
                objetivos.Add(new ObjetivoRendicion(tituloObjetivo, o.Valor, o.Banda, tabla, notas, tablaPoi));
            }
            secciones.Add(new DimensionRendicion(tituloDimension, d.Valor, d.Banda, objetivos));
        }
        var metas = new TablaDatos("Metas", $"Metas del plan: {nombreSemestre}",
            [new ColumnaDatos("Dimensión", 22), new ColumnaDatos("Objetivo", 26), .. ColumnasMeta, new ColumnaDatos("Nota cualitativa", 40)], todas)
        {
            Nota = Metodo,
        };
        var tablaDistritos = distritos.Count == 0 ? null : new TablaDatos("Distritos", $"Indicadores distritales: {nombreSemestre}",
            [new ColumnaDatos("Meta", 36), new ColumnaDatos("Distrito", 16), new ColumnaDatos("Línea base", 12, true), new ColumnaDatos("Meta", 12, true),
             new ColumnaDatos("Obtenido", 16, true), new ColumnaDatos("Logro", 14, true), new ColumnaDatos("Desempeño", 19)], distritos);
        return new RendicionCuentas(entidad, $"{plan.Nombre} ({plan.Tipo} {plan.Inicio}–{plan.Fin})", nombreSemestre, bandas, secciones, metas, tablaDistritos);
    }

    private static readonly ColumnaDatos[] ColumnasMeta =
    [
        new("Meta / indicador", 34), new("Unidad", 14), new("Línea base", 14, true), new("Meta", 14, true),
        new("Obtenido", 14, true), new("Logro", 14, true), new("Desempeño", 19),
    ];

    private static readonly ColumnaDatos[] ColumnasPoi =
    [
        new("AEI", 48), new("Actividades con meta", 16, true), new("Con 100 % o más", 14, true), new("Valor", 14, true), new("Desempeño", 19),
    ];

    private static FilaDatos FilaMeta(ResultadoMetaPlan m, EsquemaBandas bandas)
    {
        var x = m.Meta;
        var texto = x.Indicador is null ? Nombre("Meta", x) : $"{Nombre("Meta", x)}. Indicador: {x.Indicador}";
        return new FilaDatos([
            ValorDatos.Texto(texto), ValorDatos.Texto(x.MetaUnidad),
            ValorDatos.Texto(x.LineaBaseValor is { } lb ? $"{Cifra(lb)} ({x.LineaBaseAnio})" : "—", true),
            ValorDatos.Texto(x.MetaValor is { } mv ? $"{Cifra(mv)}{(x.MetaAnio is { } a ? $" ({a})" : "")}" : "—", true),
            ValorDatos.Numero(m.Obtenido, FormatoDatos.Decimal, "ND"), ValorDatos.Porcentaje(m.Avance, "ND"), ValorDatos.BandaLogro(bandas, m.Banda),
        ]);
    }

    private static string Nombre(string nivel, ElementoPlanGobierno e) =>
        e.Codigo is { } c ? $"{nivel} {c}: {e.Descripcion}" : $"{nivel}: {e.Descripcion}";

    /// <summary>17,009,620.8 → "17,009,620.80"; 80 → "80" (baselines and targets are often whole).</summary>
    private static string Cifra(decimal v) => v == decimal.Truncate(v)
        ? v.ToString("#,##0", CultureInfo.InvariantCulture)
        : v.ToString("#,##0.00##", CultureInfo.InvariantCulture);
}

/// <summary>The accountability report as an editable Word document (A4): method, then each dimension and objective.</summary>
public static class RendicionCuentasWord
{
    public static void Escribir(RendicionCuentas r, Stream destino)
    {
        ArgumentNullException.ThrowIfNull(r);
        DocumentoWord.Escribir(destino, r.Pie, doc =>
        {
            doc.Titulo(RendicionCuentas.Titulo);
            doc.Parrafo(r.Entidad, JustificationValues.Center, negrita: true, puntos: 14);
            doc.Parrafo(r.Plan, JustificationValues.Center);
            doc.Parrafo($"Evaluación del {r.Semestre}", JustificationValues.Center, negrita: true);
            doc.Encabezado(1, "1. Método");
            doc.Parrafo(RendicionCuentas.Metodo);
            doc.Parrafo($"Bandas de desempeño (las del POI de la entidad): {r.Bandas.Texto(Domain.Evaluacion.Banda.Bajo)} por debajo de {r.Bandas.MedioDesde:0.##} %; " +
                        $"{r.Bandas.Texto(Domain.Evaluacion.Banda.Medio)} desde {r.Bandas.MedioDesde:0.##} %; {r.Bandas.Texto(Domain.Evaluacion.Banda.Alto)} desde {r.Bandas.AltoDesde:0.##} %.");
            doc.Encabezado(1, "2. Avance de los objetivos y metas");
            if (r.Dimensiones.Count == 0) doc.Parrafo("El plan no tiene objetivos registrados.");
            foreach (var d in r.Dimensiones)
            {
                doc.Encabezado(2, $"{d.Titulo} — logro {Porcentaje(d.Valor)}{TextoBanda(r, d.Banda)}");
                foreach (var o in d.Objetivos)
                {
                    doc.Encabezado(3, $"{o.Titulo} — logro {Porcentaje(o.Valor)}{TextoBanda(r, o.Banda)}");
                    if (o.Metas.Filas.Count == 0) doc.Parrafo("Sin metas registradas.");
                    else doc.Tabla(o.Metas);
                    if (o.Notas.Count > 0)
                    {
                        doc.ParrafoConEtiqueta("Notas cualitativas", "");
                        foreach (var n in o.Notas) doc.Item("•", n);
                    }
                    if (o.Poi is { } p)
                    {
                        doc.Leyenda(p.Titulo);
                        doc.Tabla(p);
                    }
                }
            }
            if (r.Distritos is { } t)
            {
                doc.Encabezado(1, "3. Indicadores distritales");
                doc.Tabla(t);
            }
        });
    }

    private static string Porcentaje(decimal? v) => v is { } x ? x.ToString("0.00", CultureInfo.InvariantCulture) + " %" : "ND";

    private static string TextoBanda(RendicionCuentas r, Banda? b) => b is { } x ? $" ({r.Bandas.Texto(x)})" : "";
}

/// <summary>The accountability report as a workbook: the targets (with notes), and the district indicators when there are any.</summary>
public static class RendicionCuentasExcel
{
    public static void Escribir(RendicionCuentas r, Stream destino)
    {
        ArgumentNullException.ThrowIfNull(r);
        var libro = new LibroExcel();
        var subtitulo = $"{r.Plan} · {r.Semestre}";
        TablaExcel.Escribir(libro, r.Metas, r.Entidad, subtitulo, r.Pie);
        if (r.Distritos is { } d) TablaExcel.Escribir(libro, d, r.Entidad, subtitulo, r.Pie);
        libro.Guardar(destino);
    }
}
