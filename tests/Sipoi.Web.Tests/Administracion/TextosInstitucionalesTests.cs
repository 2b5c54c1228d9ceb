using System.Net;
using Microsoft.EntityFrameworkCore;
using Sipoi.Domain.Organizacion;
using Sipoi.Domain.Seguimiento;
using Sipoi.Interop.Intercambio;
using Sipoi.Interop.Reportes;
using Sipoi.Web.Entidades;
using Sipoi.Web.Intercambio;
using Sipoi.Web.Tests.Infraestructura;
using Sipoi.Web.Tests.Planes;

namespace Sipoi.Web.Tests.Administracion;

/// <summary>The entity's texts (Pages/Administracion/Textos): one form, all or nothing, audited, carried by the exchange file.</summary>
public sealed class TextosInstitucionalesTests(AppDePrueba app) : IClassFixture<AppDePrueba>
{
    private const string Url = "/e/EMSAPUNO/administracion/textos";

    private async Task<ContenidoTextos> TextosAsync()
    {
        await using var db = app.Base.Contexto();
        var id = await db.Entidades.Where(e => e.Codigo == "EMSAPUNO").Select(e => e.Id).SingleAsync();
        return await ConsultaTextos.TextosAsync(db, id);
    }

    private async Task<HttpResponseMessage> GuardarAsync(string correo, params (string, string)[] cambios) =>
        await Paginas.EnviarAsync(await app.ComoAsync(correo), Url, "form-textos", cambios);

    [Fact]
    public async Task Textos_ElPlanificadorLosGuarda_YCadaCambioSeAuditaConValorAnteriorYNuevo()
    {
        var antes = await TextosAsync();
        var r = await GuardarAsync(AppDePrueba.Planificador, ("Textos[valores]", "Integridad\r\nCompromiso"), ("Textos[presentacion]", "El POI 2024 orienta la gestión."));
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var guardados = await TextosAsync();
        Assert.Equal("Integridad\nCompromiso", guardados.Valores);
        Assert.Equal("El POI 2024 orienta la gestión.", guardados.Presentacion);

        // The form shows what is stored, and a second save changes only what changed.
        var form = await Formulario.LeerAsync(await app.ComoAsync(AppDePrueba.Administrador), Url, "form-textos");
        Assert.Equal("Integridad\nCompromiso", form.Campos["Textos[valores]"]);
        r = await GuardarAsync(AppDePrueba.Administrador, ("Textos[valores]", "Integridad\nCompromiso\nTransparencia"));
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal("El POI 2024 orienta la gestión.", (await TextosAsync()).Presentacion);

        await using var db = app.Base.Contexto();
        var cambio = await db.Auditoria.AsNoTracking()
            .Where(a => a.Tabla == "textos_institucionales" && a.Campo == "valores" && a.ValorNuevo == "Integridad\nCompromiso\nTransparencia").SingleAsync();
        Assert.Equal("Integridad\nCompromiso", cambio.ValorAnterior);
        Assert.Equal("Integridad\nCompromiso\nTransparencia", cambio.ValorNuevo);
        Assert.Equal(AppDePrueba.Administrador, cambio.Usuario);
        // The demo entity's texts come from its exchange file, so the planner's first save changes the row the import made
        // (the demo's presentation, or what another test of this class left).
        var primero = await db.Auditoria.AsNoTracking()
            .Where(a => a.Tabla == "textos_institucionales" && a.Campo == "presentacion" && a.ValorNuevo == "El POI 2024 orienta la gestión.").SingleAsync();
        Assert.Equal(AccionAuditada.Cambio, primero.Accion);
        Assert.Equal(AppDePrueba.Planificador, primero.Usuario);
        Assert.Equal(antes.Presentacion, primero.ValorAnterior);
    }

    [Fact]
    public async Task Textos_UnoDemasiadoLargo_SeRechazaNombrandoElCampoYNadaSeGuarda()
    {
        var antes = await TextosAsync();
        var r = await GuardarAsync(AppDePrueba.Planificador, ("Textos[conclusiones]", "Se cumplió."), ("Textos[baseLegal]", new string('l', 4001)));
        var texto = await Rechazo.EnRespuestaAsync(r, HttpStatusCode.OK, "Base legal: admite hasta 4,000 caracteres (tiene 4,001).");
        Assert.Contains("No se guardó nada", texto, StringComparison.Ordinal);
        Assert.Equal(antes, await TextosAsync());
    }

