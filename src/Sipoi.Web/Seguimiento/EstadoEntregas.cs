using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Data;

namespace Sipoi.Web.Seguimiento;

/// <summary>
/// Where each cost centre's monthly submissions stand in a POI year: every centre × month in its board state
/// (<see cref="TableroEntregas.Estado(MesDelAnio, SeguimientoMensual?, ConfiguracionEntidad, DateOnly)"/>) and
/// the submitted months waiting for review. The monitoring board and the dashboard's overdue list read it.
/// </summary>
public sealed record EstadoEntregas(IReadOnlyList<EstadoEntregas.FilaCentro> Filas, IReadOnlyList<EstadoEntregas.PorRevisar> Pendientes)
{
    public sealed record Celda(int Mes, EstadoTablero Estado, DateOnly Plazo, bool Futuro);
    public sealed record FilaCentro(string Codigo, string Nombre, IReadOnlyList<Celda> Meses)
    {
        /// <summary>
        /// The row by quarter, for an entity with the quarterly rhythm: each quarter in the state of its least advanced month
        /// (<see cref="TableroEntregas.EstadoTrimestre"/>), with the latest deadline in force of its months; Mes is the quarter's last month.
        /// </summary>
        public IReadOnlyList<Celda> Trimestres() => Meses.Chunk(3)
            .Select(g => new Celda(g[^1].Mes, TableroEntregas.EstadoTrimestre(g.Select(c => c.Estado)), g.Max(c => c.Plazo), g[0].Futuro))
            .ToList();
    }
    public sealed record PorRevisar(string Centro, string NombreCentro, int Mes, string? EnviadoPor, DateTimeOffset? EnviadoEn);
    public sealed record Atraso(string Centro, string NombreCentro, int Mes, DateOnly Plazo, int DiasDeAtraso);

    /// <summary>Months past their deadline still in the operator's hands, most overdue first.</summary>
    public IReadOnlyList<Atraso> Atrasados(DateOnly hoy) => Filas
        .SelectMany(f => f.Meses.Where(m => m.Estado == EstadoTablero.Atrasado)
            .Select(m => new Atraso(f.Codigo, f.Nombre, m.Mes, m.Plazo, hoy.DayNumber - m.Plazo.DayNumber)))
        .OrderByDescending(a => a.DiasDeAtraso).ThenBy(a => a.Centro, StringComparer.Ordinal).ToList();

    /// <param name="visibles">An Operador's cost centres (null: all).</param>
    /// <returns>Null when the entity has no POI that year.</returns>
    public static async Task<EstadoEntregas?> CargarAsync(SipoiDbContext db, Entidad e, int anio, IReadOnlyCollection<int>? visibles,
        DateOnly hoy, CancellationToken ct)
    {
        var poi = await db.Pois.AsNoTracking().Include(p => p.Versiones).SingleOrDefaultAsync(p => p.EntidadId == e.Id && p.Anio == anio, ct);
        if (poi?.VersionVigente is not { } version) return null;
        var centros = await db.CentrosCosto.AsNoTracking()
            .Where(c => c.EntidadId == e.Id && db.Actividades.Any(a => a.PoiId == poi.Id && a.CentroCostoId == c.Id
                && db.Programaciones.Any(p => p.ActividadId == a.Id && p.PoiVersionId == version.Id)))
            .Select(c => new { c.Id, c.Codigo, c.Nombre }).ToListAsync(ct);
        var seguimientos = (await db.Seguimientos.AsNoTracking().Where(s => s.PoiId == poi.Id).ToListAsync(ct))
            .ToDictionary(s => (s.CentroCostoId, s.Mes));
        var config = e.Configuracion;
        var filas = new List<FilaCentro>();
        var pendientes = new List<PorRevisar>();
        foreach (var c in centros.Where(c => visibles is null || visibles.Contains(c.Id)).OrderBy(c => c.Codigo, StringComparer.Ordinal))
        {
            var meses = Enumerable.Range(1, 12).Select(mes =>
            {
                var md = new MesDelAnio(anio, mes);
                var s = seguimientos.GetValueOrDefault((c.Id, mes));
                var plazo = Plazos.Vigente(Plazos.Cierre(md, config), s?.Reapertura);
                return new Celda(mes, TableroEntregas.Estado(md, s, config, hoy), plazo, hoy < md.PrimerDia);
            }).ToList();
            filas.Add(new FilaCentro(c.Codigo, c.Nombre, meses));
            pendientes.AddRange(seguimientos.Values
                .Where(s => s.CentroCostoId == c.Id && EsperaOficina(s.Estado, config))
                .OrderBy(s => s.Mes)
                // A quarterly centre's quarter is reviewed as one: listed once, at its last month waiting.
                .GroupBy(s => config.Ritmo == RitmoReporte.Trimestral ? s.MesDelAnio.Trimestre : s.Mes).Select(g => g.Last())
                .Select(s => new PorRevisar(c.Codigo, c.Nombre, s.Mes, s.EnviadoPor, s.EnviadoEn)));
        }
        return new EstadoEntregas(filas, pendientes);
    }

    /// <summary>What the planning office reviews: submitted months, or only those the head validated when the entity asks for it.</summary>
    public static bool EsperaOficina(EstadoSeguimiento estado, ConfiguracionEntidad config) =>
        config.ValidacionJefatura ? estado == EstadoSeguimiento.Validado : estado is EstadoSeguimiento.Enviado or EstadoSeguimiento.Validado;
}
