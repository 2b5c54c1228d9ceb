using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sipoi.Domain.Estrategia;
using Sipoi.Domain.Evaluacion;
using Sipoi.Domain.Organizacion;
using Sipoi.Domain.Periodos;
using Sipoi.Web.Data;
using Sipoi.Web.Evaluacion;
using Sipoi.Web.Pages.Entidades;

namespace Sipoi.Web.Pages.PlanGobierno;

/// <summary>
/// For each objective of a government plan, the POI activities that serve it — those of the AEIs aligned to
/// it, directly or through an aligned OEI — with their execution in a period (/e/{entidad}/plan-gobierno/{id}/ejecucion/{año}).
/// Every figure is the evaluation engine's run for the period (ConsultaEvaluacion), never recomputed here.
/// </summary>
public sealed class EjecucionModel(SipoiDbContext db) : PageModel
{
    public sealed record FilaActividad(ResultadoActividad Resultado, string Nombre, string? UnidadMedida, string Centro);
    public sealed record FilaAei(string Codigo, string Enunciado, string Via, ResultadoAei? Resultado, List<FilaActividad> Actividades);
    public sealed record FilaObjetivo(ElementoPlanGobierno Objetivo, string Ruta, List<FilaAei> Aeis, List<string> FueraDelPei);

    public Entidad Entidad { get; private set; } = null!;
    public Domain.Estrategia.PlanGobierno Plan { get; private set; } = null!;
    public int Anio { get; private set; }
    public string PeiCodigo { get; private set; } = "";
    public ResultadoEvaluacion Resultado { get; private set; } = null!;
    public List<FilaObjetivo> Objetivos { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string entidad, int id, int anio, string? periodo, CancellationToken ct)
    {
        if (await ContextoEntidad.BuscarAsync(db, entidad, ct) is not { } e) return NotFound();
        var p = Periodo.Anual;
        if (periodo is not null && !Periodo.TryParse(periodo, out p)) return BadRequest(Periodo.NoValido(periodo));
        var plan = await db.PlanesGobierno.AsNoTracking().Include(x => x.Elementos).ThenInclude(x => x.Alineamientos)
            .AsSplitQuery().SingleOrDefaultAsync(x => x.Id == id && x.EntidadId == e.Id, ct);
        if (plan is null) return NotFound();
        if (await ConsultaEvaluacion.ContextoAsync(db, entidad, anio, ct) is not { } contexto) return NotFound();
        (Entidad, Plan, Anio) = (e, plan, anio);
        Resultado = await ConsultaEvaluacion.EvaluarAsync(db, contexto, anio, p, ct: ct);
        PeiCodigo = await db.Peis.Where(x => x.Id == contexto.PeiId).Select(x => x.Codigo).SingleAsync(ct);

        // The structure the alignments point at: OEI and AEI of any PEI of the entity, by id.
        var oeis = await (from o in db.Oeis.AsNoTracking()
                          join pe in db.Peis on o.PeiId equals pe.Id
                          where pe.EntidadId == e.Id
                          select new { o.Id, o.Codigo, o.Enunciado, o.PeiId, Pei = pe.Codigo }).ToDictionaryAsync(x => x.Id, ct);
        var aeis = await (from a in db.Aeis.AsNoTracking()
                          join o in db.Oeis on a.OeiId equals o.Id
                          join pe in db.Peis on o.PeiId equals pe.Id
                          where pe.EntidadId == e.Id
                          select new { a.Id, a.Codigo, a.Enunciado, a.OeiId, a.Prioridad, o.PeiId, Pei = pe.Codigo }).ToListAsync(ct);
        var poiId = await db.Pois.Where(x => x.EntidadId == e.Id && x.Anio == anio).Select(x => x.Id).SingleAsync(ct);
        var actividades = await (from a in db.Actividades.AsNoTracking()
                                 join c in db.CentrosCosto on a.CentroCostoId equals c.Id
                                 where a.PoiId == poiId
                                 select new { a.Codigo, a.Nombre, a.UnidadMedida, Centro = c.Codigo + " " + c.Nombre }).ToDictionaryAsync(x => x.Codigo, ct);
        var resultadosAei = Resultado.Oeis.SelectMany(o => o.Aeis).ToDictionary(a => a.Codigo, StringComparer.Ordinal);
        var porAei = Resultado.Actividades.ToLookup(a => a.AeiCodigo, StringComparer.Ordinal);

        FilaAei Fila(int aeiId, string via)
        {
            var a = aeis.Single(x => x.Id == aeiId);
            return new FilaAei(a.Codigo, a.Enunciado, via, resultadosAei.GetValueOrDefault(a.Codigo),
                porAei[a.Codigo].OrderBy(r => r.Codigo, StringComparer.Ordinal).Select(r =>
                {
                    var d = actividades.GetValueOrDefault(r.Codigo);
                    return new FilaActividad(r, d?.Nombre ?? "", d?.UnidadMedida, d?.Centro ?? r.CentroCostoCodigo);
                }).ToList());
        }

        var porId = plan.Elementos.ToDictionary(x => x.Id);
        foreach (var objetivo in plan.Elementos.Where(x => x.Nivel == NivelPlanGobierno.Objetivo)
                     .OrderBy(x => Ruta(x, porId), StringComparer.Ordinal).ThenBy(x => x.Codigo ?? "", StringComparer.Ordinal).ThenBy(x => x.Id))
        {
            var filas = new List<FilaAei>();
            var fuera = new List<string>();
            foreach (var al in objetivo.Alineamientos.OrderBy(x => x.Id))
            {
                if (al.AeiId is { } aeiId)
                {
                    var a = aeis.Single(x => x.Id == aeiId);
                    if (a.PeiId != contexto.PeiId) { fuera.Add($"{a.Codigo} ({a.Pei})"); continue; }
                    if (filas.All(f => f.Codigo != a.Codigo)) filas.Add(Fila(aeiId, "alineada directamente"));
                }
                else if (oeis.GetValueOrDefault(al.OeiId!.Value) is { } o)
                {
                    if (o.PeiId != contexto.PeiId) { fuera.Add($"{o.Codigo} ({o.Pei})"); continue; }
                    foreach (var a in aeis.Where(x => x.OeiId == o.Id).OrderBy(x => x.Prioridad))
                        if (filas.All(f => f.Codigo != a.Codigo)) filas.Add(Fila(a.Id, $"por el {o.Codigo}"));
                }
            }
            Objetivos.Add(new FilaObjetivo(objetivo, Ruta(objetivo, porId), filas, fuera));
        }
        return Page();
    }

    /// <summary>"Dimensión social › problema …": the objective's ancestors, for its heading.</summary>
    private static string Ruta(ElementoPlanGobierno e, Dictionary<int, ElementoPlanGobierno> porId)
    {
        var partes = new List<string>();
        for (var p = e.PadreId; p is { } id && porId.TryGetValue(id, out var padre); p = padre.PadreId)
            partes.Insert(0, $"{padre.Nivel.Nombre()}: {padre.Descripcion}");
        return string.Join(" › ", partes);
    }
}
