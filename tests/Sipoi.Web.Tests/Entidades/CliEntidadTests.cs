using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Sipoi.Domain.Seguimiento;
using Sipoi.Web.Cli;
using Sipoi.Web.Tests.Infraestructura;

namespace Sipoi.Web.Tests.Entidades;

/// <summary>
/// `sipoi entidad`: on an empty database the first national administrator needs an entity to belong to (README §5). It takes
/// the checks of /entidades/nueva (AltaEntidad) and is audited as the command line's user.
/// </summary>
public sealed class CliEntidadTests(AppDePrueba app) : IClassFixture<AppDePrueba>
{
    private async Task<(int Codigo, string Salida, string Errores)> EjecutarAsync(params string[] args)
    {
        _ = app.Server;
        var configuracion = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Sipoi"] = app.Base.Conexion })
            .Build();
        var salida = new StringWriter();
        var errores = new StringWriter();
        var codigo = await LineaDeComandos.EjecutarAsync(["entidad", .. args], salida, configuracion, errores: errores);
        return (codigo, salida.ToString(), errores.ToString());
    }

    [Fact]
    public async Task Entidad_CreaUnaEntidadVacia_YRechazaCodigoRepetidoOTipoDesconocido()
    {
        var (codigo, salida, _) = await EjecutarAsync("--codigo", "PLANEAMIENTO-NACIONAL", "--nombre", "Oficina nacional de planeamiento",
            "--tipo", "Otra entidad pública");
        Assert.Equal(0, codigo);
        Assert.StartsWith("Se creó la entidad PLANEAMIENTO-NACIONAL «Oficina nacional de planeamiento», sin usuarios.", salida, StringComparison.Ordinal);
        await using (var db = app.Base.Contexto())
        {
            var e = await db.Entidades.SingleAsync(x => x.Codigo == "PLANEAMIENTO-NACIONAL");
            Assert.Equal("Otra entidad pública", e.Tipo);
            Assert.False(await db.Users.AnyAsync(u => u.EntidadId == e.Id));
            Assert.True(await db.Auditoria.AnyAsync(a => a.Tabla == "entidad" && a.Accion == AccionAuditada.Alta
                && a.Usuario.StartsWith("cli:") && a.ValorNuevo!.Contains("PLANEAMIENTO-NACIONAL")));
        }

        var repetido = await EjecutarAsync("--codigo", "planeamiento-nacional", "--nombre", "Otra");
        Assert.Equal((1, "Error: Código: ya existe la entidad planeamiento-nacional.\n"), (repetido.Codigo, repetido.Errores.ReplaceLineEndings("\n")));
        var tipo = await EjecutarAsync("--codigo", "OTRA", "--nombre", "Otra", "--tipo", "Ministerio");
        Assert.Equal((1, "Error: Tipo: «Ministerio» no es un tipo de entidad de la lista.\n"), (tipo.Codigo, tipo.Errores.ReplaceLineEndings("\n")));
        var espacio = await EjecutarAsync("--codigo", "MD SANTIAGO", "--nombre", "Otra");
        Assert.Equal(1, espacio.Codigo);
        Assert.Contains("Código: «MD SANTIAGO» no se admite", espacio.Errores, StringComparison.Ordinal);
        Assert.NotEqual(0, (await EjecutarAsync("--nombre", "Sin código")).Codigo);
        await using var db2 = app.Base.Contexto();
        Assert.False(await db2.Entidades.AnyAsync(x => x.Codigo == "OTRA" || x.Codigo == "MD SANTIAGO"));
    }
}
