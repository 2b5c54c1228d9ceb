using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Sipoi.Domain.Estrategia;
using Sipoi.Domain.Evaluacion;
using Sipoi.Domain.Periodos;
using Sipoi.Web.Evaluacion;
using Sipoi.Web.Tests.Infraestructura;

namespace Sipoi.Web.Tests.Planes;

/// <summary>
/// The obtained-values grid of a PEI (Pages/Peis/Valores): the responsible centre registers, the planning office validates,
/// and only validated values reach the strategic evaluation.
/// </summary>
public sealed class ValoresIndicadorTests(AppDePrueba app) : IClassFixture<AppDePrueba>
{
    private const string Url = "/e/EMSAPUNO/pei/PEI-2023-2025/valores?anio=2024";
    private const string Propio = "IND.AEI.01.01.01";   // LE 2024 = 11, ascending; centre 01.02 in these tests
    private const string Ajeno = "IND.AEI.01.02.01";    // centre 02.01
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");

    private async Task<HttpClient> OperadorAsync()
    {
        await using (var db = app.Base.Contexto())
        {
            foreach (var (indicador, centro) in new[] { (Propio, "01.02"), (Ajeno, "02.01") })
            {
                var id = await db.CentrosCosto.Where(c => c.Codigo == centro).Select(c => c.Id).SingleAsync();
                await db.Indicadores.Where(i => i.Codigo == indicador).ExecuteUpdateAsync(s => s.SetProperty(i => i.CentroCostoResponsableId, id));
            }
        }
        return await app.OperadorDeAsync("valores.0102@emsapuno.demo", "01.02");
    }

    private async Task<ValorIndicador?> ValorAsync(string indicador, PeriodoIndicador periodo)
    {
        await using var db = app.Base.Contexto();
        return await db.ValoresIndicador.AsNoTracking()
            .SingleOrDefaultAsync(v => v.Anio == 2024 && v.Periodo == periodo && db.Indicadores.Any(i => i.Id == v.IndicadorId && i.Codigo == indicador));
    }

    private async Task<(ResultadoIndicador Indicador, LogroAei Aei)> EstrategicoS1Async()
    {
        await using var db = app.Base.Contexto();
        var r = (await ConsultaEvaluacion.EvaluarAsync(db, "EMSAPUNO", 2024, Periodo.Semestre(1)))!;
        return (r.Estrategico.Indicadores.Single(i => i.Codigo == Propio), r.Estrategico.Aeis.Single(a => a.Codigo == "AEI.01.01"));
    }

    [Fact]
    public async Task Operador_GuardaLaGrilla_YSoloCuentaCuandoElPlanificadorValida()
    {
        var op = await OperadorAsync();
        var f = await Formulario.LeerAsync(op, Url, "form-valores");
        Assert.DoesNotContain(Ajeno, f.Campos.Values);
        f.Poner(Propio, "Semestre1", "5.5");
        var r = await f.EnviarAsync(op, f.Accion("guardar"));
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);

        var v = (await ValorAsync(Propio, PeriodoIndicador.Semestre1))!;
        Assert.Equal(5.5m, v.ValorObtenido);
        Assert.Equal(EstadoValorIndicador.Registrado, v.Estado);
        var (antes, aeiAntes) = await EstrategicoS1Async();
        Assert.Null(antes.ValorObtenido);
        Assert.Null(aeiAntes.Logro);
        Assert.True(aeiAntes.SinInformacion);
        Assert.False(aeiAntes.Critica);

