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

    public void Configurar(ConfiguracionEntidad configuracion) => Configuracion = configuracion;

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

    public IEnumerable<string> Validar()
    {
        if (BandaMedioDesde < 0 || BandaMedioDesde > BandaAltoDesde || BandaAltoDesde > 100)
            yield return "Los umbrales de las bandas deben cumplir 0 ≤ medio ≤ alto ≤ 100.";
        if (ToleranciaInferior < 0 || ToleranciaInferior > 100 || ToleranciaSuperior < 100)
            yield return "La tolerancia inferior va de 0 a 100 y la superior es al menos 100.";
        if (DiasCierre is < 0 or > 366)
            yield return "Los días de cierre van de 0 a 366.";
    }
}
