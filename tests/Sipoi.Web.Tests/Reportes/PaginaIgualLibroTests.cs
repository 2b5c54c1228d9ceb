using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Sipoi.Domain.Estrategia;
using Sipoi.Domain.Organizacion;
using Sipoi.Web.Tests.Infraestructura;

namespace Sipoi.Web.Tests.Reportes;

/// <summary>
/// A screen and its export render one model (ConstructorReportes): for the demo entity the rows read from the HTML
/// page are the rows read from the workbook, cell by cell; and the rules the two used to disagree on are pinned.
/// </summary>
public sealed class PaginaIgualLibroTests(AppDePrueba app) : IClassFixture<AppDePrueba>
{
    private const string Poi = "/e/EMSAPUNO/poi/2024/";
    private const string Reportes = "/e/EMSAPUNO/reportes/2024/";

    private async Task<IHtmlDocument> PaginaAsync(string url)
    {
        var r = await (await app.ComoAsync(AppDePrueba.Planificador)).GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        return new HtmlParser().ParseDocument(await r.Content.ReadAsStringAsync());
    }

    private async Task<Xlsx> LibroAsync(string url)
    {
        var r = await (await app.ComoAsync(AppDePrueba.Planificador)).GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var bytes = await r.Content.ReadAsByteArrayAsync();
        return new Xlsx(s => s.Write(bytes));
    }

    private static string Columna(int n) => n <= 26 ? ((char)('A' + n - 1)).ToString() : Columna((n - 1) / 26) + (char)('A' + (n - 1) % 26);

    /// <summary>A number as both renderers show it, to two decimals; text as is; an empty cell as "".</summary>
    private static string Numero(decimal v) => Math.Round(v, 2).ToString("0.##", CultureInfo.InvariantCulture);

    private static string Celda(Xlsx x, string hoja, string referencia)
    {
        var c = x.Celda(hoja, referencia);
        if (c?.CellValue is null) return "";
        if (c.DataType?.Value == CellValues.SharedString) return x.Texto(hoja, referencia)!;
        return Numero(decimal.Parse(c.CellValue.Text, NumberStyles.Float, CultureInfo.InvariantCulture));
    }

    private static string Texto(IElement td)
    {
        var t = td.TextContent.Trim();
        // Only a number is parsed: "—" (no activity with a target) stays text, as the workbook writes it.
        return td.ClassList.Contains("num") && decimal.TryParse(t.TrimEnd('%', ' '), NumberStyles.Number, CultureInfo.InvariantCulture, out var v)
            ? Numero(v) : t;
    }

    // --- POI matrix -----------------------------------------------------------------------------------------

    /// <summary>Page columns in the workbook's order (A … X): the page adds Comport. and AEI after Fin.</summary>
    private static readonly int[] ColumnasMatrizEnPagina = [0, 1, 2, 3, 4, 5, .. Enumerable.Range(8, 18)];

    private static List<List<string>> FilasMatrizPagina(IElement bloque) =>
        bloque.QuerySelectorAll("table.matriz tbody tr:not(.grupo)")
            .Select(tr => ColumnasMatrizEnPagina.Select(i => Texto(tr.Children[i])).ToList()).ToList();

    private static List<List<string>> FilasMatrizLibro(Xlsx x, string hoja)
    {
        var filas = new List<List<string>>();
        for (var f = x.Fila(hoja, "A", "Número") + 2; Celda(x, hoja, $"A{f}").Length > 0 || Celda(x, hoja, $"B{f}").Length > 0; f++)
        {
            if (Celda(x, hoja, $"B{f}").Length == 0) continue; // a group heading row ("I. Actividades de …"): the page's tr.grupo
            filas.Add(Enumerable.Range(1, 24).Select(c => Celda(x, hoja, $"{Columna(c)}{f}")).ToList());
        }
        return filas;
    }

    /// <summary>Texts of the alignment table's AEI column: the page's second cell, the workbook's merged cell C.</summary>
    private static List<string> AeisPagina(IElement bloque) =>
        bloque.QuerySelectorAll("table.alineamiento tbody tr").Select(tr => tr.Children[1].TextContent.Trim().Split(':')[0].Trim()).ToList();

    private static List<string> AeisLibro(Xlsx x, string hoja)
    {
        var encabezado = x.Fila(hoja, "A", "Objetivo Estratégico Institucional");
        var aeis = new List<string>();
        for (var f = encabezado + 1; Celda(x, hoja, $"C{f}") is { Length: > 0 } t; f++) aeis.Add(t.Split(':')[0].Trim());
        return aeis;
    }

