using System.Net;
using Microsoft.EntityFrameworkCore;
using Sipoi.Domain.Organizacion;
using Sipoi.Domain.Seguimiento;
using Sipoi.Web.Seguimiento;
using Sipoi.Web.Seguridad;
using Sipoi.Web.Tests.Infraestructura;

namespace Sipoi.Web.Tests.Tareas;

/// <summary>
/// The landing page's tasks of an entity with the quarterly rhythm and the head's validation (Domain/Tareas/README.md): the quarter is
/// one task, reviewed and validated as one, linked to its last month. Its own database: the entity's settings change here.
/// </summary>
public sealed class TareasTrimestralesTests(AppDePrueba app) : IClassFixture<AppDePrueba>
{
    private sealed record Item(string Texto, string Enlace, string Plazo, string Urgencia, string Clase);

    private static async Task<List<Item>> TareasAsync(HttpClient http)
    {
        var r = await http.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var seccion = Formulario.Leer(await r.Content.ReadAsStringAsync()).GetElementById("tareas")!;
        return [.. seccion.QuerySelectorAll("li.tarea").Select(li => new Item(li.QuerySelector("a")!.TextContent, li.QuerySelector("a")!.GetAttribute("href")!,
            li.QuerySelector(".plazo")!.TextContent, li.QuerySelector(".estado")!.TextContent, li.GetAttribute("data-clase")!))];
    }

    /// <summary>Sets the entity's rhythm and head's validation, and submits the I Trimestre of the given centres through the domain's quarterly submission.</summary>
    private async Task PrepararAsync(bool jefatura, params string[] enviados)
    {
        await using var db = app.Base.Contexto();
        var e = await db.Entidades.SingleAsync(x => x.Codigo == "EMSAPUNO");
        e.Configurar(e.Configuracion with { Ritmo = RitmoReporte.Trimestral, ValidacionJefatura = jefatura, DiasCierre = 10 });
        var poi = await db.Pois.SingleAsync(x => x.EntidadId == e.Id && x.Anio == 2024);
        foreach (var codigo in enviados)
        {
            var centro = await db.CentrosCosto.SingleAsync(c => c.EntidadId == e.Id && c.Codigo == codigo);
            if (await db.Seguimientos.AnyAsync(s => s.CentroCostoId == centro.Id && s.Anio == 2024)) continue;
            var meses = Enumerable.Range(1, 3).Select(m => new MesDelTrimestre(new SeguimientoMensual(e.Id, poi.Id, 2024, centro.Id, m), [])).ToList();
            EnvioTrimestral.Enviar(new MesDelAnio(2024, 3), meses, e.Configuracion, "operador.prueba", Seguimientos.En(2024, 3, 31));
            db.Seguimientos.AddRange(meses.Select(m => m.Seguimiento));
        }
        await db.SaveChangesAsync();
    }

    private async Task<string> NombreAsync(string codigo)
    {
        await using var db = app.Base.Contexto();
        return await db.CentrosCosto.Where(c => c.Codigo == codigo && db.Entidades.Any(e => e.Id == c.EntidadId && e.Codigo == "EMSAPUNO")).Select(c => c.Nombre).SingleAsync();
    }

