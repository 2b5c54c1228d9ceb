using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Sipoi.Domain.Informes;
using Sipoi.Web.Informes;
using Sipoi.Web.Tests.Infraestructura;
using static Sipoi.Web.Tests.Reportes.AvanceDePrueba;

namespace Sipoi.Web.Tests.Evaluacion;

/// <summary>
/// Issue 13, item 3: the annual figure with November and December not yet approved says so on the evaluation page, the
/// dashboard, the JSON, the Word report and the workbooks; publishing it needs a confirmation and a reason, which the
/// public page shows.
/// </summary>
public sealed class CompletitudWebTests(AppDePrueba app) : IClassFixture<AppDePrueba>, IDisposable
{
    private readonly SemaphoreSlim _preparado = new(1, 1);
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<AppDePrueba, List<(int Id, string Codigo)>> Centros = new();

    public void Dispose() => _preparado.Dispose();

    /// <summary>
    /// Once per class: the report progress (January–August approved), September and October approved too, November
    /// submitted (not approved) by the first centre only, December nothing. Returns the centres with activities, by code.
    /// </summary>
    private async Task<List<(int Id, string Codigo)>> PrepararAsync()
    {
        await _preparado.WaitAsync();
        try
        {
            if (Centros.TryGetValue(app, out var hechos)) return hechos;
            await RegistrarAsync(app);
            await using var db = app.Base.Contexto();
            var entidad = await db.Entidades.SingleAsync(e => e.Codigo == Entidad);
            var poi = await db.Pois.SingleAsync(p => p.Anio == Anio && p.EntidadId == entidad.Id);
            var centros = (await (from a in db.Actividades
                                  join c in db.CentrosCosto on a.CentroCostoId equals c.Id
                                  where a.PoiId == poi.Id
                                  select new { c.Id, c.Codigo }).Distinct().ToListAsync())
                .OrderBy(c => c.Codigo, StringComparer.Ordinal).Select(c => (c.Id, c.Codigo)).ToList();
            foreach (var (id, _) in centros)
                foreach (var mes in new[] { 9, 10 })
                    db.Seguimientos.Add(Seguimientos.Aprobado(entidad, poi.Id, Anio, id, mes));
            db.Seguimientos.Add(Seguimientos.Enviado(entidad, poi.Id, Anio, centros[0].Id, 11));
            await db.SaveChangesAsync();
            Centros.Add(app, centros);
            return centros;
        }
        finally { _preparado.Release(); }
    }

    private static string Numero(int n) => n.ToString("#,0", CultureInfo.InvariantCulture);

    private static string Frase(int centros, string meses = "noviembre ({0} centros), diciembre ({0} centros)", int mesesPeriodo = 12) =>
        $"Faltan {Numero(2 * centros)} de {Numero(mesesPeriodo * centros)} meses-centro por aprobar: {string.Format(CultureInfo.InvariantCulture, meses, centros)}.";

    private Task<(int Codigo, string Salida, string Errores)> CliAsync(params string[] args) => app.CliAsync(args);

