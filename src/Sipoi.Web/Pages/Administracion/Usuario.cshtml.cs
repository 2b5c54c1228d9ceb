using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Administracion;
using Sipoi.Web.Data;
using Sipoi.Web.Entidades;
using Sipoi.Web.Seguimiento;
using Sipoi.Web.Seguridad;

namespace Sipoi.Web.Pages.Administracion;

/// <summary>
/// One user of the entity: name, roles and centres; deactivate, reactivate or unlock; reset the password. Every
/// handler first checks <see cref="Rango"/>: a user above the administrator's own rank gets 403.
/// </summary>
[Authorize(Policy = Politicas.Administracion)]
public sealed class UsuarioModel(SipoiDbContext db, UserManager<Usuario> usuarios, TimeProvider reloj) : PageModel
{
    [BindProperty] public DatosUsuario Datos { get; set; } = new();
    [TempData] public string? Aviso { get; set; }

    public Entidad Entidad { get; private set; } = null!;
    public Usuario Cuenta { get; private set; } = null!;
    public CuentasUsuario.Estado Estado { get; private set; }
    public List<CamposUsuario.Centro> Centros { get; private set; } = [];
    public List<string> Errores { get; private set; } = [];
    public string? ContrasenaGenerada { get; private set; }
    public bool EsPropio => Cuenta.Id == User.Id();
    /// <summary>The centres the user heads (JefaturaCentro): it validates their child centres' submissions.</summary>
    public List<int> Jefaturas { get; private set; } = [];
    [BindProperty] public List<int> JefaturaDe { get; set; } = [];
    /// <summary>The second post of «Desactivar usuario», from the confirmation summary.</summary>
    [BindProperty] public bool Confirmar { get; set; }

    /// <summary>What deactivating would take away now: the open sessions and the API tokens in force (by name).</summary>
    public sealed record Perdida(int Sesiones, List<string> Tokens);

    /// <summary>«Desactivar usuario» pressed and not yet confirmed: the page shows what the user loses.</summary>
    public Perdida? PorDesactivar { get; private set; }

