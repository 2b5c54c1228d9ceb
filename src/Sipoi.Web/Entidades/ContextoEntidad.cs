using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Data;

namespace Sipoi.Web.Entidades;

/// <summary>Finds the entity a URL names (/e/{codigo}); pages answer 404 when it does not exist.</summary>
public static class ContextoEntidad
{
    public static Task<Entidad?> BuscarAsync(SipoiDbContext db, string codigo, CancellationToken ct) =>
        db.Entidades.AsNoTracking().SingleOrDefaultAsync(e => e.Codigo == codigo, ct);
}
