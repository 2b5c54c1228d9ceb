using System.Net;
using Sipoi.Web.Tests.Infraestructura;

namespace Sipoi.Web.Tests.Nodos;

/// <summary>
/// Stateless web nodes (issue 17, item 2): two app instances on one database are two nodes behind a proxy. What one
/// signs (the session cookie, the log-in form's antiforgery token) the other accepts, because the data-protection
/// keys live in the database (table clave_proteccion_datos, application name SIPOI), and a restart keeps them.
/// </summary>
public sealed class ClavesCompartidasTests
{
    private const string Pagina = "/";

    private static bool AlIngreso(HttpResponseMessage r) =>
        r.StatusCode == HttpStatusCode.Redirect && r.Headers.Location?.OriginalString.Contains("/cuenta/ingresar", StringComparison.Ordinal) == true;

    private static async Task<string> SesionAsync(NodoDePrueba nodo)
    {
        var r = await nodo.IngresarAsync(await nodo.FormularioIngresoAsync(), AppDePrueba.Planificador);
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var cookie = NodoDePrueba.Cookies(r);
        Assert.Contains("sipoi.sesion=", cookie);
        return cookie;
    }

    [Fact]
    public async Task SesionDelNodoA_LaAceptaElNodoB()
    {
        await using var bd = await BaseDePrueba.CrearAsync();
        using var a = new NodoDePrueba(bd);
        using var b = new NodoDePrueba(bd);
        var sesion = await SesionAsync(a);

        var enB = await b.PedirAsync(Pagina, sesion);
        Assert.Equal(HttpStatusCode.OK, enB.StatusCode);
        Assert.True(AlIngreso(await b.PedirAsync(Pagina, null)), "sin la cookie, B debe pedir el ingreso");
        // One key for both: B read A's instead of making its own.
        Assert.Equal(1L, await NodoDePrueba.EscalarAsync(bd.Conexion, "SELECT count(*) FROM clave_proteccion_datos"));
    }

    [Fact]
    public async Task FormularioDelNodoA_ElNodoBAceptaSuTokenAntifalsificacion()
    {
        await using var bd = await BaseDePrueba.CrearAsync();
        using var a = new NodoDePrueba(bd);
        using var b = new NodoDePrueba(bd);
        var formulario = await a.FormularioIngresoAsync();
        Assert.Contains("__RequestVerificationToken", formulario.Campos.Keys);

        var r = await b.IngresarAsync(formulario, AppDePrueba.Planificador);
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.False(AlIngreso(r));
        Assert.Equal(HttpStatusCode.OK, (await a.PedirAsync(Pagina, NodoDePrueba.Cookies(r))).StatusCode);
    }

    [Fact]
    public async Task ClavesEnLaBase_SobrevivenAlReinicio_YSinEllasLaSesionSeRechaza()
    {
        await using var bd = await BaseDePrueba.CrearAsync();
        string sesion;
        using (var a = new NodoDePrueba(bd)) sesion = await SesionAsync(a);
        Assert.Equal(true, await NodoDePrueba.EscalarAsync(bd.Conexion,
            "SELECT bool_and(xml LIKE '<key id=%') AND count(*) = 1 FROM clave_proteccion_datos"));

        using (var reiniciado = new NodoDePrueba(bd))
            Assert.Equal(HttpStatusCode.OK, (await reiniciado.PedirAsync(Pagina, sesion)).StatusCode);

        // The keys are the table's, not a file of this machine: without the rows the same cookie is refused.
        await NodoDePrueba.EscalarAsync(bd.Conexion, "DELETE FROM clave_proteccion_datos");
        using var sinClaves = new NodoDePrueba(bd);
        Assert.True(AlIngreso(await sinClaves.PedirAsync(Pagina, sesion)));
    }
}
