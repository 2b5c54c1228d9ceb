using Sipoi.Domain.Organizacion;

namespace Sipoi.Domain.Evaluacion;

/// <summary>Performance band (desempeño / semáforo): red, yellow, green.</summary>
public enum Banda { Bajo, Medio, Alto }

public static class BandaTexto
{
    /// <summary>
    /// The one text for "no value" wherever a band or a percentage is shown: DOMAIN.md's ND (no disponible).
    /// It covers a group without any activity with a target in the period, an indicator without a measurement
    /// and an activity with nothing registered; the row's other columns say which.
    /// </summary>
    public const string NoDisponible = "ND";

    /// <summary>Code used by the exchange output: "bajo", "medio", "alto".</summary>
    public static string Codigo(this Banda b) => b switch
    {
        Banda.Bajo => "bajo",
        Banda.Medio => "medio",
        Banda.Alto => "alto",
        _ => throw new ArgumentOutOfRangeException(nameof(b)),
    };
}

/// <summary>The one banding rule.</summary>
public static class Bandas
{
    /// <summary>value &lt; medioDesde → Bajo; &lt; altoDesde → Medio; otherwise Alto. The value is classified unrounded.</summary>
    public static Banda Clasificar(decimal valor, decimal medioDesde, decimal altoDesde) =>
        valor < medioDesde ? Banda.Bajo : valor < altoDesde ? Banda.Medio : Banda.Alto;
}

/// <summary>
/// An entity's traffic light: thresholds (percent) and the texts shown with each band.
/// Legends are the optional qualification next to the label (EMSAPUNO's "Lo lograste").
/// </summary>
public sealed record EsquemaBandas
{
    public decimal MedioDesde { get; }
    public decimal AltoDesde { get; }
    public string EtiquetaBajo { get; init; } = "Bajo";
    public string EtiquetaMedio { get; init; } = "Medio";
    public string EtiquetaAlto { get; init; } = "Alto";
    public string? LeyendaBajo { get; init; }
    public string? LeyendaMedio { get; init; }
    public string? LeyendaAlto { get; init; }

    public EsquemaBandas(decimal medioDesde = 75m, decimal altoDesde = 95m)
    {
        if (medioDesde > altoDesde)
            throw new ArgumentException($"El umbral Medio ({medioDesde}) no puede superar al umbral Alto ({altoDesde}).");
        MedioDesde = medioDesde;
        AltoDesde = altoDesde;
    }

    /// <summary>National planning guidance: Bajo &lt; 75, Medio 75 – &lt; 95, Alto ≥ 95.</summary>
    public static EsquemaBandas Nacional { get; } = new();

    /// <summary>EMSAPUNO POI 2024: Bajo 0–79 "Esfuérzate más", Medio 80–90 "Falta poco", Alto 91–100 "Lo lograste".</summary>
    public static EsquemaBandas Emsapuno { get; } = new(80m, 91m)
    {
        LeyendaBajo = "Esfuérzate más",
        LeyendaMedio = "Falta poco",
        LeyendaAlto = "Lo lograste",
    };

    public Banda Clasificar(decimal valor) => Bandas.Clasificar(valor, MedioDesde, AltoDesde);

    /// <summary>ND (null) has no band.</summary>
    public Banda? Clasificar(decimal? valor) => valor is { } v ? Clasificar(v) : null;

    public string Etiqueta(Banda b) => b switch
    {
        Banda.Bajo => EtiquetaBajo,
        Banda.Medio => EtiquetaMedio,
        Banda.Alto => EtiquetaAlto,
        _ => throw new ArgumentOutOfRangeException(nameof(b)),
    };

    public string? Leyenda(Banda b) => b switch
    {
        Banda.Bajo => LeyendaBajo,
        Banda.Medio => LeyendaMedio,
        Banda.Alto => LeyendaAlto,
        _ => throw new ArgumentOutOfRangeException(nameof(b)),
    };

    /// <summary>Label with its legend when there is one: "Alto — Lo lograste".</summary>
    public string Texto(Banda b) => Leyenda(b) is { Length: > 0 } l ? $"{Etiqueta(b)} — {l}" : Etiqueta(b);
}

/// <summary>Settings that change how an evaluation is judged.</summary>
public sealed record ConfiguracionEvaluacion(EsquemaBandas Bandas, MetodoEvaluacion Metodo = MetodoEvaluacion.Ceplan)
{
    public static ConfiguracionEvaluacion PorDefecto { get; } = new(EsquemaBandas.Nacional);

    public static ConfiguracionEvaluacion Desde(ConfiguracionEntidad c) => new(
        new EsquemaBandas(c.BandaMedioDesde, c.BandaAltoDesde)
        {
            EtiquetaBajo = c.EtiquetaBajo,
            EtiquetaMedio = c.EtiquetaMedio,
            EtiquetaAlto = c.EtiquetaAlto,
            LeyendaBajo = c.LeyendaBajo,
            LeyendaMedio = c.LeyendaMedio,
            LeyendaAlto = c.LeyendaAlto,
        },
        c.Metodo);
}

public static class MetodoEvaluacionTexto
{
    public static string Codigo(this MetodoEvaluacion m) => m switch
    {
        MetodoEvaluacion.Ceplan => "ceplan",
        MetodoEvaluacion.Ponderado => "ponderado",
        _ => throw new ArgumentOutOfRangeException(nameof(m)),
    };
}
