using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Sipoi.Domain.Estrategia;
using Sipoi.Domain.Organizacion;
using Sipoi.Domain.Periodos;

namespace Sipoi.Interop.Intercambio;

/// <summary>
/// Writes a <c>sipoi-intercambio/1</c> file: UTF-8 without BOM, indented by 2 spaces, members in the order of
/// EXCHANGE.md followed by our extensions. Every member with a value is written (so <c>export(import(f))</c>
/// carries every field of <c>f</c>); optional members without value are left out, except the months of
/// executed arrays, where null means "not registered". Monthly arrays go on one line, as the offices read them.
/// </summary>
public static class EscritorIntercambio
{
    private static readonly JsonWriterOptions Opciones = new()
    {
        Indented = true,
        IndentSize = 2,
        // A file for people and other systems, never embedded in HTML: keep «Ñ», «ó», «º» readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Escribir(DocumentoIntercambio documento, Stream salida)
    {
        ArgumentNullException.ThrowIfNull(documento);
        ArgumentNullException.ThrowIfNull(salida);
        using var w = new Utf8JsonWriter(salida, Opciones);
        w.WriteStartObject();
        w.WriteString("formato", DocumentoIntercambio.Formato);
        Entidad(w, documento.Entidad);
        if (documento.Configuracion is { } c) Configuracion(w, c);
        Lista(w, "centrosCosto", documento.CentrosCosto, CentroCosto);
        Lista(w, "fichas", documento.Fichas, Ficha);
        Pei(w, documento.Pei);
        Poi(w, documento.Poi);
        w.WriteEndObject();
        w.Flush();
        salida.Write("\n"u8);
    }

    public static string EscribirTexto(DocumentoIntercambio documento)
    {
        using var m = new MemoryStream();
        Escribir(documento, m);
        return Encoding.UTF8.GetString(m.ToArray());
    }

    private static void Entidad(Utf8JsonWriter w, EntidadDto e)
    {
        w.WriteStartObject("entidad");
        w.WriteString("codigo", e.Codigo);
        w.WriteString("nombre", e.Nombre);
        Texto(w, "tipo", e.Tipo);
        Texto(w, "siglas", e.Siglas);
        Texto(w, "vision", e.Vision);
        if (e.Textos is { } textos && !textos.SinTextos())
        {
            w.WriteStartObject("textos");
            foreach (var c in ContenidoTextos.Campos) Texto(w, c.Clave, c.Leer(textos));
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    private static void Configuracion(Utf8JsonWriter w, ConfiguracionDto c)
    {
        w.WriteStartObject("configuracion");
        if (c.Metodo is { } metodo) w.WriteString("metodo", metodo.Codigo());
        if (c.Bandas is { } b)
        {
            w.WriteStartObject("bandas");
            Numero(w, "medioDesde", b.MedioDesde);
            Numero(w, "altoDesde", b.AltoDesde);
            w.WriteEndObject();
        }
        TextosBandas(w, "etiquetasBandas", c.EtiquetasBandas);
        TextosBandas(w, "leyendasBandas", c.LeyendasBandas);
        Numero(w, "toleranciaInferior", c.ToleranciaInferior);
        Numero(w, "toleranciaSuperior", c.ToleranciaSuperior);
        if (c.DiasCierre is { } dias) w.WriteNumber("diasCierre", dias);
        if (c.MostrarEnviados is { } enviados) w.WriteBoolean("mostrarEnviados", enviados);
        if (c.RitmoReporte is { } ritmo) w.WriteString("ritmoReporte", ritmo.Codigo());
        if (c.ValidacionJefatura is { } jefatura) w.WriteBoolean("validacionJefatura", jefatura);
        if (c.PorcentajesEnteros is { } enteros) w.WriteBoolean("porcentajesEnteros", enteros);
        w.WriteEndObject();
    }

    private static void TextosBandas(Utf8JsonWriter w, string nombre, TextosBandasDto? t)
    {
        if (t is null) return;
        w.WriteStartObject(nombre);
        w.WriteString("bajo", t.Bajo);
        w.WriteString("medio", t.Medio);
        w.WriteString("alto", t.Alto);
        w.WriteEndObject();
    }

    private static void CentroCosto(Utf8JsonWriter w, CentroCostoDto c)
    {
        w.WriteStartObject();
        w.WriteString("codigo", c.Codigo);
        w.WriteString("nombre", c.Nombre);
        Texto(w, "padre", c.Padre);
        Texto(w, "responsable", c.Responsable);
        w.WriteBoolean("gerencia", c.Gerencia);
        w.WriteEndObject();
    }

    private static void Ficha(Utf8JsonWriter w, FichaDto f)
    {
        w.WriteStartObject();
        w.WriteString("codigo", f.Codigo);
        w.WriteString("nombre", f.Nombre);
        Texto(w, "gerencia", f.Gerencia);
        Texto(w, "centroCosto", f.CentroCosto);
        Texto(w, "responsable", f.Responsable);
        Texto(w, "objetivo", f.Objetivo);
        w.WriteStartArray("aei");
        foreach (var a in f.Aei) w.WriteStringValue(a);
        w.WriteEndArray();
        Numero(w, "peso", f.Peso);
        w.WriteEndObject();
    }

    private static void Pei(Utf8JsonWriter w, PeiDto p)
    {
        w.WriteStartObject("pei");
        w.WriteString("codigo", p.Codigo);
        if (p.Inicio is { } inicio) w.WriteNumber("inicio", inicio);
        if (p.Fin is { } fin) w.WriteNumber("fin", fin);
        Texto(w, "mision", p.Mision);
        Texto(w, "nombre", p.Nombre);
        Texto(w, "vision", p.Vision);
        if (p.Estado is { } estado) w.WriteString("estado", estado.Codigo());
        Lista(w, "oei", p.Oei, Oei);
        w.WriteEndObject();
    }

    private static void Oei(Utf8JsonWriter w, OeiDto o)
    {
        w.WriteStartObject();
        w.WriteString("codigo", o.Codigo);
        w.WriteString("enunciado", o.Enunciado);
        w.WriteNumber("prioridad", o.Prioridad);
        Lista(w, "indicadores", o.Indicadores, Indicador);
        Lista(w, "aei", o.Aei, Aei);
        w.WriteEndObject();
    }

    private static void Aei(Utf8JsonWriter w, AeiDto a)
    {
        w.WriteStartObject();
        w.WriteString("codigo", a.Codigo);
        w.WriteString("enunciado", a.Enunciado);
        w.WriteNumber("prioridad", a.Prioridad);
        Texto(w, "responsable", a.Responsable);
        Lista(w, "indicadores", a.Indicadores, Indicador);
        w.WriteEndObject();
    }

    private static void Indicador(Utf8JsonWriter w, IndicadorDto i)
    {
        w.WriteStartObject();
        w.WriteString("codigo", i.Codigo);
        w.WriteString("nombre", i.Nombre);
        Texto(w, "unidad", i.Unidad);
        w.WriteString("sentido", i.Sentido.Codigo());
        if (i.LineaBase is { } lb)
        {
            w.WriteStartObject("lineaBase");
            w.WriteNumber("anio", lb.Anio);
            Numero(w, "valor", lb.Valor);
            w.WriteEndObject();
        }
        PorClave(w, "logrosEsperados", i.LogrosEsperados.Select(x => (x.Key.ToString("0000", CultureInfo.InvariantCulture), x.Value)));
        PorClave(w, "valoresObtenidos", i.ValoresObtenidos.Select(x => (x.Key.ToString("0000", CultureInfo.InvariantCulture), x.Value)));
        Texto(w, "fuente", i.Fuente);
        Texto(w, "metodoCalculo", i.MetodoCalculo);
        Texto(w, "centroCostoResponsable", i.CentroCostoResponsable);
        Numero(w, "maximoPermisible", i.MaximoPermisible);
        Numero(w, "minimoPermisible", i.MinimoPermisible);
        PorClave(w, "valoresObtenidosSemestre", i.ValoresObtenidosSemestre.Select(x => (x.Key, x.Value)));
        w.WriteEndObject();
    }

    private static void Poi(Utf8JsonWriter w, PoiDto p)
    {
        w.WriteStartObject("poi");
        w.WriteNumber("anio", p.Anio);
        Texto(w, "version", p.Version);
        // Our extensions go before the (long) list of activities so the header reads first.
        w.WriteString("tipoVersion", p.TipoVersion.Codigo());
        Texto(w, "motivo", p.Motivo);
        if (p.Aprobacion is { } a)
        {
            w.WriteStartObject("aprobacion");
            w.WriteString("documento", a.Documento);
            w.WriteString("fecha", a.Fecha.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            w.WriteEndObject();
        }
        if (p.Presupuesto is { } pr)
        {
            w.WriteStartObject("presupuesto");
            Lista(w, "ingresos", pr.Ingresos, Partida);
            Lista(w, "egresos", pr.Egresos, Partida);
            w.WriteEndObject();
        }
        Lista(w, "actividades", p.Actividades, Actividad);
        if (p.Seguimiento is { } seguimiento)
            Lista(w, "seguimiento", seguimiento, (w, s) =>
            {
                w.WriteStartObject();
                w.WriteString("centroCosto", s.CentroCosto);
                w.WriteNumber("mes", s.Mes);
                w.WriteString("estado", s.Estado.Codigo());
                w.WriteEndObject();
            });
        if (p.ResumenesPeriodo.Count > 0)
            Lista(w, "resumenesPeriodo", p.ResumenesPeriodo, (w, r) =>
            {
                w.WriteStartObject();
                w.WriteString("centroCosto", r.CentroCosto);
                w.WriteString("periodo", r.Periodo);
                w.WriteString("texto", r.Texto);
                w.WriteEndObject();
            });
        w.WriteEndObject();
    }

    private static void Partida(Utf8JsonWriter w, PartidaPresupuestalDto p)
    {
        w.WriteStartObject();
        w.WriteString("codigo", p.Codigo);
        Texto(w, "nombre", p.Nombre);
        Numero(w, "monto", p.Monto);
        w.WriteEndObject();
    }

    private static void Actividad(Utf8JsonWriter w, ActividadDto a)
    {
        w.WriteStartObject();
        w.WriteString("codigo", a.Codigo);
        w.WriteString("tipo", a.Tipo.Codigo());
        Texto(w, "cui", a.Cui);
        w.WriteString("nombre", a.Nombre);
        w.WriteString("centroCosto", a.CentroCosto);
        w.WriteString("aei", a.Aei);
        Texto(w, "ficha", a.Ficha);
        Texto(w, "unidadMedida", a.UnidadMedida);
        w.WriteString("comportamiento", a.Comportamiento.Codigo());
        Numero(w, "peso", a.Peso);
        Meses(w, "programado", a.Programado.Select(v => (decimal?)v));
        Meses(w, "ejecutado", a.Ejecutado);
        Meses(w, "financieroProgramado", a.FinancieroProgramado.Select(v => (decimal?)v));
        Meses(w, "financieroEjecutado", a.FinancieroEjecutado);
        Texto(w, "responsable", a.Responsable);
        if (a.MesInicio is { } inicio) w.WriteNumber("mesInicio", inicio);
        if (a.MesFin is { } fin) w.WriteNumber("mesFin", fin);
        Texto(w, "categoriaPresupuestal", a.CategoriaPresupuestal);
        Texto(w, "producto", a.Producto);
        Texto(w, "actividadPresupuestal", a.ActividadPresupuestal);
        if (a.Prioridad is { } prioridad) w.WriteNumber("prioridad", prioridad);
        Texto(w, "numero", a.Numero);
        Texto(w, "grupo", a.Grupo);
        Numero(w, "metaAnual", a.MetaAnual);
        if (a.FinancieroPorGenerica.Count > 0)
        {
            w.WriteStartArray("financieroPorGenerica");
            foreach (var g in a.FinancieroPorGenerica)
            {
                w.WriteStartObject();
                w.WriteString("generica", g.Generica);
                Meses(w, "programado", g.Programado.Select(v => (decimal?)v));
                Meses(w, "ejecutado", g.Ejecutado);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        if (a.Justificaciones.Count > 0)
            Lista(w, "justificaciones", a.Justificaciones, (w, j) =>
            {
                w.WriteStartObject();
                w.WriteNumber("mes", j.Mes);
                Texto(w, "logros", j.Logros);
                Texto(w, "dificultades", j.Dificultades);
                Texto(w, "medidasCorrectivas", j.MedidasCorrectivas);
                w.WriteEndObject();
            });
        Directiva(w, a);
        w.WriteEndObject();
    }

    /// <summary>The directive's indicator, critical elements and needs; each written only when present (optional members).</summary>
    private static void Directiva(Utf8JsonWriter w, ActividadDto a)
    {
        if (a.Indicador is { } i)
        {
            w.WriteStartObject("indicador");
            w.WriteString("enunciado", i.Enunciado);
            w.WriteString("tipo", i.Tipo.Codigo());
            w.WriteEndObject();
        }
        if (a.ElementosCriticos.Count > 0) Lista(w, "elementosCriticos", a.ElementosCriticos, (w, e) => w.WriteStringValue(e));
        if (a.Necesidades.Count > 0)
            Lista(w, "necesidades", a.Necesidades, (w, n) =>
            {
                w.WriteStartObject();
                Texto(w, "codigo", n.Codigo);
                w.WriteString("detalle", n.Detalle);
                Numero(w, "cantidad", n.Cantidad);
                Numero(w, "costoUnitario", n.CostoUnitario);
                w.WriteEndObject();
            });
    }

    private static void Lista<T>(Utf8JsonWriter w, string nombre, IReadOnlyList<T> elementos, Action<Utf8JsonWriter, T> escribir)
    {
        w.WriteStartArray(nombre);
        foreach (var e in elementos) escribir(w, e);
        w.WriteEndArray();
    }

    private static void Texto(Utf8JsonWriter w, string nombre, string? valor)
    {
        if (valor is not null) w.WriteString(nombre, valor);
    }

    // Decimal's invariant text keeps the scale it was read with (17337130.00) and never uses an exponent.
    private static string Num(decimal v) => v.ToString(CultureInfo.InvariantCulture);

    private static void Numero(Utf8JsonWriter w, string nombre, decimal? valor)
    {
        if (valor is not { } v) return;
        w.WritePropertyName(nombre);
        w.WriteRawValue(Num(v), skipInputValidation: true);
    }

    private static void PorClave(Utf8JsonWriter w, string nombre, IEnumerable<(string Clave, decimal Valor)> valores)
    {
        w.WriteStartObject(nombre);
        foreach (var (clave, valor) in valores.OrderBy(x => x.Clave, StringComparer.Ordinal)) Numero(w, clave, valor);
        w.WriteEndObject();
    }

    private static void Meses(Utf8JsonWriter w, string nombre, IEnumerable<decimal?> meses)
    {
        w.WritePropertyName(nombre);
        w.WriteRawValue("[" + string.Join(", ", meses.Select(m => m is { } v ? Num(v) : "null")) + "]", skipInputValidation: true);
    }
}
