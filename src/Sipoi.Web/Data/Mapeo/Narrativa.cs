using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sipoi.Web.Data.Mapeo;

/// <summary>A centre's summary of a quarter, written when it submits the quarter's last month (migration 0017).</summary>
internal sealed class MapeoResumenPeriodo : IEntityTypeConfiguration<ResumenPeriodo>
{
    public void Configure(EntityTypeBuilder<ResumenPeriodo> e)
    {
        e.ToTable("resumen_periodo");
        e.HasIndex(x => new { x.PoiId, x.CentroCostoId, x.PeriodoCodigo }).IsUnique();
        e.HasIndex(x => x.CentroCostoId);
        e.HasOne<Poi>().WithMany().HasForeignKey(x => x.PoiId);
        e.HasOne<CentroCosto>().WithMany().HasForeignKey(x => x.CentroCostoId).OnDelete(DeleteBehavior.Restrict);
        e.Property(x => x.PeriodoCodigo).HasMaxLength(10);
        e.Property(x => x.Texto).HasMaxLength(LimitesTexto.TextoLargo);
        e.Property(x => x.RegistradoPor).HasMaxLength(EntradaAuditoria.LargoMaximoUsuario);
        e.Ignore(x => x.Periodo);
        e.Ignore(x => x.Mes);
        e.ConVersionDeFila();
    }
}

/// <summary>The planning office's texts of an evaluation's report (migration 0017).</summary>
internal sealed class MapeoTextoNarrativa : IEntityTypeConfiguration<TextoNarrativa>
{
    public void Configure(EntityTypeBuilder<TextoNarrativa> e)
    {
        e.ToTable("texto_narrativa");
        e.HasIndex(x => new { x.EvaluacionId, x.Seccion, x.OeiCodigo }).IsUnique();
        e.HasOne<EvaluacionPoi>().WithMany().HasForeignKey(x => x.EvaluacionId);
        e.Property(x => x.Seccion).HasMaxLength(20);
        e.Property(x => x.OeiCodigo).HasMaxLength(LimitesTexto.Codigo);
        e.Property(x => x.Texto).HasMaxLength(TextoNarrativa.LargoMaximo);
        e.ConVersionDeFila();
    }
}
