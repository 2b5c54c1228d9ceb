using System.Net;
using System.Net.Http.Headers;
using Sipoi.Interop.Intercambio;
using Sipoi.Web.Intercambio;
using Sipoi.Web.Tests.Infraestructura;

namespace Sipoi.Web.Tests.ImportacionExcel;

/// <summary>
/// The matrix SIPOI downloads (by ficha and by cost centre) imported as the next year's POI into a year without POI:
/// every activity comes back with its code, name, unit, AEI, centre, ficha, group and monthly targets.
/// Its own app (database): the year 2025 it creates must not reach the other import tests.
/// </summary>
public sealed class MatrizIdaYVueltaWebTests(AppDePrueba app) : IClassFixture<AppDePrueba>
{
    private const string Entidad = "EMSAPUNO";
    private const string Url = "/e/EMSAPUNO/importar-excel";

    [Fact]
    public async Task MatrizDelPoi_ImportadaComoAnioSiguiente_DevuelveCadaActividad()
    {
        var http = await app.ComoAsync(AppDePrueba.Planificador);
        var porFicha = await DescargarAsync(http, "matriz.xlsx");
        var porCentro = await DescargarAsync(http, "matriz-centros.xlsx");
        var anterior = await ActividadesAsync(2024);
        Assert.Equal(231, anterior.Count);
        Assert.Contains(anterior, a => a.Grupo == "I. Actividades de Gestión Presupuestal");
        Assert.Null(await ActividadesONullAsync(2025)); // a fresh year

        // By cost centre: reviewed only (nothing changes), every activity read as it was.
        await using (var db = app.Base.Contexto())
        {
            var revision = await Sipoi.Web.ImportacionExcel.ImportacionPoiExcel.RevisarAsync(db, Entidad, 2025, new MemoryStream(porCentro),
                CancellationToken.None, comoAnioSiguiente: true);
            Assert.True(revision.EsValida, string.Join("\n", revision.Errores));
            Assert.Equal(2025, revision.Lectura!.Poi!.Anio);
            Iguales(anterior, revision.Lectura.Poi.Actividades);
        }
        Assert.Null(await ActividadesONullAsync(2025));

        // By ficha, through the page: "del año anterior: importarlo como año siguiente".
        var form = await Formulario.LeerAsync(http, Url, "revisar");
        Assert.Equal("false", form.Campos["ComoAnioSiguiente"]); // the same year unless the office says otherwise
        var contenido = new MultipartFormDataContent();
        foreach (var (k, v) in form.Campos)
            contenido.Add(new StringContent(k switch { "Anio" => "2025", "ComoAnioSiguiente" => "true", _ => v }), k);
        var archivo = new ByteArrayContent(porFicha);
        archivo.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        contenido.Add(archivo, "Archivo", "POI-2024-EMSAPUNO-matriz.xlsx");
        var resumen = Formulario.Leer(await (await http.PostAsync(form.Elemento.GetAttribute("action"), contenido)).Content.ReadAsStringAsync());
        Assert.Null(resumen.GetElementById("errores"));
        Assert.Contains("para el POI 2025 (libro del 2024, como año siguiente)", resumen.GetElementById("resumen")!.TextContent, StringComparison.Ordinal);
        var r = await Formulario.De(resumen, "confirmar").EnviarAsync(http);
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal($"{Url}?anio=2025&importadas=231", r.Headers.Location!.OriginalString);
        Iguales(anterior, (await ActividadesONullAsync(2025))!);

        // The CLI's option: the by-centre workbook as next year again, onto the year just created (matched by code).
        var ruta = Path.Combine(Directory.CreateTempSubdirectory("sipoi-matriz-").FullName, "matriz-centros.xlsx");
        await File.WriteAllBytesAsync(ruta, porCentro);
        try
        {
            Assert.Equal(1, (await CliAsync("import-excel", ruta, "--entidad", Entidad, "--anio", "2025")).Codigo); // sheets say 2024
            var (codigo, salida, errores) = await CliAsync("import-excel", ruta, "--entidad", Entidad, "--anio", "2025", "--como-anio-siguiente");
            Assert.True(codigo == 0, errores);
            Assert.Contains("Importado: entidad EMSAPUNO, POI 2025, 231 actividades", salida, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(ruta)!, recursive: true);
        }
        Iguales(anterior, (await ActividadesONullAsync(2025))!);
    }

    /// <summary>Activity by activity: code, number, name, unit, responsible, AEI, centre, ficha, group, behaviour, monthly targets.</summary>
    private static void Iguales(IReadOnlyList<ActividadDto> esperadas, IReadOnlyList<ActividadDto> leidas)
    {
        Assert.Equal(esperadas.Count, leidas.Count);
        var porCodigo = leidas.ToDictionary(a => a.Codigo, StringComparer.Ordinal);
        foreach (var e in esperadas)
        {
            Assert.True(porCodigo.TryGetValue(e.Codigo, out var l), $"falta {e.Codigo}");
            Assert.Equal((e.Codigo, e.Numero, e.Nombre, e.UnidadMedida, e.Responsable, e.Aei, e.CentroCosto, e.Ficha, e.Grupo, e.Comportamiento),
                (l.Codigo, l.Numero, l.Nombre, l.UnidadMedida, l.Responsable, l.Aei, l.CentroCosto, l.Ficha, l.Grupo, l.Comportamiento));
            Assert.Equal(e.Programado, l.Programado);
        }
    }

    private async Task<IReadOnlyList<ActividadDto>> ActividadesAsync(int anio) => (await ActividadesONullAsync(anio))!;

    private async Task<IReadOnlyList<ActividadDto>?> ActividadesONullAsync(int anio)
    {
        await using var db = app.Base.Contexto();
        return (await ExportadorPlan.ExportarAsync(db, Entidad, anio))?.Poi.Actividades;
    }

    private static async Task<byte[]> DescargarAsync(HttpClient http, string archivo)
    {
        var r = await http.GetAsync($"/e/EMSAPUNO/reportes/2024/{archivo}");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        return await r.Content.ReadAsByteArrayAsync();
    }

    private Task<(int Codigo, string Salida, string Errores)> CliAsync(params string[] args) => app.CliAsync(args);
}
