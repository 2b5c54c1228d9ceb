using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Sipoi.Web.ImportacionExcel;
using Sipoi.Web.Tests.Infraestructura;
using Xunit.Abstractions;

namespace Sipoi.Web.Tests.ImportacionExcel;

/// <summary>
/// Damaged and hostile workbooks through the real Excel import into PostgreSQL (issue 11 items 6 and 10): no
/// exception, no 500, a Spanish message, and the database exactly as it was (a fingerprint of every table's rows)
/// whenever the import refuses. Seeded (SIPOI_SEMILLA), iteration- and time-bounded.
/// </summary>
public sealed class FuzzImportacionExcelTests(AppDePrueba app, ITestOutputHelper salida) : IClassFixture<AppDePrueba>
{
    private const string Url = "/e/EMSAPUNO/importar-excel";

    private static int Semilla() => int.TryParse(Environment.GetEnvironmentVariable("SIPOI_SEMILLA"), out var s) ? s : 20261206;

    private Task<string> HuellaAsync() => Huella.DeBaseAsync(app.Base.Conexion);

    private static string Diferencia(string antes, string despues) =>
        string.Join("; ", despues.Split('\n').Except(antes.Split('\n')));

    [Fact]
    public async Task LibrosMutados_PorLaImportacionReal_NoLanzan_YAlRechazarNoCambianNada()
    {
        var http = await app.ComoAsync(AppDePrueba.Planificador);
        var r = await http.GetAsync("/e/EMSAPUNO/reportes/2024/matriz.xlsx");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var matriz = await r.Content.ReadAsByteArrayAsync();

        var semilla = Semilla();
        salida.WriteLine($"semilla {semilla} (SIPOI_SEMILLA={semilla} reproduce esta corrida)");
        var huella = await HuellaAsync();
        var reloj = Stopwatch.StartNew();
        var (rechazados, importados, i) = (0, 0, 0);
        // Every kind of damage once, then random kinds while the sample's time lasts.
        for (; i < MutadorXlsx.Tipos || (i < 30 && reloj.Elapsed < TimeSpan.FromSeconds(15)); i++)
        {
            var azar = new Random(HashCode.Combine(semilla, i));
            var (descripcion, archivo) = MutadorXlsx.Mutar(matriz, azar, i < MutadorXlsx.Tipos ? i : azar.Next(MutadorXlsx.Tipos));
            var caso = $"semilla {semilla}, iteración {i}: {descripcion}";
            RevisionPoiExcel revision;
            Sipoi.Web.Intercambio.ResultadoImportacion? importacion;
            await using (var db = app.Base.Contexto())
            {
                try
                {
                    (revision, importacion) = await ImportacionPoiExcel.ImportarAsync(db, "EMSAPUNO", 2024, new MemoryStream(archivo), "fuzz.xlsx", CancellationToken.None);
                }
                catch (Exception e)
                {
                    Assert.Fail($"{caso}: excepción sin manejar {e.GetType().Name}: {e.Message}\n{e.StackTrace}");
                    throw;
                }
            }
            var despues = await HuellaAsync();
            if (importacion is { Exito: true })
            {
                // The damage left a valid POI (a flipped byte in a style, a hidden sheet): it was imported as any valid file is.
                importados++;
                huella = despues;
                continue;
            }
            rechazados++;
            var errores = importacion?.Errores ?? revision.Errores;
            Assert.True(errores.Count > 0, $"{caso}: rechazado sin mensaje");
            Assert.All(errores, e => Assert.DoesNotContain("Exception", e, StringComparison.Ordinal));
            Assert.True(huella == despues, $"{caso}: el rechazo cambió la base de datos: {Diferencia(huella, despues)}");
        }
        salida.WriteLine($"{i} libros mutados importados en {reloj.Elapsed.TotalSeconds:N1} s: {rechazados} rechazados sin cambiar nada, {importados} aún válidos e importados");
    }

    [Fact]
    public async Task Bombas_PorLaPaginaYLaConfirmacion_MensajeClaro_SinCambios()
    {
        var http = await app.ComoAsync(AppDePrueba.Planificador);
        var huella = await HuellaAsync();
        var casos = new (string Nombre, byte[] Archivo, string Mensaje)[]
        {
            ("bomba.xlsx", XlsxCrudo.BombaDeCeldas(5_000_000), "descomprimida supera 30 MB, el máximo por parte; no se leyó nada."),
            ("mentira.xlsx", XlsxCrudo.CabeceraMentirosa(40 * 1024 * 1024, 1000), "declara 1,000 bytes pero al descomprimirla ocupa más"),
            ("textos.xlsx", XlsxCrudo.BombaDeTextos(3_000_000), "La parte «xl/sharedStrings.xml» del archivo descomprimida supera 30 MB"),
        };
        foreach (var (nombre, archivo, mensaje) in casos)
        {
            Assert.True(archivo.Length < 1024 * 1024, nombre);
            var form = await Formulario.LeerAsync(http, Url, "revisar");
            using var subida = new MultipartFormDataContent();
            foreach (var (k, v) in form.Campos) subida.Add(new StringContent(k == "Anio" ? "2024" : v), k);
            var parte = new ByteArrayContent(archivo);
            parte.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            subida.Add(parte, "Archivo", nombre);
            var r = await http.PostAsync(form.Elemento.GetAttribute("action"), subida);
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            Assert.Contains(mensaje, Formulario.Leer(await r.Content.ReadAsStringAsync()).GetElementById("errores")!.TextContent, StringComparison.Ordinal);

            // The confirmation carries the file itself: posted directly, it is checked again and refused the same way.
            var confirmacion = new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = form.Campos["__RequestVerificationToken"],
                ["Anio"] = "2024",
                ["NombreArchivo"] = nombre,
                ["Contenido"] = Convert.ToBase64String(archivo),
            };
            r = await http.PostAsync(Url + "?handler=Confirmar", new FormUrlEncodedContent(confirmacion));
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            Assert.Contains(mensaje, Formulario.Leer(await r.Content.ReadAsStringAsync()).GetElementById("errores")!.TextContent, StringComparison.Ordinal);
            Assert.Equal(huella, await HuellaAsync());
        }
    }
}
