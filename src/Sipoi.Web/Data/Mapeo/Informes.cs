using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sipoi.Web.Data.Mapeo;

/// <summary>A registered or published evaluation (migration 0006; republication, migration 0012).</summary>
internal sealed class MapeoEvaluacionPoi : IEntityTypeConfiguration<EvaluacionPoi>
{
    public void Configure(EntityTypeBuilder<EvaluacionPoi> e)
    {
        e.ToTable("evaluacion_poi");
        e.HasIndex(x => new { x.EntidadId, x.Anio, x.PeriodoCodigo }).IsUnique();
        e.Property(x => x.PeriodoCodigo).HasMaxLength(10);
        e.Property(x => x.Documento).HasMaxLength(EvaluacionPoi.LargoMaximoDocumento);
        e.Property(x => x.PublicadaPor).HasMaxLength(EntradaAuditoria.LargoMaximoUsuario);
        // The engine's unrounded value, as published in evaluacion.json (rounding happens at display only).
        var igi = e.Property(x => x.Igi).HasColumnType("numeric").Metadata;
        igi.SetPrecision(null);
        igi.SetScale(null);
        e.Property(x => x.BandaIgi).HasMaxLength(10);
        e.Property(x => x.MotivoPublicacionIncompleta).HasMaxLength(EvaluacionPoi.LargoMaximoMotivoIncompleta);
        e.Ignore(x => x.PublicadaIncompleta);
        e.Ignore(x => x.NotaPublicacionIncompleta);
        e.HasMany(x => x.Archivos).WithOne().HasForeignKey(x => x.EvaluacionId);
        e.Property(x => x.RepublicacionMotivo).HasMaxLength(EvaluacionPoi.LargoMaximoMotivo);
        e.Property(x => x.RepublicacionIniciadaPor).HasMaxLength(EntradaAuditoria.LargoMaximoUsuario);
        e.HasMany(x => x.Reemplazadas).WithOne().HasForeignKey(x => x.EvaluacionId);
        e.Ignore(x => x.EnRepublicacion);
        e.Ignore(x => x.Editable);
        e.Ignore(x => x.Periodo);
        e.Ignore(x => x.Publicada);
        e.Ignore(x => x.Nombre);
        e.Ignore(x => x.NombreEnFrase);
        e.Ignore(x => x.Orden);
        e.ConVersionDeFila();
    }
}

/// <summary>The frozen files of a published evaluation.</summary>
internal sealed class MapeoArchivoPublicado : IEntityTypeConfiguration<ArchivoPublicado>
{
    public void Configure(EntityTypeBuilder<ArchivoPublicado> e)
    {
        e.ToTable("archivo_publicado");
        e.HasIndex(x => new { x.EvaluacionId, x.Publicacion, x.Nombre }).IsUnique();
        e.Property(x => x.Nombre).HasMaxLength(120);
        e.Property(x => x.Mime).HasMaxLength(120);
    }
}

/// <summary>A publication a republication superseded, kept as published (migration 0012).</summary>
internal sealed class MapeoPublicacionReemplazada : IEntityTypeConfiguration<PublicacionReemplazada>
{
    public void Configure(EntityTypeBuilder<PublicacionReemplazada> e)
    {
        e.ToTable("publicacion_reemplazada");
        e.HasIndex(x => new { x.EvaluacionId, x.Numero }).IsUnique();
        e.Property(x => x.Documento).HasMaxLength(EvaluacionPoi.LargoMaximoDocumento);
        e.Property(x => x.PublicadaPor).HasMaxLength(EntradaAuditoria.LargoMaximoUsuario);
        var igi = e.Property(x => x.Igi).HasColumnType("numeric").Metadata;
        igi.SetPrecision(null);
        igi.SetScale(null);
        e.Property(x => x.BandaIgi).HasMaxLength(10);
        e.Property(x => x.MotivoRepublicacion).HasMaxLength(EvaluacionPoi.LargoMaximoMotivo);
        e.Property(x => x.RepublicacionIniciadaPor).HasMaxLength(EntradaAuditoria.LargoMaximoUsuario);
    }
}

