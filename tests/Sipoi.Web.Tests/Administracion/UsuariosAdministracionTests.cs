using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sipoi.Web.Administracion;
using Sipoi.Web.Seguridad;
using Sipoi.Web.Tests.Infraestructura;
using Sipoi.Web.Tests.Planes;

namespace Sipoi.Web.Tests.Administracion;

/// <summary>The administrator manages the entity's users through the pages (Pages/Administracion/README.md).</summary>
public sealed class UsuariosAdministracionTests(AppDePrueba app) : IClassFixture<AppDePrueba>
{
    private const string Base = "/e/EMSAPUNO/administracion";
    private const string Contrasena = "una-frase-bastante-larga";

    /// <summary>Posts the new-user form with the given roles and centres (checkboxes send one value each).</summary>
    private async Task<HttpResponseMessage> CrearAsync(string correo, string[] roles, string[] centros, string? contrasena = Contrasena)
    {
        var http = await app.ComoAsync(AppDePrueba.Administrador);
        var f = await Formulario.LeerAsync(http, $"{Base}/usuarios/nuevo", "form-usuario");
        var ids = await IdsCentrosAsync(centros);
        var campos = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", f.Campos["__RequestVerificationToken"]),
            new("Datos.Correo", correo),
            new("Datos.Nombre", "Nombre de " + correo),
            new("Datos.Contrasena", contrasena ?? ""),
        };
        campos.AddRange(roles.Select(r => new KeyValuePair<string, string>("Datos.Roles", r)));
        campos.AddRange(ids.Select(i => new KeyValuePair<string, string>("Datos.Centros", i.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        return await http.PostAsync($"{Base}/usuarios/nuevo", new FormUrlEncodedContent(campos));
    }

    /// <summary>Posts the edit form of a user with a new name, roles and centres.</summary>
    private async Task<HttpResponseMessage> EditarAsync(int id, string nombre, string[] roles, string[] centros)
    {
        var http = await app.ComoAsync(AppDePrueba.Administrador);
        var f = await Formulario.LeerAsync(http, $"{Base}/usuarios/{id}", "form-usuario");
        var ids = await IdsCentrosAsync(centros);
        var campos = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", f.Campos["__RequestVerificationToken"]),
            new("Datos.Nombre", nombre),
        };
        campos.AddRange(roles.Select(r => new KeyValuePair<string, string>("Datos.Roles", r)));
        campos.AddRange(ids.Select(i => new KeyValuePair<string, string>("Datos.Centros", i.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        return await http.PostAsync($"{Base}/usuarios/{id}", new FormUrlEncodedContent(campos));
    }

    /// <summary>Presses one of the access buttons (desactivar, reactivar, restablecer) on the user's page.</summary>
    private async Task<HttpResponseMessage> AccionAsync(int id, string form)
    {
        var http = await app.ComoAsync(AppDePrueba.Administrador);
        var f = await Formulario.LeerAsync(http, $"{Base}/usuarios/{id}", form);
        // Deactivating is confirmed on a summary first (the «Sí, desactivar» form).
        return form == "form-desactivar" ? await f.EnviarYConfirmarAsync(http, "confirmar-desactivar") : await f.EnviarAsync(http);
    }

    private async Task<List<int>> IdsCentrosAsync(string[] codigos)
    {
        await using var db = app.Base.Contexto();
        return await db.CentrosCosto.Where(c => codigos.Contains(c.Codigo)).Select(c => c.Id).ToListAsync();
    }

    private async Task<Usuario?> UsuarioAsync(string correo)
    {
        await using var db = app.Base.Contexto();
        return await db.Users.AsNoTracking().Include(u => u.Centros).SingleOrDefaultAsync(u => u.Email == correo);
    }

    private async Task<List<string>> RolesAsync(int id)
    {
        await using var db = app.Base.Contexto();
        return await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == id select r.Name!).ToListAsync();
    }

    private async Task<int> IdAsync(string correo) => (await UsuarioAsync(correo))!.Id;

    [Fact]
    public async Task Lista_MuestraLosUsuariosConRolesYCentros()
    {
        var doc = await Paginas.LeerAsync(await app.ComoAsync(AppDePrueba.Administrador), $"{Base}/usuarios");
        var operador = doc.QuerySelector($"tr[data-correo='{AppDePrueba.Operador}']")!;
        Assert.Contains("Operador de centro de costo", operador.TextContent);
        Assert.Contains("01.02", operador.TextContent);
        Assert.Contains("Activo", operador.QuerySelector(".estado")!.TextContent);
        Assert.NotNull(doc.QuerySelector($"tr[data-correo='{AppDePrueba.Administrador}']"));
    }

    [Fact]
    public async Task CrearUsuario_IngresaConSuContrasenaYSuRol()
    {
        var r = await CrearAsync("nueva.planificadora@emsapuno.demo", [Roles.Planificador], []);
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var http = await app.NuevaSesionAsync("nueva.planificadora@emsapuno.demo", Contrasena);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/e/EMSAPUNO/auditoria")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync(Base)).StatusCode);
    }

    [Fact]
    public async Task CrearUsuario_SinContrasena_GeneraUnaQueSeMuestraUnaVezYSirve()
    {
        var r = await CrearAsync("generada@emsapuno.demo", [Roles.Consulta], [], contrasena: null);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Contains("no-store", r.Headers.CacheControl!.ToString());
        var doc = Formulario.Leer(await r.Content.ReadAsStringAsync());
        var contrasena = doc.GetElementById("contrasena-generada")!.TextContent;
        Assert.True(contrasena.Length >= 10);
        await app.NuevaSesionAsync("generada@emsapuno.demo", contrasena);
    }

    [Fact]
    public async Task CentrosDelOperador_SeAplicanDeInmediatoALaSesionAbierta()
    {
        string otraActividad;
        await using (var db = app.Base.Contexto())
            otraActividad = await (from a in db.Actividades
                                   join c in db.CentrosCosto on a.CentroCostoId equals c.Id
                                   where c.Codigo != "01.02"
                                   orderby a.Codigo
                                   select a.Codigo).FirstAsync();
        string centroOtra;
        await using (var db = app.Base.Contexto())
            centroOtra = await (from a in db.Actividades
                                join c in db.CentrosCosto on a.CentroCostoId equals c.Id
                                where a.Codigo == otraActividad
                                select c.Codigo).SingleAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await CrearAsync("op.nuevo@emsapuno.demo", [Roles.Operador], ["01.02"])).StatusCode);
        var op = await app.NuevaSesionAsync("op.nuevo@emsapuno.demo", Contrasena);
        var url = $"/e/EMSAPUNO/poi/2024/actividad/{Uri.EscapeDataString(otraActividad)}";
        Assert.Equal(HttpStatusCode.Forbidden, (await op.GetAsync(url)).StatusCode);

        var id = await IdAsync("op.nuevo@emsapuno.demo");
        Assert.Equal(HttpStatusCode.Redirect, (await EditarAsync(id, "Operador reasignado", [Roles.Operador], [centroOtra])).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await op.GetAsync(url)).StatusCode);
        var u = await UsuarioAsync("op.nuevo@emsapuno.demo");
        Assert.Equal("Operador reasignado", u!.NombreCompleto);
        Assert.Single(u.Centros);
    }

