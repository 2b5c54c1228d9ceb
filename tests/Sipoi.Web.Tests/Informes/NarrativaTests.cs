using System.Net;
using Microsoft.EntityFrameworkCore;
using Sipoi.Domain.Informes;
using Sipoi.Domain.Periodos;
using Sipoi.Domain.Seguimiento;
using Sipoi.Interop.Reportes;
using Sipoi.Web.Tests.Infraestructura;

namespace Sipoi.Web.Tests.Informes;

/// <summary>
/// The narrative (issue 13, item 2): the centres' justifications consolidated on the evaluation page, the period summary
/// a quarter's last month requires, and the planning office's texts of the report, saved all or nothing, read-only once
/// published and printed by the Word report. Each test works on its own cost centre or period.
/// </summary>
public sealed class NarrativaTests(AppDePrueba app) : IClassFixture<AppDePrueba>
{
    private const string Entidad = "EMSAPUNO";

    private static async Task<string> ErrorAsync(HttpResponseMessage r)
    {
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        return Formulario.Leer(await r.Content.ReadAsStringAsync()).GetElementById("error")?.TextContent
            ?? throw new Xunit.Sdk.XunitException("La página no muestra el error.");
    }

    /// <summary>Justifies an activity of the centre in each month given and approves the months in <paramref name="aprobados"/>.</summary>
    private async Task<(string Actividad, string Oei, string Aei)> JustificarAsync(string centro, int[] meses, int[] aprobados, string prefijo)
    {
        await using var db = app.Base.Contexto();
        var poi = await db.Pois.SingleAsync(p => p.Anio == 2024 && db.Entidades.Any(e => e.Id == p.EntidadId && e.Codigo == Entidad));
        var c = await db.CentrosCosto.SingleAsync(x => x.EntidadId == poi.EntidadId && x.Codigo == centro);
        var a = await db.Actividades.Include(x => x.Avances).Where(x => x.PoiId == poi.Id && x.CentroCostoId == c.Id).OrderBy(x => x.Codigo).FirstAsync();
        foreach (var mes in meses)
            a.FijarAvance(mes, 1, null).Justificar($"{prefijo} logro {mes}", $"{prefijo} dificultad {mes}", $"{prefijo} medida {mes}");
        foreach (var mes in aprobados)
            db.Seguimientos.Add(SeguimientoMensual.AprobadoPorImportacion(poi.EntidadId, poi.Id, 2024, c.Id, mes, "prueba", DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
        var aei = await db.Aeis.SingleAsync(x => x.Id == a.AeiId);
        var oei = await db.Oeis.SingleAsync(x => x.Id == aei.OeiId);
        return (a.Codigo, oei.Codigo, aei.Codigo);
    }

    [Fact]
    public async Task EvaluacionPagina_MuestraLasJustificacionesConsolidadasDeLosMesesQueCuentan()
    {
        var (actividad, oei, aei) = await JustificarAsync("01.02", [1, 2, 3], [1, 3], "Pagina");
        await using (var db = app.Base.Contexto())
        {
            var poi = await db.Pois.SingleAsync(p => p.Anio == 2024 && db.Entidades.Any(e => e.Id == p.EntidadId && e.Codigo == Entidad));
            var c = await db.CentrosCosto.SingleAsync(x => x.EntidadId == poi.EntidadId && x.Codigo == "01.02");
            db.ResumenesPeriodo.Add(new ResumenPeriodo(poi.EntidadId, poi.Id, 2024, c.Id, 3, "El trimestre avanzó por la campaña de verano.", "prueba", DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }
        var http = await app.ComoAsync(AppDePrueba.Consulta);
        var r = await http.GetAsync($"/e/{Entidad}/evaluacion/2024?periodo=T1");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var pagina = Formulario.Leer(await r.Content.ReadAsStringAsync());
        var porOei = pagina.GetElementById("narrativa-oei")!.TextContent;
        Assert.Contains(oei, porOei);
        Assert.Contains(aei, porOei);
        Assert.Contains(actividad, porOei);
        Assert.Contains("Pagina logro 1", porOei);
        Assert.Contains("Pagina medida 3", porOei);
        Assert.Contains("Marzo", porOei);
        // February is not approved: its justification is not shown.
        Assert.DoesNotContain("Pagina logro 2", porOei);
        var centros = pagina.GetElementById("narrativa-centros")!.TextContent;
        Assert.Contains("Resumen del I Trimestre: El trimestre avanzó por la campaña de verano.", centros);
        Assert.Contains("Pagina dificultad 3", pagina.GetElementById("narrativa-centro-01.02")!.NextElementSibling!.NextElementSibling!.TextContent);

        // Another period counts only its own months.
        var t2 = Formulario.Leer(await (await http.GetAsync($"/e/{Entidad}/evaluacion/2024?periodo=T2")).Content.ReadAsStringAsync());
        Assert.DoesNotContain("Pagina logro", t2.GetElementById("narrativa")!.TextContent);
    }

    [Fact]
    public async Task EnvioDeMarzo_SinResumenSeRechaza_ConResumenSeAceptaYSeAudita()
    {
        app.Reloj.Fijar(2024, 3, 31);
        try
        {
            var http = await app.OperadorDeAsync("operador.marzo@prueba.pe", "02.04");
            var enero = Formulario.Leer(await (await http.GetAsync($"/e/{Entidad}/seguimiento/2024/1?centro=02.04")).Content.ReadAsStringAsync());
            Assert.Null(enero.GetElementById("resumen-periodo"));

            var url = $"/e/{Entidad}/seguimiento/2024/3?centro=02.04";
            var f = await Formulario.LeerAsync(http, url, "grilla");
            Assert.NotNull(f.Pagina.GetElementById("resumen-periodo"));
            foreach (var fila in f.Pagina.QuerySelectorAll("tr.fila"))
            {
                var meta = fila.Children[3].TextContent.Trim();
                if (meta != "0") f.Poner(fila.GetAttribute("data-codigo")!, "Fisico", meta.Replace(",", "", StringComparison.Ordinal));
            }
            f.Campos["TextoResumen"] = "";
            var rechazo = await f.EnviarAsync(http, f.Accion("enviar"));
            await Rechazo.EnRespuestaAsync(rechazo, HttpStatusCode.OK,
                "Marzo de 2024 cierra el I Trimestre: falta el resumen del periodo (factores que contribuyeron o dificultaron el cumplimiento).");
            Assert.Equal(EstadoSeguimiento.Pendiente, (await SeguimientoAsync("02.04", 3))?.Estado ?? EstadoSeguimiento.Pendiente);

            f = await Formulario.LeerAsync(http, url, "grilla");
            f.Campos["TextoResumen"] = "Contribuyó la campaña de verano; dificultó la falta de camionetas.";
            var r = await f.EnviarAsync(http, f.Accion("enviar"));
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
            Assert.Equal(EstadoSeguimiento.Enviado, (await SeguimientoAsync("02.04", 3))!.Estado);
            await using var db = app.Base.Contexto();
            var resumen = await db.ResumenesPeriodo.SingleAsync(x => db.CentrosCosto.Any(c => c.Id == x.CentroCostoId && c.Codigo == "02.04"));
            Assert.Equal("T1", resumen.PeriodoCodigo);
            Assert.Equal("Contribuyó la campaña de verano; dificultó la falta de camionetas.", resumen.Texto);
            Assert.Equal("operador.marzo@prueba.pe", resumen.RegistradoPor);
            Assert.True(await db.Auditoria.AnyAsync(x => x.Tabla == "resumen_periodo" && x.Usuario == "operador.marzo@prueba.pe"));
            var pagina = Formulario.Leer(await (await http.GetAsync(url)).Content.ReadAsStringAsync());
            Assert.Equal("Contribuyó la campaña de verano; dificultó la falta de camionetas.",
                pagina.QuerySelector("#resumen-periodo textarea")!.TextContent.Trim());
        }
        finally { app.Reloj.Real(); }
    }

    private async Task<SeguimientoMensual?> SeguimientoAsync(string centro, int mes)
    {
        await using var db = app.Base.Contexto();
        return await db.Seguimientos.AsNoTracking()
            .SingleOrDefaultAsync(s => s.Mes == mes && db.CentrosCosto.Any(c => c.Id == s.CentroCostoId && c.Codigo == centro));
    }

    [Fact]
    public async Task Redaccion_GuardaTodoONadaLaUsaElWordYQuedaDeSoloLecturaAlPublicar()
    {
        var (_, oei, _) = await JustificarAsync("01.01", [7], [7], "Informe");
        int evaluacionId;
        await using (var db = app.Base.Contexto())
        {
            var entidad = await db.Entidades.SingleAsync(e => e.Codigo == Entidad);
            var ev = new EvaluacionPoi(entidad.Id, 2024, Periodo.Semestre(2));
            db.Evaluaciones.Add(ev);
            await db.SaveChangesAsync();
            evaluacionId = ev.Id;
        }
        var url = $"/e/{Entidad}/evaluaciones/2024/S2/narrativa";
        var http = await app.ComoAsync(AppDePrueba.Planificador);
        var detalle = Formulario.Leer(await (await http.GetAsync($"/e/{Entidad}/evaluaciones/2024/S2")).Content.ReadAsStringAsync());
        Assert.Equal(url, detalle.GetElementById("enlace-narrativa")!.GetAttribute("href"));

        var f = await Formulario.LeerAsync(http, url, "narrativa");
        int Indice(string seccion, string clave = "") => int.Parse(f.Campos.Single(c => c.Key.EndsWith(".Seccion", StringComparison.Ordinal)
                && c.Value == seccion && f.Campos[c.Key.Replace(".Seccion", ".Oei", StringComparison.Ordinal)] == clave).Key.Split('[', ']')[1],
            System.Globalization.CultureInfo.InvariantCulture);
        var iOei = Indice(nameof(SeccionNarrativa.AnalisisOei), oei);
        var iConclusiones = Indice(nameof(SeccionNarrativa.Conclusiones));
        var iRecomendaciones = Indice(nameof(SeccionNarrativa.Recomendaciones));
        // The draft starts from the figures and quotes the centre's approved justification.
        Assert.Contains("Informe dificultad 7", f.Campos[$"Textos[{iOei}].Texto"]);
        Assert.Contains($"El {oei} «", f.Campos[$"Textos[{iOei}].Texto"]);

        // One invalid section refuses the whole save.
        f.Campos[$"Textos[{iOei}].Texto"] = "Análisis propio de la oficina.\nSegundo párrafo del análisis.";
        f.Campos[$"Textos[{iConclusiones}].Texto"] = "Conclusión propia A\nConclusión propia B";
        f.Campos[$"Textos[{iRecomendaciones}].Texto"] = new string('x', TextoNarrativa.LargoMaximo + 1);
        Assert.Contains("Las recomendaciones: admite hasta 20,000 caracteres (tiene 20,001).", await ErrorAsync(await f.EnviarAsync(http)));
        await using (var db = app.Base.Contexto())
            Assert.Equal(0, await db.TextosNarrativa.CountAsync(t => t.EvaluacionId == evaluacionId));

        f.Campos[$"Textos[{iRecomendaciones}].Texto"] = "Recomendación propia de la oficina";
        Assert.Equal(HttpStatusCode.Redirect, (await f.EnviarAsync(http)).StatusCode);
        await using (var db = app.Base.Contexto())
        {
            var textos = await db.TextosNarrativa.Where(t => t.EvaluacionId == evaluacionId).OrderBy(t => t.Seccion).ToListAsync();
            Assert.Equal(3, textos.Count);
            Assert.Equal("Análisis propio de la oficina.\nSegundo párrafo del análisis.", textos.Single(t => t.OeiCodigo == oei).Texto);
            Assert.True(await db.Auditoria.AnyAsync(x => x.Tabla == "texto_narrativa" && x.Usuario == AppDePrueba.Planificador));
        }
        var guardado = await Formulario.LeerAsync(http, url, "narrativa");
        Assert.Equal("Conclusión propia A\nConclusión propia B", guardado.Campos[$"Textos[{iConclusiones}].Texto"].Replace("\r\n", "\n", StringComparison.Ordinal));

        // A Consulta user reads, never writes.
        var consulta = await app.ComoAsync(AppDePrueba.Consulta);
        var soloLectura = await Formulario.LeerAsync(consulta, url, "narrativa");
        Assert.Null(soloLectura.Pagina.GetElementById("guardar"));
        Assert.Equal(HttpStatusCode.Forbidden, (await soloLectura.EnviarAsync(consulta)).StatusCode);

        // The Word report prints the office's texts.
        var word = await http.GetAsync($"/e/{Entidad}/reportes/2024/informe.docx?periodo=S2");
        Assert.Equal(HttpStatusCode.OK, word.StatusCode);
        var bytes = await word.Content.ReadAsByteArrayAsync();
        using (var docx = new Docx(s => s.Write(bytes)))
        {
            var analisis = docx.Seccion(InformeEvaluacionWord.AnalisisOei).Select(e => e.InnerText).ToList();
            Assert.Contains("Análisis propio de la oficina.", analisis);
            Assert.Contains("Segundo párrafo del análisis.", analisis);
            var conclusiones = string.Join("\n", docx.Seccion(InformeEvaluacionWord.Conclusiones).Select(e => e.InnerText));
            Assert.Contains("Conclusión propia B", conclusiones);
            Assert.Contains("Recomendación propia de la oficina", string.Join("\n", docx.Seccion(InformeEvaluacionWord.Recomendaciones).Select(e => e.InnerText)));
        }

        // Published: read-only, and a form left open is refused with the rule's message.
        var p = await Formulario.LeerAsync(http, $"/e/{Entidad}/evaluaciones/2024/S2", "publicar");
        // The test data leaves months of the semester unapproved: publishing needs the confirmation and its reason.
        p.Campos["ConfirmarIncompleta"] = "true";
        p.Campos["MotivoIncompleta"] = "Publicación de prueba con meses por aprobar.";
        Assert.Equal(HttpStatusCode.Redirect, (await p.EnviarYConfirmarAsync(http, "confirmar-publicar")).StatusCode);
        var publicada = Formulario.Leer(await (await http.GetAsync(url)).Content.ReadAsStringAsync());
        Assert.NotNull(publicada.GetElementById("solo-lectura"));
        Assert.Null(publicada.GetElementById("guardar"));
        guardado.Campos[$"Textos[{iConclusiones}].Texto"] = "Cambio tardío";
        Assert.Contains("La evaluación II Semestre 2024 ya está publicada: no se puede modificar su redacción.", await ErrorAsync(await guardado.EnviarAsync(http)));
        await using (var db = app.Base.Contexto())
        {
            Assert.DoesNotContain(await db.TextosNarrativa.Where(t => t.EvaluacionId == evaluacionId).Select(t => t.Texto).ToListAsync(), t => t == "Cambio tardío");
            var informe = await db.ArchivosPublicados.SingleAsync(a => a.EvaluacionId == evaluacionId && a.Nombre == "informe.docx");
            using var docx = new Docx(s => s.Write(informe.Contenido));
            Assert.Contains("Análisis propio de la oficina.", docx.Seccion(InformeEvaluacionWord.AnalisisOei).Select(e => e.InnerText));
        }
    }
}
