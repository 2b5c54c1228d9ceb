using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Sipoi.Domain.Seguimiento;
using Sipoi.Web.Intercambio;
using Sipoi.Web.Tests.Infraestructura;

namespace Sipoi.Web.Tests.ImportacionExcel;

/// <summary>
/// «Cargar ejecución histórica» on the Excel import page: an execution table loaded as approved history of POI 2024,
/// every value audited, all or nothing, an approved month with another value refused. Each test uses its own cost centre.
/// </summary>
public sealed class EjecucionHistoricaWebTests(AppDePrueba app) : IClassFixture<AppDePrueba>
{
    private const string Entidad = "EMSAPUNO";
    private const string Url = "/e/EMSAPUNO/importar-excel";
    private static readonly string[] Meses = ["Ene", "Feb", "Mar", "Abr", "May", "Jun", "Jul", "Ago", "Set", "Oct", "Nov", "Dic"];

    [Fact]
    public async Task TablaDeEjecucion_CargaLosMesesComoAprobados_YAuditaCadaValor()
    {
        var http = await app.ComoAsync(AppDePrueba.Planificador);
        var programado = await ProgramadoAsync("FP06-01", "FP06-02");
        // FP06-01's January was registered (250) but not submitted: the table's 300 replaces it, old → new in the log.
        await RegistrarAsync("FP06-01", 1, 250m);
        var libro = Libro(
            ("FP06-01", programado["FP06-01"], [300m, 310m, 0m]),
            ("FP06-02", programado["FP06-02"], [40m, null, 38.5m]));
        var ultimaAuditoria = await UltimaAuditoriaAsync();

        var pagina = await CargarAsync(http, libro, "ejecucion-2024-secretaria.xlsx");

        Assert.Null(pagina.GetElementById("errores-ejecucion"));
        Assert.Equal("Se cargó la ejecución de «ejecucion-2024-secretaria.xlsx» en el POI 2024: 5 meses de 2 actividades, aprobados.",
            pagina.GetElementById("ejecucion-cargada")!.TextContent.Trim());
        await using var db = app.Base.Contexto();
        var poi = await db.Pois.SingleAsync(p => p.Anio == 2024 && db.Entidades.Any(e => e.Id == p.EntidadId && e.Codigo == Entidad));
        var avances = await db.Actividades.Where(a => a.PoiId == poi.Id && (a.Codigo == "FP06-01" || a.Codigo == "FP06-02"))
            .SelectMany(a => a.Avances.Select(v => new { a.Codigo, v.Mes, v.EjecutadoFisico })).ToListAsync();
        Assert.Equal(
            [("FP06-01", 1, 300m), ("FP06-01", 2, 310m), ("FP06-01", 3, 0m), ("FP06-02", 1, 40m), ("FP06-02", 3, 38.5m)],
            avances.OrderBy(a => a.Codigo, StringComparer.Ordinal).ThenBy(a => a.Mes).Select(a => (a.Codigo, a.Mes, a.EjecutadoFisico!.Value)));
        var centro = await db.CentrosCosto.SingleAsync(c => c.EntidadId == poi.EntidadId && c.Codigo == "01.01");
        var estados = await db.Seguimientos.Where(s => s.PoiId == poi.Id && s.CentroCostoId == centro.Id).OrderBy(s => s.Mes)
            .Select(s => new { s.Mes, s.Estado, s.RevisadoPor }).ToListAsync();
        Assert.Equal([1, 2, 3], estados.Select(s => s.Mes));
        Assert.All(estados, s => Assert.Equal((EstadoSeguimiento.Aprobado, AppDePrueba.Planificador), (s.Estado, s.RevisadoPor)));

        // The log: the file named once, then every activity-month — the changed January old → new, the others as new rows.
        var log = await db.Auditoria.Where(a => a.Id > ultimaAuditoria).OrderBy(a => a.Id).ToListAsync();
        var resumen = Assert.Single(log, a => a.Accion == AccionAuditada.Importacion && a.Tabla == "avance_mensual");
        Assert.Equal("Ejecución histórica del libro «ejecucion-2024-secretaria.xlsx»: 5 meses de 2 actividades cargados y aprobados.", resumen.ValorNuevo);
        Assert.Equal(AppDePrueba.Planificador, resumen.Usuario);
        var cambio = Assert.Single(log, a => a.Tabla == "avance_mensual" && a.Accion == AccionAuditada.Cambio && a.Campo == "ejecutado_fisico");
        Assert.Equal(("250", "300"), (cambio.ValorAnterior, cambio.ValorNuevo));
        Assert.Equal(4, log.Count(a => a.Tabla == "avance_mensual" && a.Accion == AccionAuditada.Alta));

        // Loading the same table again changes nothing: its months are approved with those very values.
        var ultima = await UltimaAuditoriaAsync();
        var otraVez = await CargarAsync(http, libro, "ejecucion-2024-secretaria.xlsx");
        Assert.Contains("0 meses de 0 actividades, aprobados; 5 meses ya aprobados con el mismo valor quedan igual",
            otraVez.GetElementById("ejecucion-cargada")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(await db.Auditoria.Where(a => a.Id > ultima).ToListAsync(), a => a.Tabla is "avance_mensual" && a.Accion != AccionAuditada.Importacion);
    }

    [Fact]
    public async Task LibroConErrores_NoCambiaNada_YNombraHojaFilaYColumna()
    {
        var http = await app.ComoAsync(AppDePrueba.Planificador);
        var programado = await ProgramadoAsync("FP34-01");
        var libro = Libro(("FP34-01", programado["FP34-01"], [1m, null, null]), ("NOEXISTE-01", programado["FP34-01"], [1m, null, null]));
        var antes = await ConteosAsync();

        var pagina = await CargarAsync(http, libro, "con-error.xlsx");

        Assert.Null(pagina.GetElementById("ejecucion-cargada"));
        var errores = pagina.QuerySelectorAll("#errores-ejecucion li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(["Hoja 'Ejecución', fila 3, columna A (Código): «NOEXISTE-01» no es una actividad del POI 2024."], errores);
        Assert.Equal(antes, await ConteosAsync());
    }

    [Fact]
    public async Task MesAprobadoConOtroValor_RechazaLaCargaEntera_YLosNombraTodos()
    {
        var http = await app.ComoAsync(AppDePrueba.Planificador);
        var programado = await ProgramadoAsync("FP22-01", "FP22-02");
        // Centre 01.02: January approved with FP22-01 at 1; the table says 2 (and would also load FP22-02's open March).
        await RegistrarAsync("FP22-01", 1, 1m);
        await AprobarAsync("01.02", 1);
        var libro = Libro(("FP22-01", programado["FP22-01"], [2m, null, null]), ("FP22-02", programado["FP22-02"], [0m, null, 6m]));
        var antes = await ConteosAsync();

        var pagina = await CargarAsync(http, libro, "conflicto.xlsx");

        var errores = pagina.QuerySelectorAll("#errores-ejecucion li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(
        [
            "Hoja 'Ejecución', fila 2: La actividad FP22-01, enero: el libro trae 2, pero el seguimiento de enero del centro 01.02 está aprobado y tiene 1; " +
            "una carga de ejecución histórica no cambia un mes enviado o aprobado.",
            "Hoja 'Ejecución', fila 3: La actividad FP22-02, enero: el libro trae 0, pero el seguimiento de enero del centro 01.02 está aprobado y " +
            "no tiene ejecución registrada; una carga de ejecución histórica no cambia un mes enviado o aprobado.",
        ], errores);
        Assert.Equal(antes, await ConteosAsync()); // FP22-02's March (open) was not loaded either: all or nothing
    }

    [Fact]
    public async Task ConsultaYOperador_Reciben403AlCargarEjecucion()
    {
        var libro = Libro(("FP06-03", [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], [1m, null, null]));
        foreach (var usuario in new[] { AppDePrueba.Consulta, AppDePrueba.Operador })
        {
            var http = await app.ComoAsync(usuario);
            var inicio = Formulario.Leer(await (await http.GetAsync("/e/EMSAPUNO")).Content.ReadAsStringAsync());
            var token = inicio.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            var antes = await ConteosAsync();
            var subida = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new StringContent("2024"), "Anio" } };
            subida.Add(Archivo(libro), "ArchivoEjecucion", "ejecucion.xlsx");
            Assert.Equal(HttpStatusCode.Forbidden, (await http.PostAsync(Url + "?handler=CargarEjecucion", subida)).StatusCode);
            Assert.Equal(antes, await ConteosAsync());
        }
    }

