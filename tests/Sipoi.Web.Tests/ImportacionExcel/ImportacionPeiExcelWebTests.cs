using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Sipoi.Domain.Estrategia;
using Sipoi.Domain.Seguimiento;
using Sipoi.Interop.ImportacionExcel;
using Sipoi.Interop.Intercambio;
using Sipoi.Interop.Reportes;
using Sipoi.Web.Tests.Infraestructura;

namespace Sipoi.Web.Tests.ImportacionExcel;

/// <summary>
/// The PEI from Excel (/e/{entidad}/pei/importar): review changes nothing, confirm saves all or nothing with its audit,
/// a second identical load is a no-op, obtained values protect baseline and targets, only the planning office may import.
/// </summary>
public sealed class ImportacionPeiExcelWebTests(AppDePrueba app) : IClassFixture<AppDePrueba>
{
    private const string Url = "/e/EMSAPUNO/pei/importar";
    private const string TipoXlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private async Task<string> PeiAsync()
    {
        await using var db = app.Base.Contexto();
        var entidad = await db.Entidades.Where(e => e.Codigo == "EMSAPUNO").Select(e => e.Id).SingleAsync();
        return await db.Peis.Where(p => p.EntidadId == entidad).OrderBy(p => p.Id).Select(p => p.Codigo).FirstAsync();
    }

    /// <summary>The entity's PEI as the page downloads it, read back by the reader.</summary>
    private static async Task<PeiDto> DescargarAsync(HttpClient http, string codigo)
    {
        var r = await http.GetAsync($"{Url}?handler=Descargar&codigo={Uri.EscapeDataString(codigo)}");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal(TipoXlsx, r.Content.Headers.ContentType!.MediaType);
        var leido = LectorPeiExcel.Leer(new MemoryStream(await r.Content.ReadAsByteArrayAsync()));
        Assert.True(leido.EsValido, string.Join("\n", leido.Errores));
        return leido.Pei!;
    }

    private static byte[] Libro(PeiDto pei)
    {
        var ms = new MemoryStream();
        PeiExcel.Escribir("EMSAPUNO S.A.", pei, ms);
        return ms.ToArray();
    }

    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> SubirAsync(HttpClient http, byte[] libro, string nombre)
    {
        var form = await Formulario.LeerAsync(http, Url, "revisar");
        var contenido = new MultipartFormDataContent();
        foreach (var (k, v) in form.Campos) contenido.Add(new StringContent(v), k);
        var archivo = new ByteArrayContent(libro);
        archivo.Headers.ContentType = new MediaTypeHeaderValue(TipoXlsx);
        contenido.Add(archivo, "Archivo", nombre);
        var r = await http.PostAsync(form.Elemento.GetAttribute("action"), contenido);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        return Formulario.Leer(await r.Content.ReadAsStringAsync());
    }

    private Task<string> HuellaAsync() => Huella.DeEntidadAsync(app.Base.Conexion, "EMSAPUNO");

    private static PeiDto CambiarOei(PeiDto pei, int i, Func<OeiDto, OeiDto> cambio) =>
        pei with { Oei = [.. pei.Oei.Select((o, j) => j == i ? cambio(o) : o)] };

    [Fact]
    public async Task PeiDescargado_SeSubeSinCambios_DiceQueNoCambiaNada()
    {
        var http = await app.ComoAsync(AppDePrueba.Planificador);
        var pei = await DescargarAsync(http, await PeiAsync());
        var antes = await HuellaAsync();

        var pagina = await SubirAsync(http, Libro(pei), "pei.xlsx");

        Assert.Null(pagina.GetElementById("errores"));
        Assert.Contains($"«pei.xlsx» no cambia nada: el PEI {pei.Codigo} ya tiene exactamente estos datos", pagina.GetElementById("sin-cambios")!.TextContent, StringComparison.Ordinal);
        Assert.Null(pagina.GetElementById("confirmar"));
        Assert.Equal(antes, await HuellaAsync());
    }

