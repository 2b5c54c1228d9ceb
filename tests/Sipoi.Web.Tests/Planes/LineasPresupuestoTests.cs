using System.Net;
using Microsoft.EntityFrameworkCore;
using Sipoi.Domain.Presupuesto;
using Sipoi.Domain.Seguimiento;
using Sipoi.Web.Tests.Infraestructura;

namespace Sipoi.Web.Tests.Planes;

/// <summary>Budget lines by genérica (Pages/Presupuesto/Lineas): add, correct, remove; refused in a year whose POI is approved; audited.</summary>
public sealed class LineasPresupuestoTests(AppDePrueba app) : IClassFixture<AppDePrueba>
{
    private static string Url(int anio) => $"/e/EMSAPUNO/presupuesto/{anio}/lineas";

    private async Task<HttpResponseMessage> AgregarAsync(int anio, string tipo, string codigo, string nombre, string monto) =>
        await Paginas.EnviarAsync(await app.ComoAsync(AppDePrueba.Planificador), Url(anio), "form-nueva",
            ("Tipo", tipo), ("Codigo", codigo), ("Nombre", nombre), ("Monto", monto));

    private async Task<List<LineaPresupuesto>> LineasAsync(int anio)
    {
        await using var db = app.Base.Contexto();
        return await db.LineasPresupuesto.AsNoTracking().Where(l => l.Anio == anio && db.Entidades.Any(e => e.Id == l.EntidadId && e.Codigo == "EMSAPUNO")).ToListAsync();
    }

