using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sipoi.Domain.Evaluacion;
using Sipoi.Domain.Periodos;
using Sipoi.Domain.Seguimiento;
using Sipoi.Web.Evaluacion;
using Sipoi.Web.Tests.Infraestructura;

namespace Sipoi.Web.Tests.Reportes;

/// <summary>
/// Progress the report tests register on the demo entity, once per test database: January–September,
/// 80 %, 110 % or 100 % of each month's target by activity id, September left unregistered for one
/// activity in five. January–August are approved for every cost centre (what evaluation reads);
/// September is registered but not approved. Tests compare files with the engine, never with these numbers.
/// </summary>
internal static class AvanceDePrueba
{
    public const string Entidad = "EMSAPUNO";
    public const int Anio = 2024;
    public const int MesesRegistrados = 9;
    public const int MesesAprobados = 8;

    private static readonly ConcurrentDictionary<string, Lazy<Task>> Registrados = new(StringComparer.Ordinal);

    public static Task RegistrarAsync(AppDePrueba app) => RegistrarAsync(app.Base);

    public static Task RegistrarAsync(BaseDePrueba baseDePrueba) =>
        Registrados.GetOrAdd(baseDePrueba.Conexion, _ => new Lazy<Task>(() => RegistrarEnAsync(baseDePrueba))).Value;

    private static async Task RegistrarEnAsync(BaseDePrueba baseDePrueba)
    {
        await using var db = baseDePrueba.Contexto();
        var poi = await db.Pois.Include(p => p.Versiones).SingleAsync(p => p.Anio == Anio && db.Entidades.Any(e => e.Id == p.EntidadId && e.Codigo == Entidad));
        var actividades = await db.Actividades.Include(a => a.Avances).Where(a => a.PoiId == poi.Id).ToListAsync();
        var metas = await db.Programaciones.Include(p => p.Metas).Where(p => p.PoiVersionId == poi.VersionVigente!.Id).ToDictionaryAsync(p => p.ActividadId);
        foreach (var a in actividades)
            for (var mes = 1; mes <= MesesRegistrados; mes++)
            {
                if (mes == MesesRegistrados && a.Id % 5 == 0) continue;
                var meta = metas[a.Id].Metas.Single(m => m.Mes == mes).Fisico;
                a.FijarAvance(mes, meta * (a.Id % 3) switch { 0 => 0.8m, 1 => 1.1m, _ => 1m }, null);
            }
        var entidad = await db.Entidades.SingleAsync(e => e.Id == poi.EntidadId);
        foreach (var centro in actividades.Select(a => a.CentroCostoId).Distinct())
            for (var mes = 1; mes <= MesesAprobados; mes++)
                db.Seguimientos.Add(SeguimientoMensual.AprobadoPorImportacion(entidad.Id, poi.Id, Anio, centro, mes, "prueba-reportes", DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
    }

    public static async Task<ResultadoEvaluacion> MotorAsync(AppDePrueba app, Periodo periodo, string entidad = Entidad)
    {
        await using var db = app.Base.Contexto();
        return (await ConsultaEvaluacion.EvaluarAsync(db, entidad, Anio, periodo))!;
    }

    /// <summary>Excel column letters of a 1-based column number.</summary>
    public static string Columna(int n)
    {
        var s = "";
        for (; n > 0; n = (n - 1) / 26) s = (char)('A' + (n - 1) % 26) + s;
        return s;
    }

    public static string Ref(int columna, int fila) => Columna(columna) + fila.ToString(CultureInfo.InvariantCulture);
}
