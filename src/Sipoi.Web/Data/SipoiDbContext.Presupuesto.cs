using Microsoft.EntityFrameworkCore;

namespace Sipoi.Web.Data;

/// <summary>The budget through the year: PIA by fuente/genérica, modifications, monthly execution (migration 0028; mapping in Mapeo/Presupuesto.cs).</summary>
public sealed partial class SipoiDbContext
{
    public DbSet<CreditoPresupuestario> CreditosPresupuestarios => Set<CreditoPresupuestario>();
    public DbSet<ModificacionPresupuestaria> ModificacionesPresupuestarias => Set<ModificacionPresupuestaria>();
    public DbSet<EjecucionPresupuestal> EjecucionesPresupuestales => Set<EjecucionPresupuestal>();
}
