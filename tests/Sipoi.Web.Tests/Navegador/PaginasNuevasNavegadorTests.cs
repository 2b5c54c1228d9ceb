using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Sipoi.Domain.Estrategia;
using Sipoi.Web.Intercambio;
using Sipoi.Web.Seguridad;
using Xunit.Abstractions;

namespace Sipoi.Web.Tests.Navegador;

/// <summary>
/// Issue 16, item 1 (closing line) on the pages added in the last round, each as the role that uses it, in the demo of
/// December 2026: the new entity (national administrator), the budget load with its review step, modifications and the
/// budget page, the government plan (plan, a target, the semester evaluation), the institutional texts, the formulation
/// details of item 5 (indicator, critical elements, needs) and four confirmation summaries (reopen a month, deactivate a
/// user, remove a budget modification, start next year's formulation). Every state is checked as the journeys do
/// (<see cref="RecorridosNavegadorTests.RevisarEnAnchosAsync"/>: axe-core, no sideways scroll, menu, screenshots at 1366 and
/// 390 px under capturas/recorridos/nuevas-*).
/// </summary>
[Collection(AppNavegador.Coleccion)]
public sealed class PaginasNuevasNavegadorTests(AppNavegadorAnioActual app, ITestOutputHelper salida) : IClassFixture<AppNavegadorAnioActual>
{
    private const string E = "/e/EMSAPUNO";

    /// <summary>The MEF open-data columns (docs/importacion-excel.md), two rows: one PIM above its PIA becomes one modification.</summary>
    private const string Csv =
        "FUENTE_FINANCIAMIENTO,GENERICA,CENTRO DE COSTO,MONTO_PIA,MONTO_PIM,MONTO_CERTIFICADO_ENERO,MONTO_DEVENGADO_ENERO\n" +
        "2,3,01.02,1000,1500,400,300\n" +
        "1,2.1,,500,500,100,100\n";

    private readonly List<string> _fallas = [];
    private int _revisadas;

    private async Task RevisarAsync(IPage p, string etiqueta, string captura)
    {
        _fallas.AddRange(await RecorridosNavegadorTests.RevisarEnAnchosAsync(p, etiqueta, "nuevas-" + captura));
        _revisadas++;
    }

    private async Task IrYRevisarAsync(IPage p, string ruta, string? captura = null)
    {
        var r = await p.GotoAsync(ruta);
        Assert.True(r is { Ok: true }, $"{ruta} respondió {r?.Status}.");
        await RevisarAsync(p, ruta, captura ?? RecorridosNavegadorTests.Nombre(ruta));
    }

    private void Terminar(string rol)
    {
        salida.WriteLine($"{rol}: {_revisadas} páginas o estados revisados a 1366 y 390 px (axe-core, desborde, menú).");
        Assert.True(_fallas.Count == 0, $"{rol}: {_fallas.Count} fallas:\n" + string.Join("\n", _fallas));
    }

