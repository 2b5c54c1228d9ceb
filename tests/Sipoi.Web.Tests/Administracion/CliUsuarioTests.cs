using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Sipoi.Web.Cli;
using Sipoi.Web.Tests.Infraestructura;

namespace Sipoi.Web.Tests.Administracion;

/// <summary>`sipoi usuario`: the first administrator of a new deployment, created from the command line, signs in with the printed password.</summary>
public sealed class CliUsuarioTests(AppDePrueba app) : IClassFixture<AppDePrueba>
{
    private async Task<(int Codigo, string Salida)> EjecutarAsync(params string[] args)
    {
        _ = app.Server;
        var configuracion = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Sipoi"] = app.Base.Conexion })
            .Build();
        var salida = new StringWriter();
        var codigo = await LineaDeComandos.EjecutarAsync(["usuario", .. args], salida, configuracion);
        return (codigo, salida.ToString());
    }

    [Fact]
    public async Task Usuario_CreaAdministradorQueIngresaConLaContrasenaImpresa()
    {
        var (codigo, salida) = await EjecutarAsync("--entidad", "EMSAPUNO", "--correo", "jefe.ti@emsapuno.demo", "--nombre", "Jefe de TI");
        Assert.Equal(0, codigo);
        var contrasena = salida.Split(": ").Last().Trim();
        Assert.Equal(16, contrasena.Length);
        var http = await app.NuevaSesionAsync("jefe.ti@emsapuno.demo", contrasena);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/e/EMSAPUNO/administracion/usuarios")).StatusCode);

        // The same e-mail again, an operator, an unknown role or entity: refused, nothing created.
        Assert.Equal(1, (await EjecutarAsync("--entidad", "EMSAPUNO", "--correo", "jefe.ti@emsapuno.demo", "--nombre", "Otro")).Codigo);
        Assert.Equal(1, (await EjecutarAsync("--entidad", "EMSAPUNO", "--correo", "op@emsapuno.demo", "--nombre", "Op", "--rol", "operador")).Codigo);
        Assert.Equal(1, (await EjecutarAsync("--entidad", "EMSAPUNO", "--correo", "x@emsapuno.demo", "--nombre", "X", "--rol", "jefe")).Codigo);
        Assert.Equal(1, (await EjecutarAsync("--entidad", "NOEXISTE", "--correo", "y@emsapuno.demo", "--nombre", "Y")).Codigo);
        await using var db = app.Base.Contexto();
        Assert.Equal(1, await db.Users.CountAsync(u => u.UserName == "jefe.ti@emsapuno.demo"));
        Assert.False(await db.Users.AnyAsync(u => u.UserName == "op@emsapuno.demo" || u.UserName == "x@emsapuno.demo" || u.UserName == "y@emsapuno.demo"));
    }
}
