using System.Net;
using Microsoft.EntityFrameworkCore;
using Sipoi.Domain.Estrategia;
using Sipoi.Web.Tests.Infraestructura;

namespace Sipoi.Web.Tests.Informes;

/// <summary>
/// Publishing an evaluation cannot be undone: the first post only shows what becomes public and what is missing,
/// and changes nothing; the confirmation («Sí, publicar») publishes.
/// </summary>
public sealed class PublicacionConfirmadaTests(AppDePrueba app) : IClassFixture<AppDePrueba>
{
    private const string Raiz = "/e/EMSAPUNO/evaluaciones";

    private async Task<(bool Publicada, int Archivos)> EstadoAsync()
    {
        await using var db = app.Base.Contexto();
        var ev = await db.Evaluaciones.SingleAsync(e => e.Anio == 2024 && e.PeriodoCodigo == "S1");
        return (ev.Publicada, await db.ArchivosPublicados.CountAsync(a => a.EvaluacionId == ev.Id));
    }

    [Fact]
    public async Task Publicar_PrimeroResumeLoQueSeHacePublico_YSoloLaConfirmacionPublica()
    {
        var http = await app.ComoAsync(AppDePrueba.Planificador);
        var registro = await Formulario.LeerAsync(http, Raiz, "registrar");
        registro.Campos["anio"] = "2024";
        registro.Campos["periodo"] = "S1";
        Assert.Equal(HttpStatusCode.Redirect, (await registro.EnviarAsync(http)).StatusCode);
        var publicar = await Formulario.LeerAsync(http, $"{Raiz}/2024/S1", "publicar");
        publicar.Campos["Documento"] = "Informe N.º 030-2024-OPP";
        var incompleta = publicar.Campos.ContainsKey("MotivoIncompleta");
        if (incompleta)
        {
            publicar.Campos["ConfirmarIncompleta"] = "true";
            publicar.Campos["MotivoIncompleta"] = "Meses por aprobar al cierre";
        }

        var r = await publicar.EnviarAsync(http);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var pagina = Formulario.Leer(await r.Content.ReadAsStringAsync());
        var resumen = pagina.GetElementById("confirmar-publicacion")?.TextContent ?? throw new Xunit.Sdk.XunitException("Sin resumen de confirmación.");
        Assert.Contains("Se hará pública la evaluación I Semestre 2024 en la página de transparencia: el informe (Word), las tablas de seguimiento (Excel) y el archivo de evaluación (JSON)", resumen);
        Assert.Contains("con el documento Informe N.º 030-2024-OPP", resumen);
        Assert.Contains(incompleta ? "Aún falta:" : "Todos los meses-centro del periodo están aprobados.", resumen);
        if (incompleta) Assert.Contains("con el motivo «Meses por aprobar al cierre»", resumen);
        Assert.Equal((false, 0), await EstadoAsync());
        var publica = await (await app.ComoAsync(AppDePrueba.Consulta)).GetStringAsync("/transparencia/EMSAPUNO");
        Assert.DoesNotContain("Informe N.º 030-2024-OPP", publica);

        var confirmar = Formulario.De(pagina, "confirmar-publicar");
        Assert.Equal("true", confirmar.Campos["Confirmar"]);
        Assert.Equal(HttpStatusCode.Redirect, (await confirmar.EnviarAsync(http)).StatusCode);
        Assert.Equal((true, 3), await EstadoAsync());
    }

