using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Administracion;
using Sipoi.Web.Data;
using Sipoi.Web.Peis;
using Sipoi.Web.Seguridad;

namespace Sipoi.Web.Pages.Entidades;

/// <summary>What the national administrator types to set up an entity and its first Administrador.</summary>
public sealed class DatosEntidadNueva
{
    public string? Codigo { get; set; }
    public string? Nombre { get; set; }
    public string? Tipo { get; set; }
    public string? Siglas { get; set; }
    public string? NombreAdministrador { get; set; }
    public string? CorreoAdministrador { get; set; }
    /// <summary>Empty: one is generated and shown once.</summary>
    public string? Contrasena { get; set; }
}

/// <summary>
/// A new entity from nothing (README.md in this folder): the entity row and its first Administrador in one
/// transaction, so a refused password or a taken e-mail leaves no entity behind. Audited by the interceptor
/// (entidad, usuario and usuario_rol inserts, the national administrator as author).
/// </summary>
public static partial class AltaEntidad
{
    /// <summary>The kinds the exchange files and the reference documents name; the exchange carries the text as written.</summary>
    public static IReadOnlyList<string> Tipos { get; } =
    [
        "Municipalidad Provincial", "Municipalidad Distrital", "Gobierno Regional", "Empresa Municipal",
        "Empresa Prestadora de Servicios de Saneamiento", "Otra entidad pública",
    ];

    /// <summary>The code goes in every address (/e/CÓDIGO): letters, digits, point, hyphen and underscore only.</summary>
    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex CodigoEnDireccion();

    /// <summary>Creates both, or nothing: the errors, each naming its field, or none.</summary>
    public static async Task<List<string>> CrearAsync(SipoiDbContext db, UserManager<Usuario> usuarios, DatosEntidadNueva d, string contrasena,
        CancellationToken ct)
    {
        var (entidad, errores) = await EntidadAsync(db, d, ct);
        if (string.IsNullOrWhiteSpace(d.NombreAdministrador)) errores.Add("Nombre del administrador: es obligatorio.");
        if (string.IsNullOrWhiteSpace(d.CorreoAdministrador)) errores.Add("Correo del administrador: es obligatorio.");
        if (errores.Count > 0 || entidad is null) return errores;
        var codigo = entidad.Codigo;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Entidades.Add(entidad);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (EdicionPei.EsDuplicado(e))
        {
            db.Entry(entidad).State = EntityState.Detached;
            return [$"Código: ya existe la entidad {codigo}."];
        }
        var administrador = new DatosUsuario
        {
            Correo = d.CorreoAdministrador,
            Nombre = d.NombreAdministrador,
            Roles = [Roles.Administrador],
        };
        var cuenta = await CuentasUsuario.CrearAsync(db, usuarios, entidad.Id, administrador, contrasena, Rango.Nacional, ct);
        if (cuenta.Count > 0)
        {
            // The entity row was saved in this transaction: it goes with the rollback, and the context forgets it.
            db.Entry(entidad).State = EntityState.Detached;
            return [.. cuenta.Select(m => m.StartsWith("Correo:", StringComparison.Ordinal) || m.StartsWith("Nombre:", StringComparison.Ordinal)
                ? m.Replace(":", " del administrador:", StringComparison.Ordinal) : $"Administrador: {m}")];
        }
        await tx.CommitAsync(ct);
        return [];
    }

    /// <summary>
    /// The entity's own fields checked (code, kind, the domain's rules), each problem naming its field; the entity is not
    /// added to the context. Shared with `sipoi entidad` (an entity without administrator: the home of the first national one).
    /// </summary>
    public static async Task<(Entidad? Entidad, List<string> Errores)> EntidadAsync(SipoiDbContext db, DatosEntidadNueva d, CancellationToken ct)
    {
        var errores = new List<string>();
        var codigo = d.Codigo?.Trim() ?? "";
        if (codigo.Length > 0 && !CodigoEnDireccion().IsMatch(codigo))
            errores.Add($"Código: «{codigo}» no se admite; use solo letras sin tilde, números, punto, guion o guion bajo, sin espacios (el código va en la dirección de sus páginas, /e/CÓDIGO).");
        // EMSAPUNO and emsapuno would be two addresses for people to confuse: refused whatever the case.
        else if (codigo.Length > 0 && (await db.Entidades.Select(e => e.Codigo).ToListAsync(ct)).Any(c => string.Equals(c, codigo, StringComparison.OrdinalIgnoreCase)))
            errores.Add($"Código: ya existe la entidad {codigo}.");
        if (!string.IsNullOrWhiteSpace(d.Tipo) && !Tipos.Contains(d.Tipo.Trim()))
            errores.Add($"Tipo: «{d.Tipo.Trim()}» no es un tipo de entidad de la lista.");
        Entidad? entidad = null;
        try
        {
            entidad = new Entidad(codigo, d.Nombre ?? "", d.Tipo, d.Siglas);
        }
        catch (ReglaDominioException e)
        {
            errores.Add(e.Message);
        }
        return (errores.Count > 0 ? null : entidad, errores);
    }
}
