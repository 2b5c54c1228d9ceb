using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sipoi.Web.Seguimiento;

namespace Sipoi.Web.Data.Mapeo;

internal sealed class MapeoSeguimientoMensual : IEntityTypeConfiguration<SeguimientoMensual>
{
    public void Configure(EntityTypeBuilder<SeguimientoMensual> e)
    {
        e.ToTable("seguimiento_mensual", t => t.HasCheckConstraint("ck_seguimiento_mensual_mes", "mes BETWEEN 1 AND 12"));
        e.HasIndex(x => new { x.PoiId, x.CentroCostoId, x.Mes }).IsUnique();
        e.HasIndex(x => x.CentroCostoId);
        e.HasOne<Poi>().WithMany().HasForeignKey(x => x.PoiId);
        e.HasOne<CentroCosto>().WithMany().HasForeignKey(x => x.CentroCostoId).OnDelete(DeleteBehavior.Restrict);
        e.Property(x => x.Observacion).HasMaxLength(SeguimientoMensual.LargoMaximoObservacion);
        e.Property(x => x.EnviadoPor).HasMaxLength(EntradaAuditoria.LargoMaximoUsuario);
        e.Property(x => x.RevisadoPor).HasMaxLength(EntradaAuditoria.LargoMaximoUsuario);
        e.Property(x => x.UltimoCambioPor).HasMaxLength(EntradaAuditoria.LargoMaximoUsuario);
        e.Property(x => x.ValidadoPor).HasMaxLength(EntradaAuditoria.LargoMaximoUsuario);
        e.Ignore(x => x.MesDelAnio);
        // The reopening in force, in the month's own row (columns reapertura_*); null when never reopened.
        e.OwnsOne(x => x.Reapertura, r =>
        {
            r.Property(x => x.Motivo).HasColumnName("reapertura_motivo").HasMaxLength(Reapertura.LargoMaximoMotivo);
            r.Property(x => x.NuevoPlazo).HasColumnName("reapertura_nuevo_plazo");
            r.Property(x => x.Usuario).HasColumnName("reapertura_usuario").HasMaxLength(EntradaAuditoria.LargoMaximoUsuario);
            r.Property(x => x.Fecha).HasColumnName("reapertura_fecha");
        });
        e.ConVersionDeFila();
    }
}

internal sealed class MapeoJefaturaCentro : IEntityTypeConfiguration<JefaturaCentro>
{
    public void Configure(EntityTypeBuilder<JefaturaCentro> e)
    {
        e.ToTable("jefatura_centro");
        e.HasKey(x => new { x.UsuarioId, x.CentroCostoId });
        e.HasOne<CentroCosto>().WithMany().HasForeignKey(x => x.CentroCostoId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Sipoi.Web.Seguridad.Usuario>().WithMany().HasForeignKey(x => x.UsuarioId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MapeoArchivoEvidencia : IEntityTypeConfiguration<ArchivoEvidencia>
{
    public void Configure(EntityTypeBuilder<ArchivoEvidencia> e)
    {
        e.ToTable("evidencia", t => t.HasCheckConstraint("ck_evidencia_mes", "mes BETWEEN 1 AND 12"));
        e.HasIndex(x => new { x.ActividadId, x.Mes, x.Nombre }).IsUnique();
        e.HasOne<ActividadOperativa>().WithMany().HasForeignKey(x => x.ActividadId);
        Comun(e);
    }

    /// <summary>The columns every evidence table shares (<see cref="ArchivoGuardado"/>).</summary>
    internal static void Comun<T>(EntityTypeBuilder<T> e) where T : ArchivoGuardado
    {
        e.Property(x => x.Nombre).HasMaxLength(Evidencia.LargoMaximoNombre);
        e.Property(x => x.Tipo).HasMaxLength(10);
        e.Property(x => x.SubidoPor).HasMaxLength(EntradaAuditoria.LargoMaximoUsuario);
        e.Ignore(x => x.Mime);
    }
}

internal sealed class MapeoEntradaAuditoria : IEntityTypeConfiguration<EntradaAuditoria>
{
    public void Configure(EntityTypeBuilder<EntradaAuditoria> e)
    {
        // Append-only (trigger in migration 0002). No foreign key to entidad (ClaveDeEntidad): the log outlives what it describes.
        e.ToTable("registro_auditoria");
        e.HasIndex(x => new { x.EntidadId, x.Momento });
        e.Property(x => x.Usuario).HasMaxLength(EntradaAuditoria.LargoMaximoUsuario);
        e.Property(x => x.Tabla).HasMaxLength(EntradaAuditoria.LargoMaximoTabla);
        e.Property(x => x.Clave).HasMaxLength(EntradaAuditoria.LargoMaximoClave);
        e.Property(x => x.Campo).HasMaxLength(EntradaAuditoria.LargoMaximoCampo);
    }
}
