using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Sipoi.Domain.Seguimiento;
using Sipoi.Web.Tests.Infraestructura;

namespace Sipoi.Web.Tests.Planes;

/// <summary>
/// The budget through the year (Pages/Presupuesto: Cargar, Modificaciones, the budget page): a file reviewed then loaded all or
/// nothing, a second load of the same file changes nothing, bad rows named; modifications by form under the year's rules; audited.
/// </summary>
public sealed class PresupuestoAnualTests(AppDePrueba app) : IClassFixture<AppDePrueba>
{
    private const string Base = "/e/EMSAPUNO/presupuesto/2024";

    private const string Csv =
        "FUENTE_FINANCIAMIENTO,GENERICA,CENTRO DE COSTO,MONTO_PIA,MONTO_PIM,MONTO_CERTIFICADO_ENERO,MONTO_DEVENGADO_ENERO\n" +
        "2,3,01.02,1000,1500,400,300\n" +
        "1,2.1,,500,500,100,100\n";

    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> RevisarAsync(HttpClient http, string texto, string nombre = "presupuesto.csv")
    {
        var form = await Formulario.LeerAsync(http, Base + "/cargar", "revisar");
        var contenido = new MultipartFormDataContent();
        foreach (var (k, v) in form.Campos) contenido.Add(new StringContent(v), k);
        var archivo = new ByteArrayContent(Encoding.UTF8.GetBytes(texto));
        archivo.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        contenido.Add(archivo, "Archivo", nombre);
        var r = await http.PostAsync(form.Elemento.GetAttribute("action"), contenido);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        return Formulario.Leer(await r.Content.ReadAsStringAsync());
    }

    private async Task<(int Creditos, int Ejecuciones, int Modificaciones, int Auditoria)> ConteosAsync()
    {
        await using var db = app.Base.Contexto();
        return (await db.CreditosPresupuestarios.CountAsync(c => c.Anio == 2024), await db.EjecucionesPresupuestales.CountAsync(c => c.Anio == 2024),
            await db.ModificacionesPresupuestarias.CountAsync(c => c.Anio == 2024), await db.Auditoria.CountAsync());
    }

