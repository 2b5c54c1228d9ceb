using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Data;
using Sipoi.Web.Entidades;
using Sipoi.Web.Informes;
using Sipoi.Web.Reportes;

namespace Sipoi.Web.Pages.Informes;

/// <summary>
/// The report's narrative of a registered evaluation: per-OEI analysis, conclusions and recommendations, each starting
/// from its draft (figures, the centres' justifications and period summaries). One all-or-nothing save; read-only once
/// the evaluation is published. The Word report prints what is saved here (README.md in Informes/, "Narrativa").
/// </summary>
public sealed class NarrativaModel(SipoiDbContext db) : PageModel
{
    public sealed class Entrada
    {
        public SeccionNarrativa Seccion { get; set; }
        public string Oei { get; set; } = "";
        public string? Texto { get; set; }
    }

    /// <summary>A section as the editor shows it: its title, the draft and whether the office wrote its own text.</summary>
    public sealed record Vista(SeccionNarrativa Seccion, string Oei, string Titulo, string Borrador, bool Propio);

    public Entidad Entidad { get; private set; } = null!;
    public EvaluacionPoi Evaluacion { get; private set; } = null!;
    public List<Vista> Secciones { get; private set; } = [];
    public bool Editable { get; private set; }
    public string? Error { get; private set; }
    [TempData] public string? Aviso { get; set; }

    [BindProperty] public List<Entrada> Textos { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(string entidad, int anio, string periodo, CancellationToken ct)
    {
        if (!PermisosInformes.PuedeLeer(User)) return Forbid();
        if (!await BuscarAsync(entidad, anio, periodo, ct)) return NotFound();
        var textos = await NarrativaInforme.TextosAsync(db, Evaluacion.Id, ct);
        Textos = Secciones.Select(s => new Entrada
        {
            Seccion = s.Seccion,
            Oei = s.Oei,
            Texto = textos.FirstOrDefault(t => t.Seccion == s.Seccion && t.OeiCodigo == s.Oei)?.Texto ?? s.Borrador,
        }).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string entidad, int anio, string periodo, CancellationToken ct)
    {
        if (!PermisosInformes.PuedeGestionar(User)) return Forbid();
        if (!await BuscarAsync(entidad, anio, periodo, ct)) return NotFound();
        var borradores = Secciones.ToDictionary(s => (s.Seccion, s.Oei), s => s.Borrador);
        try
        {
            var entradas = Textos.Select(t => new EntradaNarrativa(t.Seccion, t.Oei ?? "", t.Texto,
                borradores.TryGetValue((t.Seccion, t.Oei ?? ""), out var b) ? b
                    : throw new ReglaDominioException($"La sección {t.Seccion} {t.Oei} no es de esta evaluación."))).ToList();
            var cambios = await NarrativaInforme.GuardarAsync(db, Evaluacion, entradas, ct);
            Aviso = cambios == 0 ? "No había cambios que guardar." : "Se guardó la redacción del informe.";
            return RedirectToPage("/Informes/Narrativa", new { entidad = Entidad.Codigo, anio = Evaluacion.Anio, periodo = Evaluacion.PeriodoCodigo });
        }
        catch (Exception e) when (e is ReglaDominioException or DbUpdateConcurrencyException or DbUpdateException)
        {
            Error = e is ReglaDominioException ? e.Message : "Otra persona cambió esta redacción mientras usted editaba; recargue la página.";
            db.ChangeTracker.Clear();
            return Page();
        }
    }

    private async Task<bool> BuscarAsync(string entidad, int anio, string periodo, CancellationToken ct)
    {
        if (!Periodo.TryParse(periodo, out var p)) return false;
        if (await ContextoEntidad.BuscarAsync(db, entidad, ct) is not { } e) return false;
        if (await RegistroEvaluaciones.BuscarAsync(db, e.Id, anio, p, ct) is not { } ev) return false;
        if (await DatosReporte.CargarAsync(db, e.Codigo, anio, ct) is not { } d) return false;
        Entidad = e;
        Evaluacion = ev;
        Editable = PermisosInformes.PuedeGestionar(User) && !ev.Publicada;
        // The drafts read what publishing reads: approved months only.
        d = RegistroEvaluaciones.SoloAprobado(d);
        var informe = await ConstructorReportes.InformeSinNarrativaAsync(db, d, p, ct);
        var narrativa = await NarrativaInforme.CargarAsync(db, e.Id, anio, p, d.Evaluacion.Configuracion, ct);
        var propios = await db.TextosNarrativa.AsNoTracking().Where(t => t.EvaluacionId == ev.Id)
            .Select(t => new { t.Seccion, t.OeiCodigo }).ToListAsync(ct);
        bool Propio(SeccionNarrativa s, string oei) => propios.Any(t => t.Seccion == s && t.OeiCodigo == oei);
        Secciones =
        [
            .. informe.Oeis.Select(o => new Vista(SeccionNarrativa.AnalisisOei, o.Codigo, $"Análisis del {o.Codigo}: {o.Enunciado}",
                NarrativaInforme.BorradorAnalisis(informe, o, narrativa), Propio(SeccionNarrativa.AnalisisOei, o.Codigo))),
            new(SeccionNarrativa.Conclusiones, "", "Conclusiones (una por línea)", NarrativaInforme.BorradorConclusiones(informe, narrativa),
                Propio(SeccionNarrativa.Conclusiones, "")),
            new(SeccionNarrativa.Recomendaciones, "", "Recomendaciones (una por línea)", NarrativaInforme.BorradorRecomendaciones(informe),
                Propio(SeccionNarrativa.Recomendaciones, "")),
        ];
        return true;
    }
}