    private static void MismaMatriz(IHtmlDocument pagina, Xlsx libro)
    {
        var bloques = pagina.QuerySelectorAll("section.bloque").ToList();
        Assert.Equal(libro.Hojas.Count, bloques.Count);
        var filas = 0;
        for (var i = 0; i < bloques.Count; i++)
        {
            var hoja = libro.Hojas[i];
            var esperadas = FilasMatrizLibro(libro, hoja);
            Assert.Equal(esperadas, FilasMatrizPagina(bloques[i]));
            Assert.Equal(AeisLibro(libro, hoja), AeisPagina(bloques[i]));
            filas += esperadas.Count;
        }
        Assert.Equal(231, filas);
    }

    [Fact]
    public async Task MatrizPorFicha_LaPaginaMuestraLasFilasDelLibro()
    {
        var pagina = await PaginaAsync(Poi + "fichas");
        using var libro = await LibroAsync(Reportes + "matriz.xlsx");
        MismaMatriz(pagina, libro);
        var fp06 = libro.IndiceHoja("FP 06");
        Assert.Equal("Ficha de Proceso: FP 06 TRÁMITE DOCUMENTARIO Y ARCHIVO", pagina.QuerySelectorAll("section.bloque")[fp06].QuerySelector("h3")!.TextContent.Trim());
    }

    [Fact]
    public async Task MatrizPorCentro_LaPaginaMuestraLasFilasDelLibro()
    {
        var pagina = await PaginaAsync(Poi + "centros");
        using var libro = await LibroAsync(Reportes + "matriz-centros.xlsx");
        MismaMatriz(pagina, libro);
        await using var db = app.Base.Contexto();
        var centros = await db.CentrosCosto.Where(c => db.Actividades.Any(a => a.CentroCostoId == c.Id)).Select(c => c.Codigo).ToListAsync();
        Assert.Equal(centros.Order(StringComparer.Ordinal), libro.Hojas);
    }

    [Fact]
    public async Task Matriz_ActividadSinMesesDeclarados_VaDeEneroADiciembreComoLoLeeElDominio()
    {
        // An activity whose first target comes after January: without declared months, its first month with a target is
        // not its start (the reference POI prints "Enero" / "Diciembre" for an activity with a single month's target too).
        await using var db = app.Base.Contexto();
        var conMetaTardia = await db.Programaciones.Where(p => p.Metas.Any(m => m.Fisico != 0) && !p.Metas.Any(m => m.Mes == 1 && m.Fisico != 0))
            .Select(p => p.ActividadId).ToListAsync();
        var actividad = await db.Actividades.Where(a => conMetaTardia.Contains(a.Id)).OrderBy(a => a.Codigo).FirstAsync();
        await db.Database.ExecuteSqlAsync($"UPDATE actividad SET mes_inicio = NULL, mes_fin = NULL WHERE id = {actividad.Id}");

        foreach (var (pagina, archivo) in new[] { ("fichas", "matriz.xlsx"), ("centros", "matriz-centros.xlsx") })
        {
            var doc = await PaginaAsync(Poi + pagina);
            var fila = doc.QuerySelectorAll("table.matriz tbody tr:not(.grupo)")
                .Single(tr => tr.QuerySelector("a")?.GetAttribute("href")?.EndsWith("/actividad/" + Uri.EscapeDataString(actividad.Codigo), StringComparison.Ordinal) == true);
            Assert.Equal(["Enero", "Diciembre"], fila.Children.Skip(4).Take(2).Select(td => td.TextContent.Trim()));

            using var libro = await LibroAsync(Reportes + archivo);
            var enLibro = libro.Hojas.SelectMany(h => FilasMatrizLibro(libro, h)).Single(f => f[1] == actividad.Nombre);
            Assert.Equal(["Enero", "Diciembre"], enLibro.Skip(4).Take(2));
        }
    }

    [Fact]
    public async Task Matriz_UnaFichaNoMuestraAeisDeOtroPei()
    {
        await using (var db = app.Base.Contexto())
        {
            var entidad = await db.Entidades.SingleAsync(e => e.Codigo == "EMSAPUNO");
            var anterior = new Pei(entidad.Id, "PEI-2019-2022", 2019, 2022);
            var oei = anterior.AgregarOei("OEI.09", "Objetivo del PEI anterior", 1);
            anterior.AgregarAei(oei, "AEI.09.01", "Acción del PEI anterior", 1);
            db.Peis.Add(anterior);
            await db.SaveChangesAsync();
            var aei = await db.Aeis.SingleAsync(a => a.Codigo == "AEI.09.01" && a.OeiId == oei.Id);
            var ficha = await db.Fichas.Include(f => f.Aeis).SingleAsync(f => f.EntidadId == entidad.Id && f.Codigo == "FP 06");
            ficha.Aeis.Add(new FichaAei(entidad.Id, aei.Id));
            await db.SaveChangesAsync();
        }

        var pagina = await PaginaAsync(Poi + "fichas");
        using var libro = await LibroAsync(Reportes + "matriz.xlsx");
        Assert.Equal(["AEI.04.04"], AeisPagina(pagina.GetElementById("fp-FP-06")!).Distinct());
        Assert.Equal(["AEI.04.04"], AeisLibro(libro, "FP 06").Distinct());
        Assert.DoesNotContain("AEI.09.01", pagina.Body!.TextContent);
    }

