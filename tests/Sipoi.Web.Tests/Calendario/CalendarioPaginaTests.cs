using System.Net;
using Microsoft.EntityFrameworkCore;
using Sipoi.Domain.Calendario;
using Sipoi.Web.Tests.Formulacion;
using Sipoi.Web.Tests.Infraestructura;

namespace Sipoi.Web.Tests.Calendario;

/// <summary>The entity's calendar page: the planning office edits it all or nothing, everyone reads it.</summary>
public sealed class CalendarioPaginaTests(AppDePrueba app) : IClassFixture<AppDePrueba>
{
    private const string Url = "/e/EMSAPUNO/calendario/2024";

    private async Task<List<HitoCalendario>> HitosAsync(int anio = 2024)
    {
        await using var db = app.Base.Contexto();
        return await db.HitosCalendario.AsNoTracking().Where(h => h.Anio == anio).OrderBy(h => h.Id).ToListAsync();
    }

    private async Task GenerarAsync(HttpClient http, string url = Url)
    {
        var f = await Formulario.LeerAsync(http, url, "generar");
        var r = await f.EnviarAsync(http);
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
    }

    [Fact]
    public async Task Planificador_GeneraElCalendarioHabitualUnaSolaVez()
    {
        var http = await app.ComoAsync(AppDePrueba.Planificador);
        await GenerarAsync(http, "/e/EMSAPUNO/calendario/2026");
        var hitos = await HitosAsync(2026);
        Assert.Equal(12, hitos.Count);
        Assert.Contains(hitos, h => h.Nombre == "Formulación POI 2027: propuesta de los centros" && h.Fecha == new DateOnly(2026, 4, 30));
        // The quarter's registration closes as the monitoring rule says (10 days after March, the demo's setting).
        Assert.Equal(new DateOnly(2026, 4, 10), hitos.Single(h => h.Nombre == "Registro de avances I Trimestre").Fecha);

        await GenerarAsync(http, "/e/EMSAPUNO/calendario/2026");
        Assert.Equal(12, (await HitosAsync(2026)).Count);
        var pagina = await (await http.GetAsync("/e/EMSAPUNO/calendario/2026")).Content.ReadAsStringAsync();
        Assert.Contains("El calendario 2026 ya tiene todos los hitos habituales.", Formulario.Leer(pagina).Body!.TextContent, StringComparison.Ordinal);

        await using var db = app.Base.Contexto();
        var altas = await db.Auditoria.Where(a => a.Tabla == "hito_calendario" && a.Accion == Domain.Seguimiento.AccionAuditada.Alta)
            .Select(a => a.Clave).ToListAsync();
        Assert.All(hitos, h => Assert.Single(altas, c => c.Split(' ')[0] == h.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task Planificador_GuardaTodasLasFilasONinguna()
    {
        var http = await app.ComoAsync(AppDePrueba.Planificador);
        await GenerarAsync(http);
        var antes = await HitosAsync();
        var f = await Formulario.LeerAsync(http, Url, "hitos");
        var i = Indice(f, "Evaluación I Semestre");
        f.Campos[$"Filas[{i}].Fecha"] = "15/08/2024";          // a good change …
        var j = Indice(f, "Evaluación I Trimestre");
        f.Campos[$"Filas[{j}].Fecha"] = "31/02/2024";          // … and a bad one
        var nueva = f.Campos.Count(c => c.Key.EndsWith(".Id", StringComparison.Ordinal)) - 3;
        f.Campos[$"Filas[{nueva}].Nombre"] = "Evaluación I Semestre";
        f.Campos[$"Filas[{nueva}].Tipo"] = "otro";
        f.Campos[$"Filas[{nueva}].Fecha"] = "01/09/2024";
        var r = await f.EnviarAsync(http);
        var texto = await Rechazo.EnRespuestaAsync(r, HttpStatusCode.OK, $"Fila {j + 1} («Evaluación I Trimestre»): la fecha «31/02/2024» no es una fecha válida (use dd/mm/aaaa).");
        Assert.Contains($"Fila {nueva + 1} («Evaluación I Semestre»): el nombre se repite en la fila {i + 1}.", texto, StringComparison.Ordinal);
        Assert.Contains("No se guardó el calendario", texto, StringComparison.Ordinal);
        // Nothing saved, not even the good row.
        Assert.Equal(antes.Select(h => (h.Id, h.Fecha)), (await HitosAsync()).Select(h => (h.Id, h.Fecha)));
        // The form comes back with what was typed, the message beside the cell.
        var vuelta = Formulario.De(Formulario.Leer(await r.Content.ReadAsStringAsync()), "hitos");
        Assert.Equal("31/02/2024", vuelta.Campos[$"Filas[{j}].Fecha"]);
    }

    [Fact]
    public async Task Planificador_CambiaAgregaYQuitaConAuditoria()
    {
        var http = await app.ComoAsync(AppDePrueba.Planificador);
        await GenerarAsync(http, "/e/EMSAPUNO/calendario/2025");
        var url = "/e/EMSAPUNO/calendario/2025";
        var f = await Formulario.LeerAsync(http, url, "hitos");
        var i = Indice(f, "Evaluación III Trimestre");
        f.Campos[$"Filas[{i}].Fecha"] = "2025-11-14";
        var q = Indice(f, "Formulación POI 2026: consistencia con el presupuesto");
        f.Campos[$"Filas[{q}].Quitar"] = "true";
        var nueva = f.Campos.Count(c => c.Key.EndsWith(".Id", StringComparison.Ordinal)) - 3;
        f.Campos[$"Filas[{nueva}].Nombre"] = "Evaluación II Semestre";
        f.Campos[$"Filas[{nueva}].Tipo"] = "evaluacion";
        f.Campos[$"Filas[{nueva}].Referencia"] = "s2";
        f.Campos[$"Filas[{nueva}].Fecha"] = "30/01/2026";
        var r = await f.EnviarAsync(http);
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var hitos = await HitosAsync(2025);
        Assert.Equal(new DateOnly(2025, 11, 14), hitos.Single(h => h.Nombre == "Evaluación III Trimestre").Fecha);
        Assert.DoesNotContain(hitos, h => h.Nombre.Contains("consistencia", StringComparison.Ordinal));
        Assert.Equal(("S2", TipoHito.Evaluacion), hitos.Where(h => h.Nombre == "Evaluación II Semestre").Select(h => (h.Referencia!, h.Tipo)).Single());

        await using var db = app.Base.Contexto();
        var cambio = await db.Auditoria.SingleAsync(a => a.Tabla == "hito_calendario" && a.Campo == "fecha" && a.ValorNuevo == "2025-11-14");
        Assert.Equal(("2025-10-31", "planificador@emsapuno.demo"), (cambio.ValorAnterior, cambio.Usuario));
        Assert.True(await db.Auditoria.AnyAsync(a => a.Tabla == "hito_calendario" && a.Accion == Domain.Seguimiento.AccionAuditada.Baja
            && a.ValorAnterior!.Contains("consistencia")));
    }

    [Fact]
    public async Task OtrosRoles_LeenSinEditar()
    {
        var planificador = await app.ComoAsync(AppDePrueba.Planificador);
        await GenerarAsync(planificador, "/e/EMSAPUNO/calendario/2023");
        foreach (var correo in new[] { AppDePrueba.Operador, AppDePrueba.Consulta, AppDePrueba.Administrador })
        {
            var http = await app.ComoAsync(correo);
            var r = await http.GetAsync("/e/EMSAPUNO/calendario/2023");
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            var doc = Formulario.Leer(await r.Content.ReadAsStringAsync());
            Assert.Null(doc.GetElementById("hitos"));
            Assert.Contains("Evaluación I Semestre", doc.GetElementById("calendario")!.TextContent, StringComparison.Ordinal);
            var token = await Formularios.TokenAsync(http, "/e/EMSAPUNO/calendario/2023");
            Assert.Equal(HttpStatusCode.Forbidden, (await http.PostAsync("/e/EMSAPUNO/calendario/2023", token)).StatusCode);
            token = await Formularios.TokenAsync(http, "/e/EMSAPUNO/calendario/2023");
            Assert.Equal(HttpStatusCode.Forbidden, (await http.PostAsync("/e/EMSAPUNO/calendario/2023?handler=Generar", token)).StatusCode);
        }
        var sinCalendario = await (await app.ComoAsync(AppDePrueba.Consulta)).GetAsync("/e/EMSAPUNO/calendario/2030");
        Assert.Contains("La Oficina de Planeamiento aún no definió el calendario 2030.", await Rechazo.TextoAsync(sinCalendario), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OtraEntidad_NoLeeNiEscribe()
    {
        await using (var db = app.Base.Contexto())
        {
            if (!await db.Entidades.AnyAsync(e => e.Codigo == "OTRA"))
            {
                db.Entidades.Add(new Domain.Organizacion.Entidad("OTRA", "Otra entidad"));
                await db.SaveChangesAsync();
            }
        }
        await app.CrearUsuarioAsync("planificador@otra.demo", Sipoi.Web.Seguridad.Roles.Planificador, "OTRA");
        var http = await app.ComoAsync("planificador@otra.demo");
        var antes = (await HitosAsync(2024)).Count;
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync(Url)).StatusCode);
        var token = await Formularios.TokenAsync(http, "/e/OTRA/calendario/2024");
        Assert.Equal(HttpStatusCode.Forbidden, (await http.PostAsync(Url + "?handler=Generar", token)).StatusCode);
        Assert.Equal(antes, (await HitosAsync(2024)).Count);
    }

    private static int Indice(Formulario f, string nombre) =>
        int.Parse(f.Campos.Single(c => c.Key.EndsWith(".Nombre", StringComparison.Ordinal) && c.Value == nombre).Key.Split('[', ']')[1],
            System.Globalization.CultureInfo.InvariantCulture);
}
