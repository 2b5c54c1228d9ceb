namespace Sipoi.Domain.Organizacion;

/// <summary>A pliego: municipality, regional government, public company. Every other row belongs to one.</summary>
public sealed class Entidad
{
    public int Id { get; private set; }
    public string Codigo { get; private set; } = null!;
    public string Nombre { get; private set; } = null!;
    public string? Tipo { get; private set; }
    public string? Siglas { get; private set; }
    public string? Vision { get; private set; }
    public ConfiguracionEntidad Configuracion { get; private set; } = ConfiguracionEntidad.PorDefecto();

    private Entidad() { }

    public Entidad(string codigo, string nombre, string? tipo = null, string? siglas = null, string? vision = null)
    {
        Codigo = Texto.Requerido(codigo, "código", ClaseTexto.Codigo);
        Actualizar(nombre, tipo, siglas, vision);
    }

    public void Actualizar(string nombre, string? tipo, string? siglas, string? vision)
    {
        Nombre = Texto.Requerido(nombre, "nombre");
        Tipo = Texto.Opcional(tipo, "tipo");
        Siglas = Texto.Opcional(siglas, "siglas", ClaseTexto.Codigo);
        Vision = Texto.Opcional(vision, "visión", ClaseTexto.TextoLargo);
    }

    /// <summary>Replaces the settings as a whole; invalid settings are refused with every problem named and nothing changes.</summary>
    public void Configurar(ConfiguracionEntidad configuracion)
    {
        var errores = configuracion.Validar().ToList();
        if (errores.Count > 0) throw new ReglaDominioException(string.Join(" ", errores.Select(e => e.Mensaje)), errores[0].Campo);
        Configuracion = configuracion;
    }

    /// <summary>The name shown in headings: the acronym when the entity has one.</summary>
    public string NombreCorto => Siglas ?? Nombre;
}

public enum MetodoEvaluacion { Ceplan, Ponderado }

/// <summary>
/// How often a cost centre submits its monitoring (DOMAIN.md §3): each month on its own (default), or the three
/// months of a quarter together, within <see cref="ConfiguracionEntidad.DiasCierre"/> days after the quarter ends.
/// Values are always stored per month.
/// </summary>
public enum RitmoReporte { Mensual, Trimestral }

