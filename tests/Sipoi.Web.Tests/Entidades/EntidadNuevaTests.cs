using System.Net;
using Microsoft.EntityFrameworkCore;
using Sipoi.Domain.Seguimiento;
using Sipoi.Web.Seguridad;
using Sipoi.Web.Tests.Infraestructura;
using Sipoi.Web.Tests.Planes;

namespace Sipoi.Web.Tests.Entidades;

/// <summary>
/// A national administrator creates an entity and its first Administrador (Pages/Entidades/Nueva): both or nothing,
/// audited, every refusal naming its field; nobody else reaches the page.
/// </summary>
public sealed class EntidadNuevaTests(AppDePrueba app) : IClassFixture<AppDePrueba>
{
    private const string Pagina = "/entidades/nueva";
    private const string Nacional = "alta.entidades@nacional.demo";

    private async Task<HttpClient> NacionalAsync()
    {
        await using (var db = app.Base.Contexto())
            if (!await db.Users.AnyAsync(u => u.UserName == Nacional))
                await app.CrearUsuarioAsync(Nacional, Roles.Consulta, nacional: true);
        return await app.ComoAsync(Nacional);
    }

    private async Task<HttpResponseMessage> CrearAsync(string codigo, string nombre, string admin, string correo, string contrasena = "", string tipo = "Municipalidad Distrital") =>
        await Paginas.EnviarAsync(await NacionalAsync(), Pagina, "form-entidad",
            ("Datos.Codigo", codigo), ("Datos.Nombre", nombre), ("Datos.Tipo", tipo), ("Datos.NombreAdministrador", admin),
            ("Datos.CorreoAdministrador", correo), ("Datos.Contrasena", contrasena));

    private async Task<(bool Entidad, bool Usuario)> ExistenAsync(string codigo, string correo)
    {
        await using var db = app.Base.Contexto();
        return (await db.Entidades.AnyAsync(e => e.Codigo == codigo), await db.Users.AnyAsync(u => u.UserName == correo));
    }

