using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Sipoi.Web.Administracion;
using Sipoi.Web.Arranque;
using Sipoi.Web.Intercambio;
using Sipoi.Web.Pages.Cuenta;
using Sipoi.Web.Seguridad;
using Sipoi.Web.Tests.Infraestructura;
using Sipoi.Web.Tests.Planes;

namespace Sipoi.Web.Tests.Seguridad;

/// <summary>
/// Issue 11 item 7 and the account side of item 4 (Seguridad/README.md): server-side sessions, what ends them,
/// log-in throttling instead of lock-out, the same answer for unknown accounts, the password policy, and the
/// national administrator out of an entity administrator's reach.
/// </summary>
public sealed class CuentasTests(DosEntidades fixture) : IClassFixture<DosEntidades>
{
    private readonly AppDePrueba _app = fixture.App;
    private const string Usuarios = "/e/EMSAPUNO/administracion/usuarios";

    private static async Task<string> TextoAsync(HttpResponseMessage r) =>
        new HtmlParser().ParseDocument(await r.Content.ReadAsStringAsync()).Body!.TextContent;

    /// <summary>A client that sends only the cookie it is given, as someone who copied it would.</summary>
    private HttpClient ConCookie(string cookie)
    {
        var http = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        http.DefaultRequestHeaders.Add("Cookie", cookie);
        return http;
    }

