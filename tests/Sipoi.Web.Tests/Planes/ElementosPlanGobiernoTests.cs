using System.Net;
using Microsoft.EntityFrameworkCore;
using Sipoi.Domain.Estrategia;
using Sipoi.Domain.Seguimiento;
using Sipoi.Web.Tests.Infraestructura;

namespace Sipoi.Web.Tests.Planes;

/// <summary>Correcting and removing government plan nodes (Pages/PlanesGobierno/Elemento): the chain never loses data silently.</summary>
public sealed class ElementosPlanGobiernoTests(AppDePrueba app) : IClassFixture<AppDePrueba>
{
    private const string Base = "/e/EMSAPUNO/plan-gobierno";

    private sealed record Plan(int Id, int Dimension, int Problema, int Objetivo, int Otro, int Meta);

    /// <summary>dimensión → problema → objetivo 1.1 (aligned to AEI.01.01) and objetivo 1.2 with a meta under it.</summary>
    private async Task<Plan> PlanAsync(string nombre)
    {
        await using var db = app.Base.Contexto();
        var entidad = await db.Entidades.SingleAsync(e => e.Codigo == "EMSAPUNO");
        var plan = new PlanGobierno(entidad.Id, nombre, "Plan de Gobierno", 2023, 2026);
        db.PlanesGobierno.Add(plan);
        await db.SaveChangesAsync();
        var dimension = plan.AgregarElemento(null, NivelPlanGobierno.Dimension, "Dimensión social");
        await db.SaveChangesAsync();
        var problema = plan.AgregarElemento(dimension, NivelPlanGobierno.Problema, "Bajo acceso a agua potable");
        await db.SaveChangesAsync();
        var objetivo = plan.AgregarElemento(problema, NivelPlanGobierno.Objetivo, "Ampliar la cobertura de agua", "1.1");
        var otro = plan.AgregarElemento(problema, NivelPlanGobierno.Objetivo, "Reducir la pérdida de agua", "1.2");
        await db.SaveChangesAsync();
        var meta = plan.AgregarElemento(otro, NivelPlanGobierno.Meta, "Agua no facturada", "1.2.1", metaValor: 30, metaUnidad: "%");
        var aei = await db.Aeis.Where(a => a.Codigo == "AEI.01.01").OrderBy(a => a.Id).FirstAsync();
        objetivo.Alinear(null, aei.Id);
        await db.SaveChangesAsync();
        return new Plan(plan.Id, dimension.Id, problema.Id, objetivo.Id, otro.Id, meta.Id);
    }

    private static string Url(Plan p, int elemento) => $"{Base}/{p.Id}/elementos/{elemento}";

