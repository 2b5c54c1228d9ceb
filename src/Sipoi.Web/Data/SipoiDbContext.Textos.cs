using Microsoft.EntityFrameworkCore;

namespace Sipoi.Web.Data;

/// <summary>The entity's texts its documents print (migration 0021; mapping in Mapeo/Textos.cs).</summary>
public sealed partial class SipoiDbContext
{
    public DbSet<TextosInstitucionales> TextosInstitucionales => Set<TextosInstitucionales>();
}
