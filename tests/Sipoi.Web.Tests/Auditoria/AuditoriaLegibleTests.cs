using System.Security.Claims;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sipoi.Domain.Operativo;
using Sipoi.Domain.Periodos;
using Sipoi.Domain.Seguimiento;
using Sipoi.Web.Auditoria;
using Sipoi.Web.Data;
using Sipoi.Web.Intercambio;
using Sipoi.Web.Tests.Infraestructura;

namespace Sipoi.Web.Tests.Auditoria;

/// <summary>
/// The audit page reads as the office speaks (issue 15, item 4): each change a small table «Campo · Antes · Después»
/// with Spanish field names and values written as the pages write them; the CSV keeps the stored values.
/// </summary>
public sealed class AuditoriaLegibleTests(AppDePrueba app) : IClassFixture<AppDePrueba>
{
    [Fact]
    public async Task CambioDeMetaMensual_SeLeeConElNombreDelCampoYLosValoresFormateados()
    {
        var (programacionId, fisicoAntes, financieroAntes) = await ReprogramarEneroAsync(1234.5m, 17_009_620.8m);

        await using (var db = app.Base.Contexto())
        {
            // The log holds the raw change: column name and culture-free values.
            var fila = await db.Auditoria.SingleAsync(r => r.Tabla == "meta_mensual" && r.Campo == "fisico"
                && r.Clave.Contains($"programacion_id={programacionId}, mes=1)"));
            Assert.Equal("1234.5", fila.ValorNuevo);
        }

        // Only this test changes monthly targets in this class: the planner's meta_mensual rows are its own.
        var http = await app.ComoAsync(AppDePrueba.Planificador);
        var doc = new HtmlParser().ParseDocument(
            await (await http.GetAsync("/e/EMSAPUNO/auditoria?tabla=meta_mensual&usuario=planificador")).Content.ReadAsStringAsync());
        var filas = doc.QuerySelectorAll("table.auditoria > tbody > tr");
        Assert.True(filas.Length >= 2, filas.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.All(filas, f =>
        {
            Assert.Equal("Meta mensual", f.Children[3].TextContent.Trim());
            Assert.Equal(["Campo", "Antes", "Después"], f.QuerySelectorAll("table.cambios thead th").Select(th => th.TextContent.Trim()));
        });
        // One audit row per changed column, each a small table whose field names carry the row's month.
        var leidas = doc.QuerySelectorAll("table.cambios tbody tr")
            .ToDictionary(tr => tr.Children[0].TextContent.Trim(), tr => (tr.Children[1].TextContent.Trim(), tr.Children[2].TextContent.Trim()));
        Assert.Equal((Cifra.Numero(fisicoAntes), "1,234.5"), leidas["Meta física de enero"]);
        Assert.Equal((Cifra.Numero2(financieroAntes), "17,009,620.80"), leidas["Meta financiera de enero (S/)"]);

        // The CSV keeps the stored, culture-free values and the column names.
        var csv = await (await http.GetAsync("/e/EMSAPUNO/auditoria?handler=csv&tabla=meta_mensual&usuario=planificador")).Content.ReadAsStringAsync();
        Assert.Contains(",fisico,", csv);
        Assert.Contains(",1234.5", csv);
        Assert.Contains(",17009620.8", csv);
    }

    [Fact]
    public void Valores_SeEscribenComoLasPaginas_YUnaColumnaDesconocidaConservaSuNombre()
    {
        using var db = app.Base.Contexto();
        var legibles = new CambiosLegibles(db.Model);

        Assert.Equal([new CampoCambiado("Mostrar meses enviados", "No", "Sí")],
            legibles.Leer(AccionAuditada.Cambio, "entidad", "1 (codigo=EMSAPUNO)", "mostrar_enviados", "false", "true"));
        Assert.Equal([new CampoCambiado("Fecha de aprobación", null, "28/12/2023")],
            legibles.Leer(AccionAuditada.Cambio, "poi_version", "3 (poi_id=1, numero=1)", "fecha_aprobacion", null, "2023-12-28"));
        // A moment in Peru's time, as every page shows one.
        Assert.Equal([new CampoCambiado("Enviado el", null, "05/04/2024 10:30:00")],
            legibles.Leer(AccionAuditada.Cambio, "seguimiento_mensual", "7 (mes=3)", "enviado_en", null, "2024-04-05T15:30:00.0000000+00:00"));
        Assert.Equal([new CampoCambiado("Monto ejecutado de marzo, genérica 2.3 (S/)", "1,500.00", "2,500.50")],
            legibles.Leer(AccionAuditada.Cambio, "avance_financiero", "9 (actividad_id=4, mes=3, generica=2.3)", "monto", "1500", "2500.5"));
        Assert.Equal([new CampoCambiado("columna_nueva", "a", "b")],
            legibles.Leer(AccionAuditada.Cambio, "tabla_nueva", "1", "columna_nueva", "a", "b"));

        // An insert's record, one line per field, without the entity every row of the page shares.
        Assert.Equal(
            [
                new CampoCambiado("Actividad (id)", null, "4"),
                new CampoCambiado("Mes", null, "Noviembre"),
                new CampoCambiado("Ejecutado físico de noviembre", null, "5"),
                new CampoCambiado("Logros de noviembre", null, "Se superó la meta"),
            ],
            legibles.Leer(AccionAuditada.Alta, "avance_mensual", "9 (actividad_id=4, mes=11)", null, null,
                """{"actividad_id":"4","entidad_id":"1","mes":"11","ejecutado_fisico":"5","logros":"Se superó la meta"}"""));
        Assert.Equal([new CampoCambiado("Número", "2", null)],
            legibles.Leer(AccionAuditada.Baja, "poi_version", "3", null, """{"numero":"2"}""", null));

        // A workflow step keeps its text; one without text shows nothing to compare.
        Assert.Equal([new CampoCambiado("Detalle", null, "Falta la evidencia de marzo")],
            legibles.Leer(AccionAuditada.Observacion, "seguimiento_mensual", "poi=3, centro=01.02, mes=3", null, null, "Falta la evidencia de marzo"));
        Assert.Empty(legibles.Leer(AccionAuditada.Aprobacion, "seguimiento_mensual", "poi=3, centro=01.02, mes=3", null, null, null));
    }

    [Fact]
    public void ValoresEnumerados_SeLeenConSuNombreEnEspanol_NoConElNombreDelCodigo()
    {
        using var db = app.Base.Contexto();
        var legibles = new CambiosLegibles(db.Model, new Dictionary<string, string> { ["2"] = Sipoi.Web.Seguridad.Roles.Planificador });

        Assert.Equal([new CampoCambiado("Estado", "Enviado", "Aprobado")],
            legibles.Leer(AccionAuditada.Cambio, "seguimiento_mensual", "7 (mes=3)", "estado", "Enviado", "Aprobado"));
        Assert.Equal([new CampoCambiado("Estado", "Registro iniciado", "En implementación")],
            legibles.Leer(AccionAuditada.Cambio, "pei", "1 (codigo=PEI-2023-2025)", "estado", "RegistroIniciado", "EnImplementacion"));
        Assert.Equal([new CampoCambiado("Comportamiento", Comportamiento.Suma.Nombre(), Comportamiento.Ultimo.Nombre())],
            legibles.Leer(AccionAuditada.Cambio, "programacion", "4 (actividad_id=9)", "comportamiento", "Suma", "Ultimo"));
        Assert.Equal([new CampoCambiado("Sentido", "Ascendente", "No definido")],
            legibles.Leer(AccionAuditada.Cambio, "indicador", "5 (codigo=IND.01)", "sentido", "Ascendente", "NoDefinido"));
        Assert.Equal([new CampoCambiado("Método de evaluación", "CEPLAN", "Ponderado por fichas de proceso")],
            legibles.Leer(AccionAuditada.Cambio, "entidad", "1 (codigo=EMSAPUNO)", "metodo", "Ceplan", "Ponderado"));
        // A role: by its name (the «rol» row) and by its id (a user's role, with the page's id → name list).
        Assert.Equal([new CampoCambiado("Rol", null, "Planificador (OPP)")],
            legibles.Leer(AccionAuditada.Alta, "usuario_rol", "5 (user_id=5, role_id=2)", null, null, """{"user_id":"5","role_id":"2"}""")
                .Where(c => c.Campo == "Rol").ToList());
        // A stored value no enum member has (an older version's) is shown as stored.
        Assert.Equal([new CampoCambiado("Estado", "Archivado", "Aprobado")],
            legibles.Leer(AccionAuditada.Cambio, "seguimiento_mensual", "7 (mes=3)", "estado", "Archivado", "Aprobado"));
    }

    [Fact]
    public void TodaColumnaEnumeradaDelModelo_TieneNombresEnEspanol()
    {
        using var db = app.Base.Contexto();
        var enums = db.Model.GetEntityTypes().Where(t => t.ClrType != typeof(EntradaAuditoria))
            .SelectMany(t => t.GetProperties().Select(p => (t.GetTableName(), p.Name, Tipo: Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType)))
            .Where(x => x.Tipo.IsEnum).ToList();
        Assert.NotEmpty(enums);
        Assert.All(enums, x => Assert.True(ValoresEnumerados.Conoce(x.Tipo), $"{x.Item1}.{x.Name}: {x.Tipo.Name} sin nombres en español"));
        Assert.All(enums.Select(x => x.Tipo).Distinct(), tipo => Assert.All(Enum.GetNames(tipo),
            n => Assert.False(string.IsNullOrWhiteSpace(ValoresEnumerados.Nombre(tipo, n)), $"{tipo.Name}.{n}")));
    }

    [Fact]
    public async Task PaginaDeAuditoria_MuestraElRolDelUsuarioPorSuNombre()
    {
        var admin = await app.ComoAsync(AppDePrueba.Administrador);
        var nuevo = await Formulario.LeerAsync(admin, "/e/EMSAPUNO/administracion/usuarios/nuevo", "form-usuario");
        var campos = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", nuevo.Campos["__RequestVerificationToken"]),
            new("Datos.Correo", "rol.legible@emsapuno.demo"),
            new("Datos.Nombre", "Rol Legible"),
            new("Datos.Contrasena", "una-frase-bastante-larga"),
            new("Datos.Roles", Sipoi.Web.Seguridad.Roles.Planificador),
        };
        Assert.Equal(System.Net.HttpStatusCode.Redirect,
            (await admin.PostAsync("/e/EMSAPUNO/administracion/usuarios/nuevo", new FormUrlEncodedContent(campos))).StatusCode);

        var doc = new HtmlParser().ParseDocument(
            await (await admin.GetAsync("/e/EMSAPUNO/auditoria?tabla=usuario_rol&usuario=admin")).Content.ReadAsStringAsync());
        var roles = doc.QuerySelectorAll("table.cambios tbody tr").Where(tr => tr.Children[0].TextContent.Trim() == "Rol")
            .Select(tr => tr.Children[2].TextContent.Trim()).ToList();
        Assert.Contains("Planificador (OPP)", roles);
        Assert.DoesNotContain(roles, r => r.All(char.IsDigit));
    }

