using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Avisos;

namespace Sipoi.Web.Data;

/// <summary>The e-mail outbox and each user's choice of notices (migration 0016); their mapping is Mapeo/Avisos.cs.</summary>
public sealed partial class SipoiDbContext
{
    public DbSet<AvisoCorreo> AvisosCorreo => Set<AvisoCorreo>();
    public DbSet<PreferenciasAviso> PreferenciasAvisos => Set<PreferenciasAviso>();
}