    [Fact]
    public async Task Evaluacion_AnualConNoviembreYDiciembreSinAprobar_LaPaginaLoDiceYEnlazaCadaMes()
    {
        var centros = await PrepararAsync();
        var http = await app.ComoAsync(AppDePrueba.Planificador);

        var doc = Formulario.Leer(await (await http.GetAsync("/e/EMSAPUNO/evaluacion/2024?periodo=ANUAL")).Content.ReadAsStringAsync());

        Assert.Equal(Frase(centros.Count), doc.GetElementById("completitud-frase")!.TextContent);
        var filas = doc.QuerySelectorAll("#completitud-faltantes tbody tr").ToList();
        Assert.Equal(2 * centros.Count, filas.Count);
        Assert.Equal([centros[0].Codigo, "Noviembre", "Enviado"], new[] { 0, 2, 3 }.Select(i => filas[0].Children[i].TextContent));
        Assert.Equal($"/e/EMSAPUNO/seguimiento/2024/11?centro={centros[0].Codigo}", filas[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal([centros[^1].Codigo, "Diciembre", "Pendiente"], new[] { 0, 2, 3 }.Select(i => filas[^1].Children[i].TextContent));

        // The first semester is complete: no notice.
        var s1 = Formulario.Leer(await (await http.GetAsync("/e/EMSAPUNO/evaluacion/2024?periodo=S1")).Content.ReadAsStringAsync());
        Assert.NotNull(s1.QuerySelector(".igi"));
        Assert.Null(s1.GetElementById("completitud"));
    }

    [Fact]
    public async Task Tablero_AnualIncompleto_LoDice()
    {
        var centros = await PrepararAsync();
        var http = await app.ComoAsync(AppDePrueba.Planificador);

        var doc = Formulario.Leer(await (await http.GetAsync("/e/EMSAPUNO/tablero/2024?periodo=ANUAL")).Content.ReadAsStringAsync());
        var t4 = Formulario.Leer(await (await http.GetAsync("/e/EMSAPUNO/tablero/2024?periodo=T4")).Content.ReadAsStringAsync());

        Assert.Equal(Frase(centros.Count), doc.GetElementById("completitud-frase")!.TextContent);
        Assert.Equal(Frase(centros.Count, mesesPeriodo: 3), t4.GetElementById("completitud-frase")!.TextContent);
    }

    [Fact]
    public async Task EvaluateJson_ListaExactamenteLosMesesCentroQueFaltan()
    {
        var centros = await PrepararAsync();

        var (codigo, salida, _) = await CliAsync("evaluate", "--entidad", Entidad, "--anio", "2024", "--periodo", "ANUAL", "--formato", "json");

        Assert.Equal(0, codigo);
        var c = JsonDocument.Parse(salida).RootElement.GetProperty("completitud");
        Assert.False(c.GetProperty("completa").GetBoolean());
        Assert.Equal(2 * centros.Count, c.GetProperty("mesesCentroFaltantes").GetInt32());
        Assert.Equal(12 * centros.Count, c.GetProperty("mesesCentro").GetInt32());
        Assert.Equal(Frase(centros.Count), c.GetProperty("descripcion").GetString());
        var esperados = centros.Select((x, i) => (x.Codigo, 11, i == 0 ? "enviado" : "pendiente"))
            .Concat(centros.Select(x => (x.Codigo, 12, "pendiente"))).ToList();
        Assert.Equal(esperados, c.GetProperty("faltantes").EnumerateArray()
            .Select(f => (f.GetProperty("centroCosto").GetString()!, f.GetProperty("mes").GetInt32(), f.GetProperty("estado").GetString()!)).ToList());

        var s1 = JsonDocument.Parse((await CliAsync("evaluate", "--entidad", Entidad, "--anio", "2024", "--periodo", "S1")).Salida).RootElement;
        Assert.True(s1.GetProperty("completitud").GetProperty("completa").GetBoolean());
        Assert.Empty(s1.GetProperty("completitud").GetProperty("faltantes").EnumerateArray());
    }

    [Fact]
    public async Task InformeWordYLibros_AnualIncompleto_LlevanLaNotaYLaLista()
    {
        var centros = await PrepararAsync();
        var http = await app.ComoAsync(AppDePrueba.Planificador);
        var frase = Frase(centros.Count);

        var docx = await (await http.GetAsync("/e/EMSAPUNO/reportes/2024/informe.docx?periodo=ANUAL")).Content.ReadAsByteArrayAsync();
        var informe = new Docx(s => s.Write(docx));
        Assert.Contains($"Periodo incompleto: {frase}", informe.Parrafos);
        Assert.Contains($"Nota sobre la completitud: {frase} Las cifras de este documento no cuentan esos meses.", informe.Parrafos);
        Assert.Contains(informe.Encabezados, e => e.Texto.EndsWith("MESES-CENTRO QUE LAS CIFRAS NO CUENTAN — ANUAL", StringComparison.Ordinal));

        var xlsx = await (await http.GetAsync("/e/EMSAPUNO/reportes/2024/seguimiento.xlsx?periodo=ANUAL")).Content.ReadAsByteArrayAsync();
        using var seguimiento = new Xlsx(s => s.Write(xlsx));
        Assert.Equal("Meses sin contar", seguimiento.Hojas[^1]);
        var fila = seguimiento.Fila("Meses sin contar", "A", centros[0].Codigo);
        Assert.Equal("Noviembre", seguimiento.Texto("Meses sin contar", $"C{fila}"));
        Assert.Equal("Enviado", seguimiento.Texto("Meses sin contar", $"D{fila}"));

        var s1 = await (await http.GetAsync("/e/EMSAPUNO/reportes/2024/seguimiento.xlsx?periodo=S1")).Content.ReadAsByteArrayAsync();
        using var completo = new Xlsx(s => s.Write(s1));
        Assert.DoesNotContain("Meses sin contar", completo.Hojas);

        var ejecucion = await (await http.GetAsync("/e/EMSAPUNO/reportes/2024/ejecucion.xlsx?hastaMes=12")).Content.ReadAsByteArrayAsync();
        using var libro = new Xlsx(s => s.Write(ejecucion));
        Assert.StartsWith(frase, libro.Texto(libro.Hojas[0], "A4"));
        Assert.Contains("Meses sin contar", libro.Hojas);
        var octubre = await (await http.GetAsync("/e/EMSAPUNO/reportes/2024/ejecucion.xlsx?hastaMes=10")).Content.ReadAsByteArrayAsync();
        using var alOctubre = new Xlsx(s => s.Write(octubre));
        Assert.Equal(["Ejecución al mes de octubre"], alOctubre.Hojas);
    }

    [Fact]
    public async Task Publicar_Incompleta_PideConfirmacionYMotivo_YLaPaginaPublicaLosMuestra()
    {
        var centros = await PrepararAsync();
        var http = await app.ComoAsync(AppDePrueba.Planificador);
        var registro = await Formulario.LeerAsync(http, "/e/EMSAPUNO/evaluaciones", "registrar");
        registro.Campos["anio"] = "2024";
        registro.Campos["periodo"] = "ANUAL";
        Assert.Equal(HttpStatusCode.Redirect, (await registro.EnviarAsync(http)).StatusCode);
        const string url = "/e/EMSAPUNO/evaluaciones/2024/ANUAL";

        // The form shows what is missing.
        var form = await Formulario.LeerAsync(http, url, "publicar");
        Assert.Equal(Frase(centros.Count), form.Elemento.QuerySelector("#completitud-frase")!.TextContent);

        // Without confirmation, and confirmed without a reason: refused, nothing published.
        var mensaje = $"La evaluación Anual 2024 está incompleta. {Frase(centros.Count)} " +
                      "Para publicarla así, confirme que publica un periodo incompleto e indique el motivo.";
        form.Campos["MotivoIncompleta"] = "Plazo de remisión";
        await Rechazo.EnRespuestaAsync(await form.EnviarAsync(http), HttpStatusCode.OK, mensaje);
        form = await Formulario.LeerAsync(http, url, "publicar");
        form.Campos["ConfirmarIncompleta"] = "true";
        form.Campos["MotivoIncompleta"] = "  ";
        await Rechazo.EnRespuestaAsync(await form.EnviarAsync(http), HttpStatusCode.OK, mensaje);
        await using (var db = app.Base.Contexto())
            Assert.False((await db.Evaluaciones.SingleAsync(e => e.Anio == 2024 && e.PeriodoCodigo == "ANUAL")).Publicada);

        // Confirmed with a reason: published, the reason stored, audited, shown and frozen into the JSON.
        const string motivo = "Remisión anual a CEPLAN antes del 31/01/2025";
        form = await Formulario.LeerAsync(http, url, "publicar");
        form.Campos["ConfirmarIncompleta"] = "true";
        form.Campos["MotivoIncompleta"] = motivo;
        Assert.Equal(HttpStatusCode.Redirect, (await form.EnviarYConfirmarAsync(http, "confirmar-publicar")).StatusCode);
        var nota = $"Publicada con {2 * centros.Count} meses-centro sin aprobar: {motivo}";
        await using (var db = app.Base.Contexto())
        {
            var e = await db.Evaluaciones.Include(x => x.Archivos).SingleAsync(x => x.Anio == 2024 && x.PeriodoCodigo == "ANUAL");
            Assert.True(e.Publicada);
            Assert.Equal((2 * centros.Count, motivo), (e.MesesCentroSinAprobar!.Value, e.MotivoPublicacionIncompleta));
            Assert.True(await db.Auditoria.AnyAsync(a => a.Tabla == "evaluacion_poi" && a.Campo == "motivo_publicacion_incompleta"
                                                         && a.ValorNuevo == motivo && a.Usuario == AppDePrueba.Planificador));
            var json = JsonDocument.Parse(e.Archivos.Single(a => a.Nombre == RegistroEvaluaciones.ArchivoJson).Contenido).RootElement;
            Assert.Equal(motivo, json.GetProperty("completitud").GetProperty("motivoPublicacion").GetString());
            Assert.Equal(2 * centros.Count, json.GetProperty("completitud").GetProperty("mesesCentroFaltantes").GetInt32());
            var word = new Docx(s => s.Write(e.Archivos.Single(a => a.Nombre == RegistroEvaluaciones.ArchivoInforme).Contenido));
            Assert.Contains(word.Parrafos, p => p.StartsWith("Nota sobre la completitud: ", StringComparison.Ordinal) && p.EndsWith(nota, StringComparison.Ordinal));
        }
        var detalle = Formulario.Leer(await (await http.GetAsync(url)).Content.ReadAsStringAsync());
        Assert.Equal(nota, detalle.GetElementById("publicada-incompleta")!.TextContent);
        var publica = Formulario.Leer(await (await app.ClienteAnonimo().GetAsync("/transparencia/EMSAPUNO")).Content.ReadAsStringAsync());
        Assert.Equal(nota, publica.GetElementById("evaluacion-2024-ANUAL")!.QuerySelector(".advertencia")!.TextContent);
    }

    [Fact]
    public async Task CliPublicar_Incompleta_SeRechazaSinMotivoYSeAceptaConEl()
    {
        var centros = await PrepararAsync();

        var rechazo = await CliAsync("publicar", "--entidad", Entidad, "--anio", "2024", "--periodo", "S2");
        Assert.Equal(1, rechazo.Codigo);
        Assert.Contains($"La evaluación II Semestre 2024 está incompleta. {Frase(centros.Count, mesesPeriodo: 6)} ", rechazo.Errores);
        Assert.Contains("Desde la línea de comandos: --confirmar-incompleta \"motivo\".", rechazo.Errores);
        await using (var db = app.Base.Contexto())
            Assert.False(await db.Evaluaciones.AnyAsync(e => e.PeriodoCodigo == "S2" && e.Estado == EstadoEvaluacionPoi.Publicada));

        var (codigo, salida, _) = await CliAsync("publicar", "--entidad", Entidad, "--anio", "2024", "--periodo", "S2",
            "--confirmar-incompleta", "Cierre del semestre por directiva");

        Assert.Equal(0, codigo);
        Assert.Contains($"Publicada con {2 * centros.Count} meses-centro sin aprobar: Cierre del semestre por directiva.", salida);
        await using var db2 = app.Base.Contexto();
        var s2 = await db2.Evaluaciones.SingleAsync(e => e.PeriodoCodigo == "S2");
        Assert.True(s2.Publicada);
        Assert.Equal("Cierre del semestre por directiva", s2.MotivoPublicacionIncompleta);
    }
}
