using System.Globalization;
using Sipoi.Domain.Evaluacion;
using Sipoi.Interop.Evaluacion;
using Sipoi.Interop.Reportes.Office;

namespace Sipoi.Interop.Reportes;

public static partial class InformeEvaluacionWord
{
    public const string TituloMetodoPonderado = "Cumplimiento por fichas de proceso y gerencias (método ponderado de la entidad)";

    /// <summary>
    /// The entity's own method (DOMAIN.md §5, weighted process method): a subsection numbered <paramref name="numero"/> with the
    /// gerencias and the fichas de proceso — the very tables of the monitoring workbook (<see cref="ProcesosSeguimiento.Tablas"/>),
    /// gerencias first, as the office reads them top-down — and a sentence naming the fichas in the red band. Nothing at all
    /// for an entity with the national method (<see cref="InformeEvaluacion.Procesos"/> null).
    /// </summary>
    private static void MetodoPonderado(DocumentoWord doc, InformeEvaluacion i, string numero, Action<string> cuadro)
    {
        if (i.Procesos is not { } p) return;
        var periodo = $"{i.Periodo} {i.Anio.ToString(CultureInfo.InvariantCulture)}";
        doc.Encabezado(2, $"{numero} {TituloMetodoPonderado}");
        doc.Parrafo("Además de la evaluación por OEI y AEI, la entidad evalúa su POI por su método ponderado por procesos: " +
                    "el cumplimiento de cada ficha de proceso es el promedio ponderado de la ejecución ajustada de sus actividades, " +
                    "y el de cada gerencia, el promedio ponderado de sus fichas.");
        var bajas = p.Fichas.Where(f => f.Banda == Banda.Bajo).ToList();
        var conValor = p.Fichas.Count(f => f.Banda is not null);
        var bajo = i.Bandas.Etiqueta(Banda.Bajo);
        doc.Parrafo(bajas.Count == 0
            ? $"En el periodo, {Cantidad(conValor, "ficha de proceso tiene", "fichas de proceso tienen")} valor y ninguna está en desempeño {bajo}."
            : $"En el periodo, {Cantidad(conValor, "ficha de proceso tiene", "fichas de proceso tienen")} valor; " +
              $"{Cantidad(bajas.Count, "está", "están")} en desempeño {bajo}: " +
              string.Join("; ", bajas.Select(f => $"{f.Codigo} {f.Nombre} ({i.Porcentaje(f.Valor)})".Replace("  ", " ", StringComparison.Ordinal))) + ".");
        var tablas = p.Tablas();
        foreach (var t in tablas.Where(t => t.Nombre == ProcesosSeguimiento.HojaGerencias).Concat(tablas.Where(t => t.Nombre == ProcesosSeguimiento.HojaFichas)))
        {
            cuadro($"{(t.Nombre == ProcesosSeguimiento.HojaGerencias ? "Cumplimiento por gerencia" : "Cumplimiento por ficha de proceso")} — {periodo}");
            doc.Tabla(t with { Columnas = t.Columnas.Select(c => c with { Ancho = AnchoVertical(t, c) }).ToList() });
        }

        // A portrait page: the text columns give up width so that "100.00 %" stays on one line in each period column;
        // in the fichas table the ficha's name keeps the most, so it wraps between words.
        static double AnchoVertical(TablaDatos t, ColumnaDatos c) => c.Numerica ? c.Ancho : (t.Nombre, c.Titulo) switch
        {
            (ProcesosSeguimiento.HojaFichas, "Ficha de proceso") => 22,
            (ProcesosSeguimiento.HojaFichas, "Gerencia") => 13,
            (ProcesosSeguimiento.HojaFichas, "Código") => 9,
            (ProcesosSeguimiento.HojaGerencias, "Gerencia") => 26,
            _ => Math.Min(c.Ancho, 16),
        };

        static string Cantidad(int n, string uno, string varios) => $"{FormatoNumero.Entero(n)} {(n == 1 ? uno : varios)}";
    }
}
