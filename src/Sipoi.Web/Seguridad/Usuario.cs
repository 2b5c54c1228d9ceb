using Microsoft.AspNetCore.Identity;

namespace Sipoi.Web.Seguridad;

/// <summary>
/// A person who signs in. Every user belongs to one entity (multi-entity from the start); an
/// Operador also names the cost centres it works for. The user name is the e-mail address.
/// </summary>
public sealed class Usuario : IdentityUser<int>
{
    public int EntidadId { get; private set; }
    public string NombreCompleto { get; private set; } = null!;
    /// <summary>A national administrator (e.g. the ministry's planning office) reads every entity.</summary>
    public bool EsAdministradorNacional { get; private set; }
    public List<UsuarioCentroCosto> Centros { get; private set; } = [];

    private Usuario() { }

    public Usuario(int entidadId, string correo, string nombreCompleto, bool esAdministradorNacional = false)
    {
        EntidadId = entidadId;
        if (string.IsNullOrWhiteSpace(correo)) throw new ReglaDominioException("El correo del usuario es obligatorio.");
        if (string.IsNullOrWhiteSpace(nombreCompleto)) throw new ReglaDominioException("El nombre del usuario es obligatorio.");
        UserName = correo.Trim();
        Email = UserName;
        EmailConfirmed = true;
        NombreCompleto = nombreCompleto.Trim();
        EsAdministradorNacional = esAdministradorNacional;
    }

    /// <summary>Grants or takes away national administration; who may do it is checked by <c>CuentasUsuario</c>.</summary>
    public void CambiarAdministracionNacional(bool nacional) => EsAdministradorNacional = nacional;

    public void CambiarNombre(string nombreCompleto)
    {
        if (string.IsNullOrWhiteSpace(nombreCompleto)) throw new ReglaDominioException("El nombre del usuario es obligatorio.");
        NombreCompleto = nombreCompleto.Trim();
    }

    /// <summary>An operator may only be assigned active cost centres of its own entity.</summary>
    public void AsignarCentro(CentroCosto centro)
    {
        if (centro.EntidadId != EntidadId)
            throw new ReglaDominioException($"El centro de costo {centro.Codigo} no pertenece a la entidad del usuario {UserName}.");
        if (Centros.Any(c => c.CentroCostoId == centro.Id)) return;
        // A user already holding a centre that was later deactivated keeps it (its history stays readable); a new one is refused.
        if (!centro.Activo)
            throw new ReglaDominioException($"El centro de costo {centro.Codigo} está inactivo: no se puede asignar al usuario {UserName}.");
        Centros.Add(new UsuarioCentroCosto(EntidadId, centro.Id));
    }

    public void QuitarCentro(int centroCostoId) => Centros.RemoveAll(c => c.CentroCostoId == centroCostoId);
}

/// <summary>A cost centre an Operador registers progress for.</summary>
public sealed class UsuarioCentroCosto
{
    public int UsuarioId { get; private set; }
    public int CentroCostoId { get; private set; }
    public int EntidadId { get; private set; }

    private UsuarioCentroCosto() { }

    internal UsuarioCentroCosto(int entidadId, int centroCostoId)
    {
        EntidadId = entidadId;
        CentroCostoId = centroCostoId;
    }
}

/// <summary>The four roles of DOMAIN.md §1; stored in table rol by migration 0002.</summary>
public sealed class Rol : IdentityRole<int>
{
    private Rol() { }

    public Rol(string nombre) : base(nombre) { }
}

public static class Roles
{
    public const string Administrador = "Administrador";
    public const string Planificador = "Planificador";
    public const string Operador = "Operador";
    public const string Consulta = "Consulta";

    public static IReadOnlyList<string> Todos { get; } = [Administrador, Planificador, Operador, Consulta];

    /// <summary>Roles that read every cost centre of the entity; a user with none of them sees only its own centres.</summary>
    public static IReadOnlyList<string> VenTodaLaEntidad { get; } = [Administrador, Planificador, Consulta];

    public static string NombreVisible(string rol) => rol switch
    {
        Operador => "Operador de centro de costo",
        Consulta => "Consulta (tomador de decisiones)",
        Planificador => "Planificador (OPP)",
        _ => rol,
    };
}
