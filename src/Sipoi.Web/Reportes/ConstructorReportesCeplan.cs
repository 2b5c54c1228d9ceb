using Microsoft.EntityFrameworkCore;
using Sipoi.Interop.Reportes;
using Sipoi.Web.Data;
using Sipoi.Web.Evaluacion;

namespace Sipoi.Web.Reportes;

/// <summary>
/// Builders of the national application's layouts (Aplicativo CEPLAN V.01) that public material confirms
/// (docs/formatos-ceplan.md). Queries only read rows; every figure comes from the engine through the Interop factory.
/// </summary>
public static class ConstructorReportesCeplan
{
    /// <summary>
    /// The PEI follow-up annex (Anexo B-7) of the PEI the POI year hangs from: every OEI and AEI with its indicators, and
    /// for each year of the PEI the expected value, the obtained value that counts (validated by the planning office,
    /// <see cref="ValorIndicador.ValorQueCuenta"/>, as the evaluation reads it) and the engine's avance.
    /// "Pliego" is the entity; the UE and the organic unit are the indicator's responsible cost centre ("05.01-DIRECCIÓN …")
    /// and that centre's executing unit, as the application prints them.
    /// </summary>
    public static async Task<SeguimientoPei> SeguimientoPeiAsync(SipoiDbContext db, DatosReporte d, CancellationToken ct)
    {
        var peiId = d.Evaluacion.PeiId;
        var oeis = await db.Oeis.AsNoTracking().Where(o => o.PeiId == peiId)
            .Select(o => new { o.Id, o.Codigo, o.Prioridad }).ToListAsync(ct);
        var idsOei = oeis.Select(o => o.Id).ToList();
        var aeis = await db.Aeis.AsNoTracking().Where(a => idsOei.Contains(a.OeiId))
            .Select(a => new { a.Id, a.OeiId, a.Codigo, a.Prioridad }).ToListAsync(ct);
        var idsAei = aeis.Select(a => a.Id).ToList();
        var indicadores = await db.Indicadores.AsNoTracking().Include(i => i.Valores)
            .Where(i => (i.AeiId != null && idsAei.Contains(i.AeiId.Value)) || (i.OeiId != null && idsOei.Contains(i.OeiId.Value)))
            .ToListAsync(ct);
        var centros = await db.CentrosCosto.AsNoTracking().Where(c => c.EntidadId == d.Entidad.Id)
            .Select(c => new { c.Id, c.Codigo, c.Nombre, c.UnidadEjecutoraId }).ToDictionaryAsync(c => c.Id, ct);
        var unidades = await db.UnidadesEjecutoras.AsNoTracking().Where(u => u.EntidadId == d.Entidad.Id)
            .Select(u => new { u.Id, u.Codigo, u.Nombre }).ToDictionaryAsync(u => u.Id, ct);

        // The engine's snapshot of each indicator, with the obtained values that count (the same rule as the evaluation's read).
        static IndicadorPei Snapshot(Indicador i) => new(i.Codigo, i.Sentido)
        {
            Valores = i.Valores.Select(v => new MedicionIndicador(v.Anio, v.Periodo, v.LogroEsperado, v.ValorQueCuenta)).ToList(),
            MaximoPermisible = i.MaximoPermisible,
            MinimoPermisible = i.MinimoPermisible,
        };
        var deAei = indicadores.Where(i => i.AeiId is not null).ToLookup(i => i.AeiId!.Value);
        var deOei = indicadores.Where(i => i.AeiId is null).ToLookup(i => i.OeiId!.Value);
        var pei = new EstructuraPei(oeis.OrderBy(o => o.Prioridad).Select(o => new OeiPei(o.Codigo, o.Prioridad,
            aeis.Where(a => a.OeiId == o.Id).OrderBy(a => a.Prioridad)
                .Select(a => new AeiPei(a.Codigo, a.Prioridad) { Indicadores = deAei[a.Id].Select(Snapshot).ToList() }).ToList())
        {
            Indicadores = deOei[o.Id].Select(Snapshot).ToList(),
        }).ToList());

        var fichas = new Dictionary<string, FichaIndicadorPei>(StringComparer.Ordinal);
        foreach (var i in indicadores)
        {
            var centro = i.CentroCostoResponsableId is { } c && centros.TryGetValue(c, out var cc) ? cc : null;
            var ue = centro?.UnidadEjecutoraId is { } u && unidades.TryGetValue(u, out var uu) ? uu : null;
            fichas[i.Codigo] = new FichaIndicadorPei(i.Nombre, i.Unidad, i.LineaBaseAnio, i.LineaBaseValor,
                ue is null ? null : $"{ue.Codigo}-{ue.Nombre}", centro is null ? null : $"{centro.Codigo}-{centro.Nombre}");
        }

        return SeguimientoPei.Desde(d.NombreEntidad, d.Entidad.Nombre, d.PeiInicio, d.PeiFin, pei, await d.DenominacionesAsync(db, ct), fichas);
    }

