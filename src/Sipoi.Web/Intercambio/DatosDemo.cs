using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Data;
using Sipoi.Web.Seguridad;

namespace Sipoi.Web.Intercambio;

/// <summary>
/// The EMSAPUNO POI 2024 (data/demo), loaded through the same importer as any exchange file, and one
/// demo user per role. Only `./sipoi run` (Sipoi:CargarDemo) loads it: a real deployment never has
/// these users or their published password.
/// </summary>
public static class DatosDemo
{
    public const string CodigoEntidad = "EMSAPUNO";

    /// <summary>The one password of every demo user. Development only: it is printed in the README.</summary>
    public const string Contrasena = "Sipoi-Demo-2024";

    /// <summary>The cost centre the demo Operador works for.</summary>
    public const string CentroOperador = "01.02";

    public sealed record UsuarioDemo(string Correo, string Nombre, string Rol);

    public static IReadOnlyList<UsuarioDemo> Usuarios { get; } =
    [
        new("admin@emsapuno.demo", "Administrador de demostración", Roles.Administrador),
        new("planificador@emsapuno.demo", "Planificador de demostración (OPP)", Roles.Planificador),
        new("operador@emsapuno.demo", "Operador de demostración (Planeamiento)", Roles.Operador),
        new("consulta@emsapuno.demo", "Consulta de demostración", Roles.Consulta),
    ];

    public static Stream Abrir() =>
        typeof(DatosDemo).Assembly.GetManifestResourceStream("Sipoi.Demo.emsapuno-2024.json")
        ?? throw new InvalidOperationException("Falta el recurso de datos de demostración.");

    /// <summary>
    /// Loads the demo entity unless it is already there, then adds any demo user that is missing (a
    /// database from before users existed gets them too); returns whether it loaded the entity.
    /// </summary>
    public static async Task<bool> CargarSiFaltaAsync(SipoiDbContext db, UserManager<Usuario>? usuarios = null, CancellationToken ct = default)
    {
        var cargada = false;
        if (!await db.Entidades.AnyAsync(e => e.Codigo == CodigoEntidad, ct))
        {
            await using var json = Abrir();
            var resultado = await ImportadorPlan.ImportarAsync(db, json, ct);
            if (!resultado.Exito)
                throw new InvalidOperationException("Los datos de demostración no son válidos:\n" + string.Join("\n", resultado.Errores));
            await PlanGobiernoDemo.CargarAsync(db, (await db.Entidades.SingleAsync(e => e.Codigo == CodigoEntidad, ct)).Id, ct);
            cargada = true;
        }
        if (usuarios is not null) await CrearUsuariosAsync(db, usuarios, ct);
        return cargada;
    }

    private static async Task CrearUsuariosAsync(SipoiDbContext db, UserManager<Usuario> usuarios, CancellationToken ct)
    {
        var entidad = await db.Entidades.SingleAsync(e => e.Codigo == CodigoEntidad, ct);
        foreach (var u in Usuarios)
        {
            if (await usuarios.FindByNameAsync(u.Correo) is not null) continue;
            var usuario = new Usuario(entidad.Id, u.Correo, u.Nombre);
            if (u.Rol == Roles.Operador)
                usuario.AsignarCentro(await db.CentrosCosto.SingleAsync(c => c.EntidadId == entidad.Id && c.Codigo == CentroOperador, ct));
            Exigir(await usuarios.CreateAsync(usuario, Contrasena), u.Correo);
            Exigir(await usuarios.AddToRoleAsync(usuario, u.Rol), u.Correo);
        }
    }

    private static void Exigir(IdentityResult r, string correo)
    {
        if (!r.Succeeded)
            throw new InvalidOperationException($"No se pudo crear el usuario de demostración {correo}: " + string.Join(" ", r.Errors.Select(e => e.Description)));
    }
}
