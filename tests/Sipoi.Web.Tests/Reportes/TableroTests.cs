using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Sipoi.Domain.Periodos;
using Sipoi.Web.Presentacion;
using Sipoi.Web.Tests.Infraestructura;
using static Sipoi.Web.Tests.Reportes.AvanceDePrueba;

namespace Sipoi.Web.Tests.Reportes;

/// <summary>
/// The dashboard shows the engine's figures in plain tables (the charts are drawn from them by script), with the
/// band written next to every value, and stays light: local Chart.js, compressed text, long-cached static files.
/// </summary>
public sealed class TableroTests(AppDePrueba app) : IClassFixture<AppDePrueba>
{
    private async Task<IDocument> PaginaAsync(string periodo)
    {
        await RegistrarAsync(app);
        var r = await (await app.ComoAsync(AppDePrueba.Consulta)).GetAsync($"/e/EMSAPUNO/tablero/2024?periodo={periodo}");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        return new HtmlParser().ParseDocument(await r.Content.ReadAsStringAsync());
    }

    private static string Dato(decimal? v) => v?.ToString(CultureInfo.InvariantCulture) ?? "";

    [Fact]
    public async Task Tablero_MuestraIgiOeiYAeiDelMotorConSuBandaEscrita()
    {
        var doc = await PaginaAsync("S1");
        var motor = await MotorAsync(app, Periodo.Semestre(1));
        Assert.True(motor.Igi > 0);
        var igi = doc.QuerySelector(".igi")!.TextContent;
        Assert.Contains(Formato.Porcentaje(motor.Igi), igi);
        Assert.Contains(motor.Bandas.Texto(motor.BandaIgi!.Value), igi);

        var tablas = doc.QuerySelectorAll("table[data-grafico]").ToList();
        Assert.Equal(4, tablas.Count);
        foreach (var t in tablas)
        {
            Assert.Equal(Dato(motor.Bandas.MedioDesde), t.GetAttribute("data-medio"));
            Assert.Equal(Dato(motor.Bandas.AltoDesde), t.GetAttribute("data-alto"));
        }
        var oeis = tablas[0].QuerySelectorAll("tbody tr").ToList();
        Assert.Equal(motor.Oeis.Select(o => o.Codigo), oeis.Select(f => f.GetAttribute("data-etiqueta")));
        foreach (var (o, fila) in motor.Oeis.Zip(oeis))
        {
            Assert.Equal(Dato(o.Valor), fila.GetAttribute("data-valor"));
            var banda = o.Banda is { } b ? motor.Bandas.Texto(b) : "ND";
            Assert.Equal(o.Valor is null ? banda : $"{Formato.Porcentaje(o.Valor)} · {banda}", fila.GetAttribute("data-texto"));
            Assert.Equal(Formato.Porcentaje(o.Valor), fila.Children[4].TextContent);
            Assert.Equal(banda, fila.Children[5].TextContent);
        }
        Assert.Equal(Formato.Porcentaje(motor.Igi), tablas[0].QuerySelector("tfoot tr")!.Children[4].TextContent);

        var aeis = motor.Oeis.SelectMany(o => o.Aeis).ToList();
        var filasAei = tablas[1].QuerySelectorAll("tbody tr").ToList();
        Assert.Equal(aeis.Select(a => a.Codigo), filasAei.Select(f => f.GetAttribute("data-etiqueta")));
        Assert.Equal(aeis.Select(a => Dato(a.Valor)), filasAei.Select(f => f.GetAttribute("data-valor")));
    }

    [Fact]
    public async Task Tablero_TendenciaEsLaEjecucionAcumuladaDeCadaMesHastaElPeriodo()
    {
        var doc = await PaginaAsync("S1");
        var filas = doc.QuerySelectorAll("table[data-grafico=linea] tbody tr").ToList();
        Assert.Equal(6, filas.Count);
        for (var mes = 1; mes <= 6; mes++)
        {
            var motor = await MotorAsync(app, Periodo.AcumuladoAl(mes));
            Assert.Equal(Meses.Nombre(mes), filas[mes - 1].Children[0].TextContent);
            Assert.Equal(Dato(motor.Igi), filas[mes - 1].GetAttribute("data-valor"));
            Assert.Equal(Formato.Porcentaje(motor.Igi), filas[mes - 1].Children[2].TextContent);
        }
        Assert.Equal(12, (await PaginaAsync("ANUAL")).QuerySelectorAll("table[data-grafico=linea] tbody tr").Length);
    }

    [Fact]
    public async Task Tablero_CabeceraServerTiming_ConCadaParteYElTotal()
    {
        await RegistrarAsync(app);
        var r = await (await app.ComoAsync(AppDePrueba.Consulta)).GetAsync("/e/EMSAPUNO/tablero/2024?periodo=T3");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var partes = string.Join(",", r.Headers.GetValues("Server-Timing")).Split(',', StringSplitOptions.TrimEntries)
            .Select(p => p.Split(";dur=")).ToList();
        Assert.Equal(["datos", "tablero", "entregas", "total"], partes.Select(p => p[0]));
        var ms = partes.ToDictionary(p => p[0], p => decimal.Parse(p[1], CultureInfo.InvariantCulture));
        Assert.All(ms.Values, v => Assert.True(v >= 0));
        // The total runs until the first byte, so it covers the parts and the rendering.
        Assert.True(ms["total"] >= ms["datos"] + ms["tablero"] + ms["entregas"] - 0.3m);
    }