    [Theory]
    [InlineData(new[] { Roles.Operador }, new string[0], "", "Centros de costo")]
    [InlineData(new[] { Roles.Consulta }, new[] { "01.02" }, Contrasena, "solo se asignan")]
    [InlineData(new string[0], new string[0], Contrasena, "Roles")]
    [InlineData(new[] { Roles.Consulta }, new string[0], "corta", "al menos 10 caracteres")]
    public async Task CrearUsuario_Invalido_NoCreaNadaYDiceQueCorregir(string[] roles, string[] centros, string contrasena, string mensaje)
    {
        var correo = $"invalido.{Guid.NewGuid():N}@emsapuno.demo";
        var r = await CrearAsync(correo, roles, centros, contrasena);
        Assert.Contains(mensaje, await Paginas.ErroresAsync(r));
        Assert.Null(await UsuarioAsync(correo));
    }

    [Fact]
    public async Task CrearUsuario_CorreoRepetido_SeRechaza()
    {
        var r = await CrearAsync(AppDePrueba.Consulta, [Roles.Consulta], []);
        Assert.Contains("Ya existe", await Paginas.ErroresAsync(r));
    }

    [Fact]
    public async Task UsuarioDesactivado_NoPuedeIngresar_YReactivadoSi()
    {
        Assert.Equal(HttpStatusCode.Redirect, (await CrearAsync("se.va@emsapuno.demo", [Roles.Consulta], [])).StatusCode);
        var id = await IdAsync("se.va@emsapuno.demo");
        Assert.Equal(HttpStatusCode.Redirect, (await AccionAsync(id, "form-desactivar")).StatusCode);
        var r = await AppDePrueba.IngresarAsync(app.ClienteAnonimo(), "se.va@emsapuno.demo", Contrasena);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var lista = await Paginas.LeerAsync(await app.ComoAsync(AppDePrueba.Administrador), $"{Base}/usuarios");
        Assert.Equal("Desactivado", lista.QuerySelector("tr[data-correo='se.va@emsapuno.demo'] .estado")!.TextContent.Trim());
        Assert.NotNull(await UsuarioAsync("se.va@emsapuno.demo"));

        Assert.Equal(HttpStatusCode.Redirect, (await AccionAsync(id, "form-reactivar")).StatusCode);
        await app.NuevaSesionAsync("se.va@emsapuno.demo", Contrasena);
    }

