using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Sipoi.Domain.Evaluacion;
using Sipoi.Domain.Periodos;
using Sipoi.Interop.Evaluacion;
using Sipoi.Interop.Reportes;
using Sipoi.Web.Intercambio;
using Sipoi.Web.Reportes;
using Sipoi.Web.Seguridad;
using Sipoi.Web.Tests.Infraestructura;
using static Sipoi.Web.Tests.Reportes.AvanceDePrueba;

namespace Sipoi.Web.Tests.Reportes;

/// <summary>
/// Each report downloaded from the web for the demo entity with progress registered, opened with OpenXml and
/// checked cell by cell against the evaluation engine; plus who may download what.
/// </summary>
public sealed class DescargasTests(AppDePrueba app) : IClassFixture<AppDePrueba>
{
    private const string Base = "/e/EMSAPUNO/reportes/2024/";

    private async Task<(HttpResponseMessage Respuesta, byte[] Contenido)> BajarAsync(string usuario, string url)
    {
        await RegistrarAsync(app);
        var r = await (await app.ComoAsync(usuario)).GetAsync(url);
        return (r, await r.Content.ReadAsByteArrayAsync());
    }

    /// <summary>Matrix layout: months from column H, each quarter's subtotal after its three months, the annual quantity last.</summary>
    private static int ColumnaMes(int mes) => 8 + (mes - 1) + (mes - 1) / 3;

    private static Xlsx Libro(byte[] contenido, string? muestra = null) => new(s => s.Write(contenido), muestra);

