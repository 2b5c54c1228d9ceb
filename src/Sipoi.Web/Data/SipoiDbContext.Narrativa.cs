using Microsoft.EntityFrameworkCore;

namespace Sipoi.Web.Data;

/// <summary>The centres' period summaries and the planning office's report narrative (migration 0017; mapping in Mapeo/Narrativa.cs).</summary>
public sealed partial class SipoiDbContext
{
    public DbSet<ResumenPeriodo> ResumenesPeriodo => Set<ResumenPeriodo>();
    public DbSet<TextoNarrativa> TextosNarrativa => Set<TextoNarrativa>();
}
