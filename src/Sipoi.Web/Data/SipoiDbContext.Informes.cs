using Microsoft.EntityFrameworkCore;

namespace Sipoi.Web.Data;

/// <summary>Registered and published evaluations, their frozen files and the recommendations matrix (migration 0006); their mapping is Mapeo/Informes.cs.</summary>
public sealed partial class SipoiDbContext
{
    public DbSet<EvaluacionPoi> Evaluaciones => Set<EvaluacionPoi>();
    public DbSet<ArchivoPublicado> ArchivosPublicados => Set<ArchivoPublicado>();
    public DbSet<PublicacionReemplazada> PublicacionesReemplazadas => Set<PublicacionReemplazada>();
    public DbSet<Recomendacion> Recomendaciones => Set<Recomendacion>();
    public DbSet<SeguimientoRecomendacion> SeguimientosRecomendacion => Set<SeguimientoRecomendacion>();
    /// <summary>Signed official documents of published evaluations and approved POI versions (migration 0022).</summary>
    public DbSet<DocumentoOficial> DocumentosOficiales => Set<DocumentoOficial>();
    public DbSet<FirmaDocumento> FirmasDocumento => Set<FirmaDocumento>();
    public DbSet<ResponsableRecomendacion> ResponsablesRecomendacion => Set<ResponsableRecomendacion>();
}

/// <summary>The entity's calendar (migration 0015; mapping in Mapeo/Informes.cs).</summary>
public sealed partial class SipoiDbContext
{
    public DbSet<HitoCalendario> HitosCalendario => Set<HitoCalendario>();
}
