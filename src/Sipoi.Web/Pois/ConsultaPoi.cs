using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Data;
using Sipoi.Web.Evaluacion;

namespace Sipoi.Web.Pois;

/// <summary>
/// One activity of the POI version in force, with its months and the subtotals the matrices print. <see cref="Ejecutado"/>
/// holds only the months that count (approved, or also submitted when the entity shows them).
/// </summary>
public sealed record FilaActividad(
    int Id, string Codigo, string? Numero, string? Grupo, string Nombre, TipoActividad Tipo, string? UnidadMedida, string? Responsable,
    int? MesInicio, int? MesFin, Comportamiento Comportamiento, decimal Peso,
    int CentroCostoId, string CentroCodigo, string CentroNombre, string? FichaCodigo, string? FichaNombre, string AeiCodigo, string AeiEnunciado, string OeiCodigo,
    decimal[] Programado, decimal?[] Ejecutado, string? CategoriaPresupuestal, string? ActividadPresupuestal, string? Cui)
{
    /// <summary>Quarter subtotals by the behaviour's one roll-up rule (a promedio activity shows its quarter mean).</summary>
    public decimal[] Trimestres { get; } = Periodo.Trimestres.Select(t => Agregacion.Programado(Comportamiento, Programado, t)).ToArray();
    public decimal Anual { get; } = Agregacion.Programado(Comportamiento, Programado, Periodo.Anual);
}

public sealed record VistaPoi(int PoiId, int Anio, string Version, string? Documento, DateOnly? Fecha, string PeiCodigo, int PeiInicio, int PeiFin, List<FilaActividad> Actividades);

public static class ConsultaPoi
{
    /// <param name="centros">Only the activities of these cost centres (an Operador's); null for all.</param>
    public static async Task<VistaPoi?> CargarAsync(SipoiDbContext db, int entidadId, int anio, CancellationToken ct, string? codigoActividad = null,
        IReadOnlyCollection<int>? centros = null)
    {
        var poi = await db.Pois.AsNoTracking().Include(p => p.Versiones).SingleOrDefaultAsync(p => p.EntidadId == entidadId && p.Anio == anio, ct);
        if (poi?.VersionVigente is not { } version) return null;
        var pei = await db.Peis.AsNoTracking().Where(p => p.Id == poi.PeiId).Select(p => new { p.Codigo, p.Inicio, p.Fin }).SingleAsync(ct);

        var consulta =
            from pr in db.Programaciones.AsNoTracking()
            join a in db.Actividades on pr.ActividadId equals a.Id
            join c in db.CentrosCosto on a.CentroCostoId equals c.Id
            join ae in db.Aeis on a.AeiId equals ae.Id
            join o in db.Oeis on ae.OeiId equals o.Id
            from f in db.Fichas.Where(f => f.Id == a.FichaId).DefaultIfEmpty()
            where pr.PoiVersionId == version.Id && (codigoActividad == null || a.Codigo == codigoActividad)
                && (centros == null || centros.Contains(a.CentroCostoId))
            select new
            {
                a.Id,
                a.Codigo,
                a.Numero,
                a.Grupo,
                a.Nombre,
                a.Tipo,
                a.UnidadMedida,
                a.Responsable,
                a.MesInicio,
                a.MesFin,
                pr.Comportamiento,
                pr.Peso,
                a.CentroCostoId,
                CentroCodigo = c.Codigo,
                CentroNombre = c.Nombre,
                FichaCodigo = f == null ? null : f.Codigo,
                FichaNombre = f == null ? null : f.Nombre,
                AeiCodigo = ae.Codigo,
                AeiEnunciado = ae.Enunciado,
                OeiCodigo = o.Codigo,
                a.CategoriaPresupuestal,
                a.ActividadPresupuestal,
                a.Cui,
                Metas = pr.Metas.Select(m => new { m.Mes, m.Fisico }).ToList(),
            };
        var lista = await consulta.AsSplitQuery().ToListAsync(ct);
        // Executed values as every screen reads them: only the months that count (EjecucionQueCuenta).
        var configuracion = await db.Entidades.AsNoTracking().Where(e => e.Id == entidadId).Select(e => e.Configuracion).SingleAsync(ct);
        var contados = await EjecucionQueCuenta.PorActividadAsync(db, poi.Id, configuracion,
            codigoActividad is null && centros is null ? null : lista.Select(x => x.Id).ToList(), ct);
        var filas = lista.Select(x =>
        {
            var programado = new decimal[12];
            foreach (var m in x.Metas) programado[m.Mes - 1] = m.Fisico;
            var ejecutado = contados.TryGetValue(x.Id, out var c) ? c.Fisico : new decimal?[12];
            return new FilaActividad(x.Id, x.Codigo, x.Numero, x.Grupo, x.Nombre, x.Tipo, x.UnidadMedida, x.Responsable, x.MesInicio, x.MesFin,
                x.Comportamiento, x.Peso, x.CentroCostoId, x.CentroCodigo, x.CentroNombre, x.FichaCodigo, x.FichaNombre, x.AeiCodigo, x.AeiEnunciado, x.OeiCodigo,
                programado, ejecutado, x.CategoriaPresupuestal, x.ActividadPresupuestal, x.Cui);
        })
        .OrderBy(f => f.CentroCodigo, StringComparer.Ordinal).ThenBy(f => f.FichaCodigo, StringComparer.Ordinal)
        .ThenBy(f => f.Numero, StringComparer.Ordinal).ThenBy(f => f.Codigo, StringComparer.Ordinal)
        .ToList();
        return new VistaPoi(poi.Id, anio, version.Etiqueta, version.DocumentoAprobacion, version.FechaAprobacion, pei.Codigo, pei.Inicio, pei.Fin, filas);
    }
}

/// <summary>The in-page anchor of a matrix block, shared by the block and the index that links to it.</summary>
public static class AnclaMatriz
{
    public static string De(Sipoi.Interop.Reportes.HojaMatrizPoi h) => (h.FichaProceso is null ? "cc-" : "fp-") + h.Codigo.Replace(' ', '-');
}
