using Microsoft.EntityFrameworkCore;
using Sipoi.Interop.Reportes;
using Sipoi.Web.Data;
using Sipoi.Web.Entidades;
using Sipoi.Web.Presentacion;

namespace Sipoi.Web.Reportes;

public static partial class ConstructorReportes
{
    /// <summary>
    /// The POI document (<see cref="DocumentoPoi"/>): the entity's texts, the PEI's mission, vision and strategic
    /// orientation with the year's expected values, the organisation chart (active cost centres as a tree), the budget
    /// summary of <see cref="PresupuestoAsync"/> and the matrices of <see cref="MatrizAsync(SipoiDbContext, DatosReporte, IReadOnlyCollection{int}?, CancellationToken, AgrupacionMatriz)"/>
    /// (by ficha de proceso, else by cost centre) — nothing is recomputed here. It is the entity's document, the same for every user.
    /// </summary>
    public static async Task<DocumentoPoi> DocumentoPoiAsync(SipoiDbContext db, DatosReporte d, CancellationToken ct)
    {
        var textos = await ConsultaTextos.TextosAsync(db, d.Entidad.Id, ct);
        var vision = await db.Peis.AsNoTracking().Where(p => p.Id == d.Evaluacion.PeiId).Select(p => p.Vision).SingleAsync(ct);
        var version = await db.PoiVersiones.AsNoTracking().Where(v => v.Id == d.Evaluacion.PoiVersionId)
            .Select(v => new { v.Etiqueta, v.DocumentoAprobacion, v.FechaAprobacion }).SingleAsync(ct);
        var centros = await db.CentrosCosto.AsNoTracking().Where(c => c.EntidadId == d.Entidad.Id)
            .Select(c => new { c.Id, c.Codigo, c.Nombre, c.PadreId, c.Responsable, c.Activo }).ToListAsync(ct);

        // The organisation chart: active centres, each under its parent, siblings by code.
        var activos = centros.Where(c => c.Activo).ToList();
        var ids = activos.Select(c => c.Id).ToHashSet();
        var hijos = activos.ToLookup(c => c.PadreId is { } p && ids.Contains(p) ? p : (int?)null);
        var organigrama = new List<NodoOrganigrama>();
        void Agregar(int? padre, int nivel)
        {
            foreach (var c in hijos[padre].OrderBy(c => c.Codigo, StringComparer.Ordinal))
            {
                organigrama.Add(new NodoOrganigrama(c.Codigo, c.Nombre, nivel, c.Responsable));
                Agregar(c.Id, nivel + 1);
            }
        }
        Agregar(null, 0);

        var nombreCentro = centros.ToDictionary(c => c.Id, c => c.Nombre);
        var oeis = await db.Oeis.AsNoTracking().Where(o => o.PeiId == d.Evaluacion.PeiId)
            .Select(o => new { o.Id, o.Codigo, o.Enunciado }).ToListAsync(ct);
        var idsOei = oeis.Select(o => o.Id).ToList();
        var aeis = await db.Aeis.AsNoTracking().Where(a => idsOei.Contains(a.OeiId))
            .Select(a => new { a.Id, a.OeiId, a.Codigo, a.Enunciado, a.Responsable }).ToListAsync(ct);
        var idsAei = aeis.Select(a => a.Id).ToList();
        var anio = d.Anio;
        var indicadores = await db.Indicadores.AsNoTracking()
            .Where(i => (i.OeiId != null && idsOei.Contains(i.OeiId.Value)) || (i.AeiId != null && idsAei.Contains(i.AeiId.Value)))
            .Select(i => new
            {
                i.OeiId,
                i.AeiId,
                i.Codigo,
                i.Nombre,
                i.Unidad,
                i.CentroCostoResponsableId,
                Esperado = i.Valores.Where(v => v.Anio == anio && v.Periodo == PeriodoIndicador.Anual).Select(v => v.LogroEsperado).FirstOrDefault(),
            }).ToListAsync(ct);
        List<IndicadorDocumento> De(IEnumerable<(string Codigo, string Nombre, string? Unidad, int? Centro, decimal? Esperado)> filas, string? responsable) =>
            filas.OrderBy(i => i.Codigo, StringComparer.Ordinal)
                .Select(i => new IndicadorDocumento(i.Codigo, i.Nombre, i.Unidad, i.Esperado,
                    i.Centro is { } c && nombreCentro.TryGetValue(c, out var n) ? n : responsable))
                .ToList();
        var documentoOeis = oeis.OrderBy(o => o.Codigo, StringComparer.Ordinal).Select(o => new OeiDocumento(o.Codigo, o.Enunciado,
            De(indicadores.Where(i => i.OeiId == o.Id).Select(i => (i.Codigo, i.Nombre, i.Unidad, i.CentroCostoResponsableId, i.Esperado)), null),
            aeis.Where(a => a.OeiId == o.Id).OrderBy(a => a.Codigo, StringComparer.Ordinal).Select(a => new AeiDocumento(a.Codigo, a.Enunciado,
                De(indicadores.Where(i => i.AeiId == a.Id).Select(i => (i.Codigo, i.Nombre, i.Unidad, i.CentroCostoResponsableId, i.Esperado)), a.Responsable)))
                .ToList())).ToList();

        var configuracion = ConfiguracionEvaluacion.Desde(d.Evaluacion.Configuracion);
        return new DocumentoPoi(d.Entidad.Nombre, d.NombreEntidad, d.Anio, d.PeriodoPei)
        {
            Version = version.Etiqueta,
            Aprobacion = version.DocumentoAprobacion is { } documento
                ? $"Aprobado con {documento}" + (version.FechaAprobacion is { } f ? $" del {Fechas.Texto(f)}" : "")
                : null,
            Textos = textos,
            Mision = d.Mision,
            Vision = vision,
            Organigrama = organigrama,
            Oeis = documentoOeis,
            Presupuesto = await PresupuestoAsync(db, d, ct),
            Metodo = configuracion.Metodo,
            Bandas = configuracion.Bandas,
            Matriz = await MatrizAsync(db, d, null, ct),
        };
    }
}
