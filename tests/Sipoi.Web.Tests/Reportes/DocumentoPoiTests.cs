using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Sipoi.Interop.Reportes;
using Sipoi.Web.Cli;
using Sipoi.Web.Reportes;
using Sipoi.Web.Tests.Infraestructura;
using Sipoi.Web.Tests.Planes;

namespace Sipoi.Web.Tests.Reportes;

/// <summary>The POI document of the demo entity, downloaded from the reports page and written by `sipoi reporte --tipo poi`.</summary>
public sealed class DocumentoPoiTests(AppDePrueba app) : IClassFixture<AppDePrueba>, IDisposable
{
    private readonly string _carpeta = Directory.CreateTempSubdirectory("sipoi-documento-poi-").FullName;

    public void Dispose() => Directory.Delete(_carpeta, recursive: true);

    private async Task<byte[]> DesdeLaPaginaAsync(string usuario)
    {
        var http = await app.ComoAsync(usuario);
        var pagina = await Paginas.LeerAsync(http, "/e/EMSAPUNO/reportes/2024");
        var accion = pagina.QuerySelector("#documento-poi form")!.GetAttribute("action")!;
        Assert.Equal("/e/EMSAPUNO/reportes/2024/poi.docx", accion);
        var r = await http.GetAsync(accion);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal(SolicitudReporte.MimeDocx, r.Content.Headers.ContentType?.MediaType);
        Assert.Equal("POI-2024-EMSAPUNO-poi.docx", r.Content.Headers.ContentDisposition?.FileNameStar ?? r.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        return await r.Content.ReadAsByteArrayAsync();
    }

    [Fact]
    public async Task DocumentoPoi_SeDescargaDeLaPaginaConLasCifrasDeLaBase()
    {
        var bytes = await DesdeLaPaginaAsync(AppDePrueba.Planificador);
        using var d = new Docx(s => s.Write(bytes), "web-documento-poi.docx");
        Assert.Empty(d.Errores());
        Assert.Equal(DocumentoPoiWord.Secciones, d.Encabezados.Where(h => h.Nivel == 1).Select(h => h.Texto).ToList());

        await using var db = app.Base.Contexto();
        var datos = (await DatosReporte.CargarAsync(db, "EMSAPUNO", 2024, default))!;
        var oeis = await db.Oeis.Where(o => o.PeiId == datos.Evaluacion.PeiId).Select(o => o.Id).ToListAsync();
        var aeis = await db.Aeis.Where(a => oeis.Contains(a.OeiId)).Select(a => a.Id).ToListAsync();
        var indicadores = await db.Indicadores.CountAsync(i => (i.OeiId != null && oeis.Contains(i.OeiId.Value)) || (i.AeiId != null && aeis.Contains(i.AeiId.Value)));
        Assert.True(indicadores > 0);
        var estrategica = d.TablaTras("Acciones estratégicas institucionales e indicadores").Skip(1).ToList();
        Assert.Equal(indicadores, estrategica.Count(f => f[2].Length > 0));

        var presupuesto = await ConstructorReportes.PresupuestoAsync(db, datos, default);
        var ingresos = d.TablaTras("Presupuesto de ingresos año 2024");
        Assert.Equal(["TOTAL INGRESOS", Sipoi.Web.Presentacion.Formato.Numero2(presupuesto.Ingresos.Sum(l => l.Monto)), "100.00 %"], ingresos[^1]);
        Assert.Equal(presupuesto.Ingresos.Count + 2, ingresos.Count);

        var matriz = await ConstructorReportes.MatrizAsync(db, datos, null, default);
        var fichas = matriz.Hojas.Where(h => h.FichaProceso is not null).ToList();
        Assert.NotEmpty(fichas);
        Assert.Equal(fichas.Select(h => h.Codigo), d.TablaTras("Fichas de proceso").Skip(1).Select(f => f[0]));
        Assert.Equal(matriz.Hojas.Count, d.Encabezados.Count(h => h.Nivel == 2 && h.Texto.StartsWith("Anexo", StringComparison.Ordinal)));
        Assert.Equal(matriz.Hojas[0].Actividades.Count, d.TablaTras($"Matriz POI 2024 — {matriz.Hojas[0].Titulo}").Count(f => f[0].Length > 0) - 1);
    }

    [Fact]
    public async Task DocumentoPoi_ElOperadorRecibeElDocumentoDeTodaLaEntidad()
    {
        var planificador = await DesdeLaPaginaAsync(AppDePrueba.Planificador);
        var operador = await DesdeLaPaginaAsync(AppDePrueba.Operador);
        using var a = new Docx(s => s.Write(planificador));
        using var b = new Docx(s => s.Write(operador));
        Assert.Equal(a.Encabezados, b.Encabezados);
    }

    private async Task<(int Codigo, string Errores)> CliAsync(params string[] args)
    {
        var configuracion = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Sipoi"] = app.Base.Conexion })
            .Build();
        var errores = new StringWriter();
        var rc = await LineaDeComandos.EjecutarAsync(["reporte", .. args], new StringWriter(), configuracion, errores: errores);
        return (rc, errores.ToString().Trim());
    }

    [Fact]
    public async Task Cli_TipoPoi_EscribeElMismoDocumento()
    {
        var archivo = Path.Combine(_carpeta, "poi.docx");
        var (rc, errores) = await CliAsync("--entidad", "EMSAPUNO", "--anio", "2024", "--tipo", "poi", "--salida", archivo);
        Assert.True(rc == 0, errores);
        using var cli = new Docx(s => s.Write(File.ReadAllBytes(archivo)));
        Assert.Empty(cli.Errores());
        var bytes = await DesdeLaPaginaAsync(AppDePrueba.Planificador);
        using var web = new Docx(s => s.Write(bytes));
        Assert.Equal(web.Parrafos, cli.Parrafos);
    }

    [Fact]
    public async Task Cli_TipoPoi_ConSalidaQueNoEsDocx_SeRechaza()
    {
        var (rc, errores) = await CliAsync("--entidad", "EMSAPUNO", "--anio", "2024", "--tipo", "poi", "--salida", Path.Combine(_carpeta, "poi.xlsx"));
        Assert.Equal(1, rc);
        Assert.Contains("el archivo de salida del reporte poi debe terminar en .docx", errores, StringComparison.Ordinal);
    }
}
