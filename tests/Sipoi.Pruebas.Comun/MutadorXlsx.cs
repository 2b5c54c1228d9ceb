using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace Sipoi.Pruebas.Comun;

/// <summary>
/// Damages a valid .xlsx the ways files arrive damaged or hostile (issue 11 item 10): cut, bytes flipped, parts
/// missing or mangled, sheets missing or pointing nowhere, cells of the wrong type, huge numbers, DTDs, bombs and
/// lying headers. Deterministic for a given <see cref="Random"/>. Shared by the web tests.
/// </summary>
public static partial class MutadorXlsx
{
    public const int Tipos = 12;

    private static readonly string[] Numeros =
        ["1e308", "-1", "99999999999999999999999999999", "NaN", "1.7976931348623157E+309", "0.00001", "INF", "1,5", "", " ", "-0", "1e-400",
         "79228162514264337593543950336", "12.34567", "0x10", "١٢٣"];

    private const string Basura = "<>&\"'/= aZ9\u00f1\uFFFD\u0000\uD800";

    private static readonly string[] TiposCelda = ["b", "e", "str", "inlineStr", "n", "d", "s", "zz", ""];

    /// <summary>One mutation of <paramref name="xlsx"/>: what was done (for the failure message) and the resulting bytes.</summary>
    public static (string Descripcion, byte[] Archivo) Mutar(byte[] xlsx, Random azar, int? tipo = null)
    {
        switch (tipo ?? azar.Next(Tipos))
        {
            case 0:
                {
                    var largo = azar.Next(xlsx.Length);
                    return ($"truncado a {largo} bytes", xlsx[..largo]);
                }
            case 1:
                {
                    var copia = (byte[])xlsx.Clone();
                    var n = azar.Next(1, 9);
                    for (var i = 0; i < n; i++) copia[azar.Next(copia.Length)] ^= (byte)azar.Next(1, 256);
                    return ($"{n} bytes cambiados", copia);
                }
            case 2:
                {
                    var partes = Partes(xlsx);
                    var quitada = partes.Keys.ElementAt(azar.Next(partes.Count));
                    partes.Remove(quitada);
                    return ($"sin la parte {quitada}", Zip(partes));
                }
            case 3:
                {
                    var partes = Partes(xlsx);
                    var nombre = partes.Keys.Where(k => k.EndsWith(".xml", StringComparison.Ordinal) || k.EndsWith(".rels", StringComparison.Ordinal))
                        .ElementAt(azar.Next(partes.Count(p => p.Key.EndsWith(".xml", StringComparison.Ordinal) || p.Key.EndsWith(".rels", StringComparison.Ordinal))));
                    var texto = Encoding.UTF8.GetString(partes[nombre]);
                    var desde = azar.Next(texto.Length);
                    var largo = Math.Min(azar.Next(1, 40), texto.Length - desde);
                    var basura = new string(Enumerable.Range(0, azar.Next(0, 10)).Select(_ => Basura[azar.Next(Basura.Length)]).ToArray());
                    partes[nombre] = Encoding.UTF8.GetBytes(texto[..desde] + basura + texto[(desde + largo)..]);
                    return ($"XML de {nombre} dañado en {desde}", Zip(partes));
                }
            case 4:
                return Hoja(xlsx, azar, "números enormes o raros", (texto, a) => CeldaValor().Replace(texto,
                    m => a.Next(8) == 0 ? $"<v>{Numeros[a.Next(Numeros.Length)]}</v>" : m.Value));
            case 5:
                return Hoja(xlsx, azar, "tipos de celda cambiados", (texto, a) => AtributoTipo().Replace(texto,
                    m => a.Next(6) == 0 ? $" t=\"{TiposCelda[a.Next(TiposCelda.Length)]}\"" : m.Value));
            case 6:
                {
                    var partes = Partes(xlsx);
                    var libro = Encoding.UTF8.GetString(partes["xl/workbook.xml"]);
                    var hojas = Hoja_().Matches(libro);
                    if (hojas.Count == 0) return ("libro sin hojas", xlsx);
                    var h = hojas[azar.Next(hojas.Count)];
                    var (descripcion, reemplazo) = azar.Next(5) switch
                    {
                        0 => ("hoja quitada del libro", ""),
                        1 => ("hoja que apunta a una relación inexistente", RelacionHoja().Replace(h.Value, "r:id=\"rId999\"")),
                        2 => ("hoja oculta o de estado inválido", h.Value.Replace("<sheet ", $"<sheet state=\"{new[] { "hidden", "veryHidden", "raro" }[azar.Next(3)]}\" ", StringComparison.Ordinal)),
                        3 => ("hoja con nombre extraño", NombreHoja().Replace(h.Value, $"name=\"{new string('x', azar.Next(0, 300))}&amp;&quot;'\"")),
                        _ => ("hoja repetida", h.Value + h.Value),
                    };
                    partes["xl/workbook.xml"] = Encoding.UTF8.GetBytes(libro[..h.Index] + reemplazo + libro[(h.Index + h.Length)..]);
                    return (descripcion, Zip(partes));
                }
            case 7:
                return Hoja(xlsx, azar, "DTD con entidades", (texto, _) =>
                    DeclaracionXml().Replace(texto, "").Insert(0, "<?xml version=\"1.0\"?><!DOCTYPE lol [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>"));
            case 8:
                {
                    var partes = Partes(xlsx);
                    var hoja = partes.Keys.First(k => k.StartsWith("xl/worksheets/", StringComparison.Ordinal));
                    var megas = azar.Next(2) == 0 ? 40 : 3;
                    // Written straight into the ZIP, 64 KB of rows at a time: the bomb is cheap to build, as it is to send.
                    var filas = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<row><c><v>1</v></c></row>", 2520)));
                    partes.Remove(hoja);
                    void Escribir(Stream s)
                    {
                        s.Write("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"u8);
                        for (var n = 0; n < megas * 1024 * 1024 / filas.Length; n++) s.Write(filas);
                        s.Write("</sheetData></worksheet>"u8);
                    }
                    return ($"bomba de {megas} MB en {hoja}", Zip(partes, bomba: (hoja, Escribir)));
                }
            case 9:
                {
                    var copia = (byte[])xlsx.Clone();
                    var s = copia.AsSpan();
                    var fin = s.Length - 22;
                    while (fin > 0 && BinaryPrimitives.ReadUInt32LittleEndian(s[fin..]) != 0x06054B50) fin--;
                    var p = (int)BinaryPrimitives.ReadUInt32LittleEndian(s[(fin + 16)..]);
                    var k = azar.Next(BinaryPrimitives.ReadUInt16LittleEndian(s[(fin + 10)..]));
                    for (var i = 0; i < k; i++)
                        p += 46 + BinaryPrimitives.ReadUInt16LittleEndian(s[(p + 28)..]) + BinaryPrimitives.ReadUInt16LittleEndian(s[(p + 30)..])
                             + BinaryPrimitives.ReadUInt16LittleEndian(s[(p + 32)..]);
                    var declarado = (uint)azar.Next(0, 200);
                    BinaryPrimitives.WriteUInt32LittleEndian(s[(p + 24)..], declarado);
                    return ($"entrada {k} declara {declarado} bytes", copia);
                }
            case 10:
                return Hoja(xlsx, azar, "referencias fuera de Excel", (texto, a) => ReferenciaCelda().Replace(texto,
                    m => a.Next(10) == 0 ? new[] { " r=\"XFE1\"", " r=\"A0\"", " r=\"AAAAAAAAAAAAA1\"", " r=\"A1048577\"", " r=\"\"", " r=\"1A\"" }[a.Next(6)] : m.Value)
                    .Replace("<row r=\"1\"", a.Next(2) == 0 ? "<row r=\"0\"" : "<row r=\"99999999999\"", StringComparison.Ordinal));
            default:
                {
                    var partes = Partes(xlsx);
                    var hoja = partes.Keys.First(k => k.StartsWith("xl/worksheets/", StringComparison.Ordinal));
                    return ("parte repetida en el ZIP", Zip(partes, repetida: hoja));
                }
        }
    }