    [Fact]
    public async Task EliminarRecomendacion_PrimeroDiceCualSeElimina_YSoloLaConfirmacionLaElimina()
    {
        var http = await app.ComoAsync(AppDePrueba.Planificador);
        var registro = await Formulario.LeerAsync(http, Raiz, "registrar");
        registro.Campos["anio"] = "2024";
        registro.Campos["periodo"] = "T3";
        Assert.Equal(HttpStatusCode.Redirect, (await registro.EnviarAsync(http)).StatusCode);
        var f = await Formulario.LeerAsync(http, $"{Raiz}/2024/T3", "recomendacion");
        f.Campos["AspectoMejora"] = "Ejecución baja en el tercer trimestre";
        f.Campos["Texto"] = "Reprogramar las metas de capacitación";
        f.Campos["AccionClave"] = "Reunión con las unidades";
        await using (var db = app.Base.Contexto())
            f.Campos["Unidades"] = (await db.CentrosCosto.Where(c => c.Codigo == "01.02").Select(c => c.Id).SingleAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture);
        f.Campos["Plazo"] = "31/12/2024";
        Assert.Equal(HttpStatusCode.Redirect, (await f.EnviarAsync(http)).StatusCode);
        int id;
        await using (var db = app.Base.Contexto())
            id = await db.Recomendaciones.Where(r => r.Texto == "Reprogramar las metas de capacitación").Select(r => r.Id).SingleAsync();

        var eliminar = await Formulario.LeerAsync(http, $"{Raiz}/2024/T3", $"eliminar-{id}");
        var r = await eliminar.EnviarAsync(http);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var pagina = Formulario.Leer(await r.Content.ReadAsStringAsync());
        var resumen = string.Join(' ', (pagina.GetElementById("confirmar-eliminacion")?.TextContent ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Confirme que quiere eliminar la recomendación 1. No se puede deshacer.", resumen);
        Assert.Contains("«Reprogramar las metas de capacitación» (aspecto de mejora: Ejecución baja en el tercer trimestre;", resumen);
        Assert.Contains("plazo 31/12/2024", resumen);
        await using (var db = app.Base.Contexto()) Assert.True(await db.Recomendaciones.AnyAsync(x => x.Id == id));

        var confirmar = Formulario.De(pagina, "confirmar-eliminar");
        Assert.Equal("true", confirmar.Campos["Confirmar"]);
        Assert.Equal(HttpStatusCode.Redirect, (await confirmar.EnviarAsync(http)).StatusCode);
        await using (var db = app.Base.Contexto()) Assert.False(await db.Recomendaciones.AnyAsync(x => x.Id == id));
    }

    [Fact]
    public async Task Publicar_ElResumenListaLosIndicadoresSinValorObtenido_ConCodigoYNombre()
    {
        // One indicator of the POI's PEI loses its obtained value for the year (2024, anual); another keeps it.
        string faltaCodigo, faltaNombre, tieneCodigo;
        await using (var db = app.Base.Contexto())
        {
            var peiId = await db.Pois.Where(p => p.Anio == 2024).Select(p => p.PeiId).SingleAsync();
            var oeis = await db.Peis.Where(p => p.Id == peiId).SelectMany(p => p.Oeis).Select(o => o.Id).ToListAsync();
            var aeis = await db.Peis.Where(p => p.Id == peiId).SelectMany(p => p.Oeis).SelectMany(o => o.Aeis).Select(a => a.Id).ToListAsync();
            // Two indicators with a goal for 2024: the first without its obtained value, the second with a validated one.
            var conMeta = await db.Indicadores
                .Where(i => (i.OeiId != null && oeis.Contains(i.OeiId.Value)) || (i.AeiId != null && aeis.Contains(i.AeiId.Value)))
                .Where(i => i.Valores.Any(v => v.Anio == 2024 && v.Periodo == PeriodoIndicador.Anual && v.LogroEsperado != null))
                .OrderBy(i => i.Codigo).Select(i => new { i.Id, i.Codigo, i.Nombre }).Take(2).ToListAsync();
            Assert.Equal(2, conMeta.Count);
            (faltaCodigo, faltaNombre, tieneCodigo) = (conMeta[0].Codigo, conMeta[0].Nombre, conMeta[1].Codigo);
            await db.ValoresIndicador.Where(v => v.IndicadorId == conMeta[0].Id && v.Anio == 2024 && v.Periodo == PeriodoIndicador.Anual)
                .ExecuteUpdateAsync(s => s.SetProperty(v => v.ValorObtenido, (decimal?)null));
            await db.ValoresIndicador.Where(v => v.IndicadorId == conMeta[1].Id && v.Anio == 2024 && v.Periodo == PeriodoIndicador.Anual)
                .ExecuteUpdateAsync(s => s.SetProperty(v => v.ValorObtenido, v => v.LogroEsperado).SetProperty(v => v.Estado, EstadoValorIndicador.Validado));
        }
        var http = await app.ComoAsync(AppDePrueba.Planificador);
        var registro = await Formulario.LeerAsync(http, Raiz, "registrar");
        registro.Campos["anio"] = "2024";
        registro.Campos["periodo"] = "ANUAL";
        Assert.Equal(HttpStatusCode.Redirect, (await registro.EnviarAsync(http)).StatusCode);
        var publicar = await Formulario.LeerAsync(http, $"{Raiz}/2024/ANUAL", "publicar");
        if (publicar.Campos.ContainsKey("MotivoIncompleta"))
        {
            publicar.Campos["ConfirmarIncompleta"] = "true";
            publicar.Campos["MotivoIncompleta"] = "Meses por aprobar al cierre";
        }

        var r = await publicar.EnviarAsync(http);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var pagina = Formulario.Leer(await r.Content.ReadAsStringAsync());
        var sinValor = pagina.GetElementById("indicadores-sin-valor") ?? throw new Xunit.Sdk.XunitException("El resumen no lista los indicadores sin valor.");
        var texto = string.Join(' ', sinValor.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("valor obtenido para el año 2024;", texto);
        var filas = sinValor.QuerySelectorAll("li").Select(li => string.Join(' ', li.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).ToList();
        Assert.Contains(filas, f => f.StartsWith($"{faltaCodigo} {faltaNombre} (", StringComparison.Ordinal));
        Assert.DoesNotContain(filas, f => f.StartsWith(tieneCodigo + " ", StringComparison.Ordinal));
        // The count in the sentence agrees with the list.
        Assert.StartsWith(filas.Count == 1 ? "Un indicador OEI/AEI no tiene" : $"{filas.Count} indicadores OEI/AEI no tienen", texto);
    }
}
