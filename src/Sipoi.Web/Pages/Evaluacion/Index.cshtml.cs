using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Data;
using Sipoi.Web.Entidades;
using Sipoi.Web.Evaluacion;
using Sipoi.Web.Informes;

namespace Sipoi.Web.Pages.Evaluacion;

/// <summary>The evaluation of a period: the same engine and query as `sipoi evaluate`.</summary>
public sealed class IndexModel(SipoiDbContext db) : PageModel
{
    public Entidad Entidad { get; private set; } = null!;
    public int Anio { get; private set; }
    public ResultadoEvaluacion Resultado { get; private set; } = null!;
    public Dictionary<string, string> NombresCentros { get; private set; } = [];
    /// <summary>The statements of the POI's PEI objectives and actions by code: a code never appears without its name (issue 15).</summary>
    public Dictionary<string, string> NombresEstrategicos { get; private set; } = [];
    /// <summary>The names of the PEI's indicators by code.</summary>
    public Dictionary<string, string> NombresIndicadores { get; private set; } = [];
    /// <summary>Cost centres whose figures include submitted, unapproved months (entity setting MostrarEnviados).</summary>
    public IReadOnlySet<string> CentrosConEnviados { get; private set; } = new HashSet<string>();
    /// <summary>Which centre-months of the period the figures do not count yet (issue 13, item 3).</summary>
    public Completitud Completitud { get; private set; } = null!;
    /// <summary>The centres' justifications and period summaries of the period (_Narrativa.cshtml).</summary>
    public NarrativaPeriodo? Narrativa { get; private set; }

    /// <summary>"OEI.01 Mejorar …": the code followed by its name, or the code alone when the PEI has no such code.</summary>
    public string ConNombre(string codigo) => NombresEstrategicos.TryGetValue(codigo, out var n) ? $"{codigo} {n}" : codigo;

    public async Task<IActionResult> OnGetAsync(string entidad, int anio, string? periodo, CancellationToken ct)
    {
        if (await ContextoEntidad.BuscarAsync(db, entidad, ct) is not { } e) return NotFound();
        var p = Periodo.Anual;
        if (periodo is not null && !Periodo.TryParse(periodo, out p)) return BadRequest(Periodo.NoValido(periodo));
        if (await ConsultaEvaluacion.ContextoAsync(db, entidad, anio, ct) is not { } contexto) return NotFound();
        Entidad = e;
        Anio = anio;
        Resultado = await ConsultaEvaluacion.EvaluarAsync(db, contexto, anio, p, ct: ct);
        CentrosConEnviados = await ConsultaEvaluacion.CentrosConEnviadosAsync(db, contexto, anio, p, ct);
        Completitud = await ConsultaCompletitud.CalcularAsync(db, contexto, p, ct: ct);
        Narrativa = await NarrativaInforme.CargarAsync(db, e.Id, anio, p, contexto.Configuracion, ct);
        NombresEstrategicos = await db.Oeis.AsNoTracking().Where(o => o.PeiId == contexto.PeiId).ToDictionaryAsync(o => o.Codigo, o => o.Enunciado, ct);
        foreach (var (codigo, enunciado) in await db.Aeis.AsNoTracking().Where(a => db.Oeis.Any(o => o.Id == a.OeiId && o.PeiId == contexto.PeiId))
                     .Select(a => new ValueTuple<string, string>(a.Codigo, a.Enunciado)).ToListAsync(ct))
            NombresEstrategicos.TryAdd(codigo, enunciado);
        NombresIndicadores = await db.Indicadores.AsNoTracking()
            .Where(i => db.Oeis.Any(o => o.PeiId == contexto.PeiId && (o.Id == i.OeiId || o.Aeis.Any(a => a.Id == i.AeiId))))
            .ToDictionaryAsync(i => i.Codigo, i => i.Nombre, ct);
        NombresCentros = await db.CentrosCosto.AsNoTracking().Where(c => c.EntidadId == e.Id).ToDictionaryAsync(c => c.Codigo, c => c.Nombre, ct);
        return Page();
    }
}