    [Fact]
    public async Task Tablero_CentrosOrdenadosDeMayorAMenorEjecucion()
    {
        var doc = await PaginaAsync("A08");
        var motor = await MotorAsync(app, Periodo.AcumuladoAl(8));
        var filas = doc.QuerySelectorAll("table[data-grafico=barras]").Last().QuerySelectorAll("tbody tr").ToList();
        Assert.Equal(motor.CentrosCosto.Count, filas.Count);
        var valores = filas.Select(f => f.GetAttribute("data-valor")).Where(v => v != "").Select(v => decimal.Parse(v!, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(valores.OrderDescending(), valores);
        var primero = motor.CentrosCosto.Where(c => c.Valor is not null).MaxBy(c => c.Valor)!;
        Assert.Equal(Dato(primero.Valor), filas[0].GetAttribute("data-valor"));
        Assert.Equal("1", filas[0].Children[0].TextContent);
    }

    [Fact]
    public async Task Tablero_ListaLasEntregasAtrasadas_LasMasAntiguasPrimero()
    {
        await RegistrarAsync(app);
        int centros;
        await using (var db = app.Base.Contexto())
            centros = await db.Actividades.Where(a => db.Pois.Any(p => p.Id == a.PoiId && p.Anio == Anio)).Select(a => a.CentroCostoId).Distinct().CountAsync();
        // 20 January 2025: January–August are approved; September–December are past their deadline (month end + 10 days).
        app.Reloj.Fijar(2025, 1, 20);
        try
        {
            var doc = await PaginaAsync("ANUAL");
            var seccion = doc.GetElementById("atrasos")!;
            var filas = seccion.QuerySelectorAll("tbody tr").ToList();
            Assert.Equal(Math.Min(centros * 4, Sipoi.Web.Pages.Tablero.IndexModel.MaximoAtrasos), filas.Count);
            Assert.All(filas.Take(Math.Min(centros, filas.Count)), f => Assert.Equal("Setiembre", f.Children[2].TextContent));
            Assert.Equal("10/10/2024", filas[0].Children[3].TextContent);
            Assert.Equal("102", filas[0].Children[4].TextContent);
            var dias = filas.Select(f => int.Parse(f.Children[4].TextContent, CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(dias.OrderDescending(), dias);
            if (centros * 4 > filas.Count) Assert.Contains($"… y {centros * 4 - filas.Count} más", seccion.TextContent);

            // Before September's deadline nothing is overdue.
            app.Reloj.Fijar(2024, 10, 10);
            Assert.Contains("No hay entregas atrasadas", (await PaginaAsync("ANUAL")).GetElementById("atrasos")!.TextContent);
        }
        finally { app.Reloj.Real(); }
    }

    [Fact]
    public async Task Tablero_UsaChartJsLocalYNingunRecursoExterno()
    {
        var doc = await PaginaAsync("ANUAL");
        var scripts = doc.QuerySelectorAll("script").Select(s => s.GetAttribute("src")).ToList();
        Assert.Equal(2, scripts.Count);
        Assert.StartsWith("/lib/chartjs/chart.umd.min.js?v=", scripts[0]);
        Assert.StartsWith("/js/tablero.js?v=", scripts[1]);
        Assert.All(doc.QuerySelectorAll("[src],link[href]"), e => Assert.StartsWith("/", e.GetAttribute("src") ?? e.GetAttribute("href")));

        var http = app.ClienteAnonimo();
        var js = await http.GetAsync(scripts[0]);
        Assert.Equal(HttpStatusCode.OK, js.StatusCode);
        Assert.Contains("immutable", js.Headers.CacheControl!.ToString());
        Assert.Contains("Chart.js v4", await js.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/lib/chartjs/LICENSE.md")).StatusCode);
    }

    [Theory]
    [InlineData("/e/EMSAPUNO/tablero/2024?periodo=ANUAL")]
    [InlineData("/css/sipoi.css")]
    [InlineData("/js/tablero.js")]
    public async Task Texto_ViajaComprimido(string url)
    {
        await RegistrarAsync(app);
        var http = await app.ComoAsync(AppDePrueba.Consulta);
        using var pedido = new HttpRequestMessage(HttpMethod.Get, url);
        pedido.Headers.AcceptEncoding.ParseAdd("gzip");
        var r = await http.SendAsync(pedido);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal(new[] { "gzip" }, r.Content.Headers.ContentEncoding.ToArray());
    }

    [Fact]
    public async Task Tablero_PeriodoNoValido_400_OtraEntidad_403_SinSesion_AlIngreso()
    {
        var http = await app.ComoAsync(AppDePrueba.Planificador);
        await Rechazo.EnRespuestaAsync(await http.GetAsync("/e/EMSAPUNO/tablero/2024?periodo=X9"), HttpStatusCode.BadRequest, "Periodo no válido");
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync("/e/OTRA/tablero/2024")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/e/EMSAPUNO/tablero/2031")).StatusCode);
        var anonimo = await app.ClienteAnonimo().GetAsync("/e/EMSAPUNO/tablero/2024");
        Assert.Equal(HttpStatusCode.Redirect, anonimo.StatusCode);
        Assert.Contains("/cuenta/ingresar", anonimo.Headers.Location!.OriginalString);
    }
}
