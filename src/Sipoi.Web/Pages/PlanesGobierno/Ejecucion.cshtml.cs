using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Data;
using Sipoi.Web.Entidades;
using Sipoi.Web.Evaluacion;

namespace Sipoi.Web.Pages.PlanesGobierno;

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
    public PlanGobierno Plan { get; private set; } = null!;
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
        // The entity's PEIs with their OEIs and AEIs: the domain tells which of them serve each objective.
        var peis = await db.Peis.AsNoTracking().Include(x => x.Oeis).ThenInclude(o => o.Aeis).AsSplitQuery()
            .Where(x => x.EntidadId == e.Id).ToListAsync(ct);
        var pei = peis.Single(x => x.Id == contexto.PeiId);
        PeiCodigo = pei.Codigo;
        var actividades = await (from a in db.Actividades.AsNoTracking()
                                 join poi in db.Pois on a.PoiId equals poi.Id
                                 join c in db.CentrosCosto on a.CentroCostoId equals c.Id
                                 where poi.EntidadId == e.Id && poi.Anio == anio
                                 select new { a.Codigo, Descripcion = new Descripcion(a.Nombre, a.UnidadMedida, c.Codigo + " " + c.Nombre) })
            .ToDictionaryAsync(x => x.Codigo, x => x.Descripcion, ct);
        Objetivos = [.. plan.ObjetivosEnOrden().Select(o => FilaDe(o, o.AeisQueLoSirven(pei, peis), actividades))];
        return Page();
    }

    private sealed record Descripcion(string Nombre, string? UnidadMedida, string Centro);

    /// <summary>The objective's row: each AEI that serves it with the engine's figures, and under it its activities.</summary>
    private FilaObjetivo FilaDe(ElementoPlanGobierno objetivo, AeisDelObjetivo servicio, Dictionary<string, Descripcion> actividades)
    {
        var porAei = Resultado.Actividades.ToLookup(a => a.AeiCodigo, StringComparer.Ordinal);
        var resultadosAei = Resultado.Oeis.SelectMany(o => o.Aeis).ToDictionary(a => a.Codigo, StringComparer.Ordinal);
        var aeis = servicio.Aeis.Select(s => new FilaAei(s.Aei.Codigo, s.Aei.Enunciado,
            s.PorOei is { } o ? $"por el {o.Codigo}" : "alineada directamente", resultadosAei.GetValueOrDefault(s.Aei.Codigo),
            [.. porAei[s.Aei.Codigo].OrderBy(r => r.Codigo, StringComparer.Ordinal).Select(r => actividades.GetValueOrDefault(r.Codigo) is { } d
                ? new FilaActividad(r, d.Nombre, d.UnidadMedida, d.Centro)
                : new FilaActividad(r, "", null, r.CentroCostoCodigo))]));
        return new FilaObjetivo(objetivo, Plan.Ruta(objetivo), [.. aeis], [.. servicio.FueraDelPei]);
    }
}