    /// <summary>The planner changes January of the first programming with a January target: its physical target and its soles.</summary>
    private async Task<(int ProgramacionId, decimal FisicoAntes, decimal FinancieroAntes)> ReprogramarEneroAsync(decimal fisico, decimal financiero)
    {
        int entidadId;
        await using (var lectura = app.Base.Contexto())
            entidadId = await lectura.Entidades.Where(e => e.Codigo == DatosDemo.CodigoEntidad).Select(e => e.Id).SingleAsync();
        var accesor = app.Services.GetRequiredService<IHttpContextAccessor>();
        accesor.HttpContext = new DefaultHttpContext
        {
            User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, AppDePrueba.Planificador)], "prueba")),
        };
        try
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SipoiDbContext>();
            var p = await db.Programaciones.Include(x => x.Metas).Include(x => x.Financiera)
                .Where(x => x.EntidadId == entidadId && x.Metas.Any(m => m.Mes == 1 && m.Fisico > 0))
                .OrderBy(x => x.Id).FirstAsync();
            var metas = p.ProgramadoFisico();
            var antes = (metas[0], p.ProgramadoFinanciero()[0]);
            metas[0] = fisico;
            // January's soles all in genérica 2.3; the other months as they were.
            var montos = p.FinancieroPorGenerica()
                .Select(g => new FinancieroGenerica(g.Generica, [.. g.Montos.Select((m, i) => i > 0 ? m : g.Generica == "2.3" ? financiero : 0m)]))
                .ToList();
            if (montos.All(g => g.Generica != "2.3")) montos.Add(new FinancieroGenerica("2.3", [financiero, .. new decimal[11]]));
            p.Reprogramar(p.Comportamiento, p.Peso, metas, montos);
            // The demo's version is approved, and the database refuses to change its targets; the audit's rendering of a
            // target change is the same for a draft's.
            await app.Base.SinGuardaDeProgramacionAprobadaAsync(() => db.SaveChangesAsync());
            return (p.Id, antes.Item1, antes.Item2);
        }
        finally { accesor.HttpContext = null; }
    }
}
