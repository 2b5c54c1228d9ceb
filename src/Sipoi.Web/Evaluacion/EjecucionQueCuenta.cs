using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Data;

namespace Sipoi.Web.Evaluacion;

/// <summary>
/// The months whose executed values count, per cost centre (a bit per month). Built by <see cref="EjecucionQueCuenta"/>
/// only, from the workflow states the domain's <see cref="MesesQueCuentan"/> names.
/// </summary>
public sealed class MesesContados
{
    private readonly Dictionary<int, int> _porCentro = [];

    internal void Agregar(int centroCostoId, int mes)
    {
        if (mes is >= 1 and <= 12) _porCentro[centroCostoId] = _porCentro.GetValueOrDefault(centroCostoId) | Bit(mes);
    }

    public bool Cuenta(int centroCostoId, int mes) => mes is >= 1 and <= 12 && (_porCentro.GetValueOrDefault(centroCostoId) & Bit(mes)) != 0;

    /// <summary>Does any month of the centre count? (lets a reader skip an activity's values without looking at them)</summary>
    public bool Alguno(int centroCostoId) => _porCentro.GetValueOrDefault(centroCostoId) != 0;

    /// <summary>The 12 registered values of an activity of the centre, null where the month does not count.</summary>
    public decimal?[] Filtrar(int centroCostoId, IReadOnlyList<decimal?> registrados)
    {
        var contados = new decimal?[12];
        for (var mes = 1; mes <= 12; mes++)
            if (Cuenta(centroCostoId, mes)) contados[mes - 1] = registrados[mes - 1];
        return contados;
    }

    private static int Bit(int mes) => 1 << (mes - 1);
}

/// <summary>What an activity executed, as every screen, report and export reads it: 12 months each, null where nothing counts.</summary>
public sealed record AvanceContado(int ActividadId, int CentroCostoId, decimal?[] Fisico, decimal?[] Financiero);

/// <summary>
/// The one reader of executed values in the web layer. Which months count (approved ones, or also submitted ones when
/// the entity shows them — <see cref="MesesQueCuentan"/>) is decided here for the evaluation's SQL
/// (<see cref="EstadosSql"/>), the POI pages, the execution workbook, the financial page and anything else that
/// shows execution. The monitoring grid is the exception by design: it is where a month's values are registered,
/// so it shows them whatever their state. The exchange file writes every registered value with its month's state
/// (<c>poi.seguimiento</c>), so the importing side applies this same rule.
/// </summary>
public static class EjecucionQueCuenta
{
    /// <summary>The states that count, as the evaluation's SQL parameter (stored as the enum's name).</summary>
    public static string[] EstadosSql(ConfiguracionEntidad configuracion) =>
        MesesQueCuentan.Estados(configuracion.MostrarEnviados).Select(e => e.ToString()).ToArray();

    public static async Task<MesesContados> MesesAsync(SipoiDbContext db, int poiId, ConfiguracionEntidad configuracion, CancellationToken ct)
    {
        var estados = MesesQueCuentan.Estados(configuracion.MostrarEnviados).ToList();
        var filas = await db.Seguimientos.AsNoTracking().Where(s => s.PoiId == poiId && estados.Contains(s.Estado))
            .Select(s => new { s.CentroCostoId, s.Mes }).ToListAsync(ct);
        var meses = new MesesContados();
        foreach (var f in filas) meses.Agregar(f.CentroCostoId, f.Mes);
        return meses;
    }

    /// <summary>
    /// Every activity's counted physical and financial values of the POI year (of <paramref name="actividades"/> only when
    /// given), in two queries: the months that count and the registered rows.
    /// </summary>
    public static async Task<Dictionary<int, AvanceContado>> PorActividadAsync(SipoiDbContext db, int poiId, ConfiguracionEntidad configuracion,
        IReadOnlyCollection<int>? actividades, CancellationToken ct)
    {
        var meses = await MesesAsync(db, poiId, configuracion, ct);
        var consulta = from v in db.Avances.AsNoTracking()
                       join a in db.Actividades on v.ActividadId equals a.Id
                       where a.PoiId == poiId
                       select new { v.ActividadId, a.CentroCostoId, v.Mes, v.EjecutadoFisico, v.EjecutadoFinanciero };
        if (actividades is not null) consulta = consulta.Where(x => actividades.Contains(x.ActividadId));
        var resultado = new Dictionary<int, AvanceContado>();
        foreach (var f in await consulta.ToListAsync(ct))
        {
            if (!meses.Cuenta(f.CentroCostoId, f.Mes)) continue;
            if (!resultado.TryGetValue(f.ActividadId, out var a))
                resultado[f.ActividadId] = a = new AvanceContado(f.ActividadId, f.CentroCostoId, new decimal?[12], new decimal?[12]);
            a.Fisico[f.Mes - 1] = f.EjecutadoFisico;
            a.Financiero[f.Mes - 1] = f.EjecutadoFinanciero;
        }
        return resultado;
    }
}
