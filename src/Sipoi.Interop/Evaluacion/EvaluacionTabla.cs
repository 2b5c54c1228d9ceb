using System.Text;
using Sipoi.Domain.Estrategia;
using Sipoi.Domain.Evaluacion;
using Sipoi.Domain.Organizacion;

namespace Sipoi.Interop.Evaluacion;

/// <summary>
/// Plain-text evaluation tables (<c>sipoi evaluate --formato tabla</c>): Spanish headings, figures
/// rounded to 2 decimals (<c>17,009,620.80</c>) and the band text next to each value.
/// "—" marks a group without any activity with a target; "ND" marks a strategic value not available.
/// </summary>
public static class EvaluacionTabla
{
    public static string Formatear(ResultadoEvaluacion resultado, string entidad, string? nombreEntidad = null)
    {
        var sb = new StringBuilder();
        using (var w = new StringWriter(sb)) Escribir(w, resultado, entidad, nombreEntidad);
        return sb.ToString();
    }

    public static void Escribir(TextWriter w, ResultadoEvaluacion r, string entidad, string? nombreEntidad = null)
    {
        var b = r.Bandas;
        w.WriteLine($"EVALUACIÓN DEL PLAN OPERATIVO INSTITUCIONAL {r.Anio}");
        w.WriteLine($"Entidad: {entidad}{(string.IsNullOrWhiteSpace(nombreEntidad) ? "" : " " + nombreEntidad)}");
        w.WriteLine($"Periodo: {r.Periodo.Nombre} ({r.Periodo.Codigo})");
        w.WriteLine($"Método: {(r.Metodo == MetodoEvaluacion.Ponderado ? "ponderado por fichas de proceso" : "CEPLAN (ponderación por prioridad)")}");
        w.WriteLine($"Desempeño: {b.Texto(Banda.Bajo)} (menos de {FormatoNumero.Porcentaje(b.MedioDesde)}), " +
                    $"{b.Texto(Banda.Medio)} (desde {FormatoNumero.Porcentaje(b.MedioDesde)}), {b.Texto(Banda.Alto)} (desde {FormatoNumero.Porcentaje(b.AltoDesde)})");
        w.WriteLine();
        w.WriteLine($"Índice de Gestión Institucional (IGI): {Valor(r.Igi)}  {BandaTexto(b, r.BandaIgi)}");
        var c = r.Conteo;
        w.WriteLine($"Actividades: {c.Total} en total, {c.ConMeta} con meta en el periodo, {c.Cumplidas} con ejecución ≥ 100 %, " +
                    $"{c.SinRegistro} sin registro, {c.NoProgramadas} con ejecución no programada, {c.SinMeta} sin meta.");

        var oei = new TablaTexto("Código", ">Prioridad", ">Peso", ">AO con meta", ">AO ≥ 100 %", ">Ejecución", "Desempeño");
        foreach (var o in r.Oeis)
        {
            oei.Fila(o.Codigo, Ent(o.Prioridad), Ent(o.Peso), Ent(o.Conteo.ConMeta), Ent(o.Conteo.Cumplidas), Valor(o.Valor), BandaTexto(b, o.Banda));
            foreach (var a in o.Aeis)
                oei.Fila("  " + a.Codigo, Ent(a.Prioridad), Ent(a.Peso), Ent(a.Conteo.ConMeta), Ent(a.Conteo.Cumplidas), Valor(a.Valor), BandaTexto(b, a.Banda));
        }
        oei.Fila("IGI", "", "", Ent(r.Conteo.ConMeta), Ent(r.Conteo.Cumplidas), Valor(r.Igi), BandaTexto(b, r.BandaIgi));
        Seccion(w, "EJECUCIÓN POR OEI Y AEI (vista operativa)", oei);

        var cc = new TablaTexto("Centro de costo", ">AO con meta", ">AO ≥ 100 %", ">Ejecución", "Desempeño");
        foreach (var x in r.CentrosCosto)
            cc.Fila(x.Codigo, Ent(x.Conteo.ConMeta), Ent(x.Conteo.Cumplidas), Valor(x.Valor), BandaTexto(b, x.Banda));
        Seccion(w, "EJECUCIÓN POR CENTRO DE COSTO", cc);

        if (r.Actividades.Count > 0)
        {
            var ao = new TablaTexto("Actividad", "AEI", "Centro de costo", ">Programado", ">Ejecutado", ">Ejecución", ">Ejecución ajustada", "Desempeño", "Estado");
            foreach (var a in r.Actividades)
                ao.Fila(a.Codigo, a.AeiCodigo, a.CentroCostoCodigo, FormatoNumero.Numero(a.Programado),
                    a.Ejecutado is { } e ? FormatoNumero.Numero(e) : "—", Valor(a.Ejecucion), Valor(a.EjecucionAjustada),
                    BandaTexto(b, a.Banda), a.Estado.Nombre());
            Seccion(w, "EJECUCIÓN POR ACTIVIDAD", ao);
        }

        EscribirEstrategico(w, r.Estrategico, b);

        if (r.Metodo == MetodoEvaluacion.Ponderado)
        {
            var fp = new TablaTexto("Ficha de proceso", "Gerencia", ">Peso", ">AO con meta", ">AO ≥ 100 %", ">Cumplimiento", "Desempeño");
            foreach (var f in r.Fichas)
                fp.Fila(f.Codigo, f.Gerencia ?? "—", FormatoNumero.Numero(f.Peso), Ent(f.Conteo.ConMeta), Ent(f.Conteo.Cumplidas),
                    Valor(f.Valor), BandaTexto(b, f.Banda));
            Seccion(w, "CUMPLIMIENTO POR FICHA DE PROCESO", fp);

            var g = new TablaTexto("Gerencia", ">Fichas", ">Fichas con valor", ">Cumplimiento", "Desempeño");
            foreach (var x in r.Gerencias)
                g.Fila(x.Nombre, Ent(x.Fichas), Ent(x.FichasConValor), Valor(x.Valor), BandaTexto(b, x.Banda));
            Seccion(w, "CUMPLIMIENTO POR GERENCIA", g);
        }
    }