    private static (string, byte[]) Hoja(byte[] xlsx, Random azar, string descripcion, Func<string, Random, string> cambio)
    {
        var partes = Partes(xlsx);
        var hojas = partes.Keys.Where(k => k.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal)).ToList();
        var hoja = hojas[azar.Next(hojas.Count)];
        partes[hoja] = Encoding.UTF8.GetBytes(cambio(Encoding.UTF8.GetString(partes[hoja]), azar));
        return ($"{descripcion} en {hoja}", Zip(partes));
    }

    public static Dictionary<string, byte[]> Partes(byte[] xlsx)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx), ZipArchiveMode.Read);
        var partes = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var e in zip.Entries)
        {
            using var s = e.Open();
            var ms = new MemoryStream();
            s.CopyTo(ms);
            partes[e.FullName] = ms.ToArray();
        }
        return partes;
    }

    public static byte[] Zip(Dictionary<string, byte[]> partes, string? repetida = null, (string Nombre, Action<Stream> Escribir)? bomba = null)
    {
        var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            if (bomba is { } b)
            {
                using var s = zip.CreateEntry(b.Nombre, CompressionLevel.Fastest).Open();
                b.Escribir(s);
            }
            foreach (var (nombre, bytes) in partes)
            {
                using (var s = zip.CreateEntry(nombre, CompressionLevel.Fastest).Open()) s.Write(bytes);
                if (nombre == repetida)
                {
                    using var s2 = zip.CreateEntry(nombre, CompressionLevel.Fastest).Open();
                    s2.Write(Encoding.UTF8.GetBytes("<worksheet/>"));
                }
            }
        }
        return ms.ToArray();
    }

    [GeneratedRegex("^\uFEFF?<\\?xml[^>]*\\?>")]
    private static partial Regex DeclaracionXml();

    [GeneratedRegex("<v>[^<]*</v>")]
    private static partial Regex CeldaValor();

    [GeneratedRegex(" t=\"[^\"]*\"")]
    private static partial Regex AtributoTipo();

    [GeneratedRegex("<sheet [^>]*/>")]
    private static partial Regex Hoja_();

    [GeneratedRegex("r:id=\"[^\"]*\"")]
    private static partial Regex RelacionHoja();

    [GeneratedRegex("name=\"[^\"]*\"")]
    private static partial Regex NombreHoja();

    [GeneratedRegex(" r=\"[A-Z]+[0-9]+\"")]
    private static partial Regex ReferenciaCelda();
}
