using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Sipoi.Domain.Evaluacion;
using Sipoi.Domain.Organizacion;
using Sipoi.Domain.Periodos;
using Sipoi.Web.Evaluacion;
using Sipoi.Web.Tests.Infraestructura;
using Sipoi.Web.Tests.Planes;

namespace Sipoi.Web.Tests.Administracion;

/// <summary>Who may administer, the entity settings form and the organisation chart (Pages/Administracion/README.md).</summary>
public sealed class EntidadAdministracionTests(AppDePrueba app) : IClassFixture<AppDePrueba>
{
    private const string Base = "/e/EMSAPUNO/administracion";

    private async Task<string> ResolverAsync(string url)
    {
        await using var db = app.Base.Contexto();
        var usuario = await db.Users.Where(u => u.Email == AppDePrueba.Operador).Select(u => u.Id).SingleAsync();
        var centro = await db.CentrosCosto.Where(c => c.Codigo == "01.02").Select(c => c.Id).SingleAsync();
        return url.Replace("{usuario}", usuario.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{centro}", centro.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    private async Task<ConfiguracionEntidad> ConfiguracionAsync()
    {
        await using var db = app.Base.Contexto();
        return (await db.Entidades.AsNoTracking().SingleAsync(e => e.Codigo == "EMSAPUNO")).Configuracion;
    }

    public static TheoryData<string, string> RolesYPaginas()
    {
        var d = new TheoryData<string, string>();
        foreach (var rol in new[] { AppDePrueba.Planificador, AppDePrueba.Operador, AppDePrueba.Consulta })
            foreach (var url in new[] { "", "/usuarios", "/usuarios/nuevo", "/usuarios/{usuario}", "/configuracion", "/centros", "/centros/{centro}" })
                d.Add(rol, Base + url);
        return d;
    }

    [Theory]
    [MemberData(nameof(RolesYPaginas))]
    public async Task OtrosRoles_Reciben403AlLeer(string correo, string url)
    {
        var r = await (await app.ComoAsync(correo)).GetAsync(await ResolverAsync(url));
        Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode);
    }

    [Theory]
    [InlineData(AppDePrueba.Planificador)]
    [InlineData(AppDePrueba.Operador)]
    [InlineData(AppDePrueba.Consulta)]
    public async Task OtrosRoles_Reciben403AlEnviarYNadaCambia(string correo)
    {
        var http = await app.ComoAsync(correo);
        var antes = await ConfiguracionAsync();
        var envios = new (string Url, (string, string)[] Campos)[]
        {
            ($"{Base}/configuracion", [("Datos.Metodo", "ponderado"), ("Datos.MedioDesde", "10"), ("Datos.AltoDesde", "20"), ("Datos.EtiquetaBajo", "a"),
                ("Datos.EtiquetaMedio", "b"), ("Datos.EtiquetaAlto", "c"), ("Datos.ToleranciaInferior", "50"), ("Datos.ToleranciaSuperior", "150"), ("Datos.DiasCierre", "3")]),
            ($"{Base}/usuarios/nuevo", [("Datos.Correo", "intruso@emsapuno.demo"), ("Datos.Nombre", "Intruso"), ("Datos.Roles", "Administrador"),
                ("Datos.Contrasena", "una-frase-bastante-larga")]),
            (await ResolverAsync($"{Base}/usuarios/{{usuario}}"), [("Datos.Nombre", "Cambiado"), ("Datos.Roles", "Administrador")]),
            (await ResolverAsync($"{Base}/usuarios/{{usuario}}?handler=Desactivar"), []),
            (await ResolverAsync($"{Base}/usuarios/{{usuario}}?handler=Contrasena"), []),
            ($"{Base}/centros", [("Datos.Codigo", "99"), ("Datos.Nombre", "Intruso")]),
            (await ResolverAsync($"{Base}/centros/{{centro}}"), [("Datos.Nombre", "Cambiado")]),
        };
        foreach (var (url, campos) in envios)
            Assert.Equal(HttpStatusCode.Forbidden, (await Paginas.PostarConTokenAsync(http, "/e/EMSAPUNO", url, campos)).StatusCode);

        Assert.Equal(antes, await ConfiguracionAsync());
        await using var db = app.Base.Contexto();
        Assert.False(await db.Users.AnyAsync(u => u.Email == "intruso@emsapuno.demo"));
        Assert.False(await db.CentrosCosto.AnyAsync(c => c.Codigo == "99"));
        var operador = await db.Users.SingleAsync(u => u.Email == AppDePrueba.Operador);
        Assert.NotEqual("Cambiado", operador.NombreCompleto);
        Assert.Null(operador.LockoutEnd);
        Assert.Equal("OFICINA DE PLANEAMIENTO Y DESARROLLO EMPRESARIAL", (await db.CentrosCosto.SingleAsync(c => c.Codigo == "01.02")).Nombre);
    }

    [Fact]
    public async Task EnlaceAdministracion_SoloParaElAdministrador()
    {
        var admin = await Paginas.LeerAsync(await app.ComoAsync(AppDePrueba.Administrador), "/e/EMSAPUNO");
        Assert.NotNull(admin.QuerySelector($"a[href='{Base}']"));
        var planificador = await Paginas.LeerAsync(await app.ComoAsync(AppDePrueba.Planificador), "/e/EMSAPUNO");
        Assert.Null(planificador.QuerySelector($"a[href='{Base}']"));
        Assert.Equal(HttpStatusCode.OK, (await (await app.ComoAsync(AppDePrueba.Administrador)).GetAsync(Base)).StatusCode);
    }

    /// <summary>January–March progress for every activity (90 % / 110 % of target), approved, so the year has an IGI.</summary>
    private async Task RegistrarAvanceAsync()
    {
        await using var db = app.Base.Contexto();
        if (await db.Seguimientos.AnyAsync()) return;
        var actividades = await db.Actividades.Include(a => a.Avances).ToListAsync();
        var metas = await db.Programaciones.Include(p => p.Metas).ToDictionaryAsync(p => p.ActividadId);
        foreach (var a in actividades)
            for (var mes = 1; mes <= 3; mes++)
                a.FijarAvance(mes, metas[a.Id].Metas.Single(m => m.Mes == mes).Fisico * (a.Id % 2 == 0 ? 0.9m : 1.1m), null);
        var entidad = await db.Entidades.SingleAsync(e => e.Codigo == "EMSAPUNO");
        foreach (var centro in actividades.Select(a => (a.PoiId, a.CentroCostoId)).Distinct())
            for (var mes = 1; mes <= 3; mes++)
                db.Seguimientos.Add(Seguimientos.Aprobado(entidad, centro.PoiId, 2024, centro.CentroCostoId, mes));
        await db.SaveChangesAsync();
    }

    private async Task<HttpResponseMessage> GuardarConfiguracionAsync(params (string, string)[] cambios) =>
        await Paginas.EnviarAsync(await app.ComoAsync(AppDePrueba.Administrador), $"{Base}/configuracion", "form-configuracion", cambios);

    private async Task<ResultadoEvaluacion> MotorAsync()
    {
        await using var db = app.Base.Contexto();
        return (await ConsultaEvaluacion.EvaluarAsync(db, "EMSAPUNO", 2024, Periodo.Parse("T1")))!;
    }

    private async Task<string> IgiEnPantallaAsync() =>
        (await Paginas.LeerAsync(await app.ComoAsync(AppDePrueba.Consulta), "/e/EMSAPUNO/evaluacion/2024?periodo=T1")).QuerySelector(".igi")!.TextContent;

    [Fact]
    public async Task Configuracion_CambiaLasBandasDeLaEvaluacionComoElMotor()
    {
        await RegistrarAvanceAsync();
        var original = await ConfiguracionAsync();
        var igi = (await MotorAsync()).Igi!.Value;
        var altoPorEncima = Math.Min(100m, Math.Floor(igi) + 1);
        Assert.True(igi < altoPorEncima, $"El IGI de la demostración ({igi}) debe quedar bajo el 100 %.");

        var r = await GuardarConfiguracionAsync(("Datos.MedioDesde", "10"), ("Datos.AltoDesde", altoPorEncima.ToString(CultureInfo.InvariantCulture)),
            ("Datos.EtiquetaMedio", "Regular"), ("Datos.LeyendaMedio", "Falta poco"), ("Datos.EtiquetaAlto", "Logrado"), ("Datos.DiasCierre", "15"));
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var motor = await MotorAsync();
        Assert.Equal(Banda.Medio, motor.BandaIgi);
        Assert.Equal(Bandas.Clasificar(igi, 10m, altoPorEncima), motor.BandaIgi);
        Assert.Contains(motor.Bandas.Texto(Banda.Medio), await IgiEnPantallaAsync());
        Assert.Contains("Regular — Falta poco", await IgiEnPantallaAsync());
        Assert.Equal(15, (await ConfiguracionAsync()).DiasCierre);

        var altoPorDebajo = Math.Floor(igi) - 1;
        r = await GuardarConfiguracionAsync(("Datos.MedioDesde", "10"), ("Datos.AltoDesde", altoPorDebajo.ToString(CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        motor = await MotorAsync();
        Assert.Equal(Banda.Alto, motor.BandaIgi);
        Assert.Contains("Logrado", await IgiEnPantallaAsync());

        // Leave the demo's own settings for the other tests of the class.
        await using var db = app.Base.Contexto();
        (await db.Entidades.SingleAsync(x => x.Codigo == "EMSAPUNO")).Configurar(original);
        await db.SaveChangesAsync();
    }

    [Theory]
    [InlineData("Datos.ToleranciaInferior", "abc", "Tolerancia inferior (%)")]
    [InlineData("Datos.DiasCierre", "", "Días de cierre: es obligatorio")]
    [InlineData("Datos.DiasCierre", "400", "Días de cierre: deben estar entre 0 y 366")]
    [InlineData("Datos.MedioDesde", "99", "no puede superar al umbral")]
    [InlineData("Datos.ToleranciaSuperior", "250", "Tolerancia superior: debe estar entre 100 y 200")]
    [InlineData("Datos.EtiquetaBajo", " ", "Etiqueta de la banda baja: es obligatoria")]
    [InlineData("Datos.Metodo", "otro", "Método de evaluación")]
    public async Task Configuracion_Invalida_NoCambiaNadaYNombraElCampo(string campo, string valor, string mensaje)
    {
        var antes = await ConfiguracionAsync();
        var r = await GuardarConfiguracionAsync((campo, valor), ("Datos.LeyendaAlto", "Cambio que no debe guardarse"));
        Assert.Contains(mensaje, await Paginas.ErroresAsync(r));
        Assert.Equal(antes, await ConfiguracionAsync());
    }

    private async Task<int> IdCentroAsync(string codigo)
    {
        await using var db = app.Base.Contexto();
        return await db.CentrosCosto.Where(c => c.Codigo == codigo).Select(c => c.Id).SingleAsync();
    }

    private async Task<CentroCosto> CentroAsync(string codigo)
    {
        await using var db = app.Base.Contexto();
        return await db.CentrosCosto.AsNoTracking().SingleAsync(c => c.Codigo == codigo);
    }

    private async Task<HttpResponseMessage> CrearCentroAsync(string codigo, string nombre, int? padre)
    {
        var http = await app.ComoAsync(AppDePrueba.Administrador);
        return await Paginas.EnviarAsync(http, $"{Base}/centros", "form-centro",
            ("Datos.Codigo", codigo), ("Datos.Nombre", nombre), ("Datos.PadreId", padre?.ToString(CultureInfo.InvariantCulture) ?? ""));
    }

    [Fact]
    public async Task Organigrama_CrearRenombrarMover_YRechazarCiclos()
    {
        Assert.Equal(HttpStatusCode.Redirect, (await CrearCentroAsync("09", "GERENCIA DE PRUEBA", null)).StatusCode);
        var raiz = await IdCentroAsync("09");
        Assert.Equal(HttpStatusCode.Redirect, (await CrearCentroAsync("09.01", "OFICINA DE PRUEBA", raiz)).StatusCode);
        var hijo = await IdCentroAsync("09.01");
        Assert.Equal(raiz, (await CentroAsync("09.01")).PadreId);

        var http = await app.ComoAsync(AppDePrueba.Administrador);
        // The parent list offers the centre's own descendants; the domain refuses them.
        var r = await Paginas.EnviarAsync(http, $"{Base}/centros/{raiz}", "form-centro", ("Datos.PadreId", hijo.ToString(CultureInfo.InvariantCulture)),
            ("Datos.Nombre", "NOMBRE QUE NO SE GUARDA"));
        Assert.Contains("ciclo", await Paginas.ErroresAsync(r));
        var sinCambio = await CentroAsync("09");
        Assert.Null(sinCambio.PadreId);
        Assert.Equal("GERENCIA DE PRUEBA", sinCambio.Nombre);

        var otroPadre = await IdCentroAsync("01.02");
        r = await Paginas.EnviarAsync(http, $"{Base}/centros/{hijo}", "form-centro",
            ("Datos.Nombre", "OFICINA RENOMBRADA"), ("Datos.PadreId", otroPadre.ToString(CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var movido = await CentroAsync("09.01");
        Assert.Equal("OFICINA RENOMBRADA", movido.Nombre);
        Assert.Equal(otroPadre, movido.PadreId);
        var lista = await Paginas.LeerAsync(http, $"{Base}/centros");
        Assert.Contains("01.02", lista.QuerySelector("tr[data-codigo='09.01']")!.Children[2].TextContent);
    }

    [Fact]
    public async Task Organigrama_CodigoRepetidoOVacio_SeRechaza()
    {
        Assert.Contains("ya existe el centro de costo 01.02", await Paginas.ErroresAsync(await CrearCentroAsync("01.02", "DUPLICADO", null)));
        Assert.Contains("Código: es obligatorio", await Paginas.ErroresAsync(await CrearCentroAsync(" ", "SIN CÓDIGO", null)));
        await using var db = app.Base.Contexto();
        Assert.False(await db.CentrosCosto.AnyAsync(c => c.Nombre == "DUPLICADO" || c.Nombre == "SIN CÓDIGO"));
    }
}
