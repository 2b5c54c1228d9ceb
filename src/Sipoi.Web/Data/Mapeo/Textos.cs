using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sipoi.Web.Data.Mapeo;

/// <summary>The entity's texts, one row per entity (migration 0021; the evaluation report's cover data, migration 0030).</summary>
internal sealed class MapeoTextosInstitucionales : IEntityTypeConfiguration<TextosInstitucionales>
{
    public void Configure(EntityTypeBuilder<TextosInstitucionales> e)
    {
        e.ToTable("textos_institucionales");
        e.HasIndex(x => x.EntidadId).IsUnique();
        e.Property(x => x.Presentacion).HasMaxLength(LimitesTexto.TextoLargo);
        e.Property(x => x.Naturaleza).HasMaxLength(LimitesTexto.TextoLargo);
        e.Property(x => x.ResenaHistorica).HasMaxLength(LimitesTexto.TextoLargo);
        e.Property(x => x.EstructuraOrganica).HasMaxLength(LimitesTexto.TextoLargo);
        e.Property(x => x.BaseLegal).HasMaxLength(LimitesTexto.TextoLargo);
        e.Property(x => x.MarcoNormativo).HasMaxLength(LimitesTexto.TextoLargo);
        e.Property(x => x.FuenteFinanciamiento).HasMaxLength(LimitesTexto.TextoLargo);
        e.Property(x => x.Valores).HasMaxLength(LimitesTexto.TextoLargo);
        e.Property(x => x.Principios).HasMaxLength(LimitesTexto.TextoLargo);
        e.Property(x => x.Politicas).HasMaxLength(LimitesTexto.TextoLargo);
        e.Property(x => x.Lineamientos).HasMaxLength(LimitesTexto.TextoLargo);
        e.Property(x => x.Conclusiones).HasMaxLength(LimitesTexto.TextoLargo);
        e.Property(x => x.Recomendaciones).HasMaxLength(LimitesTexto.TextoLargo);
        e.Property(x => x.OficinaEmisora).HasMaxLength(LimitesTexto.Nombre);
        e.Property(x => x.Lugar).HasMaxLength(LimitesTexto.Nombre);
        e.Property(x => x.PatronNumero).HasMaxLength(LimitesTexto.Nombre);
        e.Property(x => x.ElaboradoNombre).HasMaxLength(LimitesTexto.Nombre);
        e.Property(x => x.ElaboradoCargo).HasMaxLength(LimitesTexto.Nombre);
        e.Property(x => x.RevisadoNombre).HasMaxLength(LimitesTexto.Nombre);
        e.Property(x => x.RevisadoCargo).HasMaxLength(LimitesTexto.Nombre);
        e.Property(x => x.AprobadoNombre).HasMaxLength(LimitesTexto.Nombre);
        e.Property(x => x.AprobadoCargo).HasMaxLength(LimitesTexto.Nombre);
        e.Ignore(x => x.Contenido);
        e.Ignore(x => x.Portada);
        e.ConVersionDeFila();
    }
}
