using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Data;
using Sipoi.Web.Seguridad;

namespace Sipoi.Web.Pages.Formulacion;

/// <summary>
/// The POI against the opening budget (/e/{entidad}/formulacion/{año}/techos): each cost centre's
/// programmed soles against its ceiling, with the differences; the planning office sets the ceilings
/// here (all rows in one save, all or nothing).
/// </summary>
public sealed class TechosModel(SipoiDbContext db) : PageModel
{
    public sealed class FilaTecho
    {
        public string Centro { get; set; } = "";
        public string? Monto { get; set; }
    }

    [BindProperty] public List<FilaTecho> Techos { get; set; } = [];
    [TempData] public string? Aviso { get; set; }

    public ContextoFormulacion Ctx { get; private set; } = null!;
    public string CodigoEntidad { get; private set; } = "";
    public int Anio { get; private set; }
    public bool PuedeConducir { get; private set; }
    public string? Version { get; private set; }
    public IReadOnlyList<ConsistenciaCentro> Filas { get; private set; } = [];
    public decimal? Pia { get; private set; }
    public ResultadoFormulacion? Resultado { get; private set; }

    public string Enlace => Url.Pagina("/Formulacion/Techos", null, new { entidad = CodigoEntidad, anio = Anio });

    public async Task<IActionResult> OnGetAsync(string entidad, int anio, CancellationToken ct)
    {
        if (await PrepararAsync(entidad, anio, ct) is { } no) return no;
        Techos = Filas.Select(f => new FilaTecho { Centro = f.Centro, Monto = f.Techo is { } t ? EntradaActividad.Texto(t) : null }).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string entidad, int anio, CancellationToken ct)
    {
        if (await PrepararAsync(entidad, anio, ct) is { } no) return no;
        if (!PuedeConducir) return Forbid();
        var r = await ServicioFormulacion.GuardarTechosAsync(db, Ctx, Techos.Select(t => (t.Centro, t.Monto)).ToList(), ct);
        if (r.Exito)
        {
            Aviso = r.Mensaje;
            return Redirect(Enlace);
        }
        Resultado = r;
        return Page();
    }

    private async Task<IActionResult?> PrepararAsync(string entidad, int anio, CancellationToken ct)
    {
        CodigoEntidad = entidad;
        Anio = anio;
        if (await ContextoFormulacion.CargarAsync(db, entidad, anio, ct) is not { Poi: not null } ctx) return NotFound();
        Ctx = ctx;
        PuedeConducir = PermisosFormulacion.PuedeConducir(User);
        var version = ctx.Borrador ?? ctx.Aprobada;
        Version = version?.Etiqueta;
        var visibles = await User.CentrosVisiblesAsync(db, ct);
        if (version is not null) Filas = await ConsultaFormulacion.ConsistenciaAsync(db, ctx, version.Id, visibles, ct);
        // A planner also sees the active centres without activities yet, to give them a ceiling (an inactive one gets none).
        if (PuedeConducir)
        {
            var con = Filas.Select(f => f.Centro).ToHashSet(StringComparer.Ordinal);
            var otros = await db.CentrosCosto.AsNoTracking().Where(c => c.EntidadId == ctx.Entidad.Id && c.Activo).OrderBy(c => c.Codigo)
                .Select(c => new { c.Codigo, c.Nombre }).ToListAsync(ct);
            Filas = Filas.Concat(otros.Where(o => !con.Contains(o.Codigo)).Select(o => new ConsistenciaCentro(o.Codigo, o.Nombre, null, 0)))
                .OrderBy(f => f.Centro, StringComparer.Ordinal).ToList();
        }
        var egresos = await db.LineasPresupuesto.AsNoTracking()
            .Where(l => l.EntidadId == ctx.Entidad.Id && l.Anio == anio && l.Tipo == TipoLineaPresupuesto.Egreso).Select(l => l.Monto).ToListAsync(ct);
        Pia = egresos.Count == 0 ? null : egresos.Sum();
        return null;
    }
}