    private async Task<ElementoPlanGobierno?> ElementoAsync(int id)
    {
        await using var db = app.Base.Contexto();
        return await db.ElementosPlanGobierno.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id);
    }

    private async Task<HttpResponseMessage> QuitarAsync(HttpClient http, Plan p, int elemento) =>
        await (await Formulario.LeerAsync(http, Url(p, elemento), "form-quitar")).EnviarAsync(http);

    [Fact]
    public async Task Elemento_SeCorrigePorFormulario_YElCambioSeAudita()
    {
        var p = await PlanAsync("Plan para corregir");
        var http = await app.ComoAsync(AppDePrueba.Planificador);
        var plan = await Paginas.LeerAsync(http, $"{Base}/{p.Id}");
        Assert.NotNull(plan.QuerySelector($"a[href='{Url(p, p.Meta)}']"));

        var r = await Paginas.EnviarAsync(http, Url(p, p.Meta), "form-elemento", ("Descripcion", "Agua no facturada (ANF)"), ("MetaValor", "25.5"), ("Codigo", "1.2.9"));
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var meta = (await ElementoAsync(p.Meta))!;
        Assert.Equal(("Agua no facturada (ANF)", 25.5m, "%", "1.2.9"), (meta.Descripcion, meta.MetaValor!.Value, meta.MetaUnidad, meta.Codigo));

        await using var db = app.Base.Contexto();
        var cambio = await db.Auditoria.AsNoTracking().SingleAsync(a => a.Tabla == "elemento_plan_gobierno" && a.Campo == "descripcion" && a.ValorNuevo == "Agua no facturada (ANF)");
        Assert.Equal("Agua no facturada", cambio.ValorAnterior);
        Assert.Equal(AppDePrueba.Planificador, cambio.Usuario);
    }

    [Fact]
    public async Task Elemento_CodigoRepetidoOSinDescripcion_SeRechaza_YNadaCambia()
    {
        var p = await PlanAsync("Plan con códigos");
        var http = await app.ComoAsync(AppDePrueba.Planificador);
        await Rechazo.EnRespuestaAsync(await Paginas.EnviarAsync(http, Url(p, p.Otro), "form-elemento", ("Codigo", "1.1")), HttpStatusCode.OK,
            "El código 1.1 ya existe en este plan.");
        await Rechazo.EnRespuestaAsync(await Paginas.EnviarAsync(http, Url(p, p.Otro), "form-elemento", ("Descripcion", "")), HttpStatusCode.OK,
            "El campo descripción es obligatorio.");
        await Rechazo.EnRespuestaAsync(await Paginas.EnviarAsync(http, Url(p, p.Meta), "form-elemento", ("MetaValor", "treinta")), HttpStatusCode.OK,
            "Valor de la meta: ");
        var otro = (await ElementoAsync(p.Otro))!;
        Assert.Equal(("1.2", "Reducir la pérdida de agua"), (otro.Codigo, otro.Descripcion));
        Assert.Equal(30m, (await ElementoAsync(p.Meta))!.MetaValor);
    }

    [Fact]
    public async Task Elemento_ConElementosDebajoOAlineado_NoSeQuita_YUnaHojaSinAlinearSi()
    {
        var p = await PlanAsync("Plan para quitar");
        var http = await app.ComoAsync(AppDePrueba.Administrador);
        await Rechazo.EnRespuestaAsync(await QuitarAsync(http, p, p.Problema), HttpStatusCode.OK,
            "No se puede quitar Problema «Bajo acceso a agua potable»: tiene 2 elementos debajo");
        await Rechazo.EnRespuestaAsync(await QuitarAsync(http, p, p.Objetivo), HttpStatusCode.OK,
            "No se puede quitar Objetivo «Ampliar la cobertura de agua»: está alineado a 1 OEI o AEI del PEI. Quite primero sus alineamientos.");
        Assert.NotNull(await ElementoAsync(p.Problema));
        Assert.NotNull(await ElementoAsync(p.Objetivo));

        // Bottom-up: the meta, then its objective.
        // The first post removes nothing: it shows what goes and asks to confirm; only the confirmation removes.
        var primera = await QuitarAsync(http, p, p.Meta);
        Assert.Equal(HttpStatusCode.OK, primera.StatusCode);
        var pagina = Formulario.Leer(await primera.Content.ReadAsStringAsync());
        var caja = pagina.GetElementById("confirmar-quitar")!.TextContent;
        Assert.Contains("Confirme que quiere quitar el elemento del plan de gobierno. No se puede deshacer.", caja);
        Assert.Contains("Se quitará meta 1.2.1 «Agua no facturada»", caja);
        Assert.Contains("del plan «Plan para quitar».", caja);
        Assert.NotNull(await ElementoAsync(p.Meta));
        var confirmar = Formulario.De(pagina, "confirmar-quitar-elemento");
        Assert.Equal("true", confirmar.Campos["Confirmar"]);
        Assert.Equal(HttpStatusCode.Redirect, (await confirmar.EnviarAsync(http)).StatusCode);
        var otra = Formulario.De(Formulario.Leer(await (await QuitarAsync(http, p, p.Otro)).Content.ReadAsStringAsync()), "confirmar-quitar-elemento");
        Assert.Equal(HttpStatusCode.Redirect, (await otra.EnviarAsync(http)).StatusCode);
        Assert.Null(await ElementoAsync(p.Meta));
        Assert.Null(await ElementoAsync(p.Otro));
        await using var db = app.Base.Contexto();
        Assert.True(await db.Auditoria.AnyAsync(a => a.Tabla == "elemento_plan_gobierno" && a.Accion == AccionAuditada.Baja
            && a.ValorAnterior!.Contains("Agua no facturada") && a.Usuario == AppDePrueba.Administrador));
    }

    [Theory]
    [InlineData(AppDePrueba.Operador)]
    [InlineData(AppDePrueba.Consulta)]
    public async Task Elemento_OtrosRoles_Reciben403_YNadaCambia(string correo)
    {
        var p = await PlanAsync("Plan de solo lectura " + correo);
        var http = await app.ComoAsync(correo);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync(Url(p, p.Meta))).StatusCode);
        var r = await Paginas.PostarConTokenAsync(http, $"{Base}/{p.Id}", Url(p, p.Meta) + "?handler=Quitar");
        Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode);
        Assert.NotNull(await ElementoAsync(p.Meta));
    }
}
