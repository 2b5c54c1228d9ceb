using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Sipoi.Domain.Periodos;
using Sipoi.Domain.Seguimiento;
using Sipoi.Interop.Evaluacion;
using Sipoi.Web.Evaluacion;
using Sipoi.Web.Intercambio;
using Sipoi.Web.Tests.Infraestructura;

namespace Sipoi.Web.Tests.ImportacionExcel;

/// <summary>The upload page and `sipoi import-excel`: all or nothing, the same POI back from its own matrix, Planificador/Administrador only.</summary>
public sealed class ImportacionExcelWebTests(AppDePrueba app) : IClassFixture<AppDePrueba>
{
    private const string Entidad = "EMSAPUNO";
    private const string Url = "/e/EMSAPUNO/importar-excel";
    private const string TipoXlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [Fact]
    public async Task SubidaConErrores_MuestraCadaErrorYNoCambiaNada()
    {
        var http = await app.ComoAsync(AppDePrueba.Planificador);
        await RegistrarAvanceAsync(meses: 3);
        var malo = CambiarCelda(await MatrizAsync(http), "FP 06", 1, "abc");
        var antes = await ConteosAsync();

        var pagina = Formulario.Leer(await (await SubirAsync(http, malo, "poi-con-error.xlsx")).Content.ReadAsStringAsync());
        var errores = pagina.QuerySelectorAll("#errores li").Select(li => li.TextContent.Trim()).ToList();
        var error = Assert.Single(errores);
        Assert.Matches(@"^Hoja 'FP 06', fila \d+, columna H \(Ene\): «abc» no es un número\.$", error);
        Assert.Null(pagina.GetElementById("confirmar"));

        // A tampered confirmation is checked again and refused as well.
        var tokens = Formulario.De(Formulario.Leer(await (await http.GetAsync(Url)).Content.ReadAsStringAsync()), "revisar").Campos;
        var confirmacion = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = tokens["__RequestVerificationToken"],
            ["Anio"] = "2024",
            ["NombreArchivo"] = "x.xlsx",
            ["Contenido"] = Convert.ToBase64String(malo),
        };
        var r = await http.PostAsync(Url + "?handler=Confirmar", new FormUrlEncodedContent(confirmacion));
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Contains("no es un número", Formulario.Leer(await r.Content.ReadAsStringAsync()).GetElementById("errores")!.TextContent, StringComparison.Ordinal);

