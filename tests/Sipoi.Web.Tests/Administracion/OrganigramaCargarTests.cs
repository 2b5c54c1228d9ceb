using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Sipoi.Domain.Seguimiento;
using Sipoi.Web.Intercambio;
using Sipoi.Web.Seguridad;
using Sipoi.Web.Tests.Infraestructura;
using Sipoi.Web.Tests.Planes;

namespace Sipoi.Web.Tests.Administracion;

/// <summary>
/// «Cargar el organigrama desde Excel» (Pages/Administracion/OrganigramaCargar): reviewing changes nothing, confirming applies all
/// or nothing and is audited, a second load and the exported chart change nothing, a chart changed meanwhile is refused.
/// </summary>
public sealed class OrganigramaCargarTests(AppDePrueba app) : IClassFixture<AppDePrueba>
{
    private const string Url = "/e/EMSAPUNO/administracion/centros/cargar";

    private static MemoryStream Libro(params object?[][] filas)
    {
        var libro = new LibroDePrueba();
        var hoja = libro.NuevaHoja("Organigrama").Fila("A1", "ORGANIGRAMA").Fila("A2", "Código", "Nombre", "Depende de (código)");
        for (var i = 0; i < filas.Length; i++) hoja.Fila($"A{i + 3}", filas[i]);
        return libro.Guardar();
    }

    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> RevisarAsync(HttpClient http, byte[] bytes, string nombre = "organigrama.xlsx")
    {
        var form = await Formulario.LeerAsync(http, Url, "revisar");
        var contenido = new MultipartFormDataContent();
        foreach (var (k, v) in form.Campos) contenido.Add(new StringContent(v), k);
        var archivo = new ByteArrayContent(bytes);
        archivo.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        contenido.Add(archivo, "Archivo", nombre);
        var r = await http.PostAsync(form.Elemento.GetAttribute("action"), contenido);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        return Formulario.Leer(await r.Content.ReadAsStringAsync());
    }

    private async Task<(int Centros, int Auditoria, string Firma)> EstadoAsync()
    {
        await using var db = app.Base.Contexto();
        var centros = await db.CentrosCosto.AsNoTracking().OrderBy(c => c.Id).ToListAsync();
        return (centros.Count, await db.Auditoria.CountAsync(),
            string.Join("|", centros.Select(c => $"{c.Id};{c.Codigo};{c.Nombre};{c.PadreId};{c.UnidadEjecutoraId};{c.Responsable};{c.Activo}")));
    }

