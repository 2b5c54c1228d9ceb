using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sipoi.Web.Seguridad;

namespace Sipoi.Web.Data.Mapeo;

// Identity's tables under Spanish names. Key lengths are fixed here so the model is the same whether the
// context comes from the app's services or is built by hand (Identity otherwise reads them from its options).

internal sealed class MapeoUsuario : IEntityTypeConfiguration<Usuario>
{
    public void Configure(EntityTypeBuilder<Usuario> e)
    {
        e.ToTable("usuario");
        e.HasIndex(x => x.NormalizedUserName).HasDatabaseName("ix_usuario_normalized_user_name");
        e.HasIndex(x => x.NormalizedEmail).HasDatabaseName("ix_usuario_normalized_email");
        e.Property(x => x.NombreCompleto).HasMaxLength(200);
        e.Property(x => x.PhoneNumber).HasMaxLength(256);
        e.HasMany(x => x.Centros).WithOne().HasForeignKey(x => x.UsuarioId);
    }
}

internal sealed class MapeoRol : IEntityTypeConfiguration<Rol>
{
    public void Configure(EntityTypeBuilder<Rol> e)
    {
        e.ToTable("rol");
        e.HasIndex(x => x.NormalizedName).HasDatabaseName("ix_rol_normalized_name");
    }
}

internal sealed class MapeoUsuarioRol : IEntityTypeConfiguration<IdentityUserRole<int>>
{
    public void Configure(EntityTypeBuilder<IdentityUserRole<int>> e) => e.ToTable("usuario_rol");
}

internal sealed class MapeoUsuarioClaim : IEntityTypeConfiguration<IdentityUserClaim<int>>
{
    public void Configure(EntityTypeBuilder<IdentityUserClaim<int>> e) => e.ToTable("usuario_claim");
}

internal sealed class MapeoRolClaim : IEntityTypeConfiguration<IdentityRoleClaim<int>>
{
    public void Configure(EntityTypeBuilder<IdentityRoleClaim<int>> e) => e.ToTable("rol_claim");
}

internal sealed class MapeoUsuarioLogin : IEntityTypeConfiguration<IdentityUserLogin<int>>
{
    public void Configure(EntityTypeBuilder<IdentityUserLogin<int>> e)
    {
        e.ToTable("usuario_login");
        e.Property(x => x.LoginProvider).HasMaxLength(128);
        e.Property(x => x.ProviderKey).HasMaxLength(128);
    }
}

internal sealed class MapeoUsuarioToken : IEntityTypeConfiguration<IdentityUserToken<int>>
{
    public void Configure(EntityTypeBuilder<IdentityUserToken<int>> e)
    {
        e.ToTable("usuario_token");
        e.Property(x => x.LoginProvider).HasMaxLength(128);
        e.Property(x => x.Name).HasMaxLength(128);
    }
}

internal sealed class MapeoTokenApi : IEntityTypeConfiguration<TokenApi>
{
    public void Configure(EntityTypeBuilder<TokenApi> e)
    {
        e.ToTable("token_api");
        e.HasIndex(x => x.Hash).IsUnique();
        e.HasIndex(x => x.UsuarioId);
        e.HasOne<Usuario>().WithMany().HasForeignKey(x => x.UsuarioId);
        e.Property(x => x.Nombre).HasMaxLength(TokenApi.LargoMaximoNombre);
        e.Property(x => x.Hash).HasMaxLength(64).IsFixedLength();
        e.Ignore(x => x.Activo);
    }
}

internal sealed class MapeoSesion : IEntityTypeConfiguration<Sesion>
{
    public void Configure(EntityTypeBuilder<Sesion> e)
    {
        e.ToTable("sesion");
        e.Property(x => x.Id).ValueGeneratedNever();
        e.HasIndex(x => x.UsuarioId);
        e.HasOne<Usuario>().WithMany().HasForeignKey(x => x.UsuarioId);
    }
}

internal sealed class MapeoUsuarioCentroCosto : IEntityTypeConfiguration<UsuarioCentroCosto>
{
    public void Configure(EntityTypeBuilder<UsuarioCentroCosto> e)
    {
        e.ToTable("usuario_centro_costo");
        e.HasKey(x => new { x.UsuarioId, x.CentroCostoId });
        e.HasOne<CentroCosto>().WithMany().HasForeignKey(x => x.CentroCostoId).OnDelete(DeleteBehavior.Restrict);
    }
}
