using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Administracion;
using Sipoi.Web.Data;
using Sipoi.Web.Entidades;
using Sipoi.Web.Seguridad;

namespace Sipoi.Web.Pages.Administracion;

/// <summary>The entity's users with roles, cost centres, state and last audited action.</summary>
[Authorize(Policy = Politicas.Administracion)]
public sealed class UsuariosModel(SipoiDbContext db, TimeProvider reloj) : PageModel
{
    public sealed record Fila(int Id, string Nombre, string Correo, List<string> Roles, List<string> Centros, CuentasUsuario.Estado Estado,
        DateTimeOffset? FinBloqueo, DateTimeOffset? UltimaAccion, bool Nacional = false)
    {
        /// <summary>Whether the signed-in administrator may open this user's page (<see cref="Rango"/>).</summary>
        public bool Editable(System.Security.Claims.ClaimsPrincipal actor) => Rango.PuedeActuarSobre(Rango.De(actor), Rango.De(Roles, Nacional));
    }

    [TempData] public string? Aviso { get; set; }
    public Entidad Entidad { get; private set; } = null!;
    public List<Fila> Filas { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string entidad, CancellationToken ct)
    {
        if (await ContextoEntidad.BuscarAsync(db, entidad, ct) is not { } e) return NotFound();
        Entidad = e;
        var usuarios = await db.Users.AsNoTracking().Where(u => u.EntidadId == e.Id).OrderBy(u => u.NombreCompleto)
            .Select(u => new { u.Id, u.NombreCompleto, u.Email, u.LockoutEnd, u.EsAdministradorNacional }).ToListAsync(ct);
        var ids = usuarios.Select(u => u.Id).ToList();
        var roles = await (from ur in db.UserRoles.AsNoTracking()
                           join r in db.Roles.AsNoTracking() on ur.RoleId equals r.Id
                           where ids.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync(ct);
        var centros = await (from uc in db.UsuariosCentroCosto.AsNoTracking()
                             join c in db.CentrosCosto.AsNoTracking() on uc.CentroCostoId equals c.Id
                             where uc.EntidadId == e.Id
                             select new { uc.UsuarioId, c.Codigo }).ToListAsync(ct);
        // The audit log names users by e-mail; log-ins are not logged, so this is the last change the user made.
        var ultimas = await db.Auditoria.AsNoTracking().Where(r => r.EntidadId == e.Id).GroupBy(r => r.Usuario)
            .Select(g => new { Usuario = g.Key, Momento = g.Max(r => r.Momento) }).ToDictionaryAsync(x => x.Usuario, x => x.Momento, ct);
        var ahora = reloj.GetUtcNow();
        Filas = usuarios.Select(u => new Fila(u.Id, u.NombreCompleto, u.Email ?? "",
                roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).OrderBy(r => Roles.Todos.ToList().IndexOf(r)).ToList(),
                centros.Where(c => c.UsuarioId == u.Id).Select(c => c.Codigo).Order(StringComparer.Ordinal).ToList(),
                CuentasUsuario.EstadoDe(u.LockoutEnd, ahora), u.LockoutEnd,
                ultimas.TryGetValue(u.Email ?? "", out var m) ? m : null, u.EsAdministradorNacional))
            .ToList();
        return Page();
    }
}
