using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Sipoi.Web.Auditoria;

/// <summary>
/// CSV as RFC 4180 writes it (comma, CRLF, quotes doubled inside quoted fields), in UTF-8 with a
/// byte-order mark so Excel opens accents and "N.º" right. Written by hand: a dozen lines, no package.
/// </summary>
public static class Csv
{
    public static ReadOnlySpan<byte> Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>
    /// One field. A text that a spreadsheet would run as a formula (=, +, -, @ first) gets a leading
    /// apostrophe: audit values are typed by users and must never execute when the file is opened. A negative
    /// number as the offices write it (-1,234.50, read by the one typed-number reader) stays as it is.
    /// </summary>
    public static string Campo(string? valor)
    {
        if (string.IsNullOrEmpty(valor)) return "";
        if (valor[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !NumeroEscrito.TryLeer(valor, out _))
            valor = "'" + valor;
        return valor.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + valor.Replace("\"", "\"\"") + "\"" : valor;
    }

    public static string Linea(IEnumerable<string?> campos) => string.Join(",", campos.Select(Campo)) + "\r\n";
}

/// <summary>Streams rows as a CSV download: a long audit export never sits whole in memory.</summary>
public sealed class ResultadoCsv(string archivo, IReadOnlyList<string> encabezados, IAsyncEnumerable<string?[]> filas) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        var respuesta = context.HttpContext.Response;
        respuesta.ContentType = "text/csv; charset=utf-8";
        var disposicion = new ContentDispositionHeaderValue("attachment");
        disposicion.SetHttpFileName(archivo);
        respuesta.Headers.ContentDisposition = disposicion.ToString();
        var ct = context.HttpContext.RequestAborted;
        await respuesta.Body.WriteAsync(Csv.Bom.ToArray(), ct);
        await using var escritor = new StreamWriter(respuesta.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 16 * 1024);
        await escritor.WriteAsync(Csv.Linea(encabezados).AsMemory(), ct);
        await foreach (var fila in filas.WithCancellation(ct)) await escritor.WriteAsync(Csv.Linea(fila).AsMemory(), ct);
        await escritor.FlushAsync(ct);
    }
}