    [Fact]
    public async Task Trimestral_OperadorTieneElTrimestreYLaOficinaLoRevisaComoUno()
    {
        await PrepararAsync(jefatura: false, "03.01");
        app.Reloj.Fijar(2024, 4, 2);
        var tareas = await TareasAsync(await app.OperadorDeAsync("op.trimestre@emsapuno.demo", "02.01"));
        var nombre = await NombreAsync("02.01");
        Assert.Equal(
        [
            new Item($"Registrar y enviar el I trimestre de 2024 (enero a marzo) con el resumen del periodo — 02.01 {nombre}",
                "/e/EMSAPUNO/seguimiento/2024/3?centro=02.01", "Plazo: 10/04/2024", "En plazo", "RegistrarMes"),
            new Item($"Registrar abril de 2024 (se envía con el II Trimestre desde junio) — 02.01 {nombre}",
                "/e/EMSAPUNO/seguimiento/2024/4?centro=02.01", "Plazo: 10/07/2024", "En plazo", "RegistrarMes"),
        ], tareas);

        var oficina = await TareasAsync(await app.ComoAsync(AppDePrueba.Planificador));
        var revisar = Assert.Single(oficina, t => t.Clase == "RevisarMes" && t.Texto.Contains("03.01", StringComparison.Ordinal));
        Assert.Equal(($"Revisar el I trimestre de 2024 (enero a marzo) enviado — 03.01 {await NombreAsync("03.01")}", "/e/EMSAPUNO/seguimiento/2024/3?centro=03.01"),
            (revisar.Texto, revisar.Enlace));
        // The quarter closes on 10/04: on 02/04 no centre is late yet.
        Assert.DoesNotContain(oficina, t => t.Clase == "CentroAtrasado");

        // After the quarter's deadline each centre that did not submit is one late quarter, not three late months.
        app.Reloj.Fijar(2024, 4, 11);
        var atrasados = (await TareasAsync(await app.ComoAsync(AppDePrueba.Planificador))).Where(t => t.Clase == "CentroAtrasado").ToList();
        Assert.Single(atrasados, t => t.Texto.StartsWith("Centro atrasado: 02.01 ", StringComparison.Ordinal));
        Assert.DoesNotContain(atrasados, t => t.Texto.StartsWith("Centro atrasado: 03.01 ", StringComparison.Ordinal));
        Assert.All(atrasados, t => Assert.EndsWith("no envió el I trimestre de 2024 (enero a marzo)", t.Texto, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ConJefatura_ElJefeValidaElTrimestreYLaOficinaEsperaLaValidacion()
    {
        await PrepararAsync(jefatura: true, "02.02");
        var jefe = await app.CrearUsuarioAsync("gerente02@tareas.demo", Roles.Consulta);
        await using (var db = app.Base.Contexto())
        {
            var e = await db.Entidades.SingleAsync(x => x.Codigo == "EMSAPUNO");
            var gerencia = await db.CentrosCosto.SingleAsync(c => c.Codigo == "02" && c.EntidadId == e.Id);
            db.Jefaturas.Add(new JefaturaCentro(e.Id, jefe.Id, gerencia.Id));
            await db.SaveChangesAsync();
        }
        app.Reloj.Fijar(2024, 4, 3);
        var http = await app.ComoAsync("gerente02@tareas.demo");
        var validar = Assert.Single(await TareasAsync(http), t => t.Clase == "ValidarMes");
        Assert.Equal(($"Validar el I trimestre de 2024 (enero a marzo) — 02.02 {await NombreAsync("02.02")}", "/e/EMSAPUNO/seguimiento/2024/3?centro=02.02", "Sin plazo"),
            (validar.Texto, validar.Enlace, validar.Urgencia));
        // Only the centres under the gerencia it heads.
        Assert.All((await TareasAsync(http)).Where(t => t.Clase == "ValidarMes"), t => Assert.Contains("— 02.", t.Texto, StringComparison.Ordinal));
        // The planning office has nothing to review while the quarter waits for the head.
        var opp = await app.ComoAsync(AppDePrueba.Planificador);
        Assert.DoesNotContain(await TareasAsync(opp), t => t.Clase == "RevisarMes" && t.Texto.Contains("02.02", StringComparison.Ordinal));

        // The head follows the link and validates the quarter: its task goes, the office's review task comes.
        var f = await Formulario.LeerAsync(http, validar.Enlace, "validar");
        Assert.Equal(HttpStatusCode.Redirect, (await f.EnviarAsync(http)).StatusCode);
        Assert.DoesNotContain(await TareasAsync(http), t => t.Clase == "ValidarMes");
        var revisar = Assert.Single(await TareasAsync(opp), t => t.Clase == "RevisarMes");
        Assert.Equal(($"Revisar el I trimestre de 2024 (enero a marzo) validado por la jefatura — 02.02 {await NombreAsync("02.02")}",
            "/e/EMSAPUNO/seguimiento/2024/3?centro=02.02"), (revisar.Texto, revisar.Enlace));
    }
}
