using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Data;
using Sipoi.Web.Seguridad;

namespace Sipoi.Web.Administracion;

/// <summary>What the administrator types for a user: the same fields create and edit it.</summary>
public sealed class DatosUsuario
{
    public string? Correo { get; set; }
    public string? Nombre { get; set; }
    public List<string> Roles { get; set; } = [];
    public List<int> Centros { get; set; } = [];
    /// <summary>Only when creating: empty means "generate one and show it once".</summary>
    public string? Contrasena { get; set; }
}

/// <summary>
/// Creating and changing the entity's users through Identity (README.md in this folder). Every change
/// is one transaction: Identity saves step by step (user, then each role), so a refusal half-way rolls
/// everything back and nothing changes. The audit interceptor records usuario, usuario_rol and
/// usuario_centro_costo rows (never the hash or the stamps).
/// </summary>
public static class CuentasUsuario
{
    /// <summary>Deactivation is a lock-out until this day: Identity then refuses every log-in and API token, and the row stays for the audit log.</summary>
    public static readonly DateTimeOffset DesactivadoHasta = new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero);

    public enum Estado { Activo, Bloqueado, Desactivado }

    public static Estado EstadoDe(DateTimeOffset? finBloqueo, DateTimeOffset ahora) =>
        finBloqueo is not { } f || f <= ahora ? Estado.Activo : f.Year >= DesactivadoHasta.Year ? Estado.Desactivado : Estado.Bloqueado;

    /// <summary>16 characters from an alphabet without look-alikes (0/O, 1/l/I), about 93 bits; meets the 10-character, 4-distinct policy.</summary>
    public static string GenerarContrasena()
    {
        const string alfabeto = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
        string c;
        do c = RandomNumberGenerator.GetString(alfabeto, 16);
        while (c.Distinct().Count() < 4);
        return c;
    }

    /// <summary>The rules on roles and centres the form must meet; every message names the field.</summary>
    /// <param name="yaAsignados">The centres the user holds now: an inactive one it already holds may stay (it keeps reading that history).</param>
    /// <param name="rangoActor">Who saves the form (<see cref="Rango"/>): nobody grants a role above its own.</param>
    public static List<string> Validar(DatosUsuario d, IReadOnlyCollection<CentroCosto> centrosEntidad, int rangoActor, IReadOnlyCollection<int>? yaAsignados = null)
    {
        var errores = new List<string>();
        var roles = d.Roles.Distinct().ToList();
        if (roles.Count == 0) errores.Add("Roles: elija al menos uno.");
        foreach (var r in roles.Where(r => !Seguridad.Roles.Todos.Contains(r)))
            errores.Add($"Roles: «{r}» no es un rol de SIPOI.");
        errores.AddRange(Rango.NoOtorgables(rangoActor, roles.Where(Seguridad.Roles.Todos.Contains)));
        foreach (var id in d.Centros.Distinct().Where(id => centrosEntidad.All(c => c.Id != id)))
            errores.Add($"Centros de costo: el centro {id} no es de esta entidad.");
        foreach (var c in centrosEntidad.Where(c => !c.Activo && d.Centros.Contains(c.Id) && yaAsignados?.Contains(c.Id) != true).OrderBy(c => c.Codigo, StringComparer.Ordinal))
            errores.Add($"Centros de costo: el centro {c.Codigo} {c.Nombre} está inactivo; no se puede asignar a un usuario.");
        var esOperador = roles.Contains(Seguridad.Roles.Operador);
        if (esOperador && d.Centros.Count == 0)
            errores.Add("Centros de costo: un Operador de centro de costo necesita al menos un centro.");
        if (!esOperador && d.Centros.Count > 0)
            errores.Add("Centros de costo: solo se asignan a un Operador de centro de costo (los demás roles ven toda la entidad).");
        return errores;
    }

    /// <summary>Creates the user with its roles and centres; returns the errors (nothing saved) or none.</summary>
    /// <param name="rangoActor">Who creates it (<see cref="Rango"/>); only a national administrator (or the command line) creates a national one.</param>
    public static async Task<List<string>> CrearAsync(SipoiDbContext db, UserManager<Usuario> usuarios, int entidadId, DatosUsuario d, string contrasena,
        int rangoActor, CancellationToken ct, bool nacional = false)
    {
        var centros = await db.CentrosCosto.Where(c => c.EntidadId == entidadId).ToListAsync(ct);
        var errores = new List<string>();
        if (string.IsNullOrWhiteSpace(d.Correo)) errores.Add("Correo: es obligatorio.");
        if (string.IsNullOrWhiteSpace(d.Nombre)) errores.Add("Nombre: es obligatorio.");
        if (nacional && rangoActor < Rango.Nacional) errores.Add(Rango.MensajeNacional);
        errores.AddRange(Validar(d, centros, rangoActor));
        if (errores.Count > 0) return errores;

        // Inside a caller's transaction (a new entity with its first administrator) the caller commits.
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var u = new Usuario(entidadId, d.Correo!, d.Nombre!, nacional);
        foreach (var id in d.Centros.Distinct()) u.AsignarCentro(centros.Single(c => c.Id == id));
        if (Fallo(await usuarios.CreateAsync(u, contrasena), errores)) return errores;
        if (Fallo(await usuarios.AddToRolesAsync(u, d.Roles.Distinct()), errores)) return errores;
        if (tx is not null) await tx.CommitAsync(ct);
        return errores;
    }

    /// <summary>
    /// Changes name, roles and centres. An administrator cannot take the Administrador role from itself
    /// (the entity would risk having nobody to administer it).
    /// </summary>
    public static async Task<List<string>> ActualizarAsync(SipoiDbContext db, UserManager<Usuario> usuarios, Usuario u, DatosUsuario d, int idPropio,
        int rangoActor, CancellationToken ct)
    {
        var centros = await db.CentrosCosto.Where(c => c.EntidadId == u.EntidadId).ToListAsync(ct);
        var errores = new List<string>();
        if (string.IsNullOrWhiteSpace(d.Nombre)) errores.Add("Nombre: es obligatorio.");
        errores.AddRange(Validar(d, centros, rangoActor, u.Centros.Select(c => c.CentroCostoId).ToList()));
        var actuales = await usuarios.GetRolesAsync(u);
        if (u.Id == idPropio && actuales.Contains(Seguridad.Roles.Administrador) && !d.Roles.Contains(Seguridad.Roles.Administrador))
            errores.Add("Roles: no puede quitarse a sí mismo el rol Administrador; pida a otro administrador que lo haga.");
        if (errores.Count > 0) return errores;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        u.CambiarNombre(d.Nombre!);
        foreach (var c in u.Centros.Where(c => !d.Centros.Contains(c.CentroCostoId)).ToList()) u.QuitarCentro(c.CentroCostoId);
        foreach (var id in d.Centros.Distinct()) u.AsignarCentro(centros.Single(c => c.Id == id));
        if (Fallo(await usuarios.UpdateAsync(u), errores)) return errores;
        var quitar = actuales.Except(d.Roles).ToList();
        var agregar = d.Roles.Distinct().Except(actuales).ToList();
        if (quitar.Count > 0 && Fallo(await usuarios.RemoveFromRolesAsync(u, quitar), errores)) return errores;
        if (agregar.Count > 0 && Fallo(await usuarios.AddToRolesAsync(u, agregar), errores)) return errores;
        // Roles travel in the session cookie: a new stamp makes Identity rebuild it at its next check.
        if (quitar.Count + agregar.Count > 0 && Fallo(await usuarios.UpdateSecurityStampAsync(u), errores)) return errores;
        await tx.CommitAsync(ct);
        return errores;
    }

    /// <summary>Locks the user out for good (never deleted: the audit log names it), ends its sessions and revokes its API tokens at once.</summary>
    public static async Task<List<string>> DesactivarAsync(SipoiDbContext db, UserManager<Usuario> usuarios, Usuario u, int idPropio, DateTimeOffset ahora,
        CancellationToken ct)
    {
        var errores = new List<string>();
        if (u.Id == idPropio)
        {
            errores.Add("No puede desactivar su propia cuenta; pida a otro administrador que lo haga.");
            return errores;
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (Fallo(await usuarios.SetLockoutEnabledAsync(u, true), errores) ||
            Fallo(await usuarios.SetLockoutEndDateAsync(u, DesactivadoHasta), errores) ||
            Fallo(await usuarios.UpdateSecurityStampAsync(u), errores))
            return errores;
        await SesionesServidor.CerrarTodoAsync(db, u.Id, ahora, salvo: null, ct);
        await tx.CommitAsync(ct);
        return errores;
    }

    /// <summary>Lifts a deactivation (or a lock-out left by an older version, which locked after 5 failed passwords). Revoked tokens stay revoked.</summary>
    public static async Task<List<string>> ReactivarAsync(SipoiDbContext db, UserManager<Usuario> usuarios, Usuario u, CancellationToken ct)
    {
        var errores = new List<string>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (Fallo(await usuarios.SetLockoutEndDateAsync(u, null), errores) || Fallo(await usuarios.ResetAccessFailedCountAsync(u), errores))
            return errores;
        await tx.CommitAsync(ct);
        return errores;
    }

    /// <summary>
    /// Replaces the password with a generated one (returned to be shown once); the user's open sessions end and
    /// its API tokens are revoked in the same transaction.
    /// </summary>
    public static async Task<(string? Contrasena, List<string> Errores)> RestablecerContrasenaAsync(SipoiDbContext db, UserManager<Usuario> usuarios,
        Usuario u, DateTimeOffset ahora, CancellationToken ct)
    {
        var errores = new List<string>();
        var nueva = GenerarContrasena();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (Fallo(await usuarios.RemovePasswordAsync(u), errores) || Fallo(await usuarios.AddPasswordAsync(u, nueva), errores)) return (null, errores);
        await SesionesServidor.CerrarTodoAsync(db, u.Id, ahora, salvo: null, ct);
        await tx.CommitAsync(ct);
        return (nueva, errores);
    }

    /// <summary>
    /// Grants or takes away national administration (reading every entity, the consolidated report). Only a
    /// national administrator may do it — an entity's Administrador cannot make anybody national, itself
    /// included — and nobody takes it from itself, so a deployment never loses its last one by mistake.
    /// The flag travels in the session cookie: a new stamp makes Identity rebuild it at its next check.
    /// </summary>
    public static async Task<List<string>> CambiarAdministracionNacionalAsync(SipoiDbContext db, UserManager<Usuario> usuarios, Usuario u, bool nacional,
        bool quienEsNacional, int idPropio, CancellationToken ct)
    {
        var errores = new List<string>();
        if (!quienEsNacional)
            errores.Add(Rango.MensajeNacional);
        else if (u.Id == idPropio && !nacional)
            errores.Add("No puede quitarse a sí mismo la administración nacional; pida a otro administrador nacional que lo haga.");
        if (errores.Count > 0 || u.EsAdministradorNacional == nacional) return errores;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        u.CambiarAdministracionNacional(nacional);
        if (Fallo(await usuarios.UpdateAsync(u), errores) || Fallo(await usuarios.UpdateSecurityStampAsync(u), errores)) return errores;
        await tx.CommitAsync(ct);
        return errores;
    }

    private static bool Fallo(IdentityResult r, List<string> errores)
    {
        errores.AddRange(r.Errors.Select(e => e.Description));
        return !r.Succeeded;
    }
}