    [Fact]
    public async Task Linea_SeAgregaCorrigeYQuita_YCadaCambioSeAudita()
    {
        Assert.Equal(HttpStatusCode.Redirect, (await AgregarAsync(2031, "Egreso", "2.3", "Bienes y Servicios", "1,250,000.50")).StatusCode);
        var l = Assert.Single(await LineasAsync(2031));
        Assert.Equal((TipoLineaPresupuesto.Egreso, "2.3", 1_250_000.50m), (l.Tipo, l.Codigo, l.Monto));

        var http = await app.ComoAsync(AppDePrueba.Administrador);
        var form = await Formulario.LeerAsync(http, Url(2031), $"form-linea-{l.Id}");
        Assert.Equal("1,250,000.50", form.Campos["Monto"]);
        form.Campos["Monto"] = "1,300,000";
        Assert.Equal(HttpStatusCode.Redirect, (await form.EnviarAsync(http)).StatusCode);
        Assert.Equal(1_300_000m, Assert.Single(await LineasAsync(2031)).Monto);

        var quitar = await Formulario.LeerAsync(http, Url(2031), $"form-quitar-{l.Id}");
        // The first post removes nothing: it shows what goes and asks to confirm.
        var primera = await quitar.EnviarAsync(http);
        Assert.Equal(HttpStatusCode.OK, primera.StatusCode);
        var pagina = Formulario.Leer(await primera.Content.ReadAsStringAsync());
        var caja = pagina.GetElementById("confirmar-quitar")!.TextContent;
        Assert.Contains("Confirme que quiere quitar la línea del presupuesto 2031. No se puede deshacer.", caja);
        Assert.Contains("Se quitará la línea de egresos 2.3 «Bienes y Servicios» por S/ 1,300,000.00.", caja);
        Assert.Contains("pasará de S/ 1,300,000.00 a S/ 0.00.", caja);
        Assert.Single(await LineasAsync(2031));
        var confirmar = Formulario.De(pagina, "confirmar-quitar-linea");
        Assert.Equal("true", confirmar.Campos["Confirmar"]);
        Assert.Equal(HttpStatusCode.Redirect, (await confirmar.EnviarAsync(http)).StatusCode);
        Assert.Empty(await LineasAsync(2031));

        await using var db = app.Base.Contexto();
        var id = l.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var filas = (await db.Auditoria.AsNoTracking().Where(a => a.Tabla == "linea_presupuesto").ToListAsync())
            .Where(a => a.Clave == id || a.Clave.StartsWith(id + " ", StringComparison.Ordinal)).ToList();
        Assert.True(await db.Auditoria.AnyAsync(a => a.Tabla == "linea_presupuesto" && a.Accion == AccionAuditada.Alta && a.Usuario == AppDePrueba.Planificador
            && a.ValorNuevo!.Contains("2031") && a.ValorNuevo.Contains("Bienes y Servicios")));
        var monto = Assert.Single(filas, a => a.Accion == AccionAuditada.Cambio && a.Campo == "monto");
        Assert.Equal(1_250_000.50m, decimal.Parse(monto.ValorAnterior!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1_300_000m, decimal.Parse(monto.ValorNuevo!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains(filas, a => a.Accion == AccionAuditada.Baja && a.Usuario == AppDePrueba.Administrador);
    }

    [Fact]
    public async Task Linea_MontoQueNoEsNumero_NombraLaLineaYElCampo()
    {
        Assert.Equal(HttpStatusCode.Redirect, (await AgregarAsync(2033, "Egreso", "2.3", "Bienes y Servicios", "100")).StatusCode);
        await Rechazo.EnRespuestaAsync(await AgregarAsync(2033, "Egreso", "2.5", "Otros gastos", "12,5"), HttpStatusCode.OK,
            "Monto de 2.5: «12,5» no es un número: los decimales van con punto y los miles con coma (1,234.50).");
        var l = Assert.Single(await LineasAsync(2033));
        var http = await app.ComoAsync(AppDePrueba.Planificador);
        var form = await Formulario.LeerAsync(http, Url(2033), $"form-linea-{l.Id}");
        form.Campos["Monto"] = "mil";
        await Rechazo.EnRespuestaAsync(await form.EnviarAsync(http), HttpStatusCode.OK, "Monto de 2.3: «mil» no es un número.");
        Assert.Equal(100m, Assert.Single(await LineasAsync(2033)).Monto);
    }

    [Fact]
    public async Task Linea_MontoNegativoVacioOCodigoRepetido_SeRechazaNombrandoElCampo()
    {
        await Rechazo.EnRespuestaAsync(await AgregarAsync(2032, "Egreso", "2.1", "Personal", "-5"), HttpStatusCode.OK, "Monto de 2.1: no puede ser negativo.");
        await Rechazo.EnRespuestaAsync(await AgregarAsync(2032, "Egreso", "2.1", "Personal", ""), HttpStatusCode.OK, "Monto: es obligatorio");
        await Rechazo.EnRespuestaAsync(await AgregarAsync(2032, "Ingreso", "1.3", " ", "10"), HttpStatusCode.OK, "El campo nombre es obligatorio.");
        Assert.Empty(await LineasAsync(2032));
        Assert.Equal(HttpStatusCode.Redirect, (await AgregarAsync(2032, "Ingreso", "1.3", "Venta de Bienes y Servicios", "10")).StatusCode);
        await Rechazo.EnRespuestaAsync(await AgregarAsync(2032, "Ingreso", "1.3", "Otra", "20"), HttpStatusCode.OK, "Código: ya hay una línea de ingresos 1.3 en 2032.");
        Assert.Equal(10m, Assert.Single(await LineasAsync(2032)).Monto);
    }

    [Fact]
    public async Task Lineas_DeUnAnioConPoiAprobado_NoCambian()
    {
        var antes = await LineasAsync(2024);
        Assert.NotEmpty(antes);
        var http = await app.ComoAsync(AppDePrueba.Planificador);
        var doc = await Paginas.LeerAsync(http, Url(2024));
        Assert.NotNull(doc.GetElementById("aprobado"));
        Assert.Null(doc.GetElementById("form-nueva"));
        var r = await Paginas.PostarConTokenAsync(http, Url(2024), Url(2024), ("Tipo", "Egreso"), ("Codigo", "2.9"), ("Nombre", "Nueva"), ("Monto", "1"));
        await Rechazo.EnRespuestaAsync(r, HttpStatusCode.OK, "El presupuesto 2024 no se cambia aquí: forma parte del POI 2024 aprobado");
        var l = antes[0];
        r = await Paginas.PostarConTokenAsync(http, Url(2024), $"{Url(2024)}?handler=Quitar&linea={l.Id}");
        await Rechazo.EnRespuestaAsync(r, HttpStatusCode.OK, "El presupuesto 2024 no se cambia aquí");
        Assert.Equal(antes.Select(x => (x.Codigo, x.Monto)).Order(), (await LineasAsync(2024)).Select(x => (x.Codigo, x.Monto)).Order());
    }

    [Theory]
    [InlineData(AppDePrueba.Operador)]
    [InlineData(AppDePrueba.Consulta)]
    public async Task Lineas_OtrosRoles_Reciben403(string correo)
    {
        var http = await app.ComoAsync(correo);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync(Url(2033))).StatusCode);
        var r = await Paginas.PostarConTokenAsync(http, "/e/EMSAPUNO", Url(2033), ("Tipo", "Egreso"), ("Codigo", "2.3"), ("Nombre", "X"), ("Monto", "1"));
        Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode);
        Assert.Empty(await LineasAsync(2033));
    }
}
