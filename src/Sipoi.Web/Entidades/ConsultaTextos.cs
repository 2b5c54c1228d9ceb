using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Data;

namespace Sipoi.Web.Entidades;

/// <summary>
/// The entity's texts its documents print (<see cref="ContenidoTextos"/>): the POI document, the evaluation report
/// (normative framework, guidelines, values), the editor page and the exchange export read them here.
/// </summary>
public static class ConsultaTextos
{
    /// <summary>The entity's texts; every text null when the office has written none.</summary>
    public static async Task<ContenidoTextos> TextosAsync(SipoiDbContext db, int entidadId, CancellationToken ct = default)
    {
        var fila = await db.TextosInstitucionales.AsNoTracking().SingleOrDefaultAsync(t => t.EntidadId == entidadId, ct);
        return fila?.Contenido ?? ContenidoTextos.Vacio;
    }

    /// <summary>The evaluation report's cover data (<see cref="PortadaInforme"/>); every field null when none is written.</summary>
    public static async Task<PortadaInforme> PortadaAsync(SipoiDbContext db, int entidadId, CancellationToken ct = default)
    {
        var fila = await db.TextosInstitucionales.AsNoTracking().SingleOrDefaultAsync(t => t.EntidadId == entidadId, ct);
        return fila?.Portada ?? PortadaInforme.Vacia;
    }
}