/// <summary>
/// Entity settings that change how figures are judged and when months close.
/// <see cref="MostrarEnviados"/>: evaluation and reports count approved months only (DOMAIN.md §4);
/// an entity may also count months submitted and still under review, and the figures then say so.
/// <see cref="Ritmo"/>: monthly or quarterly submission (Seguimiento/README.md). <see cref="ValidacionJefatura"/>: the head
/// of the parent centre validates a submitted month before the planning office reviews it.
/// <see cref="PorcentajesEnteros"/>: the Word evaluation report and the monitoring tables display percentages rounded to
/// whole numbers (DOMAIN.md §5: "or to whole numbers in the traffic-light tables when the entity asks so"); values stay exact.
/// </summary>
public sealed record ConfiguracionEntidad(
    MetodoEvaluacion Metodo,
    decimal BandaMedioDesde,
    decimal BandaAltoDesde,
    string EtiquetaBajo,
    string EtiquetaMedio,
    string EtiquetaAlto,
    string? LeyendaBajo,
    string? LeyendaMedio,
    string? LeyendaAlto,
    decimal ToleranciaInferior,
    decimal ToleranciaSuperior,
    int DiasCierre,
    bool MostrarEnviados = false,
    RitmoReporte Ritmo = RitmoReporte.Mensual,
    bool ValidacionJefatura = false,
    bool PorcentajesEnteros = false)
{
    /// <summary>National planning guidance: Bajo &lt; 75, Medio 75–&lt;95, Alto ≥ 95; tolerance 85–115 %; months close 10 days after they end.</summary>
    public static ConfiguracionEntidad PorDefecto() => new(
        MetodoEvaluacion.Ceplan, 75m, 95m, "Bajo", "Medio", "Alto", null, null, null, 85m, 115m, 10);

    public const int LargoMaximoEtiqueta = 60;
    public const int LargoMaximoLeyenda = 120;
    /// <summary>Above 200 % a target is so far exceeded that no justification threshold makes sense.</summary>
    public const decimal ToleranciaSuperiorMaxima = 200m;

    /// <summary>
    /// Every rule the settings break, one Spanish message per field, named as the settings form names it.
    /// The ranges (documented in docs/reglas-dominio.md): thresholds 0–100 with medio ≤ alto; tolerance
    /// inferior 0–100 and superior 100–<see cref="ToleranciaSuperiorMaxima"/> (so inferior ≤ superior);
    /// closing days 0–366; labels required, ≤ <see cref="LargoMaximoEtiqueta"/>; legends ≤ <see cref="LargoMaximoLeyenda"/>.
    /// Each <see cref="Problema.Campo"/> is the member's name in the exchange file (bandas.medioDesde,
    /// toleranciaSuperior …), which readers map to their own address.
    /// </summary>
    public IEnumerable<Problema> Validar()
    {
        var umbralMedio = $"Umbral «{EtiquetaMedio}» desde";
        var umbralAlto = $"Umbral «{EtiquetaAlto}» desde";
        if (BandaMedioDesde is < 0 or > 100)
            yield return new("bandas.medioDesde", umbralMedio, $"debe estar entre 0 y 100 (es {Num(BandaMedioDesde)}).");
        if (BandaAltoDesde is < 0 or > 100)
            yield return new("bandas.altoDesde", umbralAlto, $"debe estar entre 0 y 100 (es {Num(BandaAltoDesde)}).");
        if (BandaMedioDesde > BandaAltoDesde)
            yield return new("bandas.medioDesde", umbralMedio,
                $"no puede superar al umbral desde el que empieza la banda alta ({Num(BandaMedioDesde)} > {Num(BandaAltoDesde)}; medio ≤ alto).");
        foreach (var (clave, campo, valor) in new[] { ("etiquetasBandas.bajo", "Etiqueta de la banda baja", EtiquetaBajo), ("etiquetasBandas.medio", "Etiqueta de la banda media", EtiquetaMedio), ("etiquetasBandas.alto", "Etiqueta de la banda alta", EtiquetaAlto) })
        {
            if (string.IsNullOrWhiteSpace(valor)) yield return new(clave, campo, "es obligatoria.");
            else if (LimitesTexto.Problema(valor, ClaseTexto.Nombre) is { } p) yield return new(clave, campo, p + ".");
            else if (valor.Length > LargoMaximoEtiqueta) yield return new(clave, campo, $"admite hasta {LargoMaximoEtiqueta} caracteres (tiene {valor.Length}).");
        }
        foreach (var (clave, campo, valor) in new[] { ("leyendasBandas.bajo", "Leyenda de la banda baja", LeyendaBajo), ("leyendasBandas.medio", "Leyenda de la banda media", LeyendaMedio), ("leyendasBandas.alto", "Leyenda de la banda alta", LeyendaAlto) })
        {
            if (LimitesTexto.Problema(valor, ClaseTexto.Nombre) is { } p) yield return new(clave, campo, p + ".");
            else if (valor is { Length: > LargoMaximoLeyenda }) yield return new(clave, campo, $"admite hasta {LargoMaximoLeyenda} caracteres (tiene {valor.Length}).");
        }
        // Inferior ≤ 100 ≤ superior, so the two ranges already keep inferior ≤ superior.
        if (ToleranciaInferior is < 0 or > 100)
            yield return new("toleranciaInferior", "Tolerancia inferior", $"debe estar entre 0 y 100 % (es {Num(ToleranciaInferior)}).");
        if (ToleranciaSuperior is < 100 or > ToleranciaSuperiorMaxima)
            yield return new("toleranciaSuperior", "Tolerancia superior", $"debe estar entre 100 y {ToleranciaSuperiorMaxima:0} % (es {Num(ToleranciaSuperior)}).");
        if (!Enum.IsDefined(Ritmo))
            yield return new("ritmoReporte", "Ritmo de reporte", "debe ser mensual o trimestral.");
        if (DiasCierre is < 0 or > DiasCierreMaximos)
            yield return new("diasCierre", "Días de cierre", $"deben estar entre 0 y {DiasCierreMaximos} (es {DiasCierre.ToString(System.Globalization.CultureInfo.InvariantCulture)}).");
    }

    /// <summary>A month may stay open at most a year after it ends.</summary>
    public const int DiasCierreMaximos = 366;

    private static string Num(decimal v) => v.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