    /// <summary>
    /// The POI follow-up report of the application (first semester, docs/formatos-ceplan.md §2): every activity of the POI
    /// version in force with its priority, unit and behaviour (CEPLAN's «tipo de agregación»), its monthly physical and
    /// financial programming (meta_mensual) and the executed values that count (<see cref="EjecucionQueCuenta"/>, the one
    /// reader every screen uses). The Interop factory applies the application's rules; <paramref name="hoy"/> decides which
    /// months' follow-up deadlines have passed.
    /// </summary>
    public static async Task<SeguimientoPoiCeplan> SeguimientoPoiAsync(SipoiDbContext db, DatosReporte d, Periodo periodo, DateOnly hoy, CancellationToken ct)
    {
        var versionId = d.Evaluacion.PoiVersionId;
        var filas = await (
            from pr in db.Programaciones.AsNoTracking()
            join a in db.Actividades on pr.ActividadId equals a.Id
            join ae in db.Aeis on a.AeiId equals ae.Id
            join o in db.Oeis on ae.OeiId equals o.Id
            where pr.PoiVersionId == versionId
            select new
            {
                a.Id,
                a.PoiId,
                a.Codigo,
                a.Nombre,
                a.Prioridad,
                a.UnidadMedida,
                pr.Comportamiento,
                AeiCodigo = ae.Codigo,
                AeiEnunciado = ae.Enunciado,
                AeiPrioridad = ae.Prioridad,
                OeiCodigo = o.Codigo,
                OeiEnunciado = o.Enunciado,
                OeiPrioridad = o.Prioridad,
                Metas = pr.Metas.Select(m => new { m.Mes, m.Fisico, m.Financiero }).ToList(),
            }).AsSplitQuery().ToListAsync(ct);
        var contados = filas.Count == 0 ? []
            : await EjecucionQueCuenta.PorActividadAsync(db, filas[0].PoiId, d.Evaluacion.Configuracion, null, ct);
        var actividades = filas
            .OrderBy(f => f.OeiPrioridad).ThenBy(f => f.OeiCodigo, StringComparer.Ordinal)
            .ThenBy(f => f.AeiPrioridad).ThenBy(f => f.AeiCodigo, StringComparer.Ordinal)
            .ThenBy(f => f.Codigo, StringComparer.Ordinal)
            .Select(f =>
            {
                var fisico = new decimal[12];
                var financiero = new decimal[12];
                foreach (var m in f.Metas)
                {
                    fisico[m.Mes - 1] = m.Fisico;
                    financiero[m.Mes - 1] = m.Financiero;
                }
                var ejecutado = contados.GetValueOrDefault(f.Id);
                return new ActividadCeplan(f.OeiCodigo, f.OeiEnunciado, f.AeiCodigo, f.AeiEnunciado, f.Codigo, f.Nombre, f.Prioridad, f.UnidadMedida,
                    f.Comportamiento, fisico, ejecutado?.Fisico ?? new decimal?[12], financiero, ejecutado?.Financiero ?? new decimal?[12]);
            });
        return SeguimientoPoiCeplan.Desde(d.Entidad.Nombre, d.Anio, periodo, actividades, hoy);
    }
}