    private static void EscribirEstrategico(TextWriter w, VistaEstrategica e, EsquemaBandas b)
    {
        var corte = e.Corte switch
        {
            PeriodoIndicador.Anual => "valores anuales",
            PeriodoIndicador.Semestre1 => "valores del I semestre",
            PeriodoIndicador.Semestre2 => "valores del II semestre",
            _ => "aún no corresponde medir los indicadores",
        };

        var oei = new TablaTexto("OEI", ">Indicadores", ">Con dato", ">Logro", "Desempeño");
        foreach (var o in e.Oeis)
            oei.Fila(o.Codigo, Ent(o.Indicadores), Ent(o.IndicadoresConDato), Logro(o.Logro), BandaTexto(b, o.Banda));
        Seccion(w, $"LOGRO DE LOS OEI (vista estratégica, {corte})", oei);

        var aei = new TablaTexto("AEI", "OEI", ">Indicadores", ">Con dato", ">Logro", "Desempeño", "Crítica");
        foreach (var a in e.Aeis)
            aei.Fila(a.Codigo, a.OeiCodigo, Ent(a.Indicadores), Ent(a.IndicadoresConDato), Logro(a.Logro), BandaTexto(b, a.Banda), a.Critica ? "Sí" : a.SinInformacion ? "Sin información" : "No");
        Seccion(w, "LOGRO DE LAS AEI", aei);

        var ind = new TablaTexto("Indicador", "OEI / AEI", "Sentido", ">Logro esperado", ">Valor obtenido", ">Avance", ">Avance ajustado", "Desempeño");
        foreach (var i in e.Indicadores)
            ind.Fila(i.Codigo, i.AeiCodigo ?? i.OeiCodigo, i.Sentido.Codigo(),
                i.LogroEsperado is { } le ? FormatoNumero.Numero(le) : "—",
                i.ValorObtenido is { } vo ? FormatoNumero.Numero(vo) : "—",
                Logro(i.Avance), Logro(i.AvanceAjustado), BandaTexto(b, i.Banda));
        Seccion(w, "AVANCE DE LOS INDICADORES", ind);
    }

    private static void Seccion(TextWriter w, string titulo, TablaTexto tabla)
    {
        w.WriteLine();
        w.WriteLine(titulo);
        tabla.Escribir(w);
    }

    private static string Valor(decimal? v) => FormatoNumero.Porcentaje(v);
    private static string Logro(decimal? v) => FormatoNumero.Porcentaje(v, "ND");
    private static string Ent(int v) => FormatoNumero.Entero(v);
    private static string BandaTexto(EsquemaBandas b, Banda? banda) => banda is { } x ? b.Texto(x) : "";

    /// <summary>A fixed-width table. A heading starting with "&gt;" marks a right-aligned (figures) column.</summary>
    private sealed class TablaTexto
    {
        private readonly string[] _encabezados;
        private readonly bool[] _derecha;
        private readonly List<string[]> _filas = [];

        public TablaTexto(params string[] encabezados)
        {
            _derecha = encabezados.Select(e => e.StartsWith('>')).ToArray();
            _encabezados = encabezados.Select(e => e.TrimStart('>')).ToArray();
        }

        public void Fila(params string[] celdas) => _filas.Add(celdas);

        public void Escribir(TextWriter w)
        {
            if (_filas.Count == 0)
            {
                w.WriteLine("(sin datos)");
                return;
            }
            var anchos = new int[_encabezados.Length];
            for (var j = 0; j < anchos.Length; j++)
            {
                anchos[j] = _encabezados[j].Length;
                foreach (var f in _filas) anchos[j] = Math.Max(anchos[j], f[j].Length);
            }
            Linea(w, _encabezados, anchos);
            w.WriteLine(string.Join("  ", anchos.Select(a => new string('-', a))));
            foreach (var f in _filas) Linea(w, f, anchos);
        }

        private void Linea(TextWriter w, string[] celdas, int[] anchos)
        {
            var sb = new StringBuilder();
            for (var j = 0; j < celdas.Length; j++)
            {
                if (j > 0) sb.Append("  ");
                sb.Append(_derecha[j] ? celdas[j].PadLeft(anchos[j]) : celdas[j].PadRight(anchos[j]));
            }
            w.WriteLine(sb.ToString().TrimEnd());
        }
    }
}
