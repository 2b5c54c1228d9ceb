using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Administracion;
using Sipoi.Web.Data;

namespace Sipoi.Web.Pages.Administracion;

/// <summary>What the roles-and-centres part of the user forms shows: the typed choice and the entity's centres.</summary>
public sealed record CamposUsuario(DatosUsuario Datos, List<CamposUsuario.Centro> Centros)
{
    public sealed record Centro(int Id, string Codigo, string Nombre, bool Activo = true);

    /// <summary>
    /// The centres the form offers: the active ones, plus the inactive ones the user already holds (shown as
    /// inactive, so saving the form does not silently take them away).
    /// </summary>
    public static Task<List<Centro>> CentrosAsync(SipoiDbContext db, int entidadId, CancellationToken ct, IReadOnlyCollection<int>? yaAsignados = null)
    {
        var asignados = yaAsignados ?? [];
        return db.CentrosCosto.AsNoTracking().Where(c => c.EntidadId == entidadId && (c.Activo || asignados.Contains(c.Id))).OrderBy(c => c.Codigo)
            .Select(c => new Centro(c.Id, c.Codigo, c.Nombre, c.Activo)).ToListAsync(ct);
    }
}
