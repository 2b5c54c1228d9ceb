using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Data;

namespace Sipoi.Web.Seguimiento;

/// <summary>
/// What the head of a parent centre (<see cref="JefaturaCentro"/>) must act on: the submitted months of the centres it validates,
/// when its entity asks for the head's validation (<see cref="ConfiguracionEntidad.ValidacionJefatura"/>). The landing page's task
/// list reads it; the month's page is where the head validates or observes.
/// </summary>
public static class RevisionJefatura
{
    /// <param name="Mes">The month to open: for a quarterly entity the quarter's last submitted month (the quarter is validated as one).</param>
    /// <param name="Trimestre">The quarter (1–4) when the entity reports by quarter; null for a monthly entity.</param>
    public sealed record PendienteJefatura(int Anio, string Centro, string NombreCentro, int Mes, int? Trimestre, string? EnviadoPor,
        DateTimeOffset? EnviadoEn);

    /// <summary>
    /// Every submitted month (or quarter) waiting for <paramref name="usuarioId"/>'s validation in entity <paramref name="e"/>, oldest
    /// submission first; empty when the entity does not ask for the head's validation or the user heads no centre.
    /// </summary>
    public static async Task<IReadOnlyList<PendienteJefatura>> PendientesJefaturaAsync(SipoiDbContext db, Entidad e, int usuarioId, CancellationToken ct)
    {
        if (!e.Configuracion.ValidacionJefatura) return [];
        var jefaturas = await db.Jefaturas.AsNoTracking().Where(j => j.UsuarioId == usuarioId && j.EntidadId == e.Id)
            .Select(j => j.CentroCostoId).ToListAsync(ct);
        if (jefaturas.Count == 0) return [];
        // The centres whose months these heads validate: the children of each headed centre, and a headed root itself.
        var centros = await db.CentrosCosto.AsNoTracking()
            .Where(c => c.EntidadId == e.Id && (c.PadreId != null ? jefaturas.Contains(c.PadreId.Value) : jefaturas.Contains(c.Id)))
            .Select(c => new { c.Id, c.Codigo, c.Nombre }).ToDictionaryAsync(c => c.Id, ct);
        var ids = centros.Keys.ToList();
        var enviados = await db.Seguimientos.AsNoTracking()
            .Where(s => s.EntidadId == e.Id && ids.Contains(s.CentroCostoId) && s.Estado == EstadoSeguimiento.Enviado)
            .ToListAsync(ct);
        var trimestral = e.Configuracion.Ritmo == RitmoReporte.Trimestral;
        return enviados
            .GroupBy(s => (s.Anio, s.CentroCostoId, Grupo: trimestral ? s.MesDelAnio.Trimestre : s.Mes))
            .Select(g => g.OrderBy(s => s.Mes).Last())
            .Select(s => new PendienteJefatura(s.Anio, centros[s.CentroCostoId].Codigo, centros[s.CentroCostoId].Nombre, s.Mes,
                trimestral ? s.MesDelAnio.Trimestre : null, s.EnviadoPor, s.EnviadoEn))
            .OrderBy(p => p.EnviadoEn).ThenBy(p => p.Centro, StringComparer.Ordinal).ThenBy(p => p.Anio).ThenBy(p => p.Mes)
            .ToList();
    }
}
