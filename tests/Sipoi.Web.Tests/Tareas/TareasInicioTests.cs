using System.Net;
using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Tests.Infraestructura;

namespace Sipoi.Web.Tests.Tareas;

/// <summary>Each role's landing page (/, where the log-in leads) lists what it must act on now, each with its link.</summary>
public sealed class TareasInicioTests(AppDePrueba app) : IClassFixture<AppDePrueba>
{
    private sealed record Item(string Texto, string Enlace, string Plazo, string Urgencia, string Clase);

    private static async Task<List<Item>> TareasAsync(HttpClient http)
    {
        var r = await http.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var doc = Formulario.Leer(await r.Content.ReadAsStringAsync());
        var seccion = doc.GetElementById("tareas") ?? throw new InvalidOperationException("La página de inicio no tiene la sección de tareas.");
        return [.. seccion.QuerySelectorAll("li.tarea").Select(li => new Item(li.QuerySelector("a")!.TextContent, li.QuerySelector("a")!.GetAttribute("href")!,
            li.QuerySelector(".plazo")!.TextContent, li.QuerySelector(".estado")!.TextContent, li.GetAttribute("data-clase")!))];
    }

    private async Task<int> CentroAsync(string codigo)
    {
        await using var db = app.Base.Contexto();
        return await db.CentrosCosto.Where(c => c.Codigo == codigo && db.Entidades.Any(e => e.Id == c.EntidadId && e.Codigo == "EMSAPUNO")).Select(c => c.Id).SingleAsync();
    }

    [Fact]
    public async Task Operador_VeLosMesesDeSuCentroConPlazoYEnlace()
    {
        app.Reloj.Fijar(2024, 2, 5);
        var tareas = await TareasAsync(await app.OperadorDeAsync("op.tareas@emsapuno.demo", "02.01"));
        Assert.Equal(
        [
            new Item("Registrar y enviar enero de 2024 — 02.01 " + await NombreAsync("02.01"), "/e/EMSAPUNO/seguimiento/2024/1?centro=02.01",
                "Plazo: 10/02/2024", "Vence pronto", "RegistrarMes"),
            new Item("Registrar y enviar febrero de 2024 — 02.01 " + await NombreAsync("02.01"), "/e/EMSAPUNO/seguimiento/2024/2?centro=02.01",
                "Plazo: 10/03/2024", "En plazo", "RegistrarMes"),
        ], tareas);
    }

