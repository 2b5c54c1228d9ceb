using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Sipoi.Interop.Intercambio;

namespace Sipoi.Interop.ImportacionExcel;

/// <summary>
/// One problem of the workbook, located as the office will look for it:
/// "Hoja 'FP 06', fila 14, columna F (Mar): «abc» no es un número."
/// </summary>
/// <param name="Hoja">Sheet name; null for the workbook as a whole.</param>
/// <param name="Columna">Column letter ("F"); null for the whole row or sheet.</param>
/// <param name="Titulo">The column's heading as the reader understood it ("Mar", "Meta", "I Trimestre").</param>
public sealed record ErrorExcel(string? Hoja, int? Fila, string? Columna, string? Titulo, string Mensaje)
{
    public override string ToString()
    {
        var partes = new List<string>(3);
        if (Hoja is not null) partes.Add($"Hoja '{Hoja}'");
        if (Fila is { } f) partes.Add("fila " + f.ToString(CultureInfo.InvariantCulture));
        if (Columna is not null) partes.Add(Titulo is null ? $"columna {Columna}" : $"columna {Columna} ({Titulo})");
        return partes.Count == 0 ? Mensaje : $"{string.Join(", ", partes)}: {Mensaje}";
    }
}

/// <summary>What one sheet of the workbook became: its ficha (null for a cost-centre sheet), its cost centre and how many activities.</summary>
public sealed record HojaPoiExcel(string Hoja, string? Ficha, string? CentroCosto, int Actividades);

/// <summary>Either the POI read from the workbook (every check passed) or every error found, never both.</summary>
public sealed record ResultadoPoiExcel
{
    /// <summary>The POI to import: the current POI's version data and budget with the workbook's activities.</summary>
    public PoiDto? Poi { get; }

    public IReadOnlyList<ErrorExcel> Errores { get; }

    /// <summary>The sheets that hold an activity table, in workbook order.</summary>
    public IReadOnlyList<HojaPoiExcel> Hojas { get; }

    /// <summary>Sheets left out, with the reason ("sin tabla de actividades", "oculta").</summary>
    public IReadOnlyList<string> HojasIgnoradas { get; }

    [MemberNotNullWhen(true, nameof(Poi))]
    public bool EsValido => Poi is not null;

    internal ResultadoPoiExcel(PoiDto? poi, IReadOnlyList<ErrorExcel> errores, IReadOnlyList<HojaPoiExcel> hojas, IReadOnlyList<string> ignoradas)
    {
        Poi = errores.Count == 0 ? poi : null;
        Errores = errores;
        Hojas = hojas;
        HojasIgnoradas = ignoradas;
    }
}
