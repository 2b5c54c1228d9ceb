using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sipoi.Web.Arranque;
using Sipoi.Web.Data;
using Sipoi.Web.Reportes;
using Sipoi.Web.Seguimiento;
using Sipoi.Web.Seguridad;

namespace Sipoi.Web.Pages.Tablero;

/// <summary>
/// The dashboard: IGI, OEI and AEI bars with their bands, the accumulated execution month by month and the
/// cost centres ranked. Every chart is drawn by a few lines of script from the HTML table beside it, so the
/// page reads the same without JavaScript, without colour and on paper.
/// </summary>
public sealed class IndexModel([FromKeyedServices(BaseDeDatos.Lectura)] SipoiDbContext db, TimeProvider reloj) : PageModel
{
    /// <summary>Rows of the overdue list on the dashboard; the monitoring board has them all.</summary>
    public const int MaximoAtrasos = 15;

    public Sipoi.Web.Reportes.TableroPoi Tablero { get; private set; } = null!;
    public Periodo Periodo { get; private set; }
    public DateOnly Hoy { get; private set; }
    public IReadOnlyList<EstadoEntregas.Atraso> Atrasados { get; private set; } = [];
    public int PorRevisar { get; private set; }
    public bool SoloCentrosPropios { get; private set; }

    public async Task<IActionResult> OnGetAsync(string entidad, int anio, string? periodo, CancellationToken ct)
    {
        var p = Periodo.Anual;
        if (periodo is not null && !Periodo.TryParse(periodo, out p)) return BadRequest(Periodo.NoValido(periodo));
        var cronometro = System.Diagnostics.Stopwatch.StartNew();
        var tiempos = new List<(string Nombre, TimeSpan Duracion)>();
        void Marcar(string nombre)
        {
            tiempos.Add((nombre, cronometro.Elapsed - tiempos.Aggregate(TimeSpan.Zero, (t, x) => t + x.Duracion)));
        }
        // Server-Timing: what each part took, and the page until its first byte (rendering included), so "≤ 50 ms of
        // server time" can be read in the browser's network panel or by bench/carga (docs/benchmarks.md, «Carga»).
        Response.OnStarting(() =>
        {
            var partes = new List<(string Nombre, TimeSpan Duracion)>(tiempos) { ("total", cronometro.Elapsed) };
            Response.Headers["Server-Timing"] = string.Join(", ",
                partes.Select(t => $"{t.Nombre};dur={t.Duracion.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture)}"));
            return Task.CompletedTask;
        });
        if (await DatosReporte.CargarAsync(db, entidad, anio, ct) is not { } d) return NotFound();
        Marcar("datos");
        Periodo = p;
        Tablero = await Sipoi.Web.Reportes.TableroPoi.ConstruirAsync(db, d, p, ct);
        Marcar("tablero");
        var visibles = await User.CentrosVisiblesAsync(db, ct);
        SoloCentrosPropios = visibles is not null;
        Hoy = Plazos.Hoy(reloj.GetUtcNow());
        if (await EstadoEntregas.CargarAsync(db, d.Entidad, d.Anio, visibles, Hoy, ct) is { } entregas)
        {
            Atrasados = entregas.Atrasados(Hoy);
            PorRevisar = entregas.Pendientes.Count;
        }
        Marcar("entregas");
        return Page();
    }

    /// <summary>The value as the chart reads it (invariant, unrounded); empty without a value.</summary>
    public static string Dato(decimal? valor) => valor?.ToString(CultureInfo.InvariantCulture) ?? "";
}