        Assert.Equal(antes, await ConteosAsync());
    }

    [Fact]
    public async Task SubidaValida_ReemplazaLaProgramacion_ConservaElAvance_YLaEvaluacionCoincide()
    {
        var http = await app.ComoAsync(AppDePrueba.Planificador);
        await RegistrarAvanceAsync(meses: 6);
        var periodos = new[] { Periodo.Anual, Periodo.Semestre(1), Periodo.Trimestre(2), Periodo.Mes(5) };
        var evaluacionAntes = await EvaluarAsync(periodos);
        var exportAntes = await ExportarAsync();
        var idsAntes = await IdsActividadesAsync();
        var matriz = await MatrizAsync(http);

        var resumen = Formulario.Leer(await (await SubirAsync(http, matriz, "matriz-poi-2024.xlsx")).Content.ReadAsStringAsync());
        Assert.Null(resumen.GetElementById("errores"));
        Assert.Contains("Se importarán 231 actividades de 25 hojas", resumen.GetElementById("resumen")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("sus 231 actividades toman las metas del libro", resumen.GetElementById("reemplazo")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("El avance registrado se conserva", resumen.GetElementById("reemplazo")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(231, resumen.QuerySelectorAll("#actividades tbody tr").Length);
        Assert.Equal(idsAntes.Order(), (await IdsActividadesAsync()).Order()); // reviewing changed nothing

        var r = await Formulario.De(resumen, "confirmar").EnviarAsync(http);
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal($"{Url}?anio=2024&importadas=231", r.Headers.Location!.OriginalString);
        var despues = Formulario.Leer(await (await http.GetAsync(r.Headers.Location)).Content.ReadAsStringAsync());
        Assert.Contains("Se importó el POI 2024: 231 actividades", despues.GetElementById("importado")!.TextContent, StringComparison.Ordinal);

        // The same activities (matched by code), their progress and approved months untouched: nothing to register again.
        Assert.Equal(idsAntes.Order(), (await IdsActividadesAsync()).Order());
        await using (var db = app.Base.Contexto())
        {
            Assert.Equal(231 * 6, await db.Avances.CountAsync(a => idsAntes.Contains(a.ActividadId)));
            var auditoria = await db.Auditoria.Where(a => a.Accion == AccionAuditada.Importacion && a.Tabla == "poi").OrderByDescending(a => a.Id).FirstAsync();
            Assert.Equal("planificador@emsapuno.demo", auditoria.Usuario);
            Assert.StartsWith("Libro de Excel «matriz-poi-2024.xlsx»: 231 actividades en 25 hojas; reemplaza la programación de 231 actividades y conserva",
                auditoria.ValorNuevo, StringComparison.Ordinal);
        }
        Assert.Equal(evaluacionAntes, await EvaluarAsync(periodos));
        Assert.Empty(Comparar.Diferencias(exportAntes, await ExportarAsync(), "exportado"));
    }

    [Fact]
    public async Task ConsultaYOperador_Reciben403_YNoVenElEnlace()
    {
        var libro = await MatrizAsync(await app.ComoAsync(AppDePrueba.Planificador));
        foreach (var usuario in new[] { AppDePrueba.Consulta, AppDePrueba.Operador })
        {
            var http = await app.ComoAsync(usuario);
            Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync(Url)).StatusCode);
            // A valid antiforgery token of that user (from the log-out form every page has), so only the role decides.
            var inicio = Formulario.Leer(await (await http.GetAsync("/e/EMSAPUNO")).Content.ReadAsStringAsync());
            Assert.DoesNotContain(inicio.QuerySelectorAll("nav a"), a => a.GetAttribute("href") == Url);
            var token = inicio.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            var antes = await ConteosAsync();

            var subida = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new StringContent("2024"), "Anio" } };
            var archivo = new ByteArrayContent(libro);
            archivo.Headers.ContentType = new MediaTypeHeaderValue(TipoXlsx);
            subida.Add(archivo, "Archivo", "poi.xlsx");
            Assert.Equal(HttpStatusCode.Forbidden, (await http.PostAsync(Url + "?handler=Revisar", subida)).StatusCode);
            var confirmar = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["Anio"] = "2024",
                ["NombreArchivo"] = "poi.xlsx",
                ["Contenido"] = Convert.ToBase64String(libro),
            });
            Assert.Equal(HttpStatusCode.Forbidden, (await http.PostAsync(Url + "?handler=Confirmar", confirmar)).StatusCode);
            Assert.Equal(antes, await ConteosAsync());
        }
        var admin = await app.ComoAsync(AppDePrueba.Administrador);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(Url)).StatusCode);
        var nav = Formulario.Leer(await (await admin.GetAsync("/e/EMSAPUNO")).Content.ReadAsStringAsync()).QuerySelectorAll("nav a");
        Assert.Contains(nav, a => a.GetAttribute("href") == Url);
    }

    [Fact]
    public async Task Cli_ImportExcel_ConErroresSaleConUno_YSinErroresReemplazaElPoi()
    {
        var carpeta = Directory.CreateTempSubdirectory("sipoi-import-excel-").FullName;
        try
        {
            var matriz = await MatrizAsync(await app.ComoAsync(AppDePrueba.Planificador));
            var malo = Path.Combine(carpeta, "malo.xlsx");
            await File.WriteAllBytesAsync(malo, CambiarCelda(matriz, "FP 34", 2, "1,5"));
            var bueno = Path.Combine(carpeta, "bueno.xlsx");
            await File.WriteAllBytesAsync(bueno, matriz);
            var antes = await ConteosAsync();

            var (codigo, salida, errores) = await CliAsync("import-excel", malo, "--entidad", Entidad, "--anio", "2024");
            Assert.Equal(1, codigo);
            Assert.Contains("No se importó nada", errores, StringComparison.Ordinal);
            Assert.Matches(@"Hoja 'FP 34', fila \d+, columna I \(Feb\): «1,5» no es un número", errores);
            Assert.Equal(antes, await ConteosAsync());

            Assert.Equal(1, (await CliAsync("import-excel", bueno, "--entidad", "NOEXISTE", "--anio", "2024")).Codigo);
            Assert.Equal(2, (await CliAsync("import-excel", bueno, "--entidad", Entidad, "--anio")).Codigo);

            (codigo, salida, errores) = await CliAsync("import-excel", bueno, "--entidad", Entidad, "--anio", "2024");
            Assert.True(codigo == 0, errores);
            Assert.Contains("Importado: entidad EMSAPUNO, POI 2024, 231 actividades de 25 hojas.", salida, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(carpeta, recursive: true);
        }
    }

    [Fact]
    public async Task CentroInactivo_UnAnioNuevoNoLeDaActividades_ElAnioQueTrabajoSeReimporta()
    {
        var matriz = await MatrizAsync(await app.ComoAsync(AppDePrueba.Planificador));
        await using var db = app.Base.Contexto();
        Assert.Equal(1, await db.Database.ExecuteSqlAsync(
            $"UPDATE centro_costo SET activo = false WHERE codigo = '01.01' AND entidad_id = (SELECT id FROM entidad WHERE codigo = {Entidad})"));
        try
        {
            var nuevo = await Sipoi.Web.ImportacionExcel.ImportacionPoiExcel.RevisarAsync(db, Entidad, 2025, new MemoryStream(matriz), CancellationToken.None);
            Assert.False(nuevo.EsValida);
            Assert.Contains(nuevo.Errores, e => e.StartsWith("Hoja 'FP 06', fila", StringComparison.Ordinal)
                && e.Contains("el centro de costo 01.01 está inactivo: no recibe actividades nuevas", StringComparison.Ordinal));
            var mismoAnio = await Sipoi.Web.ImportacionExcel.ImportacionPoiExcel.RevisarAsync(db, Entidad, 2024, new MemoryStream(matriz), CancellationToken.None);
            Assert.True(mismoAnio.EsValida, string.Join("\n", mismoAnio.Errores));
        }
        finally
        {
            await db.Database.ExecuteSqlAsync($"UPDATE centro_costo SET activo = true WHERE codigo = '01.01'");
        }
    }

    private Task<(int Codigo, string Salida, string Errores)> CliAsync(params string[] args) => app.CliAsync(args);

    private static async Task<byte[]> MatrizAsync(HttpClient http)
    {
        var r = await http.GetAsync("/e/EMSAPUNO/reportes/2024/matriz.xlsx");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        return await r.Content.ReadAsByteArrayAsync();
    }

    private static async Task<HttpResponseMessage> SubirAsync(HttpClient http, byte[] libro, string nombre)
    {
        var form = await Formulario.LeerAsync(http, Url, "revisar");
        var contenido = new MultipartFormDataContent();
        foreach (var (k, v) in form.Campos) contenido.Add(new StringContent(k == "Anio" ? "2024" : v), k);
        var archivo = new ByteArrayContent(libro);
        archivo.Headers.ContentType = new MediaTypeHeaderValue(TipoXlsx);
        contenido.Add(archivo, "Archivo", nombre);
        var r = await http.PostAsync(form.Elemento.GetAttribute("action"), contenido);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        return r;
    }

    /// <summary>The workbook with the month <paramref name="mes"/> of the first activity of a sheet typed as <paramref name="texto"/>.</summary>
    private static byte[] CambiarCelda(byte[] xlsx, string hoja, int mes, string texto)
    {
        var ms = new MemoryStream();
        ms.Write(xlsx);
        using (var doc = SpreadsheetDocument.Open(ms, true))
        {
            var wb = doc.WorkbookPart!;
            var sheet = wb.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == hoja);
            var ws = ((WorksheetPart)wb.GetPartById(sheet.Id!)).Worksheet;
            // The first activity row: the first row whose column A holds "01".
            var sst = wb.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList();
            var fila = ws.Descendants<Row>().First(r => r.Elements<Cell>().Any(c => c.CellReference!.Value!.StartsWith('A')
                && c.DataType?.Value == CellValues.SharedString && sst[int.Parse(c.CellValue!.Text, CultureInfo.InvariantCulture)] == "01"));
            // Months start at column H, each quarter followed by its subtotal.
            var columna = (char)('H' + (mes - 1) + (mes - 1) / 3);
            var celda = fila.Elements<Cell>().Single(c => c.CellReference!.Value == $"{columna}{fila.RowIndex!.Value}");
            celda.CellValue = null;
            celda.DataType = CellValues.InlineString;
            celda.InlineString = new InlineString(new Text(texto));
            ws.Save();
        }
        return ms.ToArray();
    }

    /// <summary>Rows in every table of the database: "changes nothing" means these are all equal.</summary>
    private Task<string> ConteosAsync() => Huella.ConteosAsync(app.Base.Conexion);

    private async Task<List<int>> IdsActividadesAsync()
    {
        await using var db = app.Base.Contexto();
        return await db.Actividades.Where(a => db.Pois.Any(p => p.Id == a.PoiId && p.Anio == 2024)).Select(a => a.Id).ToListAsync();
    }

    /// <summary>
    /// Progress by activity code (so it can be registered again on the replaced POI): months 1…<paramref name="meses"/>
    /// at 80 %, 110 % or 100 % of the target (set again when already there), approved for every cost centre.
    /// </summary>
    private async Task RegistrarAvanceAsync(int meses)
    {
        await using var db = app.Base.Contexto();
        var poi = await db.Pois.Include(p => p.Versiones).SingleAsync(p => p.Anio == 2024 && db.Entidades.Any(e => e.Id == p.EntidadId && e.Codigo == Entidad));
        var actividades = await db.Actividades.Include(a => a.Avances).Where(a => a.PoiId == poi.Id).ToListAsync();
        var metas = await db.Programaciones.Include(p => p.Metas).Where(p => p.PoiVersionId == poi.VersionVigente!.Id).ToDictionaryAsync(p => p.ActividadId);
        foreach (var a in actividades)
        {
            var factor = (a.Codigo.Sum(c => c) % 3) switch { 0 => 0.8m, 1 => 1.1m, _ => 1m };
            for (var mes = 1; mes <= meses; mes++) a.FijarAvance(mes, metas[a.Id].Metas.Single(m => m.Mes == mes).Fisico * factor, null);
        }
        foreach (var centro in actividades.Select(a => a.CentroCostoId).Distinct())
            for (var mes = 1; mes <= meses; mes++)
                if (!await db.Seguimientos.AnyAsync(s => s.PoiId == poi.Id && s.CentroCostoId == centro && s.Mes == mes))
                    db.Seguimientos.Add(SeguimientoMensual.AprobadoPorImportacion(poi.EntidadId, poi.Id, 2024, centro, mes, "prueba-importacion-excel", DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
    }

    private async Task<List<string>> EvaluarAsync(IEnumerable<Periodo> periodos)
    {
        await using var db = app.Base.Contexto();
        var resultado = new List<string>();
        foreach (var p in periodos)
            resultado.Add(EvaluacionJson.ComoTexto((await ConsultaEvaluacion.EvaluarAsync(db, Entidad, 2024, p))!, Entidad));
        return resultado;
    }

    /// <summary>The exchange document of the year, activities by code (the import keeps the sheets' order).</summary>
    private async Task<object> ExportarAsync()
    {
        await using var db = app.Base.Contexto();
        var doc = (await ExportadorPlan.ExportarAsync(db, Entidad, 2024))!;
        return doc with { Poi = doc.Poi with { Actividades = doc.Poi.Actividades.OrderBy(a => a.Codigo, StringComparer.Ordinal).ToList() } };
    }
}
