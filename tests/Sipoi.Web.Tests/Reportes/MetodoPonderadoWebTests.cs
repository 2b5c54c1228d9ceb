using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Sipoi.Domain.Evaluacion;
using Sipoi.Domain.Periodos;
using Sipoi.Interop.Reportes;
using Sipoi.Web.Informes;
using Sipoi.Web.Presentacion;
using Sipoi.Web.Tests.Infraestructura;
using static Sipoi.Web.Tests.Reportes.AvanceDePrueba;
using MetodoEvaluacion = Sipoi.Domain.Organizacion.MetodoEvaluacion;

namespace Sipoi.Web.Tests.Reportes;

/// <summary>
/// The entity's own method everywhere (issue 14, item 2): the demo entity evaluates by its weighted process method, so the
/// dashboard, the monitoring workbook and page, the Word report and the public page show its gerencias and fichas de
/// proceso with their bands — the public page as frozen in the published file.
/// </summary>
public sealed class MetodoPonderadoWebTests(AppDePrueba app) : IClassFixture<AppDePrueba>
{
    private async Task<IDocument> PaginaAsync(HttpClient http, string url)
    {
        var r = await http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        return Formulario.Leer(await r.Content.ReadAsStringAsync());
    }

    private static string Banda(ResultadoEvaluacion motor, Banda? b) => b is { } x ? motor.Bandas.Texto(x) : "ND";

    /// <summary>Rows of the compact table: (gerencia or ficha code, AO, compliance, band) as read from the page.</summary>
    private static void AssertTablaIgualAlMotor(IElement tabla, ResultadoEvaluacion motor, IReadOnlyDictionary<string, string> nombres)
    {
        var gerencias = tabla.QuerySelectorAll("tbody.gerencia tr.nivel-oei:not(.sin-gerencia)").ToList();
        Assert.Equal(motor.Gerencias.Count, gerencias.Count);
        foreach (var (g, fila) in motor.Gerencias.Zip(gerencias))
        {
            Assert.StartsWith(g.Nombre, fila.Children[0].TextContent.Trim(), StringComparison.Ordinal);
            Assert.Equal(g.Conteo.ConMeta.ToString(System.Globalization.CultureInfo.InvariantCulture), fila.Children[1].TextContent);
            Assert.Equal(Formato.Porcentaje(g.Valor), fila.Children[2].TextContent);
            Assert.Equal(Banda(motor, g.Banda), fila.Children[3].TextContent.Trim());
        }
        var fichas = tabla.QuerySelectorAll("tr.ficha").ToList();
        Assert.Equal(motor.Fichas.Count, fichas.Count);
        foreach (var f in motor.Fichas)
        {
            var fila = fichas.Single(x => x.QuerySelector(".codigo")!.TextContent == f.Codigo);
            Assert.Equal($"{f.Codigo} {nombres[f.Codigo]}", fila.Children[0].TextContent.Trim());
            Assert.Equal(Formato.Porcentaje(f.Valor), fila.Children[2].TextContent);
            Assert.Equal(Banda(motor, f.Banda), fila.Children[3].TextContent.Trim());
            // Under its gerencia's heading row.
            Assert.StartsWith(f.Gerencia ?? ProcesosSeguimiento.SinGerencia, fila.ParentElement!.QuerySelector("tr.nivel-oei")!.TextContent.Trim(), StringComparison.Ordinal);
        }
    }

    private async Task<Dictionary<string, string>> NombresFichasAsync()
    {
        await using var db = app.Base.Contexto();
        return await db.Fichas.Where(f => db.Entidades.Any(e => e.Id == f.EntidadId && e.Codigo == Entidad)).ToDictionaryAsync(f => f.Codigo, f => f.Nombre);
    }

    [Fact]
    public async Task Tablero_MuestraGerenciasYFichasDelMotorConSuBandaEscrita()
    {
        await RegistrarAsync(app);
        var motor = await MotorAsync(app, Periodo.Semestre(1));
        Assert.Equal(MetodoEvaluacion.Ponderado, motor.Metodo);
        Assert.NotEmpty(motor.Gerencias);
        Assert.Contains(motor.Fichas, f => f.Valor is not null);
        var doc = await PaginaAsync(await app.ComoAsync(AppDePrueba.Consulta), "/e/EMSAPUNO/tablero/2024?periodo=S1");
        var tabla = doc.QuerySelector("#metodo-ponderado table.tabla.compacta.metodo-ponderado")!;
        Assert.Equal("Cumplimiento por gerencia y ficha de proceso — I Semestre", tabla.QuerySelector("caption")!.TextContent);
        AssertTablaIgualAlMotor(tabla, motor, await NombresFichasAsync());
        // A table without a chart: the dashboard still draws its four charts only.
        Assert.Equal(4, doc.QuerySelectorAll("table[data-grafico]").Length);
        Assert.Null(tabla.GetAttribute("data-grafico"));
    }

