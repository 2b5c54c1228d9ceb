using Microsoft.EntityFrameworkCore;
using Sipoi.Interop.Intercambio;
using Sipoi.Web.Arranque;
using Sipoi.Web.Auditoria;
using Sipoi.Web.Data;
using Sipoi.Web.Peis;
using Sipoi.Web.Seguimiento;

namespace Sipoi.Web.Intercambio;

/// <summary>
/// The demo entity's POI of the CURRENT calendar year (from the app's clock), so that on a first `./sipoi run` every
/// role has something to do today instead of a 2024 where every month is closed: the 2024 POI's activities and monthly
/// targets under this year, approved, with SYNTHETIC progress registered, submitted and approved from January to the
/// previous month (two centres' previous month left submitted for the planning office to review) and the current month
/// open. The PEI 2023-2025 does not cover this year, so the demo extends it (a linked ampliación, as the PEI pages do)
/// up to next year, which lets the planning office start next year's formulation too. Everything goes through the
/// domain (the importer's POI replacement, <see cref="Pei.Ampliar(string, int, string?, EstadoPei)"/>, the monitoring
/// grid's save/submit/review) in one transaction, authored by <see cref="AvanceDemo.Autor"/> and audited as
/// «Carga de demostración». Only with Sipoi:DemoAnioActual (passed by `./sipoi run`) and only right after the demo
/// entity was loaded. Choices: docs/demo-avance.md.
/// </summary>
public static class AnioActualDemo
{
    public const string Descripcion = "Carga de demostración";

    /// <summary>How many cost centres leave the previous month submitted, not approved (the planning office's review).</summary>
    public const int CentrosEnRevision = 2;

    /// <summary>A fixed seed per year (20260101 for 2026): every first run in the same year draws the same figures.</summary>
    public static int Semilla(int anio) => anio * 10000 + 101;

    public static string DocumentoAprobacion(int anio) => $"RGG N.º 120-{anio - 1}-EMSAPUNO/GG (sintético, de demostración)";

    /// <summary>28/12 of the year before: when the entity approved the 2024 POI (RGG 114-2023 of 28/12/2023), one year on.</summary>
    public static DateOnly FechaAprobacion(int anio) => new(anio - 1, 12, 28);

    /// <summary>"PEI-2023-2025-Ampliado-2027": the naming the PEI pages suggest for an ampliación.</summary>
    public static string CodigoPeiAmpliado(string codigoBase, int fin) => $"{codigoBase}-Ampliado-{fin}";

    /// <summary>The centres whose previous month stays submitted: the first ones in code order other than the demo Operador's.</summary>
    public static IReadOnlyList<string> CentrosEnviados(IEnumerable<string> centros) =>
        centros.Where(c => c != DatosDemo.CentroOperador).Order(StringComparer.Ordinal).Take(CentrosEnRevision).ToList();

    /// <summary>
    /// Loads the current year (Peru's date on <paramref name="reloj"/>) unless it is the demo's own 2024 or earlier, or the
    /// entity already has a POI that year; returns the year loaded, or null.
    /// </summary>
    public static async Task<int?> GenerarAsync(string conexion, TimeProvider reloj, CancellationToken ct = default)
    {
        var ahora = reloj.GetUtcNow();
        var hoy = Plazos.Hoy(ahora);
        var anio = hoy.Year;
        if (anio <= AvanceDemo.Anio) return null;

        await using var db = new SipoiDbContext(new DbContextOptionsBuilder<SipoiDbContext>()
            .UseNpgsql(conexion).ConfigureWarnings(BaseDeDatos.Advertencias)
            .AddInterceptors(new InterceptorAuditoria(null, reloj, AvanceDemo.Autor)).Options);
        await using var transaccion = await db.Database.BeginTransactionAsync(ct);
        var entidad = await db.Entidades.AsNoTracking().SingleAsync(e => e.Codigo == DatosDemo.CodigoEntidad, ct);
        if (await db.Pois.AnyAsync(p => p.EntidadId == entidad.Id && p.Anio == anio, ct)) return null;

        var pei = await PeiQueCubreAsync(db, entidad, anio, ct);
        await CargarPoiAsync(db, entidad, pei, anio, ct);
        await RegistrarAvanceAsync(db, entidad, anio, hoy.Month - 1, ahora, ct);
        await transaccion.CommitAsync(ct);
        return anio;
    }

    /// <summary>
    /// A PEI covering this year and the next; when none does, the latest PEI extended to next year (a new PEI linked to
    /// it, the original left untouched with the POIs that used it).
    /// </summary>
    private static async Task<Pei> PeiQueCubreAsync(SipoiDbContext db, Entidad entidad, int anio, CancellationToken ct)
    {
        var peis = await db.Peis.AsNoTracking().Where(p => p.EntidadId == entidad.Id).ToListAsync(ct);
        if (peis.Where(p => p.Cubre(anio) && p.Cubre(anio + 1)).OrderByDescending(p => p.Inicio).FirstOrDefault() is { } cubre) return cubre;
        var ultimo = peis.OrderByDescending(p => p.Fin).ThenByDescending(p => p.Inicio).First();
        var baseAmpliacion = await EdicionPei.CargarAsync(db, entidad.Id, ultimo.Codigo, ct)
            ?? throw new InvalidOperationException($"No se encontró el PEI {ultimo.Codigo} de demostración.");
        var ampliado = baseAmpliacion.Ampliar(CodigoPeiAmpliado(ultimo.Codigo, anio + 1), anio + 1,
            $"{baseAmpliacion.Nombre ?? baseAmpliacion.Codigo}, ampliado a {anio + 1} (demostración)", EstadoPei.EnImplementacion);
        db.Peis.Add(ampliado);
        InterceptorAuditoria.RegistrarOperacion(db, entidad.Id, "pei", ampliado.Codigo, AccionAuditada.Importacion,
            $"{Descripcion}: ampliación de {ultimo.Codigo} hasta {anio + 1} para el POI {anio} sintético (no es un documento de {entidad.Codigo}).");
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return ampliado;
    }