    [Fact]
    public async Task Revisar_NoCambiaNada_Confirmar_GuardaConAuditoria_YLaSegundaCargaEsNula()
    {
        var http = await app.ComoAsync(AppDePrueba.Administrador);
        var codigo = await PeiAsync();
        var pei = await DescargarAsync(http, codigo);
        var oei = pei.Oei[0];
        var nuevo = CambiarOei(pei, 0, o => o with
        {
            Enunciado = o.Enunciado + " (actualizado)",
            Indicadores = [.. o.Indicadores, new IndicadorDto { Codigo = "IND-XLS-01", Nombre = "Indicador nuevo desde Excel", Unidad = "Porcentaje",
                LogrosEsperados = new Dictionary<int, decimal> { [pei.Inicio!.Value] = 12.5m } }],
        });
        var antes = await HuellaAsync();

        var resumen = await SubirAsync(http, Libro(nuevo), "pei-nuevo.xlsx");
        Assert.Null(resumen.GetElementById("errores"));
        Assert.Contains($"Se actualizará el PEI {codigo}.", resumen.GetElementById("destino")!.TextContent, StringComparison.Ordinal);
        var filas = resumen.QuerySelectorAll("#cambios tbody tr").Select(tr => tr.TextContent).ToList();
        Assert.Contains(filas, f => f.Contains(oei.Codigo, StringComparison.Ordinal) && f.Contains("Actualizado", StringComparison.Ordinal)
            && f.Contains($"Enunciado: «{oei.Enunciado}» → «{oei.Enunciado} (actualizado)»", StringComparison.Ordinal));
        Assert.Contains(filas, f => f.Contains("IND-XLS-01", StringComparison.Ordinal) && f.Contains("Nuevo", StringComparison.Ordinal));
        Assert.Equal(antes, await HuellaAsync()); // reviewing saved nothing

        var r = await Formulario.De(resumen, "confirmar").EnviarAsync(http);
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var indice = Formulario.Leer(await (await http.GetAsync(r.Headers.Location)).Content.ReadAsStringAsync());
        Assert.Contains($"Se importó el PEI {codigo} desde «pei-nuevo.xlsx»: 1 elemento nuevo, 1 actualizado.", indice.GetElementById("aviso")!.TextContent, StringComparison.Ordinal);
        await using (var db = app.Base.Contexto())
        {
            Assert.Equal(oei.Enunciado + " (actualizado)", await db.Oeis.Where(o => o.Codigo == oei.Codigo && db.Peis.Any(p => p.Id == o.PeiId && p.Codigo == codigo)).Select(o => o.Enunciado).SingleAsync());
            var ind = await db.Indicadores.Include(i => i.Valores).SingleAsync(i => i.Codigo == "IND-XLS-01");
            Assert.Equal(12.5m, ind.LogroEsperado(pei.Inicio!.Value));
            var operacion = await db.Auditoria.Where(a => a.Accion == AccionAuditada.Importacion && a.Tabla == "pei").OrderByDescending(a => a.Id).FirstAsync();
            Assert.Equal("admin@emsapuno.demo", operacion.Usuario);
            Assert.Equal($"Libro de Excel «pei-nuevo.xlsx»: PEI {codigo}, OEI, AEI e indicadores: 1 nuevo, 1 actualizado, {filas.Count - 2} sin cambios.", operacion.ValorNuevo);
            Assert.True(await db.Auditoria.AnyAsync(a => a.Tabla == "oei" && a.ValorAnterior == oei.Enunciado && a.ValorNuevo == oei.Enunciado + " (actualizado)"));
        }

        var despues = await HuellaAsync();
        var otraVez = await SubirAsync(http, Libro(nuevo), "pei-nuevo.xlsx");
        Assert.NotNull(otraVez.GetElementById("sin-cambios"));
        Assert.Null(otraVez.GetElementById("confirmar"));
        Assert.Equal(despues, await HuellaAsync());
    }

