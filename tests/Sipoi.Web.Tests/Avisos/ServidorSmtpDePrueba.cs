using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace Sipoi.Web.Tests.Avisos;

/// <summary>
/// A real SMTP listener on 127.0.0.1 for the notices' tests: it speaks enough SMTP (EHLO, MAIL, RCPT, DATA, RSET, NOOP, QUIT)
/// for MailKit, keeps every message it accepts, and can be stopped (connections refused: "the server is down") and started
/// again on the same port. The app's sending code runs unchanged against it.
/// </summary>
public sealed class ServidorSmtpDePrueba : IAsyncDisposable
{
    public sealed record Recibido(string De, IReadOnlyList<string> Para, MimeMessage Mensaje)
    {
        public string Texto => Mensaje.TextBody ?? "";
        public string Asunto => Mensaje.Subject ?? "";
    }

    private readonly ConcurrentQueue<Recibido> _recibidos = new();
    private TcpListener? _escucha;
    private CancellationTokenSource? _fin;
    private Task? _bucle;

    public int Puerto { get; private set; }
    public IReadOnlyList<Recibido> Recibidos => _recibidos.ToList();
    public IReadOnlyList<Recibido> Para(string correo) =>
        Recibidos.Where(r => r.Para.Contains(correo, StringComparer.OrdinalIgnoreCase)).ToList();

    public void Iniciar()
    {
        var escucha = new TcpListener(IPAddress.Loopback, Puerto);
        escucha.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        escucha.Start();
        Puerto = ((IPEndPoint)escucha.LocalEndpoint).Port;
        _escucha = escucha;
        _fin = new CancellationTokenSource();
        _bucle = AceptarAsync(escucha, _fin.Token);
    }

    public async Task DetenerAsync()
    {
        if (_escucha is null) return;
        await _fin!.CancelAsync();
        _escucha.Stop();
        try { await _bucle!; } catch (OperationCanceledException) { } catch (SocketException) { } catch (ObjectDisposedException) { }
        _escucha = null;
    }

    private async Task AceptarAsync(TcpListener escucha, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            var cliente = await escucha.AcceptTcpClientAsync(ct);
            _ = Task.Run(() => AtenderAsync(cliente, ct), ct);
        }
    }

    private async Task AtenderAsync(TcpClient cliente, CancellationToken ct)
    {
        using var _ = cliente;
        var flujo = cliente.GetStream();
        // Latin-1 maps bytes one to one: the message is given back to MimeKit exactly as it travelled (7-bit, as no 8BITMIME is offered).
        using var lector = new StreamReader(flujo, Encoding.Latin1);
        await using var escritor = new StreamWriter(flujo, Encoding.Latin1) { NewLine = "\r\n", AutoFlush = true };
        await escritor.WriteLineAsync("220 smtp.prueba ESMTP");
        string? de = null;
        var para = new List<string>();
        while (!ct.IsCancellationRequested && await lector.ReadLineAsync(ct) is { } linea)
        {
            var orden = linea.Length >= 4 ? linea[..4].ToUpperInvariant() : linea.ToUpperInvariant();
            switch (orden)
            {
                case "EHLO":
                    await escritor.WriteLineAsync("250-smtp.prueba");
                    await escritor.WriteLineAsync("250 HELP");
                    break;
                case "HELO":
                case "NOOP":
                    await escritor.WriteLineAsync("250 OK");
                    break;
                case "RSET":
                    (de, para) = (null, []);
                    await escritor.WriteLineAsync("250 OK");
                    break;
                case "MAIL":
                    de = Direccion(linea);
                    await escritor.WriteLineAsync("250 OK");
                    break;
                case "RCPT":
                    para.Add(Direccion(linea));
                    await escritor.WriteLineAsync("250 OK");
                    break;
                case "DATA":
                    await escritor.WriteLineAsync("354 Termine con <CRLF>.<CRLF>");
                    var datos = new StringBuilder();
                    while (await lector.ReadLineAsync(ct) is { } l && l != ".")
                        datos.Append(l.StartsWith("..", StringComparison.Ordinal) ? l[1..] : l).Append("\r\n");
                    using (var m = new MemoryStream(Encoding.Latin1.GetBytes(datos.ToString())))
                        _recibidos.Enqueue(new Recibido(de ?? "", para.ToList(), await MimeMessage.LoadAsync(m, ct)));
                    (de, para) = (null, []);
                    await escritor.WriteLineAsync("250 OK en cola");
                    break;
                case "QUIT":
                    await escritor.WriteLineAsync("221 Adiós");
                    return;
                default:
                    await escritor.WriteLineAsync("502 Orden no implementada");
                    break;
            }
        }
    }

    private static string Direccion(string linea)
    {
        var i = linea.IndexOf('<');
        var j = linea.IndexOf('>', i + 1);
        return i >= 0 && j > i ? linea[(i + 1)..j] : linea[(linea.IndexOf(':') + 1)..].Trim();
    }

    public async ValueTask DisposeAsync() => await DetenerAsync();
}