    [Fact]
    public async Task Carga_RevisaConfirmaYUnaSegundaCargaIgualNoCambiaNada()
    {
        var http = await app.ComoAsync(AppDePrueba.Planificador);
        var antes = await ConteosAsync();
        var revision = await RevisarAsync(http, Csv);
        Assert.Contains("Filas nuevas: 4", revision.GetElementById("cambios")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Ajuste al PIM según «presupuesto.csv»", revision.GetElementById("modificaciones-nuevas")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(antes, await ConteosAsync()); // reviewing changes nothing

        var r = await Formulario.De(revision, "confirmar").EnviarAsync(http);
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var despues = await ConteosAsync();
        Assert.Equal((2, 2, 1), (despues.Creditos, despues.Ejecuciones, despues.Modificaciones));
        await using (var db = app.Base.Contexto())
        {
            var ajuste = await db.ModificacionesPresupuestarias.SingleAsync(m => m.Anio == 2024);
            Assert.Equal((2, "2.3", 500m), (ajuste.Fuente, ajuste.Generica, ajuste.Monto));
            Assert.True(await db.Auditoria.AnyAsync(a => a.Tabla == "credito_presupuestario" && a.Accion == AccionAuditada.Importacion
                && a.Usuario == AppDePrueba.Planificador && a.ValorNuevo!.Contains("presupuesto.csv")));
        }

        var pagina = await Paginas.LeerAsync(http, Base);
        var fila = pagina.QuerySelectorAll("#pim-fuente tbody tr").Single(t => t.TextContent.Contains("2 Recursos Directamente Recaudados", StringComparison.Ordinal));
        Assert.Equal(["2 Recursos Directamente Recaudados", "2.3 Bienes y servicios", "1,000.00", "500.00", "1,500.00", "400.00", "300.00", "20.00 %"],
            fila.QuerySelectorAll("td").Select(td => td.TextContent.Trim()));
        Assert.Contains("01.02", pagina.GetElementById("pim-centro")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Sin asignar a un centro de costo", pagina.GetElementById("pim-centro")!.TextContent, StringComparison.Ordinal);

        // The same file again: nothing to confirm, nothing written (not even another PIM adjustment).
        var otra = await RevisarAsync(http, Csv);
        Assert.NotNull(otra.GetElementById("sin-cambios"));
        Assert.Null(otra.GetElementById("confirmar"));
        Assert.Equal(despues, await ConteosAsync());
    }

    [Fact]
    public async Task Carga_ConFilasMalas_NombraFilaColumnaYMotivo_YNoCargaNada()
    {
        var http = await app.ComoAsync(AppDePrueba.Administrador);
        var antes = await ConteosAsync();
        var doc = await RevisarAsync(http, "FUENTE,GENERICA,CENTRO DE COSTO,PIA\n9,2.3,,10\n1,2.3,99.99,10\n1,2.3,,abc\n");
        var errores = doc.QuerySelectorAll("#errores li").Select(li => li.TextContent).ToList();
        Assert.Contains(errores, e => e.StartsWith("fila 2, columna A (fuente): «9» no es una fuente de financiamiento", StringComparison.Ordinal));
        Assert.Contains("fila 4, columna D (PIA): «abc» no es un número.", errores);
        Assert.Null(doc.GetElementById("confirmar"));
        Assert.Equal(antes, await ConteosAsync());

        doc = await RevisarAsync(http, "FUENTE,GENERICA,CENTRO DE COSTO,PIA\n1,2.3,99.99,10\n");
        Assert.Equal(["Fila 2, columna Centro de costo: «99.99» no es un centro de costo de la entidad."], doc.QuerySelectorAll("#errores li").Select(li => li.TextContent));
        doc = await RevisarAsync(http, "FUENTE,GENERICA,PIA,DEVENGADO ENERO\n1,2.3,10,11\n");
        Assert.Equal(["No se puede cargar: El devengado de fuente 1 Recursos Ordinarios, genérica 2.3 (11) supera su PIM (10)."],
            doc.QuerySelectorAll("#errores li").Select(li => li.TextContent));
        Assert.Equal(antes, await ConteosAsync());
    }

    [Fact]
    public async Task Modificacion_PorFormulario_RespetaElPimYSeAudita()
    {
        var http = await app.ComoAsync(AppDePrueba.Planificador);
        var url = "/e/EMSAPUNO/presupuesto/2031/modificaciones";
        async Task<HttpResponseMessage> Registrar(string documento, string fecha, string generica, string monto) =>
            await Paginas.EnviarAsync(http, url, "form-nueva", ("Documento", documento), ("Fecha", fecha), ("Fuente", "1"), ("Generica", generica),
                ("Centro", ""), ("Actividad", ""), ("Monto", monto));

        app.Reloj.Fijar(2031, 5, 20);
        await Rechazo.EnRespuestaAsync(await Registrar("RA 1", "10/05/2031", "2.3", "-10"), HttpStatusCode.OK,
            "El PIM de fuente 1 Recursos Ordinarios, genérica 2.3 quedaría en -10 (PIA 0, modificaciones -10)");
        await Rechazo.EnRespuestaAsync(await Registrar("RA 1", "10/05/2030", "2.3", "10"), HttpStatusCode.OK,
            "Fecha 10/05/2030: la modificación debe estar fechada dentro de 2031.");
        await Rechazo.EnRespuestaAsync(await Registrar("RA 1", "10/05/2031", "1.3", "10"), HttpStatusCode.OK, "Genérica «1.3»: no es una genérica de gasto");
        Assert.Equal(HttpStatusCode.Redirect, (await Registrar("Resolución de Alcaldía N.° 045-2031-MPP", "10/05/2031", "2.3", "1,250.50")).StatusCode);

        await using var db = app.Base.Contexto();
        var m = await db.ModificacionesPresupuestarias.SingleAsync(x => x.Anio == 2031);
        Assert.Equal(("Resolución de Alcaldía N.° 045-2031-MPP", new DateOnly(2031, 5, 10), 1250.50m), (m.Documento, m.Fecha, m.Monto));
        Assert.True(await db.Auditoria.AnyAsync(a => a.Tabla == "modificacion_presupuestaria" && a.Accion == AccionAuditada.Alta && a.Usuario == AppDePrueba.Planificador));

        // «quitar»: the first post removes nothing and shows what goes; only the confirmation removes.
        var quitar = await Formulario.LeerAsync(http, url, $"form-quitar-{m.Id}");
        var primera = await quitar.EnviarAsync(http);
        Assert.Equal(HttpStatusCode.OK, primera.StatusCode);
        var pagina = Formulario.Leer(await primera.Content.ReadAsStringAsync());
        var caja = pagina.GetElementById("confirmar-quitar")!.TextContent;
        Assert.Contains("Confirme que quiere quitar la modificación presupuestaria. No se puede deshacer.", caja);
        Assert.Contains("Se quitará la modificación «Resolución de Alcaldía N.° 045-2031-MPP» del 10/05/2031 por S/ 1,250.50 (fuente 1 Recursos Ordinarios, genérica 2.3).", caja);
        Assert.True(await db.ModificacionesPresupuestarias.AnyAsync(x => x.Anio == 2031));
        var confirmar = Formulario.De(pagina, "confirmar-quitar-modificacion");
        Assert.Equal("true", confirmar.Campos["Confirmar"]);
        Assert.Equal(HttpStatusCode.Redirect, (await confirmar.EnviarAsync(http)).StatusCode);
        Assert.False(await db.ModificacionesPresupuestarias.AnyAsync(x => x.Anio == 2031));
        Assert.True(await db.Auditoria.AnyAsync(a => a.Tabla == "modificacion_presupuestaria" && a.Accion == AccionAuditada.Baja && a.Usuario == AppDePrueba.Planificador));
    }

    [Fact]
    public async Task ConsultaYOperador_Reciben403()
    {
        foreach (var usuario in new[] { AppDePrueba.Consulta, AppDePrueba.Operador })
        {
            var http = await app.ComoAsync(usuario);
            Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync(Base + "/cargar")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync(Base + "/modificaciones")).StatusCode);
        }
    }
}