    [Fact]
    public async Task LogroDeUnAnioConValorObtenido_SeRechaza_YNadaCambia()
    {
        var http = await app.ComoAsync(AppDePrueba.Planificador);
        var codigo = await PeiAsync();
        string indicador;
        int anio;
        await using (var db = app.Base.Contexto())
        {
            var pei = await db.Peis.Include(p => p.Oeis).ThenInclude(o => o.Indicadores).ThenInclude(i => i.Valores)
                .Include(p => p.Oeis).ThenInclude(o => o.Aeis).ThenInclude(a => a.Indicadores).ThenInclude(i => i.Valores)
                .AsSplitQuery().SingleAsync(p => p.Codigo == codigo);
            // The first expected value of the horizon (indicator by code, then year); it gets an obtained value if it has none.
            (var ind, anio) = pei.TodosLosIndicadores().OrderBy(i => i.Codigo, StringComparer.Ordinal)
                .SelectMany(i => i.Valores.Where(v => v.Periodo == PeriodoIndicador.Anual && v.LogroEsperado is not null && pei.Cubre(v.Anio))
                    .OrderBy(v => v.Anio).Select(v => (i, v.Anio)))
                .First();
            if (ind.ValorObtenido(anio) is null)
            {
                ind.RegistrarValorObtenido(anio, PeriodoIndicador.Anual, 1);
                await db.SaveChangesAsync();
            }
            indicador = ind.Codigo;
        }
        var dto = await DescargarAsync(http, codigo);
        IndicadorDto Cambiar(IndicadorDto i) => i.Codigo != indicador ? i
            : i with { LogrosEsperados = new Dictionary<int, decimal>(i.LogrosEsperados) { [anio] = i.LogrosEsperados[anio] + 7 } };
        var cambiado = dto with
        {
            Oei = [.. dto.Oei.Select(o => o with
            {
                Enunciado = o.Enunciado + " (cambio que no debe guardarse)",
                Indicadores = [.. o.Indicadores.Select(Cambiar)],
                Aei = [.. o.Aei.Select(a => a with { Indicadores = [.. a.Indicadores.Select(Cambiar)] })],
            })],
        };
        var antes = await HuellaAsync();

        var pagina = await SubirAsync(http, Libro(cambiado), "pei.xlsx");

        var errores = pagina.QuerySelectorAll("#errores li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Contains(errores, e => e.StartsWith($"Indicador {indicador}, logro esperado {anio}: no se cambia por importación", StringComparison.Ordinal)
            && e.EndsWith("porque el año ya tiene un valor obtenido registrado.", StringComparison.Ordinal));
        Assert.Null(pagina.GetElementById("confirmar"));

        // A forged confirmation of the same workbook is checked again: all or nothing, the OEI statements are not saved either.
        var tokens = Formulario.De(Formulario.Leer(await (await http.GetAsync(Url)).Content.ReadAsStringAsync()), "revisar").Campos;
        var r = await http.PostAsync(Url + "?handler=Confirmar", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = tokens["__RequestVerificationToken"],
            ["NombreArchivo"] = "pei.xlsx",
            ["Contenido"] = Convert.ToBase64String(Libro(cambiado)),
        }));
        await Rechazo.EnRespuestaAsync(r, HttpStatusCode.OK, "porque el año ya tiene un valor obtenido registrado.");
        Assert.Equal(antes, await HuellaAsync());
    }

    [Fact]
    public async Task PeiDeOtroHorizonte_SeCreaNuevo_ConSusObjetivos()
    {
        var http = await app.ComoAsync(AppDePrueba.Planificador);
        var pei = new PeiDto
        {
            Codigo = "PEI-2031-2034",
            Inicio = 2031,
            Fin = 2034,
            Nombre = "PEI futuro",
            Oei = [new OeiDto { Codigo = "OEI.01", Enunciado = "Objetivo futuro", Prioridad = 1,
                Aei = [new AeiDto { Codigo = "AEI.01.01", Enunciado = "Acción futura", Prioridad = 1, Responsable = "Gerencia General" }] }],
        };
        var resumen = await SubirAsync(http, Libro(pei), "futuro.xlsx");
        Assert.Contains("Se creará el PEI PEI-2031-2034", resumen.GetElementById("destino")!.TextContent, StringComparison.Ordinal);
        var r = await Formulario.De(resumen, "confirmar").EnviarAsync(http);
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        await using var db = app.Base.Contexto();
        var guardado = await db.Peis.Include(p => p.Oeis).ThenInclude(o => o.Aeis).SingleAsync(p => p.Codigo == "PEI-2031-2034");
        Assert.Equal((2031, 2034, "Gerencia General"), (guardado.Inicio, guardado.Fin, guardado.Oeis.Single().Aeis.Single().Responsable));
    }

    [Fact]
    public async Task ErroresDelLibro_SeListanTodos_YNadaCambia()
    {
        var http = await app.ComoAsync(AppDePrueba.Planificador);
        var pei = await DescargarAsync(http, await PeiAsync());
        var malo = CambiarOei(pei, 0, o => o with
        {
            Indicadores = [.. o.Indicadores, new IndicadorDto { Codigo = "IND-XLS-99", Nombre = "Con centro inexistente", CentroCostoResponsable = "99.99.99" }],
        });
        var antes = await HuellaAsync();
        var pagina = await SubirAsync(http, Libro(malo), "malo.xlsx");
        Assert.Contains("Indicador IND-XLS-99: el centro de costo responsable 99.99.99 no existe en la entidad.",
            pagina.GetElementById("errores")!.TextContent, StringComparison.Ordinal);
        Assert.Null(pagina.GetElementById("confirmar"));
        Assert.Equal(antes, await HuellaAsync());
    }

    [Fact]
    public async Task ConsultaYOperador_Reciben403_YOtraEntidadNoSeAbre()
    {
        foreach (var usuario in new[] { AppDePrueba.Consulta, AppDePrueba.Operador })
        {
            var http = await app.ComoAsync(usuario);
            Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync(Url)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync(Url + "?handler=Plantilla")).StatusCode);
        }
        var planificador = await app.ComoAsync(AppDePrueba.Planificador);
        Assert.True((await planificador.GetAsync("/e/OTRA-ENTIDAD/pei/importar")).StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden);
        var plantilla = await planificador.GetAsync(Url + "?handler=Plantilla&inicio=2026&fin=2030");
        Assert.Equal(HttpStatusCode.OK, plantilla.StatusCode);
        Assert.Equal("plantilla-pei-2026-2030.xlsx", plantilla.Content.Headers.ContentDisposition!.FileNameStar ?? plantilla.Content.Headers.ContentDisposition.FileName);
    }
}
