using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Arranque;
using Sipoi.Web.Data;
using Sipoi.Web.Presentacion;
using Sipoi.Web.Reportes;
using Sipoi.Web.Seguridad;

namespace Sipoi.Web.Pages.Reportes;

/// <summary>
/// The reports of a POI year, each with its options as a plain GET form that downloads the file; and the accountability
/// report of one of the entity's government plans (<see cref="OnGetRendicionCuentasAsync"/>).
/// </summary>
public sealed class IndexModel([FromKeyedServices(BaseDeDatos.Lectura)] SipoiDbContext db, TimeProvider reloj) : PageModel
{
    public DatosReporte Datos { get; private set; } = null!;
    public bool SoloCentrosPropios { get; private set; }
    public bool PdfDisponible => ConversorPdf.Disponible;

    /// <summary>The cut-off month the form proposes: the last month already ended in the current year, else December.</summary>
    public int MesSugerido { get; private set; } = 12;

    /// <summary>An option of the accountability report's selector: a government plan and one of its years.</summary>
    public sealed record OpcionPlan(int Id, string Nombre, int Anio)
    {
        public string Valor => $"{Id}-{Anio}";
    }

    /// <summary>Every year of every government plan of the entity, the newest plan first; empty when it has none.</summary>
    public IReadOnlyList<OpcionPlan> Planes { get; private set; } = [];

    /// <summary>The option the selector proposes: the plan covering the POI year at that year, else the plan ended last at its last year.</summary>
    public string? PlanSugerido { get; private set; }

    public string Enlace(string archivo) => Url.Pagina("/Reportes/Descargar", null, new { entidad = Datos.Entidad.Codigo, anio = Datos.Anio, archivo });

    public async Task<IActionResult> OnGetAsync(string entidad, int anio, CancellationToken ct)
    {
        if (await DatosReporte.CargarAsync(db, entidad, anio, ct) is not { } d) return NotFound();
        Datos = d;
        SoloCentrosPropios = !User.VeTodaLaEntidad();
        var hoy = Formato.HoraLocal(reloj.GetUtcNow());
        if (hoy.Year == anio) MesSugerido = Math.Max(1, hoy.Month - 1);
        var planes = await db.PlanesGobierno.AsNoTracking().Where(p => p.EntidadId == d.Entidad.Id)
            .Select(p => new { p.Id, p.Nombre, p.Inicio, p.Fin }).ToListAsync(ct);
        Planes = [.. planes.OrderByDescending(p => p.Fin).ThenByDescending(p => p.Inicio).ThenByDescending(p => p.Id)
            .SelectMany(p => Enumerable.Range(p.Inicio, p.Fin - p.Inicio + 1).Select(a => new OpcionPlan(p.Id, p.Nombre, a)))];
        if (await MenuPrincipal.PlanGobiernoVigenteAsync(db, entidad, anio, ct) is { } v) PlanSugerido = $"{v.Id}-{v.Anio}";
        return Page();
    }

    /// <summary>
    /// GET …/reportes/{año}?handler=RendicionCuentas&amp;plan=ID-AÑO&amp;semestre=1|2&amp;formato=docx|xlsx: the same file as
    /// the plan's evaluation page (<see cref="ConsultaRendicionCuentas.Archivo"/>). 400 with a Spanish message for a bad
    /// option; 404 for a plan of another entity or a year outside the plan.
    /// </summary>
    public async Task<IActionResult> OnGetRendicionCuentasAsync(string entidad, string? plan, int? semestre, string? formato, CancellationToken ct)
    {
        if (plan?.Split('-') is not [var i, var a]
            || !int.TryParse(i, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || !int.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out var anioPlan))
            return BadRequest($"Plan de Gobierno no válido «{plan}»: elija un plan y un año de la lista.");
        if (semestre is not (1 or 2)) return BadRequest("Semestre no válido: use 1 (enero–junio) o 2 (julio–diciembre).");
        if (formato is not ("docx" or "xlsx")) return BadRequest("Formato no válido: use docx (Word) o xlsx (Excel).");
        if (await ConsultaRendicionCuentas.CargarAsync(db, entidad, id, anioPlan, semestre.Value, ct) is not { } d) return NotFound();
        if (anioPlan < d.Plan.Inicio || anioPlan > d.Plan.Fin) return NotFound();
        var archivo = ConsultaRendicionCuentas.Archivo(d, formato)!;
        return File(archivo.Contenido, archivo.Mime, archivo.Nombre);
    }
}