    private static void EsArchivo(HttpResponseMessage r, string mime, string nombre)
    {
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal(mime, r.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", r.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(nombre, r.Content.Headers.ContentDisposition?.FileNameStar ?? r.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
    }

    /// <summary>Activity rows of a matrix sheet: (number in column A, row) from under the header to the first empty name.</summary>
    private static List<(string Numero, int Fila)> FilasMatriz(Xlsx x, string hoja)
    {
        var filas = new List<(string, int)>();
        // A row with text in A only is a group heading ("I. Actividades de …"), not an activity.
        for (var f = x.Fila(hoja, "A", "Número") + 2; x.Texto(hoja, $"B{f}") is { Length: > 0 } || x.Texto(hoja, $"A{f}") is { Length: > 0 }; f++)
            if (x.Texto(hoja, $"B{f}") is { Length: > 0 }) filas.Add((x.Texto(hoja, $"A{f}")!, f));
        return filas;
    }

    [Fact]
    public async Task Matriz_TieneUnaHojaPorFichaConLasMetasDelPoi()
    {
        var (r, bytes) = await BajarAsync(AppDePrueba.Planificador, Base + "matriz.xlsx");
        EsArchivo(r, SolicitudReporte.MimeXlsx, "POI-2024-EMSAPUNO-matriz.xlsx");
        using var x = Libro(bytes, "web-matriz.xlsx");
        Assert.Empty(x.Errores());

        await using var db = app.Base.Contexto();
        var fichas = await (from a in db.Actividades join f in db.Fichas on a.FichaId equals f.Id select f.Codigo).Distinct().ToListAsync();
        Assert.Equal(fichas.Order(StringComparer.Ordinal), x.Hojas.Order(StringComparer.Ordinal));
        Assert.Equal(await db.Actividades.CountAsync(), x.Hojas.Sum(h => FilasMatriz(x, h).Count));

        // FP 34 (a "promedio"-free ficha of 28 activities) and FP 06: every month, quarter and annual cell as the engine rolls them up.
        var anual = (await MotorAsync(app, Periodo.Anual)).Actividades.ToDictionary(a => a.Codigo);
        var trimestres = new List<Dictionary<string, ResultadoActividad>>();
        foreach (var t in Periodo.Trimestres) trimestres.Add((await MotorAsync(app, t)).Actividades.ToDictionary(a => a.Codigo));
        foreach (var hoja in new[] { "FP 06", "FP 34" })
        {
            var codigoFicha = hoja.Replace(" ", "", StringComparison.Ordinal);
            foreach (var (numero, fila) in FilasMatriz(x, hoja))
            {
                var codigo = $"{codigoFicha}-{numero}";
                var metas = await db.Programaciones.Where(p => db.Actividades.Any(a => a.Id == p.ActividadId && a.Codigo == codigo))
                    .SelectMany(p => p.Metas).OrderBy(m => m.Mes).Select(m => m.Fisico).ToListAsync();
                for (var mes = 1; mes <= 12; mes++)
                {
                    var celda = Ref(ColumnaMes(mes), fila);
                    if (metas[mes - 1] == 0) Assert.Null(x.Celda(hoja, celda)?.CellValue);
                    else Assert.Equal((double)metas[mes - 1], x.Numero(hoja, celda));
                }
                for (var t = 1; t <= 4; t++)
                    Assert.Equal((double)trimestres[t - 1][codigo].Programado, x.Numero(hoja, Ref(8 + 4 * t - 1, fila)), 10);
                Assert.Equal((double)anual[codigo].Programado, x.Numero(hoja, Ref(ColumnaMes(12) + 2, fila)), 10);
            }
        }
        // Header of a ficha sheet: the ficha and its alignment to the PEI.
        Assert.Equal("FP 06 TRÁMITE DOCUMENTARIO Y ARCHIVO", x.Texto("FP 06", "C7"));
    }

    [Fact]
    public async Task Matriz_DelOperadorTraeSoloSusCentrosDeCosto()
    {
        var (r, bytes) = await BajarAsync(AppDePrueba.Operador, Base + "matriz.xlsx");
        EsArchivo(r, SolicitudReporte.MimeXlsx, "POI-2024-EMSAPUNO-matriz.xlsx");
        using var x = Libro(bytes);
        await using var db = app.Base.Contexto();
        var centro = await db.CentrosCosto.SingleAsync(c => c.Codigo == "01.02");
        var propias = await db.Actividades.Where(a => a.CentroCostoId == centro.Id).ToListAsync();
        var fichas = await db.Fichas.Where(f => propias.Select(a => a.FichaId).Contains(f.Id)).Select(f => f.Codigo).ToListAsync();
        Assert.Equal(fichas.Order(StringComparer.Ordinal), x.Hojas.Order(StringComparer.Ordinal));
        Assert.Equal(propias.Count, x.Hojas.Sum(h => FilasMatriz(x, h).Count));
        Assert.Contains("centros de costo asignados", x.Texto(x.Hojas[0], "A2"));
    }

    [Fact]
    public async Task Matriz_DeUnOperadorSinCentros_EsUnLibroValidoSinActividades()
    {
        await RegistrarAsync(app);
        await app.CrearUsuarioAsync("operador.sin.centros@emsapuno.demo", Roles.Operador);
        var http = await app.ComoAsync("operador.sin.centros@emsapuno.demo");
        var r = await http.GetAsync(Base + "matriz.xlsx");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        using var x = Libro(await r.Content.ReadAsByteArrayAsync());
        Assert.Empty(x.Errores());
        Assert.Equal(["Sin actividades"], x.Hojas);
        using var e = Libro(await (await http.GetAsync(Base + "ejecucion.xlsx?hastaMes=3")).Content.ReadAsByteArrayAsync());
        Assert.Empty(e.Errores());
        Assert.Equal("TOTAL", e.Texto(e.Hojas[0], "A7"));
    }

    [Fact]
    public async Task Ejecucion_CoincideConElMotorMesAMesAcumuladoYTotal()
    {
        var (r, bytes) = await BajarAsync(AppDePrueba.Consulta, Base + "ejecucion.xlsx?hastaMes=9");
        EsArchivo(r, SolicitudReporte.MimeXlsx, "POI-2024-EMSAPUNO-ejecucion-a-setiembre.xlsx");
        using var x = Libro(bytes, "web-ejecucion.xlsx");
        Assert.Empty(x.Errores());
        const string hoja = "Ejecución al III Trimestre";
        // September is registered but not approved: the workbook says so in row 4 and lists it (issue 13, item 3).
        Assert.Equal([hoja, "Meses sin contar"], x.Hojas);
        Assert.StartsWith("Faltan ", x.Texto(hoja, "A4"));

        var acumulado = (await MotorAsync(app, Periodo.AcumuladoAl(9))).Actividades.ToDictionary(a => a.Codigo);
        Assert.Contains(acumulado.Values, a => a.Ejecutado is > 0);
        var meses = new List<Dictionary<string, ResultadoActividad>>();
        for (var m = 1; m <= 9; m++) meses.Add((await MotorAsync(app, Periodo.Mes(m))).Actividades.ToDictionary(a => a.Codigo));

        // Columns: F meta, G…X months (prog., ejec.), Y…AD quarters I–III, AE/AF/AG acumulado a setiembre.
        const int primera = 7;
        var filas = acumulado.Count;
        for (var f = primera; f < primera + filas; f++)
        {
            var codigo = x.Texto(hoja, $"C{f}")!;
            var a = acumulado[codigo];
            Assert.Equal((double)a.Programado, x.Numero(hoja, $"AE{f}"), 10);
            if (a.Ejecutado is { } e) Assert.Equal((double)e, x.Numero(hoja, $"AF{f}"), 10);
            else Assert.Null(x.Celda(hoja, $"AF{f}")!.CellValue);
            if (a.Ejecucion is { } p) Assert.Equal((double)p, x.Numero(hoja, $"AG{f}"), 10);
            else Assert.Null(x.Celda(hoja, $"AG{f}")!.CellValue);
            for (var m = 1; m <= 9; m++)
            {
                var mes = meses[m - 1][codigo];
                Assert.Equal((double)mes.Programado, x.Numero(hoja, Ref(7 + 2 * (m - 1), f)), 10);
                var celda = Ref(8 + 2 * (m - 1), f);
                if (mes.Ejecutado is { } v) Assert.Equal((double)v, x.Numero(hoja, celda), 10);
                else Assert.Null(x.Celda(hoja, celda)!.CellValue);
            }
        }
        var total = primera + filas;
        Assert.Equal("TOTAL", x.Texto(hoja, $"A{total}"));
        Assert.Equal($"SUM(AE{primera}:AE{total - 1})", x.Formula(hoja, $"AE{total}"));
        Assert.Equal((double)acumulado.Values.Sum(a => a.Programado), x.Numero(hoja, $"AE{total}"), 6);
        Assert.Equal((double)acumulado.Values.Sum(a => a.Ejecutado ?? 0), x.Numero(hoja, $"AF{total}"), 6);
        var anual = await MotorAsync(app, Periodo.Anual);
        Assert.Equal((double)anual.Actividades.Sum(a => a.Programado), x.Numero(hoja, $"F{total}"), 6);
    }

    [Fact]
    public async Task Ejecucion_DelOperadorTraeSoloSusActividades()
    {
        var (_, bytes) = await BajarAsync(AppDePrueba.Operador, Base + "ejecucion.xlsx?hastaMes=5");
        using var x = Libro(bytes);
        var hoja = x.Hojas.Single();
        var centros = new HashSet<string>();
        for (var f = 7; x.Texto(hoja, $"A{f}") is { } c && c != "TOTAL"; f++) centros.Add(c);
        Assert.Equal(["01.02 OFICINA DE PLANEAMIENTO Y DESARROLLO EMPRESARIAL"], centros);
    }

    [Fact]
    public async Task Seguimiento_TraeS1S2AnualEIgiDelMotor()
    {
        var (r, bytes) = await BajarAsync(AppDePrueba.Planificador, Base + "seguimiento.xlsx?periodo=ANUAL");
        EsArchivo(r, SolicitudReporte.MimeXlsx, "POI-2024-EMSAPUNO-seguimiento-ANUAL.xlsx");
        using var x = Libro(bytes, "web-seguimiento.xlsx");
        Assert.Empty(x.Errores());
        var s1 = await MotorAsync(app, Periodo.Semestre(1));
        var s2 = await MotorAsync(app, Periodo.Semestre(2));
        var anual = await MotorAsync(app, Periodo.Anual);
        Assert.NotNull(s1.Igi);
        Assert.True(s1.Igi > 0, "El motor no ve el avance registrado: revise que los meses estén aprobados.");

        const string hoja = "OEI y AEI";
        void Fila(int f, decimal? v1, decimal? v2, decimal? va, Banda? banda)
        {
            foreach (var (col, v) in new[] { ("E", v1), ("F", v2), ("G", va) })
                if (v is { } n) Assert.Equal((double)n, x.Numero(hoja, $"{col}{f}"), 10);
                else Assert.Equal("—", x.Texto(hoja, $"{col}{f}"));
            Assert.Equal(banda is { } b ? anual.Bandas.Texto(b) : "—", x.Texto(hoja, $"H{f}"));
        }
        foreach (var o in anual.Oeis)
        {
            Fila(x.Fila(hoja, "A", o.Codigo), s1.Oeis.Single(z => z.Codigo == o.Codigo).Valor, s2.Oeis.Single(z => z.Codigo == o.Codigo).Valor, o.Valor, o.Banda);
            var a = o.Aeis[0];
            Fila(x.Fila(hoja, "A", a.Codigo), s1.Oeis.SelectMany(z => z.Aeis).Single(z => z.Codigo == a.Codigo).Valor,
                s2.Oeis.SelectMany(z => z.Aeis).Single(z => z.Codigo == a.Codigo).Valor, a.Valor, a.Banda);
        }
        Fila(x.Fila(hoja, "A", "IGI"), s1.Igi, s2.Igi, anual.Igi, anual.BandaIgi);

        foreach (var c in anual.CentrosCosto)
            if (c.Valor is { } v) Assert.Equal((double)v, x.Numero("Centros de costo", $"F{x.Fila("Centros de costo", "A", c.Codigo)}"), 10);
    }

    [Fact]
    public async Task Seguimiento_DelPrimerSemestreNoCorreElSegundo()
    {
        var (_, bytes) = await BajarAsync(AppDePrueba.Planificador, Base + "seguimiento.xlsx?periodo=S1");
        using var x = Libro(bytes);
        var s1 = await MotorAsync(app, Periodo.Semestre(1));
        var f = x.Fila("OEI y AEI", "A", "IGI");
        Assert.Equal((double)s1.Igi!.Value, x.Numero("OEI y AEI", $"E{f}"), 10);
        Assert.Equal("—", x.Texto("OEI y AEI", $"F{f}"));
        Assert.Equal("—", x.Texto("OEI y AEI", $"G{f}"));
    }

    [Fact]
    public async Task Presupuesto_IngresosYEgresosDeLaEntidadYCuadroPorCentroVacioConNota()
    {
        var (r, bytes) = await BajarAsync(AppDePrueba.Planificador, Base + "presupuesto.xlsx");
        EsArchivo(r, SolicitudReporte.MimeXlsx, "POI-2024-EMSAPUNO-presupuesto.xlsx");
        using var x = Libro(bytes, "web-presupuesto.xlsx");
        Assert.Empty(x.Errores());
        Assert.Equal(["Ingresos", "Egresos", "Por centro de costo"], x.Hojas);
        foreach (var hoja in new[] { "Ingresos", "Egresos" })
        {
            var total = x.Fila(hoja, "A", hoja == "Ingresos" ? "TOTAL INGRESOS" : "TOTAL EGRESOS");
            Assert.Equal(27_601_391.00, x.Numero(hoja, $"C{total}"), 6);
            Assert.Equal(100, x.Numero(hoja, $"D{total}"), 10);
        }
        Assert.Equal(9_873_891.00, x.Numero("Egresos", $"C{x.Fila("Egresos", "A", "2.1")}"), 6);
        // The demo has no financial programming by genérica: no row, no TOTAL, and a note that says why.
        Assert.Null(x.Celda("Por centro de costo", "A6")?.CellValue);
        Assert.Contains("no tienen programación financiera por genérica", x.Texto("Por centro de costo", "A7"));
    }

    [Fact]
    public async Task Informe_TieneSusSeccionesMisionYCifrasDelMotor()
    {
        var (r, bytes) = await BajarAsync(AppDePrueba.Planificador, Base + "informe.docx?periodo=S1");
        EsArchivo(r, SolicitudReporte.MimeDocx, "POI-2024-EMSAPUNO-informe-evaluacion-S1.docx");
        using var d = new Docx(s => s.Write(bytes), "web-informe.docx");
        Assert.Empty(d.Errores());
        var secciones = d.Encabezados.Where(e => e.Nivel == 1).Select(e => e.Texto).ToList();
        Assert.Equal(
        [
            InformeEvaluacionWord.Resumen, InformeEvaluacionWord.Prioridades, InformeEvaluacionWord.AnalisisOei, InformeEvaluacionWord.Valoracion,
            InformeEvaluacionWord.ImplementacionAei, InformeEvaluacionWord.SeguimientoRecomendaciones, InformeEvaluacionWord.Conclusiones,
            InformeEvaluacionWord.Recomendaciones, InformeEvaluacionWord.Anexos,
        ], secciones);

        await using var db = app.Base.Contexto();
        var mision = await db.Peis.Select(p => p.Mision).SingleAsync();
        Assert.Equal([mision!], d.Seccion("2.2 Misión").Select(e => e.InnerText));

        var s1 = await MotorAsync(app, Periodo.Semestre(1));
        var resumen = d.TablaTras("Resultados generales");
        Assert.Equal(FormatoNumero.Porcentaje(s1.Igi, "ND"), resumen[1][1]);
        Assert.Equal(s1.Bandas.Texto(s1.BandaIgi!.Value), resumen[1][2]);
        Assert.Equal(FormatoNumero.Entero(s1.Conteo.ConMeta), resumen[3][1]);
        // Every OEI has its own subsection under 3, and the annexes carry the monitoring tables.
        foreach (var o in s1.Oeis) Assert.Contains(d.Encabezados, e => e.Nivel == 2 && e.Texto.Contains(o.Codigo, StringComparison.Ordinal));
        Assert.Contains(d.Parrafos, p => p.Contains("EJECUCIÓN DE LAS ACTIVIDADES OPERATIVAS POR OEI Y AEI", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Informe_SigueLaEstructuraNacionalConPortadaYCadaAeiUnaVez()
    {
        string codigoIndicador;
        await using (var db0 = app.Base.Contexto())
        {
            // One indicator given another responsible cost centre: the report names it as the unit that reports it.
            var centro = await db0.CentrosCosto.OrderByDescending(c => c.Codigo).FirstAsync();
            codigoIndicador = await db0.Indicadores.Where(i => i.AeiId != null).OrderBy(i => i.Codigo).Select(i => i.Codigo).FirstAsync();
            var codigo = codigoIndicador;
            await db0.Indicadores.Where(i => i.Codigo == codigo).ExecuteUpdateAsync(u => u.SetProperty(i => i.CentroCostoResponsableId, centro.Id));
        }
        var hoy = Sipoi.Domain.Seguimiento.Plazos.Hoy(app.Reloj.GetUtcNow());
        var (r, bytes) = await BajarAsync(AppDePrueba.Planificador, Base + "informe.docx?periodo=ANUAL&numero=" + Uri.EscapeDataString("Informe N.° 007-2025-OPP"));
        EsArchivo(r, SolicitudReporte.MimeDocx, "POI-2024-EMSAPUNO-informe-evaluacion-ANUAL.docx");
        using var d = new Docx(s => s.Write(bytes), "web-informe-anual.docx");
        Assert.Empty(d.Errores());

        var portada = d.Parrafos.Take(20).ToList();
        Assert.Contains("Informe de evaluación de implementación del POI 2024 — Anual", portada);
        Assert.Contains("Informe N.° 007-2025-OPP", portada);
        Assert.Contains($"{InformeEvaluacionWord.Linea}, {hoy:dd/MM/yyyy}", portada);
        Assert.Contains($"Órgano responsable: {InformeEvaluacionWord.Linea}", portada);

        Assert.Equal(
        [
            InformeEvaluacionWord.Resumen, InformeEvaluacionWord.Prioridades, InformeEvaluacionWord.AnalisisOei, InformeEvaluacionWord.Valoracion,
            InformeEvaluacionWord.ImplementacionAei, InformeEvaluacionWord.SeguimientoRecomendaciones, InformeEvaluacionWord.Conclusiones,
            InformeEvaluacionWord.Recomendaciones, InformeEvaluacionWord.Anexos,
        ], d.Encabezados.Where(e => e.Nivel == 1).Select(e => e.Texto));
        var h2 = d.Encabezados.Where(e => e.Nivel == 2).Select(e => e.Texto).ToList();
        Assert.True(h2.IndexOf("2.1 Marco normativo") < h2.IndexOf(InformeEvaluacionWord.Alcance));
        Assert.True(h2.IndexOf(InformeEvaluacionWord.Alcance) < h2.IndexOf(InformeEvaluacionWord.AeisPorBanda));
        // The demo entity registered no normative framework of its own: the report prints its POI's legal basis (entity texts).
        var marco = d.Seccion("2.1 Marco normativo").Select(e => e.InnerText).ToList();
        Assert.DoesNotContain(InformeEvaluacionWord.FaltaMarcoNormativo, marco);
        Assert.Equal("Ley N° 26887 Ley General de Sociedades.", marco[0]);

        var anual = await MotorAsync(app, Periodo.Anual);
        var aeis = anual.Oeis.SelectMany(o => o.Aeis).ToList();
        var lista = d.TablaTras("Acciones estratégicas institucionales —");
        Assert.Equal(aeis.Select(a => a.Codigo), lista.Skip(1).Select(f => f[0]));
        var porBanda = d.TablaTras("AEI por nivel de desempeño y OEI");
        Assert.Equal(FormatoNumero.Entero(aeis.Count), porBanda[^1][6]);
        Assert.Equal(FormatoNumero.Entero(anual.Estrategico.Aeis.Count(a => a.Banda == Banda.Bajo)), porBanda[^1][2]);

        await using var db = app.Base.Contexto();
        var nombres = await db.Aeis.ToDictionaryAsync(a => a.Codigo, a => a.Enunciado);
        foreach (var a in anual.Estrategico.Aeis)
        {
            var titulo = $"{a.Codigo}: {nombres[a.Codigo]}";
            Assert.Single(d.Encabezados, e => e.Texto == titulo);
            Assert.Equal(a.Banda == Banda.Bajo, d.Seccion(titulo).Any(e => e.InnerText == "Desempeño: Crítico"));
        }
        Assert.Equal(anual.Estrategico.Aeis.Count(a => a.Banda == Banda.Bajo), d.Parrafos.Count(p => p == "Desempeño: Crítico"));
        var indicador = await (from i in db.Indicadores
                               join c in db.CentrosCosto on i.CentroCostoResponsableId equals c.Id
                               where i.Codigo == codigoIndicador
                               select new { i.Nombre, Centro = c.Codigo + " " + c.Nombre }).FirstAsync();
        var filas = d.Doc.MainDocumentPart!.Document.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Table>().SelectMany(Docx.Celdas).ToList();
        Assert.Contains(filas, f => f.Count == 6 && f[0].StartsWith(indicador.Nombre, StringComparison.Ordinal) && f[5] == indicador.Centro);
    }

    [Fact]
    public async Task InformePdf_SeConvierteConLibreOfficeOAvisaQueNoEstaDisponible()
    {
        var (r, _) = await BajarAsync(AppDePrueba.Consulta, Base + "informe.pdf?periodo=ANUAL");
        var pagina = await (await app.ComoAsync(AppDePrueba.Consulta)).GetStringAsync(Base.TrimEnd('/'));
        if (ConversorPdf.Disponible)
        {
            // Converted in the background: the request answers at once with its progress page (PdfEnSegundoPlanTests follows it to the file).
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
            Assert.StartsWith(Base + "pdf/", r.Headers.Location!.OriginalString, StringComparison.Ordinal);
            Assert.Contains("formaction=\"/e/EMSAPUNO/reportes/2024/informe.pdf\"", pagina);
        }
        else
        {
            Assert.Equal(HttpStatusCode.NotImplemented, r.StatusCode);
            Assert.Contains("PDF no disponible en este servidor", pagina);
        }
    }

    [Fact]
    public async Task Pagina_OfreceCadaReporteComoFormularioGet()
    {
        await RegistrarAsync(app);
        var r = await (await app.ComoAsync(AppDePrueba.Operador)).GetAsync(Base.TrimEnd('/'));
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var doc = new HtmlParser().ParseDocument(await r.Content.ReadAsStringAsync());
        var acciones = doc.QuerySelectorAll("form[method=get]").Select(f => f.GetAttribute("action")).ToList();
        // Each file has its own address; the accountability report is the page's own handler (plan and semester chosen).
        Assert.Equal(new[] { "matriz.xlsx", "ejecucion.xlsx", "seguimiento.xlsx", "seguimiento-pei.xlsx", "seguimiento-poi.xlsx", "presupuesto.xlsx", "informe.docx", "poi.docx", "" },
            acciones.Select(a => a == Base.TrimEnd('/') ? "" : a![Base.Length..]).ToArray());
        Assert.NotNull(doc.QuerySelector($"form[action='{Base.TrimEnd('/')}'] input[name=handler][value=RendicionCuentas]"));
        Assert.NotNull(doc.QuerySelector($"form[action='{Base}ejecucion.xlsx'] select[name=hastaMes]"));
        Assert.Equal(new[] { "T1", "T2", "T3", "T4", "S1", "S2", "ANUAL" }, doc.QuerySelectorAll($"form[action='{Base}informe.docx'] select[name=periodo] option").Select(o => o.GetAttribute("value")!).ToArray());
        Assert.Contains("solo los centros de costo asignados", doc.QuerySelector(".aviso")!.TextContent);
        Assert.NotNull(doc.QuerySelector("nav a[href='/e/EMSAPUNO/reportes/2024']"));
    }

    [Theory]
    [InlineData("ejecucion.xlsx?hastaMes=13", HttpStatusCode.BadRequest, "mes de corte no válido «13»: use un número de 1 a 12.")]
    [InlineData("ejecucion.xlsx?hastaMes=x", HttpStatusCode.BadRequest, "mes de corte no válido «x»: use un número de 1 a 12.")]
    [InlineData("seguimiento.xlsx?periodo=A06", HttpStatusCode.BadRequest, "Periodo no válido: «A06». Use T1…T4, S1, S2 o ANUAL.")]
    [InlineData("informe.docx?periodo=M05", HttpStatusCode.BadRequest, "Periodo no válido: «M05». Use T1…T4, S1, S2 o ANUAL.")]
    [InlineData("informe.docx?numero=Informe%20N.%C2%B0%20001-2024-OPP-OFICINA-DE-PLANEAMIENTO-Y-PRESUPUESTO-DE-LA-ENTIDAD-EXTRA", HttpStatusCode.BadRequest,
        "número de informe demasiado largo: admite hasta 80 caracteres (tiene 82).")]
    [InlineData("matriz.docx", HttpStatusCode.NotFound, null)]
    [InlineData("otro.xlsx", HttpStatusCode.NotFound, null)]
    public async Task Descarga_ConOpcionesNoValidas_NoGeneraNada(string archivo, HttpStatusCode esperado, string? mensaje)
    {
        var (r, _) = await BajarAsync(AppDePrueba.Planificador, Base + archivo);
        if (mensaje is null) Assert.Equal(esperado, r.StatusCode);
        else await Rechazo.EnRespuestaAsync(r, esperado, "Solicitud no válida: " + mensaje);
    }

    [Fact]
    public async Task Descarga_SinSesion_RedirigeAlIngreso()
    {
        var r = await app.ClienteAnonimo().GetAsync(Base + "matriz.xlsx");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.StartsWith("/cuenta/ingresar", r.Headers.Location!.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/e/OTRA/reportes/2024/matriz.xlsx")]
    [InlineData("/e/OTRA/reportes/2024/informe.docx")]
    [InlineData("/e/OTRA/reportes/2024")]
    public async Task Descarga_DeOtraEntidad_Prohibida(string url)
    {
        var r = await (await app.ComoAsync(AppDePrueba.Planificador)).GetAsync(url);
        Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode);
    }

    [Fact]
    public async Task Descarga_DeUnAnioSinPoi_NoEncontrada()
    {
        var r = await (await app.ComoAsync(AppDePrueba.Planificador)).GetAsync("/e/EMSAPUNO/reportes/2031/matriz.xlsx");
        Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
    }

    private async Task<int> PlanDemoAsync()
    {
        await using var db = app.Base.Contexto();
        return await db.PlanesGobierno.Where(p => p.Nombre == PlanGobiernoDemo.Nombre).Select(p => p.Id).SingleAsync();
    }

    [Fact]
    public async Task RendicionCuentas_DesdeLaPaginaDeReportes_ElMismoArchivoQueLaEvaluacionDelPlan()
    {
        await RegistrarAsync(app);
        var plan = await PlanDemoAsync();
        var http = await app.ComoAsync(AppDePrueba.Consulta);
        // The selector lists every year of the plan; the POI year 2024 is after the demo plan 2019-2022: its last year is proposed.
        var doc = new HtmlParser().ParseDocument(await http.GetStringAsync("/e/EMSAPUNO/reportes/2024"));
        var form = doc.QuerySelector("#rendicion-cuentas form")!;
        Assert.Equal("/e/EMSAPUNO/reportes/2024", form.GetAttribute("action"));
        Assert.Equal("RendicionCuentas", form.QuerySelector("input[name=handler]")!.GetAttribute("value"));
        Assert.Equal([$"{plan}-2019", $"{plan}-2020", $"{plan}-2021", $"{plan}-2022"],
            form.QuerySelectorAll("select[name=plan] option").Select(o => o.GetAttribute("value")).Order(StringComparer.Ordinal));
        Assert.Equal($"{plan}-2022", form.QuerySelector("select[name=plan] option[selected]")!.GetAttribute("value"));
        Assert.Equal(["docx", "xlsx"], form.QuerySelectorAll("button[name=formato]").Select(b => b.GetAttribute("value")));

        foreach (var formato in new[] { "xlsx", "docx" })
        {
            var (r, bytes) = await BajarAsync(AppDePrueba.Consulta, $"/e/EMSAPUNO/reportes/2024?handler=RendicionCuentas&plan={plan}-2022&semestre=2&formato={formato}");
            EsArchivo(r, formato == "xlsx" ? SolicitudReporte.MimeXlsx : SolicitudReporte.MimeDocx, $"rendicion-cuentas-emsapuno-2022-s2.{formato}");
            var (_, evaluacion) = await BajarAsync(AppDePrueba.Consulta, $"/e/EMSAPUNO/plan-gobierno/{plan}/evaluacion/2022?semestre=2&handler=Informe&formato={formato}");
            if (formato == "xlsx")
            {
                using var x = Libro(bytes, "web-rendicion-cuentas.xlsx");
                using var y = Libro(evaluacion);
                Assert.Empty(x.Errores());
                Assert.Equal(y.Hojas, x.Hojas);
                foreach (var hoja in x.Hojas)
                    Assert.Equal(y.Hoja(hoja).InnerText, x.Hoja(hoja).InnerText);
            }
            else
            {
                using var d = new Docx(s => s.Write(bytes), "web-rendicion-cuentas.docx");
                using var e = new Docx(s => s.Write(evaluacion));
                Assert.Empty(d.Errores());
                Assert.Equal(e.Parrafos, d.Parrafos);
                Assert.Contains(d.Parrafos, t => t.Contains("Vida digna y saludable.", StringComparison.Ordinal));
            }
        }
    }

    [Theory]
    [InlineData("plan=x&semestre=1&formato=docx", HttpStatusCode.BadRequest, "Plan de Gobierno no válido «x»: elija un plan y un año de la lista.")]
    [InlineData("plan={plan}-2022&semestre=3&formato=docx", HttpStatusCode.BadRequest, "Semestre no válido: use 1 (enero–junio) o 2 (julio–diciembre).")]
    [InlineData("plan={plan}-2022&semestre=1&formato=pdf", HttpStatusCode.BadRequest, "Formato no válido: use docx (Word) o xlsx (Excel).")]
    [InlineData("plan={plan}-2024&semestre=1&formato=docx", HttpStatusCode.NotFound, null)]
    [InlineData("plan=999999-2022&semestre=1&formato=docx", HttpStatusCode.NotFound, null)]
    public async Task RendicionCuentas_OpcionesNoValidas_NoGeneraNada(string consulta, HttpStatusCode esperado, string? mensaje)
    {
        await RegistrarAsync(app);
        var url = "/e/EMSAPUNO/reportes/2024?handler=RendicionCuentas&" + consulta.Replace("{plan}", (await PlanDemoAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var (r, _) = await BajarAsync(AppDePrueba.Planificador, url);
        if (mensaje is null) Assert.Equal(esperado, r.StatusCode);
        else await Rechazo.EnRespuestaAsync(r, esperado, mensaje);
    }
}
