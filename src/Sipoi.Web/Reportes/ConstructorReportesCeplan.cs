using Microsoft.EntityFrameworkCore;
using Sipoi.Interop.Reportes;
using Sipoi.Web.Data;

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
}
