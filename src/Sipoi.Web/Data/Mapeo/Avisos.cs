using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sipoi.Web.Avisos;
using Sipoi.Web.Seguridad;

namespace Sipoi.Web.Data.Mapeo;

internal sealed class MapeoAvisoCorreo : IEntityTypeConfiguration<AvisoCorreo>
{
    public void Configure(EntityTypeBuilder<AvisoCorreo> e)
    {
        e.ToTable("aviso_correo");
        // The outbox's guarantee: a notice is queued once, whichever scan or node tries (INSERT … ON CONFLICT DO NOTHING).
        e.HasIndex(x => x.Clave).IsUnique();
        // What the sender claims: pending rows whose time has come.
        e.HasIndex(x => new { x.Estado, x.ProximoIntento });
        e.HasIndex(x => x.UsuarioId);
        e.HasOne<Usuario>().WithMany().HasForeignKey(x => x.UsuarioId);
        e.Property(x => x.Clave).HasMaxLength(ClavesAviso.LargoMaximo);
        e.Property(x => x.Asunto).HasMaxLength(RedaccionAvisos.LargoMaximoAsunto);
        e.Property(x => x.Pagina).HasMaxLength(AvisoCorreo.LargoMaximoPagina);
        e.Property(x => x.Ruta).HasMaxLength(AvisoCorreo.LargoMaximoRuta);
        e.Property(x => x.UltimoError).HasMaxLength(AvisoCorreo.LargoMaximoError);
        e.Property(x => x.Omision).HasMaxLength(AvisoCorreo.LargoMaximoOmision);
    }
}

internal sealed class MapeoPreferenciasAviso : IEntityTypeConfiguration<PreferenciasAviso>
{
    public void Configure(EntityTypeBuilder<PreferenciasAviso> e)
    {
        e.ToTable("preferencias_aviso");
        e.HasKey(x => x.UsuarioId);
        e.Property(x => x.UsuarioId).ValueGeneratedNever();
        e.HasOne<Usuario>().WithOne().HasForeignKey<PreferenciasAviso>(x => x.UsuarioId);
    }
}
