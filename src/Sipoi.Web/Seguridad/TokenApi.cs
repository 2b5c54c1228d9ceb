using System.Security.Cryptography;
using System.Text;

namespace Sipoi.Web.Seguridad;

/// <summary>
/// A personal API token: another system calls /api/v1 as this user, with this user's roles and cost
/// centres. Only the SHA-256 of the secret is stored; the secret is shown once, when it is created.
/// A token is revoked, never edited; a revoked token stays listed (who had access, until when).
/// </summary>
public sealed class TokenApi
{
    public const string Prefijo = "sipoi_";
    public const int LargoMaximoNombre = 100;

    public int Id { get; private set; }
    public int EntidadId { get; private set; }
    public int UsuarioId { get; private set; }
    /// <summary>What the token is for ("Integración SIAF"), so its owner can tell tokens apart.</summary>
    public string Nombre { get; private set; } = null!;
    /// <summary>SHA-256 of the whole secret, lower-case hex. The secret has 256 random bits, so no salt or slow hash is needed.</summary>
    public string Hash { get; private set; } = null!;
    public DateTimeOffset Creado { get; private set; }
    public DateTimeOffset? UltimoUso { get; private set; }
    public DateTimeOffset? Revocado { get; private set; }

    private TokenApi() { }

    /// <summary>A new token for <paramref name="usuario"/>; returns it with its secret ("sipoi_" + 43 base64url characters), to show once.</summary>
    public static (TokenApi Token, string Secreto) Crear(Usuario usuario, string? nombre, DateTimeOffset ahora)
    {
        if (string.IsNullOrWhiteSpace(nombre)) throw new ReglaDominioException("Escriba un nombre para el token (para qué sistema es).");
        var limpio = nombre.Trim();
        if (limpio.Length > LargoMaximoNombre) throw new ReglaDominioException($"El nombre del token no puede pasar de {LargoMaximoNombre} caracteres.");
        var secreto = Prefijo + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (new TokenApi { EntidadId = usuario.EntidadId, UsuarioId = usuario.Id, Nombre = limpio, Hash = Resumen(secreto), Creado = ahora }, secreto);
    }

    public static string Resumen(string secreto) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secreto)));

    public bool Activo => Revocado is null;

    public void Revocar(DateTimeOffset ahora) => Revocado ??= ahora;
}
