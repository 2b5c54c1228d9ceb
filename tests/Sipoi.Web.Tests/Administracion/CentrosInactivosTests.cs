using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Sipoi.Domain.Seguimiento;
using Sipoi.Web.Cli;
using Sipoi.Web.Tests.Infraestructura;
using Sipoi.Web.Tests.Planes;
using static Sipoi.Web.Tests.Formulacion.Formularios;

namespace Sipoi.Web.Tests.Administracion;

/// <summary>
/// A closed office is deactivated, not deleted (Pages/Administracion/README.md, "Deactivating a cost centre"):
/// it leaves every list where new work is assigned, while its history reads and evaluates exactly as before.
/// Each test uses its own demo centres, so the order of the tests does not matter.
/// </summary>
public sealed class CentrosInactivosTests(AppDePrueba app) : IClassFixture<AppDePrueba>
{
    private const string Admin = "/e/EMSAPUNO/administracion";
    private static readonly decimal[] Uno = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];

    private async Task<int> IdAsync(string codigo)
    {
        await using var db = app.Base.Contexto();
        return await db.CentrosCosto.Where(c => c.Codigo == codigo).Select(c => c.Id).SingleAsync();
    }

    private async Task<bool> ActivoAsync(string codigo)
    {
        await using var db = app.Base.Contexto();
        return await db.CentrosCosto.Where(c => c.Codigo == codigo).Select(c => c.Activo).SingleAsync();
    }

    private async Task<HttpResponseMessage> AccionAsync(string codigo, string formulario)
    {
        var http = await app.ComoAsync(AppDePrueba.Administrador);
        var url = $"{Admin}/centros/{await IdAsync(codigo)}";
        var f = await Formulario.LeerAsync(http, url, formulario);
        return await f.EnviarAsync(http, f.Elemento.GetAttribute("action") is { Length: > 0 } a ? a : url);
    }

    private Task<HttpResponseMessage> DesactivarAsync(string codigo) => AccionAsync(codigo, "form-desactivar");
    private Task<HttpResponseMessage> ReactivarAsync(string codigo) => AccionAsync(codigo, "form-reactivar");

    private IConfiguration Configuracion() => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Sipoi"] = app.Base.Conexion })
        .Build();

    private async Task<string> CliAsync(params string[] args)
    {
        var salida = new StringWriter();
        Assert.Equal(0, await LineaDeComandos.EjecutarAsync(args, salida, Configuracion()));
        return salida.ToString();
    }

    private async Task AsegurarPoi2025Async()
    {
        await using var db = app.Base.Contexto();
        if (await db.Pois.AnyAsync(p => p.Anio == 2025)) return;
        Redirige(await EnviarAsync(await app.ComoAsync(AppDePrueba.Planificador), Base(2025), "crear-poi", c => c["Tipo"] = "anual"));
    }

    [Fact]
    public async Task CentroConActividadesDelPoi2024Aprobado_SeDesactiva_YLaEvaluacionYLaExportacionQuedanIdenticas()
    {
        // Approved progress in 2024 (shared test data), so the year has figures per centre.
        await Reportes.AvanceDePrueba.RegistrarAsync(app);
        string[] evaluar = ["evaluate", "--entidad", "EMSAPUNO", "--anio", "2024", "--periodo", "ANUAL", "--formato", "json"];
        string[] evaluarCentro = ["evaluate", "--entidad", "EMSAPUNO", "--anio", "2024", "--periodo", "T1", "--formato", "json"];
        var antes = await CliAsync(evaluar);
        var antesT1 = await CliAsync(evaluarCentro);
        var exportAntes = await CliAsync("export", "--entidad", "EMSAPUNO", "--anio", "2024");
        Assert.Contains("\"01.03\"", antesT1); // the centre has figures in the year

        var r = await DesactivarAsync("01.03");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.False(await ActivoAsync("01.03"));

        Assert.Equal(antes, await CliAsync(evaluar));
        Assert.Equal(antesT1, await CliAsync(evaluarCentro));
        Assert.Equal(exportAntes, await CliAsync("export", "--entidad", "EMSAPUNO", "--anio", "2024"));
        // Monitoring of the approved year still opens for the planning office, with the centre's activities.
        var mes = await Paginas.LeerAsync(await app.ComoAsync(AppDePrueba.Planificador), "/e/EMSAPUNO/seguimiento/2024/1?centro=01.03");
        await using (var lectura = app.Base.Contexto())
            foreach (var codigo in await lectura.Actividades.Where(a => a.CentroCostoId == lectura.CentrosCosto.Single(c => c.Codigo == "01.03").Id)
                         .Select(a => a.Codigo).ToListAsync())
                Assert.Contains(codigo, mes.Body!.TextContent);

        // Audited automatically through SaveChanges, with the administrator as author.
        await using var db = app.Base.Contexto();
        var id = await IdAsync("01.03");
        var clave = id.ToString(CultureInfo.InvariantCulture);
        var fila = await db.Auditoria.SingleAsync(a => a.Tabla == "centro_costo" && a.Campo == "activo" && (a.Clave == clave || a.Clave.StartsWith(clave + " ")));
        Assert.Equal(AccionAuditada.Cambio, fila.Accion);
        Assert.Equal(AppDePrueba.Administrador, fila.Usuario);
        Assert.Equal(("true", "false"), (fila.ValorAnterior?.ToLowerInvariant(), fila.ValorNuevo?.ToLowerInvariant()));
    }

    [Fact]
    public async Task ListaDeCentros_NombraLosInactivosOcultosConSuNumero()
    {
        Redirige(await DesactivarAsync("03.02"));
        int n;
        await using (var db = app.Base.Contexto())
            n = await db.CentrosCosto.CountAsync(c => !c.Activo && db.Entidades.Any(e => e.Id == c.EntidadId && e.Codigo == "EMSAPUNO"));
        var texto = (await Paginas.LeerAsync(await app.ComoAsync(AppDePrueba.Administrador), $"{Admin}/centros")).Body!.TextContent;
        // «(1 inactivo oculto)» alone (this test's centre), «(2 inactivos ocultos)» after the other tests' centres.
        Assert.Contains(n == 1 ? "(1 inactivo oculto)" : $"({n} inactivos ocultos)", texto);
    }

    [Fact]
    public async Task ConCentrosActivosQueDependenDeEl_NoSeDesactiva()
    {
        var errores = await Paginas.ErroresAsync(await DesactivarAsync("04"));
        Assert.Contains("No se puede desactivar el centro de costo 04", errores);
        Assert.Contains("04.01, 04.02, 04.03", errores);
        Assert.True(await ActivoAsync("04"));
    }

    [Fact]
    public async Task ConActividadesEnUnaVersionEnBorrador_NoSeDesactiva()
    {
        await AsegurarPoi2025Async();
        var opp = await app.ComoAsync(AppDePrueba.Planificador);
        Redirige(await EnviarAsync(opp, Centro(2025, "02.04"), "copiar"));

        var errores = await Paginas.ErroresAsync(await DesactivarAsync("02.04"));
        Assert.Contains("No se puede desactivar el centro de costo 02.04", errores);
        Assert.Contains("6 en «POI Anual 2025» del POI 2025", errores);
        Assert.True(await ActivoAsync("02.04"));
    }

    [Fact]
    public async Task CentroInactivo_NoRecibeActividadesNiCopiaNiTecho_NiSeOfreceEnLasListas()
    {
        await AsegurarPoi2025Async();
        Redirige(await DesactivarAsync("04.04"));
        var opp = await app.ComoAsync(AppDePrueba.Planificador);

        var r = await EnviarAsync(opp, Actividad(2025, "04.04"), "actividad",
            c => Actividad(c, "AR-01", "Informe de aguas residuales", "AEI.01.01", "suma", "12", Uno), "guardar");
        Assert.Contains("El centro de costo 04.04 está inactivo", await TextoAsync(r));
        r = await opp.PostAsync(Centro(2025, "04.04") + "?handler=Copiar", await TokenAsync(opp, Centro(2025, "04.04")));
        Assert.Contains("El centro de costo 04.04 está inactivo", await TextoAsync(r));
        await using (var db = app.Base.Contexto())
            Assert.False(await db.Actividades.AnyAsync(a => a.CentroCostoId == db.CentrosCosto.Single(c => c.Codigo == "04.04").Id));

        var centro = await Paginas.LeerAsync(opp, Centro(2025, "04.04"));
        Assert.Null(centro.GetElementById("nueva"));
        Assert.Null(centro.GetElementById("copiar"));
        Assert.NotNull(centro.GetElementById("centro-inactivo"));

        // Ceilings: not offered, and a typed one is refused naming the centre.
        var techos = await Paginas.LeerAsync(opp, Base(2025) + "/techos");
        Assert.Null(techos.QuerySelector("tr[data-centro='04.04']"));
        var token = techos.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        r = await opp.PostAsync(Base(2025) + "/techos", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Techos[0].Centro"] = "04.04",
            ["Techos[0].Monto"] = "1000",
        }));
        Assert.Contains("Centro de costo 04.04: está inactivo; no se le asigna techo presupuestal.", await TextoAsync(r));
        await using (var db = app.Base.Contexto())
            Assert.False(await db.TechosPresupuestales.AnyAsync(t => t.CentroCostoId == db.CentrosCosto.Single(c => c.Codigo == "04.04").Id));

        // Not a parent choice, and refused as one.
        var admin = await app.ComoAsync(AppDePrueba.Administrador);
        var id = (await IdAsync("04.04")).ToString(CultureInfo.InvariantCulture);
        var nuevo = await Paginas.LeerAsync(admin, $"{Admin}/centros");
        Assert.Null(nuevo.QuerySelector($"#padre option[value='{id}']"));
        r = await Paginas.EnviarAsync(admin, $"{Admin}/centros", "form-centro", ("Datos.Codigo", "04.04.01"), ("Datos.Nombre", "PLANTA"), ("Datos.PadreId", id));
        Assert.Contains("04.04 está inactivo", await Paginas.ErroresAsync(r));
        await using (var db = app.Base.Contexto())
            Assert.False(await db.CentrosCosto.AnyAsync(c => c.Codigo == "04.04.01"));
    }

    [Fact]
    public async Task CentroInactivo_NoSeAsignaAUsuarios_PeroQuienLoTeniaLoConservaYLeeSuHistoria()
    {
        // The operator of 05 keeps it after the office closes.
        var operador = await app.OperadorDeAsync("op05@emsapuno.demo", "05");
        Redirige(await DesactivarAsync("05"));
        var id05 = (await IdAsync("05")).ToString(CultureInfo.InvariantCulture);
        var admin = await app.ComoAsync(AppDePrueba.Administrador);

        // Not offered to a new user, and refused when posted anyway, naming the centre.
        var nuevo = await Paginas.LeerAsync(admin, $"{Admin}/usuarios/nuevo");
        Assert.Null(nuevo.QuerySelector($"input[name='Datos.Centros'][value='{id05}']"));
        var token = nuevo.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var r = await admin.PostAsync($"{Admin}/usuarios/nuevo", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Datos.Correo"] = "nuevo05@emsapuno.demo",
            ["Datos.Nombre"] = "Operador nuevo",
            ["Datos.Roles"] = "Operador",
            ["Datos.Centros"] = id05,
            ["Datos.Contrasena"] = "una-frase-bastante-larga",
        }));
        Assert.Contains("Centros de costo: el centro 05 ADMINISTRACIÓN LOCAL DESAGUADERO está inactivo; no se puede asignar a un usuario.",
            await Paginas.ErroresAsync(r));
        await using (var db = app.Base.Contexto())
            Assert.False(await db.Users.AnyAsync(u => u.Email == "nuevo05@emsapuno.demo"));

        // Nor to another existing user (the operator of 01.02).
        int idOperador;
        await using (var db = app.Base.Contexto())
            idOperador = await db.Users.Where(u => u.Email == AppDePrueba.Operador).Select(u => u.Id).SingleAsync();
        var pagina = await Paginas.LeerAsync(admin, $"{Admin}/usuarios/{idOperador}");
        Assert.Null(pagina.QuerySelector($"input[name='Datos.Centros'][value='{id05}']"));

        // The holder's form shows it, marked inactive and checked; saving the form keeps it.
        int idTitular;
        await using (var db = app.Base.Contexto())
            idTitular = await db.Users.Where(u => u.Email == "op05@emsapuno.demo").Select(u => u.Id).SingleAsync();
        var form = await Formulario.LeerAsync(admin, $"{Admin}/usuarios/{idTitular}", "form-usuario");
        var casilla = form.Pagina.QuerySelector($"input[name='Datos.Centros'][value='{id05}']")!;
        Assert.True(casilla.HasAttribute("checked"));
        Assert.Contains("inactivo", casilla.ParentElement!.TextContent);
        form.Campos["Datos.Nombre"] = "Operador de Desaguadero";
        Assert.Equal(HttpStatusCode.Redirect, (await form.EnviarAsync(admin, $"{Admin}/usuarios/{idTitular}")).StatusCode);
        await using (var db = app.Base.Contexto())
        {
            var u = await db.Users.Include(x => x.Centros).SingleAsync(x => x.Id == idTitular);
            Assert.Equal("Operador de Desaguadero", u.NombreCompleto);
            Assert.Equal(new[] { await IdAsync("05") }, u.Centros.Select(c => c.CentroCostoId));
        }
        Assert.Equal(HttpStatusCode.OK, (await operador.GetAsync("/e/EMSAPUNO/seguimiento/2024/1?centro=05")).StatusCode);
    }

    [Fact]
    public async Task Organigrama_OcultaLosInactivosPorDefecto_LosMarcaConTexto_YNoReactivaBajoUnPadreInactivo()
    {
        var admin = await app.ComoAsync(AppDePrueba.Administrador);
        Redirige(await Paginas.EnviarAsync(admin, $"{Admin}/centros", "form-centro", ("Datos.Codigo", "09"), ("Datos.Nombre", "GERENCIA CERRADA")));
        Redirige(await Paginas.EnviarAsync(admin, $"{Admin}/centros", "form-centro", ("Datos.Codigo", "09.01"), ("Datos.Nombre", "OFICINA CERRADA"),
            ("Datos.PadreId", (await IdAsync("09")).ToString(CultureInfo.InvariantCulture))));
        Assert.Contains("09.01", await Paginas.ErroresAsync(await DesactivarAsync("09")));
        Redirige(await DesactivarAsync("09.01"));
        Redirige(await DesactivarAsync("09"));

        var lista = await Paginas.LeerAsync(admin, $"{Admin}/centros");
        Assert.Null(lista.QuerySelector("tr[data-codigo='09']"));
        Assert.NotNull(lista.QuerySelector("tr[data-codigo='01.02']"));
        var enlace = lista.GetElementById("mostrar-inactivos")!;
        Assert.Equal("Mostrar también inactivos", enlace.TextContent.Trim());
        var todos = await Paginas.LeerAsync(admin, enlace.GetAttribute("href")!);
        var fila = todos.QuerySelector("tr[data-codigo='09.01']")!;
        Assert.Contains("inactivo", fila.TextContent);
        Assert.DoesNotContain("inactivo", todos.QuerySelector("tr[data-codigo='01.02']")!.TextContent);

        var errores = await Paginas.ErroresAsync(await ReactivarAsync("09.01"));
        Assert.Contains("No se puede reactivar el centro de costo 09.01: depende de 09, que está inactivo", errores);
        Assert.False(await ActivoAsync("09.01"));
        Redirige(await ReactivarAsync("09"));
        Redirige(await ReactivarAsync("09.01"));
        Assert.True(await ActivoAsync("09.01"));
    }
}