    public async Task<IActionResult> OnGetAsync(string entidad, int id, CancellationToken ct)
    {
        if (await PrepararAsync(entidad, id, ct) is { } no) return no;
        Datos = new DatosUsuario
        {
            Nombre = Cuenta.NombreCompleto,
            Roles = [.. await usuarios.GetRolesAsync(Cuenta)],
            Centros = Cuenta.Centros.Select(c => c.CentroCostoId).ToList(),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string entidad, int id, CancellationToken ct)
    {
        if (await PrepararAsync(entidad, id, ct) is { } no) return no;
        try
        {
            Errores = await CuentasUsuario.ActualizarAsync(db, usuarios, Cuenta, Datos, User.Id(), Rango.De(User), ct);
        }
        catch (ReglaDominioException e)
        {
            Errores = [e.Message];
        }
        return Errores.Count > 0 ? Page() : Volver($"Se guardaron los datos de {Cuenta.Email}.");
    }

    /// <summary>
    /// Deactivating ends the user's sessions and revokes its API tokens for good (reactivating does not restore them): the first
    /// post only checks and shows what the user loses (<see cref="PorDesactivar"/>); the confirmation posts <see cref="Confirmar"/>.
    /// </summary>
    public async Task<IActionResult> OnPostDesactivarAsync(string entidad, int id, CancellationToken ct)
    {
        if (await PrepararAsync(entidad, id, ct) is { } no) return no;
        if (!Confirmar)
        {
            if (EsPropio) Errores = ["No puede desactivar su propia cuenta; pida a otro administrador que lo haga."];
            else if (Estado != CuentasUsuario.Estado.Activo) Errores = [$"{Cuenta.Email} ya está desactivado o bloqueado."];
            else
            {
                var ahora = reloj.GetUtcNow();
                PorDesactivar = new(
                    await db.Sesiones.CountAsync(s => s.UsuarioId == Cuenta.Id && s.UltimoUso > ahora - SesionesServidor.Duracion, ct),
                    await db.TokensApi.Where(t => t.UsuarioId == Cuenta.Id && t.Revocado == null).OrderBy(t => t.Nombre).Select(t => t.Nombre).ToListAsync(ct));
            }
            return await RecargarAsync();
        }
        Errores = await CuentasUsuario.DesactivarAsync(db, usuarios, Cuenta, User.Id(), reloj.GetUtcNow(), ct);
        return Errores.Count > 0 ? await RecargarAsync() : Volver($"Se desactivó a {Cuenta.Email}: ya no puede ingresar ni usar sus tokens de API.");
    }

    public async Task<IActionResult> OnPostReactivarAsync(string entidad, int id, CancellationToken ct)
    {
        if (await PrepararAsync(entidad, id, ct) is { } no) return no;
        var antes = Estado;
        Errores = await CuentasUsuario.ReactivarAsync(db, usuarios, Cuenta, ct);
        return Errores.Count > 0 ? await RecargarAsync()
            : Volver(antes == CuentasUsuario.Estado.Bloqueado ? $"Se desbloqueó a {Cuenta.Email}." : $"Se reactivó a {Cuenta.Email}.");
    }

    /// <summary>Grants (<paramref name="otorgar"/>) or takes away national administration; only a national administrator gets here.</summary>
    public async Task<IActionResult> OnPostNacionalAsync(string entidad, int id, bool otorgar, CancellationToken ct)
    {
        if (!User.EsAdministradorNacional()) return Forbid();
        if (await PrepararAsync(entidad, id, ct) is { } no) return no;
        Errores = await CuentasUsuario.CambiarAdministracionNacionalAsync(db, usuarios, Cuenta, otorgar, User.EsAdministradorNacional(), User.Id(), ct);
        return Errores.Count > 0 ? await RecargarAsync()
            : Volver(otorgar ? $"{Cuenta.Email} es ahora administrador nacional: ve todas las entidades y el consolidado."
                : $"{Cuenta.Email} ya no es administrador nacional.");
    }

    public async Task<IActionResult> OnPostContrasenaAsync(string entidad, int id, CancellationToken ct)
    {
        if (await PrepararAsync(entidad, id, ct) is { } no) return no;
        (ContrasenaGenerada, Errores) = await CuentasUsuario.RestablecerContrasenaAsync(db, usuarios, Cuenta, reloj.GetUtcNow(), ct);
        // No redirect: the new password must not travel in a URL or a cookie.
        Response.Headers.CacheControl = "no-store";
        return await RecargarAsync();
    }

    /// <summary>Replaces the centres the user heads (second reviewer, Seguimiento/README.md); each added or removed row is audited.</summary>
    public async Task<IActionResult> OnPostJefaturaAsync(string entidad, int id, CancellationToken ct)
    {
        if (await PrepararAsync(entidad, id, ct) is { } no) return no;
        var validos = Centros.Where(c => c.Activo).Select(c => c.Id).ToHashSet();
        var pedidos = JefaturaDe.Distinct().ToList();
        if (pedidos.FirstOrDefault(c => !validos.Contains(c) && !Jefaturas.Contains(c)) is var malo and not 0)
        {
            Errores = [$"Jefatura de: el centro de costo {malo} no es un centro activo de {Entidad.NombreCorto}."];
            return await RecargarAsync();
        }
        var actuales = await db.Jefaturas.Where(j => j.UsuarioId == Cuenta.Id).ToListAsync(ct);
        db.Jefaturas.RemoveRange(actuales.Where(j => !pedidos.Contains(j.CentroCostoId)));
        db.Jefaturas.AddRange(pedidos.Where(c => actuales.All(j => j.CentroCostoId != c)).Select(c => new JefaturaCentro(Entidad.Id, Cuenta.Id, c)));
        await db.SaveChangesAsync(ct);
        return Volver($"Se guardaron las jefaturas de {Cuenta.Email}.");
    }

    /// <summary>The form shows the saved state again (after a refused action or with the new password).</summary>
    private async Task<IActionResult> RecargarAsync()
    {
        ModelState.Clear();
        Datos = new DatosUsuario
        {
            Nombre = Cuenta.NombreCompleto,
            Roles = [.. await usuarios.GetRolesAsync(Cuenta)],
            Centros = Cuenta.Centros.Select(c => c.CentroCostoId).ToList(),
        };
        return Page();
    }

    private RedirectToPageResult Volver(string aviso)
    {
        Aviso = aviso;
        return RedirectToPage("/Administracion/Usuarios", new { entidad = Entidad.Codigo });
    }

    private async Task<IActionResult?> PrepararAsync(string entidad, int id, CancellationToken ct)
    {
        if (await ContextoEntidad.BuscarAsync(db, entidad, ct) is not { } e) return NotFound();
        Entidad = e;
        // A user of another entity is "not found" here, whatever its id.
        if (await db.Users.Include(u => u.Centros).SingleOrDefaultAsync(u => u.Id == id && u.EntidadId == e.Id, ct) is not { } u) return NotFound();
        // A user above the administrator's rank (a national administrator) is out of its reach: no page, no action.
        if (!Rango.PuedeActuarSobre(Rango.De(User), Rango.De(await usuarios.GetRolesAsync(u), u.EsAdministradorNacional))) return Forbid();
        Cuenta = u;
        Estado = CuentasUsuario.EstadoDe(u.LockoutEnd, reloj.GetUtcNow());
        Jefaturas = await db.Jefaturas.AsNoTracking().Where(j => j.UsuarioId == u.Id).Select(j => j.CentroCostoId).ToListAsync(ct);
        Centros = await CamposUsuario.CentrosAsync(db, e.Id, ct, [.. u.Centros.Select(c => c.CentroCostoId), .. Jefaturas]);
        return null;
    }
}
