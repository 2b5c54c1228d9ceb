using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Sipoi.Web.Administracion;
using Sipoi.Web.Data;
using Sipoi.Web.Seguridad;

namespace Sipoi.Web.Cli;

public static partial class LineaDeComandos
{
    /// <summary>
    /// `sipoi usuario --entidad C --correo X --nombre N [--rol administrador|planificador|consulta] [--nacional si]`: creates a user (by
    /// default the entity's first Administrador, who then creates the others on the administration pages) with a
    /// generated password printed once. Operators need cost centres: they are created on the page.
    /// </summary>
    private static async Task<int> UsuarioAsync(Argumentos a, SipoiDbContext db, TextWriter salida, CancellationToken ct)
    {
        var codigo = a.Requerida("entidad");
        var correo = a.Requerida("correo");
        var nombre = a.Requerida("nombre");
        var textoRol = a.Opcion("rol") ?? Roles.Administrador;
        var nacional = (a.Opcion("nacional") ?? "no").Trim().ToLowerInvariant() switch
        {
            "si" or "sí" => true,
            "no" => false,
            var x => throw new ErrorCli($"--nacional debe ser «si» o «no», no «{x}»."),
        };
        a.SinSobrantes();
        var rol = Roles.Todos.SingleOrDefault(r => string.Equals(r, textoRol.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new ErrorCli($"rol no válido «{textoRol}»: use administrador, planificador o consulta.");
        if (rol == Roles.Operador)
            throw new ErrorCli("un Operador de centro de costo necesita sus centros: créelo en /e/{entidad}/administracion/usuarios.");
        var entidad = await db.Entidades.SingleOrDefaultAsync(e => e.Codigo == codigo, ct)
            ?? throw new ErrorCli($"no existe la entidad «{codigo}» (vea ./sipoi entidades).");
        // The command line's own services (the context was resolved from them): Identity's UserManager with the app's rules.
        var servicios = db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider
            ?? throw new InvalidOperationException("El contexto no viene del contenedor de servicios.");
        var usuarios = servicios.GetRequiredService<UserManager<Usuario>>();
        // Whoever runs the command line owns the deployment: it may create any role, national included.
        var contrasena = CuentasUsuario.GenerarContrasena();
        var errores = await CuentasUsuario.CrearAsync(db, usuarios, entidad.Id,
            new DatosUsuario { Correo = correo, Nombre = nombre, Roles = [rol] }, contrasena, Rango.Nacional, ct, nacional);
        if (errores.Count > 0) throw new ErrorCli(string.Join(" ", errores));
        await salida.WriteLineAsync($"Se creó el usuario {correo} ({Roles.NombreVisible(rol)}{(nacional ? ", administrador nacional" : "")}) de {entidad.Codigo}.");
        await salida.WriteLineAsync($"Contraseña (se muestra solo esta vez; cámbiela al ingresar en /cuenta/contrasena): {contrasena}");
        return 0;
    }
}
