using System.Net;
using Sipoi.Web.Intercambio;
using Sipoi.Web.Tests.Infraestructura;
using Sipoi.Web.Tests.Nodos;

namespace Sipoi.Web.Tests.AltaDisponibilidad;

/// <summary>
/// The optional read-only connection (ConnectionStrings:SipoiLectura, issue 17 item 3): the public pages, reports and the
/// dashboard read from it when it is set, everything else from ConnectionStrings:Sipoi. Here the "replica" is a second
/// database whose entity has another name, so the page shows which connection it read.
/// </summary>
public sealed class ConexionLecturaTests
{
    [Fact]
    public async Task ConexionLectura_LaPaginaPublicaLeeDeElla_YSinEllaDeLaPrincipal()
    {
        await using var principal = await BaseDePrueba.CrearAsync();
        await using var replica = await BaseDePrueba.CrearAsync();
        using (new NodoDePrueba(replica)) { } // migrates and loads the demo
        await NodoDePrueba.EscalarAsync(replica.Conexion,
            $"UPDATE entidad SET nombre = 'ENTIDAD LEIDA DE LA REPLICA' WHERE codigo = '{DatosDemo.CodigoEntidad}'");

        using var conLectura = new NodoDePrueba(principal,
            new Dictionary<string, string> { ["ConnectionStrings:SipoiLectura"] = replica.ConexionApp });
        var publica = await conLectura.PedirAsync("/transparencia", null);
        Assert.Equal(HttpStatusCode.OK, publica.StatusCode);
        Assert.Contains("ENTIDAD LEIDA DE LA REPLICA", await publica.Content.ReadAsStringAsync());

        using var sinLectura = new NodoDePrueba(principal);
        var html = await (await sinLectura.PedirAsync("/transparencia", null)).Content.ReadAsStringAsync();
        Assert.DoesNotContain("ENTIDAD LEIDA DE LA REPLICA", html);
        Assert.Contains("EMSAPUNO", html);
    }
}