    /// <summary>The published layout: Código, Actividad, then the 12 programmed months and the 12 executed ones (only the first three given).</summary>
    private static byte[] Libro(params (string Codigo, decimal[] Programado, decimal?[] Ejecutado)[] filas)
    {
        var libro = new LibroDePrueba();
        var hoja = libro.NuevaHoja("Ejecución");
        hoja.Fila("A1", ["Código", "Actividad operativa", .. Meses, .. Meses]);
        for (var i = 0; i < filas.Length; i++)
        {
            var (codigo, programado, ejecutado) = filas[i];
            hoja.Fila($"A{2 + i}", [codigo, "—", .. programado.Cast<object?>(), .. ejecutado.Cast<object?>()]);
        }
        return libro.Guardar().ToArray();
    }

    private static ByteArrayContent Archivo(byte[] libro)
    {
        var archivo = new ByteArrayContent(libro);
        archivo.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return archivo;
    }

    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> CargarAsync(HttpClient http, byte[] libro, string nombre)
    {
        var form = await Formulario.LeerAsync(http, Url, "cargar-ejecucion");
        var contenido = new MultipartFormDataContent();
        foreach (var (k, v) in form.Campos) contenido.Add(new StringContent(k == "Anio" ? "2024" : v), k);
        contenido.Add(Archivo(libro), "ArchivoEjecucion", nombre);
        var r = await http.PostAsync(form.Elemento.GetAttribute("action"), contenido);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        return Formulario.Leer(await r.Content.ReadAsStringAsync());
    }

