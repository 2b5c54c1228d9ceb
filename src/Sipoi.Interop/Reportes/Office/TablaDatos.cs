using Sipoi.Domain.Evaluacion;

namespace Sipoi.Interop.Reportes.Office;

/// <summary>
/// A report table described once and drawn by the Excel writer (a sheet), the Word writer (an annex) and the web page
/// (Pages/Evaluacion/Seguimiento), so the monitoring tables cannot drift apart between the files and the screen.
/// </summary>
public sealed record TablaDatos(string Nombre, string Titulo, IReadOnlyList<ColumnaDatos> Columnas, IReadOnlyList<FilaDatos> Filas)
{
    public FilaDatos? Total { get; init; }
    public string? Nota { get; init; }
}

/// <param name="Ancho">Width in characters (Excel); Word takes the proportions.</param>
public sealed record ColumnaDatos(string Titulo, double Ancho, bool Numerica = false);

public sealed record FilaDatos(IReadOnlyList<ValorDatos> Celdas, bool Resaltada = false);

/// <summary><see cref="PorcentajeEntero"/>: a percentage shown as a whole number (94 %), the value kept exact.</summary>
public enum FormatoDatos { Entero, Decimal, Porcentaje, PorcentajeEntero }

public abstract record ValorDatos
{
    public static ValorDatos Texto(string? texto, bool centrado = false) => new TextoDatos(texto ?? "", centrado);

    public static ValorDatos Numero(decimal? valor, FormatoDatos formato, string siNulo = "—") =>
        valor is null ? new TextoDatos(siNulo, true) : new NumeroDatos(valor.Value, formato);

    public static ValorDatos Entero(int valor) => new NumeroDatos(valor, FormatoDatos.Entero);

    public static ValorDatos Porcentaje(decimal? valor, string siNulo = "—", bool entero = false) =>
        Numero(valor, entero ? FormatoDatos.PorcentajeEntero : FormatoDatos.Porcentaje, siNulo);

    /// <summary>Operational band as text (with the entity's legend) on its colour; "—" (no fill) for a group without value.</summary>
    public static ValorDatos Banda(EsquemaBandas esquema, Banda? banda) =>
        new BandaDatos(banda, banda is { } b ? esquema.Texto(b) : "—", false);

    /// <summary>Strategic band: as <see cref="Banda"/>, but a missing value is ND on grey.</summary>
    public static ValorDatos BandaLogro(EsquemaBandas esquema, Banda? banda) =>
        new BandaDatos(banda, banda is { } b ? esquema.Texto(b) : "ND", banda is null);

    /// <summary>Sum of this column over the data rows (a SUM formula in Excel), with its computed value.</summary>
    public static ValorDatos SumaColumna(decimal valor, FormatoDatos formato) => new SumaDatos(valor, formato, null, null);

    /// <summary>Sum of columns <paramref name="desde"/>..<paramref name="hasta"/> (0-based) of the same row.</summary>
    public static ValorDatos SumaFila(decimal valor, FormatoDatos formato, int desde, int hasta) => new SumaDatos(valor, formato, desde, hasta);
}

public sealed record TextoDatos(string Contenido, bool Centrado) : ValorDatos;

public sealed record NumeroDatos(decimal Valor, FormatoDatos Formato) : ValorDatos;

public sealed record BandaDatos(Banda? Valor, string Contenido, bool Nd) : ValorDatos;

public sealed record SumaDatos(decimal Valor, FormatoDatos Formato, int? Desde, int? Hasta) : ValorDatos;
