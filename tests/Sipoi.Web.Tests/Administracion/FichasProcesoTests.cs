using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Sipoi.Domain.Organizacion;
using Sipoi.Domain.Seguimiento;
using Sipoi.Interop.Intercambio;
using Sipoi.Web.Intercambio;
using Sipoi.Web.Tests.Infraestructura;
using Sipoi.Web.Tests.Planes;

namespace Sipoi.Web.Tests.Administracion;

/// <summary>Fichas de proceso (Pages/Administracion/Fichas): create, edit, remove only while unused; the domain's weight rule; audited; exported.</summary>
public sealed class FichasProcesoTests(AppDePrueba app) : IClassFixture<AppDePrueba>
{
    private const string Lista = "/e/EMSAPUNO/administracion/fichas";

    private async Task<HttpResponseMessage> CrearAsync(string codigo, string peso, string nombre = "GESTIÓN DE PRUEBA") =>
        await Paginas.EnviarAsync(await app.ComoAsync(AppDePrueba.Administrador), Lista, "form-ficha",
            ("Datos.Codigo", codigo), ("Datos.Nombre", nombre), ("Datos.Gerencia", "Gerencia de Prueba"),
            ("Datos.Responsable", "Jefe de la Oficina"), ("Datos.Objetivo", "Asegurar la gestión"), ("Datos.Peso", peso));

    private async Task<FichaProceso?> FichaAsync(string codigo)
    {
        await using var db = app.Base.Contexto();
        return await db.Fichas.AsNoTracking().SingleOrDefaultAsync(f => f.Codigo == codigo);
    }

    [Fact]
    public async Task Ficha_SeCreaYEdita_ConSuGerenciaResponsableObjetivoYPeso_YSeAudita()
    {
        Assert.Equal(HttpStatusCode.Redirect, (await CrearAsync("FP T1", "2.5")).StatusCode);
        var f = (await FichaAsync("FP T1"))!;
        Assert.Equal(("Gerencia de Prueba", "Jefe de la Oficina", "Asegurar la gestión", 2.5m), (f.Gerencia, f.Responsable, f.Objetivo, f.Peso));

        var http = await app.ComoAsync(AppDePrueba.Administrador);
        var url = $"{Lista}/{f.Id}";
        var form = await Formulario.LeerAsync(http, url, "form-ficha");
        Assert.Equal("2.5", form.Campos["Datos.Peso"]);
        Assert.Equal(HttpStatusCode.Redirect, (await Paginas.EnviarAsync(http, url, "form-ficha", ("Datos.Peso", "3"), ("Datos.Responsable", ""))).StatusCode);
        f = (await FichaAsync("FP T1"))!;
        Assert.Equal(3m, f.Peso);
        Assert.Null(f.Responsable);

        await using var db = app.Base.Contexto();
        var filas = await db.Auditoria.AsNoTracking().Where(a => a.Tabla == "ficha_proceso" && a.Usuario == AppDePrueba.Administrador).ToListAsync();
        Assert.Contains(filas, a => a.Accion == AccionAuditada.Alta && a.ValorNuevo!.Contains("\"FP T1\"", StringComparison.Ordinal));
        var peso = Assert.Single(filas, a => a.Accion == AccionAuditada.Cambio && a.Campo == "peso");
        Assert.Equal(2.5m, decimal.Parse(peso.ValorAnterior!, CultureInfo.InvariantCulture));
        Assert.Equal(3m, decimal.Parse(peso.ValorNuevo!, CultureInfo.InvariantCulture));
        Assert.Single(filas, a => a.Accion == AccionAuditada.Cambio && a.Campo == "responsable" && a.ValorAnterior == "Jefe de la Oficina" && a.ValorNuevo == null);
    }

    [Theory]
    [InlineData("FP R1", "0", "El peso de la ficha debe ser mayor que cero (es 0).")]
    [InlineData("FP R2", "-1", "El peso de la ficha debe ser mayor que cero (es -1).")]
    [InlineData("FP R3", "", "Peso: es obligatorio")]
    [InlineData("FP R4", "uno", "Peso: ")]
    public async Task Ficha_PesoNoValido_SeRechazaNombrandoElCampo_YNadaSeGuarda(string codigo, string peso, string mensaje)
    {
        await Rechazo.EnRespuestaAsync(await CrearAsync(codigo, peso), HttpStatusCode.OK, mensaje);
        Assert.Null(await FichaAsync(codigo));
    }

    [Fact]
    public async Task Ficha_SinNombre_SeRechaza()
    {
        await Rechazo.EnRespuestaAsync(await CrearAsync("FP T2", "1", nombre: " "), HttpStatusCode.OK, "El campo nombre es obligatorio.");
        Assert.Null(await FichaAsync("FP T2"));
    }

