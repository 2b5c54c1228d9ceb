using System.Buffers.Binary;
using System.Text;

namespace Sipoi.Interop.Archivos;

/// <summary>A legacy Office file (.doc, .xls, .ppt): an OLE compound file whose root names its main stream.</summary>
internal static class Ole
{
    public static ReadOnlySpan<byte> Firma => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>
    /// Names of the entries directly under the root of an OLE compound file (MS-CFB): the directory
    /// sectors are followed through the FAT listed in the header, and the root's children walked
    /// through their sibling tree, so a sheet embedded in a Word file does not make it a workbook.
    /// Never throws on bad input; what cannot be read is left out.
    /// </summary>
    public static HashSet<string> NombresRaiz(ReadOnlySpan<byte> c)
    {
        const uint finCadena = 0xFFFFFFFA; // this and above: end of chain, free, FAT or DIFAT sector
        const int maximoSectores = 100_000;
        var nombres = new HashSet<string>(StringComparer.Ordinal);
        if (c.Length < 512) return nombres;
        var desplazamiento = BinaryPrimitives.ReadUInt16LittleEndian(c[0x1E..]);
        if (desplazamiento is not (9 or 12)) return nombres;
        var sector = 1 << desplazamiento;

        long Inicio(uint s) => (s + 1L) * sector;
        static uint Siguiente(ReadOnlySpan<byte> c, uint s, int sector)
        {
            var porSectorFat = (uint)sector / 4;
            var indice = s / porSectorFat;
            if (indice >= 109) return uint.MaxValue; // beyond the header's DIFAT: not followed
            var fat = BinaryPrimitives.ReadUInt32LittleEndian(c[(0x4C + (int)indice * 4)..]);
            if (fat >= finCadena) return uint.MaxValue;
            var posicion = (fat + 1L) * sector + (s % porSectorFat) * 4L;
            return posicion + 4 <= c.Length ? BinaryPrimitives.ReadUInt32LittleEndian(c[(int)posicion..]) : uint.MaxValue;
        }

        var entradas = new List<(string Nombre, uint Izquierda, uint Derecha, uint Hijo)>();
        var actual = BinaryPrimitives.ReadUInt32LittleEndian(c[0x30..]);
        for (var k = 0; k < maximoSectores && actual < finCadena; k++)
        {
            var inicio = Inicio(actual);
            if (inicio + sector > c.Length) break;
            for (var e = 0; e < sector; e += 128)
            {
                var entrada = c.Slice((int)inicio + e, 128);
                var largo = Math.Min(BinaryPrimitives.ReadUInt16LittleEndian(entrada[0x40..]), (ushort)64);
                var nombre = largo >= 2 ? Encoding.Unicode.GetString(entrada[..(largo - 2)]) : "";
                entradas.Add((nombre, BinaryPrimitives.ReadUInt32LittleEndian(entrada[0x44..]),
                    BinaryPrimitives.ReadUInt32LittleEndian(entrada[0x48..]), BinaryPrimitives.ReadUInt32LittleEndian(entrada[0x4C..])));
            }
            actual = Siguiente(c, actual, sector);
        }
        if (entradas.Count == 0) return nombres;

        var pendientes = new Stack<uint>();
        var vistos = new HashSet<uint>();
        pendientes.Push(entradas[0].Hijo);
        while (pendientes.Count > 0)
        {
            var i = pendientes.Pop();
            if (i >= entradas.Count || !vistos.Add(i)) continue;
            var (nombre, izquierda, derecha, _) = entradas[(int)i];
            nombres.Add(nombre);
            pendientes.Push(izquierda);
            pendientes.Push(derecha);
        }
        return nombres;
    }
}