    private async Task<Dictionary<string, decimal[]>> ProgramadoAsync(params string[] codigos)
    {
        await using var db = app.Base.Contexto();
        var doc = (await ExportadorPlan.ExportarAsync(db, Entidad, 2024))!;
        return doc.Poi.Actividades.Where(a => codigos.Contains(a.Codigo)).ToDictionary(a => a.Codigo, a => a.Programado);
    }

    private async Task RegistrarAsync(string codigo, int mes, decimal valor)
    {
        await using var db = app.Base.Contexto();
        var a = await db.Actividades.Include(x => x.Avances)
            .SingleAsync(x => x.Codigo == codigo && db.Pois.Any(p => p.Id == x.PoiId && p.Anio == 2024));
        a.FijarAvance(mes, valor, null);
        await db.SaveChangesAsync();
    }

    private async Task AprobarAsync(string centro, int mes)
    {
        await using var db = app.Base.Contexto();
        var poi = await db.Pois.SingleAsync(p => p.Anio == 2024 && db.Entidades.Any(e => e.Id == p.EntidadId && e.Codigo == Entidad));
        var c = await db.CentrosCosto.SingleAsync(x => x.EntidadId == poi.EntidadId && x.Codigo == centro);
        db.Seguimientos.Add(SeguimientoMensual.AprobadoPorImportacion(poi.EntidadId, poi.Id, 2024, c.Id, mes, "prueba-ejecucion-historica", DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
    }

    private async Task<long> UltimaAuditoriaAsync()
    {
        await using var db = app.Base.Contexto();
        return await db.Auditoria.MaxAsync(a => (long?)a.Id) ?? 0;
    }

    /// <summary>Rows in every table of the database: "changes nothing" means these are all equal.</summary>
    private Task<string> ConteosAsync() => Huella.ConteosAsync(app.Base.Conexion);
}