    [Fact]
    public async Task AdministradorNacional_RevisaLaNuevaEntidad_ConYSinErrores()
    {
        const string correo = "nacional.recorrido@nacional.demo";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var usuarios = scope.ServiceProvider.GetRequiredService<UserManager<Usuario>>();
            await using var db = app.Base.Contexto();
            var entidadId = await db.Entidades.Where(e => e.Codigo == DatosDemo.CodigoEntidad).Select(e => e.Id).SingleAsync();
            var u = new Usuario(entidadId, correo, "Administradora nacional del recorrido", esAdministradorNacional: true);
            Assert.True((await usuarios.CreateAsync(u, DatosDemo.Contrasena)).Succeeded);
            Assert.True((await usuarios.AddToRoleAsync(u, Roles.Consulta)).Succeeded);
        }
        var p = await app.IngresarAsync(correo);
        try
        {
            await IrYRevisarAsync(p, "/entidades/nueva");
            // The refusal as an operator first meets it: every missing field listed at once.
            await p.Locator("#crear").ClickAsync();
            await Assertions.Expect(p.Locator("main")).ToContainTextAsync("Correo del administrador: es obligatorio.");
            await RevisarAsync(p, "/entidades/nueva (errores)", "entidades-nueva-errores");
        }
        finally { await p.Context.CloseAsync(); }
        Terminar("administrador nacional");
    }

    [Fact]
    public async Task Planificador_CargaElPresupuesto_ReabreUnMes_YRecorreElPlanDeGobierno()
    {
        int plan, meta;
        await using (var db = app.Base.Contexto())
        {
            plan = await db.PlanesGobierno.Where(x => x.Nombre == PlanGobiernoDemo.Nombre).Select(x => x.Id).SingleAsync();
            meta = await db.ElementosPlanGobierno.Where(x => x.PlanGobiernoId == plan && x.Nivel == NivelPlanGobierno.Meta)
                .OrderBy(x => x.Codigo).Select(x => x.Id).FirstAsync();
        }
        var p = await app.IngresarAsync("planificador@emsapuno.demo");
        try
        {
            // Budget: the load page, its review of a small MEF file, the load, the budget page and its modifications.
            await IrYRevisarAsync(p, $"{E}/presupuesto/2026/cargar");
            await p.Locator("#revisar input[type=file]").SetInputFilesAsync(new FilePayload
            {
                Name = "presupuesto-2026.csv",
                MimeType = "text/csv",
                Buffer = System.Text.Encoding.UTF8.GetBytes(Csv),
            });
            await p.Locator("#revisar button[type=submit]").ClickAsync();
            await Assertions.Expect(p.Locator("#cambios")).ToContainTextAsync("Filas nuevas: 4");
            await RevisarAsync(p, "presupuesto/2026/cargar (revisión)", "presupuesto-cargar-revision");
            await p.Locator("#confirmar button[type=submit]").ClickAsync();
            await Assertions.Expect(p).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("handler=Confirmar"));
            await IrYRevisarAsync(p, $"{E}/presupuesto/2026");
            await Assertions.Expect(p.Locator("#pim-fuente")).ToContainTextAsync("2 Recursos Directamente Recaudados");
            await IrYRevisarAsync(p, $"{E}/presupuesto/2026/modificaciones");
            await p.Locator("#modificaciones tbody tr").First.Locator("button[type=submit]").ClickAsync();
            await Assertions.Expect(p.Locator("#confirmar-quitar")).ToContainTextAsync("Ajuste al PIM");
            await RevisarAsync(p, "presupuesto/2026/modificaciones (confirmar quitar)", "presupuesto-modificaciones-confirmar");

            // Reopening an approved month shows its summary first.
            await IrYRevisarAsync(p, $"{E}/seguimiento/2026/10?centro=01.02");
            var reabrir = p.Locator("#reabrir-aprobado");
            await reabrir.Locator("textarea[name=Motivo]").FillAsync("Corrección de la meta de octubre solicitada por el área.");
            await reabrir.Locator("input[name=NuevoPlazo]").FillAsync("18/12/2026");
            await reabrir.Locator("button[type=submit]").ClickAsync();
            await Assertions.Expect(p.Locator("#confirmar-reapertura")).ToContainTextAsync("Confirme la reapertura");
            await RevisarAsync(p, "seguimiento/2026/10 (confirmar reapertura)", "seguimiento-reabrir-confirmar");

            // The government plan: list, plan, one target, the semester evaluation.
            await IrYRevisarAsync(p, $"{E}/plan-gobierno");
            await IrYRevisarAsync(p, $"{E}/plan-gobierno/{plan}", "plan-gobierno-plan");
            await IrYRevisarAsync(p, $"{E}/plan-gobierno/{plan}/elementos/{meta}/meta", "plan-gobierno-meta");
            await IrYRevisarAsync(p, $"{E}/plan-gobierno/{plan}/elementos/{meta}", "plan-gobierno-elemento");
            await IrYRevisarAsync(p, $"{E}/plan-gobierno/{plan}/evaluacion/2020?semestre=2", "plan-gobierno-evaluacion");
            await IrYRevisarAsync(p, $"{E}/plan-gobierno/{plan}/ejecucion/2026", "plan-gobierno-ejecucion");
        }
        finally { await p.Context.CloseAsync(); }
        Terminar("planificador");
    }

    [Fact]
    public async Task Administrador_TextosInstitucionales_YConfirmaLaDesactivacionDeUnUsuario()
    {
        int consulta;
        await using (var db = app.Base.Contexto())
            consulta = await db.Users.Where(u => u.UserName == "consulta@emsapuno.demo").Select(u => u.Id).SingleAsync();
        var p = await app.IngresarAsync("admin@emsapuno.demo");
        try
        {
            await IrYRevisarAsync(p, $"{E}/administracion/textos");
            await IrYRevisarAsync(p, $"{E}/administracion/usuarios/{consulta}", "administracion-usuario");
            await p.Locator("#desactivar").ClickAsync();
            await Assertions.Expect(p.Locator("#confirmar-desactivacion")).ToContainTextAsync("Confirme la desactivación");
            await RevisarAsync(p, "administracion/usuarios (confirmar desactivación)", "administracion-usuario-confirmar");
        }
        finally { await p.Context.CloseAsync(); }
        Terminar("administrador");
    }

    [Fact]
    public async Task Formulacion2027_IndicadorElementosCriticosYNecesidades()
    {
        var opp = await app.IngresarAsync("planificador@emsapuno.demo");
        try
        {
            await opp.GotoAsync($"{E}/formulacion/2026");
            var boton = opp.Locator("#confirmar-siguiente > summary");
            await boton.ClickAsync();
            await Assertions.Expect(opp.Locator("#resumen-siguiente")).ToContainTextAsync("POI 2027");
            await RevisarAsync(opp, "formulacion/2026 (confirmar formulación 2027)", "formulacion-confirmar-2027");
            await opp.Locator("#iniciar-siguiente input[name=Confirmar]").CheckAsync();
            await opp.Locator("#iniciar-siguiente button[type=submit]").ClickAsync();
            await Assertions.Expect(opp).ToHaveURLAsync(app.Direccion + $"{E}/formulacion/2027");
        }
        finally { await opp.Context.CloseAsync(); }

        var op = await app.IngresarAsync("operador@emsapuno.demo");
        try
        {
            await op.GotoAsync($"{E}/formulacion/2027/centro/01.02");
            await op.Locator("#nueva").ClickAsync();
            await RevisarAsync(op, "formulacion/2027/centro/01.02/actividad (nueva)", "formulacion-actividad-nueva");
            await op.Locator("input[name='Entrada.Codigo']").FillAsync("FP34-90");
            await op.Locator("input[name='Entrada.Nombre']").FillAsync("Capacitación del personal en gestión por procesos");
            await op.Locator("select[name='Entrada.Aei']").SelectOptionAsync(new SelectOptionValue { Index = 1 });
            await op.Locator("input[name='Entrada.UnidadMedida']").FillAsync("Taller");
            foreach (var mes in new[] { 3, 9 })
                await op.Locator($"input[name='Entrada.Fisico[{mes - 1}]']").FillAsync("1");
            await op.Locator("#meta-anual").FillAsync("2");
            await op.Locator("input[name='Entrada.Financiero[0].Generica']").FillAsync("2.3");
            await op.Locator("input[name='Entrada.Financiero[0].Montos[2]']").FillAsync("1,000.00");
            await op.Locator("input[name='Entrada.Indicador']").FillAsync("Número de trabajadores capacitados en gestión por procesos");
            await op.Locator("select[name='Entrada.TipoIndicador']").SelectOptionAsync("Proceso");
            await op.Locator("input[name='Entrada.ElementosCriticos[0]']").FillAsync("Disponibilidad del auditorio y del capacitador");
            await op.Locator("input[name='Entrada.Necesidades[0].Codigo']").FillAsync("2.3.2.7.2.1");
            await op.Locator("input[name='Entrada.Necesidades[0].Detalle']").FillAsync("Servicio de capacitación");
            await op.Locator("input[name='Entrada.Necesidades[0].Cantidad']").FillAsync("2");
            await op.Locator("input[name='Entrada.Necesidades[0].CostoUnitario']").FillAsync("742.50");
            await op.Locator("#guardar").ClickAsync();
            await Assertions.Expect(op.Locator("#aviso")).ToContainTextAsync("Se guardó la actividad FP34-90");
            await RevisarAsync(op, "formulacion/2027/centro/01.02 (guardada)", "formulacion-centro-guardada");
            await IrYRevisarAsync(op, $"{E}/formulacion/2027/centro/01.02/actividad?codigo=FP34-90", "formulacion-actividad-detalle");
            await Assertions.Expect(op.Locator("input[name='Entrada.Indicador']")).ToHaveValueAsync("Número de trabajadores capacitados en gestión por procesos");
        }
        finally { await op.Context.CloseAsync(); }
        Terminar("formulación");
    }
}
