using System.Globalization;

namespace Sipoi.Interop.Archivos;

/// <summary>
/// How much of an Office or OpenDocument file SIPOI is willing to read: every .xlsx the POI import opens and every
/// Office/OpenDocument evidence file is held to these limits before (ZIP) and while (cells, texts) it is read, so a
/// small "zip bomb" cannot take the server's memory. The one place the numbers live; README.md says why each.
/// </summary>
public sealed record LimitesOffice
{
    /// <summary>The limits every reader uses unless a test asks for tighter ones.</summary>
    public static LimitesOffice Predeterminados { get; } = new();

    /// <summary>All the ZIP's entries, inflated (a 351-activity matrix is about 1 MB).</summary>
    public long DescomprimidoTotal { get; init; } = 50L * 1024 * 1024;

    /// <summary>One entry, inflated (one sheet's XML).</summary>
    public long DescomprimidoPorEntrada { get; init; } = 30L * 1024 * 1024;

    /// <summary>Inflated / compressed, for entries larger than <see cref="MinimoParaRazon"/>: sheet XML compresses 10–30×, a bomb 1000×.</summary>
    public int RazonCompresion { get; init; } = 100;

    /// <summary>Small entries may compress as they like: they cannot fill memory.</summary>
    public long MinimoParaRazon { get; init; } = 1024 * 1024;

    /// <summary>Entries in the ZIP (parts, images, relationships).</summary>
    public int Entradas { get; init; } = 5_000;

    /// <summary>Sheets in a workbook.</summary>
    public int Hojas { get; init; } = 200;

    /// <summary>Highest row number holding a value in one sheet.</summary>
    public int FilasPorHoja { get; init; } = 20_000;

    /// <summary>Cells holding a value in one row (the POI matrix has about 40 columns).</summary>
    public int CeldasPorFila { get; init; } = 1_000;

    /// <summary>Cells holding a value in the whole workbook.</summary>
    public int CeldasPorLibro { get; init; } = 500_000;

    /// <summary>Entries of the shared-strings table.</summary>
    public int TextosCompartidos { get; init; } = 200_000;

    /// <summary>Characters of one text: what one Excel cell can hold.</summary>
    public int LargoTexto { get; init; } = 32_767;

    /// <summary>Characters of all texts together (shared and inline strings).</summary>
    public long CaracteresTotales { get; init; } = 10_000_000;

    /// <summary>"50 MB", "1.5 MB", "800 KB": how the messages show a size limit.</summary>
    public static string Tamano(long bytes) => bytes >= 1024 * 1024
        ? (bytes / (1024m * 1024m)).ToString("#,0.#", CultureInfo.InvariantCulture) + " MB"
        : (bytes / 1024m).ToString("#,0.#", CultureInfo.InvariantCulture) + " KB";

    /// <summary>"20,000": how the messages show a count.</summary>
    public static string Numero(long n) => n.ToString("#,0", CultureInfo.InvariantCulture);
}
