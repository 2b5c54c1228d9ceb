using Microsoft.EntityFrameworkCore;
using Sipoi.Interop.Reportes;
using Sipoi.Web.Data;
using Sipoi.Web.Presentacion;

namespace Sipoi.Web.Reportes;

public static partial class ConstructorReportes
{
    /// <summary>
    /// The budget through the year (issue 16 item 3): PIA, modifications, PIM, certified and accrued by fuente/genérica,
    /// per cost centre and per activity (by the codes the amounts were loaded with; what has no centre or activity is one
    /// row «sin asignar»). Null when the year has no PIA, modification or execution loaded. Pages/Presupuesto/README.md.
    /// </summary>
    public static async Task<EjecucionPresupuestalResumen?> EjecucionPresupuestalAsync(SipoiDbContext db, int entidadId, int anio, CancellationToken ct)
    {
        var creditos = await db.CreditosPresupuestarios.AsNoTracking().Where(c => c.EntidadId == entidadId && c.Anio == anio).ToListAsync(ct);
        var mods = await db.ModificacionesPresupuestarias.AsNoTracking().Where(m => m.EntidadId == entidadId && m.Anio == anio).ToListAsync(ct);
        var ejec = await db.EjecucionesPresupuestales.AsNoTracking().Where(e => e.EntidadId == entidadId && e.Anio == anio).ToListAsync(ct);
        if (creditos.Count == 0 && mods.Count == 0 && ejec.Count == 0) return null;

        var centros = await db.CentrosCosto.AsNoTracking().Where(c => c.EntidadId == entidadId).ToDictionaryAsync(c => c.Codigo, c => c.Nombre, StringComparer.OrdinalIgnoreCase, ct);
        var actividades = (await (from a in db.Actividades.AsNoTracking()
                                  join p in db.Pois on a.PoiId equals p.Id
                                  where p.EntidadId == entidadId && p.Anio == anio
                                  select new { a.Codigo, a.Nombre }).ToListAsync(ct))
            .DistinctBy(a => a.Codigo, StringComparer.OrdinalIgnoreCase).ToDictionary(a => a.Codigo, a => a.Nombre, StringComparer.OrdinalIgnoreCase);

        var porPar = MarcoPresupuestal.Resumir(creditos, mods, ejec, c => (c.Fuente, c.Generica))
            .OrderBy(p => p.Key.Fuente).ThenBy(p => p.Key.Generica, StringComparer.Ordinal)
            .Select(p => new FilaEjecucionPresupuestal(FuentesFinanciamiento.Rotulo(p.Key.Fuente), p.Key.Generica,
                $"{p.Key.Generica} {ClavePresupuestal.NombreGenerica(p.Key.Generica)}", p.Value))
            .ToList();

        static List<FilaEjecucionPresupuestal> PorCodigo(IReadOnlyDictionary<string, SaldoPresupuestal> saldos, Dictionary<string, string> nombres, string sinAsignar)
        {
            var filas = saldos.Where(p => p.Key.Length > 0).OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => new FilaEjecucionPresupuestal(null, p.Key, nombres.GetValueOrDefault(p.Key, "(código que ya no existe)"), p.Value))
                .ToList();
            if (saldos.TryGetValue("", out var sin)) filas.Add(new FilaEjecucionPresupuestal(null, null, sinAsignar, sin));
            return filas;
        }
        var porCentro = PorCodigo(MarcoPresupuestal.Resumir(creditos, mods, ejec, c => c.Centro ?? ""), centros, "Sin asignar a un centro de costo");
        var porActividad = PorCodigo(MarcoPresupuestal.Resumir(creditos, mods, ejec, c => c.Actividad ?? ""), actividades, "Sin asignar a una actividad");

        var total = porPar.Aggregate(SaldoPresupuestal.Cero, (a, f) => a + f.Saldo);
        var sinCentro = porCentro.FirstOrDefault(f => f.Codigo is null)?.Saldo.Pim ?? 0;
        var sinActividad = porActividad.FirstOrDefault(f => f.Codigo is null)?.Saldo.Pim ?? 0;
        var nota = $"Fuente: PIA, modificaciones, certificado y devengado {anio} registrados o cargados en SIPOI ({mods.Count} modificaciones). " +
                   $"PIM = PIA + modificaciones; % devengado sobre el PIM. Asignado a centros de costo: {Formato.Numero2(total.Pim - sinCentro)} de " +
                   $"{Formato.Numero2(total.Pim)} del PIM; a actividades: {Formato.Numero2(total.Pim - sinActividad)}. Lo demás figura como «sin asignar».";
        return new EjecucionPresupuestalResumen(porPar, porCentro, porActividad, mods.Count, nota);
    }
}
