using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sipoi.Web.Arranque;
using Sipoi.Web.Data;
using Sipoi.Web.Presentacion;
using Sipoi.Web.Reportes;
using Sipoi.Web.Seguridad;

namespace Sipoi.Web.Pages.Reportes;

/// <summary>The reports of a POI year, each with its options as a plain GET form that downloads the file.</summary>
public sealed class IndexModel([FromKeyedServices(BaseDeDatos.Lectura)] SipoiDbContext db, TimeProvider reloj) : PageModel
{
    public DatosReporte Datos { get; private set; } = null!;
    public bool SoloCentrosPropios { get; private set; }
    public bool PdfDisponible => ConversorPdf.Disponible;

    /// <summary>The cut-off month the form proposes: the last month already ended in the current year, else December.</summary>
    public int MesSugerido { get; private set; } = 12;

    public string Enlace(string archivo) => Url.Pagina("/Reportes/Descargar", null, new { entidad = Datos.Entidad.Codigo, anio = Datos.Anio, archivo });

    public async Task<IActionResult> OnGetAsync(string entidad, int anio, CancellationToken ct)
    {
        if (await DatosReporte.CargarAsync(db, entidad, anio, ct) is not { } d) return NotFound();
        Datos = d;
        SoloCentrosPropios = !User.VeTodaLaEntidad();
        var hoy = Formato.HoraLocal(reloj.GetUtcNow());
        if (hoy.Year == anio) MesSugerido = Math.Max(1, hoy.Month - 1);
        return Page();
    }
}
