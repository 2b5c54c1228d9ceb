using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Sipoi.Domain.Estrategia;
using Sipoi.Domain.Evaluacion;
using Sipoi.Domain.Organizacion;
using Sipoi.Domain.Seguimiento;

namespace Sipoi.Interop.Evaluacion;

/// <summary>
/// Writes the evaluation output <c>sipoi-evaluacion/1</c> (shared EXCHANGE.md §2 plus the added
/// fields listed in README.md). Values are unrounded JSON numbers; null stands for ND or "no value".
/// </summary>
public static class EvaluacionJson
{
    public const string Formato = "sipoi-evaluacion/1";

    private static readonly JavaScriptEncoder Codificador = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    /// <param name="completitud">Which centre-months the figures do not count yet (written as <c>completitud</c>; null leaves it out).</param>
    /// <param name="motivoIncompleta">The reason an incomplete period was published anyway (only in a published file).</param>
    public static string ComoTexto(ResultadoEvaluacion resultado, string entidad, bool indentado = true, Completitud? completitud = null,
        string? motivoIncompleta = null)
    {
        using var buffer = new MemoryStream();
        Escribir(buffer, resultado, entidad, indentado, completitud, motivoIncompleta);
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    public static void Escribir(Stream destino, ResultadoEvaluacion resultado, string entidad, bool indentado = true,
        Completitud? completitud = null, string? motivoIncompleta = null)
    {
        using var w = new Utf8JsonWriter(destino, new JsonWriterOptions { Indented = indentado, Encoder = Codificador });
        Escribir(w, resultado, entidad, completitud, motivoIncompleta);
    }

    /// <summary>Writes the whole document as one JSON object. Fichas and gerencias are written when the method is "ponderado".</summary>
    public static void Escribir(Utf8JsonWriter w, ResultadoEvaluacion r, string entidad, Completitud? completitud = null,
        string? motivoIncompleta = null)
    {
        w.WriteStartObject();
        w.WriteString("formato", Formato);
        w.WriteString("entidad", entidad);
        w.WriteNumber("anio", r.Anio);
        w.WriteString("periodo", r.Periodo.Codigo);
        w.WriteString("nombrePeriodo", r.Periodo.Nombre);
        w.WriteString("metodo", r.Metodo.Codigo());
        EscribirBandas(w, r.Bandas);
        Numero(w, "igi", r.Igi);
        EscribirBanda(w, r.BandaIgi);
        Conteo(w, r.Conteo);
        if (completitud is not null) EscribirCompletitud(w, completitud, motivoIncompleta);

        w.WriteStartArray("oei");
        foreach (var oei in r.Oeis)
        {
            w.WriteStartObject();
            w.WriteString("codigo", oei.Codigo);
            w.WriteNumber("prioridad", oei.Prioridad);
            w.WriteNumber("peso", oei.Peso);
            Numero(w, "valor", oei.Valor);
            EscribirBanda(w, oei.Banda);
            Conteo(w, oei.Conteo);
            w.WriteStartArray("aei");
            foreach (var aei in oei.Aeis)
            {
                w.WriteStartObject();
                w.WriteString("codigo", aei.Codigo);
                w.WriteNumber("prioridad", aei.Prioridad);
                w.WriteNumber("peso", aei.Peso);
                Numero(w, "valor", aei.Valor);
                EscribirBanda(w, aei.Banda);
                Conteo(w, aei.Conteo);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("centrosCosto");
        foreach (var c in r.CentrosCosto)
        {
            w.WriteStartObject();
            w.WriteString("codigo", c.Codigo);
            Numero(w, "valor", c.Valor);
            EscribirBanda(w, c.Banda);
            Conteo(w, c.Conteo);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("actividades");
        foreach (var a in r.Actividades)
        {
            w.WriteStartObject();
            w.WriteString("codigo", a.Codigo);
            w.WriteString("aei", a.AeiCodigo);
            w.WriteString("centroCosto", a.CentroCostoCodigo);
            Texto(w, "ficha", a.FichaCodigo);
            w.WriteNumber("peso", a.Peso);
            w.WriteNumber("programado", a.Programado);
            Numero(w, "ejecutado", a.Ejecutado);
            Numero(w, "ejecucion", a.Ejecucion);
            Numero(w, "ejecucionAjustada", a.EjecucionAjustada);
            w.WriteString("estado", a.Estado.Codigo());
            EscribirBanda(w, a.Banda);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        EscribirEstrategico(w, r.Estrategico);

        if (r.Metodo == MetodoEvaluacion.Ponderado)
        {
            w.WriteStartArray("fichas");
            foreach (var f in r.Fichas)
            {
                w.WriteStartObject();
                w.WriteString("codigo", f.Codigo);
                Texto(w, "gerencia", f.Gerencia);
                w.WriteNumber("peso", f.Peso);
                Numero(w, "valor", f.Valor);
                EscribirBanda(w, f.Banda);
                Conteo(w, f.Conteo);
                w.WriteEndObject();
            }
            w.WriteEndArray();

            w.WriteStartArray("gerencias");
            foreach (var g in r.Gerencias)
            {
                w.WriteStartObject();
                w.WriteString("nombre", g.Nombre);
                Numero(w, "valor", g.Valor);
                EscribirBanda(w, g.Banda);
                w.WriteNumber("fichas", g.Fichas);
                w.WriteNumber("fichasConValor", g.FichasConValor);
                Conteo(w, g.Conteo);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
        w.Flush();
    }

    private static void EscribirEstrategico(Utf8JsonWriter w, VistaEstrategica e)
    {
        w.WriteStartObject("estrategico");
        Texto(w, "corte", e.Corte switch
        {
            PeriodoIndicador.Anual => "ANUAL",
            PeriodoIndicador.Semestre1 => "S1",
            PeriodoIndicador.Semestre2 => "S2",
            _ => null,
        });

        w.WriteStartArray("oei");
        foreach (var o in e.Oeis)
        {
            w.WriteStartObject();
            w.WriteString("codigo", o.Codigo);
            Numero(w, "logro", o.Logro);
            EscribirBanda(w, o.Banda);
            w.WriteNumber("indicadores", o.Indicadores);
            w.WriteNumber("indicadoresConDato", o.IndicadoresConDato);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("aei");
        foreach (var a in e.Aeis)
        {
            w.WriteStartObject();
            w.WriteString("codigo", a.Codigo);
            w.WriteString("oei", a.OeiCodigo);
            Numero(w, "logro", a.Logro);
            EscribirBanda(w, a.Banda);
            w.WriteBoolean("critica", a.Critica);
            w.WriteBoolean("sinInformacion", a.SinInformacion);
            w.WriteNumber("indicadores", a.Indicadores);
            w.WriteNumber("indicadoresConDato", a.IndicadoresConDato);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("indicadores");
        foreach (var i in e.Indicadores)
        {
            w.WriteStartObject();
            w.WriteString("codigo", i.Codigo);
            w.WriteString("oei", i.OeiCodigo);
            Texto(w, "aei", i.AeiCodigo);
            w.WriteString("sentido", i.Sentido.Codigo());
            Numero(w, "logroEsperado", i.LogroEsperado);
            Numero(w, "valorObtenido", i.ValorObtenido);
            Numero(w, "avance", i.Avance);
            Numero(w, "avanceAjustado", i.AvanceAjustado);
            EscribirBanda(w, i.Banda);
            w.WriteBoolean("datoPendiente", i.DatoPendiente);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void EscribirBandas(Utf8JsonWriter w, EsquemaBandas b)
    {
        w.WriteStartObject("bandas");
        w.WriteNumber("medioDesde", b.MedioDesde);
        w.WriteNumber("altoDesde", b.AltoDesde);
        w.WriteStartObject("etiquetas");
        w.WriteString("bajo", b.EtiquetaBajo);
        w.WriteString("medio", b.EtiquetaMedio);
        w.WriteString("alto", b.EtiquetaAlto);
        w.WriteEndObject();
        w.WriteStartObject("leyendas");
        Texto(w, "bajo", b.LeyendaBajo);
        Texto(w, "medio", b.LeyendaMedio);
        Texto(w, "alto", b.LeyendaAlto);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>
    /// The centre-months of the period the figures do not count yet (docs/intercambio.md, an addition to EXCHANGE.md §2):
    /// <c>completa</c>, <c>mesesCentro</c>, <c>mesesCentroFaltantes</c>, <c>descripcion</c> (the Spanish sentence), the
    /// <c>faltantes</c> (centre code, month, state code) and, in a published file, <c>motivoPublicacion</c>.
    /// </summary>
    private static void EscribirCompletitud(Utf8JsonWriter w, Completitud c, string? motivo)
    {
        w.WriteStartObject("completitud");
        w.WriteBoolean("completa", c.Completa);
        w.WriteBoolean("cuentaEnviados", c.MostrarEnviados);
        w.WriteNumber("mesesCentro", c.MesesCentro);
        w.WriteNumber("mesesCentroFaltantes", c.MesesCentroFaltantes);
        w.WriteString("descripcion", c.Frase);
        if (motivo is not null) w.WriteString("motivoPublicacion", motivo);
        w.WriteStartArray("faltantes");
        foreach (var f in c.Faltantes)
        {
            w.WriteStartObject();
            w.WriteString("centroCosto", f.CentroCodigo);
            w.WriteNumber("mes", f.Mes);
            w.WriteString("estado", f.EstadoCodigo);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Conteo(Utf8JsonWriter w, ConteoActividades c)
    {
        w.WriteNumber("actividades", c.ConMeta);
        w.WriteNumber("actividadesCumplidas", c.Cumplidas);
        w.WriteNumber("actividadesTotal", c.Total);
        w.WriteNumber("actividadesSinRegistro", c.SinRegistro);
        w.WriteNumber("actividadesNoProgramadas", c.NoProgramadas);
        w.WriteNumber("actividadesSinMeta", c.SinMeta);
    }

    private static void Numero(Utf8JsonWriter w, string nombre, decimal? valor)
    {
        if (valor is { } v) w.WriteNumber(nombre, v);
        else w.WriteNull(nombre);
    }

    private static void Texto(Utf8JsonWriter w, string nombre, string? valor)
    {
        if (valor is null) w.WriteNull(nombre);
        else w.WriteString(nombre, valor);
    }

    private static void EscribirBanda(Utf8JsonWriter w, Banda? banda)
    {
        if (banda is { } b) w.WriteString("banda", b.Codigo());
        else w.WriteNull("banda");
    }
}