    [Fact]
    public async Task Seguimiento_LibroYPaginaTraenLasHojasDeFichasYGerencias()
    {
        await RegistrarAsync(app);
        var motor = await MotorAsync(app, Periodo.Semestre(1));
        var http = await app.ComoAsync(AppDePrueba.Planificador);
        var r = await http.GetAsync("/e/EMSAPUNO/reportes/2024/seguimiento.xlsx?periodo=S1");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var bytes = await r.Content.ReadAsByteArrayAsync();
        using var x = new Xlsx(s => s.Write(bytes), "web-seguimiento-ponderado-s1.xlsx");
        Assert.Empty(x.Errores());
        Assert.Equal([ProcesosSeguimiento.HojaFichas, ProcesosSeguimiento.HojaGerencias], x.Hojas.Skip(5));
        Assert.Equal(motor.Fichas.Count, x.Fila(ProcesosSeguimiento.HojaFichas, "A", "TOTAL") - 6);
        Assert.Equal(motor.Gerencias.Count, x.Fila(ProcesosSeguimiento.HojaGerencias, "A", "TOTAL") - 6);
        var primera = motor.Gerencias[0];
        var fila = x.Fila(ProcesosSeguimiento.HojaGerencias, "A", primera.Nombre);
        Assert.Equal((double)primera.Valor!.Value, x.Numero(ProcesosSeguimiento.HojaGerencias, $"E{fila}"), 10);

        var doc = await PaginaAsync(http, "/e/EMSAPUNO/evaluacion/2024/seguimiento?periodo=S1");
        var fichas = doc.QuerySelector($"section.tabla-seguimiento[data-hoja='{ProcesosSeguimiento.HojaFichas}'] table")!;
        Assert.Equal(motor.Fichas.Count, fichas.QuerySelectorAll("tbody tr").Length);
        Assert.NotNull(doc.QuerySelector($"section.tabla-seguimiento[data-hoja='{ProcesosSeguimiento.HojaGerencias}']"));

        var informe = await http.GetAsync("/e/EMSAPUNO/reportes/2024/informe.docx?periodo=S1");
        Assert.Equal(HttpStatusCode.OK, informe.StatusCode);
        var docx = await informe.Content.ReadAsByteArrayAsync();
        using var d = new Docx(s => s.Write(docx), "web-informe-ponderado-s1.docx");
        Assert.Empty(d.Errores());
        Assert.Contains((2, $"4.3 {InformeEvaluacionWord.TituloMetodoPonderado}"), d.Encabezados);
        var gerencias = d.TablaTras("Cumplimiento por gerencia — I Semestre 2024");
        Assert.Equal(motor.Gerencias.Select(g => g.Nombre), gerencias.Skip(1).SkipLast(1).Select(c => c[0]));
    }

    [Fact]
    public async Task Transparencia_MuestraFichasYGerenciasCongeladasAlPublicar()
    {
        await RegistrarAsync(app);
        var publicado = await MotorAsync(app, Periodo.Semestre(1));
        await using (var db = app.Base.Contexto())
        {
            var entidad = await db.Entidades.SingleAsync(e => e.Codigo == Entidad);
            var ev = await RegistroEvaluaciones.RegistrarAsync(db, entidad.Id, Anio, Periodo.Semestre(1), default);
            await RegistroEvaluaciones.PublicarAsync(db, ev, "Informe N.º 012-2024-OPP", "planificador", DateTimeOffset.UtcNow, default);
            // After publication the office regroups every ficha under one gerencia: a fresh run follows, the public page does not.
            await db.Database.ExecuteSqlAsync($"UPDATE ficha_proceso SET gerencia = 'GERENCIA REORGANIZADA' WHERE entidad_id = {entidad.Id}");
        }
        var ahora = await MotorAsync(app, Periodo.Semestre(1));
        Assert.Equal(["GERENCIA REORGANIZADA"], ahora.Gerencias.Select(g => g.Nombre));
        Assert.NotEqual(publicado.Gerencias.Select(g => g.Nombre), ahora.Gerencias.Select(g => g.Nombre));

        var doc = await PaginaAsync(app.ClienteAnonimo(), "/transparencia/EMSAPUNO");
        var seccion = doc.GetElementById("evaluacion-2024-S1")!;
        var tabla = seccion.QuerySelector("table.metodo-ponderado")!;
        AssertTablaIgualAlMotor(tabla, publicado, await NombresFichasAsync());
        Assert.DoesNotContain("GERENCIA REORGANIZADA", tabla.TextContent, StringComparison.Ordinal);
    }
}