    [Fact]
    public async Task Matriz_UnaFichaSinAeisDeclaradas_MuestraLasQueSirvenSusActividades()
    {
        List<string> servidas;
        await using (var db = app.Base.Contexto())
        {
            var ficha = await db.Fichas.Include(f => f.Aeis).SingleAsync(f => f.Codigo == "FP 22");
            Assert.NotEmpty(ficha.Aeis);
            ficha.Aeis.Clear();
            await db.SaveChangesAsync();
            servidas = await db.Actividades.Where(a => a.FichaId == ficha.Id).Join(db.Aeis, a => a.AeiId, e => e.Id, (a, e) => e.Codigo)
                .Distinct().ToListAsync();
        }

        var pagina = await PaginaAsync(Poi + "fichas");
        using var libro = await LibroAsync(Reportes + "matriz.xlsx");
        var enPagina = AeisPagina(pagina.GetElementById("fp-FP-22")!);
        Assert.Equal(servidas.Order(StringComparer.Ordinal), enPagina.Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(AeisLibro(libro, "FP 22"), enPagina);
    }

    // --- Execution table and monitoring tables ------------------------------------------------------------------

    /// <summary>Rows of a one-header-block table from <paramref name="primera"/> down to the first empty cell in column A (data rows, then TOTAL).</summary>
    private static List<List<string>> FilasLibro(Xlsx x, string hoja, int primera, int columnas)
    {
        var filas = new List<List<string>>();
        for (var f = primera; Celda(x, hoja, $"A{f}").Length > 0; f++)
            filas.Add(Enumerable.Range(1, columnas).Select(c => Celda(x, hoja, $"{Columna(c)}{f}")).ToList());
        return filas;
    }

    /// <summary>Body and footer rows of a page table; a cell spanning n columns reads as itself and n − 1 empty cells, as merged cells do.</summary>
    private static List<List<string>> FilasPagina(IElement tabla) =>
        tabla.QuerySelectorAll("tbody tr, tfoot tr").Select(tr => tr.Children.SelectMany(td =>
            new[] { Texto(td) }.Concat(Enumerable.Repeat("", int.Parse(td.GetAttribute("colspan") ?? "1", CultureInfo.InvariantCulture) - 1))).ToList()).ToList();

    [Fact]
    public async Task Ejecucion_LaPaginaMuestraLasFilasDelLibro()
    {
        await AvanceDePrueba.RegistrarAsync(app);
        var pagina = await PaginaAsync(Poi + "ejecucion?hastaMes=8");
        using var libro = await LibroAsync(Reportes + "ejecucion.xlsx?hastaMes=8");
        var hoja = Assert.Single(libro.Hojas);
        var esperadas = FilasLibro(libro, hoja, 7, 5 + 1 + 2 * 8 + 2 * 2 + 3);
        Assert.Equal(232, esperadas.Count);
        Assert.Equal("TOTAL", esperadas[^1][0]);
        Assert.Contains(esperadas, f => f[^1].Length > 0 && f[^1] != "0");
        Assert.Equal(esperadas, FilasPagina(pagina.GetElementById("ejecucion")!));
        Assert.Contains("agosto", pagina.QuerySelector("h1")!.TextContent);
    }

    [Theory]
    [InlineData("S1")]
    [InlineData("ANUAL")]
    public async Task Seguimiento_LaPaginaMuestraLasFilasDeCadaHojaDelLibro(string periodo)
    {
        await AvanceDePrueba.RegistrarAsync(app);
        var pagina = await PaginaAsync($"/e/EMSAPUNO/evaluacion/2024/seguimiento?periodo={periodo}");
        using var libro = await LibroAsync(Reportes + $"seguimiento.xlsx?periodo={periodo}");
        var secciones = pagina.QuerySelectorAll("section.tabla-seguimiento").ToList();
        Assert.Equal(libro.Hojas, secciones.Select(s => s.GetAttribute("data-hoja")));
        foreach (var s in secciones)
        {
            var hoja = s.GetAttribute("data-hoja")!;
            var tabla = s.QuerySelector("table")!;
            var columnas = tabla.QuerySelectorAll("thead th").Length;
            Assert.Equal(Enumerable.Range(1, columnas).Select(c => Celda(libro, hoja, $"{Columna(c)}5")), tabla.QuerySelectorAll("thead th").Select(th => th.TextContent.Trim()));
            var esperadas = FilasLibro(libro, hoja, 6, columnas);
            Assert.NotEmpty(esperadas);
            Assert.Equal(esperadas, FilasPagina(tabla));
        }
    }
}