    /// <summary>The 2024 POI of data/demo under this year: same activities, centres, AEIs and monthly targets, approved, nothing executed.</summary>
    private static async Task CargarPoiAsync(SipoiDbContext db, Entidad entidad, Pei pei, int anio, CancellationToken ct)
    {
        await using var json = DatosDemo.Abrir();
        var lectura = LectorIntercambio.Leer(json);
        if (!lectura.EsValido) throw new InvalidOperationException("Los datos de demostración no son válidos:\n" + string.Join("\n", lectura.Errores));
        var poi = ParaElAnio(lectura.Documento.Poi, anio);

        var centros = await db.CentrosCosto.Where(c => c.EntidadId == entidad.Id).ToDictionaryAsync(c => c.Codigo, ct);
        var aeis = await db.Aeis.Where(a => db.Oeis.Any(o => o.Id == a.OeiId && o.PeiId == pei.Id)).ToDictionaryAsync(a => a.Codigo, ct);
        var fichas = await db.Fichas.Where(f => f.EntidadId == entidad.Id).ToDictionaryAsync(f => f.Codigo, ct);
        // A new year: its rows go under one summary row, as for any imported year.
        db.AuditoriaSinAltas = true;
        try
        {
            await ImportadorPlan.ReemplazarPoiAsync(db, entidad.Id, pei.Id, poi, centros, aeis, fichas, rutasJson: true, ct);
        }
        finally
        {
            db.AuditoriaSinAltas = false;
        }
        InterceptorAuditoria.RegistrarOperacion(db, entidad.Id, "poi", $"{entidad.Codigo} {anio}", AccionAuditada.Importacion,
            $"{Descripcion}: POI {anio} SINTÉTICO con las actividades y metas mensuales del POI {AvanceDemo.Anio}, {Plural.Conteo(poi.Actividades.Count, "actividad", "actividades")}, " +
            $"bajo {pei.Codigo}, aprobado con «{poi.Aprobacion!.Documento}» (no es un documento de {entidad.Codigo}).");
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>The demo file's POI moved to <paramref name="anio"/>: same programming, a synthetic approval, no execution, no workflow.</summary>
    public static PoiDto ParaElAnio(PoiDto poi, int anio) => poi with
    {
        Anio = anio,
        Aprobacion = new AprobacionDto { Documento = DocumentoAprobacion(anio), Fecha = FechaAprobacion(anio) },
        Seguimiento = null,
        ResumenesPeriodo = [],
        Actividades = poi.Actividades.Select(a => a with
        {
            Ejecutado = new decimal?[12],
            FinancieroEjecutado = new decimal?[12],
            Justificaciones = [],
            FinancieroPorGenerica = a.FinancieroPorGenerica.Select(g => g with { Ejecutado = new decimal?[12] }).ToList(),
        }).ToList(),
    };

    /// <summary>
    /// January to <paramref name="hastaMes"/>: every centre saves and submits its grid on the month's last day and the
    /// planning office approves it the next day, except <see cref="CentrosEnviados"/>' last month, left submitted.
    /// </summary>
    private static async Task RegistrarAvanceAsync(SipoiDbContext db, Entidad entidad, int anio, int hastaMes, DateTimeOffset ahora,
        CancellationToken ct)
    {
        if (hastaMes < 1) return;
        var plan = await AvanceDemo.PlanificarAsync(db, entidad, anio, Semilla(anio), hastaMes, ct);
        var centros = plan.Values.Select(p => p.Centro).Distinct().Order(StringComparer.Ordinal).ToList();
        var enRevision = CentrosEnviados(centros);
        InterceptorAuditoria.RegistrarOperacion(db, entidad.Id, "avance_mensual", $"{entidad.Codigo} {anio}", AccionAuditada.Importacion,
            $"{Descripcion}: avance SINTÉTICO de enero a {Meses.Nombre(hastaMes).ToLowerInvariant()} de {anio} (semilla {Semilla(anio)}): cifras inventadas, " +
            $"no son la ejecución real de {entidad.Codigo}.");
        await db.SaveChangesAsync(ct);
        for (var mes = 1; mes <= hastaMes; mes++)
            foreach (var centro in centros)
            {
                await AvanceDemo.RegistrarMesAsync(db, anio, centro, mes, plan, enviar: true, ct);
                if (mes == hastaMes && enRevision.Contains(centro)) continue;
                var revision = AvanceDemo.FinDe(anio, mes).AddDays(1);
                await AvanceDemo.RevisarAsync(db, anio, centro, mes, AccionRevision.Aprobar, null, revision < ahora ? revision : ahora, ct);
            }
        db.ChangeTracker.Clear();
    }
}