    [Fact]
    public async Task Ficha_UsadaPorActividadesDelPoi_NoSeQuita()
    {
        int id;
        string codigo;
        int cuantas;
        await using (var db = app.Base.Contexto())
        {
            var usada = await db.Actividades.Where(a => a.FichaId != null).GroupBy(a => a.FichaId).Select(g => new { Id = g.Key!.Value, N = g.Count() }).FirstAsync();
            id = usada.Id;
            cuantas = usada.N;
            codigo = await db.Fichas.Where(f => f.Id == id).Select(f => f.Codigo).SingleAsync();
        }
        var http = await app.ComoAsync(AppDePrueba.Administrador);
        var quitar = await Formulario.LeerAsync(http, $"{Lista}/{id}", "form-quitar");
        await Rechazo.EnRespuestaAsync(await quitar.EnviarAsync(http), HttpStatusCode.OK,
            $"No se puede quitar la ficha de proceso {codigo}: la usan actividades del POI ({cuantas} en 2024).");
        Assert.NotNull(await FichaAsync(codigo));
    }

    [Fact]
    public async Task Ficha_SinUso_SeQuita_YLaBajaSeAudita()
    {
        Assert.Equal(HttpStatusCode.Redirect, (await CrearAsync("FP T3", "1")).StatusCode);
        var id = (await FichaAsync("FP T3"))!.Id;
        var http = await app.ComoAsync(AppDePrueba.Administrador);
        var quitar = await Formulario.LeerAsync(http, $"{Lista}/{id}", "form-quitar");
        // The first post removes nothing: it shows what goes and asks to confirm.
        var primera = await quitar.EnviarAsync(http);
        Assert.Equal(HttpStatusCode.OK, primera.StatusCode);
        var pagina = Formulario.Leer(await primera.Content.ReadAsStringAsync());
        var caja = pagina.GetElementById("confirmar-quitar")!.TextContent;
        Assert.Contains("Confirme que quiere quitar la ficha de proceso. No se puede deshacer.", caja);
        Assert.Contains("Se quitará la ficha de proceso FP T3 «GESTIÓN DE PRUEBA» de Gerencia de Prueba (peso 1).", caja);
        Assert.Contains("Ninguna actividad de ningún POI la usa", caja);
        Assert.NotNull(await FichaAsync("FP T3"));
        var confirmar = Formulario.De(pagina, "confirmar-quitar-ficha");
        Assert.Equal("true", confirmar.Campos["Confirmar"]);
        Assert.Equal(HttpStatusCode.Redirect, (await confirmar.EnviarAsync(http)).StatusCode);
        Assert.Null(await FichaAsync("FP T3"));
        await using var db = app.Base.Contexto();
        Assert.True(await db.Auditoria.AnyAsync(a => a.Tabla == "ficha_proceso" && a.Accion == AccionAuditada.Baja && a.ValorAnterior!.Contains("\"FP T3\"")));
    }

    [Fact]
    public async Task Fichas_ElPlanificadorRecibe403_YNadaCambia()
    {
        var http = await app.ComoAsync(AppDePrueba.Planificador);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync(Lista)).StatusCode);
        var r = await Paginas.PostarConTokenAsync(http, "/e/EMSAPUNO", Lista, ("Datos.Codigo", "FP X"), ("Datos.Nombre", "X"), ("Datos.Peso", "1"));
        Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode);
        Assert.Null(await FichaAsync("FP X"));
    }

    [Fact]
    public async Task Intercambio_UnaFichaEditadaSeExporta_YElArchivoVuelveAImportarseIgual()
    {
        Assert.Equal(HttpStatusCode.Redirect, (await CrearAsync("FP T4", "1.5")).StatusCode);
        string primero;
        await using (var db = app.Base.Contexto())
            primero = EscritorIntercambio.EscribirTexto((await ExportadorPlan.ExportarAsync(db, "EMSAPUNO", 2024))!);
        Assert.Contains("\"codigo\": \"FP T4\"", primero, StringComparison.Ordinal);
        Assert.Contains("\"peso\": 1.5", primero, StringComparison.Ordinal);

        var leido = LectorIntercambio.Leer(primero);
        Assert.True(leido.EsValido, string.Join("\n", leido.Errores));
        await using (var db = app.Base.Contexto())
        {
            var resultado = await ImportadorPlan.ImportarAsync(db, leido.Documento!);
            Assert.True(resultado.Exito, string.Join("\n", resultado.Errores));
        }
        await using (var db = app.Base.Contexto())
            Assert.Equal(primero, EscritorIntercambio.EscribirTexto((await ExportadorPlan.ExportarAsync(db, "EMSAPUNO", 2024))!));
    }
}
