using Microsoft.EntityFrameworkCore;
using Sipoi.Interop.ImportacionExcel;
using Sipoi.Web.Auditoria;
using Sipoi.Web.Data;

namespace Sipoi.Web.Pages.Presupuesto;

/// <summary>What an import would do (review) or did: every error, or the year's totals by fuente/genérica after it and the row counts.</summary>
public sealed record RevisionPresupuesto(
    IReadOnlyList<string> Errores,
    string Formato,
    IReadOnlyList<(int Fuente, string Generica, SaldoPresupuestal Saldo)> Resultado,
    int Nuevas, int Cambiadas, int Iguales, int Quitadas,
    IReadOnlyList<ModificacionPresupuestaria> ModificacionesNuevas)
{
    public bool Exito => Errores.Count == 0;
    public bool SinCambios => Exito && Nuevas == 0 && Cambiadas == 0 && Quitadas == 0 && ModificacionesNuevas.Count == 0;

    public static RevisionPresupuesto Fallo(IReadOnlyList<string> errores, string formato = "") => new(errores, formato, [], 0, 0, 0, 0, []);
}

/// <summary>
/// Loads the year's budget from the template or the MEF's CSV (<see cref="LectorPresupuesto"/>): the file's PIA and monthly
/// certified/accrued amounts replace the year's (row by row: what is equal is not touched, so importing the same file twice
/// changes nothing), its «Modificaciones» are added unless the same one (key, document, date, amount) is there, and a PIM
/// column adds one «Ajuste al PIM» per fuente/genérica for the difference the registered modifications do not explain.
/// All or nothing, checked against <see cref="MarcoPresupuestal.Verificar"/>; audited by the interceptor (old → new) plus one
/// summary row naming the file. README.md in this folder.
/// </summary>
public static class ImportacionPresupuesto
{
    public const int TamanoMaximo = 5 * 1024 * 1024;

    private sealed record Plan(
        RevisionPresupuesto Revision,
        List<CreditoPresupuestario> CreditosNuevos, List<(CreditoPresupuestario Fila, decimal Pia)> CreditosCambiados, List<CreditoPresupuestario> CreditosQuitados,
        List<EjecucionPresupuestal> EjecucionesNuevas, List<(EjecucionPresupuestal Fila, decimal Cert, decimal Dev)> EjecucionesCambiadas,
        List<EjecucionPresupuestal> EjecucionesQuitadas);

    public static async Task<RevisionPresupuesto> RevisarAsync(SipoiDbContext db, int entidadId, int anio, byte[] archivo, string nombreArchivo, DateOnly hoy,
        CancellationToken ct)
    {
        var plan = await PlanificarAsync(db, entidadId, anio, archivo, nombreArchivo, hoy, ct);
        db.ChangeTracker.Clear();
        return plan.Revision;
    }

