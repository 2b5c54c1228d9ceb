using System.Net;
using Microsoft.EntityFrameworkCore;
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
}
