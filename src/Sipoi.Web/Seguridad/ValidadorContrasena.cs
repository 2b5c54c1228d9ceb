using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Identity;

namespace Sipoi.Web.Seguridad;

/// <summary>
/// Beyond length (Identity's 10 characters, 4 distinct): no password from the list of the 10,000 most used
/// (contrasenas-comunes.txt, its origin and licence beside it), nor one of them with digits or symbols added
/// before or after ("password12", "Dragon2024!"), nor one that contains the user's own e-mail, the name
/// before the @ or a word of its name (NIST SP 800-63B: refuse known and context-specific passwords). Every
/// place a password is set goes through Identity's validators: log-in pages, the administrator's forms and
/// reset, and `./sipoi usuario`.
/// </summary>
public sealed class ValidadorContrasena : IPasswordValidator<Usuario>
{
    public const string MensajeComun = "La contraseña es una de las más usadas (o una de ellas con números o símbolos añadidos): " +
        "elija otra, por ejemplo una frase de varias palabras.";
    public const string MensajePropia = "La contraseña no puede contener su correo ni su nombre.";

    /// <summary>Words too obvious here that the English list does not hold.</summary>
    private static readonly string[] Locales = ["sipoi", "contrasena", "clave", "peru", "administrador", "planificador", "municipalidad", "bienvenido"];

    private static readonly Lazy<FrozenSet<string>> Comunes = new(Cargar);

    private static FrozenSet<string> Cargar()
    {
        using var s = typeof(ValidadorContrasena).Assembly.GetManifestResourceStream("Sipoi.Seguridad.contrasenas-comunes.txt")
            ?? throw new InvalidOperationException("Falta la lista de contraseñas comunes.");
        using var r = new StreamReader(s);
        var lista = new List<string>(Locales);
        while (r.ReadLine() is { } linea)
            if (linea.Length > 0) lista.Add(Normalizar(linea));
        return lista.ToFrozenSet(StringComparer.Ordinal);
    }

    public Task<IdentityResult> ValidateAsync(UserManager<Usuario> manager, Usuario user, string? password)
    {
        var errores = new List<IdentityError>();
        var p = Normalizar(password ?? "");
        if (EsComun(p)) errores.Add(new IdentityError { Code = "ContrasenaComun", Description = MensajeComun });
        if (ContieneDatosPropios(p, user)) errores.Add(new IdentityError { Code = "ContrasenaPropia", Description = MensajePropia });
        return Task.FromResult(errores.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errores]));
    }

    /// <summary>The password, or its core once the digits and symbols around it are taken away, is in the list.</summary>
    public static bool EsComun(string normalizada)
    {
        if (Comunes.Value.Contains(normalizada)) return true;
        var nucleo = normalizada.Trim(Relleno);
        return nucleo.Length >= 4 && Comunes.Value.Contains(nucleo);
    }

    private static readonly char[] Relleno = [.. "0123456789 !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~¡¿"];

    private static bool ContieneDatosPropios(string p, Usuario u)
    {
        var sinSeparadores = new string([.. p.Where(char.IsLetterOrDigit)]);
        return Partes(u).Any(parte => p.Contains(parte, StringComparison.Ordinal) || sinSeparadores.Contains(parte, StringComparison.Ordinal));
    }

    /// <summary>The e-mail, the name before the @ (with and without its dots) and each of its pieces and of the name's words of 4+ letters.</summary>
    private static IEnumerable<string> Partes(Usuario u)
    {
        var correo = Normalizar(u.Email ?? u.UserName ?? "");
        if (correo.Length > 0) yield return correo;
        var local = correo.Split('@')[0];
        var piezasLocal = local.Split(['.', '_', '-', '+'], StringSplitOptions.RemoveEmptyEntries);
        var palabras = Normalizar(u.NombreCompleto ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        foreach (var parte in new[] { local, string.Concat(piezasLocal) }.Concat(piezasLocal).Concat(palabras))
            if (parte.Length >= 4) yield return parte;
    }

    /// <summary>Lower case without accents: «Contraseña» and «contrasena» are the same word to a guesser.</summary>
    public static string Normalizar(string texto)
    {
        var sb = new StringBuilder(texto.Length);
        foreach (var c in texto.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD))
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) sb.Append(c);
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }
}