    [Fact]
    public async Task IntentosFallidos_NoBloqueanLaCuenta()
    {
        Assert.Equal(HttpStatusCode.Redirect, (await CrearAsync("olvida@emsapuno.demo", [Roles.Consulta], [])).StatusCode);
        for (var i = 0; i < 3; i++)
            await AppDePrueba.IngresarAsync(app.ClienteAnonimo(), "olvida@emsapuno.demo", "no-es-la-clave-123");
        await app.NuevaSesionAsync("olvida@emsapuno.demo", Contrasena);
        var u = await UsuarioAsync("olvida@emsapuno.demo");
        Assert.Null(u!.LockoutEnd);
        Assert.Equal(0, u.AccessFailedCount);
    }

    [Fact]
    public async Task BloqueoDeUnaVersionAnterior_SeDesbloquea()
    {
        // Versions before the log-in throttling locked an account 15 minutes after 5 failures; such a row may remain.
        Assert.Equal(HttpStatusCode.Redirect, (await CrearAsync("bloqueado.antes@emsapuno.demo", [Roles.Consulta], [])).StatusCode);
        var id = await IdAsync("bloqueado.antes@emsapuno.demo");
        await using (var db = app.Base.Contexto())
            await db.Users.Where(u => u.Id == id).ExecuteUpdateAsync(s => s.SetProperty(u => u.LockoutEnd, DateTimeOffset.UtcNow.AddMinutes(10)));
        var pagina = await Paginas.LeerAsync(await app.ComoAsync(AppDePrueba.Administrador), $"{Base}/usuarios/{id}");
        Assert.StartsWith("Bloqueado", pagina.GetElementById("estado")!.TextContent);
        Assert.Contains("Desbloquear", pagina.GetElementById("reactivar")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await AccionAsync(id, "form-reactivar")).StatusCode);
        Assert.Null((await UsuarioAsync("bloqueado.antes@emsapuno.demo"))!.LockoutEnd);
    }

    [Fact]
    public async Task RestablecerContrasena_LaAnteriorDejaDeServirYLaNuevaSeMuestraUnaVez()
    {
        Assert.Equal(HttpStatusCode.Redirect, (await CrearAsync("restablece@emsapuno.demo", [Roles.Consulta], [])).StatusCode);
        var id = await IdAsync("restablece@emsapuno.demo");
        var r = await AccionAsync(id, "form-contrasena");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Contains("no-store", r.Headers.CacheControl!.ToString());
        var nueva = Formulario.Leer(await r.Content.ReadAsStringAsync()).GetElementById("contrasena-generada")!.TextContent;
        Assert.Equal(HttpStatusCode.OK, (await AppDePrueba.IngresarAsync(app.ClienteAnonimo(), "restablece@emsapuno.demo", Contrasena)).StatusCode);
        await app.NuevaSesionAsync("restablece@emsapuno.demo", nueva);
        var otra = await Paginas.LeerAsync(await app.ComoAsync(AppDePrueba.Administrador), $"{Base}/usuarios/{id}");
        Assert.Null(otra.GetElementById("contrasena-generada"));
    }

    [Fact]
    public async Task Desactivar_PrimeroResumeLoQuePierde_YSoloLaConfirmacionDesactiva()
    {
        const string correo = "resumen.baja@emsapuno.demo";
        Assert.Equal(HttpStatusCode.Redirect, (await CrearAsync(correo, [Roles.Operador], ["01.02"])).StatusCode);
        var id = await IdAsync(correo);
        await using (var db = app.Base.Contexto())
        {
            var u = await db.Users.SingleAsync(x => x.Id == id);
            db.TokensApi.Add(TokenApi.Crear(u, "Integración SIAF", DateTimeOffset.UtcNow).Token);
            await db.SaveChangesAsync();
        }
        var http = await app.ComoAsync(AppDePrueba.Administrador);
        var f = await Formulario.LeerAsync(http, $"{Base}/usuarios/{id}", "form-desactivar");

        var r = await f.EnviarAsync(http);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var pagina = Formulario.Leer(await r.Content.ReadAsStringAsync());
        var resumen = string.Join(' ', (pagina.GetElementById("confirmar-desactivacion")?.TextContent ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"Confirme la desactivación de Nombre de {correo} ({correo}).", resumen);
        Assert.Contains("Roles: Operador de centro de costo.", resumen);
        Assert.Contains("Centros de costo: 01.02 ", resumen);
        Assert.Contains("Se revocan su token de API (Integración SIAF)", resumen);
        Assert.Contains("reactivarlo no los devuelve", resumen);
        // Nothing changed yet.
        Assert.Null((await UsuarioAsync(correo))!.LockoutEnd);
        await using (var db = app.Base.Contexto()) Assert.True(await db.TokensApi.AnyAsync(t => t.UsuarioId == id && t.Revocado == null));

        var confirmar = Formulario.De(pagina, "confirmar-desactivar");
        Assert.Equal("true", confirmar.Campos["Confirmar"]);
        Assert.Equal(HttpStatusCode.Redirect, (await confirmar.EnviarAsync(http)).StatusCode);
        Assert.NotNull((await UsuarioAsync(correo))!.LockoutEnd);
        await using (var db = app.Base.Contexto()) Assert.False(await db.TokensApi.AnyAsync(t => t.UsuarioId == id && t.Revocado == null));
    }

    [Fact]
    public async Task Administrador_NoPuedeQuitarseSuRolNiDesactivarse()
    {
        var id = await IdAsync(AppDePrueba.Administrador);
        var r = await EditarAsync(id, "Administrador", [Roles.Planificador], []);
        Assert.Contains("no puede quitarse a sí mismo el rol Administrador", await Paginas.ErroresAsync(r));
        Assert.Equal([Roles.Administrador], await RolesAsync(id));

        var pagina = await Paginas.LeerAsync(await app.ComoAsync(AppDePrueba.Administrador), $"{Base}/usuarios/{id}");
        Assert.Null(pagina.GetElementById("form-desactivar"));
        var token = pagina.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var http = await app.ComoAsync(AppDePrueba.Administrador);
        var d = await http.PostAsync($"{Base}/usuarios/{id}?handler=Desactivar",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        Assert.Contains("No puede desactivar su propia cuenta", await Paginas.ErroresAsync(d));
        Assert.Null((await UsuarioAsync(AppDePrueba.Administrador))!.LockoutEnd);
    }

    [Fact]
    public async Task Cambios_QuedanEnLaAuditoria_SinHashNiSello()
    {
        Assert.Equal(HttpStatusCode.Redirect, (await CrearAsync("auditado@emsapuno.demo", [Roles.Operador], ["01.02"])).StatusCode);
        var id = await IdAsync("auditado@emsapuno.demo");
        Assert.Equal(HttpStatusCode.Redirect, (await AccionAsync(id, "form-desactivar")).StatusCode);
        await using var db = app.Base.Contexto();
        var u = await db.Users.AsNoTracking().SingleAsync(x => x.Id == id);
        var filas = await db.Auditoria.AsNoTracking().Where(a => a.Usuario == AppDePrueba.Administrador && a.Momento >= DateTimeOffset.UtcNow.AddMinutes(-5))
            .ToListAsync();
        Assert.Contains(filas, a => a.Tabla == "usuario" && a.ValorNuevo != null && a.ValorNuevo.Contains("auditado@emsapuno.demo"));
        Assert.Contains(filas, a => a.Tabla == "usuario_rol" && a.Clave.Contains($"{id}"));
        Assert.Contains(filas, a => a.Tabla == "usuario_centro_costo" && a.Clave.Contains($"{id}"));
        Assert.Contains(filas, a => a.Tabla == "usuario" && a.Campo == "lockout_end");
        Assert.DoesNotContain(filas, a => (a.ValorNuevo ?? "").Contains(u.PasswordHash!) || (a.ValorNuevo ?? "").Contains(u.SecurityStamp!));
    }

    [Fact]
    public async Task UsuarioDeOtraEntidad_NoSeEncuentra()
    {
        await using (var db = app.Base.Contexto())
            if (!await db.Entidades.AnyAsync(e => e.Codigo == "OTRA"))
            {
                db.Entidades.Add(new Domain.Organizacion.Entidad("OTRA", "Otra entidad"));
                await db.SaveChangesAsync();
            }
        var ajeno = await app.CrearUsuarioAsync("ajeno@otra.demo", Roles.Consulta, "OTRA");
        var http = await app.ComoAsync(AppDePrueba.Administrador);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"{Base}/usuarios/{ajeno.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync("/e/OTRA/administracion/usuarios")).StatusCode);
    }

    [Fact]
    public async Task GeneradorDeContrasenas_CumpleLaPoliticaDeIdentity()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var usuarios = scope.ServiceProvider.GetRequiredService<UserManager<Usuario>>();
        var u = new Usuario(1, "x@y.demo", "X");
        for (var i = 0; i < 20; i++)
            foreach (var v in usuarios.PasswordValidators)
                Assert.True((await v.ValidateAsync(usuarios, u, CuentasUsuario.GenerarContrasena())).Succeeded);
    }
}