/// <summary>An entity with the national method: no fichas or gerencias anywhere, and no empty section in their place.</summary>
public sealed class MetodoNacionalWebTests(AppDePrueba app) : IClassFixture<AppDePrueba>
{
    [Fact]
    public async Task MetodoNacional_NingunaPantallaNiArchivoTraeFichasNiGerencias()
    {
        await RegistrarAsync(app);
        await using (var db = app.Base.Contexto())
        {
            var entidad = await db.Entidades.SingleAsync(e => e.Codigo == Entidad);
            entidad.Configurar(entidad.Configuracion with { Metodo = MetodoEvaluacion.Ceplan });
            await db.SaveChangesAsync();
            var ev = await RegistroEvaluaciones.RegistrarAsync(db, entidad.Id, Anio, Periodo.Semestre(1), default);
            await RegistroEvaluaciones.PublicarAsync(db, ev, "Informe N.º 012-2024-OPP", "planificador", DateTimeOffset.UtcNow, default);
        }
        var motor = await MotorAsync(app, Periodo.Semestre(1));
        Assert.Equal(MetodoEvaluacion.Ceplan, motor.Metodo);
        Assert.NotEmpty(motor.Fichas); // the demo's activities still have fichas; only the method decides

        var http = await app.ComoAsync(AppDePrueba.Planificador);
        var tablero = Formulario.Leer(await http.GetStringAsync("/e/EMSAPUNO/tablero/2024?periodo=S1"));
        Assert.Null(tablero.GetElementById("metodo-ponderado"));
        Assert.Empty(tablero.QuerySelectorAll("table.metodo-ponderado"));
        Assert.Equal(4, tablero.QuerySelectorAll("table[data-grafico]").Length);

        var publica = Formulario.Leer(await app.ClienteAnonimo().GetStringAsync("/transparencia/EMSAPUNO"));
        var seccion = publica.GetElementById("evaluacion-2024-S1")!;
        Assert.Empty(seccion.QuerySelectorAll("table.metodo-ponderado"));
        Assert.DoesNotContain("ficha de proceso", seccion.TextContent, StringComparison.OrdinalIgnoreCase);

        var pagina = Formulario.Leer(await http.GetStringAsync("/e/EMSAPUNO/evaluacion/2024/seguimiento?periodo=S1"));
        Assert.Equal(["OEI y AEI", "Centros de costo", "Ejecución por AEI", "Indicadores por desempeño", "Logro de AEI"],
            pagina.QuerySelectorAll("section.tabla-seguimiento").Select(s => s.GetAttribute("data-hoja")));
        var xlsx = await http.GetByteArrayAsync("/e/EMSAPUNO/reportes/2024/seguimiento.xlsx?periodo=S1");
        using var x = new Xlsx(s => s.Write(xlsx));
        Assert.DoesNotContain(ProcesosSeguimiento.HojaFichas, x.Hojas);
        Assert.DoesNotContain(ProcesosSeguimiento.HojaGerencias, x.Hojas);
        var docx = await http.GetByteArrayAsync("/e/EMSAPUNO/reportes/2024/informe.docx?periodo=S1");
        using var d = new Docx(s => s.Write(docx));
        Assert.DoesNotContain(d.Encabezados, h => h.Texto.Contains(InformeEvaluacionWord.TituloMetodoPonderado, StringComparison.Ordinal));
        Assert.DoesNotContain(d.Parrafos, p => p.Contains("Cumplimiento por ficha de proceso", StringComparison.Ordinal));
    }
}
