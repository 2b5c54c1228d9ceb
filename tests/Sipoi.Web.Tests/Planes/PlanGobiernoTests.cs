using System.Net;
using Microsoft.EntityFrameworkCore;
using Sipoi.Domain.Estrategia;
using Sipoi.Domain.Evaluacion;
using Sipoi.Domain.Periodos;
using Sipoi.Web.Tests.Infraestructura;
using Sipoi.Web.Tests.Reportes;

namespace Sipoi.Web.Tests.Planes;

/// <summary>Government plan pages (Pages/PlanesGobierno/README.md): the chain's order, alignment, and the execution view tied to the engine.</summary>
public sealed class PlanGobiernoTests(AppDePrueba app) : IClassFixture<AppDePrueba>
{
    private const string Base = "/e/EMSAPUNO/plan-gobierno";

    /// <summary>A plan built through the domain: dimensión → problema → objetivo (aligned to AEI.01.01 and to OEI.02) and a second objective with nothing aligned.</summary>
    private async Task<int> PlanAlineadoAsync(string nombre)
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
        var otro = plan.AgregarElemento(problema, NivelPlanGobierno.Objetivo, "Objetivo sin alinear", "1.2");
        await db.SaveChangesAsync();
        var peiId = await db.Pois.Where(p => p.Anio == 2024 && p.EntidadId == entidad.Id).Select(p => p.PeiId).SingleAsync();
        var aei = await db.Aeis.SingleAsync(a => a.Codigo == "AEI.01.01" && db.Oeis.Any(o => o.Id == a.OeiId && o.PeiId == peiId));
        var oei = await db.Oeis.SingleAsync(o => o.Codigo == "OEI.02" && o.PeiId == peiId);
        objetivo.Alinear(null, aei.Id);
        objetivo.Alinear(oei.Id, null);
        await db.SaveChangesAsync();
        return plan.Id;
    }

    [Fact]
    public async Task Plan_SeRegistraPorFormularioConSuCadena()
    {
        var http = await app.ComoAsync(AppDePrueba.Planificador);
        var r = await Paginas.EnviarAsync(http, Base, "form-plan", ("Nombre", "Plan de Gobierno Municipal 2023 – 2026"), ("Tipo", "Plan de Gobierno"),
            ("Inicio", "2023"), ("Fin", "2026"));
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var url = r.Headers.Location!.OriginalString;

        async Task<HttpResponseMessage> Agregar(string nivel, string padre, string descripcion, params (string, string)[] mas) =>
            await Paginas.EnviarAsync(http, url + "?handler=Elemento", "form-elemento",
                [("Nivel", nivel), ("Padre", padre), ("Descripcion", descripcion), .. mas]);
        Assert.Equal(HttpStatusCode.Redirect, (await Agregar("Dimension", "", "Dimensión institucional")).StatusCode);
        int Id(string descripcion)
        {
            using var db = app.Base.Contexto();
            return db.ElementosPlanGobierno.Where(e => e.Descripcion == descripcion).Select(e => e.Id).Single();
        }
        var dim = Id("Dimensión institucional").ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Redirect, (await Agregar("Problema", dim, "Baja capacidad de gestión municipal")).StatusCode);
        var prob = Id("Baja capacidad de gestión municipal").ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Redirect, (await Agregar("Objetivo", prob, "Eficiencia y producción", ("Codigo", "3"))).StatusCode);
        var obj = Id("Eficiencia y producción").ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Redirect, (await Agregar("Intervencion", obj, "Programa gestión estratégica", ("Codigo", "3.0"), ("TipoIntervencion", "programa"))).StatusCode);
        var prog = Id("Programa gestión estratégica").ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Redirect, (await Agregar("Meta", prog, "Mejorar la gestión de los agentes municipales", ("MetaValor", "100"), ("MetaUnidad", "%"))).StatusCode);

        var pagina = await Paginas.LeerAsync(http, url);
        var arbol = pagina.GetElementById("arbol-plan")!.TextContent;
        Assert.Contains("Programa / proyecto / actividad (programa)", arbol);
        Assert.Contains("100 %", arbol);

        // Refused: an objective hanging from a target, an intervention without its kind, an objective as a root.
        var errores = await Paginas.ErroresAsync(await Agregar("Problema", obj, "Problema bajo un objetivo"));
        Assert.Contains("Un elemento de nivel Problema no puede ir debajo de un elemento de nivel Objetivo", errores);
        Assert.Contains("programa, un proyecto o una actividad", await Paginas.ErroresAsync(await Agregar("Intervencion", obj, "Sin tipo")));
        Assert.Contains("debe ir debajo de", await Paginas.ErroresAsync(await Agregar("Objetivo", "", "Objetivo suelto")));
        Assert.Contains("El código 3 ya existe en este plan", await Paginas.ErroresAsync(await Agregar("Objetivo", prob, "Otro", ("Codigo", "3"))));
        await using var db2 = app.Base.Contexto();
        Assert.False(await db2.ElementosPlanGobierno.AnyAsync(e => e.Descripcion == "Problema bajo un objetivo" || e.Descripcion == "Sin tipo"
            || e.Descripcion == "Objetivo suelto" || e.Descripcion == "Otro"));

        // Align the objective to AEI.06.01 through the form; a second time is refused.
        var aeiId = await db2.Aeis.Where(a => a.Codigo == "AEI.06.01").Select(a => a.Id).SingleAsync();
        var alinear = await Paginas.EnviarAsync(http, url + "?handler=Alinear", "form-alineamiento", ("Objetivo", obj), ("Alineado", $"aei:{aeiId}"));
        Assert.Equal(HttpStatusCode.Redirect, alinear.StatusCode);
        var repetido = await Paginas.EnviarAsync(http, url + "?handler=Alinear", "form-alineamiento", ("Objetivo", obj), ("Alineado", $"aei:{aeiId}"));
        Assert.Contains("ya está alineado a este objetivo", await Paginas.ErroresAsync(repetido));
        Assert.Equal(1, await db2.AlineamientosPlanGobierno.CountAsync(a => a.AeiId == aeiId));
        Assert.Contains("AEI.06.01", (await Paginas.LeerAsync(http, url)).GetElementById("arbol-plan")!.TextContent);
    }

    [Fact]
    public async Task Ejecucion_MuestraPorObjetivoLasActividadesDeSusAeiConLasCifrasDelMotor()
    {
        await AvanceDePrueba.RegistrarAsync(app);
        var id = await PlanAlineadoAsync("Plan para la vista de ejecución");
        var http = await app.ComoAsync(AppDePrueba.Consulta);
        foreach (var periodo in new[] { Periodo.Anual, Periodo.Semestre(1), Periodo.AcumuladoAl(9) })
        {
            var motor = await AvanceDePrueba.MotorAsync(app, periodo);
            var pagina = await Paginas.LeerAsync(http, $"{Base}/{id}/ejecucion/2024?periodo={periodo.Codigo}");
            Assert.Equal(periodo.Nombre, pagina.GetElementById("periodo")!.TextContent);
            var seccion = pagina.QuerySelectorAll("section.objetivo").Single(s => s.QuerySelector("h2")!.TextContent.Contains("Ampliar la cobertura de agua"));
            // AEI.01.01 directly, and every AEI of OEI.02 through the OEI.
            var esperadas = new[] { "AEI.01.01" }.Concat(motor.Oeis.Single(o => o.Codigo == "OEI.02").Aeis.Select(a => a.Codigo)).ToList();
            Assert.Equal(esperadas, seccion.QuerySelectorAll("tr[data-aei]").Select(t => t.GetAttribute("data-aei")!).ToList());
            var filasActividad = seccion.QuerySelectorAll("tr[data-actividad]").ToList();
            var actividadesMotor = motor.Actividades.Where(a => esperadas.Contains(a.AeiCodigo)).ToList();
            Assert.NotEmpty(actividadesMotor);
            Assert.Equal(actividadesMotor.Select(a => a.Codigo).Order(StringComparer.Ordinal), filasActividad.Select(f => f.GetAttribute("data-actividad")!).Order(StringComparer.Ordinal));
            foreach (var a in actividadesMotor)
            {
                var fila = filasActividad.Single(f => f.GetAttribute("data-actividad") == a.Codigo);
                Assert.Equal(a.Ejecucion is { } e ? Cifra.Porcentaje(e) : a.Estado.Nombre(), fila.QuerySelector("td.ejecucion")!.TextContent);
            }
            foreach (var aei in motor.Oeis.SelectMany(o => o.Aeis).Where(a => esperadas.Contains(a.Codigo)))
                Assert.Equal(Cifra.Porcentaje(aei.Valor), seccion.QuerySelector($"tr[data-aei='{aei.Codigo}'] td.valor-aei")!.TextContent);
        }
        var pag = await Paginas.LeerAsync(http, $"{Base}/{id}/ejecucion/2024");
        var sinAlinear = pag.QuerySelectorAll("section.objetivo").Single(s => s.QuerySelector("h2")!.TextContent.Contains("Objetivo sin alinear"));
        Assert.NotNull(sinAlinear.QuerySelector(".sin-alineamiento"));
    }

    [Fact]
    public async Task Alineamiento_SeQuitaSoloTrasConfirmar()
    {
        var id = await PlanAlineadoAsync("Plan para quitar alineamiento");
        int alineamiento;
        await using (var db = app.Base.Contexto())
            alineamiento = await db.AlineamientosPlanGobierno.Where(a => db.ElementosPlanGobierno.Any(e => e.Id == a.ElementoPlanGobiernoId && e.PlanGobiernoId == id))
                .Select(a => a.Id).FirstAsync();
        var http = await app.ComoAsync(AppDePrueba.Planificador);
        var quitar = await Formulario.LeerAsync(http, $"{Base}/{id}", $"form-quitar-alineamiento-{alineamiento}");
        var primera = await quitar.EnviarAsync(http);
        Assert.Equal(HttpStatusCode.OK, primera.StatusCode);
        var pagina = Formulario.Leer(await primera.Content.ReadAsStringAsync());
        var caja = pagina.GetElementById("confirmar-quitar-alineamiento")!.TextContent;
        Assert.Contains("Confirme que quiere quitar el alineamiento. No se puede deshacer.", caja);
        Assert.Contains("Objetivo 1.1 «Ampliar la cobertura de agua» dejará de estar alineado a ", caja);
        await using (var db = app.Base.Contexto())
            Assert.True(await db.AlineamientosPlanGobierno.AnyAsync(a => a.Id == alineamiento));
        var confirmar = Formulario.De(pagina, "confirmar-quitar-alineamiento-form");
        Assert.Equal("true", confirmar.Campos["Confirmar"]);
        Assert.Equal(HttpStatusCode.Redirect, (await confirmar.EnviarAsync(http)).StatusCode);
        await using (var db = app.Base.Contexto())
            Assert.False(await db.AlineamientosPlanGobierno.AnyAsync(a => a.Id == alineamiento));
    }

    [Theory]
    [InlineData(AppDePrueba.Consulta)]
    [InlineData(AppDePrueba.Operador)]
    public async Task ConsultaYOperador_LeenLosPlanesPeroNoLosCambian(string usuario)
    {
        var id = await PlanAlineadoAsync("Plan de lectura " + usuario);
        var http = await app.ComoAsync(usuario);
        var lista = await Paginas.LeerAsync(http, Base);
        Assert.Null(lista.GetElementById("form-plan"));
        var plan = await Paginas.LeerAsync(http, $"{Base}/{id}");
        Assert.Null(plan.GetElementById("form-elemento"));
        Assert.Null(plan.GetElementById("form-alineamiento"));
        Assert.Equal(HttpStatusCode.Forbidden, (await Paginas.PostarConTokenAsync(http, Base, Base,
            ("Nombre", "Plan intruso"), ("Tipo", "PDLC"), ("Inicio", "2024"), ("Fin", "2030"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Paginas.PostarConTokenAsync(http, Base, $"{Base}/{id}?handler=Elemento",
            ("Nivel", "Dimension"), ("Descripcion", "Dimensión intrusa"))).StatusCode);
        await using var db = app.Base.Contexto();
        var alineamiento = await db.AlineamientosPlanGobierno.Where(a => db.ElementosPlanGobierno.Any(e => e.Id == a.ElementoPlanGobiernoId && e.PlanGobiernoId == id))
            .Select(a => a.Id).FirstAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await Paginas.PostarConTokenAsync(http, Base, $"{Base}/{id}?handler=QuitarAlineamiento&alineamiento={alineamiento}")).StatusCode);
        Assert.False(await db.PlanesGobierno.AnyAsync(p => p.Nombre == "Plan intruso"));
        Assert.False(await db.ElementosPlanGobierno.AnyAsync(e => e.Descripcion == "Dimensión intrusa"));
        Assert.True(await db.AlineamientosPlanGobierno.AnyAsync(a => a.Id == alineamiento));
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"{Base}/{id}/ejecucion/2024")).StatusCode);
    }
}
