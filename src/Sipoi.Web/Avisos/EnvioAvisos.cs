using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using Sipoi.Web.Administracion;
using Sipoi.Web.Data;

namespace Sipoi.Web.Avisos;

/// <summary>
/// Sends the pending notices through the deployment's SMTP server (MailKit). Each batch is claimed with
/// SELECT … FOR UPDATE SKIP LOCKED inside a transaction held while it is sent, so two nodes never send the same row;
/// every row ends the batch sent, skipped (opt-out, deactivated user, no e-mail) or with its failure recorded and its
/// next attempt set (<see cref="Reintentos"/>). Without a configured server nothing is claimed: rows stay queued.
/// </summary>
public sealed class EnvioAvisos(SipoiDbContext db, IOptions<OpcionesAvisos> opciones, LinkGenerator enlaces, TimeProvider reloj,
    ILogger<EnvioAvisos> log)
{
    public const int TamanoLote = 20;

    /// <summary>At most this many batches per call, so one call ends even if rows keep arriving.</summary>
    private const int LotesPorLlamada = 50;

    /// <returns>How many rows this call handled (sent, skipped or failed).</returns>
    public async Task<int> EnviarPendientesAsync(CancellationToken ct)
    {
        var o = opciones.Value;
        if (!o.CorreoConfigurado) return 0;
        var total = 0;
        for (var i = 0; i < LotesPorLlamada; i++)
        {
            var (atendidos, sinConexion) = await EnviarLoteAsync(o, ct);
            total += atendidos;
            // An empty batch, or a server that cannot be reached: the rest waits for the next round.
            if (atendidos == 0 || sinConexion) break;
        }
        return total;
    }

    private async Task<(int Atendidos, bool SinConexion)> EnviarLoteAsync(OpcionesAvisos o, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var ahora = reloj.GetUtcNow();
        var pendiente = nameof(EstadoAviso.Pendiente);
        var lote = await db.AvisosCorreo
            .FromSql($"SELECT * FROM aviso_correo WHERE estado = {pendiente} AND proximo_intento <= {ahora} ORDER BY id LIMIT {TamanoLote} FOR UPDATE SKIP LOCKED")
            .ToListAsync(ct);
        if (lote.Count == 0) return (0, false);

        var ids = lote.Select(a => a.UsuarioId).Distinct().ToList();
        var usuarios = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.Email, u.NombreCompleto, u.LockoutEnd }).ToDictionaryAsync(u => u.Id, ct);
        var preferencias = await db.PreferenciasAvisos.AsNoTracking().Where(p => ids.Contains(p.UsuarioId)).ToDictionaryAsync(p => p.UsuarioId, ct);

        var porEnviar = new List<(AvisoCorreo Aviso, MimeMessage Mensaje)>();
        foreach (var a in lote)
        {
            var u = usuarios[a.UsuarioId];
            if (!PreferenciasAviso.Recibe(preferencias.GetValueOrDefault(a.UsuarioId), a.Tipo))
                a.Omitir("El usuario eligió no recibir este tipo de aviso.");
            else if (CuentasUsuario.EstadoDe(u.LockoutEnd, ahora) == CuentasUsuario.Estado.Desactivado)
                a.Omitir("El usuario está desactivado.");
            else if (string.IsNullOrWhiteSpace(u.Email) || !MailboxAddress.TryParse(u.Email, out var para))
                a.Omitir("El usuario no tiene un correo válido.");
            else
            {
                para.Name = u.NombreCompleto;
                porEnviar.Add((a, Mensaje(o, a, para)));
            }
        }

        var sinConexion = false;
        if (porEnviar.Count > 0)
        {
            using var smtp = new SmtpClient { Timeout = 30_000 };
            try
            {
                await smtp.ConnectAsync(o.Correo.Servidor!, o.Correo.Puerto, Seguridad(o.Correo.Seguridad), ct);
                if (!string.IsNullOrEmpty(o.Correo.Usuario)) await smtp.AuthenticateAsync(o.Correo.Usuario, o.Correo.Contrasena ?? "", ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                sinConexion = true;
                var error = $"No se pudo conectar con el servidor de correo {o.Correo.Servidor}:{o.Correo.Puerto}: {e.Message}";
                log.LogWarning("{Error} ({Cuantos} avisos quedan en cola).", error, porEnviar.Count);
                foreach (var (a, _) in porEnviar) a.RegistrarFallo(error, ahora);
            }
            if (!sinConexion)
            {
                foreach (var (a, m) in porEnviar)
                {
                    try
                    {
                        await smtp.SendAsync(m, ct);
                        a.MarcarEnviado(reloj.GetUtcNow());
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        a.RegistrarFallo($"El servidor de correo no aceptó el aviso: {e.Message}", ahora);
                        // A broken connection fails the rest of the batch too; each keeps its own record.
                        if (!smtp.IsConnected) sinConexion = true;
                        if (sinConexion) break;
                    }
                }
                if (sinConexion)
                    foreach (var (a, _) in porEnviar.Where(x => x.Aviso.Estado == EstadoAviso.Pendiente && x.Aviso.ProximoIntento <= ahora))
                        a.RegistrarFallo("Se perdió la conexión con el servidor de correo.", ahora);
                try { await smtp.DisconnectAsync(true, ct); }
                catch (Exception e) when (e is not OperationCanceledException) { log.LogDebug(e, "Cierre de la conexión SMTP."); }
            }
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (lote.Count, sinConexion);
    }

    private MimeMessage Mensaje(OpcionesAvisos o, AvisoCorreo a, MailboxAddress para)
    {
        var m = new MimeMessage();
        m.From.Add(MailboxAddress.Parse(o.Correo.Remitente!));
        m.To.Add(para);
        m.Subject = a.Asunto;
        m.Headers.Add("Auto-Submitted", "auto-generated");
        m.Body = new TextPart("plain") { Text = RedaccionAvisos.ConEnlaces(a.Cuerpo, Absoluta(o, a.Pagina, a.ValoresRuta()), Absoluta(o, PaginaPreferencias, null)) };
        return m;
    }

    public const string PaginaPreferencias = "/Cuenta/Avisos";

    /// <summary>Sipoi:UrlPublica followed by the page's path from its @page route (a path prefix of the public address is kept).</summary>
    private string Absoluta(OpcionesAvisos o, string pagina, IReadOnlyDictionary<string, string>? valores)
    {
        var ruta = new RouteValueDictionary();
        foreach (var (k, v) in valores ?? new Dictionary<string, string>()) ruta[k] = v;
        var camino = enlaces.GetPathByPage(pagina, handler: null, values: ruta)
            ?? throw new InvalidOperationException($"No hay ruta para la página {pagina}.");
        return o.UrlPublica!.TrimEnd('/') + camino;
    }

    private static SecureSocketOptions Seguridad(string? valor) => valor?.Trim().ToLowerInvariant() switch
    {
        "ninguna" => SecureSocketOptions.None,
        "starttls" => SecureSocketOptions.StartTls,
        "ssl" => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };
}