    public static async Task<RevisionPresupuesto> ImportarAsync(SipoiDbContext db, Entidad entidad, int anio, byte[] archivo, string nombreArchivo, DateOnly hoy,
        CancellationToken ct)
    {
        return await db.UnidadAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            try
            {
                var plan = await PlanificarAsync(db, entidad.Id, anio, archivo, nombreArchivo, hoy, ct);
                var r = plan.Revision;
                if (!r.Exito || r.SinCambios)
                {
                    await tx.RollbackAsync(ct);
                    db.ChangeTracker.Clear();
                    return r;
                }
                db.CreditosPresupuestarios.AddRange(plan.CreditosNuevos);
                foreach (var (c, pia) in plan.CreditosCambiados) c.Actualizar(pia);
                db.CreditosPresupuestarios.RemoveRange(plan.CreditosQuitados);
                db.EjecucionesPresupuestales.AddRange(plan.EjecucionesNuevas);
                foreach (var (e, cert, dev) in plan.EjecucionesCambiadas) e.Actualizar(cert, dev);
                db.EjecucionesPresupuestales.RemoveRange(plan.EjecucionesQuitadas);
                db.ModificacionesPresupuestarias.AddRange(r.ModificacionesNuevas);
                InterceptorAuditoria.RegistrarOperacion(db, entidad.Id, "credito_presupuestario", $"{entidad.Codigo} {anio}", AccionAuditada.Importacion,
                    $"Presupuesto {anio} del {r.Formato} «{nombreArchivo}»: {r.Nuevas} filas nuevas, {r.Cambiadas} cambiadas, {r.Quitadas} quitadas, " +
                    $"{r.Iguales} iguales; {r.ModificacionesNuevas.Count} modificaciones agregadas.");
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                db.ChangeTracker.Clear();
                return r;
            }
            catch (Exception e) when (e is ReglaDominioException or DbUpdateException)
            {
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                return RevisionPresupuesto.Fallo([$"No se cargó nada: {e.Message}"]);
            }
        });
    }

    private static async Task<Plan> PlanificarAsync(SipoiDbContext db, int entidadId, int anio, byte[] archivo, string nombreArchivo, DateOnly hoy,
        CancellationToken ct)
    {
        static Plan Falla(IReadOnlyList<string> errores, string formato) => new(RevisionPresupuesto.Fallo(errores, formato), [], [], [], [], [], []);
        var lectura = LectorPresupuesto.Leer(new MemoryStream(archivo, writable: false), anio);
        if (!lectura.EsValido) return Falla(lectura.Errores.Select(e => e.ToString()).ToList(), lectura.Formato);

        // Centre and activity codes must be the entity's (centres) and the year's POI's (activities).
        var centros = (await db.CentrosCosto.AsNoTracking().Where(c => c.EntidadId == entidadId).Select(c => c.Codigo).ToListAsync(ct))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var actividades = (await (from a in db.Actividades.AsNoTracking()
                                  join p in db.Pois on a.PoiId equals p.Id
                                  where p.EntidadId == entidadId && p.Anio == anio
                                  select a.Codigo).ToListAsync(ct)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var errores = new List<string>();
        string Donde(int fila) => lectura.Formato == "CSV" ? $"Fila {fila}" : $"Hoja '{LectorPresupuesto.HojaPresupuesto}', fila {fila}";
        void VerCodigos(string donde, ClavePresupuestal c)
        {
            if (c.Centro is { } cc && !centros.Contains(cc)) errores.Add($"{donde}, columna Centro de costo: «{cc}» no es un centro de costo de la entidad.");
            if (c.Actividad is { } ca && !actividades.Contains(ca)) errores.Add($"{donde}, columna Actividad: «{ca}» no es una actividad del POI {anio}.");
        }
        foreach (var f in lectura.Filas) VerCodigos(Donde(f.Fila), f.Clave);
        foreach (var m in lectura.Modificaciones) VerCodigos($"Hoja '{LectorPresupuesto.HojaModificaciones}', fila {m.Fila}", m.Clave);
        if (errores.Count > 0) return Falla(errores, lectura.Formato);

        // What the file says, rows of the same key added.
        var pia = new Dictionary<ClavePresupuestal, decimal>();
        var ejec = new Dictionary<(ClavePresupuestal, int), (decimal Cert, decimal Dev)>();
        // An annual certified amount (the MEF's MONTO_CERTIFICADO) has no month: it goes to the file's last month with accrued amounts.
        var mesCorte = Math.Max(1, lectura.Filas.SelectMany(f => f.Devengado.Select((d, i) => d != 0 ? i + 1 : 0)).DefaultIfEmpty(0).Max());
        foreach (var f in lectura.Filas)
        {
            pia[f.Clave] = pia.GetValueOrDefault(f.Clave) + f.Pia;
            for (var mes = 1; mes <= 12; mes++)
            {
                var cert = f.Certificado[mes - 1] + (mes == mesCorte ? f.CertificadoAnual ?? 0 : 0);
                var dev = f.Devengado[mes - 1];
                if (cert == 0 && dev == 0) continue;
                var previo = ejec.GetValueOrDefault((f.Clave, mes));
                ejec[(f.Clave, mes)] = (previo.Cert + cert, previo.Dev + dev);
            }
        }

        var creditos = await db.CreditosPresupuestarios.Where(c => c.EntidadId == entidadId && c.Anio == anio).ToListAsync(ct);
        var ejecuciones = await db.EjecucionesPresupuestales.Where(e => e.EntidadId == entidadId && e.Anio == anio).ToListAsync(ct);
        var modificaciones = await db.ModificacionesPresupuestarias.AsNoTracking().Where(m => m.EntidadId == entidadId && m.Anio == anio).ToListAsync(ct);

        var nuevos = new List<CreditoPresupuestario>();
        var cambiados = new List<(CreditoPresupuestario, decimal)>();
        int iguales = 0;
        var existentes = creditos.ToDictionary(c => c.Clave);
        foreach (var (clave, monto) in pia)
        {
            if (!existentes.TryGetValue(clave, out var c)) nuevos.Add(new CreditoPresupuestario(entidadId, anio, clave, monto));
            else if (c.Pia != monto) cambiados.Add((c, monto));
            else iguales++;
        }
        var quitados = creditos.Where(c => !pia.ContainsKey(c.Clave)).ToList();

        var ejecNuevas = new List<EjecucionPresupuestal>();
        var ejecCambiadas = new List<(EjecucionPresupuestal, decimal, decimal)>();
        var ejecExistentes = ejecuciones.ToDictionary(e => (e.Clave, e.Mes));
        foreach (var ((clave, mes), (cert, dev)) in ejec)
        {
            if (!ejecExistentes.TryGetValue((clave, mes), out var e)) ejecNuevas.Add(new EjecucionPresupuestal(entidadId, anio, mes, clave, cert, dev));
            else if (e.Certificado != cert || e.Devengado != dev) ejecCambiadas.Add((e, cert, dev));
            else iguales++;
        }
        var ejecQuitadas = ejecuciones.Where(e => !ejec.ContainsKey((e.Clave, e.Mes))).ToList();

        // Modifications of the sheet not registered yet; then the PIM column's adjustment per fuente/genérica.
        var modsNuevas = new List<ModificacionPresupuestaria>();
        try
        {
            foreach (var m in lectura.Modificaciones)
                if (!modificaciones.Any(x => x.Clave == m.Clave && x.Documento == m.Documento && x.Fecha == m.Fecha && x.Monto == m.Monto))
                    modsNuevas.Add(new ModificacionPresupuestaria(entidadId, anio, m.Clave, m.Documento, m.Fecha, m.Monto, hoy));
            if (lectura.TienePim)
            {
                var fechaAjuste = hoy.Year == anio ? hoy : new DateOnly(anio, 12, 31);
                var pimArchivo = lectura.Filas.GroupBy(f => (f.Clave.Fuente, f.Clave.Generica)).ToDictionary(g => g.Key, g => g.Sum(f => f.Pim ?? f.Pia));
                var registradas = modificaciones.Concat(modsNuevas).GroupBy(m => (m.Fuente, m.Generica)).ToDictionary(g => g.Key, g => g.Sum(m => m.Monto));
                foreach (var ((fuente, generica), pim) in pimArchivo.OrderBy(p => p.Key.Fuente).ThenBy(p => p.Key.Generica, StringComparer.Ordinal))
                {
                    var piaPar = pia.Where(p => p.Key.Fuente == fuente && p.Key.Generica == generica).Sum(p => p.Value);
                    var diferencia = pim - piaPar - registradas.GetValueOrDefault((fuente, generica));
                    if (diferencia != 0)
                        modsNuevas.Add(new ModificacionPresupuestaria(entidadId, anio, ClavePresupuestal.Crear(fuente, generica),
                            $"Ajuste al PIM según «{nombreArchivo}»", fechaAjuste, diferencia, hoy));
                }
            }
            // The year as it would be: the same rules as every change.
            var creditosFinales = pia.Select(p => new CreditoPresupuestario(entidadId, anio, p.Key, p.Value)).ToList();
            var ejecFinales = ejec.Select(p => new EjecucionPresupuestal(entidadId, anio, p.Key.Item2, p.Key.Item1, p.Value.Cert, p.Value.Dev)).ToList();
            var modsFinales = modificaciones.Concat(modsNuevas).ToList();
            MarcoPresupuestal.Verificar(creditosFinales, modsFinales, ejecFinales);
            var resultado = MarcoPresupuestal.Resumir(creditosFinales, modsFinales, ejecFinales, c => (c.Fuente, c.Generica))
                .OrderBy(p => p.Key.Fuente).ThenBy(p => p.Key.Generica, StringComparer.Ordinal)
                .Select(p => (p.Key.Fuente, p.Key.Generica, p.Value)).ToList();
            var revision = new RevisionPresupuesto([], lectura.Formato, resultado, nuevos.Count + ejecNuevas.Count, cambiados.Count + ejecCambiadas.Count, iguales,
                quitados.Count + ejecQuitadas.Count, modsNuevas);
            return new Plan(revision, nuevos, cambiados, quitados, ejecNuevas, ejecCambiadas, ejecQuitadas);
        }
        catch (ReglaDominioException e)
        {
            return Falla([$"No se puede cargar: {e.Message}"], lectura.Formato);
        }
    }
}