    [Fact]
    public async Task EntidadNueva_SeCreaConSuAdministrador_QueIngresaYAdministra_YTodoSeAudita()
    {
        var r = await CrearAsync("MDTEST01", "MUNICIPALIDAD DISTRITAL DE PRUEBA", "Ana Quispe Mamani", "ana.quispe@mdtest.gob.pe");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var doc = Formulario.Leer(await r.Content.ReadAsStringAsync());
        Assert.Contains("Se creó la entidad MDTEST01 y su administrador ana.quispe@mdtest.gob.pe.", doc.GetElementById("aviso")!.TextContent, StringComparison.Ordinal);
        Assert.True(r.Headers.CacheControl?.NoStore);
        var contrasena = doc.GetElementById("contrasena-generada")!.TextContent;
        Assert.Equal(16, contrasena.Length);

        await using (var db = app.Base.Contexto())
        {
            var e = await db.Entidades.AsNoTracking().SingleAsync(x => x.Codigo == "MDTEST01");
            Assert.Equal("Municipalidad Distrital", e.Tipo);
            var u = await db.Users.AsNoTracking().SingleAsync(x => x.UserName == "ana.quispe@mdtest.gob.pe");
            Assert.Equal(e.Id, u.EntidadId);
            Assert.False(u.EsAdministradorNacional);
            var auditoria = await db.Auditoria.AsNoTracking().Where(a => a.Usuario == Nacional && a.Accion == AccionAuditada.Alta).ToListAsync();
            Assert.Contains(auditoria, a => a.Tabla == "entidad" && a.ValorNuevo!.Contains("\"MDTEST01\"", StringComparison.Ordinal));
            Assert.Contains(auditoria, a => a.Tabla == "usuario" && a.ValorNuevo!.Contains("ana.quispe@mdtest.gob.pe", StringComparison.Ordinal));
            Assert.Contains(auditoria, a => a.Tabla == "usuario_rol");
        }

        // The new administrator signs in with the password shown once and administers its own entity only.
        var admin = await app.NuevaSesionAsync("ana.quispe@mdtest.gob.pe", contrasena);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/e/MDTEST01/administracion")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/e/MDTEST01")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync("/e/EMSAPUNO")).StatusCode);
    }

    [Fact]
    public async Task EntidadNueva_ConContrasenaEscrita_NoLaMuestra()
    {
        var r = await CrearAsync("MDTEST02", "MUNICIPALIDAD DISTRITAL DOS", "Luis Condori", "luis.condori@mdtest.gob.pe", "Huancane-Lampa-2026");
        var doc = Formulario.Leer(await r.Content.ReadAsStringAsync());
        Assert.NotNull(doc.GetElementById("aviso"));
        Assert.Null(doc.GetElementById("contrasena-generada"));
        Assert.DoesNotContain("Huancane-Lampa-2026", await r.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await app.NuevaSesionAsync("luis.condori@mdtest.gob.pe", "Huancane-Lampa-2026");
    }

    [Fact]
    public async Task EntidadNueva_CodigoRepetido_SeRechazaYNoCreaAlAdministrador()
    {
        var r = await CrearAsync("emsapuno", "OTRA EMSAPUNO", "Pedro Ramos", "pedro.ramos@otra.gob.pe");
        await Rechazo.EnRespuestaAsync(r, HttpStatusCode.OK, "Código: ya existe la entidad emsapuno.");
        Assert.Equal((false, false), await ExistenAsync("emsapuno", "pedro.ramos@otra.gob.pe"));
    }

    [Fact]
    public async Task EntidadNueva_ContrasenaRechazada_NoDejaLaEntidad()
    {
        var r = await CrearAsync("MDTEST03", "MUNICIPALIDAD DISTRITAL TRES", "Rosa Apaza", "rosa.apaza@mdtest.gob.pe", "corta");
        await Rechazo.EnRespuestaAsync(r, HttpStatusCode.OK, "Administrador: La contraseña debe tener al menos 10 caracteres.");
        Assert.Equal((false, false), await ExistenAsync("MDTEST03", "rosa.apaza@mdtest.gob.pe"));
    }

    [Fact]
    public async Task EntidadNueva_CorreoDeOtroUsuario_NoDejaLaEntidad()
    {
        var r = await CrearAsync("MDTEST04", "MUNICIPALIDAD DISTRITAL CUATRO", "Otro Nombre", AppDePrueba.Planificador);
        await Rechazo.EnRespuestaAsync(r, HttpStatusCode.OK, $"Ya existe el usuario {AppDePrueba.Planificador}.");
        Assert.False((await ExistenAsync("MDTEST04", "x")).Entidad);
    }

    [Fact]
    public async Task EntidadNueva_CamposVaciosOCodigoConEspacios_NombraCadaCampo()
    {
        var r = await CrearAsync("", "  ", "", "");
        var texto = await Rechazo.EnRespuestaAsync(r, HttpStatusCode.OK, "El campo código es obligatorio.");
        Assert.Contains("Nombre del administrador: es obligatorio.", texto, StringComparison.Ordinal);
        Assert.Contains("Correo del administrador: es obligatorio.", texto, StringComparison.Ordinal);

        r = await CrearAsync("MD TEST/5", "MUNICIPALIDAD CINCO", "Eva Luna", "eva.luna@mdtest.gob.pe");
        await Rechazo.EnRespuestaAsync(r, HttpStatusCode.OK, "Código: «MD TEST/5» no se admite; use solo letras sin tilde, números, punto, guion o guion bajo");
        r = await CrearAsync("MDTEST05", "MUNICIPALIDAD CINCO", "Eva Luna", "eva.luna@mdtest.gob.pe", tipo: "Ministerio");
        await Rechazo.EnRespuestaAsync(r, HttpStatusCode.OK, "Tipo: «Ministerio» no es un tipo de entidad de la lista.");
        Assert.Equal((false, false), await ExistenAsync("MDTEST05", "eva.luna@mdtest.gob.pe"));
    }

    [Fact]
    public async Task EntidadNueva_SoloElAdministradorNacional_LaVeYLaEnlaza()
    {
        var admin = await app.ComoAsync(AppDePrueba.Administrador);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync(Pagina)).StatusCode);
        var inicio = await Paginas.LeerAsync(admin, "/");
        Assert.Null(inicio.GetElementById("nueva-entidad"));
        var token = inicio.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var post = await admin.PostAsync(Pagina, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Datos.Codigo"] = "MDTEST06",
            ["Datos.Nombre"] = "NO DEBE EXISTIR",
            ["Datos.NombreAdministrador"] = "X",
            ["Datos.CorreoAdministrador"] = "x@mdtest.gob.pe",
        }));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.False((await ExistenAsync("MDTEST06", "x@mdtest.gob.pe")).Entidad);

        var nacional = await Paginas.LeerAsync(await NacionalAsync(), "/");
        Assert.Equal(Pagina, nacional.GetElementById("nueva-entidad")!.GetAttribute("href"));
    }
}