    [Theory]
    [InlineData(AppDePrueba.Operador)]
    [InlineData(AppDePrueba.Consulta)]
    public async Task Textos_OtrosRoles_Reciben403YNadaCambia(string correo)
    {
        var http = await app.ComoAsync(correo);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync(Url)).StatusCode);
        var antes = await TextosAsync();
        var r = await Paginas.PostarConTokenAsync(http, "/e/EMSAPUNO", Url, ("Textos[valores]", "Intruso"));
        Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode);
        Assert.Equal(antes, await TextosAsync());
    }

    [Fact]
    public async Task Administracion_EnlazaLosTextos()
    {
        var doc = await Paginas.LeerAsync(await app.ComoAsync(AppDePrueba.Administrador), "/e/EMSAPUNO/administracion");
        Assert.NotNull(doc.QuerySelector($"a[href='{Url}']"));
    }

    [Fact]
    public async Task Intercambio_ExportaLosTextos_ElArchivoLosReemplaza_YUnoSinTextosLosConserva()
    {
        var r = await GuardarAsync(AppDePrueba.Planificador, ("Textos[lineamientos]", "Gestión por resultados"), ("Textos[marcoNormativo]", "Directiva N.° 001"));
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var guardados = await TextosAsync();

        DocumentoIntercambio exportado;
        await using (var db = app.Base.Contexto())
            exportado = (await ExportadorPlan.ExportarAsync(db, "EMSAPUNO", 2024))!;
        Assert.Equal(guardados, exportado.Entidad.Textos);
        var json = EscritorIntercambio.EscribirTexto(exportado);
        Assert.Contains("\"lineamientos\": \"Gestión por resultados\"", json, StringComparison.Ordinal);

        var leido = LectorIntercambio.Leer(json);
        Assert.True(leido.EsValido, string.Join("\n", leido.Errores));
        var otros = new ContenidoTextos { Valores = "Servicio" };
        await using (var db = app.Base.Contexto())
        {
            var resultado = await ImportadorPlan.ImportarAsync(db, leido.Documento! with { Entidad = leido.Documento!.Entidad with { Textos = otros } });
            Assert.True(resultado.Exito, string.Join("\n", resultado.Errores));
        }
        Assert.Equal(otros, await TextosAsync());

        await using (var db = app.Base.Contexto())
        {
            var resultado = await ImportadorPlan.ImportarAsync(db, leido.Documento! with { Entidad = leido.Documento!.Entidad with { Textos = null } });
            Assert.True(resultado.Exito, string.Join("\n", resultado.Errores));
        }
        Assert.Equal(otros, await TextosAsync());
    }

    [Fact]
    public async Task Portada_LaOficinaLaGuarda_YElInformeImprimeOficinaLugarNumeroYFirmas()
    {
        var r = await GuardarAsync(AppDePrueba.Planificador,
            ("Portada[oficinaEmisora]", "Oficina de Planeamiento y Desarrollo Empresarial"), ("Portada[lugar]", " Puno "),
            ("Portada[patronNumero]", "Informe N.° {n}-{año}-OPDE/EMSAPUNO"),
            ("Portada[elaboradoNombre]", "Ana Quispe Mamani"), ("Portada[elaboradoCargo]", "Especialista en planeamiento"),
            ("Portada[aprobadoNombre]", "Luis Aguilar Cruz"), ("Portada[aprobadoCargo]", "Gerente General"));
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var form = await Formulario.LeerAsync(await app.ComoAsync(AppDePrueba.Administrador), Url, "form-textos");
        Assert.Equal("Puno", form.Campos["Portada[lugar]"]);
        await using (var db = app.Base.Contexto())
        {
            var cambio = await db.Auditoria.AsNoTracking().Where(a => a.Tabla == "textos_institucionales" && a.Campo == "aprobado_nombre").SingleAsync();
            Assert.Null(cambio.ValorAnterior);
            Assert.Equal("Luis Aguilar Cruz", cambio.ValorNuevo);
        }

        // The number typed as digits goes into the pattern; the cover prints office, place and the signers; a signer not
        // written keeps the blank lines.
        var http = await app.ComoAsync(AppDePrueba.Planificador);
        var bytes = await http.GetByteArrayAsync("/e/EMSAPUNO/reportes/2024/informe.docx?periodo=ANUAL&numero=12");
        using var d = new Docx(s => s.Write(bytes), "web-informe-portada.docx");
        Assert.Empty(d.Errores());
        var portada = d.Parrafos.Take(20).ToList();
        Assert.Contains("Informe N.° 012-2024-OPDE/EMSAPUNO", portada);
        Assert.Contains("Oficina de Planeamiento y Desarrollo Empresarial", portada);
        Assert.Contains(portada, p => p.StartsWith("Puno, ", StringComparison.Ordinal));
        var firmas = d.TablaTras("Informe N.° 012-2024-OPDE/EMSAPUNO");
        Assert.Equal(["Elaborado por", "Revisado por", "Aprobado por"], firmas[0]);
        Assert.Equal(["Ana Quispe Mamani", $"Nombre: {InformeEvaluacionWord.Linea}", "Luis Aguilar Cruz"], firmas[3]);
        Assert.Equal(["Especialista en planeamiento", $"Cargo: {InformeEvaluacionWord.Linea}", "Gerente General"], firmas[4]);

        // Without a number the pattern prints with a blank for the sequence number.
        bytes = await http.GetByteArrayAsync("/e/EMSAPUNO/reportes/2024/informe.docx?periodo=S1");
        using var sinNumero = new Docx(s => s.Write(bytes));
        Assert.Contains($"Informe N.° {PortadaInforme.CorrelativoEnBlanco}-2024-OPDE/EMSAPUNO", sinNumero.Parrafos.Take(20));
    }

    [Fact]
    public async Task Portada_PatronSinCorrelativo_SeRechazaNombrandoElCampoYNadaSeGuarda()
    {
        var antes = await TextosAsync();
        var r = await GuardarAsync(AppDePrueba.Planificador, ("Textos[valores]", "Otro"), ("Portada[patronNumero]", "Informe N.° 2024-OPP"));
        await Rechazo.EnRespuestaAsync(r, HttpStatusCode.OK,
            "Patrón del número de informe: debe contener {n} donde va el correlativo (por ejemplo: Informe N.° {n}-{año}-OPP).");
        Assert.Equal(antes, await TextosAsync());
    }
}
