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
        Codigo = Texto.Requerido(codigo, nameof(codigo));
        Nombre = Texto.Requerido(nombre, nameof(nombre));
        Tipo = tipo;
        Siglas = siglas;
        Vision = vision;
    }

    public void Actualizar(string nombre, string? tipo, string? siglas, string? vision)
    {
        Nombre = Texto.Requerido(nombre, nameof(nombre));
        Tipo = tipo;
        Siglas = siglas;
        Vision = vision;
    }

    /// <summary>Replaces the settings as a whole; invalid settings are refused with every problem named and nothing changes.</summary>
    public void Configurar(ConfiguracionEntidad configuracion)
    {
        var errores = configuracion.Validar().ToList();
        if (errores.Count > 0) throw new ReglaDominioException(string.Join(" ", errores));
        Configuracion = configuracion;
    }

    /// <summary>The name shown in headings: the acronym when the entity has one.</summary>
    public string NombreCorto => Siglas ?? Nombre;
}

public enum MetodoEvaluacion { Ceplan, Ponderado }

/// <summary>
/// Entity settings that change how figures are judged and when months close.
/// <see cref="MostrarEnviados"/>: evaluation and reports count approved months only (DOMAIN.md §4);
/// an entity may also count months submitted and still under review, and the figures then say so.
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
    bool MostrarEnviados = false)
{
    /// <summary>National planning guidance: Bajo &lt; 75, Medio 75–&lt;95, Alto ≥ 95; tolerance 85–115 %; months close 10 days after they end.</summary>
    public static ConfiguracionEntidad PorDefecto() => new(
        MetodoEvaluacion.Ceplan, 75m, 95m, "Bajo", "Medio", "Alto", null, null, null, 85m, 115m, 10);

    public const int LargoMaximoEtiqueta = 60;
    public const int LargoMaximoLeyenda = 120;
    /// <summary>Above 200 % a target is so far exceeded that no justification threshold makes sense.</summary>
    public const decimal ToleranciaSuperiorMaxima = 200m;

    /// <summary>Every rule the settings break, one Spanish message per field, named as the settings form names it.</summary>
    public IEnumerable<string> Validar()
    {
        if (BandaMedioDesde is < 0 or > 100)
            yield return $"Umbral «{EtiquetaMedio}» desde: debe estar entre 0 y 100 (se indicó {BandaMedioDesde.ToString(System.Globalization.CultureInfo.InvariantCulture)}).";
        if (BandaAltoDesde is < 0 or > 100)
            yield return $"Umbral «{EtiquetaAlto}» desde: debe estar entre 0 y 100 (se indicó {BandaAltoDesde.ToString(System.Globalization.CultureInfo.InvariantCulture)}).";
        if (BandaMedioDesde > BandaAltoDesde)
            yield return $"Umbral «{EtiquetaMedio}» desde: no puede superar al umbral «{EtiquetaAlto}» desde (medio ≤ alto).";
        foreach (var (campo, valor) in new[] { ("Etiqueta de la banda baja", EtiquetaBajo), ("Etiqueta de la banda media", EtiquetaMedio), ("Etiqueta de la banda alta", EtiquetaAlto) })
        {
            if (string.IsNullOrWhiteSpace(valor)) yield return $"{campo}: es obligatoria.";
            else if (valor.Length > LargoMaximoEtiqueta) yield return $"{campo}: admite hasta {LargoMaximoEtiqueta} caracteres.";
        }
        foreach (var (campo, valor) in new[] { ("Leyenda de la banda baja", LeyendaBajo), ("Leyenda de la banda media", LeyendaMedio), ("Leyenda de la banda alta", LeyendaAlto) })
            if (valor is { Length: > LargoMaximoLeyenda }) yield return $"{campo}: admite hasta {LargoMaximoLeyenda} caracteres.";
        if (ToleranciaInferior is < 0 or > 100)
            yield return "Tolerancia inferior: debe estar entre 0 y 100 %.";
        if (ToleranciaSuperior is < 100 or > ToleranciaSuperiorMaxima)
            yield return $"Tolerancia superior: debe estar entre 100 y {ToleranciaSuperiorMaxima:0} %.";
        if (DiasCierre is < 0 or > 366)
            yield return "Días de cierre: deben estar entre 0 y 366.";
    }
}
