using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Data;
using Sipoi.Web.Entidades;
using Sipoi.Web.Peis;
using Sipoi.Web.Seguridad;

namespace Sipoi.Web.Pages.Administracion;

/// <summary>
/// The entity settings (ConfiguracionEntidad) in one form: saved whole or not at all. The numbers are read
/// as the offices type them (EdicionPei) and the rules are the domain's (ConfiguracionEntidad.Validar).
/// </summary>
[Authorize(Policy = Politicas.Administracion)]
public sealed class ConfiguracionModel(SipoiDbContext db) : PageModel
{
    public sealed class Campos
    {
        public string? Metodo { get; set; }
        public string? MedioDesde { get; set; }
        public string? AltoDesde { get; set; }
        public string? EtiquetaBajo { get; set; }
        public string? EtiquetaMedio { get; set; }
        public string? EtiquetaAlto { get; set; }
        public string? LeyendaBajo { get; set; }
        public string? LeyendaMedio { get; set; }
        public string? LeyendaAlto { get; set; }
        public string? ToleranciaInferior { get; set; }
        public string? ToleranciaSuperior { get; set; }
        public string? DiasCierre { get; set; }
        public bool MostrarEnviados { get; set; }
        /// <summary>"mensual" or "trimestral".</summary>
        public string? Ritmo { get; set; }
        public bool ValidacionJefatura { get; set; }
        public bool PorcentajesEnteros { get; set; }
    }

    [BindProperty] public Campos Datos { get; set; } = new();
    [TempData] public string? Aviso { get; set; }
    public Entidad Entidad { get; private set; } = null!;
    public List<string> Errores { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string entidad, CancellationToken ct)
    {
        if (await ContextoEntidad.BuscarAsync(db, entidad, ct) is not { } e) return NotFound();
        Entidad = e;
        var c = e.Configuracion;
        Datos = new Campos
        {
            Metodo = c.Metodo.Codigo(),
            MedioDesde = EdicionPei.Texto(c.BandaMedioDesde),
            AltoDesde = EdicionPei.Texto(c.BandaAltoDesde),
            EtiquetaBajo = c.EtiquetaBajo,
            EtiquetaMedio = c.EtiquetaMedio,
            EtiquetaAlto = c.EtiquetaAlto,
            LeyendaBajo = c.LeyendaBajo,
            LeyendaMedio = c.LeyendaMedio,
            LeyendaAlto = c.LeyendaAlto,
            ToleranciaInferior = EdicionPei.Texto(c.ToleranciaInferior),
            ToleranciaSuperior = EdicionPei.Texto(c.ToleranciaSuperior),
            DiasCierre = c.DiasCierre.ToString(System.Globalization.CultureInfo.InvariantCulture),
            MostrarEnviados = c.MostrarEnviados,
            Ritmo = c.Ritmo == RitmoReporte.Trimestral ? "trimestral" : "mensual",
            ValidacionJefatura = c.ValidacionJefatura,
            PorcentajesEnteros = c.PorcentajesEnteros,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string entidad, CancellationToken ct)
    {
        var e = await db.Entidades.SingleOrDefaultAsync(x => x.Codigo == entidad, ct);
        if (e is null) return NotFound();
        Entidad = e;
        var d = Datos;
        MetodoEvaluacion? metodo = d.Metodo switch
        {
            "ceplan" => MetodoEvaluacion.Ceplan,
            "ponderado" => MetodoEvaluacion.Ponderado,
            _ => null,
        };
        if (metodo is null) Errores.Add($"Método de evaluación: «{d.Metodo}» no es ceplan ni ponderado.");
        var medio = Requerido(d.MedioDesde, "Umbral de la banda media desde (%)");
        var alto = Requerido(d.AltoDesde, "Umbral de la banda alta desde (%)");
        var inferior = Requerido(d.ToleranciaInferior, "Tolerancia inferior (%)");
        var superior = Requerido(d.ToleranciaSuperior, "Tolerancia superior (%)");
        RitmoReporte? ritmo = d.Ritmo switch
        {
            null or "" or "mensual" => RitmoReporte.Mensual,
            "trimestral" => RitmoReporte.Trimestral,
            _ => null,
        };
        if (ritmo is null) Errores.Add($"Ritmo de reporte: «{d.Ritmo}» no es mensual ni trimestral.");
        var dias = string.IsNullOrWhiteSpace(d.DiasCierre) ? Falta("Días de cierre") : EdicionPei.Entero(d.DiasCierre, "Días de cierre", Errores);
        if (Errores.Count > 0) return Page();

        var nueva = new ConfiguracionEntidad(metodo!.Value, medio!.Value, alto!.Value,
            (d.EtiquetaBajo ?? "").Trim(), (d.EtiquetaMedio ?? "").Trim(), (d.EtiquetaAlto ?? "").Trim(),
            Opcional(d.LeyendaBajo), Opcional(d.LeyendaMedio), Opcional(d.LeyendaAlto),
            inferior!.Value, superior!.Value, dias!.Value, d.MostrarEnviados, ritmo!.Value, d.ValidacionJefatura,
            d.PorcentajesEnteros);
        // The rules are the domain's; each problem names the field as this form labels it.
        var problemas = nueva.Validar().ToList();
        if (problemas.Count > 0)
        {
            Errores.AddRange(problemas.Select(p => p.Mensaje));
            return Page();
        }
        e.Configurar(nueva);
        await db.SaveChangesAsync(ct);
        Aviso = "Se guardó la configuración de la entidad. Las evaluaciones, tableros y plazos ya la usan.";
        return RedirectToPage("/Administracion/Configuracion", new { entidad = e.Codigo });
    }

    private decimal? Requerido(string? texto, string campo) =>
        string.IsNullOrWhiteSpace(texto) ? Falta(campo) : EdicionPei.Decimal(texto, campo, Errores);

    private int? Falta(string campo)
    {
        Errores.Add($"{campo}: es obligatorio.");
        return null;
    }

    private static string? Opcional(string? t) => string.IsNullOrWhiteSpace(t) ? null : t.Trim();
}
