using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Data;
using Sipoi.Web.Peis;

namespace Sipoi.Web.Pages.Administracion;

/// <summary>What the ficha form types: the same fields create and edit a ficha (the code only on creation).</summary>
public sealed class DatosFicha
{
    public string? Codigo { get; set; }
    public string? Nombre { get; set; }
    public string? Gerencia { get; set; }
    public int? CentroCostoId { get; set; }
    public string? Responsable { get; set; }
    public string? Objetivo { get; set; }
    /// <summary>As typed (1, 2.5, 1,000): read by <see cref="EdicionPei.Decimal"/>.</summary>
    public string? Peso { get; set; } = "1";

    public static DatosFicha De(FichaProceso f) => new()
    {
        Codigo = f.Codigo,
        Nombre = f.Nombre,
        Gerencia = f.Gerencia,
        CentroCostoId = f.CentroCostoId,
        Responsable = f.Responsable,
        Objetivo = f.Objetivo,
        Peso = f.Peso.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture),
    };
}

/// <summary>The choices the ficha form offers: the entity's cost centres and the gerencias already written.</summary>
public sealed record OpcionesFicha(List<CentroCosto> Centros, List<string> Gerencias)
{
    public static async Task<OpcionesFicha> CargarAsync(SipoiDbContext db, int entidadId, CancellationToken ct)
    {
        var centros = await db.CentrosCosto.AsNoTracking().Where(c => c.EntidadId == entidadId).OrderBy(c => c.Codigo).ToListAsync(ct);
        var escritas = await db.Fichas.AsNoTracking().Where(f => f.EntidadId == entidadId && f.Gerencia != null).Select(f => f.Gerencia!).Distinct().ToListAsync(ct);
        // A gerencia is a text on the ficha (EXCHANGE.md); the centres flagged as gerencia are offered as suggestions.
        var gerencias = escritas.Concat(centros.Where(c => c.EsGerencia && c.Activo).Select(c => c.Nombre)).Distinct().Order(StringComparer.Ordinal).ToList();
        return new OpcionesFicha(centros, gerencias);
    }

    /// <summary>Applies the typed fields through the domain; the problems the form can name itself are added to <paramref name="errores"/>.</summary>
    public void Aplicar(FichaProceso ficha, DatosFicha d, List<string> errores)
    {
        var peso = EdicionPei.Decimal(d.Peso, "Peso", errores);
        if (string.IsNullOrWhiteSpace(d.Peso)) errores.Add("Peso: es obligatorio (1 si todas las fichas de la gerencia pesan igual).");
        if (d.CentroCostoId is { } c && Centros.All(x => x.Id != c)) errores.Add($"Centro de costo: el centro {c} no es de esta entidad.");
        if (errores.Count > 0) return;
        ficha.Actualizar(d.Nombre ?? "", Limpio(d.Gerencia), d.CentroCostoId, Limpio(d.Responsable), Limpio(d.Objetivo), peso!.Value);
    }

    private static string? Limpio(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>How many activities point at the ficha, per POI year (what blocks its removal).</summary>
    public static async Task<List<(int Anio, int Actividades)>> UsosAsync(SipoiDbContext db, int fichaId, CancellationToken ct)
    {
        var usos = await (from a in db.Actividades.AsNoTracking()
                          join p in db.Pois on a.PoiId equals p.Id
                          where a.FichaId == fichaId
                          group a by p.Anio into g
                          select new { Anio = g.Key, Actividades = g.Count() }).ToListAsync(ct);
        return usos.Select(x => (x.Anio, x.Actividades)).ToList();
    }
}
