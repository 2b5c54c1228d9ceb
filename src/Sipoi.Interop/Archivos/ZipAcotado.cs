using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Sipoi.Interop.Archivos;

/// <summary>One entry of a checked ZIP: its name and its size once inflated (counted, not only declared).</summary>
public sealed record EntradaZip(string Nombre, long Tamano);

/// <summary>A ZIP that passed <see cref="ZipAcotado.Inspeccionar"/>, or why it did not.</summary>
/// <param name="Daniado">The bytes are not a complete ZIP (as opposed to a ZIP refused by a limit, whose message says which).</param>
public sealed record InspeccionZip(IReadOnlyList<EntradaZip> Entradas, string? Error, bool Daniado = false)
{
    public bool Valido => Error is null;
}

/// <summary>
/// Checks a ZIP (an .xlsx, .docx, .odt …) against <see cref="LimitesOffice"/> before anything parses it: first what
/// its central directory declares (entries, sizes, compression ratio), then what each entry really inflates to,
/// counted while inflating — a declared size can lie, and a reader that trusts it is the bomb's way in. Finally
/// .NET's own ZipArchive must see the same entries with the same sizes, so the reader that follows reads exactly
/// what was counted. Never throws on bad input.
/// </summary>
public static class ZipAcotado
{
    private const uint FirmaLocal = 0x04034B50, FirmaCentral = 0x02014B50, FirmaFin = 0x06054B50;

    public static bool PareceZip(ReadOnlySpan<byte> c) => c.Length >= 4 && BinaryPrimitives.ReadUInt32LittleEndian(c) == FirmaLocal;

    public static InspeccionZip Inspeccionar(byte[] c, LimitesOffice l)
    {
        try
        {
            return InspeccionarSinCapturar(c, l);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or ArgumentException or NotSupportedException
                                      or IndexOutOfRangeException or OverflowException)
        {
            return new InspeccionZip([], Daniado, true);
        }
    }

    private const string Daniado = "El archivo está dañado o no es un archivo ZIP completo (¿se cortó al copiarlo o descargarlo?).";

    private static InspeccionZip Falla(string mensaje) => new([], mensaje);