    /// <summary>Signs in through the form and returns the client and the session cookie ("sipoi.sesion=…").</summary>
    private async Task<(HttpClient Http, string Cookie)> IngresarAsync(string correo, string contrasena = DatosDemo.Contrasena)
    {
        var http = _app.ClienteAnonimo();
        var r = await AppDePrueba.IngresarAsync(http, correo, contrasena);
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var cookie = r.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("sipoi.sesion=", StringComparison.Ordinal)).Split(';')[0];
        return (http, cookie);
    }

    private async Task<string> TokenAsync(string correo)
    {
        await using var db = _app.Base.Contexto();
        var u = await db.Users.SingleAsync(x => x.UserName == correo);
        var (token, secreto) = TokenApi.Crear(u, "prueba", DateTimeOffset.UtcNow);
        db.TokensApi.Add(token);
        await db.SaveChangesAsync();
        return secreto;
    }

    private async Task<HttpStatusCode> ApiAsync(string secreto)
    {
        var http = _app.ClienteAnonimo();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secreto);
        return (await http.GetAsync("/api/v1/yo")).StatusCode;
    }

    private static async Task<HttpStatusCode> EntidadAsync(HttpClient http) => (await http.GetAsync("/e/EMSAPUNO")).StatusCode;

    private async Task<int> IdAsync(string correo)
    {
        await using var db = _app.Base.Contexto();
        return await db.Users.Where(u => u.UserName == correo).Select(u => u.Id).SingleAsync();
    }

    [Fact]
    public async Task CookieCopiadaAntesDeSalir_NoSirveDespues()
    {
        const string correo = "copia@emsapuno.demo";
        await _app.CrearUsuarioAsync(correo, Roles.Consulta);
        var (http, cookie) = await IngresarAsync(correo);
        var copia = ConCookie(cookie);
        Assert.Equal(HttpStatusCode.OK, await EntidadAsync(copia));

        var pagina = Formulario.Leer(await (await http.GetAsync("/e/EMSAPUNO")).Content.ReadAsStringAsync());
        var form = pagina.QuerySelector(".sesion form")!;
        var campos = form.QuerySelectorAll("input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        Assert.Equal(HttpStatusCode.Redirect, (await http.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(campos))).StatusCode);

        var despues = await copia.GetAsync("/e/EMSAPUNO");
        Assert.Equal(HttpStatusCode.Redirect, despues.StatusCode);
        Assert.StartsWith("/cuenta/ingresar", despues.Headers.Location!.OriginalString);
        await using var db = _app.Base.Contexto();
        var id = await IdAsync(correo);
        Assert.Empty(await db.Sesiones.Where(s => s.UsuarioId == id).ToListAsync());
    }

    [Fact]
    public async Task RestablecerContrasena_CierraSesionesYRevocaTokensAlInstante()
    {
        const string correo = "restablecida@emsapuno.demo";
        await _app.CrearUsuarioAsync(correo, Roles.Consulta);
        var (_, cookie) = await IngresarAsync(correo);
        var (otra, _) = await IngresarAsync(correo);
        var secreto = await TokenAsync(correo);
        Assert.Equal(HttpStatusCode.OK, await EntidadAsync(ConCookie(cookie)));
        Assert.Equal(HttpStatusCode.OK, await ApiAsync(secreto));

        var admin = await _app.ComoAsync(AppDePrueba.Administrador);
        var f = await Formulario.LeerAsync(admin, $"{Usuarios}/{await IdAsync(correo)}", "form-contrasena");
        Assert.Equal(HttpStatusCode.OK, (await f.EnviarAsync(admin)).StatusCode);

        // No waiting for a stamp check: the very next request is refused.
        Assert.Equal(HttpStatusCode.Redirect, await EntidadAsync(ConCookie(cookie)));
        Assert.Equal(HttpStatusCode.Redirect, await EntidadAsync(otra));
        Assert.Equal(HttpStatusCode.Unauthorized, await ApiAsync(secreto));
        await using var db = _app.Base.Contexto();
        var id = await IdAsync(correo);
        Assert.All(await db.TokensApi.Where(t => t.UsuarioId == id).ToListAsync(), t => Assert.NotNull(t.Revocado));
        // The revocation is audited with the administrator as author.
        Assert.Contains(await db.Auditoria.Where(a => a.Tabla == "token_api" && a.Campo == "revocado").ToListAsync(), a => a.Usuario == AppDePrueba.Administrador);
    }

    [Fact]
    public async Task Desactivar_CierraSesionesYRevocaTokensAlInstante()
    {
        const string correo = "desactivada@emsapuno.demo";
        await _app.CrearUsuarioAsync(correo, Roles.Consulta);
        var (http, _) = await IngresarAsync(correo);
        var secreto = await TokenAsync(correo);
        Assert.Equal(HttpStatusCode.OK, await EntidadAsync(http));

        var admin = await _app.ComoAsync(AppDePrueba.Administrador);
        var f = await Formulario.LeerAsync(admin, $"{Usuarios}/{await IdAsync(correo)}", "form-desactivar");
        Assert.Equal(HttpStatusCode.Redirect, (await f.EnviarYConfirmarAsync(admin, "confirmar-desactivar")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, await EntidadAsync(http));
        Assert.Equal(HttpStatusCode.Unauthorized, await ApiAsync(secreto));
        var r = await AppDePrueba.IngresarAsync(_app.ClienteAnonimo(), correo, DatosDemo.Contrasena);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Contains("Su cuenta está desactivada", await TextoAsync(r));
    }

    [Fact]
    public async Task CambiarSuContrasena_CierraLasOtrasSesionesYRevocaTokens_PeroNoLaPropia()
    {
        const string correo = "cambia.sola@emsapuno.demo";
        const string nueva = "una frase nueva y larga";
        await _app.CrearUsuarioAsync(correo, Roles.Consulta);
        var (propia, _) = await IngresarAsync(correo);
        var (otra, _) = await IngresarAsync(correo);
        var secreto = await TokenAsync(correo);

        var r = await Paginas.EnviarAsync(propia, "/cuenta/contrasena", "contrasena",
            ("Datos.Actual", DatosDemo.Contrasena), ("Datos.Nueva", nueva), ("Datos.Confirmacion", nueva));
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);

        Assert.Equal(HttpStatusCode.OK, await EntidadAsync(propia));
        Assert.Equal(HttpStatusCode.Redirect, await EntidadAsync(otra));
        Assert.Equal(HttpStatusCode.Unauthorized, await ApiAsync(secreto));
        Assert.Contains("Se cerraron sus otras sesiones", await TextoAsync(await propia.GetAsync("/cuenta/contrasena")));
    }

    /// <summary>Posts the log-in form from a given client address.</summary>
    private async Task<HttpResponseMessage> IntentoAsync(string ip, string correo, string contrasena)
    {
        var http = _app.ClienteAnonimo();
        http.DefaultRequestHeaders.Add(DireccionDePrueba.Cabecera, ip);
        return await AppDePrueba.IngresarAsync(http, correo, contrasena);
    }

    [Fact]
    public async Task IntentosFallidosDeUnaCuenta_SeFrenanCon429_SinBloquearlaNiSusTokens()
    {
        const string correo = "atacada@emsapuno.demo";
        await _app.CrearUsuarioAsync(correo, Roles.Consulta);
        var secreto = await TokenAsync(correo);
        // Each failure from a different address: only the account's bucket empties. A token may come back
        // while the loop runs (one every 30 s), so the count is a range, not a time.
        var permitidos = 0;
        HttpResponseMessage? frenado = null;
        for (var i = 0; i < 12 && frenado is null; i++)
        {
            var r = await IntentoAsync($"10.1.0.{i + 1}", correo, "no-es-la-clave-" + i);
            if (r.StatusCode == HttpStatusCode.TooManyRequests) frenado = r;
            else
            {
                Assert.Equal(HttpStatusCode.OK, r.StatusCode);
                permitidos++;
            }
        }
        Assert.NotNull(frenado);
        Assert.InRange(permitidos, 5, 7);
        // Refused by the page (the account is only known once the form is read): the form again, with the message.
        var pagina = new HtmlParser().ParseDocument(await frenado.Content.ReadAsStringAsync());
        Assert.NotNull(pagina.QuerySelector("form#ingreso"));
        Assert.Contains("Demasiados intentos fallidos de ingreso", pagina.QuerySelector(".errores")!.TextContent);

        // While it is slowed down, even the right password waits (from yet another address)…
        Assert.Equal(HttpStatusCode.TooManyRequests, (await IntentoAsync("10.1.1.1", correo, DatosDemo.Contrasena)).StatusCode);
        // …but nothing is locked: no lock-out in the database, and its API token keeps working.
        await using var db = _app.Base.Contexto();
        Assert.Null((await db.Users.SingleAsync(u => u.UserName == correo)).LockoutEnd);
        Assert.Equal(HttpStatusCode.OK, await ApiAsync(secreto));
        // Other accounts are not affected.
        Assert.Equal(HttpStatusCode.Redirect, (await IntentoAsync("10.1.1.2", AppDePrueba.Consulta, DatosDemo.Contrasena)).StatusCode);
    }

    [Fact]
    public async Task IntentosFallidosDeUnCliente_SeFrenanCon429EnCastellano()
    {
        // The measured attack: many passwords in a row from one address. Different accounts, so only the client's bucket counts.
        const string ip = "10.2.0.1";
        var permitidos = 0;
        HttpResponseMessage? frenado = null;
        for (var i = 0; i < 60 && frenado is null; i++)
        {
            var r = await IntentoAsync(ip, $"nadie{i}@emsapuno.demo", "no-es-la-clave");
            if (r.StatusCode == HttpStatusCode.TooManyRequests) frenado = r;
            else permitidos++;
        }
        Assert.NotNull(frenado);
        Assert.InRange(permitidos, 20, 30);
        // Refused by the rate-limiting middleware, before the page runs: its Spanish error page, not the log-in form.
        var pagina = new HtmlParser().ParseDocument(await frenado.Content.ReadAsStringAsync());
        Assert.Equal("Demasiados intentos", pagina.QuerySelector("main h1, h1")!.TextContent.Trim());
        Assert.Contains("Espere un momento", pagina.Body!.TextContent);
        // Another address is not slowed down.
        Assert.Equal(HttpStatusCode.Redirect, (await IntentoAsync("10.2.0.2", AppDePrueba.Consulta, DatosDemo.Contrasena)).StatusCode);
    }

    [Fact]
    public async Task CuentaDesconocidaYConocida_MismoMensajeYTiempoParecido()
    {
        var conocida = await IntentoAsync("10.3.0.1", AppDePrueba.Planificador, "no-es-la-clave");
        var desconocida = await IntentoAsync("10.3.0.2", "no.existe@emsapuno.demo", "no-es-la-clave");
        Assert.Equal(HttpStatusCode.OK, conocida.StatusCode);
        Assert.Equal(HttpStatusCode.OK, desconocida.StatusCode);
        string Errores(string html) => new HtmlParser().ParseDocument(html).QuerySelector(".errores")!.TextContent.Trim();
        var mensaje = Errores(await conocida.Content.ReadAsStringAsync());
        Assert.Equal(IngresarModel.MensajeFallo, mensaje);
        Assert.Equal(mensaje, Errores(await desconocida.Content.ReadAsStringAsync()));

        // Both run one password hash: the fastest of a few attempts each is of the same order (without the
        // dummy hash the unknown account answered about 20 times faster). Generous bounds: the machine is shared.
        async Task<TimeSpan> MasRapidoAsync(string correo, string ip)
        {
            var mejor = TimeSpan.MaxValue;
            for (var i = 0; i < 3; i++)
            {
                var http = _app.ClienteAnonimo();
                http.DefaultRequestHeaders.Add(DireccionDePrueba.Cabecera, ip);
                var f = await Formulario.LeerAsync(http, "/cuenta/ingresar", "ingreso");
                f.Campos["Datos.Correo"] = correo;
                f.Campos["Datos.Contrasena"] = "no-es-la-clave-" + i;
                var reloj = Stopwatch.StartNew();
                await f.EnviarAsync(http, "/cuenta/ingresar");
                if (reloj.Elapsed < mejor) mejor = reloj.Elapsed;
            }
            return mejor;
        }
        var tConocida = await MasRapidoAsync(AppDePrueba.Operador, "10.3.0.3");
        var tDesconocida = await MasRapidoAsync("tampoco.existe@emsapuno.demo", "10.3.0.4");
        Assert.True(tDesconocida > tConocida * 0.3, $"desconocida {tDesconocida.TotalMilliseconds} ms, conocida {tConocida.TotalMilliseconds} ms");
    }

    [Theory]
    [InlineData("1234567890", ValidadorContrasena.MensajeComun)]
    [InlineData("password12", ValidadorContrasena.MensajeComun)]
    [InlineData("Dragon2024!!", ValidadorContrasena.MensajeComun)]
    [InlineData("qwertyuiop", ValidadorContrasena.MensajeComun)]
    [InlineData("Contraseña2024", ValidadorContrasena.MensajeComun)]
    [InlineData("maria.quispe@emsapuno.demo", ValidadorContrasena.MensajePropia)]
    [InlineData("mariaquispe-77", ValidadorContrasena.MensajePropia)]
    [InlineData("Quispe.Mamani.2024", ValidadorContrasena.MensajePropia)]
    [InlineData("corta", "al menos 10 caracteres")]
    public async Task PoliticaDeContrasenas_RechazaLasComunesYLasPropias_AlCrearUsuario(string contrasena, string mensaje)
    {
        var admin = await _app.ComoAsync(AppDePrueba.Administrador);
        var f = await Formulario.LeerAsync(admin, $"{Usuarios}/nuevo", "form-usuario");
        var campos = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", f.Campos["__RequestVerificationToken"]),
            new("Datos.Correo", "maria.quispe@emsapuno.demo"),
            new("Datos.Nombre", "María Quispe Mamani"),
            new("Datos.Contrasena", contrasena),
            new("Datos.Roles", Roles.Consulta),
        };
        var r = await admin.PostAsync($"{Usuarios}/nuevo", new FormUrlEncodedContent(campos));
        Assert.Contains(mensaje, await Paginas.ErroresAsync(r));
        await using var db = _app.Base.Contexto();
        Assert.False(await db.Users.AnyAsync(u => u.UserName == "maria.quispe@emsapuno.demo"));
    }

    [Fact]
    public async Task PoliticaDeContrasenas_TambienAlCambiarLaPropia()
    {
        const string correo = "politica@emsapuno.demo";
        await _app.CrearUsuarioAsync(correo, Roles.Consulta);
        var (http, _) = await IngresarAsync(correo);
        foreach (var (nueva, mensaje) in new[] { ("password12", ValidadorContrasena.MensajeComun), ("politica-2024", ValidadorContrasena.MensajePropia) })
        {
            var r = await Paginas.EnviarAsync(http, "/cuenta/contrasena", "contrasena",
                ("Datos.Actual", DatosDemo.Contrasena), ("Datos.Nueva", nueva), ("Datos.Confirmacion", nueva));
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            Assert.Contains(mensaje, await TextoAsync(r));
        }
        await _app.NuevaSesionAsync(correo, DatosDemo.Contrasena);
    }

    [Fact]
    public async Task PoliticaDeContrasenas_EsLaMismaEnLaLineaDeComandos()
    {
        // `./sipoi usuario` builds Identity with AddSipoiCuentas: the same validators as the web app.
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Sipoi"] = _app.Base.Conexion }).Build();
        var servicios = new ServiceCollection().AddLogging().AddSipoiDatos(config, "cli:prueba").AddSipoiCuentas().BuildServiceProvider();
        await using var scope = servicios.CreateAsyncScope();
        var usuarios = scope.ServiceProvider.GetRequiredService<UserManager<Usuario>>();
        var u = new Usuario(1, "cli@emsapuno.demo", "Prueba Cli");
        var errores = new List<string>();
        foreach (var v in usuarios.PasswordValidators)
        {
            errores.AddRange((await v.ValidateAsync(usuarios, u, "password12")).Errors.Select(e => e.Description));
            Assert.True((await v.ValidateAsync(usuarios, u, CuentasUsuario.GenerarContrasena())).Succeeded);
        }
        Assert.Contains(ValidadorContrasena.MensajeComun, errores);
    }

    [Fact]
    public void Rango_NadieOtorgaMasDeLoQueTiene()
    {
        Assert.Empty(Rango.NoOtorgables(Rango.DeRol(Roles.Administrador), Roles.Todos));
        Assert.Equal(["Roles: no puede otorgar el rol Administrador, que es superior al suyo."],
            Rango.NoOtorgables(Rango.DeRol(Roles.Planificador), [Roles.Administrador, Roles.Planificador, Roles.Consulta]));
        Assert.True(Rango.PuedeActuarSobre(Rango.De([Roles.Administrador], false), Rango.De([Roles.Administrador], false)));
        Assert.False(Rango.PuedeActuarSobre(Rango.De([Roles.Administrador], false), Rango.De([Roles.Consulta], nacional: true)));
        Assert.True(Rango.PuedeActuarSobre(Rango.De([Roles.Consulta], nacional: true), Rango.De([Roles.Administrador], false)));
    }

    [Fact]
    public async Task AdministradorDeEntidad_NoTocaAlAdministradorNacional()
    {
        var id = await IdAsync(DosEntidades.Nacional);
        Usuario antes;
        await using (var db = _app.Base.Contexto()) antes = await db.Users.AsNoTracking().SingleAsync(u => u.Id == id);
        var admin = await _app.ComoAsync(AppDePrueba.Administrador);

        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync($"{Usuarios}/{id}")).StatusCode);
        foreach (var handler in new[] { "", "?handler=Contrasena", "?handler=Desactivar", "?handler=Reactivar", "?handler=Nacional" })
        {
            var r = await Paginas.PostarConTokenAsync(admin, Usuarios, $"{Usuarios}/{id}{handler}",
                ("Datos.Nombre", "Tomado"), ("Datos.Roles", Roles.Administrador), ("otorgar", "false"));
            Assert.True(r.StatusCode == HttpStatusCode.Forbidden, $"POST {handler}: {(int)r.StatusCode}");
        }
        // The list shows the national user, without a way into its page.
        var lista = await Paginas.LeerAsync(admin, Usuarios);
        var fila = lista.QuerySelector($"tr[data-correo='{DosEntidades.Nacional}']")!;
        Assert.Null(fila.QuerySelector("a"));
        Assert.Contains("Solo un administrador nacional", fila.TextContent);

        await using (var db = _app.Base.Contexto())
        {
            var despues = await db.Users.AsNoTracking().SingleAsync(u => u.Id == id);
            Assert.Equal(antes.PasswordHash, despues.PasswordHash);
            Assert.Equal(antes.NombreCompleto, despues.NombreCompleto);
            Assert.Null(despues.LockoutEnd);
            Assert.True(despues.EsAdministradorNacional);
            Assert.Equal([Roles.Consulta], await db.UserRoles.Where(ur => ur.UserId == id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToListAsync());
        }
        // Its session still works: nobody took it over.
        Assert.Equal(HttpStatusCode.OK, (await (await _app.ComoAsync(DosEntidades.Nacional)).GetAsync("/e/MUNIDEMO")).StatusCode);
    }
}
