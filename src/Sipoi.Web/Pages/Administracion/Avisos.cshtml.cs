using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sipoi.Web.Avisos;
using Sipoi.Web.Data;
using Sipoi.Web.Entidades;
using Sipoi.Web.Seguridad;

namespace Sipoi.Web.Pages.Administracion;

/// <summary>
/// The entity's e-mail outbox (src/Sipoi.Web/Avisos/README.md): each notice with its recipient, state, attempts and last
/// error, newest first, and whether this deployment can send at all.
/// </summary>
[Authorize(Policy = Politicas.Administracion)]
public sealed class AvisosModel(SipoiDbContext db, IOptions<OpcionesAvisos> opciones) : PageModel
{
    public const int Maximo = 200;

    public sealed record Fila(long Id, DateTimeOffset Creado, string Destinatario, TipoAviso Tipo, string Asunto, EstadoAviso Estado,
        int Intentos, string? UltimoError, DateTimeOffset? EnviadoEn, DateTimeOffset ProximoIntento, string? Omision);

    public Entidad Entidad { get; private set; } = null!;
    public List<Fila> Filas { get; private set; } = [];
    public IReadOnlyList<string> Faltantes { get; private set; } = [];
    public Dictionary<EstadoAviso, int> PorEstado { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string entidad, CancellationToken ct)
    {
        if (await ContextoEntidad.BuscarAsync(db, entidad, ct) is not { } e) return NotFound();
        Entidad = e;
        Faltantes = opciones.Value.Faltantes();
        PorEstado = await db.AvisosCorreo.AsNoTracking().Where(a => a.EntidadId == e.Id).GroupBy(a => a.Estado)
            .Select(g => new { g.Key, Cuantos = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Cuantos, ct);
        Filas = await (from a in db.AvisosCorreo.AsNoTracking()
                       join u in db.Users.AsNoTracking() on a.UsuarioId equals u.Id
                       where a.EntidadId == e.Id
                       orderby a.Id descending
                       select new Fila(a.Id, a.CreadoEn, u.Email!, a.Tipo, a.Asunto, a.Estado, a.Intentos, a.UltimoError, a.EnviadoEn,
                           a.ProximoIntento, a.Omision)).Take(Maximo).ToListAsync(ct);
        return Page();
    }

    public static string NombreEstado(EstadoAviso e) => e switch
    {
        EstadoAviso.Pendiente => "En cola",
        EstadoAviso.Enviado => "Enviado",
        EstadoAviso.Omitido => "Omitido",
        _ => throw new ArgumentOutOfRangeException(nameof(e)),
    };
}