    [Fact]
    public async Task Carga_RevisarNoCambiaNada_ConfirmarAplicaYAudita_YUnaSegundaCargaNoCambiaNada()
    {
        var http = await app.ComoAsync(AppDePrueba.Administrador);
        int idOperador;
        string nombreAntes, codigoPadreAntes;
        await using (var db = app.Base.Contexto())
        {
            var c = await db.CentrosCosto.AsNoTracking().SingleAsync(x => x.Codigo == DatosDemo.CentroOperador);
            (idOperador, nombreAntes) = (c.Id, c.Nombre);
            codigoPadreAntes = c.PadreId is { } p ? (await db.CentrosCosto.AsNoTracking().SingleAsync(x => x.Id == p)).Codigo : "(ninguno)";
        }
        // The existing centre moves under a centre the same file creates: it keeps its id, its parent is saved first.
        var bytes = Libro(
            [DatosDemo.CentroOperador, "OFICINA DE PLANEAMIENTO RENOMBRADA", "90"],
            ["90.01", "OFICINA NUEVA", "90"],
            ["90", "GERENCIA NUEVA", null]).ToArray();
        var antes = await EstadoAsync();

        var revision = await RevisarAsync(http, bytes);
        Assert.Contains("Centros nuevos: 2 · actualizados: 1 · sin cambios: 0.", revision.GetElementById("cambios")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["90.01", "90"], revision.QuerySelectorAll("#nuevos tbody tr").Select(t => t.GetAttribute("data-codigo")));
        var cambio = revision.QuerySelector($"#cambiados tr[data-codigo='{DatosDemo.CentroOperador}']")!.TextContent;
        Assert.Contains($"Nombre: «{nombreAntes}» → «OFICINA DE PLANEAMIENTO RENOMBRADA»", cambio, StringComparison.Ordinal);
        Assert.Contains($"Depende de: {codigoPadreAntes} → 90", cambio, StringComparison.Ordinal);
        Assert.Contains("no están en el archivo: se conservan tal como están (la carga no quita ni desactiva centros",
            revision.GetElementById("ausentes")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(antes, await EstadoAsync()); // reviewing changes nothing

        var r = await Formulario.De(revision, "confirmar").EnviarAsync(http);
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        await using (var db = app.Base.Contexto())
        {
            var centros = await db.CentrosCosto.AsNoTracking().Where(c => c.Codigo == "90" || c.Codigo == "90.01" || c.Id == idOperador).ToListAsync();
            var g = centros.Single(c => c.Codigo == "90");
            Assert.Null(g.PadreId);
            Assert.Equal(g.Id, centros.Single(c => c.Codigo == "90.01").PadreId);
            var operador = centros.Single(c => c.Id == idOperador);
            Assert.Equal((DatosDemo.CentroOperador, "OFICINA DE PLANEAMIENTO RENOMBRADA", g.Id), (operador.Codigo, operador.Nombre, operador.PadreId!.Value));

            var auditoria = await db.Auditoria.AsNoTracking().Where(a => a.Tabla == "centro_costo" && a.Usuario == AppDePrueba.Administrador).ToListAsync();
            Assert.Contains(auditoria, a => a.Accion == AccionAuditada.Alta && a.ValorNuevo!.Contains("\"90.01\"", StringComparison.Ordinal)
                                            && a.ValorNuevo.Contains($"{g.Id}", StringComparison.Ordinal));
            var renombre = Assert.Single(auditoria, a => a.Accion == AccionAuditada.Cambio && a.Campo == "nombre");
            Assert.Equal((nombreAntes, "OFICINA DE PLANEAMIENTO RENOMBRADA"), (renombre.ValorAnterior, renombre.ValorNuevo));
            var resumen = Assert.Single(auditoria, a => a.Accion == AccionAuditada.Importacion);
            Assert.Contains("Organigrama del libro «organigrama.xlsx»: 2 centros nuevos, 1 actualizados, 0 iguales", resumen.ValorNuevo, StringComparison.Ordinal);
        }
        var lista = await Paginas.LeerAsync(http, "/e/EMSAPUNO/administracion/centros");
        Assert.Contains("Se cargó «organigrama.xlsx»: 2 centros nuevos, 1 actualizado, 0 iguales.", lista.GetElementById("aviso")!.TextContent, StringComparison.Ordinal);

        // The same file again: nothing to confirm, nothing written.
        var despues = await EstadoAsync();
        var otra = await RevisarAsync(http, bytes);
        Assert.Contains("El archivo no cambia nada", otra.GetElementById("sin-cambios")!.TextContent, StringComparison.Ordinal);
        Assert.Null(otra.GetElementById("confirmar"));
        Assert.Equal(despues, await EstadoAsync());
    }

    [Fact]
    public async Task Carga_ConUnaFilaMala_NombraFilaYMotivo_YNoCargaNada()
    {
        var http = await app.ComoAsync(AppDePrueba.Administrador);
        var antes = await EstadoAsync();
        var doc = await RevisarAsync(http, Libro(["91", "GERENCIA BUENA", null], ["91.01", "OFICINA HUÉRFANA", "ZZ"], ["91", "REPETIDA", null]).ToArray());
        Assert.Equal(
        [
            "Hoja 'Organigrama', fila 4, columna C (depende de): el centro ZZ del que depende 91.01 no está en el archivo ni en el organigrama de la entidad.",
            "Hoja 'Organigrama', fila 5, columna A (código): el código 91 ya está en la fila 3: cada centro de costo va en una sola fila.",
        ], doc.QuerySelectorAll("#errores li").Select(li => li.TextContent));
        Assert.Null(doc.GetElementById("confirmar"));
        Assert.Equal(antes, await EstadoAsync());
    }

    [Fact]
    public async Task OrganigramaActual_DescargadoYCargado_NoCambiaNada_YPlantillaEsValida()
    {
        var http = await app.ComoAsync(AppDePrueba.Administrador);
        var r = await http.GetAsync(Url + "?handler=Actual");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var bytes = await r.Content.ReadAsByteArrayAsync();
        using (var x = new Xlsx(s => s.Write(bytes)))
        {
            Assert.Empty(x.Errores());
            Assert.Equal("Código", x.Texto("Organigrama", "A5"));
        }
        var antes = await EstadoAsync();
        var doc = await RevisarAsync(http, bytes);
        Assert.NotNull(doc.GetElementById("sin-cambios"));
        Assert.Null(doc.GetElementById("ausentes")); // every centre is in the export, inactive ones too
        Assert.Equal(antes, await EstadoAsync());

        var plantilla = await http.GetAsync(Url + "?handler=Plantilla");
        Assert.Equal(HttpStatusCode.OK, plantilla.StatusCode);
        var bp = await plantilla.Content.ReadAsByteArrayAsync();
        using var p = new Xlsx(s => s.Write(bp));
        Assert.Empty(p.Errores());
        Assert.Equal(("01", "GERENCIA GENERAL"), (p.Texto("Organigrama", "A6"), p.Texto("Organigrama", "B6")));
    }

    [Fact]
    public async Task Confirmar_TrasOtroCambioEnElOrganigrama_SeRechazaYPideRevisarDeNuevo()
    {
        var http = await app.ComoAsync(AppDePrueba.Administrador);
        var revision = await RevisarAsync(http, Libro(["92", "GERENCIA TARDÍA", null]).ToArray());
        Assert.NotNull(revision.GetElementById("confirmar"));
        // Another person renames a centre between the review and the confirmation.
        await using (var db = app.Base.Contexto())
        {
            var c = await db.CentrosCosto.SingleAsync(x => x.Codigo == "01");
            c.Actualizar(c.Nombre + " (editado)", c.PadreId, c.Responsable, c.EsGerencia);
            await db.SaveChangesAsync();
        }
        var r = await Formulario.De(revision, "confirmar").EnviarAsync(http);
        await Rechazo.EnRespuestaAsync(r, HttpStatusCode.OK,
            "El organigrama cambió desde que se revisó el archivo (otra persona creó o editó centros de costo): no se cargó nada. Revise el archivo otra vez y confirme.");
        await using (var db = app.Base.Contexto())
            Assert.False(await db.CentrosCosto.AnyAsync(c => c.Codigo == "92"));
    }

    [Fact]
    public async Task OtrosRolesYAdministradorDeOtraEntidad_Reciben403()
    {
        await using (var db = app.Base.Contexto())
            if (!await db.Entidades.AnyAsync(e => e.Codigo == "OTRA"))
            {
                db.Entidades.Add(new Domain.Organizacion.Entidad("OTRA", "Otra entidad"));
                await db.SaveChangesAsync();
            }
        await app.CrearUsuarioAsync("admin@otra.demo", Roles.Administrador, "OTRA");
        var ajeno = await app.ComoAsync("admin@otra.demo");
        Assert.Equal(HttpStatusCode.OK, (await ajeno.GetAsync("/e/OTRA/administracion/centros/cargar")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ajeno.GetAsync(Url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ajeno.GetAsync(Url + "?handler=Actual")).StatusCode);
        foreach (var usuario in new[] { AppDePrueba.Planificador, AppDePrueba.Operador, AppDePrueba.Consulta })
            Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ComoAsync(usuario)).GetAsync(Url)).StatusCode);
    }
}
