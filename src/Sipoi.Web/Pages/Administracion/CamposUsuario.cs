using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Administracion;
using Sipoi.Web.Data;

namespace Sipoi.Web.Pages.Administracion;

/// <summary>What the roles-and-centres part of the user forms shows: the typed choice and the entity's centres.</summary>
public sealed record CamposUsuario(DatosUsuario Datos, List<CamposUsuario.Centro> Centros)
{
    public sealed record Centro(int Id, string Codigo, string Nombre);

    public static Task<List<Centro>> CentrosAsync(SipoiDbContext db, int entidadId, CancellationToken ct) =>
        db.CentrosCosto.AsNoTracking().Where(c => c.EntidadId == entidadId).OrderBy(c => c.Codigo)
            .Select(c => new Centro(c.Id, c.Codigo, c.Nombre)).ToListAsync(ct);
}
