using System.Net;
using Microsoft.EntityFrameworkCore;
using Sipoi.Domain.Organizacion;
using Sipoi.Domain.Seguimiento;
using Sipoi.Web.Tests.Infraestructura;
using Sipoi.Web.Tests.Planes;

namespace Sipoi.Web.Tests.Administracion;

/// <summary>Executing units (Pages/Administracion/UnidadesEjecutoras): create, rename, remove only while unused; audited; version-checked.</summary>
public sealed class UnidadesEjecutorasTests(AppDePrueba app) : IClassFixture<AppDePrueba>
{
    private const string Lista = "/e/EMSAPUNO/administracion/unidades-ejecutoras";

    private async Task<HttpResponseMessage> CrearAsync(string codigo, string nombre) =>
        await Paginas.EnviarAsync(await app.ComoAsync(AppDePrueba.Administrador), Lista, "form-unidad", ("Codigo", codigo), ("Nombre", nombre));

    private async Task<UnidadEjecutora?> UnidadAsync(string codigo)
    {
        await using var db = app.Base.Contexto();
        return await db.UnidadesEjecutoras.AsNoTracking().SingleOrDefaultAsync(u => u.Codigo == codigo);
    }

    [Fact]
    public async Task UnidadEjecutora_SeCreaRenombraYQuita_YCadaCambioSeAudita()
    {
        Assert.Equal(HttpStatusCode.Redirect, (await CrearAsync("UE-100", "Sede central")).StatusCode);
        var u = await UnidadAsync("UE-100");
        Assert.NotNull(u);
        var http = await app.ComoAsync(AppDePrueba.Administrador);
        var lista = await Paginas.LeerAsync(http, Lista);
        Assert.Contains("Sede central", lista.QuerySelector("tr[data-codigo='UE-100']")!.TextContent, StringComparison.Ordinal);

        var url = $"{Lista}/{u!.Id}";
        Assert.Equal(HttpStatusCode.Redirect, (await Paginas.EnviarAsync(http, url, "form-unidad", ("Nombre", "Sede central Puno"))).StatusCode);
        Assert.Equal("Sede central Puno", (await UnidadAsync("UE-100"))!.Nombre);

        var quitar = await Formulario.LeerAsync(http, url, "form-quitar");
        // The first post removes nothing: it shows what goes and asks to confirm.
        var primera = await quitar.EnviarAsync(http);
        Assert.Equal(HttpStatusCode.OK, primera.StatusCode);
        var pagina = Formulario.Leer(await primera.Content.ReadAsStringAsync());
        var caja = pagina.GetElementById("confirmar-quitar")!.TextContent;
        Assert.Contains("Confirme que quiere quitar la unidad ejecutora. No se puede deshacer.", caja);
        Assert.Contains("Se quitará la unidad ejecutora UE-100 «Sede central Puno»", caja);
        Assert.Contains("Ningún centro de costo pertenece a ella", caja);
        Assert.NotNull(await UnidadAsync("UE-100"));
        var confirmar = Formulario.De(pagina, "confirmar-quitar-unidad");
        Assert.Equal("true", confirmar.Campos["Confirmar"]);
        Assert.Equal(HttpStatusCode.Redirect, (await confirmar.EnviarAsync(http)).StatusCode);
        Assert.Null(await UnidadAsync("UE-100"));

        await using var db = app.Base.Contexto();
        var filas = await db.Auditoria.AsNoTracking().Where(a => a.Tabla == "unidad_ejecutora" && a.Usuario == AppDePrueba.Administrador).ToListAsync();
        Assert.Contains(filas, a => a.Accion == AccionAuditada.Alta && a.ValorNuevo!.Contains("\"UE-100\"", StringComparison.Ordinal));
        var cambio = Assert.Single(filas, a => a.Accion == AccionAuditada.Cambio && a.Campo == "nombre" && a.ValorNuevo == "Sede central Puno");
        Assert.Equal("Sede central", cambio.ValorAnterior);
        Assert.Contains(filas, a => a.Accion == AccionAuditada.Baja && a.ValorAnterior!.Contains("\"Sede central Puno\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnidadEjecutora_SinNombreOCodigoRepetido_SeRechazaNombrandoElCampo()
    {
        var r = await CrearAsync("UE-200", "  ");
        await Rechazo.EnRespuestaAsync(r, HttpStatusCode.OK, "El campo nombre es obligatorio.");
        Assert.Null(await UnidadAsync("UE-200"));

        Assert.Equal(HttpStatusCode.Redirect, (await CrearAsync("UE-201", "Agencia Juliaca")).StatusCode);
        r = await CrearAsync("UE-201", "Otra");
        await Rechazo.EnRespuestaAsync(r, HttpStatusCode.OK, "Código: ya existe la unidad ejecutora UE-201.");
        Assert.Equal("Agencia Juliaca", (await UnidadAsync("UE-201"))!.Nombre);
    }

    [Fact]
    public async Task UnidadEjecutora_UsadaPorUnCentro_NoSeQuita()
    {
        Assert.Equal(HttpStatusCode.Redirect, (await CrearAsync("UE-300", "Unidad con centros")).StatusCode);
        int id;
        await using (var db = app.Base.Contexto())
        {
            var u = await db.UnidadesEjecutoras.SingleAsync(x => x.Codigo == "UE-300");
            id = u.Id;
            var centro = await db.CentrosCosto.SingleAsync(c => c.Codigo == "01.02" && c.EntidadId == u.EntidadId);
            centro.AsignarUnidadEjecutora(u);
            await db.SaveChangesAsync();
        }
        var http = await app.ComoAsync(AppDePrueba.Administrador);
        var quitar = await Formulario.LeerAsync(http, $"{Lista}/{id}", "form-quitar");
        await Rechazo.EnRespuestaAsync(await quitar.EnviarAsync(http), HttpStatusCode.OK,
            "No se puede quitar la unidad ejecutora UE-300: la usan los centros de costo 01.02.");
        Assert.NotNull(await UnidadAsync("UE-300"));
    }

    [Fact]
    public async Task UnidadEjecutora_CambiadaPorOtraPersona_NoSeSobrescribe()
    {
        Assert.Equal(HttpStatusCode.Redirect, (await CrearAsync("UE-400", "Nombre inicial")).StatusCode);
        var id = (await UnidadAsync("UE-400"))!.Id;
        var http = await app.ComoAsync(AppDePrueba.Administrador);
        var viejo = await Formulario.LeerAsync(http, $"{Lista}/{id}", "form-unidad");
        Assert.Equal(HttpStatusCode.Redirect, (await Paginas.EnviarAsync(http, $"{Lista}/{id}", "form-unidad", ("Nombre", "Primero"))).StatusCode);
        viejo.Campos["Nombre"] = "Segundo";
        await Rechazo.EnRespuestaAsync(await viejo.EnviarAsync(http, $"{Lista}/{id}"), HttpStatusCode.OK,
            "Otra persona cambió la unidad ejecutora UE-400 mientras usted editaba");
        Assert.Equal("Primero", (await UnidadAsync("UE-400"))!.Nombre);
    }

    [Fact]
    public async Task UnidadesEjecutoras_ElPlanificadorRecibe403_YAdministracionLasEnlaza()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ComoAsync(AppDePrueba.Planificador)).GetAsync(Lista)).StatusCode);
        var doc = await Paginas.LeerAsync(await app.ComoAsync(AppDePrueba.Administrador), "/e/EMSAPUNO/administracion");
        Assert.NotNull(doc.QuerySelector($"a[href='{Lista}']"));
        Assert.NotNull(doc.QuerySelector("a[href='/e/EMSAPUNO/administracion/fichas']"));
    }
}