/// <summary>The recommendations matrix.</summary>
internal sealed class MapeoRecomendacion : IEntityTypeConfiguration<Recomendacion>
{
    public void Configure(EntityTypeBuilder<Recomendacion> e)
    {
        // What it concerns is one OEI or one AEI, never both (the domain's rule, kept by the database too).
        e.ToTable("recomendacion", t => t.HasCheckConstraint("ck_recomendacion_oei_o_aei", "oei_id IS NULL OR aei_id IS NULL"));
        e.HasIndex(x => new { x.EvaluacionId, x.Numero }).IsUnique();
        e.HasOne<EvaluacionPoi>().WithMany().HasForeignKey(x => x.EvaluacionId);
        e.HasOne<Oei>().WithMany().HasForeignKey(x => x.OeiId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Aei>().WithMany().HasForeignKey(x => x.AeiId).OnDelete(DeleteBehavior.Restrict);
        e.Property(x => x.AspectoMejora).HasMaxLength(Recomendacion.LargoMaximoTexto);
        e.Property(x => x.Texto).HasMaxLength(Recomendacion.LargoMaximoTexto);
        e.Property(x => x.AccionClave).HasMaxLength(Recomendacion.LargoMaximoTexto);
        e.Property(x => x.EntidadExterna).HasMaxLength(LimitesTexto.Nombre);
        e.HasMany(x => x.Seguimiento).WithOne().HasForeignKey(x => x.RecomendacionId);
        e.HasMany(x => x.Responsables).WithOne().HasForeignKey(x => x.RecomendacionId);
        e.Ignore(x => x.Unidades);
        e.ConVersionDeFila();
    }
}

/// <summary>The responsible units of a recommendation (migration 0020; before, one centro_costo_id column).</summary>
internal sealed class MapeoResponsableRecomendacion : IEntityTypeConfiguration<ResponsableRecomendacion>
{
    public void Configure(EntityTypeBuilder<ResponsableRecomendacion> e)
    {
        e.ToTable("responsable_recomendacion");
        e.HasKey(x => new { x.RecomendacionId, x.CentroCostoId });
        e.HasIndex(x => x.CentroCostoId);
        e.HasOne<CentroCosto>().WithMany().HasForeignKey(x => x.CentroCostoId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MapeoSeguimientoRecomendacion : IEntityTypeConfiguration<SeguimientoRecomendacion>
{
    public void Configure(EntityTypeBuilder<SeguimientoRecomendacion> e)
    {
        e.ToTable("seguimiento_recomendacion", t => t.HasCheckConstraint("ck_seguimiento_recomendacion_comentario",
            "estado <> 'NoImplementada' OR comentario IS NOT NULL"));
        e.HasIndex(x => new { x.RecomendacionId, x.EvaluacionId }).IsUnique();
        e.HasIndex(x => x.EvaluacionId);
        e.HasOne<EvaluacionPoi>().WithMany().HasForeignKey(x => x.EvaluacionId).OnDelete(DeleteBehavior.Restrict);
        e.Property(x => x.Comentario).HasMaxLength(Recomendacion.LargoMaximoTexto);
    }
}

/// <summary>The entity's calendar (migration 0015).</summary>
internal sealed class MapeoHitoCalendario : IEntityTypeConfiguration<HitoCalendario>
{
    public void Configure(EntityTypeBuilder<HitoCalendario> e)
    {
        e.ToTable("hito_calendario");
        // Unique per cycle; the office's rows are checked by CronogramaEntidad first, this only guards a race.
        e.HasIndex(x => new { x.EntidadId, x.Anio, x.Nombre }).IsUnique();
        e.Property(x => x.Nombre).HasMaxLength(HitoCalendario.LargoMaximoNombre);
        e.Property(x => x.Referencia).HasMaxLength(HitoCalendario.LargoMaximoReferencia);
        e.Ignore(x => x.Datos);
        e.Ignore(x => x.Periodo);
        e.Ignore(x => x.Etapa);
        e.Ignore(x => x.Fechas);
    }
}

/// <summary>The signed official document of a published evaluation or an approved POI version (migration 0022).</summary>
internal sealed class MapeoDocumentoOficial : IEntityTypeConfiguration<DocumentoOficial>
{
    public void Configure(EntityTypeBuilder<DocumentoOficial> e)
    {
        // Exactly one owner: an evaluation or a POI version.
        e.ToTable("documento_oficial", t => t.HasCheckConstraint("ck_documento_oficial_destino",
            "(evaluacion_id IS NULL) <> (poi_version_id IS NULL)"));
        e.HasOne<EvaluacionPoi>().WithMany().HasForeignKey(x => x.EvaluacionId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<PoiVersion>().WithMany().HasForeignKey(x => x.PoiVersionId).OnDelete(DeleteBehavior.Cascade);
        e.Property(x => x.Nombre).HasMaxLength(DocumentoOficial.LargoMaximoNombre);
        e.Property(x => x.Mime).HasMaxLength(120);
        e.Property(x => x.Huella).HasMaxLength(64);
        e.Property(x => x.NumeroDocumento).HasMaxLength(DocumentoOficial.LargoMaximoNumero);
        e.Property(x => x.SubidoPor).HasMaxLength(EntradaAuditoria.LargoMaximoUsuario);
        e.Property(x => x.ReemplazadoPor).HasMaxLength(EntradaAuditoria.LargoMaximoUsuario);
        e.HasMany(x => x.Firmas).WithOne().HasForeignKey(x => x.DocumentoOficialId);
        e.Ignore(x => x.Vigente);
        e.Ignore(x => x.ResumenFirmas);
    }
}

/// <summary>A signature of an official PDF as verified at upload (migration 0022).</summary>
internal sealed class MapeoFirmaDocumento : IEntityTypeConfiguration<FirmaDocumento>
{
    public void Configure(EntityTypeBuilder<FirmaDocumento> e)
    {
        e.ToTable("firma_documento");
        e.HasIndex(x => new { x.DocumentoOficialId, x.Numero }).IsUnique();
        e.Property(x => x.Firmante).HasMaxLength(FirmaDocumento.LargoMaximoTexto);
        e.Property(x => x.Organizacion).HasMaxLength(FirmaDocumento.LargoMaximoTexto);
        e.Property(x => x.Subfiltro).HasMaxLength(FirmaDocumento.LargoMaximoTexto);
        e.Property(x => x.Detalle).HasMaxLength(FirmaDocumento.LargoMaximoTexto);
        e.Ignore(x => x.EstadoEnPalabras);
        e.Ignore(x => x.CadenaEnPalabras);
    }
}
