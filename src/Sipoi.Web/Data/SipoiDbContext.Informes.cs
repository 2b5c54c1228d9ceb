using Microsoft.EntityFrameworkCore;
using Sipoi.Domain.Informes;
using Sipoi.Domain.Organizacion;

namespace Sipoi.Web.Data;

/// <summary>Registered and published evaluations, their frozen files and the recommendations matrix (migration 0006).</summary>
public sealed partial class SipoiDbContext
{
    public DbSet<EvaluacionPoi> Evaluaciones => Set<EvaluacionPoi>();
    public DbSet<ArchivoPublicado> ArchivosPublicados => Set<ArchivoPublicado>();
    public DbSet<Recomendacion> Recomendaciones => Set<Recomendacion>();
    public DbSet<SeguimientoRecomendacion> SeguimientosRecomendacion => Set<SeguimientoRecomendacion>();

    private static void ConfigurarInformes(ModelBuilder b)
    {
        b.Entity<EvaluacionPoi>(e =>
        {
            e.ToTable("evaluacion_poi");
            e.HasIndex(x => new { x.EntidadId, x.Anio, x.PeriodoCodigo }).IsUnique();
            e.HasOne<Entidad>().WithMany().HasForeignKey(x => x.EntidadId);
            e.Property(x => x.PeriodoCodigo).HasMaxLength(10);
            e.Property(x => x.Estado).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Documento).HasMaxLength(EvaluacionPoi.LargoMaximoDocumento);
            e.Property(x => x.PublicadaPor).HasMaxLength(Sipoi.Domain.Seguimiento.EntradaAuditoria.LargoMaximoUsuario);
            // The engine's unrounded value, as published in evaluacion.json (rounding happens at display only).
            var igi = e.Property(x => x.Igi).HasColumnType("numeric").Metadata;
            igi.SetPrecision(null);
            igi.SetScale(null);
            e.Property(x => x.BandaIgi).HasConversion<string>().HasMaxLength(10);
            e.HasMany(x => x.Archivos).WithOne().HasForeignKey(x => x.EvaluacionId);
            e.Ignore(x => x.Periodo);
            e.Ignore(x => x.Publicada);
            e.Ignore(x => x.Nombre);
            e.Ignore(x => x.NombreEnFrase);
            e.Ignore(x => x.Orden);
            VersionDeFila(e);
        });

        b.Entity<ArchivoPublicado>(e =>
        {
            e.ToTable("archivo_publicado");
            e.HasIndex(x => new { x.EvaluacionId, x.Nombre }).IsUnique();
            e.HasIndex(x => x.EntidadId);
            e.HasOne<Entidad>().WithMany().HasForeignKey(x => x.EntidadId);
            e.Property(x => x.Nombre).HasMaxLength(120);
            e.Property(x => x.Mime).HasMaxLength(120);
        });

        b.Entity<Recomendacion>(e =>
        {
            e.ToTable("recomendacion");
            e.HasIndex(x => new { x.EvaluacionId, x.Numero }).IsUnique();
            e.HasIndex(x => x.EntidadId);
            e.HasIndex(x => x.CentroCostoId);
            e.HasOne<Entidad>().WithMany().HasForeignKey(x => x.EntidadId);
            e.HasOne<EvaluacionPoi>().WithMany().HasForeignKey(x => x.EvaluacionId);
            e.HasOne<CentroCosto>().WithMany().HasForeignKey(x => x.CentroCostoId).OnDelete(DeleteBehavior.Restrict);
            e.Property(x => x.AspectoMejora).HasMaxLength(Recomendacion.LargoMaximoTexto);
            e.Property(x => x.Texto).HasMaxLength(Recomendacion.LargoMaximoTexto);
            e.Property(x => x.AccionClave).HasMaxLength(Recomendacion.LargoMaximoTexto);
            e.HasMany(x => x.Seguimiento).WithOne().HasForeignKey(x => x.RecomendacionId);
            VersionDeFila(e);
        });

        b.Entity<SeguimientoRecomendacion>(e =>
        {
            e.ToTable("seguimiento_recomendacion", t => t.HasCheckConstraint("ck_seguimiento_recomendacion_comentario",
                "estado <> 'NoImplementada' OR comentario IS NOT NULL"));
            e.HasIndex(x => new { x.RecomendacionId, x.EvaluacionId }).IsUnique();
            e.HasIndex(x => x.EntidadId);
            e.HasIndex(x => x.EvaluacionId);
            e.HasOne<Entidad>().WithMany().HasForeignKey(x => x.EntidadId);
            e.HasOne<EvaluacionPoi>().WithMany().HasForeignKey(x => x.EvaluacionId).OnDelete(DeleteBehavior.Restrict);
            e.Property(x => x.Estado).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Comentario).HasMaxLength(Recomendacion.LargoMaximoTexto);
        });
    }
}
