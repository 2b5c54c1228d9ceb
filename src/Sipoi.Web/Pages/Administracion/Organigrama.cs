using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Data;

namespace Sipoi.Web.Pages.Administracion;

/// <summary>What the cost-centre form types: the same fields create and edit a centre (the code only on creation).</summary>
public sealed class DatosCentro
{
    public string? Codigo { get; set; }
    public string? Nombre { get; set; }
    public int? PadreId { get; set; }
    public int? UnidadEjecutoraId { get; set; }
    public string? Responsable { get; set; }
    public bool EsGerencia { get; set; }
}

/// <summary>The organisation chart as the forms need it, and the one place that applies a typed centre to the entity.</summary>
public sealed record Organigrama(List<CentroCosto> Centros, List<UnidadEjecutora> Unidades)
{
    /// <summary>The entity's tree, tracked so a change can be saved.</summary>
    public static async Task<Organigrama> CargarAsync(SipoiDbContext db, int entidadId, CancellationToken ct) => new(
        await db.CentrosCosto.Where(c => c.EntidadId == entidadId).OrderBy(c => c.Codigo).ToListAsync(ct),
        await db.UnidadesEjecutoras.Where(u => u.EntidadId == entidadId).OrderBy(u => u.Codigo).ToListAsync(ct));

    public string? Codigo(int? id) => Centros.FirstOrDefault(c => c.Id == id)?.Codigo;

    /// <summary>
    /// What blocks deactivating the centre in formulation: its activities per POI version not yet approved
    /// (any year). The domain (<see cref="CentroCosto.Desactivar"/>) decides; this only counts.
    /// </summary>
    public static Task<List<ActividadesEnFormulacion>> EnFormulacionAsync(SipoiDbContext db, int centroCostoId, CancellationToken ct) =>
        (from p in db.Programaciones.AsNoTracking()
         join a in db.Actividades on p.ActividadId equals a.Id
         join v in db.PoiVersiones on p.PoiVersionId equals v.Id
         join poi in db.Pois on v.PoiId equals poi.Id
         where a.CentroCostoId == centroCostoId && v.Estado != EstadoVersionPoi.Aprobada
         group p by new { poi.Anio, v.Etiqueta } into g
         orderby g.Key.Anio, g.Key.Etiqueta
         select new ActividadesEnFormulacion(g.Key.Anio, g.Key.Etiqueta, g.Count())).ToListAsync(ct);

    /// <summary>Name, parent, executing unit, head and gerencia flag; the domain refuses a cycle or a foreign parent.</summary>
    public void Aplicar(CentroCosto centro, DatosCentro d)
    {
        CentroCosto? padre = null;
        if (d.PadreId is { } p)
            padre = Centros.FirstOrDefault(c => c.Id == p) ?? throw new ReglaDominioException($"Depende de: el centro {p} no es de esta entidad.");
        UnidadEjecutora? unidad = null;
        if (d.UnidadEjecutoraId is { } u)
            unidad = Unidades.FirstOrDefault(x => x.Id == u) ?? throw new ReglaDominioException($"Unidad ejecutora: la unidad {u} no es de esta entidad.");
        centro.Actualizar(d.Nombre ?? "", centro.PadreId, string.IsNullOrWhiteSpace(d.Responsable) ? null : d.Responsable.Trim(), d.EsGerencia);
        centro.MoverBajo(padre, Centros);
        centro.AsignarUnidadEjecutora(unidad);
    }
}