    private static InspeccionZip InspeccionarSinCapturar(byte[] c, LimitesOffice l)
    {
        if (!PareceZip(c)) return new InspeccionZip([], Daniado, true);
        var fin = -1;
        for (var i = c.Length - 22; i >= 0 && i >= c.Length - 22 - 65_535; i--)
            if (BinaryPrimitives.ReadUInt32LittleEndian(c.AsSpan(i)) == FirmaFin) { fin = i; break; }
        if (fin < 0) return new InspeccionZip([], Daniado, true);
        var total = BinaryPrimitives.ReadUInt16LittleEndian(c.AsSpan(fin + 10));
        var posicion = (long)BinaryPrimitives.ReadUInt32LittleEndian(c.AsSpan(fin + 16));
        if (total == 0xFFFF || posicion == 0xFFFFFFFF)
            return Falla("El archivo usa el formato ZIP64, que SIPOI no lee en un documento de oficina: guárdelo de nuevo desde Excel, Word o LibreOffice.");
        if (total > l.Entradas)
            return Falla($"El archivo tiene {LimitesOffice.Numero(total)} partes internas; el máximo es {LimitesOffice.Numero(l.Entradas)}. No se leyó nada.");

        var entradas = new List<(string Nombre, int Metodo, long Comprimido, long Declarado, long Local)>(total);
        long declaradoTotal = 0;
        for (var k = 0; k < total; k++)
        {
            if (posicion + 46 > c.Length || BinaryPrimitives.ReadUInt32LittleEndian(c.AsSpan((int)posicion)) != FirmaCentral) return new InspeccionZip([], Daniado, true);
            var e = c.AsSpan((int)posicion);
            var banderas = BinaryPrimitives.ReadUInt16LittleEndian(e[8..]);
            var metodo = BinaryPrimitives.ReadUInt16LittleEndian(e[10..]);
            long comprimido = BinaryPrimitives.ReadUInt32LittleEndian(e[20..]);
            long declarado = BinaryPrimitives.ReadUInt32LittleEndian(e[24..]);
            int largoNombre = BinaryPrimitives.ReadUInt16LittleEndian(e[28..]), extra = BinaryPrimitives.ReadUInt16LittleEndian(e[30..]),
                comentario = BinaryPrimitives.ReadUInt16LittleEndian(e[32..]);
            long local = BinaryPrimitives.ReadUInt32LittleEndian(e[42..]);
            if (posicion + 46 + largoNombre > c.Length) return new InspeccionZip([], Daniado, true);
            var nombre = Encoding.UTF8.GetString(c, (int)posicion + 46, largoNombre);
            posicion += 46L + largoNombre + extra + comentario;

            if ((banderas & 1) != 0)
                return Falla($"La parte «{Recortar(nombre)}» del archivo está cifrada: quite la contraseña y guárdelo de nuevo.");
            if (comprimido == 0xFFFFFFFF || declarado == 0xFFFFFFFF || local == 0xFFFFFFFF)
                return Falla("El archivo usa el formato ZIP64, que SIPOI no lee en un documento de oficina: guárdelo de nuevo desde Excel, Word o LibreOffice.");
            if (metodo is not (0 or 8))
                return Falla($"La parte «{Recortar(nombre)}» del archivo está comprimida con un método que SIPOI no lee (solo «deflate» o sin compresión).");
            if (declarado > l.DescomprimidoPorEntrada) return PorEntrada(nombre, l);
            declaradoTotal += declarado;
            if (declaradoTotal > l.DescomprimidoTotal) return PorTotal(l);
            if (declarado > l.MinimoParaRazon && declarado > comprimido * l.RazonCompresion) return PorRazon(nombre, l);
            entradas.Add((nombre, metodo, comprimido, declarado, local));
        }

        // What the entries really inflate to, counted while inflating and never past what they declare.
        var buffer = new byte[64 * 1024];
        foreach (var (nombre, metodo, comprimido, declarado, local) in entradas)
        {
            if (local + 30 > c.Length || BinaryPrimitives.ReadUInt32LittleEndian(c.AsSpan((int)local)) != FirmaLocal) return new InspeccionZip([], Daniado, true);
            var inicio = local + 30 + BinaryPrimitives.ReadUInt16LittleEndian(c.AsSpan((int)local + 26))
                         + BinaryPrimitives.ReadUInt16LittleEndian(c.AsSpan((int)local + 28));
            if (inicio + comprimido > c.Length) return new InspeccionZip([], Daniado, true);
            long real;
            if (metodo == 0) real = comprimido;
            else
            {
                using var inflado = new DeflateStream(new MemoryStream(c, (int)inicio, (int)comprimido, writable: false), CompressionMode.Decompress);
                real = 0;
                int n;
                while ((n = inflado.Read(buffer, 0, (int)Math.Min(buffer.Length, declarado + 1 - real))) > 0)
                {
                    real += n;
                    if (real > declarado) break;
                }
            }
            if (real > declarado)
                return Falla($"La parte «{Recortar(nombre)}» del archivo declara {LimitesOffice.Numero(declarado)} bytes pero al descomprimirla ocupa más: " +
                             "el archivo está manipulado o dañado y no se leyó.");
            if (real < declarado) return new InspeccionZip([], Daniado, true);
        }

        // The reader that follows goes through ZipArchive: it must see exactly these entries.
        using var zip = new ZipArchive(new MemoryStream(c, writable: false), ZipArchiveMode.Read);
        if (zip.Entries.Count != entradas.Count) return new InspeccionZip([], Daniado, true);
        for (var i = 0; i < entradas.Count; i++)
            if (zip.Entries[i].FullName != entradas[i].Nombre || zip.Entries[i].Length != entradas[i].Declarado) return new InspeccionZip([], Daniado, true);
        return new InspeccionZip(entradas.Select(e => new EntradaZip(e.Nombre, e.Declarado)).ToList(), null);
    }

    /// <summary>An entry's bytes, from a ZIP that already passed <see cref="Inspeccionar"/> (so its size is known and bounded); null when absent.</summary>
    public static byte[]? Leer(byte[] c, string nombre)
    {
        using var zip = new ZipArchive(new MemoryStream(c, writable: false), ZipArchiveMode.Read);
        if (zip.GetEntry(nombre) is not { } e) return null;
        using var s = e.Open();
        var ms = new MemoryStream((int)e.Length);
        s.CopyTo(ms);
        return ms.ToArray();
    }

    private static InspeccionZip PorTotal(LimitesOffice l) =>
        Falla($"El archivo descomprimido supera {LimitesOffice.Tamano(l.DescomprimidoTotal)}, el máximo que SIPOI lee; no se leyó nada. " +
              "Quite las hojas, imágenes o datos que no corresponden y vuelva a intentarlo.");

    private static InspeccionZip PorEntrada(string nombre, LimitesOffice l) =>
        Falla($"La parte «{Recortar(nombre)}» del archivo descomprimida supera {LimitesOffice.Tamano(l.DescomprimidoPorEntrada)}, el máximo por parte; no se leyó nada.");

    private static InspeccionZip PorRazon(string nombre, LimitesOffice l) =>
        Falla($"La parte «{Recortar(nombre)}» del archivo se descomprime a más de {LimitesOffice.Numero(l.RazonCompresion)} veces su tamaño: " +
              "parece un archivo «bomba» de compresión y no se leyó.");

    internal static string Recortar(string s) => s.Length <= 60 ? s : s[..59] + "…";
}
