using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sipoi.Domain.Periodos;
using Sipoi.Interop.Evaluacion;
using Sipoi.Interop.Intercambio;
using Sipoi.Web.Intercambio;
using Sipoi.Web.Tests.Infraestructura;
using Sipoi.Web.Tests.Planes;

namespace Sipoi.Web.Tests.Reportes;

/// <summary>
/// The entity option «porcentajes enteros» (issue 14, item 1): saved from the settings page and audited, carried by the
/// exchange file, and shown by the Word evaluation report and the monitoring workbook as whole numbers — display only.
/// </summary>
public sealed class PorcentajesEnterosTests(AppDePrueba app) : IClassFixture<AppDePrueba>
{
    private const string Configuracion = "/e/EMSAPUNO/administracion/configuracion";

    [Fact]
    public async Task PorcentajesEnteros_SeGuardaAuditadoYRedondeaInformeYTablas()
    {
        await AvanceDePrueba.RegistrarAsync(app);
        var admin = await app.ComoAsync(AppDePrueba.Administrador);
        var r = await Paginas.EnviarAsync(admin, Configuracion, "form-configuracion", ("Datos.PorcentajesEnteros", "true"));
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal("true", (await Formulario.LeerAsync(admin, Configuracion, "form-configuracion")).Campos["Datos.PorcentajesEnteros"]);
        await using (var db = app.Base.Contexto())
        {
            Assert.True((await db.Entidades.AsNoTracking().SingleAsync(e => e.Codigo == "EMSAPUNO")).Configuracion.PorcentajesEnteros);
            var auditado = await db.Auditoria.SingleAsync(a => a.Tabla == "entidad" && a.Campo == "porcentajes_enteros");
            Assert.Equal(("false", "true", AppDePrueba.Administrador), (auditado.ValorAnterior, auditado.ValorNuevo, auditado.Usuario));
        }

        var s1 = await AvanceDePrueba.MotorAsync(app, Periodo.Semestre(1));
        var planificador = await app.ComoAsync(AppDePrueba.Planificador);
        var docx = await planificador.GetByteArrayAsync("/e/EMSAPUNO/reportes/2024/informe.docx?periodo=S1");
        using (var d = new Docx(s => s.Write(docx), "web-informe-porcentajes-enteros.docx"))
        {
            Assert.Empty(d.Errores());
            Assert.Equal(FormatoNumero.Porcentaje(s1.Igi, "ND", 0), d.TablaTras("Resultados generales")[1][1]);
            Assert.Contains(d.Parrafos, p => p.Contains($"alcanzó {FormatoNumero.Porcentaje(s1.Igi, "ND", 0)},", StringComparison.Ordinal));
        }
        var xlsx = await planificador.GetByteArrayAsync("/e/EMSAPUNO/reportes/2024/seguimiento.xlsx?periodo=S1");
        using (var x = new Xlsx(s => s.Write(xlsx)))
        {
            Assert.Empty(x.Errores());
            var igi = x.Fila("OEI y AEI", "A", "IGI");
            // Exact value in the cell, whole number on display.
            Assert.Equal((double)s1.Igi!.Value, x.Numero("OEI y AEI", $"E{igi}"), 10);
            Assert.Equal("#,##0\" %\"", x.FormatoNumero("OEI y AEI", $"E{igi}"));
        }

        await using (var db = app.Base.Contexto())
        {
            var texto = EscritorIntercambio.EscribirTexto((await ExportadorPlan.ExportarAsync(db, "EMSAPUNO", 2024))!);
            Assert.True(JsonDocument.Parse(texto).RootElement.GetProperty("configuracion").GetProperty("porcentajesEnteros").GetBoolean());
            var lectura = LectorIntercambio.Leer(texto);
            Assert.True(lectura.EsValido, string.Join("\n", lectura.Errores));
            Assert.True(lectura.Documento.Configuracion!.PorcentajesEnteros);
        }

        // Back to two decimals.
        Assert.Equal(HttpStatusCode.Redirect, (await Paginas.EnviarAsync(admin, Configuracion, "form-configuracion", ("Datos.PorcentajesEnteros", "false"))).StatusCode);
        var docx2 = await planificador.GetByteArrayAsync("/e/EMSAPUNO/reportes/2024/informe.docx?periodo=S1");
        using var d2 = new Docx(s => s.Write(docx2));
        Assert.Equal(FormatoNumero.Porcentaje(s1.Igi, "ND"), d2.TablaTras("Resultados generales")[1][1]);
    }
}