        var pl = await app.ComoAsync(AppDePrueba.Planificador);
        var g = await Formulario.LeerAsync(pl, Url, "form-valores");
        var clave = g.Campos.Single(c => c.Key.StartsWith("Revisiones[", StringComparison.Ordinal) && c.Key.EndsWith(".Codigo", StringComparison.Ordinal) && c.Value == Propio
            && g.Campos[c.Key.Replace(".Codigo", ".Periodo", StringComparison.Ordinal)] == "1").Key;
        g.Campos[clave.Replace(".Codigo", ".Accion", StringComparison.Ordinal)] = "validar";
        r = await g.EnviarAsync(pl, g.Accion("revisar"));
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);

        Assert.Equal(EstadoValorIndicador.Validado, (await ValorAsync(Propio, PeriodoIndicador.Semestre1))!.Estado);
        var (despues, aeiDespues) = await EstrategicoS1Async();
        Assert.Equal(5.5m, despues.ValorObtenido);
        Assert.Equal(50m, despues.Avance);
        Assert.Equal(50m, aeiDespues.Logro);
        Assert.False(aeiDespues.SinInformacion);
        Assert.True(aeiDespues.Critica);

        await using var db = app.Base.Contexto();
        Assert.True(await db.Auditoria.AnyAsync(a => a.Tabla == "valor_indicador" && a.Usuario == "valores.0102@emsapuno.demo"));
        Assert.True(await db.Auditoria.AnyAsync(a => a.Tabla == "valor_indicador" && a.Campo == "estado"
            && a.ValorAnterior == "Registrado" && a.ValorNuevo == "Validado" && a.Usuario == AppDePrueba.Planificador));
    }

    [Fact]
    public async Task Operador_ConUnaCeldaIlegible_NombraIndicadorYCeldaYNoGuardaNada()
    {
        var op = await OperadorAsync();
        var f = await Formulario.LeerAsync(op, Url, "form-valores");
        f.Poner(Propio, "Anual", "8");
        f.Poner(Propio, "Semestre2", "doce");
        var r = await f.EnviarAsync(op, f.Accion("guardar"));
        await Rechazo.EnRespuestaAsync(r, HttpStatusCode.OK, $"Indicador {Propio}, II semestre 2024: «doce» no es un número");
        Assert.Null((await ValorAsync(Propio, PeriodoIndicador.Anual))?.ValorObtenido);
    }

    [Fact]
    public async Task Operador_NoTocaElIndicadorDeOtroCentro()
    {
        var op = await OperadorAsync();
        var f = await Formulario.LeerAsync(op, Url, "form-valores");
        f.Campos[$"Filas[{f.Fila(Propio)}].Codigo"] = Ajeno;
        f.Campos[$"Filas[{f.Fila(Ajeno)}].Anual"] = "30";
        var r = await f.EnviarAsync(op, f.Accion("guardar"));
        await Rechazo.EnRespuestaAsync(r, HttpStatusCode.Forbidden, "Acceso denegado");
        Assert.Null((await ValorAsync(Ajeno, PeriodoIndicador.Anual))?.ValorObtenido);
    }

    [Fact]
    public async Task Operador_AdjuntaEvidenciaConElValorYUnArchivoFalsoSeRechaza()
    {
        var op = await OperadorAsync();
        var f = await Formulario.LeerAsync(op, Url, "form-valores");
        var fila = f.Fila(Propio);
        f.Poner(Propio, "Semestre2", "7");

        async Task<HttpResponseMessage> EnviarAsync(string nombre, byte[] contenido)
        {
            var m = new MultipartFormDataContent();
            foreach (var (k, v) in f.Campos) m.Add(new StringContent(v), k);
            m.Add(new ByteArrayContent(contenido), $"evidencia-{fila}-2", nombre);
            return await op.PostAsync(f.Accion("guardar"), m);
        }

        var r = await EnviarAsync("informe.pdf", Encoding.ASCII.GetBytes("esto no es un pdf"));
        await Rechazo.EnRespuestaAsync(r, HttpStatusCode.OK, $"Indicador {Propio}, II semestre 2024:");
        Assert.Null(await ValorAsync(Propio, PeriodoIndicador.Semestre2));

        r = await EnviarAsync("informe.pdf", Pdf);
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var v = (await ValorAsync(Propio, PeriodoIndicador.Semestre2))!;
        Assert.Equal(7m, v.ValorObtenido);
        await using var db = app.Base.Contexto();
        var e = await db.EvidenciasIndicador.SingleAsync(x => x.ValorIndicadorId == v.Id);
        Assert.Equal("informe.pdf", e.Nombre);
        var descarga = await op.GetAsync($"/e/EMSAPUNO/pei/PEI-2023-2025/valores?handler=Evidencia&id={e.Id}");
        Assert.Equal(HttpStatusCode.OK, descarga.StatusCode);
        Assert.Equal(Pdf, await descarga.Content.ReadAsByteArrayAsync());
    }
}
