using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sipoi.Domain.Organizacion;
using Sipoi.Web.Data;
using Sipoi.Web.Pages.Entidades;
using Sipoi.Web.Seguridad;

namespace Sipoi.Web.Pages.Poi;

public sealed class PorFichaModel(SipoiDbContext db) : PageModel
{
    public sealed record LineaAlineamiento(string Oei, string Aei, string? Indicador, string? Unidad, decimal? Meta);
    public sealed record Ficha(string Codigo, string Nombre, string? Gerencia, string? Unidad, string? Responsable, string? Objetivo,
        List<LineaAlineamiento> Alineamiento, List<FilaActividad> Actividades)
    {
        public string Ancla => "fp-" + Codigo.Replace(' ', '-');
    }

    public Entidad Entidad { get; private set; } = null!;
    public VistaPoi Vista { get; private set; } = null!;
    /// <summary>True when an Operador sees only its own cost centres.</summary>
    public bool SoloCentrosPropios { get; private set; }
    public string? Subtitulo => SoloCentrosPropios ? "Se muestran solo las actividades de los centros de costo asignados a su usuario." : null;
    public List<Ficha> Fichas { get; private set; } = [];
    public List<FilaActividad> SinFicha { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string entidad, int anio, CancellationToken ct)
    {
        if (await ContextoEntidad.BuscarAsync(db, entidad, ct) is not { } e) return NotFound();
        var centros = await User.CentrosVisiblesAsync(db, ct);
        if (await ConsultaPoi.CargarAsync(db, e.Id, anio, ct, centros: centros) is not { } vista) return NotFound();
        SoloCentrosPropios = centros is not null;
        Entidad = e;
        Vista = vista;

        var fichas = await (
            from f in db.Fichas.AsNoTracking()
            from c in db.CentrosCosto.Where(c => c.Id == f.CentroCostoId).DefaultIfEmpty()
            where f.EntidadId == e.Id
            select new { f.Id, f.Codigo, f.Nombre, f.Gerencia, Unidad = c == null ? null : c.Nombre, f.Responsable, f.Objetivo }).ToListAsync(ct);
        var alineamiento = await (
            from fa in db.FichasAei.AsNoTracking()
            join a in db.Aeis on fa.AeiId equals a.Id
            join o in db.Oeis on a.OeiId equals o.Id
            from i in db.Indicadores.Where(i => i.AeiId == a.Id).DefaultIfEmpty()
            where fa.EntidadId == e.Id
            select new
            {
                fa.FichaId,
                a.Codigo,
                a.Enunciado,
                OeiCodigo = o.Codigo,
                OeiEnunciado = o.Enunciado,
                Indicador = i == null ? null : i.Nombre,
                Unidad = i == null ? null : i.Unidad,
                Meta = i == null ? null : i.Valores.Where(v => v.Anio == anio && v.Periodo == Domain.Estrategia.PeriodoIndicador.Anual).Select(v => v.LogroEsperado).FirstOrDefault(),
            }).ToListAsync(ct);

        var porFicha = vista.Actividades.Where(a => a.FichaCodigo is not null).ToLookup(a => a.FichaCodigo!);
        Fichas = fichas
            .Where(f => porFicha.Contains(f.Codigo))
            .OrderBy(f => f.Gerencia, StringComparer.Ordinal).ThenBy(f => f.Codigo, StringComparer.Ordinal)
            .Select(f => new Ficha(f.Codigo, f.Nombre, f.Gerencia, f.Unidad, f.Responsable, f.Objetivo,
                alineamiento.Where(x => x.FichaId == f.Id).OrderBy(x => x.Codigo, StringComparer.Ordinal)
                    .Select(x => new LineaAlineamiento($"{x.OeiCodigo}: {x.OeiEnunciado}", $"{x.Codigo}: {x.Enunciado}", x.Indicador, x.Unidad, x.Meta)).ToList(),
                porFicha[f.Codigo].ToList()))
            .ToList();
        SinFicha = vista.Actividades.Where(a => a.FichaCodigo is null).ToList();
        return Page();
    }
}