    [Fact]
    public async Task Operador_MesObservadoYVencido()
    {
        var centro = await CentroAsync("04.01");
        await using (var db = app.Base.Contexto())
        {
            var e = await db.Entidades.SingleAsync(x => x.Codigo == "EMSAPUNO");
            var poi = await db.Pois.SingleAsync(x => x.EntidadId == e.Id && x.Anio == 2024);
            var s = Seguimientos.Enviado(e, poi.Id, 2024, centro, 2);
            s.Observar("Adjunte el acta", "planificador.prueba", Seguimientos.En(2024, 3, 2));
            db.Seguimientos.Add(s);
            await db.SaveChangesAsync();
        }
        app.Reloj.Fijar(2024, 3, 5);
        var tareas = await TareasAsync(await app.OperadorDeAsync("op.observado@emsapuno.demo", "04.01"));
        Assert.Equal(["MesVencido", "CorregirObservado", "RegistrarMes"], tareas.Select(t => t.Clase));
        Assert.StartsWith("Enero de 2024 sin enviar: el plazo venció; pida la reapertura", tareas[0].Texto, StringComparison.Ordinal);
        Assert.Equal(("Vencida", "Plazo: 10/02/2024"), (tareas[0].Urgencia, tareas[0].Plazo));
        Assert.Equal(("/e/EMSAPUNO/seguimiento/2024/2?centro=04.01", "Vence pronto"), (tareas[1].Enlace, tareas[1].Urgencia));
        Assert.StartsWith("Corregir lo observado en febrero de 2024 y volver a enviar — 04.01", tareas[1].Texto, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Planificador_VeMesesPorRevisarYCentrosAtrasados()
    {
        var centro = await CentroAsync("03.01");
        await using (var db = app.Base.Contexto())
        {
            var e = await db.Entidades.SingleAsync(x => x.Codigo == "EMSAPUNO");
            var poi = await db.Pois.SingleAsync(x => x.EntidadId == e.Id && x.Anio == 2024);
            db.Seguimientos.Add(Seguimientos.Enviado(e, poi.Id, 2024, centro, 3));
            await db.SaveChangesAsync();
        }
        app.Reloj.Fijar(2024, 4, 2);
        var tareas = await TareasAsync(await app.ComoAsync(AppDePrueba.Planificador));
        var revisar = Assert.Single(tareas, t => t.Clase == "RevisarMes");
        Assert.Equal(("/e/EMSAPUNO/seguimiento/2024/3?centro=03.01", "Sin plazo"), (revisar.Enlace, revisar.Urgencia));
        Assert.StartsWith("Revisar marzo de 2024 enviado — 03.01", revisar.Texto, StringComparison.Ordinal);
        // Every centre missed January and February (the demo has no progress); overdue tasks come first.
        var atrasados = tareas.Where(t => t.Clase == "CentroAtrasado").ToList();
        Assert.Contains(atrasados, t => t.Texto.StartsWith("Centro atrasado: 03.01", StringComparison.Ordinal) && t.Texto.EndsWith("no envió enero de 2024", StringComparison.Ordinal)
            && t.Enlace == "/e/EMSAPUNO/seguimiento/2024/1?centro=03.01");
        Assert.All(tareas.TakeWhile(t => t.Clase == "CentroAtrasado"), t => Assert.Equal("Vencida", t.Urgencia));
        Assert.Equal(atrasados.Count, tareas.TakeWhile(t => t.Clase == "CentroAtrasado").Count());
        // The planner does not get an operator's "register" tasks.
        Assert.DoesNotContain(tareas, t => t.Clase == "RegistrarMes");
    }

    [Fact]
    public async Task Consulta_SinTareas_LoDice()
    {
        // A day with no calendar milestone near (Consulta acts on no month).
        app.Reloj.Fijar(2020, 6, 15);
        var http = await app.ComoAsync(AppDePrueba.Consulta);
        var texto = await Rechazo.TextoAsync(await http.GetAsync("/"));
        Assert.Contains("No tiene tareas pendientes.", texto, StringComparison.Ordinal);
        Assert.Empty(await TareasAsync(http));
    }

    [Fact]
    public async Task OtraEntidad_NoVeLasTareasDeEmsapuno()
    {
        await using (var db = app.Base.Contexto())
        {
            if (!await db.Entidades.AnyAsync(e => e.Codigo == "OTRA"))
            {
                db.Entidades.Add(new Domain.Organizacion.Entidad("OTRA", "Otra entidad"));
                await db.SaveChangesAsync();
            }
        }
        await app.CrearUsuarioAsync("planificador.tareas@otra.demo", Sipoi.Web.Seguridad.Roles.Planificador, "OTRA");
        app.Reloj.Fijar(2024, 3, 5);
        var tareas = await TareasAsync(await app.ComoAsync("planificador.tareas@otra.demo"));
        // Only its own entity's task (it has no calendar); nothing of EMSAPUNO's centres or links.
        var t = Assert.Single(tareas);
        Assert.Equal(("DefinirCalendario", "/e/OTRA/calendario/2024"), (t.Clase, t.Enlace));
    }

    [Fact]
    public async Task Formulacion_BorradorConPlazoDelCalendario()
    {
        var opp = await app.ComoAsync(AppDePrueba.Planificador);
        await using (var db = app.Base.Contexto())
        {
            var e = await db.Entidades.SingleAsync(x => x.Codigo == "EMSAPUNO");
            if (!await db.Pois.AnyAsync(p => p.Anio == 2025))
                Formulacion.Formularios.Redirige(await Formulacion.Formularios.EnviarAsync(opp, Formulacion.Formularios.Base(2025), "crear-poi", c => c["Tipo"] = "anual"));
            if (!await db.HitosCalendario.AnyAsync(h => h.EntidadId == e.Id && h.Anio == 2024))
                db.HitosCalendario.AddRange(Domain.Calendario.CronogramaEntidad.Habitual(2024, e.Configuracion)
                    .Select(d => new Domain.Calendario.HitoCalendario(e.Id, 2024, d)));
            await db.SaveChangesAsync();
        }
        app.Reloj.Fijar(2024, 4, 25);

        var propuesta = Assert.Single(await TareasAsync(await app.ComoAsync(AppDePrueba.Operador)), t => t.Clase == "PropuestaPoi");
        Assert.Equal(("/e/EMSAPUNO/formulacion/2025/centro/01.02", "Plazo: 30/04/2024", "Vence pronto"), (propuesta.Enlace, propuesta.Plazo, propuesta.Urgencia));
        Assert.StartsWith("Enviar la propuesta del POI 2025 («", propuesta.Texto, StringComparison.Ordinal);

        var tareas = await TareasAsync(opp);
        var version = Assert.Single(tareas, t => t.Clase == "AprobarVersion");
        Assert.Equal(("/e/EMSAPUNO/formulacion/2025", "Plazo: 31/12/2024"), (version.Enlace, version.Plazo));
        // Nothing proposed yet: no centre takes part in the new draft.
        Assert.EndsWith("(sin propuestas de los centros todavía)", version.Texto, StringComparison.Ordinal);
        Assert.DoesNotContain(tareas, t => t.Clase == "DefinirCalendario");

        var pagina = Formulario.Leer(await (await opp.GetAsync(Formulacion.Formularios.Base(2025))).Content.ReadAsStringAsync());
        Assert.Contains("Plazo para las propuestas de los centros: 30/04/2024", pagina.GetElementById("plazo-propuestas")!.TextContent, StringComparison.Ordinal);
    }

    private async Task<string> NombreAsync(string codigo)
    {
        await using var db = app.Base.Contexto();
        return await db.CentrosCosto.Where(c => c.Codigo == codigo && db.Entidades.Any(e => e.Id == c.EntidadId && e.Codigo == "EMSAPUNO")).Select(c => c.Nombre).SingleAsync();
    }
}
